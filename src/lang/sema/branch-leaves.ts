// The values a branch-valued expression can end in (chapter 2 §7.3): `if c { Ok(x) } else { Ok(0) }`,
// a `match` with `Ok(..)` in every arm, nested `if`/`match` inside a branch — each ends in one of
// its leaves. Sibling inference (sibling-result.ts) and late type arguments (late-types.ts) look
// at the leaves to tell which type argument of a Result (or Option) the branches leave open.
import type * as ast from '../syntax/ast';
import { isBareOkErr } from './sibling-result';
import { isBareNoneExpr } from './patterns';
import { blockDiverges } from './stmt';
import { exprInfo } from './tables';

/** The value expressions `e` ends in: `e` itself, or through the branches of `if`/`match` and the
 *  tails of their blocks, nested; a block without a tail is a leaf of its own (it diverges or gives
 *  no value) and a `return`/`break`/`continue` arm is none. Source order; iterative (programs can
 *  nest deeper than the JS stack). */
export function valueLeaves(e: ast.Expr): (ast.Expr | ast.Block)[] {
  const out: (ast.Expr | ast.Block)[] = [];
  const stack: (ast.Expr | ast.Block)[] = [e];
  while (stack.length) {
    const x = stack.pop()!;
    if ('stmts' in x) { if (x.tail) stack.push(x.tail); else out.push(x); continue; }
    if (x.kind === 'if' && x.else) {
      const bodies = [...x.branches.map((b) => b.body), x.else];
      for (let i = bodies.length - 1; i >= 0; i--) stack.push(bodies[i]);
    } else if (x.kind === 'match') {
      for (let i = x.arms.length - 1; i >= 0; i--) {
        const b = x.arms[i].body;
        if (b.kind !== 'return' && b.kind !== 'break' && b.kind !== 'continue') stack.push(b as ast.Expr | ast.Block);
      }
    } else if (x.kind === 'block') stack.push(x.block);
    else out.push(x);
  }
  return out;
}

/** Some leaf of `e` is a bare `Ok(..)`/`Err(..)` (read before checking: no types needed). */
export const hasOkErrLeaf = (e: ast.Expr | null): boolean => !!e && valueLeaves(e).some((l) => !('stmts' in l) && isBareOkErr(l));

/** Some leaf of `e` is a bare `None`. */
export const hasNoneLeaf = (e: ast.Expr | null): boolean => !!e && valueLeaves(e).some((l) => !('stmts' in l) && isBareNoneExpr(l));

/** Every leaf of `e` is a bare `None` (`if a { None } else { None }` nested in a branch): it takes
 *  its Option type from its siblings like a lone `None`. */
export const onlyNoneLeaves = (e: ast.Expr | null): boolean => {
  const l = e ? valueLeaves(e) : [];
  return l.length > 0 && l.every((x) => !('stmts' in x) && isBareNoneExpr(x));
};

/** The leaves of a checked `e` by kind; `other` when some leaf gives a value that is neither a bare
 *  Ok/Err nor a bare None (leaves that diverge — `panic(..)`, a block ending in `return` — give none). */
export interface Leaves { ok: ast.ExprOf<'call'>[]; err: ast.ExprOf<'call'>[]; none: ast.Expr[]; other: boolean }

/** Sort the leaves of `e`, which has been checked (silently or not): divergence is read from its types. */
export function classifyLeaves(e: ast.Expr): Leaves {
  const out: Leaves = { ok: [], err: [], none: [], other: false };
  for (const l of valueLeaves(e)) {
    if ('stmts' in l) { if (!blockDiverges(l)) out.other = true; continue; }
    if (isBareOkErr(l)) {
      const c = l as ast.ExprOf<'call'>;
      (c.callee.kind === 'ident' && c.callee.name === 'Ok' ? out.ok : out.err).push(c);
    } else if (isBareNoneExpr(l)) out.none.push(l);
    else if (exprInfo(l)?.type.k !== 'never') out.other = true;
  }
  return out;
}

// Chapter 2 §7.3: `Ok(x)` and `Err(e)` leave one type argument of `Result` open. Where they are the
// values of alternative branches (`if c { Ok(v) } else { Err("bad") }`, match arms) with no
// expected type, the branches decide it together, the way a bare `None` arm takes its Option type
// from a `Some(..)` sibling: each branch is checked silently (the real check follows) and the
// Result argument each one fixes is kept.
import type * as ast from '../syntax/ast';
import { T, type Type } from './types';
import type { Ctx } from './context';
import { RESULT } from './prelude';
import { probe } from './closure-infer';
import { clearInfo } from './late-types';
import { shadowing } from './shadow';
import { exprInfo } from './tables';
import { classifyLeaves, hasOkErrLeaf, type Leaves } from './branch-leaves';

/** A bare `Ok(x)` / `Err(e)` (no type arguments written): its Result type comes partly from context. */
export const isBareOkErr = (e: ast.Expr | null): boolean =>
  !!e && e.kind === 'call' && e.callee.kind === 'ident' && (e.callee.name === 'Ok' || e.callee.name === 'Err') && !e.callee.typeArgs;

/** Known: not an error nor Result's own uninstantiated `T`/`E` (a generic function's `T` is a type). */
const known = (a: Type | undefined): a is Type => !!a && a.k !== 'error' && !(a.k === 'param' && a.owner === RESULT.name);
const complete = (t: Type | undefined): t is Extract<Type, { k: 'enum' }> =>
  !!t && t.k === 'enum' && t.info === RESULT && t.args.every(known);

/** One alternative: the node to forget after the silent check, its value expression, and its check. */
export interface Branch { node: unknown; value: ast.Expr | null; check: () => Type }

/** The prelude `Result` type the branches fix together, or null (not all of it known, or the
 *  program has its own `enum Result`). Only asked when some branch ends in a bare Ok/Err (also
 *  through a nested `if`/`match`: its leaves count, not the type it defaulted to on its own). */
export function siblingResultType(cx: Ctx, branches: Branch[], file: string): Type | null {
  if (!branches.some((b) => hasOkErrLeaf(b.value)) || shadowing(cx, 'Result', file)) return null;
  const args: (Type | null)[] = [null, null];
  let whole: Type | null = null;
  // every branch that gives a value gives it by bare Ok/Err leaves: the other argument stays open
  let open = true;
  for (const b of branches) {
    if (whole) break;
    probe(cx, () => {
      const t = b.check();
      if (t.k === 'never') return; // `return`, `panic(..)`: no value to agree with
      const leaves = b.value ? classifyLeaves(b.value) : null;
      if (leaves && !leaves.other && !leaves.none.length && (leaves.ok.length || leaves.err.length)) {
        leafArgs(leaves).forEach((a, i) => { if (!args[i]) args[i] = a; });
        return;
      }
      open = false;
      if (complete(t)) whole = t;
    });
    clearInfo(b.node);
  }
  if (whole) return whole;
  // every branch a bare `Ok(..)` (or every one an `Err(..)`): nothing here fixes the other type
  // argument, which is then `i32` (§7.3: still open at the end → i32); a `let` of such branches
  // first asks its later uses (late-types.ts), so this default is what nothing decided
  if ((args[0] || args[1]) && open) {
    return { k: 'enum', info: RESULT, args: [args[0] ?? T.i32, args[1] ?? T.i32] };
  }
  return args[0] && args[1] ? { k: 'enum', info: RESULT, args: [args[0], args[1]] } : null;
}

/** The Result arguments checked Ok/Err leaves fix: `T` from the first typed `Ok(..)`, `E` from the
 *  first typed `Err(..)`. A leaf fixes only its own side (a nested branch's default for the other
 *  is not a decision). */
export function leafArgs(leaves: Leaves): [Type | null, Type | null] {
  const args: [Type | null, Type | null] = [null, null];
  for (const [side, list] of [[0, leaves.ok], [1, leaves.err]] as const) {
    for (const l of list) {
      const got = exprInfo(l.callee)?.type;
      const a = got?.k === 'enum' && got.info === RESULT ? got.args[side] : undefined;
      if (!args[side] && known(a)) args[side] = a;
    }
  }
  return args;
}

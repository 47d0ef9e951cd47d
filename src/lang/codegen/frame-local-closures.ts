// Closures that cannot outlive their frame: `let f = |…| …;` whose every later mention is a call
// `f(…)` made by the same function (not from inside another closure, which might escape). Such a
// closure's captured by-value arrays stay on the frame's stack model like the arrays themselves,
// so it charges nothing to the heap (stmts.ts closure): a loop making one per iteration over a
// fresh array must not run out of heap. Every other closure value may escape and is charged.
import type * as ast from '../syntax/ast';
import type { LocalInfo } from '../sema/typed';
import { type ResOf, checkMap, checkedNode, localOf, nameRes } from '../sema/tables';

const SKIP = new Set(['info', 'res', 'target', 'local', 'variant', 'resolved', 'span', 'nameSpan', 'moduleSpan', 'decl']);
const cache = checkMap<object, ReadonlySet<ast.Expr>>(); // (per check: it reads the check's resolutions)

/** The closure literals of the function body `root` that stay in its frame (see above). */
export function frameLocalClosures(root: object): ReadonlySet<ast.Expr> {
  const hit = cache.get(root);
  if (hit) return hit;
  // `let f = closure`: the literal and the closure literal the let is inside (null: the body)
  const lets = new Map<LocalInfo, { closure: ast.Expr; owner: object | null }>();
  const uses: { local: LocalInfo; owner: object | null; called: boolean }[] = [];
  const walk = (n: unknown, owner: object | null, callee: unknown): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) { for (const x of n) walk(x, owner, callee); return; }
    const o = checkedNode(n) as Record<string, unknown> & { kind?: string };
    if (o.kind === 'let') {
      const s = o as unknown as Extract<ast.Stmt, { kind: 'let' }>;
      if (s.pattern.kind === 'name' && localOf(s.pattern) && s.init?.kind === 'closure') lets.set(localOf(s.pattern)!, { closure: s.init, owner });
    } else if (o.kind === 'ident') {
      const e = o as unknown as ast.ExprOf<'ident'>;
      if (nameRes(e)?.k === 'local') uses.push({ local: (nameRes(e) as ResOf<'local'>).local, owner, called: callee === o });
    }
    const inner = o.kind === 'closure' ? o : owner;
    const calleeHere = o.kind === 'call' ? o.callee : null;
    for (const k of Object.keys(o)) if (!SKIP.has(k)) walk(o[k], inner, calleeHere);
  };
  walk(root, null, null);
  const out = new Set<ast.Expr>();
  for (const [local, l] of lets) {
    if (uses.every((u) => u.local !== local || (u.called && u.owner === l.owner))) out.add(l.closure);
  }
  cache.set(root, out);
  return out;
}

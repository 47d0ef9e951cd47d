// Function-typed parameters that cannot outlive their call: every mention of the parameter in the
// body is a call of it, or an argument to such a parameter of another function or of a method
// that lends its closure for the call (Vec.map, Option.map …), or to catch_panic — never stored,
// returned, bound, captured by a closure, a `go` task or an `async` block. A closure literal passed
// there is then lent, like one passed to Vec.map: it cannot outlive the statement that makes it,
// so what it captures is dropped when its scope ends and its captured arrays cost no heap
// (codegen frame-local-closures.ts, stmts.ts closure). Without this, every closure given to a user
// function counted as escaping and kept its captures to the end of the run.
// Greatest fixpoint: a parameter starts scoped and loses it when a mention escapes, including by
// flowing into a parameter that lost it (recursion through scoped parameters stays scoped).
import type * as ast from '../syntax/ast';
import type { Ctx } from './context';
import type { FnInfo, LocalInfo } from './typed';
import { callTarget, checkSet, checkedNode, nameRes, type ResOf } from './tables';
import { isLendingMethod } from './moves';

/** Closure literals (and let-bound closure locals' uses) given to a scoped parameter. */
export const scopedClosures = checkSet<ast.Expr>();
/** Idents `f` given as such an argument (`g(f)` of a `let f = |…| …`): a use that does not escape. */
export const scopedArgs = checkSet<ast.Expr>();

const SKIP = new Set(['info', 'res', 'target', 'local', 'variant', 'resolved', 'span', 'nameSpan', 'moduleSpan', 'decl']);

/** Where a mention of a local sits: called, passed as argument `index` of `call`, or anything else. */
type Use = { local: LocalInfo; nested: boolean; callee: boolean; call: ast.ExprOf<'call'> | null; index: number };

export function computeScopedParams(cx: Ctx): void {
  const params = new Map<LocalInfo, FnInfo>();
  for (const f of cx.allFns) {
    if (!f.decl || f.isAsync || f.isExternC) continue;
    for (const p of f.params) if (p.local && p.type.k === 'fn' && !p.variadic) params.set(p.local, f);
  }
  const uses: Use[] = [];
  const args: { arg: ast.Expr; call: ast.ExprOf<'call'>; index: number }[] = [];
  for (const f of cx.allFns) if (f.decl?.body) walk(f.decl.body, false, uses, args);
  const scoped = new Set(params.keys());
  const lentBy = (call: ast.ExprOf<'call'> | null, index: number): boolean => {
    if (!call) return false;
    const t = callTarget(call);
    if (!t) return false;
    if (t.k === 'builtin') return t.name === 'catch_panic';
    if (t.k === 'builtin-method') return isLendingMethod(t.owner, t.method);
    if (t.k !== 'fn' && t.k !== 'method') return false;
    const p = t.fn.params[index]?.local;
    return !!p && scoped.has(p);
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const u of uses) {
      if (!scoped.has(u.local)) continue;
      if (!u.nested && (u.callee || lentBy(u.call, u.index))) continue;
      scoped.delete(u.local);
      changed = true;
    }
  }
  for (const a of args) {
    if (!lentBy(a.call, a.index)) continue;
    if (a.arg.kind === 'closure') scopedClosures.add(a.arg);
    else if (a.arg.kind === 'ident') scopedArgs.add(a.arg);
  }
}

function walk(n: unknown, nested: boolean, uses: Use[], args: { arg: ast.Expr; call: ast.ExprOf<'call'>; index: number }[], at: { call: ast.ExprOf<'call'>; index: number } | null = null, callee = false): void {
  if (!n || typeof n !== 'object') return;
  if (Array.isArray(n)) { for (const x of n) walk(x, nested, uses, args); return; }
  const o = checkedNode(n) as Record<string, unknown> & { kind?: string };
  if (o.kind === 'ident') {
    const r = nameRes(o as unknown as ast.ExprOf<'ident'>);
    if (r?.k === 'local') uses.push({ local: (r as ResOf<'local'>).local, nested, callee, call: at?.call ?? null, index: at?.index ?? -1 });
    return;
  }
  if (o.kind === 'call') {
    const c = o as unknown as ast.ExprOf<'call'>;
    walk(c.callee, nested, uses, args, null, true);
    c.args.forEach((a, index) => {
      args.push({ arg: a, call: c, index });
      walk(a, nested, uses, args, { call: c, index });
    });
    return;
  }
  // a closure, task or async block may run after the call: a mention inside it escapes
  const inner = nested || o.kind === 'closure' || o.kind === 'async' || o.kind === 'go';
  for (const k of Object.keys(o)) if (!SKIP.has(k)) walk(o[k], inner, uses, args);
}

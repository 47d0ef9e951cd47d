// A `defer` runs at function exit, evaluated then (base §3: "run at function exit, LIFO"), so one
// written in a nested block (a loop body, an `if`, a match arm) runs after that block's locals
// were dropped. A closure's (a `go` task's, an `async` block's) runs at its exit likewise
// (codegen gives each its own defer list, run when its body is done). Using such a local there would read a dropped value: E0176. Copy values holding
// no reference are still there to read (nothing was dropped), and so is a reference to the
// function's own outer locals or parameters, so they stay allowed.
import type * as ast from '../syntax/ast';
import type { Ctx } from './context';
import type { LocalInfo } from './typed';
import { holdsRef, ownersOf, walk, within } from './borrows';
import { type Scope, bodyScope, forEachScope } from './scopes';
import { type ResOf, checkedNode, nameRes } from './tables';
import { MSG, NOTE } from '../msg';

/** A reference local whose every referent is a parameter or a local of the function's outermost
 *  block (declared outside `top`): what it points to is still there when the defer runs. */
function outlivesBlocks(cx: Ctx, use: Record<string, unknown>, l: LocalInfo, top: { span: ast.Span }): boolean {
  if (l.type.k !== 'ref') return false;
  const owners = ownersOf(cx, { operand: use as unknown as ast.Expr, mut: false, span: use.span as ast.Span });
  return owners.every((x) => !within(x.span, top.span)) && (owners.length > 0 || !cx.heldBorrows.has(l));
}

/** After `d` was checked: report the block locals it uses that die before it runs. */
export function checkDeferScope(cx: Ctx, d: Extract<ast.Stmt, { kind: 'defer' }>): void {
  const decl = cx.fn?.info.decl;
  if (!decl?.body) return;
  // the body whose exit runs d: the function's, or the innermost closure, task or async block holding d
  let body: Scope | null = bodyScope(decl, decl.body);
  if (cx.fn!.closure) {
    body = null;
    forEachScope(decl.body, (s) => {
      if (!within(d.span, s.span)) return false;
      if (s.kind === 'closure' || s.kind === 'go' || s.kind === 'async') body = s;
    });
  }
  // the top-level statement (or value: `|| if c { … }`) holding d: a local declared inside it
  // (but not inside d) ends with it
  const top = body && [...(body as Scope).stmts, (body as Scope).value].find((s) => s && within(d.span, s.span));
  if (!top || top === d) return;
  const what = { closure: 'closure', go: 'task', async: '`async` block' }[(body as Scope).kind as string] ?? 'function';
  const seen = new Set<LocalInfo>();
  const stack: unknown[] = [d.body];
  while (stack.length) {
    const n = stack.pop();
    if (!n || typeof n !== 'object') continue;
    if (Array.isArray(n)) { stack.push(...n); continue; }
    const o = checkedNode(n) as Record<string, unknown>;
    if (o.kind === 'ident') {
      const r = nameRes(o as unknown as ast.ExprOf<'ident'>);
      const l = r?.k === 'local' ? (r as ResOf<'local'>).local : null;
      if (l && !seen.has(l) && within(l.span, top.span) && !within(l.span, d.span) && (l.needsDrop || (holdsRef(l.type) && !outlivesBlocks(cx, o, l, top)))) {
        seen.add(l);
        cx.error(MSG.E0176.deferUsesBlockLocal({ name: l.name, what }), o.span as ast.Span, {
          labels: [{ span: l.span, message: NOTE.E0176.labelDeclaredInBlockDropped({ name: l.name, what }) }],
          notes: [NOTE.E0176.helpDeferAtTop({ name: l.name, what })],
        });
      }
    }
    for (const k in o) if (walk(o, k)) stack.push(o[k]);
  }
}

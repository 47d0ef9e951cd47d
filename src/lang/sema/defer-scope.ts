// A `defer` runs at function exit, evaluated then (base §3: "run at function exit, LIFO"), so one
// written in a nested block (a loop body, an `if`, a match arm) runs after that block's locals
// were dropped. Using such a local there would read a dropped value: E0176. Copy values holding
// no reference are still there to read (nothing was dropped), and so is a reference to the
// function's own outer locals or parameters, so they stay allowed.
import type * as ast from '../syntax/ast';
import type { Ctx } from './context';
import type { LocalInfo } from './typed';
import { holdsRef, ownersOf, walk, within } from './borrows';
import { type ResOf, checkedNode, nameRes } from './tables';
import { MSG, NOTE } from '../msg';

/** A reference local whose every referent is a parameter or a local of the function's outermost
 *  block (declared outside `top`): what it points to is still there when the defer runs. */
function outlivesBlocks(cx: Ctx, use: Record<string, unknown>, l: LocalInfo, top: ast.Stmt): boolean {
  if (l.type.k !== 'ref') return false;
  const owners = ownersOf(cx, { operand: use as unknown as ast.Expr, mut: false, span: use.span as ast.Span });
  return owners.every((x) => !within(x.span, top.span)) && (owners.length > 0 || !cx.heldBorrows.has(l));
}

/** After `d` was checked: report the block locals it uses that die before it runs. */
export function checkDeferScope(cx: Ctx, d: Extract<ast.Stmt, { kind: 'defer' }>): void {
  const body = cx.fn && !cx.fn.closure ? cx.fn.info.decl?.body : null; // (a closure's defers: not checked here)
  if (!body) return;
  // the top-level statement holding d: a local declared inside it (but not inside d) ends with it
  const top = body.stmts.find((s) => within(d.span, s.span));
  if (!top || top === d) return;
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
        cx.error(MSG.E0176.deferUsesBlockLocal({ name: l.name }), o.span as ast.Span, {
          labels: [{ span: l.span, message: NOTE.E0176.labelDeclaredInBlockDropped({ name: l.name }) }],
          notes: [NOTE.E0176.helpDeferAtTop({ name: l.name })],
        });
      }
    }
    for (const k in o) if (walk(o, k)) stack.push(o[k]);
  }
}

// The readable name a spawned task gets in the trace (the Task timeline's lane label): the
// function a `go` statement or go_with_stack calls, else what kind of body it runs.
import type * as ast from '../syntax/ast';
import { displayName } from '../sema/module-names';
import { checkedCall } from '../sema/tables';

/** Names of another tab's functions as written (`worker`, not the linker's `utilːworker`). */
export function taskName(body: ast.Block | ast.Expr): string {
  return displayName(rawTaskName(body));
}

function rawTaskName(body: ast.Block | ast.Expr): string {
  if (body.kind === 'block') return 'go block';
  if (body.kind === 'call') return calleeName(checkedCall(body).callee) ?? 'go call';
  if (body.kind === 'ident') return body.name;
  if (body.kind === 'closure') return 'closure';
  return 'go task';
}

function calleeName(c: ast.Expr): string | null {
  if (c.kind === 'ident') return c.name;
  if (c.kind === 'member') return c.object.kind === 'ident' ? `${c.object.name}.${c.name}` : c.name;
  return null;
}

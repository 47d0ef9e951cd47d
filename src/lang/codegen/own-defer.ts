// Whether a body has a `defer` of its own, known before the body is emitted: a `return` that
// leaves scopes nested in a statement with pending temporaries runs the frame's defers before
// their drops (§3.5), so returnJs must know it when it meets the return, before any later
// `defer` statement is emitted.
import type * as ast from '../syntax/ast';
import { forEachScope } from '../sema/scopes';

/** A `defer` in the body outside the closures, tasks and async blocks it holds (those run in
 *  frames of their own, emitted by their own FnEmitter). */
export function hasOwnDefer(body: ast.Block | ast.Expr): boolean {
  let found = false;
  forEachScope(body, (s) => {
    if (s.kind === 'defer') found = true;
    return !found && s.kind !== 'closure' && s.kind !== 'go' && s.kind !== 'async';
  });
  return found;
}

// The local a place expression starts from, in the two senses the checker needs. They differ in
// whether a reference leads on to what it points at:
// - ownerLocal: the local that *owns* the place (borrows.ts: what a borrow conflicts with). Parts
//   of a value lead on (`a.b`, `a[i]`, `a.0`), as do a Box's content and accessors that read their
//   receiver's content in place; `*r` of a reference does not (r does not own what it points at).
// - placeRoot: the local a place or reference is *reached from* (escaping-closures.ts, lints.ts:
//   which frame local a closure's reference or a write depends on), through `*` and `&` alike.
import type * as ast from '../syntax/ast';
import type { LocalInfo } from './typed';
import { type ResOf, callTarget, checkedCall, exprInfo, nameRes } from './tables';
import type { Type } from './types';
import { isCopy } from './infer';

const localOfIdent = (x: ast.Expr): LocalInfo | null =>
  x.kind === 'ident' && nameRes(x)?.k === 'local' ? (nameRes(x) as ResOf<'local'>).local : null;

export function ownerLocal(e: ast.Expr | undefined): LocalInfo | null {
  let x = e;
  for (;;) {
    if (!x) return null;
    if (x.kind === 'member' || x.kind === 'index' || x.kind === 'tuple-index') x = x.object;
    // `*b` of a Box is a part of b, as is what an accessor reads in place (`b.get()`,
    // `o.unwrap()` of a value that is not Copy: codegen gives the content itself, not a copy)
    else if (x.kind === 'deref' && isBox(exprInfo(x.operand)?.type)) x = x.operand;
    else if (x.kind === 'call' && x.callee.kind === 'member' && readsInPlace(x)) x = x.callee.object;
    else break;
  }
  return localOfIdent(x);
}
const isBox = (t: Type | undefined): boolean => t?.k === 'builtin' && t.name === 'Box';
/** Builtin methods whose result is a part of their receiver, read where it is. */
const IN_PLACE = new Set(['Box.get', 'Option.unwrap', 'Option.expect', 'Result.unwrap', 'Result.expect']);
function readsInPlace(c: ast.ExprOf<'call'>): boolean {
  const t = callTarget(checkedCall(c)), rt = exprInfo(c)?.type;
  return t?.k === 'builtin-method' && IN_PLACE.has(`${t.owner}.${t.method}`) && !!rt && !isCopy(rt);
}

/** `throughOps`: an increment or unary operator leads on to its operand too (lints.ts: `(x++)`
 *  inside a place still writes x). */
export function placeRoot(e: ast.Expr, throughOps = false): LocalInfo | null {
  let x = e;
  for (;;) {
    if (x.kind === 'member' || x.kind === 'tuple-index' || x.kind === 'index') x = x.object;
    else if (x.kind === 'deref' || x.kind === 'ref') x = x.operand;
    else if (throughOps && (x.kind === 'unary' || x.kind === 'postfix')) x = x.operand;
    else break;
  }
  return localOfIdent(x);
}

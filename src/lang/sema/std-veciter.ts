// `v.iter(): VecIter<T>` (chapter 2 §5.2): "an Iterator over copies". Written in Vex like the
// standard modules and linked the same way (std-modules.ts), but never imported: a program that
// calls a method named `iter` or names `VecIter` gets these items, as `vec·VecIter` (shown as
// `VecIter`). Why Vex and not a built-in type: the struct then is an ordinary user iterator, so
// `for … in`, `I: Iterator` bounds with `I.Item`, `{:?}`, moves and drops all work unchanged.
//
// The iterator owns a clone of the Vec (so the Vec stays usable and is never borrowed) and hands
// its elements over one by one by moving them out (`remove(0)`): a String or Drop element has one
// owner at every moment, and what is left unread is dropped with the iterator. `{:?}` shows the
// elements not yet read, in order. (remove(0) is one native splice per step: quadratic in principle,
// immaterial at playground sizes, and it keeps the printed state in order.)
import type * as ast from '../syntax/ast';

export const VEC_ITER_SOURCE = `
export struct VecIter<T> impl Iterator { items: Vec<T> }
fn (self: &VecIter<T>!) next(): Option<T> {
    if self.items.is_empty() { return None; }
    return Some(self.items.remove(0));
}
fn (self: &VecIter<T>) len(): i64 { return self.items.len(); }
fn (self: &Vec<T>) iter(): VecIter<T> { return VecIter<T> { items: self.clone() }; }
`;

/** The internal module's name (not importable: it is not among the standard modules). */
export const VEC_ITER_MODULE = 'vec';
/** The checker's name of the linked struct (arrays' and slices' `iter()` make one, methods.ts). */
export const VEC_ITER_STRUCT = `${VEC_ITER_MODULE}·VecIter`;

/** What completion offers after `v.` on a Vec before the program calls `iter` (then the linked method is listed). */
export const VEC_ITER_COMPLETION = { label: 'iter', kind: 'method', detail: 'fn iter(): VecIter<T>' } as const;

/** Whether a program may use `iter`/`VecIter` and does not define them itself: a method `iter`
 *  called anywhere or the type `VecIter` named, and no own item `VecIter` or own method `iter`
 *  on Vec (then the user's one is the only one). parse() marks the programs that cannot (noVecIter). */
export function wantsVecIter(program: ast.Program): boolean {
  if (program.noVecIter) return false;
  for (const it of program.items) {
    if ((it as { span: ast.Span }).span.file.startsWith('<std>')) continue;
    if ('name' in it && it.name === 'VecIter' && it.kind !== 'fn') return false;
    if (it.kind === 'fn' && it.name === 'iter' && it.receiver && recvIsVec(it.receiver.type)) return false;
  }
  return true;
}

/** The linked items; when the program declares its own `contract Iterator` (§3.7 shadowing),
 *  VecIter does not claim to implement that one (it stays iterable by `for … in` through next()). */
export function vecIterItems(items: ast.Item[], program: ast.Program): ast.Item[] {
  const own = program.items.some((i) => i.kind === 'contract' && i.name === 'Iterator' && !i.span.file.startsWith('<std>'));
  if (!own) return items;
  return items.map((i) => (i.kind === 'struct' ? { ...i, impls: i.impls.filter((c) => c.name !== 'Iterator') } : i));
}

function recvIsVec(t: ast.TypeExpr | null | undefined): boolean {
  let x: ast.TypeExpr | null | undefined = t;
  while (x && x.kind === 'ref') x = x.inner;
  return !!x && x.kind === 'named' && x.name === 'Vec';
}

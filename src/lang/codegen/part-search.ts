// "Does a value of this type hold, somewhere in its parts, a type with property P?" — asked by
// the GC-root glue (a Gc handle) and the == glue (a type with its own op==). A recursive type
// reaches itself, so the answer is a search over the part graph, never a recursion that fixes a
// provisional answer inside a cycle (that kept `false` for Option<Box<B>> inside B whenever B's
// link field came before the field that has P).
import { subst, envOf, type Type } from '../sema/types';
import { typeKey } from './typedesc';

/** `step(x)`: true when x itself has the property, else the part types to search on. `memo` holds
 *  final answers by typeKey (read for parts, written for t). */
export function somePartHas(t: Type, memo: Map<string, boolean>, step: (x: Type) => true | readonly Type[]): boolean {
  const key = typeKey(t);
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  const seen = new Set<string>(), work: Type[] = [t];
  let r = false;
  while (work.length && !r) {
    const x = work.pop()!;
    const k = typeKey(x);
    if (seen.has(k)) continue;
    seen.add(k);
    const known = memo.get(k);
    if (known !== undefined) { r = known; continue; }
    const s = step(x);
    if (s === true) r = true;
    else work.push(...s);
  }
  memo.set(key, r);
  return r;
}

/** The field types of a struct, or of every variant of an enum, with its type arguments. */
export function memberTypes(t: Extract<Type, { k: 'struct' | 'enum' }>): Type[] {
  const env = envOf(t.info.generics, t.args, t.info.name);
  return t.k === 'struct' ? t.info.fields.map((f) => subst(f.type, env)) : t.info.variants.flatMap((v) => v.fields.map((f) => subst(f, env)));
}

// Which Map/Set key types need canonical keys at run time (JS Maps compare objects by identity).
import type { Type } from '../sema/types';

/** Map/Set keys that are not JS primitives (String, structs, tuples, data enums, arrays), and
 *  floats: a JS Map finds NaN under NaN, where a key must match as `==` does (canonKey). */
export function compoundKey(t: Type): boolean {
  switch (t.k) {
    case 'int': case 'bool': case 'str': case 'ptr': case 'unit': return false;
    case 'enum': return t.info.variants.some((v) => v.fields.length > 0);
    default: return true;
  }
}

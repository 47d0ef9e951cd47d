// `e as T` (vex-language §4.2): integers truncate or extend by source signedness, float -> int
// truncates/saturates/NaN -> 0, bool -> int, unit enum -> index, int <-> pointer, str -> *u8.
import type { Type, IntName } from '../sema/types';
import { isWideInt } from '../sema/types';
import { jsStr, isWide, roundFloat, wrapInt, wrapWide } from './names';
import { rtH, rtX } from './rt-names';

/** JS for casting the value `v` of type `from` (references already stripped) to `to`. */
export function emitCast(v: string, from: Type, to: Type, site: () => number): string {
  if (to.k === 'int') {
    const n: IntName = to.name;
    if (from.k === 'int') {
      if (isWideInt(n)) {
        if (isWideInt(from.name)) return from.name === n ? v : wrapWide(v, n);
        // a value of <= 32 bits already fits a signed 64/128-bit target, or an unsigned one when
        // unsigned itself: no wrap to do (a number is the canonical form of a safe integer)
        return n[0] === 'i' || from.name[0] === 'u' ? v : wrapWide(v, n);
      }
      // $asI/$asU of <= 32 bits give the wrapped number from either form
      if (isWideInt(from.name)) return wrapWide(v, n);
      return from.name === n ? v : wrapInt(v, n);
    }
    if (from.k === 'float') return `$f2i(${v}, ${jsStr(n)})`;
    if (from.k === 'bool') return `(${v} ? 1 : 0)`;
    if (from.k === 'enum') return `${v}.t`;
    if (from.k === 'ptr') return wrapInt(v, n);
    return v;
  }
  if (to.k === 'float') {
    let x = v;
    // (to f32/f16 rounded once: through an f64 first rounds twice)
    if (from.k === 'int' && isWideInt(from.name) && to.bits < 64) return `${rtX('$i2f')}(${v}, ${to.bits})`;
    if (from.k === 'int' && isWideInt(from.name)) x = `$Number(${v})`;
    else if (from.k === 'bool') x = `(${v} ? 1 : 0)`;
    return roundFloat(x, to.bits);
  }
  if (to.k === 'ptr') {
    if (from.k === 'int') return isWideInt(from.name) ? `$Number($asU(64, ${v}))` : `(${v} >>> 0)`;
    if (from.k === 'str') return `${rtH('cstr')}(${v})`;
    if (from.k === 'ptr') return v;
    return `${rtH('addrOf')}(${v}, ${site()})`;
  }
  if (to.k === 'bool' && from.k === 'int') return isWide(from) ? `(${v} != 0)` : `(${v} !== 0)`;
  return v;
}

// 64/128-bit integers (i64, u64, i128, u128) in their canonical JS form: a number whenever the
// value is a safe integer (|v| <= 2^53 - 1), a BigInt only outside that range. One value has one
// representation, so `===`, Map/Set keys and formatting need no normalising at each use; BigInt
// arithmetic is paid only by values that need it. Every operation here accepts either form and
// returns the canonical one; the fast paths are exact because a double result within ±(2^53 - 1)
// of `+ - *` on safe integers is the exact result (rounding is monotone and 2^53 is representable).
//
// Kind codes (what codegen passes as `k`): 0 i64, 1 u64, 2 i128, 3 u128.
import type { IntName } from '../../common/ints';

export type Wide = number | bigint;
const MAX = Number.MAX_SAFE_INTEGER;
const MAXN = BigInt(MAX);

export const wideKind = (n: IntName): number => (n === 'i64' ? 0 : n === 'u64' ? 1 : n === 'i128' ? 2 : 3);

/** The canonical form of an in-range BigInt. */
export function canon(b: bigint): Wide {
  return b >= -MAXN && b <= MAXN ? Number(b) : b;
}

/** Wrap an exact integer (number or BigInt, any size) to kind k, canonically. */
export function wrapK(x: Wide, k: number): Wide {
  if (typeof x === 'number' && x >= ((k & 1) ? 0 : -MAX) && x <= MAX) return x + 0; // +0: never -0
  const b = typeof x === 'bigint' ? x : BigInt(x);
  const bits = k < 2 ? 64 : 128;
  return canon((k & 1) ? BigInt.asUintN(bits, b) : BigInt.asIntN(bits, b));
}

/** `$asI`/`$asU` as generated code binds them: BigInt.asIntN/asUintN for either form, canonical. */
export function asI(bits: number, x: Wide): Wide {
  if (typeof x === 'number' && x >= -MAX && x <= MAX) {
    if (bits >= 64) return x + 0;
    // ToInt32 is exact modulo 2^32 for any safe integer
    if (bits === 32) return x | 0;
    if (bits === 16) return (x << 16) >> 16;
    if (bits === 8) return (x << 24) >> 24;
  }
  return canon(BigInt.asIntN(bits, typeof x === 'bigint' ? x : BigInt(x)));
}
export function asU(bits: number, x: Wide): Wide {
  if (typeof x === 'number' && x >= -MAX && x <= MAX) {
    if (bits >= 64) { if (x >= 0) return x + 0; }
    else if (bits === 32) return x >>> 0;
    else if (bits === 16) return x & 65535;
    else if (bits === 8) return x & 255;
  }
  return canon(BigInt.asUintN(bits, typeof x === 'bigint' ? x : BigInt(x)));
}

const big = (x: Wide) => (typeof x === 'bigint' ? x : BigInt(x));

export function add(a: Wide, b: Wide, k: number): Wide {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (r >= ((k & 1) ? 0 : -MAX) && r <= MAX) return r;
  }
  return wrapK(big(a) + big(b), k);
}
export function sub(a: Wide, b: Wide, k: number): Wide {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (r >= ((k & 1) ? 0 : -MAX) && r <= MAX) return r;
  }
  return wrapK(big(a) - big(b), k);
}
export function mul(a: Wide, b: Wide, k: number): Wide {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (r >= ((k & 1) ? 0 : -MAX) && r <= MAX) return r + 0;
  }
  return wrapK(big(a) * big(b), k);
}
/** Truncating division; the caller has checked b != 0. Math.trunc(a / b) is exact for safe
 *  integers: a non-integer quotient lies at least 1/|b| from an integer, more than its rounding
 *  error (|a/b| * 2^-53 < 1/|b|). MIN / -1 overflows, and wraps, on the BigInt path. */
export function div(a: Wide, b: Wide, k: number): Wide {
  if (typeof a === 'number' && typeof b === 'number') return Math.trunc(a / b) + 0;
  return wrapK(big(a) / big(b), k);
}
/** Remainder (sign of the dividend); the caller has checked b != 0. With the exact quotient
 *  above, q * b and a - q * b are exact too, and this is faster than `%` (fmod) on doubles. */
export function rem(a: Wide, b: Wide): Wide {
  if (typeof a === 'number' && typeof b === 'number') return a - Math.trunc(a / b) * b;
  return canon(big(a) % big(b));
}
export function neg(a: Wide, k: number): Wide {
  if (typeof a === 'number' && !(k & 1)) return 0 - a;
  return wrapK(-big(a), k);
}
export function not(a: Wide, k: number): Wide {
  if (typeof a === 'number' && !(k & 1)) return wrapK(-a - 1, k);
  return wrapK(~big(a), k);
}
const isI32 = (x: Wide): x is number => typeof x === 'number' && (x | 0) === x;
export function and(a: Wide, b: Wide): Wide {
  if (isI32(a) && isI32(b)) return a & b;
  return canon(big(a) & big(b));
}
export function or(a: Wide, b: Wide): Wide {
  if (isI32(a) && isI32(b)) return a | b;
  return canon(big(a) | big(b));
}
export function xor(a: Wide, b: Wide): Wide {
  if (isI32(a) && isI32(b)) return a ^ b;
  return canon(big(a) ^ big(b));
}
/** A shift count masked to `mask` (width - 1, §3.5), from a count of any integer type. */
export function shiftCount(c: Wide, mask: number): number {
  return typeof c === 'number' ? c & mask : Number(c & BigInt(mask));
}
export function shl(a: Wide, c: Wide, k: number): Wide {
  const s = shiftCount(c, k < 2 ? 63 : 127);
  if (typeof a === 'number' && s < 53) {
    const r = a * 2 ** s; // exact while within the safe range
    if (r >= ((k & 1) ? 0 : -MAX) && r <= MAX) return r;
  }
  return wrapK(big(a) << BigInt(s), k);
}
/** Arithmetic for signed kinds, logical for unsigned (their values are never negative). */
export function shr(a: Wide, c: Wide, k: number): Wide {
  const s = shiftCount(c, k < 2 ? 63 : 127);
  if (typeof a === 'number') return s >= 53 ? (a < 0 ? -1 : 0) : Math.floor(a / 2 ** s) + 0;
  return canon(a >> BigInt(s));
}
/** An exact integer-valued double (a length, a count, a clock) as a canonical wide value. */
export function fromNum(x: number): Wide {
  return x >= -MAX && x <= MAX ? x + 0 : BigInt(x);
}
/** `v + 1` without wrapping: a range's loop variable may step one past the type's maximum. */
export function inc(v: Wide): Wide {
  return typeof v === 'number' && v < MAX ? v + 1 : canon(big(v) + 1n);
}

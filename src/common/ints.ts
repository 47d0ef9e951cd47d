// Plain types shared by the compiler (src/lang) and the simulated machine (src/runtime), which
// never import each other: the integer kinds both must agree on.
export type IntName = 'i8' | 'i16' | 'i32' | 'i64' | 'i128' | 'u8' | 'u16' | 'u32' | 'u64' | 'u128';

/** Float -> integer `as` (base §4.2): truncate toward zero, saturate at the type's bounds, NaN
 *  -> 0. One definition for run time casts and constant folding, so both give the same value. */
export function floatToIntSaturating(v: number, to: IntName): bigint {
  if (Number.isNaN(v)) return 0n;
  const b = BigInt(to.slice(1));
  const min = to[0] === 'i' ? -(1n << (b - 1n)) : 0n;
  const max = to[0] === 'i' ? (1n << (b - 1n)) - 1n : (1n << b) - 1n;
  if (v === Infinity) return max;
  if (v === -Infinity) return min;
  const t = BigInt(Math.trunc(v));
  return t < min ? min : t > max ? max : t;
}

/** A 64/128-bit integer as a float of `bits` (16/32/64), rounded once, to nearest even, as C's
 *  conversion does. `Number(x)` then `Math.fround` rounds twice (2^60 + 2^36 + 1 became 2^60,
 *  not 2^60 + 2^37): the value is first cut to 53 bits rounding to odd (a lost bit sets the
 *  last one), which the second rounding to 24 or 11 bits cannot tell from the exact value.
 *  Returns the f64 that holds the narrow value (`round` rounds it to the narrow type). */
export function wideToFloat(x: bigint, bits: number, round: (n: number) => number): number {
  const neg = x < 0n;
  let m = neg ? -x : x;
  if (bits === 64 || m < 1n << 53n) return round(Number(x));
  const shift = BigInt(m.toString(2).length - 53);
  const lost = m & ((1n << shift) - 1n);
  m >>= shift;
  if (lost !== 0n) m |= 1n;
  const v = Number(m) * 2 ** Number(shift);
  return round(neg ? -v : v);
}

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

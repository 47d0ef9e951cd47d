// IEEE 754 binary16 rounding (Vex `f16`, chapter 2 §7.5): values are kept as JS numbers that are
// exactly representable halves; every store rounds to the nearest half, ties to even, like C's
// conversion to `_Float16`. (`Math.f16round` is not available in every engine we run on.)

const roundHalfEven = (y: number): number => {
  const f = Math.floor(y);
  const d = y - f;
  return d > 0.5 || (d === 0.5 && f % 2 !== 0) ? f + 1 : f;
};

/** The binary16 bit pattern of `x` (rounded to the nearest half first): sign, 5-bit exponent, 10-bit fraction. */
export function f16ToBits(x: number): number {
  if (Number.isNaN(x)) return 0x7e00;
  const h = f16round(x);
  const sign = h < 0 || Object.is(h, -0) ? 0x8000 : 0;
  const a = Math.abs(h);
  if (a === Infinity) return sign | 0x7c00;
  if (a < 2 ** -14) return sign | Math.round(a / 2 ** -24); // subnormal (or zero)
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  return sign | ((e + 15) << 10) | Math.round((a / 2 ** e - 1) * 1024);
}

/** The value of a binary16 bit pattern. */
export function f16FromBits(b: number): number {
  const sign = b & 0x8000 ? -1 : 1, e = (b >> 10) & 0x1f, f = b & 0x3ff;
  if (e === 0x1f) return f ? NaN : sign * Infinity;
  return sign * (e === 0 ? f * 2 ** -24 : (1 + f / 1024) * 2 ** (e - 15));
}

/** The half-precision value nearest to `x` (±Infinity past 65504, subnormals down to 2^-24). */
export function f16round(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const a = Math.abs(x);
  if (a >= 65520) return x > 0 ? Infinity : -Infinity;
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  else if (2 ** (e + 1) <= a) e++;
  const q = 2 ** (Math.max(e, -14) - 10); // the spacing of halves at this magnitude
  const r = roundHalfEven(a / q) * q;
  return x < 0 ? -r : r;
}

// IEEE 754 binary16 rounding (Vex `f16`, chapter 2 §7.5): values are kept as JS numbers that are
// exactly representable halves; every store rounds to the nearest half, ties to even, like C's
// conversion to `_Float16`. (`Math.f16round` is not available in every engine we run on.)

const roundHalfEven = (y: number): number => {
  const f = Math.floor(y);
  const d = y - f;
  return d > 0.5 || (d === 0.5 && f % 2 !== 0) ? f + 1 : f;
};

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

// libm shims: f64 -> f64 functions, with C's results where JS's Math differs (round halves away
// from zero; pow's special cases for 1 and -1 with NaN/infinite exponents).

import type { Shim } from './types';

const f = (fn: (x: number) => number): Shim => (_ctx, [x]) => fn(Number(x));
const f2 = (fn: (x: number, y: number) => number): Shim => (_ctx, [x, y]) => fn(Number(x), Number(y));

/** C pow: pow(1, y) = 1 and pow(x, 0) = 1 for any x/y (even NaN); pow(-1, ±inf) = 1. */
export function cpow(x: number, y: number): number {
  if (x === 1 || y === 0) return 1;
  if (x === -1 && (y === Infinity || y === -Infinity)) return 1;
  return Math.pow(x, y);
}

/** C round: halfway cases away from zero (Math.round rounds them up). */
export function cround(x: number): number {
  if (!Number.isFinite(x)) return x;
  const r = Math.trunc(x);
  const d = x - r;
  if (d >= 0.5) return r + 1;
  if (d <= -0.5) return r - 1;
  return r === 0 && x < 0 ? -0 : r;
}

// erf/erfc/tgamma/lgamma (chapter 2 §4.7 math): JS has none. Close to glibc's (about 1e-15
// relative), not bit-identical: erf by its series of positive terms (no cancellation), erfc by
// its continued fraction past 1.2; gamma by Lanczos (g = 7, 9 terms), reflected below 1/2.
const SQRT_PI = Math.sqrt(Math.PI);
function erfSeries(x: number): number { // 2/sqrt(pi) e^{-x^2} sum 2^n x^{2n+1} / (2n+1)!!
  let term = x, sum = x;
  for (let n = 1; n < 200 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) { term *= (2 * x * x) / (2 * n + 1); sum += term; }
  return (2 / SQRT_PI) * Math.exp(-x * x) * sum;
}
function erfcFraction(x: number): number { // x >= 1.2: e^{-x^2}/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + …))))
  const tiny = 1e-300;
  let f = x, c = x, d = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    d = x + a * d; d = Math.abs(d) < tiny ? tiny : d; d = 1 / d;
    c = x + a / c; c = Math.abs(c) < tiny ? tiny : c;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / SQRT_PI / f;
}
export function erf(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x < 0) return -erf(-x);
  return x < 2 ? erfSeries(x) : x > 6 ? 1 : 1 - erfcFraction(x);
}
export function erfc(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x < 0) return 2 - erfc(-x);
  return x < 1.2 ? 1 - erfSeries(x) : x > 27 ? 0 : erfcFraction(x);
}
const LANCZOS = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
function lanczosSum(z: number): number { let a = LANCZOS[0]; for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i); return a; }
export function tgamma(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === 0) return Object.is(x, -0) ? -Infinity : Infinity;
  if (x < 0 && Number.isInteger(x)) return NaN;
  if (Number.isInteger(x) && x <= 23) { let r = 1; for (let i = 2; i < x; i++) r *= i; return r; } // exact
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * tgamma(1 - x));
  if (x > 171.7) return Infinity;
  const z = x - 1, t = z + 7.5, h = t ** ((z + 0.5) / 2);
  return Math.sqrt(2 * Math.PI) * h * (h * Math.exp(-t)) * lanczosSum(z);
}
export function lgamma(x: number): number {
  if (Number.isNaN(x)) return x;
  if (!Number.isFinite(x)) return Infinity;
  if (x === 1 || x === 2) return 0;
  if (x <= 0 && Number.isInteger(x)) return Infinity;
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  const z = x - 1, t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(lanczosSum(z));
}

/** The one list of libm functions (the FFI shims, the fast path generated code calls directly,
 *  and codegen's LIBM_FAST are all checked against it by tests/tidy.test.ts). Arity is fn.length. */
export const LIBM_FNS: Readonly<Record<string, ((x: number) => number) | ((x: number, y: number) => number)>> = {
  sqrt: Math.sqrt, cbrt: Math.cbrt, pow: cpow, sin: Math.sin, cos: Math.cos, tan: Math.tan, atan: Math.atan,
  atan2: Math.atan2, exp: Math.exp, log: Math.log, log10: Math.log10, floor: Math.floor, ceil: Math.ceil,
  fabs: Math.abs,
  fmod: (x: number, y: number) => x % y, // JS % is C fmod (sign of the dividend, exact)
  round: cround, trunc: Math.trunc, hypot: Math.hypot,
  // (the standard module math declares these too: they were unresolved foreign symbols)
  asin: Math.asin, acos: Math.acos, sinh: Math.sinh, cosh: Math.cosh, tanh: Math.tanh,
  asinh: Math.asinh, acosh: Math.acosh, atanh: Math.atanh, exp2: (x: number) => 2 ** x, log2: Math.log2,
  copysign: (x: number, y: number) => (y < 0 || Object.is(y, -0) ? -Math.abs(x) : Math.abs(x)),
  erf, erfc, tgamma, lgamma,
};

export const LIBM_SHIMS: Record<string, Shim> = Object.fromEntries(
  Object.entries(LIBM_FNS).map(([n, fn]) => [n, fn.length > 1 ? f2(fn as (x: number, y: number) => number) : f(fn as (x: number) => number)]),
);

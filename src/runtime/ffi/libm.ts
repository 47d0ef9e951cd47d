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

export const LIBM_SHIMS: Record<string, Shim> = {
  sqrt: f(Math.sqrt),
  cbrt: f(Math.cbrt),
  pow: f2(cpow),
  sin: f(Math.sin),
  cos: f(Math.cos),
  tan: f(Math.tan),
  atan: f(Math.atan),
  atan2: f2(Math.atan2),
  exp: f(Math.exp),
  log: f(Math.log),
  log10: f(Math.log10),
  floor: f(Math.floor),
  ceil: f(Math.ceil),
  fabs: f(Math.abs),
  fmod: f2((x, y) => x % y), // JS % is C fmod (sign of the dividend, exact)
  round: f(cround),
  trunc: f(Math.trunc),
  hypot: f2(Math.hypot),
};

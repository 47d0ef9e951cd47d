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

/** The one list of libm functions (the FFI shims, the fast path generated code calls directly,
 *  and codegen's LIBM_FAST are all checked against it by tests/tidy.test.ts). Arity is fn.length. */
export const LIBM_FNS: Readonly<Record<string, ((x: number) => number) | ((x: number, y: number) => number)>> = {
  sqrt: Math.sqrt, cbrt: Math.cbrt, pow: cpow, sin: Math.sin, cos: Math.cos, tan: Math.tan, atan: Math.atan,
  atan2: Math.atan2, exp: Math.exp, log: Math.log, log10: Math.log10, floor: Math.floor, ceil: Math.ceil,
  fabs: Math.abs,
  fmod: (x: number, y: number) => x % y, // JS % is C fmod (sign of the dividend, exact)
  round: cround, trunc: Math.trunc, hypot: Math.hypot,
};

export const LIBM_SHIMS: Record<string, Shim> = Object.fromEntries(
  Object.entries(LIBM_FNS).map(([n, fn]) => [n, fn.length > 1 ? f2(fn as (x: number, y: number) => number) : f(fn as (x: number) => number)]),
);

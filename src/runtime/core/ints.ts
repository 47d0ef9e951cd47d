// Integer semantics of §3.5 for the JS representations codegen uses: numbers for <= 32 bits;
// 64/128 bits as a number while safe, a BigInt beyond (wide.ts has their operations). Generated code inlines the common wrapping ops; these helpers carry the
// rarer and checked ones (shift masking, `**`, casts).
import { type IntName, floatToIntSaturating } from '../../common/ints';
import { canon } from './wide';

export const bitsOf = (n: IntName) => Number(n.slice(1));
export const signedOf = (n: IntName) => n[0] === 'i';

/** Wrap a JS number (exact integer, possibly out of range) to a <=32-bit type. */
export function wrapNum(x: number, n: IntName): number {
  switch (n) {
    case 'i8': return (x << 24) >> 24;
    case 'u8': return x & 255;
    case 'i16': return (x << 16) >> 16;
    case 'u16': return x & 65535;
    case 'i32': return x | 0;
    case 'u32': return x >>> 0;
    default: throw new Error('wrapNum on wide int ' + n);
  }
}

export function wrapBig(x: bigint, n: IntName): bigint {
  const b = bitsOf(n);
  return signedOf(n) ? BigInt.asIntN(b, x) : BigInt.asUintN(b, x);
}

/** Any numeric JS value (number/bigint/boolean) -> integer type `to`, truncating or extending. */
export function castToInt(v: number | bigint | boolean, to: IntName, fromFloat: boolean): number | bigint {
  const wide = bitsOf(to) >= 64;
  let big: bigint;
  if (typeof v === 'boolean') big = v ? 1n : 0n;
  else if (typeof v === 'bigint') big = v;
  else if (fromFloat) {
    big = floatToIntSaturating(v, to);
    return wide ? canon(big) : Number(big);
  } else {
    if (!wide) return wrapNum(v, to);
    big = BigInt(v);
  }
  const w = wrapBig(big, to);
  return wide ? canon(w) : Number(w);
}

/** Shift count masked to width-1 (§3.5). */
export function shl(a: number | bigint, c: number | bigint, n: IntName): number | bigint {
  const b = bitsOf(n);
  const k = Number(BigInt(c) & BigInt(b - 1));
  if (typeof a === 'bigint') return wrapBig(a << BigInt(k), n);
  return wrapNum(b === 32 ? a << k : a * 2 ** k, n);
}

export function shr(a: number | bigint, c: number | bigint, n: IntName): number | bigint {
  const b = bitsOf(n);
  const k = Number(BigInt(c) & BigInt(b - 1));
  if (typeof a === 'bigint') {
    // BigInt >> is arithmetic; unsigned values are non-negative, so it is logical for them
    return wrapBig(a >> BigInt(k), n);
  }
  return signedOf(n) ? a >> k : n === 'u32' ? a >>> k : a >>> k;
}

/** Integer `**`; the caller checks for a negative exponent (panic). Wraps like repeated `*`. */
export function ipow(a: number | bigint, e: number | bigint, n: IntName): number | bigint {
  let base = BigInt(a);
  let k = BigInt(e);
  let r = 1n;
  const b = bitsOf(n);
  const wrap = (x: bigint) => (signedOf(n) ? BigInt.asIntN(b, x) : BigInt.asUintN(b, x));
  while (k > 0n) {
    if (k & 1n) r = wrap(r * base);
    base = wrap(base * base);
    k >>= 1n;
  }
  return b >= 64 ? canon(r) : Number(r);
}

// Floating-point formatting exactly like C (glibc) %f %e %g: the exact binary value is rounded to
// the requested digits, round-half-even on exact ties. JS's toFixed/toExponential round the exact
// value too but break ties upwards, so they are used as a fast path only when no tie is possible;
// ties (and precisions JS does not support) go through an exact BigInt decimal expansion. Whether
// a tie is possible is decided exactly from the binary exponent (see oddExponent).

import { VexFault } from '../memory/fault';

const scratch = new DataView(new ArrayBuffer(8));

/** Precisions above this are refused with a panic instead of exhausting the JS heap. */
export const MAX_PRECISION = 1_000_000;

function checkPrecision(p: number): void {
  if (!(p >= 0 && p <= MAX_PRECISION)) throw new VexFault('invalid-arg', `precision ${p} is out of range (0..${MAX_PRECISION})`, true);
}

/** Exact decimal expansion of a finite x > 0: x = digits * 10^exp10 (digits has no leading 0). */
export function exactDecimal(x: number): { digits: string; exp10: number } {
  if (x < 1e21) {
    // x has exactly k = max(0, -e) decimal fraction digits, so toFixed(k) needs no rounding and
    // is the exact expansion: cheaper than BigInt for the common short cases (2.5, 100000, 0.75).
    const k = -oddExponent(x);
    if (k <= 100) {
      const f = k > 0 ? x.toFixed(k) : x.toFixed(0);
      let digits = k > 0 ? f.slice(0, f.length - k - 1) + f.slice(f.length - k) : f;
      let z = 0;
      while (z < digits.length - 1 && digits.charCodeAt(z) === 48) z++;
      if (z > 0) digits = digits.slice(z);
      return { digits, exp10: k > 0 ? -k : 0 };
    }
  }
  return exactDecimalBig(x);
}

/** exactDecimal by BigInt arithmetic only (any finite x > 0; also the tests' reference). */
export function exactDecimalBig(x: number): { digits: string; exp10: number } {
  scratch.setFloat64(0, x);
  const hi = scratch.getUint32(0);
  const lo = scratch.getUint32(4);
  const bexp = (hi >>> 20) & 0x7ff;
  let m = BigInt(hi & 0xfffff) * 4294967296n + BigInt(lo);
  let e: number;
  if (bexp === 0) e = -1074;
  else {
    m += 1n << 52n;
    e = bexp - 1075;
  }
  while (e < 0 && (m & 1n) === 0n) {
    m >>= 1n;
    e++;
  }
  if (e >= 0) return { digits: (m << BigInt(e)).toString(), exp10: 0 };
  return { digits: (m * 5n ** BigInt(-e)).toString(), exp10: e };
}

/**
 * Rounds the digit string to `keep` digits (round-half-even on exact ties). Returns the kept
 * digits, which may be one longer than `keep` when rounding carries (999 -> 1000). keep may be
 * <= 0 (everything rounds to 0 or to a single carried '1').
 */
export function roundDigits(digits: string, keep: number): string {
  if (keep >= digits.length) return digits + '0'.repeat(keep - digits.length);
  if (keep < 0) return '';
  const next = digits.charCodeAt(keep) - 48;
  let up = false;
  if (next > 5) up = true;
  else if (next === 5) {
    let rest = false;
    for (let i = keep + 1; i < digits.length; i++) {
      if (digits.charCodeAt(i) !== 48) {
        rest = true;
        break;
      }
    }
    up = rest || (keep > 0 && (digits.charCodeAt(keep - 1) - 48) % 2 === 1);
  }
  let kept = digits.slice(0, keep);
  if (!up) return kept;
  // Increment the kept digits.
  const arr = kept.split('');
  let i = arr.length - 1;
  while (i >= 0 && arr[i] === '9') {
    arr[i] = '0';
    i--;
  }
  if (i < 0) return '1' + arr.join('');
  arr[i] = String.fromCharCode(arr[i].charCodeAt(0) + 1);
  kept = arr.join('');
  return kept;
}

/**
 * The binary exponent e of x = m * 2^e with m odd (x finite, > 0). The exact decimal expansion of
 * x has exactly max(0, -e) digits after the point, which is all we need to know whether a
 * rounding can be an exact tie.
 */
export function oddExponent(x: number): number {
  scratch.setFloat64(0, x);
  const hi = scratch.getUint32(0);
  const lo = scratch.getUint32(4);
  const bexp = (hi >>> 20) & 0x7ff;
  const mhi = (hi & 0xfffff) | (bexp === 0 ? 0 : 0x100000);
  const tz = lo !== 0 ? 31 - Math.clz32(lo & -lo) : 32 + (31 - Math.clz32(mhi & -mhi));
  return (bexp === 0 ? -1074 : bexp - 1075) + tz;
}

/**
 * x > 0 finite rounded to `p` significant digits: `digits` (exactly p chars) and the decimal
 * exponent of the first digit.
 */
export function significant(x: number, p: number): { digits: string; exp: number } {
  // A tie needs an exact expansion of p+1 significant digits. With more than 25 binary fraction
  // digits the expansion has >= 18 significant digits (m*5^k, m odd), so for p <= 16 no tie is
  // possible and JS's exact-value rounding is C's. Short expansions are cheap to do exactly.
  if (p <= 16 && oddExponent(x) < -25) {
    const s = x.toExponential(p - 1);
    const ei = s.indexOf('e');
    const digits = p > 1 ? s[0] + s.slice(2, ei) : s.slice(0, ei);
    return { digits, exp: +s.slice(ei + 1) };
  }
  const { digits, exp10 } = exactDecimal(x);
  let exp = digits.length + exp10 - 1;
  let r = roundDigits(digits, p);
  if (r.length > p) {
    r = r.slice(0, p);
    exp++;
  }
  return { digits: r, exp };
}

/** The digits of x >= 0 rounded to `prec` decimals, as C %.{prec}f prints them (no sign). */
export function fixedDigits(x: number, prec: number): string {
  checkPrecision(prec);
  if (x === 0) return prec > 0 ? '0.' + '0'.repeat(prec) : '0';
  // An exact tie at 10^-(prec+1) needs the exact expansion to end exactly there.
  if (x < 1e21 && prec <= 100 && oddExponent(x) !== -(prec + 1)) return x.toFixed(prec);
  const { digits, exp10 } = exactDecimal(x);
  const intDigits = digits.length + exp10;
  const r = roundDigits(digits, intDigits + prec);
  // r holds the value * 10^prec as an integer (maybe empty = 0).
  let all = r === '' ? '0' : r;
  if (all.length <= prec) all = '0'.repeat(prec - all.length + 1) + all;
  const ip = all.slice(0, all.length - prec);
  return prec > 0 ? ip + '.' + all.slice(all.length - prec) : ip;
}

function expSuffix(exp: number, upper: boolean): string {
  const a = Math.abs(exp);
  return (upper ? 'E' : 'e') + (exp < 0 ? '-' : '+') + (a < 10 ? '0' + a : String(a));
}

/** C %.{prec}e digits of x >= 0 (no sign). `alt` keeps the '.' when prec is 0. */
export function expDigits(x: number, prec: number, upper = false, alt = false): string {
  checkPrecision(prec);
  let d: string;
  let exp: number;
  if (x === 0) {
    d = '0'.repeat(prec + 1);
    exp = 0;
  } else {
    const s = significant(x, prec + 1);
    d = s.digits;
    exp = s.exp;
  }
  const mant = prec > 0 ? d[0] + '.' + d.slice(1) : alt ? d[0] + '.' : d[0];
  return mant + expSuffix(exp, upper);
}

/** C %.{prec}g digits of x >= 0 (no sign); `alt` (#) keeps trailing zeros. */
export function gDigits(x: number, prec: number, upper = false, alt = false): string {
  checkPrecision(prec);
  const p = prec === 0 ? 1 : prec;
  let d: string;
  let exp: number;
  if (x === 0) {
    d = '0'.repeat(p);
    exp = 0;
  } else {
    const s = significant(x, p);
    d = s.digits;
    exp = s.exp;
  }
  let out: string;
  if (alt && x !== 0 && exp === p) {
    // glibc quirk (observed): with '#', when rounding carries a fixed-form value (exponent p-1)
    // into exponent form, glibc prints no fraction digits: 999999.5 with %#g is "1.e+06".
    const ex = exactDecimal(x);
    if (ex.digits.length + ex.exp10 - 1 === p - 1) return d[0] + '.' + expSuffix(exp, upper);
  }
  if (exp < -4 || exp >= p) {
    let frac = d.slice(1);
    if (!alt) frac = stripZeros(frac);
    out = d[0] + (frac.length > 0 || alt ? '.' + frac : '') + expSuffix(exp, upper);
  } else if (exp >= 0) {
    const ip = d.slice(0, exp + 1);
    let frac = d.slice(exp + 1);
    if (!alt) frac = stripZeros(frac);
    out = ip + (frac.length > 0 || alt ? '.' + frac : '');
  } else {
    let frac = '0'.repeat(-exp - 1) + d;
    if (!alt) frac = stripZeros(frac);
    out = '0' + (frac.length > 0 || alt ? '.' + frac : '');
  }
  return out;
}

function stripZeros(s: string): string {
  let e = s.length;
  while (e > 0 && s.charCodeAt(e - 1) === 48) e--;
  return e === s.length ? s : s.slice(0, e);
}

function special(x: number, upper: boolean): string | null {
  if (x !== x) return upper ? 'NAN' : 'nan';
  if (x === Infinity) return upper ? 'INF' : 'inf';
  if (x === -Infinity) return upper ? '-INF' : '-inf';
  return null;
}

function neg(x: number): boolean {
  return x < 0 || (x === 0 && 1 / x < 0);
}

/** `{}` of f32/f64: C %g (6 significant digits). f32 values are passed as their exact value. */
export function formatG(x: number): string {
  const sp = special(x, false);
  if (sp !== null) return sp;
  return neg(x) ? '-' + gDigits(-x, 6) : gDigits(x, 6);
}

/** `{:.N}`: C %.Nf. */
export function formatFixed(x: number, prec: number): string {
  const sp = special(x, false);
  if (sp !== null) return sp;
  return neg(x) ? '-' + fixedDigits(-x, prec) : fixedDigits(x, prec);
}

/** `{:e}`: C %e (default precision 6), e.g. 1.234500e+03. */
export function formatExp(x: number, prec = 6, upper = false): string {
  const sp = special(x, upper);
  if (sp !== null) return sp;
  return neg(x) ? '-' + expDigits(-x, prec, upper) : expDigits(x, prec, upper);
}

// A C printf engine with glibc's output: conversions %d %i %u %x %X %o %c %s %f %F %e %E %g %G
// %p %%, length modifiers hh h l ll z j t L q, flags `-+ 0#`, width, precision and `*`. It formats
// from the format's bytes and a list of promoted arguments and returns the output bytes (the
// byte count printf returns is their length).

import { expDigits, fixedDigits, gDigits } from './float';
import { VexFault } from '../memory/fault';

/** Widths/precisions above this are refused (glibc would print them; we would run out of memory). */
export const MAX_FIELD = 1_000_000;

function tooLarge(n: number): VexFault {
  return new VexFault('invalid-arg', `printf: field width or precision ${n} is too large (limit ${MAX_FIELD})`, true);
}

/** One promoted variadic argument (C default promotions already applied by the caller). */
export interface CArg {
  kind: 'i32' | 'u32' | 'i64' | 'u64' | 'f64' | 'ptr';
  value: number | bigint;
}

const encoder = new TextEncoder();

class Out {
  bytes: number[] = [];
  str(s: string): void {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 128) this.bytes.push(c);
      else for (const b of encoder.encode(s[i])) this.bytes.push(b);
    }
  }
  pad(n: number, c: number): void {
    for (let i = 0; i < n; i++) this.bytes.push(c);
  }
}

interface Spec {
  minus: boolean;
  plus: boolean;
  space: boolean;
  zero: boolean;
  alt: boolean;
  width: number;
  prec: number; // -1 = none
  len: string;
}

function argInt(a: CArg | undefined): bigint {
  if (!a) return 0n;
  const v = a.value;
  if (typeof v === 'bigint') return v;
  return Number.isFinite(v) ? BigInt(Math.trunc(v)) : 0n; // a double where an int is expected
}

function argFloat(a: CArg | undefined): number {
  if (!a) return 0;
  return typeof a.value === 'bigint' ? Number(a.value) : a.value;
}

function intWidth(len: string): number {
  switch (len) {
    case 'hh': return 8;
    case 'h': return 16;
    case 'l': case 'll': case 'z': case 'j': case 't': case 'q': case 'L': return 64;
    default: return 32;
  }
}

/** Emits body with sign/prefix, honouring width, '-' and '0' (zero padding after the prefix). */
function emitPadded(out: Out, sp: Spec, prefix: string, body: string, zeroOk: boolean): void {
  const len = prefix.length + body.length;
  const padN = sp.width > len ? sp.width - len : 0;
  if (sp.minus) {
    out.str(prefix);
    out.str(body);
    out.pad(padN, 32);
  } else if (sp.zero && zeroOk) {
    out.str(prefix);
    out.pad(padN, 48);
    out.str(body);
  } else {
    out.pad(padN, 32);
    out.str(prefix);
    out.str(body);
  }
}

function formatInteger(out: Out, sp: Spec, conv: string, a: CArg | undefined): void {
  const bits = intWidth(sp.len);
  const raw = argInt(a);
  const signed = conv === 'd' || conv === 'i';
  const v = signed ? BigInt.asIntN(bits, raw) : BigInt.asUintN(bits, raw);
  const negative = v < 0n;
  const mag = negative ? -v : v;
  const base = conv === 'x' || conv === 'X' ? 16 : conv === 'o' ? 8 : 10;
  let digits = mag.toString(base);
  if (conv === 'X') digits = digits.toUpperCase();
  if (sp.prec === 0 && mag === 0n) digits = '';
  if (sp.prec > digits.length) digits = '0'.repeat(sp.prec - digits.length) + digits;
  let prefix = '';
  if (signed) prefix = negative ? '-' : sp.plus ? '+' : sp.space ? ' ' : '';
  if (sp.alt) {
    if (conv === 'o' && digits[0] !== '0') digits = '0' + digits;
    if ((conv === 'x' || conv === 'X') && mag !== 0n) prefix = conv === 'x' ? '0x' : '0X';
  }
  emitPadded(out, sp, prefix, digits, sp.prec < 0);
}

function formatFloat(out: Out, sp: Spec, conv: string, a: CArg | undefined): void {
  const x = argFloat(a);
  const upper = conv === 'F' || conv === 'E' || conv === 'G';
  const negative = x < 0 || (x === 0 && 1 / x < 0);
  const sign = negative ? '-' : sp.plus ? '+' : sp.space ? ' ' : '';
  if (!Number.isFinite(x)) {
    const body = x !== x ? (upper ? 'NAN' : 'nan') : upper ? 'INF' : 'inf';
    emitPadded(out, sp, sign, body, false);
    return;
  }
  const ax = Math.abs(x);
  const prec = sp.prec < 0 ? 6 : sp.prec;
  let body: string;
  if (conv === 'f' || conv === 'F') {
    body = fixedDigits(ax, prec);
    if (sp.alt && prec === 0) body += '.';
  } else if (conv === 'e' || conv === 'E') body = expDigits(ax, prec, upper, sp.alt);
  else body = gDigits(ax, prec, upper, sp.alt);
  emitPadded(out, sp, sign, body, true);
}

/**
 * Formats like glibc's printf. `readCStr(addr)` returns the bytes of a NUL-terminated string
 * (without the NUL) or null for NULL; it may throw a VexFault for a bad pointer.
 */
export function cprintf(fmt: Uint8Array, args: readonly CArg[], readCStr: (addr: number) => Uint8Array | null): Uint8Array {
  const out = new Out();
  let ai = 0;
  const n = fmt.length;
  let i = 0;
  while (i < n) {
    const c = fmt[i];
    if (c !== 37 /* % */) {
      out.bytes.push(c);
      i++;
      continue;
    }
    const start = i;
    i++;
    const sp: Spec = { minus: false, plus: false, space: false, zero: false, alt: false, width: 0, prec: -1, len: '' };
    for (; i < n; i++) {
      const f = fmt[i];
      if (f === 45) sp.minus = true;
      else if (f === 43) sp.plus = true;
      else if (f === 32) sp.space = true;
      else if (f === 48) sp.zero = true;
      else if (f === 35) sp.alt = true;
      else break;
    }
    if (i < n && fmt[i] === 42 /* * */) {
      const w = Number(BigInt.asIntN(32, argInt(args[ai++])));
      if (w < 0) {
        sp.minus = true;
        sp.width = -w;
      } else sp.width = w;
      i++;
    } else {
      while (i < n && fmt[i] >= 48 && fmt[i] <= 57) sp.width = sp.width * 10 + (fmt[i++] - 48);
    }
    if (i < n && fmt[i] === 46 /* . */) {
      i++;
      if (i < n && fmt[i] === 42) {
        const p = Number(BigInt.asIntN(32, argInt(args[ai++])));
        sp.prec = p < 0 ? -1 : p;
        i++;
      } else {
        sp.prec = 0;
        while (i < n && fmt[i] >= 48 && fmt[i] <= 57) sp.prec = sp.prec * 10 + (fmt[i++] - 48);
      }
    }
    while (i < n) {
      const l = String.fromCharCode(fmt[i]);
      if (l === 'h' || l === 'l' || l === 'z' || l === 'j' || l === 't' || l === 'L' || l === 'q') {
        sp.len += l;
        i++;
      } else break;
    }
    if (i >= n) {
      // A lone '%' at the end: glibc prints it as is.
      for (let k = start; k < n; k++) out.bytes.push(fmt[k]);
      break;
    }
    if (sp.width > MAX_FIELD) throw tooLarge(sp.width);
    if (sp.prec > MAX_FIELD) throw tooLarge(sp.prec);
    const conv = String.fromCharCode(fmt[i++]);
    switch (conv) {
      case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
        formatInteger(out, sp, conv, args[ai++]);
        break;
      case 'f': case 'F': case 'e': case 'E': case 'g': case 'G':
        formatFloat(out, sp, conv, args[ai++]);
        break;
      case 'c': {
        const b = Number(BigInt.asUintN(8, argInt(args[ai++])));
        const padN = sp.width > 1 ? sp.width - 1 : 0;
        if (!sp.minus) out.pad(padN, 32);
        out.bytes.push(b);
        if (sp.minus) out.pad(padN, 32);
        break;
      }
      case 's': {
        const a = args[ai++];
        const addr = a ? Number(a.value) : 0;
        let bytes: Uint8Array | null = addr === 0 ? null : readCStr(addr);
        if (bytes === null) bytes = sp.prec < 0 || sp.prec >= 6 ? encoder.encode('(null)') : new Uint8Array(0);
        if (sp.prec >= 0 && bytes.length > sp.prec) bytes = bytes.subarray(0, sp.prec);
        const padN = sp.width > bytes.length ? sp.width - bytes.length : 0;
        if (!sp.minus) out.pad(padN, 32);
        for (const b of bytes) out.bytes.push(b);
        if (sp.minus) out.pad(padN, 32);
        break;
      }
      case 'p': {
        const a = args[ai++];
        const v = a ? BigInt.asUintN(64, argInt(a)) : 0n;
        if (v === 0n) emitPadded(out, { ...sp, zero: false }, '', '(nil)', false);
        else emitPadded(out, sp, sp.plus ? '+0x' : sp.space ? ' 0x' : '0x', v.toString(16), sp.prec < 0);
        break;
      }
      case '%':
        out.bytes.push(37);
        break;
      default:
        // Unknown conversion (or %n, which we never honour): printed as written.
        for (let k = start; k < i; k++) out.bytes.push(fmt[k]);
    }
  }
  return Uint8Array.from(out.bytes);
}

/** printf of a JS string format (tests, and engine convenience); returns the output as text. */
export function cprintfString(fmt: string, args: readonly CArg[], strings: (addr: number) => string | null = () => null): string {
  const bytes = cprintf(encoder.encode(fmt), args, (a) => {
    const s = strings(a);
    return s === null ? null : encoder.encode(s);
  });
  return new TextDecoder().decode(bytes);
}

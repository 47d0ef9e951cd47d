// libc shims over the simulated memory. Every memory access is checked against the shadow map
// with the caller's site, so a bad pointer passed to C is reported like any other (Miri-style)
// instead of silently corrupting memory. Behaviour follows glibc on x86-64 where it is defined.

import { VexFault } from '../memory/fault';
import { cprintf, type CArg } from '../format/printf';
import type { Shim, ShimContext } from './types';

const decoder = new TextDecoder();

export function int(v: unknown): number {
  return typeof v === 'bigint' ? Number(BigInt.asIntN(64, v)) : Number(v);
}

function ptr(v: unknown): number {
  return typeof v === 'bigint' ? Number(BigInt.asUintN(64, v)) : Number(v);
}

function size(v: unknown): number {
  return typeof v === 'bigint' ? Number(BigInt.asUintN(64, v)) : Math.max(0, Number(v));
}

/** Bytes of the NUL-terminated string at p (without the NUL), checked. */
function cstr(ctx: ShimContext, p: number): Uint8Array {
  const n = ctx.mem.cstringLengthChecked(p, ctx.site);
  return ctx.mem.u8.slice(p, p + n);
}

function copyChecked(ctx: ShimContext, dst: number, src: number, n: number): void {
  if (n <= 0) return;
  ctx.mem.check(src, n, false, ctx.site);
  ctx.mem.check(dst, n, true, ctx.site);
  ctx.mem.copy(dst, src, n);
}

/** printf-family core: the formatted bytes (reads %s strings with checks). */
function format(ctx: ShimContext, fmt: number, varargs: readonly CArg[]): Uint8Array {
  return cprintf(cstr(ctx, fmt), varargs, (a) => cstr(ctx, a));
}

function writeOut(ctx: ShimContext, bytes: Uint8Array): void {
  if (bytes.length > 0) ctx.write(decoder.decode(bytes));
}

/** C malloc reports failure by returning NULL (unlike Vex allocations, which abort). */
function tryAlloc(ctx: ShimContext, n: number): number {
  try {
    return ctx.sys.alloc(n, 16, ctx.site, ctx.task);
  } catch (e) {
    if (e instanceof VexFault && e.kind === 'oom') return 0;
    throw e;
  }
}

const strlen: Shim = (ctx, [s]) => BigInt(ctx.mem.cstringLengthChecked(ptr(s), ctx.site));

function compareBytes(ctx: ShimContext, a: number, b: number, limit: number, stopAtNul: boolean): number {
  const mem = ctx.mem;
  for (let i = 0; i < limit; i++) {
    const x = mem.loadU8Checked(a + i, ctx.site);
    const y = mem.loadU8Checked(b + i, ctx.site);
    if (x !== y) return x - y;
    if (stopAtNul && x === 0) return 0;
  }
  return 0;
}

const strcmp: Shim = (ctx, [a, b]) => compareBytes(ctx, ptr(a), ptr(b), Infinity, true);
const strncmp: Shim = (ctx, [a, b, n]) => compareBytes(ctx, ptr(a), ptr(b), size(n), true);
const memcmp: Shim = (ctx, [a, b, n]) => {
  const len = size(n);
  if (len > 0) {
    ctx.mem.check(ptr(a), len, false, ctx.site);
    ctx.mem.check(ptr(b), len, false, ctx.site);
  }
  return compareBytes(ctx, ptr(a), ptr(b), len, false);
};

const strcpy: Shim = (ctx, [d, s]) => {
  const src = ptr(s);
  copyChecked(ctx, ptr(d), src, ctx.mem.cstringLengthChecked(src, ctx.site) + 1);
  return ptr(d);
};

const strncpy: Shim = (ctx, [d, s, n]) => {
  const dst = ptr(d);
  const src = ptr(s);
  const len = size(n);
  if (len === 0) return dst;
  ctx.mem.check(dst, len, true, ctx.site);
  let i = 0;
  for (; i < len; i++) {
    const c = ctx.mem.loadU8Checked(src + i, ctx.site);
    if (c === 0) break;
    ctx.mem.u8[dst + i] = c;
  }
  ctx.mem.fill(dst + i, 0, len - i); // strncpy pads with NULs
  return dst;
};

const strcat: Shim = (ctx, [d, s]) => {
  const dst = ptr(d);
  const src = ptr(s);
  const at = dst + ctx.mem.cstringLengthChecked(dst, ctx.site);
  copyChecked(ctx, at, src, ctx.mem.cstringLengthChecked(src, ctx.site) + 1);
  return dst;
};

const memcpy: Shim = (ctx, [d, s, n]) => {
  copyChecked(ctx, ptr(d), ptr(s), size(n));
  return ptr(d);
};

const memset: Shim = (ctx, [d, c, n]) => {
  const len = size(n);
  if (len > 0) {
    ctx.mem.check(ptr(d), len, true, ctx.site);
    ctx.mem.fill(ptr(d), int(c) & 255, len);
  }
  return ptr(d);
};

const abs: Shim = (_ctx, [x]) => {
  const v = int(x) | 0;
  return (v < 0 ? -v : v) | 0; // abs(INT_MIN) wraps, as on x86
};

function big(v: unknown): bigint {
  if (typeof v === 'bigint') return v;
  const n = Number(v);
  return Number.isFinite(n) ? BigInt(Math.trunc(n)) : 0n;
}

const labs: Shim = (_ctx, [x]) => {
  const v = BigInt.asIntN(64, big(x));
  return BigInt.asIntN(64, v < 0n ? -v : v);
};

const atoi: Shim = (ctx, [s]) => {
  const bytes = cstr(ctx, ptr(s));
  let i = 0;
  while (i < bytes.length && (bytes[i] === 32 || (bytes[i] >= 9 && bytes[i] <= 13))) i++;
  let neg = false;
  if (bytes[i] === 43 || bytes[i] === 45) neg = bytes[i++] === 45;
  let v = 0n;
  const LONG_MAX = (1n << 63n) - 1n;
  while (i < bytes.length && bytes[i] >= 48 && bytes[i] <= 57) {
    v = v * 10n + BigInt(bytes[i++] - 48);
    if (v > LONG_MAX + 1n) v = LONG_MAX + 1n; // strtol saturates
  }
  let r = neg ? -v : v;
  if (r > LONG_MAX) r = LONG_MAX;
  return Number(BigInt.asIntN(32, r)); // atoi = (int)strtol(s, NULL, 10)
};

const puts: Shim = (ctx, [s]) => {
  const bytes = cstr(ctx, ptr(s));
  ctx.write(decoder.decode(bytes) + '\n');
  return bytes.length + 1; // glibc returns the bytes written
};

const putchar: Shim = (ctx, [c]) => {
  const b = int(c) & 255;
  writeOut(ctx, Uint8Array.of(b));
  return b;
};

const printf: Shim = (ctx, [fmt], varargs) => {
  const out = format(ctx, ptr(fmt), varargs);
  writeOut(ctx, out);
  return out.length;
};

const sprintf: Shim = (ctx, [buf, fmt], varargs) => {
  const out = format(ctx, ptr(fmt), varargs);
  const dst = ptr(buf);
  ctx.mem.check(dst, out.length + 1, true, ctx.site);
  ctx.mem.writeBytes(dst, out);
  ctx.mem.u8[dst + out.length] = 0;
  return out.length;
};

const snprintf: Shim = (ctx, [buf, n, fmt], varargs) => {
  const out = format(ctx, ptr(fmt), varargs);
  const cap = size(n);
  if (cap > 0) {
    const k = Math.min(out.length, cap - 1);
    const dst = ptr(buf);
    ctx.mem.check(dst, k + 1, true, ctx.site);
    ctx.mem.writeBytes(dst, out.subarray(0, k));
    ctx.mem.u8[dst + k] = 0;
  }
  return out.length; // the length it would have written
};

/** qsort: a stable bottom-up merge sort on the bytes, calling the Vex comparator. */
const qsort: Shim = (ctx, [b, cnt, sz, cmp]) => {
  const base = ptr(b);
  const n = size(cnt);
  const width = size(sz);
  if (n <= 1 || width === 0) return undefined;
  const mem = ctx.mem;
  mem.check(base, n * width, true, ctx.site);
  // The scratch buffer is a real block so the comparator may read elements from it.
  const tmp = ctx.sys.allocHidden(n * width, 16, 'qsort', ctx.site, ctx.task);
  try {
    let src = base;
    let dst = tmp;
    const pair: (number | bigint)[] = [0, 0];
    for (let run = 1; run < n; run *= 2) {
      for (let lo = 0; lo < n; lo += 2 * run) {
        const mid = Math.min(lo + run, n);
        const hi = Math.min(lo + 2 * run, n);
        let i = lo;
        let j = mid;
        let k = lo;
        while (i < mid && j < hi) {
          pair[0] = src + i * width;
          pair[1] = src + j * width;
          const r = int(ctx.callback(cmp, pair));
          if (r <= 0) mem.copy(dst + k++ * width, src + i++ * width, width);
          else mem.copy(dst + k++ * width, src + j++ * width, width);
        }
        if (i < mid) mem.copy(dst + k * width, src + i * width, (mid - i) * width);
        else if (j < hi) mem.copy(dst + k * width, src + j * width, (hi - j) * width);
      }
      const t = src;
      src = dst;
      dst = t;
    }
    if (src !== base) mem.copy(base, src, n * width);
  } finally {
    ctx.sys.freeHidden(tmp, ctx.site, ctx.task);
  }
  return undefined;
};

const malloc: Shim = (ctx, [n]) => tryAlloc(ctx, size(n));

const calloc: Shim = (ctx, [cnt, sz]) => {
  const total = size(cnt) * size(sz);
  const p = tryAlloc(ctx, total);
  if (p !== 0) ctx.mem.fill(p, 0, total);
  return p;
};

const realloc: Shim = (ctx, [p, n]) => {
  const addr = ptr(p);
  const len = size(n);
  if (addr !== 0 && len === 0) {
    ctx.sys.free(addr, ctx.site, ctx.task); // glibc: realloc(p, 0) frees and returns NULL
    return 0;
  }
  try {
    return ctx.sys.realloc(addr, len, ctx.site, ctx.task);
  } catch (e) {
    if (e instanceof VexFault && e.kind === 'oom') return 0;
    throw e;
  }
};

const free: Shim = (ctx, [p]) => {
  ctx.sys.free(ptr(p), ctx.site, ctx.task);
  return undefined;
};

// <ctype.h> in the "C" locale; the truth values are glibc's table bits.
const toupper: Shim = (_ctx, [c]) => {
  const v = int(c);
  return v >= 97 && v <= 122 ? v - 32 : v;
};
const tolower: Shim = (_ctx, [c]) => {
  const v = int(c);
  return v >= 65 && v <= 90 ? v + 32 : v;
};
const isdigit: Shim = (_ctx, [c]) => {
  const v = int(c);
  return v >= 48 && v <= 57 ? 2048 : 0;
};
const isalpha: Shim = (_ctx, [c]) => {
  const v = int(c);
  return (v >= 65 && v <= 90) || (v >= 97 && v <= 122) ? 1024 : 0;
};
const isspace: Shim = (_ctx, [c]) => {
  const v = int(c);
  return v === 32 || (v >= 9 && v <= 13) ? 8192 : 0;
};

export const LIBC_SHIMS: Record<string, Shim> = {
  strlen, strcmp, strncmp, strcpy, strncpy, strcat, memcpy, memmove: memcpy, memset, memcmp,
  abs, labs, llabs: labs, atoi, puts, putchar, printf, sprintf, snprintf, qsort,
  malloc, calloc, realloc, free, toupper, tolower, isdigit, isalpha, isspace,
};

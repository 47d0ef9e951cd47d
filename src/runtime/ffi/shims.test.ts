import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Memory } from '../memory/memory';
import { SystemAllocator } from '../alloc/system';
import { callShim, hasShim, lookup, openLibrary, symbolMatches, SHIM_SIGS, LIBC, mismatchError } from './shims';
import type { ShimContext } from './types';
import { catchFault as fault } from '../memory/fault.test-util';

type Cmp = (ctx: ShimContext, a: number, b: number) => number;

function setup(limit?: number) {
  const mem = new Memory(limit ? { limit, staticCapacity: 4096 } : {});
  const sys = new SystemAllocator(mem);
  const out: string[] = [];
  const calls: string[] = [];
  const ctx: ShimContext = {
    mem, sys, site: 1, task: 0,
    write: (t) => out.push(t),
    // The engine calls the Vex extern "C" fn; here a TS function stands in for it.
    callback: (fn, args) => (fn as Cmp)(ctx, Number(args[0]), Number(args[1])),
  };
  const call = (name: string, ...args: unknown[]) => callShim(ctx, name, args);
  return { mem, sys, out, calls, ctx, call };
}


describe('string and memory shims', () => {
  it('strlen/strcmp/strncmp/memcmp work on the bytes in memory', () => {
    const { mem, call } = setup();
    const hello = mem.internCString('hello');
    expect(call('strlen', hello)).toBe(5n);
    expect(call('strlen', mem.internCString(''))).toBe(0n);
    expect(call('strlen', mem.internCString('vex!'))).toBe(4n);
    const abc = mem.internCString('abc');
    const abd = mem.internCString('abd');
    expect(call('strcmp', abc, abd)).toBeLessThan(0);
    expect(call('strcmp', mem.internCString('b'), mem.internCString('a'))).toBeGreaterThan(0);
    expect(call('strcmp', mem.internCString('same'), mem.internCString('same'))).toBe(0);
    expect(call('strcmp', mem.internCString('ab'), abc)).toBeLessThan(0);
    expect(call('strncmp', abc, abd, 2n)).toBe(0);
    expect(call('memcmp', abc, abd, 3)).toBe(-1);
  });

  it('strcpy/strcat/strncpy/memcpy/memset write through checked pointers', () => {
    const { mem, call } = setup();
    const buf = call('malloc', 16n) as number;
    call('strcpy', buf, mem.internCString('vex'));
    call('strcat', buf, mem.internCString('-lang'));
    expect(mem.readCString(buf)).toBe('vex-lang');
    call('strncpy', buf, mem.internCString('ab'), 5n);
    expect([...mem.bytes(buf, 6)]).toEqual([97, 98, 0, 0, 0, 97]);
    call('memset', buf, 0x41, 3n);
    call('memmove', buf + 1, buf, 4n);
    expect(mem.readCString(buf).slice(0, 4)).toBe('AAAA');
    // Overflowing the 16-byte block is reported, not silently done.
    const f = fault(() => call('strcpy', buf, mem.internCString('this string is too long')));
    expect(f.kind).toBe('out-of-bounds');
    // Reading a string without a NUL runs off its block.
    const raw = call('malloc', 4n) as number;
    mem.fill(raw, 65, 4);
    expect(fault(() => call('strlen', raw)).kind).toBe('out-of-bounds');
    call('free', raw);
    expect(fault(() => call('strlen', raw)).kind).toBe('use-after-free');
  });

  it('atoi, abs and friends follow glibc', () => {
    const { mem, call } = setup();
    expect(call('atoi', mem.internCString('  -42xyz'))).toBe(-42);
    expect(call('atoi', mem.internCString('+7'))).toBe(7);
    expect(call('atoi', mem.internCString('abc'))).toBe(0);
    expect(call('atoi', mem.internCString('99999999999999999999'))).toBe(-1); // (int)LONG_MAX
    expect(call('abs', -17)).toBe(17);
    expect(call('abs', -2147483648)).toBe(-2147483648);
    expect(call('labs', -9000000000n)).toBe(9000000000n);
    expect(call('llabs', -5n)).toBe(5n);
    expect(call('toupper', 97)).toBe(65);
    expect(call('tolower', 65)).toBe(97);
    expect(call('toupper', 49)).toBe(49);
    expect(!!call('isdigit', 55)).toBe(true);
    expect(!!call('isalpha', 55)).toBe(false);
    expect(!!call('isspace', 10)).toBe(true);
  });
});

describe('stdio shims', () => {
  it('puts/putchar/printf write to stdout and return byte counts', () => {
    const { mem, out, call, ctx } = setup();
    expect(call('puts', mem.internCString('from puts'))).toBe(10);
    expect(call('putchar', 72)).toBe(72);
    const n = callShim(ctx, 'printf', [mem.internCString('%s has %d items, avg %.1f\n')], [
      { kind: 'ptr', value: mem.internCString('cart') }, { kind: 'i32', value: 3 }, { kind: 'f64', value: 2.5 },
    ]);
    expect(n).toBe(26);
    expect(out.join('')).toBe('from puts\nHcart has 3 items, avg 2.5\n');
  });

  it('sprintf and snprintf write NUL-terminated output into memory', () => {
    const { mem, call, ctx } = setup();
    const buf = call('malloc', 32n) as number;
    expect(callShim(ctx, 'sprintf', [buf, mem.internCString('%05d|%x')], [{ kind: 'i32', value: 42 }, { kind: 'i32', value: 255 }])).toBe(8);
    expect(mem.readCString(buf)).toBe('00042|ff');
    expect(callShim(ctx, 'snprintf', [buf, 4n, mem.internCString('%d')], [{ kind: 'i32', value: 123456 }])).toBe(6);
    expect(mem.readCString(buf)).toBe('123');
    const small = call('malloc', 4n) as number;
    expect(fault(() => callShim(ctx, 'sprintf', [small, mem.internCString('%d')], [{ kind: 'i32', value: 12345 }])).kind).toBe('out-of-bounds');
  });
});

describe('qsort', () => {
  const i64Desc: Cmp = (ctx, a, b) => {
    const x = ctx.mem.loadI64Checked(a, 2);
    const y = ctx.mem.loadI64Checked(b, 2);
    return x < y ? 1 : x > y ? -1 : 0;
  };

  it('sorts ffi_04 descending by calling the comparator on element pointers', () => {
    const { mem, call } = setup();
    const xs = [42n, -7n, 19n, 0n, 3000000000n, 5n];
    const base = call('malloc', 48n) as number;
    xs.forEach((v, i) => mem.storeU64(base + 8 * i, v));
    expect(call('qsort', base, 6n, 8n, i64Desc)).toBeUndefined();
    expect(xs.map((_, i) => mem.loadI64(base + 8 * i))).toEqual([3000000000, 42, 19, 5, 0, -7]); // canonical: numbers while safe
  });

  it('is a stable sort for any input (model: Array.prototype.sort)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 80 }), (vals) => {
        const { mem, sys, call } = setup();
        // Elements are (key: i32, original index: i32); compare by key only.
        const base = vals.length ? (call('malloc', BigInt(vals.length * 8)) as number) : 4096;
        vals.forEach((v, i) => {
          mem.storeU32(base + 8 * i, v);
          mem.storeU32(base + 8 * i + 4, i);
        });
        let calls = 0;
        const byKey: Cmp = (ctx, a, b) => {
          calls++;
          return ctx.mem.loadI32Checked(a, 3) - ctx.mem.loadI32Checked(b, 3);
        };
        call('qsort', base, vals.length, 8, byKey);
        const got = vals.map((_, i) => [mem.loadI32(base + 8 * i), mem.loadI32(base + 8 * i + 4)]);
        const want = vals.map((v, i) => [v, i]).sort((p, q) => p[0] - q[0]);
        expect(got).toEqual(want);
        expect(calls).toBeLessThanOrEqual(Math.max(0, vals.length * Math.ceil(Math.log2(vals.length + 1))));
        expect(sys.stats.liveBytes).toBe(vals.length ? vals.length * 8 : 0); // scratch freed, not counted
      }),
      { numRuns: 100 },
    );
  });
});

describe('malloc family', () => {
  it('counts through the system allocator and returns NULL on exhaustion', () => {
    const { mem, sys, call } = setup(1 << 20);
    const p = call('calloc', 4n, 8n) as number;
    expect([...mem.bytes(p, 32)].every((b) => b === 0)).toBe(true);
    const q = call('realloc', p, 64n) as number;
    expect(sys.stats.liveBytes).toBe(64);
    expect(call('realloc', q, 0n)).toBe(0);
    expect(sys.stats.liveBytes).toBe(0);
    expect(call('malloc', BigInt(8 << 20))).toBe(0);
    expect(call('free', 0)).toBeUndefined();
    const r = call('malloc', 8n) as number;
    call('free', r);
    expect(fault(() => call('free', r)).kind).toBe('double-free');
  });
});

describe('libm', () => {
  it('matches ffi_07_shims_unresolved and C edge cases', () => {
    const { call } = setup();
    expect(call('sqrt', 2)).toBeCloseTo(1.41421356, 7);
    expect(call('pow', 2, 10)).toBe(1024);
    expect([call('floor', -2.5), call('ceil', 2.1), call('fabs', -3.75)]).toEqual([-3, 3, 3.75]);
    expect([call('cbrt', -8), call('sin', 0), call('cos', 0)]).toEqual([-2, 0, 1]);
    expect([call('round', 2.5), call('round', -2.5), call('round', 0.49999999999999994), call('trunc', -1.7)]).toEqual([3, -3, 0, -1]);
    expect(call('fmod', -7, 3)).toBe(-1);
    expect(call('pow', 1, NaN)).toBe(1);
    expect(call('pow', NaN, 0)).toBe(1);
    expect(call('hypot', 3, 4)).toBe(5);
    expect(call('atan2', 1, 1)).toBeCloseTo(Math.PI / 4, 12);
  });
});

describe('table, records and dynamic libraries', () => {
  it('has every required shim with a signature', () => {
    const names = 'strlen strcmp strncmp strcpy strncpy strcat memcpy memmove memset memcmp abs labs llabs atoi puts putchar printf sprintf snprintf qsort malloc calloc realloc free toupper tolower isdigit isalpha isspace sqrt cbrt pow sin cos tan atan atan2 exp log log10 floor ceil fabs fmod round trunc hypot'.split(' ');
    for (const n of names) {
      expect(hasShim(n)).toBe(true);
      expect(SHIM_SIGS.get(n)?.name).toBe(n);
    }
    expect(SHIM_SIGS.get('printf')?.variadic).toBe(true);
    expect(hasShim('no_such_fn')).toBe(false);
  });

  it('panics with `unresolved foreign symbol: NAME` for unknown functions', () => {
    const { ctx } = setup();
    const f = fault(() => callShim(ctx, 'no_such_fn', []));
    expect(f.message).toBe('unresolved foreign symbol: no_such_fn');
    expect(f.panics).toBe(true);
  });

  it('records each crossing for the FFI panel', () => {
    const { mem, ctx, call } = setup();
    const rec: string[] = [];
    ctx.onCall = (n, a, r) => rec.push(`${n}(${a.join(', ')}) = ${r}`);
    const s = mem.internCString('hi');
    callShim(ctx, 'strlen', [s]);
    callShim(ctx, 'pow', [2, 3]);
    callShim(ctx, 'printf', [s], [{ kind: 'i32', value: 5 }]);
    const q = call('malloc', 8n) as number;
    callShim(ctx, 'free', [q]);
    expect(rec).toEqual([
      `strlen(0x${s.toString(16)} "hi") = 2`,
      'pow(2, 3) = 8',
      `printf(0x${s.toString(16)} "hi", 5) = 2`,
      `malloc(8) = 0x${q.toString(16)}`,
      `free(0x${q.toString(16)}) = void`,
    ]);
  });

  it('opens libc/libm by file-name prefix and reports dynlib errors (dylib_01)', () => {
    const z = openLibrary('libz.so.1');
    expect(z).toEqual({ ok: false, error: 'cannot open library: libz.so.1' });
    const m = openLibrary('libm.so.6');
    if (!m.ok) throw new Error('libm');
    const pow = lookup(m.lib, 'pow');
    expect(pow.ok && symbolMatches(pow.sig, ['f64', 'f64'], 'f64')).toBe(true);
    expect(lookup(m.lib, 'no_such_fn')).toEqual({ ok: false, error: 'undefined symbol: no_such_fn' });
    const floor = lookup(m.lib, 'floor');
    expect(floor.ok && symbolMatches(floor.sig, ['i32'], 'i32')).toBe(false);
    expect(mismatchError('floor')).toBe('symbol type mismatch: floor');
    expect(lookup(m.lib, 'abs').ok).toBe(false); // abs is libc's
    const c = openLibrary('/lib/x86_64-linux-gnu/libc.so.6');
    expect(c.ok && c.lib).toBe(LIBC);
    const abs = lookup(LIBC, 'abs');
    expect(abs.ok && symbolMatches(abs.sig, ['i32'], 'i32')).toBe(true);
    expect(openLibrary('libcrypto.so').ok).toBe(false);
    expect(openLibrary('libmylib.so').ok).toBe(false);
  });
});

// The FFI boundary picture of real programs run through the compile+run path.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { execute } from '../../pipeline/execute';
import { callsBefore, conversion, ffiCallAt, ffiIndex, ffiPicture, ffiPictureFull, fnParams, windowOf } from './ffi-model';
import type { TraceEvent } from '../../runtime/api';

const traceOf = (text: string) => {
  const r = execute([{ name: 'main.vx', text }]).result;
  if (!r) throw new Error('did not compile');
  return r.trace;
};
const lesson = readFileSync(new URL('../examples/ffi.vx', import.meta.url), 'utf8');

describe('ffiPicture', () => {
  const trace = traceOf(lesson);
  const p = ffiPicture(trace, null);

  it('draws each call of the ffi lesson with Vex and C types and the conversion', () => {
    expect(p.calls.map((c) => c.fn)).toEqual(['strlen', 'sqrt', 'pow', 'printf', 'qsort', 'cbrt']);
    const strlen = p.calls[0];
    expect(strlen.args[0]).toMatchObject({ vex: 'str', c: 'const char *' });
    expect(strlen.args[0].value).toContain('"hello, C"');
    expect(strlen.args[0].conversion).toMatch(/NUL-terminated/);
    expect(strlen.ret).toMatchObject({ value: '8', c: 'size_t' });
    expect(p.calls[1].args[0]).toMatchObject({ value: '2', vex: 'f64', c: 'double', conversion: 'same bits, no conversion' });
    const printf = p.calls[3];
    expect(printf.args.map((a) => [a.vex, a.c])).toEqual([['str', 'const char *'], ['str', 'const char *'], ['i32', 'int']]);
    // a symbol looked up at run time: the Vex types of DynamicLib.symbol<F>'s F
    const cbrt = p.calls[5];
    expect(cbrt.args[0]).toMatchObject({ value: '27', vex: 'f64', c: 'double' });
    expect(cbrt.loc?.line).toBe(42);
  });

  it('nests the comparator callbacks C made under the qsort call', () => {
    const q = p.calls.find((c) => c.fn === 'qsort')!;
    expect(q.args[3]).toMatchObject({ value: 'fn ascending', c: 'int (*)(…)' });
    expect(q.callbackCount).toBeGreaterThanOrEqual(4);
    expect(q.callbacks.length).toBe(q.callbackCount);
    const ev = trace.find((e) => e.t === 'ffi' && e.fn === 'qsort');
    expect(ev && ev.t === 'ffi' && ev.callbacks).toBe(q.callbackCount);
    expect(q.callbacks[0].fn).toBe('ascending');
    expect(q.callbacks[0].args[0].value).toMatch(/^0x[0-9a-f]+$/);
    expect(q.callbacks[0].args[0].vex).toBe('*u8');
    expect(q.callbacks.map((c) => c.ret).every((r) => ['-1', '0', '1'].includes(r))).toBe(true);
  });

  it('draws the first callbacks of a long sort and counts them all', () => {
    const src = lesson.replace('let! nums: [i32; 5] = [42, 7, 19, 3, 11];', 'let! nums: [i32; 64] = [0; 64];\n    for i in 0..64 { nums[i] = 64 - i as i32; }')
      .replace('qsort(&nums! as *u8!, 5, 4, ascending);', 'qsort(&nums! as *u8!, 64, 4, ascending);');
    const q = ffiPicture(traceOf(src), null).calls.find((c) => c.fn === 'qsort')!;
    expect(q.callbackCount).toBeGreaterThan(100);
    expect(q.callbacks).toHaveLength(40);
  });

  it('counts every call, and labels the libm fast path\'s records as a sample', () => {
    const t = traceOf('extern "C" { fn sqrt(x: f64): f64; }\nfn main() {\n    let! s = 0.0;\n    for i in 0..1000 { s = s + sqrt(i as f64); }\n    println("{}", s);\n}\n');
    const q = ffiPicture(t, null);
    expect(q.totals).toEqual([{ fn: 'sqrt', calls: 1000, recorded: 64, sampled: true }]);
    expect(q.calls).toHaveLength(64);
    expect(q.sampled).toBe(true);
    expect(q.final).toBe(true);
  });

  it('shows only the calls before the trace position', () => {
    const firstQsort = trace.findIndex((e) => e.t === 'ffi' && e.fn === 'qsort');
    const before = ffiPicture(trace, firstQsort);
    expect(before.calls.map((c) => c.fn)).toEqual(['strlen', 'sqrt', 'pow', 'printf']);
    expect(before.final).toBe(false);
    expect(before.totals.find((x) => x.fn === 'sqrt')).toMatchObject({ calls: 1, sampled: false });
  });
});

describe('conversion wording', () => {
  it('names the boundary conversions', () => {
    expect(conversion('bool', 'i32')).toMatch(/int/);
    expect(conversion('f32', 'f64')).toMatch(/promoted to double/);
    expect(conversion('u16', 'i32')).toMatch(/promoted to int/);
    expect(conversion('*i32', 'ptr')).toMatch(/address/);
    expect(conversion('', 'f64')).toMatch(/run time/);
    expect(fnParams('fn(*u8, fn(i32): i32): i32')).toEqual(['*u8', 'fn(i32): i32']);
  });
});

describe('ffi index (windowed list, scrub moves)', () => {
  /** n foreign calls of four symbols, every third a qsort with `cb` callbacks before it, output
   *  between, ffi-count totals at the end. */
  function bigFfiTrace(n: number, cb = 3): TraceEvent[] {
    const tr: TraceEvent[] = [];
    const site = { file: 'main.vx', line: 4, col: 5 };
    const types = { vex: ['i32', 'str'], c: ['i32', 'ptr'], retVex: 'i32', retC: 'i32' };
    for (let id = 0; id < n; id++) {
      const fn = ['abs', 'strlen', 'qsort', 'puts'][id % 4];
      if (fn === 'qsort') for (let c = 0; c < cb; c++) tr.push({ t: 'ffi-callback', call: id, fn: 'cmp', args: ['1', '2'], ret: '-1', task: 0 });
      tr.push({ t: 'ffi', fn, args: id % 2 ? ['1', '0x10 "hi"'] : ['7'], ret: String(id), task: 0, id, types, loc: site, callbacks: fn === 'qsort' ? cb : 0 });
      if (id % 5 === 0) tr.push({ t: 'output', stream: 'stdout', text: `${id}\n` });
    }
    for (const fn of ['abs', 'strlen', 'qsort', 'puts']) tr.push({ t: 'ffi-count', fn, calls: n / 4 + 10, recorded: n / 4 });
    return tr;
  }

  it('the indexed picture equals the straightforward walk at 200 random positions', () => {
    const trace = bigFfiTrace(4000, 45); // more callbacks than drawn (40)
    const ix = ffiIndex(trace);
    let x = 12345;
    const rnd = () => { x = (x * 1103515245 + 12345) & 0x7fffffff; return x / 0x7fffffff; };
    const positions: (number | null)[] = [null, 0, 1, trace.length];
    for (let i = 0; i < 200; i++) positions.push(Math.floor(rnd() * (trace.length + 1)));
    for (const p of positions) expect(ffiPicture(trace, p, 30, 40, ix), `position ${p}`).toEqual(ffiPictureFull(trace, p, 30, 40));
  });

  it('every call is reachable: call k of the list is the k-th recorded call, all the way to the last', () => {
    const trace = bigFfiTrace(5000);
    const ix = ffiIndex(trace);
    expect(callsBefore(ix, trace.length)).toBe(5000); // no 300 cap
    const last = ffiCallAt(trace, ix, 4999);
    expect(last.id).toBe(4999);
    expect(last.fn).toBe('puts');
    const q = ffiCallAt(trace, ix, 2);
    expect(q.fn).toBe('qsort');
    expect(q.callbacks).toHaveLength(3);
    // line counts: head + args + result, plus the callbacks block
    expect(ix.lineTop[1] - ix.lineTop[0]).toBe(2 + 1);
    expect(ix.lineTop[3] - ix.lineTop[2]).toBe(2 + 1 + 1 + 3);
  });

  it('windowOf picks the calls overlapping the viewport (plus overscan), at the top, middle and end', () => {
    const offsets = [0, 50, 100, 180, 200, 300, 310]; // 6 calls
    expect(windowOf(offsets, 6, 0, 60, 0)).toEqual({ start: 0, end: 2 });
    expect(windowOf(offsets, 6, 100, 90, 0)).toEqual({ start: 2, end: 4 });
    expect(windowOf(offsets, 6, 305, 100, 0)).toEqual({ start: 5, end: 6 });
    expect(windowOf(offsets, 6, 120, 10, 1)).toEqual({ start: 1, end: 4 });
    expect(windowOf(offsets, 3, 250, 100, 0)).toEqual({ start: 3, end: 3 }); // past the listed calls
    // a 100,000-call list: the window is a handful of rows wherever it is scrolled
    const big = Array.from({ length: 100_001 }, (_, k) => k * 40);
    const w = windowOf(big, 100_000, 40 * 99_990, 400);
    expect(w.end).toBe(100_000);
    expect(w.end - w.start).toBeLessThan(20);
  });
});

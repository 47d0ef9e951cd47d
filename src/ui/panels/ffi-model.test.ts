// The FFI boundary picture of real programs run through the compile+run path.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { execute } from '../../pipeline/execute';
import { conversion, ffiPicture, fnParams } from './ffi-model';

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

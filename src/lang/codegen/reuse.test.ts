// A compiled program's module is instantiated once and bound to each run's fresh runtime
// (run.ts): runs of the same program must not share state, and the libm fast path must still
// record the first 64 crossings of each symbol in every run.
import { describe, it, expect } from 'vitest';
import { compile } from '../compile';
import { run } from '../../runtime/run';

const SRC = `extern "C" fn sqrt(x: f64) -> f64;
struct Acc { n: i32 }
fn main() {
    let! a = Acc { n: 0 };
    let! s = 0.0;
    for i in 0..100 { s += sqrt(i as f64); a.n += 1; }
    let b = Box(a.n);
    println("{} {}", a.n, *b);
    println("{}", s as i32);
    panic("end");
}
`;

describe('module reuse across runs', () => {
  it('two runs of one compiled program give identical results, output and libm records', () => {
    const c = compile([{ name: 'r.vx', text: SRC }]);
    if (!c.program) throw new Error(c.diagnostics.map((d) => d.message).join('; '));
    const results = [run(c.program), run(c.program), run({ ...c.program })];
    for (const r of results) {
      expect(r.output.map((o) => o.text).join('')).toContain('100 100\n');
      expect(r.exitCode).toBe(134);
      expect(r.trace.filter((e) => e.t === 'ffi').length).toBe(64);
      expect(r.stats.allocs).toBe(results[0].stats.allocs);
    }
    expect(results[1].output).toEqual(results[0].output);
    expect(results[2].output).toEqual(results[0].output);
  });
});

describe('element access written at the site', () => {
  it('keeps bounds checks for reads and stores (negative, past the end, Vec and array), with the site', async () => {
    const { runVex } = await import('./run-helpers.test-util');
    const src = (body: string) => `fn main() {
    let! a = [1, 2, 3];
    let! v: Vec<i32> = Vec();
    v.push(7);
    let! k = 2;
    ${body}
}
`;
    const ok = runVex(src('a[k] = 9; v[0] = a[k]; println("{} {} {}", a[2], v[0], a[0]);'));
    expect(ok.stdout).toBe('9 9 1\n');
    expect(ok.js).toMatch(/>>> 0\) < v_a_\d+\.length/);
    for (const [body, msg] of [
      ['k = 3; println("{}", a[k]);', 'index out of bounds: index 3, len 3'],
      ['k = -1; println("{}", a[k]);', 'index out of bounds: index -1, len 3'],
      ['k = 1; v[k] = 5;', 'index out of bounds: index 1, len 1'],
      ['k = 5; a[k] = 1;', 'index out of bounds: index 5, len 3'],
    ]) {
      const r = runVex(src(body));
      expect(r.exitCode).toBe(134);
      expect(r.stderr).toContain(msg);
      expect(r.stderr).toMatch(/test\.vx:6:/);
    }
  });
});

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

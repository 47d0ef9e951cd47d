// A Vec's growth: the simulated buffer's events are the allocator's (alloc, then one realloc per
// doubling, addresses chained), whatever the host storage does. A realloc of a Vec's buffer copies
// no simulated bytes (the elements live in JS), and a finished run's memory is zeroed only as far
// as it was used: neither may change anything a run reports, run after run.
import { describe, expect, it } from 'vitest';
import { compile } from '../../lang/compile';
import { run } from '../run';
import { Memory } from '../memory/memory';

const GROW = `fn main() {
    let! a = Vec<i32>.new();
    let! w = Vec<f64>.new();
    let! b = Vec<u8>.new();
    for i in 0..300000 {
        a.push(i % 1000);
        w.push((i % 10) as f64 * 0.5);
        if i % 3 == 0 { b.push((i % 256) as u8); }
    }
    let! s = 0;
    for i in 0..300000 { s = (s + a[i]) % 1000003; }
    println("{} {} {} {}", s, w[299999], b.len(), b[99999]);
}
`;
const program = (text: string) => {
  const c = compile([{ name: 'main.vx', text }]);
  if (!c.program) throw new Error(c.diagnostics.map((d) => d.message).join('; '));
  return c.program;
};
const report = (r: ReturnType<typeof run>) => JSON.stringify({ out: r.output, trace: r.trace, outcome: r.outcome, stats: r.stats, steps: r.steps });

describe('Vec growth', () => {
  it('reallocs the buffer once per doubling, each from where the last one left it', () => {
    const r = run(program(GROW));
    const ev = (r.trace as { t: string; addr?: number; from?: number; to?: number; size?: number; oldSize?: number }[]).filter((e) => e.t === 'alloc' || e.t === 'realloc');
    // the i32 Vec's buffer: 16 bytes, then doubled up to 2^21 (300,000 elements of 4 bytes)
    const sizes: number[] = [];
    let at = -1;
    for (const e of ev) {
      if (e.t === 'alloc' && e.size === 16 && at < 0) { at = e.addr!; sizes.push(16); continue; }
      if (e.t === 'realloc' && e.from === at) { expect(e.oldSize).toBe(sizes[sizes.length - 1]); sizes.push(e.size!); at = e.to!; }
    }
    expect(sizes).toEqual(Array.from({ length: 18 }, (_, i) => 16 << i));
  });

  it('gives the same output, trace and statistics run after run', () => {
    const p = program(GROW);
    const fresh = report(run(p));
    expect(fresh).toContain('realloc');
    for (let i = 0; i < 3; i++) expect(report(run(p))).toBe(fresh);
  });

  it('copies no simulated bytes when a Vec grows', () => {
    const copy = Memory.prototype.copy;
    let copied = 0;
    Memory.prototype.copy = function (d, s, n) { copied += n; return copy.call(this, d, s, n); };
    try { run(program(GROW)); } finally { Memory.prototype.copy = copy; }
    expect(copied).toBe(0);
  });
});

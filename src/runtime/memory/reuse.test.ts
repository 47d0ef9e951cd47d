// A finished run's memory buffers are reused by the next run (Memory.release): the next run must
// not be able to tell. Same output and trace as in a fresh process, zeroed bytes, the same address
// space (faults past its end say so), whatever ran before.
import { describe, expect, it } from 'vitest';
import { compile } from '../../lang/compile';
import { run } from '../run';
import { Memory } from './memory';
import { SystemAllocator } from '../alloc/system';
import { isVexFault } from './fault';

const program = (text: string) => {
  const c = compile([{ name: 'main.vx', text }], { entry: 'main.vx' });
  if (!c.program) throw new Error(c.diagnostics.map((d) => d.message).join('; '));
  return c.program;
};
const outcome = (text: string) => {
  const r = run(program(text));
  return JSON.stringify({ out: r.output, trace: r.trace, outcome: r.outcome, stats: r.stats });
};

// Leaves non-zero bytes all over a big heap, then ends.
const DIRTY = `
fn main() {
    let! v = Vec<i64>.new();
    for i in 0..200000 { v.push(i * 7 + 1); }
    let! k = 0;
    while k < 64 {
        let p = alloc(4096);
        unsafe { let! j = 0; while j < 4096 { *(p + j) = 255; j += 1; } }
        k += 1;
    }
    println("{}", v.len());
}`;
// Reads heap bytes it never wrote, walks off the end of a block, and grows its heap.
const PROBE = `
fn main() {
    let p = alloc(64);
    let! sum = 0;
    unsafe { let! j = 0; while j < 64 { sum += (*(p + j)) as i32; j += 1; } }
    println("fresh bytes sum {}", sum);
    let! v = Vec<i32>.new();
    for i in 0..50000 { v.push(i); }
    println("{}", v[49999]);
    free(p);
    let q = alloc(8);
    unsafe { println("{}", *(q + 40000000)); }
}`;

describe('reused run memory', () => {
  it('a run gives the same output and trace after a run that dirtied a big heap', () => {
    const fresh = outcome(PROBE);
    expect(fresh).toContain('fresh bytes sum 0');
    expect(fresh).toContain('outside the address space');
    outcome(DIRTY);
    expect(outcome(PROBE)).toBe(fresh);
    outcome(DIRTY);
    outcome(PROBE);
    expect(outcome(PROBE)).toBe(fresh);
  });

  it('Memory: a reused buffer is zero, its size that of a fresh one, and past the size is outside', () => {
    const a = new Memory({ limit: 64 << 20 });
    const freshSize = a.size;
    expect(a.ensure(8 << 20)).toBe(true);
    a.u8.fill(7, 0, 8 << 20);
    a.shadow.fill(3);
    a.release();
    const b = new Memory({ limit: 64 << 20 });
    expect(b.buffer).toBe(a.buffer); // reused
    expect(b.size).toBe(freshSize);
    expect(b.u8.subarray(0, 8 << 20).every((x) => x === 0)).toBe(true);
    expect(b.shadow.every((x) => x === 0)).toBe(true);
    let fault = '';
    try { b.loadU8Checked(freshSize + 64, -1); } catch (e) { if (isVexFault(e)) fault = e.message; }
    expect(fault).toMatch(/outside the address space/);
    expect(b.bytes(freshSize - 4, 100).length).toBe(4);
    expect(b.ensure(freshSize * 2)).toBe(true);
    expect(b.size).toBe(freshSize * 2);
  });

  it('SystemAllocator: reused arrays start clean (same addresses as a fresh allocator)', () => {
    const addrs = () => {
      const m = new Memory({ limit: 16 << 20 });
      const s = new SystemAllocator(m);
      const out = [s.alloc(100, 8, -1, 0), s.allocBox(-1, 0), s.alloc(5000, 16, -1, 0)];
      s.free(out[0], -1, 0);
      out.push(s.alloc(100, 8, -1, 0));
      for (let i = 0; i < 3000; i++) out.push(s.allocBox(-1, 0));
      s.recycle();
      m.release();
      return out;
    };
    const first = addrs();
    expect(addrs()).toEqual(first);
    expect(addrs()).toEqual(first);
  });
});

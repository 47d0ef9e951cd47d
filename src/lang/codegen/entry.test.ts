// Function entries (entry.ts): a plain instance whose entry spends the last step of a fuel chunk
// restarts its own call after the tick, and a recursive instance compares once with `gate`, the
// lower of the call gate and the heap-frame threshold. Neither may change a step count, an output,
// where a fuel limit stops, a backtrace or the unwind steps: compared with runs where every entry
// goes through enter() (traceCalls: the call gate is 0) and with runs in heap frames (deepAt).
import { describe, expect, it } from 'vitest';
import { runVex } from './run-helpers.test-util';
import type { RunOptions } from '../../runtime/api';

// ~240,000 entries and no loop: every fuel chunk (65,536 steps) runs out at an entry
const FIB = `struct Noisy impl Drop {
    n: i32,
    fn drop()! { if self.n == 1 { println("drop {}", self.n); } }
}
fn fib(n: i32, k: Noisy): i32 {
    if n < 2 { return n; }
    return fib(n - 1, Noisy { n: 0 }) + fib(n - 2, Noisy { n: 0 });
}
fn down(n: i32, k: Noisy): i32 {
    if n == 0 { let v: Vec<i32> = Vec.new(); return v[3]; }
    return down(n - 1, Noisy { n: 0 }) + 1;
}
fn main() {
    println("fib {}", fib(23, Noisy { n: 1 }));
    println("{}", down(30, Noisy { n: 1 }));
}
`;

const view = (r: ReturnType<typeof runVex>) => ({ steps: r.steps, outcome: r.outcome, stdout: r.stdout, stderr: r.stderr, panic: r.panic ?? null });

function runs(opts: Partial<RunOptions>) {
  const plain = runVex(FIB, opts);
  const gated = runVex(FIB, { ...opts, traceCalls: true });
  const heap = runVex(FIB, { ...opts, deepAt: 2 });
  return { plain, gated, heap };
}

describe('function entries', () => {
  it('restart the call after a tick and share the deep gate, with the same steps, output and panic', () => {
    const { plain, gated, heap } = runs({});
    expect(plain.js).toMatch(/return \(rt\.tickAt\(\$f\), f\d+_fib\d*\(/);
    expect(plain.js).toMatch(/if \(\$f >= rt\.gate(Light)?\) \{ if \(rt\.enterDeep\(\$f, \d+, (true|false)\)\) return rt\.deep\(/);
    expect(plain.stdout).toBe('drop 1\nfib 28657\ndrop 1\n');
    expect(plain.stderr).toMatch(/^panic: index out of bounds/);
    expect(plain.steps).toBeGreaterThan(2 * 65_536);
    expect(view(gated)).toEqual(view(plain));
    expect(view(heap)).toEqual(view(plain));
  });

  it('stop at exactly N steps across fuel chunks, where entries through enter() and heap frames stop', () => {
    const total = runVex(FIB).steps;
    const fuels = [65_535, 65_536, 65_537, 131_072, 131_073, total - 40, total - 1];
    expect(total).toBeGreaterThan(fuels[4]);
    for (const fuel of fuels) {
      const { plain, gated, heap } = runs({ fuel });
      expect(plain.outcome, `fuel ${fuel}`).toMatchObject({ kind: 'limit', limit: 'fuel' });
      expect(plain.steps).toBe(fuel);
      expect(view(gated)).toEqual(view(plain));
      expect(view(heap)).toEqual(view(plain));
    }
  });

  it('leave the frame stack as it was when a chunk runs out at an entry below a panic', () => {
    // the loop moves the chunk's end onto each of the last entries before the panic: a restarted
    // entry that kept its frame would show in the backtrace and the unwind steps
    const DOWN = (k: number) => `fn down(n: i32, k: Noisy): i32 {
    if n == 0 { let v: Vec<i32> = Vec.new(); return v[3]; }
    return down(n - 1, Noisy { n: 0 }) + 1;
}
fn main() {
    let! s = 0;
    for i in 0..${k} { s += 1; }
    println("{}", s);
    println("{}", down(12, Noisy { n: 1 }));
}
` + FIB.slice(0, FIB.indexOf('fn fib'));
    const upTo = runVex(DOWN(0)).steps;
    for (let k = 65_536 - upTo; k < 65_536 - upTo + 30; k++) {
      const src = DOWN(k);
      const plain = runVex(src), gated = runVex(src, { traceCalls: true });
      expect(plain.stderr).toMatch(/^panic: index out of bounds/);
      expect(plain.panic!.backtrace.length).toBe(14);
      expect(view(gated), `k ${k}`).toEqual(view(plain));
    }
  });
});

// The Panic panel steps through the unwinding: every frame the panic passes through logs `frame`
// and `leave` (even with nothing to clean up), in order, ending with `caught` or `aborted`.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { runVex } from './run-helpers.test-util';
import type { UnwindStep } from '../../runtime/api';
import { sharedPath } from '../../../tests/shared-suite';

const show = (u: UnwindStep[]) =>
  u.map((s) => {
    switch (s.kind) {
      case 'frame': return `frame ${s.fn}@${s.loc?.line}`;
      case 'defer': return `defer ${s.fn}@${s.loc?.line}`;
      case 'drop': return `drop ${s.fn} ${s.value}: ${s.type}@${s.loc?.line}`;
      case 'leave': return `leave ${s.fn}`;
      case 'caught': return `caught @${s.loc?.line}:${s.loc?.col}`;
      case 'aborted': return `aborted: ${s.reason}`;
    }
  });

describe('unwind steps', () => {
  // Each step points at the line the editor highlights: a frame at the line it was executing
  // (the panic, or the call the panic came out of), a defer at its `defer`, a drop at its `let`.
  it('panic_02: every frame from inner to main, then aborted', () => {
    const src = readFileSync(sharedPath('conformance', 'panic_02_uncaught_unwind.vx'), 'utf8');
    const r = runVex(src);
    expect(r.exitCode).toBe(134);
    expect(show(r.panic!.unwind)).toEqual([
      'frame inner@10', 'defer inner@8', 'drop inner guard: Noisy@7', 'leave inner',
      'frame outer@20', 'defer outer@18', 'defer outer@17', 'drop outer guard: Noisy@16', 'leave outer',
      'frame main@27', 'drop main m: Noisy@26', 'leave main',
      'aborted: panic not caught: the program exits with status 134',
    ]);
  });

  it('frames without cleanup are logged in order between frames with cleanup, up to catch_panic', () => {
    const r = runVex(`struct N impl Drop {
    n: str,
    fn drop()! { println("drop {}", self.n); }
}
fn leaf(x: i32): i32 {
    if x > 0 { panic("deep"); }
    return x;
}
fn plain(x: i32): i32 {
    return leaf(x) + 1;
}
fn guarded(x: i32): i32 {
    let g = N { n: "g" };
    return plain(x) * 2;
}
fn bare(x: i32): i32 {
    return guarded(x);
}
fn main() {
    let r = catch_panic(|| bare(1));
    match r {
        Ok(v) => println("ok {}", v),
        Err(m) => println("caught {}", m),
    }
}
`);
    expect(r.stdout).toBe('drop g\ncaught deep\n');
    expect(r.exitCode).toBe(0);
    const ev = r.trace.find((e) => e.t === 'panic');
    expect(ev && ev.t === 'panic' && ev.caught).toBe(true);
    const steps = show(ev && ev.t === 'panic' ? ev.info.unwind : []);
    expect(steps.map((s) => s.replace(/@\d+$/, ''))).toEqual([
      'frame leaf', 'leave leaf',
      'frame plain', 'leave plain',
      'frame guarded', 'drop guarded g: N', 'leave guarded',
      'frame bare', 'leave bare',
      'frame closure in main', 'leave closure in main', // the closure handed to catch_panic
      'caught @20:13',
    ]);
  });

  it('logs the temporaries of the statement a panic leaves (newest first), then a kept one with the locals', () => {
    const src = readFileSync(new URL('../../../tests/conformance/panic_temp_kept_ref.vx', import.meta.url), 'utf8');
    const r = runVex(src);
    expect(r.exitCode).toBe(0);
    const ev = r.trace.find((e) => e.t === 'panic');
    const steps = ev && ev.t === 'panic' ? ev.info.unwind : [];
    // a temporary has no name: the Panic panel shows it as its own row, crossed out at its step
    expect(show(steps)).toEqual([
      'frame boom@12', 'leave boom',
      'frame work@16', 'drop work : Pair@16', 'drop work : D@16', 'drop work : Pair@15', 'drop work local: D@14', 'leave work',
      'frame closure in main@21', 'leave closure in main',
      'caught @21:11',
    ]);
    const pair = steps.find((s) => s.kind === 'drop' && s.type === 'Pair');
    expect(pair).toMatchObject({ value: '', shown: 'Pair { a: D { id: 2 }, b: D { id: 3 } }', loc: { line: 16, col: 23 } });
  });
});

describe('a drop at a function exit that panics', () => {
  // The frame's line is the dropped local's declaration, as for a block's drops: before, the
  // frame kept the site of its last call (`helper(3)`), a line that had nothing to do with it.
  const src = `struct D impl Drop { n: i32, fn drop()! { if self.n == 2 { panic("bad drop"); } println("drop {}", self.n); } }
fn helper(x: i32): i32 { return x * 2; }
fn work() {
    let a = D { n: 1 };
    let b = D { n: 2 };
    println("{}", helper(3));
}
fn main() {
    work();
}`;
  it('names the frame at the local being dropped, in the backtrace and the unwind steps', () => {
    const r = runVex(src);
    expect(r.exitCode).toBe(134);
    expect(r.panic!.backtrace.map((f) => `${f.fn}@${f.loc?.line}:${f.loc?.col}`)).toEqual(['D.drop@1:60', 'work@5:9', 'main@9:5']);
    expect(show(r.panic!.unwind)).toEqual([
      'frame D.drop@1', 'leave D.drop',
      'frame work@5', 'drop work a: D@4', 'leave work',
      'frame main@9', 'leave main',
      'aborted: panic not caught: the program exits with status 134',
    ]);
  });
});

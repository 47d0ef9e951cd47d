// §6.3: a panic drops what is live innermost first, as a normal exit does: the loop body's locals
// (newest first), then the loop variable if it still owns its value, then what the loop iterates
// (a temporary's remaining elements, a user iterator), then what was bound before the loop. The
// temporary a `for` iterates was dropped before the body's locals; the Panic panel's drop steps
// must come in the same order as the drops themselves.
import { describe, it, expect } from 'vitest';
import { runVex } from './run-helpers.test-util';
import type { UnwindStep } from '../../runtime/api';

const D = `struct D impl Drop { n: i32,
  fn drop()! { println("drop {}", self.n); } }
fn mk(b: i32): Vec<D> { let! v = Vec<D>(); v.push(D{n: b + 1}); v.push(D{n: b + 2}); v.push(D{n: b + 3}); return v; }
`;
const drops = (u: UnwindStep[]) => u.flatMap((s) => (s.kind === 'drop' ? [`${s.fn} ${s.value}@${s.loc?.line}`] : []));

describe('unwinding out of a loop drops innermost first', () => {
  it('a panic from a called function in the body of `for d in mk()`', () => {
    const r = runVex(`${D}fn f(d: D) { if d.n == 2 { panic("boom"); } }
fn main() {
    let before = D{n: 100};
    for d in mk(0) {
        let e = D{n: d.n * 10};
        println("saw {}", d.n);
        f(d);
    }
}
`);
    expect(r.exitCode).toBe(134);
    expect(r.stdout).toBe('saw 1\ndrop 1\ndrop 10\nsaw 2\ndrop 2\ndrop 20\ndrop 3\ndrop 100\n');
    expect(drops(r.panic!.unwind)).toEqual(['f d@4', 'main e@8', 'main @7', 'main before@6']);
  });

  it('a panic in the body itself: the body locals, then the temporary (the loop variable views it)', () => {
    const r = runVex(`${D}fn main() {
    for d in mk(0) {
        let a = D{n: d.n * 10};
        let b = D{n: d.n * 100};
        if d.n == 2 { panic("boom"); }
    }
}
`);
    expect(r.stdout).toBe('drop 100\ndrop 10\ndrop 200\ndrop 20\ndrop 1\ndrop 2\ndrop 3\n');
    expect(drops(r.panic!.unwind)).toEqual(['main b@7', 'main a@6', 'main @5']);
  });

  it('nested loops over temporaries unwind inner body, inner temporary, outer body, outer temporary', () => {
    const r = runVex(`${D}fn main() {
    for a in mk(0) {
        let x = D{n: a.n * 10};
        for b in mk(100) {
            let y = D{n: b.n * 10};
            if a.n == 1 && b.n == 102 { panic("boom"); }
        }
    }
}
`);
    expect(r.stdout).toBe('drop 1010\ndrop 1020\ndrop 101\ndrop 102\ndrop 103\ndrop 10\ndrop 1\ndrop 2\ndrop 3\n');
    expect(drops(r.panic!.unwind)).toEqual(['main y@8', 'main @7', 'main x@6', 'main @5']);
  });

  it('a user iterator: the body locals, the loop variable it handed over, then the iterator', () => {
    const r = runVex(`${D}struct It impl Iterator { i: i32, held: D }
fn (it: &It!) next(): Option<D> { it.i += 1; if it.i > 3 { return None; } return Some(D{n: it.i}); }
fn main() {
    let before = D{n: 100};
    for d in It{i: 0, held: D{n: 99}} {
        let e = D{n: d.n * 10};
        if d.n == 2 { panic("boom"); }
    }
}
`);
    expect(r.stdout).toBe('drop 10\ndrop 1\ndrop 20\ndrop 2\ndrop 99\ndrop 100\n');
    expect(drops(r.panic!.unwind)).toEqual(['main e@9', 'main d@8', 'main @8', 'main before@7']);
  });

  it('a named Vec and a temporary Map: body locals first, the container with the enclosing scope', () => {
    const r = runVex(`${D}fn mkm(): Map<i32, D> { let! m = Map<i32, D>(); m.insert(1, D{n: 1}); m.insert(2, D{n: 2}); return m; }
fn main() {
    let! v = mk(10);
    for d in v { let e = D{n: d.n * 10}; if d.n == 12 { break; } }
    for k in mkm() {
        let e = D{n: k * 10};
        if k == 2 { panic("boom"); }
    }
}
`);
    expect(r.stdout).toBe('drop 110\ndrop 120\ndrop 10\ndrop 20\ndrop 1\ndrop 2\ndrop 11\ndrop 12\ndrop 13\n');
  });

  it('a while loop: the body locals newest first, then the enclosing scope', () => {
    const r = runVex(`${D}fn main() {
    let outer = D{n: 100};
    let! i = 0;
    while i < 3 {
        let a = D{n: i};
        let b = D{n: i + 10};
        if i == 1 { panic("boom"); }
        i += 1;
    }
}
`);
    expect(r.stdout).toBe('drop 10\ndrop 0\ndrop 11\ndrop 1\ndrop 100\n');
    expect(drops(r.panic!.unwind)).toEqual(['main b@9', 'main a@8', 'main outer@5']);
  });

  it('catch_panic around such a loop: the program goes on and the heap is balanced', () => {
    const r = runVex(`${D}fn f(d: D) { if d.n == 2 { panic("boom"); } }
fn run() {
    for d in mk(0) {
        let e = D{n: d.n * 10};
        f(d);
    }
}
fn main() {
    let r = catch_panic(|| run());
    println("caught {}", r.is_err());
    let r2 = catch_panic(|| { for d in mk(50) { let e = D{n: d.n + 100}; if d.n == 52 { panic("two"); } } });
    println("caught {}", r2.is_err());
    let st = runtime_stats();
    println("live={} allocs={} frees={}", st.live_bytes, st.allocs, st.frees);
}
`);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('drop 1\ndrop 10\ndrop 2\ndrop 20\ndrop 3\ncaught true\ndrop 151\ndrop 152\ndrop 51\ndrop 52\ndrop 53\ncaught true\nlive=0 allocs=2 frees=2\n');
  });

  it('a temporary user iterator whose items the body moves out is dropped after the loop, and when unwinding', () => {
    const src = (p: string) => `${D}struct It impl Iterator { i: i32, held: D }
fn (it: &It!) next(): Option<D> { it.i += 1; if it.i > 3 { return None; } return Some(D{n: it.i}); }
fn f(d: D) { if d.n == ${p} { panic("boom"); } }
fn main() {
    for d in It{i: 0, held: D{n: 99}} { let e = D{n: d.n * 10}; f(d); }
    println("end");
}
`;
    expect(runVex(src('0')).stdout).toBe('drop 1\ndrop 10\ndrop 2\ndrop 20\ndrop 3\ndrop 30\ndrop 99\nend\n');
    const r = runVex(src('2'));
    expect(r.stdout).toBe('drop 1\ndrop 10\ndrop 2\ndrop 20\ndrop 99\n');
    expect(drops(r.panic!.unwind)).toEqual(['f d@6', 'main e@8', 'main @8']);
  });

  it('a loop variable that owns its element (the body may move it): body locals, it, then the rest', () => {
    const r = runVex(`${D}fn consume(d: D) { println("consumed {}", d.n); }
fn main() {
    for d in mk(0) {
        let e = D{n: d.n * 10};
        if d.n == 2 { panic("boom"); }
        if d.n == 1 { consume(d); }
    }
}
`);
    expect(r.stdout).toBe('consumed 1\ndrop 1\ndrop 10\ndrop 20\ndrop 2\ndrop 3\n');
    expect(drops(r.panic!.unwind)).toEqual(['main e@7', 'main d@6', 'main @6']);
  });

  it("the frame's defers run first (§6.3), then its drops innermost first", () => {
    const r = runVex(`${D}fn main() {
    let before = D{n: 100};
    defer println("deferred");
    for d in mk(0) {
        let e = D{n: d.n * 10};
        if d.n == 1 { panic("boom"); }
    }
}
`);
    expect(r.stdout).toBe('deferred\ndrop 10\ndrop 1\ndrop 2\ndrop 3\ndrop 100\n');
    expect(r.panic!.unwind.map((s) => s.kind)).toEqual(['frame', 'defer', 'drop', 'drop', 'drop', 'leave', 'aborted']);
  });
});

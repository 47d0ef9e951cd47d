// A defer runs at function exit: one in a nested block must not use that block's locals that are
// dropped (or hold a borrow) by then (sema/defer-scope.ts).
import { describe, it, expect } from 'vitest';
import { checkSource } from './check';

const errs = (body: string) => checkSource('t.vx', `struct D impl Drop { n: i32, fn drop()! { println("drop {}", self.n); } }
fn main() { ${body} }
`).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);
const late = (x: string) => `E0176 dangling reference: this \`defer\` runs when the function returns, but \`${x}\` goes out of scope at the end of its block, before that`;

describe('a defer in a nested block (base §3: defers run at function exit)', () => {
  it('using a Drop local, a loop variable or a match binding of that block is E0176', () => {
    expect(errs('{ let x = D{n: 1}; defer println("{}", x.n); }')).toEqual([late('x')]);
    expect(errs('let! v = Vec.new<D>(); v.push(D{n: 1}); for d in v { defer println("{}", d.n); }')).toEqual([late('d')]);
    expect(errs('let o = Some(D{n: 1}); match o { Some(d) => { defer println("{}", d.n); }, None => {} }')).toEqual([late('d')]);
    expect(errs('if 1 > 0 { let u = D{n: 2}; let q = &u; defer println("{}", q.n); }')).toEqual([late('q')]);
  });
  it('the nearest accepted programs: the function\'s own locals, Copy values, locals of the defer itself', () => {
    expect(errs('let x = D{n: 1}; { defer println("{}", x.n); }')).toEqual([]);
    expect(errs('let x = D{n: 1}; defer println("{}", x.n);')).toEqual([]);
    // a reference to the function's own outer local: still there when the defer runs
    expect(errs('let t = D{n: 1}; if t.n > 0 { let r = &t; defer println("{}", r.n); }')).toEqual([]);
    expect(errs('for i in 0..3 { let k = i * 2; defer println("{} {}", i, k); }')).toEqual([]);
    expect(errs('{ defer { let y = D{n: 2}; println("{}", y.n); } }')).toEqual([]);
    expect(errs('let f = || { let x = D{n: 1}; defer println("{}", x.n); }; f();')).toEqual([]);
  });
  // a closure's, task's or async block's defer runs at its exit (codegen: its own defer list), after
  // the locals of a block nested in it were dropped
  const lateIn = (what: string, x: string) => `E0176 dangling reference: this \`defer\` runs when the ${what} returns, but \`${x}\` goes out of scope at the end of its block, before that`;
  it('in a closure, `go` or `async` body, using a local of a block nested in it is E0176', () => {
    expect(errs('let f = || { { let d = D{n: 3}; defer println("{}", d.n); } println("end"); }; f();')).toEqual([lateIn('closure', 'd')]);
    expect(errs('let f = |k: i32| if k > 0 { let d = D{n: k}; defer println("{}", d.n); } else {}; f(1);')).toEqual([lateIn('closure', 'd')]);
    expect(errs('let f = || { for i in 0..2 { let d = D{n: i}; defer println("{}", d.n); } }; f();')).toEqual([lateIn('closure', 'd')]);
    expect(errs('let ch = Channel<i32>(0); go { { let d = D{n: 4}; defer println("{}", d.n); } ch.send(1); }; ch.recv();')).toEqual([lateIn('task', 'd')]);
    expect(errs('let a = async { { let d = D{n: 5}; defer println("{}", d.n); } 1 }; block_on(a);')).toEqual([lateIn('`async` block', 'd')]);
    // (a closure inside a closure: the inner one's exit)
    expect(errs('let f = || { let g = || { { let d = D{n: 6}; defer println("{}", d.n); } }; g(); }; f();')).toEqual([lateIn('closure', 'd')]);
  });
  it('the nearest accepted programs: the closure\'s own outermost locals, its captures, Copy values', () => {
    expect(errs('let o = D{n: 1}; { let m = D{n: 2}; let f = || { let t = D{n: 3}; { let x = 5; defer println("{} {} {} {}", t.n, m.n, o.n, x); } }; f(); }')).toEqual([]);
    expect(errs('let ch = Channel<i32>(0); go { let d = D{n: 4}; { defer println("{}", d.n); } ch.send(1); }; ch.recv();')).toEqual([]);
    // (a defer of a block in the function, a closure inside that block: the closure's own)
    expect(errs('{ let d = D{n: 1}; let f = || { defer println("{}", d.n); }; f(); }')).toEqual([]);
  });
});

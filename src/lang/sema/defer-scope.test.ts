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
});

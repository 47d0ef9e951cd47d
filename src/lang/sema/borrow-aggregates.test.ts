// Issue #14: a reference held inside an aggregate value (a tuple, a struct literal's field, an
// array, a variant's payload, nested, returned by a function, destructured, assigned) keeps its
// borrow as a plain reference does: a conflicting change of what it borrows is E0161 while the
// holder is used later, and fine once it is not (NLL). `let t = (1, &v[0]); v.clear();` printed
// the dropped element; so did a borrow stored into a holder (`vs.push(&v[0]);`, `h.r = &v[0];`)
// or given to one in a nested block (`if c { r = &v[0]; }`).
import { describe, it, expect } from 'vitest';
import { checkSource } from './check';

const pre = `struct N { n: i32 }
struct H { r: &N, k: i32 }
enum E { A(&N), B }
fn pair(x: &N): (i32, &N) { return (1, x); }
fn put(vs: &Vec<&N>!, r: &N): bool { vs.push(r); return true; }
`;
const program = (body: string) => `${pre}fn main() { let! v = Vec<N>(); v.push(N { n: 1 }); v.push(N { n: 2 }); let w = N { n: 5 }; let c = v.len() > 1; ${body} }`;
const errs = (body: string) => checkSource('t.vx', program(body)).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);
const E0161 = 'E0161 cannot borrow `v` as mutable because it is also borrowed as immutable';

/** [name, statements making the holder, an expression reading the reference through it] */
const CASES: [string, string, string][] = [
  ['tuple', 'let t = (1, &v[0]);', 't.1.n'],
  ['struct literal field', 'let h = H { r: &v[0], k: 1 };', 'h.r.n'],
  ['array literal', 'let a = [&v[0], &v[1]];', 'a[0].n'],
  ['enum payload', 'let e = E.A(&v[0]);', 'match e { E.A(r) => r.n, E.B => 0 }'],
  ['nested tuple and array', 'let t = (1, (2, [&v[0]]));', 't.1.1[0].n'],
  ['Some inside a tuple', 'let t = (Some(&v[0]), 1);', 't.0.unwrap().n'],
  ['struct inside a tuple', 'let t = (H { r: &v[0], k: 1 }, 2);', 't.0.r.n'],
  ['tuple a function returns', 'let t = pair(&v[0]);', 't.1.n'],
  ['destructured', 'let t = (1, &v[0]); let (a, b) = t;', 'b.n'],
  ['destructured literal', 'let (a, b) = (1, &v[0]);', 'b.n'],
  ['copied', 'let t = (1, &v[0]); let q = t;', 'q.1.n'],
  ['element read out', 'let t = (1, &v[0]); let r = t.1;', 'r.n'],
  ['assigned', 'let! t = (0, &w); t = (0, &v[1]);', 't.1.n'],
  ['if value', 'let t = if c { (1, &v[0]) } else { (2, &v[1]) };', 't.1.n'],
  ['reference if value', 'let r = if c { &v[0] } else { &w };', 'r.n'],
  ['match value', 'let t = match 1 { 1 => (1, &v[0]), _ => (2, &w) };', 't.1.n'],
  // stored into a holder, also from a nested block
  ['struct field stored', 'let! h = H { r: &w, k: 1 }; h.r = &v[0];', 'h.r.n'],
  ['tuple element stored', 'let! t = (1, &w); t.1 = &v[0];', 't.1.n'],
  ['array element stored', 'let! a = [&w, &w]; a[0] = &v[0];', 'a[0].n'],
  ['pushed', 'let! vs = Vec<&N>(); vs.push(&v[0]);', 'vs[0].n'],
  ['assigned in a block', 'let! t = (1, &w); { t = (2, &v[0]); }', 't.1.n'],
  ['reference assigned on a branch', 'let! r = &w; if c { r = &v[0]; }', 'r.n'],
  ['pushed on a branch', 'let! vs = Vec<&N>(); if c { vs.push(&v[0]); }', 'vs[0].n'],
  ['pushed in a loop', 'let! vs = Vec<&N>(); for i in 0..2 { vs.push(&v[i]); }', 'vs[0].n'],
  // a loop binding views v's element in place: a reference to it borrows v
  ['loop binding pushed', 'let! vs = Vec<&N>(); for x in v { vs.push(&x); }', 'vs[0].n'],
  ['loop binding stored on a branch', 'let! r = &w; for x in v { if x.n > 1 { r = &x; } }', 'r.n'],
  // stored by a call inside an expression
  ['stored by a call in a let', 'let! vs = Vec<&N>(); let ok = put(&vs!, &v[0]);', 'vs[0].n'],
  ['stored by a call in a condition', 'let! vs = Vec<&N>(); if put(&vs!, &v[0]) { }', 'vs[0].n'],
  ['stored by a call in a nested let', 'let! vs = Vec<&N>(); if c { let ok = put(&vs!, &v[0]); }', 'vs[0].n'],
];

describe('a reference inside an aggregate keeps its borrow (E0161)', () => {
  for (const [name, mk, use] of CASES) {
    it(`${name}: rejected when used after v.clear(), accepted when not`, () => {
      expect(errs(`${mk} v.clear(); println("{}", ${use});`)).toEqual([E0161]);
      expect(errs(`${mk} println("{}", ${use}); v.clear();`)).toEqual([]);
    });
  }
  it('a holder given a new value no longer keeps the old borrow', () => {
    expect(errs('let! t = (0, &v[0]); t = (0, &w); v.clear(); println("{}", t.1.n);')).toEqual([]);
    expect(errs('let! t = (0, &v[0]); if c { t = (0, &w); } else { t = (1, &w); } v.clear(); println("{}", t.1.n);')).toEqual([]);
  });
  it('a store in a loop body holds its borrow into the next iteration, up to the holder\'s first use there', () => {
    const loop = (body: string) => errs(`let! r = &w; let! vs = Vec<&N>(); for i in 0..2 { ${body} } println("{} {}", r.n, vs.len());`);
    expect(loop('v.clear(); println("{}", r.n); v.push(N { n: i }); r = &v[0];')).toEqual([E0161]);
    expect(loop('v.clear(); if vs.len() > 0 { println("{}", vs[0].n); } v.push(N { n: i }); vs.push(&v[0]);')).toEqual([E0161]);
    expect(loop('v.push(N { n: i }); vs.push(&v[0]);')).toEqual([E0161]);
    // (accepted: the holder read before the change, or given a new value before its next use)
    expect(errs('let! r = &w; for i in 0..2 { println("{}", r.n); v.clear(); v.push(N { n: i }); r = &v[0]; }')).toEqual([]);
    expect(errs('let! r = &w; for i in 0..2 { r = &w; v.clear(); v.push(N { n: i }); println("{}", r.n); r = &v[0]; }')).toEqual([]);
    expect(errs('let! vs = Vec<&N>(); for i in 0..2 { vs.push(&v[0]); } println("{}", vs[1].n);')).toEqual([]);
  });
  it('a destructured part holding no reference is no use of the borrow', () => {
    expect(errs('let (n, r) = (1, &v[0]); v.clear(); println("{}", n);')).toEqual([]);
  });
  it('a conflict several holders meet is reported once', () => {
    expect(errs('let t = (1, &v[0]); let q = t; let (a, b) = q; v.clear(); println("{}", b.n + q.1.n + t.1.n);')).toEqual([E0161]);
  });
});

describe('a store in a loop with no next iteration on its path, or a holder given a new value before it is read, is no loop-carried conflict', () => {
  const ok = (body: string) => checkSource('t.vx', `struct N { n: i32 }\nfn main() { let! v = Vec<N>(); ${body} }`).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);
  it('a store followed by break or return on its path (rustc accepts these)', () => {
    expect(ok('let! r: Option<&N> = None; for i in 0..3 { v.push(N { n: i }); if i == 2 { r = Some(&v[0]); break; } } println(r.unwrap().n);')).toEqual([]);
    expect(ok('let! vs = Vec<&N>(); for i in 0..3 { v.push(N { n: i }); if i == 2 { vs.push(&v[0]); break; } } println(vs.len());')).toEqual([]);
    expect(ok('let! vs = Vec<&N>(); for i in 0..3 { v.push(N { n: i }); if i == 2 { vs.push(&v[0]); println(vs.len()); return; } }')).toEqual([]);
  });
  it('a holder given a new value before its read in the next iteration', () => {
    expect(ok('let! r: Option<&N> = None; for i in 0..4 { v.push(N { n: i }); if i % 2 == 0 { r = Some(&v[v.len() - 1]); println(r.unwrap().n); } }')).toEqual([]);
  });
  it('still rejected: a break in a nested loop only, or a read before the new value', () => {
    expect(ok('let! vs = Vec<&N>(); for i in 0..3 { v.push(N { n: i }); for j in 0..1 { vs.push(&v[0]); break; } } println(vs.len());')).toHaveLength(1);
    expect(ok('let! r: Option<&N> = None; for i in 0..4 { v.push(N { n: i }); if i % 2 == 0 { println(r.unwrap().n); r = Some(&v[0]); } }')).toHaveLength(1);
  });
});

describe('a loop that reads the holder, changes what it borrowed, then gives it a new value', () => {
  const errs = (body: string) => checkSource('t.vx', `struct N { n: i32 }\nfn main() { let! v = Vec<N>(); v.push(N { n: 1 }); let c = v.len() > 3; let! r = &v[0]; ${body} }`).diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
  it('is accepted: the old borrow is never read after the change (rustc accepts it)', () => {
    expect(errs('for i in 0..3 { println(r.n); v.push(N { n: i }); r = &v[v.len() - 1]; } println(r.n);')).toEqual([]);
    expect(errs('for i in 0..3 { println(r.n); v.push(N { n: i }); r = &v[0]; }')).toEqual([]);
  });
  it('is rejected when the old borrow is read after the change, or the new value may be skipped', () => {
    expect(errs('for i in 0..3 { v.push(N { n: i }); println(r.n); r = &v[0]; }')).toEqual(['E0161']);
    expect(errs('for i in 0..3 { println(r.n); v.push(N { n: i }); if c { continue; } r = &v[0]; }')).toEqual(['E0161']);
    expect(errs('for i in 0..3 { println(r.n); v.push(N { n: i }); if c { break; } r = &v[0]; } println(r.n);')).toEqual(['E0161']);
  });
});

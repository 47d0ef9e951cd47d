// Issue #14: a partial move of a `let!` tuple or struct (`let (x, _) = t;`, `let a = s.a;`) moves
// those parts only, as in Rust: the rest may still be read, a moved part given a new value, and
// the whole read once every moved part has one; reading the whole, or a path holding a moved
// part, while one is still moved stays E0113, as does moving a part out of a borrowed value E0161.
import { describe, it, expect } from 'vitest';
import { checkSource } from './check';

const errs = (body: string) => checkSource('t.vx', `struct S { a: String, pair: (String, String) }
fn take(s: String) {}
fn main() { let c = true; ${body} }
`).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);
const pair = 'let! t = (String.from("a"), String.from("b"));';
const st = 'let! s = S { a: String.from("a"), pair: (String.from("b"), String.from("c")) };';
const moved = (p: string) => `E0113 use of moved value: \`${p}\``;
const partly = (p: string) => `E0113 use of partially moved value: \`${p}\``;

describe('a destructuring let moves the parts it binds (E0113)', () => {
  it('accepted: the unbound part read, a moved part given a new value, the whole read once all have one', () => {
    expect(errs(`${pair} let (x, _) = t; println("{} {}", x, t.1);`)).toEqual([]);
    expect(errs(`${pair} let (x, _) = t; t.0 = String.from("z"); let u = t; println("{} {}", x, u.0);`)).toEqual([]);
    expect(errs(`${pair} let (x, y) = t; t.1 = String.from("y"); t.0 = String.from("z"); take(t.0); println("{} {}", x, y);`)).toEqual([]);
    expect(errs(`${st} let (x, _) = s.pair; s.pair.0 = String.from("z"); let q = s; println("{} {}", x, q.pair.0);`)).toEqual([]);
    expect(errs(`${st} let a = s.a; s.a = String.from("r"); let q = s; println("{} {}", a, q.a);`)).toEqual([]);
    expect(errs(`${pair} let x = t.0; t.0 = String.from("z"); let u = t; println("{} {}", x, u.0);`)).toEqual([]);
  });
  it('rejected: a moved part read, the whole read while a part is moved', () => {
    expect(errs(`${pair} let (x, _) = t; println("{}", t.0);`)).toEqual([moved('t.0')]);
    expect(errs(`${pair} let (x, _) = t; let u = t;`)).toEqual([partly('t')]);
    expect(errs(`${pair} let (x, y) = t; t.0 = String.from("z"); let u = t;`)).toEqual([partly('t')]);
    expect(errs(`${pair} if c { let (x, _) = t; } let u = t;`)).toEqual([partly('t')]);
    expect(errs(`${st} let (x, _) = s.pair; let q = s;`)).toEqual([partly('s')]);
    expect(errs(`${st} let (x, _) = s.pair; let p = s.pair;`)).toEqual([partly('s.pair')]);
    // (a part of a field moved by a path: the field read whole was a use after free)
    expect(errs(`${st} let x = s.pair.0; let p = s.pair;`)).toEqual([partly('s.pair')]);
    expect(errs(`${st} let x = s.pair.0; println("{}", s.pair.1);`)).toEqual([]);
  });
  it('rejected: a moved part given a new value through `+=` reads it; a loop moves it again', () => {
    expect(errs(`${pair} for i in 0..2 { let (x, _) = t; }`)).toEqual(['E0113 use of moved value: `t.0` is moved in one iteration of the loop and used again in the next']);
    expect(errs(`${pair} for i in 0..2 { let (x, _) = t; t.0 = String.from("z"); }`)).toEqual([]);
    expect(errs(`${pair} let (x, _) = t; t.0 += "z";`)).toEqual([moved('t.0')]);
    expect(errs(`${st} let a = s.a; s.a += "z";`)).toEqual([moved('s.a')]);
  });
});

describe('a part moved out of a borrowed value (E0161)', () => {
  it('rejected while the borrow is used later, accepted after its last use', () => {
    const e = 'E0161 cannot move `s` because it is borrowed';
    expect(errs(`${st} let r = &s; let a = s.a; println("{} {}", a, r.a);`)).toEqual([e]);
    expect(errs(`${st} let r = &s; let (x, _) = s.pair; println("{} {}", x, r.a);`)).toEqual([e]);
    expect(errs(`${pair} let r = &t; let (x, _) = t; println("{} {}", x, r.1);`)).toEqual(['E0161 cannot move `t` because it is borrowed']);
    expect(errs(`${st} let r = &s; println("{}", r.a); let a = s.a; println("{}", a);`)).toEqual([]);
  });
  it('a part that does not overlap the borrowed one may move (rustc: disjoint fields)', () => {
    const e = 'E0161 cannot move `s` because it is borrowed';
    expect(errs(`${st} let r = &s.pair; let a = s.a; println("{} {}", a, r.0);`)).toEqual([]);
    expect(errs(`${pair} let q = &t.1; let y = t.0; println("{} {}", y, q);`)).toEqual([]);
    expect(errs(`${st} let r = &s.a; let p = s.pair; println("{} {}", p.0, r);`)).toEqual([]);
    // overlapping: the borrowed part itself, a part inside it, or a whole holding it
    expect(errs(`${st} let r = &s.pair; let (x, _) = s.pair; println("{} {}", x, r.1);`)).toEqual([e]);
    expect(errs(`${st} let r = &s.pair.0; let (x, _) = s.pair; println("{} {}", x, r);`)).toEqual([e]);
  });
});

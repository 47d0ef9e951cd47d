// Implicit conversions of chapter 2 §7.4 added for real programs: raw pointers from `str` and
// references where a pointer is expected, and unit-variant patterns against an `i32`.
import { describe, it, expect } from 'vitest';
import { checkSource } from './check';

const diags = (src: string) => checkSource('t.vx', src).diagnostics.map((d) => `${d.code} ${d.message}`);
const errors = (src: string) => diags(src).filter((d) => d.startsWith('E'));

describe('raw pointers where one is expected', () => {
  it('str -> *u8, &T -> *T, &T! -> *T!; no borrow is held by the pointer', () => {
    expect(errors('fn main() { let c: *u8 = "x"; let! z = 1; let p: *i32 = &z; let q: *i32! = &z!; z = 2; }')).toEqual([]);
  });
  it('not a shared reference to a mutable pointer, nor data without a C layout', () => {
    expect(errors('fn main() { let z = 1; let q: *i32! = &z; }')[0]).toMatch(/^E0103 mismatched types: expected `\*i32!`, found `&i32`/);
    expect(errors('fn main() { let s = String.from("x"); let p: *String = &s; }')[0]).toMatch(/^E0103 /);
    expect(errors('fn main() { let p: *u8! = "x"; }')[0]).toMatch(/^E0103 /);
  });
});

describe('unit-variant patterns against an i32', () => {
  it('match the index, with the conversion warning', () => {
    const src = 'enum S { A, B }\nfn f(x: i32): i32 { return match x { S.A => 10, S.B => 20, _ => 0 }; }\nfn main() { println("{}", f(1)); }';
    expect(errors(src)).toEqual([]);
    expect(diags(src).filter((d) => d.startsWith('W0111'))).toEqual(['W0111 implicit conversion of `S` to `i32`', 'W0111 implicit conversion of `S` to `i32`']);
  });
  it('a variant with fields still cannot match an i32', () => {
    expect(errors('enum S { A(i32), B }\nfn main() { let x = 1; match x { S.A(n) => {}, _ => {} } }')[0]).toMatch(/^E0116 /);
  });
});

describe('`&x` for a generic `&T!` parameter', () => {
  const fns = 'fn put<T>(slot: &T!, v: T) { *slot = v; }\nstruct R { n: i32, }\nfn (r: &R) take<T>(s: &T!): i32 { return 0; }\n';
  it('a mutable place is borrowed mutably (function and method)', () => {
    expect(errors(fns + 'fn main() { let! x = 1; put(&x, 2); let r = R { n: 0 }; let! s = 2.5; r.take(&s); }')).toEqual([]);
  });
  it('an immutable binding stays a shared borrow: E0111, as for a mutating method', () => {
    expect(errors(fns + 'fn main() { let x = 1; put(&x, 2); }')).toEqual(['E0111 cannot lend immutable binding `x` mutably: `put` takes it as `&i32!`']);
  });
  it('a temporary stays a type mismatch (take `&…!`)', () => {
    expect(errors(fns + 'fn one(): i32 { return 1; }\nfn main() { put(&one(), 2); }')[0]).toMatch(/^E0103 mismatched types: expected `&i32!`, found `&i32`/);
  });
  it('the borrow is mutable for the borrow checker: a live shared borrow conflicts', () => {
    expect(errors(fns + 'fn main() { let! x = 1; let a = &x; put(&x, 2); println("{}", a); }').some((e) => /^E01\d\d .*borrow/.test(e))).toBe(true);
  });
});

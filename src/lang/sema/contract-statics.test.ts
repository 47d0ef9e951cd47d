// Static contract methods on bounded type parameters and associated types inferred for
// signatures (chapter 2 §3.1, §3.4, §3.7): parsing, checking, and the monomorphized calls.
import { describe, it, expect } from 'vitest';
import { checkSource } from './check';
import { parse } from '../syntax/parser';
import { runVex } from '../codegen/run-helpers.test-util';

const errors = (src: string) => checkSource('t.vx', src).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);
const warnings = (src: string) => checkSource('t.vx', src).diagnostics.filter((d) => d.severity === 'warning').map((d) => `${d.code} ${d.message}`);

describe('fn Self.name in a contract', () => {
  it('parses as a static method, with or without `fn`, with or without a default body', () => {
    const r = parse('t.vx', 'contract Make { fn Self.make(n: i32): Self; Self.zero(): Self; fn Self.two(): Self { return Self.zero(); } show(): str; }');
    expect(r.diagnostics).toEqual([]);
    const c = r.program.items[0] as { methods: { name: string; owner: { name: string } | null; receiver: unknown; body: unknown }[] };
    expect(c.methods.map((m) => [m.name, m.owner?.name ?? null, !!m.receiver, !!m.body])).toEqual([
      ['make', 'Self', false, false], ['zero', 'Self', false, false], ['two', 'Self', false, true], ['show', null, true, false],
    ]);
  });
  it('an implementor without the static method warns (W0112); a bound needing it is E0129', () => {
    const src = 'contract Make { fn Self.make(): Self; }\nstruct A impl Make { n: i32 }\nfn mk<T: Make>(): T { return T.make(); }\nfn main() { let a: A = mk(); println("{}", a.n); }';
    expect(warnings(src)).toContain('W0112 `A` does not implement static method `make` required by contract `Make`');
    expect(errors(src)).toEqual(['E0129 `A` does not implement `make` required by contract `Make`']);
  });
  it('a static method with the wrong number of parameters is E0129', () => {
    const src = 'contract Make { fn Self.make(n: i32): Self; }\nstruct A impl Make { n: i32 }\nfn A.make(): A { return A { n: 1 }; }\nfn main() { println("{}", A.make().n); }';
    expect(errors(src)).toEqual(['E0129 static method `A.make` takes 0 parameters but contract `Make` declares 1']);
  });
});

describe('T.default() and T.from(v) on a bounded type parameter', () => {
  it('are typed by the contract: Self is T, the bound\'s type arguments are the contract\'s', () => {
    expect(errors('fn f<T: Default>(): T { return T.default(); }\nfn g<T: From<str>>(): T { return T.from("a"); }\nfn main() {}')).toEqual([]);
    expect(errors('fn g<T: From<str>>(): T { return T.from(1); }\nfn main() {}')).toEqual([expect.stringMatching(/^E0103 mismatched types: expected `str`, found/)]);
    expect(errors('fn f<T: Default>(): i32 { return T.default(); }\nfn main() {}')).toEqual([expect.stringMatching(/^E0103 mismatched types: expected `i32`, found `T`/)]);
  });
  it('without a bound declaring it: E0108 naming the type parameter', () => {
    expect(errors('fn f<T: Clone>(): T { return T.default(); }\nfn main() {}')).toEqual(['E0108 no static method `default` in the bounds of type parameter `T`']);
  });
  it('run the instance\'s own static method, or a built-in Default value', () => {
    const r = runVex(`struct P impl Default { x: i32 }
fn P.default(): P { return P { x: 42 }; }
struct W impl From<str> { n: i32 }
fn W.from(s: str): W { return W { n: s.len() as i32 }; }
fn fresh<T: Default>(): T { return T.default(); }
fn conv<T: From<str>>(s: str): T { return T.from(s); }
fn main() {
    let p: P = fresh();
    let w: W = conv("four");
    let a: u64 = fresh();
    let b: i8 = fresh();
    let c: f32 = fresh();
    let m: Set<i32> = fresh();
    println("{} {} {} {} {} {}", p.x, w.n, a, b, c, m.len());
}`);
    expect(r.stdout).toBe('42 4 0 0 0 0\n');
  });
});

describe('Self.Item inferred for signatures', () => {
  it('from next() of a method declared later (an i32 where Item is u8 is an error)', () => {
    const src = `struct C impl Iterator { n: i32 }
fn (c: &C!) peek(): Option<Self.Item> { return Some(c.n as u8); }
fn (c: &C!) next(): Option<u8> { if c.n == 0 { return None; } c.n -= 1; return Some(c.n as u8); }
fn main() { let! c = C { n: 2 }; let p: Option<u8> = c.peek(); println("{:?}", p); }`;
    expect(errors(src)).toEqual([]);
    expect(runVex(src).stdout).toBe('Some(2)\n');
    expect(errors(src.replace('Some(c.n as u8); }\nfn (c: &C!) next', 'Some(c.n); }\nfn (c: &C!) next'))).toEqual([expect.stringMatching(/^E0103 mismatched types: expected `u8`, found `i32`/)]);
  });
  it('in a default body\'s own signature (the copy for each implementor places nothing)', () => {
    const src = 'contract Shape { type Unit; area(): Self.Unit; twice(): Self.Unit { return self.area() * 2; } }\nstruct Sq impl Shape { k: i64 }\nfn (s: &Sq) area(): i64 { return s.k * s.k; }\nfn main() { let t: i64 = Sq { k: 3 }.twice(); println("{}", t); }';
    expect(errors(src)).toEqual([]);
    expect(runVex(src).stdout).toBe('18\n');
  });
  it('from the contract\'s default binding', () => {
    expect(errors('contract M { type U = i64; size(): Self.U; }\nstruct A impl M { fn size(): Self.U { return 5000000000; } }\nfn main() { println("{}", A {}.size()); }')).toEqual([]);
  });
  it('a generic iterator\'s Item is the instance\'s type argument', () => {
    const src = `struct G<T> impl Iterator { v: Vec<T> }
fn (g: &G<U>!) next(): Option<U> { return g.v.pop(); }
fn (g: &G<V>!) again(): Option<Self.Item> { return g.next(); }
fn main() { let! v = Vec<str>(); v.push("x"); v.push("y"); let! g = G<str> { v: v }; let s: Option<str> = g.again(); println("{:?}", s); for t in g { let u: str = t; println("{}", u); } }`;
    expect(errors(src)).toEqual([]);
    expect(runVex(src).stdout).toBe('Some("y")\nx\n');
  });
  it('never from the signature that names it itself', () => {
    expect(errors('struct C impl Iterator { n: i32 }\nfn (c: &C!) next(): Option<Self.Item> { return None; }\nfn main() {}')).toEqual(['E0101 `C` has no associated type `Item`']);
  });
});

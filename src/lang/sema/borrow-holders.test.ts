// Values that hold a borrow without being references (issue #14, second round): a function value a
// call returns (`mk(&e)`), an `async fn`'s Future (`get(&e)`), a function value given to a
// parameter the callee keeps, and references to loop bindings stored from a nested block. Each
// rule with a program it rejects and the nearest one it must accept.
import { describe, it, expect } from 'vitest';
import { checkSource } from './check';

const errs = (body: string, items = '') => checkSource('t.vx', `struct D { n: i32 }
${items}
struct H { f: fn(): i32 }
fn mk(d: &D): fn(): i32 { return || d.n; }
async fn get(d: &D): i32 { return d.n; }
fn keep(out: &Vec<fn(): i32>!, f: fn(): i32) { out.push(f); }
fn call(f: fn(): i32): i32 { return f(); }
fn main() { ${body} }
`).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);
const dangling = (r: string, x: string) => `E0176 dangling reference: \`${r}\` references \`${x}\`, which goes out of scope here`;

describe('a function value or Future holding a borrow, stored past the borrowed local (E0176)', () => {
  it('pushed into an outer Vec, directly or through a local', () => {
    expect(errs('let! fs = Vec<fn(): i32>(); { let e = D{n: 1}; fs.push(mk(&e)); } fs[0]();')).toEqual([dangling('fs', 'e')]);
    expect(errs('let! fs = Vec<fn(): i32>(); { let e = D{n: 1}; let f = mk(&e); fs.push(f); } fs[0]();')).toEqual([dangling('fs', 'e')]);
    expect(errs('let e = D{n: 1}; let! fs = Vec<fn(): i32>(); { fs.push(mk(&e)); } fs[0]();')).toEqual([]);
  });
  it('assigned to an outer field', () => {
    expect(errs('let! h = H{f: || 0}; { let e = D{n: 1}; h.f = mk(&e); } h.f();')).toEqual([dangling('h', 'e')]);
    expect(errs('let! h = H{f: || 0}; { let e = D{n: 1}; h.f = mk(&e); h.f(); }')).toEqual([]);
  });
  it("an async fn's Future", () => {
    expect(errs('let! fs = Vec<Future<i32>>(); { let e = D{n: 1}; fs.push(get(&e)); } for f in fs { block_on(f); }')).toEqual([dangling('fs', 'e')]);
    expect(errs('let! fs = Vec<Future<i32>>(); { let e = D{n: 1}; fs.push(get(&e)); for f in fs { block_on(f); } }')).toEqual([]);
  });
});

describe('a value holding a borrow-holding function value (E0176, E0160)', () => {
  const W = 'fn wrap(d: &D): H { return H{f: mk(d)}; }';
  it('a call returning a struct with one holds its reference arguments', () => {
    expect(errs('let! h = H{f: || 0}; { let e = D{n: 1}; h = wrap(&e); } h.f();', W)).toEqual([dangling('h', 'e')]);
    expect(errs('let e = D{n: 1}; let! h = H{f: || 0}; { h = wrap(&e); } h.f();', W)).toEqual([]);
  });
  it('returned inside a struct, an Option or a tuple built from a local: rejected; from a reference parameter: accepted', () => {
    expect(errs('', 'fn f(): H { let e = D{n: 3}; return H{f: mk(&e)}; }')).toEqual(['E0160 cannot return reference to local variable `e`']);
    expect(errs('', 'fn f(): Option<fn(): i32> { let e = D{n: 3}; return Some(mk(&e)); }')).toEqual(['E0160 cannot return reference to local variable `e`']);
    expect(errs('', 'fn f(): (i32, Future<i32>) { let e = D{n: 3}; return (1, get(&e)); }')).toEqual(['E0160 cannot return reference to local variable `e`']);
    expect(errs('', 'fn f(d: &D): (H, Option<fn(): i32>) { return (H{f: mk(d)}, Some(mk(d))); }')).toEqual([]);
  });
});

describe('a borrow-holding function value given to a parameter the callee keeps (E0176)', () => {
  it('rejected when the parameter escapes, accepted when the callee only calls it', () => {
    expect(errs('let! fs = Vec<fn(): i32>(); let e = D{n: 1}; keep(&fs!, mk(&e));'))
      .toEqual(['E0176 dangling reference: `keep` may keep this function value after the call, and it holds a borrow of `e`']);
    expect(errs('let e = D{n: 1}; let f = mk(&e); call(f); call(mk(&e));')).toEqual([]);
    expect(errs('let! fs = Vec<fn(): i32>(); keep(&fs!, || 1);')).toEqual([]);
  });
  it("a closure capturing the caller's data through a reference parameter: rejected when kept", () => {
    expect(errs('', 'fn g(r: &D, out: &Vec<fn(): i32>!) { keep(out, || r.n); }'))
      .toEqual(['E0176 dangling reference: `keep` may keep this function value after the call, and it holds a borrow of `r`']);
    expect(errs('', 'fn g(r: &D, out: &Vec<fn(): i32>!) { let c = || r.n; keep(out, c); }'))
      .toEqual(['E0176 dangling reference: `keep` may keep this function value after the call, and it holds a borrow of `r`']);
    expect(errs('', 'fn g(r: &D): i32 { return call(|| r.n); }\nfn h(r: &D, out: &Vec<fn(): i32>!) { let n = r.n; keep(out, || n); }')).toEqual([]);
  });
});

describe('a function given a mutable borrow of an outer holder and a borrow (E0176)', () => {
  const P = 'fn put(out: &Vec<&D>!, d: &D) { out.push(d); }\nfn keepg<F>(out: &Vec<F>!, f: F) { out.push(f); }';
  it('may store the borrow there, a reference or a borrow-holding function value', () => {
    expect(errs('let! rs = Vec<&D>(); { let e = D{n: 1}; put(&rs!, &e); } rs.len();', P)).toEqual([dangling('rs', 'e')]);
    expect(errs('let! gs = Vec<fn(): i32>(); { let e = D{n: 1}; keepg(&gs!, mk(&e)); } gs.len();', P)).toEqual([dangling('gs', 'e')]);
    expect(errs('let e = D{n: 1}; let! rs = Vec<&D>(); { put(&rs!, &e); } rs.len();', P)).toEqual([]);
    expect(errs('let! rs = Vec<&D>(); { let e = D{n: 1}; put(&rs!, &e); rs.len(); }', P)).toEqual([]);
  });
});

describe("a borrow of the function's own data stored through a reference parameter (E0176)", () => {
  const msg = (x: string, p: string) => `E0176 dangling reference: a borrow of \`${x}\` is stored through \`${p}\`, which outlives \`${x}\``;
  const B = 'struct Bag { items: Vec<D> }\nfn put(out: &Vec<&D>!, d: &D) { out.push(d); }';
  it('a local, a by-value parameter, a loop binding over a reference to a local; through a method or a call', () => {
    expect(errs('', `${B}\nfn f(out: &Vec<&D>!) { let b = D{n: 1}; out.push(&b); }`)).toEqual([msg('b', 'out')]);
    expect(errs('', `${B}\nfn f(out: &Vec<&D>!, d: D) { put(out, &d); }`)).toEqual([msg('d', 'out')]);
    expect(errs('', `${B}\nfn f(out: &Vec<&D>!) { let b = Bag{items: Vec<D>()}; let r = &b; for x in r.items { out.push(&x); } }`)).toEqual([msg('b', 'out')]);
    expect(errs('', `${B}\nfn f(out: &Vec<fn(): i32>!) { let b = D{n: 1}; out.push(mk(&b)); }`)).toEqual([msg('b', 'out')]);
  });
  it("the caller's data: accepted", () => {
    expect(errs('', `${B}\nfn f(out: &Vec<&D>!, d: &D, g: &Bag) { out.push(d); put(out, d); for x in g.items { out.push(&x); } }`)).toEqual([]);
  });
});

describe('a generic parameter a task captures, given a borrow (E0176)', () => {
  const L = 'fn later<T>(x: T, ch: Channel<i64>) { go { let k = ch.recv(); println("{} {:?}", k, x); }; }\nfn now<T>(x: T) { let f = || x; f(); }';
  it('rejected for a reference argument, accepted for an owned one or a callee without a task', () => {
    expect(errs('let ch = Channel<i64>(0); let e = D{n: 1}; later(&e.n, ch);', L))
      .toEqual(['E0176 dangling reference: `later` hands `x` to a task that may outlive the call, and this argument borrows `e.n`']);
    expect(errs('let ch = Channel<i64>(0); let e = D{n: 1}; later(e.n, ch); now(&e);', L)).toEqual([]);
  });
});

describe('a reference stored from a nested block (E0176)', () => {
  it('inside an if, and to a loop binding (through a reference to what it iterates)', () => {
    expect(errs('let! rs = Vec<&D>(); { let e = D{n: 1}; if true { rs.push(&e); } } rs.len();')).toEqual([dangling('rs', 'e')]);
    expect(errs('let! rs = Vec<&D>(); { let! v = Vec<D>(); v.push(D{n: 1}); let r = &v; for y in r { rs.push(&y); } } rs.len();')).toEqual([dangling('rs', 'v')]);
    expect(errs('let! v = Vec<D>(); v.push(D{n: 1}); let! rs = Vec<&D>(); { let r = &v; for y in r { rs.push(&y); } } rs.len();')).toEqual([]);
    expect(errs('let! rs = Vec<&D>(); { let e = D{n: 1}; if true { rs.push(&e); } rs.len(); }')).toEqual([]);
  });
});

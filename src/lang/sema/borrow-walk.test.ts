// Issue #14, the walk round: holes found where a borrow walk did not look (a function value in a
// part of an argument; syntax positions), each with the program it rejects and the nearest one it
// must accept.
import { describe, it, expect } from 'vitest';
import { checkSource } from './check';

const errs = (body: string, items = '') => checkSource('t.vx', `struct D impl Drop { n: i32, fn drop()! { println("drop {}", self.n); } }
struct H { n: i32, f: fn(): i32 }
struct W { h: H }
fn mk(d: &D): fn(): i32 { return || d.n; }
fn call(f: fn(): i32): i32 { return f(); }
${items}
fn main() { ${body} }
`).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);
const kept = (callee: string, x: string) => `E0176 dangling reference: \`${callee}\` may keep this function value after the call, and it holds a borrow of \`${x}\``;

describe('a function value in a part of an argument (a field, a tuple element, a payload)', () => {
  const later = 'fn later(ch: Channel<i64>, h: H) { go { let k = ch.recv(); println("{} {}", k, h.f()); }; }';
  const laterT = 'fn later_t(ch: Channel<i64>, t: (i32, fn(): i32)) { go { let k = ch.recv(); println("{}", k + (t.1)()); }; }';
  const laterO = 'fn later_o(ch: Channel<i64>, o: Option<fn(): i32>) { go { let k = ch.recv(); match o { Some(f) => println("{}", k + f()), None => {} } }; }';
  const laterW = 'fn later_w(ch: Channel<i64>, w: W) { let h = w.h; go { let k = ch.recv(); println("{}", k + h.f()); }; }';
  it('given to a parameter the callee keeps (a task captures it) is E0176, as a function value given directly is', () => {
    const ch = 'let ch = Channel<i64>(0);';
    expect(errs(`${ch} { let e = D{n: 2}; later(ch, H { n: 1, f: mk(&e) }); } ch.send(1);`, later)).toEqual([kept('later', 'e')]);
    expect(errs(`${ch} { let e = D{n: 2}; later_t(ch, (1, mk(&e))); } ch.send(1);`, laterT)).toEqual([kept('later_t', 'e')]);
    expect(errs(`${ch} { let e = D{n: 2}; later_o(ch, Some(mk(&e))); } ch.send(1);`, laterO)).toEqual([kept('later_o', 'e')]);
    expect(errs(`${ch} { let e = D{n: 2}; later_w(ch, W { h: H { n: 1, f: mk(&e) } }); } ch.send(1);`, laterW)).toEqual([kept('later_w', 'e')]);
    // (through a local given the struct, a Vec filled with it, a branch's value, a match binding)
    const laterV = 'fn later_v(ch: Channel<i64>, hs: Vec<H>) { go { let k = ch.recv(); println("{} {}", k, hs[0].f()); }; }';
    const laterF = 'fn later_f(ch: Channel<i64>, f: fn(): i32) { go { let k = ch.recv(); println("{} {}", k, f()); }; }';
    expect(errs(`${ch} { let e = D{n: 2}; let! hs: Vec<H> = Vec.new(); hs.push(H { n: 1, f: mk(&e) }); later_v(ch, hs); } ch.send(1);`, laterV)).toEqual([kept('later_v', 'e')]);
    expect(errs(`${ch} { let e = D{n: 2}; let f = if e.n > 0 { mk(&e) } else { mk(&e) }; later_f(ch, f); } ch.send(1);`, laterF)).toEqual([kept('later_f', 'e')]);
    expect(errs(`${ch} { let e = D{n: 2}; let o = Some(mk(&e)); match o { Some(f) => later_f(ch, f), None => {} } } ch.send(1);`, laterF)).toEqual([kept('later_f', 'e')]);
    expect(errs(`${ch} { let e = D{n: 2}; later(ch, if e.n > 0 { H { n: 1, f: mk(&e) } } else { H { n: 2, f: mk(&e) } }); } ch.send(1);`, later)).toEqual([kept('later', 'e')]);
    // (through a local given the struct)
    expect(errs(`${ch} { let e = D{n: 2}; let h = H { n: 1, f: mk(&e) }; later(ch, h); } ch.send(1);`, later)).toEqual([kept('later', 'e')]);
  });
  it('the nearest accepted programs: a callee that only reads, calls or lends the parts, or matches them into bindings it only calls', () => {
    const useH = 'fn use_h(h: H): i32 { let a = h.f(); let b = call(h.f); return a + b + h.n; }';
    const useO = 'fn use_o(o: Option<fn(): i32>): i32 { return match o { Some(f) => f(), None => 0 }; }';
    const useT = 'fn use_t(t: (i32, fn(): i32)): i32 { return (t.1)() + t.0; }';
    const pass = 'fn pass(h: H): i32 { return use_h(h); }';
    const items = [useH, useO, useT, pass].join('\n');
    expect(errs('{ let e = D{n: 7}; use_h(H { n: 1, f: mk(&e) }); use_o(Some(mk(&e))); use_t((1, mk(&e))); pass(H { n: 2, f: mk(&e) }); }', items)).toEqual([]);
    const useV = 'fn use_v(hs: Vec<H>): i32 { return hs[0].f(); }';
    expect(errs('{ let e = D{n: 7}; let! hs: Vec<H> = Vec.new(); hs.push(H { n: 1, f: mk(&e) }); use_v(hs); let o = Some(mk(&e)); match o { Some(f) => call(f), None => 0 }; }', useV)).toEqual([]);
    // (a closure capturing a local keeps that local alive: nothing dangles)
    const later = 'fn later(ch: Channel<i64>, h: H) { go { let k = ch.recv(); println("{} {}", k, h.f()); }; }';
    expect(errs('let ch = Channel<i64>(0); { let e = D{n: 2}; later(ch, H { n: 1, f: || e.n }); } ch.send(1);', later)).toEqual([]);
  });
});

describe('a store by a call inside an expression (a condition, a guard, a let\'s value, an argument, an operand)', () => {
  const put = 'fn put(v: &Vec<&D>!, x: &D): bool { v.push(x); return true; }';
  const dangling = (r: string, x: string) => `E0176 dangling reference: \`${r}\` references \`${x}\`, which goes out of scope here`;
  const inBlock = [
    'while put(&v!, &x) { break; }', 'if put(&v!, &x) { println("in"); }', 'let b = put(&v!, &x);', 'let _ = put(&v!, &x);',
    'match k { n if put(&v!, &x) => println("{}", n), _ => {} }', 'println("{}", put(&v!, &x));', 'let c = k > 0 && put(&v!, &x);',
    'let t = (put(&v!, &x), 1);', 'for i in 0..1 { if put(&v!, &x) { println("{}", i); } }',
  ];
  it('stores a borrow of a block\'s local into an outer holder: E0176 where the block ends and the holder is used after', () => {
    for (const st of inBlock) expect(errs(`let! v: Vec<&D> = Vec.new(); let k = 1; { let x = D{n: 1}; ${st} } println("{}", v[0].n);`, put), st).toEqual([dangling('v', 'x')]);
  });
  it('the nearest accepted programs: the local outlives the holder\'s uses, or the holder is not used after the block', () => {
    for (const st of inBlock) {
      expect(errs(`let! v: Vec<&D> = Vec.new(); let k = 1; let x = D{n: 1}; { ${st} } println("{}", v[0].n);`, put), st).toEqual([]);
      expect(errs(`let! v: Vec<&D> = Vec.new(); let k = 1; { let x = D{n: 1}; ${st} println("{}", v[0].n); }`, put), st).toEqual([]);
    }
  });
});

describe('a reference reached through a value that holds it (a binding, a tuple, an if/match value, a field reference)', () => {
  const dangling = (r: string, x: string) => `E0176 dangling reference: \`${r}\` references \`${x}\`, which goes out of scope here`;
  const W = 'struct WV { v: &Vec<&D>! }';
  // each stores a reference to `$` (x in the rejected program, the outer a in the accepted one) into v
  const stores = [
    'match Some(&$) { Some(r) => v.push(r), None => {} }', 'for r in [&$] { v.push(r); }', 'let (r, _) = (&$, 1); v.push(r);',
    'let r = if k > 0 { &$ } else { &$ }; v.push(r);', 'let r = match k { _ => &$ }; v.push(r);', 'let o = Some(&$); match o { Some(r) => v.push(r), None => {} }',
    'let p = (&$, 2); v.push(p.0);', 'let w = WV { v: &v! }; w.v.push(&$);',
  ];
  const pre = 'let! v: Vec<&D> = Vec.new(); let k = 1; let a = D{n: 100};';
  it('stored into a holder used after the block: E0176', () => {
    for (const st of stores) expect(errs(`${pre} { let x = D{n: 1}; ${st.replaceAll('$', 'x')} } println("{}", v[0].n);`, W), st).toEqual([dangling('v', 'x')]);
  });
  it('the nearest accepted programs: the same value holding a reference to an outer local', () => {
    for (const st of stores) expect(errs(`${pre} { let x = D{n: 1}; ${st.replaceAll('$', 'a')} println("{}", x.n); } println("{}", v[0].n);`, W), st).toEqual([]);
    // (tuple elements are told apart)
    expect(errs(`${pre} { let x = D{n: 1}; let (r, q) = (&a, &x); v.push(r); println("{}", q.n); } println("{}", v[0].n);`)).toEqual([]);
    expect(errs(`${pre} { let x = D{n: 1}; let p = (&a, &x); v.push(p.0); println("{}", p.1.n); } println("{}", v[0].n);`)).toEqual([]);
    // (until the tuple is given something else)
    expect(errs(`${pre} { let x = D{n: 1}; let! p = (&a, &a); p.0 = &x; v.push(p.0); } println("{}", v[0].n);`)).toEqual(['E0176 dangling reference: `v` references `x`, which goes out of scope here']);
  });
  it('a holder used after an enclosing block, not the block around the store', () => {
    expect(errs('let! v: Vec<&D> = Vec.new(); { let k = 1; { let x = D{n: 1}; v.push(&x); } println("{}", k); } println("{}", v[0].n);')).toEqual([dangling('v', 'x')]);
    // (given a new value in between: nothing dangles)
    expect(errs('let! v: Vec<&D> = Vec.new(); { { let x = D{n: 1}; v.push(&x); } v = Vec.new(); } println("{}", v.len());')).toEqual([]);
  });
});

describe('a local holder filled in the block, then moved or read into an outer one', () => {
  const dangling = (r: string, x: string) => `E0176 dangling reference: \`${r}\` references \`${x}\`, which goes out of scope here`;
  const S = 'struct S { v: Vec<&D> }';
  // [outer holder declaration, what the block does with `inner` (filled with a borrow of $), a read of the outer holder]
  const cases: [string, string, string, string][] = [
    ['vv', 'let! vv: Vec<Vec<&D>> = Vec.new();', 'vv.push(inner);', 'vv[0][0].n'],
    ['o', 'let! o: Option<&D> = None;', 'o = Some(inner[0]);', 'o.unwrap().n'],
    ['v', 'let! v: Vec<&D> = Vec.new();', 'for r in inner { v.push(r); }', 'v[0].n'],
    ['t', 'let! t: (i32, Vec<&D>) = (0, Vec.new());', 't = (1, inner);', 't.1[0].n'],
    ['m', 'let! m: Map<i32, Vec<&D>> = Map.new();', 'm.insert(1, inner);', 'm[1][0].n'],
    ['v', 'let! v: Vec<&D> = Vec.new();', 'v = inner;', 'v[0].n'],
  ];
  const fill = (x: string) => `let! inner: Vec<&D> = Vec.new(); inner.push(&${x});`;
  it('carries the borrows it was given: E0176', () => {
    for (const [r, decl, st, read] of cases) expect(errs(`let a = D{n: 100}; ${decl} { let x = D{n: 1}; ${fill('x')} ${st} } println("{}", ${read});`), st).toEqual([dangling(r, 'x')]);
    expect(errs('let! ss: Vec<S> = Vec.new(); { let x = D{n: 1}; let! s = S { v: Vec.new() }; s.v.push(&x); ss.push(s); } println("{}", ss[0].v[0].n);', S)).toEqual([dangling('ss', 'x')]);
  });
  it('the nearest accepted programs: filled with a borrow of an outer local, or filled again with one first', () => {
    for (const [, decl, st, read] of cases) expect(errs(`let a = D{n: 100}; ${decl} { let x = D{n: 1}; ${fill('a')} ${st} println("{}", x.n); } println("{}", ${read});`), st).toEqual([]);
    expect(errs('let a = D{n: 100}; let! v: Vec<&D> = Vec.new(); { let x = D{n: 1}; let! inner: Vec<&D> = Vec.new(); inner.push(&x); inner = Vec.new(); inner.push(&a); v = inner; } println("{}", v[0].n);')).toEqual([]);
  });
  it("a let-bound closure's call holds only the borrows its result values carry, not every capture's", () => {
    const pre = 'let! v: Vec<&D> = Vec.new(); let a = D{n: 2};';
    const post = '} println("{}", v[0].n);';
    // accepted: x is only read inside, the result points into a or the argument
    expect(errs(`${pre} { let x = D{n: 1}; let g = || { println("{}", x.n); &a }; v.push(g()); ${post}`)).toEqual([]);
    expect(errs(`${pre} { let x = D{n: 1}; let g = |d: &D| { println("{}", x.n); d }; v.push(g(&a)); ${post}`)).toEqual([]);
    expect(errs(`${pre} { let x = D{n: 1}; let g = || if x.n > 0 { &a } else { &a }; v.push(g()); ${post}`)).toEqual([]);
    // rejected: a result value points into x (the value, a branch, a return, a local bound to it, a deref)
    for (const g of ['|| { println("{}", a.n); &x }', '|| if a.n > 0 { &x } else { &a }', '|| { if a.n > 0 { return &x; } &a }', '|| { let r = &x; r }', '|| { let r1 = &x; let rr = &r1; *rr }', '|d: &D| { if d.n > 0 { return d; } &x }']) {
      expect(errs(`${pre} { let x = D{n: 1}; let g = ${g}; v.push(g(${g.startsWith('|d') ? '&a' : ''})); ${post}`), g).toEqual([dangling('v', 'x')]);
    }
    // (a closure returning a function value may return one capturing any capture)
    expect(errs('let! fs: Vec<fn(): i32> = Vec.new(); { let x = D{n: 1}; let r = &x; let g = || { println("{}", 1); || r.n }; fs.push(g()); } println("{}", fs[0]());')).toEqual([dangling('fs', 'x')]);
  });
  it('a value read through a reference to a reference holds what that one holds (`*rr`)', () => {
    expect(errs('let! v: Vec<&D> = Vec.new(); { let x = D{n: 1}; let r1 = &x; let rr = &r1; v.push(*rr); } println("{}", v[0].n);')).toEqual([dangling('v', 'x')]);
    expect(errs('let! v: Vec<&D> = Vec.new(); { let x = D{n: 1}; let r1 = &x; let rr = &r1; let r = *rr; v.push(r); } println("{}", v[0].n);')).toEqual([dangling('v', 'x')]);
    expect(errs('let! v: Vec<&D> = Vec.new(); let a = D{n: 2}; { let x = D{n: 1}; let r1 = &a; let rr = &r1; v.push(*rr); println("{}", x.n); } println("{}", v[0].n);')).toEqual([]);
  });
  it('a call of a closure returning a reference into what it captured holds a borrow of it', () => {
    expect(errs('let! v: Vec<&D> = Vec.new(); { let x = D{n: 1}; let g = || &x; v.push(g()); } println("{}", v[0].n);')).toEqual([dangling('v', 'x')]);
    expect(errs('let! v: Vec<&D> = Vec.new(); { let x = D{n: 1}; let q = &x; let f = || q; v.push(f()); } println("{}", v[0].n);')).toEqual([dangling('v', 'x')]);
    expect(errs('let! v: Vec<&D> = Vec.new(); let a = D{n: 2}; { let x = D{n: 1}; let g = || &a; v.push(g()); println("{}", x.n); } println("{}", v[0].n);')).toEqual([]);
  });
});

describe('a store in a loop of a local of its body, into a holder from outside the loop', () => {
  const next = (r: string, x: string) => `E0176 dangling reference: \`${r}\` references \`${x}\`, which goes out of scope here`;
  const v = 'let! v: Vec<&D> = Vec.new();';
  it('the holder used in the next iteration (before the store, after it, in the condition): E0176', () => {
    expect(errs(`${v} for i in 0..2 { let x = D{n: i}; if i == 1 { println("{}", v[0].n); } v.push(&x); }`)).toEqual([next('v', 'x')]);
    expect(errs(`${v} for i in 0..2 { let x = D{n: i}; v.push(&x); println("{}", v[0].n); }`)).toEqual([next('v', 'x')]);
    expect(errs(`${v} let! i = 0; while i < 2 { let x = D{n: i}; if i == 1 { println("{}", v[0].n); } v.push(&x); i += 1; }`)).toEqual([next('v', 'x')]);
    expect(errs(`${v} loop { let x = D{n: 8}; if v.len() > 0 { println("{}", v[0].n); break; } v.push(&x); }`)).toEqual([next('v', 'x')]);
    expect(errs(`${v} while v.len() < 2 || v[0].n > 5 { let x = D{n: 1}; v.push(&x); }`)).toEqual([next('v', 'x')]);
  });
  it('the nearest accepted programs: the holder emptied or replaced first in each iteration, or declared in the loop', () => {
    expect(errs(`${v} for i in 0..2 { v.clear(); let x = D{n: i}; v.push(&x); println("{}", v[0].n); }`)).toEqual([]);
    expect(errs(`${v} for i in 0..2 { v = Vec.new(); let x = D{n: i}; v.push(&x); println("{}", v[0].n); }`)).toEqual([]);
    expect(errs('for i in 0..2 { let! w: Vec<&D> = Vec.new(); let x = D{n: i}; w.push(&x); println("{}", w[0].n); }')).toEqual([]);
    expect(errs(`${v} let x = D{n: 1}; for i in 0..2 { println("{}", v.len()); v.push(&x); }`)).toEqual([]);
  });
  it('accepted: before the reset, mentions that read nothing the holder keeps (a count, a field holding no reference)', () => {
    expect(errs(`${v} for i in 0..2 { println("{}", v.len()); v.clear(); let x = D{n: i}; v.push(&x); println("{}", v[0].n); }`)).toEqual([]);
    expect(errs(`${v} let! i = 0; while i < 2 && v.is_empty() { v = Vec.new(); let x = D{n: i}; v.push(&x); i += 1; }`)).toEqual([]);
    expect(errs('let! o: Option<&D> = None; for i in 0..2 { if o.is_some() { println("again"); } o = None; let x = D{n: i}; o = Some(&x); }')).toEqual([]);
    const S = 'struct S { n: i32, v: Vec<&D> }';
    expect(errs(`let! s = S { n: 0, v: Vec.new() }; for i in 0..2 { println("{} {}", s.n, s.v.len()); s = S { n: i, v: Vec.new() }; let x = D{n: i}; s.v.push(&x); }`, S)).toEqual([]);
  });
  it('still rejected: a read through a kept reference before the reset, no reset, a reset in a branch', () => {
    expect(errs(`${v} for i in 0..2 { if i > 0 { println("{}", v[0].n); } v.clear(); let x = D{n: i}; v.push(&x); }`)).toEqual([next('v', 'x')]);
    expect(errs(`${v} for i in 0..2 { println("{}", v.len()); let x = D{n: i}; v.push(&x); }`)).toEqual([next('v', 'x')]);
    expect(errs(`${v} for i in 0..2 { println("{}", v.len()); if i == 0 { v.clear(); } let x = D{n: i}; v.push(&x); }`)).toEqual([next('v', 'x')]);
    expect(errs('let! o: Option<&D> = None; for i in 0..2 { if o.is_some() { println("{}", o.unwrap().n); } o = None; let x = D{n: i}; o = Some(&x); }')).toEqual([next('o', 'x')]);
  });
  it('after the block in straight-line code likewise: a count, then a reset, is not a use; a count with no reset after it is', () => {
    const a = 'let a = D{n: 9};';
    expect(errs(`${v} ${a} { let x = D{n: 1}; v.push(&x); } println("{}", v.len()); v.clear(); v.push(&a); println("{}", v[0].n);`)).toEqual([]);
    expect(errs(`${v} ${a} { let x = D{n: 1}; v.push(&x); } println("{}", v.len());`)).toEqual([next('v', 'x')]);
    expect(errs(`${v} ${a} { let x = D{n: 1}; v.push(&x); } println("{}", v[0].n); v.clear();`)).toEqual([next('v', 'x')]);
    expect(errs(`${v} ${a} { let x = D{n: 1}; v.push(&x); } if a.n > 0 { v.clear(); } println("{}", v.len());`)).toEqual([next('v', 'x')]);
    // (a Vec of channels emptied: a copy of the channel still holds what was sent)
    expect(errs('let ch = Channel<&D>(4); let! cs: Vec<Channel<&D>> = Vec.new(); cs.push(ch); { let e = D{n: 7}; cs[0].send(&e); } cs.clear(); println("{}", ch.recv().n);')).toEqual([next('cs', 'e')]);
    // (a new value made of the old one keeps what it held: before, \`v = idv(v);\` ended it)
    const idv = 'fn idv(v: Vec<&D>): Vec<&D> { return v; }';
    expect(errs(`${v} ${a} { let x = D{n: 1}; v.push(&x); } v = idv(v); println("{}", v[0].n);`, idv)).toEqual([next('v', 'x')]);
    expect(errs(`${v} ${a} for i in 0..2 { println("{}", v.len()); v = idv(v); let x = D{n: i}; v.push(&x); }`, idv)).toEqual([next('v', 'x')]);
    const mkv = `${idv}\nfn mkv(n: i64): Vec<&D> { let! w: Vec<&D> = Vec.new(); println("{}", n); return w; }`;
    expect(errs(`${v} ${a} { let x = D{n: 1}; v.push(&x); } v = mkv(v.len()); v.push(&a); println("{}", v[0].n);`, mkv)).toEqual([]);
  });
  it('emptied or given a whole new value later in the block, straight-line, with only reads between: accepted', () => {
    const a = 'let a = D{n: 9};';
    expect(errs(`${v} ${a} { let x = D{n: 1}; v.push(&x); println("{}", v[0].n); v.clear(); } v.push(&a); println("{}", v[0].n);`)).toEqual([]);
    expect(errs(`${v} ${a} { let x = D{n: 1}; v.push(&x); v = Vec.new(); } println("{}", v.len());`)).toEqual([]);
    expect(errs(`let! o: Option<&D> = None; ${a} { let x = D{n: 1}; o = Some(&x); println("{}", o.unwrap().n); o = None; } println("{}", o.is_none());`)).toEqual([]);
    // (rejected: emptied on one path only, a reference kept out of it between, a shared handle's copies)
    expect(errs(`${v} ${a} { let x = D{n: 1}; v.push(&x); if a.n > 0 { v.clear(); } } println("{}", v.len());`)).toEqual([next('v', 'x')]);
    expect(errs(`${v} let! o: Option<&D> = None; { let x = D{n: 1}; v.push(&x); o = Some(v[0]); v.clear(); } println("{}", o.unwrap().n);`)).toEqual([next('o', 'x')]);
    expect(errs(`${v} ${a} let! i = 0; while i < 2 { let x = D{n: 1}; v.push(&x); if i == 1 { break; } v.clear(); i += 1; } println("{}", v.len());`)).toEqual([next('v', 'x')]);
  });
});

describe('a builtin method gives back what its receiver holds', () => {
  const dangling = (r: string, x: string) => `E0176 dangling reference: \`${r}\` references \`${x}\`, which goes out of scope here`;
  for (const get of ['ov.unwrap()', 'ov.map(|r| r).unwrap()', 'ws.get(0)']) {
    it(`\`o = Some(${get})\``, () => {
      const pre = 'let a = D{n: 100}; let! o: Option<&D> = None;';
      const mk = (y: string) => `let ov = Some(&${y}); let! ws: Vec<&D> = Vec.new(); ws.push(&${y});`;
      expect(errs(`${pre} { let x = D{n: 1}; ${mk('x')} o = Some(${get}); } println("{}", o.unwrap().n);`)).toEqual([dangling('o', 'x')]);
      expect(errs(`${pre} { let x = D{n: 1}; ${mk('a')} o = Some(${get}); println("{}", x.n); } println("{}", o.unwrap().n);`)).toEqual([]);
    });
  }
});

describe('a returned value holding a borrow of the function\'s own local, however it holds it (E0160)', () => {
  const local = (x: string) => `E0160 cannot return reference to local variable \`${x}\``;
  const rets = [
    'match Some(&$) { Some(r) => { return r; }, None => {} } return a;', 'let! w: Vec<&D> = Vec.new(); w.push(&$); return w[0];',
    'let g = || &$; return g();', 'let o = Some(&$); return o.unwrap();', 'let p = (&$, 1); return p.0;', 'for r in [&$] { return r; } return a;',
  ];
  it('rejected when it points into a local', () => {
    for (const body of rets) expect(errs('', `fn f(a: &D): &D { let x = D{n: 1}; ${body.replaceAll('$', 'x')} }`), body).toEqual([local('x')]);
    expect(errs('', 'struct HR { r: &D }\nfn f(a: &D): HR { let x = D{n: 1}; let! w: Vec<&D> = Vec.new(); w.push(&x); return HR { r: w[0] }; }')).toEqual([local('x')]);
  });
  it('the nearest accepted programs: the same through the caller\'s reference', () => {
    for (const body of rets) expect(errs('', `fn f(a: &D): &D { let x = D{n: 1}; println("{}", x.n); ${body.replaceAll('&$', 'a')} }`), body).toEqual([]);
  });
  it('a holder filled by a store that is a match arm\'s value, then read into the returned local', () => {
    const f = (y: string) => `fn f(k: i32, a: &D): &D { let x = D{n: 1}; let! w: Vec<&D> = Vec.new(); w.push(a); match k { 1 => w.push(&${y}), _ => {} } let r = w[1]; println("{}", x.n); return r; }`;
    expect(errs('', f('x'))).toEqual([local('x')]);
    expect(errs('', f('a').replace('&a)', 'a)'))).toEqual([]);
  });
});

describe('a reference local given a new value through a mutable reference to it', () => {
  const dangling = (r: string, x: string) => `E0176 dangling reference: \`${r}\` references \`${x}\`, which goes out of scope here`;
  it('`*w = &x;` with `w = &r!`: r references x (E0176 when r is used after x\'s block)', () => {
    expect(errs('let a = D{n: 1}; let! r: &D = &a; { let x = D{n: 2}; let w = &r!; *w = &x; } println("{}", r.n);')).toEqual([dangling('r', 'x')]);
    expect(errs('let a = D{n: 1}; let b = D{n: 3}; let! r: &D = &a; { let x = D{n: 2}; let w = &r!; *w = &b; println("{}", x.n); } println("{}", r.n);')).toEqual([]);
  });
});

describe('two borrows of one place in one call, in a closure whose body is a value', () => {
  it('`|| two(&x!, &x)` is E0161 as the same call in a block body is', () => {
    const two = 'fn two(a: &i32!, b: &i32) { *a = *a + *b; }';
    const e = 'E0161 cannot borrow `x` as immutable because it is also borrowed as mutable';
    expect(errs('let! x = 1; let f = || two(&x!, &x); f();', two)).toEqual([e]);
    expect(errs('let! x = 1; let f = || { two(&x!, &x); }; f();', two)).toEqual([e]);
    expect(errs('let! x = 1; let y = 2; let f = || two(&x!, &y); f();', two)).toEqual([]);
  });
});

describe('what a holder holds where it is read (flow): stores after the read, in a loop, in a closure', () => {
  const dangling = (r: string, x: string) => `E0176 dangling reference: \`${r}\` references \`${x}\`, which goes out of scope here`;
  const pre = 'let a = D{n: 5}; let! v: Vec<&D> = Vec.new(); v.push(&a); let! o: Option<&D> = None;';
  const post = 'println("{}", o.unwrap().n);';
  it('accepted: the holder read before the store, in straight-line code (it is not used after the block)', () => {
    expect(errs(`${pre} { let x = D{n: 2}; o = Some(v[0]); v.push(&x); } ${post}`)).toEqual([]);
    expect(errs('let a = D{n: 5}; let g = Gc(&a); let! h: &D = &a; { let x = D{n: 2}; h = g.get(); g.set(&x); } println("{}", h.n);')).toEqual([]);
    // (given a whole new value first in each iteration, before the read)
    expect(errs(`${pre} { let x = D{n: 2}; for i in 0..2 { v = Vec.new(); v.push(&a); o = Some(v[0]); v.push(&x); } } ${post}`)).toEqual([]);
  });
  it('rejected: read after the store, or before it in a loop, or in a closure called after it', () => {
    expect(errs(`${pre} { let x = D{n: 2}; v.push(&x); o = Some(v[1]); } ${post}`)).toEqual([dangling('o', 'x')]);
    expect(errs(`${pre} { let x = D{n: 2}; for i in 0..2 { if i == 1 { o = Some(v[1]); } v.push(&x); } } ${post}`)).toEqual([dangling('o', 'x')]);
    expect(errs(`${pre} { let x = D{n: 2}; let f = || { o = Some(v[1]); }; v.push(&x); f(); } ${post}`)).toEqual([dangling('o', 'x')]);
    expect(errs('let a = D{n: 5}; let g = Gc(&a); let! h: &D = &a; { let x = D{n: 2}; for i in 0..2 { h = g.get(); g.set(&x); } } println("{}", h.n);')).toEqual([dangling('h', 'x')]);
  });
  it('rejected: a store through a callee given `&v!` or through a reference to v, then a read', () => {
    const put = 'fn put(v: &Vec<&D>!, d: &D) { v.push(d); }';
    expect(errs(`${pre} { let x = D{n: 2}; put(&v!, &x); o = Some(v[1]); } ${post}`, put)).toEqual([dangling('o', 'x')]);
    expect(errs(`${pre} { let x = D{n: 2}; let w = &v!; w.push(&x); o = Some(v[1]); } ${post}`)).toEqual([dangling('o', 'x')]);
    expect(errs(`${pre} { let x = D{n: 2}; let w = &v!; w.push(&a); o = Some(v[1]); println("{}", x.n); } ${post}`)).toEqual([]);
  });
  it('a whole new value replaces what the holder held only where it runs before the read on every path', () => {
    const inner = (body: string) => `let! v2: Vec<&D> = Vec.new(); let c = v2.len() > 5; { let x = D{n: 1}; let a = D{n: 2}; let! inner: Vec<&D> = Vec.new(); ${body} } println("{}", v2[0].n);`;
    expect(errs(inner('inner.push(&x); inner = Vec.new(); inner.push(&a); v2 = inner;'))).toEqual([dangling('v2', 'a')]);
    expect(errs(inner('inner.push(&x); if c { inner = Vec.new(); } v2 = inner;'))).toEqual([dangling('v2', 'x')]);
    expect(errs(inner('for i in 0..1 { inner.push(&x); v2 = inner; inner = Vec.new(); }'))).toEqual([dangling('v2', 'x')]);
    expect(errs(inner('let f = || inner.push(&x); inner = Vec.new(); f(); v2 = inner;'))).toEqual([dangling('v2', 'x')]);
  });
  it('a store as a match arm\'s value fills the holder too', () => {
    expect(errs('let! v2: Vec<&D> = Vec.new(); { let x = D{n: 1}; let! inner: Vec<&D> = Vec.new(); match x.n { 1 => inner.push(&x), _ => {} } v2 = inner; } println("{}", v2[0].n);')).toEqual([dangling('v2', 'x')]);
  });
});

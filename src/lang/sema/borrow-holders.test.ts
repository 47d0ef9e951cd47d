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

describe('a holder reached through a mutable reference local (E0176)', () => {
  const K = 'fn keepT<T>(x: T, out: &Vec<T>!) { let o = out; o.push(x); }';
  it('stores into what the reference borrows: directly or through a generic callee', () => {
    expect(errs('let! rs = Vec<&D>(); { let e = D{n: 1}; let w = &rs!; w.push(&e); } rs.len();', K)).toEqual([dangling('rs', 'e')]);
    expect(errs('let! rs = Vec<&D>(); { let e = D{n: 1}; let w = &rs!; keepT(&e, w); } rs.len();', K)).toEqual([dangling('rs', 'e')]);
    expect(errs('let! rs = Vec<&D>(); let w = &rs!; { let e = D{n: 1}; keepT(&e, w); } rs.len();', K)).toEqual([dangling('rs', 'e')]);
    expect(errs('let e = D{n: 1}; let! rs = Vec<&D>(); { let w = &rs!; w.push(&e); keepT(&e, w); } rs.len();', K)).toEqual([]);
  });
});

describe('a channel keeps what is sent on it (E0176)', () => {
  const L = 'fn later<T>(x: T, ch: Channel<fn(): T>) { ch.send(|| x); }';
  it('a borrow sent on an outer channel, or given to a callee that may send it (in a closure)', () => {
    expect(errs('let ch = Channel<&D>(4); { let e = D{n: 1}; ch.send(&e); } ch.recv();', L)).toEqual([dangling('ch', 'e')]);
    expect(errs('let ch = Channel<fn(): &D>(4); { let e = D{n: 1}; later(&e, ch); } ch.recv();', L)).toEqual([dangling('ch', 'e')]);
    expect(errs('let ch = Channel<&D>(4); { let e = D{n: 1}; ch.send(&e); ch.recv(); }', L)).toEqual([]);
    expect(errs('let e = D{n: 1}; let ch = Channel<fn(): &D>(4); { later(&e, ch); } ch.recv();', L)).toEqual([]);
  });
  it('a copy of a channel is the same channel: sent on one, received through the other', () => {
    expect(errs('let ch = Channel<&D>(4); let ch2 = ch; { let e = D{n: 1}; ch2.send(&e); } ch.recv();', L)).toEqual([dangling('ch2', 'e')]);
    expect(errs('let ch = Channel<&D>(4); let ch2 = ch; { let e = D{n: 1}; ch.send(&e); } ch2.recv();', L)).toEqual([dangling('ch', 'e')]);
    expect(errs('let ch = Channel<&D>(4); let ch2 = ch; { let e = D{n: 1}; ch2.send(&e); ch.recv(); }', L)).toEqual([]);
  });
  it('a channel parameter is shared with the caller: what is sent on it outlives the call', () => {
    expect(errs('', 'fn g(r: &D, ch: Channel<fn(): i32>) { ch.send(|| r.n); }')).toEqual(['E0176 dangling reference: a closure capturing `r` is stored through `ch`, and may outlive the data `r` refers to']);
    expect(errs('', 'fn g(ch: Channel<&D>) { let b = D{n: 1}; ch.send(&b); }')).toEqual(['E0176 dangling reference: a borrow of `b` is stored through `ch`, which outlives `b`']);
    expect(errs('', 'struct S { ch: Channel<&D> }\nfn g(s: S) { let b = D{n: 1}; s.ch.send(&b); }')).toEqual(['E0176 dangling reference: a borrow of `b` is stored through `s.ch`, which outlives `b`']);
    expect(errs('', 'fn g(r: &D, ch: Channel<i32>, fs: Channel<fn(): i32>) { ch.send(r.n); let n = r.n; fs.send(|| n); }')).toEqual([]);
  });
});

describe('a method that keeps its function argument, given one holding a borrow (E0176)', () => {
  const R = 'struct Reg { fs: Vec<fn(): i32> }\nfn (r: &Reg!) on(f: fn(): i32) { r.fs.push(f); }';
  it('is reported once where the borrowed local goes out of scope, else by the call', () => {
    expect(errs('let! reg = Reg{fs: Vec<fn(): i32>()}; { let e = D{n: 1}; reg.on(mk(&e)); } reg.fs.len();', R)).toEqual([dangling('reg', 'e')]);
    expect(errs('let e = D{n: 1}; let! reg = Reg{fs: Vec<fn(): i32>()}; reg.on(mk(&e));', R))
      .toEqual(['E0176 dangling reference: `Reg.on` may keep this function value after the call, and it holds a borrow of `e`']);
  });
  it('a borrow of a nested block\'s local stored through a reference parameter used after the block: once', () => {
    expect(errs('', 'fn f(out: &Vec<&D>!) { { let e = D{n: 1}; out.push(&e); } out.len(); }')).toEqual([dangling('out', 'e')]);
  });
  it('a borrow of the own data given through a reference parameter to a callee that keeps it: once', () => {
    expect(errs('', 'fn g(out: &Vec<fn(): i32>!) { let b = D{n: 1}; keep(out, mk(&b)); }'))
      .toEqual(['E0176 dangling reference: a borrow of `b` is stored through `out`, which outlives `b`']);
  });
});

describe('a borrow stored in a thread_local (E0176)', () => {
  const T = 'thread_local let! tfs: Vec<fn(): i32> = Vec();';
  it('outlives every local: rejected for a borrow of a local or a closure capturing a reference parameter', () => {
    expect(errs('{ let e = D{n: 1}; tfs.push(mk(&e)); } tfs[0]();', T)).toEqual(['E0176 dangling reference: a borrow of `e` is stored through `tfs`, which outlives `e`']);
    expect(errs('', `${T}\nfn g(r: &D) { tfs.push(|| r.n); }`)).toEqual(['E0176 dangling reference: a closure capturing `r` is stored through `tfs`, and may outlive the data `r` refers to']);
    expect(errs('tfs.push(|| 1); tfs[0]();', `${T}\nfn g(r: &D) { let n = r.n; tfs.push(|| n); }`)).toEqual([]);
  });
  it("through a user method with a mutable receiver, which may keep its arguments there", () => {
    const R = 'struct Reg { rs: Vec<&D>, n: i32 }\nfn (g: &Reg!) add(r: &D) { g.rs.push(r); }\nfn (g: &Reg!) count(n: i32) { g.n += n; }\nthread_local let! treg: Reg = Reg { rs: Vec<&D>(), n: 0 };';
    expect(errs('', `${R}\nfn g(r: &D) { treg.add(r); }`)).toEqual(["E0176 dangling reference: `r` refers to the caller's data, and is stored in the thread_local `treg`, which may outlive it"]);
    expect(errs('', `${R}\nfn g(r: &D) { treg.count(r.n); }`)).toEqual([]);
  });
  it('helps with an owned value, not a reference parameter (a thread-local outlives every call)', () => {
    const helps = (body: string, items: string) => checkSource('t.vx', `struct D { n: i32 }\nfn mk(d: &D): fn(): i32 { return || d.n; }\n${items}\nfn main() { ${body} }\n`)
      .diagnostics.flatMap((d) => d.notes ?? []).map((n) => (typeof n === 'string' ? n : JSON.stringify(n))).filter((n) => n.startsWith('help'));
    expect(helps('{ let e = D{n: 1}; tfs.push(mk(&e)); }', T)).toEqual(['help: store an owned value (clone `e`): a thread-local outlives the locals of every function']);
    expect(helps('', 'fn g(out: &Vec<fn(): i32>!) { let e = D{n: 1}; out.push(mk(&e)); }')).toEqual(['help: store an owned value (clone it), or take `e` as a reference parameter so it outlives the call']);
  });
  it("a reference to the caller's data, or a function value a call made from one: rejected; a copy: accepted", () => {
    const R = `${T}\nthread_local let! trs: Vec<&D> = Vec();`;
    const msg = (p: string) => `E0176 dangling reference: \`r\` refers to the caller's data, and is stored in the thread_local \`${p}\`, which may outlive it`;
    expect(errs('', `${R}\nfn g(r: &D) { tfs.push(mk(r)); trs.push(r); }`)).toEqual([msg('tfs'), msg('trs')]);
    expect(errs('', `${R}\nfn g(r: &D) { let n = r.n; tfs.push(|| n); let o = Some(r); o.unwrap(); }`)).toEqual([]);
  });
});

describe("a function value read out of the caller's data, stored in a thread_local (E0176)", () => {
  const H = "struct HF { f: fn(): i32, n: i32, o: Option<fn(): i32> }\nthread_local let! tf: Option<fn(): i32> = None;\nthread_local let! tn: i32 = 0;";
  const msg = "E0176 dangling reference: `h` refers to the caller's data, and is stored in the thread_local `tf`, which may outlive it";
  it('copied out of a field through `h: &HF` (directly, through a local, a match binding): rejected, the value may be `mk(&e)` of a dropped e', () => {
    expect(errs('', `${H}\nfn run(h: &HF) { tf = Some(h.f); }`)).toEqual([msg]);
    expect(errs('', `${H}\nfn run(h: &HF) { let g = h.f; tf = Some(g); }`)).toEqual([msg]);
    expect(errs('', `${H}\nfn run(h: &HF) { match h.o { Some(f) => { tf = Some(f); }, None => {} } }`)).toEqual([msg]);
    expect(errs('', `${H}\nfn run(h: &HF, c: bool) { tf = if c { Some(h.f) } else { None }; }`)).toEqual([msg]);
  });
  it('the nearest accepted programs: the field called or a value holding no reference read, a closure of its own stored', () => {
    expect(errs('', `${H}\nfn run(h: &HF) { tn = h.n + (h.f)(); let n = h.n; tf = Some(|| n); }`)).toEqual([]);
  });
});

describe('a generic parameter captured by a closure go_with_stack spawns (E0176)', () => {
  const S = 'fn later<T>(x: T, ch: Channel<i64>) { go_with_stack(65536, || { let k = ch.recv(); println("{} {:?}", k, x); }); }';
  it('is kept by the task, as by a `go` block', () => {
    expect(errs('let ch = Channel<i64>(0); let e = D{n: 1}; later(&e.n, ch);', S))
      .toEqual(['E0176 dangling reference: `later` hands `x` to a task that may outlive the call, and this argument borrows `e.n`']);
    expect(errs('let ch = Channel<i64>(0); let e = D{n: 1}; later(e.n, ch);', S)).toEqual([]);
  });
  it('also when the closure is bound by a let first (`let g = || …; go_with_stack(n, g)`)', () => {
    const L = 'fn later<T>(x: T, ch: Channel<i64>) { let g = || { let k = ch.recv(); println("{} {:?}", k, x); }; go_with_stack(65536, g); }';
    expect(errs('let ch = Channel<i64>(0); let e = D{n: 1}; later(&e.n, ch);', L))
      .toEqual(['E0176 dangling reference: `later` hands `x` to a task that may outlive the call, and this argument borrows `e.n`']);
    expect(errs('let ch = Channel<i64>(0); let e = D{n: 1}; later(e.n, ch);', L)).toEqual([]);
    const P = 'fn spawnr(r: &D, ch: Channel<i64>) { let g = || { ch.recv(); println("{}", r.n); }; go_with_stack(65536, g); }\nfn spawnn(r: &D, ch: Channel<i64>) { let n = r.n; let g = || { ch.recv(); println("{}", n); }; go_with_stack(65536, g); }';
    expect(errs('', P)).toEqual(['E0176 dangling reference: a `go` task captures `r`, and may outlive the data `r` refers to']);
    // (one that cannot block runs to its end inside the call)
    expect(errs('', 'fn spawnr(r: &D) { let g = || { println("{}", r.n); }; go_with_stack(65536, g); }')).toEqual([]);
  });
});

describe('a reference a call returns, from its only reference argument', () => {
  const G = 'fn get_mut(v: &Vec<&D>!): &Vec<&D>! { return v; }\nfn first(v: &Vec<i32>): &i32 { return &v[0]; }\nfn pick(a: &i32, b: &i32): &i32 { return a; }';
  it('stands for that argument: a store through it, or returning it, is checked as for the argument', () => {
    expect(errs('let! v = Vec<&D>(); let w = get_mut(&v!); { let e = D{n: 1}; w.push(&e); } v.len();', G)).toEqual([dangling('v', 'e')]);
    expect(errs('let e = D{n: 1}; let! v = Vec<&D>(); let w = get_mut(&v!); { w.push(&e); } v.len();', G)).toEqual([]);
    expect(errs('', `${G}\nfn f(): &i32 { let! v = Vec<i32>(); v.push(1); let r = first(&v); return r; }`)).toEqual(['E0160 cannot return reference to local variable `v`']);
    expect(errs('', `${G}\nfn f(v: &Vec<i32>): &i32 { let r = first(v); return r; }`)).toEqual([]);
    // two candidates: which one the result borrows is not known here (nothing new is reported)
    expect(errs('', `${G}\nfn f(x: &i32): i32 { let a = 1; let r = pick(&a, x); return *r; }`)).toEqual([]);
  });
});

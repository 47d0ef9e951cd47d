// Issue #14, the resets round: safe programs the flow of holders rejected (a reset in a nested
// block or on every branch, a read out of the holder before its reset in a loop body, two Gc
// holders filled by one call and both set again), each with the nearest unsafe program, which
// stays E0176 and, run with the check off, reads a dropped value (D's drop writes -1 into it).
import { describe, it, expect } from 'vitest';
import { checkSource } from './check';
import { runVex } from '../codegen/run-helpers.test-util';

const D = 'struct D impl Drop { n: i32, fn drop()! { println("drop {}", self.n); self.n = -1; } }';
const src = (body: string, items = '') => `${D}\n${items}\nfn main() { ${body} }\n`;
const errs = (body: string, items = '') => checkSource('t.vx', src(body, items)).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);
const dangling = (r: string, x: string) => `E0176 dangling reference: \`${r}\` references \`${x}\`, which goes out of scope here`;
/** The program's output with the borrow check off. */
const unchecked = (body: string, items = '') => runVex(src(body, items), {}, { borrowCheck: false }).stdout;

const v = 'let! v: Vec<&D> = Vec.new(); let a = D{n: 9};';
describe('a reset in a nested block or on every branch ends what the holder held', () => {
  it('accepted: `{ v.clear(); }`, `{ v = Vec.new(); }`, both branches of an if, every arm of a match', () => {
    expect(errs(`${v} { let x = D{n: 1}; v.push(&x); } { v.clear(); } v.push(&a); println("{}", v[0].n);`)).toEqual([]);
    expect(errs(`${v} { let x = D{n: 1}; v.push(&x); println("{}", v[0].n); { v = Vec.new(); } } v.push(&a); println("{}", v[0].n);`)).toEqual([]);
    expect(errs(`let! o: Option<&D> = None; { let x = D{n: 1}; o = Some(&x); println("{}", o.unwrap().n); { o = None; } } println("{}", o.is_none());`)).toEqual([]);
    expect(errs(`let a = D{n: 9}; let! r: &D = &a; { let x = D{n: 1}; r = &x; println("{}", r.n); { r = &a; } } println("{}", r.n);`)).toEqual([]);
    expect(errs(`${v} for i in 0..2 { let x = D{n: i}; v.push(&x); println("{}", v[0].n); if i > 5 { v.clear(); } else { v = Vec.new(); } } println("{}", v.len());`)).toEqual([]);
    expect(errs(`${v} for i in 0..2 { let x = D{n: i}; v.push(&x); println("{}", v[0].n); match i { 0 => v.clear(), _ => { v = Vec.new(); } } } println("{}", v.len());`)).toEqual([]);
    expect(errs(`${v} for i in 0..2 { println("{}", v.len()); { v.clear(); } let x = D{n: i}; v.push(&x); println("{}", v[0].n); }`)).toEqual([]);
  });
  it('rejected: a reset on one branch only, or after a read of what it holds in the nested block', () => {
    expect(errs(`${v} { let x = D{n: 1}; v.push(&x); } if a.n > 0 { v.clear(); } println("{}", v.len());`)).toEqual([dangling('v', 'x')]);
    expect(errs(`${v} { let x = D{n: 1}; v.push(&x); } { println("{}", v[0].n); v.clear(); } v.push(&a);`)).toEqual([dangling('v', 'x')]);
    expect(errs(`${v} for i in 0..2 { if i == 1 { println("{}", v[0].n); } { v.clear(); } let x = D{n: i}; v.push(&x); }`)).toEqual([dangling('v', 'x')]);
    expect(unchecked(`${v} for i in 0..2 { if i == 1 { println("read {}", v[0].n); } { v.clear(); } let x = D{n: i}; v.push(&x); }`)).toContain('drop 0\nread -1');
  });
  it('rejected: a reset after a statement that may leave the block first (the holder keeps the borrow past the loop)', () => {
    // (before, the reset hid the `break`: accepted, and the read after the loop read the dropped x)
    const body = (read: string) => `${v} let c = v.len() == 0; loop { { let x = D{n: 1}; v.push(&x); } if c { break; } v.clear(); } ${read}`;
    expect(errs(body('println("{}", v[0].n);'))).toEqual([dangling('v', 'x')]);
    expect(errs(`${v} let c = v.len() == 0; for i in 0..3 { let x = D{n: i}; v.push(&x); if c { continue; } v.clear(); } println("{}", v[0].n);`)).toEqual([dangling('v', 'x')]);
    expect(unchecked(body('println("read {}", v[0].n);'))).toContain('drop 1\nread -1');
    expect(errs(body('v.clear(); v.push(&a); println("{}", v[0].n);'))).toEqual([]);
  });
});

describe('a read out of an owned holder before its reset is checked where it is kept, not as a use of the holder', () => {
  const show = 'fn show(d: &D) { println("{}", d.n); }';
  it('accepted: read into a local of the block, lent to a call, iterated, then emptied (in a loop body or a block)', () => {
    expect(errs(`${v} for i in 0..2 { let x = D{n: i}; v.push(&x); let y = v[0]; println("{}", y.n); v.clear(); }`)).toEqual([]);
    expect(errs(`${v} for i in 0..2 { let x = D{n: i}; v.push(&x); show(v[0]); v.clear(); }`, show)).toEqual([]);
    expect(errs(`${v} for i in 0..2 { let x = D{n: i}; v.push(&x); for r in v { println("{}", r.n); } v.clear(); }`)).toEqual([]);
    expect(errs(`${v} { let x = D{n: 1}; v.push(&x); show(v[0]); v.clear(); } v.push(&a); show(v[0]);`, show)).toEqual([]);
  });
  it('rejected: what is read out kept in a holder that outlives the block (through a call given `&v` too)', () => {
    const cp = 'fn cp(v: &Vec<&D>, out: &Vec<&D>!) { out.push(v[0]); }\nfn first(v: &Vec<&D>): &D { return v[0]; }';
    const out = 'let! out: Vec<&D> = Vec.new(); let! o: Option<&D> = None;';
    expect(errs(`${v} ${out} for i in 0..2 { let x = D{n: i}; v.push(&x); o = Some(v[0]); v.clear(); } println("{}", o.unwrap().n);`)).toEqual([dangling('o', 'x')]);
    // (each was accepted before, with no reset at all: a reference to a holder carries what it holds)
    expect(errs(`${v} ${out} { let x = D{n: 1}; v.push(&x); cp(&v, &out!); v.clear(); } println("{}", out[0].n);`, cp)).toEqual([dangling('out', 'x')]);
    expect(errs(`${v} ${out} { let x = D{n: 1}; v.push(&x); cp(&v, &out!); } println("{}", out[0].n);`, cp)).toEqual([dangling('out', 'x')]);
    expect(errs(`${v} ${out} { let x = D{n: 1}; v.push(&x); o = Some(first(&v)); } println("{}", o.unwrap().n);`, cp)).toEqual([dangling('o', 'x')]);
    expect(errs(`${v} ${out} { let x = D{n: 1}; v.push(&x); let w = &v; o = Some(w[0]); } println("{}", o.unwrap().n);`)).toEqual([dangling('o', 'x')]);
    expect(unchecked(`${v} ${out} { let x = D{n: 1}; v.push(&x); cp(&v, &out!); v.clear(); } println("read {}", out[0].n);`, cp)).toContain('drop 1\nread -1');
    // (the nearest accepted: the same reads of an outer local's borrow)
    expect(errs(`${v} ${out} { let x = D{n: 1}; v.push(&a); cp(&v, &out!); o = Some(first(&v)); println("{}", x.n); } println("{}", out[0].n + o.unwrap().n);`, cp)).toEqual([]);
  });
});

describe('a call filling several Gc holders, each set again after it (straight-line code)', () => {
  const F = 'fn fill2(g: Gc<&D>, h: Gc<&D>, d: &D) { g.set(d); h.set(d); }';
  const pre = 'let a = D{n: 9}; let g = Gc(&a); let g2 = Gc(&a);';
  it('accepted: both set again before the block ends, or before they are returned', () => {
    expect(errs(`${pre} { let x = D{n: 1}; fill2(g, g2, &x); g.set(&a); g2.set(&a); } println("{}", g.get().n + g2.get().n);`, F)).toEqual([]);
    for (const r of ['g', 'g2']) expect(errs('', `${F}\nfn f(p: &D): Gc<&D> { let e = D{n: 1}; let g = Gc(p); let g2 = Gc(p); fill2(g, g2, &e); g2.set(p); g.set(p); return ${r}; }`)).toEqual([]);
  });
  it('rejected: one of them not set again, or filled again through the call (which may not set it)', () => {
    expect(errs(`${pre} { let x = D{n: 1}; fill2(g, g2, &x); g.set(&a); } println("{}", g2.get().n);`, F)).toEqual([dangling('g2', 'x')]);
    expect(errs(`${pre} { let x = D{n: 1}; fill2(g, g2, &x); fill2(g, g2, &a); } println("{}", g.get().n);`, F)).toEqual([dangling('g', 'x')]);
    expect(errs('', `${F}\nfn f(p: &D): Gc<&D> { let e = D{n: 1}; let g = Gc(p); let g2 = Gc(p); fill2(g, g2, &e); g.set(p); return g2; }`)).toEqual(['E0160 cannot return reference to local variable `e`']);
    expect(unchecked(`${pre} { let x = D{n: 1}; fill2(g, g2, &x); g.set(&a); } println("read {}", g2.get().n);`, F)).toContain('drop 1\nread -1');
  });
});

describe('a held borrow ends where the reference local is given a new value in a nested block or on every branch (E0161)', () => {
  const pre = 'let a = D{n: 9}; let! xs: Vec<D> = Vec.new(); xs.push(D{n: 1}); let! r = &xs[0]; println("{}", r.n);';
  const assign = 'E0161 cannot assign to `xs` because it is borrowed';
  it('accepted: `{ r = &a; }`, both branches, a read of r before the assignment in the block', () => {
    expect(errs(`${pre} { r = &a; } xs = Vec.new(); println("{}", r.n);`)).toEqual([]);
    expect(errs(`${pre} if a.n > 0 { r = &a; } else { r = &a; } xs = Vec.new(); println("{}", r.n);`)).toEqual([]);
    expect(errs(`${pre} { println("{}", r.n); r = &a; } xs = Vec.new(); println("{}", r.n);`)).toEqual([]);
  });
  it('accepted: given a new value in a loop body, after its read there (the next iterations read the new one)', () => {
    expect(errs(`${pre} for i in 0..2 { println("{}", r.n); r = &a; xs = Vec.new(); }`)).toEqual([]);
    expect(errs(`${pre} let! i = 0; while i < 2 { println("{}", r.n); r = &a; xs = Vec.new(); i += 1; } println("{}", r.n);`)).toEqual([]);
  });
  it('rejected in a loop: the change before the new value, after the loop (it may not have run), or through a copy', () => {
    expect(errs(`${pre} for i in 0..2 { xs = Vec.new(); println("{}", r.n); r = &a; }`)).toEqual([assign]);
    expect(unchecked(`${pre} for i in 0..2 { xs = Vec.new(); println("read {}", r.n); r = &a; }`)).toContain('drop 1\nread -1');
    expect(errs(`${pre} for i in 0..2 { println("{}", r.n); r = &a; } xs = Vec.new(); println("{}", r.n);`)).toEqual([assign]);
    expect(errs(`${pre} for i in 0..2 { let q = r; r = &a; xs = Vec.new(); println("{}", q.n); }`)).toEqual([assign]);
  });
  it('rejected: given a new value on one branch only, or the borrow copied into another local first (`q = r;`)', () => {
    expect(errs(`${pre} if a.n > 10 { r = &a; } xs = Vec.new(); println("{}", r.n);`)).toEqual([assign]);
    expect(unchecked(`${pre} if a.n > 10 { r = &a; } xs = Vec.new(); println("read {}", r.n);`)).toContain('drop 1\nread -1');
    // (before, an assignment `q = r;` did not share r's borrow as `let q = r;` does: accepted, and it read the dropped element)
    expect(errs(`${pre} let! q = &a; { q = r; r = &a; } xs = Vec.new(); println("{}", q.n);`)).toEqual([assign]);
    expect(errs(`${pre} let! q = &a; q = r; xs = Vec.new(); println("{}", q.n);`)).toEqual([assign]);
    expect(errs(`${pre} let q = r; r = &a; xs = Vec.new(); println("{}", q.n);`)).toEqual([assign]);
    expect(unchecked(`${pre} let! q = &a; q = r; xs = Vec.new(); println("read {}", q.n);`)).toContain('drop 1\nread -1');
  });
});

describe('a let-bound closure stores where it is called (holes found while relaxing the resets)', () => {
  const pre = 'let! v: Vec<&D> = Vec.new(); let! o: Option<&D> = None; let a = D{n: 9};';
  it('rejected: what it stores of its captured holders, or what it is given, read after the block (each was accepted and read the dropped x)', () => {
    const reads = `${pre} let f = || { o = Some(v[0]); }; { let x = D{n: 1}; v.push(&x); f(); v.clear(); }`;
    expect(errs(`${reads} println("{}", o.unwrap().n);`)).toEqual([dangling('o', 'x')]);
    expect(unchecked(`${reads} println("read {}", o.unwrap().n);`)).toContain('drop 1\nread -1');
    const put = `${pre} let put = |d: &D| v.push(d); { let x = D{n: 1}; put(&x); o = Some(v[0]); v.clear(); }`;
    expect(errs(`${put} println("{}", o.unwrap().n);`)).toEqual([dangling('o', 'x')]);
    expect(unchecked(`${put} println("read {}", o.unwrap().n);`)).toContain('drop 1\nread -1');
    // (a channel's value taken by a closure that sends and receives in turn: first in, first out)
    expect(errs('let! o: Option<&D> = None; let ch = Channel<&D>(4); let a = D{n: 2}; let f = || { ch.send(&a); let z = ch.recv(); o = Some(z); }; { let x = D{n: 1}; ch.send(&x); f(); let y = ch.recv(); println("{}", y.n); } println("{}", o.unwrap().n);')).toEqual([dangling('o', 'x')]);
  });
  it('accepted: the same with an outer local, or a store the closure replaces before it returns', () => {
    expect(errs(`${pre} let f = || { o = Some(v[0]); }; { let x = D{n: 1}; v.push(&a); f(); v.clear(); println("{}", x.n); } println("{}", o.unwrap().n);`)).toEqual([]);
    expect(errs(`${pre} { let x = D{n: 1}; let f = || { o = Some(&x); println("{}", o.unwrap().n); o = None; }; f(); } println("{}", o.is_none());`)).toEqual([]);
    expect(errs(`${pre} let put = |d: &D| v.push(d); { let x = D{n: 1}; put(&a); o = Some(v[0]); println("{}", x.n); } println("{}", o.unwrap().n);`)).toEqual([]);
  });
});

describe('a closure storing its reference parameter, given to a function (not only called)', () => {
  const apply = 'fn apply(f: fn(&D), d: &D) { f(d); }\nfn apply3(f: fn(&D), d: &D) { apply(f, d); }\nfn each(v: &Vec<&D>, f: fn(&D)) { for d in v { f(d); } }';
  const own = 'fn apply2(f: fn(&D)) { let t = D{n: 5}; f(&t); }\nfn later(f: fn(&D), d: &D) { let g = f; g(d); }\nfn via(f: fn(&D)) { let t = D{n: 6}; relay(f, &t); }\nfn relay(f: fn(&D), d: &D) { if d.n > 100 { via(f); } f(d); }';
  const param = (p: string, h: string) => `E0176 dangling reference: a borrow of \`${p}\` is stored through \`${h}\`, which outlives \`${p}\``;
  it('accepted: the function calls it only with its caller\'s data (its reference parameters, what they hold, through another such function)', () => {
    expect(errs(`${v} let f = |d: &D| v.push(d); apply(f, &a); apply3(f, &a); println("{}", v[0].n);`, apply)).toEqual([]);
    expect(errs(`${v} v.push(&a); let! out: Vec<&D> = Vec.new(); each(&v, |d: &D| out.push(d)); println("{}", out[0].n);`, apply)).toEqual([]);
  });
  it('checked at the call as a store of the call\'s other arguments (E0176, E0160)', () => {
    expect(errs(`${v} let f = |d: &D| v.push(d); { let x = D{n: 1}; apply(f, &x); } println("{}", v[0].n);`, apply)).toEqual([dangling('v', 'x')]);
    expect(errs(`${v} { let x = D{n: 1}; apply(|d: &D| v.push(d), &x); } println("{}", v[0].n);`, apply)).toEqual([dangling('v', 'x')]);
    expect(errs('', `${apply}\nfn keep(d: &D): Vec<&D> { let! v: Vec<&D> = Vec.new(); let e = D{n: 3}; apply(|r: &D| v.push(r), &e); return v; }`)).toEqual(['E0160 cannot return reference to local variable `e`']);
  });
  it('rejected: a function calling it with a borrow of its own local, or doing more than call it', () => {
    expect(errs(`${v} let f = |d: &D| v.push(d); apply2(f); println("{}", v[0].n);`, own)).toEqual([param('d', 'v')]);
    expect(errs(`${v} let f = |d: &D| v.push(d); later(f, &a); println("{}", v[0].n);`, own)).toEqual([param('d', 'v')]);
    // (given on with a borrow of the function's own local, through a cycle of calls)
    expect(errs(`${v} let f = |d: &D| v.push(d); via(f); println("{}", v[0].n);`, own)).toEqual([param('d', 'v')]);
    expect(errs(`${v} let f = |d: &D| v.push(d); relay(f, &a); println("{}", v[0].n);`, own)).toEqual([param('d', 'v')]);
    expect(unchecked(`${v} let f = |d: &D| v.push(d); apply2(f); println("read {}", v[0].n);`, own)).toContain('drop 5\nread -1');
  });
});

describe('a drained channel (sends matched by later receives in each statement list)', () => {
  const ch = 'let ch = Channel<&D>(4); let a = D{n: 9};';
  const drained = '{ let x = D{n: 1}; ch.send(&x); let y = ch.recv(); println("{}", y.n); }';
  it('accepted: captured by a let-bound closure only called, whose body is balanced; two receives in one tuple', () => {
    expect(errs(`${ch} ${drained} let f = || { ch.send(&a); println("{}", ch.recv().n); }; f();`)).toEqual([]);
    expect(errs(`${ch} let f = || { ch.send(&a); let z = ch.recv(); println("{}", z.n); }; { let x = D{n: 1}; ch.send(&x); f(); let y = ch.recv(); println("{}", y.n); } f();`)).toEqual([]);
    expect(errs(`${ch} { let x = D{n: 1}; let y = D{n: 2}; ch.send(&x); ch.send(&y); let (p, q) = (ch.recv(), ch.recv()); println("{} {}", p.n, q.n); } ch.send(&a); println("{}", ch.recv().n);`)).toEqual([]);
  });
  it('rejected: a closure that receives what was left, or sends without receiving; a receive on one path only (each read the dropped x)', () => {
    const left = `${ch} { let x = D{n: 1}; ch.send(&x); } let f = || { ch.send(&a); let z = ch.recv(); println("read {}", z.n); };`;
    expect(errs(`${left} f();`)).toEqual([dangling('ch', 'x')]);
    expect(unchecked(`${left} f();`)).toContain('drop 1\nread -1');
    expect(errs(`${ch} ${drained} let f = |d: &D| ch.send(d); f(&a); println("{}", ch.recv().n);`)).toEqual([dangling('ch', 'x')]);
    // (before, a receive in a branch or after `&&` counted as made: accepted)
    const branch = (recv: string) => `${ch} { let x = D{n: 1}; ch.send(&x); ${recv} } ch.send(&a); println("read {}", ch.recv().n);`;
    expect(errs(branch('let y = if a.n > 100 { ch.recv() } else { &a }; println("{}", y.n);'))).toEqual([dangling('ch', 'x')]);
    expect(errs(branch('let b = a.n > 100 && ch.recv().n > 0; println("{}", b);'))).toEqual([dangling('ch', 'x')]);
    expect(unchecked(branch('let y = if a.n > 100 { ch.recv() } else { &a }; println("{}", y.n);'))).toContain('drop 1\nread -1');
  });
  it('rejected: a closure capturing a holder, called after the block (it read the dropped x)', () => {
    const f = 'let! v: Vec<&D> = Vec.new(); let f = || println("read {}", v[0].n); { let x = D{n: 1}; v.push(&x); } f();';
    expect(errs(f)).toEqual([dangling('v', 'x')]);
    expect(unchecked(f)).toContain('drop 1\nread -1');
    // (through a copy of the closure, a closure calling it, a Vec of closures)
    const pre = 'let! v: Vec<&D> = Vec.new(); let f = || println("{}", v[0].n);', block = '{ let x = D{n: 1}; v.push(&x); }';
    expect(errs(`${pre} let g = f; ${block} g();`)).toEqual([dangling('v', 'x')]);
    expect(errs(`${pre} let h = || f(); ${block} h();`)).toEqual([dangling('v', 'x')]);
    expect(errs('let! v: Vec<&D> = Vec.new(); let! fs: Vec<fn()> = Vec.new(); fs.push(|| println("{}", v[0].n)); { let x = D{n: 1}; v.push(&x); } fs[0]();')).toEqual([dangling('v', 'x')]);
  });
});

describe('the E0176 report for a holder that is only counted or emptied on one path', () => {
  it('points at the mention where it still holds the reference and says how to end it', () => {
    const d = checkSource('t.vx', src(`${v} { let x = D{n: 1}; v.push(&x); } if a.n > 0 { v.clear(); } println("{}", v.len());`)).diagnostics.filter((x) => x.severity === 'error');
    expect(d.map((x) => x.labels.at(-1)?.message)).toEqual(['`v` still holds the reference here: it is not emptied or given a new value on every path before']);
    // (the count after the branch, not the clear inside it)
    expect(src(`${v} { let x = D{n: 1}; v.push(&x); } if a.n > 0 { v.clear(); } println("{}", v.len());`).split('\n')[d[0].labels.at(-1)!.span.line - 1].slice(d[0].labels.at(-1)!.span.col - 1)).toMatch(/^v\.len\(\)/);
    expect(d[0].notes).toContain('help: or empty `v` or give it a new value (`v.clear();`, `v = …;`) on every path between the end of the block and this use');
    // (a read through it keeps the old label)
    const r = checkSource('t.vx', src(`${v} { let x = D{n: 1}; v.push(&x); } println("{}", v[0].n);`)).diagnostics.filter((x) => x.severity === 'error');
    expect(r.map((x) => x.labels.at(-1)?.message)).toEqual(['the reference is used here, after the block']);
  });
});

describe('a holder whose drop reads what it keeps (a type with `impl Drop` holding a reference)', () => {
  const H = 'struct H impl Drop { r: &D, fn drop()! { println("H reads {}", self.r.n); } }';
  it('rejected when it outlives the referent, used after the block or not (its drop reads the dropped x)', () => {
    const body = 'let! v: Vec<H> = Vec.new(); { let x = D{n: 1}; v.push(H{r: &x}); } println("end");';
    expect(errs(body, H)).toEqual([dangling('v', 'x')]);
    expect(errs('let! o: Option<H> = None; { let x = D{n: 1}; o = Some(H{r: &x}); } o = None;', H)).toEqual([dangling('o', 'x')]);
    expect(errs('let! v: Vec<H> = Vec.new(); { { let x = D{n: 1}; v.push(H{r: &x}); } v.clear(); } println("end");', H)).toEqual([dangling('v', 'x')]);
    expect(unchecked(body, H)).toContain('drop 1\nend\nH reads -1');
  });
  it('accepted: emptied or given a new value while the referent lives, or a referent that outlives it', () => {
    expect(errs('let! v: Vec<H> = Vec.new(); { let x = D{n: 1}; v.push(H{r: &x}); v.clear(); } println("end");', H)).toEqual([]);
    expect(errs('let a = D{n: 9}; let! v: Vec<H> = Vec.new(); { let x = D{n: 1}; v.push(H{r: &a}); println("{}", x.n); } println("end");', H)).toEqual([]);
  });
});

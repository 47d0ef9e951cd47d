// The §6.4 borrow rules added for issue #10 item 6, and moving out of a reference (E0175, issue #9
// item 12): each rule with a program it rejects and the nearest one it must accept.
import { describe, it, expect } from 'vitest';
import { checkSource } from './check';

const diags = (body: string, items = '') =>
  checkSource('t.vx', `${items}\nfn main() {\n${body}\n}\n`).diagnostics.filter((d) => d.severity === 'error');
const errs = (body: string, items = '') => diags(body, items).map((d) => d.message);
const codes = (items: string) => checkSource('t.vx', `${items}\nfn main() { }\n`).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);

describe('borrow rules of §6.4', () => {
  it("a borrow of a Box's content or of what an accessor reads in place is a borrow of its owner", () => {
    const P = 'struct P impl Drop { x: i32, fn drop()! { println("drop {}", self.x); } }';
    // each read a value the assignment or set had dropped
    expect(errs('let! b = Box(P { x: 1 }); let r = &*b; *b = P { x: 2 }; println("{}", r.x);', P)).toEqual(['cannot assign to `b` because it is borrowed']);
    expect(errs('let! b = Box(P { x: 1 }); let r = &*b; b.set(P { x: 2 }); println("{}", r.x);', P)).toEqual(['cannot borrow `b` as mutable because it is also borrowed as immutable']);
    expect(errs('let! b = Box(P { x: 1 }); let r = &b.get(); b.set(P { x: 2 }); println("{}", r.x);', P)).toEqual(['cannot borrow `b` as mutable because it is also borrowed as immutable']);
    expect(errs('let! o = Some(P { x: 1 }); let r = &o.unwrap(); o = None; println("{}", r.x);', P)).toEqual(['cannot assign to `o` because it is borrowed']);
    // the nearest accepted: the borrow's last use before the change, a Copy payload (a copy)
    expect(errs('let! b = Box(P { x: 1 }); let r = &*b; println("{}", r.x); *b = P { x: 2 }; println("{}", b.x);', P)).toEqual([]);
    expect(errs('let! o = Some(5); let r = &o.unwrap(); o = None; println("{}", *r);')).toEqual([]);
  });
  it('moving a value while a shared borrow of it is live, not after its last use', () => {
    expect(errs('let s = String.from("a"); let r = &s; let t = s; println("{} {}", r, t);')).toEqual(['cannot move `s` because it is borrowed']);
    expect(errs('let s = String.from("a"); let r = &s; println("{}", r); let t = s; println("{}", t);')).toEqual([]);
    // a Copy value is read, not moved
    expect(errs('let n = 1; let r = &n; let m = n; println("{} {}", *r, m);')).toEqual([]);
  });
  it('`r = &y;` holds a borrow of y, and ends the borrow r held before', () => {
    expect(errs('let! x = 1; let! y = 2; let! r = &x; println("{}", *r); r = &y; y = 5; println("{}", *r);')).toEqual(['cannot assign to `y` because it is borrowed']);
    expect(errs('let! x = 1; let! y = 2; let! r = &x; println("{}", *r); r = &y; x = 5; println("{}", *r);')).toEqual([]);
  });
  it('a call returning a reference holds the borrows of its reference arguments', () => {
    const pick = 'fn pick(a: &i32, b: &i32): &i32 { return a; }';
    expect(errs('let! a = 1; let! b = 2; let r = pick(&a, &b); b = 3; println("{}", *r);', pick)).toEqual(['cannot assign to `b` because it is borrowed']);
    expect(errs('let! a = 1; let! b = 2; let r = pick(&a, &b); println("{}", *r); b = 3;', pick)).toEqual([]);
    // a call returning an owned value holds nothing
    expect(errs('let! a = 1; let n = sum(&a); a = 3; println("{}", n);', 'fn sum(a: &i32): i32 { return *a; }')).toEqual([]);
  });
  it('a method with a reference receiver returning a reference holds the receiver\'s borrow', () => {
    const P = 'struct P { name: String, n: i32 }\nfn (self: &P) name_ref(): &String { return &self.name; }\nfn (self: &P!) n_mut(): &i32! { return &self.n!; }';
    expect(errs('let! p = P { name: String.from("a"), n: 1 }; let r = p.name_ref(); p.n = 2; println("{}", r);', P)).toEqual(['cannot assign to `p` because it is borrowed']);
    expect(errs('let! p = P { name: String.from("a"), n: 1 }; let w = p.n_mut(); println("{}", p.n); *w += 1;', P)).toEqual(['cannot use `p` because it is mutably borrowed']);
    expect(errs('let! p = P { name: String.from("a"), n: 1 }; let w = p.n_mut(); *w += 1; println("{}", p.n); let r = p.name_ref(); println("{}", r);', P)).toEqual([]);
  });
  it('`for e in v` borrows v for the loop: changing v inside is an error, reading it is not', () => {
    expect(errs('let! v = Vec<i32>(); for e in v { v.push(e); }')).toEqual(['cannot borrow `v` as mutable because it is also borrowed as immutable']);
    expect(errs('let! v = Vec<i32>(); for e in v { v = Vec<i32>(); }')).toEqual(['cannot assign to `v` because it is borrowed']);
    expect(errs('let! v = Vec<i32>(); let! n = 0; for e in v { n += v.len() as i32 + e; } v.push(n);')).toEqual([]);
    expect(errs('let! v = Vec<i32>(); for i in 0..v.len() { v.push(1); }')).toEqual([]);
  });
  it('two borrows of one place in one call when one is mutable; the receiver is borrowed after the arguments', () => {
    const f = 'fn two(a: &i32!, b: &i32!) { } fn mix(a: &i32!, b: &i32) { } fn both(a: &i32, b: &i32) { }';
    expect(errs('let! n = 1; two(&n!, &n!);', f)).toEqual(['cannot borrow `n` as mutable more than once at a time']);
    expect(errs('let! n = 1; mix(&n!, &n);', f)).toEqual(['cannot borrow `n` as immutable because it is also borrowed as mutable']);
    expect(errs('let! n = 1; let! m = 2; two(&n!, &m!); both(&n, &n);', f)).toEqual([]);
    expect(errs('let! v = Vec<i64>(); v.push(v.len());')).toEqual([]);
  });
  it('each new conflict labels where the borrow was made and where it is still used', () => {
    const d = diags('let s = String.from("a"); let r = &s; let t = s; println("{} {}", r, t);')[0];
    expect(d.code).toBe('E0161');
    expect(d.labels.map((l) => l.message)).toEqual(['borrow created here', 'borrow later used here']);
    const c = diags('let! n = 1; two(&n!, &n!);', 'fn two(a: &i32!, b: &i32!) { }')[0];
    expect(c.labels.map((l) => l.message)).toEqual(['borrow created here', 'borrow later used here, by the call']);
    const l = diags('let! v = Vec<i32>(); for e in v { v.push(e); }')[0];
    expect(l.labels.map((x) => x.message)).toEqual(['borrow created here, by the loop', 'borrow later used here, by the next iteration']);
  });
});

describe('dangling references (§6.5, E0176)', () => {
  it('`r = &x;` in a block declaring x, r used after the block', () => {
    const d = diags('let a = 0; let! r = &a; { let x = 5; r = &x; } println("{}", *r);');
    expect(d.map((x) => `${x.code} ${x.message}`)).toEqual(['E0176 dangling reference: `r` references `x`, which goes out of scope here']);
    expect(d[0].labels.map((l) => l.message)).toEqual(['`r` borrows `x` here', '`x` is declared in this block', 'the reference is used here, after the block']);
    expect(errs('let a = 0; let! r = &a; if a == 0 { let x = 5; r = &x; } println("{}", *r);')).toHaveLength(1);
  });
  it('fine when r is only used inside the block, re-pointed first, or x outlives the block', () => {
    expect(errs('let a = 0; let! r = &a; { let x = 5; r = &x; println("{}", *r); }')).toEqual([]);
    expect(errs('let a = 0; let! r = &a; { let x = 5; r = &x; } r = &a; println("{}", *r);')).toEqual([]);
    expect(errs('let a = 0; let x = 5; let! r = &a; { r = &x; } println("{}", *r);')).toEqual([]);
  });
  const E = (holder: string, x: string) => `dangling reference: \`${holder}\` references \`${x}\`, which goes out of scope here`;
  it('every way a reference leaves the block: a field, an element, a method result, an outer struct, Vec or Option', () => {
    const items = 'struct P { a: i32, b: i32 }\nstruct H { r: &i32 }\nfn (self: &P) bref(): &i32 { return &self.b; }';
    expect(errs('let z = 0; let! r = &z; { let p = P { a: 1, b: 2 }; r = &p.b; } println("{}", *r);', items)).toEqual([E('r', 'p')]);
    expect(errs('let z = [0]; let! r = &z[0]; { let arr = [1, 2]; r = &arr[1]; } println("{}", *r);')).toEqual([E('r', 'arr')]);
    expect(errs('let z = 0; let! r = &z; { let p = P { a: 1, b: 2 }; r = p.bref(); } println("{}", *r);', items)).toEqual([E('r', 'p')]);
    const h = diags('let z = 0; let! h = H { r: &z }; { let x = 5; h.r = &x; } println("{}", *h.r);', items);
    expect(h.map((d) => d.message)).toEqual([E('h', 'x')]);
    expect(h[0].labels.map((l) => l.message)).toEqual(['`h` is given a reference to `x` here', '`x` is declared in this block', 'the reference is used here, after the block']);
    expect(errs('let! v: Vec<&i32> = Vec(); { let x = 5; v.push(&x); } println("{}", v.len());')).toEqual([E('v', 'x')]);
    expect(errs('let! o: Option<&i32> = None; { let x = 5; o = Some(&x); } println("{}", o.is_some());')).toEqual([E('o', 'x')]);
    expect(errs('let z = 0; let! h = H { r: &z }; { let x = 5; h = H { r: &x }; } println("{}", *h.r);', items)).toEqual([E('h', 'x')]);
  });
  it('an if branch or match arm whose value borrows its own local or binding', () => {
    const v = (x: string) => `dangling reference: the block's value references \`${x}\`, which goes out of scope here`;
    expect(errs('let z = 0; let r = if z == 0 { let x = 5; &x } else { &z }; println("{}", *r);')).toEqual([v('x')]);
    expect(errs('let z = 0; let r = match z { 0 => { let y = 1; Some(&y) }, _ => None }; println("{}", r.is_some());')).toEqual([v('y')]);
    expect(errs('let z = 0; let o = Some(3); let r = match o { Some(n) => &n, None => &z }; println("{}", *r);')).toEqual([v('n')]);
    expect(errs('let z = 0; let r = if z == 0 { let x = 5; if x > 1 { &x } else { &z } } else { &z }; println("{}", *r);')).toEqual([v('x')]);
  });
  it('no report when the referent outlives the holder, the holder is unused later, or only a copy leaves', () => {
    const items = 'struct H { r: &i32 }';
    expect(errs('let a = 1; let b = 2; let r = if a == 1 { &a } else { &b }; println("{}", *r);')).toEqual([]);
    expect(errs('let a = 1; let o: Option<&i32> = Some(&a); let r = match o { Some(p) => p, None => &a }; println("{}", *r);')).toEqual([]);
    expect(errs('let a = 1; let! v: Vec<&i32> = Vec(); { let x = 5; v.push(&a); let! w: Vec<&i32> = Vec(); w.push(&x); } println("{}", v.len());')).toEqual([]);
    expect(errs('let a = 1; let! h = H { r: &a }; { let x = 5; h.r = &x; println("{}", *h.r); }', items)).toEqual([]);
    expect(errs('let! n = 0; let! v: Vec<i32> = Vec(); { let x = 5; let rx = &x; n = *rx; v.push(*rx); } println("{} {}", n, v.len());')).toEqual([]);
    expect(errs('let a = 1; if a == 1 { let x = 5; println("{}", x); }')).toEqual([]);
  });
});

describe('moving out of a reference (E0175)', () => {
  const P = 'struct P { name: String, n: i32, o: Option<String> }';
  it('a field of `&self` or of a `&T` parameter, `*r`, an unwrap of a field, a match binding', () => {
    expect(codes(`${P}\nfn (self: &P) f(): String { return self.name; }`)).toEqual(['E0175 cannot move out of `self.name` which is behind a shared reference']);
    expect(codes(`${P}\nfn g(p: &P!): Option<String> { return Some(p.name); }`)).toEqual(['E0175 cannot move out of `p.name` which is behind a mutable reference']);
    expect(codes('fn g(r: &String): String { return *r; }')).toEqual(['E0175 cannot move out of `*r` which is behind a shared reference']);
    expect(codes(`${P}\nfn (self: &P) f(): String { return self.o.unwrap(); }`)).toEqual(['E0175 cannot move out of `self.o` which is behind a shared reference']);
    expect(codes('fn g(o: &Option<String>): String { match o { Some(s) => { return s; }, None => { return String.from(""); } } }'))
      .toEqual(['E0175 cannot move out of `o` which is behind a shared reference']);
  });
  it('Copy fields, clones, borrows and reads are fine', () => {
    expect(codes(`${P}\nfn (self: &P) f(): String { return self.name.clone(); }`)).toEqual([]);
    expect(codes(`${P}\nfn (self: &P) f(): i32 { return self.n; }`)).toEqual([]);
    expect(codes(`${P}\nfn (self: &P) f(): &String { return &self.name; }`)).toEqual([]);
    expect(codes(`${P}\nfn (self: &P) f(): i64 { println("{}", self.name); return self.name.len(); }`)).toEqual([]);
    expect(codes(`${P}\nfn (self: &P) f(): i64 { match self.o { Some(s) => { return s.len(); }, None => { return 0; } } }`)).toEqual([]);
    // an owned receiver may give its field away
    expect(codes(`${P}\nfn (self: P) f(): String { return self.name; }`)).toEqual([]);
  });
  it('says where the reference comes from and how to fix it', () => {
    const d = checkSource('t.vx', `${P}\nfn (self: &P) f(): String { return self.name; }\nfn main() { }\n`).diagnostics[0];
    expect(d.labels[0].message).toBe('`self` is a shared reference (`&P`): it does not own what it points to');
    expect(d.notes.join('\n')).toContain('help: clone it (`self.name.clone()`) to get an owned copy, or borrow it (`&self.name`)');
  });
});

// Borrow checking (chapter 2 §6.4–6.5): conflicts with a live let-held borrow, the liveness of a
// borrow (to its last mention), and references that would escape their function.
import { describe, it, expect } from 'vitest';
import { checkSource } from './check';

const errs = (body: string, items = '') =>
  checkSource('t.vx', `${items}\nfn main() {\n${body}\n}\n`).diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
const labels = (body: string) =>
  checkSource('t.vx', `fn main() {\n${body}\n}\n`).diagnostics.filter((d) => d.code === 'E0161').flatMap((d) => d.labels.map((l) => l.message));

describe('borrow conflicts', () => {
  it('two live mutable borrows of one place', () => {
    expect(errs('let! n = 1; let a = &n!; let b = &n!; *a += 1;')).toEqual(['cannot borrow `n` as mutable more than once at a time']);
  });
  it('a shared borrow while a mutable one is live, and any other use', () => {
    expect(errs('let! n = 1; let a = &n!; let b = &n; *a += 1;')).toEqual(['cannot borrow `n` as immutable because it is also borrowed as mutable']);
    expect(errs('let! n = 1; let a = &n!; println("{}", n); *a += 1;')).toEqual(['cannot use `n` because it is mutably borrowed']);
  });
  it('writes, &x! and mutating calls while a shared borrow is live', () => {
    expect(errs('let! n = 1; let r = &n; n = 2; println("{}", *r);')).toEqual(['cannot assign to `n` because it is borrowed']);
    expect(errs('let! n = 1; let r = &n; let w = &n!; println("{}", *r);')).toEqual(['cannot borrow `n` as mutable because it is also borrowed as immutable']);
    expect(errs('let! v = Vec<i32>(); let r = &v; v.push(1); println("{}", r.len());')).toEqual(['cannot borrow `v` as mutable because it is also borrowed as immutable']);
  });
  it('a borrow ends at its last mention (the chapter example compiles)', () => {
    expect(errs('let! total = 10; let r = &total; println("{}", *r); total = 20; let w = &total!; *w += 1; println("{}", total);')).toEqual([]);
    expect(errs('let! v = Vec<i32>(); let r = &v; println("{}", r.len()); v.push(1);')).toEqual([]);
  });
  it('reads of a shared borrow\'s target are fine while it is live', () => {
    expect(errs('let! n = 1; let r = &n; let k = n + 1; println("{} {}", *r, k);')).toEqual([]);
  });
  it('a closure or a reference made from a borrow keeps it live until its own last use', () => {
    expect(errs('let! s = String.from("a"); let r = &s; let c = || { println("{}", r); }; s.push_str("z"); c();')).toEqual(['cannot borrow `s` as mutable because it is also borrowed as immutable']);
    expect(errs('let! n = 1; let r = &n; let c = || { println("{}", *r); }; n = 2; c();')).toEqual(['cannot assign to `n` because it is borrowed']);
    expect(errs('let! n = 1; let r = &n!; let q: &i32! = r; println("{}", n); *q += 1;')).toEqual(['cannot use `n` because it is mutably borrowed']);
    // the holder's last use ends the borrow
    expect(errs('let! n = 1; let r = &n; let c = || { println("{}", *r); }; c(); n = 2;')).toEqual([]);
  });
  it('uses inside nested blocks count; both borrow sites are labelled', () => {
    expect(errs('let! n = 1; let a = &n!; if true { n = 3; } *a += 1;')).toEqual(['cannot assign to `n` because it is borrowed']);
    expect(labels('let! n = 1; let a = &n!; let b = &n!; *a += 1;')).toEqual(['borrow created here', 'borrow later used here']);
  });
});

describe('references that escape', () => {
  it('returning &local, &local.field or a binding that holds one', () => {
    expect(errs('', 'fn f(): &i32 { let x = 5; return &x; }')).toEqual(['cannot return reference to local variable `x`']);
    expect(errs('', 'struct P { v: i32 }\nfn f(): &i32 { let p = P { v: 1 }; return &p.v; }')).toEqual(['cannot return reference to local variable `p`']);
    expect(errs('', 'fn f(): &i32 { let x = 5; let r = &x; return r; }')).toEqual(['cannot return reference to local variable `x`']);
    expect(errs('', 'fn f(v: i32): &i32 { return &v; }')).toEqual(['cannot return reference to local variable `v`']);
  });
  it('returning a reference into a temporary: &call(), &call().field, a call holding one, a &self method on one', () => {
    const pre = 'struct P { s: String }\nfn (p: &P) get(): &String { return &p.s; }\nfn mk(): P { return P { s: String.from("x") }; }\nfn id(s: &String): &String { return s; }\n';
    const temp = 'cannot return reference to temporary value';
    expect(errs('', pre + 'fn f(): &P { return &mk(); }')).toEqual([temp]);
    expect(errs('', pre + 'fn f(): &String { return &mk().s; }')).toEqual([temp]);
    expect(errs('', pre + 'fn f(): &String { return id(&mk().s); }')).toEqual([temp]);
    expect(errs('', pre + 'fn f(): &String { return mk().get(); }')).toEqual([temp]);
    // the reference does not outlive the statement, or comes from a parameter: fine
    expect(errs('', pre + 'fn f(): i64 { return id(&mk().s).len(); }\nfn g(p: &P): &String { return p.get(); }\nfn h(s: &String): &String { return id(s); }')).toEqual([]);
  });
  it('references reached through reference parameters may be returned', () => {
    expect(errs('', 'struct P { v: i32 }\nfn f(p: &P): &i32 { return &p.v; }\nfn g(a: &i32): &i32 { return a; }')).toEqual([]);
  });
});

describe('borrow checking never crashes on reference types', () => {
  it('a `&[T; N]` annotation (a type node of kind ref) is not taken for a borrow', async () => {
    const { compile } = await import('../compile');
    const text = 'fn s(xs: &[i32; 3]): i32 { return xs[0]; }\nfn main() { let! a = [1, 2, 3]; let r: &[i32; 3] = &a; let w: &[i32; 3] = r; s(w); a[0] = 4; }\n';
    const ds = compile([{ name: 'main.vx', text }]).diagnostics;
    expect(ds.map((d) => d.message)).toEqual([]);
  });
});

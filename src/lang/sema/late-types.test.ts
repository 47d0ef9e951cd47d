// Late type arguments (chapter 2 §7.3): `Vec()`, `Map()`, `Set()`, `{}`, `None`, `Ok(x)`, `Err(e)`
// leave type arguments open; the first later use that expects a type (an argument, `return`, an
// annotated `let`, `push`/`insert`) fixes them; still open at the end: `i32`.
import { describe, it, expect } from 'vitest';
import { checkSource } from './check';
import { typeAt } from './query';

const errors = (src: string) => checkSource('t.vx', src).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);
const hover = (src: string, needle: string) => typeAt('t.vx', src, src.indexOf(needle) + needle.length - 1);
/** The program checks without errors and each `let` hovers as given (`'let! v: Vec<i64>'`: the hover on `let! v`). */
const expectLets = (src: string, lets: string[]) => {
  expect(errors(src)).toEqual([]);
  for (const l of lets) expect(hover(src, l.slice(0, l.indexOf(':')))).toBe(l);
};

describe('decided by a later use', () => {
  it('an argument of a function fixes an open collection or None, through `&` too', () => {
    const src = 'fn total(v: &Vec<i64>): i64 { return 0; }\nfn name(o: Option<string>): i32 { return 0; }\nfn main() {\n    let! v = Vec();\n    total(&v);\n    v.push(5000000000);\n    let o = None;\n    name(o);\n}\n';
    expectLets(src, ['let! v: Vec<i64>', 'let o: Option<string>']);
  });
  it('`return` and an annotated `let` fix them', () => {
    const src = 'fn names(): Vec<string> {\n    let v = Vec();\n    return v;\n}\nfn parse(s: str): Result<i32, string> {\n    let r = Err(f"bad {s}");\n    return r;\n}\nfn main() {\n    let m = Map();\n    let n: Map<str, bool> = m;\n}\n';
    expectLets(src, ['let v: Vec<string>', 'let r: Result<i32, string>', 'let m: Map<str, bool>']);
  });
  it('Ok/Err with nothing later: the other side is i32', () => {
    const src = 'fn main() {\n    let e = Err("failed");\n    let k = Ok(2.5);\n}\n';
    expectLets(src, ['let e: Result<i32, str>', 'let k: Result<f64, i32>']);
  });
  it('the first use decides: a later conflicting one is a mismatch at that use', () => {
    const src = 'fn total(v: &Vec<i64>): i64 { return 0; }\nfn main() {\n    let! v = Vec();\n    total(&v);\n    v.push("x");\n}\n';
    expect(errors(src).map((e) => e.slice(0, 24))).toEqual(['E0103 mismatched types: ']);
    // a use that says nothing (a method call) before the argument: the push decides, i32 here
    const late = 'fn total(v: &Vec<i64>): i64 { return 0; }\nfn main() {\n    let! v = Vec();\n    println("{}", v.len());\n    total(&v);\n}\n';
    expect(errors(late).map((e) => e.slice(0, 24))).toEqual(['E0103 mismatched types: ']);
  });
  it('a shadowing `let` and a closure\'s `return` do not count', () => {
    const src = 'fn f(): Vec<string> {\n    let v = Vec();\n    let g = || { return v; };\n    return Vec<string>();\n}\nfn main() {}\n';
    expect(hover(src, 'let v')).toBe('let v: Vec<i32>');
  });
});

describe('what a later use cannot decide', () => {
  it('an element the push builds from names bound later (a `for` variable): E0130 asks for the type', () => {
    const src = 'fn main() {\n    let! v = Vec();\n    for x in 0..3 { v.push((x, "a")); }\n}\n';
    expect(errors(src).map((e) => e.slice(0, 5))).toEqual(['E0130']);
    // a type parameter is a type like any other
    expect(errors('fn f<T>(x: T): Vec<T> {\n    let! v = Vec();\n    v.push(x);\n    return v;\n}\nfn main() { f(1); }\n')).toEqual([]);
  });
});

describe('decided by a method argument or an assignment', () => {
  const prelude = 'struct Inbox { n: i32, }\nfn (b: &Inbox) take(v: &Vec<i64>): i32 { return 0; }\nstruct Slot<T> { v: T, }\nfn (s: &Slot<T>) put(o: Option<T>) {}\n';
  it('`obj.m(&v)` and a generic receiver\'s type arguments', () => {
    const src = prelude + 'fn main() {\n    let b = Inbox { n: 0 };\n    let! v = Vec();\n    b.take(&v);\n    let s = Slot<bool> { v: true };\n    let o = None;\n    s.put(o);\n}\n';
    expectLets(src, ['let! v: Vec<i64>', 'let o: Option<bool>']);
  });
  it('a later conflicting push is a mismatch at the push', () => {
    const src = prelude + 'fn main() {\n    let b = Inbox { n: 0 };\n    let! v = Vec();\n    b.take(&v);\n    v.push("x");\n}\n';
    expect(errors(src).map((e) => e.slice(0, 24))).toEqual(['E0103 mismatched types: ']);
  });
  it('`place = v;` and `v = value;`', () => {
    const src = 'struct H { names: Vec<string>, }\nfn load(): Map<str, f64> { return Map(); }\nfn main() {\n    let! h = H { names: Vec() };\n    let n = Vec();\n    h.names = n;\n    let! m = Map();\n    m = load();\n}\n';
    expectLets(src, ['let n: Vec<string>', 'let! m: Map<str, f64>']);
  });
});

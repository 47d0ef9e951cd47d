// Chapter 2 §7.3: a `let` whose `if`/`match` gives `Ok(..)` in every branch (or `Err(..)`, or
// `None`) leaves the other type argument open exactly like a lone `let r = Ok(1);` — the first
// later use that expects a type decides it; `i32` only when nothing does.
import { describe, it, expect } from 'vitest';
import { checkSource } from './check';
import { typeAt } from './query';

const diags = (src: string) => checkSource('t.vx', src).diagnostics.filter((d) => d.severity === 'error');
const errors = (src: string) => diags(src).map((d) => `${d.code} ${d.message}`);
const hover = (src: string, needle: string) => typeAt('t.vx', src, src.indexOf(needle) + needle.length - 1);
/** No errors, and each `let` hovers as given (`'let r: Result<i32, str>'`: the hover on `let r`). */
const expectLets = (src: string, lets: string[]) => {
  expect(errors(src)).toEqual([]);
  for (const l of lets) expect(hover(src, l.slice(0, l.indexOf(':')))).toBe(l);
};
const fns = 'fn takes_str(s: str) {}\nfn takes(r: Result<i32, String>) {}\nfn look(r: &Result<i32, str>) {}\nfn peek(r: &Result<i32, bool>) {}\n';
const main = (body: string) => `${fns}fn main() {\n    let c = true;\n${body}}\n`;

describe('Ok in every branch: a later use decides E', () => {
  it('if / elif / else, decided by an annotated let', () => {
    expectLets(main('    let r = if c { Ok(1) } elif false { Ok(2) } else { Ok(3) };\n    let s: Result<i32, str> = r;\n'), ['let r: Result<i32, str>']);
  });
  it('a match, decided by a call argument (through `&` too)', () => {
    expectLets(main('    let r = match 3 { 1 => Ok(1), 2 => Ok(2), _ => Ok(0) };\n    takes(r);\n    let q = match 4 { 1 => Ok(1), _ => Ok(0) };\n    look(&q);\n'),
      ['let r: Result<i32, String>', 'let q: Result<i32, str>']);
  });
  it('decided by `return`', () => {
    const src = 'fn f(c: bool): Result<i64, str> {\n    let r = if c { Ok(1) } else { Ok(2) };\n    return r;\n}\nfn main() { f(true); }\n';
    expectLets(src, ['let r: Result<i64, str>']);
  });
  it('decided by an assignment to it, or of it to a typed place', () => {
    expectLets(main('    let! r = if c { Ok(1) } else { Ok(2) };\n    r = Err("x");\n    let! q: Result<i32, bool> = Ok(0);\n    let w = match 1 { _ => Ok(5) };\n    q = w;\n'),
      ['let! r: Result<i32, str>', 'let w: Result<i32, bool>']);
  });
  it('decided by a match arm that uses its binding', () => {
    expectLets(main('    let r = if c { Ok(1) } else { Ok(2) };\n    match r { Ok(v) => println("{}", v), Err(e) => takes_str(e) }\n'), ['let r: Result<i32, str>']);
    // the lone literal is decided the same way
    expectLets(main('    let r = Ok(1);\n    match r { Ok(v) => println("{}", v), Err(e) => takes_str(e) }\n'), ['let r: Result<i32, str>']);
  });
  it('decided by `?` in a function returning a Result: its error side', () => {
    const src = 'fn f(c: bool): Result<i32, str> {\n    let r = if c { Ok(1) } else { Ok(2) };\n    let v = r?;\n    let q = Ok(3);\n    let w = q?;\n    return Ok(v + w);\n}\nfn main() { f(true); }\n';
    expectLets(src, ['let r: Result<i32, str>', 'let q: Result<i32, str>']);
  });
  it('nothing decides: E is i32 (§7.3), as for the lone literal', () => {
    expectLets(main('    let r = if c { Ok(1.5) } else { Ok(2.5) };\n    println("{}", r.is_ok());\n'), ['let r: Result<f64, i32>']);
  });
});

describe('nested blocks and diverging branches', () => {
  it('Ok inside nested if/match blocks counts by its leaves', () => {
    const src = main('    let m = match 3 { 1 => { let k = 2; Ok(k) } 2 => { if c { Ok(1) } else { Ok(9) } } _ => Ok(0) };\n    let s: Result<i64, bool> = m;\n');
    expectLets(src, ['let m: Result<i64, bool>']);
  });
  it('a nested all-Ok branch beside an Err sibling: the siblings decide together (no i32 from the inner default)', () => {
    expectLets(main('    let q = if c { if c { Ok(1) } else { Ok(2) } } else { Err("x") };\n    let n = match 1 { 1 => Err(true), _ => if c { Ok(2.5) } else { Ok(1.5) } };\n'),
      ['let q: Result<i32, str>', 'let n: Result<f64, bool>']);
  });
  it('a branch that returns or panics says nothing', () => {
    const src = 'fn f(c: bool): Result<i32, str> {\n    let r = if c { Ok(1) } else { return Err("x"); };\n    let p = match c { true => Ok(2), false => panic("no") };\n    let x: Result<i32, str> = p;\n    return r;\n}\nfn main() { f(true); }\n';
    expectLets(src, ['let r: Result<i32, str>', 'let p: Result<i32, str>']);
    // nothing later: the default
    expectLets(main('    let p = match c { true => Ok(2), false => panic("no") };\n'), ['let p: Result<i32, i32>']);
  });
});

describe('in generic functions: the function\'s own type parameters are types', () => {
  it('a return type with `T` decides the open side; `return Err(..)` takes `T` from it', () => {
    const src = 'struct Cell<T> { v: T, }\nfn (b: &Cell<T>) get(ok: bool): Result<T, str> {\n    if ok { return Ok(b.v); }\n    return Err("empty");\n}\n'
      + 'fn f<T>(x: T, c: bool): Result<T, str> {\n    let r = if c { Ok(x) } else { return Err("no"); };\n    return r;\n}\n'
      + 'fn pick<T, E>(x: T, e: E, c: bool): Result<T, E> {\n    let p = if c { Ok(x) } else { Err(e) };\n    return p;\n}\nfn main() {}\n';
    expectLets(src, ['let r: Result<T, str>', 'let p: Result<T, E>']);
  });
});

describe('Err in every branch, None in every branch', () => {
  it('Err only: a later use decides T, else i32', () => {
    expectLets(main('    let e = if c { Err("e") } else { Err("f") };\n    let f: Result<f64, str> = e;\n    let g = match 1 { 1 => Err(true), _ => Err(false) };\n'),
      ['let e: Result<f64, str>', 'let g: Result<i32, bool>']);
  });
  it('None only: decided by an annotated let, an arm use, an assignment; else Option<i32>', () => {
    expectLets(main('    let a = if c { None } else { None };\n    let b: Option<bool> = a;\n    let o = match 1 { 1 => None, _ => None };\n    match o { Some(x) => takes_str(x), None => println("none") }\n    let! p = if c { None } else { None };\n    p = Some(2.5);\n    let z = if c { None } else { None };\n'),
      ['let a: Option<bool>', 'let o: Option<str>', 'let! p: Option<f64>', 'let z: Option<i32>']);
  });
});

describe('siblings and conflicts', () => {
  it('Ok beside Err: the siblings decide, a later use that disagrees is a mismatch at the use', () => {
    const src = main('    let r = if c { Ok(1) } else { Err("x") };\n    peek(&r);\n');
    expect(hover(src, 'let r')).toBe('let r: Result<i32, str>');
    const d = diags(src);
    expect(d.map((x) => x.code)).toEqual(['E0103']);
    expect(d[0].span.line).toBe(8);
  });
  it('two later uses that want different types: the first decides, E0103 at the second', () => {
    const src = main('    let r = if c { Ok(1) } else { Ok(2) };\n    look(&r);\n    peek(&r);\n');
    expect(hover(src, 'let r')).toBe('let r: Result<i32, str>');
    const d = diags(src);
    expect(d.map((x) => x.code)).toEqual(['E0103']);
    expect(d[0].span.line).toBe(9);
    expect(d[0].message).toContain('Result<i32, bool>');
    const none = main('    let o = if c { None } else { None };\n    let a: Option<str> = o;\n    let b: Option<bool> = o;\n');
    expect(errors(none).filter((e) => e.startsWith('E0103'))).toEqual(['E0103 mismatched types: expected `Option<bool>`, found `Option<str>`']);
  });
  it('a use that decides nothing, or a shadowing let, leaves the default', () => {
    expectLets(main('    let r = if c { Ok(1) } else { Ok(2) };\n    println("{}", r.is_ok());\n    let s: Result<i32, str> = Ok(3);\n'), ['let r: Result<i32, i32>']);
    const shadow = main('    let r = if c { Ok(1) } else { Ok(2) };\n    let r = Err("s");\n    let t: Result<bool, str> = r;\n');
    expect(hover(shadow, 'let r')).toBe('let r: Result<i32, i32>');
    expect(errors(shadow)).toEqual([]);
  });
  it('a program\'s own enum Result keeps its own rules', () => {
    const src = 'enum Result { Ok(i32), Err(i32) }\nfn main() {\n    let r = if true { Ok(1) } else { Ok(2) };\n    let s: Result = r;\n}\n';
    expectLets(src, ['let r: Result']);
  });
  it('odd shapes do not throw: empty match, branches without values', () => {
    for (const body of ['    let r = match 1 {};\n', '    let r = if c { Ok(1) } else { println("u"); };\n', '    let r = if c { return; } else { return; };\n', '    let r = match 1 { _ => if c { None } else { Ok(1) } };\n']) {
      expect(() => checkSource('t.vx', main(body))).not.toThrow();
    }
  });
});

describe('a bare Ok/Err passed to a generic function', () => {
  const wrap = 'fn wrap<T>(r: Result<T, str>): i32 { return match r { Ok(_) => 1, Err(_) => 0 }; }\nfn pick<E>(r: Result<i64, E>): i32 { return 0; }\n';
  it('the payload decides its side, the parameter the other (as rustc infers it)', () => {
    expect(errors(`${wrap}fn main() {\n    wrap(Ok(1));\n    wrap(Ok("s"));\n    pick(Err(true));\n}\n`)).toEqual([]);
    // E is `str` from the parameter: a later use wanting another is a mismatch
    expect(errors(`${wrap}fn main() { wrap(Ok(1)); let r: Result<i32, bool> = Ok(1); }\n`)).toEqual([]);
  });
  it('a side nothing decides is still E0130, once: at the literal, not again at the call', () => {
    expect(errors(`${wrap}fn main() { wrap(Err("no")); }\n`)).toEqual([expect.stringMatching(/^E0130 cannot infer type `T` of `Result` for `Err/)]);
    expect(errors(`${wrap}fn main() { pick(Ok(2)); }\n`)).toEqual([expect.stringMatching(/^E0130 cannot infer type `E` of `Result` for `Ok/)]);
  });
  it('a payload of the wrong type is a mismatch, not an inference failure', () => {
    const two = 'fn both<T>(r: Result<T, str>, t: T) {}\n';
    expect(errors(`${two}fn main() { both(Ok("s"), 1); }\n`)).toEqual([expect.stringMatching(/^E0103 mismatched types: expected `str`, found/)]);
  });
});

describe('a lone None decided by a method on it', () => {
  it('`q.unwrap_or(x)` gives T, `q.or(o)` the whole Option', () => {
    expectLets(main('    let q = None;\n    let y = q.unwrap_or(2.5);\n    let w = None;\n    let z = w.or(Some("s"));\n'), ['let q: Option<f64>', 'let w: Option<str>']);
  });
});

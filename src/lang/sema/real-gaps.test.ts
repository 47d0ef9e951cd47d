// Chapter 2 items real Vex programs use, finished late: Ok/Err branches typed by their siblings
// (§7.3), Vec.as_slice/iter (§5.2), strlen/strcmp without `extern` (§7.11), real's map_*/set_*
// free functions (§5.3), `for x in r` over a shared reference to an iterator (§3.7, §6.2).
import { describe, it, expect } from 'vitest';
import { checkSource } from './check';
import { typeAt } from './query';

const errors = (src: string) => checkSource('t.vx', src).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);
const hover = (src: string, needle: string) => typeAt('t.vx', src, src.indexOf(needle) + needle.length - 1);

describe('Ok/Err branches take their Result type from their siblings (§7.3)', () => {
  it('an if expression: Ok fixes T, Err fixes E', () => {
    const src = 'fn main() {\n    let c = true;\n    let r = if c { Ok(3) } else { Err("bad") };\n}\n';
    expect(errors(src)).toEqual([]);
    expect(hover(src, 'let r')).toBe('let r: Result<i32, str>');
  });
  it('match arms, with pattern bindings and block bodies', () => {
    const src = 'fn main() {\n    let r = match Some(2.5) { Some(v) => { let w = v * 2.0; Ok(w) } None => Err(false) };\n}\n';
    expect(errors(src)).toEqual([]);
    expect(hover(src, 'let r')).toBe('let r: Result<f64, bool>');
  });
  it('a complete sibling wins; mismatched siblings are still a mismatch', () => {
    const ok = 'fn mk(): Result<i64, string> { return Ok(1); }\nfn main() {\n    let r = if true { Err("x") } else { mk() };\n}\n';
    expect(hover(ok, 'let r')).toBe('let r: Result<i64, string>');
    const bad = 'fn main() {\n    let r = match 1 { 1 => Ok(1), 2 => Err("a"), _ => Ok("s") };\n}\n';
    expect(errors(bad).map((e) => e.slice(0, 5))).toEqual(['E0103']);
  });
  it('only Ok on every side: E cannot be decided (E0130)', () => {
    const src = 'fn main() {\n    let r = if true { Ok(1) } else { Ok(2) };\n}\n';
    expect(errors(src).every((e) => e.startsWith('E0130'))).toBe(true);
    expect(errors(src).length).toBeGreaterThan(0);
  });
  it('a program\'s own enum Result keeps its own rules', () => {
    const src = 'enum Result { Ok(i32), Err(i32) }\nfn main() {\n    let r = if true { Ok(1) } else { Err(2) };\n}\n';
    expect(errors(src)).toEqual([]);
    expect(hover(src, 'let r')).toBe('let r: Result');
  });
});

describe('Vec.as_slice() (§5.2): a `&[T]` view of the Vec that borrows it', () => {
  it('is a slice, passable where `&[T]` is expected', () => {
    const src = 'fn sum(xs: &[i32]): i32 { return 0; }\nfn main() {\n    let! v = Vec<i32>();\n    let s = v.as_slice();\n    sum(s);\n    sum(v.as_slice());\n}\n';
    expect(errors(src)).toEqual([]);
    expect(hover(src, 'let s')).toBe('let s: &[i32]');
  });
  it('holds a shared borrow of the Vec while the slice is used', () => {
    const push = 'fn main() {\n    let! v = Vec<i32>();\n    let s = v.as_slice();\n    v.push(1);\n    println("{}", s.len());\n}\n';
    expect(errors(push)).toEqual(['E0161 cannot borrow `v` as mutable because it is also borrowed as immutable']);
    const after = 'fn main() {\n    let! v = Vec<i32>();\n    let s = v.as_slice();\n    println("{}", s.len());\n    v.push(1);\n}\n';
    expect(errors(after)).toEqual([]);
  });
  it('cannot escape a local Vec, directly or through a binding; through a reference parameter it can', () => {
    expect(errors('fn f(): &[i32] { let v = Vec<i32>(); return v.as_slice(); }\nfn main() {}\n')).toEqual(['E0160 cannot return reference to local variable `v`']);
    expect(errors('fn f(): &[i32] { let v = Vec<i32>(); let s = v.as_slice(); return s; }\nfn main() {}\n')).toEqual(['E0160 cannot return reference to local variable `v`']);
    expect(errors('fn f(v: &Vec<i32>): &[i32] { return v.as_slice(); }\nfn main() {}\n')).toEqual([]);
  });
});

// A bare `None` arm or branch takes its Option type from its sibling arms/branches, or from the
// expected type; a body's last `match` takes the function's return type for its `None` arms.
import { describe, it, expect } from 'vitest';
import { checkSource } from './check';

const errors = (src: string) => checkSource('t.vx', src).diagnostics.filter((d) => d.severity === 'error');
const codes = (src: string) => errors(src).map((d) => d.code);

describe('None from context', () => {
  it('a `None` arm before or after a `Some(..)` arm of a value match', () => {
    expect(codes('fn main() {\n    let o = Some(1);\n    let a = match o { None => None, Some(x) => Some(x + 1) };\n    let b = match o { Some(x) => { let y = x; Some(y) }, None => None };\n    let c: i32 = a;\n}\n'))
      .toEqual(['E0103']); // a is Option<i32>: only the deliberate mismatch remains
  });
  it('a `None`-only nested if/match beside a `Some(..)` sibling takes the sibling\'s type', () => {
    const src = 'fn main() {\n    let a = true;\n    let o = if a { if a { None } else { None } } else { Some(1) };\n    let p = match 2 { 1 => Some("x"), _ => if a { None } else { None } };\n    let q = match 2 { 1 => if a { None } else { None }, _ => Some(2.5) };\n    let x: i32 = o;\n    let y: i32 = p;\n    let z: i32 = q;\n}\n';
    expect(errors(src).map((d) => d.message)).toEqual(['i32', 'i32', 'i32'].map((_, i) => `mismatched types: expected \`i32\`, found \`Option<${['i32', 'str', 'f64'][i]}>\``));
  });
  it('an if-expression with `None` in one branch', () => {
    expect(codes('fn main() {\n    let a = if true { None } else { Some("s") };\n    let b = if false { Some(2.5) } else { None };\n}\n')).toEqual([]);
  });
  it('a statement match and a body\'s last match: no E0130, only the missing return', () => {
    expect(codes('fn main() {\n    let o = Some(1);\n    match o { None => None, Some(x) => Some(x) }\n}\n')).toEqual([]);
    const tail = errors('fn f(o: Option<i32>): Option<i32> {\n    match o {\n        None => None,\n        _ => o,\n    }\n}\nfn main() {}\n');
    expect(tail.map((d) => d.code)).toEqual(['E0114']);
    expect(tail[0].notes.join('\n')).toContain('write `return match');
  });
  it('all arms `None` bound by a `let`: late like a lone `None` (§7.3), so Option<i32> when nothing later decides', () => {
    expect(codes('fn main() {\n    let o = Some(1);\n    let a = match o { _ => None };\n}\n')).toEqual([]);
  });
  it('all arms `None` and nothing expected outside a `let`: still cannot infer', () => {
    expect(codes('fn main() {\n    let o = Some(1);\n    println("{}", (match o { _ => None }).is_some());\n}\n')).toEqual(['E0130']);
  });
});

// How types read in messages: a reference or pointer to a reference or pointer is parenthesized
// when a `!` is involved, so two different types never print alike.
import { describe, it, expect } from 'vitest';
import { checkSource } from './check';

const errs = (src: string) => checkSource('main.vx', src).diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);

describe('typeName of nested references', () => {
  it('tells a mutable reference to a reference from a reference to a mutable one', () => {
    const m = errs(`fn main() {
    let x = 5;
    let! r = &x;
    let w: &&i32! = &r!;
}`);
    expect(m).toEqual(['mismatched types: expected `&(&i32!)`, found `&(&i32)!`']);
  });
  it('keeps plain nesting and single references as they were', () => {
    const m = errs(`fn main() {
    let x = 5;
    let r = &x;
    let a: &i32 = &r;
    let! y = 1;
    let b: i32 = &y!;
}`);
    expect(m).toEqual(['mismatched types: expected `&i32`, found `&&i32`', 'mismatched types: expected `i32`, found `&i32!`']);
  });
});

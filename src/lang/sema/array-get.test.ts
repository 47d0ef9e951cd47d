// chapter 2 §5.2: arrays and slices have the read-only `get(i)`.
import { describe, it, expect } from 'vitest';
import { checkSource } from './check';

const codes = (src: string) => checkSource('t.vx', src).diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);

describe('array and slice get(i) (chapter 2 §5.2)', () => {
  it('returns the element type for arrays and slices, any integer index', () => {
    expect(codes('fn f(s: &[u8]): u8 { return s.get(0); }\nfn main() { let a = [1.5, 2.5]; let i: u16 = 1; let x: f64 = a.get(i); }\n')).toEqual([]);
  });
  it('a non-integer index is E0103; an array of movers has no get (E0108)', () => {
    expect(codes('fn main() { let a = [1, 2]; let x = a.get("0"); }\n')).toEqual(['E0103']);
    expect(codes('fn main() { let a = [String.from("a")]; let x = a.get(0); }\n')).toEqual(['E0108']);
  });
});

describe('String.capacity() (chapter 2 §5.1)', () => {
  it('is an i64 on String only', () => {
    expect(codes('fn main() { let s = String.from("a"); let c: i64 = s.capacity(); }\n')).toEqual([]);
    expect(codes('fn main() { let s = "a"; let c = s.capacity(); }\n')).toEqual(['E0108']);
  });
});

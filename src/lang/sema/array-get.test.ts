// chapter 2 §5.2: arrays and slices have the read-only `get(i)`.
import { describe } from 'vitest';
import { itReports } from './error-codes.test-util';

describe('array and slice get(i) (chapter 2 §5.2)', () => itReports({
  'returns the element type for arrays and slices, any integer index': [['fn f(s: &[u8]): u8 { return s.get(0); }\nfn main() { let a = [1.5, 2.5]; let i: u16 = 1; let x: f64 = a.get(i); }\n', []]],
  'a non-integer index is E0103; an element of movers is read in place, moving it out is E0163': [['fn main() { let a = [1, 2]; let x = a.get("0"); }\n', ['E0103']], ['fn main() { let a = [String.from("a")]; let x = a.get(0); }\n', ['E0163']], ['fn main() { let a = [String.from("a")]; let n = a.get(0).len(); }\n', []]],
}));

describe('String.capacity() (chapter 2 §5.1)', () => itReports({
  'is an i64 on String only': [['fn main() { let s = String.from("a"); let c: i64 = s.capacity(); }\n', []], ['fn main() { let s = "a"; let c = s.capacity(); }\n', ['E0108']]],
}));

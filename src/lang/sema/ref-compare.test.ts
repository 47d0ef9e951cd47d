// Issue #14: comparisons through references compare what they point to (Rust's `PartialOrd for
// &T`): `a < b` with `a, b: &T` in generic code was E0125 `<` is not defined for `&T`. Run output
// (values compared, not reference cells): tests/conformance/core_ref_compare.vx.
import { describe, it, expect } from 'vitest';
import { checkSource } from './check';

const errs = (src: string) => checkSource('t.vx', src).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);

describe('comparing two references', () => {
  it('accepted: every comparison of two `&T` (and `&&T`) of a type parameter', () => {
    for (const op of ['<', '<=', '>', '>=', '==', '!=']) {
      expect(errs(`fn f<T: Ord>(a: &T, b: &T): bool { return a ${op} b; }\nfn main() { println("{}", f(&1, &2)); }`)).toEqual([]);
      expect(errs(`fn f<T: Ord>(a: &&T, b: &T): bool { return a ${op} b; }\nfn main() { println("{}", f(&&1, &2)); }`)).toEqual([]);
    }
  });
  it('rejected: references to two different types', () => {
    expect(errs('fn f<T: Ord, U: Ord>(a: &T, b: &U): bool { return a < b; }\nfn main() { println("{}", f(&1, &2)); }'))
      .toEqual(['E0125 cannot compare `&T` with `&U`']);
  });
});

// Strings whose length the program decides are built by catStr: past the longest string
// (MAX_STRING_BYTES of UTF-8) they fail as an allocation of their exact size, never with the
// host's "Invalid string length" (issue #14, root cause 5).
import { describe, it, expect } from 'vitest';
import { catStr, MAX_STRING_BYTES, VVec, VString } from './collections';
import { ValueFormatter } from './format-value';
import { makeLib } from './lib-methods';

const big = 'x'.repeat(MAX_STRING_BYTES / 2); // cheap in JS: one flat string

describe('catStr', () => {
  it('joins like Array.join with a head and a tail', () => {
    expect(catStr(['a', 'b', 'c'], -1, ', ', '[', ']')).toBe('[a, b, c]');
    expect(catStr([])).toBe('');
    expect(catStr(['only'], 3, '-')).toBe('only');
  });
  it('a result of exactly the limit is built', () => {
    expect(catStr([big, big]).length).toBe(MAX_STRING_BYTES);
  });
  it('one byte more fails with the exact size, separators and ends counted', () => {
    expect(() => catStr([big, big, 'y'])).toThrow(`memory allocation of ${MAX_STRING_BYTES + 1} bytes failed`);
    expect(() => catStr([big, big], -1, '|', '<', '>')).toThrow(`memory allocation of ${MAX_STRING_BYTES + 3} bytes failed`);
  });
  it('the size is in UTF-8 bytes, not UTF-16 units', () => {
    const wide = 'é'.repeat(MAX_STRING_BYTES / 4); // 2 bytes each: half the limit in bytes
    expect(catStr([wide, wide]).length).toBe(MAX_STRING_BYTES / 2);
    expect(() => catStr([wide, wide, wide])).toThrow(`memory allocation of ${(3 * MAX_STRING_BYTES) / 2} bytes failed`);
  });
});

describe('formatting and join use it', () => {
  it('{} of a tuple of huge strings fails as an allocation, not a host error', () => {
    const f = new ValueFormatter([{ k: 'tuple', elems: [1, 1, 1] }, { k: 'str' }] as never);
    expect(() => f.fmt([big, big, big], 0)).toThrow(/^memory allocation of \d+ bytes failed$/);
    expect(f.fmt(['a', 'b', 'c'], 0)).toBe('("a", "b", "c")');
  });
  it('Vec.join past the longest string fails with the exact size', () => {
    const L = makeLib((a, b) => a === b);
    const v = new VVec<VString>(8, 8);
    for (let i = 0; i < 3; i++) v.push(new VString(big));
    expect(() => L.join(v, ',', (x) => (x as VString).s, 7)).toThrow(`memory allocation of ${(3 * MAX_STRING_BYTES) / 2 + 2} bytes failed`);
  });
});

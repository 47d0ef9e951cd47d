// A Map/Set table never grows past what a host Map/Set can hold: the insert that would need a
// bigger table fails like a native allocation of that table (a clean `memory allocation of N
// bytes failed`), before the host's own "maximum size exceeded" can be reached.
import { describe, it, expect } from 'vitest';
import { VMap, VSet, MAX_TABLE_ENTRIES } from './collections';

describe('Map/Set table size cap', () => {
  it('the host limit is above the cap (an entry is stored before the table grows)', () => {
    expect(MAX_TABLE_ENTRIES * 2).toBeLessThanOrEqual(1 << 24);
  });

  it('growing a Map table past the cap fails with the size of the table it needed', () => {
    const m = new VMap<number, number>(16, 8);
    const fit = (n: number) => (m as unknown as { fitSize(n: number, s: number): void }).fitSize(n, -1);
    fit(MAX_TABLE_ENTRIES);
    expect(m.cap).toBe(MAX_TABLE_ENTRIES);
    expect(() => fit(MAX_TABLE_ENTRIES + 1)).toThrow(`memory allocation of ${MAX_TABLE_ENTRIES * 2 * 16} bytes failed`);
    expect(m.cap).toBe(MAX_TABLE_ENTRIES);
  });

  it('a Set fails the same way', () => {
    const s = new VSet<number>(8, 8);
    const fit = (n: number) => (s as unknown as { fitSize(n: number, s: number): void }).fitSize(n, -1);
    expect(() => fit(MAX_TABLE_ENTRIES + 1)).toThrow(`memory allocation of ${MAX_TABLE_ENTRIES * 2 * 8} bytes failed`);
  });
});

describe('Vec buffer cap', () => {
  it('growing a Vec past MAX_VEC_ELEMS fails with the size of the buffer it needed', async () => {
    const { VVec, MAX_VEC_ELEMS } = await import('./collections');
    const v = new VVec<number>(8, 8);
    v.cap = MAX_VEC_ELEMS;
    v.n = MAX_VEC_ELEMS; // as if it held that many (push only compares n with cap)
    expect(() => v.push(1)).toThrow(`memory allocation of ${MAX_VEC_ELEMS * 2 * 8} bytes failed`);
    expect(v.cap).toBe(MAX_VEC_ELEMS);
    const w = new VVec<number>(4, 4);
    expect(() => w.reserve(MAX_VEC_ELEMS + 1)).toThrow(`memory allocation of ${(MAX_VEC_ELEMS + 1) * 4} bytes failed`);
  });
});

describe('String length cap', () => {
  it('an append past MAX_STRING_BYTES fails like the allocation of the grown buffer, the text unchanged', async () => {
    const { VString, MAX_STRING_BYTES } = await import('./collections');
    const s = new VString('abc');
    s.blen = s.cap = MAX_STRING_BYTES - 1; // as if it held that many bytes
    expect(() => s.append('xy')).toThrow(`memory allocation of ${MAX_STRING_BYTES * 2 - 2} bytes failed`);
    expect(s.s).toBe('abc');
    expect(s.blen).toBe(MAX_STRING_BYTES - 1);
  });
});

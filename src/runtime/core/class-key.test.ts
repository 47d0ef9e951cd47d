// classKey (Map/Set keys found by a user op==, bucketed by its hash()): the buckets hold the ids
// of removed keys only until most ids are such (host memory stays bounded by the live keys).
import { describe, it, expect } from 'vitest';
import { VMap, classKey, type KeyOps } from './collections';

const ops: KeyOps = { eq: (a, b) => (a as { n: number }).n === (b as { n: number }).n, hash: (k) => (k as { n: number }).n };
const put = (m: VMap, n: number) => { const c = classKey(m, { n }, ops, true); m.m.set(c, n); (m.ok ??= new Map()).set(c, { n }); };
const del = (m: VMap, n: number) => { const c = classKey(m, { n }, ops, false); m.m.delete(c); m.ok?.delete(c); };
const held = (m: VMap) => [...m.byHash!.values()].reduce((s, b) => s + b.length, 0);

describe('classKey buckets', () => {
  it('inserting and removing distinct keys keeps the buckets bounded by the live keys', () => {
    const m = new VMap();
    for (let i = 0; i < 10_000; i++) { put(m, i); del(m, i); }
    put(m, -1);
    expect(m.m.size).toBe(1);
    // (every removed key's id stayed in its own bucket: 10,001 ids, 10,001 buckets)
    expect(held(m)).toBeLessThan(100);
    expect(m.byHash!.size).toBeLessThan(100);
    expect(m.bucketIds).toBe(held(m));
  });
  it('keys survive the sweeps: each is found, none stored twice', () => {
    const m = new VMap();
    for (let i = 0; i < 3000; i++) { put(m, i); if (i % 3 === 0) del(m, i - 3); }
    for (let i = 0; i < 3000; i++) put(m, i); // equal keys: found, not added
    expect(m.m.size).toBe(3000);
    for (let i = 0; i < 3000; i++) expect(m.m.has(classKey(m, { n: i }, ops, false) as never)).toBe(true);
  });
});

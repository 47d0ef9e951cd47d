import { describe, it, expect } from 'vitest';
import { fieldNamed } from './field-named';

describe('fieldNamed', () => {
  const mk = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `f${i}`, i }));
  it('finds each field of a short and a long list, and nothing for another name', () => {
    for (const n of [3, 40]) {
      const fs = mk(n);
      for (const f of fs) expect(fieldNamed(fs, f.name)).toBe(f);
      expect(fieldNamed(fs, 'nope')).toBeUndefined();
    }
  });
  it('gives the first of two fields with one name, as find does (a duplicate is an error reported elsewhere)', () => {
    const fs = [...mk(20), { name: 'f3', i: 99 }];
    expect(fieldNamed(fs, 'f3')!.i).toBe(3);
  });
  it('sees fields added to a list after a lookup (a struct being declared)', () => {
    const fs = mk(20);
    expect(fieldNamed(fs, 'f25')).toBeUndefined();
    fs.push(...mk(30).slice(20));
    expect(fieldNamed(fs, 'f25')!.i).toBe(25);
  });
});

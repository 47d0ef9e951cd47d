// ValueFormatter's limit: a caller that shows only the start of a value (the Panic panel's
// locals, 60 characters) has it formatted only that far. Before, each frame of a deep recursion
// formatted the whole rest of a list, then cut it: quadratic time and memory in the depth.
import { describe, it, expect } from 'vitest';
import { VVec } from './collections';
import { ValueFormatter } from './format-value';

// 0: i32, 1: L { v: i32, next: 2 }, 2: Option<Box<L>> as an enum whose Some holds 3, 3: Box<L>
const types = [
  { k: 'int', name: 'i32' },
  { k: 'struct', name: 'L', fields: [{ name: 'v', td: 0 }, { name: 'next', td: 2 }], drop: false, isUnion: false, size: 16 },
  { k: 'enum', name: 'Option', variants: [{ name: 'Some', fields: [3] }, { name: 'None', fields: [] }], prelude: true, drop: false },
  { k: 'box', elem: 1 },
  { k: 'vec', elem: 0 },
] as never;

function list(n: number): unknown {
  let l: unknown = { f_v: -1, f_next: { t: 1 } };
  for (let i = 0; i < n; i++) l = { f_v: i, f_next: { t: 0, a0: { v: l, addr: 0 } } };
  return l;
}

describe('formatting with a limit', () => {
  it('stops a long struct list soon after the limit, and the start is the full text\'s', () => {
    const f = new ValueFormatter(types);
    const l = list(20_000);
    const full = f.fmt(l, 1);
    const cut = f.fmt(l, 1, false, 60);
    expect(full.length).toBeGreaterThan(200_000);
    expect(cut.length).toBeGreaterThan(60);
    expect(cut.length).toBeLessThan(120);
    expect(full.startsWith(cut)).toBe(true);
  });
  it('cuts a Vec of numbers inside its element loop', () => {
    const f = new ValueFormatter(types);
    const v = new VVec(4, 4, Array.from({ length: 100_000 }, (_, i) => i));
    const cut = f.debug(v, 4, 60);
    expect(cut.length).toBeLessThan(80);
    expect(f.fmt(v, 4).startsWith(cut)).toBe(true);
  });
  it('gives the whole text when it fits', () => {
    const f = new ValueFormatter(types);
    expect(f.fmt(list(2), 1, false, 500)).toBe(f.fmt(list(2), 1));
  });
});

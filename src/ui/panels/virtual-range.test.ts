import { describe, expect, it } from 'vitest';
import { visibleRange } from './virtual-range';

describe('visibleRange', () => {
  it('renders only the rows in view plus overscan', () => {
    expect(visibleRange(0, 100, 20, 100_000, 2)).toEqual({ start: 0, end: 8 });
    expect(visibleRange(2000, 100, 20, 100_000, 2)).toEqual({ start: 98, end: 108 });
  });
  it('clamps at the end and for empty lists', () => {
    expect(visibleRange(1e9, 100, 20, 50, 2)).toEqual({ start: 49, end: 50 });
    expect(visibleRange(0, 100, 20, 0)).toEqual({ start: 0, end: 0 });
  });
  it('stays small for huge lists', () => {
    const r = visibleRange(123_456 * 20, 600, 20, 1_000_000);
    expect(r.end - r.start).toBeLessThan(60);
  });
});

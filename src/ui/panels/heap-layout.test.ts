import { describe, expect, it } from 'vitest';
import { cellWidth, hitTest, layoutStrip, ROW_H, ROW_GAP } from './heap-layout';
import { CELL_BLOCK, CELL_FREE, type HeapCell } from './heap-model';

const c = (kind: number, size: number): HeapCell => ({ kind, addr: 0, size, ref: 0, allocator: 0, blocks: 1, liveBytes: size, freeBytes: 0, leak: false });

describe('heap strip layout', () => {
  it('widens cells with their size and wraps rows at the width', () => {
    expect(cellWidth(c(CELL_BLOCK, 8))).toBeLessThan(cellWidth(c(CELL_BLOCK, 1024)));
    expect(cellWidth(c(CELL_BLOCK, 1 << 30))).toBe(140);
    const cells = Array.from({ length: 100 }, () => c(CELL_BLOCK, 64)); // 31 px each
    const l = layoutStrip(cells, 100);
    expect(l.rows).toBe(34); // 3 per row (31 + 2 gap)
    expect([l.x[3], l.y[3]]).toEqual([0, ROW_H + ROW_GAP]);
    expect(l.height).toBe(34 * (ROW_H + ROW_GAP));
  });
  it('draws a small heap big: taller rows, cells widened to fill the row', () => {
    const l = layoutStrip([c(CELL_BLOCK, 8), c(CELL_BLOCK, 64)], 600);
    expect(l.rowH).toBeGreaterThan(ROW_H);
    expect(l.w[0]).toBe(50); // 10 px at the most scaled 5x
    expect(l.w[1]).toBeGreaterThan(l.w[0]);
  });
  it('finds the cell under a point, and none in the gaps', () => {
    const l = layoutStrip([c(CELL_BLOCK, 8), c(CELL_FREE, 4096), c(CELL_BLOCK, 8)], 400);
    expect(hitTest(l, 1, 1)).toBe(0);
    expect(hitTest(l, l.x[1] + 2, 5)).toBe(1);
    expect(hitTest(l, l.x[2] + 1, l.rowH - 1)).toBe(2);
    expect(hitTest(l, l.x[2] + l.w[2] + 10, 5)).toBe(-1);
    expect(hitTest(l, 1, l.rowH + 1)).toBe(-1);
  });
});

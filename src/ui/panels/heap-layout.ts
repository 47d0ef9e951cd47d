// Where each cell of the heap map goes: cells in address order, wrapped into rows; a cell's width
// grows with the logarithm of its size (an 8-byte Box stays visible beside a 1 MiB arena). Pure.
import { CELL_ARENA, CELL_BLOCK, CELL_FREE, type HeapCell } from './heap-model';

export const ROW_H = 22;
export const ROW_GAP = 4;
export const CELL_GAP = 2;

export function cellWidth(c: HeapCell): number {
  const lg = (n: number, unit: number) => Math.log2(Math.max(n, unit) / unit);
  if (c.kind === CELL_BLOCK) return Math.min(140, Math.round(10 + 7 * lg(c.size, 8)));
  if (c.kind === CELL_FREE) return Math.min(90, Math.round(8 + 5 * lg(c.size, 32)));
  if (c.kind === CELL_ARENA) return Math.min(260, Math.round(70 + 12 * lg(c.size, 32)));
  return 12; // a group of many blocks
}

export interface StripLayout {
  rowH: number;
  x: Float32Array;
  y: Float32Array;
  w: Float32Array;
  rows: number;
  rowFirst: number[]; // index of each row's first cell
  height: number;
}

/** A small heap (a lesson) is drawn big: cells taller and widened to fill about one row. */
export function layoutStrip(cells: readonly HeapCell[], width: number): StripLayout {
  const n = cells.length;
  const x = new Float32Array(n), y = new Float32Array(n), w = new Float32Array(n);
  const rowH = n <= 40 ? 40 : ROW_H;
  let natural = 0;
  for (let i = 0; i < n; i++) natural += cellWidth(cells[i]) + CELL_GAP;
  const scale = n <= 40 && natural > 0 ? Math.max(1, Math.min(5, width / natural)) : 1;
  const rowFirst: number[] = n ? [0] : [];
  let cx = 0, row = 0;
  for (let i = 0; i < n; i++) {
    const cw = Math.min(width, Math.floor(cellWidth(cells[i]) * scale));
    if (cx > 0 && cx + cw > width) { row++; cx = 0; rowFirst.push(i); }
    x[i] = cx; y[i] = row * (rowH + ROW_GAP); w[i] = cw;
    cx += cw + CELL_GAP;
  }
  const rows = n ? row + 1 : 0;
  return { rowH, x, y, w, rows, rowFirst, height: rows * (rowH + ROW_GAP) };
}

/** The cell under (px, py), or -1. */
export function hitTest(l: StripLayout, px: number, py: number): number {
  const row = Math.floor(py / (l.rowH + ROW_GAP));
  if (row < 0 || row >= l.rows || py - row * (l.rowH + ROW_GAP) > l.rowH) return -1;
  const first = l.rowFirst[row], last = row + 1 < l.rows ? l.rowFirst[row + 1] - 1 : l.x.length - 1;
  let lo = first, hi = last;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (px < l.x[mid]) hi = mid - 1;
    else if (px > l.x[mid] + l.w[mid]) lo = mid + 1;
    else return mid;
  }
  return -1;
}

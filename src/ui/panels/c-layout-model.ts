// C layout → byte-grid picture (the "C layout" view): lanes of segments in byte order — fields,
// bitfield units drawn bit by bit, padding — split into rows of a fixed number of bytes. A struct
// is one lane; a union has one lane per member, all starting at byte 0 (they overlay).
import type { CLayout } from '../../worker/protocol';

export interface BitRun {
  name: string | null; // null: unused bits of the unit
  bitOffset: number;
  bitWidth: number;
}

export interface Segment {
  kind: 'field' | 'bits' | 'padding';
  name: string | null; // field name; bits: the names joined; padding: null
  type: string | null;
  offset: number;
  size: number;
  bits?: BitRun[]; // kind 'bits': the unit's bits, LSB first
}

export interface Lane {
  label: string; // 'fields' for a struct, the member's name for a union
  segments: Segment[];
}

export interface LayoutPicture {
  name: string;
  kind: 'struct' | 'union';
  size: number;
  align: number;
  lanes: Lane[];
  paddingBytes: number; // struct: bytes no field uses; union: bytes past the smallest member
  summary: string; // one sentence a screen reader reads
}

export function layoutPicture(l: CLayout): LayoutPicture {
  const lanes = l.kind === 'union'
    ? l.fields.map((f) => ({ label: f.name, segments: withPadding([{ kind: 'field' as const, name: f.name, type: f.type, offset: 0, size: f.size }], l.size) }))
    : [{ label: 'fields', segments: withPadding(structSegments(l), l.size) }];
  const padding = l.kind === 'union'
    ? Math.max(0, l.size - l.fields.reduce((m, f) => Math.max(m, f.size), 0))
    : lanes[0].segments.filter((s) => s.kind === 'padding').reduce((n, s) => n + s.size, 0);
  const what = l.kind === 'union' ? `${l.fields.length} overlaid members` : `${l.fields.length} fields`;
  return {
    name: l.name, kind: l.kind, size: l.size, align: l.align, lanes, paddingBytes: padding,
    summary: `${l.kind} ${l.name}: ${l.size} bytes, align ${l.align}, ${what}, ${padding} byte${padding === 1 ? '' : 's'} of padding`,
  };
}

/** Fields in offset order; bitfields sharing a storage unit become one 'bits' segment. */
function structSegments(l: CLayout): Segment[] {
  const out: Segment[] = [];
  for (const f of l.fields) {
    if (f.bitWidth === undefined) {
      out.push({ kind: 'field', name: f.name, type: f.type, offset: f.offset, size: f.size });
      continue;
    }
    const last = out[out.length - 1];
    const run: BitRun = { name: f.name, bitOffset: f.bitOffset ?? 0, bitWidth: f.bitWidth };
    if (last && last.kind === 'bits' && last.offset === f.offset && last.size === f.size) last.bits!.push(run);
    else out.push({ kind: 'bits', name: null, type: f.type, offset: f.offset, size: f.size, bits: [run] });
  }
  // a unit is drawn over the bytes its bits use: GCC puts ordinary fields in the rest of it
  for (const s of out) {
    if (s.kind !== 'bits') continue;
    const lo = Math.floor(Math.min(...s.bits!.map((b) => b.bitOffset)) / 8);
    const hi = Math.ceil(Math.max(...s.bits!.map((b) => b.bitOffset + b.bitWidth)) / 8);
    s.offset += lo;
    s.size = hi - lo;
    s.bits = fillBits(s.bits!.map((b) => ({ ...b, bitOffset: b.bitOffset - lo * 8 })), s.size * 8);
    s.name = s.bits.filter((b) => b.name).map((b) => b.name).join(', ');
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** The unit's bits LSB first, with the unused ranges as nameless runs. */
function fillBits(runs: BitRun[], total: number): BitRun[] {
  const out: BitRun[] = [];
  let at = 0;
  for (const r of [...runs].sort((a, b) => a.bitOffset - b.bitOffset)) {
    if (r.bitOffset > at) out.push({ name: null, bitOffset: at, bitWidth: r.bitOffset - at });
    out.push(r);
    at = Math.max(at, r.bitOffset + r.bitWidth);
  }
  if (at < total) out.push({ name: null, bitOffset: at, bitWidth: total - at });
  return out;
}

/** Padding segments in the gaps between fields and after the last one, up to `size`. */
function withPadding(segs: Segment[], size: number): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const s of segs) {
    if (s.offset > at) out.push({ kind: 'padding', name: null, type: null, offset: at, size: s.offset - at });
    out.push(s);
    at = Math.max(at, s.offset + s.size);
  }
  if (at < size) out.push({ kind: 'padding', name: null, type: null, offset: at, size: size - at });
  return out;
}

export interface Piece {
  segment: Segment;
  row: number;
  col: number; // first byte column inside the row (0-based)
  span: number; // bytes
  first: boolean; // the segment's first piece (where its label goes)
}

/** Cut a lane's segments at row boundaries (`perRow` bytes a row) for a grid drawing. */
export function rowPieces(segments: readonly Segment[], perRow: number): Piece[] {
  const out: Piece[] = [];
  for (const s of segments) {
    let at = s.offset;
    const end = s.offset + s.size;
    let first = true;
    while (at < end) {
      const row = Math.floor(at / perRow), col = at % perRow;
      const span = Math.min(end - at, perRow - col);
      out.push({ segment: s, row, col, span, first });
      first = false;
      at += span;
    }
  }
  return out;
}

// Layout → byte grid on real programs through the worker's live-check path (the checker's GCC
// layouts), so the picture is what sizeof/alignof give at run time.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkFiles } from '../../worker/toolchain';
import { layoutPicture, rowPieces } from './c-layout-model';

const layoutsOf = (text: string) => checkFiles([{ name: 'main.vx', text }], 'main.vx').layouts;
const pic = (text: string, name: string) => {
  const l = layoutsOf(text).find((x) => x.name === name);
  if (!l) throw new Error(`no layout for ${name}`);
  return layoutPicture(l);
};
const shape = (segs: { kind: string; name: string | null; offset: number; size: number }[]) => segs.map((s) => `${s.kind}:${s.name ?? '-'}@${s.offset}+${s.size}`);

describe('C layout pictures', () => {
  it('lists the repr(C) struct, the bitfield struct and the union, no plain struct, of the c_layout lesson', () => {
    const ls = layoutsOf(readFileSync(new URL('../examples/c_layout.vx', import.meta.url), 'utf8'));
    expect(ls.map((l) => l.name)).toEqual(['Header', 'Flags', 'Word']);
  });
  it('pads u8,u32,u16 like GCC: 3 bytes after tag, 2 at the end (size 12)', () => {
    const p = pic('#[repr(C)]\nstruct Header { tag: u8, len: u32, flags: u16 }\nfn main() {}\n', 'Header');
    expect(p.size).toBe(12);
    expect(p.align).toBe(4);
    expect(shape(p.lanes[0].segments)).toEqual(['field:tag@0+1', 'padding:-@1+3', 'field:len@4+4', 'field:flags@8+2', 'padding:-@10+2']);
    expect(p.paddingBytes).toBe(5);
    expect(p.summary).toContain('5 bytes of padding');
  });
  it('draws bitfields sharing one byte bit by bit', () => {
    const p = pic('struct Flags { ready: u8 : 1, mode: u8 : 3, level: u8 : 4 }\nfn main() {}\n', 'Flags');
    expect(p.size).toBe(1);
    const bits = p.lanes[0].segments[0];
    expect(bits.kind).toBe('bits');
    expect(bits.bits).toEqual([
      { name: 'ready', bitOffset: 0, bitWidth: 1 }, { name: 'mode', bitOffset: 1, bitWidth: 3 }, { name: 'level', bitOffset: 4, bitWidth: 4 },
    ]);
  });
  it('starts a new unit when a bitfield would straddle one (GCC); a byte field shares the unit', () => {
    const p = pic('struct B { a: u32 : 30, b: u32 : 4, c: u8 }\nfn main() {}\n', 'B');
    const segs = p.lanes[0].segments;
    expect(shape(segs)).toEqual(['bits:a@0+4', 'bits:b@4+1', 'field:c@5+1', 'padding:-@6+2']);
    expect(segs[0].bits).toEqual([{ name: 'a', bitOffset: 0, bitWidth: 30 }, { name: null, bitOffset: 30, bitWidth: 2 }]);
    expect(segs[1].bits).toEqual([{ name: 'b', bitOffset: 0, bitWidth: 4 }, { name: null, bitOffset: 4, bitWidth: 4 }]);
    expect(p.size).toBe(8);
  });
  it('overlays a union\'s members from byte 0, each padded to the union\'s size', () => {
    const p = pic('union U { i: i32, d: f64, b: [u8; 3] }\nfn main() {}\n', 'U');
    expect(p.kind).toBe('union');
    expect(p.size).toBe(8);
    expect(p.lanes.map((l) => l.label)).toEqual(['i', 'd', 'b']);
    expect(shape(p.lanes[0].segments)).toEqual(['field:i@0+4', 'padding:-@4+4']);
    expect(shape(p.lanes[1].segments)).toEqual(['field:d@0+8']);
    expect(shape(p.lanes[2].segments)).toEqual(['field:b@0+3', 'padding:-@3+5']);
  });
  it('cuts segments at row boundaries', () => {
    const p = pic('#[repr(C)]\nstruct W { a: u8, b: f64, c: u16 }\nfn main() {}\n', 'W');
    expect(p.size).toBe(24);
    const pieces = rowPieces(p.lanes[0].segments, 16);
    const b = pieces.filter((x) => x.segment.name === 'b');
    expect(b).toHaveLength(1);
    expect(b[0]).toMatchObject({ row: 0, col: 8, span: 8, first: true });
    const pad = pieces.filter((x) => x.segment.kind === 'padding');
    expect(pad.map((x) => [x.row, x.col, x.span])).toEqual([[0, 1, 7], [1, 2, 6]]);
    const rows8 = rowPieces(p.lanes[0].segments, 4).filter((x) => x.segment.name === 'b');
    expect(rows8.map((x) => [x.row, x.col, x.span, x.first])).toEqual([[2, 0, 4, true], [3, 0, 4, false]]);
  });
});

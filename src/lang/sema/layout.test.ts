// C layout (x86-64 System V, as GCC) of structs, unions and bitfields.
import { describe, it, expect } from 'vitest';
import { checkSource } from './check';
import { aggregate, type Layout } from './layout';

/** Layout of struct/union `name` declared in `decls`. */
function layoutOf(decls: string, name: string): Layout {
  const r = checkSource('t.vx', `${decls}\nfn main() {}\n`);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const info = r.program!.structs.find((s) => s.name === name)!;
  return r.program!.layoutOf({ k: 'struct', info, args: [] });
}
const offsets = (l: Layout) => l.fields.map((f) => f.offset);

describe('C layout', () => {
  it('{char; int; char} is 12/4 with offsets 0,4,8', () => {
    const l = layoutOf('struct S { a: u8, b: i32, c: u8 }', 'S');
    expect([l.size, l.align]).toEqual([12, 4]);
    expect(offsets(l)).toEqual([0, 4, 8]);
  });
  it('{char; double; short} is 24/8 with offsets 0,8,16', () => {
    const l = layoutOf('struct S { a: u8, b: f64, c: i16 }', 'S');
    expect([l.size, l.align]).toEqual([24, 8]);
    expect(offsets(l)).toEqual([0, 8, 16]);
  });
  it('union {char[5]; int; double} is 8/8', () => {
    const l = layoutOf('union U { a: [u8; 5], b: i32, c: f64 }', 'U');
    expect([l.size, l.align]).toEqual([8, 8]);
    expect(offsets(l)).toEqual([0, 0, 0]);
  });
  it('union {char[9]; int} is 12/4', () => {
    const l = layoutOf('union U { a: [u8; 9], b: i32 }', 'U');
    expect([l.size, l.align]).toEqual([12, 4]);
  });
  it('{char c; int x:24} is 4/4 and x shares c\'s unit', () => {
    const l = layoutOf('struct S { c: u8, x: i32 : 24 }', 'S');
    expect([l.size, l.align]).toEqual([4, 4]);
    expect(l.fields[1]).toMatchObject({ offset: 0, bitOffset: 8, bitWidth: 24, unitSize: 4, signed: true });
  });
  it('{char c; int x:25} is 8/4 (x would straddle, so it starts the next unit)', () => {
    const l = layoutOf('struct S { c: u8, x: i32 : 25 }', 'S');
    expect([l.size, l.align]).toEqual([8, 4]);
    expect(l.fields[1]).toMatchObject({ offset: 4, bitOffset: 0 });
  });
  it('{unsigned a:3, b:5, c:24} is 4 bytes and b=1 is stored as 0x8', () => {
    const l = layoutOf('struct S { a: u32 : 3, b: u32 : 5, c: u32 : 24 }', 'S');
    expect(l.size).toBe(4);
    const b = l.fields[1];
    expect(1 << (b.bitOffset! + 8 * b.offset)).toBe(0x8);
    expect(l.fields[2]).toMatchObject({ bitOffset: 8, signed: false });
  });
  it('{char a; char b:4; char c:5} is 3/1', () => {
    const l = layoutOf('struct S { a: u8, b: u8 : 4, c: u8 : 5 }', 'S');
    expect([l.size, l.align]).toEqual([3, 1]);
    expect(offsets(l)).toEqual([0, 1, 2]);
  });
  it('{long long a:40; int b:30} is 16/8', () => {
    const l = layoutOf('struct S { a: i64 : 40, b: i32 : 30 }', 'S');
    expect([l.size, l.align]).toEqual([16, 8]);
    expect(l.fields[1]).toMatchObject({ offset: 8, bitOffset: 0 });
  });
  it('a zero-width bitfield ends the unit', () => {
    // The parser does not accept an unnamed `_` field yet, so build the field list directly.
    const u8 = { k: 'int', name: 'u8' } as const;
    const l = aggregate([{ name: 'a', type: u8, bitWidth: 3 }, { name: '_', type: u8, bitWidth: 0 }, { name: 'b', type: u8, bitWidth: 3 }], false);
    expect(l.size).toBe(2);
    expect(l.fields.find((f) => f.name === 'b')).toMatchObject({ offset: 1, bitOffset: 0 });
  });
  it('{ a: u16 : 4, c: u8 } is 2 bytes (ordinary fields share the unit)', () => {
    expect(layoutOf('struct S { a: u16 : 4, c: u8 }', 'S').size).toBe(2);
  });
  it('conformance sizes: layout_01 / layout_02 / union_01', () => {
    expect(layoutOf('struct A { a: u8, b: i32, c: u8 }', 'A').size).toBe(12);
    expect(layoutOf('struct B { x: i64, y: u8 }', 'B').size).toBe(16);
    expect(layoutOf('struct C { a: u8, b: u16, c: u8, d: u8 }', 'C').size).toBe(6);
    expect(layoutOf('struct D { x: f64, y: u8, z: u32 }', 'D').size).toBe(16);
    expect(layoutOf('struct E { p: u8, q: u8, r: u8 }\nstruct F { e: E, d: f64 }', 'F').size).toBe(16);
    expect(layoutOf('struct G { tag: u8, vals: [u32; 3] }', 'G').size).toBe(16);
    expect(layoutOf('struct Perm { read: u16 : 1, write: u16 : 1, owner: u16 : 6, group: u16 : 8, extra: u16 : 4 }', 'Perm').size).toBe(4);
    expect(layoutOf('struct Flags { ready: u8 : 1, mode: u8 : 3, level: u8 : 4 }', 'Flags').size).toBe(1);
    expect(layoutOf('struct Tri { a: u8, b: u8, c: u8 }\nunion Mixed { t: Tri, h: u16 }', 'Mixed').size).toBe(4);
    const num = layoutOf('union Num { d: f64, bits: u64 }', 'Num');
    expect([num.size, num.align]).toEqual([8, 8]);
  });
});

describe('bitfield rules', () => {
  const codes = (src: string) => checkSource('t.vx', src).diagnostics.map((d) => `${d.severity}:${d.code}`);
  it('width must be 1..bits of the type (error)', () => {
    expect(codes('struct S { a: u8 : 9 }\nfn main() {}')).toContain('error:E0132');
    expect(codes('struct S { a: u8 : 0 }\nfn main() {}')).toContain('error:E0132');
    expect(codes('struct S { a: u8 : 8 }\nfn main() {}')).toEqual([]);
  });
  it('&s.bitfield is an error', () => {
    expect(codes('struct S { a: u8 : 3 }\nfn main() { let s = S { a: 1 }; let p = &s.a; }')).toContain('error:E0133');
  });
  it('a constant that does not fit the width is a warning, not an error', () => {
    const r = checkSource('t.vx', 'struct S { a: u8 : 3 }\nfn main() { let! s = S { a: 9 }; s.a = 12; let v: u8 = 12; s.a = v; }');
    const ws = r.diagnostics.filter((d) => d.code === 'W0100');
    expect(ws.map((d) => d.severity)).toEqual(['warning', 'warning']);
    expect(ws[1].message).toContain('truncated to 4');
    expect(r.program).not.toBeNull();
  });
  it('signed bitfields: -3 fits 4 bits, 8 does not', () => {
    const r = checkSource('t.vx', 'struct T { d: i8 : 4 }\nfn main() { let! t = T { d: -3 }; t.d = 8; }');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['W0100']);
  });
});

describe('unnamed bitfields (gcc -O0 x86-64, checked against gcc 12)', () => {
  const cases: [string, number, number][] = [
    ['struct S { a: u8 : 3, _: u8 : 0, b: u8 : 2 }', 2, 1],
    ['struct S { c: u8, _: i32 : 0, d: u8 }', 5, 1], // the unnamed type does not raise the alignment
    ['struct S { x: u32 : 5, _: u32 : 0, y: u32 : 5, z: u8 }', 8, 4],
    ['struct S { a: u8 : 4, _: u8 : 2, b: u8 : 2 }', 1, 1],
    ['struct S { a: u16 : 4, _: u64 : 0, b: u16 : 4 }', 10, 2],
    ['struct S { _: u8 : 0, a: u8 : 1 }', 1, 1],
    ['struct S { a: u8, _: u32 : 3, b: u8 }', 3, 1],
    ['struct S { a: u16 : 12, _: u8 : 0, b: u16 : 4 }', 4, 2],
  ];
  for (const [decl, size, align] of cases) {
    it(decl, () => {
      const l = layoutOf(decl, 'S');
      expect([l.size, l.align]).toEqual([size, align]);
      expect(l.fields.some((f) => f.name === '_')).toBe(false);
    });
  }
  it('places the field after `_: T : 0` at the next T unit', () => {
    const l = layoutOf('struct S { a: u16 : 12, _: u8 : 0, b: u16 : 4 }', 'S');
    expect(l.fields.map((f) => [f.name, f.offset, f.bitOffset])).toEqual([['a', 0, 0], ['b', 2, 0]]);
  });
});

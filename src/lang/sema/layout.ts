// C layout (x86-64 System V, as GCC lays it out). Owned by sema: the shapes, then the computation.
import type { Type } from './types';
import { intBits, intSigned, typeName } from './types';
import { MSG, type Message } from '../msg';
export interface FieldLayout {
  name: string;
  offset: number; // byte offset of the field, or of its storage unit for bitfields
  size: number;
  bitOffset?: number; // bitfields: bit position within the unit starting at `offset`
  bitWidth?: number;
  unitSize?: number; // bitfields: size in bytes of the declared type's storage unit
  signed?: boolean; // bitfields: sign-extend on read
}
export interface Layout {
  size: number;
  align: number;
  fields: FieldLayout[]; // empty for scalars
}

// ---------------------------------------------------------------- computation
// C layout of a semantic type, x86-64 System V exactly as GCC does it:
// - scalars are naturally aligned; a struct's alignment is its largest member's (bitfields count
//   with their declared type); its size is rounded up to that alignment;
// - bitfields are allocated LSB-first at the next free bit unless the field would straddle a
//   naturally aligned storage unit of its declared type, in which case it starts the next unit;
//   ordinary fields and bitfields share units; a zero-width bitfield closes the current unit;
// - a union's size is its largest field rounded up to its largest alignment.

let cache = new WeakMap<object, Layout>();
/** Layouts of compound types by type object: a type's parts are shared, so a generic struct
 *  nested through aliases (`type A2 = P<A1>;`, P holding two T) was laid out 2^n times. */
let byType = new WeakMap<Type, Layout>();
/** Forget every layout: one computed while the program's fields were being collected (an array
 *  field's size check, collect.ts pass 2) may have seen a struct declared later with no fields
 *  yet, and laid it out as empty. */
export function forgetLayouts(): void {
  cache = new WeakMap();
  byType = new WeakMap();
}

export function computeLayout(t: Type): Layout {
  if (t.k === 'tuple' || t.k === 'struct' || t.k === 'enum' || t.k === 'array') {
    const hit = byType.get(t);
    if (hit) return hit;
    const l = layoutOf(t);
    byType.set(t, l);
    return l;
  }
  return layoutOf(t);
}

function layoutOf(t: Type): Layout {
  switch (t.k) {
    case 'int': { const s = intBits(t.name) / 8; return { size: s, align: s, fields: [] }; }
    case 'float': return { size: t.bits / 8, align: t.bits / 8, fields: [] };
    case 'bool': return { size: 1, align: 1, fields: [] };
    case 'unit': case 'never': case 'error': return { size: 0, align: 1, fields: [] };
    case 'ptr': case 'ref': case 'fn': case 'param': return { size: 8, align: 8, fields: [] };
    case 'str': case 'slice': return { size: 16, align: 8, fields: [{ name: 'ptr', offset: 0, size: 8 }, { name: 'len', offset: 8, size: 8 }] };
    case 'builtin': return { size: 8, align: 8, fields: [] }; // a handle to a runtime object
    case 'any': return { size: 16, align: 8, fields: [{ name: 'type', offset: 0, size: 8 }, { name: 'value', offset: 8, size: 8 }] }; // type tag + boxed value
    case 'range': return aggregate(['start', 'end'].map((name) => ({ name, type: t.elem, bitWidth: null })), false);
    case 'array': {
      const e = computeLayout(t.elem);
      return { size: e.size * t.len, align: e.align, fields: [] };
    }
    case 'tuple': return aggregate(t.elems.map((type, i) => ({ name: String(i), type, bitWidth: null })), false);
    case 'struct': {
      if (!t.args.length) {
        const hit = cache.get(t.info);
        if (hit) return hit;
      }
      const env = new Map<string, Type>();
      t.info.generics.forEach((g, i) => t.args[i] && env.set(`${t.info.name}.${g}`, t.args[i]));
      const l = aggregate((t.info.layoutFields ?? t.info.fields).map((f) => ({ ...f, type: env.size ? substType(f.type, env) : f.type })), t.info.isUnion);
      if (!t.args.length) cache.set(t.info, l);
      return l;
    }
    case 'enum': {
      // A C-like tag (u32) followed by the largest payload, as a struct { tag; union payload }.
      const unitOnly = t.info.variants.every((v) => v.fields.length === 0);
      if (unitOnly) return { size: 4, align: 4, fields: [] };
      const env = new Map<string, Type>();
      t.info.generics.forEach((g, i) => t.args[i] && env.set(`${t.info.name}.${g}`, t.args[i]));
      const payloads = t.info.variants.map((v) => aggregate(v.fields.map((f, i) => ({ name: String(i), type: substType(f, env), bitWidth: null })), false));
      // (reduce, not a spread: an enum may have more variants than a call has room for arguments)
      const size = payloads.reduce((m, p) => Math.max(m, p.size), 0);
      const align = payloads.reduce((m, p) => Math.max(m, p.align), 4);
      const off = roundUp(4, align);
      return { size: roundUp(off + size, align), align, fields: [{ name: 'tag', offset: 0, size: 4 }, { name: 'payload', offset: off, size }] };
    }
  }
}

function substType(t: Type, env: Map<string, Type>): Type {
  // Local copy of subst for the few generic cases, avoiding an import cycle with types.ts users.
  if (t.k === 'param') return env.get(`${t.owner}.${t.name}`) ?? t;
  if (t.k === 'array') return { ...t, elem: substType(t.elem, env) };
  if (t.k === 'tuple') return { ...t, elems: t.elems.map((x) => substType(x, env)) };
  if (t.k === 'struct' || t.k === 'enum') return { ...t, args: t.args.map((x) => substType(x, env)) } as Type;
  return t;
}

const roundUp = (n: number, a: number) => Math.ceil(n / a) * a;

export function aggregate(fields: { name: string; type: Type; bitWidth: number | null }[], isUnion: boolean): Layout {
  const out: FieldLayout[] = [];
  let align = 1;
  if (isUnion) {
    let size = 0;
    for (const f of fields) {
      const l = computeLayout(f.type);
      align = Math.max(align, l.align);
      size = Math.max(size, l.size);
      out.push({ name: f.name, offset: 0, size: l.size });
    }
    return { size: roundUp(size, align), align, fields: out };
  }
  let bit = 0; // next free bit
  for (const f of fields) {
    const l = computeLayout(f.type);
    if (f.bitWidth === null) {
      bit = roundUp(bit, l.align * 8);
      out.push({ name: f.name, offset: bit / 8, size: l.size });
      bit += l.size * 8;
      align = Math.max(align, l.align);
      continue;
    }
    const unitBits = l.size * 8;
    if (f.bitWidth === 0) {
      bit = roundUp(bit, unitBits);
      continue;
    }
    // x86-64 psABI: an unnamed bitfield's type does not affect the struct's alignment
    const unnamed = f.name === '_';
    if (!unnamed) align = Math.max(align, l.align);
    if ((bit % unitBits) + f.bitWidth > unitBits) bit = roundUp(bit, unitBits);
    if (unnamed) { bit += f.bitWidth; continue; } // padding bits
    const unitStart = Math.floor(bit / unitBits) * unitBits;
    out.push({
      name: f.name, offset: unitStart / 8, size: l.size, bitOffset: bit - unitStart, bitWidth: f.bitWidth, unitSize: l.size,
      signed: f.type.k === 'int' ? intSigned(f.type.name) : false,
    });
    bit += f.bitWidth;
  }
  return { size: roundUp(Math.ceil(bit / 8), align), align, fields: out };
}

// ---------------------------------------------------------------- size limit
/** The largest object the playground sizes exactly: sizes are doubles, exact up to 2^53 - 1. A
 *  bigger array is a compile error (E0169) naming the exact numbers, never a rounded size. */
export const MAX_OBJECT_BYTES = Number.MAX_SAFE_INTEGER;

/** The E0169 message for `[elem; len]` when its length or size passes the limit, else null. */
export function arrayTooLarge(elem: Type, len: bigint): Message<'E0169'> | null {
  const bytes = BigInt(computeLayout(elem).size) * len;
  if (len <= BigInt(MAX_OBJECT_BYTES) && bytes <= BigInt(MAX_OBJECT_BYTES)) return null;
  return MSG.E0169.arrayTooLarge({ elem: typeName(elem), len, bytes, limit: MAX_OBJECT_BYTES });
}
/** The E0169 message when `sizeof` of `t` (fields adding up) passes the limit, else null. */
export function typeTooLarge(t: Type, size: number): Message<'E0169'> | null {
  return size > MAX_OBJECT_BYTES ? MSG.E0169.typeTooLarge({ type: typeName(t), limit: MAX_OBJECT_BYTES }) : null;
}

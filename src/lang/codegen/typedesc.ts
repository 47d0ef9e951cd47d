// Builds the runtime type-descriptor table (common/program-meta.ts) from checker types.
import type { Type } from '../sema/types';
import { envOf, typeName } from '../sema/types';
import type { TD, MemInfo } from '../../common/program-meta';
import type { Layout } from '../sema/layout';

import { isCellRef } from './names';
import { displayName as moduleDisplayName } from '../sema/module-names';

/** A type's name as the program wrote it: no tab prefix (`utilːP`), no std module prefix (`vec·VecIter`). */
const displayName = (s: string): string => moduleDisplayName(s).replace(/[A-Za-z0-9_]+·/g, '');

export class TypeTable {
  readonly types: TD[] = [];
  readonly names: string[] = [];
  private readonly byKey = new Map<string, number>();
  constructor(private readonly layoutOf: (t: Type) => Layout) {}

  /** Index of the descriptor of a concrete type. */
  id(t: Type): number {
    const key = typeKey(t);
    const hit = this.byKey.get(key);
    if (hit !== undefined) return hit;
    const i = this.types.length;
    this.byKey.set(key, i);
    this.types.push({ k: 'other', name: displayName(typeName(t)) });
    this.names.push(displayName(typeName(t)));
    const td = this.build(t);
    try { td.m = this.mem(t); } catch { /* no C layout for this type */ }
    this.types[i] = td;
    return i;
  }

  private mem(t: Type): MemInfo | undefined {
    const kind = scalarKind(t);
    if (!kind && t.k !== 'struct' && t.k !== 'array') return undefined;
    const l = this.layoutOf(t);
    const mi: MemInfo = { size: l.size, align: l.align };
    if (kind) mi.kind = kind;
    if (t.k === 'struct') {
      const env = envOf(t.info.generics, t.args, t.info.name);
      mi.fields = l.fields.map((f) => {
        const fd = fieldNamed(t.info.fields, f.name);
        const out: NonNullable<MemInfo['fields']>[number] = { name: f.name, offset: f.offset, td: fd ? this.id(substT(fd.type, env)) : 0 };
        if (f.bitWidth != null) { out.bitOffset = f.bitOffset ?? 0; out.bitWidth = f.bitWidth; out.unitSize = f.unitSize ?? f.size; out.signed = !!f.signed; }
        return out;
      });
    }
    if (t.k === 'array') {
      mi.elem = this.id(t.elem);
      mi.elemSize = this.layoutOf(t.elem).size;
      mi.len = t.len;
    }
    return mi;
  }

  private build(t: Type): TD {
    switch (t.k) {
      case 'int': return { k: 'int', name: t.name };
      case 'float': return { k: 'float', bits: t.bits };
      case 'bool': return { k: 'bool' };
      case 'str': return { k: 'str', spelled: t.spelled };
      case 'unit': return { k: 'unit' };
      case 'never': return { k: 'never' };
      case 'struct': {
        const env = envOf(t.info.generics, t.args, t.info.name);
        let size = 0;
        try { size = this.layoutOf(t).size; } catch { size = 0; }
        return {
          k: 'struct', name: displayName(t.info.name), isUnion: t.info.isUnion, drop: t.info.implsDrop, size,
          fields: t.info.fields.map((f) => ({ name: f.name, td: this.id(substT(f.type, env)) })),
        };
      }
      case 'enum': {
        const env = envOf(t.info.generics, t.args, t.info.name);
        return {
          k: 'enum', name: displayName(t.info.name), prelude: t.info.decl == null, drop: false,
          // a flat box field holds its content (codegen DESIGN.md "Boxes in enum fields"), and a
          // Box prints as its content: the field's descriptor is the content's
          variants: t.info.variants.map((v) => ({ name: v.name, fields: v.fields.map((f) => {
            const ft = substT(f, env);
            return this.id(isFlatBoxField(f) && ft.k === 'builtin' && ft.args[0] ? ft.args[0] : ft);
          }) })),
        };
      }
      case 'tuple': return { k: 'tuple', elems: t.elems.map((e) => this.id(e)) };
      case 'array': return { k: 'array', elem: this.id(t.elem), len: t.len };
      case 'slice': return { k: 'slice', elem: this.id(t.elem) };
      case 'ref': return { k: 'ref', inner: this.id(t.inner), cell: isCellRef(t) };
      case 'ptr': return { k: 'ptr' };
      case 'fn': return { k: 'fn' };
      case 'any': return { k: 'any' };
      case 'builtin':
        switch (t.name) {
          case 'Vec': return { k: 'vec', elem: this.id(t.args[0]) };
          case 'String': return { k: 'string' };
          case 'Map': return { k: 'map', key: this.id(t.args[0]), val: this.id(t.args[1]) };
          case 'Set': return { k: 'set', elem: this.id(t.args[0]) };
          case 'Box': return { k: 'box', elem: this.id(t.args[0]) };
          case 'Gc': return { k: 'gc', elem: this.id(t.args[0]) };
          default: return { k: 'other', name: displayName(typeName(t)) };
        }
      default: return { k: 'other', name: displayName(typeName(t)) };
    }
  }
}

import { subst } from '../sema/types';
import { fieldNamed } from '../sema/field-named';
/** Substitute struct/enum generics; falls back to plain names (prelude Option<T> uses owner "Option"). */
export function substT(t: Type, env: Map<string, Type>): Type {
  return subst(t, env);
}

/** A key that identifies a concrete type (struct identity included via name; one file = unique names). */
export function typeKey(t: Type): string {
  switch (t.k) {
    case 'str': return 'str:' + t.spelled;
    case 'ref': return (t.mut ? '&!' : '&') + typeKey(t.inner);
    default: return typeName(t);
  }
}

/** Load/store kind of a scalar type in simulated memory. */
export function scalarKind(t: Type): string | null {
  switch (t.k) {
    case 'int': return t.name;
    case 'float': return t.bits === 16 ? 'f16' : t.bits === 32 ? 'f32' : 'f64'; // f16: binary16, 2 bytes
    case 'bool': return 'bool';
    case 'ptr': return 'ptr';
    default: return null;
  }
}

/** Address-taken locals of these types live in simulated memory (C-layout data only). */
export function memBacked(t: Type): boolean {
  if (scalarKind(t)) return true;
  if (t.k === 'array') return memBacked(t.elem);
  if (t.k === 'struct') return t.info.decl != null && t.info.fields.every((f) => memBacked(f.type));
  return false;
}

/** An enum variant field declared `Box<…>` is stored flat: content in `aJ`, block slot in `$bJ`. */
export function isFlatBoxField(declared: Type): boolean {
  return declared.k === 'builtin' && declared.name === 'Box';
}

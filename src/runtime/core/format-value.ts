// Value formatting of §5.2 for every runtime representation, driven by type descriptors.
import type { TD } from '../../common/program-meta';
import { VVec, VString, VMap, VSet, VBox, VSlice, Cell, MOVED_OUT, VGc, catStr } from './collections';

import { formatG } from '../format/float';
export { formatG };

export class ValueFormatter {
  constructor(private readonly types: TD[]) {}
  /** Gc objects being formatted (outer calls): a cycle back to one prints `<cycle>`. */
  private readonly open = new Set<unknown>();

  /** `{}` of a value of descriptor `td`; `nested` quotes strings (inside compound values). */
  fmt(v: unknown, td: number, nested = false): string {
    if (v === MOVED_OUT) return '<moved>';
    const t = this.types[td];
    switch (t.k) {
      case 'int': return String(v);
      case 'float': return formatG(v as number);
      case 'bool': return v ? 'true' : 'false';
      case 'str': return nested ? quote(v as string) : (v as string);
      case 'string': return nested ? quote((v as VString).s) : (v as VString).s;
      case 'unit': case 'never': return 'nil';
      case 'struct': {
        if (t.isUnion) return t.name + ' { .. }';
        const obj = v as Record<string, unknown>;
        if (!t.fields.length) return t.name + ' {}';
        return catStr(t.fields.map((f) => catStr([f.name, this.fmt(obj['f_' + f.name], f.td, true)], -1, ': ')), -1, ', ', t.name + ' { ', ' }');
      }
      case 'enum': {
        const e = v as { t: number; [k: string]: unknown };
        const vr = t.variants[e.t];
        const head = t.prelude ? vr.name : t.name + '.' + vr.name;
        if (!vr.fields.length) return head;
        return catStr(vr.fields.map((f, i) => this.fmt(e['a' + i], f, true)), -1, ', ', head + '(', ')');
      }
      case 'tuple': {
        const a = v as unknown[];
        return catStr(t.elems.map((e, i) => this.fmt(a[i], e, true)), -1, ', ', '(', t.elems.length === 1 ? ',)' : ')');
      }
      case 'array': return this.list(v as unknown[], 0, (v as unknown[]).length, t.elem);
      case 'vec': return this.list((v as VVec).a, 0, (v as VVec).n, t.elem);
      case 'slice': { const s = v as VSlice; return this.list(s.a, s.off, s.len, t.elem); }
      case 'map': {
        const vm = v as VMap;
        const parts: string[] = [];
        for (const [k, x] of vm.m) parts.push(catStr([this.fmt(vm.ok ? vm.ok.get(k) : k, t.key, true), this.fmt(x, t.val, true)], -1, ': '));
        return catStr(parts, -1, ', ', '{', '}');
      }
      case 'set': {
        const parts: string[] = [];
        for (const k of (v as VSet).values()) parts.push(this.fmt(k, t.elem, true));
        return catStr(parts, -1, ', ', '{', '}');
      }
      case 'box': return this.fmt((v as VBox).v, t.elem, nested);
      case 'gc': {
        if (this.open.has(v)) return '<cycle>';
        this.open.add(v);
        try { return this.fmt((v as VGc).v, t.elem, nested); } finally { this.open.delete(v); }
      }
      case 'ref': return this.fmt(t.cell && v instanceof Cell ? v.get() : v, t.inner, nested);
      case 'ptr': return '0x' + (typeof v === 'bigint' ? v : BigInt(v as number)).toString(16);
      case 'fn': return '<fn>'; // (chapter 2 §1.4)
      case 'any': { const a = v as { t: number; v: unknown }; return this.fmt(a.v, a.t, nested); }
      case 'other': return t.name;
    }
  }

  /** `{:?}`: small signed ints as `i32(42)`, `string`-typed values quoted, the rest like `{}`. */
  debug(v: unknown, td: number): string {
    const t = this.types[td];
    if (t.k === 'int' && (t.name === 'i8' || t.name === 'i16' || t.name === 'i32')) return `${t.name}(${v})`;
    if (t.k === 'str' && t.spelled === 'string') return quote(v as string);
    if (t.k === 'string') return quote((v as VString).s);
    if (t.k === 'any') return this.debug((v as { v: unknown }).v, (v as { t: number }).t);
    return this.fmt(v, td);
  }

  private list(a: ArrayLike<unknown>, off: number, len: number, elem: number): string {
    const parts: string[] = [];
    for (let i = 0; i < len; i++) parts.push(this.fmt(a[off + i], elem, true));
    return catStr(parts, -1, ', ', '[', ']');
  }
}

export function quote(s: string): string {
  return '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r') + '"';
}

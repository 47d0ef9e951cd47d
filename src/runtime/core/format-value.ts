// Value formatting of §5.2 for every runtime representation, driven by type descriptors.
import type { TD } from '../../common/program-meta';
import { VVec, VString, VMap, VSet, VBox, VSlice, Cell, MOVED_OUT, VGc, catStr } from './collections';

import { formatG } from '../format/float';
export { formatG };

/** A piece of text, a value still to format, or (td -1) the end of a Gc's content. */
type Item = string | { v: unknown; td: number; nested: boolean };

export class ValueFormatter {
  constructor(private readonly types: TD[]) {}
  /** Gc objects being formatted (outer calls): a cycle back to one prints `<cycle>`. */
  private readonly open = new Set<unknown>();

  /** `{}` of a value of descriptor `td`; `nested` quotes strings (inside compound values). A
   *  compound value is walked with a stack of its own (a 5,000-link list overflowed the host
   *  stack, reported as a stack overflow of the program), its text built once at the end.
   *  `limit`: stop once the text is longer (its start is all a caller that cuts it needs: the
   *  Panic panel showed a 10,000-link list in each of 10,000 frames, quadratic time and memory). */
  fmt(v: unknown, td: number, nested = false, limit = Infinity): string {
    const leaf = this.leaf(v, td, nested);
    if (leaf !== null) return leaf;
    const out: string[] = [];
    const stack: Item[] = [{ v, td, nested }];
    let len = 0, counted = 0;
    while (stack.length !== 0) {
      if (limit !== Infinity) {
        for (; counted < out.length; counted++) len += out[counted].length;
        if (len > limit) {
          for (const it of stack) if (typeof it !== 'string' && it.td < 0) this.open.delete(it.v);
          break;
        }
      }
      const it = stack.pop()!;
      if (typeof it === 'string') out.push(it);
      else if (it.td < 0) this.open.delete(it.v); // the end of a Gc's content
      else {
        const s = this.leaf(it.v, it.td, it.nested);
        if (s !== null) out.push(s);
        else this.open1(it.v, it.td, it.nested, out, stack, limit);
      }
    }
    return catStr(out, -1);
  }

  /** The text of a value that holds no other value, or null. */
  private leaf(v: unknown, td: number, nested: boolean): string | null {
    if (v === MOVED_OUT) return '<moved>';
    const t = this.types[td];
    switch (t.k) {
      case 'int': return String(v);
      case 'float': return formatG(v as number);
      case 'bool': return v ? 'true' : 'false';
      case 'str': return nested ? quote(v as string) : (v as string);
      case 'string': return nested ? quote((v as VString).s) : (v as VString).s;
      case 'unit': case 'never': return 'nil';
      case 'struct': return t.isUnion ? t.name + ' { .. }' : t.fields.length ? null : t.name + ' {}';
      case 'enum': { const vr = t.variants[(v as { t: number }).t]; return vr.fields.length ? null : t.prelude ? vr.name : t.name + '.' + vr.name; }
      case 'gc': return this.open.has(v) ? '<cycle>' : null;
      case 'ptr': return '0x' + (typeof v === 'bigint' ? v : BigInt(v as number)).toString(16);
      case 'fn': return '<fn>'; // (chapter 2 §1.4)
      case 'other': return t.name;
      default: return null;
    }
  }

  /** Opens a compound value: its head goes out now; its parts, separators and tail onto the stack
   *  (last first, so the first part is formatted next). */
  private open1(v: unknown, td: number, nested: boolean, out: string[], stack: Item[], limit: number): void {
    const t = this.types[td];
    const parts = (head: string, items: Item[], sep: string, tail: string) => {
      out.push(head);
      stack.push(tail);
      for (let i = items.length - 1; i >= 0; i--) {
        stack.push(items[i]);
        if (i > 0) stack.push(sep);
      }
    };
    // (a list of values holding no others, the common case, is written out at once: no item
    // object per element, 1.6-2x slower for a 300,000-element Vec)
    const list = (a: ArrayLike<unknown>, off: number, len: number, elem: number) => {
      const texts: string[] = [];
      let i = 0, chars = 0;
      for (; i < len; i++) {
        const s = this.leaf(a[off + i], elem, true);
        if (s === null) break;
        texts.push(s);
        if ((chars += s.length + 2) > limit) { out.push(catStr(texts, -1, ', ', '[')); return; } // cut (fmt's limit)
      }
      if (i === len) { out.push(catStr(texts, -1, ', ', '[', ']')); return; }
      out.push(catStr(texts, -1, ', ', '['));
      stack.push(']');
      for (let j = len - 1; j >= i; j--) {
        stack.push({ v: a[off + j], td: elem, nested: true });
        if (j > 0) stack.push(', ');
      }
    };
    switch (t.k) {
      case 'struct': {
        const obj = v as Record<string, unknown>;
        const items: Item[] = [];
        // (a standard module's private field, `·unix_sec`, prints under the name it was written with)
        t.fields.forEach((f, i) => { items.push((f.name[0] === '·' ? f.name.slice(1) : f.name) + ': '); items.push({ v: obj['f_' + f.name], td: f.td, nested: true }); if (i + 1 < t.fields.length) items.push(', '); });
        return parts(t.name + ' { ', items, '', ' }');
      }
      case 'enum': {
        const e = v as { t: number; [k: string]: unknown };
        const vr = t.variants[e.t];
        return parts((t.prelude ? vr.name : t.name + '.' + vr.name) + '(', vr.fields.map((f, i) => ({ v: e['a' + i], td: f, nested: true })), ', ', ')');
      }
      case 'tuple': {
        const a = v as unknown[];
        return parts('(', t.elems.map((e, i) => ({ v: a[i], td: e, nested: true })), ', ', t.elems.length === 1 ? ',)' : ')');
      }
      case 'array': return list(v as unknown[], 0, (v as unknown[]).length, t.elem);
      case 'vec': return list((v as VVec).a, 0, (v as VVec).n, t.elem);
      case 'slice': { const s = v as VSlice; return list(s.a, s.off, s.len, t.elem); }
      case 'map': {
        const vm = v as VMap;
        const items: Item[] = [];
        let first = true;
        for (const [k, x] of vm.m) {
          if (!first) items.push(', ');
          first = false;
          items.push({ v: vm.ok ? vm.ok.get(k) : k, td: t.key, nested: true }, ': ', { v: x, td: t.val, nested: true });
        }
        return parts('{', items, '', '}');
      }
      case 'set': return parts('{', (v as VSet).values().map((k) => ({ v: k, td: t.elem, nested: true })), ', ', '}');
      case 'box': stack.push({ v: (v as VBox).v, td: t.elem, nested }); return;
      case 'gc':
        this.open.add(v);
        stack.push({ v, td: -1, nested }, { v: (v as VGc).v, td: t.elem, nested });
        return;
      case 'ref': stack.push({ v: t.cell && v instanceof Cell ? v.get() : v, td: t.inner, nested }); return;
      case 'any': { const a = v as { t: number; v: unknown }; stack.push({ v: a.v, td: a.t, nested }); return; }
      default: out.push(String(v));
    }
  }

  /** `{:?}`: small signed ints as `i32(42)`, `string`-typed values quoted, the rest like `{}`. */
  debug(v: unknown, td: number, limit = Infinity): string {
    const t = this.types[td];
    if (t.k === 'int' && (t.name === 'i8' || t.name === 'i16' || t.name === 'i32')) return `${t.name}(${v})`;
    if (t.k === 'str' && t.spelled === 'string') return quote(v as string);
    if (t.k === 'string') return quote((v as VString).s);
    if (t.k === 'any') return this.debug((v as { v: unknown }).v, (v as { t: number }).t, limit);
    return this.fmt(v, td, false, limit);
  }

}

export function quote(s: string): string {
  return '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r') + '"';
}

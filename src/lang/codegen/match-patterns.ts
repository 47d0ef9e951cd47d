// A match arm's pattern as a JS test that binds as it goes (stmts.ts matchArm), and the record
// of where each binding was taken from, for the arms that take bindings out of the subject
// (match-subject.ts).
import type * as ast from '../syntax/ast';
import type { Type } from '../sema/types';
import { subst } from '../sema/types';
import type { LocalInfo } from '../sema/typed';
import type { ModuleCtx } from './context';
import type { E } from './expr';
import { unsupported } from './expr';
import { localName, derefAll } from './names';
import { RT } from './rt-names';
import { fieldNamed } from '../sema/field-named';
import { bindingVariant, checkedPattern, fieldPattern, localOf } from '../sema/tables';

/** What the emitter offers patterns (a view of FnEmitter). */
export interface PatternHost {
  m: ModuleCtx;
  val(e: E): string;
  tmp(): string;
  variantIndex(t: Type, name: string): number;
  /** Bindings of a flat box field (context.ts flatBoxes): the local holds the enum object. */
  readonly flatLocals: Map<number, number>;
}

/** A match binding and where its value was taken from (matchValue moves parts out on arm entry). */
export type Bound =
  | { local: LocalInfo; how: 'whole' }
  | { local: LocalInfo; how: 'place'; place: string }
  | { local: LocalInfo; how: 'flat'; j: number }
  /** a flat box field bound as a view (collections.ts VBoxView: in an or-pattern, or `mut`) */
  | { local: LocalInfo; how: 'view' }
  /** an or-pattern's variable: `sel` holds the index of the alternative that matched */
  | { local: LocalInfo; how: 'alts'; sel: string; alts: (Bound | null)[] };
const substEnv = (t: Type, env: Map<string, Type>) => subst(t, env);

/** Boolean JS expression testing `p` against `v` (of type t), assigning bindings as it goes
 *  (their names join `binds`). `bound` (matching an owned value): collects each binding and where
 *  it was taken from. `root`: p is the whole subject's pattern; `inOr`: p is inside an or-pattern. */
export function pattern(h: PatternHost, p: ast.Pattern, v: string, t: Type, binds: Set<string>, bound: Bound[] | null = null, root = false, inOr = false): string {
  p = checkedPattern(p);
  t = derefAll(t);
  switch (p.kind) {
    case 'wild': return 'true';
    case 'literal': {
      const lit = h.val(p.value);
      if (t.k === 'builtin' && t.name === 'String') return `(${v}.s === ${lit})`;
      return `(${v} === ${lit})`;
    }
    case 'binding': {
      const vi = bindingVariant(p) != null ? h.variantIndex(t, p.name) : -1;
      if (vi >= 0) return `(${v}.t === ${vi})`;
      if (!localOf(p)) {
        const i = h.variantIndex(t, p.name);
        if (i >= 0) return `(${v}.t === ${i})`;
        return unsupported(`pattern binding ${p.name}`);
      }
      const n = localName(localOf(p)!.name, localOf(p)!.id);
      binds.add(n);
      bound?.push(root ? { local: localOf(p)!, how: 'whole' } : { local: localOf(p)!, how: 'place', place: v });
      return `(${n} = ${v}, true)`;
    }
    case 'variant': {
      const name = p.path[p.path.length - 1];
      const i = h.variantIndex(t, name);
      if (i < 0 || t.k !== 'enum') return unsupported(`variant pattern ${p.path.join('.')}`);
      const vr = t.info.variants[i];
      const env = new Map<string, Type>();
      t.info.generics.forEach((g, j) => { if (t.args[j]) env.set(t.info.name + '.' + g, t.args[j]); });
      const parts = [`${v}.t === ${i}`];
      const flat = h.m.flatBoxes(t.info)[i];
      (p.args ?? []).forEach((sub, j) => {
        const ft = vr.fields[j] ? substEnv(vr.fields[j], env) : { k: 'error' } as Type;
        // a binding of a flat box field holds the enum object (flatLocals), or in an or-pattern
        // (one local there may stand for different fields) or `mut`, a view sharing the enum's
        // box (collections.ts VBoxView); either becomes a box of its own if the arm moves it out
        const bl = flat[j] && sub.kind === 'binding' && h.variantIndex(ft, sub.name) < 0 ? localOf(sub) : undefined;
        if (bl) {
          const n = localName(bl.name, bl.id);
          binds.add(n);
          if (!inOr && !bl.mut) {
            h.flatLocals.set(bl.id, j);
            bound?.push({ local: bl, how: 'flat', j });
            parts.push(`(${n} = ${v}, true)`);
          } else {
            bound?.push({ local: bl, how: 'view' });
            parts.push(`(${n} = new $BV(${v}, ${j}), true)`);
          }
          return;
        }
        const sp = flat[j] ? pattern(h, sub, `new $BV(${v}, ${j})`, ft, binds, null, false, inOr) : pattern(h, sub, `${v}.a${j}`, ft, binds, bound, false, inOr);
        if (sp !== 'true') parts.push(sp);
      });
      return `(${parts.join(' && ')})`;
    }
    case 'struct': {
      if (t.k !== 'struct') return unsupported('struct pattern');
      const parts: string[] = [];
      for (const f of p.fields) {
        const fd = fieldNamed(t.info.fields, f.name);
        const env = new Map<string, Type>();
        t.info.generics.forEach((g, j) => { if (t.args[j]) env.set(t.info.name + '.' + g, t.args[j]); });
        const ft = fd ? substEnv(fd.type, env) : ({ k: 'error' } as Type);
        const fp = fieldPattern(f);
        if (fp) {
          const sp = pattern(h, fp, `${v}.f_${f.name}`, ft, binds, bound, false, inOr);
          if (sp !== 'true') parts.push(sp);
        }
      }
      return parts.length ? `(${parts.join(' && ')})` : 'true';
    }
    case 'tuple': {
      if (t.k !== 'tuple') return unsupported('tuple pattern');
      const parts = p.elems.map((el, i) => pattern(h, el, `${v}[${i}]`, t.elems[i], binds, bound, false, inOr)).filter((x) => x !== 'true');
      return parts.length ? `(${parts.join(' && ')})` : 'true';
    }
    case 'array': {
      const et = t.k === 'array' ? t.elem : t.k === 'slice' ? t.elem : t.k === 'builtin' ? t.args[0] : ({ k: 'error' } as Type);
      // a slice is a view (VSlice: a, off, len); arrays and a Vec's elements are plain storage
      const n = p.elems.length;
      const arr = t.k === 'builtin' || t.k === 'slice' ? `${v}.a` : v;
      const off = t.k === 'slice' ? `${v}.off + ` : '';
      const len = t.k === 'slice' ? `${v}.len` : `${arr}.length`;
      const parts = [p.rest ? `${len} >= ${n}` : `${len} === ${n}`];
      p.elems.forEach((el, i) => { const sp = pattern(h, el, `${arr}[${off}${i}]`, et, binds, bound, false, inOr); if (sp !== 'true') parts.push(sp); });
      // `...rest` borrows the remaining elements as a slice (nothing moves out)
      const rest = p.rest ? localOf(p.rest) : undefined;
      if (rest) {
        const rn = localName(rest.name, rest.id);
        binds.add(rn);
        parts.push(`(${rn} = new ${RT.VSlice}(${arr}, ${off}${n}, ${len} - ${n}), true)`);
      }
      return `(${parts.join(' && ')})`;
    }
    case 'or': {
      let alts: string[];
      if (bound) {
        // records which alternative matched, so a moved-out variable is taken from its place
        const sel = h.tmp(), per: Bound[][] = p.alts.map(() => []);
        alts = p.alts.map((a, i) => `(${pattern(h, a, v, t, binds, per[i], root, true)} && (${sel} = ${i}, true))`);
        const locals = [...new Set(per.flat().map((b) => b.local))];
        for (const l of locals) bound.push({ local: l, how: 'alts', sel, alts: per.map((b) => b.find((x) => x.local === l) ?? null) });
      } else alts = p.alts.map((a) => pattern(h, a, v, t, binds, null, false, true));
      return `(${alts.join(' || ')})`;
    }
  }
}

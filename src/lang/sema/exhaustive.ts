// Match exhaustiveness through nested patterns (the classic "usefulness" recursion over a pattern
// matrix): `Some(Some(x)), Some(None), None` is exhaustive; `Some(Some(x)), None` is not, and the
// witness `Some(None)` says what is missing. Enums, bool, tuples and structs have finitely many
// constructors (a struct one, its fields the sub-patterns); every other type (ints, strings,
// arrays) is covered only by an irrefutable pattern. A step budget bounds the work on hostile input: then the match is taken
// as exhaustive and recorded in `undecidedMatches`, where codegen adds a panic for a value no arm
// matches (it fell out of the match with no value: `undefined` reached the program).
import type * as ast from '../syntax/ast';
import { subst, type Type } from './types';
import { OPTION, RESULT } from './prelude';
import { bindingVariant, checkSet, fieldPattern, resolvedOf } from './tables';

/** missingPattern's answer when its budget ran out before it could decide. */
export const UNDECIDED = '\u0000undecided';
/** Matches whose exhaustiveness was not decided (codegen: a value no arm matches panics). */
export const undecidedMatches = checkSet<ast.Expr>();

type Row = ast.Pattern[];
interface Ctor { key: string; fields: Type[]; show: (subs: string[]) => string; names?: string[] }

const WILD: ast.Pattern = { kind: 'wild', span: { file: '', start: 0, end: 0, line: 1, col: 1, endLine: 1, endCol: 1 } };

/** A pattern that is missing from `arms` (as Vex source, e.g. `Some(None)`), null when the arms
 *  cover every value of `t`, or UNDECIDED. `irrefutable` decides which patterns match everything. */
export function missingPattern(arms: ast.Pattern[], t: Type, irrefutable: (p: ast.Pattern) => boolean): string | null {
  let budget = 20_000;
  const isWild = (p: ast.Pattern) => p.kind !== 'or' && irrefutable(p);

  const missing = (rows: Row[], tys: Type[]): string[] | null => {
    if (--budget < 0) return null;
    if (tys.length === 0) return rows.length ? null : [];
    if (rows.length === 0) return tys.map(() => '_');
    rows = rows.flatMap(expandOr);
    const [t0, ...rest] = tys;
    const ctors = ctorsOf(t0);
    if (!ctors) {
      const m = missing(rows.filter((r) => isWild(r[0])).map((r) => r.slice(1)), rest);
      return m ? ['_', ...m] : null;
    }
    for (const c of ctors) {
      const spec: Row[] = [];
      for (const r of rows) {
        const s = isWild(r[0]) ? c.fields.map(() => WILD) : specialize(r[0], c);
        if (s) spec.push([...s, ...r.slice(1)]);
      }
      const m = missing(spec, [...c.fields, ...rest]);
      if (m) return [c.show(m.slice(0, c.fields.length)), ...m.slice(c.fields.length)];
    }
    return null;
  };
  const m = missing(arms.map((p) => [p]), [t]);
  if (budget < 0) return UNDECIDED;
  return m ? m[0] : null;
}

function expandOr(r: Row): Row[] {
  const h = r[0];
  return h && h.kind === 'or' ? h.alts.flatMap((a) => expandOr([a, ...r.slice(1)])) : [r];
}

function ctorsOf(t: Type): Ctor[] | null {
  if (t.k === 'ref') return ctorsOf(t.inner);
  if (t.k === 'bool') return [true, false].map((b) => ({ key: String(b), fields: [], show: () => String(b) }));
  if (t.k === 'tuple') return [{ key: 'tuple', fields: t.elems, show: (s) => `(${s.join(', ')})` }];
  if (t.k === 'enum') {
    const info = t.info;
    const env = new Map<string, Type>();
    info.generics.forEach((g, i) => { if (t.args[i]) env.set(`${info.name}.${g}`, t.args[i]); });
    const prelude = info === OPTION || info === RESULT;
    return info.variants.map((v, i) => ({
      key: 'v' + i,
      fields: v.fields.map((f) => subst(f, env)),
      show: (s) => (prelude ? v.name : `${info.name}.${v.name}`) + (v.fields.length ? `(${s.join(', ')})` : ''),
    }));
  }
  if (t.k === 'struct' && !t.info.isUnion) {
    // one constructor: `W { inner: Some(x), k }` and `W { inner: None, k }` cover W together
    const info = t.info;
    const env = new Map<string, Type>();
    info.generics.forEach((g, i) => { if (t.args[i]) env.set(`${info.name}.${g}`, t.args[i]); });
    return [{
      key: 'struct:' + info.name,
      fields: info.fields.map((f) => subst(f.type, env)),
      names: info.fields.map((f) => f.name),
      show: (s) => `${info.name} { ${info.fields.map((f, i) => `${f.name}: ${s[i]}`).join(', ')} }`,
    }];
  }
  return null;
}

/** The sub-patterns of `p` when it matches constructor `c` (padded with wildcards), else null.
 *  Patterns that name no constructor of a finite type (ints, strings, refutable structs) match
 *  none, so only wildcards cover those values. */
function specialize(p: ast.Pattern, c: Ctor): ast.Pattern[] | null {
  const pad = (subs: ast.Pattern[]) => c.fields.map((_, i) => subs[i] ?? WILD);
  switch (p.kind) {
    case 'binding': {
      const v = bindingVariant(p) as { variant: number } | undefined;
      return v && c.key === 'v' + v.variant ? pad([]) : null;
    }
    case 'variant': {
      const r = resolvedOf(p) as { variant: number } | undefined;
      return r && c.key === 'v' + r.variant ? pad(p.args ?? []) : null;
    }
    case 'literal':
      return p.value.kind === 'bool' && c.key === String(p.value.value) ? [] : null;
    case 'tuple':
      return c.key === 'tuple' ? pad(p.elems) : null;
    case 'struct': {
      // fields left out match anything
      if (!c.names) return null;
      const subs = c.fields.map(() => WILD);
      for (const f of p.fields) {
        const i = c.names.indexOf(f.name), fp = fieldPattern(f);
        if (i >= 0 && fp) subs[i] = fp;
      }
      return subs;
    }
    default:
      return null;
  }
}

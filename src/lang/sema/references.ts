// Find references (editor): every place a file names a symbol the checker resolved, keyed by the
// symbol's declaration site, never by its spelling. A key is "what + file:offset of the declared
// name", so the same function seen from two files (a standard-module item today, an item of another
// tab once imports between tabs resolve) has one key however each file was checked, while two
// files' own `helper`s stay distinct. Works on the error-recovered AST: a file with errors still
// has occurrences for everything the checker could resolve. Never throws.
import type * as ast from '../syntax/ast';
import type { Span } from '../span';
import { analyzeText } from './analysis';
import type { Ctx } from './context';
import type { FnInfo, LocalInfo } from './typed';
import type { Type, StructInfo, EnumInfo } from './types';
import { derefAll, unboxAll } from './methods';
import { bindingVariant, callTarget, checkedNode, exprInfo, fnInfoOf, nameRes, resolvedOf, shorthandBindings, withTables } from './tables';

export interface SourceText { name: string; text: string }

/** One mention of a symbol: `decl` for the declaration itself. */
export interface Occurrence { key: string; span: Span; decl: boolean }

export interface Analyzed { program: ast.Program; cx: Ctx; text: string }

export function analyzeFile(file: string, text: string): Analyzed {
  const { program, cx } = analyzeText(file, text);
  return { program, cx, text };
}

const at = (s: Span) => `${s.file}:${s.start}`;
const declNameSpan = (d: unknown): Span | null => (d && typeof d === 'object' && 'nameSpan' in d ? (d as { nameSpan: Span }).nameSpan : null);

export const localKey = (l: LocalInfo) => `local@${at(l.span)}`;
function fnKey(f: FnInfo): string {
  return f.decl ? `fn@${at(f.decl.nameSpan)}` : `prelude-fn@${f.name}`;
}
function typeKeyOf(info: StructInfo | EnumInfo): string {
  const s = declNameSpan(info.decl);
  return s ? `type@${at(s)}` : `prelude-type@${info.name}`;
}
function typeKey(t: Type): string | null {
  if (t.k === 'struct' || t.k === 'enum') return typeKeyOf(t.info);
  if (t.k === 'builtin') return `prelude-type@${t.name}`;
  return null;
}
function variantKey(info: EnumInfo, index: number): string {
  return `variant@${typeKeyOf(info)}#${info.variants[index]?.name ?? index}`;
}
const fieldKey = (info: StructInfo, name: string) => `field@${typeKeyOf(info)}#${name}`;

/** Annotations that point back into the tree or at checker records: not children to walk. */
const SKIP = new Set(['span', 'nameSpan', 'info', 'res', 'local', 'variant', 'resolved', 'decl', 'lowered', 'moduleSpan']); // + a call's `target`

/** Every occurrence of a resolved symbol in the analysed file (standard-module items excluded). */
export function occurrences(a: Analyzed): Occurrence[] {
  return withTables(a.cx.tables, () => occurrencesIn(a));
}

function occurrencesIn(a: Analyzed): Occurrence[] {
  const { program, cx, text } = a;
  const file = program.file;
  const out: Occurrence[] = [];
  const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;
  const wordAt = (start: number): Span | null => {
    WORD.lastIndex = start;
    const m = WORD.exec(text);
    return m ? spanOf(start, start + m[0].length) : null;
  };
  const lines: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines.push(i + 1);
  const pos = (off: number) => {
    let lo = 0, hi = lines.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (lines[mid] <= off) lo = mid; else hi = mid - 1; }
    return { line: lo + 1, col: off - lines[lo] + 1 };
  };
  const spanOf = (start: number, end: number): Span => {
    const p = pos(start), q = pos(end);
    return { file, start, end, line: p.line, col: p.col, endLine: q.line, endCol: q.col };
  };
  const add = (key: string | null, span: Span | null, decl = false) => {
    if (key && span && span.file === file && span.end > span.start) out.push({ key, span, decl });
  };
  /** The word of `name` inside `span` (its last occurrence: `Shape.Circle(r)` -> `Circle`). */
  const wordIn = (span: Span, name: string): Span | null => {
    const src = text.slice(span.start, span.end);
    const re = new RegExp(`(?<![A-Za-z0-9_])${name}(?![A-Za-z0-9_])`, 'g');
    let found = -1;
    for (let m = re.exec(src); m; m = re.exec(src)) { found = m.index; if (src[m.index + name.length] === '(' || src[m.index + name.length] === '{') break; }
    return found < 0 ? null : spanOf(span.start + found, span.start + found + name.length);
  };
  const namedType = (name: string, generics: Map<string, Span>): string | null => {
    const g = generics.get(name);
    if (g) return `generic@${at(g)}`;
    const s = cx.structs.get(name) ?? cx.enums.get(name);
    if (s) return typeKeyOf(s);
    const c = cx.contracts.get(name);
    if (c) return c.decl ? `type@${at(c.decl.nameSpan)}` : `prelude-type@${name}`;
    const al = cx.aliases.get(name);
    if (al) return `type@${at(al.nameSpan)}`;
    return null;
  };
  const contractMethodKey = (contract: string, method: string): string | null => {
    const c = cx.contracts.get(contract);
    const m = c?.decl?.methods.find((x) => x.name === method);
    return m ? `fn@${at(m.nameSpan)}` : `contract-method@${contract}.${method}`;
  };
  const identKey = (e: ast.ExprOf<'ident'>): string | null => {
    const r = nameRes(e);
    switch (r?.k) {
      case 'local': return localKey(r.local);
      case 'fn': return fnKey(r.fn);
      case 'const': case 'tls': return `item@${at(r.decl.nameSpan)}`;
      case 'extern': return `item@${at(r.fn.decl.nameSpan)}`;
      case 'variant': return r.enumType.k === 'enum' ? variantKey(r.enumType.info, r.variant) : null;
      case 'builtin-fn': return `builtin@${r.name}`;
      case 'builtin-const': return `builtin@${r.name}`;
      case 'type': return typeKey(r.type);
      default: return null;
    }
  };
  /** The written name of an identifier: a standard module's `m.sqrt` was rewritten to one ident. */
  const identSpan = (e: ast.ExprOf<'ident'>): Span | null => {
    const src = text.slice(e.span.start, e.span.end);
    if (e.name.includes('·') && src.includes('.')) {
      const m = /([A-Za-z_][A-Za-z0-9_]*)\s*(<.*)?$/s.exec(src);
      if (m) return spanOf(e.span.start + m.index, e.span.start + m.index + m[1].length);
    }
    return wordAt(e.span.start);
  };
  const handled = new Set<object>();

  const visit = (n: unknown, generics: Map<string, Span>): void => {
    if (!n || typeof n !== 'object' || handled.has(n)) return;
    if (Array.isArray(n)) { for (const x of n) visit(x, generics); return; }
    handled.add(n);
    const o = checkedNode(n) as Record<string, unknown> & { kind?: string; span?: Span };
    if (o.span && o.span.file !== file) return; // standard-module items appended by the checker
    let g = generics;
    const withGenerics = (list: ast.GenericParam[] | undefined) => {
      if (!list?.length) return;
      g = new Map(g);
      for (const p of list) { g.set(p.name, p.span); add(`generic@${at(p.span)}`, wordAt(p.span.start), true); }
    };
    switch (o.kind) {
      case 'fn': {
        const d = o as unknown as ast.FnDecl;
        if (!d.nameSpan) break; // a fn type expression
        withGenerics(d.owner?.generics);
        withGenerics(d.generics);
        const info = fnInfoOf(d) as FnInfo | undefined;
        add(info ? fnKey(info) : `fn@${at(d.nameSpan)}`, d.nameSpan, true);
        if (d.owner) add(namedType(d.owner.name, g), wordAt(d.owner.span.start));
        break;
      }
      case 'struct': {
        if (!('nameSpan' in o)) { // a struct pattern `Point { x, y }`
          const p = o as unknown as Extract<ast.Pattern, { kind: 'struct' }>;
          const s = cx.structs.get(p.name);
          add(namedType(p.name, g), wordAt(p.span.start));
          if (s) for (const f of p.fields) add(fieldKey(s, f.name), wordAt(f.span.start));
          break;
        }
        const d = o as unknown as ast.StructDecl;
        withGenerics(d.generics);
        const s = cx.structs.get(d.name);
        add(s ? typeKeyOf(s) : `type@${at(d.nameSpan)}`, d.nameSpan, true);
        if (s) for (const f of d.fields) add(fieldKey(s, f.name), f.nameSpan, true);
        for (const i of d.impls) add(namedType(i.name, g), wordAt(i.span.start));
        break;
      }
      case 'enum': {
        const d = o as unknown as ast.EnumDecl;
        withGenerics(d.generics);
        const en = cx.enums.get(d.name);
        add(en ? typeKeyOf(en) : `type@${at(d.nameSpan)}`, d.nameSpan, true);
        if (en) d.variants.forEach((v, i) => add(variantKey(en, i), wordAt(v.span.start), true));
        break;
      }
      case 'contract': {
        const d = o as unknown as ast.ContractDecl;
        withGenerics(d.generics);
        add(`type@${at(d.nameSpan)}`, d.nameSpan, true);
        break;
      }
      case 'type': {
        const d = o as unknown as ast.TypeAliasDecl;
        if (d.nameSpan) { withGenerics(d.generics); add(`type@${at(d.nameSpan)}`, d.nameSpan, true); }
        break;
      }
      case 'const': case 'thread-local': {
        const d = o as unknown as ast.ConstDecl;
        add(`item@${at(d.nameSpan)}`, d.nameSpan, true);
        break;
      }
      case 'extern':
        for (const f of (o as unknown as ast.ExternBlock).fns) add(`item@${at(f.nameSpan)}`, f.nameSpan, true);
        break;
      case 'named': {
        const t = o as unknown as Extract<ast.TypeExpr, { kind: 'named' }>;
        add(namedType(t.name, g) ?? (/^[A-Z]/.test(t.name) ? `prelude-type@${t.name}` : null), wordAt(t.span.start));
        break;
      }
      case 'ident': {
        const e = o as unknown as ast.ExprOf<'ident'>;
        add(identKey(e), identSpan(e));
        break;
      }
      case 'call': {
        const e = o as unknown as ast.ExprOf<'call'>;
        const c = e.callee, t = callTarget(e);
        if (c.kind === 'member' && t) {
          let key: string | null = null;
          if (t.k === 'fn' || t.k === 'method') key = fnKey(t.fn);
          else if (t.k === 'builtin-method' || t.k === 'builtin-static') key = `builtin-method@${t.owner}.${t.method}`;
          else if (t.k === 'variant' && t.enumType.k === 'enum') key = variantKey(t.enumType.info, t.variant);
          else if (t.k === 'contract-method') key = contractMethodKey(t.contract, t.method);
          if (key) { add(key, c.nameSpan); handled.add(c); visit(c.object, g); }
        }
        break;
      }
      case 'member': {
        const e = o as unknown as ast.ExprOf<'member'>;
        const ot = exprInfo(e.object)?.type;
        if (ot?.k === 'enum' && e.object.kind === 'ident' && nameRes(e.object)?.k === 'type') {
          const vi = ot.info.variants.findIndex((v) => v.name === e.name);
          if (vi >= 0) add(variantKey(ot.info, vi), e.nameSpan);
          break;
        }
        let st = ot ? unboxAll(ot) : null;
        if (st?.k === 'ptr') st = derefAll(st.inner);
        if (st?.k === 'struct') add(fieldKey(st.info, e.name), e.nameSpan);
        break;
      }
      case 'struct-lit': {
        const e = o as unknown as ast.ExprOf<'struct-lit'>;
        add(namedType(e.name, g), e.nameSpan);
        const et = exprInfo(e)?.type;
        const st = et?.k === 'struct' ? et.info : cx.structs.get(e.name);
        if (st) for (const f of e.fields) add(fieldKey(st, f.name), wordAt(f.span.start));
        break;
      }
      case 'variant': {
        const p = o as unknown as Extract<ast.Pattern, { kind: 'variant' }>;
        const r = resolvedOf(p) as { enumType: Type; variant: number } | undefined;
        if (r?.enumType.k === 'enum') {
          add(variantKey(r.enumType.info, r.variant), wordIn(p.span, p.path[p.path.length - 1]));
          if (p.path.length > 1) add(namedType(p.path[0], g), wordAt(p.span.start));
        }
        break;
      }
      case 'binding': {
        const p = o as unknown as Extract<ast.Pattern, { kind: 'binding' }>;
        const v = bindingVariant(p) as { enumType: Type; variant: number } | undefined;
        if (v?.enumType.k === 'enum') add(variantKey(v.enumType.info, v.variant), wordAt(p.span.start));
        break;
      }
    }
    if (o.kind === 'fn' || o.kind === 'struct' || o.kind === 'enum' || o.kind === 'contract' || o.kind === 'type') {
      // bounds `T: Named` and where clauses `where T: Named`
      for (const p of (o.generics as ast.GenericParam[] | undefined) ?? []) for (const b of p.bounds) add(namedType(b.name, g), wordAt(b.span.start));
      for (const w of (o.where as ast.WhereClause[] | undefined) ?? []) {
        const k = g.get(w.param);
        if (k) add(`generic@${at(k)}`, wordAt(w.span.start));
        for (const b of w.bounds) add(namedType(b.name, g), wordAt(b.span.start));
      }
    }
    for (const k in o) if (!SKIP.has(k) && !(k === 'target' && o.kind === 'call')) visit(o[k], g);
    visit(shorthandBindings(o), g);
  };
  visit(program.items, new Map());

  // Declarations of locals (parameters, `let`, closure parameters, loop variables, bindings).
  for (const l of cx.allLocals) {
    if (l.span.file !== file) continue;
    const lead = /^[^A-Za-z_]*/.exec(text.slice(l.span.start, l.span.end))![0].length; // `(p: &T)`
    const w = wordAt(l.span.start + lead);
    if (w && text.slice(w.start, w.end) === l.name) add(localKey(l), w, true);
  }
  // An imported name stands for the item its uses resolve to (declared in another file).
  for (const it of program.items) {
    if (it.kind !== 'import') continue;
    for (const n of it.names) {
      const local = n.alias ?? n.name;
      const use = out.find((x) => !x.decl && !x.key.startsWith('local@') && text.slice(x.span.start, x.span.end) === local && declFile(x.key) !== file);
      if (use) add(use.key, wordAt(n.span.start));
    }
  }
  return dedupe(out);
}

/** The file a key's declaration is in (null for prelude and builtin keys). */
function declFile(key: string): string | null {
  const m = /^[a-z-]+@(.*):\d+(#.*)?$/.exec(key);
  return m ? m[1] : null;
}

function dedupe(xs: Occurrence[]): Occurrence[] {
  const seen = new Map<string, Occurrence>();
  for (const x of xs) {
    const k = `${x.key} ${x.span.start}`;
    const had = seen.get(k);
    if (!had || (x.decl && !had.decl)) seen.set(k, x);
  }
  return [...seen.values()].sort((a, b) => a.span.start - b.span.start);
}

/** The occurrence under `offset`: the narrowest one containing it, else one ending there (the
 *  cursor just after a name). */
export function occurrenceAt(occ: Occurrence[], offset: number): Occurrence | null {
  const narrowest = (xs: Occurrence[]) => xs.reduce<Occurrence | null>((b, o) => (!b || o.span.end - o.span.start < b.span.end - b.span.start ? o : b), null);
  return narrowest(occ.filter((o) => o.span.start <= offset && offset < o.span.end)) ?? narrowest(occ.filter((o) => o.span.end === offset));
}

export interface ReferenceResult { key: string; locations: (Span & { decl: boolean })[] }

/** Every reference to the symbol at `offset` in `file`, in all `files` of the program (file
 *  order, then position). A local can only be named in its own file; other symbols may be named
 *  from any file whose check resolves to the same declaration. Null when nothing resolved is there. */
export function referencesAt(files: SourceText[], file: string, offset: number, includeDeclaration = true): ReferenceResult | null {
  try {
    const here = files.find((f) => f.name === file);
    if (!here) return null;
    const own = occurrences(analyzeFile(here.name, here.text));
    const target = occurrenceAt(own, offset);
    if (!target) return null;
    const locations: ReferenceResult['locations'] = [];
    for (const f of files) {
      let occ: Occurrence[];
      if (f.name === file) occ = own;
      else if (target.key.startsWith('local@')) continue; // a local is never named from another file
      else occ = occurrences(analyzeFile(f.name, f.text)); // (by any spelling: an import may rename it)
      for (const o of occ) if (o.key === target.key && (includeDeclaration || !o.decl)) locations.push({ ...o.span, decl: o.decl });
    }
    return { key: target.key, locations };
  } catch {
    return null;
  }
}

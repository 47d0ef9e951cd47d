// Document symbols (the editor's outline, Ctrl+Shift+O): the file's items with their members —
// fields, variants, inline and Go-style methods and static methods nested under their type when
// the type is declared in the same file. From the error-recovered AST, so a file with errors still
// has an outline; details (signatures, types) come from the checker where it got that far.
import type * as ast from '../syntax/ast';
import type { Span } from '../span';
import { analyzeFile } from './references';
import { fnSignature } from './query';
import { displayName } from './module-names';
import type { FnInfo } from './typed';
import { typeName } from './types';
import type { Ctx } from './context';
import { fnInfoOf, tablesInUse, useTables } from './tables';
import { fieldNamed } from './field-named';

export type SymbolKind = 'function' | 'method' | 'struct' | 'enum' | 'contract' | 'field' | 'variant' | 'constant' | 'type' | 'variable';

export interface DocSymbol {
  name: string;
  kind: SymbolKind;
  detail: string;
  range: Span; // the whole declaration
  selection: Span; // its name
  children: DocSymbol[];
}

export function documentSymbols(file: string, text: string): DocSymbol[] {
  const outer = tablesInUse();
  try {
    const { program, cx } = analyzeFile(file, text);
    useTables(cx.tables);
    const out: DocSymbol[] = [];
    const byType = new Map<string, DocSymbol>();
    const sym = (name: string, kind: SymbolKind, detail: string, range: Span, selection: Span): DocSymbol => ({ name, kind, detail, range, selection, children: [] });
    const fnDetail = (d: ast.FnDecl) => {
      const f = fnInfoOf(d) as FnInfo | undefined;
      return f ? displayName(fnSignature(f)) : '';
    };
    const items = program.items.filter((it) => it.span.file === file);
    for (const it of items) {
      switch (it.kind) {
        case 'struct': {
          const s = sym(it.name, 'struct', it.isUnion ? 'union' : 'struct', it.span, it.nameSpan);
          const info = cx.structs.get(it.name);
          for (const f of it.fields) {
            const t = (info ? fieldNamed(info.fields, f.name)?.type : undefined);
            s.children.push(sym(f.name, 'field', t ? typeName(t) : '', f.span, f.nameSpan));
          }
          for (const m of it.methods) s.children.push(sym(m.name, 'method', fnDetail(m), m.span, m.nameSpan));
          byType.set(it.name, s);
          out.push(s);
          break;
        }
        case 'enum': {
          const e = sym(it.name, 'enum', 'enum', it.span, it.nameSpan);
          for (const v of it.variants) e.children.push(sym(v.name, 'variant', variantDetail(cx, it.name, v.name), v.span, nameSpanIn(v.span, v.name, text)));
          byType.set(it.name, e);
          out.push(e);
          break;
        }
        case 'contract': {
          const c = sym(it.name, 'contract', 'contract', it.span, it.nameSpan);
          for (const m of it.methods) c.children.push(sym(m.name, 'method', contractMethodText(m, text), m.span, m.nameSpan));
          byType.set(it.name, c);
          out.push(c);
          break;
        }
        case 'const': {
          const c = cx.consts.get(it.name);
          out.push(sym(it.name, 'constant', c ? typeName(c.type) : '', it.span, it.nameSpan));
          break;
        }
        case 'type': out.push(sym(it.name, 'type', 'type alias', it.span, it.nameSpan)); break;
        case 'thread-local': {
          const t = cx.tls.get(it.name);
          out.push(sym(it.name, 'variable', `thread_local${t ? ' ' + typeName(t.type) : ''}`, it.span, it.nameSpan));
          break;
        }
        case 'extern':
          for (const f of it.fns) out.push(sym(f.name, 'function', 'extern "C"', f.span, f.nameSpan));
          break;
        default: break;
      }
    }
    // Functions last, so Go-style and static methods find their type wherever it is declared.
    for (const it of items) {
      if (it.kind !== 'fn') continue;
      const owner = it.owner?.name ?? receiverTypeName(it.receiver);
      const parent = owner ? byType.get(owner) : undefined;
      const f = sym(parent || !owner ? it.name : `${owner}.${it.name}`, owner ? 'method' : 'function', fnDetail(it), it.span, it.nameSpan);
      if (parent) parent.children.push(f);
      else out.push(f);
    }
    out.sort((a, b) => a.range.start - b.range.start);
    for (const s of out) s.children.sort((a, b) => a.range.start - b.range.start);
    return out;
  } catch {
    return [];
  } finally {
    useTables(outer);
  }
}

/** `Point` of a receiver `p: &Point!`, `self: Point<T>`. */
function receiverTypeName(r: ast.Receiver | null): string | null {
  let t: ast.TypeExpr | undefined = r?.type;
  while (t && (t.kind === 'ref' || t.kind === 'ptr')) t = t.inner;
  return t?.kind === 'named' ? t.name : null;
}

function variantDetail(cx: Ctx, en: string, v: string): string {
  const info = cx.enums.get(en)?.variants.find((x) => x.name === v);
  return info?.fields.length ? `(${info.fields.map(typeName).join(', ')})` : '';
}

/** A contract method's signature as written (it has no checker record). */
function contractMethodText(m: ast.FnDecl, text: string): string {
  const end = m.body ? m.body.span.start : m.span.end;
  return text.slice(m.span.start, end).replace(/\s+/g, ' ').replace(/[;{ ]+$/, '');
}

function nameSpanIn(span: Span, name: string, text: string): Span {
  const i = text.indexOf(name, span.start);
  if (i < 0 || i > span.end) return span;
  return { ...span, start: i, end: i + name.length, col: span.col + (i - span.start), endLine: span.line, endCol: span.col + (i - span.start) + name.length };
}

// Go to definition (F12 / Ctrl+click) across tabs: the declaration of the name under the cursor —
// a local, function, method, static method, const, thread-local, struct/enum/contract/alias, a
// field, an enum variant, a name in an `import { … }` list, or the module path of an import
// (the top of that tab). The program is linked from the queried tab (modules.ts), so a name
// imported from another tab resolves to its declaration there. Never throws.
import type * as ast from '../syntax/ast';
import { parse } from '../syntax/parser';
import { analyzeText } from './analysis';
import type { Ctx } from './context';
import type { Type } from './types';
import { linkProgram, resolveModulePath, type ModuleFile } from './modules';
import { operatorUse } from './operator-at';
import { contractMethod, defaultBodyCopies } from './contract-at';
import { callTarget, checkedNode, exprInfo, nameRes, resolvedOf, shorthandBindings, tablesInUse, useTables } from './tables';

export interface DefinitionLocation {
  file: string;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

const SKIP = new Set(['info', 'res', 'target', 'local', 'variant', 'resolved', 'span', 'nameSpan', 'moduleSpan', 'decl']);
const loc = (s: ast.Span): DefinitionLocation => ({ file: s.file, line: s.line, col: s.col, endLine: s.endLine, endCol: s.endCol });
const within = (s: ast.Span | undefined, file: string, off: number) => !!s && s.file === file && s.start <= off && off <= s.end;

export function definitionAt(files: readonly ModuleFile[], file: string, offset: number): DefinitionLocation | null {
  const outer = tablesInUse();
  try {
    const me = files.find((f) => f.name === file);
    if (!me) return null;
    const fromImport = importDefinition(files, me, offset);
    if (fromImport !== undefined) return fromImport;
    const linked = analyzeText(file, me.text, files);
    const { cx } = linked;
    useTables(cx.tables);
    let best: { size: number; at: ast.Span | null } | null = null;
    const offer = (span: ast.Span | undefined, at: ast.Span | null | undefined) => {
      if (!at || !within(span, file, offset)) return; // nodes without a declaration leave the choice to others
      const size = span!.end - span!.start;
      if (!best || size <= best.size) best = { size, at: at ?? null };
    };
    const visit = (n: unknown): void => {
      if (!n || typeof n !== 'object') return;
      if (Array.isArray(n)) { for (const x of n) visit(x); return; }
      const node = checkedNode(n) as Record<string, unknown> & { span?: ast.Span; kind?: string };
      if (node.span && node.span.file !== '' && !within(node.span, file, offset)) return;
      target(cx, node, offer);
      for (const k of Object.keys(node)) if (!SKIP.has(k) && !(k === 'target' && node.kind === 'call')) visit(node[k]);
      visit(shorthandBindings(node));
      // `C.bump(c, 2)` is checked as `c.bump(2)`, whose callee span is `C.bump`: reach `c` too
      if (node !== n) visit((n as unknown as ast.ExprOf<'call'>).args[0]);
    };
    visit(linked.program.items.filter((it) => (it as { span: ast.Span }).span.file === file));
    visit(defaultBodyCopies(cx, file)); // a contract's default bodies are checked on copies
    const at = (best as { at: ast.Span | null } | null)?.at;
    return at && !at.file.startsWith('<std>') ? loc(at) : null;
  } catch {
    return null;
  } finally {
    useTables(outer);
  }
}

/** On an `import` line: the imported item's declaration, or the top of the imported tab.
 *  undefined when the offset is not on an import. */
function importDefinition(files: readonly ModuleFile[], me: ModuleFile, offset: number): DefinitionLocation | null | undefined {
  const { program } = parse(me.name, me.text);
  const tabs = new Set(files.map((f) => f.name));
  for (const it of program.items) {
    if (it.kind !== 'import' || !within(it.span, me.name, offset)) continue;
    const target = resolveModulePath(me.name, it.module, tabs);
    if (!target) return null;
    const top = { file: target, line: 1, col: 1, endLine: 1, endCol: 1 };
    if (within(it.moduleSpan, me.name, offset)) return top;
    const n = it.names.find((x) => within(x.span, me.name, offset));
    if (!n) return top;
    const linked = linkProgram(files, target);
    // Linked from the target, its own items keep their names; a re-exported one maps elsewhere.
    const global = linked.linked ? linked.scopes.get(target)?.names.get(n.name) : n.name;
    const decl = global ? declOf(linked.program, global) : null;
    return decl ? loc(decl) : top;
  }
  return undefined;
}

/** The name span of the top-level declaration called `global` in a linked program. */
function declOf(program: ast.Program, global: string): ast.Span | null {
  for (const it of program.items) {
    if (it.kind === 'fn' && !it.receiver && !it.owner && it.name === global) return it.nameSpan;
    if ((it.kind === 'struct' || it.kind === 'enum' || it.kind === 'contract' || it.kind === 'type' || it.kind === 'const' || it.kind === 'thread-local') && it.name === global) return it.nameSpan;
    if (it.kind === 'extern') for (const f of it.fns) if (f.name === global) return f.nameSpan;
  }
  return null;
}

function typeDecl(cx: Ctx, name: string): ast.Span | null {
  const d = (cx.structs.get(name)?.decl ?? cx.enums.get(name)?.decl ?? cx.contracts.get(name)?.decl ?? cx.aliases.get(name)) as { nameSpan?: ast.Span; span?: ast.Span } | null | undefined;
  return d?.nameSpan ?? d?.span ?? null;
}

function ofType(cx: Ctx, t: Type | undefined): Type | undefined {
  while (t && t.k === 'ref') t = t.inner;
  return t;
}

function fieldDecl(cx: Ctx, t: Type | undefined, name: string): ast.Span | null {
  const s = ofType(cx, t);
  if (s?.k !== 'struct') return null;
  const d = s.info.decl as ast.StructDecl | null;
  return d?.fields?.find((f) => f.name === name)?.nameSpan ?? null;
}

function variantDecl(t: Type, index: number): ast.Span | null {
  if (t.k !== 'enum') return null;
  const d = t.info.decl as ast.EnumDecl | null;
  return d?.variants[index]?.span ?? null;
}

type Offer = (span: ast.Span | undefined, at: ast.Span | null | undefined) => void;

function target(cx: Ctx, n: Record<string, unknown> & { span?: ast.Span; kind?: string }, offer: Offer): void {
  const e = n as unknown as ast.Expr;
  const op = operatorUse(n);
  if (op) for (const s of op.spans) offer(s, op.fn.decl?.nameSpan);
  switch (n.kind) {
    case 'ident': {
      const r = nameRes((e as ast.ExprOf<'ident'>));
      if (r?.k === 'local') offer(e.span, r.local.span);
      else if (r?.k === 'fn') offer(e.span, r.fn.decl?.nameSpan);
      else if (r?.k === 'const' || r?.k === 'tls') offer(e.span, r.decl.nameSpan);
      else if (r?.k === 'extern') offer(e.span, (r.fn as { decl?: { nameSpan?: ast.Span } }).decl?.nameSpan);
      else if (r?.k === 'variant') offer(e.span, variantDecl(r.enumType, r.variant));
      else if (r?.k === 'type') { const t = ofType(cx, r.type); if (t && (t.k === 'struct' || t.k === 'enum')) offer(e.span, typeDecl(cx, t.info.name)); }
      return;
    }
    case 'call': {
      const c = e as ast.ExprOf<'call'>;
      const t = callTarget(c);
      if (c.callee.kind === 'member' && (t?.k === 'method' || t?.k === 'fn')) offer(c.callee.nameSpan, t.fn.decl?.nameSpan);
      else if (c.callee.kind === 'member' && t?.k === 'variant') offer(c.callee.nameSpan, variantDecl(t.enumType, t.variant));
      else if (c.callee.kind === 'member' && t?.k === 'contract-method') offer(c.callee.nameSpan, contractMethod(cx, t.contract, t.method, t.isStatic)?.decl?.nameSpan);
      return;
    }
    case 'member': {
      const m = e as ast.ExprOf<'member'>;
      const r = nameRes(m) as { k: string; enumType?: Type; variant?: number } | undefined;
      if (r?.k === 'variant') offer(m.nameSpan, variantDecl(r.enumType!, r.variant!));
      else offer(m.nameSpan, fieldDecl(cx, exprInfo(m.object)?.type, m.name));
      return;
    }
    case 'struct-lit': {
      const s = e as ast.ExprOf<'struct-lit'>;
      offer(s.nameSpan, typeDecl(cx, s.name));
      for (const f of s.fields) offer({ ...f.span, end: f.span.start + f.name.length }, fieldDecl(cx, exprInfo(s)?.type, f.name));
      return;
    }
    case 'named': {
      const t = n as unknown as ast.TypeExpr & { kind: 'named' };
      offer(t.span, typeDecl(cx, t.name));
      return;
    }
    case 'fn': {
      const d = n as unknown as ast.FnDecl;
      if (d.owner) offer(d.owner.span, typeDecl(cx, d.owner.name));
      for (const w of d.where) for (const b of w.bounds) offer(b.span, typeDecl(cx, b.name));
      for (const g of d.generics) for (const b of g.bounds) offer(b.span, typeDecl(cx, b.name));
      return;
    }
    case 'struct': {
      const d = n as unknown as ast.StructDecl;
      for (const i of d.impls) offer(i.span, typeDecl(cx, i.name));
      return;
    }
    default:
      if ((n as { kind?: string }).kind === 'variant' && Array.isArray((n as { path?: unknown }).path)) {
        const p = n as unknown as ast.Pattern & { kind: 'variant'; resolved?: { enumType?: Type; variant?: number } };
        if (resolvedOf(p)?.enumType) offer(p.span, variantDecl(resolvedOf(p)!.enumType!, resolvedOf(p)!.variant ?? -1));
      }
  }
}

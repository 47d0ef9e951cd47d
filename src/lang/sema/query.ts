// Editor queries for Monaco: hover (`typeAt`) and completion (`completionsAt`). Both read the
// annotated (error-recovered) AST and the checker's tables of the current text (analysis.ts
// memoizes them across queries), so they work on code with errors. They never throw.
import { overloadSet } from './overloads';
import type * as ast from '../syntax/ast';
import { stdNamespace, stdModuleExports, stdModuleName } from './std-modules';
import { VEC_ITER_COMPLETION } from './std-veciter';
import { displayName, MODULE_SEP, type ModuleFile, type ModuleScope } from './modules';
import { STD_SEP } from './module-names';
import { analyzeAt, analyzeText, analysisAround } from './analysis';
import { KEYWORDS } from '../syntax/tokens';
import { subst, typeName, type Type } from './types';
import type { FnInfo, LocalInfo } from './typed';
import type { Ctx } from './context';
import { BUILTIN_CONSTS, BUILTIN_FNS, SPECIAL_FNS, isBuiltinFn, builtinMethodNames, builtinOwner, builtinMethod, builtinStatic, builtinStaticNames, PRELUDE_TYPE_NAMES, ownerGenerics, isAnyInt, SEQ_READ_ONLY, SEQ_TO_VEC } from './prelude';
import { derefAll, structArgsEnv } from './methods';
import { operatorUse } from './operator-at';
import { boundMethods, contractMethod, contractMethodText, defaultBodyCopies } from './contract-at';
import { isOperatorName } from './collect';
import { type LocalSite, callTarget, checkedNode, exprInfo, localOf, nameRes, shorthandBindings, tablesInUse, useTables } from './tables';
import { fieldNamed } from './field-named';

/** One completion the editor offers (the worker protocol carries it unchanged). */
export interface CompletionItem {
  label: string;
  kind: 'keyword' | 'function' | 'variable' | 'type' | 'field' | 'method' | 'constant' | 'builtin';
  detail?: string; // signature or type
}

const SKIP = new Set(['info', 'res', 'target', 'local', 'variant', 'resolved', 'span', 'nameSpan', 'moduleSpan', 'decl']);

function analyze(file: string, text: string, files?: readonly ModuleFile[]): { program: ast.Program; cx: Ctx; scope: ModuleScope | null } {
  return analyzeText(file, text, files);
}

// Spans of standard-module items (file `<std>/…`, std-modules.ts) are not positions in this file.
const inFile = (s: ast.Span | undefined, off: number) => !!s && s.start <= off && off <= s.end && !s.file.startsWith('<std>');

export function fnSignature(f: FnInfo): string {
  const name = f.decl?.name ?? f.name;
  const params = f.params.map((p) => `${p.name}: ${p.variadic ? '...' + typeName((p.type as { elem: Type }).elem) : typeName(p.type)}`).join(', ');
  // The function's own type parameters with their bounds (`fn show<T: Named>`), from the declaration.
  const gs = f.decl?.generics ?? [];
  const gen = gs.length ? `<${gs.map((g) => (g.isConst ? 'const ' : '') + g.name + (g.bounds.length ? ': ' + g.bounds.map((b) => b.name).join(' + ') : '')).join(', ')}>` : '';
  return `${f.isAsync ? 'async ' : ''}fn ${name}${gen}(${params})${f.ret.k === 'unit' ? '' : ': ' + typeName(f.ret)}`;
}
const localText = (l: LocalInfo) => `${l.mut ? 'let! ' : 'let '}${l.name}: ${typeName(l.type)}`;

/** Hover text for the innermost expression or binding under `offset`, or null. */
export function typeAt(file: string, text: string, offset: number, files?: readonly ModuleFile[]): string | null {
  const outer = tablesInUse();
  try {
    const { program, cx } = analyzeAt(file, text, offset, files);
    useTables(cx.tables);
    const contains = (s: ast.Span | undefined, off: number) => inFile(s, off) && s!.file === file; // other tabs' items share offsets
    // The innermost node wins, even when it has nothing to show (an unresolved name).
    let best: { size: number; text: string | null } | null = null;
    const offer = (span: ast.Span | undefined, t: string | null) => {
      if (t === null || !contains(span, offset)) return;
      const size = span!.end - span!.start;
      if (!best || size <= best.size) best = { size, text: t.endsWith('{unknown}') ? null : t };
    };
    const visit = (n: unknown): void => {
      if (!n || typeof n !== 'object') return;
      if (Array.isArray(n)) { for (const x of n) visit(x); return; }
      const node = checkedNode(n) as Record<string, unknown> & { span?: ast.Span; kind?: string };
      if (node.span && !contains(node.span, offset)) return;
      describe(cx, node, offer);
      for (const k of Object.keys(node)) if (!SKIP.has(k)) visit(node[k]);
      visit(shorthandBindings(node));
      // `C.bump(c, 2)` is checked as `c.bump(2)`, whose callee span is `C.bump`: reach `c` too
      if (node !== n) {
        const written = n as unknown as ast.ExprOf<'call'>;
        visit(written.args[0]);
        const owner = written.callee.kind === 'member' ? written.callee.object : null;
        if (owner?.kind === 'ident') offer(owner.span, typeDeclText(cx, owner.name));
      }
    };
    visit(program.items);
    visit(defaultBodyCopies(cx, file)); // a contract's default bodies are checked on copies
    // `math·sqrt` and `utilːtriple` are how the checker names module items; show `sqrt`, `triple`.
    return displayName((best as { text: string | null } | null)?.text ?? '') || null;
  } catch {
    return null;
  } finally {
    useTables(outer);
  }
}

function describe(cx: Ctx, n: Record<string, unknown> & { span?: ast.Span; kind?: string }, offer: (s: ast.Span | undefined, t: string | null) => void): void {
  const e = n as unknown as ast.Expr;
  const op = operatorUse(n);
  if (op) for (const s of op.spans) offer(s, fnSignature(op.fn));
  if (n.kind === 'fn' && (n as unknown as ast.FnDecl).nameSpan) {
    const d = n as unknown as ast.FnDecl;
    const f = cx.allFns.find((x) => x.decl === d);
    if (f) offer(d.nameSpan, fnSignature(f));
    return;
  }
  if (n.kind === 'named' && 'args' in n && typeof n.name === 'string') {
    offer(n.span, typeDeclText(cx, n.name as string));
    return;
  }
  if (n.kind === 'import') { // `import { HashMap, PI } from "…"`: what each standard item is
    const d = n as unknown as ast.ImportDecl;
    const exports = d.module.startsWith('.') ? null : stdModuleExports(stdModuleName(d.module));
    for (const x of exports ? d.names : []) {
      const g = exports!.get(x.name);
      const item = g ? describeGlobal(cx, g) : null;
      offer(x.span, item && (item.kind === 'constant' ? `const ${x.name}: ${item.detail}` : item.detail ?? null));
    }
    return;
  }
  if ((n.kind === 'struct' || n.kind === 'enum') && 'nameSpan' in n) {
    const d = n as unknown as ast.StructDecl;
    offer(d.nameSpan, `${d.kind === 'struct' ? (d.isUnion ? 'union' : 'struct') : 'enum'} ${d.name}`);
    return;
  }
  const local = n.kind === 'name' || n.kind === undefined || n.kind === 'for-in' || n.kind === 'binding' ? localOf(n as unknown as LocalSite) : undefined;
  if (n.kind === 'name' && local) { offer(n.span, localText(local)); return; }
  if (n.kind === undefined && local) { offer(n.span, localText(local)); return; } // closure params
  if (n.kind === 'for-in' && local) offer((n as unknown as { nameSpan: ast.Span }).nameSpan, localText(local));
  if (n.kind === 'binding' && local) { offer(n.span, localText(local)); return; }
  if ('variadic' in n && 'nameSpan' in n && typeof n.name === 'string') {
    // A parameter: find its local by declaration span.
    const p = n as unknown as ast.Param;
    const l = cx.allLocals.find((x) => x.span.start === p.nameSpan.start && x.name === p.name);
    if (l) offer(p.nameSpan, `${p.name}: ${typeName(l.type)}`);
    return;
  }
  if (!exprInfo(e) && e.kind !== 'ident') return;
  switch (e.kind) {
    case 'ident': {
      const r = nameRes(e);
      if (r?.k === 'local') offer(e.span, localText(r.local));
      else if (r?.k === 'fn') offer(e.span, fnSignature(r.fn));
      else if (r?.k === 'const') offer(e.span, `const ${e.name}: ${typeName(r.type)}${r.value !== null ? ' = ' + String(r.value) : ''}`);
      else if (r?.k === 'tls') offer(e.span, `thread_local let! ${e.name}: ${typeName(r.type)}`);
      else if (r?.k === 'extern') offer(e.span, `extern "C" fn ${r.fn.name}(${r.fn.params.map(typeName).join(', ')}${r.fn.variadic ? ', ...' : ''})${r.fn.ret.k === 'unit' ? '' : ': ' + typeName(r.fn.ret)}`);
      else if (r?.k === 'builtin-fn') offer(e.span, `builtin fn ${e.name}`);
      else if (exprInfo(e)) offer(e.span, typeName(exprInfo(e)!.type));
      return;
    }
    case 'call': {
      const t = callTarget(e);
      if (e.callee.kind === 'member' && (t?.k === 'method' || t?.k === 'fn')) offer(e.callee.nameSpan, fnSignature(t.fn));
      else if (e.callee.kind === 'member' && t?.k === 'contract-method') {
        const m = contractMethod(cx, t.contract, t.method, t.isStatic);
        if (m) offer(e.callee.nameSpan, `${t.isStatic ? 'fn Self.' : t.contract + '.'}${contractMethodText(m).slice(3)}`);
      } else if (e.callee.kind === 'member' && (t?.k === 'builtin-method' || t?.k === 'builtin-static')) offer(e.callee.nameSpan, builtinSigText(t.owner, t.method, t.k === 'builtin-method' ? exprInfo(e.callee.object)?.type : exprInfo(e.callee.object)?.type, t.k === 'builtin-static'));
      offer(e.span, typeName(exprInfo(e)!.type));
      return;
    }
    case 'member':
      offer(e.nameSpan, `${e.name}: ${typeName(exprInfo(e)!.type)}`);
      return;
    case 'closure': case 'async':
      return;
    default:
      offer(e.span, typeName(exprInfo(e)!.type));
  }
}

/** `Vec<i32>.push(i32)`: a builtin member's signature with the receiver's type arguments. */
function builtinSigText(owner: string, method: string, recv: Type | undefined, isStatic: boolean): string | null {
  const sig = isStatic ? builtinStatic(owner, method) : builtinMethod(owner, method);
  if (!sig) return null;
  const r = recv ? derefAll(recv) : null;
  const env = new Map<string, Type>();
  const args = r && (r.k === 'builtin' || r.k === 'enum') ? r.args : [];
  ownerGenerics(owner).forEach((g, i) => args[i] && env.set(`${owner}.${g}`, args[i]));
  const shown = r && args.length ? typeName(r) : owner;
  const ps = sig.params.map((p) => (isAnyInt(p) ? 'int' : typeName(subst(p, env)))).join(', ');
  return `${shown}.${method}(${ps})${sig.mutating ? '!' : ''}${sig.ret.k === 'unit' ? '' : ': ' + typeName(subst(sig.ret, env))}`;
}

/** Hover text for a type name: the declaration in short form. */
function typeDeclText(cx: Ctx, name: string): string | null {
  const s = cx.structs.get(name);
  // a standard module's struct (`HashMap`) is used through its methods: its fields are its inner workings
  if (s && name.includes(STD_SEP)) return `struct ${name}${s.generics.length ? `<${s.generics.join(', ')}>` : ''}`;
  if (s) return `${s.isUnion ? 'union' : 'struct'} ${name}${s.generics.length ? `<${s.generics.join(', ')}>` : ''} { ${s.fields.map((f) => `${f.name}: ${typeName(f.type)}${f.bitWidth !== null ? ' : ' + f.bitWidth : ''}`).join(', ')} }`;
  const e = cx.enums.get(name);
  if (e) return `enum ${name}${e.generics.length ? `<${e.generics.join(', ')}>` : ''} { ${e.variants.map((v) => v.name + (v.fields.length ? `(${v.fields.map(typeName).join(', ')})` : '')).join(', ')} }`;
  if (cx.contracts.has(name)) return `contract ${name}`;
  const a = cx.aliases.get(name);
  if (a) return `type ${name}`;
  return null;
}

// ------------------------------------------------------------------ completion

export function completionsAt(file: string, text: string, offset: number, files?: readonly ModuleFile[]): CompletionItem[] {
  const outer = tablesInUse();
  try {
    let i = offset;
    while (i > 0 && /[A-Za-z0-9_]/.test(text[i - 1])) i--;
    const prefix = text.slice(i, offset);
    if (text[i - 1] === '.') {
      const chainEnd = i - 1;
      let j = chainEnd;
      while (j > 0 && /[A-Za-z0-9_.]/.test(text[j - 1])) j--;
      const chain = text.slice(j, chainEnd).split('.').filter(Boolean);
      // An analysis of this text as it was before the member was typed, or else a check of the
      // text without the partial member, so the rest parses as well as possible.
      // (Not one where the chain itself was read as a new binding: `Shape.` typed in a match arm.)
      const near = analysisAround(file, text, chainEnd, offset, files);
      if (near) useTables(near.cx.tables);
      const reusable = near && !localsAt(near.cx, chainEnd).some((l) => l.span.file === file && l.span.start >= j);
      const { cx, program, scope } = reusable ? near : analyzeAt(file, text.slice(0, chainEnd) + ';' + text.slice(offset), chainEnd, files);
      useTables(cx.tables);
      const space = chain.length === 1 ? scope?.spaces.get(chain[0]) : undefined;
      if (space) return filter(tabModuleItems(cx, space.exports), prefix);
      // `u.T.` — a type of a namespace: its static methods and variants
      const spaceType = chain.length === 2 ? scope?.spaces.get(chain[0])?.exports.get(chain[1]) : undefined;
      if (spaceType) return filter(memberItems(cx, [spaceType], chainEnd).map((c) => ({ ...c, detail: c.detail && displayName(c.detail) })), prefix);
      const mod = chain.length === 1 ? stdNamespace(program, chain[0]) : null;
      if (mod) return filter(moduleItems(cx, mod), prefix);
      return filter(memberItems(cx, chain, chainEnd), prefix);
    }
    const { cx, scope } = analyzeAt(file, text, offset, files);
    useTables(cx.tables);
    return filter([...scopeItems(cx, offset), ...importedItems(cx, scope)], prefix);
  } catch {
    return [];
  } finally {
    useTables(outer);
  }
}

/** Members of a tab imported as a namespace (`u.` after `import * as u from "./util"`). */
function tabModuleItems(cx: Ctx, exports: Map<string, string>): CompletionItem[] {
  const out: CompletionItem[] = [];
  for (const [name, global] of exports) {
    const item = describeGlobal(cx, global);
    if (item) out.push({ label: name, ...item });
  }
  return out;
}

/** A program-wide item by its linked name: completion kind and detail as the user wrote it. */
function describeGlobal(cx: Ctx, global: string): Omit<CompletionItem, 'label'> | null {
  const f = cx.fns.get(global);
  if (f) return { kind: 'function', detail: displayName(fnSignature(f)) };
  const c = cx.consts.get(global);
  if (c) return { kind: 'constant', detail: displayName(typeName(c.type)) };
  if (cx.structs.has(global) || cx.enums.has(global) || cx.contracts.has(global) || cx.aliases.has(global)) return { kind: 'type', detail: displayName(typeDeclText(cx, global) ?? '') };
  return null;
}

/** Names this tab imports from other tabs, and its namespaces. */
function importedItems(cx: Ctx, scope: ModuleScope | null): CompletionItem[] {
  if (!scope) return [];
  const out: CompletionItem[] = [];
  for (const [local, global] of scope.names) {
    if (!global.includes(MODULE_SEP)) continue; // this tab's own items are listed by scopeItems
    const item = describeGlobal(cx, global);
    if (item) out.push({ label: local, ...item });
  }
  for (const [ns, sp] of scope.spaces) out.push({ label: ns, kind: 'variable', detail: `module "${sp.path}"` });
  return out;
}

/** Members of a standard module imported as a namespace (`m.` after `import * as m from "math"`). */
function moduleItems(cx: Ctx, mod: string): CompletionItem[] {
  const out: CompletionItem[] = [];
  // only what the module exports (not its helpers): functions, constants, types (`HashMap`) and
  // the prelude items it re-exports (`io.println`)
  for (const [label, global] of stdModuleExports(mod)) {
    const item = describeGlobal(cx, global);
    if (item) out.push({ label, ...item, detail: displayName(item.detail ?? '') });
    else if (isBuiltinFn(global)) out.push({ label, kind: 'function', detail: `builtin ${global}` });
  }
  return out;
}

function filter(items: CompletionItem[], prefix: string): CompletionItem[] {
  const seen = new Set<string>();
  return items.filter((x) => x.label.startsWith(prefix) && !seen.has(x.label) && (seen.add(x.label), true));
}

/** Locals declared before `offset` inside the function that contains it and still in scope there
 *  (a `let` in a finished block, a closure parameter or a match binding is not); last one wins. */
function localsAt(cx: Ctx, offset: number): LocalInfo[] {
  const item = cx.program.items.find((it) => it.span.file === cx.program.file && it.span.start <= offset && offset <= it.span.end);
  if (!item) return [];
  // the innermost function there (a method inside a struct: not its neighbours' parameters)
  // and none of another function's (the offset between two methods)
  let owner: { span: ast.Span } = item;
  const others: ast.Span[] = [];
  for (const f of cx.allFns) {
    const d = f.decl;
    if (!d || d.span.file !== item.span.file || d.span.start < item.span.start || d.span.end > item.span.end) continue;
    if (d.span.start <= offset && offset <= d.span.end) { if (d.span.start >= owner.span.start && d.span.end <= owner.span.end) owner = d; }
    else others.push(d.span);
  }
  const scopes = scopeSpans(owner);
  const inScope = (l: LocalInfo) => {
    let inner: ast.Span | null = null; // the innermost scope node around the declaration
    for (const s of scopes) if (s.start <= l.span.start && l.span.end <= s.end && (!inner || s.start >= inner.start)) inner = s;
    return !inner || (inner.start <= offset && offset <= inner.end);
  };
  const byName = new Map<string, LocalInfo>();
  const elsewhere = (l: LocalInfo) => others.some((o) => o.start <= l.span.start && l.span.start <= o.end && !(o.start <= owner.span.start && owner.span.end <= o.end));
  for (const l of cx.allLocals) if (l.span.file === item.span.file && l.span.start >= owner.span.start && l.span.start < offset && inScope(l) && !elsewhere(l)) byName.set(l.name, l);
  return [...byName.values()];
}

const SCOPE_SKIP = new Set(['span', 'nameSpan', 'info', 'res', 'local', 'resolved', 'variant']);

/** Spans of the nodes that open a scope for locals: blocks, loops, closures, match arms. Nested
 *  spans come after their parents (pre-order), so the last containing span is the innermost. */
function scopeSpans(root: unknown): ast.Span[] {
  const out: ast.Span[] = [];
  const walk = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) { for (const x of n) walk(x); return; }
    const o = n as Record<string, unknown> & { kind?: string; span?: ast.Span };
    const isArm = 'pattern' in o && 'body' in o && !o.kind;
    if (o.span && (isArm || o.kind === 'block' || o.kind === 'for-in' || o.kind === 'for-c' || o.kind === 'closure')) out.push(o.span);
    // Skip the checker's annotations (they point back into the tree); a call's `target` is one.
    for (const k in o) if (!SCOPE_SKIP.has(k) && !(k === 'target' && o.kind === 'call')) walk(o[k]);
  };
  walk(root);
  return out;
}

function scopeItems(cx: Ctx, offset: number): CompletionItem[] {
  const out: CompletionItem[] = [];
  for (const l of localsAt(cx, offset).reverse()) out.push({ label: l.name, kind: 'variable', detail: typeName(l.type) });
  for (const [key, f] of cx.fns) {
    if (key.includes('#')) continue; // a further member of an overload set: counted on the first
    const more = overloadSet(cx.fns, key).length - 1;
    out.push({ label: f.name, kind: 'function', detail: fnSignature(f) + (more ? ` (+${more} overload${more === 1 ? '' : 's'})` : '') });
  }
  for (const [n, c] of cx.consts) out.push({ label: n, kind: 'constant', detail: typeName(c.type) });
  for (const [n, t] of cx.tls) out.push({ label: n, kind: 'variable', detail: `thread_local ${typeName(t.type)}` });
  for (const [n, x] of cx.externs) out.push({ label: n, kind: 'function', detail: `extern "C" (${x.params.map(typeName).join(', ')})` });
  for (const n of [...cx.structs.keys(), ...cx.enums.keys(), ...cx.contracts.keys()]) out.push({ label: n, kind: 'type' });
  for (const n of PRELUDE_TYPE_NAMES) out.push({ label: n, kind: 'type' });
  for (const n of Object.keys(BUILTIN_FNS)) out.push({ label: n, kind: 'builtin' });
  for (const n of SPECIAL_FNS) out.push({ label: n, kind: 'builtin' });
  for (const n of ['Some', 'None', 'Ok', 'Err']) out.push({ label: n, kind: 'builtin' });
  // Standard-module items are reached through their import (`sqrt`, `math.sqrt`), not by their inner name.
  // Items of other tabs likewise (`utilːtriple`): importedItems lists what this tab imports.
  for (let i = out.length - 1; i >= 0; i--) if (out[i].label.includes('·') || out[i].label.includes(MODULE_SEP)) out.splice(i, 1);
  for (const it of cx.program.items) {
    if (it.kind !== 'import') continue;
    for (const n of it.names) out.push({ label: n.alias ?? n.name, kind: 'function', detail: `import from "${it.module}"` });
    if (it.star) out.push({ label: it.star, kind: 'variable', detail: `module "${it.module}"` });
  }
  for (const n of Object.keys(BUILTIN_CONSTS)) out.push({ label: n, kind: 'constant', detail: 'i32' });
  for (const k of KEYWORDS) out.push({ label: k, kind: 'keyword' });
  return out;
}

function memberItems(cx: Ctx, chain: string[], offset: number): CompletionItem[] {
  if (!chain.length) return [];
  const [head, ...rest] = chain;
  const local = localsAt(cx, offset).find((l) => l.name === head);
  let t: Type | null = local?.type ?? cx.tls.get(head)?.type ?? cx.consts.get(head)?.type ?? null;
  if (!t) {
    // A type name: its enum variants and static methods.
    const out: CompletionItem[] = [];
    const en = cx.enums.get(head);
    if (en) for (const v of en.variants) out.push({ label: v.name, kind: 'constant', detail: `${head}.${v.name}` });
    for (const f of cx.statics.get(head)?.values() ?? []) out.push({ label: f.decl?.name ?? f.name, kind: 'function', detail: fnSignature(f) });
    for (const m of builtinStaticNames(head)) {
      const sig = builtinStatic(head, m)!;
      out.push({ label: m, kind: 'function', detail: `${head}.${m}(${sig.params.map(typeName).join(', ')}): ${typeName(sig.ret)}` });
    }
    if (head === 'Option' || head === 'Result') for (const v of head === 'Option' ? ['Some', 'None'] : ['Ok', 'Err']) out.push({ label: v, kind: 'constant' });
    return out;
  }
  for (const name of rest) {
    const d = derefAll(t);
    const f = d.k === 'struct' ? fieldNamed(d.info.fields, name) : undefined;
    if (!f || d.k !== 'struct') return [];
    t = subst(f.type, structArgsEnv(d));
  }
  return membersOf(cx, t);
}

function membersOf(cx: Ctx, t0: Type): CompletionItem[] {
  const t = derefAll(t0);
  const out: CompletionItem[] = [];
  if (t.k === 'struct') {
    const env = structArgsEnv(t);
    // a standard module's struct (`HashMap`) is used through its methods: its fields are its inner workings
    if (!t.info.name.includes(STD_SEP)) for (const f of t.info.fields) out.push({ label: f.name, kind: 'field', detail: displayName(typeName(subst(f.type, env))) });
  }
  const owner = t.k === 'struct' || t.k === 'enum' ? t.info.name : t.k === 'builtin' ? t.name : null;
  for (const [key, f] of (owner && cx.methods.get(owner)) || []) {
    if (key.includes('#')) continue; // a further member of an overload set: counted on the first
    // operator methods are reached through their operator, not by name after `.`
    if (isOperatorName(f.decl?.name ?? f.name)) continue;
    const more = overloadSet(cx.methods.get(owner!), key).length - 1;
    out.push({ label: f.decl?.name ?? f.name, kind: 'method', detail: displayName(fnSignature(f)) + (more ? ` (+${more} overload${more === 1 ? '' : 's'})` : '') });
  }
  if (t.k === 'param') for (const { method } of boundMethods(cx, t)) if (!isOperatorName(method.name)) out.push({ label: method.name, kind: 'method', detail: displayName(contractMethodText(method)) });
  const bo = builtinOwner(t);
  if (bo) for (const m of builtinMethodNames(bo)) {
    const sig = builtinMethod(bo, m)!;
    out.push({ label: m, kind: 'method', detail: `${bo}.${m}(${sig.params.map(typeName).join(', ')})${sig.ret.k === 'unit' ? '' : ': ' + typeName(sig.ret)}` });
  }
  // §5.2 `iter()`: linked only once the program calls it (std-veciter.ts), offered before that
  if (t.k === 'builtin' && t.name === 'Vec' && !out.some((c) => c.label === 'iter')) out.push({ ...VEC_ITER_COMPLETION });
  if (t.k === 'array' || t.k === 'slice') out.push({ label: 'len', kind: 'method', detail: 'len(): i32' });
  // §5.2: Vec's read-only methods and map/filter, for every element type (methods.ts)
  if (t.k === 'array' || t.k === 'slice') {
    out.push({ label: 'get', kind: 'method', detail: `get(int): ${typeName(t.elem)}` }, { ...VEC_ITER_COMPLETION });
    for (const m of [...SEQ_READ_ONLY, ...SEQ_TO_VEC]) {
      const sig = builtinMethod('Vec', m)!;
      const env = new Map([['Vec.T', t.elem]]);
      out.push({ label: m, kind: 'method', detail: `${m}(${sig.params.map((p) => typeName(subst(p, env))).join(', ')})${sig.ret.k === 'unit' ? '' : ': ' + typeName(subst(sig.ret, env))}` });
    }
  }
  if (t.k === 'ptr') out.push({ label: 'is_null', kind: 'method', detail: 'is_null(): bool' }, { label: 'offset', kind: 'method', detail: 'offset(n): ' + typeName(t) });
  return out;
}

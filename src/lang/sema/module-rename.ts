// Scope-aware renaming of one module's names before its items join the linked program
// (modules.ts). Top-level names and imported names are rewritten to their program-wide names;
// a local that shadows one (parameter, `let`, `for`, closure parameter, match binding, generic
// parameter) is left alone. `u.f`, `u.T` (types), `u.T { … }` and `u.E.V` (patterns) of a
// namespace import become the program-wide name of `f`, `T`, `E`.
import type * as ast from '../syntax/ast';
import { diag, type Diagnostic } from '../diagnostics';
import { MSG, NOTE } from '../msg';

/** What one module's names mean: local name -> program-wide name, and namespace -> its exports. */
export interface ModuleScope {
  names: Map<string, string>;
  spaces: Map<string, { path: string; exports: Map<string, string> }>;
  /** Filled by renaming: the names and namespaces this module's code uses (unused-import warnings). */
  used?: Set<string>;
}

const SKIP = new Set(['span', 'nameSpan', 'moduleSpan', 'info', 'res', 'local', 'target', 'variant', 'resolved']);

export function renameModule(items: ast.Item[], scope: ModuleScope, diags: Diagnostic[]): void {
  const r = new Renamer(scope, diags);
  for (const it of items) r.item(it);
}

class Renamer {
  constructor(private readonly s: ModuleScope, private readonly diags: Diagnostic[]) {}

  private global(name: string, locals: Set<string>): string | null {
    const g = locals.has(name) ? null : this.s.names.get(name) ?? null;
    if (g !== null) this.s.used?.add(name);
    return g;
  }

  /** `u.x` of a namespace `u` (not shadowed): the program-wide name, or null after reporting. */
  private member(space: string, name: string, span: ast.Span, locals: Set<string>): string | null | undefined {
    if (locals.has(space)) return undefined;
    const sp = this.s.spaces.get(space);
    if (!sp) return undefined;
    this.s.used?.add(space);
    const g = sp.exports.get(name);
    if (!g) this.diags.push(diag(MSG.E0140.notExported({ name, path: sp.path }), span, { notes: [NOTE.E0140.helpAddExportDeclaration()] }));
    return g ?? null;
  }

  item(it: ast.Item): void {
    const top = new Set<string>();
    switch (it.kind) {
      case 'fn': this.fn(it, top, !it.receiver && !it.owner); break;
      case 'struct': {
        it.name = this.s.names.get(it.name) ?? it.name;
        const g = this.generics(it.generics, top);
        for (const i of it.impls) { i.name = this.s.names.get(i.name) ?? i.name; this.walk(i.args, g); }
        this.walk(it.where, g);
        for (const f of it.fields) this.walk(f, g);
        for (const a of it.assocTypes) this.walk(a.type, g);
        for (const m of it.methods) this.fn(m, g, false);
        break;
      }
      case 'enum': it.name = this.s.names.get(it.name) ?? it.name; this.walk(it.variants, this.generics(it.generics, top)); break;
      case 'contract': {
        it.name = this.s.names.get(it.name) ?? it.name;
        it.supers = it.supers.map((n) => this.s.names.get(n) ?? n);
        const g = this.generics(it.generics, top);
        for (const a of it.assocTypes) this.walk(a.default, g);
        for (const m of it.methods) this.fn(m, g, false);
        break;
      }
      case 'type': it.name = this.s.names.get(it.name) ?? it.name; this.walk(it.type, this.generics(it.generics, top)); { const g = this.generics(it.generics, top); for (const w of it.where ?? []) this.bounds(w.bounds, g); } break;
      case 'extends': for (const c of it.contracts) c.name = this.s.names.get(c.name) ?? c.name; break;
      case 'const': it.name = this.s.names.get(it.name) ?? it.name; this.walk(it.type, top); this.walk(it.value, top); break;
      case 'thread-local': it.name = this.s.names.get(it.name) ?? it.name; this.walk(it.type, top); this.walk(it.init, top); break;
      case 'extern': for (const f of it.fns) { f.name = this.s.names.get(f.name) ?? f.name; this.walk(f.params, top); this.walk(f.ret, top); } break;
      default: break; // imports and export lists are consumed by the linker
    }
  }

  /** Generic parameters shadow type names; their bounds name contracts. */
  private generics(gs: ast.GenericParam[], outer: Set<string>): Set<string> {
    const inner = new Set(outer);
    for (const g of gs) inner.add(g.name);
    for (const g of gs) { this.bounds(g.bounds, inner); this.walk(g.constType, inner); this.walk(g.default, inner); }
    return inner;
  }

  private bounds(bs: ast.Bound[], locals: Set<string>): void {
    for (const b of bs) {
      b.name = this.global(b.name, locals) ?? b.name;
      this.walk(b.typeArgs, locals); this.walk(b.args, locals); this.walk(b.ret, locals);
    }
  }

  private fn(f: ast.FnDecl, outer: Set<string>, topLevel: boolean): void {
    if (topLevel) f.name = this.s.names.get(f.name) ?? f.name;
    if (f.owner) f.owner.name = this.global(f.owner.name, outer) ?? f.owner.name;
    const g = this.generics([...(f.owner?.generics ?? []), ...f.generics], outer);
    for (const w of f.where) this.bounds(w.bounds, g);
    if (f.receiver) this.walk(f.receiver.type, g);
    for (const p of f.params) { this.walk(p.type, g); this.walk(p.default, g); }
    this.walk(f.ret, g);
    const body = new Set(g);
    if (f.receiver) body.add(f.receiver.name);
    for (const p of f.params) body.add(p.name);
    if (f.body) this.block(f.body, body);
  }

  private block(b: ast.Block, outer: Set<string>): void {
    const locals = new Set(outer);
    for (const st of b.stmts) this.stmt(st, locals);
    this.walk(b.tail, locals);
  }

  /** A statement; a `let` adds its names to `locals` (the enclosing block's scope). */
  private stmt(st: ast.Stmt, locals: Set<string>): void {
    switch (st.kind) {
      case 'let': this.walk(st.type, locals); this.walk(st.init, locals); letNames(st.pattern, locals); return;
      case 'for-in': { this.walk(st.iter, locals); const inner = new Set(locals); inner.add(st.name); this.block(st.body, inner); return; }
      case 'for-c': {
        const inner = new Set(locals);
        if (st.init) this.stmt(st.init, inner);
        this.walk(st.cond, inner);
        if (st.post) this.stmt(st.post, inner);
        this.block(st.body, inner);
        return;
      }
      case 'block': this.block(st, locals); return;
      case 'defer': if (st.body.kind === 'block') this.block(st.body, locals); else this.stmt(st.body, new Set(locals)); return;
      case 'switch': {
        this.walk(st.subject, locals);
        for (const c of st.cases) { this.walk(c.values, locals); const inner = new Set(locals); for (const x of c.body) this.stmt(x, inner); }
        if (st.default) { const inner = new Set(locals); for (const x of st.default.body) this.stmt(x, inner); }
        return;
      }
      default: this.walk(st, locals);
    }
  }

  /** Any other node: expressions, types, patterns; binding forms open scopes. */
  walk(n: unknown, locals: Set<string>): void {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) { for (const x of n) this.walk(x, locals); return; }
    const o = n as Record<string, unknown> & { kind?: string };
    switch (o.kind) {
      case 'block': if (Array.isArray(o.stmts)) { this.block(o as unknown as ast.Block, locals); return; } break;
      case 'ident': {
        const e = o as unknown as ast.ExprOf<'ident'>;
        if (!locals.has(e.name) && this.s.spaces.has(e.name) && !this.s.names.has(e.name)) {
          this.diags.push(diag(MSG.E0100.moduleNotValue({ eName: e.name }), e.span, { notes: [NOTE.E0100.helpUseOneExports({ eName: e.name })] }));
        } else e.name = this.global(e.name, locals) ?? e.name;
        this.walk(e.typeArgs, locals);
        return;
      }
      case 'member': {
        const e = o as unknown as ast.ExprOf<'member'>;
        if (e.object.kind === 'ident') {
          const g = this.member(e.object.name, e.name, e.nameSpan, locals);
          if (g !== undefined) {
            const span = e.span;
            for (const k of Object.keys(o)) delete o[k];
            Object.assign(o, { kind: 'ident', span, name: g ?? '{error}', typeArgs: null });
            return;
          }
        }
        this.walk(e.object, locals);
        return;
      }
      case 'named': {
        const t = o as unknown as ast.TypeExpr & { kind: 'named' };
        if (t.member !== undefined) {
          const g = this.member(t.name, t.member, t.span, locals);
          if (g !== undefined) { t.name = g ?? '{error}'; delete t.member; }
        } else t.name = this.global(t.name, locals) ?? t.name;
        this.walk(t.args, locals);
        return;
      }
      case 'struct-lit': {
        const e = o as unknown as ast.ExprOf<'struct-lit'>;
        const dot = e.name.indexOf('.');
        if (dot > 0) {
          const g = this.member(e.name.slice(0, dot), e.name.slice(dot + 1), e.nameSpan, locals);
          if (g !== undefined) e.name = g ?? '{error}';
        } else e.name = this.global(e.name, locals) ?? e.name;
        this.walk(e.typeArgs, locals);
        for (const f of e.fields) this.walk(f.value, locals);
        return;
      }
      case 'closure': {
        const e = o as unknown as ast.ExprOf<'closure'>;
        const inner = new Set(locals);
        for (const p of e.params) { this.walk(p.type, locals); inner.add(p.name); }
        this.walk(e.ret, locals);
        this.walk(e.body, inner);
        return;
      }
      case 'match': {
        const e = o as unknown as ast.ExprOf<'match'>;
        this.walk(e.subject, locals);
        for (const arm of e.arms) {
          const inner = new Set(locals);
          this.pattern(arm.pattern, inner);
          this.walk(arm.guard, inner);
          if (arm.body.kind === 'block') this.block(arm.body as ast.Block, inner); else this.walk(arm.body, inner);
        }
        return;
      }
      default: break;
    }
    for (const k in o) if (!SKIP.has(k)) this.walk(o[k], locals);
  }

  /** A match pattern: rewrites type and variant paths, adds its bindings to `locals`. */
  private pattern(p: ast.Pattern, locals: Set<string>): void {
    switch (p.kind) {
      case 'binding': locals.add(p.name); return;
      case 'variant': {
        if (p.path.length >= 3) {
          const g = this.member(p.path[0], p.path[1], p.span, locals);
          if (g !== undefined) p.path = [g ?? '{error}', ...p.path.slice(2)];
        } else if (p.path.length === 2) p.path[0] = this.global(p.path[0], locals) ?? p.path[0];
        for (const a of p.args ?? []) this.pattern(a, locals);
        return;
      }
      case 'struct': {
        const dot = p.name.indexOf('.');
        if (dot > 0) { const g = this.member(p.name.slice(0, dot), p.name.slice(dot + 1), p.span, locals); if (g !== undefined) p.name = g ?? '{error}'; }
        else p.name = this.global(p.name, locals) ?? p.name;
        for (const f of p.fields) { if (f.pattern) this.pattern(f.pattern, locals); else locals.add(f.name); }
        return;
      }
      case 'tuple': for (const e of p.elems) this.pattern(e, locals); return;
      case 'array': for (const e of p.elems) this.pattern(e, locals); if (p.rest?.name) locals.add(p.rest.name); return;
      case 'or': for (const a of p.alts) this.pattern(a, locals); return;
      case 'literal': this.walk(p.value, locals); return;
      default: return;
    }
  }
}

function letNames(p: ast.LetPattern, out: Set<string>): void {
  if (p.kind === 'name') out.add(p.name);
  else if (p.kind === 'tuple') for (const e of p.elems) letNames(e, out);
}

// Scope-aware renaming of one module's names before its items join the linked program
// (modules.ts). The parsed items are never written (the AST is immutable after parsing): the
// result shares every node the renaming leaves as it is and copies the nodes on the path to a
// renamed one, as standard imports are expanded (std-modules.ts). Top-level names and imported names are rewritten to their program-wide names;
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

/** The module's items with its names renamed to program-wide names (the unchanged ones shared). */
export function renameModule(items: readonly ast.Item[], scope: ModuleScope, diags: Diagnostic[]): ast.Item[] {
  const r = new Renamer(scope, diags);
  return items.map((it) => r.item(it));
}

/** `o` with the fields of `changes` that differ: `o` itself when none does, else a copy. */
function upd<T extends object>(o: T, changes: Partial<T>): T {
  let copy: T | null = null;
  for (const k in changes) if (changes[k] !== o[k]) (copy ??= { ...o })[k] = changes[k] as T[typeof k];
  return copy ?? o;
}

/** `f` of each element: `xs` itself when none changes, else a copy. */
function each<T>(xs: T[], f: (x: T) => T): T[] {
  let copy: T[] | null = null;
  xs.forEach((x, i) => { const v = f(x); if (v !== x) (copy ??= [...xs])[i] = v; });
  return copy ?? xs;
}

class Renamer {
  constructor(private readonly s: ModuleScope, private readonly diags: Diagnostic[]) {}

  private global(name: string, locals: Set<string>): string | null {
    const g = locals.has(name) ? null : this.s.names.get(name) ?? null;
    if (g !== null) this.s.used?.add(name);
    return g;
  }

  private top(name: string): string { return this.s.names.get(name) ?? name; }

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

  item(it: ast.Item): ast.Item {
    const top = new Set<string>();
    switch (it.kind) {
      case 'fn': return this.fn(it, top, !it.receiver && !it.owner);
      case 'struct': {
        const name = this.top(it.name);
        const g = scopeOf(it.generics, top);
        return upd(it, {
          name,
          generics: this.generics(it.generics, g),
          impls: each(it.impls, (i) => upd(i, { name: this.top(i.name), args: this.walk(i.args, g) })),
          where: this.walk(it.where, g),
          fields: this.walk(it.fields, g),
          assocTypes: each(it.assocTypes, (a) => upd(a, { type: this.walk(a.type, g) })),
          methods: each(it.methods, (m) => this.fn(m, g, false)),
        });
      }
      case 'enum': { const name = this.top(it.name); const g = scopeOf(it.generics, top); return upd(it, { name, generics: this.generics(it.generics, g), variants: this.walk(it.variants, g) }); }
      case 'contract': {
        const name = this.top(it.name), supers = each(it.supers, (n) => this.top(n));
        const g = scopeOf(it.generics, top);
        return upd(it, {
          name, supers,
          generics: this.generics(it.generics, g),
          assocTypes: each(it.assocTypes, (a) => upd(a, { default: this.walk(a.default, g) })),
          methods: each(it.methods, (m) => this.fn(m, g, false)),
        });
      }
      case 'type': {
        const name = this.top(it.name);
        const g = scopeOf(it.generics, top);
        return upd(it, { name, generics: this.generics(it.generics, g), type: this.walk(it.type, g), where: it.where && each(it.where, (w) => upd(w, { bounds: this.bounds(w.bounds, g) })) });
      }
      case 'extends': return upd(it, { contracts: each(it.contracts, (c) => upd(c, { name: this.top(c.name) })) });
      case 'const': return upd(it, { name: this.top(it.name), type: this.walk(it.type, top), value: this.walk(it.value, top) });
      case 'thread-local': return upd(it, { name: this.top(it.name), type: this.walk(it.type, top), init: this.walk(it.init, top) });
      case 'extern': return upd(it, { fns: each(it.fns, (f) => upd(f, { name: this.top(f.name), params: this.walk(f.params, top), ret: this.walk(f.ret, top) })) });
      default: return it; // imports and export lists are consumed by the linker
    }
  }

  /** Generic parameters (already in scope `inner`): their bounds name contracts. */
  private generics(gs: ast.GenericParam[], inner: Set<string>): ast.GenericParam[] {
    return each(gs, (g) => upd(g, { bounds: this.bounds(g.bounds, inner), constType: this.walk(g.constType, inner), default: this.walk(g.default, inner) }));
  }

  private bounds(bs: ast.Bound[], locals: Set<string>): ast.Bound[] {
    return each(bs, (b) => upd(b, { name: this.global(b.name, locals) ?? b.name, typeArgs: this.walk(b.typeArgs, locals), args: this.walk(b.args, locals), ret: this.walk(b.ret, locals) }));
  }

  private fn(f: ast.FnDecl, outer: Set<string>, topLevel: boolean): ast.FnDecl {
    const name = topLevel ? this.top(f.name) : f.name;
    let owner = f.owner && upd(f.owner, { name: this.global(f.owner.name, outer) ?? f.owner.name });
    const g = scopeOf([...(f.owner?.generics ?? []), ...f.generics], outer);
    if (owner) owner = upd(owner, { generics: this.generics(owner.generics, g) });
    const generics = this.generics(f.generics, g);
    const where = each(f.where, (w) => upd(w, { bounds: this.bounds(w.bounds, g) }));
    const receiver = f.receiver && upd(f.receiver, { type: this.walk(f.receiver.type, g) });
    const params = each(f.params, (p) => upd(p, { type: this.walk(p.type, g), default: this.walk(p.default, g) }));
    const ret = this.walk(f.ret, g);
    const body = new Set(g);
    if (f.receiver) body.add(f.receiver.name);
    for (const p of f.params) body.add(p.name);
    return upd(f, { name, owner, generics, where, receiver, params, ret, body: f.body && this.block(f.body, body) });
  }

  private block(b: ast.Block, outer: Set<string>): ast.Block {
    const locals = new Set(outer);
    const stmts = each(b.stmts, (st) => this.stmt(st, locals));
    return upd(b, { stmts, tail: this.walk(b.tail, locals) });
  }

  /** A statement; a `let` adds its names to `locals` (the enclosing block's scope). */
  private stmt(st: ast.Stmt, locals: Set<string>): ast.Stmt {
    switch (st.kind) {
      case 'let': { const r = upd(st, { type: this.walk(st.type, locals), init: this.walk(st.init, locals) }); letNames(st.pattern, locals); return r; }
      case 'for-in': { const iter = this.walk(st.iter, locals); const inner = new Set(locals); inner.add(st.name); return upd(st, { iter, body: this.block(st.body, inner) }); }
      case 'for-c': {
        const inner = new Set(locals);
        const init = st.init && this.stmt(st.init, inner);
        const cond = this.walk(st.cond, inner);
        const post = st.post && this.stmt(st.post, inner);
        return upd(st, { init, cond, post, body: this.block(st.body, inner) });
      }
      case 'block': return this.block(st, locals);
      case 'defer': return upd(st, { body: st.body.kind === 'block' ? this.block(st.body, locals) : this.stmt(st.body, new Set(locals)) });
      case 'switch': {
        const subject = this.walk(st.subject, locals);
        const cases = each(st.cases, (c) => { const values = this.walk(c.values, locals); const inner = new Set(locals); return upd(c, { values, body: each(c.body, (x) => this.stmt(x, inner)) }); });
        const dflt = st.default && ((d) => { const inner = new Set(locals); return upd(d, { body: each(d.body, (x) => this.stmt(x, inner)) }); })(st.default);
        return upd(st, { subject, cases, default: dflt });
      }
      default: return this.walk(st, locals);
    }
  }

  /** Any other node: expressions, types, patterns; binding forms open scopes. */
  walk<T>(n: T, locals: Set<string>): T {
    if (!n || typeof n !== 'object') return n;
    if (Array.isArray(n)) return each(n as unknown[], (x) => this.walk(x, locals)) as T;
    const o = n as Record<string, unknown> & { kind?: string };
    switch (o.kind) {
      case 'block': if (Array.isArray(o.stmts)) return this.block(o as unknown as ast.Block, locals) as T; break;
      case 'ident': {
        const e = o as unknown as ast.ExprOf<'ident'>;
        let name = e.name;
        if (!locals.has(e.name) && this.s.spaces.has(e.name) && !this.s.names.has(e.name)) {
          this.diags.push(diag(MSG.E0100.moduleNotValue({ eName: e.name }), e.span, { notes: [NOTE.E0100.helpUseOneExports({ eName: e.name })] }));
        } else name = this.global(e.name, locals) ?? e.name;
        return upd(e, { name, typeArgs: this.walk(e.typeArgs, locals) }) as T;
      }
      case 'member': {
        const e = o as unknown as ast.ExprOf<'member'>;
        if (e.object.kind === 'ident') {
          const g = this.member(e.object.name, e.name, e.nameSpan, locals);
          if (g !== undefined) return { kind: 'ident', span: e.span, name: g ?? '{error}', typeArgs: null } as T; // `u.f`: the item itself
        }
        return upd(e, { object: this.walk(e.object, locals) }) as T;
      }
      case 'named': {
        const t = o as unknown as ast.TypeExpr & { kind: 'named' };
        let r = t;
        if (t.member !== undefined) {
          const g = this.member(t.name, t.member, t.span, locals);
          if (g !== undefined) { const { member: _, ...rest } = t; r = { ...rest, name: g ?? '{error}' }; }
        } else r = upd(t, { name: this.global(t.name, locals) ?? t.name });
        return upd(r, { args: this.walk(t.args, locals) }) as T;
      }
      case 'struct-lit': {
        const e = o as unknown as ast.ExprOf<'struct-lit'>;
        const dot = e.name.indexOf('.');
        let name = e.name;
        if (dot > 0) {
          const g = this.member(e.name.slice(0, dot), e.name.slice(dot + 1), e.nameSpan, locals);
          if (g !== undefined) name = g ?? '{error}';
        } else name = this.global(e.name, locals) ?? e.name;
        const typeArgs = this.walk(e.typeArgs, locals);
        return upd(e, { name, typeArgs, fields: each(e.fields, (f) => upd(f, { value: this.walk(f.value, locals) })) }) as T;
      }
      case 'closure': {
        const e = o as unknown as ast.ExprOf<'closure'>;
        const inner = new Set(locals);
        const params = each(e.params, (p) => { const r = upd(p, { type: this.walk(p.type, locals) }); inner.add(p.name); return r; });
        const ret = this.walk(e.ret, locals);
        return upd(e, { params, ret, body: this.walk(e.body, inner) }) as T;
      }
      case 'match': {
        const e = o as unknown as ast.ExprOf<'match'>;
        const subject = this.walk(e.subject, locals);
        const arms = each(e.arms, (arm) => {
          const inner = new Set(locals);
          const pattern = this.pattern(arm.pattern, inner);
          const guard = this.walk(arm.guard, inner);
          return upd(arm, { pattern, guard, body: arm.body.kind === 'block' ? this.block(arm.body as ast.Block, inner) : this.walk(arm.body, inner) });
        });
        return upd(e, { subject, arms }) as T;
      }
      default: break;
    }
    let copy: Record<string, unknown> | null = null;
    for (const k in o) {
      if (SKIP.has(k)) continue;
      const v = this.walk(o[k], locals);
      if (v !== o[k]) (copy ??= { ...o })[k] = v;
    }
    return (copy ?? o) as T;
  }

  /** A match pattern: rewrites type and variant paths, adds its bindings to `locals`. */
  private pattern(p: ast.Pattern, locals: Set<string>): ast.Pattern {
    switch (p.kind) {
      case 'binding': locals.add(p.name); return p;
      case 'variant': {
        let path = p.path;
        if (p.path.length >= 3) {
          const g = this.member(p.path[0], p.path[1], p.span, locals);
          if (g !== undefined) path = [g ?? '{error}', ...p.path.slice(2)];
        } else if (p.path.length === 2) {
          const g = this.global(p.path[0], locals);
          if (g !== null && g !== p.path[0]) path = [g, p.path[1]];
        }
        return upd(p, { path, args: p.args && each(p.args, (a) => this.pattern(a, locals)) });
      }
      case 'struct': {
        const dot = p.name.indexOf('.');
        let name = p.name;
        if (dot > 0) { const g = this.member(p.name.slice(0, dot), p.name.slice(dot + 1), p.span, locals); if (g !== undefined) name = g ?? '{error}'; }
        else name = this.global(p.name, locals) ?? p.name;
        return upd(p, { name, fields: each(p.fields, (f) => { if (f.pattern) return upd(f, { pattern: this.pattern(f.pattern, locals) }); locals.add(f.name); return f; }) });
      }
      case 'tuple': return upd(p, { elems: each(p.elems, (e) => this.pattern(e, locals)) });
      case 'array': { const elems = each(p.elems, (e) => this.pattern(e, locals)); if (p.rest?.name) locals.add(p.rest.name); return upd(p, { elems }); }
      case 'or': return upd(p, { alts: each(p.alts, (a) => this.pattern(a, locals)) });
      case 'literal': return upd(p, { value: this.walk(p.value, locals) });
      default: return p;
    }
  }
}

/** The names in scope inside a declaration with generic parameters `gs` (they shadow type names). */
function scopeOf(gs: ast.GenericParam[], outer: Set<string>): Set<string> {
  const inner = new Set(outer);
  for (const g of gs) inner.add(g.name);
  return inner;
}

function letNames(p: ast.LetPattern, out: Set<string>): void {
  if (p.kind === 'name') out.add(p.name);
  else if (p.kind === 'tuple') for (const e of p.elems) letNames(e, out);
}

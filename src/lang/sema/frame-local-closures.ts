// Closures that cannot outlive their frame: `let f = |…| …;` whose every later mention is a call
// `f(…)` made by the same function (not from inside another closure, which might escape), or an
// argument to a parameter that cannot outlive its call (sema/scoped-params.ts). Such a
// closure's captured by-value arrays stay on the frame's stack model like the arrays themselves,
// so it charges nothing to the heap (stmts.ts closure): a loop making one per iteration over a
// fresh array must not run out of heap. Every other closure value may escape and is charged.
import type * as ast from '../syntax/ast';
import type { LocalInfo } from './typed';
import { type ResOf, callTarget, checkMap, checkedNode, exprInfo, fieldPattern, goInfoOf, localOf, nameRes } from './tables';
import { lentForCall, scopedArgs } from './scoped-params';
import { isCopy } from './infer';
import { holdsRef, letLocals } from './borrows';

const SKIP = new Set(['info', 'res', 'target', 'local', 'variant', 'resolved', 'span', 'nameSpan', 'moduleSpan', 'decl']);
const cache = checkMap<object, ReadonlySet<ast.Expr>>(); // (per check: it reads the check's resolutions)

/** The closure literals of the function body `root` that stay in its frame (see above). */
export function frameLocalClosures(root: object): ReadonlySet<ast.Expr> {
  const hit = cache.get(root);
  if (hit) return hit;
  // `let f = closure`: the literal and the closure literal the let is inside (null: the body)
  const lets = new Map<LocalInfo, { closure: ast.Expr; owner: object | null }>();
  const uses: { local: LocalInfo; owner: object | null; called: boolean }[] = [];
  const walk = (n: unknown, owner: object | null, callee: unknown): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) { for (const x of n) walk(x, owner, callee); return; }
    const o = checkedNode(n) as Record<string, unknown> & { kind?: string };
    if (o.kind === 'let') {
      const s = o as unknown as Extract<ast.Stmt, { kind: 'let' }>;
      if (s.pattern.kind === 'name' && localOf(s.pattern) && s.init?.kind === 'closure') lets.set(localOf(s.pattern)!, { closure: s.init, owner });
    } else if (o.kind === 'ident') {
      const e = o as unknown as ast.ExprOf<'ident'>;
      // given to a parameter that cannot outlive the call (scoped-params.ts) counts as a call
      if (nameRes(e)?.k === 'local') uses.push({ local: (nameRes(e) as ResOf<'local'>).local, owner, called: callee === o || scopedArgs.has(e) });
    }
    const inner = o.kind === 'closure' ? o : owner;
    const calleeHere = o.kind === 'call' ? o.callee : null;
    for (const k of Object.keys(o)) if (!SKIP.has(k)) walk(o[k], inner, calleeHere);
  };
  walk(root, null, null);
  // a let's closure stays in the frame when every use of its local calls it where it was made
  // (per local, not over every use for every let: a body of thousands of closures)
  const strayed = new Set<LocalInfo>();
  for (const u of uses) {
    const l = lets.get(u.local);
    if (l && !(u.called && u.owner === l.owner)) strayed.add(u.local);
  }
  const out = new Set<ast.Expr>();
  for (const [local, l] of lets) if (!strayed.has(local)) out.add(l.closure);
  cache.set(root, out);
  return out;
}

const keptCache = checkMap<object, ReadonlySet<LocalInfo>>();

/** Locals of `root` captured by a closure that may outlive the frame (not lent to a call, not
 *  frame-local above). Captures are by reference and "live as long as the closures holding them"
 *  (chapter 2 §1.3); a function value is Copy, so no drop can see its last copy go: such a local's
 *  value is kept, not dropped when its scope ends (a block the heap map shows live, never one
 *  freed while a closure still reads it). */
export function keptByEscapingClosures(root: object): ReadonlySet<LocalInfo> {
  const hit = keptCache.get(root);
  if (hit) return hit;
  const stays = frameLocalClosures(root);
  const out = new Set<LocalInfo>();
  // `catch_panic(|| …)` runs its closure during the call, like a lending method
  const calledNow = new Set<unknown>();
  const walk = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) { for (const x of n) walk(x); return; }
    const o = checkedNode(n) as Record<string, unknown> & { kind?: string };
    if (o.kind === 'call') {
      const t = callTarget(o as unknown as ast.ExprOf<'call'>);
      if (t?.k === 'builtin' && t.name === 'catch_panic') for (const a of (o as unknown as ast.ExprOf<'call'>).args) calledNow.add(a);
    }
    // a `go` task and an `async` block may run after the frame ended: they keep theirs too
    const escaping = o.kind === 'go' ? goInfoOf(o as unknown as ast.Stmt)?.captures
      : o.kind === 'async' || (o.kind === 'closure' && !lentForCall(o as unknown as ast.Expr) && !stays.has(o as unknown as ast.Expr) && !calledNow.has(o))
        ? exprInfo(o as unknown as ast.Expr)?.closure?.captures : undefined;
    // a match binding that views a part of an owned local (sema partOf): the owner is kept
    for (const c of escaping ?? []) for (let l: LocalInfo | undefined = c; l && !out.has(l); l = l.partOf) out.add(l);
    if (o.kind === 'let') {
      const s = o as unknown as Extract<ast.Stmt, { kind: 'let' }>;
      if (s.init) for (const l of letLocals(s.pattern)) sources(l).push(s.init);
    } else if (o.kind === 'assign') {
      const s = o as unknown as Extract<ast.Stmt, { kind: 'assign' }>;
      const l = s.op === '=' && s.target.kind === 'ident' && nameRes(s.target)?.k === 'local' ? (nameRes(s.target) as ResOf<'local'>).local : null;
      if (l) sources(l).push(s.value);
    } else if (o.kind === 'for-in') {
      const s = o as unknown as Extract<ast.Stmt, { kind: 'for-in' }>;
      if (localOf(s)) views.push({ binds: [localOf(s)!], of: s.iter });
    } else if (o.kind === 'match') {
      const e = o as unknown as ast.ExprOf<'match'>;
      views.push({ binds: e.arms.flatMap((a) => bindingLocals(a.pattern)), of: e.subject });
    }
    for (const k of Object.keys(o)) if (!SKIP.has(k)) walk(o[k]);
  };
  // bindings that may view a part of what they iterate or match (`for d in v`, `match s.e`;
  // a copied one does not)
  const views: { binds: LocalInfo[]; of: ast.Expr }[] = [];
  // every value a local is given (`let r = &v;`, `r = &w;`, `let f = mk(&e);`)
  const given = new Map<LocalInfo, ast.Expr[]>();
  const sources = (l: LocalInfo) => { let a = given.get(l); if (!a) given.set(l, (a = [])); return a; };
  walk(root);
  // a kept one keeps the local that place belongs to (a temporary is not dropped: stmts.ts),
  // until nothing changes (a kept owner may be a view itself)
  for (let changed = true; changed;) {
    changed = false;
    for (const v of views) {
      const owner = v.binds.some((l) => out.has(l) && !isCopy(l.type)) ? placeRoot(v.of) : null;
      for (let l = owner ?? undefined; l && !out.has(l); l = l.partOf) { out.add(l); changed = true; }
    }
    // a kept value that may hold a borrow keeps what it may borrow from: a `go` task reading
    // `r = &v` must not see v dropped when v's block ends first (every value r was given:
    // `&v.items[i]`, `r2 = r`, `mk(&e)`, `v.as_slice()`)
    for (const l of [...out]) {
      if (!holdsRef(l.type)) continue;
      for (const e of given.get(l) ?? []) for (const m of borrowedFrom(e)) {
        for (let x: LocalInfo | undefined = m; x && !out.has(x); x = x.partOf) { out.add(x); changed = true; }
      }
    }
  }
  keptCache.set(root, out);
  return out;
}

/** The locals a value may borrow from: the places of its `&p` (`&v.items[i]` → v), locals that
 *  hold borrows themselves (`r2 = r`, `f = g`), and the receivers of method calls whose result may
 *  hold one (`v.first_ref()`, `v.as_slice()`). A closure literal is left out: it escapes and keeps
 *  its own captures. */
function borrowedFrom(e: unknown, out: LocalInfo[] = []): LocalInfo[] {
  if (!e || typeof e !== 'object') return out;
  if (Array.isArray(e)) { for (const x of e) borrowedFrom(x, out); return out; }
  const o = checkedNode(e) as Record<string, unknown> & { kind?: string };
  switch (o.kind) {
    case 'closure': return out;
    case 'ref': { const r = placeRoot((o as unknown as ast.ExprOf<'ref'>).operand); if (r) out.push(r); return out; }
    case 'ident': {
      const n = nameRes(o as unknown as ast.ExprOf<'ident'>);
      if (n?.k === 'local' && holdsRef((n as ResOf<'local'>).local.type)) out.push((n as ResOf<'local'>).local);
      return out;
    }
    case 'call': {
      const c = o as unknown as ast.ExprOf<'call'>;
      if (c.callee.kind === 'member' && holdsRef(exprInfo(c)?.type)) { const r = placeRoot(c.callee.object); if (r) out.push(r); }
      break;
    }
  }
  for (const k of Object.keys(o)) if (!SKIP.has(k)) borrowedFrom(o[k], out);
  return out;
}

/** The local a place expression belongs to (`v`, `s.e`, `t.0`, `v[i]`, `&v`), or null. */
function placeRoot(e: ast.Expr): LocalInfo | null {
  for (;;) {
    if (e.kind === 'ident') return nameRes(e)?.k === 'local' ? (nameRes(e) as ResOf<'local'>).local : null;
    if (e.kind === 'member' || e.kind === 'tuple-index' || e.kind === 'index') e = e.object;
    else if (e.kind === 'ref') e = e.operand;
    else return null;
  }
}

/** The locals a pattern binds (any depth). */
export function bindingLocals(p: ast.Pattern, out: LocalInfo[] = []): LocalInfo[] {
  switch (p.kind) {
    case 'binding': if (localOf(p)) out.push(localOf(p)!); break;
    case 'variant': for (const a of p.args ?? []) bindingLocals(a, out); break;
    case 'struct': for (const f of p.fields) { const fp = fieldPattern(f); if (fp) bindingLocals(fp, out); } break;
    case 'tuple': for (const a of p.elems) bindingLocals(a, out); break;
    case 'array': for (const a of p.elems) bindingLocals(a, out); if (localOf(p.rest)) out.push(localOf(p.rest)!); break;
    case 'or': for (const a of p.alts) bindingLocals(a, out); break;
    default: break;
  }
  return out;
}

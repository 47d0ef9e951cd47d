// Borrow conflicts within a block (chapter 2 §6.4), for borrows held by `let r = &x…;` /
// `let w = &x…!;`. A held borrow is live from the end of its `let` to the last later statement of
// the same block that mentions `r` (source order; nested blocks count as part of their statement).
// While a mutable borrow of `x` is live, any other use of `x` is an error; while a shared one is
// live, `&x!`, writing `x` (or its parts) and mutating method calls on `x` are. Runs after the
// block is checked, so every name is resolved.
import type * as ast from '../syntax/ast';
import type { Ctx } from './context';
import type { LocalInfo } from './typed';
import { builtinMethod } from './prelude';
import { refBound } from './moves';
import { type Scope, forEachScope, partsOf, scopesOf, walkKey } from './scopes';
import { MSG, NOTE, type Message } from '../msg';
import { type ResOf, callTarget, checkedCall, checkedNode, exprInfo, localOf, nameRes, checkMap, checkSet, refIsMut } from './tables';
import { somePart, type Type } from './types';
import { ownerLocal } from './place-roots';

/** Keys to walk: annotations are skipped, and a call's `target` (a FnInfo, not syntax). */
export const walk = walkKey;

const LOOPS = new Set(['while', 'loop', 'for-in', 'for-c']);
type LoopStmt = Extract<ast.Stmt, { kind: 'while' | 'loop' | 'for-in' | 'for-c' }>;
/** A use of holder r in the next iteration of loop s, in the order it runs (a `for`'s step, the
 *  condition, the body's statements), before the body gives r a new value or clears it (`r =
 *  …;`, `r.clear();`); mentions inside `site` (the store itself) are not uses. */
function carriedUse(s: LoopStmt, r: LocalInfo, through: ReadonlySet<LocalInfo>, site: ast.Span): Use | null {
  const first: unknown[] = s.kind === 'for-c' ? [s.post, s.cond] : s.kind === 'while' ? [s.cond] : [];
  return firstUse([...first, ...s.body.stmts, s.body.tail], first.length, r, through, site);
}
/** A use of a holder: where, and whether it reads nothing the holder keeps (the holder still
 *  holds the reference there, never reset on every path after it). */
type Use = { at: ast.Span; weak: boolean };
/** The use of holder r (or a local in `through`) that the nodes (statements from index `from`)
 *  make first, in order, before a statement gives r a new value or clears it (on every path:
 *  resetsAll): a mention that reads nothing r holds (`v.len()`, weakRead) is one only if no such
 *  reset follows, and then the last such. */
function firstUse(nodes: readonly unknown[], from: number, r: LocalInfo, through: ReadonlySet<LocalInfo>, site?: ast.Span): Use | null {
  let weak: ast.Span | null = null;
  for (let i = 0; i < nodes.length; i++) {
    const st = nodes[i];
    if (i >= from && resetsAll(st, r, through)) return null;
    const m = lastMention(st, r, through, site);
    if (!m) continue;
    if (!weakReads(st, through, site)) return { at: m, weak: false };
    weak = m; // (the last: where it is still held, `if c { v.clear(); } v.len()`)
  }
  return weak && { at: weak, weak: true };
}
/** Does statement `st` end what holder r held: `r.clear();`, or `r = v;` with a value that keeps
 *  nothing of r (`v = id(v);` keeps it all)? */
const resets = (st: unknown, r: LocalInfo): boolean =>
  (clears(st, r) || (reassigns(st, r) && weakReads((st as Extract<ast.Stmt, { kind: 'assign' }>).value, new Set([r]))))
    // (shared handles given another or emptied out: their copies still hold the old contents)
    && !(holdsShared(r.type) && sharedBesides(r, st as ast.Stmt));
/** Does statement `st` end what holder r held on every path through it, before any mention of r
 *  (or a local in `through`) that reads what it holds: a reset (resets), or a block, an `if` with
 *  an `else` or a `match` each of whose scopes does so before it may leave (`{ v.clear(); }`,
 *  `if c { v.clear(); } else { v = Vec.new(); }`, `match k { 0 => v.clear(), _ => { v = Vec.new(); } }`)? */
function resetsAll(st: unknown, r: LocalInfo, through: ReadonlySet<LocalInfo>, isReset: (st: unknown, r: LocalInfo) => boolean = resets): boolean {
  if (isReset(st, r)) return true;
  const t = st as ast.Stmt | undefined;
  const e = (t?.kind === 'expr' ? t.expr : t) as { kind?: string; else?: unknown } | undefined;
  if (!e || !(e.kind === 'block' || e.kind === 'unsafe' || (e.kind === 'if' && e.else) || e.kind === 'match')) return false;
  const scopes = scopesOf(e);
  if (!scopes.length || !weakReads(partsOf(e), through)) return false;
  return scopes.every((sc) => {
    for (const x of sc.stmts) {
      if (resetsAll(x, r, through, isReset)) return true;
      if (exitsOrRebinds(x, r) || !weakReads(x, through)) return false;
    }
    return !!sc.value && resetsAll(asStmt(sc.value), r, through, isReset);
  });
}
/** Builtin methods that read neither the references a collection or Option holds nor what they
 *  point to (`clear` drops them unread). */
const COUNTS = new Set(['len', 'is_empty', 'capacity', 'is_some', 'is_none', 'is_ok', 'is_err', 'clear']);
/** Does every mention of a local in `ls` in `st` (outside span `except`) read only a value holding
 *  no reference out of the holder itself, through none of its references: a count (`v.len()`,
 *  `o.is_some()`), a field or element of an owned part (`h.n`, `t.0`, `arr[0].n` of `[S; 2]`)? */
function weakReads(st: unknown, ls: ReadonlySet<LocalInfo>, except?: ast.Span): boolean {
  if (!ls.size) return true;
  return everyMention(st, ls, (o, up) => {
    let child: unknown = o;
    for (let k = up.length - 1; ; k--) {
      const a = up[k];
      if (a?.kind === 'member' && a.object === child && up[k - 1]?.kind === 'call') {
        const c = checkedCall(up[k - 1] as unknown as ast.ExprOf<'call'>), t = callTarget(c);
        if ((c.callee as unknown) === a && t?.k === 'builtin-method' && COUNTS.has(t.method)) return true;
      }
      const place = a && (a.kind === 'member' || a.kind === 'tuple-index' || a.kind === 'index') && a.object === child;
      const t = place ? exprInfo(a as unknown as ast.Expr)?.type : undefined;
      if (!t || t.k === 'ref' || t.k === 'slice' || t.k === 'ptr' || t.k === 'fn') return false;
      if (!holdsRef(t)) return true;
      child = a;
    }
  }, except);
}
/** Does `ok(mention, ancestors)` hold for every mention of a local in `ls` in `st` (outside span
 *  `except`)? The ancestors are the nodes above the mention, outermost first. */
function everyMention(st: unknown, ls: ReadonlySet<LocalInfo>, ok: (o: Record<string, unknown>, up: Record<string, unknown>[]) => boolean, except?: ast.Span): boolean {
  let all = true;
  const visit = (x: unknown, up: Record<string, unknown>[]): void => {
    if (!all || !x || typeof x !== 'object') return;
    if (Array.isArray(x)) { for (const y of x) visit(y, up); return; }
    const o = checkedNode(x) as Record<string, unknown>;
    if (except && o.span && within(o.span as ast.Span, except)) return;
    if (o.kind === 'ident' && nameRes(o as unknown as ast.Expr)?.k === 'local' && ls.has((nameRes(o as unknown as ast.Expr) as ResOf<'local'>).local)) {
      if (!ok(o, up)) all = false;
      return;
    }
    up.push(o);
    for (const k in o) if (walk(o, k)) visit(o[k], up);
    up.pop();
  };
  visit(st, []);
  return all;
}
/** `r.clear();` on a collection local r. */
function clears(st: unknown, r: LocalInfo): boolean {
  const t = st as ast.Stmt | undefined;
  const c = t?.kind === 'expr' && t.expr.kind === 'call' ? checkedCall(t.expr) : null, k = c ? callTarget(c) : null;
  return !!c && k?.k === 'builtin-method' && k.method === 'clear' && c.callee.kind === 'member' && c.callee.object.kind === 'ident' && nameRes(c.callee.object)?.k === 'local' && (nameRes(c.callee.object) as ResOf<'local'>).local === r;
}
/** The last mention of local `r` in `n` (an ident resolved to it; not inside span `except`), or null. */
function lastMention(n: unknown, r: LocalInfo, copies?: ReadonlySet<LocalInfo>, except?: ast.Span): ast.Span | null {
  let found: ast.Span | null = null;
  const visit = (x: unknown): void => {
    if (!x || typeof x !== 'object') return;
    if (Array.isArray(x)) { for (const y of x) visit(y); return; }
    const o = checkedNode(x) as Record<string, unknown>;
    if (except && o.span && within(o.span as ast.Span, except)) return;
    const id = o as unknown as ast.ExprOf<'ident'>;
    if (o.kind === 'ident' && nameRes(id)?.k === 'local') {
      const l = (nameRes(id) as ResOf<'local'>).local;
      if (l === r || copies?.has(l)) found = o.span as ast.Span;
    }
    for (const k in o) if (walk(o, k)) visit(o[k]);
  };
  visit(n);
  return found;
}

/** The local a statement gives a whole new value, and that value: `let x = v;` (a name pattern)
 *  or `x = v;`. */
export function boundLocal(s: ast.Stmt): { local: LocalInfo; value: ast.Expr } | null {
  if (s.kind === 'let') { const l = s.pattern.kind === 'name' ? localOf(s.pattern) : null; return l ? { local: l, value: s.init } : null; }
  if (s.kind === 'assign' && s.op === '=' && s.target.kind === 'ident' && nameRes(s.target)?.k === 'local') return { local: (nameRes(s.target) as ResOf<'local'>).local, value: s.value };
  return null;
}

/** A borrow a holder keeps: the borrowed place, whether it is mutable, where it was made. */
export interface Borrow { operand: ast.Expr; mut: boolean; span: ast.Span }
const explicit = (e: ast.ExprOf<'ref'>): Borrow => ({ operand: e.operand, mut: refIsMut(e), span: e.span });

/** The borrows a statement makes `r` hold (chapter 2 §6.4): `let r = &x…;` / `r = &x…;`,
 *  `let r = pick(&a, &b);` (a call returning a reference holds its reference arguments' borrows)
 *  `let fut = get(&v);` (an `async fn`'s Future keeps its arguments) and `let r = p.name_ref();` (a method with a `&T`/`&T!` receiver returning a reference holds
 *  the receiver's borrow too). */
function heldBy(s: ast.Stmt): { r: LocalInfo; borrows: Borrow[] } | null {
  const bound = boundLocal(s);
  if (!bound || (s.kind === 'assign' && bound.local.type.k !== 'ref' && bound.local.type.k !== 'fn')) return null;
  const r = bound.local;
  const init = bound.value;
  if (init.kind === 'ref') {
    if (exprInfo(init)?.coerce?.k === 'ptr') return null; // `let p: *T = &x;` (§7.4): a raw pointer holds no borrow
    return { r, borrows: [explicit(init)] };
  }
  if (init.kind === 'call' && viewOf(init)) return { r, borrows: [viewOf(init)!] };
  // a value a call returns (a reference, a closure that captured them, a Future) holds the
  // borrows of its reference arguments and `&T` receiver, through nested calls (`id(mk(&e))`)
  if (init.kind === 'call' && holdsRef(exprInfo(init)?.type)) return { r, borrows: borrowsIn(init) };
  return null;
}

/** `v.as_slice()` (§5.2) on an owned Vec: a view of its elements that borrows it shared, as `&v[..]`. */
function viewOf(call: ast.ExprOf<'call'>): Borrow | null {
  const c = checkedCall(call), t = callTarget(c);
  if (t?.k !== 'builtin-method' || t.owner !== 'Vec' || t.method !== 'as_slice' || c.callee.kind !== 'member') return null;
  const ot = exprInfo(c.callee.object)?.type;
  return ot && ot.k !== 'ref' && ot.k !== 'ptr' ? { operand: c.callee.object, mut: false, span: c.span } : null;
}

/** Is `st` an assignment of a new value to `r` itself (`r = …;`), which ends r's old borrows? */
const reassigns = (st: unknown, r: LocalInfo): boolean => {
  const t = st as ast.Stmt | undefined;
  return t?.kind === 'assign' && t.op === '=' && t.target.kind === 'ident' && nameRes(t.target)?.k === 'local' && (nameRes(t.target) as ResOf<'local'>).local === r;
};

/** A reference to a local of a nested block escaping it (E0176), reported by an enclosing block
 *  where its holder is used after the statement holding that block: `r = &x;` / `r = &x.f;` /
 *  `r = x.get_ref();`, a reference stored into an outer struct, Vec or Option (`h.r = &x;`,
 *  `v.push(&x);`, `o = Some(&x);`). A block whose value is a reference to its own local
 *  (`if c { let x = 5; &x } else { … }`, a match arm) is reported at once: its value is always
 *  used after the block. */
interface Dangling { r: LocalInfo; x: LocalInfo; at: ast.Span; scope: ast.Span; how: string; site: ast.Span }
const pendingDangling = new WeakMap<Ctx, Dangling[]>();
/** Does span a lie inside span b? */
export const within = (a: ast.Span, b: ast.Span) => a.file === b.file && a.start >= b.start && a.end <= b.end;

/** Does a value of type `t` hold a reference somewhere (so a borrow can be stored in it, and a
 *  call returning it may hold its reference arguments' borrows)? A function value may (a closure
 *  that captured one: `mk(&e)`), a Future may (an `async fn`'s reference parameters), and so may a
 *  value holding one (`H{f: mk(d)}` returned by `wrap(&e)`). One predicate for the checker and
 *  codegen (which keeps a temporary alive while such a value may point into it, §6.4): they differ
 *  only in raw pointers, which hold no borrow (§7.4) but do point into memory, so `pointers`
 *  counts them for codegen. */
export function holdsRef(t: Type | undefined, pointers = false, seen = new Set<unknown>()): boolean {
  if (!t) return false;
  const h = (x: Type) => holdsRef(x, pointers, seen);
  switch (t.k) {
    case 'ref': case 'slice': case 'fn': return true;
    case 'ptr': return pointers;
    case 'builtin': return t.name === 'Future' || somePart(t, h, seen);
    default: return somePart(t, h, seen);
  }
}

/** A (checked) call that builds an enum value holding its arguments: a variant or `Some`/`Ok`/`Err`. */
export const buildsVariant = (c: ast.ExprOf<'call'>): boolean =>
  callTarget(c)?.k === 'variant' || (c.callee.kind === 'ident' && ['Some', 'Ok', 'Err'].includes(c.callee.name));

/** The values an `if`'s branches or a `match`'s arms give (their tails; an arm's expression). */
export const branchValues = (e: ast.ExprOf<'if'> | ast.ExprOf<'match'>): ast.Expr[] =>
  scopesOf(e).flatMap((s) => (s.value ? [s.value] : []));

/** Is the place part of a temporary (chapter 2 §6.4: dropped when its statement is done): a value
 *  a call or literal makes, not a reference itself? */
export function temporaryPlace(e: ast.Expr): boolean {
  while (e.kind === 'member' || e.kind === 'tuple-index' || e.kind === 'index') e = e.object;
  const t = exprInfo(e)?.type;
  return (e.kind === 'call' || e.kind === 'struct-lit') && !!t && t.k !== 'ref' && t.k !== 'ptr' && t.k !== 'slice' && t.k !== 'str';
}

let borrowDepth = 0;
/** `let g = |…| …;`: the literal g stands for. */
const letClosures = checkMap<LocalInfo, ast.ExprOf<'closure'>>();
export const letClosureOf = (l: LocalInfo): ast.ExprOf<'closure'> | undefined => letClosures.get(l);
/** What a closure's result may point into: the borrows its result values carry (its value or
 *  tail, what its `return`s and `?`s give back) that are not its own locals' or parameters' (its
 *  arguments' are the call's). A closure returning a function value or a Future may return one
 *  capturing any of its captures: then each captured local it mentions, or what a captured
 *  reference holds. */
function captureBorrows(c: ast.ExprOf<'closure'>): Borrow[] {
  const info = exprInfo(c)?.closure, caps = new Set(info?.captures ?? []), out: Borrow[] = [];
  if (!caps.size) return out;
  if (!holdsFnValue(info!.ret)) {
    const own = (br: Borrow) => { const l = ownerLocal(br.operand); return !!l && within(l.span, c.span); };
    for (const v of resultValues(c)) for (const br of borrowsIn(v)) if (!own(br)) out.push(br);
    return out;
  }
  const visit = (n: unknown): void => {
    if (!n || typeof n !== 'object' || !caps.size) return;
    if (Array.isArray(n)) { for (const y of n) visit(y); return; }
    const o = checkedNode(n) as Record<string, unknown>;
    const l = o.kind === 'ident' && nameRes(o as unknown as ast.Expr)?.k === 'local' ? (nameRes(o as unknown as ast.Expr) as ResOf<'local'>).local : null;
    if (l && caps.delete(l)) {
      if (l.type.k === 'ref' || l.type.k === 'slice' || holdsRef(l.type)) borrowsIn(o as unknown as ast.Expr, out);
      else out.push({ operand: o as unknown as ast.Expr, mut: false, span: o.span as ast.Span });
    }
    for (const k in o) if (walk(o, k)) visit(o[k]);
  };
  visit(c.body);
  return out;
}
/** Does a value of type t hold a function value or a Future (which may capture anything)? */
const holdsFnValue = (t: Type | undefined, seen = new Set<unknown>()): boolean =>
  !!t && (t.k === 'fn' || (t.k === 'builtin' && t.name === 'Future') || somePart(t, (x) => holdsFnValue(x, seen), seen));
/** The values a closure's call gives back: its body's value, its `return`s' and the operands of
 *  its `?`s (their None/Err), not those of closures, tasks or async blocks inside it. */
function resultValues(c: ast.ExprOf<'closure'>): ast.Expr[] {
  const out: ast.Expr[] = [];
  const body = c.body as ast.Block | ast.Expr;
  if (Array.isArray((body as ast.Block).stmts)) { if ((body as ast.Block).tail) out.push((body as ast.Block).tail!); } else out.push(body as ast.Expr);
  const visit = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) { for (const y of n) visit(y); return; }
    const o = checkedNode(n) as Record<string, unknown>;
    if (o.kind === 'closure' || o.kind === 'async' || o.kind === 'go') return;
    if (o.kind === 'return' && o.value) out.push(o.value as ast.Expr);
    if (o.kind === 'try') out.push(o.operand as ast.Expr);
    for (const k in o) if (walk(o, k)) visit(o[k]);
  };
  visit(body);
  return out;
}
/** The borrows a value carries into where it is stored: `&x…`, inside `Some(…)`/variants, struct
 *  literals, tuples and arrays, the reference arguments (and `&T` receiver) of a call returning a
 *  reference, and the values of `if`/`match` branches. */
export function borrowsIn(e: ast.Expr | undefined, out: Borrow[] = []): Borrow[] {
  if (!e) return out;
  if (e.kind === 'call') e = checkedCall(e);
  switch (e.kind) {
    case 'ref': {
      if (exprInfo(e)?.coerce?.k === 'ptr') break;
      out.push(explicit(e));
      // (a reference to a place holding references reaches what it holds: `cp(&v, &out!)` may
      // copy v's elements into out, `first(&v)` return one)
      if (holdsRef(exprInfo(e.operand)?.type) && borrowDepth < 8) { borrowDepth++; try { borrowsIn(e.operand, out); } finally { borrowDepth--; } }
      break;
    }
    case 'ident': {
      if (nameRes(e)?.k !== 'local') break;
      const l = (nameRes(e) as ResOf<'local'>).local, from = boundFrom.get(l);
      heldAt(l, e.span, out);
      if (from && borrowDepth < 8) { borrowDepth++; try { borrowsIn(from, out); } finally { borrowDepth--; } }
      break;
    }
    // (a part of a holder holds what the holder does: `p.0` of `let p = (&x, 2);`)
    case 'member': case 'tuple-index': case 'index': {
      const l = holdsRef(exprInfo(e)?.type) ? ownerLocal(e) : null;
      // (an element of a tuple a `let` bound to a literal holds that element's: `p.0` of `let p = (&a, &x);`)
      const ti = e.kind === 'tuple-index' && e.object.kind === 'ident' ? e.index : -1, parts = l && ti >= 0 ? tupleParts.get(l) : undefined;
      // (until a store into it that reaches here: then what it holds is all of them)
      if (parts && parts[ti] && fillsAt(l!, e.span).every((f) => f.isLet)) borrowsIn(parts[ti], out);
      else if (l && l.type.k !== 'ref') heldAt(l, e.span, out);
      // (a part read through a reference local holds what the place it points to holds: `w[0]`
      // with `let w = &v;`, not a borrow of v itself)
      else if (l && borrowDepth < 8) {
        borrowDepth++;
        try { for (const br of heldAt(l, e.span, [])) if (holdsRef(exprInfo(br.operand)?.type)) borrowsIn(br.operand, out); } finally { borrowDepth--; }
      }
      break;
    }
    case 'tuple': case 'array': for (const x of e.elems) borrowsIn(x, out); break;
    // (a value read through a reference holds what the referenced place holds: `*rr` with
    // `rr = &r`, `r = &x`; and what comes out of an Option or Result, a Future, a channel)
    case 'deref': case 'try': case 'await': case 'recv': {
      if (!holdsRef(exprInfo(e)?.type) || borrowDepth >= 8) break;
      const from = borrowsIn(e.operand);
      out.push(...from);
      if (e.kind === 'deref') { borrowDepth++; try { for (const br of from) borrowsIn(br.operand, out); } finally { borrowDepth--; } }
      break;
    }
    case 'struct-lit': for (const f of e.fields) borrowsIn(f.value, out); break;
    case 'if': case 'match': for (const v of branchValues(e)) borrowsIn(v, out); break;
    case 'call': {
      const t = callTarget(e);
      if (buildsVariant(e)) { for (const a of e.args) borrowsIn(a, out); break; }
      const view = viewOf(e);
      if (view) { out.push(view); break; }
      // a reference or function value a call returns holds its reference arguments' borrows:
      // every one (`pick(&a, &b)`), also those an argument holds (`id(mk(&e))`, `pick(r, &b)`)
      if (!holdsRef(exprInfo(e)?.type)) break;
      for (const a of e.args) if (holdsRef(exprInfo(a)?.type)) borrowsIn(a, out);
      // (a call of a `let g = || …;` closure may return a reference into what it captured: `|| &x`)
      const g = t?.k === 'value' && e.callee.kind === 'ident' && nameRes(e.callee)?.k === 'local' ? letClosures.get((nameRes(e.callee) as ResOf<'local'>).local) : undefined;
      if (g) out.push(...captureBorrows(g));
      const rt = t?.k === 'method' ? t.fn.receiverType : null, m = e.callee;
      if (rt?.k === 'ref' && m.kind === 'member' && exprInfo(m.object)?.type?.k !== 'ref') out.push({ operand: m.object, mut: rt.mut, span: m.span });
      // (a builtin method gives back what its receiver holds: `o.unwrap()`, `o.map(|r| r)`, `v.get(0)`)
      if (t?.k === 'builtin-method' && m.kind === 'member' && holdsRef(exprInfo(m.object)?.type)) borrowsIn(m.object, out);
      break;
    }
  }
  return out;
}

/** A local the borrow points into that lives in `scope` (not itself a reference or a pointer). */
function localIn(br: Borrow, scope: ast.Span): LocalInfo | null {
  const x = ownerLocal(br.operand);
  return x && x.type.k !== 'ref' && x.type.k !== 'ptr' && within(x.span, scope) ? x : null;
}

/** The iterated place of each `for` binding met so far (its elements are viewed in place). */
const loopIter = checkMap<LocalInfo, ast.Expr>();

/** The local whose change a borrow of x meets: x, or for a loop binding viewing elements in place
 *  (`&y` of `for y in v`, held past the loop) what it iterates (`v.clear()` ends that element). */
function viewedOwner(x: LocalInfo | null): LocalInfo | null {
  for (let d = 0; x && d < 8; d++) {
    const iter = loopIter.get(x);
    if (!iter) return x;
    x = ownerLocal(iter.kind === 'ref' ? iter.operand : iter);
  }
  return x;
}

/** The owned locals whose drop ends the data a borrow points into: the borrowed local itself, or
 *  for a loop binding (`&y` of `for y in w.items`) what it iterates, through a reference local
 *  to what that reference was bound to (`let r = &b;`, every place of `let r = pick(&a, &b);`).
 *  Empty: reached through a parameter. */
export function ownersOf(cx: Ctx, br: Borrow): LocalInfo[] {
  const out: LocalInfo[] = [];
  const from = (start: LocalInfo | null, depth: number): void => {
    let x = start;
    for (; x && depth < 8; depth++) {
      const iter = loopIter.get(x);
      if (iter) { x = ownerLocal(iter.kind === 'ref' ? iter.operand : iter); continue; }
      if (x.partOf) { x = x.partOf; continue; }
      const via = refBound.get(x);
      if (via) { x = ownerLocal(via.ref.kind === 'ref' ? via.ref.operand : via.ref); continue; }
      if (x.type.k === 'ref' || x.type.k === 'slice') { for (const h of cx.heldBorrows.get(x) ?? []) from(ownerLocal(h), depth + 1); return; }
      if (x.type.k !== 'ptr' && !out.includes(x)) out.push(x);
      return;
    }
  };
  from(ownerLocal(br.operand), 0);
  return out;
}
/** The first of ownersOf (the one a holder reached through a reference stands for). */
const ownerOf = (cx: Ctx, br: Borrow): LocalInfo | null => ownersOf(cx, br)[0] ?? null;

/** A handle whose copies share their contents (§6.3: `Channel`, and `Gc` §6.16): what is stored
 *  through one copy (`ch.send(&x)`, `g.set(&x)`) is read through every other. */
export const isShared = (t: Type | undefined) => t?.k === 'builtin' && (t.name === 'Channel' || t.name === 'Gc');
/** Does a value of type t contain a shared handle (`S{ch: Channel<&T>}`, `(g, 1)`, `Some(ch)`)? */
function holdsShared(t: Type | undefined, seen = new Set<unknown>()): boolean {
  if (!t) return false;
  if (isShared(t)) return true;
  const h = (x: Type) => holdsShared(x, seen);
  if (t.k === 'tuple') return t.elems.some(h);
  if (t.k === 'array') return h(t.elem);
  if (t.k === 'builtin') return t.args.some(h); // (`Vec<Channel<&T>>`)
  if (t.k !== 'struct' && t.k !== 'enum') return false;
  if (t.args.some(h)) return true;
  if (seen.has(t.info)) return false;
  seen.add(t.info);
  return t.k === 'struct' ? t.info.fields.some((f) => h(f.type)) : t.info.variants.some((v) => v.fields.some(h));
}

/** The copies of shared handles (`let ch2 = ch;`, `ch2 = ch;`, `let s = S{ch: ch};`,
 *  `let c = s.ch;`), a class of locals per handle: what is stored through one is read through any
 *  of them, so a use of any is a use of what they hold. */
const sharedCopies = checkMap<LocalInfo, Set<LocalInfo>>();
/** Each copy made, and the statement making it (null: a match or loop binding). */
const copyEdges = checkMap<LocalInfo, { a: LocalInfo; b: LocalInfo; at: ast.Span | null }[]>();
/** Does l share its handle with another local other than through the copies statement `st` makes
 *  (`c2 = ch;` gives c2 ch's handle: its old one is shared only if copied before, `let c3 = c2;`)? */
function sharedBesides(l: LocalInfo, st: ast.Stmt): boolean {
  const seen = new Set([l]), todo = [l];
  for (let x = todo.pop(); x; x = todo.pop()) {
    for (const e of copyEdges.get(x) ?? []) {
      const y = e.a === x ? e.b : e.a;
      if (e.at !== st.span && !seen.has(y)) { seen.add(y); todo.push(y); }
    }
  }
  return seen.size > 1;
}
/** The locals sharing a handle with l (l included). */
export const handleCopies = (l: LocalInfo): ReadonlySet<LocalInfo> => sharedCopies.get(l) ?? new Set([l]);
/** The locals whose shared handles a value copies (as written: a local, a part of one, a literal). */
function handleSources(e: ast.Expr, out: LocalInfo[] = []): LocalInfo[] {
  e = checkedNode(e);
  if (e.kind === 'ident' || e.kind === 'member' || e.kind === 'tuple-index' || e.kind === 'index') {
    const l = ownerLocal(e);
    if (l && holdsShared(exprInfo(e)?.type)) out.push(l);
  } else if (e.kind === 'struct-lit') for (const f of e.fields) handleSources(f.value, out);
  else if (e.kind === 'tuple' || e.kind === 'array') for (const x of e.elems) handleSources(x, out);
  // a call returning a handle may return (a copy of) one it is given: `dup(ch)`, `s.get()`,
  // `Some(ch)`; its type cannot say it does not
  else if (e.kind === 'call' && holdsShared(exprInfo(e)?.type)) {
    for (const a of e.args) handleSources(a, out);
    if (e.callee.kind === 'member' && callTarget(e)?.k !== 'builtin-static') handleSources(e.callee.object, out);
  }
  return out;
}
/** The local a statement gives values to and those values: a `let`/assignment's bound local
 *  (boundLocal), or the container a mutating builtin method stores its arguments in
 *  (`chans.push(ch)`, `m.insert(k, ch)`, `out.push(v[0])`). */
type Given = { to: LocalInfo; values: readonly ast.Expr[] };
function givenTo(s: ast.Stmt): Given | null {
  const c = s.kind === 'expr' && s.expr.kind === 'call' ? checkedCall(s.expr) : null, t = c ? callTarget(c) : null;
  const into = c && c.callee.kind === 'member' && t?.k === 'builtin-method' && builtinMethod(t.owner, t.method)?.mutating ? ownerLocal(c.callee.object) : null;
  if (into) return { to: into, values: c!.args };
  const bound = boundLocal(s);
  return bound ? { to: bound.local, values: [bound.value] } : null;
}
/** After `s` (statement i of `list`) is checked (checkBlock): note the handle copies, reads and
 *  stores it makes. */
export function noteGiven(cx: Ctx, s: ast.Stmt, list: readonly ast.Stmt[] | null, i: number): void {
  noted.add(s);
  const g = givenTo(s);
  if (g) { noteHandleCopies(g, s.span); noteReads(cx, g, s.span); }
  if (s.kind === 'expr' && s.expr.kind === 'call') noteCallStore(cx, s.expr);
  else noteFills(cx, s, list, i);
}
/** After call `e` is checked: note what it stores (once). */
export function noteCallStore(cx: Ctx, e: ast.Expr): void {
  const c = checkedNode(e);
  if (noted.has(c) || c.kind !== 'call') return;
  noted.add(c);
  noteCallFills(cx, c);
}
/** Statements and calls whose stores are noted (noteGiven, or noteStore for those no block
 *  lists: a match arm's value, a call inside an expression, a `for` step). */
const noted = checkSet<object>();

/** Where a function's code may run again or later than its place in the text says: loops
 *  (with their conditions and steps) and closure bodies run repeatedly, and closure, `go`,
 *  `async` and `defer` bodies run after the statements that follow them. */
interface Regions { cyclic: ast.Span[]; deferred: ast.Span[] }
const regionsOf = new WeakMap<object, Regions>();
/** The regions of the function being checked, made when first asked (a read before a store in
 *  the text needs none). */
function regions(cx: Ctx): () => Regions | null {
  const body = cx.fn?.info.decl?.body;
  return () => (body ? regionsIn(body) : null);
}
function regionsIn(body: ast.Block): Regions {
  let r = regionsOf.get(body);
  if (r) return r;
  regionsOf.set(body, (r = { cyclic: [], deferred: [] }));
  const rr = r;
  forEachScope([body.stmts, body.tail], (sc) => {
    const span = (sc.owner as { span?: ast.Span }).span ?? sc.span;
    if (sc.kind === 'loop' || sc.kind === 'closure') rr.cyclic.push(span);
    if (sc.kind === 'closure' || sc.kind === 'go' || sc.kind === 'async' || sc.kind === 'defer') rr.deferred.push(span);
  }, undefined, null, (n) => n);
  return r;
}
/** May code at span `q` have run before code at span `p` runs (in a run of their function)? */
function mayPrecede(q: ast.Span, p: ast.Span, regs: () => Regions | null): boolean {
  if (q.end <= p.start) return true;
  const r = regs();
  if (!r) return true;
  return r.cyclic.some((c) => within(q, c) && within(p, c)) || r.deferred.some((d) => within(p, d));
}

/** What a local holder is given, and where: its `let`, a whole new value (`w = …;`, statement
 *  `index` of `list`), a store into it (`inner.push(&x)`, `s.v.push(&x)`, `h.add(&x)` with a
 *  `self!` method, `t.0 = &x`, `put(&inner!, &x)`, through `let w = &inner!;`). Its borrows are
 *  read where a mention of the holder needs them (heldAt), so a store later in a loop is seen. */
/** Counts what is noted (fills, bindings, closures): a memo of a fill's borrows is good while it stays. */
const noteGen = { n: 0 };
interface Fill { at: ast.Span; get: () => Borrow[]; isLet: boolean; list: readonly ast.Stmt[] | null; index: number; regions: () => Regions | null }
const fillsOf = checkMap<LocalInfo, Fill[]>();
function addFill(l: LocalInfo | null, f: Fill, whole = f.isLet): void {
  // (a store through a reference local is one into what it points to: holderOf; a whole new
  // value is the local's own, `r = &x;`)
  if (!l || (!holdsRef(l.type) && !f.isLet) || (!whole && l.type.k === 'ref')) return;
  noteGen.n++;
  const a = fillsOf.get(l);
  if (a) a.push(f); else fillsOf.set(l, [f]);
}
function noteFills(cx: Ctx, s: ast.Stmt, list: readonly ast.Stmt[] | null, i: number): void {
  if (s.kind === 'assign' && s.op === '=') {
    const whole = s.target.kind === 'ident';
    addFill(whole ? ownerLocal(s.target) : holderOf(cx, s.target), { at: s.span, get: () => borrowsIn(s.value), isLet: false, list: whole ? list : null, index: i, regions: regions(cx) }, whole);
  } else if (s.kind === 'expr' && s.expr.kind === 'call') noteCallFills(cx, checkedCall(s.expr));
}
/** A call storing into a holder: a mutating method of it (also `ch.send`, `g.set`), or a call
 *  given a mutable borrow of it, or its shared handle, with the values it may keep. */
function noteCallFills(cx: Ctx, c: ast.ExprOf<'call'>): void {
  const t = callTarget(c), r = regions(cx);
  const fill = (h: LocalInfo | null, values: readonly ast.Expr[]) => addFill(h, { at: c.span, get: () => values.flatMap((v) => borrowsIn(v)), isLet: false, list: null, index: -1, regions: r });
  if (c.callee.kind === 'member') {
    const stores = t?.k === 'method' ? t.fn.receiver === 'mut-ref' : t?.k === 'builtin-method' && (!!builtinMethod(t.owner, t.method)?.mutating || (t.owner === 'Channel' && t.method === 'send') || (t.owner === 'Gc' && t.method === 'set'));
    if (stores) fill(holderOf(cx, c.callee.object), c.args);
  }
  for (const a of c.args) {
    const at = exprInfo(a)?.type;
    const h = a.kind === 'ref' && refIsMut(a) ? holderOf(cx, a.operand) : (at?.k === 'ref' && at.mut) || isShared(at) ? holderOf(cx, a) : null;
    if (h) fill(h, c.args.filter((x) => x !== a));
  }
  // (a closure run by the call stores what it is given where it stores its parameters: `put(&x)`)
  for (const run of closuresRun(c)) if (run.args.length) for (const h of closureStoresInto(cx, run.lit)) fill(h, run.args);
}
/** Note the stores of syntax no checked block lists (a match arm's value, a call inside a
 *  condition or an argument, a closure's value, a `for` step): met by danglingReferences' walk. */
function noteStore(cx: Ctx, o: Record<string, unknown>): void {
  noted.add(o);
  if (o.kind === 'assign') noteFills(cx, o as unknown as ast.Stmt, null, -1);
  else noteCallFills(cx, o as unknown as ast.ExprOf<'call'>);
}
/** The fills of holder l that may have happened when code at span p runs and are not replaced
 *  before it by a whole new value: its `let` (a fill before it in the text was a previous
 *  instance's, in a loop), or `l = …;` in a statement list before p's statement in it — unless the
 *  fill comes between them, or runs in a closure or task made elsewhere that may run between. */
function fillsAt(l: LocalInfo, p: ast.Span): Fill[] {
  const fs = fillsOf.get(l) ?? [];
  const killed = (f: Fill): boolean => fs.some((g) => {
    if (g === f) return false;
    if (g.isLet) return f.at.start < g.at.start;
    if (!g.list) return false;
    const kp = g.list.findIndex((st, k) => k > g.index && within(p, st.span));
    const r = kp < 0 ? null : g.regions();
    if (!r) return false;
    const d = r.deferred;
    if (d.some((x) => within(x, g.list![kp].span) && within(p, x))) return false;
    for (let k = g.index + 1; k <= kp; k++) if (within(f.at, g.list[k].span)) return false;
    return !d.some((x) => within(f.at, x) && !within(g.at, x));
  });
  return fs.filter((f) => mayPrecede(f.at, p, f.regions) && !killed(f));
}
/** The borrows holder l holds when code at span p runs (fillsAt). */
const reading = new Set<Fill>();
/** What a fill gives, while nothing new was noted since (`noteGen`): kept for one read made
 *  outside any other (inside one, a fill reached again was skipped, so its result is partial). */
const memo = new WeakMap<Fill, { gen: number; borrows: Borrow[] }>();
function heldAt(l: LocalInfo, p: ast.Span, out: Borrow[] = []): Borrow[] {
  for (const f of fillsAt(l, p)) {
    // (a fill reached again through its own value, `w = f(w)` in a loop: its borrows are being gathered)
    if (reading.has(f)) continue;
    const m = memo.get(f);
    if (m && m.gen === noteGen.n) { out.push(...m.borrows); continue; }
    const top = reading.size === 0 && borrowDepth === 0;
    reading.add(f);
    try {
      const brs = f.get();
      if (top) memo.set(f, { gen: noteGen.n, borrows: brs });
      out.push(...brs);
    } finally { reading.delete(f); }
  }
  return out;
}
/** Bindings of a value (a `match` arm's pattern on it, a `for` loop's variable over it) hold
 *  copies of the shared handles it holds (`match o { Some(c) => c.send(&x) }`, `for c in cs`). */
export function noteBoundCopies(from: ast.Expr, bound: readonly LocalInfo[]): void {
  noteGen.n++;
  for (const to of bound) noteHandleCopies({ to, values: [from] });
  // (and hold what it holds: `match Some(&x) { Some(r) => … }`, `for r in [&x]`)
  for (const to of bound) if (holdsRef(to.type)) boundFrom.set(to, from);
}
/** The value a match or loop binding holding a reference was bound out of (its borrows are its). */
const boundFrom = checkMap<LocalInfo, ast.Expr>();
export const boundSource = (l: LocalInfo): ast.Expr | undefined => boundFrom.get(l);
/** Join the holder a statement copies a shared handle into with its source. */
function noteHandleCopies(g: Given, at: ast.Span | null = null): void {
  if (!holdsShared(g.to.type)) return;
  const to = g.to;
  for (const from of g.values.flatMap((v) => handleSources(v))) {
    if (from === to) continue;
    const e = { a: from, b: to, at };
    for (const l of [from, to]) { const es = copyEdges.get(l); if (es) es.push(e); else copyEdges.set(l, [e]); }
    const a = sharedCopies.get(from) ?? new Set([from]), b = sharedCopies.get(to) ?? new Set([to]);
    for (const l of b) a.add(l);
    for (const l of a) sharedCopies.set(l, a);
  }
}

/** Holders given a value read out of another (`h = g.get();`, `h = v[0];`, `out.push(v[0])`):
 *  what that one holds now may be reached through them too, so a use of a reader is a use of it. */
const readers = checkMap<LocalInfo, { to: LocalInfo; at: ast.Span; regions: () => Regions | null }[]>();
/** The local a value is read out of: through places and the receivers of calls (`g.get().r`). */
function readSource(e: ast.Expr): LocalInfo | null {
  let x = checkedNode(e);
  for (;;) {
    if (x.kind === 'member' || x.kind === 'tuple-index' || x.kind === 'index') x = checkedNode(x.object);
    else if (x.kind === 'deref') x = checkedNode(x.operand);
    else if (x.kind === 'call' && x.callee.kind === 'member') x = checkedNode(x.callee.object);
    else break;
  }
  return x.kind === 'ident' && nameRes(x)?.k === 'local' ? (nameRes(x) as ResOf<'local'>).local : null;
}
/** Note the holder a statement gives a value read out of another holder. */
function noteReads(cx: Ctx, g: Given, at: ast.Span): void {
  if (!holdsRef(g.to.type)) return;
  const to = g.to;
  for (const v of g.values) {
    // (a closure reads what it captures when it is called, wherever that is: `let f = || v[0].n;`)
    const lit = checkedNode(v);
    if (lit.kind === 'closure') for (const c of exprInfo(lit)?.closure?.captures ?? []) if (c !== to) { const a = capturers.get(c) ?? []; a.push(to); capturers.set(c, a); capturing.add(to); }
    const from = holdsRef(exprInfo(v)?.type) ? readSource(v) : null;
    if (!from || from === to || !holdsRef(from.type)) continue;
    const a = readers.get(from) ?? [];
    a.push({ to, at, regions: regions(cx) });
    readers.set(from, a);
  }
}
/** The locals a use of which reaches what holder r was given at `site`: its handle's copies and
 *  their readers that may read after that store (`h = g.get();` before `g.set(&x);` does not). */
function reaching(r: LocalInfo, site?: ast.Span): Set<LocalInfo> {
  const out = new Set(handleCopies(r));
  for (const l of [...out]) for (const x of readers.get(l) ?? []) if (!site || mayPrecede(site, x.at, x.regions)) out.add(x.to);
  // (and the holders of closures capturing any of them, through closures capturing those and
  // copies of them, `let g = f;`: a call reads what the capture holds then)
  const todo = [...out];
  for (let l = todo.pop(); l; l = todo.pop()) {
    for (const g of capturers.get(l) ?? []) if (!out.has(g)) { out.add(g); todo.push(g); }
    if (!capturing.has(l)) continue;
    for (const x of readers.get(l) ?? []) if (!out.has(x.to)) { out.add(x.to); capturing.add(x.to); todo.push(x.to); }
  }
  return out;
}
/** The locals given a closure capturing a local (`let f = || v[0].n;`, `fs.push(|| v.len())`). */
const capturers = checkMap<LocalInfo, LocalInfo[]>();
/** Locals given such a closure (or a copy of one): their readers hold it too. */
const capturing = checkSet<LocalInfo>();

/** Borrows reported as stored past their referent (E0176: here, or stored through a parameter in
 *  escaping-closures.ts), by the span of the borrow: a call's own check (scoped-params keptBorrow)
 *  does not report them again. */
const reportedDangling = checkSet<ast.Span>();
export const danglingReported = (br: Borrow) => reportedDangling.has(br.span);
export const markDangling = (br: Borrow) => reportedDangling.add(br.span);

/** The local a store through place e fills: a holder reached through a reference local stands for
 *  what that reference borrows (`let w = &v!; w.push(&x);`, `keep(&x, w)`), when it is known. */
function holderOf(cx: Ctx, e: ast.Expr): LocalInfo | null {
  const l = ownerLocal(e);
  if (l?.type.k === 'ref') return ownerOf(cx, { operand: e, mut: true, span: e.span }) ?? l;
  // (a place reached through a reference part of a local, `w.v.push(&x)` with `let w = W{v: &v!};`:
  // what that local's mutable borrows point to)
  for (let x = e; l && (x.kind === 'member' || x.kind === 'tuple-index' || x.kind === 'index'); x = x.object) {
    if (exprInfo(x)?.type?.k !== 'ref') continue;
    const to = heldAt(l, e.span).filter((br) => br.mut).flatMap((br) => ownersOf(cx, br));
    if (to.length === 1) return to[0];
    break;
  }
  return l;
}

/** The local a reference local points to (`r` of `let w = &r!;`), when it is one place. */
function pointee(cx: Ctx, e: ast.Expr): LocalInfo | null {
  const w = ownerLocal(e), held = w && w.type.k === 'ref' && e.kind === 'ident' ? cx.heldBorrows.get(w) ?? [] : [];
  return held.length === 1 ? ownerLocal(held[0]) : null;
}

/** A holder a statement stores borrows into. */
type Stored = { r: LocalInfo; borrows: Borrow[]; how: string };
/** Statement `s` of block `b` stores a borrow into holders declared outside `b`: each holder and
 *  the borrows (a call given two, `fill2(g, h, &x)`, may store into both). */
function storedOutside(cx: Ctx, s: ast.Stmt, b: ast.Block): Stored[] {
  // (runs for every statement of every block enclosing it: only an assignment or a call stores)
  if (s.kind !== 'assign' && !(s.kind === 'expr' && s.expr.kind === 'call')) return [];
  const outer = (l: LocalInfo | null): l is LocalInfo => !!l && !within(l.span, b.span);
  // a holder of shared handles declared inside b stores into its copies outside b too
  // (`let c2 = ch; c2.send(&x);`, `match o { Some(c) => c.send(&x) }`, `for c in cs { … }`)
  const holder = (e: ast.Expr): LocalInfo | null => {
    const h = holderOf(cx, e);
    if (!h || !holdsShared(h.type) || outer(h)) return h;
    for (const c of handleCopies(h)) if (outer(c)) return c;
    return h;
  };
  if (s.kind === 'assign' && s.op === '=') {
    const held = heldBy(s);
    if (held) return outer(held.r) ? [{ ...held, how: 'borrows' }] : [];
    // (`o = r;` gives the reference local o itself a new value: o is the holder, not what it pointed to)
    // (`*w = &x;` with `w = &r!`: the reference local r is given a new value)
    const h = s.target.kind === 'ident' ? ownerLocal(s.target) : s.target.kind === 'deref' ? pointee(cx, s.target.operand) : holder(s.target);
    if (!outer(h) || !holdsRef(h.type)) return [];
    return [{ r: h, borrows: borrowsIn(s.value), how: 'is given a reference to' }];
  }
  const out: Stored[] = [];
  const sc = s.kind === 'expr' && s.expr.kind === 'call' ? checkedCall(s.expr) : null;
  if (sc && sc.callee.kind === 'member') {
    // `v.push(&x)`, `m.insert(k, &x)`, `h.set(&x)`: a mutating method of a container of references;
    // `ch.send(&x)`: a channel keeps what is sent until it is received; `g.set(&x)` a Gc its value
    const c = sc, t = callTarget(c), callee = sc.callee;
    const mutating = t?.k === 'method' ? t.fn.receiver === 'mut-ref' : t?.k === 'builtin-method' ? !!builtinMethod(t.owner, t.method)?.mutating || (t.owner === 'Channel' && t.method === 'send') || (t.owner === 'Gc' && t.method === 'set') : false;
    const h = holder(callee.object);
    if (mutating && outer(h) && holdsRef(h.type)) out.push({ r: h, borrows: c.args.flatMap((a) => borrowsIn(a)), how: 'is given a reference to' });
  }
  // `put(&v!, &x)`: a function given a mutable borrow of a holder may store its other arguments'
  // borrows there (their types cannot say it does not): also through a mutable reference local
  // (`put(w, &x)`), and a channel it may send them on, or a closure capturing them (`later(&x, ch)`
  // with `fn later<T>(x: T, ch: Channel<fn(): T>) { ch.send(|| x); }`)
  // `put(&x)` of `let put = |d: &D| v.push(d);`: the closure may store its arguments' borrows in
  // the holders its body stores into (escaping-closures.ts lets it store its parameters there
  // only while every use of put is such a call)
  // A closure given to a function (`apply(put, &x)`, `each(&v, |d| out.push(d))`) may be called
  // there with its other arguments: stored likewise (escaping-closures.ts lets its parameter be
  // stored only when the callee calls it with nothing but its caller's data)
  // A closure's own stores of what its captured holders hold (`|| { o = Some(v[0]); }`) happen
  // where it is called, with what they hold then
  for (const run of closuresRun(sc)) {
    if (run.args.length) for (const h0 of closureStoresInto(cx, run.lit)) {
      const h = !holdsShared(h0.type) || outer(h0) ? h0 : [...handleCopies(h0)].find(outer) ?? h0;
      if (outer(h) && holdsRef(h.type)) out.push({ r: h, borrows: run.args.flatMap((a) => borrowsIn(a)), how: 'is given a reference to' });
    }
    if (running.has(run.lit)) continue;
    running.add(run.lit);
    try {
      for (const f of bodyStores(run.lit)) for (const h of storedOutside(cx, f.st, b)) {
        if (!within(h.r.span, run.lit.span) && !(f.list && replacedLater(f.list, f.index, h.r))) out.push(h);
      }
    } finally { running.delete(run.lit); }
  }
  for (const a of sc?.args ?? []) {
    const at = exprInfo(a)?.type;
    const h = a.kind === 'ref' && refIsMut(a) ? ownerLocal(a.operand) : at?.k === 'ref' && at.mut ? holder(a) : isShared(at) ? holder(a) : null;
    if (outer(h) && holdsRef(h.type)) out.push({ r: h, borrows: sc!.args.filter((x) => x !== a).flatMap((x) => borrowsIn(x)), how: 'is given a reference to' });
  }
  return out;
}

/** The closures call `c` may run and the arguments it gives them: a let-bound closure it calls
 *  (`put(&x)`), a closure literal or let-bound closure given to a function (`apply(put, &x)`:
 *  with the call's other arguments). */
export function closuresRun(c: ast.ExprOf<'call'> | null): { lit: ast.ExprOf<'closure'>; args: readonly ast.Expr[] }[] {
  // (asked for every call: cheap tests first, a closure literal or a local of a function type)
  const t = c ? callTarget(c) : null;
  if (!c || !t || (t.k !== 'value' && t.k !== 'fn' && t.k !== 'method')) return NO_RUNS;
  let out: { lit: ast.ExprOf<'closure'>; args: readonly ast.Expr[] }[] | null = null;
  const letLit = (e: ast.Expr): ast.ExprOf<'closure'> | undefined => e.kind === 'ident' && nameRes(e)?.k === 'local' ? letClosures.get((nameRes(e) as ResOf<'local'>).local) : undefined;
  const g = t.k === 'value' ? letLit(c.callee) : undefined;
  if (g) (out ??= []).push({ lit: g, args: c.args });
  if (t.k === 'fn' || t.k === 'method') for (const a of c.args) {
    const lit = a.kind === 'closure' ? a : a.kind === 'ident' && exprInfo(a)?.type?.k === 'fn' ? letLit(a) : undefined;
    if (lit) (out ??= []).push({ lit, args: c.args.filter((y) => y !== a) });
  }
  return out ?? NO_RUNS;
}
const NO_RUNS: { lit: ast.ExprOf<'closure'>; args: readonly ast.Expr[] }[] = [];
/** Closures whose body stores are being gathered (one calling itself through another). */
const running = checkSet<object>();
/** The statements of a closure's body that may store (assignments and calls), with their list
 *  and index there (null: a scope's value, or a call inside an expression). */
type BodyStore = { st: ast.Stmt; list: readonly ast.Stmt[] | null; index: number };
const bodyStoresOf = checkMap<object, BodyStore[]>();
function bodyStores(c: ast.ExprOf<'closure'>): BodyStore[] {
  let out = bodyStoresOf.get(c);
  if (out) return out;
  const acc: BodyStore[] = [];
  bodyStoresOf.set(c, (out = acc));
  const mays = (st: ast.Stmt) => st.kind === 'assign' || (st.kind === 'expr' && st.expr.kind === 'call');
  const add = (sc: Scope) => {
    sc.stmts.forEach((st, i) => { if (mays(st)) acc.push({ st, list: sc.stmts, index: i }); });
    if (sc.value && sc.value.kind === 'call') acc.push({ st: asStmt(sc.value), list: null, index: -1 });
  };
  const scopes = scopesOf(c);
  for (const sc of scopes) add(sc);
  forEachScope(scopes.map((sc) => [sc.stmts, sc.value]), (sc) => { if (sc.kind === 'go' || sc.kind === 'async') return false; add(sc); }, (o, _, up) => {
    if ((o.kind === 'call' && up && up.kind !== 'expr') || (o.kind === 'assign' && up)) acc.push({ st: asStmt(o as unknown as ast.Expr), list: null, index: -1 });
  });
  return out;
}

/** Does statement `st` leave its block early (`break`, `continue`, `return`, `?`), or give local
 *  `r` a new value (`r = …;`)? Closures are skipped: their exits are their own. */
function exitsOrRebinds(st: unknown, r: LocalInfo | null): boolean {
  let hit = false;
  const visit = (x: unknown): void => {
    if (hit || !x || typeof x !== 'object') return;
    if (Array.isArray(x)) { for (const y of x) visit(y); return; }
    const o = checkedNode(x) as Record<string, unknown>;
    if (o.kind === 'closure' || o.kind === 'go' || o.kind === 'async') return;
    if (o.kind === 'break' || o.kind === 'continue' || o.kind === 'return' || o.kind === 'try' || (r && reassigns(o, r))) { hit = true; return; }
    for (const k in o) if (walk(o, k)) visit(o[k]);
  };
  visit(st);
  return hit;
}

/** Does every mention of r (or a copy of its handle) in `st` only read a value holding no
 *  reference out of it (`o.n`, `g.get().n`, `o.len()`)? Then nothing in `st` keeps what r holds. */
function onlyReads(st: unknown, r: LocalInfo): boolean {
  return everyMention(st, handleCopies(r), (o, up) => {
    // climb through places and calls it is the receiver of, to a value holding no reference
    let child: unknown = o;
    for (let k = up.length - 1; ; k--) {
      const a = up[k];
      const through = a && ((a.kind === 'member' || a.kind === 'tuple-index' || a.kind === 'index') && a.object === child
        || a.kind === 'call' && checkedCall(a as unknown as ast.ExprOf<'call'>).callee === child || a.kind === 'deref' && a.operand === child);
      if (!through) return false;
      const t = exprInfo(a as unknown as ast.Expr)?.type;
      if (t && !holdsRef(t)) return true;
      child = a;
    }
  });
}

/** Is what statement `stmts[i]` stored into holder `r` replaced, before its block can end, by a
 *  later statement of the same block: a reference local given a new value (`o = &e; … o = &a;`),
 *  a Gc local set again (`g.set(&e); … g.set(&a);`: a Gc holds one value)? Only straight-line
 *  code: no statement between may leave the block, give r another handle, or take out of r
 *  anything but a value holding no reference (`h = g.get();` would keep e). */
export function replacedLater(stmts: readonly ast.Stmt[], i: number, r: LocalInfo, body?: ast.Block | null): boolean {
  const s = stmts[i];
  if (!holdsRef(r.type)) return false; // (it holds no borrow to replace)
  // (a channel only ever sent to and received from in balanced pairs: drained before its list ends)
  if (body && channelOp(s, r.name) === 'send' && drainedChannel(body, r)) return true;
  const gcSet = (st: ast.Stmt): boolean => {
    const c = st.kind === 'expr' && st.expr.kind === 'call' ? checkedCall(st.expr) : null, t = c ? callTarget(c) : null;
    return !!c && t?.k === 'builtin-method' && t.owner === 'Gc' && t.method === 'set' && c.callee.kind === 'member' && c.callee.object.kind === 'ident' && ownerLocal(c.callee.object) === r;
  };
  const ref = r.type.k === 'ref' && s.kind === 'assign' && reassigns(s, r);
  const c = s.kind === 'expr' && s.expr.kind === 'call' ? checkedCall(s.expr) : null;
  // (a holder of its own, not a handle shared with copies: emptied or given a whole new value)
  const owned = !ref && r.type.k !== 'ref' && !holdsShared(r.type);
  if (!ref && !owned && !gcSet(s) && !(c && gcFilledBy(c).includes(r))) return false;
  for (let k = i + 1; k < stmts.length; k++) {
    // (the new value may not be the old one again: `g.set(g.get())`, `o = pick(o, &a)`)
    const st = stmts[k];
    if (owned && clears(st, r)) return true;
    if (ref || owned ? reassigns(st, r) : gcSet(st)) return onlyReads(st.kind === 'assign' ? st.value : st.kind === 'expr' && st.expr.kind === 'call' ? checkedCall(st.expr).args : null, r);
    // (emptied or given a new value on every path through a block or branches: `{ v.clear(); }`)
    if ((ref || owned) && resetsAll(st, r, new Set([r]))) return true;
    // (between them, what a statement reads out of an owned holder into a holder outside the
    // block is that holder's own store, checked as one: `o = Some(v[0]);`, `cp(&v, &out!);`)
    if (exitsOrRebinds(stmts[k], r) || (!owned && !onlyReads(stmts[k], r))) return false;
  }
  return false;
}

/** A statement that only sends on channel local `name` (`ch.send(v);`), or only receives from it,
 *  how many times (`let y = ch.recv();`, `println("{}", (<-ch).n);`, `let (p, q) = (ch.recv(),
 *  ch.recv());`): each receive on every path through it, none in a branch, a loop or the right of
 *  `&&`/`||`, and nothing in it that may leave first. Read as written (a later statement of the
 *  function may not be checked yet), any local of that name counts. */
function channelOp(st: ast.Stmt, name: string): 'send' | number | null {
  const named = (e: ast.Expr): boolean => { const x = checkedNode(e); return x.kind === 'ident' && x.name === name; };
  const c = st.kind === 'expr' && st.expr.kind === 'call' ? checkedNode(st.expr) : null;
  if (c?.kind === 'call' && c.callee.kind === 'member' && c.callee.name === 'send' && named(c.callee.object) && !mentionsName(c.args, name)) return 'send';
  let n = 0, recvs = 0;
  const visit = (x: unknown, up: Record<string, unknown> | null, maybe: boolean): void => {
    if (!x || typeof x !== 'object') return;
    if (Array.isArray(x)) { for (const y of x) visit(y, up, maybe); return; }
    const o = checkedNode(x) as Record<string, unknown>;
    if (o.kind === 'ident' && o.name === name) {
      n++;
      if (!maybe && (up?.kind === 'recv' || (up?.kind === 'member' && up.name === 'recv'))) recvs++;
      return;
    }
    // (code that may run later, never, or more than once)
    const deeper = maybe || o.kind === 'closure' || o.kind === 'go' || o.kind === 'async' || o.kind === 'defer' || scopesOf(o).length > 0
      || (o.kind === 'binary' && (o.op === '&&' || o.op === '||'));
    for (const k in o) if (walk(o, k)) visit(o[k], o, deeper);
  };
  visit(st, null, false);
  // (`ch.recv` must be called: `let f = ch.recv;` is no receive)
  return n > 0 && recvs === n && !mentionsCallee(st, name) && !exitsOrRebinds(st, null) ? n : null;
}
/** Is every mention of a local named `name` in `n` the callee of a call, made where it is (not
 *  in a closure, task, `async` block or `defer`)? */
function onlyCalledByName(n: unknown, name: string): boolean {
  let ok = true;
  const visit = (x: unknown, up: Record<string, unknown> | null, later: boolean): void => {
    if (!ok || !x || typeof x !== 'object') return;
    if (Array.isArray(x)) { for (const y of x) visit(y, up, later); return; }
    const o = checkedNode(x) as Record<string, unknown>;
    if (o.kind === 'ident' && o.name === name) { ok = !later && up?.kind === 'call' && checkedNode(up.callee) === (o as unknown); return; }
    const deeper = later || o.kind === 'closure' || o.kind === 'go' || o.kind === 'async' || o.kind === 'defer';
    for (const k in o) if (walk(o, k)) visit(o[k], o, deeper);
  };
  visit(n, null, false);
  return ok;
}
/** Does `n` mention a local named `name`? */
function mentionsName(n: unknown, name: string): boolean {
  if (!n || typeof n !== 'object') return false;
  if (Array.isArray(n)) return n.some((y) => mentionsName(y, name));
  const o = checkedNode(n) as Record<string, unknown>;
  if (o.kind === 'ident' && o.name === name) return true;
  for (const k in o) if (walk(o, k) && mentionsName(o[k], name)) return true;
  return false;
}
/** Is `ch.recv` (of a local named `name`) used other than called with no arguments? */
function mentionsCallee(n: unknown, name: string): boolean {
  let bad = false, calls = 0, members = 0;
  const visit = (x: unknown): void => {
    if (!x || typeof x !== 'object') return;
    if (Array.isArray(x)) { for (const y of x) visit(y); return; }
    const o = checkedNode(x) as Record<string, unknown>;
    if (o.kind === 'call') { const c = o as unknown as ast.ExprOf<'call'>; if (c.callee.kind === 'member' && c.callee.name === 'recv' && mentionsName(c.callee.object, name)) { calls++; if (c.args.length) bad = true; } }
    if (o.kind === 'member' && o.name === 'recv' && mentionsName(o.object, name)) members++;
    for (const k in o) if (walk(o, k)) visit(o[k]);
  };
  visit(n);
  return bad || members !== calls;
}
/** Is channel local r private to this body and drained wherever it is filled: declared here (not
 *  a parameter, no other handle to it), never captured, given, copied or stored, and in every
 *  statement list its send statements are matched by later receive statements of the list
 *  (balanced, as parentheses) with nothing between that leaves the list or holds lists using it?
 *  Then it is empty where each such list starts and ends (first in, first out): what was sent is
 *  out of it before the block ends. */
const drained = checkMap<LocalInfo, boolean>();
function drainedChannel(body: ast.Block, r: LocalInfo): boolean {
  let d = drained.get(r);
  if (d !== undefined) return d;
  const t = r.type;
  if (t.k !== 'builtin' || t.name !== 'Channel' || !within(r.span, body.span) || handleCopies(r).size > 1 || r.partOf || declaresAgain(body, r)) d = false;
  else {
    const name = r.name;
    const list = (stmts: readonly ast.Stmt[], value: ast.Expr | null): boolean => {
      let depth = 0;
      for (const st of stmts) {
        const op = channelOp(st, name);
        if (op === 'send') { depth++; continue; }
        if (typeof op === 'number') { if (depth < op) return false; depth -= op; continue; }
        if (depth > 0 && exitsOrRebinds(st, r)) return false;
        if (!mentionsName(st, name)) continue;
        // (a statement holding lists, each balanced, nothing else mentioning it, only while the
        // channel is empty: a receive inside would take what this list sent before it)
        if (depth > 0) return false;
        // (also `let f = || …;` whose body is balanced, f only ever called, not in a closure or
        // task: each call leaves the channel as it found it; what the body receives and keeps is
        // checked where it is called)
        const lt = st.kind === 'let' ? st as Extract<ast.Stmt, { kind: 'let' }> : null;
        const lit = lt && lt.pattern.kind === 'name' && checkedNode(lt.init).kind === 'closure' ? checkedNode(lt.init) : null;
        if (lit && lt!.pattern.kind === 'name') {
          const f = { name: lt!.pattern.name, span: lt!.pattern.span } as LocalInfo;
          if (mentionsName(partsOf(lit), name) || declaresAgain(body, f) || !onlyCalledByName(body, f.name) || !scopesOf(lit).every((sc) => list(sc.stmts, sc.value))) return false;
          continue;
        }
        const e = st.kind === 'expr' ? st.expr : st;
        const scopes = scopesOf(e);
        if (!scopes.length || scopes.some((sc) => sc.kind === 'closure' || sc.kind === 'go' || sc.kind === 'async' || sc.kind === 'defer')) return false;
        if (mentionsName(partsOf(e), name) || !scopes.every((sc) => list(sc.stmts, sc.value))) return false;
      }
      return depth === 0 && !mentionsName(value, name);
    };
    d = list(body.stmts, body.tail);
  }
  drained.set(r, d);
  return d;
}

/** Does the body name anything else r's name (a local, binding or parameter that would shadow it,
 *  a field: read as written, conservatively)? Then a mention by name may not be r's. */
function declaresAgain(body: ast.Block, r: LocalInfo): boolean {
  const visit = (x: unknown): boolean => {
    if (!x || typeof x !== 'object') return false;
    if (Array.isArray(x)) return x.some(visit);
    const o = x as Record<string, unknown>;
    if (o.name === r.name && o.kind !== 'ident' && o.kind !== 'member' && (o.span as ast.Span | undefined)?.start !== r.span.start && (o.nameSpan as ast.Span | undefined)?.start !== r.span.start) return true;
    for (const k in o) if (k !== 'span' && k !== 'nameSpan' && walk(o, k) && visit(o[k])) return true;
    return false;
  };
  return visit(body);
}

/** The Gc locals a function call may store its arguments' borrows into when they are the only
 *  holders it is given (`fill(g, &x)`, `fill2(g, g2, &x)` with `g: Gc<&D>`): each holds one
 *  value, which `g.set(…)` replaces. Empty when it is given any other holder. */
export function gcFilledBy(c: ast.ExprOf<'call'>): LocalInfo[] {
  const t = callTarget(c);
  // (cheap first: a Gc local among the arguments)
  if (t?.k !== 'fn' || !c.args.some((a) => { const at = a.kind === 'ident' ? exprInfo(a)?.type : undefined; return at?.k === 'builtin' && at.name === 'Gc'; })) return NO_LOCALS;
  const out: LocalInfo[] = [];
  for (const h of c.args) {
    const at = exprInfo(h)?.type;
    if (!((h.kind === 'ref' && refIsMut(h)) || (at?.k === 'ref' && at.mut) || holdsShared(at))) continue;
    const a = checkedNode(h), l = a.kind === 'ident' && nameRes(a)?.k === 'local' ? (nameRes(a) as ResOf<'local'>).local : null;
    if (!l || l.type.k !== 'builtin' || l.type.name !== 'Gc') return NO_LOCALS;
    out.push(l);
  }
  return out;
}
const NO_LOCALS: LocalInfo[] = [];
const NO_READS: ReadonlySet<LocalInfo> = new Set();

/** `s` is the value of an `if` branch or `match` arm: its value must not borrow its own locals
 *  (those of its block, or an arm's bindings). */
function valueBlockEscapes(cx: Ctx, s: Scope): void {
  for (const br of borrowsIn(s.value ?? undefined)) {
    const x = localIn(br, s.span) ?? (s.bindings ? localIn(br, s.bindings) : null);
    if (!x) continue;
    const closing = { ...s.span, start: s.span.end - 1, col: s.span.endCol - 1, line: s.span.endLine };
    cx.error(MSG.E0176.blockSValueReferences({ xName: x.name }), closing, {
      labels: [{ span: br.span, message: NOTE.E0176.labelBlockValueBorrows({ name: x.name }) }, { span: x.span, message: NOTE.E0176.labelDeclaredInBlock({ name: x.name }) }],
      notes: [NOTE.E0176.helpDeclareBeforeIf({ xName: x.name })],
    });
    return;
  }
}

/** The `if`/`match` expressions of a block's statements and value whose value is used (not an
 *  expression statement's), without entering blocks or closures: their own statements are
 *  checked when those blocks are (an arm's value alone, `=> if …`, is this block's). */
function valueBranches(cx: Ctx, b: ast.Block): void {
  forEachScope([b.stmts, b.tail], (s) => !s.block && s.kind !== 'closure', (o, _, up) => {
    // (not an expression statement's)
    if ((o.kind === 'if' || o.kind === 'match') && up?.kind !== 'expr') for (const s of scopesOf(o)) valueBlockEscapes(cx, s);
  });
}


/** The borrows a `let` makes each local it binds hold: heldBy's, and any value holding a reference
 *  (`let r = if c { &x } else { &a };`, `let p = (&x, 2);`, `let o = match k { … };`); a tuple
 *  pattern's locals hold the elements' (`let (r, n) = (&x, 1);`), or all of the value's. */
function heldByLet(s: Extract<ast.Stmt, { kind: 'let' }>): { r: LocalInfo; borrows: Borrow[] }[] {
  const h = heldBy(s);
  if (h) return [h];
  const out: { r: LocalInfo; borrows: Borrow[] }[] = [];
  if (s.pattern.kind !== 'wild') bindHeld(s.pattern, s.init, s.init, out);
  return out;
}
/** The borrows of each element of a tuple a `let` bound to a tuple literal (`let p = (&a, &x);`). */
const tupleParts = checkMap<LocalInfo, ast.Expr[]>();
function bindHeld(p: ast.LetPattern, v: ast.Expr | null, all: ast.Expr, out: { r: LocalInfo; borrows: Borrow[] }[]): void {
  if (p.kind === 'name') {
    const l = localOf(p), e = v ?? all;
    if (l && holdsRef(l.type) && e.kind !== 'closure' && e.kind !== 'async') out.push({ r: l, borrows: borrowsIn(e) });
    const t = l && holdsRef(l.type) ? checkedNode(e) : null;
    if (t?.kind === 'tuple') tupleParts.set(l!, t.elems);
  } else if (p.kind === 'tuple') {
    const t = v && checkedNode(v).kind === 'tuple' ? (checkedNode(v) as ast.ExprOf<'tuple'>).elems : null;
    const same = !!t && t.length === p.elems.length;
    p.elems.forEach((q, i) => bindHeld(q, same ? t![i] : null, same ? t![i] : all, out));
  }
}

/** Can call `c` store a borrow into a holder anywhere (storedOutside with every local outside the
 *  block)? Asked once per call: the walks of every block around it meet it again. */
const storing = checkMap<object, boolean>();
const NOWHERE = { stmts: [], tail: null, span: { file: '', start: -1, end: -1, line: 0, col: 0, endLine: 0, endCol: 0 } } as unknown as ast.Block;
function mayStore(cx: Ctx, c: object): boolean {
  let m = storing.get(c);
  if (m === undefined) storing.set(c, (m = storedOutside(cx, asStmt(c as ast.Expr), NOWHERE).length > 0));
  return m;
}

/** After a `let` is checked: note the borrows its locals hold (a store of a block nested after it
 *  through them, `w.v.push(&x)`, is checked before this block is). */
export function noteLetHolds(cx: Ctx, s: Extract<ast.Stmt, { kind: 'let' }>): void {
  noteGen.n++;
  const r = regions(cx);
  for (const h of heldByLet(s)) addFill(h.r, { at: s.span, get: () => heldByLet(s).find((x) => x.r === h.r)?.borrows ?? [], isLet: true, list: null, index: -1, regions: r });
  const g = s.pattern.kind === 'name' && s.init.kind === 'closure' ? localOf(s.pattern) : null;
  if (g) letClosures.set(g, s.init as ast.ExprOf<'closure'>);
}

/** The holders a closure's body (its tasks' too) stores what its parameters refer to into, that
 *  it does not declare: a store whose value holds a reference and mentions a parameter, or a local
 *  given one (`let r = &d.n;`, a holder of its own filled with one, a binding matched out of one). */
const closureHolders = checkMap<object, LocalInfo[]>();
export function closureStoresInto(cx: Ctx, c: ast.ExprOf<'closure'>): LocalInfo[] {
  let hs = closureHolders.get(c);
  if (hs) return hs;
  closureHolders.set(c, (hs = []));
  const out = hs, inside = { stmts: [], tail: null, span: c.span } as unknown as ast.Block;
  const sts: ast.Stmt[] = [];
  const scopes = scopesOf(c);
  for (const sc of scopes) { sts.push(...sc.stmts); if (sc.value) sts.push(asStmt(sc.value)); }
  forEachScope(scopes.map((sc) => [sc.stmts, sc.value]), (sc) => {
    sts.push(...sc.stmts);
    if (sc.value) sts.push(asStmt(sc.value));
  }, (o, _, up) => { if (o.kind === 'call' && up && up.kind !== 'expr') sts.push(asStmt(o as unknown as ast.Expr)); });
  const tainted = new Set((exprInfo(c)?.closure?.params ?? []).filter((p) => holdsRef(p.type)));
  const mentions = (v: unknown, depth = 0): boolean => {
    if (!v || typeof v !== 'object' || depth > 8) return false;
    if (Array.isArray(v)) return v.some((x) => mentions(x, depth));
    const o = checkedNode(v) as Record<string, unknown>;
    if (o.kind === 'ident' && nameRes(o as unknown as ast.Expr)?.k === 'local') {
      const l = (nameRes(o as unknown as ast.Expr) as ResOf<'local'>).local, from = boundFrom.get(l);
      return tainted.has(l) || (!!from && mentions(from, depth + 1));
    }
    for (const k in o) if (walk(o, k) && mentions(o[k], depth)) return true;
    return false;
  };
  const carries = (vs: readonly ast.Expr[]) => vs.some((v) => holdsRef(exprInfo(v)?.type) && mentions(v));
  const valuesOf = (st: ast.Stmt): readonly ast.Expr[] => st.kind === 'assign' ? [st.value] : st.kind === 'let' ? [st.init] : st.kind === 'expr' && st.expr.kind === 'call' ? checkedCall(st.expr).args : [];
  // (the closure's own locals given one, until nothing changes: a loop may fill one after its use)
  for (let changed = true; changed;) {
    changed = false;
    for (const st of sts) {
      if (!carries(valuesOf(st))) continue;
      const to = st.kind === 'let' ? letLocals(st.pattern) : storedOutside(cx, st, NOWHERE).map((h) => h.r);
      for (const l of to) if (within(l.span, c.span) && holdsRef(l.type) && !tainted.has(l)) { tainted.add(l); changed = true; }
    }
  }
  for (const st of sts) if (carries(valuesOf(st))) for (const h of storedOutside(cx, st, inside)) if (!out.includes(h.r)) out.push(h.r);
  return out;
}
/** The locals a `let` pattern binds, in order (also codegen's). */
export function letLocals(p: ast.LetPattern, out: LocalInfo[] = []): LocalInfo[] {
  if (p.kind === 'name') { const l = localOf(p); if (l) out.push(l); }
  else if (p.kind === 'tuple') for (const e of p.elems) letLocals(e, out);
  return out;
}

/** Does dropping a value of type t run a `drop` that may read a reference it holds: is a part of
 *  it a struct with `impl Drop` whose type holds one (`H { r: &D }`, `Vec<H>`, `Option<H>`)? */
function dropReads(t: Type | undefined, seen = new Set<unknown>()): boolean {
  if (!t) return false;
  if (t.k === 'struct' && t.info.implsDrop && holdsRef(t)) return true;
  return somePart(t, (x) => dropReads(x, seen), seen);
}

/** A value in statement position (storedOutside reads statements). */
const asStmt = (e: ast.Expr): ast.Stmt => ({ kind: 'expr', expr: e, span: e.span }) as unknown as ast.Stmt;

function danglingReferences(cx: Ctx, b: ast.Block): void {
  let pending = pendingDangling.get(cx);
  if (!pending) pendingDangling.set(cx, (pending = []));
  const direct = (s: ast.Stmt, i: number): void => { // (i: s's index, -1 for the tail)
    for (const held of storedOutside(cx, s, b)) {
      if (i >= 0 && replacedLater(b.stmts, i, held.r, cx.fn?.info.decl?.body)) continue;
      for (const br of held.borrows) for (const x of ownersOf(cx, br)) {
        if (within(x.span, b.span)) pending!.push({ r: held.r, x, at: br.span, scope: b.span, how: held.how, site: s.span });
      }
    }
  };
  // a store in a nested scope (`if c { v.push(&x); }`, a loop body, a match arm's value
  // `1 => v.push(&x),`, a block's tail, a closure's body) of a local of this block that the nested
  // block does not declare (those are its own: checked when it is); a loop binding stands for what
  // it iterates (`for y in w { v.push(&y); }` borrows w's elements). A closure's stores happen when
  // it is called, and a call can come only after it was made: checked as if made where it is
  // (`let f = || v.push(&x); f();` stores a borrow of x in v). `go` and `async` bodies are not:
  // they run later, if at all (their captures are kept).
  // (a local of a block between b and a scope is that block's: reported once, by it; `tops`
  // holds the outermost block of each scope's path from b)
  const tops = new Map<Scope, Scope | null>();
  // (checked after the walk has noted every store of b: a read sees those after it in a loop)
  const later: (() => void)[] = [];
  const check = (st: ast.Stmt, top: Scope | null, stmts: readonly ast.Stmt[] | null, i: number): void => {
    if (st.kind === 'expr' && st.expr.kind === 'call' && !mayStore(cx, checkedNode(st.expr))) return;
    for (const held of storedOutside(cx, st, b)) {
      if (stmts && replacedLater(stmts, i, held.r, cx.fn?.info.decl?.body)) continue;
      for (const br of held.borrows) for (const x of ownersOf(cx, br)) {
        if (within(x.span, b.span) && !(top && within(x.span, top.span))) pending!.push({ r: held.r, x, at: br.span, scope: b.span, how: held.how, site: st.span });
      }
    }
  };
  forEachScope([b.stmts, b.tail], (s, outer) => {
    if (s.kind === 'go' || s.kind === 'async') return false;
    const top = (outer && tops.get(outer)) ?? (s.block ? s : null);
    tops.set(s, top);
    later.push(() => {
      s.stmts.forEach((st, i) => check(st, top, s.stmts, i));
      if (s.value) check(asStmt(s.value), top, null, -1);
    });
  }, (o, at, up) => {
    if ((o.kind === 'call' || o.kind === 'assign') && !noted.has(o)) noteStore(cx, o);
    const fl = o.kind === 'for-in' ? o as unknown as Extract<ast.Stmt, { kind: 'for-in' }> : null;
    if (fl && localOf(fl)) loopIter.set(localOf(fl)!, fl.iter);
    // a store by a call inside an expression: a condition, a guard, a `let`'s value, an argument
    // (`if put(&v!, &x) {}`, `let ok = put(&v!, &x);`, `n if put(&v!, &x) =>`)
    // (not one checked as a statement or a scope's value)
    if (o.kind === 'call' && up && up.kind !== 'expr' && mayStore(cx, o)) {
      const c = asStmt(o as unknown as ast.Expr), top = at ? tops.get(at) ?? null : null;
      later.push(() => { if (at) check(c, top, null, -1); else direct(c, -1); });
    }
  });
  valueBranches(cx, b);
  b.stmts.forEach(direct);
  if (b.tail) direct(asStmt(b.tail), -1); // (a match arm's `{ …; v.push(&x) }`: nothing follows it)
  for (const f of later) f();
  if (!pending.length) return;
  const keep: Dangling[] = [];
  b.stmts.forEach((s, i) => {
    const mine = pending!.filter((d) => d.scope !== b.span && within(d.scope, s.span));
    const told = new Set<string>();
    for (const d of mine) {
      pending!.splice(pending!.indexOf(d), 1);
      // (one report per holder and local: `r = if c { &x } else { &x };` borrows x twice)
      const key = `${d.r.id}:${d.x.span.start}:${d.scope.start}`;
      const after: unknown[] = [...b.stmts.slice(i + 1), b.tail];
      const through = reaching(d.r, d.site);
      const stop = after.findIndex((st) => resetsAll(st, d.r, through));
      // (a statement before the reset may leave the block, `if c { break; } v.clear();`: the
      // holder keeps x past the enclosing blocks, checked by them as if never reset)
      const leaves = after.findIndex((st) => exitsOrRebinds(st, null));
      let use = firstUse(after, 0, d.r, through);
      // (in a loop, a holder from outside it used anywhere in it but the store itself is used in
      // the next iteration, after the local's block ended: `for … { let x = …; read(v); v.push(&x); }`)
      const again = !use && LOOPS.has(s.kind) && !within(d.r.span, s.span) ? carriedUse(s as LoopStmt, d.r, through, d.site) : null;
      if (again) use = again;
      // (a holder whose drop reads what it keeps, a value of a type with `impl Drop` holding a
      // reference, reads x when it is dropped at the end of its own block: so does emptying it or
      // giving it a new value, and a move only puts that off)
      const dropAt = !use && within(d.r.span, b.span) && dropReads(d.r.type) ? { ...b.span, start: b.span.end - 1, col: b.span.endCol - 1, line: b.span.endLine } : null;
      if (dropAt) use = { at: dropAt, weak: false };
      // (a holder declared outside b, not given a new value in it, may be used after an enclosing
      // block: that one checks it, `{ { let x = …; v.push(&x); } … } v[0]`)
      // (nor does a reset end it for a holder whose drop reads it: emptying it runs that drop)
      if (!use && (stop < 0 || (leaves >= 0 && leaves <= stop) || dropReads(d.r.type)) && !within(d.r.span, b.span)) keep.push(d);
      // (and one per borrow made: `v.push(&e); out.push(v[0]);` is reported for v)
      if (!use || told.has(key) || reportedDangling.has(d.at)) continue;
      told.add(key);
      const closing = { ...d.scope, start: d.scope.end - 1, col: d.scope.endCol - 1, line: d.scope.endLine };
      reportedDangling.add(d.at);
      cx.error(MSG.E0176.referencesWhichGoesOut({ rName: d.r.name, xName: d.x.name }), closing, {
        labels: [
          { span: d.at, message: NOTE.E0176.labelBorrowsHere({ r: d.r.name, how: d.how, x: d.x.name }) },
          { span: d.x.span, message: NOTE.E0176.labelDeclaredInBlock({ name: d.x.name }) },
          { span: use.at, message: dropAt ? NOTE.E0176.labelDropReads({ rName: d.r.name }) : use.weak ? NOTE.E0176.labelStillHolds({ rName: d.r.name }) : again ? NOTE.E0176.labelReferenceUsedNextIteration() : NOTE.E0176.labelReferenceUsedAfterBlock() },
        ],
        // (a holder of its own can be emptied or given a new value first; a shared handle's copies keep theirs)
        notes: [NOTE.E0176.helpDeclareSameBlock({ xName: d.x.name, rName: d.r.name }), ...(holdsShared(d.r.type) || dropAt ? [] : [NOTE.E0176.helpResetFirst({ rName: d.r.name })])],
      });
    }
  });
  pending.push(...keep);
}

export function checkBlockBorrows(cx: Ctx, b: ast.Block): void {
  danglingReferences(cx, b);
  b.stmts.forEach((s, i) => {
    temporaryConflicts(cx, s);
    if (s.kind === 'for-in') loopBorrow(cx, s);
    // (one report per statement)
    for (const held of holdsMade(cx, s)) if (heldConflict(cx, b, i, held)) return;
    for (const held of nestedStores(cx, s)) if (heldConflict(cx, b, i, held) || held.loops.some((l) => carriedConflict(cx, l, held))) return;
  });
}

/** Every borrow statement s gives a holder: by a value it gives it (heldAll), a store into it
 *  (storedIn), or a call inside its expressions that stores into it (callStoresIn). */
const holdsMade = (cx: Ctx, s: ast.Stmt): { r: LocalInfo; borrows: Borrow[] }[] => [...heldAll(s), ...storedIn(cx, s), ...callStoresIn(cx, s)];

/** The borrows a statement makes each local it gives a value hold: a `let`'s (heldByLet: any value
 *  holding a reference, a tuple, struct, array or variant holding one, `let (a, r) = t;`), and
 *  `r = …;` of a local whose type holds a reference (`t = (0, &v[1]);`). */
function heldAll(s: ast.Stmt): { r: LocalInfo; borrows: Borrow[] }[] {
  if (s.kind === 'let') return heldByLet(s);
  const h = heldBy(s);
  if (h) return [h];
  const bound = s.kind === 'assign' ? boundLocal(s) : null;
  return bound && holdsRef(bound.local.type) ? [{ r: bound.local, borrows: borrowsIn(bound.value) }] : [];
}
/** The borrows a statement stores into a holder it does not give a whole new value (storedOutside:
 *  `vs.push(&v[0]);`, `h.r = &v[0];`, `t.1 = &x;`, `put(&vs!, &x);`): the holder keeps them. */
function storedIn(cx: Ctx, s: ast.Stmt): { r: LocalInfo; borrows: Borrow[] }[] {
  if (s.kind === 'assign' ? s.op !== '=' || s.target.kind === 'ident' : !(s.kind === 'expr' && s.expr.kind === 'call' && mayStore(cx, checkedNode(s.expr)))) return [];
  return storedOutside(cx, s, NOWHERE);
}
/** The stores of calls inside a statement's own expressions (not the statement itself, not in a
 *  nested scope, which is checked as its own statements): `let ok = put(&vs!, &x);`,
 *  `if put(&vs!, &x) { … }`, an argument or a condition. */
function callStoresIn(cx: Ctx, s: ast.Stmt): { r: LocalInfo; borrows: Borrow[] }[] {
  const out: { r: LocalInfo; borrows: Borrow[] }[] = [];
  const self = s.kind === 'expr' ? s.expr : null;
  const visit = (x: unknown): void => {
    if (!x || typeof x !== 'object') return;
    if (Array.isArray(x)) { for (const y of x) visit(y); return; }
    const o = checkedNode(x) as Record<string, unknown>;
    // (a block, closure, task or defer body is a scope of its own)
    if (Array.isArray(o.stmts) || o.kind === 'closure' || o.kind === 'go' || o.kind === 'async' || o.kind === 'defer') return;
    if (o.kind === 'call' && o !== (self as unknown) && mayStore(cx, o)) out.push(...storedOutside(cx, asStmt(o as unknown as ast.Expr), NOWHERE));
    for (const key in o) if (walk(o, key)) visit(o[key]);
  };
  visit(s);
  return out;
}

/** The borrows statements in scopes nested in `s` (a branch, a block, a loop body, a match arm;
 *  not a closure, task or `defer` body, which run elsewhere) give or store into holders declared
 *  outside s (`if c { r = &v[0]; }`, `{ vs.push(&v[0]); }`): they hold them after s as well (each
 *  nested block checks the rest of itself). A loop body's store meeting a change in the next
 *  iteration is not seen here. */
type NestedStore = { r: LocalInfo; borrows: Borrow[]; loops: LoopStmt[] };
function nestedStores(cx: Ctx, s: ast.Stmt): NestedStore[] {
  const e = s.kind === 'expr' ? s.expr : s;
  if (!scopesOf(e).length) return [];
  const out: NestedStore[] = [];
  // (the loops around each scope, up to s: a store there may meet a change in a next iteration)
  const loopsOf = new Map<Scope, LoopStmt[]>();
  forEachScope(e, (sc, outer) => {
    if (sc.kind === 'closure' || sc.kind === 'go' || sc.kind === 'async' || sc.kind === 'defer') return false;
    const around = outer ? loopsOf.get(outer) ?? [] : [];
    const loops = LOOPS.has((sc.owner as { kind?: string }).kind ?? '') && sc.block === (sc.owner as LoopStmt).body ? [...around, sc.owner as LoopStmt] : around;
    loopsOf.set(sc, loops);
    const add = (st: ast.Stmt) => { for (const h of holdsMade(cx, st)) if (!within(h.r.span, s.span)) out.push({ ...h, loops }); };
    for (const st of sc.stmts) add(st);
    if (sc.value?.kind === 'call' || (sc.value as { kind?: string } | null)?.kind === 'assign') add(asStmt(sc.value!));
  });
  return out;
}
/** A store in loop l into a holder declared outside it, whose borrow the next iteration still
 *  holds where it first uses the holder before giving it a new value (`for … { v.clear();
 *  println(r.n); r = &v[0]; }`, `for … { v.push(…); vs.push(&v[0]); }`): report a change of what
 *  it borrows before that use (E0161). Whether one was reported. */
function carriedConflict(cx: Ctx, l: LoopStmt, held: NestedStore): boolean {
  const first: unknown[] = l.kind === 'for-c' ? [l.post, l.cond] : l.kind === 'while' ? [l.cond] : [];
  const nodes: unknown[] = [...first, ...l.body.stmts, l.body.tail];
  // (any mention is a use, as for heldConflict, unless a new value for the holder comes first on
  // its path; a new value on every path first ends it)
  let k = -1, at: ast.Span | null = null;
  for (let i = 0; i < nodes.length && k < 0; i++) {
    const n = nodes[i], value = reassigns(n, held.r) ? (n as Extract<ast.Stmt, { kind: 'assign' }>).value : null;
    if (i >= first.length && !(value && lastMention(value, held.r)) && resetsAll(n, held.r, NO_READS, reassigns)) return false;
    at = readBeforeNewValue(n, held.r);
    if (at) k = i;
  }
  if (k < 0 || !at) return false;
  const use = { at };
  for (const br of held.borrows) {
    const x = viewedOwner(ownerLocal(br.operand));
    // (a local of the loop is a new one in the next iteration; a store the loop always leaves
    // after, `if i == 2 { r = &v[0]; break; }`, has no next iteration)
    if (!x || x === held.r || within(x.span, l.span) || leavesAfter(l.body.stmts, l.body.tail, br.span, false)) continue;
    const hit = conflict(nodes.slice(0, k + 1), x, held.r, br.mut, br.operand);
    if (!hit) continue;
    if (!toldConflicts.has(hit.span)) {
      toldConflicts.add(hit.span);
      cx.error(hit.message, hit.span, {
        labels: [{ span: br.span, message: NOTE.E0161.labelBorrowCreatedHere() }, { span: use.at, message: NOTE.E0161.labelBorrowUsedByNextIteration() }],
      });
    }
    return true;
  }
  return false;
}

/** The first mention of holder r in statement st that reads the value it had before st: one not
 *  preceded on its path through st's blocks, branches and arms by a new value for r (`if c { r =
 *  &v[0]; println(r.n); }` reads only the new one). */
function readBeforeNewValue(st: unknown, r: LocalInfo): ast.Span | null {
  if (!st) return null;
  if (reassigns(st, r)) return lastMention((st as Extract<ast.Stmt, { kind: 'assign' }>).value, r);
  const t = st as ast.Stmt;
  const e = (t.kind === 'expr' ? t.expr : t) as { kind?: string };
  if (!(e.kind === 'block' || e.kind === 'unsafe' || e.kind === 'if' || e.kind === 'match')) return lastMention(st, r);
  const head = lastMention(partsOf(e), r);
  if (head) return head;
  for (const sc of scopesOf(e)) {
    let fresh = false;
    for (const x of sc.stmts) {
      const u = readBeforeNewValue(x, r);
      if (u) return u;
      if (resetsAll(x, r, NO_READS, reassigns)) { fresh = true; break; }
    }
    if (!fresh && sc.value) { const u = readBeforeNewValue(asStmt(sc.value), r); if (u) return u; }
  }
  return null;
}

/** Does a path through the statements reaching span `at` always leave the loop right after it
 *  (a `break` of that loop, not of a loop nested in it, or a `return` later in a block holding
 *  it)? */
function leavesAfter(stmts: readonly ast.Stmt[], tail: ast.Expr | null, at: ast.Span, nested: boolean): boolean {
  const list: unknown[] = [...stmts, ...(tail ? [tail] : [])];
  const i = list.findIndex((x) => !!x && within(at, (x as { span: ast.Span }).span));
  if (i < 0) return false;
  const exits = (x: unknown) => { const k = (x as { kind?: string }).kind; return k === 'return' || (k === 'break' && !nested); };
  if (list.slice(i + 1).some(exits)) return true;
  const st = list[i] as ast.Stmt;
  const e = (st.kind === 'expr' ? st.expr : st) as object;
  const inner = nested || LOOPS.has((st as { kind: string }).kind);
  return scopesOf(e).some((sc) => within(at, sc.span) && leavesAfter(sc.stmts, sc.value, at, inner));
}

/** Report the first use, while held's borrows are live, of what one of them borrows that the
 *  borrow forbids (statement i of b made them). Whether one was reported. */
/** Conflicts reported (E0161), by span: one several holders meet (`let q = r;` in a nested block
 *  holds r's borrow too) is reported once. */
const toldConflicts = checkSet<ast.Span>();
function heldConflict(cx: Ctx, b: ast.Block, i: number, held: { r: LocalInfo; borrows: Borrow[] }): boolean {
  const { r } = held;
  for (const borrow of held.borrows) {
    const x = viewedOwner(ownerLocal(borrow.operand));
    if (!x || x === r) continue;
    const mut = borrow.mut, created = borrow.span;
    // Where the borrow is last used: through `r`, or through a closure or a value holding a
    // reference bound from it later in the block (`let c = || … r …;`, `let q: &T = r;`,
    // `let (n, q) = t;`), which holds it as well. It ends where `r` is given a new value (`r = &y;`).
    let end = -1, lastUse: ast.Span | null = null;
    const after: unknown[] = [...b.stmts.slice(i + 1), b.tail];
    // (or in a nested block or on every branch, `{ r = &y; }`: that statement is the borrow's
    // last, as a whole, its uses of r before the assignment included; what follows it cannot
    // use the old borrow)
    const stop = after.findIndex((st) => reassigns(st, r) || resetsAll(st, r, NO_READS, reassigns));
    const rest = stop < 0 ? after : after.slice(0, reassigns(after[stop], r) ? stop : stop + 1);
    // (also a local given it by an assignment, `q = r;`, and either in a nested block: each
    // shares r's borrows, as `let q = r;` does)
    const holders = [r];
    const bound = (o: Record<string, unknown>): void => {
      const t = o as unknown as ast.Stmt;
      const to = t.kind === 'let' ? letLocals(t.pattern).map((local) => ({ local, value: t.init })) : t.kind === 'assign' && boundLocal(t) ? [boundLocal(t)!] : [];
      for (const bl of to) {
        if (holders.includes(bl.local)) continue;
        const k = bl.local.type.k;
        if ((bl.value.kind === 'closure' || k === 'ref' || k === 'fn' || holdsRef(bl.local.type)) && holders.some((h) => lastMention(bl.value, h))) holders.push(bl.local);
      }
    };
    const visit = (x: unknown): void => {
      if (!x || typeof x !== 'object') return;
      if (Array.isArray(x)) { for (const y of x) visit(y); return; }
      const o = checkedNode(x) as Record<string, unknown>;
      if (o.kind === 'let' || o.kind === 'assign') bound(o);
      for (const key in o) if (walk(o, key)) visit(o[key]);
    };
    rest.forEach(visit);
    // (a local given r's borrow keeps it past r's new value: `let q = r; r = &y; … q`)
    after.forEach((st, k) => {
      for (const h of holders) { const m = h === r && k >= rest.length ? null : lastMention(st, h); if (m) { end = k; lastUse = m; } }
    });
    if (end < 0 || !lastUse) continue;
    for (let k = 0; k <= end; k++) {
      const inLoop = loopPrefixConflict(after[k], x, r, holders, mut, borrow.operand);
      const hit = inLoop ? inLoop.hit : conflict(after[k], x, r, mut, borrow.operand);
      if (!hit) continue;
      if (!toldConflicts.has(hit.span)) {
        toldConflicts.add(hit.span);
        cx.error(hit.message, hit.span, {
          labels: [{ span: created, message: NOTE.E0161.labelBorrowCreatedHere() }, { span: lastUse, message: NOTE.E0161.labelBorrowLaterUsedHere() }],
        });
      }
      return true;
    }
  }
  return false;
}

/** The conflict, in a loop whose body gives r a new value in a statement of its own (loopPrefix),
 *  that the old borrow meets: a change in the loop's head, or one in the body before that
 *  statement followed by a read of r (or a holder of its borrow) before it, or by a way out of the
 *  iteration that skips it (`break`, `continue`, `return`, `?`). `for … { println(r.n);
 *  v.push(x); r = &v[0]; }` meets none: r is read before the push and given a new value after
 *  it (rustc accepts it). Null when st is no such loop (it is checked whole then). */
function loopPrefixConflict(st: unknown, x: LocalInfo, r: LocalInfo, holders: readonly LocalInfo[], mut: boolean, borrowed: ast.Expr): { hit: ReturnType<typeof conflict> } | null {
  const pre = loopPrefix(st, r, holders);
  if (!pre) return null;
  const [head, stmts] = pre as [unknown, ast.Stmt[]];
  const inHead = conflict(head, x, r, mut, borrowed);
  if (inHead) return { hit: inHead };
  for (let i = 0; i < stmts.length; i++) {
    const hit = conflict(stmts[i], x, r, mut, borrowed);
    if (!hit) continue;
    const rest = stmts.slice(i);
    if (mut || holders.some((h) => lastMention(rest, h)) || rest.some((y) => exitsOrRebinds(y, null))) return { hit };
  }
  return { hit: null };
}

/** A loop whose body gives r a new value in a statement of its own (`for … { read(r); r = &y;
 *  x = 3; }`): after that statement, in this iteration and the next ones, r holds no borrow it
 *  held before the loop; so the loop's conditions and the body up to it are all the old borrow
 *  can meet, when no other local holding r's borrows is mentioned in the loop. Else null. */
function loopPrefix(st: unknown, r: LocalInfo, holders: readonly LocalInfo[]): unknown[] | null {
  const l = st as ast.Stmt | undefined;
  if (!l || !LOOPS.has(l.kind)) return null;
  const body = (l as LoopStmt).body, j = body.stmts.findIndex((x) => reassigns(x, r));
  if (j < 0 || holders.some((h) => h !== r && lastMention(st, h))) return null;
  return [partsOf(l), body.stmts.slice(0, j)];
}

/** `for e in v { … }` over a collection place borrows `v` (shared) for the whole loop: the body
 *  may not change, move or mutably borrow it (chapter 2 §6.4). */
function loopBorrow(cx: Ctx, s: Extract<ast.Stmt, { kind: 'for-in' }>): void {
  const x = ownerLocal(s.iter);
  const t = exprInfo(s.iter)?.type;
  if (!x || !t || !(t.k === 'array' || t.k === 'slice' || (t.k === 'builtin' && ['Vec', 'Map', 'Set', 'String'].includes(t.name)))) return;
  const hit = conflict(s.body, x, null, false);
  if (hit) cx.error(hit.message, hit.span, {
    labels: [{ span: s.iter.span, message: NOTE.E0161.labelBorrowCreatedByLoop() }, { span: s.nameSpan, message: NOTE.E0161.labelBorrowUsedByNextIteration() }],
    notes: [NOTE.E0161.helpCollectChangesAfterLoop()],
  });
}

/** Borrows made by one call's arguments are all live during the call (temporary borrows, §6.4):
 *  `f(&x!, &x!)` or `f(&x!, &x)` give two handles to one place, one of them a writer. */
const seenCalls = checkSet<object>();
function temporaryConflicts(cx: Ctx, s: ast.Stmt): void {
  const visit = (v: unknown): void => {
    if (!v || typeof v !== 'object') return;
    if (Array.isArray(v)) { for (const y of v) visit(y); return; }
    const o = checkedNode(v) as Record<string, unknown>;
    // (a closure's block body is checked as a block of its own; a value alone, `|| f(&x!, &x)`, here)
    if (o.kind === 'closure' && scopesOf(o)[0]?.block) return;
    if (o.kind === 'call' && !seenCalls.has(o)) {
      seenCalls.add(o);
      const c = o as unknown as ast.ExprOf<'call'>;
      const refs = c.args.filter((a): a is ast.ExprOf<'ref'> => a.kind === 'ref');
      outer: for (let j = 1; j < refs.length; j++) {
        const xj = ownerLocal(refs[j].operand);
        for (let k = 0; k < j; k++) {
          if (!xj || ownerLocal(refs[k].operand) !== xj || (!refIsMut(refs[j]) && !refIsMut(refs[k]))) continue;
          const first = refs[k], name = xj.name;
          const message = first.mut && refs[j].mut ? MSG.E0161.mutableTwice({ name }) : first.mut ? MSG.E0161.immutableWhileMutable({ name }) : MSG.E0161.mutableWhileImmutable({ name });
          cx.error(message, refs[j].span, {
            labels: [{ span: first.span, message: NOTE.E0161.labelBorrowCreatedHere() }, { span: c.callee.span, message: NOTE.E0161.labelBorrowUsedByCall() }],
            notes: [NOTE.E0161.helpBothReferencesWould()],
          });
          break outer;
        }
      }
    }
    for (const k in o) if (walk(o, k)) visit(o[k]);
  };
  visit(s);
}

/** A place's path below its local: field names and tuple indexes, `*` for an element or a deref
 *  (any part). */
function partPath(e: ast.Expr): string[] {
  const out: string[] = [];
  for (let x: ast.Expr = e; ; ) {
    if (x.kind === 'member') { out.push(x.name); x = x.object; }
    else if (x.kind === 'tuple-index') { out.push(String(x.index)); x = x.object; }
    else if (x.kind === 'index') { out.push('*'); x = x.object; }
    else if (x.kind === 'deref') { out.push('*'); x = x.operand; }
    else return out.reverse();
  }
}
/** Can two places of one local overlap: is one path a prefix of the other (`*` matching any)? */
function pathsOverlap(a: string[], b: string[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i] && a[i] !== '*' && b[i] !== '*') return false;
  return true;
}

/** The first use of `x` in `n` that the live borrow (held by `r`) forbids; `borrowed`, the place
 *  borrowed (`s.b` of `&s.b`): moving a part that does not overlap it is allowed. */
function conflict(n: unknown, x: LocalInfo, r: LocalInfo | null, mutBorrow: boolean, borrowed?: ast.Expr): { message: Message<'E0161'>; span: ast.Span } | null {
  let out: { message: Message<'E0161'>; span: ast.Span } | null = null;
  const name = x.name;
  const visit = (v: unknown): void => {
    if (out || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) { for (const y of v) visit(y); return; }
    const o = checkedNode(v) as Record<string, unknown> & { kind?: string; span?: ast.Span };
    if (o.kind === 'ref' && 'operand' in o && ownerLocal((o as unknown as ast.ExprOf<'ref'>).operand) === x) {
      const m = refIsMut(o as unknown as ast.ExprOf<'ref'>);
      if (mutBorrow) out = { message: m ? MSG.E0161.mutableTwice({ name }) : MSG.E0161.immutableWhileMutable({ name }), span: o.span! };
      else if (m) out = { message: MSG.E0161.mutableWhileImmutable({ name }), span: o.span! };
      return;
    }
    if (o.kind === 'assign' && ownerLocal((o as Extract<ast.Stmt, { kind: 'assign' }>).target) === x) {
      out = { message: MSG.E0161.assignBorrowed({ name }), span: (o as Extract<ast.Stmt, { kind: 'assign' }>).target.span };
      return;
    }
    if (!mutBorrow && o.kind === 'call') {
      const c = o as unknown as ast.ExprOf<'call'>;
      const t = callTarget(c);
      const mutating = t?.k === 'method' ? t.fn.receiver === 'mut-ref' : t?.k === 'builtin-method' ? !!builtinMethod(t.owner, t.method)?.mutating : false;
      if (mutating && c.callee.kind === 'member' && ownerLocal(c.callee.object) === x) {
        out = { message: MSG.E0161.mutableWhileImmutable({ name }), span: c.span };
        return;
      }
    }
    // (a part moved out of it, `let a = s.a;`, `*b` of a Box: the borrow would read it there)
    if (!mutBorrow && (o.kind === 'member' || o.kind === 'tuple-index' || o.kind === 'deref') && exprInfo(o as unknown as ast.Expr)?.moves && ownerLocal(o as unknown as ast.Expr) === x) {
      if (!borrowed || pathsOverlap(partPath(o as unknown as ast.Expr), partPath(borrowed))) {
        out = { message: MSG.E0161.moveBorrowed({ name }), span: o.span! };
        return;
      }
    }
    if (!mutBorrow && o.kind === 'ident' && nameRes((o as unknown as ast.ExprOf<'ident'>))?.k === 'local' && (nameRes((o as unknown as ast.ExprOf<'ident'>)) as { local: LocalInfo }).local === x && exprInfo((o as unknown as ast.ExprOf<'ident'>))?.moves) {
      out = { message: MSG.E0161.moveBorrowed({ name }), span: o.span! };
      return;
    }
    if (mutBorrow && o.kind === 'ident' && nameRes((o as unknown as ast.ExprOf<'ident'>))?.k === 'local' && (nameRes((o as unknown as ast.ExprOf<'ident'>)) as { local: LocalInfo }).local === x) {
      out = { message: MSG.E0161.useMutablyBorrowed({ name }), span: o.span! };
      return;
    }
    for (const k in o) if (walk(o, k)) visit(o[k]);
  };
  visit(n);
  void r;
  return out;
}

/** A borrow a REPL session variable holds (§6.17): `r` borrows `of`. */
export interface SessionBorrow { r: LocalInfo; of: LocalInfo; mut: boolean }

/**
 * A REPL cell (§6.17): a session variable holding a reference keeps its borrow for the session,
 * since a later cell may use it. So a statement of the cell that would leave it dangling is an
 * error, as if the borrow were used at the cell's end: assigning, moving or calling a mutating
 * method on what it borrows (the rules of a shared borrow, for a mutable one too: reading the
 * place beside it aliases, which references do). `held`: the borrows of earlier cells' variables;
 * the cell's own top-level `let r = &x…;` / `r = &x…;` of a variable it keeps (`kept`) add theirs,
 * checked after r's last mention in the cell (the block's own check covers up to it). A variable
 * given a new value at the top level drops its old borrows. Returns the borrows kept at the end.
 * (`v.clear()` in a later cell while `let r = &v[0];` lived on made `r` read a dropped value.)
 */
export function replSessionBorrows(cx: Ctx, body: ast.Block, held: readonly SessionBorrow[], kept: ReadonlySet<LocalInfo>): SessionBorrow[] {
  const stmts: unknown[] = [...body.stmts, body.tail];
  type Live = SessionBorrow & { from: number; created: ast.Span | null };
  let live: Live[] = held.map((h) => ({ ...h, from: 0, created: null }));
  const reported = new Set<number>();
  stmts.forEach((st, i) => {
    for (const b of live) {
      // (a statement giving r a new value ends its old borrow: `r = &x!;` is fine)
      if (i < b.from || reported.has(i) || reassigns(st, b.r)) continue;
      const hit = conflict(st, b.of, b.r, false);
      if (!hit) continue;
      reported.add(i);
      cx.error(hit.message, hit.span, {
        labels: b.created ? [{ span: b.created, message: NOTE.E0161.labelBorrowCreatedHere() }] : [],
        notes: [NOTE.E0161.noteReplSessionBorrow({ r: b.r.name, x: b.of.name })],
      });
    }
    const s = st as ast.Stmt | null;
    if (!s || i >= body.stmts.length) return;
    // a holder a `let` of its name shadows can no longer be named: its borrows end
    const lets = s.kind === 'let' ? letLocals(s.pattern) : [];
    for (const l of lets) live = live.filter((b) => b.r.name !== l.name || b.r === l);
    const bound = boundLocal(s);
    const value = s.kind === 'let' ? s.init : bound?.value;
    const held = heldAll(s);
    for (const r of s.kind === 'let' ? lets : bound ? [bound.local] : []) {
      if (!kept.has(r) || !value) continue;
      // a new value: the old borrows end; `let q = r;`, `let (n, q) = t;`, `let q = t.1;` share
      // what the holders they read hold
      const before = live.filter((b) => b.r !== r);
      const shared = holdsRef(r.type) ? before.filter((b) => lastMention(value, b.r)).map((b) => ({ ...b, r })) : [];
      live = before;
      // (checked after r's last mention in this cell: the block's own check covers up to it)
      let last = i;
      for (let k = i + 1; k < stmts.length; k++) if (lastMention(stmts[k], r)) last = k;
      const made = (held.find((h) => h.r === r)?.borrows ?? []).map((br) => ({ br, x: ownerLocal(br.operand) }))
        .filter((e): e is { br: Borrow; x: LocalInfo } => !!e.x && e.x !== r)
        .map((e) => ({ r, of: e.x, mut: e.br.mut, from: last + 1, created: e.br.span }));
      live.push(...shared.map((b) => ({ ...b, from: last + 1 })), ...made);
    }
    // a borrow stored into a kept holder (`vs.push(&v[0]);`, `t.1 = &x;`, also in a nested block)
    // is kept with what it held
    for (const h of [...storedIn(cx, s), ...nestedStores(cx, s)]) {
      if (!kept.has(h.r)) continue;
      let last = i;
      for (let k = i + 1; k < stmts.length; k++) if (lastMention(stmts[k], h.r)) last = k;
      for (const br of h.borrows) { const x = ownerLocal(br.operand); if (x && x !== h.r) live.push({ r: h.r, of: x, mut: br.mut, from: last + 1, created: br.span }); }
    }
  });
  return live.filter((b) => kept.has(b.r) && kept.has(b.of)).map(({ r, of, mut }) => ({ r, of, mut }));
}

// Function-typed parameters that cannot outlive their call: every mention of the parameter in the
// body is a call of it, or an argument to such a parameter of another function or of a method
// that lends its closure for the call (Vec.map, Option.map …), or to catch_panic — never stored,
// returned, bound, captured by a closure, a `go` task or an `async` block. A closure literal passed
// there is then lent, like one passed to Vec.map: it cannot outlive the statement that makes it,
// so what it captures is dropped when its scope ends and its captured arrays cost no heap
// (sema/frame-local-closures.ts, codegen/stmts.ts closure). Without this, every closure given to a user
// function counted as escaping and kept its captures to the end of the run.
// Greatest fixpoint: a parameter starts scoped and loses it when a mention escapes, including by
// flowing into a parameter that lost it (recursion through scoped parameters stays scoped). A
// mention inside a `let g = |…| …;` closure stays while g does (g is a candidate too: every use a
// call), and one inside a closure literal lent to its call (a builtin that lends it, a scoped
// parameter) while that lending holds. An `async fn`'s parameter is scoped only at a call awaited where it is made
// (`block_on(apply(f, 5))`): its Future holds it until then.
// A parameter that is not scoped may outlive its call, and its type cannot say what a function
// value borrows: giving it one that holds a borrow is E0176 at the call (keptBorrow) — unless it
// is only returned as it is (`fn id(f) { return f; }`): then the call's result holds the borrow,
// and the caller traces it as any call result's (borrows.ts borrowsIn, stmt.ts placesIn).
// A by-value parameter holding function values in its parts (`h: H` with `f: fn(): i32`, a tuple,
// an Option) is kept likewise unless each mention only reads a part holding none (`h.n`), calls
// one (`h.f()`), lends it to a scoped parameter, calls a builtin method on it that gives none
// back, or matches it into bindings that are themselves scoped: giving it a borrowing function
// value (`run(H { f: mk(&e) })`) is then E0176 at that value (keptPartBorrow).
import type * as ast from '../syntax/ast';
import type { Ctx } from './context';
import type { FnInfo, LocalInfo } from './typed';
import { callTarget, checkSet, checkedCall, checkedNode, exprInfo, goInfoOf, localOf, nameRes, type ResOf } from './tables';
import { borrowsIn, boundLocal, branchValues, buildsVariant, danglingReported, holdsRef } from './borrows';
import { callersData } from './escaping-closures';
import { somePart, type Type } from './types';
import { lendsArg, lentClosures, placeText } from './moves';
import { builtinMethod } from './prelude';
import { MSG, NOTE } from '../msg';

/** Closure literals (and let-bound closure locals' uses) given to a scoped parameter. */
export const scopedClosures = checkSet<ast.Expr>();
/** A closure literal that runs only during the call it is given to: lent to a builtin method
 *  (moves.ts lentClosures) or to a scoped parameter. */
export const lentForCall = (e: ast.Expr): boolean => lentClosures.has(e) || scopedClosures.has(e);
/** Idents `f` given as such an argument (`g(f)` of a `let f = |…| …`): a use that does not escape. */
export const scopedArgs = checkSet<ast.Expr>();

// (a call's `target` is its FnInfo, not syntax; an assignment's `target` is walked)
const SKIP = new Set(['info', 'res', 'local', 'variant', 'resolved', 'span', 'nameSpan', 'moduleSpan', 'decl']);
const skip = (o: { kind?: string }, k: string) => SKIP.has(k) || (k === 'target' && o.kind === 'call');

/** Where a mention of a local sits: called, passed as argument `index` of `call`, returned as it
 *  is, or anything else; inside which `let g = |…| …;` closures (`vias`, innermost last). */
type Use = { local: LocalInfo; nested: boolean; callee: boolean; call: ast.ExprOf<'call'> | null; index: number; returned: boolean; vias: Via[]; node: object; at: Place | null };
/** The place a mention is the root of (`h.f` of `h`, `h.fs[0]`) and what is done with it: called
 *  (a function value), the receiver of a method call, matched or iterated into bindings, or an
 *  argument (`arg`); null when it is none of those (stored, bound, returned…). */
type Place = { place: ast.Expr; arg: { call: ast.ExprOf<'call'>; index: number } | null; calleeOf: ast.ExprOf<'call'> | null; receiverOf: ast.ExprOf<'call'> | null; binds: LocalInfo[] | null };
const placeIn = (place: ast.Expr, x: Partial<Place> = {}): Place => ({ place, arg: null, calleeOf: null, receiverOf: null, binds: null, ...x });
/** A closure a mention sits in that stays while: a let-bound one's local is scoped, or a literal
 *  argument is lent by its call (`v.for_each(|x| f(x))`, `call(|| f())` with a scoped parameter). */
type Via = LocalInfo | { call: ast.ExprOf<'call'>; index: number };
/** The walk's place: inside a closure, task or async block that may outlive the call (`nested`),
 *  inside let-bound closures (`vias`), and the calls awaited where they are made (`now`). */
interface Walk { fnValues: ast.ExprOf<'ident'>[]; uses: Use[]; args: { arg: ast.Expr; call: ast.ExprOf<'call'>; index: number }[]; now: Set<unknown>; letClosures: Set<LocalInfo>; binds: Set<LocalInfo> }

/** Does a value of type t hold a function value (or a Future) in a part, not being one itself? */
const fnParted = new WeakMap<Type, boolean>();
export function holdsFnPart(t: Type | undefined): boolean {
  if (!t || t.k === 'fn') return false;
  let m = fnParted.get(t);
  if (m === undefined) fnParted.set(t, (m = fnPartIn(t, new Set())));
  return m;
}
function fnPartIn(t: Type | undefined, seen: Set<unknown>): boolean {
  if (!t || t.k === 'fn' || (t.k === 'builtin' && t.name === 'Future')) return false;
  return somePart(t, (x) => x.k === 'fn' || (x.k === 'builtin' && x.name === 'Future') || fnPartIn(x, seen), seen);
}
const holdsFn = (t: Type | undefined) => t?.k === 'fn' || holdsFnPart(t);

export function computeScopedParams(cx: Ctx): void {
  const params = new Map<LocalInfo, FnInfo>();
  for (const f of cx.allFns) {
    if (!f.decl || f.isExternC) continue;
    for (const p of f.params) if (p.local && p.type.k === 'fn' && !p.variadic) params.set(p.local, f);
  }
  // (by-value parameters holding function values in their parts)
  const parts = new Map<LocalInfo, FnInfo>();
  for (const f of cx.allFns) if (f.decl && !f.isExternC) for (const p of f.params) if (p.local && !p.variadic && holdsFnPart(p.type)) parts.set(p.local, f);
  const w: Walk = { fnValues: [], uses: [], args: [], now: new Set(), letClosures: new Set(), binds: new Set() };
  const { uses, args } = w;
  given = new Map();
  const argFn = new Map<ast.Expr, FnInfo>();
  for (const f of cx.allFns) {
    if (!f.decl?.body) continue;
    const from = args.length;
    walk(f.decl.body, false, [], w);
    // (the body's value is returned as it is)
    const tail = f.decl.body.tail ? checkedNode(f.decl.body.tail) : null;
    if (tail?.kind === 'ident') for (const u of uses) if (u.node === tail && !u.nested && !u.vias.length) u.returned = true;
    for (const a of args.slice(from)) argFn.set(a.arg, f);
  }
  // a parameter, or a let-bound closure (`let g = || f();` whose every use is a call: what it
  // captures is used only while it runs, chapter 2 §1.3)
  const scoped = new Set([...params.keys(), ...w.letClosures]);
  // (and the parameters holding function values in parts, with the bindings a match or loop takes
  // out of a place: `match h.o { Some(f) => f() }` keeps no more than f does)
  const partScoped = new Set([...parts.keys()]);
  for (const l of w.binds) if (l.type.k === 'fn') scoped.add(l); else if (holdsFnPart(l.type)) partScoped.add(l);
  // An `async fn`'s Future holds its parameters until it is done: a fn parameter its body only
  // calls is scoped only at a call awaited where it is made (`block_on(apply(f, 5))`, `await …`).
  const lentBy = (call: ast.ExprOf<'call'> | null, index: number): boolean => {
    if (!call) return false;
    const t = callTarget(call);
    if (!t) return false;
    if (t.k === 'builtin') return t.name === 'catch_panic';
    if (t.k === 'builtin-method') return lendsArg(t.owner, t.method, index);
    if (t.k !== 'fn' && t.k !== 'method') return false;
    const p = t.fn.params[index]?.local;
    return !!p && scoped.has(p) && (!t.fn.isAsync || w.now.has(call));
  };
  const inPlace = (u: Use) => !u.nested && u.vias.every((v) => ('call' in v ? lentBy(v.call, v.index) : scoped.has(v)));
  const stays = (u: Use) => inPlace(u) && (u.callee || lentBy(u.call, u.index));
  // (a part given to a parameter that keeps none of it: a scoped fn parameter, a scoped one holding parts)
  const partLent = (call: ast.ExprOf<'call'>, index: number): boolean => {
    if (lentBy(call, index)) return true;
    const t = callTarget(call), p = t?.k === 'fn' || t?.k === 'method' ? t.fn.params[index]?.local : undefined;
    return !!p && partScoped.has(p) && !(t as { fn: FnInfo }).fn.isAsync;
  };
  const partStays = (u: Use): boolean => {
    if (!inPlace(u)) return false;
    const a = u.at;
    if (!a || !holdsFn(exprInfo(a.place)?.type)) return !!a || !holdsFn(u.local.type);
    if (a.calleeOf) return callTarget(a.calleeOf)?.k === 'value';
    if (a.receiverOf) { const c = checkedCall(a.receiverOf); return callTarget(c)?.k === 'builtin-method' && !holdsFn(exprInfo(c)?.type); }
    if (a.binds) return a.binds.every((l) => !holdsFn(l.type) || scoped.has(l) || partScoped.has(l));
    return !!a.arg && partLent(a.arg.call, a.arg.index);
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const u of uses) {
      if (scoped.has(u.local) && !stays(u)) { scoped.delete(u.local); changed = true; }
      if (partScoped.has(u.local) && !partStays(u)) { partScoped.delete(u.local); changed = true; }
    }
  }
  // (one only returned as it is, `fn id(h: H): H { return h; }`: the caller traces the result)
  for (const p of parts.keys()) {
    if (!partScoped.has(p) && !parts.get(p)!.isAsync && uses.every((u) => u.local !== p || partStays(u) || (u.returned && !u.nested && !u.vias.length))) partScoped.add(p);
  }
  // A parameter that only stays or is returned as it is (`fn id(f) { return f; }`): the call's
  // result holds what the argument borrows, which the caller traces (borrows.ts borrowsIn)
  const passedBack = new Set([...params.keys()].filter((p) => !scoped.has(p) && !params.get(p)!.isAsync));
  for (const u of uses) if (passedBack.has(u.local) && !stays(u) && !(u.returned && !u.nested && !u.vias.length)) passedBack.delete(u.local);
  for (const p of passedBack) scoped.add(p);
  const kept = (p: LocalInfo, call: ast.ExprOf<'call'>) => !scoped.has(p) || (params.get(p)?.isAsync === true && !w.now.has(call));
  // A call through a fn value (`let f = spawn; f(mk(&e))`, `s.f(…)`, `v[i](…)`): its type cannot say
  // whether a fn-typed parameter is kept, so it is, unless the value is a local only ever given
  // functions that keep none (a fn item whose parameter is scoped, a closure literal whose
  // parameter it only calls).
  const onlyCalled = (p: LocalInfo) => uses.every((u) => u.local !== p || (u.callee && !u.nested));
  const valueKeeps = (call: ast.ExprOf<'call'>, index: number): boolean => {
    const callee = checkedNode(call.callee);
    const l = callee.kind === 'ident' && nameRes(callee)?.k === 'local' ? (nameRes(callee) as ResOf<'local'>).local : null;
    const vals = l ? given.get(l) : undefined;
    if (!vals?.length) return true; // (only a let or an assignment gives a local its value)
    return !vals.every((v) => {
      const x = checkedNode(v);
      if (x.kind === 'closure') { const p = exprInfo(x)?.closure?.params[index]; return !!p && onlyCalled(p); }
      const r = x.kind === 'ident' ? nameRes(x) : undefined;
      const f = r?.k === 'fn' ? (r as ResOf<'fn'>).fn : undefined;
      const p = f?.params[index]?.local;
      return !!p && !kept(p, call);
    });
  };
  const partKept = (p: LocalInfo, call: ast.ExprOf<'call'>) => parts.has(p) && (!partScoped.has(p) || (parts.get(p)!.isAsync && !w.now.has(call)));
  if (cx.borrowCheck) for (const a of args) {
    keptBorrow(cx, a.arg, a.call, a.index, kept, argFn.get(a.arg));
    keptPartBorrow(cx, a.arg, a.call, a.index, partKept, argFn.get(a.arg));
    taskKeepsArg(cx, a.arg, a.call, a.index);
    keptThroughValue(cx, a.arg, a.call, a.index, valueKeeps, argFn.get(a.arg));
  }
  if (cx.borrowCheck) for (const v of w.fnValues) taskKeepsValueArg(cx, v);
  for (const p of passedBack) scoped.delete(p); // (its argument is not lent: it may live on in the result)
  for (const a of args) {
    if (!lentBy(a.call, a.index)) continue;
    if (a.arg.kind === 'closure') scopedClosures.add(a.arg);
    else if (a.arg.kind === 'ident') scopedArgs.add(a.arg);
  }
}

/** Values given to locals holding function values (`let f = mk(&e);`, `f = …;`, `hs.push(h)`,
 *  a match binding: its subject). */
let given = new Map<LocalInfo, ast.Expr[]>();
const giveTo = (l: LocalInfo, v: ast.Expr) => { const a = given.get(l) ?? []; a.push(v); given.set(l, a); };

/** A borrow a function value carries: a call returning it given a reference (`mk(&e)`, `mk(r)`,
 *  `p.getter()` with a `&T` receiver — the result may be a closure that captured it), a closure
 *  capturing a reference to the caller's data (a reference parameter of `fn`, or a binding
 *  reached through one: this function's own locals such a closure keeps alive instead, codegen
 *  keptByEscapingClosures), or a local given such a value. Returns what is borrowed, as written. */
function carried(cx: Ctx, e: ast.Expr, fn: FnInfo | undefined, depth = 0): string | null {
  e = checkedNode(e) as ast.Expr;
  if (depth > 8) return null;
  if (e.kind === 'ident' && nameRes(e)?.k === 'local') {
    for (const v of given.get((nameRes(e) as ResOf<'local'>).local) ?? []) { const b = carried(cx, v, fn, depth + 1); if (b) return b; }
    return null;
  }
  if (e.kind === 'closure') {
    for (const l of exprInfo(e)?.closure?.captures ?? []) if (fn && callersData(cx, fn, l)) return l.name;
    return null;
  }
  // (a branch's value: `if c { mk(&e) } else { … }`)
  if (e.kind === 'if' || e.kind === 'match') { for (const v of branchValues(e)) { const b = carried(cx, v, fn, depth + 1); if (b) return b; } return null; }
  // (a value holding function values in parts: what they carry, `Some(mk(&e))`)
  if (holdsFnPart(exprInfo(e)?.type)) { for (const p of fnParts(e)) { const b = p !== e ? carried(cx, p, fn, depth + 1) : null; if (b) return b; } return null; }
  if (e.kind !== 'call' || exprInfo(e)?.type?.k !== 'fn') return null;
  const c = checkedCall(e), t = callTarget(c);
  const refLike = (x: ast.Expr) => { const k = exprInfo(x)?.type?.k; return k === 'ref' || k === 'slice'; };
  for (const a of c.args) if (refLike(a) && exprInfo(a)?.coerce?.k !== 'ptr') return placeText(a.kind === 'ref' ? a.operand : a);
  // (and what a function value argument carries: `id(mk(&e))` returns what it is given)
  for (const a of c.args) if (!refLike(a) && holdsRef(exprInfo(a)?.type)) { const b = carried(cx, a, fn, depth + 1); if (b) return b; }
  if (t?.k === 'method' && t.fn.receiverType?.k === 'ref' && c.callee.kind === 'member') return placeText(c.callee.object);
  return null;
}


/** A borrow-carrying function value given to a function-typed parameter that may outlive the call
 *  (not scoped: stored, returned, captured): the callee may call it after the borrowed data is
 *  gone, and its type cannot say so, so it is E0176 here (chapter 2 §6.5). */
function keptBorrow(cx: Ctx, arg: ast.Expr, call: ast.ExprOf<'call'>, index: number, kept: (p: LocalInfo, call: ast.ExprOf<'call'>) => boolean, fn: FnInfo | undefined): void {
  const t = callTarget(call);
  if (t?.k !== 'fn' && t?.k !== 'method') return;
  const p = t.fn.params[index];
  if (!p?.local || p.type.k !== 'fn' || p.variadic || !kept(p.local, call)) return;
  const name = carried(cx, arg, fn);
  // (already reported where the borrowed local goes out of scope: `reg.on(mk(&e))` in a block)
  if (!name || borrowsIn(arg).some(danglingReported)) return;
  const callee = t.fn.name, param = p.local.name;
  cx.error(MSG.E0176.calleeKeepsBorrow({ callee, name }), arg.span, {
    labels: [{ span: p.local.span, message: NOTE.E0176.labelParamMayOutlive({ param }) }],
    notes: [NOTE.E0176.helpPassOwnedFunction({ callee, param })],
  });
}

/** The function values a value holds in its parts, as written: a struct literal's fields, a
 *  tuple's or array's elements, a variant's payload, through locals given such values. */
function fnParts(e: ast.Expr, out: ast.Expr[] = [], depth = 0): ast.Expr[] {
  e = checkedNode(e);
  if (depth > 8) return out;
  if (exprInfo(e)?.type?.k === 'fn') { out.push(e); return out; }
  if (e.kind === 'struct-lit') for (const f of e.fields) fnParts(f.value, out, depth + 1);
  else if (e.kind === 'tuple' || e.kind === 'array') for (const x of e.elems) fnParts(x, out, depth + 1);
  else if (e.kind === 'call' && buildsVariant(e)) for (const x of e.args) fnParts(x, out, depth + 1);
  else if (e.kind === 'if' || e.kind === 'match') for (const x of branchValues(e)) fnParts(x, out, depth + 1);
  else if (e.kind === 'ident' && nameRes(e)?.k === 'local') for (const v of given.get((nameRes(e) as ResOf<'local'>).local) ?? []) fnParts(v, out, depth + 1);
  return out;
}

/** A borrow-carrying function value in a part of an argument (`run(H { f: mk(&e) })`) given to a
 *  parameter holding function values that may outlive the call: E0176, as keptBorrow. */
function keptPartBorrow(cx: Ctx, arg: ast.Expr, call: ast.ExprOf<'call'>, index: number, kept: (p: LocalInfo, call: ast.ExprOf<'call'>) => boolean, fn: FnInfo | undefined): void {
  const t = callTarget(call);
  if (t?.k !== 'fn' && t?.k !== 'method') return;
  const p = t.fn.params[index];
  if (!p?.local || p.variadic || !kept(p.local, call) || borrowsIn(arg).some(danglingReported)) return;
  for (const part of fnParts(arg)) {
    const name = carried(cx, part, fn);
    if (!name) continue;
    const callee = t.fn.name, param = p.local.name;
    cx.error(MSG.E0176.calleeKeepsBorrow({ callee, name }), part.span, {
      labels: [{ span: p.local.span, message: NOTE.E0176.labelParamMayOutlive({ param }) }],
      notes: [NOTE.E0176.helpPassOwnedFunction({ callee, param })],
    });
    return;
  }
}

/** A borrow-carrying function value given to a fn-typed parameter of a call through a fn value
 *  that may keep it (valueKeeps): E0176, as keptBorrow. */
function keptThroughValue(cx: Ctx, arg: ast.Expr, call: ast.ExprOf<'call'>, index: number, keeps: (c: ast.ExprOf<'call'>, i: number) => boolean, fn: FnInfo | undefined): void {
  if (callTarget(call)?.k !== 'value') return;
  const ft = exprInfo(call.callee)?.type;
  if (ft?.k !== 'fn' || ft.params[index]?.k !== 'fn') return;
  const name = carried(cx, arg, fn);
  if (!name || borrowsIn(arg).some(danglingReported) || !keeps(call, index)) return;
  const c = checkedNode(call.callee), callee = c.kind === 'index' ? `${placeText(c.object)}[…]` : placeText(c);
  cx.error(MSG.E0176.valueKeepsBorrow({ callee, name }), arg.span, {
    labels: [{ span: call.callee.span, message: NOTE.E0176.labelCalleeUnknown({ callee }) }],
    notes: [NOTE.E0176.helpPassOwnedClosure()],
  });
}

/** The parameters of `f` a `go` task or an `async` block of its body captures, with where. */
const taskCaptures = new WeakMap<FnInfo, Map<LocalInfo, ast.Span>>();
function capturedByTasks(f: FnInfo): Map<LocalInfo, ast.Span> {
  let out = taskCaptures.get(f);
  if (out) return out;
  taskCaptures.set(f, (out = new Map()));
  const params = new Set(f.params.map((p) => p.local));
  const lets = new Map<LocalInfo, ast.Expr>(); // `let g = |…| …;`: the literal g stands for
  const now = new Set<unknown>();
  const visit = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) { for (const x of n) visit(x); return; }
    const o = checkedNode(n) as Record<string, unknown> & { kind?: string; span?: ast.Span };
    if (o.kind === 'let') {
      const s = o as unknown as Extract<ast.Stmt, { kind: 'let' }>;
      if (s.pattern.kind === 'name' && s.init?.kind === 'closure' && localOf(s.pattern)) lets.set(localOf(s.pattern)!, s.init);
    }
    // (`go_with_stack(n, || …)` spawns its closure as a `go` does)
    const spawned = o.kind === 'call' ? spawnedClosure(o as unknown as ast.ExprOf<'call'>, lets) : null;
    // (a task that cannot block finishes when spawned, inside the call: escaping-closures laterIfBlocks)
    const task = o.kind === 'go' ? goInfoOf(o as unknown as ast.Stmt) : spawned ? exprInfo(spawned)?.closure : undefined;
    // (an `async` block run where it is made, `block_on(async { … })`, `await async { … }`, is done
    // before the call returns)
    if (o.kind === 'call') { const c = checkedCall(o as unknown as ast.ExprOf<'call'>), ct = callTarget(c); if (ct?.k === 'builtin' && ct.name === 'block_on' && c.args[0]) now.add(checkedNode(c.args[0])); }
    if (o.kind === 'await') now.add(checkedNode((o as unknown as ast.ExprOf<'await'>).operand));
    const caps = task ? (task.mayBlock ? task.captures : undefined) : o.kind === 'async' && !now.has(o) ? exprInfo(o as unknown as ast.Expr)?.closure?.captures : undefined;
    for (const l of caps ?? []) if (params.has(l) && !out!.has(l)) out!.set(l, o.span!);
    for (const k of Object.keys(o)) if (!skip(o, k)) visit(o[k]);
  };
  if (f.decl?.body) visit(f.decl.body);
  return out;
}

/** The closure literal a `go_with_stack(n, f)` call spawns: written there, or bound by a `let`. */
function spawnedClosure(c: ast.ExprOf<'call'>, lets: ReadonlyMap<LocalInfo, ast.Expr>): ast.Expr | null {
  const t = callTarget(checkedCall(c));
  if (t?.k !== 'builtin' || t.name !== 'go_with_stack') return null;
  for (const a of checkedCall(c).args) {
    if (a.kind === 'closure') return a;
    const l = a.kind === 'ident' && nameRes(a)?.k === 'local' ? lets.get((nameRes(a) as ResOf<'local'>).local) : undefined;
    if (l) return l;
  }
  return null;
}

const mentionsParam = (t: Type): boolean => t.k === 'param' || (t.k === 'tuple' ? t.elems.some(mentionsParam) : t.k === 'array' || t.k === 'slice' || t.k === 'ref' ? mentionsParam(t.k === 'array' || t.k === 'slice' ? t.elem : t.inner) : (t.k === 'builtin' || t.k === 'struct' || t.k === 'enum') ? t.args.some(mentionsParam) : false);

/** A generic function's parameter (of a type parameter's type) captured by a `go` task or an
 *  `async` block outlives the call; its body was checked for every `T`, so a `T` that is a
 *  reference (`later(&e.n, ch)`) is checked here: E0176, as a task capturing a reference is. */
function taskKeepsArg(cx: Ctx, arg: ast.Expr, call: ast.ExprOf<'call'>, index: number): void {
  const t = callTarget(call);
  if (t?.k !== 'fn' && t?.k !== 'method') return;
  const p = t.fn.params[index];
  // (a parameter whose own type holds a reference was checked in the body: escaping-closures.ts)
  if (!p?.local || !mentionsParam(p.type) || holdsRef(p.type) || !holdsRef(exprInfo(arg)?.type)) return;
  const at = capturedByTasks(t.fn).get(p.local);
  if (!at) return;
  const callee = t.fn.name, param = p.local.name, name = placeText(arg.kind === 'ref' ? arg.operand : arg);
  cx.error(MSG.E0176.taskKeepsGenericArg({ callee, param, name }), arg.span, {
    labels: [{ span: at, message: NOTE.E0176.labelCapturedByTask({ param }) }],
    notes: [NOTE.E0176.helpPassOwnedArgument({ name })],
  });
}

/** A generic function made a value whose type parameter is a reference (`let f: fn(&D, …) =
 *  later;`) where a task it spawns captures that parameter: a call through the value cannot be
 *  checked as taskKeepsArg checks a direct one, so the value is E0176 where it is made. */
function taskKeepsValueArg(cx: Ctx, v: ast.ExprOf<'ident'>): void {
  const f = (nameRes(v) as ResOf<'fn'>).fn, vt = exprInfo(v)?.type;
  if (vt?.k !== 'fn') return;
  f.params.some((p, i) => {
    if (!p.local || !mentionsParam(p.type) || holdsRef(p.type) || !holdsRef(vt.params[i])) return false;
    const at = capturedByTasks(f).get(p.local);
    if (!at) return false;
    const param = p.local.name;
    cx.error(MSG.E0176.taskKeepsGenericValue({ callee: f.name, param }), v.span, {
      labels: [{ span: at, message: NOTE.E0176.labelCapturedByTask({ param }) }],
      notes: [NOTE.E0176.helpInstantiateOwned({ param })],
    });
    return true; // (one report per value)
  });
}

function walk(n: unknown, nested: boolean, vias: Via[], w: Walk, at: { call: ast.ExprOf<'call'>; index: number } | null = null, callee = false, place: Place | null = null): void {
  if (!n || typeof n !== 'object') return;
  if (Array.isArray(n)) { for (const x of n) walk(x, nested, vias, w); return; }
  const o = checkedNode(n) as Record<string, unknown> & { kind?: string };
  const bound = o.kind === 'let' || o.kind === 'assign' ? boundLocal(o as unknown as ast.Stmt) : null;
  if (bound && holdsFn(bound.local.type)) giveTo(bound.local, bound.value);
  if (o.kind === 'ident') {
    const r = nameRes(o as unknown as ast.ExprOf<'ident'>);
    if (r?.k === 'fn' && !callee) w.fnValues.push(o as unknown as ast.ExprOf<'ident'>);
    if (r?.k === 'local') w.uses.push({ local: (r as ResOf<'local'>).local, nested, callee, call: at?.call ?? null, index: at?.index ?? -1, returned: false, vias, node: o, at: place ?? (at ? placeIn(o as unknown as ast.Expr, { arg: at }) : null) });
    return;
  }
  // (a part of a place: the mention's place is the outermost one, with what is done with it)
  if (o.kind === 'member' || o.kind === 'tuple-index' || o.kind === 'index') {
    const p = o as unknown as ast.ExprOf<'member'> | ast.ExprOf<'index'>;
    walk(p.object, nested, vias, w, null, false, place ?? placeIn(p, { arg: at }));
    if (p.kind === 'index') walk(p.index, nested, vias, w);
    return;
  }
  // (a place matched or iterated: its bindings hold its parts)
  if (o.kind === 'match' || o.kind === 'for-in') {
    const subject = o.kind === 'match' ? (o as unknown as ast.ExprOf<'match'>).subject : (o as unknown as Extract<ast.Stmt, { kind: 'for-in' }>).iter;
    const binds = o.kind === 'match' ? patternLocals((o as unknown as ast.ExprOf<'match'>).arms.map((a) => a.pattern)) : [localOf(o as unknown as ast.Stmt)].filter((l): l is LocalInfo => !!l);
    for (const l of binds) { w.binds.add(l); if (holdsFn(l.type)) giveTo(l, subject); } // (a binding holds a part of its subject)
    walk(subject, nested, vias, w, null, false, placeIn(subject, { binds }));
    for (const k of Object.keys(o)) if (!skip(o, k) && o[k] !== subject) walk(o[k], nested, vias, w);
    return;
  }
  if (o.kind === 'call') {
    const c = o as unknown as ast.ExprOf<'call'>, t = callTarget(c);
    // `block_on(apply(f, 5))`: the Future is done before the statement goes on
    if (t?.k === 'builtin' && t.name === 'block_on' && c.args[0]) w.now.add(checkedNode(c.args[0]));
    // (a collection local given function values: `hs.push(H { f: mk(&e) })`)
    const into = t?.k === 'builtin-method' && builtinMethod(t.owner, t.method)?.mutating && c.callee.kind === 'member' ? checkedNode(c.callee.object) : null;
    const holder = into?.kind === 'ident' && nameRes(into)?.k === 'local' ? (nameRes(into) as ResOf<'local'>).local : null;
    if (holder && holdsFn(holder.type)) for (const a of c.args) giveTo(holder, a);
    // (a function value called; the receiver of a method call)
    const callee = checkedNode(c.callee);
    if (callee.kind === 'member' && t?.k !== 'value') walk(callee.object, nested, vias, w, null, false, placeIn(callee.object, { receiverOf: c }));
    else walk(c.callee, nested, vias, w, null, true, placeIn(c.callee, { calleeOf: c }));
    c.args.forEach((a, index) => {
      w.args.push({ arg: a, call: c, index });
      const lit = checkedNode(a) as unknown as Record<string, unknown>;
      if (lit.kind === 'closure' && !nested) { for (const k of Object.keys(lit)) if (!skip(lit, k)) walk(lit[k], nested, [...vias, { call: c, index }], w); }
      else walk(a, nested, vias, w, { call: c, index });
    });
    return;
  }
  if (o.kind === 'await') w.now.add(checkedNode((o as unknown as ast.ExprOf<'await'>).operand));
  if (o.kind === 'return' && !nested && !vias.length) {
    const v = (o as unknown as { value: ast.Expr | null }).value, id = v ? checkedNode(v) : null;
    if (id?.kind === 'ident') {
      const from = w.uses.length;
      walk(id, nested, vias, w);
      for (const u of w.uses.slice(from)) u.returned = true;
      return;
    }
  }
  // `let g = |…| …;`: its body's mentions stay as long as g does (computeScopedParams)
  const ls = o.kind === 'let' ? o as unknown as Extract<ast.Stmt, { kind: 'let' }> : null;
  const g = ls?.pattern.kind === 'name' && ls.init?.kind === 'closure' ? localOf(ls.pattern) : null;
  if (g && !nested) {
    w.letClosures.add(g);
    const lit = checkedNode(ls!.init) as unknown as Record<string, unknown>;
    for (const k of Object.keys(lit)) if (!skip(lit, k)) walk(lit[k], nested, [...vias, g], w);
    return;
  }
  // a closure, task or async block may run after the call: a mention inside it escapes
  const inner = nested || o.kind === 'closure' || o.kind === 'async' || o.kind === 'go';
  for (const k of Object.keys(o)) if (!skip(o, k)) walk(o[k], inner, vias, w);
}

/** The locals patterns bind (a binding, a struct field's shorthand, an array's rest). */
function patternLocals(ps: readonly ast.Pattern[]): LocalInfo[] {
  const out: LocalInfo[] = [];
  const visit = (x: unknown): void => {
    if (!x || typeof x !== 'object') return;
    if (Array.isArray(x)) { for (const y of x) visit(y); return; }
    const l = localOf(x as ast.Pattern);
    if (l && !out.includes(l)) out.push(l);
    const o = x as Record<string, unknown>;
    for (const k in o) if (k !== 'span' && k !== 'value') visit(o[k]);
  };
  visit(ps);
  return out;
}

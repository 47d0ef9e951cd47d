// Late type arguments (chapter 2 §7.3): `let v = Vec();`, `Vec.new()`, `Map()`, `Set.new()` and an
// empty `{}` leave their type arguments open; the first later use of the binding in the same block
// that stores into it (`v.push(x)`, `s.insert(x)`, `m.insert(k, v)`) fixes them, by the types of
// those arguments (checked silently). Nothing found: `i32` (real's default), so an unused
// `let v = Vec();` compiles. The binding is then checked as if it were annotated.
import { shadowing } from './shadow';
import type * as ast from '../syntax/ast';
import { T, subst, typeSome, type Type } from './types';
import { derefAll, structArgsEnv } from './methods';
import { overloadSet } from './overloads';
import { assignable, unify } from './infer';
import type { Ctx } from './context';
import { checkExpr } from './expr';
import { probe } from './closure-infer';
import { OPTION, RESULT, optionOf, resultOf } from './prelude';
import { resolveType } from './resolve';
import { forgetNode } from './tables';
import { classifyLeaves, hasNoneLeaf, hasOkErrLeaf } from './branch-leaves';
import { leafArgs } from './sibling-result';

type Open = 'Vec' | 'Map' | 'Set';

/** Visit every object node under `root` in source order (iteratively: programs can nest deeper
 *  than the JS stack) until `f` returns true; `f` returning 'skip' does not descend. */
function walk(root: unknown, f: (o: Record<string, unknown>) => boolean | 'skip'): void {
  const stack: unknown[] = [root];
  while (stack.length) {
    const n = stack.pop();
    if (!n || typeof n !== 'object') continue;
    if (Array.isArray(n)) { for (let i = n.length - 1; i >= 0; i--) stack.push(n[i]); continue; }
    const o = n as Record<string, unknown>;
    const r = f(o);
    if (r === true) return;
    if (r === 'skip') continue;
    const keys = Object.keys(o).filter((k) => k !== 'span' && k !== 'info');
    for (let i = keys.length - 1; i >= 0; i--) stack.push(o[keys[i]]);
  }
}

/** The collection an initializer constructs without type arguments, or null. */
function openConstructor(e: ast.Expr, cx?: Ctx): Open | null {
  const isOpen = (n: string): n is Open => n === 'Vec' || n === 'Map' || n === 'Set';
  if (e.kind === 'map' && e.entries.length === 0) return 'Map';
  if (e.kind === 'call' && !e.typeArgs && cx) { const g = genericConstructor(cx, e); if (g) return g; }
  if (e.kind !== 'call' || e.args.length || e.typeArgs) return null;
  const c = e.callee;
  if (c.kind === 'ident' && !c.typeArgs && isOpen(c.name)) return c.name;
  if (c.kind === 'member' && c.name === 'new' && c.object.kind === 'ident' && !c.object.typeArgs && isOpen(c.object.name)) return c.object.name;
  return null;
}

/** A call of a generic function (`map_new()`, `set_new(16)`) whose result is a Vec, Map or Set
 *  whose type arguments are type parameters no parameter mentions: open like `Map()`. */
function genericConstructor(cx: Ctx, e: ast.ExprOf<'call'>): Open | null {
  const c = e.callee;
  const f = c.kind === 'ident' && !c.typeArgs ? cx.fns.get(c.name) : undefined;
  const r = f?.ret;
  if (!f || !f.typeParams.length || r?.k !== 'builtin' || (r.name !== 'Vec' && r.name !== 'Map' && r.name !== 'Set')) return null;
  const mentioned = (t: Type, n: string): boolean => {
    switch (t.k) {
      case 'param': return t.name === n;
      case 'enum': case 'struct': case 'builtin': return t.args.some((x) => mentioned(x, n));
      case 'tuple': return t.elems.some((x) => mentioned(x, n));
      case 'array': case 'slice': case 'range': return mentioned(t.elem, n);
      case 'ref': case 'ptr': return mentioned(t.inner, n);
      case 'fn': return t.params.some((x) => mentioned(x, n)) || mentioned(t.ret, n);
      default: return false;
    }
  };
  const free = r.args.every((a) => a.k === 'param' && !f.params.some((p) => mentioned(p.type, a.name)));
  return free ? r.name : null;
}

/** The type `let NAME = <open constructor>;` takes from the statements after it, or null when the
 *  initializer is not an open constructor. `restOf` gives the block's statements after s (asked
 *  only by a let that may take its type late: slicing them at every `let` was quadratic). */
export function lateCollectionType(cx: Ctx, s: Extract<ast.Stmt, { kind: 'let' }>, restOf: () => readonly ast.Stmt[], tail: ast.Expr | null): Type | null {
  if (s.type || s.pattern.kind !== 'name') return null;
  if (isBareNone(s.init)) return shadowing(cx, 'Option', s.span.file) ? null : noneType(cx, s.pattern.name, restOf(), tail); // a program's own Option (§3.7): its own rules
  const ctor = resultConstructor(cx, s.init);
  if (ctor) return resultType(cx, s.pattern.name, () => literalResult(cx, ctor), restOf());
  // `if`/`match` whose every branch ends in a bare None, or every one in Ok(..) (or Err(..)): open
  // the same way as the lone literal
  const branchy = s.init.kind === 'if' || s.init.kind === 'match';
  if (branchy && hasNoneLeaf(s.init) && !shadowing(cx, 'Option', s.span.file) && openBranches(cx, s.init) === 'none') return noneType(cx, s.pattern.name, restOf(), tail);
  if (branchy && hasOkErrLeaf(s.init) && !shadowing(cx, 'Result', s.span.file)) {
    const init = s.init;
    return resultType(cx, s.pattern.name, () => { const o = openBranches(cx, init); return o && o !== 'none' ? o : null; }, restOf());
  }
  const kind = openConstructor(s.init, cx);
  if (!kind) return null;
  const name = s.pattern.name;
  // the first use expects a type (an argument, `return`, an annotated `let`): that one
  const first = expectedAtUse(cx, name, restOf());
  if (first?.k === 'builtin' && first.name === kind && !hasOpen(first)) return first;
  const want = kind === 'Map' ? 2 : 1;
  let found: ast.Expr[] | null = null;
  const visit = (o: Record<string, unknown>): boolean | 'skip' => {
    if (o.kind === 'let' && (o.pattern as ast.LetPattern)?.kind === 'name' && (o.pattern as { name: string }).name === name) {
      walk(o.init, visit);
      found = found ?? []; // shadowed from here on
      return true;
    }
    if (o.kind === 'call') {
      const c = o.callee as ast.Expr, args = o.args as ast.Expr[];
      if (c.kind === 'member' && c.object.kind === 'ident' && c.object.name === name && args.length === want
        && (c.name === 'push' || c.name === 'insert' || (kind !== 'Map' && c.name === 'contains'))) { found = args; return true; }
    }
    return false;
  };
  walk([restOf(), tail], visit);
  const args: Type[] = [];
  let partly = false;
  for (let i = 0; i < want; i++) {
    let t: Type = T.i32;
    const a = (found as ast.Expr[] | null)?.[i];
    if (a) probe(cx, () => { const at = checkExpr(cx, a, null); if (at.k !== 'error' && at.k !== 'never' && at.k !== 'unit') t = at; });
    // the argument node is checked again for real later, with this type expected
    if (a) clearInfo(a);
    // a part the probe could not type here (`(x, k)` with `x` bound by a later `for`): not a guess
    if (hasError(t)) partly = true;
    args.push(t);
  }
  return partly ? null : { k: 'builtin', name: kind, args };
}

const isBareNone = (e: ast.Expr): boolean =>
  (e.kind === 'ident' && e.name === 'None' && !e.typeArgs) || (e.kind === 'member' && e.name === 'None' && e.object.kind === 'ident' && e.object.name === 'Option' && !e.object.typeArgs);

/** `let x = None;`: the Option type a later `x = value;` assigns, else `Option<i32>`. */
function noneType(cx: Ctx, name: string, rest: readonly ast.Stmt[], tail: ast.Expr | null): Type | null {
  let value: ast.Expr | null = null;
  walk([rest, tail], (o) => {
    if (o.kind === 'assign' && o.op === '=' && (o.target as ast.Expr).kind === 'ident' && (o.target as ast.ExprOf<'ident'>).name === name) { value = o.value as ast.Expr; return true; }
    return false;
  });
  let t: Type | null = null;
  const v = value as ast.Expr | null;
  if (v) { probe(cx, () => { t = checkExpr(cx, v, null); }); clearInfo(v); }
  const found = t as Type | null;
  if (found && found.k === 'enum' && found.info === OPTION) return found;
  if (v) return null; // an assignment the probe could not type: the usual E0130 explains
  const want = expectedAtUse(cx, name, rest);
  if (want?.k === 'enum' && want.info === OPTION && !hasOpen(want)) return want;
  return payloadFromMethod(cx, name, rest, tail) ?? optionOf(T.i32);
}

/** `q.unwrap_or(x)` / `q.or(o)` on the open `q`: the argument's type says T (as rustc infers it). */
function payloadFromMethod(cx: Ctx, name: string, rest: readonly ast.Stmt[], tail: ast.Expr | null): Type | null {
  let arg: { e: ast.Expr; whole: boolean } | null = null;
  walk([rest, tail], (n) => {
    if (n.kind !== 'call') return false;
    const o = n as unknown as ast.ExprOf<'call'>, c = o.callee;
    if (o.args.length !== 1 || c.kind !== 'member' || c.object.kind !== 'ident' || c.object.name !== name || (c.name !== 'unwrap_or' && c.name !== 'or')) return false;
    arg = { e: o.args[0], whole: c.name === 'or' };
    return true;
  });
  const a = arg as { e: ast.Expr; whole: boolean } | null;
  if (!a) return null;
  let t: Type | null = null;
  probe(cx, () => { t = checkExpr(cx, a.e, null); });
  clearInfo(a.e);
  const found = t as Type | null;
  if (!found || found.k === 'error' || hasOpen(found)) return null;
  if (a.whole) return found.k === 'enum' && found.info === OPTION ? found : null;
  return optionOf(found);
}

/** `Ok(x)` / `Err(e)` of the prelude's Result (not a program's own `enum Result`, §3.7). */
function resultConstructor(cx: Ctx, e: ast.Expr): { ok: boolean; arg: ast.Expr } | null {
  if (e.kind !== 'call' || e.typeArgs || e.args.length !== 1 || e.callee.kind !== 'ident' || e.callee.typeArgs) return null;
  if (e.callee.name !== 'Ok' && e.callee.name !== 'Err') return null;
  if (shadowing(cx, 'Result', e.span.file)) return null;
  return { ok: e.callee.name === 'Ok', arg: e.args[0] };
}

/** `let r = Ok(x);` (or branches of Ok): the Result type a later use expects, else `own()` — the
 *  value's own type with the open side `i32` (§7.3: still open at the end of the function) — with
 *  the sides a later use decides (a `match` arm's use of its binding) in place of those. `own()`
 *  null: not open after all (no late type). */
function resultType(cx: Ctx, name: string, own: () => Type | null, rest: readonly ast.Stmt[]): Type | null {
  const mine = own();
  if (!mine || mine.k !== 'enum' || mine.info !== RESULT) return null;
  const want = expectedAtUse(cx, name, rest);
  if (want?.k !== 'enum' || want.info !== RESULT) return mine;
  if (!hasOpen(want)) return want;
  return resultOf(...(mine.args.map((a, i) => (hasOpen(want.args[i]) ? a : want.args[i])) as [Type, Type]));
}

/** `Ok(x)` / `Err(e)`: the payload's type, the other side `i32`. */
function literalResult(cx: Ctx, c: { ok: boolean; arg: ast.Expr }): Type | null {
  let t: Type | null = null;
  probe(cx, () => { const at = checkExpr(cx, c.arg, null); if (at.k !== 'error' && at.k !== 'never') t = at; });
  clearInfo(c.arg);
  const payload = t as Type | null;
  if (!payload) return null;
  return resultOf(c.ok ? payload : T.i32, c.ok ? T.i32 : payload);
}

/** An `if`/`match` (checked silently) whose value-giving leaves are all bare `None` ('none'), or
 *  all bare `Ok(..)` or all bare `Err(..)`: then its Result type, the open side defaulted to `i32`
 *  by sibling-result.ts. Null otherwise (a leaf of another kind, Ok beside Err: nothing open). */
function openBranches(cx: Ctx, init: ast.Expr): Type | 'none' | null {
  let out: Type | 'none' | null = null;
  probe(cx, () => {
    const t = checkExpr(cx, init, null);
    const l = classifyLeaves(init);
    if (l.other) return;
    if (l.none.length && !l.ok.length && !l.err.length) out = 'none';
    else if (!l.none.length && !l.ok.length !== !l.err.length && t.k === 'enum' && t.info === RESULT && !hasError(t)) out = t; // a generic function's `T` is a type here
  });
  clearInfo(init);
  return out;
}

/** The type the first later use of `name` expects, when that use says it: an argument of a
 *  non-generic function (`f(v)`, `f(&v)`) or of a user method (`obj.m(v)`), `return name;`,
 *  `let y: T = name;`, `place = name;` (the place's type) or `name = value;` (the value's); for a
 *  Result also `name?` and a `match name` whose arms use their payloads (a partial Result, the
 *  undecided side `error`). Null when the first use says nothing (or there is none). */
function expectedAtUse(cx: Ctx, name: string, rest: readonly ast.Stmt[]): Type | null {
  const isName = (e: unknown): boolean => {
    const x = e as ast.Expr;
    return !!x && ((x.kind === 'ident' && x.name === name) || (x.kind === 'ref' && x.operand.kind === 'ident' && x.operand.name === name));
  };
  let out: Type | null = null;
  walk(rest, (o) => {
    if (o.kind === 'closure') return 'skip'; // its `return` is the closure's
    if (o.kind === 'let' && (o.pattern as ast.LetPattern).kind === 'name' && (o.pattern as { name: string }).name === name) return true; // shadowed
    if (o.kind === 'return' && isName(o.value)) { out = cx.fn?.ret ?? null; return true; }
    if (o.kind === 'let' && o.type && isName(o.init)) { probe(cx, () => { out = resolveType(cx, o.type as ast.TypeExpr); }); return true; }
    if (o.kind === 'call') {
      const args = o.args as ast.Expr[], c = o.callee as ast.Expr;
      const i = args.findIndex(isName);
      if (i < 0) return false;
      const f = c.kind === 'ident' && !c.typeArgs ? cx.fns.get(c.name) : undefined;
      const pt = f && !f.typeParams.length ? f.params[i]?.type : f && !o.typeArgs ? genericParam(cx, f, args, i) : c.kind === 'member' && !o.typeArgs ? methodParam(cx, c, args, i) : undefined;
      if (pt) out = pt.k === 'ref' && args[i].kind === 'ref' ? pt.inner : pt;
      return true;
    }
    // `place = name;`: the type of the place it is stored into (a typed variable, field, element)
    if (o.kind === 'assign' && o.op === '=' && isName(o.value) && !isName(o.target)) {
      probe(cx, () => { const t = checkExpr(cx, o.target as ast.Expr, null); if (!hasOpen(t)) out = t; });
      clearInfo(o.target);
      return true;
    }
    // `name = value;`: the type of the value assigned to the variable (`r = Err("x")`: the side it fixes)
    if (o.kind === 'assign' && o.op === '=' && isName(o.target) && (o.target as ast.Expr).kind === 'ident') {
      probe(cx, () => { const t = checkExpr(cx, o.value as ast.Expr, null); out = hasOpen(t) ? partialResult(o.value as ast.Expr) : t; });
      clearInfo(o.value);
      return true;
    }
    // `name?`: the error side is the function's (E0117 otherwise)
    if (o.kind === 'try' && isName(o.operand)) {
      const r = cx.fn?.ret;
      if (r?.k === 'enum' && r.info === RESULT) out = resultOf(T.error, r.args[1]);
      return true;
    }
    if (o.kind === 'match' && isName(o.subject)) { out = armUses(cx, o as unknown as ast.ExprOf<'match'>); return true; }
    if (o.kind === 'ident' && o.name === name) return true; // another use first: it decides nothing here
    return false;
  });
  const t = out as Type | null;
  return t && t.k !== 'error' ? t : null;
}

/** A checked value whose leaves are bare Ok/Err (`Err("x")`, branches of them): the Result with
 *  the sides they fix, an open side `error`; null when they fix none. */
function partialResult(v: ast.Expr): Type | null {
  if (!hasOkErrLeaf(v)) return null;
  const l = classifyLeaves(v);
  if (l.other || l.none.length) return null;
  const [ok, err] = leafArgs(l);
  return ok || err ? resultOf(ok ?? T.error, err ?? T.error) : null;
}

/** `match name { Ok(v) => …, Err(e) => takes_str(e) }`: the Result (or Option, by `Some(x)`) whose
 *  sides the first typed uses of the arms' payload bindings expect; an undecided side `error`;
 *  null when no arm's use decides. */
function armUses(cx: Ctx, m: ast.ExprOf<'match'>): Type | null {
  const sides = new Map<string, Type>();
  for (const arm of m.arms) {
    const p = arm.pattern;
    if (p.kind !== 'variant' || p.args?.length !== 1 || p.args[0].kind !== 'binding') continue;
    const v = p.path[p.path.length - 1];
    if ((v !== 'Ok' && v !== 'Err' && v !== 'Some') || sides.has(v) || (p.path.length === 2 && p.path[0] !== (v === 'Some' ? 'Option' : 'Result')) || p.path.length > 2) continue;
    const t = expectedAtUse(cx, p.args[0].name, [arm.guard, arm.body] as unknown as ast.Stmt[]);
    if (t && !hasOpen(t)) sides.set(v, t);
  }
  if (sides.has('Some')) return sides.has('Ok') || sides.has('Err') ? null : optionOf(sides.get('Some')!);
  return sides.size ? resultOf(sides.get('Ok') ?? T.error, sides.get('Err') ?? T.error) : null;
}

/** Parameter `i` of a generic function, with its type parameters fixed by the other arguments
 *  (checked silently): `map_insert(&m, "k", 1)` expects `&Map<str, i32>!` for `m`. Undefined
 *  while any of them stays open (the function's generics decide nothing then). */
function genericParam(cx: Ctx, f: import('./typed').FnInfo, args: ast.Expr[], i: number): Type | undefined {
  const p = f.params[i];
  if (!p || p.variadic || f.params.length !== args.length || f.params.some((x) => x.variadic)) return undefined;
  const keys = new Set(f.typeParams.map((t) => (t.k === 'param' ? `${t.owner}.${t.name}` : '')));
  const env = new Map<string, Type>();
  probe(cx, () => {
    args.forEach((a, j) => {
      if (j === i) return;
      const at = checkExpr(cx, a, null);
      if (!hasError(at)) unify(f.params[j].type, at, env, keys);
    });
  });
  args.forEach((a, j) => { if (j !== i) clearInfo(a); });
  const pt = subst(p.type, env);
  return hasOpen(pt) ? undefined : pt;
}

/** The type parameter `i` of the method `obj.m(…)` takes, when `obj` already has a type here and
 *  `m` is its user method: the one member of the overload set with this many parameters whose
 *  other parameters take the other arguments (checked silently), its own type parameters fixed by
 *  those arguments (`p.put(&v, "s")` with `put<T>(v: &Vec<T>!, x: T)`). Undefined while open. */
function methodParam(cx: Ctx, c: ast.ExprOf<'member'>, args: ast.Expr[], i: number): Type | undefined {
  let ot: Type | null = null;
  probe(cx, () => { ot = checkExpr(cx, c.object, null); });
  clearInfo(c.object);
  if (!ot) return undefined;
  const t = derefAll(ot);
  const owner = t.k === 'struct' || t.k === 'enum' ? t.info.name : t.k === 'builtin' ? t.name : null;
  const set = (owner ? overloadSet(cx.methods.get(owner), c.name) : []).filter((f) => f.params.length === args.length && !f.params.some((p) => p.variadic));
  if (!set.length) return undefined;
  let others: (Type | null)[] = [];
  if (set.length > 1 || set[0].typeParams.length) {
    probe(cx, () => { others = args.map((a, j) => (j === i ? null : checkExpr(cx, a, null))); });
    args.forEach((a, j) => { if (j !== i) clearInfo(a); });
  }
  const found: Type[] = [];
  for (const f of set) {
    // the receiver's type arguments (inline methods: the struct's; `fn (b: &Box<T>)`: the receiver's own)
    const env = structArgsEnv(t);
    if (f.receiverType) unify(f.receiverType.k === 'ref' ? f.receiverType.inner : f.receiverType, t, env, new Set(f.typeParams.map((p) => p.k === 'param' ? `${p.owner}.${p.name}` : '')));
    const own = new Set(f.typeParams.map((p) => (p.k === 'param' ? `${p.owner}.${p.name}` : '')));
    others.forEach((at, j) => { if (at && !hasError(at)) unify(f.params[j].type, at, env, own); });
    // an overload whose other parameters do not take the other arguments is not the one called
    if (set.length > 1 && others.some((at, j) => at && !hasError(at) && !assignable(at, subst(f.params[j].type, env)))) continue;
    const pt = subst(f.params[i].type, env);
    if (!hasOpen(pt)) found.push(pt);
  }
  return found.length === 1 ? found[0] : undefined;
}

const hasError = (t: Type): boolean => typeSome(t, (x) => x.k === 'error');
/** A type not fully known yet: a generic parameter or an error (not looked for inside fn types). */
const hasOpen = (t: Type): boolean => typeSome(t, (x) => x.k === 'param' || x.k === 'error', (x) => x.k !== 'fn');

/** Forget what the silent probe recorded for the nodes (types, targets), so the real check starts clean. */
export function clearInfo(n: unknown): void {
  walk(n, (o) => { forgetNode(o as unknown as ast.Expr); return false; });
}

// Operator overloading (chapter 2 §2): `a + b` on a user type calls its `op+` method (an overload
// set picked by the right operand's type), `-a` calls `op-()`, `a[i]` / `a[i] = v` call `op[]` /
// `op[]=`, `a += b` calls `op+=` or falls back to `a = a + b`. Derived comparisons: `!=` from `op==`,
// `>`/`<=`/`>=` from `op<`, all four from `compare`/`cmp`. A free `fn op*(a: A, b: B)` serves when
// the left operand has no matching method (`2 * v`). The checked call is stored as the node's
// `info.lowered`; codegen emits it instead of the operator.
import type * as ast from '../syntax/ast';
import { T, typeName, subst, envOf, type Type } from './types';
import type { Ctx } from './context';
import type { FnInfo } from './typed';
import { checkExpr, fmt } from './expr';
import { derefAll, userMethodCall } from './methods';
import { callFn, type CallSite } from './generics';
import { assignable, isCopy, isLiteralish, isNumeric } from './infer';
import { lentOperands, operatorMoves } from './moves';
import { probe } from './closure-infer';
import { MSG, NOTE } from '../msg';
import { exprInfo, setCallTarget, setExprInfo, setNameRes, withInfo } from './tables';

/** Parameter counts of every overloadable operator method (`op-` also has a unary form). */
export const OP_ARITY: Record<string, number> = {
  'op+': 1, 'op-': 1, 'op*': 1, 'op/': 1, 'op%': 1, 'op**': 1, 'op&': 1, 'op|': 1, 'op^': 1, 'op<<': 1, 'op>>': 1,
  'op==': 1, 'op!=': 1, 'op<': 1, 'op<=': 1, 'op>': 1, 'op>=': 1, 'op!': 0, 'op~': 0, 'op++': 0, 'op--': 0,
  'op[]': 1, 'op[]=': 2, 'op+=': 1, 'op-=': 1, 'op*=': 1, 'op/=': 1, 'op%=': 1, 'op&=': 1, 'op|=': 1, 'op^=': 1,
  'op<<=': 1, 'op>>=': 1,
};
const CMP = new Set(['==', '!=', '<', '<=', '>', '>=']);

/** The user type an operand dispatches on (after auto-deref), or null for built-in types. */
function ownerOf(t: Type): string | null {
  const d = derefAll(t);
  return d.k === 'struct' || d.k === 'enum' ? d.info.name : null;
}

/** The overload set `name`, `name#1`, … of a method table, with `arity` parameters. */
function overloads(table: Map<string, FnInfo> | undefined, name: string, arity: number): FnInfo[] {
  if (!table) return [];
  const out: FnInfo[] = [];
  const f = table.get(name);
  if (f) out.push(f);
  for (let i = 1; table.has(`${name}#${i}`); i++) out.push(table.get(`${name}#${i}`)!);
  return out.filter((x) => x.params.length === arity);
}

/** Pick the overload whose first parameter accepts the operand (a literal fits any numeric one). */
function pick(cx: Ctx, fs: FnInfo[], arg: ast.Expr | null, argIndex = 0): FnInfo | null {
  if (fs.length <= 1 || !arg) return fs[0] ?? null;
  if (isLiteralish(arg)) {
    const float = JSON.stringify(arg, (k, v) => (k === 'span' || k === 'info' ? undefined : typeof v === 'bigint' ? 0 : v)).includes('"float"');
    return fs.find((f) => (float ? f.params[argIndex].type.k === 'float' : f.params[argIndex].type.k === 'int'))
      ?? fs.find((f) => isNumeric(f.params[argIndex].type)) ?? fs[0];
  }
  const at = exprInfo(arg)?.type ?? checkExpr(cx, arg, null);
  return fs.find((f) => assignable(at, f.params[argIndex].type) === 'same') ?? fs.find((f) => assignable(at, f.params[argIndex].type))
    ?? fs.find((f) => assignable(derefAll(at), derefAll(f.params[argIndex].type))) ?? fs[0];
}

/** Copy data, or structs/enums of it without `drop()`: nothing for a by-value callee to free, so
 *  lending one (passing it without a move) cannot drop it twice. */
export function plainData(t: Type, seen = new Set<unknown>()): boolean {
  if (isCopy(t) || t.k === 'param') return true; // a field's `T`: its argument is checked itself
  if (t.k === 'tuple' || t.k === 'array') return (t.k === 'tuple' ? t.elems : [t.elem]).every((x) => plainData(x, seen));
  if (t.k !== 'struct' && t.k !== 'enum') return false;
  if (seen.has(t.info)) return true;
  seen.add(t.info);
  if (t.k === 'struct') return !t.info.implsDrop && !t.info.isUnion && t.info.fields.every((f) => plainData(f.type, seen)) && t.args.every((a) => plainData(a, seen));
  return t.info.decl != null && t.info.variants.every((v) => v.fields.every((f) => plainData(f, seen))) && t.args.every((a) => plainData(a, seen));
}

/** The other operand of a comparison, as the method's parameter takes it (§2.2: comparing auto-derefs
 *  and auto-borrows both sides alike and moves neither): `a == rb` with `op==(o: P)` passes `*rb`
 *  without moving it, `a < b` with `op<(o: &P)` passes `&b`. A by-value parameter of a type that
 *  owns memory or has `drop()` would drop the caller's value, so that case keeps the mismatch. */
function cmpArg(cx: Ctx, arg: ast.Expr, f: FnInfo, op: string): ast.Expr {
  const pt = f.params[0]?.type;
  if (!pt || isLiteralish(arg)) return arg;
  const at = exprInfo(arg)?.type ?? checkExpr(cx, arg, null);
  if (pt.k !== 'ref' && at.k !== 'error' && at.k !== 'ref' && !plainData(at)) lendError(cx, arg.span, f, op, f.params[0].name, pt);
  if (pt.k === 'ref' && at.k !== 'ref' && at.k !== 'error' && assignable(at, pt.inner)) {
    return { kind: 'ref', span: arg.span, mut: false, operand: arg };
  }
  if (pt.k !== 'ref' && at.k === 'ref' && assignable(at.inner, pt) && plainData(at.inner)) {
    const d: ast.Expr = { kind: 'deref', span: arg.span, operand: arg };
    lentOperands.add(d);
    return d;
  }
  if (pt.k !== 'ref' && at.k !== 'ref' && !isCopy(at) && plainData(at)) lentOperands.add(arg);
  return arg;
}

/** A comparison lends its operands (§6.3: `==` does not move), so a method that takes an operand
 *  owning memory or having `drop()` by value cannot serve it: the callee would drop the caller's
 *  value (a use after free, then a second drop). Rust's `PartialEq`/`PartialOrd` take `&Rhs` alike. */
function lendError(cx: Ctx, span: ast.Span, f: FnInfo, op: string, what: string, t: Type): void {
  cx.error(MSG.E0125.comparisonWouldDrop({ op, method: f.decl?.name ?? f.name, t: fmt(t) }), span, {
    notes: [NOTE.E0125.helpTakeByReference({ what, t: typeName(t) })],
  });
}

/** The left operand of a comparison, checked like `cmpArg` against a by-value receiver. */
function cmpRecv(cx: Ctx, recv: ast.Expr, recvT: Type, f: FnInfo, op: string): void {
  if (f.receiver === 'value' && recvT.k !== 'error' && !plainData(derefAll(recvT))) lendError(cx, recv.span, f, op, 'self', derefAll(recvT));
}

/** `v.sort()` on a Vec of a user type compares its elements through `op<` / `compare` (codegen
 *  lib-methods.ts): the elements stay the Vec's, so neither side may be taken by value and dropped. */
export function checkSortLends(cx: Ctx, span: ast.Span, elem: Type): void {
  const owner = ownerOf(elem);
  if (!owner || elem.k === 'ref') return;
  const table = cx.methods.get(owner);
  const f = overloads(table, 'op<', 1)[0] ?? [table?.get('compare'), table?.get('cmp')].find((x) => x?.params.length === 1);
  if (!f || plainData(elem)) return;
  if (f.receiver === 'value') lendError(cx, span, f, '<', 'self', elem);
  else if (f.params[0].type.k !== 'ref') lendError(cx, span, f, '<', f.params[0].name, f.params[0].type);
}

/** `==` of a compound value compares its parts through their types' own `op==` (codegen
 *  eq-glue.ts), and a Map or Set finds a key by its type's `op==` and `hash()` (keys.ts): the parts
 *  and keys stay their owners', so none of those methods may take a value that owns memory or has
 *  `drop()` by value (it dropped the owner's value, dropped again at the owner's end). `key`: t is
 *  the key type of `keyOf` (its own hash() is called too). One error per site. */
export function checkEqLends(cx: Ctx, span: ast.Span, t: Type, keyOf: string | null): void {
  const seen = new Set<string>();
  const err = (f: FnInfo, what: string, x: Type): true => {
    if (keyOf) {
      cx.error(MSG.E0125.keyWouldDrop({ owner: keyOf, method: f.decl?.name ?? f.name, t: fmt(x) }), span, {
        notes: [NOTE.E0125.helpTakeByReference({ what, t: typeName(x) })],
      });
    } else lendError(cx, span, f, '==', what, x);
    return true;
  };
  const byValue = (f: FnInfo, x: Type): boolean =>
    f.receiver === 'value' ? err(f, 'self', x) : f.params[0] && f.params[0].type.k !== 'ref' ? err(f, f.params[0].name, f.params[0].type) : false;
  const walk = (x: Type, top: boolean): boolean => {
    const key = typeName(x);
    if (seen.has(key)) return false;
    seen.add(key);
    if (x.k === 'struct' || x.k === 'enum') {
      const table = cx.methods.get(x.info.name);
      const hash = top && keyOf ? table?.get('hash') : undefined;
      if (hash && hash.params.length === 0 && hash.receiver === 'value' && !plainData(x)) return err(hash, 'self', x);
      const own = overloads(table, 'op==', 1)[0];
      if (own) return !plainData(x) && byValue(own, x);
      const env = envOf(x.info.generics, x.args, x.info.name);
      const parts = x.k === 'struct' ? (x.info.isUnion ? [] : x.info.fields.map((f) => f.type)) : x.info.variants.flatMap((v) => v.fields);
      return parts.some((p) => walk(subst(p, env), false));
    }
    switch (x.k) {
      case 'tuple': return x.elems.some((p) => walk(p, false));
      case 'array': case 'slice': return walk(x.elem, false);
      case 'builtin': return x.args.some((p) => walk(p, false));
      default: return false;
    }
  };
  walk(derefAll(t), true);
}

/** Build and check `recv.name(args)` for method `f` on the checked receiver. */
function methodCall(cx: Ctx, recv: ast.Expr, recvT: Type, f: FnInfo, args: ast.Expr[], span: ast.Span, expected: Type | null): ast.ExprOf<'call'> {
  const name = f.decl?.name ?? f.name;
  const m: ast.ExprOf<'member'> = { kind: 'member', span: recv.span, object: recv, name, nameSpan: span };
  const call: ast.ExprOf<'call'> = { kind: 'call', span, callee: m, typeArgs: null, args, bang: false };
  const site: CallSite = { callee: name, span, args, expected, explicit: null, receiver: derefAll(recvT) };
  const ret = userMethodCall(cx, call, m, recvT, f, site);
  setExprInfo(m, { type: T.error });
  setExprInfo(call, { type: ret });
  return call;
}

/** `op(a, b)` for a free operator function. */
function freeCall(cx: Ctx, f: FnInfo, args: ast.Expr[], span: ast.Span, expected: Type | null): ast.ExprOf<'call'> {
  const callee: ast.ExprOf<'ident'> = { kind: 'ident', span, name: f.name, typeArgs: null };
  const call: ast.ExprOf<'call'> = { kind: 'call', span, callee, typeArgs: null, args, bang: false };
  const { ret, typeArgs } = callFn(cx, f, { callee: f.name, span, args, expected, explicit: null });
  setNameRes(callee, { k: 'fn', fn: f, typeArgs });
  setExprInfo(callee, { type: { k: 'fn', params: f.params.map((p) => p.type), ret, externC: false } });
  setCallTarget(call, { k: 'fn', fn: f, typeArgs });
  setExprInfo(call, { type: ret });
  if (cx.fn) cx.fn.calls.add(f);
  return call;
}

const not = (e: ast.Expr, span: ast.Span): ast.Expr => withInfo({ kind: 'unary', span, op: '!', operand: e }, { type: T.bool });

/** A binary operator whose left operand (already checked, type `lt`) is a user type. Returns the
 *  result type, or null when the built-in rules apply (numbers, strings, structural `==`). */
export function binaryOverload(cx: Ctx, e: ast.ExprOf<'binary'>, lt: Type, expected: Type | null): Type | null {
  const owner = ownerOf(lt);
  if (!owner) return null;
  const table = cx.methods.get(owner);
  const name = 'op' + e.op;
  const direct = pick(cx, overloads(table, name, 1), e.right);
  if (!CMP.has(e.op)) {
    if (direct) {
      if (direct.params[0].type.k !== 'ref') operatorMoves.set(e.right.span, direct.decl?.name ?? direct.name);
      if (direct.receiver === 'value') operatorMoves.set(e.left.span, direct.decl?.name ?? direct.name);
      return lower(e, methodCall(cx, e.left, lt, direct, [e.right], e.span, expected));
    }
    return freeOverload(cx, e, expected);
  }
  // Comparing does not move its operands (§6.3), whatever the method's parameter types say.
  const moved = new Map(cx.moved);
  try {
    return compare(cx, e, lt, table, direct);
  } finally {
    cx.moved = moved;
  }
}

function compare(cx: Ctx, e: ast.ExprOf<'binary'>, lt: Type, table: Map<string, FnInfo> | undefined, direct: FnInfo | null): Type | null {
  const lend = (recv: ast.Expr, rt: Type, f: FnInfo, arg: ast.Expr) => {
    cmpRecv(cx, recv, rt, f, e.op);
    return methodCall(cx, recv, rt, f, [cmpArg(cx, arg, f, e.op)], e.span, null);
  };
  if (direct) return lower(e, lend(e.left, lt, direct, e.right));
  // Derived comparisons.
  if (e.op === '!=') {
    const eq = pick(cx, overloads(table, 'op==', 1), e.right);
    if (eq) return lower(e, not(lend(e.left, lt, eq, e.right), e.span));
    return null; // structural
  }
  if (e.op === '==') return null;
  const lessThan = pick(cx, overloads(table, 'op<', 1), e.right);
  if (lessThan) {
    // a > b = b < a; a <= b = !(b < a); a >= b = !(a < b). The swapped forms need `b` checked first.
    if (e.op === '<') return lower(e, lend(e.left, lt, lessThan, e.right));
    if (e.op === '>=') return lower(e, not(lend(e.left, lt, lessThan, e.right), e.span));
    const rt = checkExpr(cx, e.right, lt);
    const swapped = lend(e.right, rt, lessThan, e.left);
    return lower(e, e.op === '>' ? swapped : not(swapped, e.span));
  }
  const cmpFn = table?.get('compare') ?? table?.get('cmp');
  if (cmpFn && cmpFn.params.length === 1) {
    // a OP b = a.compare(b) OP 0
    const call = lend(e.left, lt, cmpFn, e.right);
    const zero: ast.Expr = withInfo({ kind: 'int', span: e.span, value: 0n, suffix: null, raw: '0' }, { type: exprInfo(call)!.type, constValue: 0n });
    if (exprInfo(call)!.type.k !== 'int') {
      cx.error(MSG.E0125.mustReturnIntegerDefine({ cmpFnName: cmpFn.name, op: e.op, infoType: fmt(exprInfo(call)!.type) }), e.span);
      return T.bool;
    }
    return lower(e, withInfo({ kind: 'binary', span: e.span, op: e.op, left: call, right: zero }, { type: T.bool }));
  }
  // Texts compare by content (§5.1): the built-in rules read a String operand as `str`.
  const base = derefAll(lt);
  if (base.k === 'builtin' && base.name === 'String') return null;
  cx.error(MSG.E0125.notDefined({ op: e.op, derefAll: fmt(base) }), e.span, {
    notes: [NOTE.E0125.helpDefineFnSelf({ derefAll: typeName(base) })],
  });
  checkExpr(cx, e.right, null);
  return T.bool;
}

/** `a OP b` through a free `fn opOP(a: A, b: B)`, or E0125 naming both operand types. */
export function freeOverload(cx: Ctx, e: ast.ExprOf<'binary'>, expected: Type | null): Type | null {
  const fs = overloads(cx.fns, 'op' + e.op, 2);
  if (!fs.length) return null;
  const lt = exprInfo(e.left)?.type ?? checkExpr(cx, e.left, null);
  const cands = fs.filter((f) => assignable(derefAll(lt), derefAll(f.params[0].type)) || (isLiteralish(e.left) && isNumeric(f.params[0].type)));
  const f = pick(cx, cands.length ? cands : fs, e.right, 1);
  if (!f) return null;
  [e.left, e.right].forEach((x, i) => f.params[i].type.k !== 'ref' && operatorMoves.set(x.span, f.name));
  return lower(e, freeCall(cx, f, [e.left, e.right], e.span, expected));
}

function lower(e: ast.Expr, to: ast.Expr): Type {
  const t = exprInfo(to)!.type;
  setExprInfo(e, { type: t, lowered: to });
  return t;
}

/** `-a`, `!a`, `~a` on a user type: `op-()`, `op!()`, `op~()`. */
export function unaryOverload(cx: Ctx, e: ast.ExprOf<'unary'>, t: Type, expected: Type | null): Type | null {
  const owner = ownerOf(t);
  if (!owner) return null;
  const f = overloads(cx.methods.get(owner), 'op' + e.op, 0)[0];
  if (!f) return null;
  return lower(e, methodCall(cx, e.operand, t, f, [], e.span, expected));
}

/** `++a`/`a++`/`--a`/`a--` on a user type (§2.2.6): `a = a.op++()`, the new value (prefix) or
 *  the old one (postfix). Returns null when the type has no such method. The operand is checked. */
export function incDecOverload(cx: Ctx, e: ast.ExprOf<'unary'> | ast.ExprOf<'postfix'>, t: Type): Type | null {
  const owner = ownerOf(t);
  if (!owner) return null;
  const f = overloads(cx.methods.get(owner), 'op' + e.op, 0)[0];
  if (!f) return null;
  const moved = new Map(cx.moved); // a by-value receiver is moved into the call and assigned right back
  try {
    const call = methodCall(cx, e.operand, t, f, [], e.span, null);
    setExprInfo(e, { type: derefAll(t), step: call });
    return derefAll(t);
  } finally {
    cx.moved = moved;
  }
}

/** `a[i]` on a user type: `a.op[](i)`. */
export function indexOverload(cx: Ctx, e: ast.ExprOf<'index'>, t: Type): Type | null {
  const owner = ownerOf(t);
  if (!owner) return null;
  const f = pick(cx, overloads(cx.methods.get(owner), 'op[]', 1), e.index);
  if (!f) {
    cx.error(MSG.E0125.cannotIndexIntoValue({ derefAll: fmt(derefAll(t)) }), e.span, { notes: [NOTE.E0125.helpDefineFnSelf2({ derefAll: typeName(derefAll(t)) })] });
    checkExpr(cx, e.index, null);
    return T.error;
  }
  return lower(e, methodCall(cx, e.object, t, f, [e.index], e.span, null));
}

/** `a[i] = v` / `a[i] += v` on a user type, `a += b` through `op+=` or `op+`. Returns the statement
 *  to emit instead, or null when built-in assignment applies. The target is not checked yet. */
export function assignOverload(cx: Ctx, s: Extract<ast.Stmt, { kind: 'assign' }>): ast.Stmt | null {
  if (!cx.userOperators) return null; // no operator method anywhere: built-in assignment (the common, fast case)
  const tgt = s.target;
  if (tgt.kind === 'index') {
    const ot = checkExpr(cx, tgt.object, null);
    const owner = ownerOf(ot);
    // an element of a built-in container (`vs[i] += d` on a Vec of a user type): `a = a + b` below
    if (!owner) return s.op === '=' ? null : opFallback(cx, s, tgt);
    const setter = overloads(cx.methods.get(owner), 'op[]=', 2)[0];
    if (!setter) {
      cx.error(MSG.E0125.cannotAssignThroughIndex({ derefAll: fmt(derefAll(ot)) }), tgt.span, { notes: [NOTE.E0125.helpDefineFnSelf3({ derefAll: typeName(derefAll(ot)) })] });
      return { kind: 'expr', span: s.span, expr: { kind: 'error', span: s.span } } as ast.Stmt;
    }
    let value = s.value;
    if (s.op !== '=') {
      // a[i] OP= v  ->  a.op[]=(i, a[i] OP v)
      value = { kind: 'binary', span: s.span, op: s.op.slice(0, -1) as ast.BinaryOp, left: { kind: 'index', span: tgt.span, object: tgt.object, index: tgt.index }, right: s.value };
    }
    const call = methodCall(cx, tgt.object, ot, setter, [tgt.index, value], s.span, null);
    return { kind: 'expr', span: s.span, expr: call } as ast.Stmt;
  }
  if (s.op === '=') return null;
  if (!['ident', 'member', 'tuple-index', 'deref'].includes(tgt.kind)) return null;
  return opFallback(cx, s, tgt);
}

/** `a OP= b` on a user type: `op OP=` on the target, else `a = a OP b` (codegen evaluates the
 *  target's place once: stmts.ts compoundThroughOp). Null: built-in assignment applies. */
function opFallback(cx: Ctx, s: Extract<ast.Stmt, { kind: 'assign' }>, tgt: ast.Expr): ast.Stmt | null {
  if (s.op === '<<=' || s.op === '>>=') return null;
  // Peek at the target's type without reporting (the target is checked as a place below or by the caller).
  let tt: Type = T.error;
  if (tgt.kind === 'ident') tt = cx.scope.lookup(tgt.name)?.local.type ?? T.error;
  else probe(cx, () => { tt = checkExpr(cx, tgt, null); });
  const owner = ownerOf(tt);
  if (!owner) return null;
  const compound = pick(cx, overloads(cx.methods.get(owner), 'op' + s.op, 1), s.value);
  if (compound) {
    tt = checkExpr(cx, tgt, null); // the real check of the receiver (a use of it)
    return { kind: 'expr', span: s.span, expr: methodCall(cx, tgt, tt, compound, [s.value], s.span, null) } as ast.Stmt;
  }
  // a += b  ->  a = a + b
  const bin: ast.Expr = { kind: 'binary', span: s.span, op: s.op.slice(0, -1) as ast.BinaryOp, left: cloneTarget(tgt), right: s.value };
  return { kind: 'assign', span: s.span, op: '=', target: tgt, value: bin };
}

/** A second copy of an assignment target (read side of `a = a + b`), without annotations. */
function cloneTarget(e: ast.Expr): ast.Expr {
  return JSON.parse(JSON.stringify(e, (k, v) => (k === 'info' || k === 'res' || k === 'target' ? undefined : typeof v === 'bigint' ? { $big: v.toString() } : v)), (_k, v) => (v && typeof v === 'object' && '$big' in v ? BigInt(v.$big) : v));
}

/** Declaration rules: fixed parameter counts, `bool` comparisons, mutating `op[]=`/`op+=`. */
export function checkOperatorDecls(cx: Ctx): void {
  for (const f of cx.allFns) {
    const d = f.decl;
    if (!d || !/^op[^A-Za-z0-9_]/.test(d.name)) continue;
    const free = !d.receiver && !f.owner;
    const want = OP_ARITY[d.name];
    if (want === undefined) {
      cx.error(MSG.E0142.cannotOverloaded({ dName: d.name }), d.nameSpan, { notes: [NOTE.E0142.noteUnaryKeepTheir()] });
      continue;
    }
    const n = f.params.length - (free ? 1 : 0);
    const ok = n === want || (d.name === 'op-' && n === 0) || (free && n === 1 && want === 1);
    if (!ok) {
      const s = want === 1 ? '' : 's';
      cx.error(MSG.E0129.operatorMethodTakesParameter({ dName: d.name, want, s, choice: d.name === 'op-' ? ' (or none, for unary minus)' : '' }), d.nameSpan);
      continue;
    }
    if (/^op(==|!=|<|<=|>|>=)$/.test(d.name) && f.ret.k !== 'bool' && f.ret.k !== 'error') {
      cx.error(MSG.E0129.comparisonOperatorMethodMust({ dName: d.name, ret: fmt(f.ret) }), d.ret?.span ?? d.nameSpan);
    }
    if ((d.name === 'op[]=' || /^op.+=$/.test(d.name)) && !/^op(==|!=|<=|>=)$/.test(d.name) && !free) {
      if (f.ret.k !== 'unit' && f.ret.k !== 'error') cx.error(MSG.E0129.mustReturnNothingFound({ dName: d.name, ret: fmt(f.ret) }), d.ret?.span ?? d.nameSpan);
      if (f.receiver !== 'mut-ref' && f.receiver !== 'value') cx.error(MSG.E0129.mustMutatingMethodTake({ dName: d.name, choice: f.owner ? typeName(f.owner) : 'T' }), d.nameSpan);
    }
  }
}

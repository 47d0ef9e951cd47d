// Operators and casts: literal target typing from the other operand, widening of both operands to
// the wider type (§4.2), and the `as` conversion table.
import type * as ast from '../syntax/ast';
import { T, typeEq, typeName, type Type } from './types';
import type { Ctx } from './context';
import { checkExpr, checkInt, coerceExpr, consume, fmt } from './expr';
import { isLiteralish, joinNumeric, isNumeric, assignable, isCopy } from './infer';
import { resolveType } from './resolve';
import { checkPlace, requireMutablePlace } from './mutability';
import { OPTION } from './prelude';
import { holeOf, fillHole, markHole } from './closure-infer';
import { binaryOverload, freeOverload, unaryOverload, incDecOverload, checkEqLends } from './operators';
import { movesOut } from './moves';
import { MSG, NOTE } from '../msg';
import { type ResOf, exprInfo, nameRes, setExprInfo } from './tables';

/** The kinds of expression that name a place a value can be stored to (`x`, `p.a`, `v[i]`, `*p`, `t.0`). */
export const isPlaceKind = (e: ast.Expr): boolean => ['ident', 'member', 'index', 'deref', 'tuple-index'].includes(e.kind);

/** `++x`, `x--` (prefix or postfix): the operand must be a mutable place of an integer, a pointer,
 *  or a type with `op++`/`op--`. */
export function checkIncDec(cx: Ctx, e: ast.ExprOf<'unary'> | ast.ExprOf<'postfix'>): Type {
  const t = checkPlace(cx, e.operand);
  // `f()--` would step a temporary: only a variable, field, element or `*p` can be stepped
  if (!isPlaceKind(e.operand)) {
    cx.error(MSG.E0131.invalidOperandMustVariable({ op: e.op }), e.operand.span);
    return T.error;
  }
  requireMutablePlace(cx, e.operand, `\`${e.op}\``);
  const stepped = incDecOverload(cx, e, t);
  if (stepped) return stepped;
  if (t.k !== 'int' && t.k !== 'error' && t.k !== 'ptr') cx.error(MSG.E0125.cannotApply({ op: e.op, t: fmt(t) }), e.span, incDecHelp(t, e.op));
  return t;
}

export function checkUnary(cx: Ctx, e: ast.ExprOf<'unary'>, expected: Type | null): Type {
  if (e.op === '++' || e.op === '--') return checkIncDec(cx, e);
  if (e.op === '-' && e.operand.kind === 'int') {
    // A negative literal: range-check the negated value (`let x: i8 = -128;`, `-128i8`).
    const t = checkInt(cx, e.operand, expected?.k === 'float' || expected?.k === 'int' ? expected : null, -e.operand.value);
    setExprInfo(e.operand, { type: t, constValue: t.k === 'float' ? Number(e.operand.value) : e.operand.value });
    setExprInfo(e, { type: t, constValue: t.k === 'float' ? -Number(e.operand.value) : -e.operand.value });
    return t;
  }
  const t = checkExpr(cx, e.operand, expected && isNumeric(expected) ? expected : null);
  if (t.k === 'error') return t;
  const lowered = unaryOverload(cx, e, t, expected);
  if (lowered) return lowered;
  switch (e.op) {
    case '-':
      if (isNumeric(t)) return t;
      break;
    case '!':
      if (t.k === 'bool' || t.k === 'int') return t;
      break;
    case '~':
      if (t.k === 'int') return t;
      break;
  }
  cx.error(MSG.E0125.cannotApplyUnary({ op: e.op, t: fmt(t) }), e.span);
  return T.error;
}

const ARITH = new Set(['+', '-', '*', '/', '%', '**']);
const BITS = new Set(['&', '|', '^']);
const CMP = new Set(['==', '!=', '<', '<=', '>', '>=']);

/** Check both operands so that a literal takes the type of the other side. */
function operands(cx: Ctx, e: ast.ExprOf<'binary'>, expected: Type | null, leftT: Type | null): [Type, Type] {
  const hint = expected && isNumeric(expected) ? expected : null;
  const ll = isLiteralish(e.left), rl = isLiteralish(e.right);
  if (leftT) return [leftT, checkExpr(cx, e.right, isNumeric(leftT) ? leftT : leftT.k === 'enum' || leftT.k === 'struct' || leftT.k === 'ptr' || isVec(leftT) ? leftT : null)];
  if (ll && !rl) {
    const r = checkExpr(cx, e.right, null);
    const l = checkExpr(cx, e.left, isNumeric(r) ? r : null);
    return [l, r];
  }
  if (ll && rl) {
    const l = checkExpr(cx, e.left, hint);
    return [l, checkExpr(cx, e.right, isNumeric(l) ? l : null)];
  }
  const l = checkExpr(cx, e.left, null);
  return [l, checkExpr(cx, e.right, isNumeric(l) ? l : l.k === 'enum' || l.k === 'struct' || l.k === 'ptr' ? l : null)];
}

export function checkBinary(cx: Ctx, e: ast.ExprOf<'binary'>, expected: Type | null): Type {
  const op = e.op;
  if (op === '&&' || op === '||') {
    checkBool(cx, e.left);
    checkBool(cx, e.right);
    return T.bool;
  }
  if (op === '??') {
    const l = checkExpr(cx, e.left, expected ? { k: 'enum', info: OPTION, args: [expected] } : null);
    if (l.k === 'error') { checkExpr(cx, e.right, null); return T.error; }
    if (l.k !== 'enum' || l.info !== OPTION) {
      cx.error(MSG.E0125.needsOptionTLeft({ l: fmt(l) }), e.left.span);
      checkExpr(cx, e.right, null);
      return T.error;
    }
    const r = checkExpr(cx, e.right, l.args[0]);
    coerceExpr(cx, e.right, r, l.args[0]);
    // `o ?? d` takes both by value: the payload moves out of `o` (left owning it, a named Option
    // would drop it again), or the default is the result
    if (movesOut(l)) consume(cx, e.left);
    consume(cx, e.right);
    return l.args[0];
  }
  if (op === '<<' || op === '>>') {
    const l = isLiteralish(e.left) ? checkExpr(cx, e.left, expected?.k === 'int' ? expected : null) : checkExpr(cx, e.left, null);
    const r = checkExpr(cx, e.right, null);
    if (l.k === 'error' || r.k === 'error') return l.k === 'error' ? T.error : l;
    if (l.k !== 'int' || r.k !== 'int') {
      cx.error(MSG.E0125.cannotShiftBothOperands({ l: fmt(l), r: fmt(r) }), e.span);
      return T.error;
    }
    return l;
  }
  // User types: operator methods first (chapter 2 §2.2); the left operand is checked once.
  let leftT: Type | null = null;
  if (!isLiteralish(e.left)) {
    leftT = checkExpr(cx, e.left, null);
    const lowered = binaryOverload(cx, e, leftT, expected);
    if (lowered) return lowered;
  }
  const [l0, r0] = operands(cx, e, ARITH.has(op) || BITS.has(op) ? expected : null, leftT);
  // `2 * v`: a free operator function when the built-in meaning cannot apply.
  if ((ARITH.has(op) || BITS.has(op) || CMP.has(op)) && isUserType(r0) && !isUserType(l0)) {
    const lowered = freeOverload(cx, e, expected);
    if (lowered) return lowered;
  }
  if (holeOf(l0) || holeOf(r0)) return holeBinary(e, l0, r0);
  // Reads through references auto-deref (§4.3): `x > 5` with `x: &i32`.
  let l = autoDeref(e.left, l0), r = autoDeref(e.right, r0);
  // Generic code compares `a: T` with `rb: &T` the same either way round: the reference is read.
  if (CMP.has(op) && r.k === 'ref' && l.k === 'param' && typeEq(derefParam(r), l)) r = readAs(e.right, l);
  else if (CMP.has(op) && l.k === 'ref' && r.k === 'param' && typeEq(derefParam(l), r)) l = readAs(e.left, r);
  // and two references to it compare what they point to, as Rust's `PartialOrd for &T`: `a < b`
  // with `a, b: &T` (E0125 `<` is not defined for `&T` before)
  else if (CMP.has(op) && l.k === 'ref' && r.k === 'ref' && derefParam(l).k === 'param' && typeEq(derefParam(l), derefParam(r))) {
    l = readAs(e.left, derefParam(l));
    r = readAs(e.right, derefParam(r));
  }
  if (l.k === 'error' || r.k === 'error') return CMP.has(op) ? T.bool : T.error;
  // text with text: a String operand reads as `str` (`s.trim() + "!"`, `s.upper() == "A"`) when
  // the other is a `str`, and two Strings add or compare (by content, §5.1) as texts
  const isString = (t: Type) => t.k === 'builtin' && t.name === 'String';
  if ((op === '+' || CMP.has(op)) && (isString(l) || isString(r)) && (l.k === 'str' || r.k === 'str' || (isString(l) && isString(r)))) {
    for (const [side, t] of [[e.left, l], [e.right, r]] as const) if (isString(t) && exprInfo(side)) exprInfo(side)!.coerce = T.str;
    l = T.str; r = T.str;
  }
  // Pointer arithmetic: p + n, p - n (scaled), p2 - p1.
  if (l.k === 'ptr' && (op === '+' || op === '-') && r.k === 'int') return l;
  if (l.k === 'ptr' && op === '-' && r.k === 'ptr') return T.i64;
  if (ARITH.has(op) || BITS.has(op)) {
    if (BITS.has(op) && l.k === 'bool' && r.k === 'bool') return T.bool;
    if (BITS.has(op) && (l.k === 'float' || r.k === 'float')) {
      cx.error(MSG.E0125.cannotApplyBitwiseOperators({ op, l: fmt(l), r: fmt(r) }), e.span);
      return T.error;
    }
    if (op === '+' && l.k === 'str' && r.k === 'str') return T.str;
    if (op === '+' && isVec(l) && (isVec(r) || (e.right.kind === 'array' && r.k === 'array'))) return vecConcat(cx, e, l, r);
    // Generic code is checked once and monomorphized: `a + b` on two values of the same type
    // parameter is allowed (each instance is checked by codegen's concrete types).
    if (l.k === 'param' && typeEq(l, r)) return l;
    const j = isNumeric(l) && isNumeric(r) ? joinNumeric(l, r) : null;
    if (!j) {
      cx.error(MSG.E0125.cannotApply2({ op, l: fmt(l), r: fmt(r) }), e.span, isUserType(l) || isUserType(r) ? overloadHelp(op, l, r) : mixNote(l, r));
      return T.error;
    }
    widen(e.left, l, j);
    widen(e.right, r, j);
    return j;
  }
  // Comparisons.
  if (isNumeric(l) && isNumeric(r)) {
    const j = joinNumeric(l, r);
    if (!j) {
      cx.error(MSG.E0125.cannotCompare({ l: fmt(l), r: fmt(r) }), e.span, mixNote(l, r));
      return T.bool;
    }
    widen(e.left, l, j);
    widen(e.right, r, j);
    return T.bool;
  }
  if (l.k === 'any' || r.k === 'any') { // chapter 2 §7.5: nothing but `as` applies to an `any`
    cx.error(MSG.E0125.cannotCompare({ l: fmt(l), r: fmt(r) }), e.span, { notes: [NOTE.E0125.helpConvertAnyBack()] });
    return T.bool;
  }
  const ok = assignable(r, l) || assignable(l, r);
  if (!ok) cx.error(MSG.E0125.cannotCompare({ l: fmt(l), r: fmt(r) }), e.span);
  else if (op === '==' || op === '!=') checkEqLends(cx, e.span, l, null);
  else if (!(l.k === 'str' || l.k === 'ptr' || l.k === 'bool' || l.k === 'param')) {
    cx.error(MSG.E0125.notDefined({ op, derefAll: fmt(l) }), e.span);
  }
  return T.bool;
}

/** A probed closure parameter meets the other operand: a typed one fixes it, a literal marks it. */
function holeBinary(e: ast.ExprOf<'binary'>, l: Type, r: Type): Type {
  const cmp = CMP.has(e.op);
  for (const [hole, other, otherE] of [[l, r, e.right], [r, l, e.left]] as const) {
    if (!holeOf(hole)) continue;
    if (holeOf(other) || other.k === 'error') return cmp ? T.bool : hole;
    const o = other.k === 'ref' ? other.inner : other;
    if (isLiteralish(otherE)) { markHole(hole, o); return cmp ? T.bool : hole; }
    fillHole(hole, o);
    return cmp ? T.bool : o;
  }
  return T.error;
}

const isUserType = (t: Type) => { let d = t; while (d.k === 'ref') d = d.inner; return d.k === 'struct' || d.k === 'enum'; };

const derefParam = (t: Type): Type => (t.k === 'ref' ? derefParam(t.inner) : t);
function readAs(e: ast.Expr, t: Type): Type {
  if (exprInfo(e)) exprInfo(e)!.coerce = t;
  return t;
}

function autoDeref(e: ast.Expr, t: Type): Type {
  if (t.k !== 'ref') return t;
  let inner: Type = t;
  while (inner.k === 'ref') inner = inner.inner;
  const text = inner.k === 'str' || (inner.k === 'builtin' && inner.name === 'String');
  if (!(isNumeric(inner) || inner.k === 'bool' || text)) return t; // compound values compare as themselves
  if (exprInfo(e)) exprInfo(e)!.coerce = inner;
  return inner;
}

function overloadHelp(op: string, l: Type, r: Type): { notes: string[] } {
  const ln = typeName(l), rn = typeName(r);
  if (isUserType(l)) return { notes: [NOTE.E0125.helpDefineMethodOp({ l: ln, op, r: rn })] };
  return { notes: [NOTE.E0125.helpDefineFnOp({ op, l: ln, r: rn })] };
}

function mixNote(l: Type, r: Type): { notes?: string[] } {
  if (l.k === 'int' && r.k === 'int') return { notes: [NOTE.E0125.helpSignednessNeedsAs()] };
  if (isNumeric(l) && isNumeric(r)) return { notes: [NOTE.E0125.helpIntFloatNeedsAs()] };
  return {};
}

function widen(e: ast.Expr, from: Type, to: Type): void {
  if (!typeEq(from, to) && exprInfo(e)) exprInfo(e)!.coerce = to;
}

function checkBool(cx: Ctx, e: ast.Expr): void {
  const t = checkExpr(cx, e, T.bool);
  fillHole(t, T.bool);
  if (t.k !== 'bool' && t.k !== 'error' && t.k !== 'never') cx.error(MSG.E0103.expectedBoolFound({ t: fmt(t) }), e.span, { notes: [NOTE.E0103.noteVexNoTruthiness()] });
}

/** `as`: numeric pairs, bool->int, unit enum->int, &T->raw ptr, ptr<->ptr, int<->ptr, str->*u8. */
export function checkCast(cx: Ctx, e: ast.ExprOf<'cast'>): Type {
  const to = resolveType(cx, e.type);
  // Literals are not target-typed by `as` (`300 as u8` is the i32 300 cast to u8).
  const from = checkExpr(cx, e.expr, null);
  if (from.k === 'error' || to.k === 'error') return to;
  if (from.k === 'any' || to.k === 'any') return anyCast(cx, e, from, to);
  const ok = castOk(from, to);
  if (!ok) {
    cx.error(MSG.E0126.cannotCast({ from: fmt(from), to: fmt(to) }), e.span);
    return to;
  }
  // Pointers made from references: the referent must live in simulated memory.
  if (to.k === 'ptr' && e.expr.kind === 'ref') {
    const rt = derefType(exprInfo(e.expr.operand)?.type);
    const bad = rt && !inMemory(rt) ? rt : outsideMemory(e.expr.operand);
    if (bad) {
      cx.error(MSG.E0126.cannotTakeAddressValue({ rt: fmt(bad) }), e.span, {
        notes: [NOTE.E0126.noteOnlyCLayout()],
      });
      return to;
    }
    markAddressTaken(e.expr.operand);
  }
  return to;
}

/** chapter 2 §7.5: `x as any` boxes, `a as T` takes the content back out (checked when it runs:
 *  `any holds f64, not i32`). Taking out a value that is not Copy moves the `any`. */
function anyCast(cx: Ctx, e: ast.ExprOf<'cast'>, from: Type, to: Type): Type {
  if (to.k === 'unit' || to.k === 'never' || from.k === 'unit') {
    cx.error(MSG.E0126.cannotCast({ from: fmt(from), to: fmt(to) }), e.span, { notes: [NOTE.E0126.noteNilNoValue()] });
    return to;
  }
  if (to.k === 'any' && from.k !== 'any') setExprInfo(e.expr, { ...exprInfo(e.expr)!, coerce: to });
  if (!isCopy(to) || to.k === 'any') consume(cx, e.expr);
  return to;
}

function derefType(t: Type | undefined): Type | undefined {
  while (t && t.k === 'ref') t = t.inner;
  return t;
}
/** Can a value of this type have an address (live in simulated memory with a C layout)? */
function inMemory(t: Type): boolean {
  switch (t.k) {
    case 'float': return true; // f16 too: binary16, 2 bytes
    case 'int': case 'bool': case 'ptr': case 'error': case 'slice': case 'str': case 'param': return true;
    case 'array': return inMemory(t.elem);
    case 'struct': return t.info.fields.every((f) => f.type.k === 'param' || inMemory(f.type));
    default: return false;
  }
}

/** A part's address is inside its whole (the local that becomes memory-backed): the value on the
 *  way from place `x` to its root that cannot have a C layout (`&q.p` of a struct holding a String,
 *  `&v[0]` of a Vec), or null. Through a reference the referent is whatever the caller has. */
export function outsideMemory(x: ast.Expr): Type | null {
  while (x.kind === 'member' || x.kind === 'tuple-index' || x.kind === 'index') {
    const ot = exprInfo(x.object)?.type;
    if (!ot || ot.k === 'ref' || ot.k === 'ptr') return null;
    if (!inMemory(ot)) return ot;
    x = x.object;
  }
  return null;
}

export function markAddressTaken(e: ast.Expr): void {
  let x: ast.Expr = e;
  while (x.kind === 'member' || x.kind === 'index' || x.kind === 'tuple-index') x = x.object;
  if (x.kind === 'ident' && nameRes(x)?.k === 'local') (nameRes(x) as ResOf<'local'>).local.addressTaken = true;
}

function castOk(from: Type, to: Type): boolean {
  if (typeEq(from, to)) return true;
  const num = (t: Type) => t.k === 'int' || t.k === 'float';
  if (num(from) && num(to)) return true;
  if (from.k === 'bool' && to.k === 'int') return true;
  if (from.k === 'enum' && to.k === 'int') return from.info.variants.every((v) => v.fields.length === 0);
  if (to.k === 'ptr') {
    if (from.k === 'ref' || from.k === 'ptr' || from.k === 'int' || from.k === 'slice') return true;
    if (from.k === 'str') return true;
    if (from.k === 'fn') return true;
  }
  if (from.k === 'ptr' && to.k === 'int') return true;
  if (from.k === 'ref' && to.k === 'ref') return typeEq(from.inner, to.inner);
  return false;
}

/** The help of E0125 for `++`/`--` on a struct or enum: the method that would make it work. */
export function incDecHelp(t: Type, op: string): { notes: string[] } | undefined {
  if (t.k !== 'struct' && t.k !== 'enum') return undefined;
  const n = typeName(t);
  return { notes: [NOTE.E0125.helpDefineIncDec({ t: n, op })] };
}

const isVec = (t: Type): t is Extract<Type, { k: 'builtin' }> => t.k === 'builtin' && t.name === 'Vec';

/** `Vec<T> + Vec<T>` (or an array literal on the right): a new Vec with both, for Copy elements
 *  (chapter 2 §2.2.1); the operands are read, not moved. */
function vecConcat(cx: Ctx, e: ast.ExprOf<'binary'>, l: Extract<Type, { k: 'builtin' }>, r: Type): Type {
  if (!coerceExpr(cx, e.right, r, l)) return T.error;
  if (!isCopy(l.args[0])) {
    cx.error(MSG.E0125.cannotApplyElementsWould({ l: fmt(l) }), e.span, { notes: [NOTE.E0125.noteVectorsCopiesElements(), NOTE.E0125.helpBuildResultClone()] });
    return T.error;
  }
  return l;
}

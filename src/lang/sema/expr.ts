// Expression checking: every expression gets `info.type`; implicit conversions are recorded in
// `info.coerce`; moves in `info.moves`. Calls, members, operators and patterns live beside this.
import type * as ast from '../syntax/ast';
import { T, typeName, typeEq, subst, type Type } from './types';
import type { Ctx } from './context';
import { assignable, defaultIntType, joinNumeric, isNumeric, hasAnyParam } from './infer';
import { consume, movesOut, checkNotMoved, checkFieldNotMoved, checkNotPartlyMoved, pathRoots } from './moves';
import { fillHole, needHole } from './closure-infer';
import { indexOverload, checkEqLends } from './operators';
import { fnValueOf } from './overloads';
import { attachDisplay } from './std-contracts';
import { hiddenFields, shownName } from './std-time';
import { type ResOf, exprInfo, nameRes, refIsMut, setExprInfo, setMutBorrow, setNameRes } from './tables';

export { consume };
import { intFits, evalConst, floatOfInt } from './consts';
import { resolveType } from './resolve';
import { BUILTIN_CONSTS, OPTION, isBuiltinFn, isBuiltinName, optionOf } from './prelude';
import { bareVariant, missingVariant, shadowNote } from './shadow';
import { checkUnary, checkBinary, checkCast, checkIncDec, markAddressTaken } from './ops';
import { checkCall } from './calls';
import { checkMember, derefAll } from './methods';
import { checkMatch } from './patterns';
import { checkBlock, checkClosure, checkAsyncBlock, checkIfExpr } from './stmt';
import { checkPlace, requireMutablePlace, placeMutability } from './mutability';
import { fnTypeOf, substIfKnown, unifyInto } from './generics';
import { bitfieldConstWarn } from './layout-check';
import { arrayTooLarge } from './layout';
import { MSG, NOTE } from '../msg';
import { displayName } from './module-names';
import { noteCallStore } from './borrows';
import { fieldNamed } from './field-named';
import { MAX_TYPE_NODES, typeTooBig } from './type-size';

export const fmt = (t: Type) => '`' + typeName(t) + '`';

function set(e: ast.Expr, type: Type): Type {
  if (exprInfo(e)) exprInfo(e)!.type = type;
  else setExprInfo(e, { type });
  return type;
}

/** Check an expression; `expected` only guides literal typing and inference (no error). */
export function checkExpr(cx: Ctx, e: ast.Expr, expected: Type | null): Type {
  const t = checkInner(cx, e, expected);
  // a tuple of names or a generic call's result is where a type can outgrow its source (type-size.ts)
  const big = e.kind === 'tuple' || e.kind === 'call' ? typeTooBig(t) : null;
  if (big) {
    if (big === 'report') cx.error(MSG.E0169.typeTooComplex({ limit: MAX_TYPE_NODES }), e.span, { notes: [NOTE.E0169.noteSharedParts(), NOTE.E0169.helpUseStruct()] });
    return set(e, T.error);
  }
  return set(e, t);
}

/** Check an expression that must convert to `target`; reports a mismatch. Returns `target`. */
export function expectType(cx: Ctx, e: ast.Expr, target: Type, what?: string): Type {
  const t = checkExpr(cx, e, target);
  coerceExpr(cx, e, t, target, what);
  return target;
}

/** Record/verify the implicit conversion of an already checked expression. */
export function coerceExpr(cx: Ctx, e: ast.Expr, from: Type, target: Type, what?: string): boolean {
  if (from.k === 'error' && from.hole) fillHole(from, target);
  else if (target.k === 'error' && target.hole) fillHole(target, from);
  const a = e.kind === 'array' && from.k === 'array' && target.k === 'builtin' && target.name === 'Vec' && assignable(from.elem, target.args[0]) === 'same' ? 'coerce' : assignable(from, target) || ptrConversion(e, from, target);
  if (!a && isUnitEnum(from) && target.k === 'int' && target.name === 'i32') {
    // chapter 2 §7.4: a unit enum where an i32 is expected is its index, with a warning
    cx.warn(MSG.W0111.implicitConversionI32({ from: fmt(from) }), e.span, { notes: [NOTE.W0111.helpWriteI32()] });
    setExprInfo(e, { ...(exprInfo(e) ?? { type: from }), coerce: target });
    return true;
  }
  if (a === 'coerce') {
    setExprInfo(e, { ...(exprInfo(e) ?? { type: from }), coerce: target });
    return true;
  }
  if (a === 'same') return true;
  cx.error(MSG.E0103.expectedFound({ target: fmt(target), from: fmt(from), choice: what ? ` ${what}` : '' }), e.span, mutRefHelp(e, from, target) ?? mismatchHelp(from, target));
  return false;
}

/** `&x` where a `&T!` is expected: §7.4 lends `x` mutably only when it is a mutable place. */
function mutRefHelp(e: ast.Expr, from: Type, to: Type): { notes: string[] } | null {
  if (e.kind !== 'ref' || from.k !== 'ref' || from.mut || to.k !== 'ref' || !to.mut || !typeEq(from.inner, to.inner)) return null;
  const r = e.operand.kind === 'ident' ? nameRes(e.operand) : null;
  const local = r?.k === 'local' ? (r as ResOf<'local'>).local : null;
  return { notes: [local && !local.mut ? NOTE.E0103.helpMutableBindingForMutRef({ name: local.name }) : NOTE.E0103.helpTakeMutableReference()] };
}

/** chapter 2 §7.4: where a raw pointer is expected, a `str` converts to `*u8` (its bytes) and a
 *  `&T` / `&T!` to `*T` / `*T!` (the place's address; `&x` then lives in simulated memory, as for
 *  `&x as *T`). Only C-layout data has an address. */
function ptrConversion(e: ast.Expr, from: Type, to: Type): 'coerce' | false {
  if (to.k !== 'ptr') return false;
  if (from.k === 'str') return !to.mut && to.inner.k === 'int' && (to.inner.name === 'u8' || to.inner.name === 'i8') ? 'coerce' : false;
  if (from.k !== 'ref' || !typeEq(from.inner, to.inner) || (to.mut && !from.mut) || !addressable(from.inner)) return false;
  if (e.kind === 'ref') markAddressTaken(e.operand);
  return 'coerce';
}
const addressable = (t: Type): boolean =>
  t.k === 'int' || t.k === 'float' || t.k === 'bool' || t.k === 'ptr' || (t.k === 'array' && addressable(t.elem)) || (t.k === 'struct' && t.info.decl != null && t.info.fields.every((f) => addressable(f.type)));

/** A hint for the most common mismatches. */
function mismatchHelp(from: Type, to: Type): { notes?: string[] } {
  const n = (s: string) => ({ notes: [s] });
  // `expected T, found T`: a struct and a type parameter (or two such) that print alike
  if (typeName(from) === typeName(to)) {
    const expected = kindOf(to), found = kindOf(from);
    if (expected !== found) return n(NOTE.E0103.noteSameName({ name: typeName(to), expected, found }));
  }
  if (to.k === 'enum' && to.info === OPTION && assignable(from, to.args[0])) return n(NOTE.E0103.helpWrapSome());
  if (to.k === 'enum' && to.info.name === 'Result' && to.info.decl === null && assignable(from, to.args[0])) return n(NOTE.E0103.helpWrapOk());
  if (from.k === 'int' && to.k === 'int') return n(NOTE.E0103.helpConvertExplicitlySignedness({ to: typeName(to) }));
  if (isNumeric(from) && isNumeric(to)) return n(NOTE.E0103.helpConvertExplicitly({ to: typeName(to) }));
  if (from.k === 'ref' && assignable(from.inner, to)) return n(NOTE.E0103.helpDereferenceIt());
  if (to.k === 'ref' && assignable(from, to.inner)) return n(NOTE.E0103.helpBorrowIt({ mut: to.mut ? '!' : '' }));
  if (from.k === 'str' && to.k === 'builtin' && to.name === 'String') return n(NOTE.E0103.helpMakeGrowableString());
  return {};
}

/** What a named type is, for telling apart two that print alike. */
function kindOf(t: Type): string {
  switch (t.k) {
    case 'param': return t.owner ? NOTE.E0103.labelKindParam({ name: t.name, owner: t.owner }) : NOTE.E0103.labelKindNamed({ kind: 'type parameter', name: t.name });
    case 'struct': return NOTE.E0103.labelKindNamed({ kind: t.info.isUnion ? 'union' : 'struct', name: t.info.name });
    case 'enum': return NOTE.E0103.labelKindNamed({ kind: 'enum', name: t.info.name });
    default: return '`' + typeName(t) + '`';
  }
}

/** A value flowing into a new owner (let, argument, field, return): check, convert and move. */
export function sink(cx: Ctx, e: ast.Expr, target: Type, what?: string): Type {
  expectType(cx, e, target, what);
  consume(cx, e);
  return target;
}

function checkInner(cx: Ctx, e: ast.Expr, expected: Type | null): Type {
  switch (e.kind) {
    case 'int': return checkInt(cx, e, expected, e.value);
    case 'float': {
      if (e.suffix === 'f32' || (expected?.k === 'float' && expected.bits === 32 && !e.suffix)) return T.f32;
      if (expected?.k === 'float' && expected.bits === 16 && !e.suffix) return { k: 'float', bits: 16 };
      return T.f64;
    }
    case 'string': setExprInfo(e, { type: T.str, constValue: e.value }); return T.str;
    case 'fstring':
      for (const p of e.parts) if (p.kind === 'hole') { checkExpr(cx, p.expr, null); attachDisplay(cx, p.expr, ''); }
      return T.str;
    case 'bool': setExprInfo(e, { type: T.bool, constValue: e.value }); return T.bool;
    case 'nil': return T.unit;
    case 'ident': return checkIdent(cx, e, expected);
    case 'tuple': {
      const exp = expected?.k === 'tuple' && expected.elems.length === e.elems.length ? expected.elems : null;
      const el = e.elems.map((x, i) => {
        const t = checkExpr(cx, x, exp?.[i] ?? null);
        if (exp) coerceExpr(cx, x, t, exp[i]);
        consume(cx, x);
        return exp ? exp[i] : t;
      });
      return el.length === 0 ? T.unit : { k: 'tuple', elems: el };
    }
    case 'array': return checkArray(cx, e, expected);
    case 'array-repeat': {
      const elemExp = expected?.k === 'array' ? expected.elem : null;
      const t = elemExp ? expectType(cx, e.value, elemExp) : checkExpr(cx, e.value, null);
      const n = checkExpr(cx, e.count, T.u64);
      let exact: bigint | null = null;
      if (e.count.kind === 'int') exact = e.count.value;
      else if (e.count.kind === 'ident' && nameRes(e.count)?.k === 'const' && typeof (nameRes(e.count) as ResOf<'const'>).value === 'bigint') exact = (nameRes(e.count) as ResOf<'const'>).value as bigint;
      else if (n.k !== 'error') cx.error(MSG.E0123.arrayRepeatCountMust(), e.count.span);
      const tooLarge = exact !== null && t.k !== 'error' ? arrayTooLarge(t, exact) : null;
      if (tooLarge) { cx.error(tooLarge, e.span); return T.error; }
      return { k: 'array', elem: t, len: exact === null ? 0 : Number(exact) };
    }
    case 'map': {
      let kt: Type | null = expected?.k === 'builtin' && expected.name === 'Map' ? expected.args[0] : null;
      let vt: Type | null = expected?.k === 'builtin' && expected.name === 'Map' ? expected.args[1] : null;
      for (const en of e.entries) {
        if (kt) sink(cx, en.key, kt); else { kt = checkExpr(cx, en.key, null); consume(cx, en.key); }
        if (vt) sink(cx, en.value, vt); else { vt = checkExpr(cx, en.value, null); consume(cx, en.value); }
      }
      if (!kt || !vt) {
        cx.error(MSG.E0130.cannotInferTypeEmpty(), e.span);
        return T.error;
      }
      const mt: Type = { k: 'builtin', name: 'Map', args: [kt, vt] };
      checkEqLends(cx, e.span, kt, fmt(mt));
      return mt;
    }
    case 'unary': return checkUnary(cx, e, expected);
    case 'postfix': return checkIncDec(cx, e);
    case 'binary': return checkBinary(cx, e, expected);
    case 'range': {
      const hint = expected?.k === 'range' ? expected.elem : null;
      let lt: Type | null = null;
      if (e.lo && e.hi && !isLit(e.lo) && isLit(e.hi)) {
        lt = checkExpr(cx, e.lo, hint);
        expectInt(cx, e.hi, lt);
      } else if (e.lo && e.hi && isLit(e.lo) && !isLit(e.hi)) {
        const ht = checkExpr(cx, e.hi, hint);
        lt = expectInt(cx, e.lo, ht);
      } else {
        if (e.lo) lt = checkExpr(cx, e.lo, hint);
        if (e.hi) {
          const ht = checkExpr(cx, e.hi, lt ?? hint);
          if (lt) {
            const j = joinNumeric(lt, ht);
            if (!j || j.k !== 'int') cx.error(MSG.E0103.mismatchedRangeBounds({ lt: fmt(lt), ht: fmt(ht) }), e.span);
            else { if (!typeEq(j, lt)) coerceExpr(cx, e.lo!, lt, j); if (!typeEq(j, ht)) coerceExpr(cx, e.hi, ht, j); lt = j; }
          } else lt = ht;
        }
      }
      const el = lt ?? T.i32;
      if (el.k !== 'int' && el.k !== 'error') cx.error(MSG.E0103.rangeBoundsMustIntegers({ el: fmt(el) }), e.span);
      return { k: 'range', elem: el };
    }
    case 'cast': return checkCast(cx, e);
    case 'ref': {
      // chapter 2 §7.4: `&x` where `&T!` is expected and `x` is a mutable place is a mutable borrow
      const place = e.operand.kind === 'ident' || e.operand.kind === 'member' || e.operand.kind === 'index';
      const pre = !e.mut && expected?.k === 'ref' && expected.mut && place ? checkPlace(cx, e.operand) : null;
      if (pre && pre.k !== 'error' && placeMutability(cx, e.operand).ok) setMutBorrow(e);
      const mut = refIsMut(e);
      const t = pre ?? (mut ? checkPlace(cx, e.operand) : checkExpr(cx, e.operand, expected?.k === 'ref' ? expected.inner : null));
      if (mut) requireMutablePlace(cx, e.operand, 'a mutable reference `&…!`');
      noBitfieldAddress(cx, e.operand);
      if (t.k === 'slice' || t.k === 'str' || t.k === 'error') return t.k === 'slice' ? { ...t, mut } : t;
      return { k: 'ref', inner: t, mut };
    }
    case 'deref': {
      const t = checkExpr(cx, e.operand, null);
      if (t.k === 'ref') return t.inner;
      if (t.k === 'ptr') {
        requireUnsafe(cx, e.span, 'dereference of a raw pointer');
        return t.inner;
      }
      if (t.k === 'builtin' && t.name === 'Box') return t.args[0];
      if (t.k !== 'error') cx.error(MSG.E0125.typeCannotDereferenced({ t: fmt(t) }), e.span);
      return T.error;
    }
    case 'recv': {
      const t = checkExpr(cx, e.operand, null);
      if (cx.fn) cx.fn.blocks = true;
      if (t.k === 'builtin' && t.name === 'Channel') return t.args[0];
      if (t.k !== 'error') cx.error(MSG.E0125.needsChannelTFound({ t: fmt(t) }), e.span);
      return T.error;
    }
    case 'await': {
      const t = checkExpr(cx, e.operand, null);
      consume(cx, e.operand); // the Future is used up (as block_on's)
      if (!cx.fn || !cx.fn.isAsync) cx.error(MSG.E0118.awaitOnlyAllowedInside(), e.span, { notes: [NOTE.E0118.helpSynchronousCodeUse()] });
      if (cx.fn) cx.fn.blocks = true;
      if (t.k === 'builtin' && t.name === 'Future') return t.args[0];
      if (t.k !== 'error') cx.error(MSG.E0103.awaitNeedsFutureT({ t: fmt(t) }), e.operand.span);
      return T.error;
    }
    case 'try': return checkTry(cx, e);
    case 'member': {
      const t = checkMember(cx, e, expected, false);
      checkFieldNotMoved(cx, e);
      return t;
    }
    case 'tuple-index': {
      pathRoots.add(e.object); // (`t.0` reads a part of t, not all of it)
      const t = derefAll(checkExpr(cx, e.object, null));
      checkFieldNotMoved(cx, e);
      if (t.k === 'tuple') {
        if (e.index < t.elems.length) return t.elems[e.index];
        cx.error(MSG.E0143.tupleNoField({ t: fmt(t), index: e.index }), e.span);
        return T.error;
      }
      if (t.k === 'struct' && e.index < t.info.fields.length && t.info.fields[e.index].name === String(e.index)) return t.info.fields[e.index].type;
      if (t.k !== 'error') cx.error(MSG.E0107.typeNoField({ t: fmt(t), index: e.index }), e.span);
      return T.error;
    }
    case 'index': return checkIndex(cx, e);
    case 'call': {
      const t = checkCall(cx, e, expected);
      if (cx.borrowCheck && cx.probing === 0) noteCallStore(cx, e); // (a store where it is: an argument, a condition, an arm's value)
      return t;
    }
    case 'struct-lit': return checkStructLit(cx, e, expected);
    case 'closure': return checkClosure(cx, e, expected);
    case 'match': return checkMatch(cx, e, expected, true);
    case 'if': return checkIfExpr(cx, e, expected);
    case 'async': return checkAsyncBlock(cx, e, expected);
    case 'block': {
      cx.pushScope();
      const t = checkBlock(cx, e.block, expected);
      cx.popScope();
      return t;
    }
    case 'typeof': {
      const t = checkExpr(cx, e.operand, null);
      // Inside generic code the name depends on the instance: codegen substitutes then.
      setExprInfo(e, hasAnyParam(t) ? { type: T.str } : { type: T.str, constValue: displayName(typeName(t)) }); // as the program names the type
      return T.str;
    }
    case 'error': return T.error;
  }
}

const isLit = (e: ast.Expr) => e.kind === 'int' && e.suffix === null;

function expectInt(cx: Ctx, e: ast.Expr, t: Type): Type {
  return t.k === 'int' ? expectType(cx, e, t) : checkExpr(cx, e, null);
}

/** Integer literal: suffix, else the expected type, else i32 / i64 / i128 by magnitude. */
export function checkInt(cx: Ctx, e: ast.Expr, expected: Type | null, value: bigint): Type {
  let t: Type;
  if (e.kind === 'int' && e.suffix) t = { k: 'int', name: e.suffix as never };
  else if (expected?.k === 'int') t = expected;
  else if (expected?.k === 'float') {
    setExprInfo(e, { type: expected, constValue: floatOfInt(value, expected.bits) });
    return expected;
  } else t = defaultIntType(value);
  if (t.k === 'int' && !intFits(value, t.name)) {
    // the value as written in the message, its middle elided past 40 digits (the span shows it all)
    const digits = String(value), shown = digits.length > 40 ? `${digits.slice(0, 20)}…${digits.slice(-8)} (${digits.length} digits)` : digits;
    if (e.kind === 'int' && !e.suffix && expected?.k === 'int') {
      cx.error(MSG.E0104.literalOutRange({ value: shown, t: fmt(t) }), e.span);
    } else if (e.kind === 'int' && e.suffix) {
      cx.error(MSG.E0104.literalOutRange({ value: shown, t: fmt(t) }), e.span);
    } else if (!intFits(value, 'i128') && !intFits(value, 'u128')) {
      cx.error(MSG.E0104.integerLiteralTooLarge({ value: shown }), e.span);
    }
  }
  setExprInfo(e, { type: t, constValue: value });
  return t;
}

function checkIdent(cx: Ctx, e: ast.ExprOf<'ident'>, expected: Type | null): Type {
  const local = cx.constCtx ? null : cx.lookupLocal(e.name);
  if (local) {
    setNameRes(e, { k: 'local', local });
    checkNotMoved(cx, local, e.span);
    checkNotPartlyMoved(cx, e, local);
    return local.type;
  }
  const c = cx.consts.get(e.name);
  if (c) {
    evalConst(cx, c, e.span);
    setNameRes(e, { k: 'const', decl: c.decl, value: c.value, type: c.type });
    setExprInfo(e, { type: c.type, constValue: c.value });
    return c.type;
  }
  const tl = cx.tls.get(e.name);
  if (tl) {
    if (cx.constCtx) {
      cx.error(MSG.E0123.threadLocalCannotUsed({ eName: e.name }), e.span);
      return T.error;
    }
    setNameRes(e, { k: 'tls', decl: tl.decl, type: tl.type, index: tl.index });
    return tl.type;
  }
  const f = fnValueOf(cx, e, expected);
  if (f) {
    const ft = fnTypeOf(cx, f, e, expected);
    cx.fnValues.add(f);
    return ft;
  }
  const ext = cx.externs.get(e.name);
  if (ext) {
    setNameRes(e, { k: 'extern', fn: ext });
    return { k: 'fn', params: ext.params, ret: ext.ret, externC: true };
  }
  if (BUILTIN_CONSTS[e.name] !== undefined) {
    setNameRes(e, { k: 'builtin-const', name: e.name, value: BUILTIN_CONSTS[e.name] });
    setExprInfo(e, { type: T.i32, constValue: BigInt(BUILTIN_CONSTS[e.name]) });
    return T.i32;
  }
  const own = e.name === 'None' ? bareVariant(cx, 'None', expected, e.span.file) : null;
  if (own && 'missing' in own) { missingVariant(cx, 'None', own.missing, e.span); return T.error; }
  if (own && own.info !== OPTION) {
    // the program's own `enum Option` (§3.7): its unit variant `None`
    if (own.info.variants[own.index].fields.length) {
      cx.error(MSG.E0106.variantNoneHoldsValues({ infoName: own.info.name }), e.span);
      return T.error;
    }
    const args = expected?.k === 'enum' && expected.info === own.info ? expected.args : own.info.generics.length ? null : [];
    if (!args) {
      cx.error(MSG.E0130.cannotInferTypeArguments5({ infoName: own.info.name }), e.span);
      return T.error;
    }
    const t: Type = { k: 'enum', info: own.info, args };
    setNameRes(e, { k: 'variant', enumType: t, variant: own.index });
    return t;
  }
  if (e.name === 'None') {
    const inner = expected?.k === 'enum' && expected.info === OPTION ? expected.args[0] : null;
    setNameRes(e, { k: 'variant', enumType: optionOf(inner ?? T.error), variant: 1 });
    if (!inner) {
      cx.error(MSG.E0130.cannotInferTypeNone(), e.span);
      return T.error;
    }
    return optionOf(inner);
  }
  // An unqualified unit variant of the expected enum (`Red` where a Color is expected).
  if (expected?.k === 'enum') {
    const vi = expected.info.variants.findIndex((v) => v.name === e.name && v.fields.length === 0);
    if (vi >= 0) {
      setNameRes(e, { k: 'variant', enumType: expected, variant: vi });
      return expected;
    }
  }
  if (isBuiltinFn(e.name)) {
    cx.error(MSG.E0106.builtinCanOnlyCalled({ eName: e.name }), e.span);
    return T.error;
  }
  if (cx.structs.has(e.name) || cx.enums.has(e.name)) {
    cx.error(MSG.E0100.typeNotValue({ eName: e.name }), e.span, { notes: [NOTE.E0100.helpConstruct({ eName: e.name })] });
    return T.error;
  }
  cx.error(MSG.E0100.cannotFindValueScope({ name: e.name }), e.span, realInternal(e.name) ?? similar(cx, e.name));
  return T.error;
}

/** Real Vex's runtime internals that programs sometimes call (chapter 2 §7.11): what to use instead. */
function realInternal(name: string): { notes: string[] } | null {
  if (name === 'runtime_create' || name === 'runtime_run' || name === 'spawn_async') return { notes: [NOTE.E0100.noteInternalAsyncRuntime({ name }), NOTE.E0100.helpUseAsyncFnBlockOn()] };
  if (name === 'async_sleep') return { notes: [NOTE.E0100.noteInternalAsyncRuntime({ name }), NOTE.E0100.helpUseAwaitSleep()] };
  const conv = /^vex_(i8|i16|i32|i64|u8|u16|u32|u64|f32|f64|bool)_to_string$/.exec(name);
  if (conv) return { notes: [NOTE.E0100.noteInternalRealRuntime({ name }), NOTE.E0100.helpUseToString({ type: conv[1] })] };
  if (name.startsWith('vex_')) return { notes: [NOTE.E0100.noteInternalRealRuntimeNotLanguage({ name }), NOTE.E0100.helpUseStandardLibrary()] };
  return null;
}

function similar(cx: Ctx, name: string): { notes?: string[] } {
  // Cheap "did you mean": same name ignoring case, or one edit away (names of similar length only).
  if (cx.suggestions++ > 50) return {}; // keep pathological files fast
  const low = name.toLowerCase();
  const close = (c: string) => Math.abs(c.length - name.length) <= 1 && (c.toLowerCase() === low || (c.length > 2 && editDistance(c, name) === 1));
  let hit: string | undefined;
  for (const l of cx.scope.visible()) if (close(l.name)) { hit = l.name; break; }
  if (!hit) for (const c of cx.fns.keys()) if (!c.includes('#') && close(c)) { hit = c; break; }
  if (!hit) for (const c of cx.consts.keys()) if (close(c)) { hit = c; break; }
  return hit ? { notes: [NOTE.E0100.helpSimilarSpelling({ hit })] } : {};
}
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

function checkArray(cx: Ctx, e: ast.ExprOf<'array'>, expected: Type | null): Type {
  // chapter 2 §7.4: an array literal where a `Vec<T>` is expected becomes one (coerceExpr converts)
  const vecElem = expected?.k === 'builtin' && expected.name === 'Vec' && e.elems.length ? expected.args[0] : null;
  const exp = expected?.k === 'array' ? expected.elem : expected?.k === 'slice' ? expected.elem : vecElem;
  if (exp) {
    for (const x of e.elems) sink(cx, x, exp);
    if (expected?.k === 'array' && expected.len !== e.elems.length && exp.k !== 'error') {
      cx.error(MSG.E0103.expectedArrayElementsFound({ len: expected.len, elemsLength: e.elems.length }), e.span);
    }
    return { k: 'array', elem: exp, len: e.elems.length };
  }
  // No context: the first non-literal element fixes the type; numeric elements widen together.
  let elem: Type | null = null;
  const first = e.elems.find((x) => !(x.kind === 'int' && !x.suffix)) ?? e.elems[0];
  if (first) elem = checkExpr(cx, first, null);
  for (const x of e.elems) {
    if (x === first) continue;
    const t = checkExpr(cx, x, elem);
    if (elem && isNumeric(elem) && isNumeric(t)) {
      const j = joinNumeric(elem, t);
      if (j) { elem = j; continue; }
    }
    if (elem) coerceExpr(cx, x, t, elem);
  }
  for (const x of e.elems) {
    if (elem && exprInfo(x) && !typeEq(exprInfo(x)!.type, elem) && assignable(exprInfo(x)!.type, elem) === 'coerce') exprInfo(x)!.coerce = elem;
    consume(cx, x);
  }
  return { k: 'array', elem: elem ?? T.error, len: e.elems.length };
}

function checkTry(cx: Ctx, e: ast.ExprOf<'try'>): Type {
  const t = checkExpr(cx, e.operand, null);
  if (t.k === 'error') return T.error;
  // `o?` takes its operand by value: the payload moves out, or the whole value is returned (a
  // named Option/Result left owning it would be dropped as well: twice); one made only of Copy
  // parts is copied
  if (movesOut(t)) consume(cx, e.operand);
  // chapter 2 §7.9: `?` on an Option in a function returning any Option (the None it returns has
  // no payload), or on a user enum whose first variant has one payload in a function returning
  // that same type: the first variant's payload, else the value is returned
  const shaped = t.k === 'enum' && (t.info === OPTION || (t.info.decl !== null && t.info.variants[0]?.fields.length === 1 && t.info.variants.length > 1));
  if (shaped) {
    const ret = cx.fn?.ret;
    const fits = ret && (t.info === OPTION ? ret.k === 'enum' && ret.info === OPTION : typeEq(ret, t));
    if (!fits) {
      cx.error(MSG.E0117.needsEnclosingFunctionReturn({ t: fmt(t) }), e.span, { notes: [ret ? NOTE.E0117.noteFunctionReturns({ ret: fmt(ret) }) : NOTE.E0117.noteReturnsEarlyValue({ variantsName: t.info.variants[0].name })] });
    }
    return subst(t.info.variants[0].fields[0], new Map(t.info.generics.map((g, i) => [`${t.info.name}.${g}`, t.args[i]])));
  }
  if (t.k !== 'enum' || t.info.name !== 'Result' || t.info.decl !== null) {
    const own = shadowNote(t, true);
    cx.error(MSG.E0117.worksResultOptionEnums({ t: fmt(t) }), e.span, own ? { notes: [own] } : undefined);
    return T.error;
  }
  const ret = cx.fn?.ret;
  if (!ret || ret.k !== 'enum' || ret.info !== t.info) {
    cx.error(MSG.E0117.needsEnclosingFunctionReturn2({ args: typeName(t.args[1]) }), e.span, { notes: [ret ? NOTE.E0117.noteFunctionReturns({ ret: fmt(ret) }) : NOTE.E0117.noteReturnsEarlyError()] });
  } else if (!typeEq(ret.args[1], t.args[1]) && t.args[1].k !== 'error' && ret.args[1].k !== 'error') {
    cx.error(MSG.E0117.errorTypeMismatchFunction({ args: fmt(ret.args[1]), args2: fmt(t.args[1]) }), e.span);
  }
  return t.args[0];
}

function checkIndex(cx: Ctx, e: ast.ExprOf<'index'>): Type {
  const ot = checkExpr(cx, e.object, null);
  const t = derefAll(ot);
  if (t.k === 'error') { needHole(t, e.span); checkExpr(cx, e.index, null); return T.error; }
  if (t.k === 'struct' || t.k === 'enum') return indexOverload(cx, e, ot) ?? T.error;
  if (t.k === 'builtin' && t.name === 'Map') {
    expectType(cx, e.index, t.args[0]);
    checkEqLends(cx, e.span, t.args[0], fmt(t));
    return t.args[1];
  }
  const it = checkExpr(cx, e.index, null);
  // §5.1: a String indexes and slices as its text (`s[i]` a byte, `s[a..b]` a str)
  if (t.k === 'builtin' && t.name === 'String' && exprInfo(e.object)) {
    exprInfo(e.object)!.coerce = T.str;
    return it.k === 'range' ? T.str : indexResult(cx, e, it, T.u8);
  }
  const elemOf = (): Type | null => {
    if (t.k === 'array' || t.k === 'slice') return t.elem;
    if (t.k === 'builtin' && t.name === 'Vec') return t.args[0];
    if (t.k === 'str') return T.u8;
    if (t.k === 'ptr') { requireUnsafe(cx, e.span, 'indexing a raw pointer'); return t.inner; }
    return null;
  };
  const el = elemOf();
  if (!el) {
    cx.error(MSG.E0146.typeCannotIndexed({ t: fmt(t) }), e.span);
    return T.error;
  }
  if (it.k === 'range') return t.k === 'str' ? T.str : { k: 'slice', elem: el, mut: false };
  return indexResult(cx, e, it, el);
}

function indexResult(cx: Ctx, e: ast.ExprOf<'index'>, it: Type, el: Type): Type {
  if (it.k !== 'int' && it.k !== 'error') cx.error(MSG.E0103.indexMustIntegerFound({ it: fmt(it) }), e.index.span);
  return el;
}

export function requireUnsafe(cx: Ctx, span: ast.Span, what: string): void {
  if (cx.fn && cx.fn.unsafeDepth > 0) return;
  cx.error(MSG.E0119.requiresUnsafeBlock({ what }), span, { notes: [NOTE.E0119.helpWrapUnsafe()] });
}

function noBitfieldAddress(cx: Ctx, e: ast.Expr): void {
  if (e.kind !== 'member') return;
  const ot = exprInfo(e.object) ? derefAll(exprInfo(e.object)!.type) : null;
  if (ot?.k === 'struct') {
    const d = cx.structDecls.get(ot.info);
    const f = (d ? fieldNamed(d.fields, e.name) : undefined);
    if (f?.bitWidth) cx.error(MSG.E0133.cannotTakeAddressBitfield({ eName: e.name }), e.span, { labels: [{ span: f.span, message: NOTE.E0133.labelBitfieldDeclaredHere() }], notes: [NOTE.E0133.noteBitfieldMayStart()] });
  }
}

function checkStructLit(cx: Ctx, e: ast.ExprOf<'struct-lit'>, expected: Type | null): Type {
  const info = cx.structs.get(e.name) ?? (e.name === 'Self' && cx.selfType?.k === 'struct' ? cx.selfType.info : undefined);
  if (!info) {
    for (const f of e.fields) checkExpr(cx, f.value, null);
    if (e.name === 'RuntimeStats') return T.error;
    if (isBuiltinName(e.name) || e.name === 'Option' || e.name === 'Result') {
      // `Vec<i32> { data: …, len: 0 }` (real programs poke at internals): chapter 2 §7.12.
      cx.error(MSG.E0107.fieldsPrivate({ eName: e.name }), e.nameSpan, { notes: [NOTE.E0107.helpMakeOneNew({ eName: e.name })] });
      return T.error;
    }
    cx.error(MSG.E0101.cannotFindStruct({ eName: e.name }), e.nameSpan);
    return T.error;
  }
  if (hiddenFields(info) && !e.span.file.startsWith('<std>')) { // a standard module's value type (time's Instant): made by its functions
    for (const f of e.fields) checkExpr(cx, f.value, null);
    cx.error(MSG.E0107.fieldsPrivate({ eName: shownName(info.name) }), e.nameSpan, { notes: [NOTE.E0107.helpUseModule({ module: info.name.split('·')[0] })] });
    return T.error;
  }
  let args: Type[];
  const keys = new Set(info.generics.map((g) => `${info.name}.${g}`));
  const env = new Map<string, Type>();
  if (e.typeArgs) args = e.typeArgs.map((a) => resolveType(cx, a));
  else if (e.name === 'Self' && cx.selfType?.k === 'struct') args = cx.selfType.args;
  else if (expected?.k === 'struct' && expected.info === info) args = expected.args;
  else args = [];
  if (args.length && args.length !== info.generics.length) {
    cx.error(MSG.E0141.expectsTypeArgumentsFound({ infoName: info.name, genericsLength: info.generics.length, argsLength: args.length }), e.nameSpan);
    args = [];
  }
  info.generics.forEach((g, i) => args[i] && env.set(`${info.name}.${g}`, args[i]));
  const seen = new Set<string>();
  const decl = cx.structDecls.get(info);
  for (const f of e.fields) {
    const fd = fieldNamed(info.fields, f.name);
    if (!fd) {
      cx.error(MSG.E0107.structNoField({ infoName: info.name, fName: f.name }), f.span, { notes: [NOTE.E0107.noteFields({ fields: info.fields.map((x) => '`' + x.name + '`').join(', ') })] });
      checkExpr(cx, f.value, null);
      continue;
    }
    if (seen.has(f.name)) cx.error(MSG.E0109.fieldSetMoreThan({ fName: f.name }), f.span);
    seen.add(f.name);
    const ft = substIfKnown(fd.type, env, keys);
    if (ft) sink(cx, f.value, ft);
    else {
      const t = checkExpr(cx, f.value, null);
      unifyInto(fd.type, t, env, keys);
      consume(cx, f.value);
    }
    if (fd.bitWidth !== null) bitfieldConstWarn(cx, f.value, fd.bitWidth, ft ?? fd.type, f.name);
  }
  if (info.isUnion) {
    if (e.fields.length !== 1) cx.error(MSG.E0109.unionLiteralMustSet({ infoName: info.name, fieldsLength: e.fields.length }), e.span);
  } else {
    const missing = info.fields.filter((f) => !seen.has(f.name)).map((f) => '`' + f.name + '`');
    if (missing.length) cx.error(MSG.E0109.missingFieldInitializer({ choice: missing.length > 1 ? 's' : '', missing: missing.join(', '), infoName: info.name }), e.span, decl ? { labels: [{ span: decl.nameSpan, message: NOTE.E0109.labelDeclaredHere({ name: info.name }) }] } : {});
  }
  // Re-coerce fields now that all params are known.
  const finalArgs = info.generics.map((g) => env.get(`${info.name}.${g}`));
  if (finalArgs.some((a) => !a)) {
    cx.error(MSG.E0130.cannotInferTypeArguments({ infoName: info.name }), e.nameSpan);
    return T.error;
  }
  return { k: 'struct', info, args: finalArgs as Type[] };
}


const isUnitEnum = (t: Type): boolean => t.k === 'enum' && t.info.variants.length > 0 && t.info.variants.every((v) => v.fields.length === 0);

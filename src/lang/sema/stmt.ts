// Statements, blocks, function bodies, closures, go bodies and async blocks; missing-return
// analysis (falling off the end of a non-unit function is an error).
import type * as ast from '../syntax/ast';
import { T, subst, typeEq, typeName, type Type, type StructInfo, type EnumInfo, type Hole } from './types';
import { probe, laterUses, settleHole, fillHole } from './closure-infer';
import { assignOverload } from './operators';
import { checkDeferScope } from './defer-scope';
import { caseBlock } from './case-block';
import { borrowsIn, branchValues, buildsVariant, checkBlockBorrows, holdsRef, noteBoundCopies, noteGiven, noteLetHolds, ownersOf, replSessionBorrows, temporaryPlace, within } from './borrows';
import { checkEscapingClosures } from './escaping-closures';
import type { FnInfo, ClosureInfo, LocalInfo } from './typed';
import type { Ctx, FnState } from './context';
import { checkExpr, coerceExpr, consume, expectType, fmt, sink } from './expr';
import { clearInfo, lateCollectionType } from './late-types';
import { checkPlace, reportImmutable, requireMutablePlace } from './mutability';
import { checkMatch } from './patterns';
import { siblingResultType } from './sibling-result';
import { onlyNoneLeaves } from './branch-leaves';
import { resolveType } from './resolve';
import { joinNumeric, isNumeric, assignable, hasAnyParam } from './infer';
import { fnEnv, allContracts } from './collect';
import { derefAll } from './methods';
import { bitfieldConstWarn, bitfieldOf } from './layout-check';
import { requireUnsafe } from './expr';
import { OPTION } from './prelude';
import { type MoveSet, branches, ifChain, revive, reviveField, loopMoves, containerBound, elementParam, consumeAdaptorResult, lentClosures, lentOwnedParams, tempElementClosures, newValueTargets, partMoveByLet } from './moves';
import { isPlaceKind } from './ops';
import { MSG, NOTE } from '../msg';
import { type ResOf, callTarget, checkedCall, exprInfo, localOf, nameRes, setExprInfo, setGoInfoOf, setLocalOf, setLoweredOf, checkMap } from './tables';

export function newState(info: FnInfo, ret: Type | null, isAsync: boolean, closure: ClosureInfo | null): FnState {
  return { info, ret, isAsync, closure, loopDepth: 0, unsafeDepth: 0, blocks: false, calls: new Set(), callsValues: false, contractCalls: new Set() };
}

const dropMemo = new WeakMap<StructInfo | EnumInfo, boolean>();

export function typeNeedsDrop(cx: Ctx, t: Type, seen?: Set<StructInfo | EnumInfo>): boolean {
  if ((t.k === 'struct' || t.k === 'enum') && t.args.length === 0 && !seen) {
    let v = dropMemo.get(t.info);
    if (v === undefined) dropMemo.set(t.info, (v = typeNeedsDropRec(cx, t, new Set())));
    return v;
  }
  if (t.k === 'int' || t.k === 'float' || t.k === 'bool' || t.k === 'str' || t.k === 'ref' || t.k === 'ptr') return false;
  return typeNeedsDropRec(cx, t, seen ?? new Set());
}

function typeNeedsDropRec(cx: Ctx, t: Type, seen: Set<StructInfo | EnumInfo>): boolean {
  switch (t.k) {
    case 'struct':
      if (t.info.implsDrop) return true;
      if (seen.has(t.info)) return false;
      seen.add(t.info);
      return t.info.fields.some((f) => typeNeedsDrop(cx, f.type, seen)) || t.args.some((a) => typeNeedsDrop(cx, a, seen));
    case 'enum':
      if (seen.has(t.info)) return false; // recursive through Box
      seen.add(t.info);
      return t.info.variants.some((v) => v.fields.some((f) => typeNeedsDrop(cx, f, seen))) || t.args.some((a) => typeNeedsDrop(cx, a, seen));
    case 'tuple': return t.elems.some((x) => typeNeedsDrop(cx, x, seen));
    case 'array': return typeNeedsDrop(cx, t.elem, seen);
    case 'builtin': return t.name !== 'Gc' && t.args.some((a) => typeNeedsDrop(cx, a, seen));
    case 'any': return true; // it may hold anything (chapter 2 §7.5)
    default: return false;
  }
}

function declareLocal(cx: Ctx, name: string, type: Type, mut: boolean, span: ast.Span): LocalInfo {
  const l = cx.newLocal(name, type, mut, span);
  l.needsDrop = typeNeedsDrop(cx, type);
  cx.declare(l);
  revive(cx, l);
  return l;
}

/** A REPL cell's `main` starts with the session's variables in scope (moved ones stay moved:
 *  the move happened in an earlier cell, at the cell's start as far as spans go). */
function declareSessionVars(cx: Ctx, repl: NonNullable<Ctx['replScope']>, body: ast.Span): void {
  const at: ast.Span = { ...body, start: 0, end: 0, line: 1, col: 1, endLine: 1, endCol: 1 };
  repl.declared = repl.vars.map((v) => {
    const t = v.type(cx);
    if (!t) return null;
    const l = declareLocal(cx, v.name, t, v.mut, at);
    l.addressTaken = v.addressTaken;
    if (v.boxed) l.replBoxed = true;
    if (v.moved) cx.moved.set(l, at);
    return l;
  });
}

/** Check a named function's body. */
export function checkFnBody(cx: Ctx, f: FnInfo): void {
  const d = f.decl;
  if (!d || !d.body) return;
  const env = fnEnv(cx, f);
  cx.generics = env?.generics ?? new Map();
  cx.selfType = env?.selfType ?? null;
  cx.fn = newState(f, f.ret, f.isAsync, null);
  cx.fnStates.push(cx.fn);
  cx.moved = new Map();
  cx.level = 0;
  cx.closureStack = [];
  cx.pushScope();
  // chapter 2 §6.2: a by-value receiver of a mutating (`!`) method may assign to its own copy
  if (d.receiver && f.receiverType) f.receiverLocal = declareLocal(cx, d.receiver.name, f.receiverType, f.receiver === 'value' && d.mutating, d.receiver.span);
  d.params.forEach((p, i) => {
    const pi = f.params[i];
    if (!pi) return;
    if (p.default) expectType(cx, p.default, pi.variadic ? T.error : pi.type);
    // Parameters are mutable local variables (chapter 2 §6.2): assigning one never affects the caller.
    pi.local = declareLocal(cx, p.name, pi.type, true, p.nameSpan);
  });
  const repl = cx.replScope && f === cx.fns.get('main') ? cx.replScope : null;
  if (repl) declareSessionVars(cx, repl, d.body.span);
  const last = d.body.stmts[d.body.stmts.length - 1];
  const tailMatch = !d.body.tail && last?.kind === 'expr' && last.expr.kind === 'match' ? last.expr : null;
  if (tailMatch && f.ret.k !== 'unit') tailMatchHint.set(tailMatch, f.ret);
  const t = checkBlock(cx, d.body, null, false);
  checkEscapingClosures(cx, f, d.body);
  if (repl) {
    repl.visibleAtEnd = cx.scope.visible();
    repl.movedAtEnd = new Set(cx.moved.keys());
    if (cx.borrowCheck && cx.probing === 0) {
      const declared = repl.declared ?? [];
      const held = (repl.borrows ?? []).flatMap((b) => { const r = declared[b.r], of = declared[b.of]; return r && of ? [{ r, of, mut: b.mut }] : []; });
      const kept = new Set([...declared.filter((l): l is LocalInfo => !!l), ...repl.visibleAtEnd]);
      repl.borrowsAtEnd = replSessionBorrows(cx, d.body, held, kept);
    }
  }
  if (f.ret.k !== 'unit' && f.ret.k !== 'error' && t.k !== 'never' && !blockDiverges(d.body)) {
    const what = f.ret.k === 'never' ? 'is declared `!` (never returns)' : `must return a value of type ${fmt(f.ret)}`;
    cx.error(MSG.E0114.functionButCanReach({ fName: f.name, what }), endSpan(d.body), {
      labels: d.ret ? [{ span: d.ret.span, message: NOTE.E0114.labelReturns({ t: fmt(f.ret) }) }] : [],
      notes: [NOTE.E0114.noteVexNeedsExplicit(), ...(tailMatch ? [NOTE.E0114.helpReturnMatch()] : [])],
    });
  }
  cx.popScope();
  cx.fn = null;
}

/** A `match` that is the last statement of a function body: the return type its `None` arms take. */
const tailMatchHint = new WeakMap<ast.Expr, Type>();

function endSpan(b: ast.Block): ast.Span {
  const s = b.span;
  return { ...s, start: Math.max(s.start, s.end - 1), line: s.endLine, col: Math.max(1, s.endCol - 1) };
}

/** `let v = Vec();` and friends: the type later uses give them, as if annotated (late-types.ts). */
const lateTypes = checkMap<ast.Stmt, Type>();

/** Check a block; returns its tail type (unit without a tail, never if it cannot complete). */
export function checkBlock(cx: Ctx, b: ast.Block, expected: Type | null, scope = true): Type {
  if (scope) cx.pushScope();
  let diverged = false;
  for (let i = 0; i < b.stmts.length; i++) {
    const s = b.stmts[i];
    if (s.kind === 'let' && s.init.kind === 'closure' && s.pattern.kind === 'name') {
      cx.closureBinding = { init: s.init, name: s.pattern.name, rest: b.stmts, from: i + 1, tail: b.tail };
    }
    const late = s.kind === 'let' ? lateCollectionType(cx, s, () => b.stmts.slice(i + 1), b.tail) : null;
    if (late) lateTypes.set(s, late);
    checkStmt(cx, s);
    if (cx.borrowCheck) noteGiven(cx, s, b.stmts, i);
    if (stmtDiverges(s)) diverged = true;
  }
  let t: Type = T.unit;
  if (b.tail) {
    t = expected ? checkExpr(cx, b.tail, expected) : checkExpr(cx, b.tail, null);
  }
  if (cx.probing === 0 && cx.borrowCheck) checkBlockBorrows(cx, b);
  if (scope) cx.popScope();
  return diverged && !b.tail ? T.never : t;
}

export function checkStmt(cx: Ctx, s: ast.Stmt): void {
  switch (s.kind) {
    case 'let': {
      const ann = s.type ? resolveType(cx, s.type) : lateTypes.get(s) ?? null;
      let t: Type;
      if (ann) t = sink(cx, s.init, ann);
      else {
        t = checkExpr(cx, s.init, null);
        consume(cx, s.init);
        if (t.k === 'unit' && s.init.kind === 'call') {
          /* `let x = f();` of a unit function is allowed (x: nil) */
        }
      }
      bindLetPattern(cx, s.pattern, t, s.mut);
      partMoveByLet(cx, s.pattern, s.init);
      if (cx.borrowCheck && cx.probing === 0) noteLetHolds(cx, s);
      if (s.init.kind === 'ref' && s.pattern.kind === 'name' && localOf(s.pattern)) cx.heldBorrows.set(localOf(s.pattern)!, [s.init.operand]);
      const view = s.init.kind === 'call' ? sliceViewOf(s.init) : null;
      if (view && s.pattern.kind === 'name' && localOf(s.pattern)) cx.heldBorrows.set(localOf(s.pattern)!, [view]);
      // `let w = get_mut(&v!);`, `let r = pick(&a, &b);`, `let g = mk(&e);`: a value a call returns
      // that may hold a reference borrows from every reference argument (or `&T` receiver), so w
      // stands for them where that matters (holders, returns, captures)
      // (so does one built holding them: `let h = H{r: &e};`, `let r2 = r;`)
      const from = s.init.kind !== 'ref' && !view && holdsRef(t) ? placesIn(cx, s.init) : [];
      if (from.length && s.pattern.kind === 'name' && localOf(s.pattern)) cx.heldBorrows.set(localOf(s.pattern)!, from);
      if (s.init.kind === 'closure' && s.pattern.kind === 'name' && localOf(s.pattern) && exprInfo(s.init)?.closure?.inferred) {
        cx.inferredClosures.set(localOf(s.pattern)!, exprInfo(s.init)!.closure!.inferred!);
      }
      return;
    }
    case 'assign': return checkAssign(cx, s);
    case 'if': {
      // each body is an alternative path, after the conditions that ran before it
      const e = s.else;
      ifChain(cx, s.branches.map((br) => () => condBool(cx, br.cond)),
        s.branches.map((br) => () => { checkBlock(cx, br.body, null); return blockLeaves(br.body); }),
        e ? () => { checkBlock(cx, e, null); return blockLeaves(e); } : null);
      return;
    }
    case 'while':
      condBool(cx, s.cond);
      loopBody(cx, s.body);
      return;
    case 'loop':
      loopBody(cx, s.body);
      return;
    case 'for-in': {
      const it = checkExpr(cx, s.iter, null);
      const el = iterElem(cx, it, s.iter);
      cx.pushScope();
      const iterationLocal = cx.nextLocal;
      setLocalOf(s, declareLocal(cx, s.name, el, false, s.nameSpan));
      // Over a named Vec, array, slice, Set or Map the variable is a copy of an element the
      // container keeps owning: moving it out (of a type that needs drop) would drop it twice
      // (E0163). A temporary container (`for x in make()`) gives its elements up instead.
      const over = derefAll(it);
      const container = over.k === 'array' || over.k === 'slice' || (over.k === 'builtin' && ['Vec', 'Set', 'Map'].includes(over.name));
      if (container && isPlaceExpr(s.iter)) containerBound.add(localOf(s)!);
      if (cx.borrowCheck) noteBoundCopies(s.iter, [localOf(s)!]);
      loopBody(cx, s.body, iterationLocal);
      cx.popScope();
      return;
    }
    case 'for-c':
      cx.pushScope();
      if (s.init) checkStmt(cx, s.init);
      if (s.cond) condBool(cx, s.cond);
      if (s.post) checkStmt(cx, s.post);
      loopBody(cx, s.body);
      cx.popScope();
      return;
    case 'switch': {
      const st = checkExpr(cx, s.subject, null);
      for (const c of s.cases) {
        for (const v of c.values) {
          const vt = checkExpr(cx, v, st);
          if (st.k !== 'error' && vt.k !== 'error' && !assignable(vt, st) && !(isNumeric(st) && isNumeric(vt) && joinNumeric(st, vt))) {
            cx.error(MSG.E0103.caseValueTypeCannot({ vt: fmt(vt), st: fmt(st) }), v.span);
          }
        }
        checkBlock(cx, caseBlock(c), null);
      }
      if (s.default) checkBlock(cx, caseBlock(s.default), null);
      return;
    }
    case 'break': case 'continue': {
      if (!cx.fn || cx.fn.loopDepth === 0) cx.error(MSG.E0127.outsideLoop({ sKind: s.kind }), s.span);
      const exits = cx.fn?.loopExits?.[cx.fn.loopExits.length - 1]?.[s.kind];
      if (exits) for (const [k, v] of cx.moved) if (!exits.has(k)) exits.set(k, v);
      return;
    }
    case 'return': return checkReturn(cx, s.value, s.span);
    case 'defer':
      if (s.body.kind === 'block') checkBlock(cx, s.body, null);
      else checkStmt(cx, s.body);
      if (cx.borrowCheck) checkDeferScope(cx, s);
      return;
    case 'go': {
      const info: ClosureInfo = { params: [], ret: T.unit, locals: [], captures: [], mayBlock: false };
      setGoInfoOf(s, info);
      inClosure(cx, info, T.unit, false, () => {
        if (s.body.kind === 'block') checkBlock(cx, s.body as ast.Block, null);
        else checkExpr(cx, s.body as ast.Expr, null);
      });
      return;
    }
    case 'unsafe':
      if (cx.fn) cx.fn.unsafeDepth++;
      checkBlock(cx, s.body, null);
      if (cx.fn) cx.fn.unsafeDepth--;
      return;
    case 'expr':
      if (s.expr.kind === 'match') setExprInfo(s.expr, { type: checkMatch(cx, s.expr, null, false, tailMatchHint.get(s.expr) ?? null) });
      else checkExpr(cx, s.expr, null);
      return;
    case 'block':
      checkBlock(cx, s, null);
      return;
    case 'error':
      return;
  }
}

function condBool(cx: Ctx, e: ast.Expr): void {
  const t = checkExpr(cx, e, T.bool);
  fillHole(t, T.bool);
  if (t.k !== 'bool' && t.k !== 'error' && t.k !== 'never') {
    cx.error(MSG.E0103.expectedBoolFound({ t: fmt(t) }), e.span, { notes: [NOTE.E0103.noteConditionsMustBool()] });
  }
}

/** A variable, field, element or dereference (through `&` too): a container that outlives the loop. */
export function isPlaceExpr(e: ast.Expr): boolean {
  switch (e.kind) {
    case 'ident': case 'member': case 'index': case 'tuple-index': case 'deref': return true;
    case 'ref': return isPlaceExpr(e.operand);
    default: return false;
  }
}

/** `firstLocal`: the first local that belongs to one iteration (a `for` variable is bound anew
 *  each time round, so moving it in the body is not a move of a value from outside the loop). */
function loopBody(cx: Ctx, b: ast.Block, firstLocal = cx.nextLocal): void {
  const before = new Map(cx.moved);
  const exits = { break: new Map() as MoveSet, continue: new Map() as MoveSet };
  if (cx.fn) { cx.fn.loopDepth++; (cx.fn.loopExits ??= []).push(exits); }
  checkBlock(cx, b, null);
  if (cx.fn) { cx.fn.loopDepth--; cx.fn.loopExits!.pop(); }
  const join = (m: MoveSet) => { for (const [k, v] of m) if (!cx.moved.has(k)) cx.moved.set(k, v); };
  // A value from outside the loop moved in the body (by its end or before a `continue`) is gone
  // on the next iteration; one moved before a `break` only after the loop.
  const reachesEnd = !blockDiverges(b);
  join(exits.continue);
  if (reachesEnd || exits.continue.size) loopMoves(cx, before, firstLocal);
  join(exits.break);
}

function bindLetPattern(cx: Ctx, p: ast.LetPattern, t: Type, mut: boolean): void {
  switch (p.kind) {
    case 'name': setLocalOf(p, declareLocal(cx, p.name, t, mut, p.span)); return;
    case 'wild': return;
    case 'tuple': {
      if (t.k !== 'tuple' || t.elems.length !== p.elems.length) {
        if (t.k !== 'error') cx.error(MSG.E0116.mismatchedTypesPatternNeeds({ elemsLength: p.elems.length, t: fmt(t) }), p.span);
        p.elems.forEach((x) => bindLetPattern(cx, x, T.error, mut));
        return;
      }
      p.elems.forEach((x, i) => bindLetPattern(cx, x, t.elems[i], mut));
    }
  }
}

/** Element type of a for-in iteration. */
export function iterElem(cx: Ctx, it: Type, e: ast.Expr): Type {
  const t = derefAll(it);
  switch (t.k) {
    case 'error': return T.error;
    case 'range': case 'array': case 'slice': return t.elem;
    case 'str': return T.u8;
    case 'builtin':
      if (t.name === 'Vec' || t.name === 'Set') return t.args[0];
      if (t.name === 'Map') return t.args[0];
      break;
    case 'struct': {
      const next = cx.methods.get(t.info.name)?.get('next');
      if (next && next.ret.k === 'enum' && next.ret.info === OPTION) {
        const env = new Map<string, Type>();
        t.info.generics.forEach((g, i) => env.set(`${t.info.name}.${g}`, t.args[i]));
        // a Go-style `fn (u: &Up<T>!) next()` names the struct's parameters by its receiver
        const recv = next.receiverType ? derefAll(next.receiverType) : null;
        if (recv?.k === 'struct') recv.args.forEach((a, i) => a.k === 'param' && t.args[i] && env.set(`${a.owner}.${a.name}`, t.args[i]));
        // through a `&T!` the iterator advances in place; an owned one must be a `let!` place
        if (next.receiver === 'mut-ref') requireAdvanceable(cx, it, e);
        return subst(next.ret.args[0], env);
      }
    }
    case 'param': {
      if (t.k !== 'param') break; // a struct without `next` falls through to here
      // a parameter bounded by `Iterator` (or a contract with `next()!: Option<…>`): its projection
      const next = boundNext(cx, t);
      if (next) {
        if (next.mutating) requireAdvanceable(cx, it, e);
        if (cx.fn) cx.fn.contractCalls.add('next');
        return next.item;
      }
    }
  }
  cx.error(MSG.E0146.typeCannotIterated({ t: fmt(t) }), e.span, { notes: [NOTE.E0146.noteIterateOverRange()] });
  return T.error;
}

/** `for x in it` with a mutating `next()!` advances `it` in place (§3.7): through a `&T!`, or an
 *  owned mutable place; a shared reference `&T` cannot be advanced (§6.2, as `r.next()` cannot). */
function requireAdvanceable(cx: Ctx, it: Type, e: ast.Expr): void {
  if (it.k === 'ref' && it.mut) return;
  if (it.k === 'ref') {
    const name = e.kind === 'ident' ? e.name : e.kind === 'ref' && e.operand.kind === 'ident' ? e.operand.name : 'value';
    const local = e.kind === 'ident' && nameRes(e)?.k === 'local' ? (nameRes(e) as ResOf<'local'>).local : undefined;
    reportImmutable(cx, { ok: false, name, why: 'ref', local }, e.span, MSG.E0111.iterateSharedRef({ name, t: fmt(it) }));
    return;
  }
  requireMutablePlace(cx, e, 'iteration with `next()!`');
}

/** `next` of a bounded type parameter's contracts when it returns `Option<X>`: X with the
 *  contract's associated types read as the parameter's projections (`I.Item`). */
function boundNext(cx: Ctx, t: Extract<Type, { k: 'param' }>): { item: Type; mutating: boolean } | null {
  const g = [...cx.generics.values()].find((x) => x.type.k === 'param' && x.type.name === t.name && x.type.owner === t.owner);
  for (const b of g?.bounds ?? []) {
    const c = cx.contracts.get(b.name);
    for (const cc of c ? allContracts(cx, c) : []) {
      const m = cc.methods.get('next');
      if (!m || m.params.length || m.ret.k !== 'enum' || m.ret.info !== OPTION) continue;
      const env = new Map<string, Type>([[`${cc.name}.Self`, t]]);
      for (const a of cc.decl === null && cc.name === 'Iterator' ? ['Item'] : cc.assocTypes) {
        const pr: Type = { k: 'param', name: `${t.name}.${a}`, owner: t.owner };
        env.set(`${cc.name}.Self.${a}`, pr);
        env.set(`${cc.name}.${a}`, pr);
      }
      return { item: subst(m.ret.args[0], env), mutating: m.mutating };
    }
  }
  return null;
}

function checkAssign(cx: Ctx, s: Extract<ast.Stmt, { kind: 'assign' }>): void {
  const low = assignOverload(cx, s);
  if (low) {
    setLoweredOf(s, low);
    if (low.kind === 'assign') checkAssign(cx, low); // `a = a + b`; calls are checked already
    return;
  }
  if (s.op === '=' && (s.target.kind === 'tuple-index' || s.target.kind === 'member')) newValueTargets.add(s.target);
  const tt = checkPlace(cx, s.target);
  const valid = isPlaceKind(s.target);
  if (!valid) cx.error(MSG.E0131.invalidLeftHandSide(), s.target.span);
  else requireMutablePlace(cx, s.target, 'assignment');
  if (s.op !== '=' && s.target.kind === 'member') {
    const ot = exprInfo(s.target.object) ? derefAll(exprInfo(s.target.object)!.type) : null;
    if (ot?.k === 'struct' && ot.info.isUnion) requireUnsafe(cx, s.target.span, `reading union field \`${s.target.name}\``);
  }
  if (s.op === '=') {
    // `m[k] = v` stores k as insert does (it stayed the caller's too: dropped twice)
    const mt = s.target.kind === 'index' && exprInfo(s.target.object) ? derefAll(exprInfo(s.target.object)!.type) : null;
    if (s.target.kind === 'index' && mt?.k === 'builtin' && mt.name === 'Map') consume(cx, s.target.index);
    sink(cx, s.value, tt);
    if (s.target.kind === 'ident' && nameRes(s.target)?.k === 'local') revive(cx, (nameRes(s.target) as ResOf<'local'>).local);
    else reviveField(cx, s.target);
  } else if (s.op === '<<=' || s.op === '>>=') {
    const vt = checkExpr(cx, s.value, null);
    if (tt.k !== 'error' && vt.k !== 'error' && (tt.k !== 'int' || vt.k !== 'int')) cx.error(MSG.E0125.cannotShift({ tt: fmt(tt), vt: fmt(vt) }), s.span);
  } else {
    const vt = checkExpr(cx, s.value, isNumeric(tt) ? tt : null);
    if (tt.k !== 'error' && vt.k !== 'error') {
      const strCat = s.op === '+=' && (tt.k === 'str' || (tt.k === 'builtin' && tt.name === 'String')) && (vt.k === 'str' || (vt.k === 'builtin' && vt.name === 'String'));
      const boolOp = (s.op === '&=' || s.op === '|=' || s.op === '^=') && tt.k === 'bool' && vt.k === 'bool';
      const ptrOp = tt.k === 'ptr' && (s.op === '+=' || s.op === '-=') && vt.k === 'int';
      if (!strCat && !boolOp && !ptrOp) {
        const j = isNumeric(tt) && isNumeric(vt) ? joinNumeric(tt, vt) : null;
        if (!j || !typeEq(j, tt)) cx.error(MSG.E0125.cannotApply2({ op: s.op, l: fmt(tt), r: fmt(vt) }), s.span, j ? { notes: [NOTE.E0125.helpResultWouldConvert({ j: fmt(j), tt: fmt(tt).slice(1, -1) })] } : {});
        else if (!typeEq(vt, tt)) coerceExpr(cx, s.value, vt, tt);
      }
    }
  }
  const bf = bitfieldOf(cx, s.target);
  if (bf && s.op === '=') bitfieldConstWarn(cx, s.value, bf.width, tt, bf.name);
}

function checkReturn(cx: Ctx, value: ast.Expr | null, span: ast.Span): void {
  const st = cx.fn;
  if (!st) return;
  if (st.ret === null) {
    // Closure without a declared return type: the first return fixes it.
    st.ret = value ? checkExpr(cx, value, null) : T.unit;
    if (value) consume(cx, value);
    if (value && st.closure && closureExprs.has(st.closure)) escapingLocal(cx, value, { e: closureExprs.get(st.closure)!, info: st.closure });
    return;
  }
  if (value) {
    if (st.ret.k === 'unit' && !(value.kind === 'nil')) {
      const t = checkExpr(cx, value, null);
      if (t.k !== 'unit' && t.k !== 'error' && t.k !== 'never') cx.error(MSG.E0103.expectedNilFunctionReturns({ t: fmt(t) }), value.span);
      return;
    }
    const before = cx.diags.length;
    sink(cx, value, st.ret);
    if (!st.closure) escapingLocal(cx, value);
    else if (closureExprs.has(st.closure)) escapingLocal(cx, value, { e: closureExprs.get(st.closure)!, info: st.closure });
    // Point at the declared return type when the returned value does not fit it.
    const d = cx.diags[before];
    const retTe = st.closure ? null : st.info.decl?.ret;
    if (d && d.code === 'E0103' && retTe) d.labels.push({ span: retTe.span, message: NOTE.E0103.labelExpectedBecauseReturnType({ t: fmt(st.ret) }) });
  } else if (st.ret.k !== 'unit' && st.ret.k !== 'error' && st.ret.k !== 'never') {
    cx.error(MSG.E0103.expectedFoundNilReturn({ ret: fmt(st.ret) }), span);
  }
}

/** The closure literal of each checked closure body (for the checks of what it returns). */
const closureExprs = new WeakMap<ClosureInfo, ast.ExprOf<'closure'>>();

/** `return &x` / `return &x.f` / `return r` (r = &x) where x is a local or a by-value parameter:
 *  the reference would outlive its target (chapter 2 §6.5). References through reference
 *  parameters and string literals may be returned. Checked after the value (locals resolved).
 *  In a closure (`closure`): x is one of its own locals or parameters (a captured variable
 *  lives on), except an element or payload a builtin lends it in place, which lives on with
 *  its container — unless that is a temporary Vec or array, dropped with its statement. */
function escapingLocal(cx: Ctx, value: ast.Expr, closure?: { e: ast.ExprOf<'closure'>; info: ClosureInfo }): void {
  const rootOf = (e: ast.Expr): ast.Expr => {
    let x = e;
    while (x.kind === 'member' || x.kind === 'index' || x.kind === 'tuple-index') x = x.object;
    return x;
  };
  const report = (refE: ast.Expr, target: ast.Expr) => {
    const root = rootOf(target);
    if (root.kind !== 'ident' || nameRes(root)?.k !== 'local') return;
    const l = (nameRes(root) as ResOf<'local'>).local;
    if (l.type.k === 'ref' || l.type.k === 'ptr' || l.type.k === 'slice') return; // reached through a reference parameter
    if (closure) {
      const { e, info } = closure;
      if (!info.locals.includes(l) && !info.params.includes(l)) return; // captured: it lives on
      const i = info.params.indexOf(l), temp = tempElementClosures.get(e);
      if (i >= 0 && temp?.params.includes(i)) {
        cx.error(MSG.E0160.cannotReturnReferenceElement({ name: l.name, container: temp.container }), refE.span, { notes: [NOTE.E0160.helpElementOfTemporary({ container: temp.container })] });
        return;
      }
      if (i >= 0 && lentClosures.has(e) && !lentOwnedParams.get(e)?.includes(i)) return; // lent in place
    }
    cx.error(MSG.E0160.cannotReturnReferenceLocal({ lName: l.name }), refE.span, {
      labels: [{ span: l.span, message: closure ? NOTE.E0160.labelDeclaredDroppedClosureReturns({ name: l.name }) : NOTE.E0160.labelDeclaredDroppedOnReturn({ name: l.name }) }],
      notes: [NOTE.E0160.helpReturnOwnedValue()],
    });
  };
  // a temporary (temporaryPlace: a call's or a literal's value) dies with the return statement
  const reportTemp = (refE: ast.Expr) => cx.error(MSG.E0160.cannotReturnReferenceTemporary(), refE.span, {
    notes: [NOTE.E0160.helpTemporaryDroppedWhen()],
  });
  // a value holding several borrows (`let r = pick(&a, &b);`): one report, for the first local
  const reportFirst = (refE: ast.Expr, held: readonly ast.Expr[] | undefined): boolean => {
    const before = cx.diags.length;
    for (const h of held ?? []) { report(refE, h); if (cx.diags.length > before) return true; }
    return false;
  };
  // (value: the returned expression or a part of a struct, tuple, array or variant it builds)
  const check = (value: ast.Expr): void => {
    if (value.kind === 'ref') {
      if (temporaryPlace(value.operand)) reportTemp(value);
      else report(value, value.operand);
    } else if (value.kind === 'ident' && nameRes(value)?.k === 'local') {
      reportFirst(value, cx.heldBorrows.get((nameRes(value) as ResOf<'local'>).local));
    } else if (value.kind === 'call' && sliceViewOf(value)) {
      report(value, sliceViewOf(value)!);
    } else if (value.kind === 'call' && holdsRef(exprInfo(value)?.type)) {
      // the result holds the borrows of its reference arguments and receiver (a returned function
      // value may be a closure that captured them, a Future an `async fn`'s parameters)
      const c = checkedCall(value), fnT = callTarget(c);
      const builds = buildsVariant(c);
      for (const a of c.args) {
        if (a.kind === 'ref') { if (temporaryPlace(a.operand)) reportTemp(a); else report(a, a.operand); }
        // (and those an argument holds: `pick(r, &b)` with `r = &a`, `id(mk(&e))`)
        else if (builds || holdsRef(exprInfo(a)?.type)) check(a);
      }
      if (fnT?.k === 'method' && fnT.fn.receiverType?.k === 'ref' && c.callee.kind === 'member') {
        if (temporaryPlace(c.callee.object)) reportTemp(c.callee.object);
        else report(c.callee.object, c.callee.object);
      }
    } else if (value.kind === 'closure' || value.kind === 'async') {
      // a closure (an async block's Future) capturing a reference to a local would read it after the return
      for (const l of exprInfo(value)?.closure?.captures ?? []) if (reportFirst(value, cx.heldBorrows.get(l))) break;
    } else if (value.kind === 'struct-lit') {
      for (const f of value.fields) check(f.value);
    } else if (value.kind === 'tuple' || value.kind === 'array') {
      for (const x of value.elems) check(x);
    }
  };
  const before = cx.diags.length;
  check(value);
  // the borrows the value holds however it holds them (a match binding, a tuple's part, a local
  // Vec it was pushed into, a closure's result, `o.unwrap()`: borrows.ts borrowsIn), when they
  // point into a local of this function
  const decl = cx.fn?.info.decl;
  if (closure || !decl || !cx.borrowCheck || cx.diags.length > before) return;
  // (an owned local returned as it is, filled with borrows: escaping-closures.ts filledReturns)
  if (value.kind === 'ident' && nameRes(value)?.k === 'local' && (nameRes(value) as ResOf<'local'>).local.type.k !== 'ref') return;
  for (const br of borrowsIn(value)) for (const x of ownersOf(cx, br)) {
    if (!within(x.span, decl.span) || x.type.k === 'ref' || x.type.k === 'ptr' || x.type.k === 'slice') continue;
    cx.error(MSG.E0160.cannotReturnReferenceLocal({ lName: x.name }), value.span, {
      labels: [{ span: br.span, message: NOTE.E0160.labelBorrowedHere({ name: x.name }) }, { span: x.span, message: NOTE.E0160.labelDeclaredDroppedOnReturn({ name: x.name }) }],
      notes: [NOTE.E0160.helpReturnOwnedValue()],
    });
    return;
  }
}

/** `v.as_slice()` (§5.2): the Vec it views, whose elements a returned or held slice borrows. */
function sliceViewOf(call: ast.ExprOf<'call'>): ast.Expr | null {
  const c = checkedCall(call), t = callTarget(c);
  return t?.k === 'builtin-method' && t.owner === 'Vec' && t.method === 'as_slice' && c.callee.kind === 'member' ? c.callee.object : null;
}

/** Run `body` as a closure/go/async body: new fn state, capture level, scope. */
function inClosure(cx: Ctx, info: ClosureInfo, ret: Type | null, isAsync: boolean, body: () => void): FnState {
  const outer = cx.fn;
  const st = newState(outer?.info ?? dummyFn(), ret, isAsync, info);
  st.unsafeDepth = outer?.unsafeDepth ?? 0;
  cx.fn = st;
  cx.closureStates.set(info, st);
  cx.level++;
  cx.closureStack.push(info);
  cx.pushScope();
  try {
    body();
  } finally {
    cx.popScope();
    cx.closureStack.pop();
    cx.level--;
    cx.fn = outer;
  }
  return st;
}

const dummyFn = (): FnInfo => ({ id: 0, name: '<const>', decl: null, params: [], ret: T.unit, generics: [], typeParams: [], isAsync: false, isExternC: false, mayBlock: false, owner: null, receiver: null, locals: [] });

export function checkClosure(cx: Ctx, e: ast.ExprOf<'closure'>, expected: Type | null): Type {
  const exp = expected?.k === 'fn' && expected.params.length === e.params.length ? expected : null;
  const annRet = e.ret ? resolveType(cx, e.ret) : null;
  // A type parameter of the callee still open (`map<U>(f: fn(T): U)`) is not a hint: the closure decides it.
  const open = (t: Type) => hasAnyParam(t) && !paramsInScope(cx, t);
  const hintRet = annRet ?? (exp && exp.ret.k !== 'error' && !open(exp.ret) ? exp.ret : null);
  const binding = cx.closureBinding?.init === e ? cx.closureBinding : null;
  cx.closureBinding = null;
  // Parameters typed by annotation or expected type; the others are inferred (closure-infer.ts).
  const given: (Type | null)[] = e.params.map((p, i) => (p.type ? resolveType(cx, p.type) : exp && exp.params[i].k !== 'error' && !open(exp.params[i]) ? exp.params[i] : null));
  const inferred: { note: string; span: ast.Span }[] = [];
  if (given.some((t) => t === null) && cx.probing > 0) {
    // Inside an outer probe: check once with holes (the outer probe is rolled back anyway).
    return closureBody(cx, e, given.map((t, i) => t ?? { k: 'error', hole: { name: e.params[i].name, bound: null, mark: null, needs: null } }), hintRet);
  }
  if (given.some((t) => t === null)) {
    const holes = given.map((t, i) => (t ? null : { name: e.params[i].name, bound: null, mark: null, needs: null } as Hole));
    probe(cx, () => { closureBody(cx, e, given.map((t, i) => t ?? { k: 'error', hole: holes[i]! }), hintRet); });
    const later = holes.some((h) => h && !h.bound) && binding ? laterUses(cx, binding, e.params.length) : [];
    holes.forEach((h, i) => {
      if (!h) return;
      const t = settleHole(h, later[i] ?? null);
      if (t) {
        given[i] = t;
        inferred.push({ note: NOTE.E0103.noteClosureParameterInferred({ name: h.name, t: typeName(t) }), span: e.params[i].span });
        return;
      }
      cx.error(MSG.E0130.cannotInferTypeClosure({ hName: h.name }), e.params[i].span, {
        labels: h.needs ? [{ span: h.needs, message: NOTE.E0130.labelTypeNeededHere() }] : [],
        notes: [NOTE.E0130.helpWriteTypeT({ hName: h.name })],
      });
      given[i] = T.error;
    });
  }
  const ft = closureBody(cx, e, given as Type[], hintRet);
  if (inferred.length && exprInfo(e)?.closure) exprInfo(e)!.closure!.inferred = inferred;
  return ft;
}

/** Do all generic parameters in `t` belong to the function being checked (not to a callee)? */
function paramsInScope(cx: Ctx, t: Type): boolean {
  switch (t.k) {
    case 'param': return [...cx.generics.values()].some((g) => g.type.k === 'param' && g.type.name === t.name && g.type.owner === t.owner) || t.name === 'Self';
    case 'struct': case 'enum': case 'builtin': return t.args.every((a) => paramsInScope(cx, a));
    case 'tuple': return t.elems.every((a) => paramsInScope(cx, a));
    case 'array': case 'slice': case 'range': return paramsInScope(cx, t.elem);
    case 'ref': case 'ptr': return paramsInScope(cx, t.inner);
    case 'fn': return t.params.every((a) => paramsInScope(cx, a)) && paramsInScope(cx, t.ret);
    default: return true;
  }
}

/** Check a closure's body with known parameter types; returns its fn type. */
function closureBody(cx: Ctx, e: ast.ExprOf<'closure'>, paramTypes: Type[], hintRet: Type | null): Type {
  const info: ClosureInfo = { params: [], ret: T.unit, locals: [], captures: [], mayBlock: false };
  cx.closureValues.add(info);
  closureExprs.set(info, e);
  const st = inClosure(cx, info, hintRet, false, () => {
    e.params.forEach((p, i) => {
      setLocalOf(p, declareLocal(cx, p.name, paramTypes[i], false, p.span));
      if (elementParam(e, i)) containerBound.add(localOf(p)!); // a Vec adaptor's element (moves.ts)
      info.params.push(localOf(p)!);
    });
    let bodyT: Type;
    if (e.body.kind === 'block' && 'stmts' in e.body) bodyT = checkBlock(cx, e.body as ast.Block, hintRet);
    else bodyT = checkExpr(cx, e.body as ast.Expr, hintRet);
    const bodyExpr = e.body.kind === 'block' && 'stmts' in e.body ? (e.body as ast.Block).tail : (e.body as ast.Expr);
    consumeAdaptorResult(cx, e, bodyExpr);
    if (bodyExpr) escapingLocal(cx, bodyExpr, { e, info });
    if (hintRet) {
      if (bodyExpr && exprInfo(bodyExpr)) coerceExpr(cx, bodyExpr, bodyT, hintRet);
      else if (bodyT.k !== 'never' && hintRet.k !== 'unit' && hintRet.k !== 'error' && !(e.body.kind === 'block' && 'stmts' in e.body && blockDiverges(e.body as ast.Block))) {
        cx.error(MSG.E0114.closureMustReturnValue({ hintRet: fmt(hintRet) }), e.span);
      }
    } else if (cx.fn!.ret === null) cx.fn!.ret = bodyT.k === 'never' ? T.unit : bodyT;
  });
  info.ret = st.ret ?? T.unit;
  setExprInfo(e, { type: T.error, closure: info });
  return { k: 'fn', params: paramTypes, ret: info.ret, externC: false };
}

export function checkAsyncBlock(cx: Ctx, e: ast.ExprOf<'async'>, expected: Type | null): Type {
  const hint = expected?.k === 'builtin' && expected.name === 'Future' ? expected.args[0] : null;
  const info: ClosureInfo = { params: [], ret: T.unit, locals: [], captures: [], mayBlock: false };
  const st = inClosure(cx, info, hint, true, () => {
    const t = checkBlock(cx, e.body, hint);
    if (cx.fn!.ret === null) cx.fn!.ret = t.k === 'never' ? T.unit : t;
  });
  info.ret = st.ret ?? T.unit;
  setExprInfo(e, { type: T.error, closure: info });
  return { k: 'builtin', name: 'Future', args: [info.ret] };
}

export function checkIfExpr(cx: Ctx, e: ast.ExprOf<'if'>, expected: Type | null): Type {
  const bodies = [...e.branches.map((br) => br.body), e.else];
  let result: Type | null = expected ?? noneBranchType(cx, bodies) ?? siblingResultType(cx, bodies.map((b) => ({ node: b, value: b.tail, check: () => checkBlock(cx, b, null) })), e.span.file);
  const tails: [ast.Block, Type][] = [];
  // As for the statement: the bodies are alternative paths, each after the conditions that ran
  // before it (a value moved in one branch is still there in the others; moved after the `if` if
  // any branch moved it)
  // a branch that leaves (`return`, `break`, `continue`, a panic) gives no value and needs none
  const path = (b: ast.Block) => () => {
    const t = checkBlock(cx, b, result);
    tails.push([b, t]);
    if (!result && t.k !== 'never' && !blockLeaves(b)) result = t;
    return blockDiverges(b);
  };
  ifChain(cx, e.branches.map((br) => () => condBool(cx, br.cond)), e.branches.map((br) => path(br.body)), path(e.else));
  const rt = result ?? T.never;
  for (const [b, bt] of tails) {
    if (bt.k === 'never' || (!b.tail && blockLeaves(b))) continue;
    if (b.tail) coerceExpr(cx, b.tail, bt, rt);
    // a branch ending in a statement gives no value: `let r = if c { 1 } else { f(); };` read
    // `undefined` at run time
    else if (rt.k !== 'unit' && rt.k !== 'error' && rt.k !== 'never' && !blockDiverges(b)) cx.error(MSG.E0103.ifBranchNoValue({ rt: fmt(rt) }), b.span);
  }
  return rt;
}

/** `if c { None } else { Some(x) }` with no expected type: the Option type of the first other
 *  branch, checked silently (its nodes are checked again for real), so `None` gets its type. */
function noneBranchType(cx: Ctx, bodies: ast.Block[]): Type | null {
  if (!bodies.some((b) => onlyNoneLeaves(b.tail))) return null;
  for (const b of bodies) {
    if (onlyNoneLeaves(b.tail)) continue;
    let t: Type | null = null;
    probe(cx, () => { t = checkBlock(cx, b, null); });
    clearInfo(b);
    const found = t as Type | null;
    if (found && found.k === 'enum' && found.info === OPTION) return found;
  }
  return null;
}

// ------------------------------------------------------------------ divergence

/** Control never reaches the end of b: it diverges, or a `break`/`continue` leaves it (for move
 *  checking: those paths' moves join at their loop, `loopExits`). */
export function blockLeaves(b: ast.Block): boolean {
  const leaves = (s: ast.Stmt): boolean => s.kind === 'break' || s.kind === 'continue' || stmtDiverges(s)
    || (s.kind === 'if' && s.else !== null && s.branches.every((br) => blockLeaves(br.body)) && blockLeaves(s.else))
    || (s.kind === 'block' && blockLeaves(s));
  return b.stmts.some(leaves) || (exprInfo(b.tail)?.type.k === 'never');
}

export function blockDiverges(b: ast.Block): boolean {
  return b.stmts.some(stmtDiverges) || (exprInfo(b.tail)?.type.k === 'never');
}

function stmtDiverges(s: ast.Stmt): boolean {
  switch (s.kind) {
    case 'return': return true;
    case 'expr': return exprInfo(s.expr)?.type.k === 'never';
    case 'if': return s.else !== null && s.branches.every((b) => blockDiverges(b.body)) && blockDiverges(s.else);
    case 'loop': return !hasBreak(s.body.stmts);
    case 'while': return s.cond.kind === 'bool' && s.cond.value && !hasBreak(s.body.stmts);
    case 'block': return blockDiverges(s);
    case 'unsafe': return blockDiverges(s.body);
    case 'switch': return !!s.default && s.cases.every((c) => c.body.some(stmtDiverges)) && s.default.body.some(stmtDiverges);
    default: return false;
  }
}

/** A `break` that leaves this loop (not one inside a nested loop). */
function hasBreak(stmts: ast.Stmt[]): boolean {
  return stmts.some((s) => {
    switch (s.kind) {
      case 'break': return true;
      case 'if': return s.branches.some((b) => hasBreak(b.body.stmts)) || (!!s.else && hasBreak(s.else.stmts));
      case 'block': return hasBreak(s.stmts);
      case 'unsafe': return hasBreak(s.body.stmts);
      case 'switch': return s.cases.some((c) => hasBreak(c.body)) || (!!s.default && hasBreak(s.default.body));
      case 'expr': return s.expr.kind === 'match' && s.expr.arms.some((a) => a.body.kind === 'break' || (a.body.kind === 'block' && 'stmts' in a.body && hasBreak((a.body as ast.Block).stmts)));
      default: return false;
    }
  });
}

/** The places a value may borrow: `&p`, what a local it copies borrows, the parts of a literal
 *  or variant it builds, a branch's value, a call's result (borrowedPlaces). */
function placesIn(cx: Ctx, e: ast.Expr, out: ast.Expr[] = []): ast.Expr[] {
  if (e.kind === 'call') e = checkedCall(e);
  switch (e.kind) {
    case 'ref': if (exprInfo(e)?.coerce?.k !== 'ptr') out.push(e.operand); break;
    case 'ident': {
      const l = nameRes(e)?.k === 'local' ? (nameRes(e) as ResOf<'local'>).local : null;
      const held = l ? cx.heldBorrows.get(l) : undefined;
      if (held) out.push(...held); else if (l && (l.type.k === 'ref' || l.type.k === 'slice')) out.push(e);
      break;
    }
    case 'struct-lit': for (const f of e.fields) placesIn(cx, f.value, out); break;
    case 'tuple': case 'array': for (const x of e.elems) placesIn(cx, x, out); break;
    case 'if': case 'match': for (const v of branchValues(e)) placesIn(cx, v, out); break;
    case 'call':
      if (buildsVariant(e)) for (const a of e.args) placesIn(cx, a, out);
      else if (holdsRef(exprInfo(e)?.type)) borrowedPlaces(cx, e, out);
      break;
  }
  return out;
}

/** The places a call's result may borrow (§6.4): its `&p` arguments, what its reference and
 *  borrow-holding local arguments borrow, those of a nested call whose result may hold a reference
 *  (`id(mk(&e))`), and an owned `&T` receiver. */
function borrowedPlaces(cx: Ctx, call: ast.ExprOf<'call'>, out: ast.Expr[] = []): ast.Expr[] {
  const c = checkedCall(call), t = callTarget(c);
  for (const a of c.args) {
    if (a.kind === 'ref') { if (exprInfo(a)?.coerce?.k !== 'ptr') out.push(a.operand); continue; }
    if (holdsRef(exprInfo(a)?.type)) placesIn(cx, a, out);
  }
  if (t?.k === 'method' && t.fn.receiverType?.k === 'ref' && c.callee.kind === 'member') {
    const o = c.callee.object;
    // (a receiver that is a reference itself: what it borrows, `p.longer(&b)` with `p: &D`)
    if (exprInfo(o)?.type?.k !== 'ref') out.push(o); else placesIn(cx, o, out);
  }
  return out;
}

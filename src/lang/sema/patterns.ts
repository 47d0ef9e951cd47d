// `match` (§3.4): pattern typing, bindings (a bare identifier naming a unit variant in scope is
// that variant), arm types, and exhaustiveness for enums and bools.
import type * as ast from '../syntax/ast';
import { T, subst, typeName, type Type, type EnumInfo } from './types';
import type { Ctx } from './context';
import { checkExpr, coerceExpr, fmt } from './expr';
import { checkBlock, checkStmt, blockLeaves, isPlaceExpr } from './stmt';
import { derefAll, structArgsEnv } from './methods';
import { OPTION, RESULT } from './prelude';
import { bareVariant } from './shadow';
import { missingPattern, UNDECIDED, undecidedMatches } from './exhaustive';
import { siblingResultType } from './sibling-result';
import { hasOkErrLeaf, onlyNoneLeaves } from './branch-leaves';
import { assignable, isCopy, isNumeric, joinNumeric } from './infer';
import type { LocalInfo } from './typed';
import { typeNeedsDrop } from './stmt';
import { branches, containerBound, containerPart, dropPartOf, fieldKey, fieldPath, ownsFields, partMovedAt, refBound, subjectBehindRef } from './moves';
import { noteBoundCopies } from './borrows';
import { forEachScope } from './scopes';
import { MSG, NOTE } from '../msg';
import { type ResOf, bindingVariant, localOf, nameRes, resolvedOf, setBindingVariant, setLocalOf, setResolvedOf, fieldPattern, setShorthand, checkSet, setPatternAs, exprInfo } from './tables';
import { fieldNamed } from './field-named';

/** The value expression an arm (or a tail-value block) ends in, or null. */
export function armValue(b: ast.Expr | ast.Block | ast.Stmt): ast.Expr | null {
  if (b.kind === 'block' && 'stmts' in b) return (b as ast.Block).tail;
  if (b.kind === 'return' || b.kind === 'break' || b.kind === 'continue') return null;
  return b as ast.Expr;
}

/** A bare `None` (or `Option.None`): its type comes only from context (chapter 2 §7.3). */
export const isBareNoneExpr = (e: ast.Expr | null): boolean =>
  !!e && ((e.kind === 'ident' && e.name === 'None' && !e.typeArgs) || (e.kind === 'member' && e.name === 'None' && e.object.kind === 'ident' && e.object.name === 'Option' && !e.object.typeArgs));

/** `hint`: for a `match` whose value is not used, the type its `None` arms take when no other arm
 *  says (the function's return type for a body's last statement). */
export function checkMatch(cx: Ctx, e: ast.ExprOf<'match'>, expected: Type | null, valueUsed: boolean, hint: Type | null = null): Type {
  const st = checkExpr(cx, e.subject, null);
  const subj = derefAll(st);
  // matching an owned local by value: its non-copy bindings are parts of it (moves.ts consume)
  // (and matching a field path of one, `match w.e`: a binding moved out moves that field out, as
  // `let z = w.e;` does: the path's stand-in in cx.moved, moves.ts fieldKey)
  const fieldOwner = st.k === 'ref' || st.k === 'ptr' ? null : fieldPathOwner(e.subject);
  const owner = st.k === 'ref' || st.k === 'ptr' ? null
    : e.subject.kind === 'ident' && nameRes(e.subject)?.k === 'local' ? (nameRes(e.subject) as ResOf<'local'>).local
    : fieldOwner ? fieldKey(fieldOwner, fieldPath(e.subject)!.path) : null;
  const borrowedSubject = containerPart(e.subject);
  const viaRef = subjectBehindRef(e.subject);
  let result: Type | null = valueUsed ? expected : null;
  const armTypes: [ast.MatchArm, Type][] = [];
  // Arms whose value is a bare `None` are checked after the others, so `Some(..)` arms (or the
  // expected type) give them their type; the arms are alternative paths, so the order is free.
  const noneArm = (arm: ast.MatchArm) => onlyNoneLeaves(armValue(arm.body)) || hasOkErrLeaf(armValue(arm.body));
  let sibling: Type | null = null;
  const order = [...e.arms.filter((a) => !noneArm(a)), ...e.arms.filter(noneArm)];
  // `Ok(x)`/`Err(e)` arms (also inside a nested `if`/`match`) with no expected type: the arms decide
  // the whole Result type together (an arm that diverges, `panic(..)`, says nothing)
  if (valueUsed && !result && order.some((a) => hasOkErrLeaf(armValue(a.body)))) {
    result = siblingResultType(cx, order.map((arm) => ({ node: arm, value: armValue(arm.body), check: () => {
      cx.pushScope();
      try {
        checkPattern(cx, arm.pattern, subj);
        const b = arm.body;
        if (b.kind === 'return' || b.kind === 'break' || b.kind === 'continue') return T.never;
        return b.kind === 'block' && 'stmts' in b ? checkBlock(cx, b as ast.Block, null) : checkExpr(cx, b as ast.Expr, null);
      } finally { cx.popScope(); }
    } })), e.span.file);
  }
  const leavingArms = new Set<ast.MatchArm>();
  branches(cx, order.map((arm) => () => checkArm(arm)), true);
  function checkArm(arm: ast.MatchArm): boolean {
    cx.pushScope();
    checkPattern(cx, arm.pattern, subj);
    if (owner) markParts(arm.pattern, owner);
    // matching a new value, every by-value binding is the arm's (codegen takes its part when the
    // arm is entered): one inside a value whose type implements Drop takes a part of it whose
    // drop() then read what was already dropped (rustc E0509)
    else if (!borrowedSubject && !viaRef && st.k !== 'ref' && st.k !== 'ptr' && !isPlaceExpr(e.subject)) {
      for (const l of bindingsOf(arm.pattern)) {
        const d = dropPartOf.get(l);
        if (d) cx.error(MSG.E0163.cannotMoveOutOfDrop({ place: l.name, owner: typeName(d) }), l.span, { notes: [NOTE.E0163.noteNewValueBindingTakes(), NOTE.E0163.helpDropOwnerPart()] });
      }
    }
    if (cx.borrowCheck) noteBoundCopies(e.subject, bindingsOf(arm.pattern));
    if (borrowedSubject) for (const l of bindingsOf(arm.pattern)) containerBound.add(l);
    else if (viaRef) for (const l of bindingsOf(arm.pattern)) if (!isCopy(l.type)) refBound.set(l, viaRef);
    if (arm.guard) {
      const g = checkExpr(cx, arm.guard, T.bool);
      if (g.k !== 'bool' && g.k !== 'error') cx.error(MSG.E0103.matchGuardMustBool({ g: fmt(g) }), arm.guard.span);
    }
    let t: Type;
    const b = arm.body;
    if (b.kind === 'return' || b.kind === 'break' || b.kind === 'continue') {
      checkStmt(cx, b as ast.Stmt);
      t = T.never;
    } else {
      const want = valueUsed ? result : noneArm(arm) ? hint ?? sibling : null;
      t = b.kind === 'block' && 'stmts' in b ? checkBlock(cx, b as ast.Block, want) : checkExpr(cx, b as ast.Expr, want);
    }
    if (owner) checkOwnerUsesInArm(cx, arm, e.subject, owner);
    armTypes.push([arm, t]);
    // an arm block that breaks or continues (`1 => { continue; }`) gives no value and needs none
    const leaves = arm.body.kind === 'block' && 'stmts' in arm.body && !(arm.body as ast.Block).tail && blockLeaves(arm.body as ast.Block);
    if (leaves) leavingArms.add(arm);
    if (valueUsed && !result && t.k !== 'never' && !leaves) result = t;
    if (!sibling && t.k === 'enum' && (t.info === OPTION || (t.info === RESULT && t.args.every((a) => a.k !== 'error')))) sibling = t;
    cx.popScope();
    // an arm that breaks or continues leaves too: its moves join at the loop (stmt.ts loopExits)
    return t.k === 'never' || (arm.body.kind === 'block' && 'stmts' in arm.body && blockLeaves(arm.body as ast.Block));
  }
  checkExhaustive(cx, e, subj);
  if (!valueUsed) return armTypes.every(([, t]) => t.k === 'never') && armTypes.length ? T.never : T.unit;
  const rt = result ?? T.never;
  for (const [arm, t] of armTypes) {
    const body = arm.body;
    const tailExpr = body.kind === 'block' && 'stmts' in body ? (body as ast.Block).tail : body.kind === 'return' || body.kind === 'break' || body.kind === 'continue' ? null : (body as ast.Expr);
    if (t.k === 'never' || leavingArms.has(arm)) continue;
    if (tailExpr) coerceExpr(cx, tailExpr, t, rt);
    else if (rt.k !== 'unit' && rt.k !== 'error') cx.error(MSG.E0103.matchArmNoValue({ rt: fmt(rt) }), arm.span);
  }
  return rt;
}

/** The local a field path of plain structs and tuples (`w.e`, `w.p.0`, `b.e` of `b: Box<W>`) is
 *  part of: null through a reference, pointer, union, index or call, and for a local whose address is taken (it
 *  lives in simulated memory: codegen reads a copy of its fields). */
export function fieldPathOwner(e: ast.Expr): LocalInfo | null {
  if (e.kind !== 'member' && e.kind !== 'tuple-index') return null;
  let o: ast.Expr = e;
  while (o.kind === 'member' || o.kind === 'tuple-index') {
    o = o.object;
    if (!ownsFields(exprInfo(o)?.type)) return null;
  }
  if (o.kind !== 'ident' || nameRes(o)?.k !== 'local') return null;
  const l = (nameRes(o) as ResOf<'local'>).local;
  return l.addressTaken || l.type.k === 'ref' || l.type.k === 'ptr' ? null : l;
}

/** Bindings of non-copy parts of the owner's value (an or-pattern's variable is a part in every
 *  alternative: codegen takes it from the alternative that matched). */
function markParts(p: ast.Pattern, owner: LocalInfo): void {
  switch (p.kind) {
    case 'binding':
      if (localOf(p) && !isCopy(localOf(p)!.type)) { localOf(p)!.partOf = owner; localOf(p)!.partOfRevived = owner.revived ?? 0; }
      break;
    case 'variant': for (const a of p.args ?? []) markParts(a, owner); break;
    case 'struct': for (const f of p.fields) if (fieldPattern(f)) markParts(fieldPattern(f)!, owner); break;
    case 'tuple': for (const e of p.elems) markParts(e, owner); break;
    case 'array': for (const e of p.elems) markParts(e, owner); break;
    case 'or': for (const a of p.alts) markParts(a, owner); break;
    default: break;
  }
}

/** An arm that moves a binding out of the matched local takes every by-value binding's part of
 *  it when entered (codegen matchValue: they are the arm's locals, dropped at its end, §3.5): a
 *  use of the local in the arm (not an assignment to it) reaching such a part reads a value no
 *  longer there (rustc: use of partially moved value). */
function checkOwnerUsesInArm(cx: Ctx, arm: ast.MatchArm, subject: ast.Expr, owner: LocalInfo): void {
  const root = subject.kind === 'ident' ? (nameRes(subject) as ResOf<'local'>).local : fieldPath(subject)?.root;
  if (!root) return;
  const base = subject.kind === 'ident' ? [] : fieldPath(subject)!.path.split('.');
  const paths = new Map<LocalInfo, string[]>();
  partPaths(arm.pattern, base, paths);
  const taken = [...paths].filter(([l]) => l.partOf === owner && typeNeedsDrop(cx, l.type));
  if (!taken.some(([l]) => l.movedOut)) return;
  // (a use after the move is moves.ts's use after move)
  const movedAt = Math.min(...taken.map(([l]) => partMovedAt.get(l)?.start ?? Infinity));
  const overlaps = (a: string[], b: string[]) => a.every((x, i) => i >= b.length || b[i] === x);
  // (a use after the local is assigned a new value in the arm reads the new value)
  let assigned = Infinity;
  forEachScope(arm.body, () => true, (o) => {
    const t = o.kind === 'assign' && (o as { op: string }).op === '=' ? (o as unknown as { target: ast.Expr }).target : null;
    if (t && t.kind === 'ident' && nameRes(t)?.k === 'local' && (nameRes(t) as ResOf<'local'>).local === root) assigned = Math.min(assigned, t.span.start);
  });
  let reported = false;
  forEachScope(arm.body, () => true, (o, _at, parent) => {
    if (reported || (o.kind !== 'ident' && o.kind !== 'member' && o.kind !== 'tuple-index')) return;
    const x = o as unknown as ast.Expr;
    if (parent && (parent.kind === 'member' || parent.kind === 'tuple-index') && parent.object === o) return; // not the whole path
    if (parent && parent.kind === 'assign' && parent.target === o) return; // a new value for the place
    // a method call reads its receiver (the path without the method's name)
    const read = parent && parent.kind === 'call' && parent.callee === o && x.kind === 'member' ? x.object : x;
    const fp = read.kind === 'ident' ? (nameRes(read)?.k === 'local' ? { root: (nameRes(read) as ResOf<'local'>).local, path: '' } : null) : fieldPath(read);
    if (!fp || fp.root !== root || x.span.start > assigned || x.span.start >= movedAt) return;
    const path = fp.path ? fp.path.split('.') : [];
    const hit = taken.find(([, p]) => overlaps(path, p));
    if (!hit) return;
    reported = true;
    cx.error(MSG.E0113.usePartiallyMovedValue({ localName: root.name }), x.span, {
      labels: [{ span: hit[0].span, message: NOTE.E0113.labelTakenByArm({ name: hit[0].name, owner: root.name }) }],
      notes: [NOTE.E0113.helpUseArmBindings({ owner: root.name })],
    });
  });
}

/** Each binding's path in the matched value (field names, tuple indices); through a variant, the
 *  enum's own path (its payload is no field path). */
function partPaths(p: ast.Pattern, at: string[], out: Map<LocalInfo, string[]>, inVariant = false): void {
  switch (p.kind) {
    case 'binding': if (localOf(p)) out.set(localOf(p)!, at); break;
    case 'variant': for (const a of p.args ?? []) partPaths(a, at, out, true); break;
    case 'struct': for (const f of p.fields) if (fieldPattern(f)) partPaths(fieldPattern(f)!, inVariant ? at : [...at, f.name], out, inVariant); break;
    case 'tuple': p.elems.forEach((e, i) => partPaths(e, inVariant ? at : [...at, String(i)], out, inVariant)); break;
    case 'array': for (const e of p.elems) partPaths(e, at, out, true); break;
    case 'or': for (const a of p.alts) partPaths(a, at, out, inVariant); break;
    default: break;
  }
}

function bindingsOf(p: ast.Pattern, out: LocalInfo[] = []): LocalInfo[] {
  switch (p.kind) {
    case 'binding': if (localOf(p)) out.push(localOf(p)!); break;
    case 'variant': for (const a of p.args ?? []) bindingsOf(a, out); break;
    case 'struct': for (const f of p.fields) if (fieldPattern(f)) bindingsOf(fieldPattern(f)!, out); break;
    case 'tuple': for (const e of p.elems) bindingsOf(e, out); break;
    case 'array': for (const e of p.elems) bindingsOf(e, out); break;
    case 'or': for (const a of p.alts) bindingsOf(a, out); break;
    default: break;
  }
  return out;
}

function variantOf(cx: Ctx, path: string[], subj: Type, file: string): { info: EnumInfo; index: number; args: Type[] } | null {
  if (path.length === 1) {
    const n = path[0];
    const own = bareVariant(cx, n, subj, file);
    if (own && 'missing' in own) return null;
    if (own && own.info.decl !== null) return { info: own.info, index: own.index, args: subj.k === 'enum' && subj.info === own.info ? subj.args : own.info.generics.map(() => T.error) };
    if (n === 'Some' || n === 'None') return { info: OPTION, index: n === 'Some' ? 0 : 1, args: subj.k === 'enum' && subj.info === OPTION ? subj.args : [T.error] };
    if (n === 'Ok' || n === 'Err') return { info: RESULT, index: n === 'Ok' ? 0 : 1, args: subj.k === 'enum' && subj.info === RESULT ? subj.args : [T.error, T.error] };
    if (subj.k === 'enum') {
      const i = subj.info.variants.findIndex((v) => v.name === n);
      if (i >= 0) return { info: subj.info, index: i, args: subj.args };
    }
    return null;
  }
  const [en, vn] = path;
  const info = cx.enums.get(en) ?? (en === 'Option' ? OPTION : en === 'Result' ? RESULT : undefined);
  if (!info) return null;
  const i = info.variants.findIndex((v) => v.name === vn);
  if (i < 0) return null;
  return { info, index: i, args: subj.k === 'enum' && subj.info === info ? subj.args : info.generics.map(() => T.error) };
}

export function checkPattern(cx: Ctx, p: ast.Pattern, t: Type): void {
  switch (p.kind) {
    case 'wild': return;
    case 'literal': {
      const lt = checkExpr(cx, p.value, isNumeric(t) || t.k === 'bool' || t.k === 'str' ? t : null);
      if (t.k === 'error' || lt.k === 'error') return;
      if (!assignable(lt, t) && !(isNumeric(lt) && isNumeric(t) && joinNumeric(lt, t))) {
        cx.error(MSG.E0116.mismatchedTypesPatternType({ lt: fmt(lt), t: fmt(t) }), p.span);
      }
      return;
    }
    case 'binding': {
      // A bare identifier naming a unit variant of the matched enum (or None) is that variant.
      const v = t.k === 'enum' ? t.info.variants.findIndex((x) => x.name === p.name && x.fields.length === 0) : -1;
      if (v >= 0) {
        setBindingVariant(p, { enumType: t, variant: v });
        return;
      }
      if (p.name === 'None') {
        if (t.k !== 'error') cx.error(MSG.E0116.mismatchedTypesNoneCannot({ t: fmt(t) }), p.span);
        return;
      }
      const l = cx.newLocal(p.name, t, false, p.span);
      l.needsDrop = typeNeedsDrop(cx, t);
      cx.declare(l);
      setLocalOf(p, l);
      return;
    }
    case 'variant': {
      const v = variantOf(cx, p.path, t, p.span.file);
      if (!v) {
        if (t.k !== 'error') cx.error(MSG.E0116.noVariant({ path: p.path.join('.'), t: fmt(t) }), p.span, t.k === 'enum' ? { notes: [NOTE.E0116.noteVariants({ variants: t.info.variants.map((x) => '`' + x.name + '`').join(', ') })] } : {});
        for (const a of p.args ?? []) checkPattern(cx, a, T.error);
        return;
      }
      if (t.k === 'int' && t.name === 'i32' && v.info.variants[v.index].fields.length === 0 && !p.args?.length) {
        // chapter 2 §7.4: a unit variant against an `i32` is its index (with the conversion warning)
        cx.warn(MSG.W0111.implicitConversionI322({ infoName: v.info.name }), p.span, { notes: [NOTE.W0111.helpWriteIndexMatch({ index: v.index, infoName: v.info.name })] });
        const value: ast.Expr = { kind: 'int', span: p.span, value: BigInt(v.index), suffix: null, raw: String(v.index) };
        const lit: ast.Pattern = { kind: 'literal', span: p.span, value };
        setPatternAs(p, lit);
        checkPattern(cx, lit, t);
        return;
      }
      if (t.k !== 'error' && !(t.k === 'enum' && t.info === v.info)) {
        cx.error(MSG.E0116.mismatchedTypesPatternMatched({ path: p.path.join('.'), infoName: v.info.name, t: fmt(t) }), p.span);
      }
      setResolvedOf(p, { enumType: { k: 'enum', info: v.info, args: v.args } as Type, variant: v.index });
      const fields = v.info.variants[v.index].fields;
      const env = new Map<string, Type>();
      v.info.generics.forEach((g, i) => env.set(`${v.info.name}.${g}`, v.args[i] ?? T.error));
      const args = p.args ?? [];
      if (args.length !== fields.length && !(p.args === null && fields.length === 0)) {
        cx.error(MSG.E0116.variantFieldPatternGives({ infoName: v.info.name, variantsName: v.info.variants[v.index].name, fieldsLength: fields.length, choice: fields.length === 1 ? '' : 's', argsLength: args.length }), p.span);
      }
      args.forEach((a, i) => checkPattern(cx, a, fields[i] ? subst(fields[i], env) : T.error));
      return;
    }
    case 'struct': {
      const s = derefAll(t);
      if (s.k !== 'struct' || s.info.name !== p.name) {
        if (t.k !== 'error') cx.error(MSG.E0116.mismatchedTypesStructPattern({ pName: p.name, t: fmt(t) }), p.span);
        for (const f of p.fields) if (fieldPattern(f)) checkPattern(cx, fieldPattern(f)!, T.error);
        return;
      }
      const env = structArgsEnv(s);
      for (const f of p.fields) {
        const fd = fieldNamed(s.info.fields, f.name);
        if (!fd) cx.error(MSG.E0107.structNoField({ infoName: p.name, fName: f.name }), f.span);
        const ft = fd ? subst(fd.type, env) : T.error;
        // Shorthand `{ x }` stands for `{ x: x }`: the binding node lives in the tables (fieldPattern).
        if (!fieldPattern(f)) setShorthand(f, { kind: 'binding', span: f.span, name: f.name });
        checkPattern(cx, fieldPattern(f)!, ft);
      }
      // its non-copy bindings are parts its drop() reads: they may not be moved out (moves.ts)
      if (s.info.implsDrop) {
        const inner = new Map<string, LocalInfo>();
        for (const f of p.fields) if (fieldPattern(f)) bindingLocals(fieldPattern(f)!, inner);
        for (const l of inner.values()) if (!isCopy(l.type) && !dropPartOf.has(l)) dropPartOf.set(l, s);
      }
      return;
    }
    case 'tuple': {
      if (t.k !== 'tuple' || t.elems.length !== p.elems.length) {
        if (t.k !== 'error') cx.error(MSG.E0116.mismatchedTypesTuplePattern({ elemsLength: p.elems.length, t: fmt(t) }), p.span);
        for (const x of p.elems) checkPattern(cx, x, T.error);
        return;
      }
      p.elems.forEach((x, i) => checkPattern(cx, x, t.elems[i]));
      return;
    }
    case 'array': {
      const el = t.k === 'array' || t.k === 'slice' ? t.elem : t.k === 'builtin' && t.name === 'Vec' ? t.args[0] : null;
      if (!el) {
        if (t.k !== 'error') cx.error(MSG.E0116.mismatchedTypesArrayPattern({ t: fmt(t) }), p.span);
        for (const x of p.elems) checkPattern(cx, x, T.error);
        return;
      }
      if (t.k === 'array' && (p.rest ? p.elems.length > t.len : p.elems.length !== t.len)) {
        cx.error(MSG.E0116.patternElementsButArray({ elemsLength: p.elems.length, len: t.len }), p.span);
      }
      for (const x of p.elems) checkPattern(cx, x, el);
      // Covers every value when all elements bind and the shape fits any length of this type.
      const fits = t.k === 'array' ? (p.rest ? p.elems.length <= t.len : p.elems.length === t.len) : !!p.rest && p.elems.length === 0;
      if (fits && p.elems.every(irrefutable)) fullArrayPatterns.add(p);
      if (p.rest?.name) {
        const l = cx.newLocal(p.rest.name, { k: 'slice', elem: el, mut: false }, false, p.rest.span);
        cx.declare(l);
        setLocalOf(p.rest, l);
      }
      return;
    }
    case 'or': {
      // Every alternative must bind the same names (the arm body uses them whichever matched).
      p.alts.forEach((a) => checkPattern(cx, a, t));
      const sets = p.alts.map((a) => boundNames(a));
      const all = new Set(sets.flatMap((x) => [...x]));
      for (const n of all) {
        const i = sets.findIndex((x) => !x.has(n));
        if (i >= 0) cx.error(MSG.E0116.variableNotBoundAll({ n }), p.alts[i].span, { notes: [NOTE.E0116.helpBindSameNames()] });
      }
      // one variable per name, whichever alternative matched: the first alternative's
      const first = new Map<string, LocalInfo>();
      bindingLocals(p.alts[0], first);
      for (const a of p.alts.slice(1)) {
        const here = new Map<string, LocalInfo>();
        bindingLocals(a, here, (b) => {
          const l = first.get(b.name);
          if (!l || !localOf(b)) return;
          if (typeName(localOf(b)!.type) !== typeName(l.type) && localOf(b)!.type.k !== 'error' && l.type.k !== 'error') {
            cx.error(MSG.E0103.firstAlternativeHere({ bName: b.name, lType: fmt(l.type), localType: fmt(localOf(b)!.type) }), b.span);
          }
          setLocalOf(b, l);
        });
      }
      for (const l of first.values()) cx.declare(l);
      return;
    }
  }
}

/** The locals a pattern binds, by name; `each` sees every binding node. */
function bindingLocals(p: ast.Pattern, out: Map<string, LocalInfo>, each?: (b: Extract<ast.Pattern, { kind: 'binding' }>) => void): void {
  switch (p.kind) {
    case 'binding': if (!bindingVariant(p) && localOf(p)) { out.set(p.name, localOf(p)!); each?.(p); } break;
    case 'variant': for (const a of p.args ?? []) bindingLocals(a, out, each); break;
    case 'struct': for (const f of p.fields) if (fieldPattern(f)) bindingLocals(fieldPattern(f)!, out, each); break;
    case 'tuple': for (const e of p.elems) bindingLocals(e, out, each); break;
    case 'array': for (const e of p.elems) bindingLocals(e, out, each); break;
    case 'or': for (const a of p.alts) bindingLocals(a, out, each); break;
    default: break;
  }
}

function boundNames(p: ast.Pattern, out = new Set<string>()): Set<string> {
  switch (p.kind) {
    case 'binding': if (!bindingVariant(p)) out.add(p.name); break;
    case 'variant': for (const a of p.args ?? []) boundNames(a, out); break;
    case 'struct': for (const f of p.fields) if (fieldPattern(f)) boundNames(fieldPattern(f)!, out); break;
    case 'tuple': for (const e of p.elems) boundNames(e, out); break;
    case 'array': for (const e of p.elems) boundNames(e, out); if (p.rest?.name) out.add(p.rest.name); break;
    case 'or': if (p.alts[0]) boundNames(p.alts[0], out); break;
  }
  return out;
}

// ------------------------------------------------------------------ exhaustiveness

/** Array patterns that match every value of the matched type (decided when it is known). */
const fullArrayPatterns = checkSet<ast.Pattern>();

function irrefutable(p: ast.Pattern): boolean {
  switch (p.kind) {
    case 'wild': return true;
    case 'binding': return !bindingVariant(p);
    case 'tuple': return p.elems.every(irrefutable);
    case 'struct': return p.fields.every((f) => !fieldPattern(f) || irrefutable(fieldPattern(f)!));
    case 'or': return p.alts.some(irrefutable);
    case 'array': return fullArrayPatterns.has(p);
    default: return false;
  }
}

/** Variant indices fully covered by a pattern (all payload sub-patterns irrefutable). */
function coveredVariants(p: ast.Pattern, out: Set<number>): void {
  if (p.kind === 'or') { p.alts.forEach((a) => coveredVariants(a, out)); return; }
  if (p.kind === 'binding' && bindingVariant(p)) { out.add((bindingVariant(p) as { variant: number }).variant); return; }
  if (p.kind === 'variant' && resolvedOf(p) && (p.args ?? []).every(irrefutable)) out.add((resolvedOf(p) as { variant: number }).variant);
}

function boolsCovered(p: ast.Pattern, out: Set<boolean>): void {
  if (p.kind === 'or') { p.alts.forEach((a) => boolsCovered(a, out)); return; }
  if (p.kind === 'literal' && p.value.kind === 'bool') out.add(p.value.value);
}

/** Arms after a catch-all, and enum arms for variants already fully covered, can never run. */
function checkReachable(cx: Ctx, e: ast.ExprOf<'match'>): void {
  const covered = new Set<number>();
  let all = false;
  for (const arm of e.arms) {
    const mine = new Set<number>();
    coveredVariants(arm.pattern, mine);
    const dead = all || (mine.size > 0 && [...mine].every((v) => covered.has(v)) && arm.pattern.kind !== 'binding');
    if (dead) {
      cx.warn(MSG.W0102.unreachableMatchArm(), arm.pattern.span, { notes: [all ? NOTE.W0102.noteEarlierArmMatches() : NOTE.W0102.noteEarlierArmsAlready()] });
      continue;
    }
    if (!arm.guard) {
      if (irrefutable(arm.pattern)) all = true;
      for (const v of mine) covered.add(v);
    }
  }
}

function checkExhaustive(cx: Ctx, e: ast.ExprOf<'match'>, t: Type): void {
  if (t.k === 'error' || t.k === 'never') return;
  checkReachable(cx, e);
  const arms = e.arms.filter((a) => !a.guard);
  if (arms.some((a) => irrefutable(a.pattern))) return;
  const notCovered = (what: string) => cx.error(MSG.E0115.notCovered({ what }), e.subject.span, {
    labels: [{ span: e.span, message: NOTE.E0115.labelMatchOnType({ t: fmt(t) }) }],
    notes: [NOTE.E0115.helpAddMissingArms()],
  });
  if (t.k === 'enum') {
    // Variants with no arm at all are listed together; otherwise nested patterns decide.
    const mentioned = new Set<number>();
    for (const a of arms) mentionedVariants(a.pattern, mentioned);
    const missing = t.info.variants.map((v, i) => ({ v, i })).filter(({ i }) => !mentioned.has(i));
    if (!missing.length) {
      const w = missingPattern(arms.map((a) => a.pattern), t, irrefutable);
      if (w === UNDECIDED) undecidedMatches.add(e);
      else if (w) notCovered('`' + w + '`');
      return;
    }
    {
      const show = (v: { name: string; fields: Type[] }) => {
        const prelude = t.info === OPTION || t.info === RESULT;
        const base = prelude ? v.name : `${t.info.name}.${v.name}`;
        return '`' + base + (v.fields.length ? `(${v.fields.map(() => '_').join(', ')})` : '') + '`';
      };
      notCovered(missing.map(({ v }) => show(v)).join(', '));
    }
    return;
  }
  if (t.k === 'bool') {
    const c = new Set<boolean>();
    for (const a of arms) boolsCovered(a.pattern, c);
    if (!c.has(true)) notCovered('`true`');
    else if (!c.has(false)) notCovered('`false`');
    return;
  }
  if (t.k === 'slice' || (t.k === 'builtin' && t.name === 'Vec')) {
    const w = missingLength(arms.map((a) => a.pattern));
    if (w) notCovered('`' + w + '`');
    return;
  }
  const w = missingPattern(arms.map((a) => a.pattern), t, irrefutable);
  if (w === UNDECIDED) undecidedMatches.add(e);
  else if (w) notCovered('`' + w + '`');
}

/** Slices and Vecs have any length: `[]`, `[x]` and `[x, y, ...rest]` together cover every
 *  length when each element pattern binds anything. The first length left uncovered, as a
 *  pattern (`[_, _]`, or `[_, _, ...]` when no arm takes that many or more), else null. */
function missingLength(pats: ast.Pattern[]): string | null {
  const exact = new Set<number>();
  let atLeast = Infinity;
  const visit = (p: ast.Pattern) => {
    if (p.kind === 'or') { p.alts.forEach(visit); return; }
    if (p.kind !== 'array' || !p.elems.every(irrefutable)) return;
    if (p.rest) atLeast = Math.min(atLeast, p.elems.length);
    else exact.add(p.elems.length);
  };
  pats.forEach(visit);
  let n = 0;
  while (exact.has(n) && n < atLeast) n++;
  if (n >= atLeast) return null;
  const elems = Array(n).fill('_');
  const longerAllMissing = atLeast === Infinity && ![...exact].some((k) => k > n);
  return `[${(longerAllMissing ? [...elems, '...'] : elems).join(', ')}]`;
}

/** Variant indices a pattern names at its top level, whatever its payload patterns. */
function mentionedVariants(p: ast.Pattern, out: Set<number>): void {
  if (p.kind === 'or') { p.alts.forEach((a) => mentionedVariants(a, out)); return; }
  if (p.kind === 'binding' && bindingVariant(p)) out.add((bindingVariant(p) as { variant: number }).variant);
  if (p.kind === 'variant' && resolvedOf(p)) out.add((resolvedOf(p) as { variant: number }).variant);
}

export { typeName };

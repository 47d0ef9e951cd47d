// Use-after-move (§3.5): structs, data enums, String, Vec, Map, Set, Box and arrays/tuples of
// those move when used by value (let, assignment, by-value argument or receiver, field or element
// of a literal, return); copies (primitives, str, references, pointers, unit enums, Gc/Channel
// handles) do not. Flow: branches are checked from the same starting state and joined — a value
// moved on any path that reaches the join counts as moved; paths that return/break do not reach it.
// Assigning a new value to the binding makes it usable again. Closures capture by reference, so a
// move inside a closure body is not tracked (uses inside still see earlier moves).
import type * as ast from '../syntax/ast';
import type { Span } from '../span';
import type { LocalInfo } from './typed';
import type { Ctx } from './context';
import { isCopy, hasAnyParam } from './infer';
import { typeName, type Type } from './types';
import { unboxAll } from './methods';
import { typeNeedsDrop } from './stmt';
import { notClone } from './clone-check';
import { MSG, NOTE } from '../msg';
import { noteParamCopy } from './copy-needs';
import { type ResOf, type TargetOf, callTarget, exprInfo, nameRes, setExprInfo, checkMap, checkSet, checkedCall } from './tables';

export type MoveSet = Map<LocalInfo, Span>;

/** Operands a comparison only lends to its operator method (operators.ts `cmpArg`): never moved. */
export const lentOperands = new WeakSet<ast.Expr>();

/** Operands an operator method takes by value (`a + b` with `op+(o: P)`), by their span: the
 *  operator call moved them, which E0113 says (the operator itself names no call). */
export const operatorMoves = new WeakMap<Span, string>();

/** Where a match binding that is a part of an owned local (partOf) was first moved out. */
export const partMovedAt = new WeakMap<LocalInfo, Span>();
/** A match binding bound inside a struct pattern of a type implementing Drop (`Some(W { d })`):
 *  that type. Moving it out would take a part that W's drop() still reads (rustc E0509). */
export const dropPartOf = new WeakMap<LocalInfo, Type>();

/** The type implementing Drop that a field path passes through (`w.pair.0` of a `W impl Drop`),
 *  or null: a part of such a value cannot be moved out. */
function dropOwnerOnPath(e: ast.Expr): Type | null {
  for (let o: ast.Expr = e; o.kind === 'member' || o.kind === 'tuple-index'; o = o.object) {
    // (a field of a boxed struct is the struct's: `b.g` of a Box<W>, at any depth)
    const t = o.kind === 'member' && exprInfo(o.object)?.type ? unboxAll(exprInfo(o.object)!.type) : exprInfo(o.object)?.type;
    if (t?.k === 'struct' && t.info.implsDrop) return t;
  }
  return null;
}

/** Mark a by-value use of a non-copy local as a move. */
export function consume(cx: Ctx, e: ast.Expr): void {
  if (lentOperands.has(e)) return;
  // `++a` (an `op++` type) gives a's new value, which a keeps: taken by value it would have two
  // owners (`let b = ++a;` made b and a one object, dropped twice)
  if (e.kind === 'unary' && (e.op === '++' || e.op === '--') && exprInfo(e)?.type && !isCopy(exprInfo(e)!.type)) {
    const place = placeText(e.operand) ?? 'a';
    cx.error(MSG.E0163.cannotMoveStepped({ op: e.op, place, t: typeName(exprInfo(e)!.type) }), e.span, { notes: [NOTE.E0163.helpStepThenUse({ op: e.op, place })] });
    return;
  }
  // a match, if or block used by value hands over the value of whichever arm runs: its tail moves
  if (e.kind === 'match') { for (const arm of e.arms) consumeArm(cx, arm.body); return; }
  if (e.kind === 'if') { for (const br of e.branches) consumeTail(cx, br.body); consumeTail(cx, e.else); return; }
  if (e.kind === 'block') { consumeTail(cx, e.block); return; }
  // `let x = q.unwrap()`: the payload moves out of an owned Option/Result, which moves with it
  // (else q's drop frees x's value a second time); a read (`q.unwrap().n`) stays a view
  // (a payload of a type parameter moves as `T` does in a generic body: it may be a struct)
  const unwrapped = unwrapOfOwned(e);
  if (unwrapped && exprInfo(e)?.type && movesOut(exprInfo(e)!.type)) { consume(cx, unwrapped); return; }
  // a value of a type parameter taken from anywhere but an owned local: a copy (copy-needs.ts)
  if (exprInfo(e)?.type && !ownedLocal(cx, e) && copiedPlace(e) && noteParamCopy(cx, exprInfo(e)!.type, e.span, 'out', elementText(e) ?? placeText(e))) return;
  // an element the container keeps owning (`v.get(i)`, `v[i]`, `m.get(k)`, `v.first()`): taking
  // it by value would give it a second owner, and a type that needs drop would be dropped twice
  if (exprInfo(e)?.type && !isCopy(exprInfo(e)!.type) && containerPart(e) && typeNeedsDrop(cx, exprInfo(e)!.type)) {
    cx.error(MSG.E0163.cannotMoveValueOut({ infoType: typeName(exprInfo(e)!.type) }), e.span, {
      notes: [NOTE.E0163.helpBorrowVI()],
    });
    return;
  }
  // any other value that moves (a struct, String, Vec…): the element and the taken value would be
  // one object under two owners, so a change through either shows in the other (rustc E0507).
  // A temporary container (`make()[0]`) gives the element up instead (codegen moves it out).
  if (exprInfo(e)?.type && !copyLike(exprInfo(e)!.type) && containerPart(e) && !temporaryContainer(e)) {
    moveOutOfContainer(cx, e, exprInfo(e)!.type);
    return;
  }
  // `*b` used by value moves the content out of an owned Box: codegen frees the box's block there
  // and the box's drop no longer reaches the content (its new owner drops it, exactly once)
  if (e.kind === 'deref') {
    const ot = exprInfo(e.operand)?.type;
    if (ot?.k === 'ref' && exprInfo(e)?.type && !isCopy(exprInfo(e)!.type)) { moveOutOfRef(cx, e, ot.mut, e.operand); return; }
    if (ot?.k === 'builtin' && ot.name === 'Box' && exprInfo(e)?.type && !isCopy(exprInfo(e)!.type)) setExprInfo(e, { ...exprInfo(e)!, moves: true });
    return;
  }
  // a field or tuple element of an owned local moved by value: codegen leaves MOVED_OUT in its
  // place, so the owner's drop (and a later assignment to the field) does not drop it again
  if (e.kind === 'member' || e.kind === 'tuple-index') {
    if (exprInfo(e)?.type && !isCopy(exprInfo(e)!.type) && ownedPath(e)) {
      // a part of a binding of a container element (`|x| x.name` given to map): still the Vec's
      const bound = fieldPath(e)?.root;
      if (bound && containerBound.has(bound) && !copyLike(exprInfo(e)!.type)) {
        cx.error(MSG.E0163.cannotMoveSPart2({ boundName: bound.name, ownedWhy: ownedWhy(cx, exprInfo(e)!.type) }), e.span, {
          notes: [NOTE.E0163.helpUseReferenceClone()],
        });
        return;
      }
      // a part of a value whose type implements Drop stays its: that drop() reads it (rustc E0509)
      const dropper = dropOwnerOnPath(e);
      if (dropper) {
        cx.error(MSG.E0163.cannotMoveOutOfDrop({ place: placeText(e) ?? 'the part', owner: typeName(dropper) }), e.span, { notes: [NOTE.E0163.helpDropOwnerPart()] });
        return;
      }
      setExprInfo(e, { ...exprInfo(e)!, moves: true });
      // the field is gone until it is assigned again: a second read is a use after move
      const fp = fieldPath(e);
      if (fp && cx.level === 0) cx.moved.set(fieldKey(fp.root, fp.path), e.span);
    } else if (exprInfo(e)?.type && !isCopy(exprInfo(e)!.type)) {
      const via = behindRef(e);
      if (via) moveOutOfRef(cx, e, via.mut, via.ref);
    }
    return;
  }
  if (e.kind !== 'ident' || nameRes(e)?.k !== 'local') return;
  const t = exprInfo(e)?.type;
  if (!t || isCopy(t) || !cx.fn) return;
  if (containerBound.has((nameRes(e) as ResOf<'local'>).local) && !copyLike(t)) {
    cx.error(MSG.E0163.cannotMoveOutBound2({ localName: (nameRes(e) as ResOf<'local'>).local.name, ownedWhy: ownedWhy(cx, t) }), e.span, {
      notes: [NOTE.E0163.helpUseReferenceClone2({ localName: (nameRes(e) as ResOf<'local'>).local.name })],
    });
    return;
  }
  const viaRef = refBound.get((nameRes(e) as ResOf<'local'>).local);
  if (viaRef) {
    const name = (nameRes(e) as ResOf<'local'>).local.name, subj = placeText(viaRef.subject), kind = viaRef.mut ? 'mutable' : 'shared';
    cx.error(MSG.E0175.cannotMoveOutWhich({ subj, kind }), e.span, {
      labels: [
        { span: viaRef.subject.span, message: NOTE.E0175.labelReachedThroughReference({ subj, ref: placeText(viaRef.ref), kind }) },
        { span: (nameRes(e) as ResOf<'local'>).local.span, message: NOTE.E0175.labelBoundToPart({ name, subj }) },
      ],
      notes: [
        NOTE.E0175.noteMoveOccursBecause({ name, t: typeName(t) }),
        NOTE.E0175.helpCloneCloneGet({ name }),
      ],
    });
    return;
  }
  if (cx.level > 0 && capturedByClosureValue(cx, (nameRes(e) as ResOf<'local'>).local) && !copyLike(t)) {
    const why = typeNeedsDrop(cx, t) ? 'needs drop' : 'is moved, not copied';
    cx.error(MSG.E0163.cannotMoveOutClosure2({ localName: (nameRes(e) as ResOf<'local'>).local.name, t: typeName(t), why }), e.span, {
      notes: [NOTE.E0163.helpCloneClonePass({ localName: (nameRes(e) as ResOf<'local'>).local.name })],
    });
    return;
  }
  // a match binding of a part of a value whose type implements Drop (`W { pair } => take(pair)`)
  // (also one bound deeper inside such a value: `Some(W { d }) => take(d)` of an Option<W>)
  const bound = (nameRes(e) as ResOf<'local'>).local, owner = bound.partOf;
  const dropper = owner && owner.type.k === 'struct' && owner.type.info.implsDrop ? owner.type : dropPartOf.get(bound);
  if (dropper) {
    cx.error(MSG.E0163.cannotMoveOutOfDrop({ place: bound.name, owner: typeName(dropper) }), e.span, { notes: [NOTE.E0163.helpDropOwnerPart()] });
    return;
  }
  setExprInfo(e, { ...exprInfo(e)!, moves: true });
  if (cx.level === 0) {
    const l = (nameRes(e) as ResOf<'local'>).local;
    cx.moved.set(l, e.span);
    l.movedOut = true;
    // a match binding moved out moves that part out of its owner: the owner is not whole any more
    if (l.partOf && (l.partOf.revived ?? 0) === (l.partOfRevived ?? 0)) cx.moved.set(l.partOf, e.span);
    if (l.partOf && !partMovedAt.has(l)) partMovedAt.set(l, e.span);
  }
}

/** The reference a field path (`self.name`, `r.0.a`) is reached through, if any: the nearest
 *  `&T`/`&T!` on the path. A raw pointer or a Box on the path is not a reference (null). */
function behindRef(e: ast.Expr): { ref: ast.Expr; mut: boolean } | null {
  let o: ast.Expr = e;
  while (o.kind === 'member' || o.kind === 'tuple-index') {
    o = o.object;
    const t = exprInfo(o)?.type;
    if (t?.k === 'ref') return { ref: o, mut: t.mut };
    if (!t || (t.k !== 'struct' && t.k !== 'tuple')) return null;
  }
  return null;
}

/** Source-like text of a place (`self.name`, `p.0`, `*r`) for messages. */
export function placeText(e: ast.Expr): string {
  if (e.kind === 'ident') return e.name;
  if (e.kind === 'member') return `${placeText(e.object)}.${e.name}`;
  if (e.kind === 'tuple-index') return `${placeText(e.object)}.${e.index}`;
  if (e.kind === 'deref') return `*${placeText(e.operand)}`;
  return 'the value';
}

/** E0175 (rustc E0507): a non-Copy value taken by value out of a place reached through a
 *  reference. The reference does not own it, so the value would get a second owner while its
 *  real owner still drops it (and a temporary receiver could never be dropped safely). */
function moveOutOfRef(cx: Ctx, e: ast.Expr, mut: boolean, ref: ast.Expr): void {
  const what = placeText(e), kind = mut ? 'mutable' : 'shared';
  const t = exprInfo(e)!.type;
  const labels = [{ span: ref.span, message: NOTE.E0175.labelIsReference({ ref: placeText(ref), kind, t: typeName(exprInfo(ref)!.type) }) }];
  const borrowed = e.kind === 'deref' ? placeText(e.operand) : `&${what}`;
  cx.error(MSG.E0175.cannotMoveOutWhich({ subj: what, kind }), e.span, {
    labels,
    notes: [
      NOTE.E0175.noteMoveOccursBecause({ name: what, t: typeName(t) }),
      NOTE.E0175.helpCloneCloneGet2({ choice: e.kind === 'deref' ? `(${what})` : what, borrowed }),
    ],
  });
}

/** Option/Result methods that take their receiver by value and hand out its content. */
const UNWRAP_FAMILY = new Set(['unwrap', 'expect', 'unwrap_or', 'unwrap_or_else', 'unwrap_err', 'unwrap_or_default']);
/** `self.opt.unwrap()` / `r.unwrap()` with `r: &Option<String>`: the content would be moved out of
 *  a place only reached through a reference (E0175), as with a field. */
export function unwrapOutOfRef(cx: Ctx, recv: ast.Expr, method: string, result: Type): void {
  if (!UNWRAP_FAMILY.has(method) || isCopy(result) || result.k === 'error') return;
  const t = exprInfo(recv)?.type;
  let via: { ref: ast.Expr; mut: boolean } | null = null;
  if (t?.k === 'ref') via = { ref: recv, mut: t.mut };
  else if (recv.kind === 'member' || recv.kind === 'tuple-index') via = behindRef(recv);
  else if (recv.kind === 'deref' && exprInfo(recv.operand)?.type?.k === 'ref') via = { ref: recv.operand, mut: (exprInfo(recv.operand)!.type as { mut: boolean }).mut };
  if (!via) return;
  const what = placeText(recv), kind = via.mut ? 'mutable' : 'shared';
  cx.error(MSG.E0175.cannotMoveOutWhich({ subj: what, kind }), recv.span, {
    labels: [
      { span: via.ref.span, message: NOTE.E0175.labelIsReference({ ref: placeText(via.ref), kind, t: typeName(exprInfo(via.ref)!.type) }) },
    ],
    notes: [
      NOTE.E0175.noteTakesValueHands({ method, what, result: typeName(result) }),
      NOTE.E0175.helpCloneFirstClone({ what, method }),
    ],
  });
}

/** Match bindings of a value behind a reference (`match self.kind { A(s) => … }` with `self: &T`):
 *  moving one moves out of the reference (E0175). The reference they were reached through. */
export const refBound = new WeakMap<LocalInfo, { ref: ast.Expr; mut: boolean; subject: ast.Expr }>();
/** The reference a match subject is reached through, if any. */
export function subjectBehindRef(e: ast.Expr): { ref: ast.Expr; mut: boolean; subject: ast.Expr } | null {
  const t = exprInfo(e)?.type;
  if (t?.k === 'ref') return { ref: e, mut: t.mut, subject: e };
  const via = e.kind === 'member' || e.kind === 'tuple-index' ? behindRef(e)
    : e.kind === 'deref' && exprInfo(e.operand)?.type?.k === 'ref' ? { ref: e.operand, mut: (exprInfo(e.operand)!.type as { mut: boolean }).mut } : null;
  return via && { ...via, subject: e };
}

/** A value whose fields are its own parts: a struct (not a union) or tuple, or a Box of one (a
 *  Box's field is reached through the Box that owns it: `b.e` of `b: Box<W>`). */
export function ownsFields(t: Type | undefined): boolean {
  let inner = t;
  while (inner?.k === 'builtin' && inner.name === 'Box') inner = inner.args[0]; // (every level: `bb.g` of a Box<Box<S>>)
  return !!inner && ((inner.k === 'struct' && !inner.info.isUnion) || inner.k === 'tuple');
}

/** `a.b.0.c` rooted at a local that owns its value or at a temporary (`mk().a`: the rest of the
 *  temporary is dropped with its statement) — a struct/tuple path (or through a Box), no reference. */
function ownedPath(e: ast.Expr): boolean {
  let o: ast.Expr = e;
  while (o.kind === 'member' || o.kind === 'tuple-index') {
    o = o.object;
    if (!ownsFields(exprInfo(o)?.type)) return false;
  }
  if (o.kind === 'ident') return nameRes(o)?.k === 'local';
  return o.kind === 'call' || o.kind === 'struct-lit' || o.kind === 'tuple';
}

/** Is l declared outside a closure expression (a callable value, not a `go`/async block) that
 *  the current code is in? */
function capturedByClosureValue(cx: Ctx, l: LocalInfo): boolean {
  for (let i = cx.closureStack.length - 1; i >= 0; i--) {
    const c = cx.closureStack[i];
    if (c.locals.includes(l) || c.params.includes(l)) return false;
    if (cx.closureValues.has(c)) return true;
  }
  return false;
}

/** Match bindings of a part of a container element (`match v.first() { Some(x) => … }`). */
export const containerBound = new WeakSet<LocalInfo>();

/** Vec methods that call their function argument with the elements (chapter 2 §5.2), and which
 *  of that function's parameters receive one: they are handed the Vec's own elements, which the
 *  Vec keeps owning (a temporary Vec too: `filter` decides which of them the result takes). */
const ELEMENT_ADAPTORS: Record<string, { arg: number; params: number[] }> = {
  find: { arg: 0, params: [0] }, any: { arg: 0, params: [0] }, all: { arg: 0, params: [0] },
  map: { arg: 0, params: [0] }, filter: { arg: 0, params: [0] }, forEach: { arg: 0, params: [0] },
  for_each: { arg: 0, params: [0] }, reduce: { arg: 1, params: [1] }, fold: { arg: 1, params: [1] },
  sort_by: { arg: 0, params: [0, 1] }, and_then: { arg: 0, params: [0] }, map_err: { arg: 0, params: [0] },
};
/** Closure literals given to a builtin method that only calls them during the call (an element
 *  adaptor, Option/Result map...): they cannot outlive their frame (codegen charges nothing for
 *  the arrays they capture; see the runtime helper `env`). */
export const lentClosures = checkSet<ast.Expr>();
const LENDING = new Set(['Vec.find', 'Vec.any', 'Vec.all', 'Vec.map', 'Vec.filter', 'Vec.forEach', 'Vec.for_each',
  'Vec.reduce', 'Vec.fold', 'Vec.sort_by', 'Option.map', 'Option.and_then', 'Option.or_else', 'Option.unwrap_or_else',
  'Option.filter', 'Result.map', 'Result.and_then', 'Result.unwrap_or_else', 'Result.map_err']);
/** `owner.method` runs a closure it is given as argument `index` during the call only (it keeps
 *  no copy). Not reduce/fold's initial accumulator: the call may give that value back. */
export const lendsArg = (owner: string, method: string, index: number): boolean =>
  LENDING.has(`${owner}.${method}`) && !(index === 0 && (method === 'reduce' || method === 'fold'));
export function noteLentClosures(call: ast.ExprOf<'call'>, owner: string, method: string): void {
  if (!LENDING.has(`${owner}.${method}`)) return;
  call.args.forEach((a, i) => { if (a.kind === 'closure' && lendsArg(owner, method, i)) lentClosures.add(a); });
  // `reduce`/`fold`'s accumulator is not handed in place: it is the closure's own (the initial
  // value or the previous call's result), dropped unless moved on
  const f = call.args[1];
  if ((method === 'reduce' || method === 'fold') && f?.kind === 'closure') lentOwnedParams.set(f, [0]);
}
/** Parameters (indices) a lent closure owns all the same. */
export const lentOwnedParams = checkMap<ast.Expr, number[]>();
/** Closure literals given to an element adaptor: the indices of their element parameters. */
const elementClosures = checkMap<ast.Expr, number[]>();

/** Before the arguments of `v.m(f)` are checked (Vec<T>, T needs drop; `temp`: v is a temporary):
 *  a closure literal's element parameters are bound to the elements (moving one out is E0163), a
 *  function given by name or value would own (and drop) elements the Vec still owns (E0163), and
 *  `filter` on a Vec that outlives the call gives the result clones, so its elements must be Clone
 *  (E0163 otherwise). Arrays and slices (§5.2) pass their own `container` word. */
export function checkElementAdaptor(cx: Ctx, call: ast.ExprOf<'call'>, method: string, receiver: ast.Expr, elem: Type, temp: boolean, container = 'Vec'): void {
  const ad = ELEMENT_ADAPTORS[method];
  // a temporary Vec's or array's elements die with its statement, whatever their type
  if (ad && temp && container !== 'Option' && container !== 'Result' && call.args[ad.arg]?.kind === 'closure') tempElementClosures.set(call.args[ad.arg], { params: ad.params, container });
  if (!ad || copyLike(elem)) return;
  const f = call.args[ad.arg];
  if (f?.kind === 'closure') elementClosures.set(f, ad.params);
  else if (f) {
    const why = typeNeedsDrop(cx, elem) ? 'drops them a second time' : `shares them with the ${container}`;
    cx.error(MSG.E0163.wouldGiveFunctionElements2({ method, elem: typeName(elem), why, container }), f.span, {
      notes: [NOTE.E0163.helpPassClosureReads()],
    });
  }
  // filter on a Vec that keeps its elements gives the result clones of the kept ones (codegen)
  const uncloneable = method === 'filter' && !temp ? notClone(cx, elem, new Set()) : null;
  if (uncloneable) {
    const vecName = receiver.kind === 'ident' ? `\`${receiver.name}\`` : `the ${container}`;
    cx.error(MSG.E0163.filterWouldPutElements({ vecName, elem: typeName(elem), uncloneable: typeName(uncloneable) }), call.span, {
      notes: [NOTE.E0163.helpFilterVecYou()],
    });
  }
}

/** Closure literals given to an element adaptor of a temporary Vec or array: the indices of
 *  their element parameters (a reference to one must not be returned: E0160). */
export const tempElementClosures = checkMap<ast.Expr, { params: number[]; container: string }>();
/** Is the parameter `i` of closure `e` bound to a container element (checkElementAdaptor)? */
export function elementParam(e: ast.Expr, i: number): boolean {
  return elementClosures.get(e)?.includes(i) ?? false;
}
/** The value a closure returns is moved out of it, as with `return` (`|x| x` given to an
 *  element adaptor would return an element the Vec keeps, `|| ps[0]` or `|| captured` a value
 *  the closure only borrows: E0163). */
export function consumeAdaptorResult(cx: Ctx, _closure: ast.Expr, result: ast.Expr | null): void {
  if (result) consume(cx, result);
}

/** A value of type `t` taken out of its owner leaves the owner nothing to drop only when it copies:
 *  not when it is (or holds) a type parameter, which may be instantiated with a struct. */
export function movesOut(t: Type): boolean {
  return !copyLike(t) || hasAnyParam(t);
}

/** Copy, or an enum made only of such parts (`Option<i32>`): a value taken out of a container
 *  shares nothing with it that can change in place (enum payloads cannot be assigned). */
export function copyLike(t: Type, seen = new Set<unknown>()): boolean {
  if (isCopy(t) || t.k === 'param') return true; // a payload's `T`: its argument is checked itself
  if (t.k !== 'enum') return false;
  if (seen.has(t.info)) return true;
  seen.add(t.info);
  return t.args.every((a) => copyLike(a, seen)) && t.info.variants.every((v) => v.fields.every((f) => copyLike(f, seen)));
}

/** Why a value bound to a container element may not be moved out (for messages). */
function ownedWhy(cx: Ctx, t: Type): string {
  return typeNeedsDrop(cx, t) ? `\`${typeName(t)}\` needs drop and the container still owns it`
    : `\`${typeName(t)}\` is moved, not copied, and the container still owns it`;
}

/** The container an element read starts from (`v` of `v[0].name`, `m.get(k).unwrap()`). */
function containerRoot(e: ast.Expr): ast.Expr {
  let o = e;
  for (;;) {
    if (o.kind === 'member' || o.kind === 'tuple-index' || (o.kind === 'index' && o.index.kind !== 'range')) o = o.object;
    else if (o.kind === 'call' && callTarget(o)?.k === 'builtin-method' && checkedCall(o).callee.kind === 'member' && containerPart(o)) o = (checkedCall(o).callee as ast.ExprOf<'member'>).object;
    else return o;
  }
}

/** `make()[0]`, `words().get(1)`: the container is an owned temporary that gives the element up
 *  (codegen moves it out and drops the rest with the statement); not when it is reached through a
 *  reference (`items()[0]` with `items(): &Vec<P>`). */
function temporaryContainer(e: ast.Expr): boolean {
  const root = containerRoot(e);
  const t = exprInfo(root)?.type;
  if (!t || t.k === 'ref' || t.k === 'ptr' || t.k === 'slice') return false; // a slice only borrows its elements
  if (t.k === 'builtin' && t.name === 'Gc') return false; // a temporary handle shares its object
  return root.kind === 'call' || root.kind === 'struct-lit' || root.kind === 'array' || root.kind === 'map';
}

/** Source-like text of an element read (`ps[0]`, `v.get(i).name`), or null when it is not short. */
function elementText(e: ast.Expr, depth = 0): string | null {
  if (depth > 6) return null;
  const sub = (x: ast.Expr) => elementText(x, depth + 1);
  switch (e.kind) {
    case 'ident': return e.name;
    case 'int': return e.raw;
    case 'string': return JSON.stringify(e.value);
    case 'member': { const o = sub(e.object); return o && `${o}.${e.name}`; }
    case 'tuple-index': { const o = sub(e.object); return o && `${o}.${e.index}`; }
    case 'deref': { const o = sub(e.operand); return o && `*${o}`; }
    case 'index': { const o = sub(e.object), i = sub(e.index); return o && i && `${o}[${i}]`; }
    case 'call': {
      const c = checkedCall(e);
      if (c.callee.kind !== 'member') return null;
      const o = sub(c.callee.object), args = c.args.map(sub);
      return o && args.every((a) => a !== null) ? `${o}.${c.callee.name}(${args.join(', ')})` : null;
    }
    default: return null;
  }
}

/** E0163 for a value that moves but needs no drop (`let p = ps[0];` with `ps: Vec<P>`): taken
 *  by value, the element would have two owners sharing one object — rustc's E0507 "cannot move
 *  out of index". */
function moveOutOfContainer(cx: Ctx, e: ast.Expr, t: Type): void {
  const text = elementText(e);
  const what = text ? `\`${text}\`` : 'the element';
  const ct = e.kind === 'index' ? exprInfo(e.object)?.type : null;
  const msg = ct ? MSG.E0163.cannotMoveOutIndex({ choice: typeName(ct.k === 'ref' ? ct.inner : ct) }) : MSG.E0163.cannotMoveOutWhich({ what });
  const root = containerRoot(e), rootText = elementText(root);
  // a place (`ps[0]`, `ps[0].name`) can be borrowed; an accessor's result (`v.get(0)`) is read in place
  const place = isPlacePath(e);
  cx.error(msg, e.span, {
    labels: rootText && root !== e ? [{ span: root.span, message: NOTE.E0163.labelKeepsOwningElements({ root: rootText }) }] : [],
    notes: [
      NOTE.E0163.noteMoveOccursBecause({ what, t: typeName(t) }),
      text ? NOTE.E0163.helpCloneCloneGet({ text, choice: place ? `, or borrow it (\`&${text}\`)` : ', or read its fields in place' }) : NOTE.E0163.helpCloneCloneGet2(),
      NOTE.E0163.helpTakeElementOut(),
    ],
  });
}

/** `v[i]`, `v[i].a.0`: a path of places that `&` can borrow. */
function isPlacePath(e: ast.Expr): boolean {
  if (e.kind === 'member' || e.kind === 'tuple-index') return isPlacePath(e.object);
  if (e.kind === 'index') return e.index.kind !== 'range' && (e.object.kind === 'ident' || isPlacePath(e.object) || e.object.kind === 'deref');
  return e.kind === 'ident';
}

/** Builtin accessors that hand out a part the receiver keeps owning (a Gc's object is every
 *  handle's: `g.get()` by value would give it a second owner, dropped twice, written through). */
const ACCESSORS = new Set(['Vec.get', 'Vec.first', 'Vec.last', 'Vec.find', 'Map.get', 'Map.get_or', 'Box.get', 'Gc.get',
  'array.get', 'array.first', 'array.last', 'array.find', 'slice.get', 'slice.first', 'slice.last', 'slice.find']); // §5.2
const UNWRAPS = new Set(['unwrap', 'expect', 'unwrap_or', 'unwrap_or_else', 'unwrap_err']);

/** The receiver of `q.unwrap()` (the unwrap family on an Option/Result) when it is a local or a
 *  field path of one, not an element a container keeps (containerPart) nor a reference. */
const HANDS_OVER = new Set([...UNWRAPS, 'unwrap_or_default', 'ok_or', 'ok', 'err', 'filter', 'or', 'or_else']);
function unwrapOfOwned(e: ast.Expr): ast.Expr | null {
  if (e.kind !== 'call') return null;
  const c = checkedCall(e);
  if (c.kind !== 'call' || c.callee.kind !== 'member' || callTarget(c)?.k !== 'builtin-method') return null;
  const t = callTarget(c) as TargetOf<'builtin-method'>;
  if ((t.owner !== 'Option' && t.owner !== 'Result') || !HANDS_OVER.has(t.method)) return null;
  const recv = c.callee.object;
  if (exprInfo(recv)?.type?.k === 'ref' || containerPart(recv)) return null;
  if (recv.kind === 'ident') return recv;
  // a field reached through a reference is unwrapOutOfRef's E0175 (said once)
  return (recv.kind === 'member' || recv.kind === 'tuple-index') && isPlacePath(recv) && !behindRef(recv) ? recv : null;
}

/** `v[i]`, `v.get(i)`, `m.get(k).unwrap()`, `v.first().unwrap().inner`: a part of an element that
 *  a container (or array) still owns after the read. */
export function containerPart(e: ast.Expr): boolean {
  // (an overloaded `a[i]` is a call of `op[]`: what it returns by value is its own)
  if (e.kind === 'index') return e.index.kind !== 'range' && !exprInfo(e)?.lowered;
  if (e.kind === 'member' || e.kind === 'tuple-index') return containerPart(e.object);
  if (e.kind === 'call') e = checkedCall(e);
  if (e.kind !== 'call' || callTarget(e)?.k !== 'builtin-method' || e.callee.kind !== 'member') return false;
  const t = (callTarget(e) as TargetOf<'builtin-method'>);
  if (ACCESSORS.has(`${t.owner}.${t.method}`)) return true;
  return (t.owner === 'Option' || t.owner === 'Result') && UNWRAPS.has(t.method) && containerPart(e.callee.object);
}

function consumeTail(cx: Ctx, b: ast.Block | null): void {
  if (b?.tail) consume(cx, b.tail);
}
function consumeArm(cx: Ctx, body: ast.MatchArm['body']): void {
  if (body.kind === 'block' && 'stmts' in body) consumeTail(cx, body);
  else if (body.kind !== 'return' && body.kind !== 'break' && body.kind !== 'continue') consume(cx, body as ast.Expr);
}

/** A place whose value stays where it is when read by value (a fresh call result does not). */
function copiedPlace(e: ast.Expr): boolean {
  if (containerPart(e)) return !temporaryContainer(e);
  let o = e;
  while (o.kind === 'member' || o.kind === 'tuple-index' || o.kind === 'index') o = o.object;
  if (o.kind === 'ident') return true;
  return o.kind === 'deref' || (o !== e && exprInfo(o)?.type.k === 'ref');
}

/** A local this body owns outright (not bound to a borrowed or a container's part, not a capture). */
function ownedLocal(cx: Ctx, e: ast.Expr): boolean {
  if (e.kind !== 'ident' || nameRes(e)?.k !== 'local') return false;
  const l = (nameRes(e) as ResOf<'local'>).local;
  return !refBound.has(l) && !containerBound.has(l) && !(cx.level > 0 && capturedByClosureValue(cx, l));
}

/** Report a use of a local that was moved before (once per move). */
export function checkNotMoved(cx: Ctx, local: LocalInfo, use: Span): void {
  const moved = cx.moved.get(local);
  if (!moved) return;
  if (noteParamCopy(cx, local.type, use, 'twice', local.name)) { cx.moved.delete(local); return; }
  cx.error(MSG.E0113.useMovedValue({ localName: local.name }), use, {
    labels: [{ span: moved, message: NOTE.E0113.labelValueMovedHere() }],
    notes: [
      NOTE.E0113.noteTypeWhichMoved({ localName: local.name, localType: typeName(local.type) }),
      ...(operatorMoves.has(moved) ? [NOTE.E0113.noteOperatorMoved({ method: operatorMoves.get(moved)! })] : []),
      NOTE.E0113.helpPassReferenceInstead(),
    ],
  });
  cx.moved.delete(local);
}

/** `p.a.0` rooted at a local: the local and the path (`a.0`), or null. */
export function fieldPath(e: ast.Expr): { root: LocalInfo; path: string } | null {
  const parts: string[] = [];
  let o = e;
  while (o.kind === 'member' || o.kind === 'tuple-index') {
    parts.unshift(o.kind === 'member' ? o.name : String(o.index));
    o = o.object;
  }
  if (o.kind !== 'ident' || nameRes(o)?.k !== 'local' || !parts.length) return null;
  return { root: (nameRes(o) as ResOf<'local'>).local, path: parts.join('.') };
}

/** A moved field path is tracked in `cx.moved` like a local (branches, loops and joins treat the
 *  keys alike): one stable stand-in per (local, path), named `p.a` in messages. */
const fieldKeys = new WeakMap<LocalInfo, Map<string, LocalInfo>>();
export function fieldKey(root: LocalInfo, path: string): LocalInfo {
  let m = fieldKeys.get(root);
  if (!m) fieldKeys.set(root, (m = new Map()));
  let k = m.get(path);
  if (!k) m.set(path, (k = { ...root, name: `${root.name}.${path}` }));
  return k;
}

/** Places given a whole new value (`t.0 = v;`, `s.a = v;`): no read of what was there, so a part
 *  moved out of them may be given one. */
export const newValueTargets = checkSet<ast.Expr>();

/** Report a read of a field path (`p.a`) moved out before (once per move). */
export function checkFieldNotMoved(cx: Ctx, e: ast.Expr): void {
  if (newValueTargets.has(e)) return;
  const fp = fieldPath(e);
  const key = fp && fieldKeys.get(fp.root)?.get(fp.path);
  const moved = key && cx.moved.get(key);
  if (!key || !moved) {
    // (read whole, not as the start of a longer path: a part inside it moved out, `s.pair.0`)
    if (fp && !pathRoots.has(e)) checkInnerNotMoved(cx, e, fp.root, fp.path);
    return;
  }
  cx.error(MSG.E0113.useMovedValue({ localName: key.name }), e.span, {
    labels: [{ span: moved, message: NOTE.E0113.labelValueMovedHere() }],
    notes: [NOTE.E0113.noteFieldWasMoved({ rootName: fp!.root.name }), NOTE.E0113.helpBorrowInsteadMoving()],
  });
  cx.moved.delete(key);
}

/** Identifiers read as the root of a field path (`p` in `p.a`): not a use of the whole value. */
export const pathRoots = checkSet<ast.Expr>();

/** Report a use of the whole of a local some field of which was moved out (once per move). */
export function checkNotPartlyMoved(cx: Ctx, e: ast.Expr, local: LocalInfo): void {
  if (pathRoots.has(e)) return;
  for (const k of fieldKeys.get(local)?.values() ?? []) {
    const at = cx.moved.get(k);
    if (!at) continue;
    cx.error(MSG.E0113.usePartiallyMovedValue({ localName: local.name }), e.span, {
      labels: [{ span: at, message: NOTE.E0113.labelMovedHere({ name: k.name }) }],
      notes: [NOTE.E0113.helpAssignNewValue({ kName: k.name })],
    });
    cx.moved.delete(k);
    return;
  }
}

/** Report a read of field path `path` of root while a path inside it is moved out (once per move). */
function checkInnerNotMoved(cx: Ctx, e: ast.Expr, root: LocalInfo, path: string): void {
  for (const [p, k] of fieldKeys.get(root) ?? []) {
    const at = p.startsWith(path + '.') ? cx.moved.get(k) : undefined;
    if (!at) continue;
    const name = `${root.name}.${path}`;
    cx.error(MSG.E0113.usePartiallyMovedValue({ localName: name }), e.span, {
      labels: [{ span: at, message: NOTE.E0113.labelMovedHere({ name: k.name }) }],
      notes: [NOTE.E0113.helpAssignNewValue({ kName: k.name })],
    });
    cx.moved.delete(k);
    return;
  }
}

/** `let (x, _) = t;` of an owned tuple place (a local, or a field path of one, not reached
 *  through a reference): the bindings take their parts out of t and t keeps the rest (codegen
 *  letKeepingRest leaves MOVED_OUT in their places), as rustc's partial move. So t is moved in
 *  those parts only (consume moved all of it): `t.1` may still be read, a moved part given a new
 *  value (`t.0 = …;`), and t read whole once every moved part has one. Not in a REPL cell, whose
 *  session variables keep the whole move. */
export function partMoveByLet(cx: Ctx, p: ast.LetPattern, init: ast.Expr): void {
  const t = exprInfo(init)?.type;
  if (p.kind !== 'tuple' || t?.k !== 'tuple' || cx.level !== 0 || cx.replScope || !exprInfo(init)?.moves) return;
  const local = init.kind === 'ident' && nameRes(init)?.k === 'local' ? (nameRes(init) as ResOf<'local'>).local : null;
  const fp = local ? { root: local, path: '' } : fieldPath(init);
  if (!fp || fp.root.type.k === 'ref' || fp.root.partOf || (init.kind !== 'ident' && behindRef(init))) return;
  const key = local ?? fieldKey(fp.root, fp.path);
  const at = cx.moved.get(key);
  if (!at) return;
  const parts: string[] = [];
  const walk = (q: ast.LetPattern, qt: Type, path: string): void => {
    if (q.kind === 'name') { if (!isCopy(qt)) parts.push(path); }
    else if (q.kind === 'tuple' && qt.k === 'tuple') q.elems.forEach((x, i) => walk(x, qt.elems[i] ?? qt, path ? `${path}.${i}` : String(i)));
    else if (q.kind === 'tuple') parts.push(path); // (a type error: the whole, as before)
  };
  walk(p, t, fp.path);
  cx.moved.delete(key);
  if (local) local.movedOut = false;
  for (const path of parts) if (path) cx.moved.set(fieldKey(fp.root, path), at);
}

/** A field path was assigned a new value: it and the paths inside it are usable again. */
export function reviveField(cx: Ctx, target: ast.Expr): void {
  const fp = fieldPath(target);
  const keys = fp && fieldKeys.get(fp.root);
  if (!keys) return;
  for (const [path, k] of keys) if (path === fp.path || path.startsWith(fp.path + '.')) cx.moved.delete(k);
}

/** The binding holds a fresh value again (assignment, new declaration). */
export function revive(cx: Ctx, local: LocalInfo): void {
  cx.moved.delete(local);
  for (const k of fieldKeys.get(local)?.values() ?? []) cx.moved.delete(k);
  local.revived = (local.revived ?? 0) + 1;
}

/** Check alternative paths (if/elif/else, match arms) from one starting state and join them.
 *  Each path returns whether it diverges (return/break/panic); `exhaustive` is false when control
 *  can also skip every path (an `if` without `else`). */
export function branches(cx: Ctx, paths: (() => boolean)[], exhaustive: boolean): void {
  const before: MoveSet = new Map(cx.moved);
  const joined: MoveSet = exhaustive ? new Map() : new Map(before);
  let reached = !exhaustive;
  for (const p of paths) {
    cx.moved = new Map(before);
    const diverges = p();
    if (diverges) continue;
    reached = true;
    for (const [k, v] of cx.moved) if (!joined.has(k)) joined.set(k, v);
  }
  // When every path diverges, the code after is unreachable: keep the state as it was.
  cx.moved = reached ? joined : before;
}

/**
 * An if/elif/else chain: condition i runs only after conditions 0..i-1 were false, so body i
 * starts from the moves of conditions 0..i and the else path (or, with no else, the way past)
 * from the moves of all of them. Each condition is checked once, in order.
 */
export function ifChain(cx: Ctx, conds: (() => void)[], bodies: (() => boolean)[], elseBody: (() => boolean) | null): void {
  const condMoves: MoveSet = new Map();
  const withConds = () => { for (const [k, v] of condMoves) if (!cx.moved.has(k)) cx.moved.set(k, v); };
  const paths = bodies.map((body, i) => () => {
    withConds();
    const start = new Map(cx.moved);
    conds[i]();
    for (const [k, v] of cx.moved) if (!start.has(k)) condMoves.set(k, v);
    return body();
  });
  paths.push(() => { withConds(); return elseBody ? elseBody() : false; });
  branches(cx, paths, true);
}

/** After a loop body: outer values moved in the body (and not given a new value) would be used
 *  moved on the next iteration. */
export function loopMoves(cx: Ctx, before: MoveSet, firstLoopLocal: number): void {
  for (const [local, span] of cx.moved) {
    if (before.has(local) || local.id >= firstLoopLocal) continue;
    if (noteParamCopy(cx, local.type, span, 'twice', local.name)) { cx.moved.delete(local); continue; }
    cx.error(MSG.E0113.useMovedValueMoved({ localName: local.name }), span, {
      labels: [{ span: local.span, message: NOTE.E0113.labelDeclaredOutsideLoop({ name: local.name }) }],
      notes: [NOTE.E0113.helpMoveCopyMade()],
    });
    cx.moved.delete(local);
  }
}

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
import { isCopy } from './infer';
import { typeName, type Type } from './types';
import { typeNeedsDrop } from './stmt';
import { notClone } from './clone-check';

export type MoveSet = Map<LocalInfo, Span>;

/** Operands a comparison only lends to its operator method (operators.ts `cmpArg`): never moved. */
export const lentOperands = new WeakSet<ast.Expr>();

/** Mark a by-value use of a non-copy local as a move. */
export function consume(cx: Ctx, e: ast.Expr): void {
  if (lentOperands.has(e)) return;
  // a match, if or block used by value hands over the value of whichever arm runs: its tail moves
  if (e.kind === 'match') { for (const arm of e.arms) consumeArm(cx, arm.body); return; }
  if (e.kind === 'if') { for (const br of e.branches) consumeTail(cx, br.body); consumeTail(cx, e.else); return; }
  if (e.kind === 'block') { consumeTail(cx, e.block); return; }
  // an element the container keeps owning (`v.get(i)`, `v[i]`, `m.get(k)`, `v.first()`): taking
  // it by value would give it a second owner, and a type that needs drop would be dropped twice
  if (e.info?.type && !isCopy(e.info.type) && containerPart(e) && typeNeedsDrop(cx, e.info.type)) {
    cx.error('E0163', `cannot move a value out of a container: \`${typeName(e.info.type)}\` needs drop and the container still owns it`, e.span, {
      notes: ['help: borrow it with `&v[i]` (or read only its fields), or take it out with `remove(i)`, `pop()` or `m.remove(k)`'],
    });
    return;
  }
  // `*b` used by value moves the content out of an owned Box: codegen frees the box's block there
  // and the box's drop no longer reaches the content (its new owner drops it, exactly once)
  if (e.kind === 'deref') {
    const ot = e.operand.info?.type;
    if (ot?.k === 'ref' && e.info?.type && !isCopy(e.info.type)) { moveOutOfRef(cx, e, ot.mut, e.operand); return; }
    if (ot?.k === 'builtin' && ot.name === 'Box' && e.info?.type && !isCopy(e.info.type)) e.info = { ...e.info, moves: true };
    return;
  }
  // a field or tuple element of an owned local moved by value: codegen leaves MOVED_OUT in its
  // place, so the owner's drop (and a later assignment to the field) does not drop it again
  if (e.kind === 'member' || e.kind === 'tuple-index') {
    if (e.info?.type && !isCopy(e.info.type) && ownedPath(e)) {
      // a part of a binding of a container element (`|x| x.name` given to map): still the Vec's
      const bound = fieldPath(e)?.root;
      if (bound && containerBound.has(bound) && typeNeedsDrop(cx, e.info.type)) {
        cx.error('E0163', `cannot move \`${bound.name}\`'s part out: it is bound to a container element (\`${typeName(e.info.type)}\` needs drop and the container still owns it)`, e.span, {
          notes: ['help: use it by reference, clone it (`.clone()`), or take the element out first with `remove(i)` or `pop()`'],
        });
        return;
      }
      e.info = { ...e.info, moves: true };
      // the field is gone until it is assigned again: a second read is a use after move
      const fp = fieldPath(e);
      if (fp && cx.level === 0) cx.moved.set(fieldKey(fp.root, fp.path), e.span);
    } else if (e.info?.type && !isCopy(e.info.type)) {
      const via = behindRef(e);
      if (via) moveOutOfRef(cx, e, via.mut, via.ref);
    }
    return;
  }
  if (e.kind !== 'ident' || e.res?.k !== 'local') return;
  const t = e.info?.type;
  if (!t || isCopy(t) || !cx.fn) return;
  if (containerBound.has(e.res.local) && typeNeedsDrop(cx, t)) {
    cx.error('E0163', `cannot move \`${e.res.local.name}\` out: it is bound to a part of a container element (\`${typeName(t)}\` needs drop and the container still owns it)`, e.span, {
      notes: ['help: use it by reference, or take the element out first with `remove(i)`, `pop()` or `m.remove(k)`'],
    });
    return;
  }
  const viaRef = refBound.get(e.res.local);
  if (viaRef) {
    const name = e.res.local.name, subj = placeText(viaRef.subject), kind = viaRef.mut ? 'mutable' : 'shared';
    cx.error('E0175', `cannot move out of \`${subj}\` which is behind a ${kind} reference`, e.span, {
      labels: [
        { span: viaRef.subject.span, message: `\`${subj}\` is reached through \`${placeText(viaRef.ref)}\`, a ${kind} reference: it does not own what it points to` },
        { span: e.res.local.span, message: `\`${name}\` is bound here to a part of \`${subj}\`` },
      ],
      notes: [
        `note: move occurs because \`${name}\` has type \`${typeName(t)}\`, which is moved (not copied) when used by value`,
        `help: clone it (\`${name}.clone()\`) to get an owned copy, or use it by reference (\`&${name}\`)`,
      ],
    });
    return;
  }
  if (cx.level > 0 && capturedByClosureValue(cx, e.res.local) && typeNeedsDrop(cx, t)) {
    cx.error('E0163', `cannot move \`${e.res.local.name}\` out of a closure's capture: the closure borrows it and may run more than once (\`${typeName(t)}\` needs drop)`, e.span, {
      notes: ['help: pass the value to the closure as a parameter, use it by reference, or move it in a `go` block'],
    });
    return;
  }
  e.info = { ...e.info!, moves: true };
  if (cx.level === 0) {
    const l = e.res.local;
    cx.moved.set(l, e.span);
    l.movedOut = true;
    // a match binding moved out moves that part out of its owner: the owner is not whole any more
    if (l.partOf && (l.partOf.revived ?? 0) === (l.partOfRevived ?? 0)) cx.moved.set(l.partOf, e.span);
  }
}

/** The reference a field path (`self.name`, `r.0.a`) is reached through, if any: the nearest
 *  `&T`/`&T!` on the path. A raw pointer or a Box on the path is not a reference (null). */
function behindRef(e: ast.Expr): { ref: ast.Expr; mut: boolean } | null {
  let o: ast.Expr = e;
  while (o.kind === 'member' || o.kind === 'tuple-index') {
    o = o.object;
    const t = o.info?.type;
    if (t?.k === 'ref') return { ref: o, mut: t.mut };
    if (!t || (t.k !== 'struct' && t.k !== 'tuple')) return null;
  }
  return null;
}

/** Source-like text of a place (`self.name`, `p.0`, `*r`) for messages. */
function placeText(e: ast.Expr): string {
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
  const t = e.info!.type;
  const labels = [{ span: ref.span, message: `\`${placeText(ref)}\` is a ${kind} reference (\`${typeName(ref.info!.type)}\`): it does not own what it points to` }];
  const borrowed = e.kind === 'deref' ? placeText(e.operand) : `&${what}`;
  cx.error('E0175', `cannot move out of \`${what}\` which is behind a ${kind} reference`, e.span, {
    labels,
    notes: [
      `note: move occurs because \`${what}\` has type \`${typeName(t)}\`, which is moved (not copied) when used by value`,
      `help: clone it (\`${e.kind === 'deref' ? `(${what})` : what}.clone()\`) to get an owned copy, or borrow it (\`${borrowed}\`) and return or pass a reference`,
    ],
  });
}

/** Option/Result methods that take their receiver by value and hand out its content. */
const UNWRAP_FAMILY = new Set(['unwrap', 'expect', 'unwrap_or', 'unwrap_or_else', 'unwrap_err', 'unwrap_or_default']);
/** `self.opt.unwrap()` / `r.unwrap()` with `r: &Option<String>`: the content would be moved out of
 *  a place only reached through a reference (E0175), as with a field. */
export function unwrapOutOfRef(cx: Ctx, recv: ast.Expr, method: string, result: Type): void {
  if (!UNWRAP_FAMILY.has(method) || isCopy(result) || result.k === 'error') return;
  const t = recv.info?.type;
  let via: { ref: ast.Expr; mut: boolean } | null = null;
  if (t?.k === 'ref') via = { ref: recv, mut: t.mut };
  else if (recv.kind === 'member' || recv.kind === 'tuple-index') via = behindRef(recv);
  else if (recv.kind === 'deref' && recv.operand.info?.type?.k === 'ref') via = { ref: recv.operand, mut: (recv.operand.info.type as { mut: boolean }).mut };
  if (!via) return;
  const what = placeText(recv), kind = via.mut ? 'mutable' : 'shared';
  cx.error('E0175', `cannot move out of \`${what}\` which is behind a ${kind} reference`, recv.span, {
    labels: [
      { span: via.ref.span, message: `\`${placeText(via.ref)}\` is a ${kind} reference (\`${typeName(via.ref.info!.type)}\`): it does not own what it points to` },
    ],
    notes: [
      `note: \`${method}()\` takes \`${what}\` by value and hands out its \`${typeName(result)}\`, which is moved (not copied)`,
      `help: clone first (\`${what}.clone().${method}(…)\`), or match on it and borrow the content`,
    ],
  });
}

/** Match bindings of a value behind a reference (`match self.kind { A(s) => … }` with `self: &T`):
 *  moving one moves out of the reference (E0175). The reference they were reached through. */
export const refBound = new WeakMap<LocalInfo, { ref: ast.Expr; mut: boolean; subject: ast.Expr }>();
/** The reference a match subject is reached through, if any. */
export function subjectBehindRef(e: ast.Expr): { ref: ast.Expr; mut: boolean; subject: ast.Expr } | null {
  const t = e.info?.type;
  if (t?.k === 'ref') return { ref: e, mut: t.mut, subject: e };
  const via = e.kind === 'member' || e.kind === 'tuple-index' ? behindRef(e)
    : e.kind === 'deref' && e.operand.info?.type?.k === 'ref' ? { ref: e.operand, mut: (e.operand.info.type as { mut: boolean }).mut } : null;
  return via && { ...via, subject: e };
}

/** `a.b.0.c` rooted at a local that owns its value or at a temporary (`mk().a`: the rest of the
 *  temporary is dropped with its statement) — a struct/tuple path, no reference or Box. */
function ownedPath(e: ast.Expr): boolean {
  let o: ast.Expr = e;
  while (o.kind === 'member' || o.kind === 'tuple-index') {
    o = o.object;
    const t = o.info?.type;
    if (!t || (t.k !== 'struct' && t.k !== 'tuple') || (t.k === 'struct' && t.info.isUnion)) return false;
  }
  if (o.kind === 'ident') return o.res?.k === 'local';
  return o.kind === 'call' || o.kind === 'struct-lit';
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
  sort_by: { arg: 0, params: [0, 1] },
};
/** Closure literals given to a builtin method that only calls them during the call (an element
 *  adaptor, Option/Result map...): they cannot outlive their frame (codegen charges nothing for
 *  the arrays they capture; see the runtime helper `env`). */
export const lentClosures = new WeakSet<ast.Expr>();
const LENDING = new Set(['Vec.find', 'Vec.any', 'Vec.all', 'Vec.map', 'Vec.filter', 'Vec.forEach', 'Vec.for_each',
  'Vec.reduce', 'Vec.fold', 'Vec.sort_by', 'Option.map', 'Option.and_then', 'Option.or_else', 'Option.unwrap_or_else',
  'Option.filter', 'Result.map', 'Result.and_then', 'Result.unwrap_or_else', 'Result.map_err']);
export function noteLentClosures(call: ast.ExprOf<'call'>, owner: string, method: string): void {
  if (LENDING.has(`${owner}.${method}`)) for (const a of call.args) if (a.kind === 'closure') lentClosures.add(a);
}
/** Closure literals given to an element adaptor: the indices of their element parameters. */
const elementClosures = new WeakMap<ast.Expr, number[]>();

/** Before the arguments of `v.m(f)` are checked (Vec<T>, T needs drop; `temp`: v is a temporary):
 *  a closure literal's element parameters are bound to the elements (moving one out is E0163), a
 *  function given by name or value would own (and drop) elements the Vec still owns (E0163), and
 *  `filter` on a Vec that outlives the call gives the result clones, so its elements must be Clone
 *  (E0163 otherwise). */
export function checkElementAdaptor(cx: Ctx, call: ast.ExprOf<'call'>, method: string, vecName: string, elem: Type, temp: boolean): void {
  const ad = ELEMENT_ADAPTORS[method];
  if (!ad || !typeNeedsDrop(cx, elem)) return;
  const f = call.args[ad.arg];
  if (f?.kind === 'closure') elementClosures.set(f, ad.params);
  else if (f) {
    cx.error('E0163', `\`${method}\` would give a function elements of type \`${typeName(elem)}\` that the Vec keeps owning: a function that takes them by value drops them a second time`, f.span, {
      notes: ['help: pass a closure that reads the element (`|x| x.field`), or take the elements out with `pop()`/`remove(i)` first'],
    });
  }
  // filter on a Vec that keeps its elements gives the result clones of the kept ones (codegen)
  const uncloneable = method === 'filter' && !temp ? notClone(cx, elem, new Set()) : null;
  if (uncloneable) {
    cx.error('E0163', `\`filter\` on ${vecName} would put elements into a new Vec while ${vecName} keeps owning them, and \`${typeName(elem)}\` cannot be cloned (it holds \`${typeName(uncloneable)}\`)`, call.span, {
      notes: ['help: filter a Vec you give up (`make().filter(f)`), or move the wanted elements out with `remove(i)`/`pop()`'],
    });
  }
}

/** Is the parameter `i` of closure `e` bound to a container element (checkElementAdaptor)? */
export function elementParam(e: ast.Expr, i: number): boolean {
  return elementClosures.get(e)?.includes(i) ?? false;
}
/** The value a closure given to an element adaptor returns is moved out of it (`|x| x` would
 *  return an element the Vec keeps: E0163). */
export function consumeAdaptorResult(cx: Ctx, closure: ast.Expr, result: ast.Expr | null): void {
  if (result && elementClosures.has(closure)) consume(cx, result);
}

/** Builtin accessors that hand out a part the receiver keeps owning. */
const ACCESSORS = new Set(['Vec.get', 'Vec.first', 'Vec.last', 'Vec.find', 'Map.get', 'Map.get_or', 'Box.get']);
const UNWRAPS = new Set(['unwrap', 'expect', 'unwrap_or', 'unwrap_or_else', 'unwrap_err']);

/** `v[i]`, `v.get(i)`, `m.get(k).unwrap()`, `v.first().unwrap().inner`: a part of an element that
 *  a container (or array) still owns after the read. */
export function containerPart(e: ast.Expr): boolean {
  if (e.kind === 'index') return e.index.kind !== 'range';
  if (e.kind === 'member' || e.kind === 'tuple-index') return containerPart(e.object);
  if (e.kind !== 'call' || e.target?.k !== 'builtin-method' || e.callee.kind !== 'member') return false;
  const t = e.target;
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

/** Report a use of a local that was moved before (once per move). */
export function checkNotMoved(cx: Ctx, local: LocalInfo, use: Span): void {
  const moved = cx.moved.get(local);
  if (!moved) return;
  cx.error('E0113', `use of moved value: \`${local.name}\``, use, {
    labels: [{ span: moved, message: 'value moved here' }],
    notes: [
      `note: \`${local.name}\` has type \`${typeName(local.type)}\`, which is moved (not copied) when assigned or passed by value`,
      'help: pass a reference `&…` instead, or use the value before moving it',
    ],
  });
  cx.moved.delete(local);
}

/** `p.a.0` rooted at a local: the local and the path (`a.0`), or null. */
function fieldPath(e: ast.Expr): { root: LocalInfo; path: string } | null {
  const parts: string[] = [];
  let o = e;
  while (o.kind === 'member' || o.kind === 'tuple-index') {
    parts.unshift(o.kind === 'member' ? o.name : String(o.index));
    o = o.object;
  }
  if (o.kind !== 'ident' || o.res?.k !== 'local' || !parts.length) return null;
  return { root: o.res.local, path: parts.join('.') };
}

/** A moved field path is tracked in `cx.moved` like a local (branches, loops and joins treat the
 *  keys alike): one stable stand-in per (local, path), named `p.a` in messages. */
const fieldKeys = new WeakMap<LocalInfo, Map<string, LocalInfo>>();
function fieldKey(root: LocalInfo, path: string): LocalInfo {
  let m = fieldKeys.get(root);
  if (!m) fieldKeys.set(root, (m = new Map()));
  let k = m.get(path);
  if (!k) m.set(path, (k = { ...root, name: `${root.name}.${path}` }));
  return k;
}

/** Report a read of a field path (`p.a`) moved out before (once per move). */
export function checkFieldNotMoved(cx: Ctx, e: ast.Expr): void {
  const fp = fieldPath(e);
  const key = fp && fieldKeys.get(fp.root)?.get(fp.path);
  const moved = key && cx.moved.get(key);
  if (!key || !moved) return;
  cx.error('E0113', `use of moved value: \`${key.name}\``, e.span, {
    labels: [{ span: moved, message: 'value moved here' }],
    notes: [`note: the field was moved out of \`${fp!.root.name}\`; it can be used again once it is assigned a new value`, 'help: borrow it with `&` instead of moving it, or clone it'],
  });
  cx.moved.delete(key);
}

/** Identifiers read as the root of a field path (`p` in `p.a`): not a use of the whole value. */
export const pathRoots = new WeakSet<ast.Expr>();

/** Report a use of the whole of a local some field of which was moved out (once per move). */
export function checkNotPartlyMoved(cx: Ctx, e: ast.Expr, local: LocalInfo): void {
  if (pathRoots.has(e)) return;
  for (const k of fieldKeys.get(local)?.values() ?? []) {
    const at = cx.moved.get(k);
    if (!at) continue;
    cx.error('E0113', `use of partially moved value: \`${local.name}\``, e.span, {
      labels: [{ span: at, message: `\`${k.name}\` moved here` }],
      notes: [`help: assign \`${k.name}\` a new value first, or borrow the field instead of moving it`],
    });
    cx.moved.delete(k);
    return;
  }
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
    cx.error('E0113', `use of moved value: \`${local.name}\` is moved in one iteration of the loop and used again in the next`, span, {
      labels: [{ span: local.span, message: `\`${local.name}\` declared here, outside the loop` }],
      notes: ['help: move a copy made inside the loop, pass a reference `&…`, or `break` after moving it'],
    });
    cx.moved.delete(local);
  }
}

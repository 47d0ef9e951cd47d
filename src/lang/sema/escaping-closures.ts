// Closures that escape their function while holding a borrow (chapter 2 §1.3, §6.4-6.5). A
// closure captures by reference, so a captured variable lives as long as the closure — but a
// captured reference (a `&T` local or parameter, a match binding reached through one, a view)
// does not make what it points to live. Returning such a closure as a function value is fine: the
// call holds its reference arguments' borrows (borrows.ts heldBy; E0176 where the result outlives
// them). Storing it where the caller's borrows are not tracked is E0176: through a reference
// (`out.push(|| x.n)`, `*slot = || x.n`), inside a returned struct/enum/tuple/array, or capturing
// it in a `go` task, which may run after the data is gone; an `async` block's Future likewise.
// Also E0176: a borrow of this function's own data stored through a reference, channel or Gc parameter
// (`out.push(&b)`, `put(out, &b)`, `ch.send(&b)`) or into a `thread_local`. Runs after the body is
// checked.
import type * as ast from '../syntax/ast';
import type { Ctx } from './context';
import type { ClosureInfo, FnInfo, LocalInfo } from './typed';
import { type Type, typeEq } from './types';
import { MSG, NOTE } from '../msg';
import { type ResOf, callTarget, checkedCall, checkedNode, exprInfo, goInfoOf, localOf, nameRes, refIsMut } from './tables';
import { lentClosures, placeText, refBound } from './moves';
import { borrowsIn, boundLocal, boundSource, branchValues, closureStoresInto, closuresRun, gcFilledBy, letLocals, danglingReported, handleCopies, holdsRef, isShared, replacedLater, markDangling, ownersOf, temporaryPlace, within } from './borrows';

import { scopesOf, walkKey } from './scopes';
import { placeRoot } from './place-roots';

// (a call's `target` is its FnInfo, not syntax; an assignment's `target` is walked)
const skip = (o: Record<string, unknown>, k: string) => !walkKey(o, k);
/** Builtin methods that store their arguments in the receiver. */
const STORES = new Set(['Vec.push', 'Vec.insert', 'Vec.set', 'Map.insert', 'Set.insert', 'Channel.send', 'Gc.set']);

/** A captured local that refers to data it does not own, the reference it was reached through
 *  (null: it is one itself), and whether that data is the caller's (reached through a reference
 *  parameter) rather than one of this function's locals. */
interface Borrowing { local: LocalInfo; via: string | null; callers: boolean; what?: string }

export function checkEscapingClosures(cx: Ctx, fn: FnInfo, body: ast.Block): void {
  const params = new Set<LocalInfo>(fn.params.map((p) => p.local).filter((l): l is LocalInfo => !!l));
  if (fn.receiverLocal) params.add(fn.receiverLocal);
  // a reference parameter, or a channel or Gc parameter (a handle shared with the caller): what is
  // stored through it outlives the call
  const sharedParam = (l: LocalInfo | null): l is LocalInfo => !!l && ((params.has(l) && (l.type.k === 'ref' || isShared(l.type))) || sharedCopy(l));
  // (a local copy of a parameter's handle: `let c2 = ch;`, `let c2 = dup(ch);`)
  const sharedCopy = (l: LocalInfo): boolean => isShared(l.type) && [...handleCopies(l)].some((c) => c !== l && params.has(c));
  // (also a shared handle that is part of a by-value parameter: `s.ch.send(&b)`)
  const sharedPlace = (p: ast.Expr): boolean => { const l = placeRoot(p); return sharedParam(l) || (!!l && params.has(l) && isShared(exprInfo(p)?.type)); };
  // (a closure's reference parameter is its caller's data as well: any call may give it a
  // borrow of a local that is dropped right after, `f(&e)` in a block)
  const closureParams = new Map<LocalInfo, ast.Span>();
  const callers = (l: LocalInfo | null): boolean => callersData(cx, fn, l, 0, closureParams);
  // locals holding (or holding a value holding) a closure that captures a borrow
  const holders = new Map<LocalInfo, Borrowing>();
  const borrowOf = (l: LocalInfo): Borrowing | null => {
    const via = refBound.get(l);
    if (via) return { local: l, via: placeText(via.ref), callers: callers(l) };
    if (l.type.k === 'ref' || l.type.k === 'slice' || cx.heldBorrows.has(l)) return { local: l, via: null, callers: callers(l) };
    return null;
  };
  const captures = (info: ClosureInfo | undefined, callersOnly = false): Borrowing | null => {
    // (a captured closure that captured one holds it too: `let g = || *p; go { g(); };`)
    for (const l of info?.captures ?? []) { const b = borrowOf(l) ?? holders.get(l); if (b && (b.callers || !callersOnly)) return b; }
    return null;
  };
  const local = (e: ast.Expr): LocalInfo | null => (e.kind === 'ident' && nameRes(e)?.k === 'local' ? (nameRes(e) as ResOf<'local'>).local : null);
  /** The borrowing closure e is or holds (through literals, variant constructors and holders). */
  const carried = (e: ast.Expr): Borrowing | null => {
    e = checkedNode(e);
    switch (e.kind) {
      case 'closure': return captures(exprInfo(e)?.closure);
      case 'async': { const b = captures(exprInfo(e)?.closure); return b && { ...b, what: 'an `async` block' }; } // its Future holds them
      case 'ident': { const l = local(e); return l ? holders.get(l) ?? null : null; }
      case 'struct-lit': for (const f of e.fields) { const b = carried(f.value); if (b) return b; } return null;
      case 'tuple': case 'array': for (const x of e.elems) { const b = carried(x); if (b) return b; } return null;
      // the value of a branch or arm (`if c { S{f: || x.n} } else { … }`)
      case 'if': case 'match': for (const v of branchValues(e)) { const b = carried(v); if (b) return b; } return null;
      case 'call': {
        // (a variant holds its arguments; a function returning a function value may return the
        // one it is given: `id(|| x.n)`, scoped-params passedBack)
        const t = callTarget(e);
        if (t?.k !== 'variant' && t?.k !== 'builtin-static' && !((t?.k === 'fn' || t?.k === 'method') && holdsRef(exprInfo(e)?.type))) return null;
        for (const x of e.args) { const b = carried(x); if (b) return b; }
        return null;
      }
      default: return null;
    }
  };
  /** The local a place belongs to when this function owns it (not reached through a reference). */
  const ownedRoot = (p: ast.Expr): LocalInfo | null => {
    let o = p;
    while (o.kind === 'member' || o.kind === 'tuple-index' || o.kind === 'index') {
      o = o.object;
      if (exprInfo(o)?.type?.k === 'ref') return null;
    }
    const l = local(o);
    return l && l.type.k !== 'ref' && l.type.k !== 'ptr' && !refBound.has(l) && !sharedPlace(p) ? l : null;
  };
  const report = (b: Borrowing, at: ast.Span, where: string | null) => cx.error(where ? MSG.E0176.closureOutlivesBorrow({ what: b.what ?? 'a closure', name: b.local.name, where }) : MSG.E0176.taskOutlivesBorrow({ name: b.local.name }), at, {
    labels: [{ span: b.local.span, message: b.via ? NOTE.E0176.labelBorrowsThrough({ name: b.local.name, via: b.via }) : NOTE.E0176.labelHoldsBorrow({ name: b.local.name }) }],
    notes: [NOTE.E0176.helpCaptureOwned()],
  });
  /** A borrow of this function's own data stored through a reference parameter (`out.push(&b)`,
   *  `out.push(&x)` of `for x in r.items` with `r = &b`, `*slot = H{f: mk(&b)}`): it outlives b. */
  const storedThroughParam = (place: ast.Expr, value: ast.Expr) => {
    if (!sharedPlace(place) && !isThreadLocal(place)) return;
    for (const br of borrowsIn(value)) {
      // (every local it may borrow: `pick(a, &b)` borrows b)
      const x = ownersOf(cx, br).find((o) => o.type.k !== 'ref' && o.type.k !== 'slice' && (within(o.span, body.span) || params.has(o)));
      if (!x) continue;
      if (danglingReported(br)) return; // (where its block ends: `{ let e = …; out.push(&e); } out.len();`)
      markDangling(br);
      cx.error(MSG.E0176.storedThroughParam({ name: x.name, place: placeText(place) }), br.span, {
        labels: [{ span: x.span, message: NOTE.E0176.labelDroppedOnReturn({ name: x.name }) }],
        // (a reference parameter outlives the call, never a thread-local)
        notes: [isThreadLocal(place) ? NOTE.E0176.helpStoreOwnedThreadLocal({ name: x.name }) : NOTE.E0176.helpStoreOwned({ name: x.name })],
      });
      return;
    }
  };
  /** The values `let`s and assignments give each local holding a reference (anywhere in the body). */
  // (walked for when first needed: most bodies never ask)
  let values: Map<LocalInfo, ast.Expr[]> | null = null, called: Map<LocalInfo, boolean> | null = null;
  const valuesOf = (l: LocalInfo) => (values ??= noteValues(body)).get(l);
  const calledOnly = (l: LocalInfo) => (called ??= onlyCalledLocals(body)).get(l);
  /** A reference to the caller's data that `e` is or holds (`r`, `&r.n`, `Some(r)`, `mk(r)`):
   *  only stores into a thread_local are its caller's to not see (a reference parameter it can). */
  const callersRef = (e: ast.Expr, depth = 0): LocalInfo | null => {
    e = checkedNode(e);
    if (depth > 8) return null;
    switch (e.kind) {
      case 'ident': {
        const l = local(e), k = l?.type.k;
        if (!l) return null;
        if (k === 'ref' || k === 'slice') return callers(l) ? l : null;
        // (a local given such a value: `let g = h.f;`, a match binding of `h.o`)
        if (!holdsRef(l.type)) return null;
        for (const v of [...(valuesOf(l) ?? []), ...(boundSource(l) ? [boundSource(l)!] : [])]) { const r = callersRef(v, depth + 1); if (r) return r; }
        return null;
      }
      case 'ref': { const l = placeRoot(e.operand); return l && callers(l) ? l : null; }
      // a part read through a reference to the caller's data that may itself hold a reference or
      // a function value borrowing it (`h.f` of `h: &H`, `*pf`)
      case 'member': case 'tuple-index': case 'index': case 'deref': {
        const l = holdsRef(exprInfo(e)?.type) ? placeRoot(e) : null;
        return l && callers(l) ? l : null;
      }
      case 'if': case 'match': for (const v of branchValues(e)) { const l = callersRef(v, depth + 1); if (l) return l; } return null;
      case 'struct-lit': for (const f of e.fields) { const l = callersRef(f.value, depth + 1); if (l) return l; } return null;
      case 'tuple': case 'array': for (const x of e.elems) { const l = callersRef(x, depth + 1); if (l) return l; } return null;
      case 'call': {
        // a variant or Some/Ok/Err holds its arguments; a call returning a value that holds a
        // reference (a closure, a Future) may hold its reference arguments and `&T` receiver
        if (!holdsRef(exprInfo(e)?.type)) return null;
        const t = callTarget(e);
        for (const a of e.args) { const l = callersRef(a, depth + 1); if (l) return l; }
        return t?.k === 'method' && t.fn.receiverType?.k === 'ref' && e.callee.kind === 'member' ? callersRef(e.callee.object, depth + 1) : null;
      }
      default: return null;
    }
  };
  /** A borrow of a temporary (`&mk(5)`, `id(&mk(5))`) stored by a call into `place` (a storing
   *  method's receiver, or what a callee is given a mutable borrow of): the temporary is dropped
   *  when the statement is done (chapter 2 §6.4), the holder outlives it (a `let` or assignment
   *  keeps its own temporaries instead: codegen keepingTemps). */
  const storedTemporary = (place: ast.Expr | LocalInfo, value: ast.Expr) => {
    // (only a holder whose type can keep a reference: `show(&n!, &mk(5))` with `n: i32` cannot)
    const pt = 'kind' in place ? exprInfo(place)?.type : place.type;
    if (!holdsRef(pt?.k === 'ref' ? pt.inner : pt)) return;
    const br = borrowsIn(value).find((b) => temporaryPlace(b.operand) && mayHoldPartOf(pt?.k === 'ref' ? pt.inner : pt!, exprInfo(b.operand)?.type));
    if (br) cx.error(MSG.E0176.temporaryStored({ place: 'kind' in place ? placeText(place) : place.name }), br.span, { notes: [NOTE.E0176.helpKeepTemporary()] });
  };
  /** A closure's reference parameter (or a value holding it) stored into a holder the closure
   *  does not declare (a captured local, a parameter): a call `f(&e)` in a block leaves the holder
   *  pointing at the dropped e, and the call cannot tell (chapter 2 §1.3: the holder outlives the
   *  call). The closures `visit` is inside, innermost last. */
  const open: ast.Span[] = [];
  /** The closure literals `open` holds the spans of. */
  const openLits: ast.Expr[] = [];
  /** The by-value parameters of every closure (also one a builtin lends), with the closure's span. */
  const ownedParams = new Map<LocalInfo, ast.Span>();
  /** The closure parameter a local refers through (`x` of `let x = &d.n;`), or null. */
  const paramBehind = (l: LocalInfo | null, depth = 0): LocalInfo | null => {
    if (!l || depth > 16 || closureParams.has(l)) return l && closureParams.has(l) ? l : null;
    const via = refBound.get(l);
    if (via) return paramBehind(placeRoot(via.ref), depth + 1);
    for (const h of cx.heldBorrows.get(l) ?? []) { const p = paramBehind(placeRoot(h), depth + 1); if (p) return p; }
    return null;
  };
  const lentTo = (lit: ast.ExprOf<'closure'>, g: LocalInfo | null) => lentToIn(body, lit, g);
  const storedClosureParam = (place: ast.Expr, value: ast.Expr, into?: LocalInfo): boolean => {
    // (`into`: a holder a let-bound closure called here stores into: `put(y)` of `|d| v.push(d)`)
    const h = into ?? placeRoot(place);
    const owned = into ? into.type.k !== 'ref' && !refBound.has(into) && !sharedParam(into) : !!ownedRoot(place);
    const text = into ? into.name : placeText(place);
    // a borrow of a by-value parameter (`|x: D| out.push(&x)`): x is dropped when the call returns
    for (const br of borrowsIn(value)) for (const x of ownersOf(cx, br)) {
      const c = ownedParams.get(x);
      if (!c || (h && within(h.span, c)) || danglingReported(br)) continue;
      markDangling(br);
      cx.error(MSG.E0176.storedThroughParam({ name: x.name, place: text }), br.span, {
        labels: [{ span: x.span, message: NOTE.E0176.labelClosureParamDropped({ name: x.name }) }],
        notes: [NOTE.E0176.helpStoreOwned({ name: x.name })],
      });
      return true;
    }
    // (also a closure capturing it: `fs.push(|| d.n)`)
    const p = paramBehind(callersRef(value) ?? carried(value)?.local ?? null), at = p ? closureParams.get(p) : undefined;
    if (!p || !at || !open.some((c) => within(at, c))) return false;
    const c = open.find((x) => within(at, x))!;
    if (h && within(h.span, c)) return false;
    // (a `let g = |d: &D| v.push(d);` only ever called, storing into an owned local of this body:
    // each call `g(&x)` is checked as a store of its arguments into v, borrows.ts storedOutside)
    const lit = openLits.find((l) => exprInfo(l)?.closure?.params.includes(p));
    const g = lit ? [...letClosures].find(([, e]) => e === lit)?.[0] : undefined;
    const mine = !!h && owned && within(h.span, body.span) && !params.has(h);
    if (g && calledOnly(g) && mine) return false;
    const err = () => cx.error(MSG.E0176.storedThroughParam({ name: p.name, place: text }), value.span, {
      labels: [{ span: p.span, message: NOTE.E0176.labelClosureParamBorrow({ name: p.name }) }],
      notes: [NOTE.E0176.helpStoreOwnedCopy({ name: p.name }), NOTE.E0176.helpClosureCalledWithCallersData({ name: p.name })],
    });
    // (also one given to functions, each calling it with nothing but its own caller's data,
    // `apply(put, &e)`: decided when every body is checked, checkLentClosures)
    const lent = mine && lit ? lentTo(lit as ast.ExprOf<'closure'>, g ?? null) : null;
    if (lent) { laterUnlessLent(cx, lent, err); return false; }
    err();
    return true;
  };
  /** `value` goes into `place` (an assignment target or a storing method's receiver). */
  const store = (place: ast.Expr, value: ast.Expr) => {
    if (storedClosureParam(place, value)) return;
    if (!ownedRoot(place)) storedThroughParam(place, value);
    const mine = isThreadLocal(place) ? callersRef(value) : null;
    if (mine) {
      cx.error(MSG.E0176.storedInThreadLocal({ name: mine.name, place: placeText(place) }), value.span, {
        labels: [{ span: mine.span, message: NOTE.E0176.labelHoldsBorrow({ name: mine.name }) }],
        notes: [NOTE.E0176.helpStoreOwnedCopy({ name: mine.name })],
      });
      return;
    }
    const owned = ownedRoot(place);
    if (owned) fill(owned, value);
    const b = carried(value);
    if (!b) return;
    const owner = ownedRoot(place);
    if (owner) { if (!holders.has(owner)) holders.set(owner, b); } else report(b, value.span, `stored through \`${placeText(place)}\``);
  };
  /** Owned locals given a borrow of this function's own data by a store (`v.push(&e)`,
   *  `g.set(&e)`, `h.r = &e`): returning one returns the reference (E0160). */
  const filled = new Map<LocalInfo, { x: LocalInfo; at: ast.Span }>();
  // (a Gc set again later in the same block, straight-line, holds the later value: borrows.ts replacedLater)
  // (noted for each block as `visit` enters it, before the calls of its statements are met)
  // (each call's holders set again: `fill2(g, g2, &e); g.set(p); g2.set(p);` replaces both)
  const replaced = new Map<unknown, Set<LocalInfo>>();
  const noteReplaced = (stmts: ast.Stmt[]) => stmts.forEach((st, i) => {
    const c = st.kind === 'expr' && st.expr.kind === 'call' ? checkedCall(st.expr) : null;
    const gs = c?.callee.kind === 'member' ? [local(c.callee.object)] : c ? gcFilledBy(c) : [];
    for (const g of gs) if (g && replacedLater(stmts, i, g)) { const s = replaced.get(c) ?? new Set(); s.add(g); replaced.set(c, s); }
  });
  const isReplaced = (c: unknown, a: ast.Expr | null) => { const l = a && local(a); return !!l && !!replaced.get(c)?.has(l); };
  let filling = true;
  const fill = (owner: LocalInfo, value: ast.Expr) => {
    if (filled.has(owner) || !filling) return;
    for (const br of borrowsIn(value)) {
      const x = ownersOf(cx, br).find((o) => o !== owner && o.type.k !== 'ref' && o.type.k !== 'slice' && (within(o.span, body.span) || params.has(o)));
      if (x && !danglingReported(br)) { filled.set(owner, { x, at: br.span }); return; }
    }
  };
  // (checked after the walk: a store in a loop may come after the return in the text)
  const returnedLocals: ast.Expr[] = [];
  const filledReturns = () => {
    for (const value of returnedLocals) {
      const f = filled.get(local(value)!);
      if (f) cx.error(MSG.E0160.cannotReturnReferenceLocal({ lName: f.x.name }), value.span, {
        labels: [{ span: f.at, message: NOTE.E0160.labelStoredHere({ name: local(value)!.name }) }, { span: f.x.span, message: NOTE.E0160.labelDeclaredDroppedOnReturn({ name: f.x.name }) }],
        notes: [NOTE.E0160.helpReturnOwnedValue()],
      });
    }
  };
  const returned = (value: ast.Expr) => {
    if (local(value)) returnedLocals.push(value);
    // a closure returned as a function value, an async block as its Future: the caller holds the
    // borrows (E0176 there)
    // (also one a branch gives: `if c { || x.n } else { … }`)
    const k = exprInfo(value)?.type ?? local(value)?.type;
    if (value.kind === 'closure' || value.kind === 'async' || k?.k === 'fn' || (k?.k === 'builtin' && k.name === 'Future')) return;
    const b = carried(value);
    if (b) report(b, value.span, 'returned inside a value');
  };
  /** `let f = |…| …;` of this body: the literal f stands for */
  const letClosures = new Map<LocalInfo, ast.Expr>();
  const visit = (n: unknown, inClosure: boolean): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) { for (const x of n) visit(x, inClosure); return; }
    const o = checkedNode(n) as Record<string, unknown> & { kind?: string };
    for (const s of scopesOf(o)) noteReplaced(s.stmts as ast.Stmt[]); // (a switch case's too; a block's again when it is met: a set)
    switch (o.kind) {
      case 'let': {
        const s = o as unknown as Extract<ast.Stmt, { kind: 'let' }>;
        if (s.pattern.kind === 'name' && s.init?.kind === 'closure' && localOf(s.pattern)) letClosures.set(localOf(s.pattern)!, s.init);
        const b = s.init ? carried(s.init) : null;
        if (b) for (const x of letLocals(s.pattern)) holders.set(x, b);
        break;
      }
      case 'assign': { const s = o as unknown as Extract<ast.Stmt, { kind: 'assign' }>; if (s.op === '=') store(s.target, s.value); break; }
      case 'call': {
        const c = o as unknown as ast.ExprOf<'call'>, t = callTarget(c);
        if (t?.k === 'builtin-method' && STORES.has(`${t.owner}.${t.method}`) && c.callee.kind === 'member') for (const a of c.args) { filling = !isReplaced(c, c.callee.object); store(c.callee.object, a); filling = true; storedTemporary(c.callee.object, a); }
        // a user method given a mutable receiver may keep its arguments there too
        // (a thread_local's may keep the caller's references too: checked as a store into it)
        else if (t?.k === 'method' && t.fn.receiver === 'mut-ref' && c.callee.kind === 'member' && ownedRoot(c.callee.object)) { for (const a of c.args) fill(ownedRoot(c.callee.object)!, a); }
        else if (t?.k === 'method' && t.fn.receiver === 'mut-ref' && c.callee.kind === 'member' && !ownedRoot(c.callee.object)) {
          for (const a of c.args) { if (isThreadLocal(c.callee.object)) store(c.callee.object, a); else storedThroughParam(c.callee.object, a); }
        }
        // and so may a function given a mutable reference parameter (`put(out, &b)`)
        if (t?.k === 'fn' || t?.k === 'method') {
          for (const a of c.args) { const at = local(a)?.type; if ((at?.k === 'ref' && at.mut) || isShared(exprInfo(a)?.type)) for (const v of c.args) if (v !== a) storedThroughParam(a, v); }
          // (a mutable borrow of an owned local, `put(&v!, &e)`, or its shared handle, `fill(g, &e)`,
          // may fill it: returning v returns e; unless a Gc is set again after, borrows.ts replacedLater)
          for (const a of c.args) {
            const o = a.kind === 'ref' && refIsMut(a) ? ownedRoot(a.operand) : isShared(exprInfo(a)?.type) && !isReplaced(c, a) ? ownedRoot(a) : null;
            if (o) for (const v of c.args) if (v !== a) fill(o, v);
          }
          // (what it may keep there must outlive the statement: `put(&v!, &mk(5))`, `h.add(&mk(5))`)
          const holder = t.k === 'method' && t.fn.receiver === 'mut-ref' && c.callee.kind === 'member' ? c.callee.object
            : c.args.find((a) => (a.kind === 'ref' && refIsMut(a)) || (exprInfo(a)?.type?.k === 'ref' && (exprInfo(a)!.type as { mut?: boolean }).mut) || isShared(exprInfo(a)?.type));
          if (holder) for (const v of c.args) if (v !== holder) { storedTemporary(holder.kind === 'ref' ? holder.operand : holder, v); storedClosureParam(holder.kind === 'ref' ? holder.operand : holder, v); }
        }
        // (a call of a let-bound closure storing into an owned local: what it is given may be kept there)
        // (and a closure given to a function, run there with the call's other arguments: `apply(put, &e)`)
        for (const run of closuresRun(c)) for (const h of closureStoresInto(cx, run.lit)) {
          if (h.type.k !== 'ref' && !refBound.has(h) && !params.has(h) && within(h.span, body.span)) for (const a of run.args) fill(h, a);
          // (its argument may be a parameter of a closure around the call: that one stores it too)
          for (const a of run.args) if (storedClosureParam(a, a, h)) break;
          for (const a of run.args) storedTemporary(h, a); // (`put(&mk(4))`: the temporary is dropped after the statement)
        }
        // `go_with_stack(n, f)` spawns f as a `go` does
        // (a closure literal, or one a `let` bound: `let f = || …; go_with_stack(n, f)`)
        if (t?.k === 'builtin' && t.name === 'go_with_stack') {
          for (const a of c.args) {
            const lit = a.kind === 'closure' ? a : a.kind === 'ident' ? letClosures.get(local(a)!) : undefined;
            const info = lit ? exprInfo(lit)?.closure : undefined, b = captures(info, true);
            if (b) laterIfBlocks(cx, info!, () => report(b, a.span, null));
          }
        }
        break;
      }
      case 'return': { const v = (o as unknown as { value: ast.Expr | null }).value; if (v && !inClosure) returned(v); break; }
      // (a task borrowing this function's own locals may finish before they go: not decided here)
      case 'go': {
        const info = goInfoOf(o as unknown as ast.Stmt), b = captures(info, true);
        if (b) laterIfBlocks(cx, info!, () => report(b, o.span as ast.Span, null));
        break;
      }
    }
    const inner = inClosure || o.kind === 'closure' || o.kind === 'async' || o.kind === 'go'; // (their returns are their own)
    const lit = o.kind === 'closure' ? exprInfo(o as unknown as ast.Expr)?.closure : undefined;
    // (a builtin method lending its closure gives it the receiver's own elements: `v.for_each(|x| …)`)
    if (lit && !lentClosures.has(o as unknown as ast.Expr)) { for (const l of lit.params) closureParams.set(l, l.span); open.push(o.span as ast.Span); openLits.push(o as unknown as ast.Expr); }
    if (lit) for (const l of lit.params) if (l.type.k !== 'ref' && l.type.k !== 'slice' && l.type.k !== 'ptr') ownedParams.set(l, o.span as ast.Span);
    for (const k of Object.keys(o)) if (!skip(o, k)) visit(o[k], inner);
    if (lit && !lentClosures.has(o as unknown as ast.Expr)) { open.pop(); openLits.pop(); }
  };
  noteReplaced(body.stmts);
  visit(body.stmts, false);
  if (body.tail) { visit(body.tail, false); returned(body.tail); }
  filledReturns();
}

/** The calls of a closure literal, or of the local g a `let` bound it to, that are not calls of
 *  it (each must be an argument to a function's fn-typed parameter: the function and its index),
 *  or null when one is anything else. */
function lentToIn(body: ast.Block, lit: ast.ExprOf<'closure'>, g: LocalInfo | null): { fn: FnInfo; index: number }[] | null {
  const out: { fn: FnInfo; index: number }[] = [];
  let bad = false;
  const given = (c: ast.ExprOf<'call'>, i: number) => {
    const t = callTarget(c), f = t?.k === 'fn' || t?.k === 'method' ? t.fn : null;
    if (f?.decl?.body && f.params[i]?.type.k === 'fn') out.push({ fn: f, index: i }); else bad = true;
  };
  const visit = (n: unknown, up: Record<string, unknown> | null): void => {
    if (bad || !n || typeof n !== 'object') return;
    if (Array.isArray(n)) { for (const x of n) visit(x, up); return; }
    const o = checkedNode(n) as Record<string, unknown>;
    if (o === (lit as unknown) || (g && o.kind === 'ident' && nameRes(o as unknown as ast.Expr)?.k === 'local' && (nameRes(o as unknown as ast.Expr) as ResOf<'local'>).local === g)) {
      if (o === (lit as unknown) && g) return; // (its `let`)
      const c = up?.kind === 'call' ? checkedCall(up as unknown as ast.ExprOf<'call'>) : null;
      const i = c ? c.args.findIndex((a) => checkedNode(a) === (o as unknown)) : -1;
      if (c && (c.callee as unknown) === o && o !== (lit as unknown)) return;
      if (c && i >= 0) given(c, i); else bad = true;
      return;
    }
    for (const k of Object.keys(o)) if (!skip(o, k)) visit(o[k], o);
  };
  visit(body, null);
  return bad || !out.length ? null : out;
}
/** Does fn f call its fn-typed parameter `index` only with its caller's data (every mention a call
 *  of it whose reference arguments reach only f's reference parameters, or an argument to another
 *  function's such parameter; never inside a closure, task or `async` block)? Then a closure given
 *  there is called with what the call gives f, which the caller checks. */
function callsWithCallersData(cx: Ctx, f: FnInfo, index: number, seen = new Set<string>()): boolean {
  const p = f.params[index]?.local, body = f.decl?.body;
  if (!p || !body || f.isAsync) return false;
  const key = `${f.name}:${f.decl!.span.start}:${index}`;
  if (seen.has(key)) return true; // (recursion through it: each call on the way is judged)
  seen.add(key);
  const fromCaller = (e: ast.Expr, depth = 0): boolean => {
    const x = checkedNode(e);
    if (!holdsRef(exprInfo(x)?.type)) return true;
    if (depth > 8 || !['ref', 'ident', 'member', 'index', 'tuple-index', 'deref'].includes(x.kind)) return false;
    const l = placeRoot(x), from = l ? boundSource(l) : undefined;
    return !!l && (callersData(cx, f, l) || (!!from && fromCaller(from, depth + 1)));
  };
  let ok = true;
  const visit = (n: unknown, up: Record<string, unknown> | null, inner: boolean): void => {
    if (!ok || !n || typeof n !== 'object') return;
    if (Array.isArray(n)) { for (const x of n) visit(x, up, inner); return; }
    const o = checkedNode(n) as Record<string, unknown>;
    if (o.kind === 'ident' && nameRes(o as unknown as ast.Expr)?.k === 'local' && (nameRes(o as unknown as ast.Expr) as ResOf<'local'>).local === p) {
      const c = up?.kind === 'call' && !inner ? checkedCall(up as unknown as ast.ExprOf<'call'>) : null;
      const i = c ? c.args.findIndex((a) => checkedNode(a) === (o as unknown)) : -1;
      if (c && (c.callee as unknown) === o) ok = c.args.every((a) => fromCaller(a));
      // (given on to another such function with nothing but this one's caller's data beside it)
      else if (c && i >= 0) { const t = callTarget(c); ok = (t?.k === 'fn' || t?.k === 'method') && c.args.every((a, k) => k === i || fromCaller(a)) && callsWithCallersData(cx, t.fn, i, seen); }
      else ok = false;
      return;
    }
    const deeper = inner || o.kind === 'closure' || o.kind === 'go' || o.kind === 'async' || o.kind === 'defer';
    for (const k of Object.keys(o)) if (!skip(o, k)) visit(o[k], o, deeper);
  };
  visit(body, null, false);
  return ok;
}
/** Closure-parameter stores whose report waits until every body is checked. */
const lentChecks = new WeakMap<Ctx, { given: { fn: FnInfo; index: number }[]; report: () => void }[]>();
function laterUnlessLent(cx: Ctx, given: { fn: FnInfo; index: number }[], report: () => void): void {
  let a = lentChecks.get(cx);
  if (!a) lentChecks.set(cx, (a = []));
  a.push({ given, report });
}
/** After every body is checked: report the closures storing their reference parameter that are
 *  given to a function calling them with its own data (`let t = D{…}; f(&t);`). */
export function checkLentClosures(cx: Ctx): void {
  // (not with borrow checking off: engine tests run what it would reject)
  if (cx.borrowCheck) for (const l of lentChecks.get(cx) ?? []) if (!l.given.every((g) => callsWithCallersData(cx, g.fn, g.index))) l.report();
  lentChecks.delete(cx);
}

/** A task that cannot suspend runs to its end when spawned (§4.6: `go` runs the new task until it
 *  finishes or blocks), so it cannot outlive what it borrows: its report waits for mayBlock
 *  (callgraph.ts, computed after every body is checked) and is made only if the task may block. */
const taskChecks = new WeakMap<Ctx, { info: ClosureInfo; run: () => void }[]>();
function laterIfBlocks(cx: Ctx, info: ClosureInfo, run: () => void): void {
  let a = taskChecks.get(cx);
  if (!a) taskChecks.set(cx, (a = []));
  a.push({ info, run });
}
/** After computeMayBlock: report the borrowing tasks that may block. */
export function checkBlockingTasks(cx: Ctx): void {
  for (const t of taskChecks.get(cx) ?? []) if (t.info.mayBlock) t.run();
  taskChecks.delete(cx);
}

/** Does local l of fn refer to its caller's data: a reference parameter (or `&self`), or reached
 *  from one through references and views? */
export function callersData(cx: Ctx, fn: FnInfo, l: LocalInfo | null, depth = 0, closureParams?: ReadonlyMap<LocalInfo, unknown>): boolean {
  if (!l || depth > 16) return false;
  if (fn.params.some((p) => p.local === l) || fn.receiverLocal === l || closureParams?.has(l)) return l.type.k === 'ref' || l.type.k === 'slice';
  const via = refBound.get(l);
  if (via) return callersData(cx, fn, placeRoot(via.ref), depth + 1, closureParams);
  return (cx.heldBorrows.get(l) ?? []).some((h) => callersData(cx, fn, placeRoot(h), depth + 1, closureParams));
}

/** Can a value of type `holder` keep a reference into a value of type `t` (what a callee given
 *  both could store there)? Only through a reference or slice whose target is `t` or one of its
 *  owned parts (a field, an element: `&d.n` is an `&i32`), or through what its type cannot
 *  describe: a function value or Future (capturing one), a type parameter, a raw pointer. */
function mayHoldPartOf(holder: Type, t: Type | undefined): boolean {
  if (!t) return true;
  const parts: Type[] = [];
  let open = false;
  const part = (x: Type, depth: number): void => {
    if (open || depth > 8 || parts.some((p) => typeEq(p, x))) return;
    if (x.k === 'param' || x.k === 'any' || x.k === 'error') { open = true; return; }
    parts.push(x);
    if (x.k === 'tuple') for (const e of x.elems) part(e, depth + 1);
    else if (x.k === 'array') part(x.elem, depth + 1);
    else if (x.k === 'builtin') for (const a of x.args) part(a, depth + 1);
    else if (x.k === 'struct') { for (const a of x.args) part(a, depth + 1); for (const f of x.info.fields) part(f.type, depth + 1); }
    else if (x.k === 'enum') { for (const a of x.args) part(a, depth + 1); for (const v of x.info.variants) for (const f of v.fields) part(f, depth + 1); }
  };
  part(t, 0);
  if (open) return true;
  const seen = new Set<unknown>();
  const keeps = (h: Type, depth: number): boolean => {
    if (depth > 8) return true;
    switch (h.k) {
      case 'fn': case 'param': case 'any': case 'error': case 'ptr': return true;
      case 'ref': return parts.some((p) => typeEq(p, h.inner)) || keeps(h.inner, depth + 1);
      case 'slice': return parts.some((p) => typeEq(p, h.elem) || (p.k === 'builtin' && p.args.some((a) => typeEq(a, h.elem)))) || keeps(h.elem, depth + 1);
      case 'tuple': return h.elems.some((e) => keeps(e, depth + 1));
      case 'array': return keeps(h.elem, depth + 1);
      case 'builtin': return h.name === 'Future' || h.args.some((a) => keeps(a, depth + 1));
      case 'struct': case 'enum':
        if (h.args.some((a) => keeps(a, depth + 1))) return true;
        if (seen.has(h.info)) return false;
        seen.add(h.info);
        return h.k === 'struct' ? h.info.fields.some((f) => keeps(f.type, depth + 1)) : h.info.variants.some((v) => v.fields.some((f) => keeps(f, depth + 1)));
      default: return false;
    }
  };
  return keeps(holder, 0);
}

/** Is the place part of a `thread_local` (which outlives every local of its task)? */
function isThreadLocal(e: ast.Expr): boolean {
  while (e.kind === 'member' || e.kind === 'tuple-index' || e.kind === 'index') e = e.object;
  return e.kind === 'ident' && nameRes(e)?.k === 'tls';
}

/** Note the value each `let x = v;` / `x = v;` of the body gives a local whose type holds a reference. */
function noteValues(body: ast.Block): Map<LocalInfo, ast.Expr[]> {
  const out = new Map<LocalInfo, ast.Expr[]>();
  const visit = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) { for (const x of n) visit(x); return; }
    const o = checkedNode(n) as Record<string, unknown>;
    const b = o.kind === 'let' || o.kind === 'assign' ? boundLocal(o as unknown as ast.Stmt) : null;
    if (b && holdsRef(b.local.type)) out.set(b.local, [...(out.get(b.local) ?? []), b.value]);
    for (const k of Object.keys(o)) if (!skip(o, k)) visit(o[k]);
  };
  visit(body);
  return out;
}

/** For each local mentioned in the body: is every mention the callee of a call (`g(…)`)? */
function onlyCalledLocals(body: ast.Block): Map<LocalInfo, boolean> {
  const out = new Map<LocalInfo, boolean>();
  const visit = (n: unknown, callee: boolean): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) { for (const x of n) visit(x, false); return; }
    const o = checkedNode(n) as Record<string, unknown>;
    if (o.kind === 'ident' && nameRes(o as unknown as ast.Expr)?.k === 'local') {
      const l = (nameRes(o as unknown as ast.Expr) as ResOf<'local'>).local;
      out.set(l, (out.get(l) ?? true) && callee);
      return;
    }
    for (const k of Object.keys(o)) if (!skip(o, k)) visit(o[k], o.kind === 'call' && k === 'callee');
  };
  visit(body, false);
  return out;
}

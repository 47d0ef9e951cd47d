// Expression emission: values, operators with exact integer semantics, casts, places, formatting.
// Expressions that need statements (match, if/blocks as values, `?`) push them to `pre`, which
// the statement emitter flushes before the statement that uses the value.
import type * as ast from '../syntax/ast';
import type { Type, IntName } from '../sema/types';
import type { FnInfo } from '../sema/typed';
import { subst, typeName, isWideInt, intBits, intSigned, typeSome } from '../sema/types';
import { displayName } from '../sema/module-names';
import type { ModuleCtx } from './context';
import { jsStr, intLit, numLit, isWide, isCellRef, isObjectLike, wrapInt, wrapSmall, wrapWide, wideK, localName, derefAll, roundFloat, roundFloatValue, cellOverPlace, cellOfValue } from './names';
import { scalarKind, memBacked } from './typedesc';
import { envOf } from '../sema/types';
import { type ResOf, type TargetOf, callTarget, checkedCall, exprInfo, nameRes, refIsMut } from '../sema/tables';
import { holdsRef as semaHoldsRef } from '../sema/borrows';

/** The C struct or union a raw pointer points to: accessed through a checked view of its bytes. */
const ptrToCStruct = (t: Type): Type | null => (t.k === 'ptr' && t.inner.k === 'struct' && memBacked(t.inner) ? t.inner : null);
import { emitCast } from './casts';
import { keyArg, lookupKeyJs } from './keys';
import { eqGlueJs, holdsUserEq, lendsByValue } from './eq-glue';
import { noteValueUse } from './deep';
import { RT, rtH, rtL, rtS, rtX } from './rt-names';
import { isCopy } from '../sema/infer';
import { cloneJs } from './clone-glue';
import { CodegenLimit } from './context';
import { MSG, NOTE } from '../msg';
import { fieldNamed } from '../sema/field-named';

/** Operators that lend both operands to the method that defines them. */
const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);

/** Operand types a built-in binary operator (not `==`/`!=`) has a meaning for. */
function builtinOperand(op: string, t: Type): boolean {
  switch (t.k) {
    case 'int': case 'float': case 'param': case 'error': case 'never': case 'ptr': return true;
    case 'bool': return op === '&' || op === '|' || op === '^' || op === '<' || op === '<=' || op === '>' || op === '>=';
    case 'str': return op === '+' || op === '<' || op === '<=' || op === '>' || op === '>=';
    case 'builtin': return t.name === 'String' && (op === '<' || op === '<=' || op === '>' || op === '>=');
    default: return false;
  }
}

export type E = ast.Expr;

export class CodegenError extends Error {}
export const unsupported = (what: string): never => { throw new CodegenError(`codegen: unsupported ${what}`); };

/** Operands being emitted for a consumer (ExprEmitter.takeOperand/settle). */
export interface Operands {
  js: string[];
  owns: ({ t: Type; span: ast.Span } | null)[];
  leaves: boolean[];
  held: ({ tmp: string; js: string; post: string; postList: string[]; unwind: string } | null)[];
  /** Per operand: it may hold a Gc handle (true), or the temp that roots it while later operands
   *  that may collect are made (string), or neither (false). */
  gc: (boolean | string)[];
  /** Indices of the operands still to be held (owned) or rooted (Gc) when a later one is made:
   *  each is visited once, so a literal of n elements is emitted in O(n), not O(n²). */
  toHold: number[];
  toRoot: number[];
}
/** Remove the given entries from a list in place (one pass). */
function removeAll(list: string[], gone: ReadonlySet<string>): void {
  let n = 0;
  for (const x of list) if (!gone.has(x)) list[n++] = x;
  list.length = n;
}
export const operands = (): Operands => ({ js: [], owns: [], leaves: [], held: [], gc: [], toHold: [], toRoot: [] });
/** Operands that start with one already made (a callee, a by-value receiver), which cannot leave. */
export const operandsAfter = (js: string, owns: { t: Type; span: ast.Span } | null, gc: boolean): Operands =>
  ({ js: [js], owns: [owns], leaves: [false], held: [null], gc: [gc], toHold: owns ? [0] : [], toRoot: gc ? [0] : [] });

export abstract class ExprEmitter {
  pre: string[] = [];
  /** Temps the collector must see while they hold a value (a matched temporary, an operand in
   *  flight): the frame's GC roots read them (stmts.ts body), cleared after use. */
  protected gcTemps: string[] = [];
  /** Drops of temporaries borrowed by the statement being emitted (`f(&make())`): JS expressions
   *  run when the statement is done (withPre), or before a `return` leaves (returnJs). */
  post: string[] = [];
  /** The pending lists of the statements this one is nested in (outermost first): a `return`,
   *  `break` or `continue` in the middle of a statement runs them before it leaves. */
  readonly postOuter: string[][] = [];
  /** While emitting a statement whose value may hold a reference (`let r = id(&make())`): its
   *  borrowed temporaries are not dropped with it. */
  keepTemps = false;
  /** Temporaries to own at their emission (`expr`): each is dropped when its statement is done,
   *  or (true) kept for the value of a `let` that may hold a reference to it (see `extended`). */
  private readonly dropRoots = new Map<E, boolean>();
  /** `q.unwrap_or(d)` / `q.unwrap_or_else(f)` on a place, `m.get_or(k, d)`, read in place
   *  (`q.unwrap_or(d).n`): the default it may give is a temporary of the statement, dropped when
   *  it is done (or kept, true, as dropRoots); the payload stays q's, the value m's. */
  protected readonly inPlaceDefaults = new Map<E, boolean>();
  /** While emitting the value of a `let` (or an assignment) that may hold a reference: the
   *  temporaries it borrows, which then live as hidden locals of the block (or function) and are
   *  dropped with them — never leaked, never dropped while the reference can still be used. */
  extended: { name: string; flag: string; t: Type; span: ast.Span }[] | null = null;
  /** Every temporary's drop registered in this function: also run (idempotent) when unwinding. */
  readonly unwindTemps: string[] = [];
  /** Start collecting the drops of a nested statement (endPost restores the outer list). */
  beginPost(): void { this.postOuter.push(this.post); this.post = []; }
  endPost(): void { this.post = this.postOuter.pop()!; }
  /** Every drop pending from postOuter[from] inwards, innermost first. */
  pendingDrops(from: number): string[] {
    const out = this.post.slice().reverse();
    for (let i = this.postOuter.length - 1; i >= from; i--) out.push(...this.postOuter[i].slice().reverse());
    return out;
  }
  /** The current statement's temporaries' drops, newest first (reverse order of creation). */
  postJs(): string { return this.post.slice().reverse().map((d) => d + ';').join('\n'); }
  readonly temps: string[] = [];
  /** In a deep twin (deep.ts): the instances with twins, called as `yield twin(...)`. */
  deepTwins: ReadonlySet<string> | null = null;
  /** Liveness flags of Drop locals (cleared when the value is moved out). */
  readonly dropFlags = new Map<number, string>();
  /** Pattern bindings of a flat box field (context.ts flatBoxes): the local holds the enum object
   *  and this maps it to the field. `*l` works on the field itself; any other use makes a view. */
  readonly flatLocals = new Map<number, number>();
  /** Captured `let!` Drop locals of an inner block (FnEmitter.pinned): the JS variable, declared
   *  with the function's, holds a fresh box `{ v }` per binding, so each binding is its own. */
  readonly boxedLocals = new Set<number>();

  constructor(
    readonly m: ModuleCtx,
    readonly env: Map<string, Type>,
    readonly fnName: string,
    readonly isGen: boolean,
    readonly frame: string,
  ) {}

  abstract call(e: ast.ExprOf<'call'>): string;
  abstract closure(e: E, forceGen?: boolean): string;
  abstract blockValue(b: ast.Block, target: string | null): string;
  abstract matchValue(e: ast.ExprOf<'match'>, target: string | null): string;
  abstract returnJs(value: string | null): string;
  abstract callInstance(fn: FnInfo, typeArgs: Type[], args: string[], span: ast.Span): string;

  // ------------------------------------------------------------ helpers
  ty(t: Type): Type { return this.env.size ? subst(t, this.env) : t; }
  typeOf(e: E): Type { return this.ty(exprInfo(e)?.type ?? { k: 'error' }); }
  effType(e: E): Type { return this.ty(exprInfo(e)?.coerce ?? exprInfo(e)?.type ?? { k: 'error' }); }
  tmp(): string { const n = `$t${this.temps.length}`; this.temps.push(n); return n; }
  /** The key of a Map/Set lookup (`get`, `get_or`, `contains_key`, `contains`, `m[k]`): they take
   *  it by value (§4.5; a later use is E0113). A compound key is looked up by its canonical string.
   *  A moved place (a named local) is the lookup's own: dropped, once, as soon as that string is
   *  made (a missing key's panic leaks nothing); a temporary is dropped with the statement.
   *  `kt`: the map's key type; `o`: the map or set (a simple expression: see keys.ts). */
  lookupKey(e: E, kt: Type | undefined, o: string): string {
    const ck = keyArg(this.m, kt) !== 'false';
    if (kt && this.m.needsDrop(kt) && exprInfo(e)?.moves) {
      const k = this.tmp(), c = ck ? this.tmp() : k, h = this.keyHeld(kt, e.span);
      return `(${h.on}${k} = ${this.val(e)}, ${ck ? `${c} = ${lookupKeyJs(this.m, o, k, kt)}, ` : ''}${h.off}${this.m.dropFn(kt)}(${k}), ${c})`;
    }
    return ck ? lookupKeyJs(this.m, o, this.tempVal(e), kt) : this.val(e);
  }
  /** `op(k)` for an operation that finds the entry itself (`remove`): a moved key is dropped
   *  after it, a temporary one with the statement (see lookupKey). */
  consumingKey(e: E, kt: Type | undefined, op: (k: string) => string): string {
    if (!kt || !this.m.needsDrop(kt) || !exprInfo(e)?.moves) return op(this.tempVal(e));
    const k = this.tmp(), r = this.tmp(), h = this.keyHeld(kt, e.span);
    return `(${h.on}${k} = ${this.val(e)}, ${r} = ${op(k)}, ${h.off}${this.m.dropFn(kt)}(${k}), ${r})`;
  }
  /** A moved key of type kt is held while it is looked up when that runs its type's own op==,
   *  which may panic (the unwinding drops it then): JS to prefix the key's assignment with and
   *  to put after the lookup, both '' otherwise. */
  private keyHeld(kt: Type, span: ast.Span): { on: string; off: string } {
    if (!holdsUserEq(this.m, kt)) return { on: '', off: '' };
    const h = this.heldTemp(kt, span);
    return { on: `${h} = `, off: `${h} = undefined, ` };
  }
  site(span: ast.Span): number { return this.m.site(span, this.fnName); }
  /** `&s.f as *T` / `&a[i] as *T` inside a memory-backed value: base address + C-layout offset. */
  partAddr(o: E, span: ast.Span): string | null {
    if (o.kind === 'member') {
      const st = derefAll(this.effType(o.object));
      if (st.k !== 'struct') return null;
      const f = fieldNamed(this.m.prog.layoutOf(st).fields, o.name);
      if (!f || f.bitWidth != null) return null;
      return `${rtH('fieldAddr')}(${this.val(o.object)}, ${f.offset}, ${this.site(span)})`;
    }
    if (o.kind === 'index') {
      const at = derefAll(this.effType(o.object));
      if (at.k !== 'array') return null;
      const esize = this.m.prog.layoutOf(at.elem).size;
      return `${rtH('elemAddr')}(${this.val(o.object)}, ${this.val(o.index)}, ${esize}, ${this.site(span)})`;
    }
    return null;
  }
  /** Record the call site in this frame before a call that may panic or push frames. */
  at(span: ast.Span): string { return `$FS[${this.frame}] = ${this.site(span)}`; }

  /** Left to right (§3.3): emit a later operand; when it hoists statements (`?`, a match or block
   *  value), the earlier operands' JS in `earlier` is evaluated into temps first, so their effects
   *  (calls, panics) still come before the later operand's. */
  after<R>(earlier: string[], f: () => R): R {
    const saved = this.pre;
    this.pre = [];
    let js: R, pre: string[];
    try { js = f(); } finally { pre = this.pre; this.pre = saved; }
    this.hoisted = pre.length > 0;
    if (pre.length) {
      for (let i = 0; i < earlier.length; i++) {
        if (/^(\$t\d+|-?\d[\w.]*|true|false|null|undefined|"[^"\\]*")$/.test(earlier[i])) continue;
        const t = this.tmp();
        this.pre.push(`${t} = ${earlier[i]};`);
        earlier[i] = t;
      }
      this.pre.push(...pre);
    }
    return js;
  }
  /** Each of es in source order (after()). */
  ordered(es: E[], f: (e: E) => string): string[] {
    const out: string[] = [];
    for (const e of es) out.push(this.after(out, () => f(e)));
    return out;
  }
  /** The unwinding cleanup of temp `tmp` holding a `t` (idempotent: it clears the temp). */
  unwindDrop(tmp: string, t: Type, span: ast.Span): string {
    return `(${tmp} !== undefined && (${RT.logDrop}($u, ${this.site(span)}, ${this.m.td(t)}, "", ${tmp}), ${this.m.dropFn(t)}(${tmp}, ${tmp} = undefined)))`;
  }
  /** The drop of temp `tmp` when its statement is done: the temp is cleared before the drop runs
   *  (`fn(tmp, tmp = undefined)`), so a drop that panics is not run again by the unwinding. */
  postDrop(tmp: string, fn: string): string {
    return `(${tmp} !== undefined && ${fn}(${tmp}, ${tmp} = undefined))`;
  }
  /** A temp that holds a value of type t only while a panic may end the statement (the caller
   *  clears it once the value is taken): unwinding drops it. */
  heldTemp(t: Type, span: ast.Span): string {
    const h = this.tmp();
    this.unwindTemps.push(this.unwindDrop(h, t, span));
    return h;
  }
  /** Set by after(): the operand it emitted hoisted statements. */
  private hoisted = false;
  /** Operands a consumer takes (call arguments, a literal's fields), emitted left to right with
   *  after() into `ops`; `owns` is what operand i gives the consumer that needs a drop (null: a
   *  copy, a reference, nothing owned). An owned operand is in flight until the consumer has them
   *  all: before a later operand is emitted it is held in a temp that is one of the statement's
   *  temporaries, so a later operand that leaves (`take(d, parse()?)`: its exit is emitted with
   *  the pending drops) or panics (`P { a: mk(), b: boom() }`) drops it on the way out (it
   *  leaked); settle() clears the temps once all are made. `src`: the expressions the operand is
   *  made of, to tell whether it may leave (cannotLeave). */
  takeOperand(ops: Operands, f: () => string, owns: { t: Type; span: ast.Span } | null, src: readonly E[]): void {
    // an operand that may hold a Gc handle is a GC root while a later one that may run code (a
    // gc_collect() somewhere) is made: `take(Gc(N { … }), collect_now())` collected the first
    const mayLeave = src.some((e) => !cannotLeave(e));
    if (mayLeave && ops.toRoot.length) {
      for (const i of ops.toRoot) {
        const tmp = this.tmp();
        this.gcTemps.push(tmp);
        ops.gc[i] = tmp;
        ops.js[i] = `(${tmp} = ${ops.js[i]})`;
      }
      ops.toRoot.length = 0;
    }
    for (const i of ops.toHold) {
      const o = ops.owns[i]!;
      const tmp = this.tmp(), fn = this.m.dropFn(o.t);
      const post = this.postDrop(tmp, fn);
      const unwind = this.unwindDrop(tmp, o.t, o.span);
      this.post.push(post);
      this.unwindTemps.push(unwind);
      ops.held[i] = { tmp, js: ops.js[i], post, postList: this.post, unwind };
      ops.js[i] = `(${tmp} = ${ops.js[i]})`;
    }
    ops.toHold.length = 0;
    const js = this.after(ops.js, f);
    const i = ops.js.length;
    ops.js.push(js);
    const owned = owns && owns.t.k !== 'ref' && this.m.needsDrop(owns.t) ? owns : null;
    ops.owns.push(owned);
    if (owned) ops.toHold.push(i);
    ops.held.push(null);
    const gc = !!owns && owns.t.k !== 'ref' && this.m.mayHoldGc(this.ty(owns.t));
    ops.gc.push(gc);
    if (gc) ops.toRoot.push(i);
    // it may leave the statement: it hoisted statements (`?`, a match's `return`) or may panic
    ops.leaves.push(this.hoisted || mayLeave);
  }
  /** The operands' JS: the held ones cleared after the last is made, or let go when nothing
   *  after them may leave (their temp and drops removed). */
  settle(ops: Operands): string[] {
    const js = ops.js, clears: string[] = [];
    for (const g of ops.gc) if (typeof g === 'string') clears.push(`${g} = undefined`);
    const lastLeaves = ops.leaves.lastIndexOf(true);
    const letGo = new Map<string[], Set<string>>(), unwinds = new Set<string>();
    ops.held.forEach((h, i) => {
      if (!h) return;
      if (i < lastLeaves) { clears.push(`${h.tmp} = undefined`); return; }
      let posts = letGo.get(h.postList);
      if (!posts) letGo.set(h.postList, (posts = new Set()));
      posts.add(h.post);
      unwinds.add(h.unwind);
      js[i] = h.js; // not spilled: only an operand that hoisted (leaves) makes after() spill
    });
    // their drops removed in one pass each (the texts name distinct temps)
    for (const [list, posts] of letGo) removeAll(list, posts);
    if (unwinds.size) removeAll(this.unwindTemps, unwinds);
    if (clears.length) { const l = this.tmp(); js[js.length - 1] = `(${l} = ${js[js.length - 1]}, ${clears.join(', ')}, ${l})`; }
    return js;
  }
  /** Raw JS of arguments already evaluated into temps (pinArgs). */
  private readonly pinnedArgs = new Map<E, string>();
  /** A builtin call's arguments up to the last one after the first that hoists statements
   *  (`m.insert(key(), v()?)`) are evaluated first, in order, into temps its JS reads where it
   *  needs them (else the hoisted statements ran before the earlier arguments). One that owns
   *  something is in flight meanwhile (as in takeOperand). Returns the pins to drop after. */
  pinArgs(args: readonly E[], panics = false): E[] {
    let last = -1;
    args.forEach((x, i) => { if (i > 0 && hoists(x)) last = i; });
    // `panics`: also up to a later argument that may panic after an owned one (`m.insert(k(),
    // boom())`): the owned one is then a temporary the unwinding drops (it leaked)
    const owned = (x: E) => { const xt = this.typeOf(x); return xt.k !== 'ref' && this.m.needsDrop(xt) && !!(exprInfo(x)?.moves || freshValue(x)); };
    if (panics && last < 0) args.forEach((x, i) => { if (i > 0 && !cannotLeave(x) && args.slice(0, i).some(owned)) last = i; });
    if (last < 0) return [];
    const held: string[] = [];
    for (let i = 0; i <= last; i++) {
      const x = args[i], t = this.tmp();
      this.pre.push(`${t} = ${this.raw(x)};`);
      this.pinnedArgs.set(x, t);
      const xt = this.typeOf(x);
      if (i === last || !owned(x)) continue;
      const h = this.tmp(), fn = this.m.dropFn(xt);
      this.pre.push(`${h} = ${t};`);
      this.post.push(this.postDrop(h, fn));
      this.unwindTemps.push(this.unwindDrop(h, xt, x.span));
      held.push(h);
    }
    for (const h of held) this.pre.push(`${h} = undefined;`);
    return args.slice(0, last + 1);
  }
  unpin(es: E[]): void { for (const x of es) this.pinnedArgs.delete(x); }
  /** e made once into a temp that every emission of it reads (a node the lowering shares). */
  pinExpr(e: E): E[] {
    const js = this.raw(e);
    if (/^[\w$."]+$/.test(js)) return []; // a plain read: emitted again as it is
    const t = this.tmp();
    this.pre.push(`${t} = ${js};`);
    this.pinnedArgs.set(e, t);
    return [e];
  }
  /** e's raw JS is `js` (a place already made). */
  pinRaw(e: E, js: string): E[] { this.pinnedArgs.set(e, js); return [e]; }
  /** A tuple's or array literal's elements. */
  private elements(es: E[]): string[] {
    const ops = operands();
    for (const x of es) this.takeOperand(ops, () => this.copyVal(x), { t: this.effType(x), span: x.span }, [x]);
    return this.settle(ops);
  }

  /** Emit `f` collecting the statements it pushes. */
  capture(f: () => string): [string[], string] {
    const saved = this.pre;
    this.pre = [];
    try {
      const js = f();
      return [this.pre, js];
    } finally {
      this.pre = saved;
    }
  }

  /** Value of e with the checker's implicit conversion applied. */
  expr(e: E): string {
    if (exprInfo(e)?.coerce) {
      const from = this.typeOf(e), to = this.ty(exprInfo(e)!.coerce!);
      if (from.k === 'ref' && to.k === 'ptr') return this.refAsPtr(e, from);
      // §7.4: a `str` where a `String` is expected is copied into a new growable string
      if (from.k === 'str' && to.k === 'builtin' && to.name === 'String') { const s = this.raw(e); return `$newString(${isCellRef(this.typeOf(e)) ? `${s}.get()` : s}, ${this.site(e.span)})`; } // the `str` itself, uncoerced
    }
    let js = this.raw(e);
    if (exprInfo(e)?.coerce) {
      const from = this.ty(this.typeOf(e)), to = this.ty(exprInfo(e)!.coerce!);
      // an owned String read as `str` (`takes(s.trim())`, `v.push(line.upper())`): its text is
      // copied out, and the temporary String itself is dropped with the statement (it leaked)
      if (from.k === 'builtin' && from.name === 'String' && to.k === 'str' && (this.dropRoots.has(e) || freshValue(e))) {
        const extend = this.dropRoots.get(e) ?? false;
        this.dropRoots.delete(e);
        return this.convert(this.ownTemp(js, from, e.span, extend), from, to);
      }
      js = this.convert(js, this.typeOf(e), to, this.site(e.span));
    }
    const extend = this.dropRoots.get(e);
    if (extend !== undefined) { this.dropRoots.delete(e); js = this.ownTemp(js, this.ty(this.typeOf(e)), e.span, extend); }
    return js;
  }
  /** Hold a temporary's value in a temp whose drop runs when the statement is done (and when
   *  unwinding out of the middle of it, logged as a step for the Panic panel): exactly once,
   *  since the drop clears the temp. `extend`: a reference the statement keeps may point into it
   *  (`let r = make_pair().first();`): it lives as a hidden local of the block instead. */
  ownTemp(js: string, t: Type, span: ast.Span, extend = false): string {
    if (t.k === 'ref' || !this.m.needsDrop(t)) return js;
    if (extend) {
      // a keeping statement outside a `let` (a `return`, a REPL cell's session): kept, as before
      if (!this.extended) return js;
      const v = this.tmp(), name = `${v}x`, flag = `${v}f`;
      this.extended.push({ name, flag, t, span });
      // an assignment in a loop made one already: dropped once the new one exists (the
      // reference moves on to the new one)
      // (its flag down first: a drop that panics is not run again by the unwinding)
      return `(${v} = ${js}, ${flag} && (${flag} = false, ${this.m.dropFn(t)}(${name})), ${name} = ${v}, ${flag} = true, ${v})`;
    }
    const tmp = this.tmp();
    const fn = this.m.dropFn(t);
    this.post.push(this.postDrop(tmp, fn));
    this.unwindTemps.push(this.unwindDrop(tmp, t, span));
    return `(${tmp} = ${js})`;
  }
  /** Emit e with `root` (a temporary inside it) owned by the statement (kept, with `extend`). */
  private withRoot(root: E | null, e: E, extend = false): string {
    if (!root) return this.val(e);
    this.dropRoots.set(root, extend);
    try { return this.val(e); } finally { this.dropRoots.delete(root); }
  }
  /** withRoot for a value read in place (`tempRoot(e, true)`): the defaults of the unwraps on
   *  the way from e to its root (which are not fresh: their receivers are places) are owned by
   *  the statement too. */
  private readInPlace(root: E | null, e: E, extend = false): string {
    const marked: E[] = [];
    for (let o: E | null = e; o && o !== root; o = partOf(o)) {
      if (o.kind !== 'call') continue;
      const c = checkedCall(o);
      if (givesDefault(c)) {
        this.inPlaceDefaults.set(c, extend);
        marked.push(c);
      }
    }
    try { return this.withRoot(root, e, extend); } finally { for (const c of marked) this.inPlaceDefaults.delete(c); }
  }
  /** An f-string's pieces (one per part), holes left to right (§3.3): one that hoists statements
   *  (`v.pop().unwrap()`) evaluates the earlier holes into temps first. */
  protected fstringPieces(e: Extract<E, { kind: 'fstring' }>): string[] {
    const pieces: string[] = [];
    for (const p of e.parts) pieces.push(p.kind === 'text' ? jsStr(p.text) : this.after(pieces, () => this.display(p.expr)));
    return pieces;
  }
  /** Whether e is emitted as it is (no coercion, operator method or temporary drop around it). */
  protected plainExpr(e: E): boolean {
    const i = exprInfo(e);
    return !i?.coerce && !i?.lowered && !this.dropRoots.has(e);
  }
  /** Value of e, reading through `&T!` cells (operands, receivers, printing). */
  val(e: E): string {
    const js = this.expr(e);
    return isCellRef(this.effType(e)) ? `${js}.get()` : js;
  }
  /** A value being copied out of a place: arrays and tuples have value semantics. */
  copyVal(e: E): string {
    if (e.kind === 'deref' && !exprInfo(e)?.coerce && ptrToCStruct(this.effType(e.operand))) {
      // `*p` used as a value: copy the bytes out (a view would alias the pointee)
      return `${rtH('copyOut')}(${this.m.td((this.effType(e.operand) as { inner: Type }).inner)}, ${this.expr(e.operand)}, ${this.site(e.span)})`;
    }
    // a reference that is a cell flows as the cell (bound, returned, passed): it keeps aliasing
    if (isCellRef(this.effType(e))) return this.expr(e);
    const js = this.val(e);
    const et = this.effType(e);
    // a reference to an array (`&[T; N]!` held in a variable) is passed on, not the array copied
    if (et.k === 'ref' && !isCellRef(et)) return js;
    const t = derefAll(et);
    if ((t.k === 'array' || t.k === 'tuple') && isPlace(e)) {
      // a big copy is held by this frame's stack (rt.frameArray)
      const bytes = this.m.prog.layoutOf(t).size;
      return bytes >= 256 ? `$copy(${js}, ${this.site(e.span)}, ${bytes})` : `$copy(${js})`;
    }
    // a struct that is a value (time's Instant, sema isCopy): a copy of its fields, since a
    // write through a reference (`*r = x`) changes the object in place
    if (t.k === 'struct' && isCopy(t) && isPlace(e)) return cloneJs(this.m, js, t, this.site(e.span));
    return js;
  }

  /** The implicit `&T`/`&T!` → `*T` of a C argument (§6.1): the referent's address. `&x` of an
   *  address-taken local is its slot; any other referent is copied to a slot for the call and,
   *  for `&T!`, copied back after the statement (C may have written through the pointer). */
  refAsPtr(e: E, from: Extract<Type, { k: 'ref' }>): string {
    const s = this.site(e.span);
    if (e.kind === 'ref') {
      const o = e.operand;
      if (o.kind === 'ident' && nameRes(o)?.k === 'local' && (nameRes(o) as ResOf<'local'>).local.addressTaken && memBacked(this.ty((nameRes(o) as ResOf<'local'>).local.type))) {
        const n = localName((nameRes(o) as ResOf<'local'>).local.name, (nameRes(o) as ResOf<'local'>).local.id);
        return scalarKind(this.ty((nameRes(o) as ResOf<'local'>).local.type)) ? `${n}.$addr` : `${rtH('addrOf')}(${n}, ${s})`;
      }
      const part = this.partAddr(o, e.span);
      if (part) return part;
    }
    const td = this.m.td(from.inner);
    const v = this.simple(this.raw(e));
    if (!from.mut) return `${rtH('refAddr')}(${td}, ${v}, ${s})`;
    const a = this.tmp();
    this.post.push(`${rtH('writeBack')}(${td}, ${v}, ${a})`);
    return `(${a} = ${rtH('refAddr')}(${td}, ${v}, ${s}))`;
  }

  /** `site`: where a Vec made of an array literal is allocated (the heap profile's line). */
  convert(js: string, from: Type, to: Type, site = -1): string {
    if (to.k === 'any' && from.k !== 'any') return this.boxAny(js, from);
    if (from.k === 'int' && to.k === 'int') {
      return js; // a <= 32-bit number is already the canonical form of the wider value
    }
    if (from.k === 'int' && to.k === 'float') return isWideInt(from.name) ? `$Number(${js})` : js;
    if (from.k === 'float' && to.k === 'float') return to.bits < from.bits ? roundFloat(js, to.bits) : js;
    if (from.k === 'ref' && to.k === 'ref') {
      if (isCellRef(from) && !isCellRef(to)) return `${js}.get()`;
      return js;
    }
    if (from.k === 'ref' && to.k !== 'ref' && to.k !== 'ptr') {
      return isCellRef(from) ? `${js}.get()` : this.convert(js, from.inner, to);
    }
    if (from.k === 'enum' && to.k === 'int') return `${js}.t`; // §7.4: a unit enum as its index (i32)
    if (from.k === 'builtin' && from.name === 'String' && to.k === 'str') return `${js}.s`;
    if (from.k === 'str' && to.k === 'ptr') return `${rtH('cstr')}(${js})`;
    if (from.k === 'array' && to.k === 'slice') return `new ${RT.VSlice}(${js}, 0, ${js}.length)`;
    if (from.k === 'array' && to.k === 'builtin' && to.name === 'Vec') { // §7.4: an array literal as a Vec (a fresh JS array)
      let size = 8, align = 8;
      try { const l = this.m.prog.layoutOf(to.args[0]); size = l.size || size; align = l.align || align; } catch { /* keep defaults, as newVec */ }
      return `new ${RT.VVec}(${size}, ${align}, ${js}, 0, ${site})`;
    }
    if (from.k === 'ref' && from.inner.k === 'array' && to.k === 'slice') return `$sliceAll(${js})`;
    return js;
  }

  /** A value boxed into an `any` (chapter 2 §7.5): `{ t, v, d }` = its type descriptor, the value
   *  and the drop the box runs when it is dropped (null for a borrowed or drop-free value). A
   *  reference is boxed as the reference (type `&T`/`&T!`, owning nothing): `as &T` gives it back
   *  still aliasing its place, and printing reads through it. `str` has one descriptor whatever
   *  its spelling, so `as str` and `as string` both get it back. */
  boxAny(js: string, from: Type): string {
    let t = from;
    const owned = t.k !== 'ref';
    if (t.k === 'ref' && t.inner.k === 'any') return isCellRef(t) ? `${js}.get()` : js;
    if (t.k === 'any') return js;
    if (t.k === 'str') t = { k: 'str', spelled: 'str' };
    if (t.k === 'ref' && t.inner.k === 'str') t = { ...t, inner: { k: 'str', spelled: 'str' } };
    const drop = owned && this.m.needsDrop(t) ? this.m.dropFn(t) : 'null';
    return `({ t: ${this.m.td(t)}, v: ${js}, d: ${drop} })`;
  }

  // ------------------------------------------------------------ the expression switch
  raw(e: E): string {
    const pin = this.pinnedArgs.get(e);
    if (pin !== undefined) return pin;
    if (exprInfo(e)?.lowered) return this.expr(exprInfo(e)!.lowered!); // an overloaded operator (sema/operators.ts)
    switch (e.kind) {
      case 'int': {
        const t = this.typeOf(e);
        return intLit(exprInfo(e)?.constValue != null && typeof exprInfo(e)!.constValue! !== 'boolean' && typeof exprInfo(e)!.constValue! !== 'string' ? (exprInfo(e)!.constValue! as bigint) : e.value, t);
      }
      case 'float': { const bits = this.typeOf(e).k === 'float' ? (this.typeOf(e) as { bits: number }).bits : 64; return numLit(roundFloatValue(e.value, bits)); }
      case 'string': return jsStr(e.value);
      case 'bool': return e.value ? 'true' : 'false';
      case 'nil': return 'undefined';
      case 'fstring': {
        const pieces = this.fstringPieces(e);
        // a formatted string is a run-time allocation (§6.18), built by rt.host.cat (one longer than
        // any string fails as an allocation); one without holes is a literal
        if (!e.parts.some((p) => p.kind === 'hole')) return '(' + (pieces.join(' + ') || '""') + ')';
        const s = this.site(e.span);
        if (pieces.length === 2) return `${rtH('tmpCat2')}(${pieces[0]}, ${pieces[1]}, ${s})`;
        return `${rtH('tmpStr')}(${rtH('cat')}([${pieces.join(', ')}], ${s}), ${s})`;
      }
      case 'ident': return this.ident(e);
      case 'tuple': return e.elems.length ? `[${this.elements(e.elems).join(', ')}]` : 'undefined';
      case 'array': return `[${this.elements(e.elems).join(', ')}]`;
      case 'array-repeat': {
        const v = this.copyVal(e.value);
        const n = this.val(e.count);
        const t = this.typeOf(e);
        const n2 = t.k === 'array' ? String(t.len) : `$Number(${n})`;
        // element size: a by-value array is charged to the heap limit like a native one
        const esize = t.k === 'array' ? this.ptrElemSize(t.elem) : 8;
        // a constant count is passed exactly too (a u64 above 2^53 is reported exactly)
        return `$repeat(${v}, ${n2}, ${esize}, ${this.site(e.span)}${t.k === 'array' ? `, ${n}` : ''})`;
      }
      case 'map': {
        const mt = this.typeOf(e);
        const ck = keyArg(this.m, mt.k === 'builtin' ? mt.args[0] : undefined);
        const [es, ea] = this.tableEntry(mt);
        // keys and values are operands the map takes: an owned one made before a later one that
        // panics is dropped (`{"a": D {…}, "b": boom()}` leaked it), a Gc one is a root meanwhile
        const ops = operands();
        for (const en of e.entries) {
          this.takeOperand(ops, () => this.val(en.key), { t: this.effType(en.key), span: en.key.span }, [en.key]);
          this.takeOperand(ops, () => this.copyVal(en.value), { t: this.effType(en.value), span: en.value.span }, [en.value]);
        }
        const js = this.settle(ops), pairs: string[] = [];
        for (let i = 0; i < js.length; i += 2) pairs.push(`[${js[i]}, ${js[i + 1]}]`);
        // (keys or values that need a drop: a repeated key and the value it replaces are dropped)
        const [dk, dv] = mt.k === 'builtin' ? [mt.args[0], mt.args[1]].map((x) => (x && this.m.needsDrop(x) ? this.m.dropFn(x) : null)) : [null, null];
        return `$mapOf([${pairs.join(', ')}], ${ck}, ${es}, ${ea}, ${this.site(e.span)}${dk || dv ? `, ${dk}, ${dv}` : ''})`;
      }
      case 'unary': return this.unary(e);
      case 'postfix': return this.incDec(e.operand, e.op, false, exprInfo(e)?.step);
      case 'binary': return this.binary(e);
      case 'range': return `$range(${e.lo ? this.val(e.lo) : 'undefined'}, ${e.hi ? this.val(e.hi) : 'undefined'}, ${e.inclusive})`;
      case 'cast': {
        // `&x as *T`: the address of a memory-backed local
        if (e.expr.kind === 'ref' && this.typeOf(e).k === 'ptr') {
          const o = e.expr.operand;
          if (o.kind === 'ident' && nameRes(o)?.k === 'local' && (nameRes(o) as ResOf<'local'>).local.addressTaken && memBacked(this.ty((nameRes(o) as ResOf<'local'>).local.type))) {
            const n = localName((nameRes(o) as ResOf<'local'>).local.name, (nameRes(o) as ResOf<'local'>).local.id);
            return scalarKind(this.ty((nameRes(o) as ResOf<'local'>).local.type)) ? `${n}.$addr` : `${rtH('addrOf')}(${n}, ${this.site(e.span)})`;
          }
          return this.partAddr(o, e.span) ?? `${rtH('addrOf')}(${this.val(o)}, ${this.site(e.span)})`;
        }
        // `r as *T` with r a reference held in a variable: the referent's address, as for C args
        const src = this.typeOf(e.expr);
        if (src.k === 'ref' && this.typeOf(e).k === 'ptr') return this.refAsPtr(e.expr, src);
        if (src.k === 'any' && this.typeOf(e).k !== 'any') { // back out of an `any`: checked against its type
          const to = this.typeOf(e);
          const td = this.m.td(to.k === 'str' ? { k: 'str', spelled: 'str' } : to);
          if (to.k === 'ref' && !to.mut) { // `as &T` also takes back a boxed `&T!` (a shared view of it)
            const a = this.tmp();
            return `(${a} = ${this.val(e.expr)}, ${a}.t === ${this.m.td({ ...to, mut: true })} ? ${a}.v : $anyAs(${a}, ${td}, ${this.site(e.span)}))`;
          }
          return `$anyAs(${this.val(e.expr)}, ${td}, ${this.site(e.span)})`;
        }
        return this.cast(this.val(e.expr), this.effType(e.expr), this.typeOf(e), e);
      }
      // `&s!` of a str is typed `str` (a str is already a reference): the value, not a cell over s
      case 'ref': return this.typeOf(e).k === 'str' ? this.val(e.operand) : this.refTo(e.operand, refIsMut(e));
      case 'deref': return this.deref(e);
      case 'recv': return this.block_(`${rtS('recv')}(${this.val(e.operand)}, ${this.site(e.span)})`);
      case 'await': return this.block_(`${rtS('await')}(${this.val(e.operand)}, ${this.site(e.span)}${this.awaitRoots(e.operand, true)})`);
      case 'try': return this.tryOp(e);
      case 'member': return this.member(e);
      case 'tuple-index': {
        if (exprInfo(e)?.moves) return this.moveOut(this.simple(this.withRoot(tempRoot(e, false), e.object)), `[${e.index}]`);
        return `${this.val(e.object)}[${e.index}]`;
      }
      case 'index': return this.index(e);
      case 'call': return this.call(e);
      case 'struct-lit': return this.structLit(e);
      case 'closure': return this.closure(e);
      case 'match': { const t = this.tmp(); this.pre.push(this.matchValue(e, t)); return t; }
      case 'if': { const t = this.tmp(); this.pre.push(this.ifValue(e, t)); return t; }
      case 'block': { const t = this.tmp(); this.pre.push(this.blockValue(e.block, t)); return t; }
      case 'async': {
        const fnJs = this.closure(e, true);
        return this.startAsync(`(${fnJs})()`, '"async block"', e.span);
      }
      case 'typeof': return jsStr(displayName(typeName(this.typeOf(e.operand))));
      case 'error': return unsupported('error expression');
    }
  }

  /** An async fn's or block's Task, started now (eager): in suspendable code, or in a deep twin,
   *  the driver starts it (scheduler.ts spawn/startFrame, chain), so deep async recursion stays off
   *  the host stack. */
  startAsync(genJs: string, name: string, span: ast.Span): string {
    const site = this.site(span);
    if (!this.isGen && !this.deepTwins) return `${rtS('async')}(${genJs}, ${name}, ${site})`;
    const g = this.tmp();
    return `(${g} = ${genJs}, ${rtS('deep')} ? (yield ${rtS(this.isGen ? 'spawn' : 'startFrame')}(${g}, ${name}, ${site})) : ${rtS('async')}(${g}, ${name}, ${site}))`;
  }

  /** A blocking helper generator: `yield*` in suspendable code, a nested scheduler loop elsewhere. */
  /** rt.sched.await's trailing arguments for future f: none while its value may hold Gc handles
   *  (a GC root from its task's end until the awaiter resumes); else `roots` false (and `join`,
   *  when the call has not written it), which spares the bookkeeping per await. */
  awaitRoots(f: E, addJoin = false): string {
    const t = this.typeOf(f);
    const vt = t.k === 'builtin' && t.name === 'Future' ? t.args[0] : null;
    if (!vt || this.m.mayHoldGc(vt)) return '';
    return addJoin ? ', false, false' : ', false';
  }
  block_(genJs: string): string {
    return this.isGen ? `(yield* ${genJs})` : `${rtS('drive')}(${genJs})`;
  }

  ifValue(e: ast.ExprOf<'if'>, target: string): string {
    if (e.branches.length > 1) {
      // flat, like if statements (stmts.ts ifStmt): a labelled block the taken branch leaves
      const label = this.m.uid('$if');
      const arms = e.branches.map((b) => {
        const [pre, c] = this.capture(() => this.val(b.cond));
        return `{\n${pre.join('\n')}\nif (${c}) {\n${this.blockValue(b.body, target)}\nbreak ${label};\n}\n}`;
      });
      return `${label}: {\n${arms.join('\n')}\n{\n${this.blockValue(e.else, target)}\n}\n}`;
    }
    let js = '';
    e.branches.forEach((b, i) => {
      const [pre, c] = this.capture(() => this.val(b.cond));
      const body = this.blockValue(b.body, target);
      if (i === 0) js += `${pre.join('\n')}\nif (${c}) {\n${body}\n}`;
      else js += ` else {\n${pre.join('\n')}\nif (${c}) {\n${body}\n}`;
    });
    js += ` else {\n${this.blockValue(e.else, target)}\n}` + '}'.repeat(e.branches.length - 1);
    return js;
  }

  ident(e: ast.ExprOf<'ident'>): string {
    const r = nameRes(e);
    if (!r) return unsupported(`unresolved name ${e.name}`);
    switch (r.k) {
      case 'local': {
        const n = localName(r.local.name, r.local.id);
        const fj = this.flatLocals.get(r.local.id);
        if (fj !== undefined) return `new $BV(${n}, ${fj})`;
        if (r.local.addressTaken && memBacked(this.ty(r.local.type)) && scalarKind(this.ty(r.local.type))) return `${n}.v`;
        const flag = this.dropFlags.get(r.local.id);
        const lt = this.ty(r.local.type);
        if (exprInfo(e)?.moves && r.local.addressTaken && lt.k === 'struct' && memBacked(lt)) {
          // moving a struct that lives in memory copies its bytes out: the slot stays the local's
          // (a later assignment writes into it, place())
          const copy = `${rtH('copyOut')}(${this.m.td(lt)}, ${n}.$addr, ${this.site(e.span)})`;
          return flag ? `(${flag} = false, ${copy})` : copy;
        }
        const v = r.local.replBoxed || this.boxedLocals.has(r.local.id) ? `${n}.v` : n;
        return flag && exprInfo(e)?.moves ? `(${flag} = false, ${v})` : v;
      }
      case 'fn': {
        const inst = this.m.instance(r.fn, r.typeArgs.map((t) => this.ty(t)));
        noteValueUse(this.m, inst);
        // an async fn as a value starts its task when called, as a direct call does (its site
        // here: the call's is not known to the value); its generator alone would run inline
        if (r.fn.isAsync) return `${rtS('asyncFn')}(${inst.name}, ${jsStr(displayName(r.fn.name))}, ${this.site(e.span)})`;
        return inst.name;
      }
      case 'const': return this.constLit(r.value, this.ty(r.type));
      case 'tls': return `${RT.threadLocals}[${r.index}]`;
      case 'variant': return this.variantValue(this.ty(r.enumType), r.variant);
      case 'builtin-const': return String(r.value);
      case 'extern': { // a C function as a value: called with its fixed arguments, linked by its C name (`math·sin` is `sin`)
        const site = this.site(e.span);
        this.m.ffiSites[site] = { args: r.fn.params.map((p) => displayName(typeName(p))), ret: displayName(typeName(r.fn.ret)) };
        return `((...a) => ${rtH('ffi')}(${jsStr(displayName(r.fn.name))}, a, [], ${site}))`;
      }
      case 'builtin-fn': return unsupported(`builtin ${r.name} as a value`);
      case 'type': return unsupported('type as a value');
    }
  }

  constLit(v: unknown, t: Type): string {
    if (v === null || v === undefined) return 'undefined';
    if (typeof v === 'string') return jsStr(v);
    if (typeof v === 'boolean') return String(v);
    if (t.k === 'int') return intLit(v as bigint, t);
    return numLit(t.k === 'float' ? roundFloatValue(Number(v), t.bits) : Number(v));
  }

  /** A unit variant value, or a constructor function for a data variant used as a value. */
  variantValue(t: Type, variant: number): string {
    if (t.k !== 'enum') return unsupported('variant of a non-enum');
    const cls = this.m.enumClass(t.info);
    const v = t.info.variants[variant];
    if (!v.fields.length) return this.m.unitVariant(t.info, variant);
    const ps = v.fields.map((_, i) => '$' + i);
    const flat = this.m.flatBoxes(t.info)[variant];
    const fields = ps.map((p, j) => (flat[j] ? { a: `${p}.v`, b: `$bslot(${p})` } : { a: p }));
    return `((${ps.join(', ')}) => new ${cls}(${this.m.enumArgs(t.info, variant, fields)}))`;
  }
  newVariant(t: Type, variant: number, args: E[]): string {
    if (t.k !== 'enum') return unsupported('variant of a non-enum');
    const cls = this.m.enumClass(t.info);
    if (!args.length && !t.info.variants[variant].fields.length) return this.m.unitVariant(t.info, variant);
    const flat = this.m.flatBoxes(t.info)[variant];
    const ops = operands(), slots: (string | undefined)[] = [];
    args.forEach((a, j) => {
      if (!flat[j]) { this.takeOperand(ops, () => this.copyVal(a), { t: this.effType(a), span: a.span }, [a]); return; }
      // `Box(x)` written straight into the field: no VBox at all; any other Box value is unpacked
      // (its block moves into the field; the VBox is left empty)
      if (a.kind === 'call' && callTarget(a)?.k === 'builtin-static' && (callTarget(a) as TargetOf<'builtin-static'>).owner === 'Box' && (callTarget(a) as TargetOf<'builtin-static'>).method === 'new') {
        slots[j] = `$bnew(${this.site(a.span)})`;
        this.takeOperand(ops, () => this.copyVal(a.args[0]), { t: this.effType(a.args[0]), span: a.span }, [a.args[0]]);
        return;
      }
      const tmp = this.tmp();
      slots[j] = `$bslot(${tmp})`;
      this.takeOperand(ops, () => `(${tmp} = ${this.copyVal(a)}).v`, null, [a]);
    });
    const js = this.settle(ops);
    const fields = args.map((_, j) => (slots[j] === undefined ? { a: js[j] } : { a: js[j], b: slots[j] }));
    return `new ${cls}(${this.m.enumArgs(t.info, variant, fields)})`;
  }
  variantIndex(t: Type, name: string): number {
    const tt = derefAll(t);
    if (tt.k !== 'enum') return -1;
    return tt.info.variants.findIndex((v) => v.name === name);
  }

  // ------------------------------------------------------------ formatting
  /** `{}` text of e as a JS string expression. */
  display(e: E): string {
    if (exprInfo(e)?.display) return this.val(exprInfo(e)!.display!); // Display.to_string() (sema/std-contracts.ts)
    return this.displayJs(this.shownVal(e), derefAll(this.effType(e)));
  }
  /** The value formatting reads: through every reference (`&&i32!` holds the same cell as the
   *  `&i32!` it refers to; val() reads only a reference that is itself a cell). */
  private shownVal(e: E): string {
    const js = this.tempVal(e);
    const t = this.effType(e);
    return !isCellRef(t) && refOfCell(t) ? `${js}.get()` : js;
  }

  /** The value of e where it is only read (formatted, a borrowing receiver, a field read, a match
   *  subject whose bindings copy): an owned temporary made by e itself is dropped when the
   *  statement is done, like a borrowed one (`f(&make())`). `result` is what the read yields: it
   *  must not be able to hold a part of the temporary (no drop glue, not a reference). */
  tempVal(e: E, result: Type | null = null): string {
    // an owned result may share a part of the temporary (builtin accessors move theirs out:
    // moveOutRoot); one that may hold a reference into it (`make_pair().first()`) keeps it for
    // the statement — for the block, when a `let` keeps the reference (§6.4: a borrow of a
    // temporary lives while its statement runs; the `let` extends it, so it never dangles)
    if (result && this.m.needsDrop(result)) return this.val(e);
    const shares = !!result && holdsRef(result);
    // e itself, or the temporary e reads a part of (`mk().name.len()`, `make_vec().get(0).id`)
    return this.readInPlace(freshValue(e) ? e : tempRoot(e, true), e, shares && this.keepTemps);
  }
  /** The temporary receiver of a builtin accessor whose result needs drop (`make_strs().get(1)`),
   *  when nothing else owns it for this statement: the caller owns it (statement temp) and moves
   *  the element out, so the rest of it is dropped once at the end of the statement. */
  moveOutRoot(objE: E): E | null {
    const root = freshValue(objE) ? objE : tempRoot(objE, false);
    return root && !this.dropRoots.has(root) ? root : null;
  }
  /** A temporary Vec (or array, §5.2) receiver of `map`/`filter` whose elements need drop
   *  (`words().filter(f)`): the result takes the elements it kept; the others and the buffer are
   *  dropped at the end of the statement. `res` must receive the result. null when objE is not a
   *  temporary. */
  ownReceiverKeeping(objE: E): { js: string; res: string } | null {
    const t = derefAll(this.ty(this.typeOf(objE)));
    const el = t.k === 'array' ? t.elem : t.k === 'builtin' && t.name === 'Vec' ? t.args[0] : null;
    if (!freshValue(objE) || this.dropRoots.has(objE) || !el || !this.m.needsDrop(el)) return null;
    const tmp = this.tmp(), res = this.tmp(), k = this.tmp();
    const [items, release] = t.k === 'array' ? [k, ''] : [`${k}.a`, `, ${k}.release()`]; // an array is its JS array
    // (read into k and the temp cleared first: a drop that panics is not run again by the unwinding;
    // the elements not kept are each dropped even when one panics)
    const body = `${k} = ${tmp}, ${tmp} = undefined, ${res} && ${res}.a ? ${rtX('$dropAll')}(${items}.filter(($x) => !${res}.a.includes($x)), ${this.m.dropFn(el)}) : ${this.m.dropFn(t)}(${k})${release}`;
    this.post.push(`(${tmp} !== undefined && (${body}))`);
    this.unwindTemps.push(`(${tmp} !== undefined && (${RT.logDrop}($u, ${this.site(objE.span)}, ${this.m.td(t)}, "", ${tmp}), ${body}))`);
    return { js: `(${tmp} = ${this.val(objE)})`, res };
  }
  /** The receiver's JS with `root` owned by the statement. */
  ownedReceiver(root: E, objE: E): string { return this.withRoot(root, objE); }
  displayJs(js: string, t: Type): string {
    switch (t.k) {
      case 'int': return `("" + ${js})`;
      case 'float': return `$g(${js})`;
      case 'bool': return `(${js} ? "true" : "false")`;
      case 'str': return js;
      // the value is evaluated all the same: `println(s.insert(x))` runs the insert
      case 'unit': return /^[\w$]+$/.test(js) ? '"nil"' : `(${js}, "nil")`;
      case 'builtin': if (t.name === 'String') return `${js}.s`; break;
    }
    return `${RT.show}(${js}, ${this.m.td(t)})`;
  }
  /** `{:spec}` text. */
  displaySpec(e: E, spec: string): string {
    if (spec === '') return this.display(e);
    if (spec === '?' && exprInfo(e)?.display) return this.val(exprInfo(e)!.display!); // Debug.debug()
    const t = derefAll(this.effType(e));
    const v = this.shownVal(e);
    if (spec === '?') return `${RT.debug}(${v}, ${this.m.td(t)})`;
    const kind = t.k === 'int' ? t.name : t.k === 'float' ? (t.bits === 32 ? 'f32' : 'f64') : null;
    if (!kind) return this.display(e);
    return `${rtH('spec')}(${jsStr(spec)}, ${jsStr(kind)}, ${v}, ${this.site(e.span)})`;
  }

  // ------------------------------------------------------------ operators
  unary(e: ast.ExprOf<'unary'>): string {
    if (e.op === '++' || e.op === '--') return this.incDec(e.operand, e.op, true, exprInfo(e)?.step);
    const t = this.typeOf(e);
    const v = this.val(e.operand);
    switch (e.op) {
      case '!': return t.k === 'bool' ? `!${v}` : this.bitNot(v, t);
      case '~': return this.bitNot(v, t);
      case '-':
        if (t.k === 'float') return t.bits === 64 ? `(-${v})` : roundFloat(`-${v}`, t.bits);
        if (t.k === 'int') return isWideInt(t.name) ? `$wneg(${v}, ${wideK(t.name)})` : wrapSmall(`-${v}`, t.name);
        return `(-${v})`;
    }
  }
  bitNot(v: string, t: Type): string {
    if (t.k !== 'int') return `!${v}`;
    if (isWideInt(t.name)) return `$wnot(${v}, ${wideK(t.name)})`;
    return wrapSmall(`~${v}`, t.name);
  }

  binary(e: ast.ExprOf<'binary'>): string {
    const op = e.op;
    if (op === '&&' || op === '||') {
      const l = this.val(e.left);
      const [pre, r] = this.capture(() => this.val(e.right));
      if (!pre.length) return `(${l} ${op} ${r})`;
      const t = this.tmp();
      this.pre.push(`${t} = ${l};\nif (${op === '&&' ? '' : '!'}${t}) {\n${pre.join('\n')}\n${t} = ${r};\n}`);
      return t;
    }
    if (op === '??') {
      const l = this.val(e.left);
      const t = this.tmp();
      const [pre, r] = this.capture(() => this.val(e.right));
      this.pre.push(`${t} = ${l};\nif (${t}.t === 0) ${t} = ${t}.a0; else {\n${pre.join('\n')}\n${t} = ${r};\n}`);
      return t;
    }
    const lt = derefAll(this.effType(e.left));
    // comparing reads its operands: temporaries made by them are dropped with the statement
    const cmp = op === '==' || op === '!=' || op === '<' || op === '<=' || op === '>' || op === '>=';
    const ls = [cmp ? this.tempVal(e.left) : this.val(e.left)];
    let r = this.after(ls, () => (cmp ? this.tempVal(e.right) : this.val(e.right)));
    const l = ls[0];
    if ((op === '<<' || op === '>>') && lt.k === 'int') {
      // the shift count may have its own integer type: bring it to the left operand's representation
      const ct = derefAll(this.effType(e.right));
      const cw = ct.k === 'int' && isWideInt(ct.name);
      // (a wide left operand's helper takes a count of either form)
      if (!isWideInt(lt.name) && cw) r = `$wcnt(${r}, 127)`;
    }
    if (lt.k === 'ptr' && (op === '+' || op === '-')) {
      const rt_ = derefAll(this.effType(e.right));
      const size = this.ptrElemSize(lt.inner);
      if (rt_.k === 'ptr') return `$wnum((${l} - ${r}) / ${size})`;
      return `(${l} ${op} $Number(${r}) * ${size})`;
    }
    if (op === '+' && lt.k === 'builtin' && lt.name === 'Vec') { // chapter 2 §2.2.1: a new Vec of both (Copy elements)
      const a = this.tmp();
      return `(${a} = ${l}, new ${RT.VVec}(${a}.esize, ${a}.ealign, ${a}.a.concat(${r}.a), 0, ${this.site(e.span)}))`;
    }
    if (lt.k === 'struct' || lt.k === 'enum') {
      const viaMethod = this.userOperator(op, l, r, lt, e.span);
      if (viaMethod) return viaMethod;
    }
    if (op !== '==' && op !== '!=' && !builtinOperand(op, lt)) this.genericOperatorError(e, lt);
    return this.binop(op, l, r, lt, e.span);
  }

  /** Only an instance of a generic body reaches here with an operand type the operator has no
   *  meaning for (the checker allows `a - b` on two `T` values, §3.6): a Vex error of that
   *  instantiation, where the program calls it when the body is a standard module's. */
  private genericOperatorError(e: ast.ExprOf<'binary'>, t: Type): never {
    const inst = this.m.emitting;
    const fnName = displayName(inst?.fn.decl?.name ?? inst?.fn.name ?? 'this function');
    const param = [...(inst?.env.keys() ?? [])].find((k) => inst!.env.get(k) === t || typeName(inst!.env.get(k)!) === typeName(t));
    const span = e.span.file.startsWith('<std>') && inst?.at ? inst.at : e.span;
    const tn = displayName(typeName(t));
    throw new CodegenLimit(MSG.E0125.genericOperatorInstance({ fnName, op: e.op, t: tn }), span, [
      ...(param ? [NOTE.E0125.noteGenericInstanceChecked({ param: param.replace(/^.*\./, ''), t: tn })] : []),
      NOTE.E0125.helpDefineOperatorOrBound({ op: e.op, t: tn, fnName }),
    ]);
  }

  /** A generic body instantiated with a user type (`a < b` with `T: Ord`): its operator method,
   *  or the comparison derived from `op<` / `compare` (the checker lowers the non-generic cases). */
  userOperator(op: string, l: string, r: string, t: Extract<Type, { k: 'struct' | 'enum' }>, span: ast.Span): string | null {
    const ms = this.m.methods.get(t.info);
    const env = envOf(t.info.generics, t.args, t.info.name);
    // a shared reference to an enum (or another scalar-like type) is a cell, as methodCall passes
    // it: the operands here are values (an enum's `op==(y: &K)` read `x.get()` of a plain value)
    const pass = (x: string, pt: Type | null | undefined) => (pt && isCellRef(subst(pt, env)) ? cellOfValue(x) : x);
    const call = (name: string, a: string, b: string) => {
      const f = ms?.get(name);
      if (!f || f.params.length !== 1) return null;
      // (a comparison lends its operands: an instance of generic code reaching one that takes an
      // owning value by value is E0125, as the checker says of direct ones)
      if (COMPARISONS.has(op)) lendsByValue(this.m, t, f);
      return this.callInstance(f, t.args, [pass(a, f.receiverType), pass(b, f.params[0].type)], span);
    };
    const direct = call('op' + op, l, r);
    if (direct) return direct;
    if (op === '!=') { const eq = call('op==', l, r); return eq ? `!${eq}` : null; }
    if (op === '<' || op === '<=' || op === '>' || op === '>=') {
      if (ms?.get('op<')) {
        if (op === '>') return call('op<', r, l);
        if (op === '<=') return `!${call('op<', r, l)}`;
        return `!${call('op<', l, r)}`;
      }
      const cmp = call('compare', l, r) ?? call('cmp', l, r);
      if (cmp) return `(${cmp} ${op} 0)`;
    }
    return null;
  }

  /** Binary operator on two values of (widened) operand type t. */
  binop(op: string, l: string, r: string, t: Type, span: ast.Span): string {
    switch (op) {
      case '==': case '!=': {
        const eq = this.eq(l, r, t);
        return op === '==' ? eq : `!${eq}`;
      }
      case '<': case '<=': case '>': case '>=':
        // strings in code point (UTF-8 byte) order, not JS's UTF-16 order
        if (t.k === 'builtin' && t.name === 'String') return `(${rtL('strCmp')}(${l}.s, ${r}.s) ${op} 0)`;
        if (t.k === 'str') return `(${rtL('strCmp')}(${l}, ${r}) ${op} 0)`;
        return `(${l} ${op} ${r})`;
    }
    if (t.k === 'float') {
      const jsop = op === '**' ? '**' : op;
      const x = `(${l} ${jsop} ${r})`;
      return roundFloat(x, t.bits);
    }
    // a concatenation is a run-time string like an f-string's (charged; too long fails)
    if (t.k === 'str' && op === '+') { const s = this.site(span); return `${rtH('tmpCat2')}(${l}, ${r}, ${s})`; }
    if (t.k === 'bool') return `(${l} ${op} ${r})`;
    if (t.k !== 'int') return `(${l} ${op} ${r})`;
    const n = t.name;
    const s = this.site(span);
    if (isWideInt(n)) {
      // numbers while safe, BigInts beyond: the helpers take either and return the canonical form
      const k = wideK(n);
      switch (op) {
        case '+': return `$wadd(${l}, ${r}, ${k})`;
        case '-': return `$wsub(${l}, ${r}, ${k})`;
        case '*': return `$wmul(${l}, ${r}, ${k})`;
        case '/': return `$bdiv(${l}, ${r}, ${s}, ${k})`;
        case '%': return `$brem(${l}, ${r}, ${s})`;
        case '&': return `$wand(${l}, ${r})`;
        case '|': return `$wor(${l}, ${r})`;
        case '^': return `$wxor(${l}, ${r})`;
        case '<<': return `$wshl(${l}, ${r}, ${k})`;
        case '>>': return `$wshr(${l}, ${r}, ${k})`;
        case '**': return `$ipow(${l}, ${r}, ${jsStr(n)}, ${s})`;
      }
    } else {
      const mask = intBits(n) - 1;
      switch (op) {
        case '+': case '-': return wrapSmall(`${l} ${op} ${r}`, n);
        case '*':
          if (n === 'i32') return `$imul(${l}, ${r})`;
          if (n === 'u32') return `($imul(${l}, ${r}) >>> 0)`;
          return wrapSmall(`${l} * ${r}`, n);
        // a literal divisor is never 0: the operator inline, with feedback of its own (the shared
        // $div/$rem see every program's operands, f64-like ones included: a float modulus each)
        case '/': return wrapSmall(NONZERO_LIT.test(r) ? `${l} / ${r}` : `$div(${l}, ${r}, ${s})`, n);
        // (`| 0`: an integer has no -0, which JS's % gives for a negative dividend: -4 % 2)
        case '%': return NONZERO_LIT.test(r) ? (intSigned(n) ? `((${l} % ${r}) | 0)` : `(${l} % ${r})`) : `$rem(${l}, ${r}, ${s})`;
        case '&': case '|': case '^': return n === 'u32' ? `((${l} ${op} ${r}) >>> 0)` : `(${l} ${op} ${r})`;
        case '<<': return wrapSmall(`${l} << (${r} & ${mask})`, n);
        case '>>': return intSigned(n) ? `(${l} >> (${r} & ${mask}))` : `(${l} >>> (${r} & ${mask}))`;
        case '**': return `$ipow(${l}, ${r}, ${jsStr(n)}, ${s})`;
      }
    }
    return unsupported(`operator ${op} on ${typeName(t)}`);
  }

  eq(l: string, r: string, t: Type): string {
    // a value holding (or being) one with its own op== compares that part through it
    const glue = eqGlueJs(this.m, l, r, t);
    if (glue) return glue;
    switch (t.k) {
      // `==` on 64/128-bit values: a number and a BigInt of one value compare equal
      case 'int': if (isWideInt(t.name)) return `(${l} == ${r})`; return `(${l} === ${r})`;
      case 'float': case 'bool': case 'str': case 'unit': case 'ptr': return `(${l} === ${r})`;
      case 'enum':
        if (t.info.variants.every((v) => !v.fields.length)) return `(${l}.t === ${r}.t)`;
        return `$eq(${l}, ${r})`;
      case 'builtin': if (t.name === 'String') return `(${l}.s === ${r}.s)`; return `$eq(${l}, ${r})`;
      default: return `$eq(${l}, ${r})`;
    }
  }

  /** `x++` / `++x` / `x--` / `--x` on a place. */
  incDec(place: E, op: '++' | '--', prefix: boolean, step?: E): string {
    const p = this.place(place);
    if (step) { // a user type's `op++`/`op--`: store the call's result (sema/operators.ts incDecOverload)
      const old = this.tmp(), nv = this.tmp();
      if (!prefix) return `(${old} = ${p.get}, ${nv} = ${this.expr(step)}, ${p.set(nv)}, ${old})`; // the old value moves out (freshValue)
      // `++a` is `a = a.op++()`: the value it replaces is dropped, as an assignment's (it leaked)
      const t = this.ty(derefAll(this.typeOf(place)));
      if (!this.m.needsDrop(t)) return `(${nv} = ${this.expr(step)}, ${p.set(nv)}, ${nv})`;
      return `(${nv} = ${this.expr(step)}, ${old} = ${p.get}, ${p.set(nv)}, ${this.m.dropFn(t)}(${old}), ${nv})`;
    }
    const t = derefAll(this.typeOf(place));
    const one = '1';
    const nv = (cur: string) => this.binop(op === '++' ? '+' : '-', cur, one, t, place.span);
    if (prefix) {
      const tmp = this.tmp();
      return `(${tmp} = ${nv(p.get)}, ${p.set(tmp)}, ${tmp})`;
    }
    const old = this.tmp();
    return `(${old} = ${p.get}, ${p.set(nv(old))}, ${old})`;
  }

  // ------------------------------------------------------------ casts (§4.2)
  cast(v: string, from: Type, to: Type, e: E): string {
    return emitCast(v, derefAll(from), to, () => this.site(e.span));
  }

  // ------------------------------------------------------------ places, refs, members
  /** A place: JS expression to read it and a function producing a JS expression writing it. */
  place(e: E, frozen: string[] | null = null): { get: string; set: (v: string) => string } {
    switch (e.kind) {
      case 'ident': {
        const r = nameRes(e);
        if (r?.k === 'local') {
          const n = localName(r.local.name, r.local.id);
          if (r.local.addressTaken && memBacked(this.ty(r.local.type)) && scalarKind(this.ty(r.local.type))) return { get: `${n}.v`, set: (v) => `${n}.v = ${v}` };
          // a struct in memory (address taken) is written in place: pointers to it and closures
          // holding it see the new value
          if (r.local.addressTaken && this.ty(r.local.type).k === 'struct' && memBacked(this.ty(r.local.type))) return { get: n, set: (v) => `$assignInto(${n}, ${v})` };
          if (r.local.replBoxed || this.boxedLocals.has(r.local.id)) return { get: `${n}.v`, set: (v) => `${n}.v = ${v}` };
          if (isCellRef(this.ty(r.local.type))) return { get: `${n}.get()`, set: (v) => `${n}.set(${v})` };
          return { get: n, set: (v) => `${n} = ${v}` };
        }
        if (r?.k === 'tls') return { get: `${RT.threadLocals}[${r.index}]`, set: (v) => `${RT.threadLocals}[${r.index}] = ${v}` };
        return unsupported(`assignment to ${e.name}`);
      }
      case 'member': {
        let ot = derefAll(this.effType(e.object));
        const ps = ptrToCStruct(ot);
        let o = this.hold(frozen, ps ? `${rtH('view')}(${this.m.td(ps)}, ${this.val(e.object)}, ${this.site(e.span)})` : this.val(e.object));
        if (ps) ot = ps;
        // a field through a Box (`b.next` of `b: &Box<S>`), as member() reads it: the place is in
        // the box's content (it was looked up on the box itself: `cur = &b.next` read undefined)
        while (ot.k === 'builtin' && ot.name === 'Box' && ot.args[0]) { o = `${o}.v`; ot = derefAll(ot.args[0]); }
        if (ot.k === 'struct') {
          const f = fieldNamed(ot.info.fields, e.name);
          if (f?.bitWidth) {
            const w = f.bitWidth;
            const signed = f.type.k === 'int' && intSigned(f.type.name);
            return { get: `${o}.f_${e.name}`, set: (v) => `${o}.f_${e.name} = $bits(${v}, ${w}, ${signed})` };
          }
        }
        return { get: `${o}.f_${e.name}`, set: (v) => `${o}.f_${e.name} = ${v}` };
      }
      case 'tuple-index': {
        const o = this.hold(frozen, this.val(e.object));
        return { get: `${o}[${e.index}]`, set: (v) => `${o}[${e.index}] = ${v}` };
      }
      case 'index': {
        const ot = derefAll(this.effType(e.object));
        const o = this.hold(frozen, this.val(e.object));
        const s = this.site(e.span);
        if (ot.k === 'builtin' && ot.name === 'Map') {
          // the key is looked up (`m[k] += 1`; a key `=` stores is consumed by assignDropping when
          // it needs drop): a temporary one is the statement's, and an entry there keeps its own
          // key object (replacing it lost the stored key and gave the map the caller's)
          const i = this.hold(frozen, this.tempVal(e.index));
          const ck = keyArg(this.m, ot.args[0]);
          if (ck !== 'false') return { get: `$mget(${o}, ${lookupKeyJs(this.m, o, i, ot.args[0])}, ${s})`, set: (v) => `${rtX('$mput')}(${o}, ${i}, ${v}, ${ck}, null, null, ${s})` };
          return { get: `$mget(${o}, ${i}, ${s})`, set: (v) => `(${o}.m.set(${i}, ${v}), ${o}.fit(${s}))` };
        }
        const i = this.hold(frozen, this.val(e.index));
        const n = this.numIndex(e.index) ? 'n' : '';
        if (n && ot.k === 'builtin' && ot.name === 'Vec') {
          // o and i are plain here (simple()); a value that is not is evaluated first, into a temporary
          const get = vecGet(o, i, s);
          return { get, set: (v) => vecSet(o, i, /^([\w$.]+|-?[\d.e+]+)$/.test(v) ? v : null, v, s, () => this.tmp()) };
        }
        if (n && ot.k !== 'slice') {
          const a = o;
          const get = inlineGet(a, i, s), set = (v: string) => inlineSet(a, i, v, s);
          if (get) return { get, set: (v) => set(v) ?? `$asetn(${a}, ${i}, ${v}, ${s})` };
        }
        if (ot.k === 'builtin' && ot.name === 'Vec') return { get: `$aget${n}(${o}.a, ${i}, ${s})`, set: (v) => `$aset${n}(${o}.a, ${i}, ${v}, ${s})` };
        if (ot.k === 'slice') return { get: `$sget(${o}, ${i}, ${s})`, set: (v) => `$sset(${o}, ${i}, ${v}, ${s})` };
        return { get: `$aget${n}(${o}, ${i}, ${s})`, set: (v) => `$aset${n}(${o}, ${i}, ${v}, ${s})` };
      }
      case 'deref': {
        const ot = this.effType(e.operand);
        const o = this.hold(frozen, this.expr(e.operand));
        if (isCellRef(ot)) return { get: `${o}.get()`, set: (v) => `${o}.set(${v})` };
        if (ot.k === 'builtin' && ot.name === 'Box') return { get: `${o}.v`, set: (v) => this.boxSet(o, v, ot, this.site(e.span)) };
        if (ot.k === 'ptr' && ptrToCStruct(ot)) {
          const td = this.m.td(ot.inner), s = this.site(e.span);
          return { get: `${rtH('view')}(${td}, ${o}, ${s})`, set: (v) => `${rtH('storeView')}(${td}, ${o}, ${v}, ${s})` };
        }
        if (ot.k === 'ptr') {
          const k = this.memKind(ot.inner);
          const s = this.site(e.span);
          return { get: `${rtH('load')}(${o}, ${jsStr(k)}, ${s})`, set: (v) => `${rtH('store')}(${o}, ${jsStr(k)}, ${v}, ${s})` };
        }
        if (ot.k === 'ref' && isObjectLike(ot.inner)) return { get: o, set: (v) => `$assignInto(${o}, ${v})` };
        return { get: o, set: () => unsupported('write through this reference') };
      }
      default:
        return unsupported(`assignment target ${e.kind}`);
    }
  }

  /** `*b = v` / `b.set(v)`: the old content is dropped (after v was evaluated); a box whose content
   *  was moved out (its block freed) gets a new block for the new content. */
  boxSet(o: string, v: string, boxType: Type, site: number): string {
    const ct = boxType.k === 'builtin' ? boxType.args[0] : undefined;
    const drop = ct && this.m.needsDrop(ct) ? this.m.dropFn(ct) : 'null';
    return `${rtH('boxSet')}(${o}, ${v}, ${site}, ${drop})`;
  }

  /** An index held in a JS number (integer types up to 32 bits). */
  numIndex(e: E): boolean {
    const t = derefAll(this.effType(e));
    return t.k === 'int' && !isWideInt(t.name);
  }

  /** Size and alignment of one Map entry (key, value) or Set element, for the table accounting. */
  tableEntry(t: Type): [number, number] {
    if (t.k !== 'builtin' || !t.args.length) return [8, 8];
    const et: Type = t.name === 'Map' && t.args.length === 2 ? { k: 'tuple', elems: t.args } : t.args[0];
    try { const l = this.m.prog.layoutOf(et); return [l.size || 8, l.align || 8]; } catch { return [8, 8]; }
  }

  ptrElemSize(t: Type): number {
    try { return this.m.prog.layoutOf(t).size || 1; } catch { return 1; }
  }

  memKind(t: Type): string {
    if (t.k === 'int') return t.name;
    if (t.k === 'float') return t.bits === 16 ? 'f16' : t.bits === 32 ? 'f32' : 'f64';
    if (t.k === 'bool') return 'u8';
    if (t.k === 'ptr') return 'ptr';
    return 'u8';
  }

  /** Evaluate once into a temp unless already a plain name. */
  simple(js: string): string {
    if (/^[\w$]+$/.test(js)) return js;
    const t = this.tmp();
    this.pre.push(`${t} = ${js};`);
    return t;
  }
  /** A part of a place (a container, an index) as simple() makes it; for a reference's place
   *  (`frozen`: cellOver) a name too is read into a temp then, listed in `frozen`. */
  private hold(frozen: string[] | null, js: string): string {
    if (!frozen) return this.simple(js);
    if (/^-?\d+$/.test(js)) return js;
    const t = this.tmp();
    this.pre.push(`${t} = ${js};`);
    frozen.push(t);
    return t;
  }
  /** A reference (a cell) to a place that is not a variable itself (`&v[i]`, `&p.x`, `&m[k]`):
   *  its containers and indices are evaluated once, when the reference is made, and the place is
   *  read once then (Rust checks bounds and keys at the borrow). The cell closes over those values
   *  (parameters of the function that makes it: a temp of the frame is written again by the next
   *  iteration); it read `v[i]` with i's value at each read (`let r = &v[i]; i = 2; *r` read v[2]). */
  private cellOver(operand: E): string {
    if (operand.kind === 'ident') {
      const p = this.place(operand);
      return `${RT.cell}(() => ${p.get}, ($v) => { ${p.set('$v')}; })`;
    }
    const names: string[] = [];
    const p = this.place(operand, names);
    const cell = `${RT.cell}(() => ${p.get}, ($v) => { ${p.set('$v')}; })`;
    const ps = names.join(', ');
    return `((${ps}) => (${p.get}, ${cell}))(${ps})`;
  }

  refTo(operand: E, mut: boolean): string {
    // `&r!` of a place holding a reference (`&&T!`): a cell over that place, so `*w = &y` makes r
    // refer to y (not a write into what r refers to)
    if (mut && this.ty(this.typeOf(operand)).k === 'ref') {
      const res = operand.kind === 'ident' ? nameRes(operand) : undefined;
      if (res?.k === 'local') {
        const n = localName(res.local.name, res.local.id);
        const v = res.local.replBoxed || this.boxedLocals.has(res.local.id) ? `${n}.v` : n;
        return cellOverPlace(v);
      }
      if (isPlace(operand) && operand.kind !== 'deref') return this.cellOver(operand);
    }
    const t = derefAll(this.typeOf(operand));
    // `&r` of a reference that is a cell (`r: &i32!`, a field `p.r`): that same cell
    if (!mut && refOfCell(this.effType(operand))) return this.expr(operand);
    if (!mut && isCellRef({ k: 'ref', mut: false, inner: t })) {
      // `&x` of a scalar: a cell over the place (reads see later writes); a value that is not a
      // place (`&(a + 1)`) gets a cell of its own
      if (operand.kind === 'ident' && nameRes(operand)?.k === 'local' && isCellRef(this.ty((nameRes(operand) as ResOf<'local'>).local.type))) {
        return localName((nameRes(operand) as ResOf<'local'>).local.name, (nameRes(operand) as ResOf<'local'>).local.id);
      }
      if (isPlace(operand)) {
        // `&mk().n`: the temporary the place is in is owned as `&mk().name`'s is below (it leaked)
        const root = tempRoot(operand, true);
        if (root) this.dropRoots.set(root, this.keepTemps);
        try { return this.cellOver(operand); } finally { if (root) this.dropRoots.delete(root); }
      }
      // (a borrowed temporary that needs dropping, `&(mk(1), mk(2))`: dropped when the statement
      // is done, or kept for the block by a `let`, as below)
      const v = freshValue(operand) && this.m.needsDrop(t) ? this.ownTemp(this.val(operand), this.ty(this.typeOf(operand)), operand.span, this.keepTemps) : this.val(operand);
      return cellOfValue(v);
    }
    // `&c[a..b]` / `&c[a..b]!`: a view on the elements (writes through it reach c)
    if (operand.kind === 'index' && operand.index.kind === 'range') return this.val(operand);
    if (!mut || isObjectLike(t)) {
      // a borrowed temporary that needs dropping is dropped when the statement is done
      // (kept for the block when a `let` holds the reference: `let r = &make();`)
      if (freshValue(operand) && this.m.needsDrop(t)) return this.ownTemp(this.val(operand), this.ty(this.typeOf(operand)), operand.span, this.keepTemps);
      // `&mk().name`: the whole temporary lives until the statement is done
      return this.readInPlace(tempRoot(operand, true), operand, this.keepTemps);
    }
    if (operand.kind === 'ident' && nameRes(operand)?.k === 'local' && isCellRef(this.ty((nameRes(operand) as ResOf<'local'>).local.type))) {
      return localName((nameRes(operand) as ResOf<'local'>).local.name, (nameRes(operand) as ResOf<'local'>).local.id);
    }
    return this.cellOver(operand);
  }

  deref(e: ast.ExprOf<'deref'>): string {
    const o = e.operand;
    const fj = o.kind === 'ident' && nameRes(o)?.k === 'local' ? this.flatLocals.get((nameRes(o) as ResOf<'local'>).local.id) : undefined;
    if (fj !== undefined && o.kind === 'ident' && nameRes(o)?.k === 'local') {
      // `*l` on a flat box binding: the enum's field, without a view
      const n = localName((nameRes(o) as ResOf<'local'>).local.name, (nameRes(o) as ResOf<'local'>).local.id);
      if (!exprInfo(e)?.moves) return `${n}.a${fj}`;
      // moving out: free the block, zero the slot, give the content (written out here rather
      // than a host call with a switch on j: bintree's check() does this twice per node)
      const b = `${n}.$b${fj}`;
      return `(${b} === 0 ? ${n}.a${fj} : ($bfree(${b}), ${b} = 0, ${n}.a${fj}))`;
    }
    const ot = this.effType(e.operand);
    const v = this.expr(e.operand);
    if (isCellRef(ot)) return `${v}.get()`;
    if (ot.k === 'builtin' && ot.name === 'Box' && exprInfo(e)?.moves) return `$take(${v})`; // moved out: block freed, content not dropped again
    if (ot.k === 'builtin' && (ot.name === 'Box' || ot.name === 'Gc')) return `${v}.v`;
    if (ot.k === 'ptr' && ptrToCStruct(ot)) return `${rtH('view')}(${this.m.td(ot.inner)}, ${v}, ${this.site(e.span)})`;
    if (ot.k === 'ptr') return `${rtH('load')}(${v}, ${jsStr(this.memKind(ot.inner))}, ${this.site(e.span)})`;
    return v;
  }

  member(e: ast.ExprOf<'member'>): string {
    // `Color.Red`: a unit variant through its enum type
    if (e.object.kind === 'ident' && nameRes(e.object)?.k === 'type') {
      const et = this.ty((nameRes(e.object) as ResOf<'type'>).type);
      const t = this.typeOf(e);
      const vt = et.k === 'enum' ? et : t;
      const i = this.variantIndex(vt, e.name);
      if (i >= 0) return this.variantValue(vt.k === 'enum' ? vt : t, i);
      return unsupported(`static member ${e.name}`);
    }
    let ot = derefAll(this.effType(e.object));
    // a field moved out of a temporary (`take(mk().a)`): the rest of it is dropped with the statement
    const movesOut = !!exprInfo(e)?.moves && ot.k === 'struct' && !ot.info.isUnion;
    let o = movesOut ? this.withRoot(tempRoot(e, false), e.object) : this.tempVal(e.object, this.ty(this.typeOf(e)));
    const ps = ptrToCStruct(ot);
    if (ps) { o = `${rtH('view')}(${this.m.td(ps)}, ${o}, ${this.site(e.span)})`; ot = ps; } // `p.f` through *S
    if (ot.k === 'builtin' && ot.name === 'Box') {
      // (through every level: `bb.f` of a Box<Box<S>>)
      for (; ot.k === 'builtin' && ot.name === 'Box' && ot.args[0]; ot = derefAll(ot.args[0])) o = `${o}.v`;
      return exprInfo(e)?.moves ? this.moveOut(this.simple(o), `.f_${e.name}`) : `${o}.f_${e.name}`;
    }
    if (ot.k === 'struct' && ot.info.isUnion) return `${rtH('unionGet')}(${o}, ${jsStr(e.name)})`;
    if (exprInfo(e)?.moves && ot.k === 'struct' && !ot.info.isUnion) return this.moveOut(this.simple(o), `.f_${e.name}`);
    return `${o}.f_${e.name}`;
  }

  /** A part moved out of its owner by value: the owner keeps MOVED_OUT there (dropped once, by
   *  the new owner; see "Moving parts out of a matched value" in DESIGN.md). */
  private moveOut(o: string, part: string): string {
    const t = this.tmp();
    return `(${t} = ${o}${part}, ${o}${part} = $MV, ${t})`;
  }

  index(e: ast.ExprOf<'index'>): string {
    const ot = derefAll(this.effType(e.object));
    const s = this.site(e.span);
    if (e.index.kind === 'range') {
      // a slice of a temporary (`mkv()[0..1][0].n`): the statement owns the temporary (kept for
      // the block when a `let` keeps the slice); it leaked
      const owned = freshValue(e.object) && !this.dropRoots.has(e.object) && this.m.needsDrop(ot);
      const o = this.simple(owned ? this.ownTemp(this.val(e.object), ot, e.object.span, this.keepTemps) : this.val(e.object));
      const r = e.index, bounds = [r.lo ? this.val(r.lo) : 'undefined'];
      const hi = r.hi ? this.after(bounds, () => this.val(r.hi!)) : 'undefined', lo = bounds[0];
      if (ot.k === 'str') return `${rtH('strSlice')}(${o}, ${lo}, ${hi}, ${e.index.inclusive}, ${s})`;
      if (ot.k === 'builtin' && ot.name === 'String') return `${rtH('strSlice')}(${o}.s, ${lo}, ${hi}, ${e.index.inclusive}, ${s})`;
      const base = ot.k === 'builtin' ? `${o}.a` : ot.k === 'slice' ? o : o;
      return ot.k === 'slice' ? `$subslice(${base}, ${lo}, ${hi}, ${e.index.inclusive}, ${s})` : `$slice(${base}, ${lo}, ${hi}, ${e.index.inclusive}, ${s})`;
    }
    // an element taken by value from a temporary (`let w = make_strs()[1];`): moved out of it,
    // the rest of the temporary is dropped at the end of the statement
    const moveRoot = this.m.needsDrop(this.ty(this.typeOf(e))) && (ot.k === 'array' || (ot.k === 'builtin' && (ot.name === 'Vec' || ot.name === 'Map')))
      ? this.moveOutRoot(e.object) : null;
    if (moveRoot) {
      const o = this.simple(this.withRoot(moveRoot, e.object)), i = this.tmp(), t = this.tmp();
      const key = ot.k === 'builtin' && ot.name === 'Map' ? lookupKeyJs(this.m, o, this.tempVal(e.index), ot.args[0]) : this.val(e.index);
      if (ot.k === 'builtin' && ot.name === 'Map') return `(${i} = ${key}, ${t} = $mget(${o}, ${i}, ${s}), ${o}.m.set(${i}, $MV), ${t})`;
      const a = ot.k === 'array' ? o : `${o}.a`;
      return `(${i} = ${key}, ${t} = $aget(${a}, ${i}, ${s}), ${a}[$Number(${i})] = $MV, ${t})`;
    }
    // object, then index (made first when the index hoists statements: `mk()[f()?]`)
    const os = [this.val(e.object)];
    // (a Map's key is only looked up: a temporary one is dropped with the statement)
    const isMap = ot.k === 'builtin' && ot.name === 'Map';
    const i = this.after(os, () => (isMap ? this.tempVal(e.index) : this.val(e.index))), o = os[0];
    if (ot.k === 'str') return `${rtH('strByte')}(${o}, ${i}, ${s})`;
    if (ot.k === 'builtin' && ot.name === 'String') return `${rtH('strByte')}(${o}.s, ${i}, ${s})`;
    if (ot.k === 'builtin' && ot.name === 'Map') return `$mget(${o}, ${lookupKeyJs(this.m, o, i, ot.args[0])}, ${s})`;
    const n = this.numIndex(e.index) ? 'n' : '';
    if (n && ot.k === 'builtin' && ot.name === 'Vec') {
      if (PLAIN_INDEX.test(i) && /^[\w$]+$/.test(o)) return vecGet(o, i, s);
      // object, then index, each evaluated once, in that order (as `$agetn(o.a, i)` did)
      const to = this.tmp(), ti = this.tmp();
      return `(${to} = ${o}, ${ti} = ${i}, ${vecGet(to, ti, s)})`;
    }
    if (n && ot.k !== 'slice') {
      const get = inlineGet(o, i, s);
      if (get) return get;
    }
    if (ot.k === 'builtin' && ot.name === 'Vec') return `$aget${n}(${o}.a, ${i}, ${s})`;
    if (ot.k === 'slice') return `$sget(${o}, ${i}, ${s})`;
    return `$aget${n}(${o}, ${i}, ${s})`;
  }

  structLit(e: ast.ExprOf<'struct-lit'>): string {
    const t = this.typeOf(e);
    if (t.k !== 'struct') return unsupported('struct literal of a non-struct type');
    this.m.structClass(t.info); // (its class first, before those its fields' values make)
    const env = envOf(t.info.generics, t.args, t.info.name);
    void env;
    // evaluate in source order, construct in declaration order
    const vals = new Map<string, string>();
    const order = e.fields.map((f) => f.name);
    const declOrder = t.info.fields.map((f) => f.name);
    const sameOrder = order.join(',') === declOrder.join(',');
    const ops = operands();
    for (const f of e.fields) {
      const fd = fieldNamed(t.info.fields, f.name);
      this.takeOperand(ops, () => {
        const js = this.copyVal(f.value);
        return fd?.bitWidth ? `$bits(${js}, ${fd.bitWidth}, ${fd.type.k === 'int' && intSigned(fd.type.name)})` : js;
      }, { t: this.effType(f.value), span: f.value.span }, [f.value]);
    }
    const done = this.settle(ops);
    // constructed in declaration order: a field written earlier is evaluated first, into a temp
    if (!sameOrder) for (let i = 0; i < done.length; i++) if (!/^[\w$."]+$/.test(done[i])) done[i] = this.simple(done[i]);
    e.fields.forEach((f, i) => vals.set(f.name, done[i]));
    if (t.info.isUnion) return `${rtH('unionNew')}(${this.m.td(t)}, ${jsStr(order[0])}, ${vals.get(order[0])})`;
    return this.m.newStruct(t.info, declOrder.map((n) => vals.get(n) ?? 'undefined'));
  }

  tryOp(e: ast.ExprOf<'try'>): string {
    const t = this.tmp();
    const v = this.val(e.operand);
    this.pre.push(`${t} = ${v};\nif (${t}.t !== 0) { ${this.returnJs(t)} }`); // Err, None, or a later variant (§7.9)
    return `${t}.a0`;
  }
}

/** Does emitting e hoist statements (`?`, a match, `if` or block value) outside a closure? */
function hoists(e: E): boolean {
  let found = false;
  const seen = new Set<object>();
  const walk = (x: unknown): void => {
    if (found || x === null || typeof x !== 'object' || seen.has(x)) return;
    seen.add(x);
    if (Array.isArray(x)) { for (const y of x) walk(y); return; }
    const k = (x as { kind?: unknown }).kind;
    if (k === 'closure' || k === 'async') return; // their statements are their own
    if (k === 'try' || k === 'match' || k === 'if' || k === 'block') { found = true; return; }
    for (const [key, y] of Object.entries(x)) if (key !== 'span' && key !== 'info' && key !== 'res') walk(y);
  };
  walk(e);
  return found;
}

/** A reference (to references…) to a reference that is a cell: its JS value is that cell. */
function refOfCell(t: Type): boolean {
  while (t.k === 'ref' && t.inner.k === 'ref') t = t.inner;
  return isCellRef(t);
}

/** Is e a place expression (reading it does not create a fresh value)? */
/** A value made by the expression itself (a literal, a constructor, a function's result), not a
 *  place or a builtin accessor that hands out what a container still owns (`b.get()`). */
/** Builtin methods whose result is a new value sharing nothing the receiver owns (the others read
 *  or hand out the receiver's): fresh, and a temporary receiver is dropped whatever they return. */
export const DETACHED = new Set(['String.upper', 'String.lower', 'String.trim', 'String.replace', 'String.clone',
  'String.to_upper', 'String.to_lower', 'String.split', 'String.bytes', 'Vec.pop', 'Vec.remove', 'Vec.clone', 'Clone.clone',
  'str.upper', 'str.lower', 'str.trim', 'str.replace', 'str.to_upper', 'str.to_lower',
  'Map.keys', 'Map.values', 'Set.values', // (these clone what the map holds: lib-methods.ts)
  'Channel.recv']); // (a received value: the channel gave it up)
/** Option/Result methods handing out the receiver's content by value: fresh when the receiver is. */
const UNWRAPS = new Set(['unwrap', 'expect', 'unwrap_or', 'unwrap_or_else', 'unwrap_err']);
/** Option/Result methods giving the receiver, a new value made of its payload, or the argument. */
const COMBINATORS = new Set(['map', 'map_err', 'and_then', 'or', 'or_else', 'filter', 'ok_or', 'ok', 'err']);
/** Builtin accessors handing out a part of what the receiver owns (`v.get(i)`, `m.get(k)`). */
const ACCESSORS = new Set(['Vec.get', 'Vec.first', 'Vec.last', 'Vec.find', 'Map.get', 'Map.get_or', 'Box.get',
  'array.get', 'array.first', 'array.last', 'array.find', 'slice.get', 'slice.first', 'slice.last', 'slice.find']); // §5.2
/** Builtin methods returning a new collection made of the receiver's elements (or a closure's
 *  results): detached when no element on either side owns anything (`nums().map(f).len()`). */
const SHALLOW = new Set(['Vec.map', 'Vec.filter', 'str.split']);
const plainArgs = (t: Type | undefined): boolean =>
  !!t && (t.k === 'str' || (t.k === 'builtin' && t.args.every((a) => a.k === 'int' || a.k === 'float' || a.k === 'bool' || a.k === 'str')));
export function detachedCall(written: ast.ExprOf<'call'>): boolean {
  const e = checkedCall(written), t = callTarget(e);
  if (t?.k !== 'builtin-method') return false;
  const key = `${t.owner}.${t.method}`;
  if (DETACHED.has(key)) return true;
  return SHALLOW.has(key) && e.callee.kind === 'member' && plainArgs(exprInfo(e)?.type) && plainArgs(derefAll(exprInfo(e.callee.object)?.type ?? { k: 'error' }));
}
/** Can evaluating e neither panic nor leave the statement? A literal, a local, a part of one, a
 *  reference to one, a cast, and arithmetic or a comparison of numbers or bools other than `/`
 *  and `%` (an overloaded operator is a call), made of such: anything else may (a call, an index,
 *  `?`, a match or block value, a formatted string). Conservative: false when unsure. */
export function cannotLeave(e: E): boolean {
  switch (e.kind) {
    case 'int': case 'float': case 'string': case 'bool': case 'nil': return true;
    case 'ident': return nameRes(e)?.k === 'local';
    case 'member': case 'tuple-index': return cannotLeave(e.object);
    case 'ref': return cannotLeave(e.operand);
    case 'cast': return primitive(exprInfo(e.expr)?.type) && cannotLeave(e.expr);
    case 'unary': return primitive(exprInfo(e.operand)?.type) && cannotLeave(e.operand);
    case 'binary':
      return e.op !== '/' && e.op !== '%' && primitive(exprInfo(e.left)?.type) && primitive(exprInfo(e.right)?.type) &&
        cannotLeave(e.left) && cannotLeave(e.right);
    case 'tuple': case 'array': return e.elems.every(cannotLeave);
    case 'struct-lit': return e.fields.every((f) => cannotLeave(f.value));
    default: return false;
  }
}
const primitive = (t: Type | undefined): boolean => t?.k === 'int' || t?.k === 'float' || t?.k === 'bool';

export function freshValue(e: E): boolean {
  // an overloaded operator (`a + b`, `v[i]`, `-a`) is a call of its operator method
  const lowered = exprInfo(e)?.lowered;
  if (lowered) return freshValue(lowered);
  switch (e.kind) {
    // (a tuple or array literal owns its elements: each was made for it or moved into it)
    case 'struct-lit': case 'fstring': case 'tuple': case 'array': return true;
    // `o?` takes its operand by value (sema consumes it): the payload is the expression's own;
    case 'try': return true;
    // so does `o ?? d` (both operands by value): the payload or the default is its own
    case 'binary': return e.op === '??';
    // a received value is the receiver's: the channel gave it up (`<-ch;` dropped nothing); an
    // awaited one is what the future's task returned
    case 'recv': case 'await': return true;
    // `a++` of a user type gives the value `op++` replaced: it moved out of the place
    case 'postfix': return !!exprInfo(e)?.step;
    // `(v.remove(0) as D)`: the value an `any` held, taken out of a new one
    case 'cast': return freshValue(e.expr);
    case 'call': {
      const t = callTarget(e);
      e = checkedCall(e);
      if (t?.k === 'builtin-method') {
        if (detachedCall(e)) return true;
        // filter on a Vec that keeps its elements makes clones (calls.ts): the result owns them
        if (t.owner === 'Vec' && t.method === 'filter') return true;
        // an array's or slice's map/filter/iter makes a new Vec of results, copies or clones (§5.2)
        if ((t.owner === 'array' || t.owner === 'slice') && (t.method === 'map' || t.method === 'filter' || t.method === 'iter')) return true;
        // a Vec made from a temporary's elements owns them (ownReceiverKeeping drops the others);
        // from a kept Vec's, it holds the closure's results, which own what they hold (moving an
        // element out is E0163) unless they may be references (`v.map(|s| &s)`)
        if ((t.owner === 'Vec' && t.method === 'map') && e.callee.kind === 'member') {
          return freshValue(e.callee.object) || ownsWhatItHolds(e);
        }
        // `reduce`/`fold` give the accumulator: the initial value or the closure's last result
        if ((t.owner === 'Vec' || t.owner === 'array' || t.owner === 'slice') && (t.method === 'reduce' || t.method === 'fold')) {
          return ownsWhatItHolds(e);
        }
        // Option.map/and_then give a new Option (the closure's value) or None; the other Option and
        // Result methods may give the receiver itself (`Err(e).map(f)`) or what it holds: fresh
        // when the receiver is
        if (t.owner === 'Option' && (t.method === 'map' || t.method === 'and_then')) return true;
        // (a receiver the call consumes, a moved place, is given up too)
        return (t.owner === 'Option' || t.owner === 'Result') && (UNWRAPS.has(t.method) || COMBINATORS.has(t.method)) && e.callee.kind === 'member' &&
          (freshValue(e.callee.object) || (COMBINATORS.has(t.method) && !!exprInfo(e.callee.object)?.moves));
      }
      const k = t?.k;
      // (block_on and catch_panic give what the future or the closure returned, or Err(message))
      if (k === 'builtin') return (t as TargetOf<'builtin'>).name === 'block_on' || (t as TargetOf<'builtin'>).name === 'catch_panic';
      // (a function value's result is owned too: a closure cannot hand out what it captured, E0163)
      return k === 'fn' || k === 'method' || k === 'contract-method' || k === 'variant' || k === 'builtin-static' || k === 'value';
    }
    // an `if`/`match`/block value is fresh when whichever branch runs gives a fresh value (one
    // giving a place, `if c { a } else { b }`, is a view of it)
    case 'if': return e.branches.every((b) => freshTail(b.body)) && freshTail(e.else);
    case 'match': return e.arms.every((a) => a.body.kind === 'return' || a.body.kind === 'break' || a.body.kind === 'continue' ||
      ('stmts' in a.body ? freshTail(a.body) : freshValue(a.body)));
    case 'block': return freshTail(e.block);
    default: return false;
  }
}
/** A block's value is fresh (a block without a tail value gives none: it diverges). */
const freshTail = (b: ast.Block | null): boolean => !b?.tail || freshValue(b.tail);
/** Does every value this user function returns come out of an expression that shares nothing
 *  with its arguments (an f-string, `String.from(…)`, a DETACHED builtin method, a new empty
 *  collection)? Then a temporary receiver of a `&self` call can be dropped whatever it returns
 *  (`mk().greeting()`); a method that may hand out a part of it (`return p.name;`) keeps it. */
const detachedCache = new WeakMap<FnInfo, boolean>();
export function returnsDetached(fn: FnInfo): boolean {
  let r = detachedCache.get(fn);
  if (r === undefined) { r = !!fn.decl?.body && bodyDetached(fn.decl.body); detachedCache.set(fn, r); }
  return r;
}
const NEW_STATICS = new Set(['String.from', 'String.new', 'String.withCapacity', 'String.with_capacity', 'Vec.new', 'Map.new', 'Set.new']);
function detachedExpr(e: E): boolean {
  if (e.kind === 'fstring') return true;
  if (e.kind !== 'call') return false;
  const t = callTarget(e);
  if (t?.k === 'builtin-static') return NEW_STATICS.has(`${t.owner}.${t.method}`);
  return t?.k === 'builtin-method' && detachedCall(e);
}
function bodyDetached(b: ast.Block, accept: (e: E) => boolean = detachedExpr): boolean {
  const detachedExpr = accept;
  if (b.tail && !detachedExpr(b.tail)) return false;
  let ok = true;
  const seen = new Set<object>();
  const walk = (x: unknown): void => {
    if (!ok || x === null || typeof x !== 'object' || seen.has(x)) return;
    seen.add(x);
    if (Array.isArray(x)) { for (const y of x) walk(y); return; }
    const k = (x as { kind?: unknown }).kind;
    if (k === 'closure') return; // its returns are its own
    if (k === 'try') { ok = false; return; } // `?` returns the operand's error as it is
    if (k === 'return') {
      const v = (x as { value: E | null }).value;
      if (!v || !detachedExpr(v)) { ok = false; return; }
    }
    for (const [key, y] of Object.entries(x)) if (key !== 'info' && key !== 'res' && key !== 'target' && key !== 'span') walk(y);
  };
  walk(b.stmts);
  return ok;
}
/** A result type that cannot share anything with where it came from: no reference in it, and no
 *  type parameter that might be one. */
function ownsWhatItHolds(e: E): boolean {
  const rt = exprInfo(e)?.type;
  return !!rt && !holdsRef(rt) && !typeSome(rt, (x) => x.k === 'param');
}
/** `o.unwrap_or(d)`, `o.unwrap_or_else(f)`, `m.get_or(k, d)`: a default may be what it gives. */
export function givesDefault(e: ast.ExprOf<'call'>): boolean {
  const t = callTarget(e);
  return t?.k === 'builtin-method' && (((t.owner === 'Option' || t.owner === 'Result') && (t.method === 'unwrap_or' || t.method === 'unwrap_or_else')) || (t.owner === 'Map' && t.method === 'get_or') ||
    // (a new Ok/Err, unless it gives its receiver back: `r.map(f)` of an Err place)
    (t.owner === 'Result' && (t.method === 'map' || t.method === 'map_err' || t.method === 'and_then')));
}
/** What e reads a part of in place (a field; with `accessors` also an element read by index
 *  `make_vec()[0].id`, an accessor's or an unwrap's receiver `make_vec().get(0).id`), or null. */
function partOf(o: E, accessors = true): E | null {
  if (o.kind === 'member' || o.kind === 'tuple-index') return o.kind === 'member' && o.object.kind === 'ident' && nameRes(o.object)?.k === 'type' ? null : o.object;
  if (!accessors) return null;
  if (o.kind === 'index') return o.index.kind !== 'range' ? o.object : null;
  // `*b` reads a Box's content in place, as `b.get()` (`(*Box(mk())).n`: the Box is the temporary)
  if (o.kind === 'deref') { const bt = exprInfo(o.operand)?.type; return bt?.k === 'builtin' && bt.name === 'Box' ? o.operand : null; }
  if (o.kind !== 'call' || callTarget(o)?.k !== 'builtin-method' || o.callee.kind !== 'member') return null;
  const c = checkedCall(o), t = callTarget(o) as TargetOf<'builtin-method'>;
  const through = ACCESSORS.has(`${t.owner}.${t.method}`) || ((t.owner === 'Option' || t.owner === 'Result') && UNWRAPS.has(t.method));
  return through && c.callee.kind === 'member' ? c.callee.object : null;
}
/** The temporary a match subject is a part of through fields, tuple elements and unwraps
 *  (`mk().a.0`, `opt().unwrap()`), whose parts an arm can take out in place (MOVED_OUT left in
 *  their slots, which the temporary's drop skips), or null. */
export function partsTempRoot(e: E): E | null {
  for (let o: E = e; ;) {
    const call = o.kind === 'call' ? callTarget(o) : null;
    const step = o.kind === 'member' || o.kind === 'tuple-index' || (call?.k === 'builtin-method' && (call.owner === 'Option' || call.owner === 'Result') && (call.method === 'unwrap' || call.method === 'expect' || call.method === 'unwrap_err'));
    const next = step ? partOf(o) : null;
    if (!next) return null;
    if (freshValue(next)) return next;
    o = next;
  }
}
/** The temporary whose part e is (`mk().a.b`; with accessors also `make_vec().get(0).id`), if any. */
export function tempRoot(e: E, accessors: boolean): E | null {
  for (let o = partOf(e, accessors); o; o = partOf(o, accessors)) if (freshValue(o)) return o;
  return null;
}

export function isPlace(e: E): boolean {
  switch (e.kind) {
    case 'ident': return nameRes(e)?.k === 'local' || (nameRes(e) as ResOf<'builtin-const' | 'builtin-fn' | 'const' | 'extern' | 'fn' | 'tls' | 'type' | 'variant'>)?.k === 'tls' || (nameRes(e) as ResOf<'builtin-const' | 'builtin-fn' | 'const' | 'extern' | 'fn' | 'type' | 'variant'>)?.k === 'const';
    case 'member': case 'tuple-index': case 'index': case 'deref': return true;
    default: return false;
  }
}

// Bounds-checked element access written at the site (number index): each site keeps its own type
// feedback, where a shared `$agetn` helper sees every array type of the program and goes
// polymorphic. Only when the array and index are plain reads (a name, `name.a`, an integer
// literal), so evaluating them more than once changes nothing; otherwise the helper is used.
const PLAIN_ARRAY = /^[\w$]+(\.a)?$/;
const PLAIN_INDEX = /^([\w$]+|\d+)$/;
function inlineGet(a: string, i: string, s: number): string | null {
  if (!PLAIN_ARRAY.test(a) || !PLAIN_INDEX.test(i)) return null;
  return `((${i} >>> 0) < ${a}.length ? ${a}[${i}] : ${RT.outOfBounds}(${i}, ${a}.length, ${s}))`;
}
/** A Vec element read, bounds-checked against its length `n` (its storage `b` may be a typed
 *  array with room past `n`); `o` and `i` are plain reads. */
function vecGet(o: string, i: string, s: number): string {
  return `((${i} >>> 0) < ${o}.n ? ${o}.b[${i}] : ${RT.outOfBounds}(${i}, ${o}.n, ${s}))`;
}
/** A Vec element write: the value `v` is evaluated before the bounds check (into a temporary
 *  unless it is `plain`), as `$asetn` did. */
function vecSet(o: string, i: string, plain: string | null, v: string, s: number, tmp: () => string): string {
  if (plain !== null) return `((${i} >>> 0) < ${o}.n ? (${o}.b[${i}] = ${plain}) : ${RT.outOfBounds}(${i}, ${o}.n, ${s}))`;
  const t = tmp();
  return `(${t} = ${v}, (${i} >>> 0) < ${o}.n ? (${o}.b[${i}] = ${t}) : ${RT.outOfBounds}(${i}, ${o}.n, ${s}))`;
}
/** The store only when the value is plain too (the helper evaluates it before the bounds check). */
function inlineSet(a: string, i: string, v: string, s: number): string | null {
  if (!PLAIN_ARRAY.test(a) || !PLAIN_INDEX.test(i) || !/^([\w$.]+|-?[\d.e+]+)$/.test(v)) return null;
  return `((${i} >>> 0) < ${a}.length ? (${a}[${i}] = ${v}) : ${RT.outOfBounds}(${i}, ${a}.length, ${s}))`;
}

/** Can a value of this type hold a reference or pointer (so a temporary it borrowed must outlive
 *  it)? The checker's predicate with raw pointers counted (sema/borrows.ts holdsRef). */
export const holdsRef = (t: Type): boolean => semaHoldsRef(t, true);
/** A positive integer literal as emitted (a divisor that needs no zero check). */
const NONZERO_LIT = /^[1-9]\d*$/;

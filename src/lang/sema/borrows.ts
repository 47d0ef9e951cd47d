// Borrow conflicts within a block (chapter 2 §6.4), for borrows held by `let r = &x…;` /
// `let w = &x…!;`. A held borrow is live from the end of its `let` to the last later statement of
// the same block that mentions `r` (source order; nested blocks count as part of their statement).
// While a mutable borrow of `x` is live, any other use of `x` is an error; while a shared one is
// live, `&x!`, writing `x` (or its parts) and mutating method calls on `x` are. Runs after the
// block is checked, so every name is resolved.
import type * as ast from '../syntax/ast';
import type { Ctx } from './context';
import type { LocalInfo } from './typed';
import { builtinMethod } from './prelude';
import { MSG, NOTE, type Message } from '../msg';
import { type ResOf, callTarget, exprInfo, localOf, nameRes, checkSet, refIsMut } from './tables';

const SKIP = new Set(['span', 'info', 'res', 'local', 'nameSpan', 'lowered', 'variant', 'resolved', 'decl']);
/** Keys to walk: annotations are skipped, and a call's `target` (a FnInfo, not syntax). */
const walk = (o: Record<string, unknown>, k: string) => !SKIP.has(k) && !(k === 'target' && o.kind === 'call');

function rootLocal(e: ast.Expr | undefined): LocalInfo | null {
  let x = e;
  if (!x) return null;
  while (x && (x.kind === 'member' || x.kind === 'index' || x.kind === 'tuple-index')) x = x.object;
  if (!x) return null;
  return x.kind === 'ident' && nameRes(x)?.k === 'local' ? (nameRes(x) as ResOf<'local'>).local : null;
}

/** The last mention of local `r` in `n` (an ident resolved to it), or null. */
function lastMention(n: unknown, r: LocalInfo): ast.Span | null {
  let found: ast.Span | null = null;
  const visit = (x: unknown): void => {
    if (!x || typeof x !== 'object') return;
    if (Array.isArray(x)) { for (const y of x) visit(y); return; }
    const o = x as Record<string, unknown>;
    const id = o as unknown as ast.ExprOf<'ident'>;
    if (o.kind === 'ident' && nameRes(id)?.k === 'local' && (nameRes(id) as ResOf<'local'>).local === r) found = o.span as ast.Span;
    for (const k in o) if (walk(o, k)) visit(o[k]);
  };
  visit(n);
  return found;
}

/** A borrow a holder keeps: the borrowed place, whether it is mutable, where it was made. */
interface Borrow { operand: ast.Expr; mut: boolean; span: ast.Span }
const explicit = (e: ast.ExprOf<'ref'>): Borrow => ({ operand: e.operand, mut: refIsMut(e), span: e.span });

/** The borrows a statement makes `r` hold (chapter 2 §6.4): `let r = &x…;` / `r = &x…;`,
 *  `let r = pick(&a, &b);` (a call returning a reference holds its reference arguments' borrows)
 *  and `let r = p.name_ref();` (a method with a `&T`/`&T!` receiver returning a reference holds
 *  the receiver's borrow too). */
function heldBy(s: ast.Stmt): { r: LocalInfo; borrows: Borrow[] } | null {
  let r: LocalInfo | null = null, init: ast.Expr;
  if (s.kind === 'let' && s.pattern.kind === 'name' && localOf(s.pattern)) { r = localOf(s.pattern)!; init = s.init; }
  else if (s.kind === 'assign' && s.op === '=' && s.target.kind === 'ident' && nameRes(s.target)?.k === 'local' && (nameRes(s.target) as ResOf<'local'>).local.type.k === 'ref') { r = (nameRes(s.target) as ResOf<'local'>).local; init = s.value; }
  else return null;
  if (init.kind === 'ref') {
    if (exprInfo(init)?.coerce?.k === 'ptr') return null; // `let p: *T = &x;` (§7.4): a raw pointer holds no borrow
    return { r, borrows: [explicit(init)] };
  }
  if (init.kind === 'call' && exprInfo(init)?.type?.k === 'ref') {
    const borrows = init.args.filter((a): a is ast.ExprOf<'ref'> => a.kind === 'ref').map(explicit);
    const t = callTarget(init), rt = t?.k === 'method' ? t.fn.receiverType : null;
    if (rt?.k === 'ref' && init.callee.kind === 'member' && exprInfo(init.callee.object)?.type?.k !== 'ref') {
      borrows.unshift({ operand: init.callee.object, mut: rt.mut, span: init.callee.span });
    }
    return { r, borrows };
  }
  return null;
}

/** Is `st` an assignment of a new value to `r` itself (`r = …;`), which ends r's old borrows? */
const reassigns = (st: unknown, r: LocalInfo): boolean => {
  const t = st as ast.Stmt | undefined;
  return t?.kind === 'assign' && t.op === '=' && t.target.kind === 'ident' && nameRes(t.target)?.k === 'local' && (nameRes(t.target) as ResOf<'local'>).local === r;
};

/** `r = &x;` inside a block that declares x, with r declared outside it: reported as dangling
 *  (E0176) by an enclosing block where r is used after the statement holding that block. */
interface Dangling { r: LocalInfo; x: LocalInfo; at: ast.Span; scope: ast.Span }
const pendingDangling = new WeakMap<Ctx, Dangling[]>();
const within = (a: ast.Span, b: ast.Span) => a.file === b.file && a.start >= b.start && a.end <= b.end;

function danglingReferences(cx: Ctx, b: ast.Block): void {
  let pending = pendingDangling.get(cx);
  if (!pending) pendingDangling.set(cx, (pending = []));
  for (const s of b.stmts) {
    const held = s.kind === 'assign' ? heldBy(s) : null;
    if (!held || within(held.r.span, b.span)) continue;
    for (const br of held.borrows) {
      const x = rootLocal(br.operand);
      if (x && x.type.k !== 'ref' && x.type.k !== 'ptr' && within(x.span, b.span)) pending.push({ r: held.r, x, at: br.span, scope: b.span });
    }
  }
  if (!pending.length) return;
  b.stmts.forEach((s, i) => {
    const mine = pending!.filter((d) => d.scope !== b.span && within(d.scope, s.span));
    for (const d of mine) {
      pending!.splice(pending!.indexOf(d), 1);
      const after: unknown[] = [...b.stmts.slice(i + 1), b.tail];
      const stop = after.findIndex((st) => reassigns(st, d.r));
      let use: ast.Span | null = null;
      for (const st of stop < 0 ? after : after.slice(0, stop)) { use = lastMention(st, d.r); if (use) break; }
      if (!use) continue;
      const closing = { ...d.scope, start: d.scope.end - 1, col: d.scope.endCol - 1, line: d.scope.endLine };
      cx.error(MSG.E0176.referencesWhichGoesOut({ rName: d.r.name, xName: d.x.name }), closing, {
        labels: [
          { span: d.at, message: `\`${d.r.name}\` borrows \`${d.x.name}\` here` },
          { span: d.x.span, message: `\`${d.x.name}\` is declared in this block` },
          { span: use, message: 'the reference is used here, after the block' },
        ],
        notes: [NOTE.E0176.helpDeclareSameBlock({ xName: d.x.name, rName: d.r.name })],
      });
    }
  });
}

export function checkBlockBorrows(cx: Ctx, b: ast.Block): void {
  danglingReferences(cx, b);
  b.stmts.forEach((s, i) => {
    temporaryConflicts(cx, s);
    if (s.kind === 'for-in') loopBorrow(cx, s);
    const held = heldBy(s);
    if (!held) return;
    const { r } = held;
    for (const borrow of held.borrows) {
      const x = rootLocal(borrow.operand);
      if (!x || x === r) continue;
      const mut = borrow.mut, created = borrow.span;
      // Where the borrow is last used: through `r`, or through a closure or reference bound from
      // it later in the block (`let c = || … r …;`, `let q: &T = r;`), which holds it as well.
      // It ends where `r` is given a new value (`r = &y;`).
      let end = -1, lastUse: ast.Span | null = null;
      const after: unknown[] = [...b.stmts.slice(i + 1), b.tail];
      const stop = after.findIndex((st) => reassigns(st, r));
      const rest = stop < 0 ? after : after.slice(0, stop);
      const holders = [r];
      rest.forEach((st) => {
        const t = st as ast.Stmt | undefined;
        if (t?.kind !== 'let' || t.pattern.kind !== 'name' || !localOf(t.pattern)) return;
        const k = localOf(t.pattern)!.type.k;
        if ((t.init.kind === 'closure' || k === 'ref' || k === 'fn') && holders.some((h) => lastMention(t.init, h))) holders.push(localOf(t.pattern)!);
      });
      rest.forEach((st, k) => {
        for (const h of holders) { const m = lastMention(st, h); if (m) { end = k; lastUse = m; } }
      });
      if (end < 0 || !lastUse) continue;
      for (let k = 0; k <= end; k++) {
        const hit = conflict(rest[k], x, r, mut);
        if (hit) {
          cx.error(hit.message, hit.span, {
            labels: [{ span: created, message: 'borrow created here' }, { span: lastUse, message: 'borrow later used here' }],
          });
          return; // one report per statement
        }
      }
    }
  });
}

/** `for e in v { … }` over a collection place borrows `v` (shared) for the whole loop: the body
 *  may not change, move or mutably borrow it (chapter 2 §6.4). */
function loopBorrow(cx: Ctx, s: Extract<ast.Stmt, { kind: 'for-in' }>): void {
  const x = rootLocal(s.iter);
  const t = exprInfo(s.iter)?.type;
  if (!x || !t || !(t.k === 'array' || t.k === 'slice' || (t.k === 'builtin' && ['Vec', 'Map', 'Set', 'String'].includes(t.name)))) return;
  const hit = conflict(s.body, x, null, false);
  if (hit) cx.error(hit.message, hit.span, {
    labels: [{ span: s.iter.span, message: 'borrow created here, by the loop' }, { span: s.nameSpan, message: 'borrow later used here, by the next iteration' }],
    notes: ['help: collect what to change while iterating and apply it after the loop, or iterate over indices (`for i in 0..v.len()`)'],
  });
}

/** Borrows made by one call's arguments are all live during the call (temporary borrows, §6.4):
 *  `f(&x!, &x!)` or `f(&x!, &x)` give two handles to one place, one of them a writer. */
const seenCalls = checkSet<object>();
function temporaryConflicts(cx: Ctx, s: ast.Stmt): void {
  const visit = (v: unknown): void => {
    if (!v || typeof v !== 'object') return;
    if (Array.isArray(v)) { for (const y of v) visit(y); return; }
    const o = v as Record<string, unknown>;
    if (o.kind === 'closure') return; // its body's statements are checked as a block of their own
    if (o.kind === 'call' && !seenCalls.has(o)) {
      seenCalls.add(o);
      const c = o as unknown as ast.ExprOf<'call'>;
      const refs = c.args.filter((a): a is ast.ExprOf<'ref'> => a.kind === 'ref');
      outer: for (let j = 1; j < refs.length; j++) {
        const xj = rootLocal(refs[j].operand);
        for (let k = 0; k < j; k++) {
          if (!xj || rootLocal(refs[k].operand) !== xj || (!refIsMut(refs[j]) && !refIsMut(refs[k]))) continue;
          const first = refs[k], name = xj.name;
          const message = first.mut && refs[j].mut ? MSG.E0161.mutableTwice({ name }) : first.mut ? MSG.E0161.immutableWhileMutable({ name }) : MSG.E0161.mutableWhileImmutable({ name });
          cx.error(message, refs[j].span, {
            labels: [{ span: first.span, message: 'borrow created here' }, { span: c.callee.span, message: 'borrow later used here, by the call' }],
            notes: [NOTE.E0161.helpBothReferencesWould()],
          });
          break outer;
        }
      }
    }
    for (const k in o) if (walk(o, k)) visit(o[k]);
  };
  visit(s);
}

/** The first use of `x` in `n` that the live borrow (held by `r`) forbids. */
function conflict(n: unknown, x: LocalInfo, r: LocalInfo | null, mutBorrow: boolean): { message: Message<'E0161'>; span: ast.Span } | null {
  let out: { message: Message<'E0161'>; span: ast.Span } | null = null;
  const name = x.name;
  const visit = (v: unknown): void => {
    if (out || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) { for (const y of v) visit(y); return; }
    const o = v as Record<string, unknown> & { kind?: string; span?: ast.Span };
    if (o.kind === 'ref' && 'operand' in o && rootLocal((o as unknown as ast.ExprOf<'ref'>).operand) === x) {
      const m = refIsMut(o as unknown as ast.ExprOf<'ref'>);
      if (mutBorrow) out = { message: m ? MSG.E0161.mutableTwice({ name }) : MSG.E0161.immutableWhileMutable({ name }), span: o.span! };
      else if (m) out = { message: MSG.E0161.mutableWhileImmutable({ name }), span: o.span! };
      return;
    }
    if (o.kind === 'assign' && rootLocal((o as Extract<ast.Stmt, { kind: 'assign' }>).target) === x) {
      out = { message: MSG.E0161.assignBorrowed({ name }), span: (o as Extract<ast.Stmt, { kind: 'assign' }>).target.span };
      return;
    }
    if (!mutBorrow && o.kind === 'call') {
      const c = o as unknown as ast.ExprOf<'call'>;
      const t = callTarget(c);
      const mutating = t?.k === 'method' ? t.fn.receiver === 'mut-ref' : t?.k === 'builtin-method' ? !!builtinMethod(t.owner, t.method)?.mutating : false;
      if (mutating && c.callee.kind === 'member' && rootLocal(c.callee.object) === x) {
        out = { message: MSG.E0161.mutableWhileImmutable({ name }), span: c.span };
        return;
      }
    }
    if (!mutBorrow && o.kind === 'ident' && nameRes((o as unknown as ast.ExprOf<'ident'>))?.k === 'local' && (nameRes((o as unknown as ast.ExprOf<'ident'>)) as { local: LocalInfo }).local === x && exprInfo((o as unknown as ast.ExprOf<'ident'>))?.moves) {
      out = { message: MSG.E0161.moveBorrowed({ name }), span: o.span! };
      return;
    }
    if (mutBorrow && o.kind === 'ident' && nameRes((o as unknown as ast.ExprOf<'ident'>))?.k === 'local' && (nameRes((o as unknown as ast.ExprOf<'ident'>)) as { local: LocalInfo }).local === x) {
      out = { message: MSG.E0161.useMutablyBorrowed({ name }), span: o.span! };
      return;
    }
    for (const k in o) if (walk(o, k)) visit(o[k]);
  };
  visit(n);
  void r;
  return out;
}

// How a `match` holds its subject while its arms run, and which bindings are their arm's own
// locals. Decided once per match before any arm is emitted (stmts.ts matchValue emits it):
// - a binding that only copies or views a part leaves the subject whole (copiesOnly);
// - a binding moved out in its arm (sema: movedOut, partOf) takes its part out of the subject when
//   the arm is entered and is then a local of the arm, dropped at its end (§3.5, as Rust's); the
//   subject's owner keeps, and later drops, the parts no binding takes. Who that owner is: the
//   matched local itself (its drop flag), the local a matched field path belongs to, a new value
//   held in a temporary of the statement (holdsNewValue), or the temporary a matched part belongs
//   to, read in place (takesPartsInPlace).
import type * as ast from '../syntax/ast';
import type { Type } from '../sema/types';
import type { LocalInfo } from '../sema/typed';
import type { ModuleCtx } from './context';
import type { E } from './expr';
import { partsTempRoot } from './expr';
import { bindingLocals } from '../sema/frame-local-closures';
import { type ResOf, bindingVariant, callTarget, checkedPattern, localOf, nameRes } from '../sema/tables';

/** What the emitter offers these decisions (a view of FnEmitter). */
export interface MatchHost {
  m: ModuleCtx;
  ty(t: Type): Type;
  effType(e: E): Type;
  keptByClosure(l: LocalInfo, t: Type): boolean;
  variantIndex(t: Type, name: string): number;
  readonly dropFlags: ReadonlyMap<number, string>;
}

const armLocals = (e: ast.ExprOf<'match'>) => e.arms.map((arm) => bindingLocals(arm.pattern));

/** No binding of any arm takes its value out of the subject (moved out, or kept by a closure
 *  that may outlive the frame: the closure keeps the subject): a temporary subject is then
 *  dropped with the statement. */
export function copiesOnly(h: MatchHost, e: ast.ExprOf<'match'>): boolean {
  const takes = (l: LocalInfo) => (l.movedOut || h.keptByClosure(l, h.ty(l.type))) && h.m.needsDrop(h.ty(l.type));
  return armLocals(e).every((ls) => ls.every((l) => !takes(l)));
}

/** The drop flag of an owned local matched by value, or null: a binding moved out in its arm
 *  takes its part out of the local; the other bindings stay views of the local's parts. */
export function ownedLocalFlag(h: MatchHost, s: E): string | null {
  if (s.kind !== 'ident' || nameRes(s)?.k !== 'local' || h.effType(s).k === 'ref') return null;
  return h.dropFlags.get((nameRes(s) as ResOf<'local'>).local.id) ?? null;
}

const ownsPart = (h: MatchHost, l: LocalInfo) => h.m.needsDrop(h.ty(l.type));
const noneKept = (h: MatchHost, e: ast.ExprOf<'match'>) => armLocals(e).every((ls) => ls.every((l) => !h.keptByClosure(l, h.ty(l.type))));

/** A new value (`match make() { P(a, b) => use(a) }`), not otherwise owned, whose parts an arm
 *  may take: held in a temporary the statement owns like a local, so the parts nobody moved out
 *  (b) are dropped when the statement is done. Not when a closure keeps a binding: it keeps the
 *  value whole. */
export function holdsNewValue(h: MatchHost, e: ast.ExprOf<'match'>, st: Type, copies: boolean): boolean {
  const s = e.subject;
  return ownedResult(s) && h.effType(s).k !== 'ref' && h.m.needsDrop(st) &&
    (!copies || armLocals(e).some((ls) => ls.some((l) => ownsPart(h, l)))) && noneKept(h, e);
}

/** A part of a temporary (`opt().unwrap()`, `mk_pair().0`), not otherwise owned, whose parts an
 *  arm takes: the statement owns the temporary (read in place, dropped when the statement is
 *  done) and the arms' by-value bindings take their parts out of it, as a new value's. Not when
 *  an arm binds the whole subject (it stays a view) or a closure keeps a binding. */
export function takesPartsInPlace(h: MatchHost, e: ast.ExprOf<'match'>, st: Type): boolean {
  const s = e.subject;
  const wholeBinds = (p: ast.Pattern): boolean => {
    p = checkedPattern(p);
    return p.kind === 'or' ? p.alts.some(wholeBinds) : p.kind === 'binding' && !!localOf(p) && !(bindingVariant(p) != null && h.variantIndex(st, p.name) >= 0);
  };
  return h.effType(s).k !== 'ref' && h.m.needsDrop(st) && partsTempRoot(s) !== null &&
    armLocals(e).some((ls) => ls.some((l) => ownsPart(h, l))) && e.arms.every((arm) => !wholeBinds(arm.pattern)) && noneKept(h, e);
}

/** Whether an arm's by-value bindings are all its own locals: always for a subject the statement
 *  owns (a temporary); for a matched local, when the arm moves a binding out of it (sema: partOf)
 *  — the arm then moves the local, and every by-value binding is the arm's, like a temporary's;
 *  elsewhere bindings of a local are views of it. */
export function armTakesAll(h: MatchHost, tempOwned: boolean, bound: readonly { local: LocalInfo }[]): boolean {
  return tempOwned || bound.some((bd) => bd.local.movedOut && bd.local.partOf != null && ownsPart(h, bd.local));
}

/** A binding taken out of the subject when its arm is entered, and dropped at the arm's end:
 *  one that needs dropping, is a part (or of a temporary the statement owns), and is not left
 *  to a closure that may outlive the frame (unless the arm moves it out anyway). */
export function isArmLocal(h: MatchHost, l: LocalInfo, takesAll: boolean, tempOwned: boolean): boolean {
  const lt = h.ty(l.type);
  return takesAll && (l.partOf != null || tempOwned) && h.m.needsDrop(lt) && (l.movedOut || !h.keptByClosure(l, lt));
}

/** A call whose result is a new owned value (not a container's element handed out). */
export function ownedResult(e: E): boolean {
  if (e.kind === 'struct-lit' || e.kind === 'fstring' || e.kind === 'tuple' || e.kind === 'array') return true;
  if (e.kind !== 'call') return false;
  const t = callTarget(e);
  if (!t) return false;
  // (reduce/fold: the accumulator, the initial value or the closure's result)
  if (t.k === 'builtin-method') return (t.owner === 'Vec' && t.method === 'pop') || t.method === 'clone' || t.method === 'reduce' || t.method === 'fold' || ((t.owner === 'String' || t.owner === 'str') && ['upper', 'lower', 'trim', 'replace', 'to_upper', 'to_lower', 'clone'].includes(t.method));
  return t.k === 'fn' || t.k === 'method' || t.k === 'contract-method' || t.k === 'variant' || t.k === 'builtin-static' || t.k === 'value';
}

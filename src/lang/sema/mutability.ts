// Mutability (§3.1): writes, `++`/`--`, `&x!` and mutating calls need a `let!` binding, a
// thread-local, or access through `&T!` / `*T!`. Bindings from `let`, parameters and consts are
// read-only.
import type * as ast from '../syntax/ast';
import { T, typeEq, typeName, type Type } from './types';
import type { LocalInfo } from './typed';
import type { Ctx } from './context';
import { checkExpr } from './expr';
import { checkMember } from './methods';
import { checkFieldNotMoved } from './moves';
import { MSG, NOTE, type Message } from '../msg';
import { derefAll } from './methods';
import { exprInfo, nameRes, setExprInfo, setNameRes } from './tables';

/** Check an expression used as a place to write (assignment target, `&x!`, `x++`). */
export function checkPlace(cx: Ctx, e: ast.Expr): Type {
  let t: Type;
  if (e.kind === 'ident') {
    const local = cx.lookupLocal(e.name);
    if (local) {
      setNameRes(e, { k: 'local', local });
      t = local.type;
    } else t = checkExpr(cx, e, null);
  } else if (e.kind === 'member') {
    t = checkMember(cx, e, null, true);
    // (`s.a += …`, `&s.a!` read what is there: a moved part is gone; `s.a = …` does not, newValueTargets)
    checkFieldNotMoved(cx, e);
  } else t = checkExpr(cx, e, null);
  setExprInfo(e, { ...(exprInfo(e) ?? {}), type: t });
  return t;
}

export type PlaceMut =
  | { ok: true }
  | { ok: false; local?: LocalInfo; name: string; why: 'binding' | 'param' | 'const' | 'ref' | 'ptr' | 'slice' | 'temp' | 'text' };

export function placeMutability(cx: Ctx, e: ast.Expr): PlaceMut {
  switch (e.kind) {
    case 'ident': {
      const r = nameRes(e);
      if (!r) return { ok: true };
      if (r.k === 'local') {
        if (r.local.mut) { cx.mutNeeded.add(r.local); return { ok: true }; }
        const isParam = cx.fn?.info.params.some((p) => p.local === r.local) ?? false;
        return { ok: false, local: r.local, name: e.name, why: isParam ? 'param' : 'binding' };
      }
      if (r.k === 'tls') return { ok: true };
      if (r.k === 'const' || r.k === 'builtin-const') return { ok: false, name: e.name, why: 'const' };
      return { ok: true };
    }
    case 'member': case 'tuple-index': case 'index': {
      const ot = exprInfo(e.object)?.type ?? T.error;
      // a byte of a text: `str` and `String` index read-only (§5.1)
      const text = derefAll(ot);
      if (e.kind === 'index' && (text.k === 'str' || (text.k === 'builtin' && text.name === 'String'))) return { ok: false, name: rootName(e), why: 'text' };
      if (ot.k === 'ref' || ot.k === 'ptr') return ot.mut ? { ok: true } : { ok: false, name: rootName(e), why: ot.k === 'ref' ? 'ref' : 'ptr' };
      if (ot.k === 'slice') return ot.mut ? { ok: true } : { ok: false, name: rootName(e), why: 'slice' };
      // Shared handles: writing through them does not need a mutable binding.
      if (ot.k === 'builtin' && (ot.name === 'Gc' || ot.name === 'Channel')) return { ok: true };
      return placeMutability(cx, e.object);
    }
    case 'deref': {
      const ot = exprInfo(e.operand)?.type ?? T.error;
      if (ot.k === 'ref' || ot.k === 'ptr') return ot.mut ? { ok: true } : { ok: false, name: rootName(e.operand), why: ot.k === 'ref' ? 'ref' : 'ptr' };
      return placeMutability(cx, e.operand);
    }
    default:
      return { ok: true }; // a temporary
  }
}

function rootName(e: ast.Expr): string {
  let x = e;
  while (x.kind === 'member' || x.kind === 'index' || x.kind === 'tuple-index') x = x.object;
  if (x.kind === 'deref') return rootName(x.operand);
  return x.kind === 'ident' ? x.name : 'value';
}

/** Report E0110/E0112 when `e` is not a writable place. `what` names the operation. */
export function requireMutablePlace(cx: Ctx, e: ast.Expr, what: string): void {
  const m = placeMutability(cx, e);
  if (m.ok) return;
  const place = placeDesc(e, m);
  const message = what.startsWith('a mutable reference') ? MSG.E0112.mutableReference({ place })
    : what === 'assignment' ? MSG.E0110.assign({ place }) : MSG.E0110.apply({ what, place });
  reportImmutable(cx, m, e.span, message);
}

function placeDesc(e: ast.Expr, m: Exclude<PlaceMut, { ok: true }>): string {
  if (e.kind === 'ident') return m.why === 'const' ? `constant \`${m.name}\`` : m.why === 'param' ? `parameter \`${m.name}\`` : `immutable binding \`${m.name}\``;
  const through = m.why === 'ref' ? ', which is behind a `&` reference' : m.why === 'ptr' ? ', which is behind a read-only pointer' : m.why === 'slice' ? ', a read-only slice' : '';
  if (e.kind === 'index') return `an element of \`${m.name}\`${through}`;
  if (e.kind === 'deref') return `\`*${m.name}\`${through}`;
  return `a field of \`${m.name}\`${through}`;
}

export function reportImmutable(cx: Ctx, m: Exclude<PlaceMut, { ok: true }>, span: ast.Span, message: Message<'E0110' | 'E0111' | 'E0112'>): void {
  const labels = m.local ? [{ span: m.local.span, message: NOTE.E0110.labelDeclaredHere({ name: m.name }) }] : [];
  const notes: string[] = [];
  switch (m.why) {
    case 'binding': notes.push(NOTE.E0110.helpConsiderLetBang({ name: m.name })); break;
    case 'param': notes.push(NOTE.E0110.noteParametersReadOnly(), NOTE.E0110.helpCopyIntoMutableBinding({ name: m.name })); break;
    case 'const': notes.push(NOTE.E0110.noteConstantsCannotChange()); break;
    case 'ref':
      notes.push(m.name === 'self'
        ? NOTE.E0110.helpSelfReadOnlyMutating()
        : NOTE.E0110.helpSharedReferenceTakeMutable({ name: m.name }));
      break;
    case 'ptr': notes.push(NOTE.E0110.helpReadOnlyPointer()); break;
    case 'slice': notes.push(NOTE.E0110.helpReadOnlySlice()); break;
    case 'text': notes.push(NOTE.E0110.textIsImmutable()); break;
  }
  cx.error(message, span, { labels, notes });
}

/** `f(&x)` where f's parameter is `&T!` and `x` is not a mutable place (§7.4 lends `&x` mutably
 *  only then): E0111, as `x.m()` of a mutating method — the binding, not the types, is at fault.
 *  True when reported (the caller then reports no type mismatch). */
export function lentImmutably(cx: Ctx, arg: ast.Expr, target: Type, fnName: string): boolean {
  const from = exprInfo(arg)?.type;
  if (arg.kind !== 'ref' || arg.mut || from?.k !== 'ref' || from.mut || target.k !== 'ref' || !target.mut || !typeEq(from.inner, target.inner)) return false;
  const m = placeMutability(cx, arg.operand);
  if (m.ok) return false; // a temporary: E0103 says to take `&…!`
  reportImmutable(cx, m, arg.span, MSG.E0111.lendsImmutableMutably({ place: placeDesc(arg.operand, m), fnName, target: typeName(target) }));
  return true;
}

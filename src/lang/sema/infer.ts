// Literal typing (§4.1) and implicit conversions (§4.2): which types flow into which, and the
// common type of two numeric operands.
import type * as ast from '../syntax/ast';
import { T, intBits, intSigned, typeEq, typeSome, type Type, type IntName } from './types';
import { intFits } from './consts';
import { STD_VALUE_STRUCTS } from './std-time';

/** Default type of an unsuffixed integer literal: i32, else i64, else i128. */
export function defaultIntType(v: bigint): Type {
  if (intFits(v, 'i32')) return T.i32;
  if (intFits(v, 'i64')) return T.i64;
  return { k: 'int', name: 'i128' };
}

/** Whether an expression is a numeric literal whose type comes from its context. */
export function isLiteralish(e: ast.Expr): boolean {
  switch (e.kind) {
    case 'int': return e.suffix === null;
    case 'float': return e.suffix === null;
    case 'unary': return (e.op === '-' || e.op === '~') && isLiteralish(e.operand);
    case 'binary': return ['+', '-', '*', '/', '%', '**', '&', '|', '^'].includes(e.op) && isLiteralish(e.left) && isLiteralish(e.right);
    default: return false;
  }
}

/** Types whose values are copied, not moved (§3.5). Unknown generic params count as copy. */
export function isCopy(t: Type): boolean {
  switch (t.k) {
    case 'struct': return STD_VALUE_STRUCTS.has(t.info.name); // time's Time/Instant/Location (std-time.ts)
    case 'enum': return t.info.variants.every((v) => v.fields.length === 0);
    case 'tuple': return t.elems.every(isCopy);
    case 'array': return isCopy(t.elem);
    // a Future hands out its value once awaited: one of a moving type is itself moved (awaiting a
    // copy again handed the same value out twice, dropped twice)
    case 'builtin': return t.name === 'Future' ? !!t.args[0] && isCopy(t.args[0]) : !['String', 'Vec', 'Map', 'Set', 'Box'].includes(t.name);
    case 'any': return false; // it owns its content
    // a type parameter may be instantiated with a struct, String, Vec…: a generic body moves its
    // values like those (the language has no `Copy` bound to promise otherwise)
    case 'param': return false;
    default: return true;
  }
}

export const isNumeric = (t: Type) => t.k === 'int' || t.k === 'float';
export const isErr = (t: Type) => t.k === 'error';

/** Can a value of type `from` be used where `to` is expected? 'same', 'coerce' (implicit
 *  conversion to record in info.coerce) or false. */
export function assignable(from: Type, to: Type): 'same' | 'coerce' | false {
  if (from.k === 'error' || to.k === 'error' || from.k === 'never') return 'same';
  if (typeEq(from, to)) {
    if (from.k === 'fn' && to.k === 'fn' && from.externC !== to.externC) return 'same';
    return 'same';
  }
  if (from.k === 'int' && to.k === 'int') {
    return intSigned(from.name) === intSigned(to.name) && intBits(from.name) < intBits(to.name) ? 'coerce' : false;
  }
  if (from.k === 'float' && to.k === 'float') return from.bits < to.bits ? 'coerce' : false;
  if ((from.k === 'ref' || from.k === 'ptr') && to.k === from.k) {
    if (from.mut && !to.mut && typeEq(from.inner, to.inner)) return 'coerce';
    return false;
  }
  if (from.k === 'slice' && to.k === 'slice') return from.mut && !to.mut && typeEq(from.elem, to.elem) ? 'coerce' : false;
  // A growable String reads as str (like a deref).
  if (from.k === 'builtin' && from.name === 'String' && to.k === 'str') return 'coerce';
  // chapter 2 §7.4: where a String is expected, a str is copied into one
  if (from.k === 'str' && to.k === 'builtin' && to.name === 'String') return 'coerce';
  // &[T; N] as a slice &[T].
  if (from.k === 'ref' && from.inner.k === 'array' && to.k === 'slice' && typeEq(from.inner.elem, to.elem) && (from.mut || !to.mut)) return 'coerce';
  // chapter 2 §7.5: any value boxes into an `any` (with its type)
  if (to.k === 'any' && from.k !== 'unit') return 'coerce';
  // Generic instances that differ only by errors / nested coercions are not implicit.
  return false;
}

/** The common type of two numeric operands after widening (§4.2), or null if none. */
export function joinNumeric(a: Type, b: Type): Type | null {
  if (a.k === 'error') return b;
  if (b.k === 'error') return a;
  if (a.k === 'int' && b.k === 'int') {
    if (a.name === b.name) return a;
    if (intSigned(a.name) !== intSigned(b.name)) return null;
    return intBits(a.name) >= intBits(b.name) ? a : b;
  }
  if (a.k === 'float' && b.k === 'float') return a.bits >= b.bits ? a : b;
  return null;
}

export const intName = (t: Type): IntName | null => (t.k === 'int' ? t.name : null);

/** Does this type mention an unbound generic param of the given set? */
export function hasParams(t: Type, keys: Set<string>): boolean {
  switch (t.k) {
    case 'param': return keys.has(`${t.owner}.${t.name}`) || (t.name.includes('.') && keys.has(`${t.owner}.${t.name.slice(0, t.name.indexOf('.'))}`));
    case 'struct': case 'enum': case 'builtin': return t.args.some((a) => hasParams(a, keys));
    case 'tuple': return t.elems.some((a) => hasParams(a, keys));
    case 'array': case 'slice': case 'range': return hasParams(t.elem, keys);
    case 'ref': case 'ptr': return hasParams(t.inner, keys);
    case 'fn': return t.params.some((a) => hasParams(a, keys)) || hasParams(t.ret, keys);
    default: return false;
  }
}

/** Structural unification of a pattern type (with params in `keys`) against an actual type. */
export function unify(p: Type, a: Type, env: Map<string, Type>, keys: Set<string>): void {
  if (a.k === 'error' || a.k === 'never') return;
  switch (p.k) {
    case 'param': {
      const key = `${p.owner}.${p.name}`;
      if (keys.has(key) && !env.has(key)) env.set(key, a);
      else if (keys.has(key)) {
        // Prefer the wider of two numeric inferences (pick(1, big)).
        const prev = env.get(key)!;
        const j = isNumeric(prev) && isNumeric(a) ? joinNumeric(prev, a) : null;
        if (j) env.set(key, j);
      }
      return;
    }
    case 'struct': case 'enum': case 'builtin':
      if (a.k === p.k && (a as typeof p).args.length === p.args.length) p.args.forEach((x, i) => unify(x, (a as typeof p).args[i], env, keys));
      return;
    case 'tuple':
      if (a.k === 'tuple' && a.elems.length === p.elems.length) p.elems.forEach((x, i) => unify(x, a.elems[i], env, keys));
      return;
    case 'array': case 'slice': case 'range':
      if (a.k === 'array' || a.k === 'slice' || a.k === 'range') unify(p.elem, a.elem, env, keys);
      else if (p.k === 'slice' && a.k === 'ref' && a.inner.k === 'array') unify(p.elem, a.inner.elem, env, keys);
      return;
    case 'ref': case 'ptr':
      if (a.k === p.k) unify(p.inner, a.inner, env, keys);
      return;
    case 'fn':
      if (a.k === 'fn' && a.params.length === p.params.length) {
        p.params.forEach((x, i) => unify(x, a.params[i], env, keys));
        unify(p.ret, a.ret, env, keys);
      }
      return;
  }
}

/** Does a type mention any generic parameter (layout unknown until monomorphization)? */
export function hasAnyParam(t: Type): boolean {
  return typeSome(t, (x) => x.k === 'param');
}

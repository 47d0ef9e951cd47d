// A generic body may copy a value of a type parameter (use `x: T` after moving it, return `v[0]`
// or `self.value` read through a reference): fine for `i32`, a use after free or a double drop
// for a struct or a String. The language has no `Copy` bound, so the checker treats `T` as moving
// and records each such copy here instead of rejecting the body; every instantiation of the
// function with a moving type for that parameter is then an error (codegen/context.ts
// `instance`, where every instantiation is seen with concrete types).
import type { Span } from '../span';
import type { FnInfo } from './typed';
import type { Ctx } from './context';
import type { Type } from './types';
import { isCopy } from './infer';

export interface CopyNeed {
  /** Where the body copies the value. */
  span: Span;
  /** 'twice': a local used after it was moved; 'out': taken by value out of a borrowed or owned place;
   *  'clone': cloned out of a place (a Map's `keys()`), an error only for a type that cannot be cloned. */
  kind: 'twice' | 'out' | 'clone';
  /** The copied local or place, as source text. */
  what: string;
  /** The type parameter's name (`T`). */
  param: string;
}

/** Per function: the type parameters (`owner.name`, the key of an instance's env) it copies. */
export const copyNeeds = new WeakMap<FnInfo, Map<string, CopyNeed>>();

/** The type parameters that decide whether `t` copies (`T`, `(T, i32)`, `[T; 4]`), or null when
 *  `t` moves whatever they are (or copies without any). */
function copyParams(t: Type, out: Extract<Type, { k: 'param' }>[] = []): Extract<Type, { k: 'param' }>[] | null {
  if (t.k === 'param') { out.push(t); return out; }
  if (t.k === 'tuple') { for (const x of t.elems) if (!copyParams(x, out)) return null; return out; }
  if (t.k === 'array') return copyParams(t.elem, out);
  return isCopy(t) ? out : null;
}

/** A copy of a value of type `t` in the current body: recorded (and true) when `t` copies exactly
 *  when its type parameters do; false when `t` always copies or always moves (checked as usual). */
export function noteParamCopy(cx: Ctx, t: Type, span: Span, kind: CopyNeed['kind'], what: string): boolean {
  if (!cx.fn || isCopy(t)) return false;
  const ps = copyParams(t);
  if (!ps?.length) return false;
  let m = copyNeeds.get(cx.fn.info);
  if (!m) copyNeeds.set(cx.fn.info, (m = new Map()));
  for (const p of ps) {
    const key = `${p.owner}.${p.name}`;
    if (!m.has(key)) m.set(key, { span, kind, what, param: p.name });
  }
  return true;
}

/** A clone of a value of type `t` made by a built-in operation in the current body (`m.keys()`,
 *  collections' `get`): recorded per type parameter of `t`, checked at each instantiation
 *  (codegen/context.ts), where a type that cannot be cloned (an ArenaAllocator, a union) is E0163. */
export function noteParamClone(cx: Ctx, t: Type, span: Span, what: string): void {
  if (!cx.fn) return;
  const ps: Extract<Type, { k: 'param' }>[] = [];
  paramsIn(t, ps);
  if (!ps.length) return;
  let m = copyNeeds.get(cx.fn.info);
  if (!m) copyNeeds.set(cx.fn.info, (m = new Map()));
  for (const p of ps) {
    const key = `${p.owner}.${p.name}#clone`;
    if (!m.has(key)) m.set(key, { span, kind: 'clone', what, param: p.name });
  }
}
function paramsIn(t: Type, out: Extract<Type, { k: 'param' }>[]): void {
  if (t.k === 'param') out.push(t);
  else if (t.k === 'tuple') t.elems.forEach((x) => paramsIn(x, out));
  else if (t.k === 'array') paramsIn(t.elem, out);
  else if (t.k === 'builtin' || t.k === 'struct' || t.k === 'enum') t.args.forEach((x) => paramsIn(x, out));
}

// Which types are Clone (chapter 2 §3.7): used by `x.clone()` (methods.ts defaultClone) and by a
// struct that lists `impl Clone` without writing `clone()` (collect.ts).
import { subst, type Type } from './types';
import type { Ctx } from './context';
import { ARENA } from './prelude';
import { structArgsEnv } from './methods';

/** The part of t that is not Clone (a resource handle, a union), or null when t is Clone. A struct
 *  or enum with its own `clone()` decides for itself. Gc and Channel handles are Copy (§6.3). */
export function notClone(cx: Ctx, t: Type, seen: Set<unknown>): Type | null {
  return notCloneWith(t, (s) => !!cx.methods.get(s.info.name)?.get('clone'), seen);
}

/** The rule of notClone, given who has its own `clone()`: the checker asks its method tables, code
 *  generation (clone-glue.ts) its instances', for a type known only at an instantiation. */
export function notCloneWith(t: Type, ownClone: (s: Extract<Type, { k: 'struct' | 'enum' }>) => boolean, seen: Set<unknown>): Type | null {
  switch (t.k) {
    case 'builtin':
      if (t.name === 'Future' || t.name === 'DynamicLib') return t;
      if (t.name === 'Gc' || t.name === 'Channel') return null;
      for (const a of t.args) { const b = notCloneWith(a, ownClone, seen); if (b) return b; }
      return null;
    case 'tuple': for (const e of t.elems) { const b = notCloneWith(e, ownClone, seen); if (b) return b; } return null;
    case 'array': return notCloneWith(t.elem, ownClone, seen);
    case 'any': return t; // its content's type is known only at run time (chapter 2 §7.5)
    case 'struct': case 'enum': {
      if (t.k === 'struct' && (t.info.isUnion || t.info === ARENA)) return t;
      if (seen.has(t.info) || ownClone(t)) return null;
      seen.add(t.info);
      const env = structArgsEnv(t);
      const parts = t.k === 'struct' ? t.info.fields.map((f) => f.type) : t.info.variants.flatMap((v) => v.fields);
      for (const p of parts) { const b = notCloneWith(subst(p, env), ownClone, seen); if (b) return b; }
      return null;
    }
    default: return null;
  }
}

// Structs and enums that contain themselves by value (chapter 2 §7.12): such a value would be
// infinitely large. References, pointers, Box, Vec, Map, Set and other heap collections break the
// cycle; fields, payloads, arrays, tuples and Option/Result payloads by value do not.
import type { Ctx } from './context';
import type { Type, StructInfo, EnumInfo } from './types';
import { MSG, NOTE } from '../msg';

type Decl = StructInfo | EnumInfo;

/** The user types a value of `t` contains inline. */
function inline(t: Type, out: Decl[]): void {
  switch (t.k) {
    case 'struct': if (t.info.decl) out.push(t.info); for (const a of t.args) inline(a, out); return;
    case 'enum': if (t.info.decl) out.push(t.info); else for (const a of t.args) inline(a, out); return; // Option<T>/Result<T, E> hold T inline
    case 'tuple': for (const e of t.elems) inline(e, out); return;
    case 'array': inline(t.elem, out); return;
    default: return; // refs, pointers, slices, builtins (Box, Vec, …), fn values: behind a pointer
  }
}

function members(d: Decl): Type[] {
  return 'fields' in d ? d.fields.map((f) => f.type) : d.variants.flatMap((v) => v.fields);
}

export function checkTypeCycles(cx: Ctx): void {
  const state = new Map<Decl, 'busy' | 'done'>();
  const reported = new Set<Decl>();
  const path: Decl[] = [];
  const visit = (d: Decl): void => {
    const s = state.get(d);
    if (s === 'done') return;
    if (s === 'busy') {
      const cycle = path.slice(path.indexOf(d));
      if (cycle.some((x) => reported.has(x))) return;
      cycle.forEach((x) => reported.add(x));
      const names = [...cycle, d].map((x) => x.name).join(' -> ');
      const decl = d.decl as { nameSpan?: import('../span').Span } | null;
      if (decl?.nameSpan) cx.error(MSG.E0162.circularDependencyDetectedStruct({ names }), decl.nameSpan, { notes: [NOTE.E0162.helpBreakCycleReference()] });
      return;
    }
    state.set(d, 'busy');
    path.push(d);
    const inner: Decl[] = [];
    for (const t of members(d)) inline(t, inner);
    for (const x of inner) visit(x);
    path.pop();
    state.set(d, 'done');
  };
  for (const s of cx.structs.values()) if (s.decl && !s.isUnion) visit(s);
  for (const e of cx.enums.values()) if (e.decl) visit(e);
}

// A type's size written out, and the limit on it. Types are shared, not copied: `let y = (x, x);`
// or `type T1 = (T0, T0);` builds a type whose tree doubles at each step while the program grows
// by a line. Every walk of a type (its name, Copy/Drop questions, layout, codegen keys) is over
// the tree, so 40 such lines hung the toolchain. A type with more nodes than the limit is an
// error where it is made (E0169), before anything walks it.
import type { Type } from './types';

/** Nodes a type may have written out: far beyond a hand-written one (a tuple of 8,000 elements
 *  is 8,001), far below what makes a walk of it slow. */
export const MAX_TYPE_NODES = 1 << 16;

// per compound node: its node count, negated when an error type is among its parts
const nodes = new WeakMap<Type, number>();

/** The number of nodes of t's tree (shared parts counted each time they occur), memoized per
 *  node so that it costs the number of distinct nodes. */
export function typeNodes(t: Type): number { return Math.abs(count(t)); }

/** The types a type is written with (type arguments, elements, pointee, signature). */
export function typeChildren(t: Type): readonly Type[] {
  switch (t.k) {
    case 'struct': case 'enum': case 'builtin': return t.args;
    case 'tuple': return t.elems;
    case 'array': case 'slice': case 'range': return [t.elem];
    case 'ref': case 'ptr': return [t.inner];
    case 'fn': return [...t.params, t.ret];
    default: return [];
  }
}

function count(t: Type): number {
  if (t.k === 'error') return -1;
  const kids = typeChildren(t);
  if (!kids.length) return 1;
  const hit = nodes.get(t);
  if (hit !== undefined) return hit;
  let n = 1, err = false;
  for (const k of kids) {
    const c = count(k);
    n += Math.abs(c);
    err ||= c < 0;
  }
  nodes.set(t, err ? -n : n);
  return err ? -n : n;
}

/** 'report': too big, say so; 'quiet': too big but built from an error already reported (a
 *  chain that doubles again after its first error); null: within the limit. */
export function typeTooBig(t: Type): 'report' | 'quiet' | null {
  const c = count(t);
  return Math.abs(c) <= MAX_TYPE_NODES ? null : c < 0 ? 'quiet' : 'report';
}

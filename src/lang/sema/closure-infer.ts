// Closure parameter inference (chapter 2 §1.2). A parameter without a type and without an expected
// type gets a Hole; the body is checked once as a silent probe (its diagnostics, locals and moves
// are rolled back) in which holes meet typed expressions (operands, arguments, assignment targets,
// typed returns) and literals (which only mark them numeric). Still-open holes then take the
// argument types of the binding's first later calls, or the parameter type of the function it is
// passed to, and finally the defaults (float -> f64, else i32). The real check runs afterwards with
// the concrete types, so nothing downstream ever sees a hole.
import type * as ast from '../syntax/ast';
import type { Span } from '../span';
import { T, type Type, type Hole } from './types';
import type { Ctx } from './context';
import { resolveType } from './resolve';
import { defaultIntType } from './infer';

export const holeOf = (t: Type | null | undefined): Hole | null => (t && t.k === 'error' ? t.hole ?? null : null);

/** A typed expression met a hole: the first such meeting fixes it. */
export function fillHole(hole: Type, with_: Type): void {
  const h = holeOf(hole);
  if (!h || h.bound) return;
  if (with_.k === 'error' || with_.k === 'never') return;
  h.bound = with_;
}

/** A literal met a hole: it is numeric (a float literal makes it float). */
export function markHole(hole: Type, lit: Type): void {
  const h = holeOf(hole);
  if (!h || h.bound) return;
  if (lit.k === 'float') h.mark = 'float';
  else if (lit.k === 'int' && h.mark === null) h.mark = 'int';
}

/** A hole used where its type must already be known (field, method, index, call). */
export function needHole(t: Type, span: Span): void {
  const h = holeOf(t);
  if (h && !h.bound && !h.needs) h.needs = span;
}

/** Run `f` without leaving a trace in the checker: diagnostics, new locals and moves roll back. */
export function probe(cx: Ctx, f: () => void): void {
  const nDiags = cx.diags.length, nLocals = cx.allLocals.length;
  const fnLocals = cx.fn?.info.locals, nFnLocals = fnLocals?.length ?? 0;
  const top = cx.closureStack[cx.closureStack.length - 1], nTop = top?.locals.length ?? 0;
  const moved = cx.moved, values = [...cx.closureValues], fnValues = [...cx.fnValues], sugg = cx.suggestions;
  cx.moved = new Map(moved);
  cx.probing++;
  try {
    f();
  } finally {
    cx.probing--;
    cx.diags.length = nDiags;
    cx.allLocals.length = nLocals;
    if (fnLocals) fnLocals.length = nFnLocals;
    if (top) top.locals.length = nTop;
    cx.moved = moved;
    cx.closureValues.clear();
    for (const v of values) cx.closureValues.add(v);
    cx.fnValues.clear();
    for (const v of fnValues) cx.fnValues.add(v);
    cx.suggestions = sugg;
  }
}

/** Where a `let NAME = |…| …;` closure is bound: the statements after it see its later uses. */
export interface ClosureBinding {
  init: ast.Expr;
  name: string;
  rest: readonly ast.Stmt[];
  from: number;
  tail: ast.Expr | null;
}

type Peek = Type | 'int' | 'float' | null;

/** Types from later uses of the binding, per parameter (null: no information). */
export function laterUses(cx: Ctx, b: ClosureBinding, arity: number): Peek[] {
  const out: Peek[] = new Array(arity).fill(null);
  let done = false;
  const visit = (n: unknown): void => {
    if (done || !n || typeof n !== 'object') return;
    if (Array.isArray(n)) { for (const x of n) visit(x); return; }
    const o = n as { kind?: string };
    if (o.kind === 'call') {
      const c = o as ast.ExprOf<'call'>;
      if (c.callee.kind === 'ident' && c.callee.name === b.name && c.args.length === arity) {
        c.args.forEach((a, i) => { if (out[i] === null) out[i] = peekType(cx, a); });
      } else if (c.callee.kind === 'ident' && !cx.scope.lookup(c.callee.name)) {
        const f = cx.fns.get(c.callee.name);
        const at = c.args.findIndex((a) => a.kind === 'ident' && a.name === b.name);
        const pt = f && at >= 0 ? f.params[at]?.type : null;
        if (pt?.k === 'fn' && pt.params.length === arity) pt.params.forEach((p, i) => { if (out[i] === null && p.k !== 'param') out[i] = p; });
      }
    }
    if (o.kind === 'let') {
      const s = o as Extract<ast.Stmt, { kind: 'let' }>;
      if (s.type && s.init.kind === 'ident' && s.init.name === b.name) {
        const t = quiet(cx, () => resolveType(cx, s.type!));
        if (t.k === 'fn' && t.params.length === arity) t.params.forEach((p, i) => { if (out[i] === null) out[i] = p; });
      }
      visit(s.init);
      if (s.pattern.kind === 'name' && s.pattern.name === b.name) done = true; // shadowed from here on
      return;
    }
    if (o.kind === 'closure' && (o as ast.ExprOf<'closure'>).params.some((p) => p.name === b.name)) return;
    for (const k in o) {
      if (k === 'info' || k === 'res' || k === 'local' || k === 'span' || k === 'target') continue;
      visit((o as Record<string, unknown>)[k]);
    }
  };
  for (let i = b.from; i < b.rest.length && !done; i++) visit(b.rest[i]);
  if (!done) visit(b.tail);
  return out;
}

function quiet<R>(cx: Ctx, f: () => R): R {
  const n = cx.diags.length;
  try { return f(); } finally { cx.diags.length = n; }
}

/** The type an argument will have, from its shape alone (it is not checked yet). */
function peekType(cx: Ctx, a: ast.Expr): Peek {
  switch (a.kind) {
    case 'int': return a.suffix ? quiet(cx, () => resolveType(cx, { kind: 'named', span: a.span, name: a.suffix!, args: [] })) : defaultIntType(a.value).k === 'int' && (defaultIntType(a.value) as { name: string }).name !== 'i32' ? defaultIntType(a.value) : 'int';
    case 'float': return a.suffix === 'f32' ? T.f32 : a.suffix ? T.f64 : 'float';
    case 'unary': return a.op === '-' ? peekType(cx, a.operand) : null;
    case 'string': case 'fstring': return T.str;
    case 'bool': return T.bool;
    case 'ident': {
      const l = cx.scope.lookup(a.name);
      return l ? l.local.type : null;
    }
    case 'cast': return quiet(cx, () => resolveType(cx, a.type));
    case 'struct-lit': {
      const s = cx.structs.get(a.name);
      return s && s.generics.length === 0 ? { k: 'struct', info: s, args: [] } : null;
    }
    default: return null;
  }
}

/** The final type of a probed hole, or null when nothing decides it and the body needs one. */
export function settleHole(h: Hole, later: Peek): Type | null {
  if (h.bound) return h.bound;
  // A later argument fixes an open parameter unless it contradicts what the literals said.
  if (later && typeof later === 'object' && later.k !== 'error') {
    const fits = h.mark === null || (h.mark === 'int' ? later.k === 'int' || later.k === 'float' : later.k === 'float');
    if (fits) return later;
  }
  const mark = later === 'float' || h.mark === 'float' ? 'float' : later === 'int' || h.mark === 'int' ? 'int' : null;
  if (mark === 'float') return T.f64;
  if (mark === 'int') return T.i32;
  if (h.needs) return null;
  return T.i32;
}

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

const SKIP = new Set(['span', 'info', 'res', 'local', 'nameSpan', 'lowered', 'variant', 'resolved', 'decl']);
/** Keys to walk: annotations are skipped, and a call's `target` (a FnInfo, not syntax). */
const walk = (o: Record<string, unknown>, k: string) => !SKIP.has(k) && !(k === 'target' && o.kind === 'call');

function rootLocal(e: ast.Expr | undefined): LocalInfo | null {
  let x = e;
  if (!x) return null;
  while (x && (x.kind === 'member' || x.kind === 'index' || x.kind === 'tuple-index')) x = x.object;
  if (!x) return null;
  return x.kind === 'ident' && x.res?.k === 'local' ? x.res.local : null;
}

/** The last mention of local `r` in `n` (an ident resolved to it), or null. */
function lastMention(n: unknown, r: LocalInfo): ast.Span | null {
  let found: ast.Span | null = null;
  const visit = (x: unknown): void => {
    if (!x || typeof x !== 'object') return;
    if (Array.isArray(x)) { for (const y of x) visit(y); return; }
    const o = x as Record<string, unknown>;
    const id = o as unknown as ast.ExprOf<'ident'>;
    if (o.kind === 'ident' && id.res?.k === 'local' && id.res.local === r) found = o.span as ast.Span;
    for (const k in o) if (walk(o, k)) visit(o[k]);
  };
  visit(n);
  return found;
}

export function checkBlockBorrows(cx: Ctx, b: ast.Block): void {
  b.stmts.forEach((s, i) => {
    if (s.kind !== 'let' || s.init.kind !== 'ref' || s.pattern.kind !== 'name' || !s.pattern.local) return;
    if (s.init.info?.coerce?.k === 'ptr') return; // `let p: *T = &x;` (§7.4): a raw pointer holds no borrow
    const x = rootLocal(s.init.operand);
    if (!x) return;
    const r = s.pattern.local, mut = s.init.mut, created = s.init.span;
    // Where the borrow is last used: through `r`, or through a closure or reference bound from
    // it later in the block (`let c = || … r …;`, `let q: &T = r;`), which holds it as well.
    let end = -1, lastUse: ast.Span | null = null;
    const rest: unknown[] = [...b.stmts.slice(i + 1), b.tail];
    const holders = [r];
    rest.forEach((st) => {
      const t = st as ast.Stmt | undefined;
      if (t?.kind !== 'let' || t.pattern.kind !== 'name' || !t.pattern.local) return;
      const k = t.pattern.local.type.k;
      if ((t.init.kind === 'closure' || k === 'ref' || k === 'fn') && holders.some((h) => lastMention(t.init, h))) holders.push(t.pattern.local);
    });
    rest.forEach((st, k) => {
      for (const h of holders) { const m = lastMention(st, h); if (m) { end = k; lastUse = m; } }
    });
    if (end < 0 || !lastUse) return;
    for (let k = 0; k <= end; k++) {
      const hit = conflict(rest[k], x, r, mut);
      if (hit) {
        cx.error('E0161', hit.message, hit.span, {
          labels: [{ span: created, message: 'borrow created here' }, { span: lastUse, message: 'borrow later used here' }],
        });
        return; // one report per borrow
      }
    }
  });
}

/** The first use of `x` in `n` that the live borrow (held by `r`) forbids. */
function conflict(n: unknown, x: LocalInfo, r: LocalInfo, mutBorrow: boolean): { message: string; span: ast.Span } | null {
  let out: { message: string; span: ast.Span } | null = null;
  const name = x.name;
  const visit = (v: unknown): void => {
    if (out || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) { for (const y of v) visit(y); return; }
    const o = v as Record<string, unknown> & { kind?: string; span?: ast.Span };
    if (o.kind === 'ref' && 'operand' in o && rootLocal((o as unknown as ast.ExprOf<'ref'>).operand) === x) {
      const m = (o as unknown as ast.ExprOf<'ref'>).mut;
      if (mutBorrow) out = { message: m ? `cannot borrow \`${name}\` as mutable more than once at a time` : `cannot borrow \`${name}\` as immutable because it is also borrowed as mutable`, span: o.span! };
      else if (m) out = { message: `cannot borrow \`${name}\` as mutable because it is also borrowed as immutable`, span: o.span! };
      return;
    }
    if (o.kind === 'assign' && rootLocal((o as Extract<ast.Stmt, { kind: 'assign' }>).target) === x) {
      out = { message: `cannot assign to \`${name}\` because it is borrowed`, span: (o as Extract<ast.Stmt, { kind: 'assign' }>).target.span };
      return;
    }
    if (!mutBorrow && o.kind === 'call') {
      const c = o as unknown as ast.ExprOf<'call'>;
      const t = c.target;
      const mutating = t?.k === 'method' ? t.fn.receiver === 'mut-ref' : t?.k === 'builtin-method' ? !!builtinMethod(t.owner, t.method)?.mutating : false;
      if (mutating && c.callee.kind === 'member' && rootLocal(c.callee.object) === x) {
        out = { message: `cannot borrow \`${name}\` as mutable because it is also borrowed as immutable`, span: c.span };
        return;
      }
    }
    if (mutBorrow && o.kind === 'ident' && (o as unknown as ast.ExprOf<'ident'>).res?.k === 'local' && ((o as unknown as ast.ExprOf<'ident'>).res as { local: LocalInfo }).local === x) {
      out = { message: `cannot use \`${name}\` because it is mutably borrowed`, span: o.span! };
      return;
    }
    for (const k in o) if (walk(o, k)) visit(o[k]);
  };
  visit(n);
  void r;
  return out;
}

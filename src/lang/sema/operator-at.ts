// Editor queries on an overloaded operator (chapter 2 §2): the operator token of `a + b`, `-a`,
// `a[i]` or `a += b` stands for the method (or free `fn op…`) the checker lowered it to, so hover
// shows that method and go to definition opens it — in whichever tab declares it.
import type * as ast from '../syntax/ast';
import type { FnInfo } from './typed';
import { callTarget, exprInfo, loweredOf } from './tables';

export interface OperatorUse {
  /** The text between the operands (the operator and its spaces), or the brackets of `a[i]`. */
  spans: ast.Span[];
  fn: FnInfo;
}

const gap = (file: string, start: number, end: number): ast.Span => ({ file, start, end, line: 0, col: 0, endLine: 0, endCol: 0 });

/** The operator method a binary, unary, index or compound-assignment node was lowered to. */
export function operatorUse(n: { kind?: string; span?: ast.Span }): OperatorUse | null {
  const s = n.span;
  if (!s) return null;
  if (n.kind === 'binary' || n.kind === 'unary' || n.kind === 'index') {
    const e = n as ast.Expr;
    const lowered = exprInfo(e)?.lowered ?? exprInfo(e)?.step;
    if (!lowered) return null;
    const operands: ast.Expr[] = e.kind === 'binary' ? [e.left, e.right] : e.kind === 'unary' ? [e.operand] : e.kind === 'index' ? [e.object, e.index] : [];
    const fn = firstOperatorCall(lowered, new Set(operands));
    if (!fn) return null;
    if (e.kind === 'binary') return { spans: [gap(s.file, e.left.span.end, e.right.span.start)], fn };
    if (e.kind === 'unary') return { spans: [gap(s.file, s.start, e.operand.span.start), gap(s.file, e.operand.span.end, s.end)], fn };
    if (e.kind === 'index') return { spans: [gap(s.file, e.object.span.end, e.index.span.start), gap(s.file, e.index.span.end, s.end)], fn };
  }
  if (n.kind === 'assign') {
    const a = n as Extract<ast.Stmt, { kind: 'assign' }>;
    if (!loweredOf(a)) return null;
    const fn = firstOperatorCall(loweredOf(a)!, new Set([a.target, a.value]));
    return fn ? { spans: [gap(s.file, a.target.span.end, a.value.span.start)], fn } : null;
  }
  return null;
}

/** The first user-function call in a lowered tree, not looking inside the original operands. */
function firstOperatorCall(root: unknown, operands: Set<unknown>): FnInfo | null {
  const seen = new Set<unknown>();
  const walk = (n: unknown): FnInfo | null => {
    if (!n || typeof n !== 'object' || operands.has(n) || seen.has(n)) return null;
    seen.add(n);
    if (Array.isArray(n)) { for (const x of n) { const r = walk(x); if (r) return r; } return null; }
    const o = n as Record<string, unknown> & { kind?: string };
    const target = o.kind === 'call' ? callTarget(o as unknown as ast.Expr) : undefined;
    if (target && (target.k === 'method' || target.k === 'fn') && target.fn?.decl) return target.fn;
    const info = typeof o.kind === 'string' ? exprInfo(o as unknown as ast.Expr) : undefined; // (nested lowered operators)
    if (info) for (const x of [info.lowered, info.step, info.display]) { const r = x ? walk(x) : null; if (r) return r; }
    for (const k of Object.keys(o)) {
      if (k === 'span' || k === 'nameSpan' || k === 'res' || k === 'local' || k === 'target') continue;
      const r = walk(o[k]);
      if (r) return r;
    }
    return null;
  };
  return walk(root);
}

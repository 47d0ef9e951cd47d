// Every block-like scope of the AST, defined once for the walks that look for statements (the
// borrow checker's: borrows.ts, defer-scope.ts, escaping-closures.ts). Each hole those walks had
// was syntax they did not visit (a match arm's value, a switch case, a closure body, a defer), so
// which node holds which scopes is one exhaustive table here: a new statement or expression kind
// fails `tsc` until it is listed, and scopes.test.ts checks that every block and statement list a
// parsed program holds is reached.
import type * as ast from '../syntax/ast';
import { caseBlock } from './case-block';
import { checkedNode } from './tables';

export type ScopeKind = 'block' | 'fn-body' | 'branch' | 'loop' | 'case' | 'arm' | 'closure' | 'go' | 'async' | 'defer' | 'unsafe';

/** A scope: statements, then an optional value. A block is one (`block` set; a switch case's is
 *  case-block.ts's); so is a value standing where a block could (`=> v` of a match arm, `|| v`,
 *  `go f(x);`: no statements) and a statement standing for one (`defer x = e;`, `=> return v`). */
export interface Scope {
  kind: ScopeKind;
  /** The node the scope belongs to (the `if`, `match`, closure, loop… or the block itself). */
  owner: object;
  stmts: readonly ast.Stmt[];
  value: ast.Expr | null;
  span: ast.Span;
  /** The block the checker checks as one (checkBlock), or null for a value or statement alone. */
  block: ast.Block | null;
  /** A match arm's pattern: its bindings are the arm's locals. */
  bindings: ast.Span | null;
}

const ofBlock = (kind: ScopeKind, owner: object, b: ast.Block, bindings: ast.Span | null = null): Scope =>
  ({ kind, owner, stmts: b.stmts, value: b.tail, span: b.span, block: b, bindings });
const isBlock = (x: unknown): x is ast.Block => !!x && Array.isArray((x as ast.Block).stmts);
/** A body that is a block, an expression (its value) or a statement. */
function ofBody(kind: ScopeKind, owner: object, body: ast.Block | ast.Expr | ast.Stmt, bindings: ast.Span | null = null, stmt = false): Scope {
  if (isBlock(body)) return ofBlock(kind, owner, body, bindings);
  return stmt ? { kind, owner, stmts: [body as ast.Stmt], value: null, span: body.span, block: null, bindings }
    : { kind, owner, stmts: [], value: body as ast.Expr, span: body.span, block: null, bindings };
}
/** Match arm bodies that are statements, not values. */
const STMT_ARMS = new Set(['return', 'break', 'continue']);

type Kind = ast.Stmt['kind'] | ast.ExprKind;
type N = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- each entry reads its own kind's fields
/** The scopes each kind of node holds directly (null: none). Exhaustive by type: every statement
 *  and expression kind is listed. */
const SCOPES: { [K in Kind]: ((n: N) => Scope[]) | null } = {
  // statements
  block: (n) => (isBlock(n) ? [ofBlock('block', n, n)] : [ofBlock('block', n, n.block)]), // (a block statement, or an expression holding one)
  if: (n) => [...n.branches.map((b: { body: ast.Block }) => ofBlock('branch', n, b.body)), ...(n.else ? [ofBlock('branch', n, n.else)] : [])],
  while: (n) => [ofBlock('loop', n, n.body)],
  loop: (n) => [ofBlock('loop', n, n.body)],
  'for-in': (n) => [ofBlock('loop', n, n.body)],
  'for-c': (n) => [ofBlock('loop', n, n.body)],
  switch: (n) => [...n.cases, ...(n.default ? [n.default] : [])].map((c) => ofBlock('case', n, caseBlock(c))),
  defer: (n) => [ofBody('defer', n, n.body, null, true)],
  go: (n) => [ofBody('go', n, n.body)],
  unsafe: (n) => [ofBlock('unsafe', n, n.body)],
  let: null, assign: null, break: null, continue: null, return: null, expr: null, error: null,
  // expressions
  match: (n) => n.arms.map((a: ast.MatchArm) => ofBody('arm', n, a.body, a.pattern.span, STMT_ARMS.has(a.body.kind))),
  closure: (n) => [ofBody('closure', n, n.body)],
  async: (n) => [ofBlock('async', n, n.body)],
  int: null, float: null, string: null, fstring: null, bool: null, nil: null, ident: null, tuple: null, array: null,
  'array-repeat': null, map: null, unary: null, postfix: null, binary: null, range: null, cast: null, ref: null,
  deref: null, recv: null, await: null, try: null, member: null, 'tuple-index': null, index: null, call: null,
  'struct-lit': null, typeof: null,
};

/** The scopes node `n` holds directly (a function body is not a node's: see bodyScope). */
export function scopesOf(n: unknown): Scope[] {
  const k = (n as { kind?: string } | null)?.kind;
  const f = k && Object.prototype.hasOwnProperty.call(SCOPES, k) ? SCOPES[k as Kind] : null;
  return f ? f(n) : [];
}

/** A function's body as a scope. */
export const bodyScope = (fn: object, body: ast.Block): Scope => ofBlock('fn-body', fn, body);

/** Keys that are not syntax: annotations, and a call's `target` (a FnInfo). */
const SKIP = new Set(['span', 'info', 'res', 'local', 'nameSpan', 'lowered', 'variant', 'resolved', 'decl']);
export const walkKey = (o: Record<string, unknown>, k: string) => !SKIP.has(k) && !(k === 'target' && o.kind === 'call');

/** The syntax of a scope's owner that is not in its scopes (an `if`'s conditions, a loop's
 *  iterated value, a match's subject and guards, a closure's parameters), given to `visit`. */
function ownParts(o: Record<string, unknown>, scopes: readonly Scope[], visit: (x: unknown) => void): void {
  const inScope = new Set<unknown>();
  for (const s of scopes) { inScope.add(s.block); inScope.add(s.value); for (const st of s.stmts) inScope.add(st); }
  const skip = (x: unknown) => inScope.has(x) || (Array.isArray(x) && x.length > 0 && x.every((y) => inScope.has(y)));
  const go = (x: unknown): void => {
    if (!x || typeof x !== 'object' || skip(x)) return;
    if (Array.isArray(x)) { for (const y of x) go(y); return; }
    const r = x as Record<string, unknown>;
    // (the parts of a node that are not nodes themselves: an if's branches, a match's arms, a switch's cases)
    if (r !== o && typeof r.kind === 'string') { visit(r); return; }
    for (const k in r) if (walkKey(r, k)) go(r[k]);
  };
  go(o);
}

/**
 * Walk `root` (a node, a statement list, a scope's parts) and call `enter` for every scope inside
 * it, outermost first, with the scope around it (`outer`, null at the root); `enter` returning
 * false skips the scope's contents. `node` (optional) sees every node outside the skipped scopes,
 * scopes' owners included, before their scopes are entered. Calls are walked as checked
 * (`asChecked`: the identity for a tree not checked yet).
 */
export function forEachScope(root: unknown, enter: (s: Scope, outer: Scope | null) => boolean | void, node?: (o: Record<string, unknown>, outer: Scope | null) => void, outer: Scope | null = null, asChecked: <T>(n: T) => T = checkedNode): void {
  const visit = (n: unknown, at: Scope | null): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) { for (const y of n) visit(y, at); return; }
    const o = asChecked(n) as Record<string, unknown>;
    node?.(o, at);
    const scopes = scopesOf(o);
    if (!scopes.length) { for (const k in o) if (walkKey(o, k)) visit(o[k], at); return; }
    ownParts(o, scopes, (x) => visit(x, at));
    for (const s of scopes) if (enter(s, at) !== false) { visit(s.stmts, s); visit(s.value, s); }
  };
  visit(root, outer);
}

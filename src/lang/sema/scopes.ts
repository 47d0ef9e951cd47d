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
/** For each kind of node holding scopes: its scopes, and its own syntax outside them (an `if`'s
 *  conditions, a loop's iterated value or condition, a match's subject and arms' patterns and
 *  guards, a closure's parameters); null for a kind holding none. Exhaustive by type: every
 *  statement and expression kind is listed. */
type Entry = { scopes: (n: N) => Scope[]; parts: (n: N) => unknown[] } | null;
const none = (): unknown[] => [];
const SCOPES: { [K in Kind]: Entry } = {
  // statements
  // (a block statement, or an expression holding one)
  block: { scopes: (n) => [isBlock(n) ? ofBlock('block', n, n) : ofBlock('block', n, n.block)], parts: none },
  if: { scopes: (n) => [...n.branches.map((b: { body: ast.Block }) => ofBlock('branch', n, b.body)), ...(n.else ? [ofBlock('branch', n, n.else)] : [])], parts: (n) => n.branches.map((b: { cond: ast.Expr }) => b.cond) },
  while: { scopes: (n) => [ofBlock('loop', n, n.body)], parts: (n) => [n.cond] },
  loop: { scopes: (n) => [ofBlock('loop', n, n.body)], parts: none },
  'for-in': { scopes: (n) => [ofBlock('loop', n, n.body)], parts: (n) => [n.iter] },
  'for-c': { scopes: (n) => [ofBlock('loop', n, n.body)], parts: (n) => [n.init, n.cond, n.post] },
  switch: { scopes: (n) => [...n.cases, ...(n.default ? [n.default] : [])].map((c) => ofBlock('case', n, caseBlock(c))), parts: (n) => [n.subject, ...n.cases.map((c: { values: ast.Expr[] }) => c.values)] },
  defer: { scopes: (n) => [ofBody('defer', n, n.body, null, true)], parts: none },
  go: { scopes: (n) => [ofBody('go', n, n.body)], parts: none },
  unsafe: { scopes: (n) => [ofBlock('unsafe', n, n.body)], parts: none },
  let: null, assign: null, break: null, continue: null, return: null, expr: null, error: null,
  // expressions
  match: { scopes: (n) => n.arms.map((a: ast.MatchArm) => ofBody('arm', n, a.body, a.pattern.span, STMT_ARMS.has(a.body.kind))), parts: (n) => [n.subject, ...n.arms.map((a: ast.MatchArm) => [a.pattern, a.guard])] },
  closure: { scopes: (n) => [ofBody('closure', n, n.body)], parts: (n) => [n.params, n.ret] },
  async: { scopes: (n) => [ofBlock('async', n, n.body)], parts: none },
  int: null, float: null, string: null, fstring: null, bool: null, nil: null, ident: null, tuple: null, array: null,
  'array-repeat': null, map: null, unary: null, postfix: null, binary: null, range: null, cast: null, ref: null,
  deref: null, recv: null, await: null, try: null, member: null, 'tuple-index': null, index: null, call: null,
  'struct-lit': null, typeof: null,
};
const EMPTY: Scope[] = [];
/** (scopes are made once per node: the walks meet a node once per block around it) */
const made = new WeakMap<object, Scope[]>();
const ENTRIES = new Map<unknown, Entry>(Object.entries(SCOPES).filter(([, e]) => e));
const entryOf = (n: unknown): Entry => ENTRIES.get((n as { kind?: string }).kind) ?? null;

/** The scopes node `n` holds directly (a function body is not a node's: see bodyScope). */
export function scopesOf(n: unknown): readonly Scope[] {
  const e = entryOf(n);
  if (!e) return EMPTY;
  let s = made.get(n as object);
  if (!s) made.set(n as object, (s = e.scopes(n)));
  return s;
}

/** A scope-holding node's own syntax outside its scopes (an `if`'s conditions, a loop's iterated
 *  value…); empty for a node holding none. */
export const partsOf = (n: unknown): unknown[] => entryOf(n)?.parts(n) ?? [];

/** A function's body as a scope. */
export const bodyScope = (fn: object, body: ast.Block): Scope => ofBlock('fn-body', fn, body);

/** Keys that are not syntax: annotations, and a call's `target` (a FnInfo). */
const SKIP = new Set(['span', 'info', 'res', 'local', 'nameSpan', 'lowered', 'variant', 'resolved', 'decl']);
export const walkKey = (o: Record<string, unknown>, k: string) => !SKIP.has(k) && !(k === 'target' && o.kind === 'call');

/**
 * Walk `root` (a node, a statement list, a scope's parts) and call `enter` for every scope inside
 * it, outermost first, with the scope around it (`outer`, null at the root); `enter` returning
 * false skips the scope's contents. `node` (optional) sees every node outside the skipped scopes,
 * scopes' owners included, before their scopes are entered, with the node holding it (null for a
 * scope's statement or value, or the root's). Calls are walked as checked
 * (`asChecked`: the identity for a tree not checked yet).
 */
export function forEachScope(root: unknown, enter: (s: Scope, outer: Scope | null) => boolean | void, node?: (o: Record<string, unknown>, outer: Scope | null, parent: Record<string, unknown> | null) => void, outer: Scope | null = null, asChecked: <T>(n: T) => T = checkedNode): void {
  const visit = (n: unknown, at: Scope | null, parent: Record<string, unknown> | null): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) { for (const y of n) visit(y, at, parent); return; }
    const o = ((n as { kind?: string }).kind === 'call' ? asChecked(n) : n) as Record<string, unknown>;
    if (node) node(o, at, parent);
    const e = ENTRIES.get(o.kind);
    if (!e) { for (const k in o) if (k !== 'span' && walkKey(o, k)) visit(o[k], at, o); return; }
    visit(e.parts(o), at, o);
    for (const s of scopesOf(o)) if (enter(s, at) !== false) { visit(s.stmts, s, null); visit(s.value, s, null); }
  };
  visit(root, outer, null);
}

// The checker's results, in typed side tables keyed by AST node (a node object is its own stable
// id): the AST is immutable after parsing, and a second check of the same AST (REPL cells,
// benchmarks, the editor's per-tab analyses) writes into fresh tables instead of clearing nodes.
// One SemaTables belongs to one check; CheckedProgram.tables carries it to codegen and the
// editor's Analysis (cx.tables) to the queries.
//
// Access goes through the functions below, which read the tables of the check, code generation
// or query in progress (`withTables`). They exist so every reader need not thread a handle; a
// read outside any `withTables` is an internal error, never a silent miss.
import type * as ast from '../syntax/ast';
import type { Type } from './types';
import type { ExprInfo, NameRes, CallTarget, LocalInfo, ClosureInfo, FnInfo } from './typed';

/** What a unit-variant binding pattern (`None`) or a variant pattern (`Shape.Circle(r)`) names. */
export interface VariantRef { enumType: Type; variant: number }

/** Nodes that declare a local: `let` names, `for x in`, closure parameters, match bindings and an
 *  array pattern's `...rest`. */
export type LocalSite = ast.LetPattern | ast.Stmt | ast.ClosureParam | ast.Pattern | NonNullable<Extract<ast.Pattern, { kind: 'array' }>['rest']>;
/** A field of a struct pattern (`Point { x }`: the shorthand's synthesized binding lives here). */
export type StructPatternField = Extract<ast.Pattern, { kind: 'struct' }>['fields'][number];

export class SemaTables {
  /** Type, coercion, folded constant, lowered operator call… of every checked expression. */
  readonly info = new Map<ast.Expr, ExprInfo>();
  /** What an identifier (or a member naming an enum variant) resolves to. */
  readonly res = new Map<ast.Expr, NameRes>();
  /** How a call is dispatched. */
  readonly target = new Map<ast.Expr, CallTarget>();
  readonly local = new Map<LocalSite, LocalInfo>();
  /** A binding pattern that names a unit variant. */
  readonly variant = new Map<ast.Pattern, VariantRef>();
  /** A variant pattern's enum and variant index. */
  readonly resolved = new Map<ast.Pattern, VariantRef>();
  /** An assignment through an overloaded operator (`a[i] = v` -> `a.op[]=(i, v)`): the checked statement to emit instead. */
  readonly lowered = new Map<ast.Stmt, ast.Stmt>();
  /** A `go` statement's body as a closure. */
  readonly goInfo = new Map<ast.Stmt, ClosureInfo>();
  /** The checker's record of each function declaration (a contract default method's per-struct copy included). */
  readonly fn = new Map<ast.FnDecl, FnInfo>();
  /** `&x` where `&T!` is expected and `x` is a mutable place: read as the mutable borrow `&x!` (refIsMut). */
  readonly mutBorrow = new Set<ast.Expr>();
  /** A pattern the checker reads as another (a unit variant against an `i32`: its index literal). */
  readonly patternAs = new Map<ast.Pattern, ast.Pattern>();
  /** Side tables a module keeps for itself (checkSet/checkMap): marks on nodes that belong to this check. */
  readonly extra = new Map<object, unknown>();
  /** A struct pattern's shorthand field `Point { x }`: the binding pattern `x` it stands for. */
  readonly shorthand = new Map<StructPatternField, ast.Pattern>();
  /** `Owner.method(x, a…)` read as `x.method(a…)` (§7.10): the written call -> the call as checked. */
  readonly callAs = new Map<ast.ExprOf<'call'>, ast.ExprOf<'call'>>();
  /** The reverse of callAs: both forms share one info and one call target (kept on the written call). */
  readonly callOrigin = new Map<ast.Expr, ast.Expr>();
}

/** A resolution or call target of known kind (where a check of `.k` narrowed it). */
export type ResOf<K extends NameRes['k']> = Extract<NameRes, { k: K }>;
export type TargetOf<K extends CallTarget['k']> = Extract<CallTarget, { k: K }>;

let active: SemaTables | null = null;

/** Run `f` with `t` as the tables the accessors below read and write (restored afterwards, so
 *  nested checks — a module's tab, a std module — are fine). */
export function withTables<R>(t: SemaTables, f: () => R): R {
  const prev = active;
  active = t;
  try {
    return f();
  } finally {
    active = prev;
  }
}

/** A set of nodes owned by the check in progress (a module-level WeakSet keyed by AST nodes would
 *  carry one check's marks into the next check of the same AST). */
export function checkSet<K>(): { has(k: K): boolean; add(k: K): void; delete(k: K): boolean } {
  const key = {};
  const get = (): Set<K> => {
    const t = currentTables();
    let s = t.extra.get(key) as Set<K> | undefined;
    if (!s) t.extra.set(key, (s = new Set<K>()));
    return s;
  };
  return { has: (k) => get().has(k), add: (k) => { get().add(k); }, delete: (k) => get().delete(k) };
}

/** A map from nodes owned by the check in progress (see checkSet). */
export function checkMap<K, V>(): { get(k: K): V | undefined; set(k: K, v: V): void; has(k: K): boolean; delete(k: K): boolean } {
  const key = {};
  const get = (): Map<K, V> => {
    const t = currentTables();
    let m = t.extra.get(key) as Map<K, V> | undefined;
    if (!m) t.extra.set(key, (m = new Map<K, V>()));
    return m;
  };
  return { get: (k) => get().get(k), set: (k, v) => { get().set(k, v); }, has: (k) => get().has(k), delete: (k) => get().delete(k) };
}

/** The tables in use now (null outside any check, code generation or query). */
export const tablesInUse = (): SemaTables | null => active;
/** Switch to `t` (an editor query, once it has its analysis); restore `tablesInUse()`'s answer in a finally. */
export function useTables(t: SemaTables | null): void {
  active = t;
}

/** The tables in use (for code that keeps them, e.g. CheckedProgram). */
export function currentTables(): SemaTables {
  if (!active) throw new Error('internal: checker results read outside a check, code generation or query (withTables)');
  return active;
}

function put<K, V>(m: Map<K, V>, k: K, v: V | undefined): V | undefined {
  if (v === undefined) m.delete(k);
  else m.set(k, v);
  return v;
}

/** The node whose info and call target stand for `e` (the written call, for a call as checked). */
const keyOf = (t: SemaTables, e: ast.Expr): ast.Expr => (t.callOrigin.size ? t.callOrigin.get(e) ?? e : e);
// Readers accept a missing node (`e?.info` reads) and then answer undefined.
export const exprInfo = (e: ast.Expr | null | undefined): ExprInfo | undefined => { if (!e) return undefined; const t = currentTables(); return t.info.get(keyOf(t, e)); };
export const setExprInfo = <V extends ExprInfo | undefined>(e: ast.Expr, v: V): V => { const t = currentTables(); return put(t.info, keyOf(t, e), v) as V; };
export const nameRes = (e: ast.Expr | null | undefined): NameRes | undefined => (e ? currentTables().res.get(e) : undefined);
export const setNameRes = <V extends NameRes | undefined>(e: ast.Expr, v: V): V => put(currentTables().res, e, v) as V;
export const callTarget = (e: ast.Expr | null | undefined): CallTarget | undefined => { if (!e) return undefined; const t = currentTables(); return t.target.get(keyOf(t, e)); };
export const setCallTarget = <V extends CallTarget | undefined>(e: ast.Expr, v: V): V => { const t = currentTables(); return put(t.target, keyOf(t, e), v) as V; };
/** A call as checked: `x.method(a…)` for a written `Owner.method(x, a…)`, else the call itself.
 *  Whatever reads a checked call's callee or arguments reads them from here. */
export const checkedCall = (e: ast.ExprOf<'call'>): ast.ExprOf<'call'> => { const t = currentTables(); return t.callAs.size ? t.callAs.get(e) ?? e : e; };
/** For generic AST walkers: a node as checked (a call's checked form, else the node). */
export const checkedNode = <N>(n: N): N => ((n as { kind?: unknown }).kind === 'call' ? checkedCall(n as unknown as ast.ExprOf<'call'>) as unknown as N : n);
/** The call as written for a call as checked (`C.bump(c, 2)` for `c.bump(2)`), else the call itself. */
export const writtenCall = (e: ast.ExprOf<'call'>): ast.ExprOf<'call'> => (currentTables().callOrigin.get(e) as ast.ExprOf<'call'> | undefined) ?? e;
export const setCallAs = (written: ast.ExprOf<'call'>, as: ast.ExprOf<'call'>): void => { const t = currentTables(); t.callAs.set(written, as); t.callOrigin.set(as, written); };
export const localOf = (n: LocalSite | null | undefined): LocalInfo | undefined => (n ? currentTables().local.get(n) : undefined);
export const setLocalOf = <V extends LocalInfo | undefined>(n: LocalSite, v: V): V => put(currentTables().local, n, v) as V;
export const bindingVariant = (p: ast.Pattern | null | undefined): VariantRef | undefined => (p ? currentTables().variant.get(p) : undefined);
export const setBindingVariant = <V extends VariantRef | undefined>(p: ast.Pattern, v: V): V => put(currentTables().variant, p, v) as V;
export const resolvedOf = (p: ast.Pattern | null | undefined): VariantRef | undefined => (p ? currentTables().resolved.get(p) : undefined);
export const setResolvedOf = <V extends VariantRef | undefined>(p: ast.Pattern, v: V): V => put(currentTables().resolved, p, v) as V;
export const loweredOf = (s: ast.Stmt | null | undefined): ast.Stmt | undefined => (s ? currentTables().lowered.get(s) : undefined);
export const setLoweredOf = <V extends ast.Stmt | undefined>(s: ast.Stmt, v: V): V => put(currentTables().lowered, s, v) as V;
export const goInfoOf = (s: ast.Stmt | null | undefined): ClosureInfo | undefined => (s ? currentTables().goInfo.get(s) : undefined);
export const setGoInfoOf = <V extends ClosureInfo | undefined>(s: ast.Stmt, v: V): V => put(currentTables().goInfo, s, v) as V;
export const fnInfoOf = (d: ast.FnDecl | null | undefined): FnInfo | undefined => (d ? currentTables().fn.get(d) : undefined);
export const setFnInfoOf = <V extends FnInfo | undefined>(d: ast.FnDecl, v: V): V => put(currentTables().fn, d, v) as V;
/** Forget an expression's info, resolution and call target (a probe's results). */
export const forgetNode = (e: ast.Expr): void => { const t = currentTables(); t.info.delete(keyOf(t, e)); t.res.delete(e); t.target.delete(keyOf(t, e)); };
/** Whether a reference expression borrows mutably: written `&x!`, or `&x` the checker upgraded. */
export const refIsMut = (e: Extract<ast.Expr, { kind: 'ref' }>): boolean => e.mut || currentTables().mutBorrow.has(e);
export const setMutBorrow = (e: ast.Expr): void => { currentTables().mutBorrow.add(e); };
/** The pattern as checked: the one the checker substituted for `p` (patternAs), else `p`. */
export const checkedPattern = (p: ast.Pattern): ast.Pattern => currentTables().patternAs.get(p) ?? p;
export const setPatternAs = (p: ast.Pattern, as: ast.Pattern): void => { currentTables().patternAs.set(p, as); };
/** A node the checker synthesizes (a lowered operator call's parts), with its info. */
export const withInfo = <E extends ast.Expr>(e: E, v: ExprInfo): E => { setExprInfo(e, v); return e; };
/** A struct pattern field's pattern: the written one, or the binding a shorthand `x` stands for. */
export const fieldPattern = (f: StructPatternField): ast.Pattern | null => f.pattern ?? currentTables().shorthand.get(f) ?? null;
/** The bindings a struct pattern's shorthand fields stand for (generic AST walkers visit them too). */
export function shorthandBindings(n: unknown): ast.Pattern[] {
  const o = n as { kind?: unknown; fields?: unknown };
  if (o.kind !== 'struct' || !Array.isArray(o.fields)) return [];
  const t = currentTables(), out: ast.Pattern[] = [];
  for (const f of o.fields) { const p = t.shorthand.get(f); if (p) out.push(p); }
  return out;
}
export const setShorthand = (f: StructPatternField, p: ast.Pattern): void => { currentTables().shorthand.set(f, p); };

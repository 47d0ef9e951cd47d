// Generic calls: binding type parameters from explicit type arguments, the receiver, the
// arguments and finally the expected type; bound checks; defaults and variadics.
import type * as ast from '../syntax/ast';
import { builtinImplements } from './std-contracts';
import { extendsContract } from './extends';
import { T, subst, typeName, type Type } from './types';
import type { FnInfo } from './typed';
import type { Ctx } from './context';
import { hasParams, unify, isLiteralish } from './infer';
import { checkExpr, coerceExpr, consume, fmt } from './expr';
import { resolveType } from './resolve';
import { fnEnv, allContracts } from './collect';
import { isSize, RESULT } from './prelude';
import { isBareOkErr } from './sibling-result';
import { shadowing } from './shadow';
import { probe } from './closure-infer';
import { clearInfo } from './late-types';
import { argOk } from './ffi-check';
import { markAddressTaken } from './ops';
import { lentImmutably } from './mutability';
import { MSG, NOTE } from '../msg';
import { exprInfo, setExprInfo, setNameRes } from './tables';

const keyOf = (t: Type) => (t.k === 'param' ? `${t.owner}.${t.name}` : '');

export function substIfKnown(t: Type, env: Map<string, Type>, keys: Set<string>): Type | null {
  const s = subst(t, env);
  return hasParams(s, keys) ? null : s;
}
export function unifyInto(p: Type, a: Type, env: Map<string, Type>, keys: Set<string>): void {
  unify(p, a, env, keys);
}

/** Function type of a user function used as a value (`twice(triple, 2)`). */
export function fnTypeOf(cx: Ctx, f: FnInfo, e: ast.ExprOf<'ident'>, expected: Type | null): Type {
  const keys = new Set(f.typeParams.map(keyOf));
  const env = new Map<string, Type>();
  if (e.typeArgs) e.typeArgs.forEach((a, i) => f.typeParams[i] && env.set(keyOf(f.typeParams[i]), resolveType(cx, a)));
  const raw: Type = { k: 'fn', params: f.params.map((p) => p.type), ret: f.isAsync ? future(f.ret) : f.ret, externC: f.isExternC };
  if (expected?.k === 'fn') unify(raw, expected, env, keys);
  const typeArgs = f.typeParams.map((p) => env.get(keyOf(p)) ?? T.error);
  if (keys.size && typeArgs.some((t) => t.k === 'error')) {
    cx.error(MSG.E0130.cannotInferTypeArguments2({ fName: f.name }), e.span);
  }
  setNameRes(e, { k: 'fn', fn: f, typeArgs });
  return subst(raw, env);
}

export const future = (t: Type): Type => ({ k: 'builtin', name: 'Future', args: [t] });

export interface CallSite {
  callee: string; // display name for messages
  span: ast.Span;
  args: ast.Expr[];
  expected: Type | null;
  /** Type arguments given at the call (`pick<i32>(…)`, `Vec<i32>.new()`), bound in order. */
  explicit: Type[] | null;
  /** Type arguments of the owner type in a static path (`Stack<i32>.new`), bound first. */
  ownerArgs?: Type[] | null;
  /** Method calls: actual receiver type (refs stripped) to unify with the declared receiver. */
  receiver?: Type | null;
}

/** Check a call of a user function or method; returns the (substituted) result type and the
 *  type arguments in the order of `f.typeParams`. */
const NO_KEYS = new Set<string>();
const NO_ENV = new Map<string, Type>(); // never written: with no keys, unify binds nothing

export function callFn(cx: Ctx, f: FnInfo, site: CallSite): { ret: Type; typeArgs: Type[] } {
  if (f.typeParams.length === 0 && !site.explicit) {
    // Fast path: nothing to infer.
    checkArgs(cx, f.params, site, NO_ENV, NO_KEYS, f.name, f.isExternC);
    return { ret: f.isAsync ? future(f.ret) : f.ret, typeArgs: [] };
  }
  const keys = new Set(f.typeParams.map(keyOf));
  const env = new Map<string, Type>();
  let gi = 0;
  if (site.ownerArgs) for (const a of site.ownerArgs) { if (f.typeParams[gi]) env.set(keyOf(f.typeParams[gi]), a); gi++; }
  if (site.explicit) {
    const rest = f.typeParams.length - gi;
    if (site.explicit.length !== rest) {
      cx.error(MSG.E0141.takesTypeArgumentBut({ fName: f.name, rest, choice: rest === 1 ? '' : 's', explicitLength: site.explicit.length }), site.span);
    }
    site.explicit.forEach((a, i) => f.typeParams[gi + i] && env.set(keyOf(f.typeParams[gi + i]), a));
  }
  if (site.receiver && f.receiverType) {
    const rt = f.receiverType.k === 'ref' ? f.receiverType.inner : f.receiverType;
    unify(rt, site.receiver, env, keys);
  }
  checkArgs(cx, f.params, site, env, keys, f.name, f.isExternC);
  let ret = f.isAsync ? future(f.ret) : f.ret;
  if (site.expected && hasParams(subst(ret, env), keys)) unify(ret, site.expected, env, keys);
  ret = subst(ret, env);
  const typeArgs = f.typeParams.map((p) => env.get(keyOf(p)) ?? T.error);
  const missing = f.typeParams.filter((p) => !env.has(keyOf(p)));
  // an argument already in error binds nothing: its own error said why
  if (missing.length && !site.args.some((a) => { const t = exprInfo(a)?.type; return t?.k === 'error' && !t.hole; })) {
    cx.error(MSG.E0130.cannotInferType2({ missing: missing.map((m) => '`' + (m as { name: string }).name + '`').join(', '), fName: f.name }), site.span, { notes: [NOTE.E0130.helpGiveExplicitlyE({ fName: f.name, missing: missing.map(() => 'i32').join(', ') })] });
  }
  checkBounds(cx, f, typeArgs, site.span);
  return { ret: hasParams(ret, keys) ? T.error : ret, typeArgs };
}

/** Arity (defaults, variadics), argument inference and conversions. */
/** `wrap(Ok(1))` for `fn wrap<T>(r: Result<T, str>)`: the payload decides its side of the
 *  parameter (checked silently first), the parameter the other side, as rustc infers it; the whole
 *  Result type when both are then known, else null (the usual E0130 says what is missing). */
function openResultArg(cx: Ctx, a: ast.Expr, pt: Type, env: Map<string, Type>, keys: Set<string>): Type | null {
  if (!isBareOkErr(a) || a.kind !== 'call' || a.args.length !== 1 || pt.k !== 'enum' || pt.info !== RESULT || shadowing(cx, 'Result', a.span.file)) return null;
  const side = pt.args[(a.callee as { name: string }).name === 'Ok' ? 0 : 1];
  let payload: Type = T.error;
  probe(cx, () => { payload = checkExpr(cx, a.args[0], substIfKnown(side, env, keys)); });
  clearInfo(a.args[0]);
  if (payload.k !== 'error') unify(side, payload, env, keys);
  return substIfKnown(pt, env, keys);
}

export function checkArgs(
  cx: Ctx,
  params: { name: string; type: Type; hasDefault: boolean; variadic?: boolean }[],
  site: CallSite,
  env: Map<string, Type>,
  keys: Set<string>,
  name: string,
  cArgs = false, // an `extern "C" fn` defined in Vex: C's implicit `&T` -> `*T` applies (§6.1)
): void {
  const variadic = params.length > 0 && !!params[params.length - 1].variadic;
  const fixed = variadic ? params.length - 1 : params.length;
  const required = params.slice(0, fixed).filter((p) => !p.hasDefault).length;
  const n = site.args.length;
  if (n < required || (!variadic && n > fixed)) {
    const want = variadic ? `at least ${required}` : required === fixed ? `${fixed}` : `${required} to ${fixed}`;
    cx.error(MSG.E0105.takesArgumentButSupplied({ name, want, choice: fixed === 1 && !variadic ? '' : 's', argsLength: n, choice2: n === 1 ? 'was' : 'were' }), site.span);
  }
  // Byte-count parameters (prelude `size`): literals become u64, other integers convert to u64.
  const ptypes: (Type | null)[] = site.args.map((_, i) => {
    const t = i < fixed ? params[i]?.type ?? null : variadic ? elemOf(params[fixed].type) : null;
    return t && isSize(t) ? SIZE_TARGET : t;
  });
  const sizeArg = site.args.map((_, i) => { const t = i < fixed ? params[i]?.type : undefined; return !!t && isSize(t); });
  // Pass 1: check args whose parameter type is already known with it as the expected type;
  // the others without, unifying their types into the environment.
  const deferred: number[] = [];
  // A numeric literal for a bare type parameter waits for the closures (`v.reduce(0, |a, b| a + b)`
  // over a Vec<i64>: the closure decides U = i64, then `0` is an i64).
  const hasClosure = site.args.some((a) => a.kind === 'closure');
  const lits: number[] = [];
  site.args.forEach((a, i) => {
    const pt = ptypes[i];
    if (!pt) { checkExpr(cx, a, null); return; }
    if (hasClosure && pt.k === 'param' && keys.has(`${pt.owner}.${pt.name}`) && !env.has(`${pt.owner}.${pt.name}`) && isLiteralish(a)) { lits.push(i); return; }
    const known = substIfKnown(pt, env, keys);
    if (known || a.kind === 'closure') {
      if (!known) { deferred.push(i); return; }
      const t = checkExpr(cx, a, known);
      unify(pt, t, env, keys);
    } else {
      // §7.4: `&x` for a `&T!` parameter borrows a mutable place mutably, T still open here
      const t = checkExpr(cx, a, pt.k === 'ref' && pt.mut && a.kind === 'ref' ? { k: 'ref', inner: T.error, mut: true } : (openResultArg(cx, a, pt, env, keys) ?? null));
      unify(pt, t, env, keys);
    }
  });
  // Closures whose parameter types depended on other arguments.
  for (const i of deferred) {
    const t = checkExpr(cx, site.args[i], subst(ptypes[i]!, env));
    unify(ptypes[i]!, t, env, keys);
  }
  for (const i of lits) {
    const known = substIfKnown(ptypes[i]!, env, keys);
    unify(ptypes[i]!, checkExpr(cx, site.args[i], known), env, keys);
  }
  site.args.forEach((a, i) => {
    const pt = ptypes[i];
    if (!pt || !exprInfo(a)) return;
    const target = subst(pt, env);
    if (sizeArg[i] && exprInfo(a)!.type.k === 'int') {
      if ((exprInfo(a)!.type as { name: string }).name !== 'u64') exprInfo(a)!.coerce = T.u64;
    } else if (cArgs && target.k === 'ptr' && exprInfo(a)!.type.k === 'ref' && argOk(exprInfo(a)!.type, target)) {
      setExprInfo(a, { ...exprInfo(a)!, coerce: target });
      if (a.kind === 'ref') markAddressTaken(a.operand);
    } else if (!hasParams(target, keys) && !lentImmutably(cx, a, target, name)) coerceExpr(cx, a, exprInfo(a)!.type, target, `(argument ${i + 1} of \`${name}\`)`);
    consume(cx, a);
  });
}

const elemOf = (t: Type): Type => (t.k === 'slice' || t.k === 'array' ? t.elem : t);
const SIZE_TARGET: Type = T.u64;

/** Does a concrete type satisfy a contract bound? */
export function implementsContract(cx: Ctx, t: Type, contract: string): boolean {
  if (t.k === 'error') return true;
  if (t.k === 'ref') return implementsContract(cx, t.inner, contract);
  if (t.k !== 'struct' && t.k !== 'param' && cx.contracts.get(contract)?.decl === null && builtinImplements(t, contract)) return true;
  if (extendsContract(cx, t, contract)) return true;
  if (t.k === 'struct') {
    return t.info.contracts.some((c) => c === contract || (cx.contracts.get(c) && allContracts(cx, cx.contracts.get(c)!).some((x) => x.name === contract)));
  }
  if (t.k === 'param') {
    const owner = [...cx.generics.values()].find((g) => g.type.k === 'param' && g.type.name === t.name && g.type.owner === t.owner);
    return !!owner?.bounds.some((b) => b.name === contract || (cx.contracts.get(b.name) && allContracts(cx, cx.contracts.get(b.name)!).some((x) => x.name === contract)));
  }
  return false;
}

function checkBounds(cx: Ctx, f: FnInfo, typeArgs: Type[], span: ast.Span): void {
  const env = fnEnv(cx, f);
  if (!env) return;
  f.typeParams.forEach((p, i) => {
    if (p.k !== 'param') return;
    const g = env.generics.get(p.name);
    for (const b of g?.bounds ?? []) {
      if (b.args || !cx.contracts.has(b.name)) continue; // Callable-style bounds are checked at the call
      const missing = incompleteFor(cx, typeArgs[i], b.name);
      if (missing) {
        cx.error(MSG.E0129.doesNotImplementRequired({ typeArgs: typeName(typeArgs[i]), method: missing.method, contract: missing.contract }), span, { notes: [NOTE.E0129.noteRequiredBound({ pName: p.name, bName: b.name, fName: f.name }), NOTE.E0129.helpDefine({ method: missing.method, typeArgs: typeName(typeArgs[i]) })] });
      } else if (!implementsContract(cx, typeArgs[i], b.name)) {
        cx.error(MSG.E0128.typeDoesNotImplement2({ typeArgs: fmt(typeArgs[i]), bName: b.name }), span, { notes: [NOTE.E0128.noteRequiredBound({ pName: p.name, bName: b.name, fName: f.name }), NOTE.E0128.helpDeclareStructImpl2({ typeArgs: typeName(typeArgs[i]), bName: b.name })] });
      }
    }
  });
  // `where I.Item: C`: the projection of the bound type argument must implement C
  const targs = new Map(f.typeParams.map((p, i) => [keyOf(p), typeArgs[i]]));
  for (const [name, g] of env.generics) {
    if (!name.includes('.') || g.type.k !== 'param') continue;
    const t = subst(g.type, targs);
    if (t.k === 'param' || t.k === 'error' || hasParams(t, new Set(targs.keys()))) continue;
    for (const b of g.bounds) {
      if (b.args || !cx.contracts.has(b.name) || implementsContract(cx, t, b.name)) continue;
      cx.error(MSG.E0128.typeDoesNotImplement2({ typeArgs: fmt(t), bName: b.name }), span, { notes: [NOTE.E0128.noteRequiredBound({ pName: name, bName: b.name, fName: f.name })] });
    }
  }
}

/** The first required method struct `t` lacks for `contract` or one of its supercontracts. */
function incompleteFor(cx: Ctx, t: Type, contract: string): { contract: string; method: string } | null {
  const d = t.k === 'ref' ? t.inner : t;
  if (d.k !== 'struct' || !cx.incomplete.size) return null;
  const c = cx.contracts.get(contract);
  for (const x of c ? allContracts(cx, c) : []) {
    const m = cx.incomplete.get(`${d.info.name}:${x.name}`);
    if (m) return { contract: x.name, method: m[0] };
  }
  return null;
}

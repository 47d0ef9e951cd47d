// Call dispatch (§2.3): free functions, builtins, externs, enum-variant constructors, static
// calls `Type<A>.m(…)` with the `lowercase(Type)_m` fallback, constructor calls `Point(1, 2)` =
// `Point.new(1, 2)`, method calls, and calls of fn-typed values.
import type * as ast from '../syntax/ast';
import { T, subst, type Type, type EnumInfo } from './types';
import type { Ctx } from './context';
import { checkExpr, fmt } from './expr';
import { derefAll } from './methods';
import { callFn, checkArgs, type CallSite } from './generics';
import { checkMethodCall, builtinCall } from './methods';
import { checkBuiltinCall } from './builtins';
import { checkExternCall } from './ffi-check';
import { needHole, probe } from './closure-infer';
import { contractStaticCall } from './contract-statics';
import { resolveType } from './resolve';
import { overloadSet, resolveOverload } from './overloads';
import { builtinMethod, builtinOwner, builtinStatic, isBuiltinFn, isBuiltinName, OPTION, RESULT, ownerGenerics } from './prelude';
import { MSG, NOTE } from '../msg';
import { bareVariant, missingVariant } from './shadow';
import { exprInfo, nameRes, setCallAs, setCallTarget, setExprInfo, setNameRes } from './tables';

export interface TypePath {
  type: Type;
  explicit: boolean; // type arguments were written (`Vec<i32>`)
  name: string;
}

const PATH_TYPES = new Set(['Option', 'Result', 'ArenaAllocator', 'RuntimeStats', 'Self']);

/** If `e` names a type (not shadowed by a value), the type it names. */
export function typePathOf(cx: Ctx, e: ast.Expr): TypePath | null {
  if (e.kind !== 'ident') return null;
  const n = e.name;
  if (!cx.constCtx && cx.scope.lookup(n)) return null;
  if (cx.consts.has(n) || cx.tls.has(n) || cx.fns.has(n)) return null;
  const isType = cx.structs.has(n) || cx.enums.has(n) || isBuiltinName(n) || PATH_TYPES.has(n) || cx.aliases.has(n) || cx.generics.has(n);
  if (!isType) return null;
  if (n === 'Self' && cx.selfType) return { type: cx.selfType, explicit: true, name: n };
  const s = cx.structs.get(n), en = cx.enums.get(n);
  const gens = s?.generics ?? en?.generics ?? (n === 'Option' ? ['T'] : n === 'Result' ? ['T', 'E'] : isBuiltinName(n) ? ownerGenerics(n) : []);
  let type: Type;
  if (e.typeArgs || gens.length === 0) {
    type = resolveType(cx, { kind: 'named', span: e.span, name: n, args: e.typeArgs ?? [] });
  } else {
    // Generic type without arguments: placeholders, inferred at the call.
    const args: Type[] = gens.map((g) => ({ k: 'param', name: g, owner: n }));
    type = s ? { k: 'struct', info: s, args } : en ? { k: 'enum', info: en, args } : n === 'Option' ? { k: 'enum', info: OPTION, args } : n === 'Result' ? { k: 'enum', info: RESULT, args } : { k: 'builtin', name: n as never, args };
  }
  setNameRes(e, { k: 'type', type });
  setExprInfo(e, { type });
  return { type, explicit: !!e.typeArgs || gens.length === 0, name: n };
}

export function checkCall(cx: Ctx, e: ast.ExprOf<'call'>, expected: Type | null): Type {
  const c = e.callee;
  const explicit = e.typeArgs ? e.typeArgs.map((a) => resolveType(cx, a)) : null;
  if (c.kind === 'ident') {
    const identArgs = c.typeArgs ? c.typeArgs.map((a) => resolveType(cx, a)) : null;
    const local = cx.scope.lookup(c.name);
    if (!local) {
      const set = overloadSet(cx.fns, c.name);
      if (set.length) {
        const site: CallSite = { callee: c.name, span: e.span, args: e.args, expected, explicit: identArgs ?? explicit };
        const f = resolveOverload(cx, set, site, c.name);
        if (!f) {
          // For the editor (hover, signature help while the call is unfinished): a member that
          // can still take the arguments written so far.
          const guess = set.find((x) => x.params.length >= e.args.length) ?? set[0];
          setNameRes(c, { k: 'fn', fn: guess, typeArgs: [] });
          return T.error;
        }
        const { ret, typeArgs } = callFn(cx, f, site);
        setNameRes(c, { k: 'fn', fn: f, typeArgs });
        setExprInfo(c, { type: { k: 'fn', params: f.params.map((p) => p.type), ret, externC: f.isExternC } });
        setCallTarget(e, { k: 'fn', fn: f, typeArgs });
        if (cx.fn) cx.fn.calls.add(f);
        return ret;
      }
      const ext = cx.externs.get(c.name);
      if (ext) {
        setNameRes(c, { k: 'extern', fn: ext });
        setExprInfo(c, { type: { k: 'fn', params: ext.params, ret: ext.ret, externC: true } });
        return checkExternCall(cx, e, ext);
      }
      if (isBuiltinFn(c.name) && !cx.consts.has(c.name) && !cx.tls.has(c.name)) {
        setNameRes(c, { k: 'builtin-fn', name: c.name });
        setExprInfo(c, { type: T.unit });
        setCallTarget(e, { k: 'builtin', name: c.name });
        return checkBuiltinCall(cx, e, c.name, identArgs ?? explicit, expected);
      }
      const bare = bareVariant(cx, c.name, expected, c.span.file);
      if (bare && 'missing' in bare) {
        missingVariant(cx, c.name, bare.missing, c.span);
        for (const a of e.args) checkExpr(cx, a, null);
        return T.error;
      }
      if (bare) return variantCall(cx, e, bare.info, bare.index, null, expected);
      if (expected?.k === 'enum') {
        const vi = expected.info.variants.findIndex((v) => v.name === c.name);
        if (vi >= 0) return variantCall(cx, e, expected.info, vi, expected.args, expected);
      }
      const path = typePathOf(cx, c);
      if (path) return staticCall(cx, e, path, 'new', expected, explicit);
    }
  } else if (c.kind === 'member') {
    const path = typePathOf(cx, c.object);
    if (path) return staticCall(cx, e, path, c.name, expected, explicit);
    return checkMethodCall(cx, e, c, expected);
  }
  return valueCall(cx, e, expected);
}

function valueCall(cx: Ctx, e: ast.ExprOf<'call'>, expected: Type | null): Type {
  void expected;
  const ft = checkExpr(cx, e.callee, null);
  setCallTarget(e, { k: 'value' });
  if (cx.fn) cx.fn.callsValues = true;
  const site: CallSite = { callee: 'value', span: e.span, args: e.args, expected, explicit: null };
  if (ft.k === 'fn') {
    const name = e.callee.kind === 'ident' ? e.callee.name : 'function value';
    const before = cx.diags.length;
    checkArgs(cx, ft.params.map((p, i) => ({ name: `arg${i}`, type: p, hasDefault: false })), site, new Map(), new Set(), name);
    // A closure whose parameter types were inferred says where they came from.
    const res = e.callee.kind === 'ident' ? nameRes(e.callee) : undefined;
    const notes = res?.k === 'local' ? cx.inferredClosures.get(res.local) : undefined;
    if (notes) for (let i = before; i < cx.diags.length; i++) {
      if (cx.diags[i].code !== 'E0103') continue;
      for (const n of notes) { cx.diags[i].notes.push(n.note); cx.diags[i].labels.push({ span: n.span, message: NOTE.E0103.labelInferredHere() }); }
    }
    return ft.ret;
  }
  if (ft.k === 'param') {
    const g = [...cx.generics.values()].find((x) => x.type.k === 'param' && x.type.name === ft.name && x.type.owner === ft.owner);
    const b = g?.bounds.find((x) => x.args);
    if (b) {
      const params = b.args!.map((a) => resolveType(cx, a));
      checkArgs(cx, params.map((p, i) => ({ name: `arg${i}`, type: p, hasDefault: false })), site, new Map(), new Set(), ft.name);
      return b.ret ? resolveType(cx, b.ret) : T.unit;
    }
  }
  for (const a of e.args) if (!exprInfo(a)) checkExpr(cx, a, null);
  needHole(ft, e.callee.span);
  if (ft.k !== 'error') cx.error(MSG.E0106.expectedFunctionFound({ ft: fmt(ft) }), e.callee.span);
  return T.error;
}

/** `Enum.Variant(args)`, `Some(x)`, `Ok(v)`. */
function variantCall(cx: Ctx, e: ast.ExprOf<'call'>, info: EnumInfo, vi: number, args: Type[] | null, expected: Type | null): Type {
  const v = info.variants[vi];
  const keys = new Set(info.generics.map((g) => `${info.name}.${g}`));
  const env = new Map<string, Type>();
  const given = args ?? (expected?.k === 'enum' && expected.info === info ? expected.args : null);
  // a type parameter in the expected type is open (a generic callee's, being inferred) unless it
  // is one of the function being checked: `return Err("no")` in `fn f<T>(): Result<T, str>`
  const ownParam = (t: Type) => t.k === 'param' && [...cx.generics.values()].some((g) => g.type.k === 'param' && g.type.name === t.name && g.type.owner === t.owner);
  if (given) info.generics.forEach((g, i) => given[i] && (given[i].k !== 'param' || ownParam(given[i])) && env.set(`${info.name}.${g}`, given[i]));
  if (!v.fields.length) cx.error(MSG.E0106.variantTakesNoValues({ infoName: info.name, vName: v.name }), e.span);
  const site: CallSite = { callee: v.name, span: e.span, args: e.args, expected, explicit: null };
  checkArgs(cx, v.fields.map((f, i) => ({ name: `field${i}`, type: f, hasDefault: false })), site, env, keys, `${info.name}.${v.name}`);
  const result: Type = { k: 'enum', info, args: info.generics.map((g) => env.get(`${info.name}.${g}`) ?? T.error) };
  setExprInfo(e.callee, { type: result });
  if (e.callee.kind === 'ident') setNameRes(e.callee, { k: 'variant', enumType: result, variant: vi });
  setCallTarget(e, { k: 'variant', enumType: result, variant: vi });
  const missing = info.generics.filter((g) => !env.has(`${info.name}.${g}`));
  if (missing.length) {
    cx.error(MSG.E0130.cannotInferType({ missing: missing.join('`, `'), infoName: info.name, vName: v.name }), e.span, { notes: [NOTE.E0130.helpAnnotateBindingE({ infoName: info.name, generics: info.generics.map(() => 'i32').join(', ') })] });
    return T.error;
  }
  return subst(result, new Map());
}

/** `Type.name(args)` (and `Type(args)` = `Type.new(args)`). */
function staticCall(cx: Ctx, e: ast.ExprOf<'call'>, path: TypePath, name: string, expected: Type | null, explicit: Type[] | null): Type {
  const t = path.type;
  if (t.k === 'error') {
    for (const a of e.args) checkExpr(cx, a, null);
    return T.error;
  }
  if (t.k === 'enum') {
    const vi = t.info.variants.findIndex((v) => v.name === name);
    if (vi >= 0) return variantCall(cx, e, t.info, vi, path.explicit ? t.args : null, expected);
  }
  const ownerName = t.k === 'struct' || t.k === 'enum' ? t.info.name : t.k === 'builtin' ? t.name : null;
  const site: CallSite = { callee: name, span: e.span, args: e.args, expected, explicit, ownerArgs: path.explicit && (t.k === 'struct' || t.k === 'enum' || t.k === 'builtin') ? t.args : null };
  const set = ownerName ? overloadSet(cx.statics.get(ownerName), name) : [];
  const f = set.length ? resolveOverload(cx, set, site, `${ownerName}.${name}`) : undefined;
  if (set.length && !f) return T.error;
  if (f) {
    // Without written type arguments, infer the owner's params from args and the expected type.
    if (!site.ownerArgs && expected && f.owner && (expected.k === 'struct' || expected.k === 'enum') && (f.owner.k === 'struct' || f.owner.k === 'enum') && expected.info === f.owner.info) site.ownerArgs = expected.args;
    const { ret, typeArgs } = callFn(cx, f, site);
    setCallTarget(e, { k: 'fn', fn: f, typeArgs });
    if (cx.fn) cx.fn.calls.add(f);
    return ret;
  }
  const bo = builtinOwner(t);
  const sig = bo ? builtinStatic(bo, name) : null;
  if (bo && sig) {
    const env = new Map<string, Type>();
    const gens = ownerGenerics(bo);
    const args = path.explicit && (t.k === 'builtin' || t.k === 'enum') ? t.args : explicit && !sig.generics.length ? explicit : null;
    if (args) gens.forEach((g, i) => args[i] && env.set(`${bo}.${g}`, args[i]));
    else if (expected && expected.k === t.k && builtinOwner(expected) === bo && (expected.k === 'builtin' || expected.k === 'enum')) gens.forEach((g, i) => env.set(`${bo}.${g}`, (expected as { args: Type[] }).args[i]));
    setCallTarget(e, { k: 'builtin-static', owner: bo, method: name });
    if (explicit) setExprInfo(e, { type: T.error, typeArgs: explicit });
    return builtinCall(cx, sig, `${bo}.${name}`, { ...site, expected: null }, env, sig.generics.length ? explicit : null);
  }
  // Fallback (§7.10): a free function `Type_name` or `lowercase(Type)_name` (`Point.new(1, 2)`
  // can call `Point_new` or `point_new`).
  const fset = ownerName ? [`${ownerName}_${name}`, `${ownerName.toLowerCase()}_${name}`].map((n) => overloadSet(cx.fns, n)).find((x) => x.length) : undefined;
  if (fset) {
    const fallback = resolveOverload(cx, fset, site, fset[0].name);
    if (!fallback) return T.error;
    const { ret, typeArgs } = callFn(cx, fallback, site);
    setCallTarget(e, { k: 'fn', fn: fallback, typeArgs });
    if (cx.fn) cx.fn.calls.add(fallback);
    return ret;
  }
  if (t.k === 'param') {
    const r = contractStaticCall(cx, e, t, name, site);
    if (r) return r;
    for (const a of e.args) if (!exprInfo(a)) checkExpr(cx, a, null);
    cx.error(MSG.E0108.noStaticMethodBounds({ name, tName: t.name }), e.span, {
      notes: [NOTE.E0108.helpAddBoundWhose({ name, choice: name === 'default' ? `, e.g. \`<${t.name}: Default>\`` : '' })],
    });
    return T.error;
  }
  // §7.10: `Type.m(x, args…)` with `m` an instance method of Type and x a Type (or a reference to
  // one) is `x.m(args…)` (real's `Channel.send(ch, v)`): checked as that call (tables: callAs).
  if (ownerName && e.callee.kind === 'member' && hasInstanceMethod(cx, t, ownerName, name)) {
    if (!e.args.length) {
      cx.error(MSG.E0108.instanceMethodNotStatic({ name, ownerName }), e.span, {
        notes: [NOTE.E0108.helpCallValueX({ name, ownerName })],
      });
      return T.error;
    }
    const [recv, ...rest] = e.args;
    let rt: Type = T.error;
    probe(cx, () => { rt = checkExpr(cx, recv, null); }); // checked for real as the receiver below
    const base = derefAll(rt);
    const sameOwner = base.k === 'error' || ((base.k === 'struct' || base.k === 'enum') && base.info.name === ownerName) || (base.k === 'builtin' && base.name === ownerName);
    if (!sameOwner) {
      cx.error(MSG.E0103.xCallsMethodX({ ownerName, name, rt: fmt(rt) }), recv.span);
      for (const a of e.args) checkExpr(cx, a, null);
      return T.error;
    }
    const member: ast.ExprOf<'member'> = { kind: 'member', span: e.callee.span, object: recv, name, nameSpan: e.callee.nameSpan };
    const as: ast.ExprOf<'call'> = { ...e, callee: member, args: rest };
    setCallAs(e, as);
    return checkMethodCall(cx, as, member, expected);
  }
  for (const a of e.args) if (!exprInfo(a)) checkExpr(cx, a, null);
  const shown = ownerName ?? path.name;
  cx.error(name === 'new' && e.callee.kind === 'ident' ? MSG.E0108.callsNewWhichDoes({ shown }) : MSG.E0108.noStaticMethodFound({ name, shown }), e.span, {
    notes: [NOTE.E0108.helpDefineFnFree({ shown, name, shown2: shown.toLowerCase() })],
  });
  return T.error;
}

/** Does `Type` have an instance method `name` (a user method, or a method of a builtin type)? */
function hasInstanceMethod(cx: Ctx, t: Type, ownerName: string, name: string): boolean {
  if (overloadSet(cx.methods.get(ownerName), name).length) return true;
  const bo = builtinOwner(t);
  return !!(bo && builtinMethod(bo, name));
}

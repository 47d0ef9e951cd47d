// Member access and method calls: fields (with auto-deref), union reads, enum values on type
// paths, user methods (Go-style and inline) with auto-ref/deref, contract methods on generic
// params, and the builtin methods of prelude types.
import type * as ast from '../syntax/ast';
import { T, subst, type Type } from './types';
import { pathRoots, checkElementAdaptor, noteLentClosures } from './moves';
import { isPlaceExpr } from './stmt';
import type { FnInfo } from './typed';
import type { Ctx, ContractMethod } from './context';
import { checkExpr, consume, fmt, requireUnsafe } from './expr';
import { unwrapOutOfRef } from './moves';
import { callFn, checkArgs, type CallSite } from './generics';
import { builtinMethod, builtinOwner, isAnyInt, ownerGenerics, SEQ_READ_ONLY, SEQ_TO_VEC, type BuiltinSig } from './prelude';
import { shadowNote } from './shadow';
import { primMethod } from './extends';
import { placeMutability, reportImmutable } from './mutability';
import { resolveType } from './resolve';
import { overloadSet, resolveOverload, contractOverloads } from './overloads';
import { checkSortLends, checkEqLends } from './operators';
import { typePathOf } from './calls';
import { allContracts } from './collect';
import * as inferMod from './infer';
import { VEC_ITER_MODULE, VEC_ITER_STRUCT } from './std-veciter';
import { hiddenFields, shownName } from './std-time';
import { ffiUnsafe } from './ffi-check';
import { needHole } from './closure-infer';
import { notClone } from './clone-check';
import { noteParamClone } from './copy-needs';
import { MSG, NOTE } from '../msg';
import { type ResOf, exprInfo, nameRes, setCallAs, setCallTarget, setExprInfo, withInfo, writtenCall } from './tables';
import { fieldNamed } from './field-named';

/** Map/Set methods that neither compare nor hash keys (checkEqLends). */
const KEYLESS = new Set(['len', 'is_empty', 'keys', 'values', 'iter', 'clear', 'clone', 'capacity']);

/** Option/Result methods that call their function with the payload in place. */
const LENDS_PAYLOAD = new Set(['map', 'and_then', 'filter', 'map_err']);

export function derefAll(t: Type): Type {
  while (t.k === 'ref') t = t.inner;
  return t;
}
/** What fields are read through: the content of a Box, as many levels as there are (`bb.f` of a
 *  `Box<Box<S>>`, `&Box<&Box<S>>`), references read through on the way. */
export function unboxAll(t: Type): Type {
  t = derefAll(t);
  while (t.k === 'builtin' && t.name === 'Box' && t.args[0]) t = derefAll(t.args[0]);
  return t;
}

export function structArgsEnv(t: Type): Map<string, Type> {
  const env = new Map<string, Type>();
  if (t.k === 'struct' || t.k === 'enum') t.info.generics.forEach((g, i) => t.args[i] && env.set(`${t.info.name}.${g}`, t.args[i]));
  return env;
}

/** `a.b` not in callee position. `write` is set for assignment targets (no union-read check). */
export function checkMember(cx: Ctx, e: ast.ExprOf<'member'>, expected: Type | null, write: boolean): Type {
  pathRoots.add(e.object); // `p.a` reads a part of p, not all of it (also `s.p.a` of s.p)
  const path = typePathOf(cx, e.object);
  if (path) {
    const pt = path.type;
    if (pt.k === 'enum') {
      const vi = pt.info.variants.findIndex((v) => v.name === e.name);
      if (vi < 0) {
        cx.error(MSG.E0100.enumNoVariant({ infoName: pt.info.name, eName: e.name }), e.nameSpan, { notes: [NOTE.E0100.noteVariants({ variants: pt.info.variants.map((v) => '`' + v.name + '`').join(', ') })] });
        return T.error;
      }
      const args = path.explicit ? pt.args : expected?.k === 'enum' && expected.info === pt.info ? expected.args : pt.args;
      const et: Type = { k: 'enum', info: pt.info, args };
      if (pt.info.variants[vi].fields.length) {
        cx.error(MSG.E0106.variantTakesValueS({ infoName: pt.info.name, eName: e.name, fieldsLength: pt.info.variants[vi].fields.length }), e.span);
        return T.error;
      }
      if (pt.info.generics.length && !path.explicit && !(expected?.k === 'enum' && expected.info === pt.info)) {
        cx.error(MSG.E0130.cannotInferTypeArguments3({ infoName: pt.info.name, eName: e.name }), e.span);
        return T.error;
      }
      setExprInfo(e.object, { type: et });
      return et;
    }
    cx.error(MSG.E0106.typeMustCalled({ eName: e.name, pt: fmt(pt), fmtPath: fmtPath(e) }), e.span);
    return T.error;
  }
  const ot = checkExpr(cx, e.object, null);
  let t = unboxAll(ot); // fields read through a Box
  if (t.k === 'ptr') {
    requireUnsafe(cx, e.span, 'access through a raw pointer');
    t = t.inner;
  }
  if (t.k === 'error') { needHole(t, e.nameSpan); return T.error; }
  if (t.k === 'struct') {
    const f = fieldNamed(t.info.fields, e.name);
    if (f) {
      if (t.info.isUnion && !write) requireUnsafe(cx, e.span, `reading union field \`${e.name}\``);
      return subst(f.type, structArgsEnv(t));
    }
  }
  const hasMethod = !!findMethodName(cx, t, e.name);
  if (!hasMethod && t.k === 'struct' && hiddenFields(t.info)) {
    cx.error(MSG.E0107.fieldsPrivate({ eName: shownName(t.info.name) }), e.nameSpan, { notes: [NOTE.E0107.helpUseModule({ module: t.info.name.split('·')[0] })] });
    return T.error;
  }
  cx.error(hasMethod ? MSG.E0106.methodMustCalled({ eName: e.name, fmtPath: fmtPath(e) }) : MSG.E0107.typeNoField({ t: fmt(t), index: e.name }), e.nameSpan, fieldNotes(t, hasMethod ? NOTE.E0106 : NOTE.E0107));
  return T.error;
}

function fmtPath(e: ast.ExprOf<'member'>): string {
  return (e.object.kind === 'ident' ? e.object.name : '…') + '.' + e.name;
}

function fieldNotes(t: Type, of: typeof NOTE.E0106 | typeof NOTE.E0107): { notes?: string[] } {
  if (t.k === 'struct' && t.info.fields.length) return { notes: [of.noteAvailableFields({ fields: t.info.fields.map((f) => '`' + f.name + '`').join(', ') })] };
  return {};
}

function findMethodName(cx: Ctx, t: Type, name: string): boolean {
  if ((t.k === 'struct' || t.k === 'enum') && cx.methods.get(t.info.name)?.has(name)) return true;
  const bo = builtinOwner(t);
  return !!(bo && builtinMethod(bo, name));
}

/** `bb.m(…)` of a Box (or a reference to one) with m no method of Box itself: the method of its
 *  content, through every level and reference, as Rust's auto-deref: checked as `(**bb).m(…)`
 *  (tables: callAs; its `*`s are synthesized, typed here: bb is checked already). Null when m is
 *  Box's own (`get`, `set`, `clone`, a user method on Box). */
function throughBoxes(cx: Ctx, call: ast.ExprOf<'call'>, m: ast.ExprOf<'member'>, ot: Type, expected: Type | null): Type | null {
  if (builtinMethod('Box', m.name) || m.name === 'clone' || overloadSet(cx.methods.get('Box'), m.name).length || writtenCall(call) !== call) return null;
  let obj: ast.Expr = m.object, ty = ot;
  while (ty.k === 'ref' || (ty.k === 'builtin' && ty.name === 'Box' && ty.args[0])) {
    ty = ty.k === 'ref' ? ty.inner : ty.args[0];
    obj = withInfo({ kind: 'deref', span: m.object.span, operand: obj } as ast.ExprOf<'deref'>, { type: ty });
  }
  const member: ast.ExprOf<'member'> = { ...m, object: obj };
  const as: ast.ExprOf<'call'> = { ...call, callee: member };
  setCallAs(call, as);
  return checkMethodCall(cx, as, member, expected, ty);
}

/** `obj.m(args)` where obj is a value. */
export function checkMethodCall(cx: Ctx, call: ast.ExprOf<'call'>, m: ast.ExprOf<'member'>, expected: Type | null, known?: Type): Type {
  const ot = known ?? checkExpr(cx, m.object, null);
  const t = derefAll(ot);
  if (!known && t.k === 'builtin' && t.name === 'Box') { const c = throughBoxes(cx, call, m, ot, expected); if (c) return c; }
  const explicit = call.typeArgs ? call.typeArgs.map((a) => resolveType(cx, a)) : null;
  const site: CallSite = { callee: m.name, span: call.span, args: call.args, expected, explicit, receiver: t };
  if (t.k === 'error') {
    needHole(t, m.nameSpan);
    for (const a of call.args) checkExpr(cx, a, null);
    return T.error;
  }
  // Generic parameter: methods of its contract bounds.
  if (t.k === 'param') return contractCall(cx, call, m, t, site);
  // User methods (structs, enums, and user methods on builtin types).
  const ownerName = t.k === 'struct' || t.k === 'enum' ? t.info.name : t.k === 'builtin' ? t.name : null;
  const set = ownerName ? overloadSet(cx.methods.get(ownerName), m.name) : [];
  if (set.length) {
    const f = resolveOverload(cx, set, site, `${ownerName}.${m.name}`);
    // the linked `Vec.iter` (std-veciter.ts) clones the Vec: its elements must be Clone
    if (f && m.name === 'iter' && t.k === 'builtin' && t.name === 'Vec' && t.args[0] && f.decl?.span.file === `<std>/${VEC_ITER_MODULE}.vx` && !inferMod.isCopy(t.args[0])) clonesElements(cx, call, t, t.args[0]);
    return f ? userMethodCall(cx, call, m, ot, f, site) : T.error;
  }
  // A struct field holding a function or closure: `s.handler(x)`.
  if (t.k === 'struct') {
    const fld = fieldNamed(t.info.fields, m.name);
    if (fld) {
      const ft = subst(fld.type, structArgsEnv(t));
      setExprInfo(m, { type: ft });
      if (ft.k === 'fn') {
        checkArgs(cx, ft.params.map((p, i) => ({ name: `arg${i}`, type: p, hasDefault: false })), site, new Map(), new Set(), m.name);
        setCallTarget(call, { k: 'value' });
        if (cx.fn) cx.fn.callsValues = true;
        return ft.ret;
      }
    }
  }
  if (t.k === 'array' || t.k === 'slice') {
    if (m.name === 'len' && call.args.length === 0) {
      setCallTarget(call, { k: 'builtin-method', owner: t.k === 'array' ? 'array' : 'slice', method: 'len' });
      return T.i32;
    }
    const seqOwner = t.k === 'array' ? 'array' : 'slice';
    // chapter 2 §5.2: arrays and slices have the read-only `get(i)`: the element, as a Vec's
    // `get` (a Copy one is copied; moving out a non-Copy one is E0163, moves.ts ACCESSORS)
    if (m.name === 'get' && call.args.length === 1) {
      const at = checkExpr(cx, call.args[0], T.i64);
      if (at.k !== 'int' && at.k !== 'error') cx.error(MSG.E0103.expectedIntegerIndexFound({ at: fmt(at) }), call.args[0].span);
      if (call.bang) cx.error(MSG.E0144.notMutatingMethodRemove({ owner: seqOwner, mName: m.name }), call.span);
      setCallTarget(call, { k: 'builtin-method', owner: seqOwner, method: 'get' });
      return t.elem;
    }
    // §5.2 `iter()`: a VecIter over copies of the elements, as a Vec's (std-veciter.ts): a non-Copy
    // element is cloned into it, so it must be Clone
    const vecIter = m.name === 'iter' && call.args.length === 0 ? cx.structs.get(VEC_ITER_STRUCT) : undefined;
    if (vecIter) {
      if (call.bang) cx.error(MSG.E0144.notMutatingMethodRemove({ owner: seqOwner, mName: m.name }), call.span);
      if (!inferMod.isCopy(t.elem)) clonesElements(cx, call, t, t.elem);
      setCallTarget(call, { k: 'builtin-method', owner: seqOwner, method: 'iter' });
      return { k: 'struct', info: vecIter, args: [t.elem] };
    }
    // §5.2: the read-only Vec methods, with a Vec's rules for the elements: a closure's element
    // parameter stays the array's (moves.ts checkElementAdaptor), `filter` clones what it keeps
    const sig = SEQ_READ_ONLY.has(m.name) || SEQ_TO_VEC.has(m.name) ? builtinMethod('Vec', m.name) : null;
    if (sig) {
      if (call.bang) cx.error(MSG.E0144.notMutatingMethodRemove({ owner: seqOwner, mName: m.name }), call.span);
      setCallTarget(call, { k: 'builtin-method', owner: seqOwner, method: m.name });
      if (explicit) setExprInfo(call, { type: T.error, typeArgs: explicit });
      noteLentClosures(call, 'Vec', m.name);
      // an array temporary gives its kept elements up, as a Vec's (codegen ownReceiverKeeping)
      const temp = t.k === 'array' && ot.k !== 'ref' && !isPlaceExpr(m.object);
      checkElementAdaptor(cx, call, m.name, m.object, t.elem, temp, seqOwner);
      if (m.name === 'filter' && !temp && !inferMod.isCopy(t.elem)) noteParamClone(cx, t.elem, call.span, `the kept elements of ${fmt(t)}`);
      return builtinCall(cx, sig, `Vec.${m.name}`, site, new Map([['Vec.T', t.elem]]), explicit);
    }
  }
  if (t.k === 'ptr') {
    if (m.name === 'is_null') {
      checkArgs(cx, [], site, new Map(), new Set(), 'is_null');
      setCallTarget(call, { k: 'builtin-method', owner: 'ptr', method: 'is_null' });
      return T.bool;
    }
    if (m.name === 'offset') {
      if (call.args.length !== 1) cx.error(MSG.E0105.offsetTakes1Argument(), call.span);
      for (const a of call.args) {
        const at = checkExpr(cx, a, T.i64);
        if (at.k !== 'int' && at.k !== 'error') cx.error(MSG.E0103.expectedIntegerOffsetFound({ at: fmt(at) }), a.span);
      }
      setCallTarget(call, { k: 'builtin-method', owner: 'ptr', method: 'offset' });
      return t;
    }
  }
  // every clone but a number's or a string's is the default clone, checked to be Clone throughout
  if (m.name === 'clone' && call.args.length === 0 && !(t.k === 'int' || t.k === 'float' || t.k === 'str' || (t.k === 'builtin' && t.name === 'String'))) return defaultClone(cx, call, t);
  const owner = builtinOwner(t);
  // a `vex_` method is the standard modules' own (prelude.ts): unknown to programs
  const sig = owner && !(m.name.startsWith('vex_') && !call.span.file.startsWith('<std>')) ? builtinMethod(owner, m.name) : null;
  if (owner && sig) {
    if (sig.mutating) requireMutableReceiver(cx, m, ot, m.name);
    if (call.bang && !sig.mutating) cx.error(MSG.E0144.notMutatingMethodRemove({ owner, mName: m.name }), call.span);
    if (sig.blocks && cx.fn) cx.fn.blocks = true;
    const env = new Map<string, Type>();
    const args = t.k === 'builtin' || t.k === 'enum' ? t.args : t.k === 'int' || t.k === 'float' ? [t] : [];
    ownerGenerics(owner).forEach((g, i) => args[i] && env.set(`${owner}.${g}`, args[i]));
    setCallTarget(call, { k: 'builtin-method', owner, method: m.name });
    if (explicit) setExprInfo(call, { type: T.error, typeArgs: explicit });
    if (owner === 'DynamicLib' && m.name === 'symbol' && explicit?.[0]) checkSymbolType(cx, explicit[0], call.span);
    noteLentClosures(call, owner, m.name);
    if (owner === 'Vec' && m.name === 'sort' && t.k === 'builtin' && t.args[0]) checkSortLends(cx, call.span, t.args[0]);
    if ((owner === 'Map' || owner === 'Set') && t.k === 'builtin' && t.args[0] && !KEYLESS.has(m.name)) checkEqLends(cx, call.span, t.args[0], fmt(t));
    const elemT = t.k === 'array' || t.k === 'slice' ? t.elem : t.k === 'builtin' && t.name === 'Vec' ? t.args[0] : undefined;
    if (elemT && (m.name === 'contains' || m.name === 'index_of')) checkEqLends(cx, call.span, elemT, null);
    // keys()/values()/collections' get clone what the map holds: a type parameter there must be cloneable
    const clonedT = t.k !== 'builtin' ? undefined : m.name === 'keys' || (owner === 'Set' && m.name === 'values') ? t.args[0] : m.name === 'values' || m.name === 'vex_cloned' ? t.args[1] : undefined;
    if (clonedT && (owner === 'Map' || owner === 'Set')) {
      noteParamClone(cx, clonedT, call.span, `the ${owner === 'Map' && m.name === 'keys' ? 'keys' : 'values'} of a ${fmt(t)}`);
      const bad = notClone(cx, clonedT, new Set());
      if (bad && bad.k !== 'param') cx.error(MSG.E0163.clonesOutUncloneable({ method: m.name, t: fmt(t), elem: fmt(clonedT), uncloneable: fmt(bad) }), call.span);
    }
    // elements handed to a closure stay the Vec's (drops exactly once, E0163)
    if (owner === 'Vec' && t.k === 'builtin' && t.args[0]) checkElementAdaptor(cx, call, m.name, m.object, t.args[0], ot.k !== 'ref' && !isPlaceExpr(m.object));
    // `o.map(f)`: the payload is handed to f in place, the Option keeps owning it (as a Vec its
    // elements): a function taking it by value would drop it a second time (E0163)
    if ((owner === 'Option' || owner === 'Result') && t.k === 'enum' && LENDS_PAYLOAD.has(m.name)) {
      const payload = m.name === 'map_err' ? t.args[1] : t.args[0];
      if (payload) checkElementAdaptor(cx, call, m.name, m.object, payload, true, owner);
    }
    const ret = builtinCall(cx, sig, `${owner}.${m.name}`, site, env, explicit);
    if (owner === 'Option' || owner === 'Result') unwrapOutOfRef(cx, m.object, m.name, ret);
    return ret;
  }
  // §7.7: a default method a primitive got from `i32 extends C;`
  const ext = primMethod(cx, t, m.name);
  if (ext) {
    checkArgs(cx, ext.fn.params.slice(1), site, new Map(), new Set(), m.name);
    setCallTarget(call, { k: 'contract-method', contract: ext.contract, method: m.name });
    if (cx.fn) cx.fn.calls.add(ext.fn);
    return ext.fn.ret;
  }
  cx.error(MSG.E0108.noMethodNamedFound({ mName: m.name, t: fmt(t) }), m.nameSpan, methodNotes(cx, t));
  for (const a of call.args) if (!exprInfo(a)) checkExpr(cx, a, null);
  return T.error;
}

/** `v.iter()` on a Vec, array or slice `t` of non-Copy elements clones each of them: one that
 *  cannot be cloned is E0163; a type parameter is checked at each instantiation. */
function clonesElements(cx: Ctx, call: ast.ExprOf<'call'>, t: Type, elem: Type): void {
  noteParamClone(cx, elem, call.span, `the elements of ${fmt(t)}`);
  const bad = notClone(cx, elem, new Set());
  if (bad && bad.k !== 'param') cx.error(MSG.E0163.clonesOutUncloneable({ method: 'iter', t: fmt(t), elem: fmt(elem), uncloneable: fmt(bad) }), call.span);
}

/** A call of user method `f` on the already checked receiver `m.object` (of type `ot`). */
export function userMethodCall(cx: Ctx, call: ast.ExprOf<'call'>, m: ast.ExprOf<'member'>, ot: Type, f: FnInfo, site: CallSite): Type {
  // the standard HashMap/HashSet keep their keys in a Map/Set from generic code (std-sandbox.ts):
  // the key type's checks are made here, at the program's call (checkEqLends)
  const recvT = derefAll(ot);
  if (recvT.k === 'struct' && /(^|·)Hash(Map|Set)$/.test(recvT.info.name) && recvT.args[0] && !KEYLESS.has(m.name)
    && (recvT.info.decl as { span?: ast.Span } | null)?.span?.file.startsWith('<std>')) checkEqLends(cx, call.span, recvT.args[0], fmt(recvT));
  if (f.receiver === 'mut-ref') requireMutableReceiver(cx, m, ot, m.name);
  if (call.bang && f.receiver !== 'mut-ref') cx.error(MSG.E0144.notMutatingMethodRemove2({ fName: f.name }), call.span);
  const autoRef = f.receiver === 'value' ? (ot.k === 'ref' ? 'deref' : 'none') : ot.k === 'ref' ? 'none' : 'ref';
  if (f.receiver === 'value') consume(cx, m.object);
  const { ret, typeArgs } = callFn(cx, f, site);
  setCallTarget(call, { k: 'method', fn: f, typeArgs, autoRef });
  if (cx.fn) cx.fn.calls.add(f);
  return ret;
}

/** `x.clone()` of a type without a `clone` method of its own (chapter 2 §3.7): the default clone —
 *  structs and enums field by field, collections, Option/Result, tuples, arrays and boxes element
 *  by element, each part with its own `clone()` when its type has one. Codegen emits it for every
 *  type alike (codegen/clone-glue.ts); here the type is checked to be Clone all the way down. */
function defaultClone(cx: Ctx, call: ast.ExprOf<'call'>, t: Type): Type {
  const bad = notClone(cx, t, new Set());
  if (bad) {
    const why = bad === t ? '' : ` because it holds ${fmt(bad)}`;
    const what = bad.k === 'struct' && bad.info.isUnion ? 'is a union: which field is live is not known, so it cannot be cloned field by field' : bad.k === 'any' ? 'holds a value whose type is known only when the program runs; convert it back with `as` and clone that' : 'is a resource handle that cannot be duplicated';
    cx.error(MSG.E0168.typeCannotCloned({ t: fmt(t), why }), call.span, { notes: [NOTE.E0168.noteChapter23({ bad: fmt(bad), what }), NOTE.E0168.helpBorrowInstead()] });
    return T.error;
  }
  // a type parameter's part is checked where the body is instantiated (copy-needs.ts)
  noteParamClone(cx, t, call.span, `a value of type ${fmt(t)}`);
  setCallTarget(call, { k: 'builtin-method', owner: 'Clone', method: 'clone' });
  return t;
}

function methodNotes(cx: Ctx, t: Type): { notes?: string[] } {
  const names = t.k === 'struct' || t.k === 'enum' ? [...(cx.methods.get(t.info.name)?.keys() ?? [])].filter((n) => !n.includes('#')) : []; // `f#1`…: further overloads
  const own = shadowNote(t);
  const notes = [...(names.length ? [NOTE.E0108.noteMethodsOf({ t: fmt(t), names: names.map((n) => '`' + n + '`').join(', ') })] : []), ...(own ? [own] : [])];
  return notes.length ? { notes } : {};
}

/** Check the arguments of a builtin method/static/function signature; returns the result type. */
export function builtinCall(cx: Ctx, sig: BuiltinSig, name: string, site: CallSite, env: Map<string, Type>, explicit: Type[] | null): Type {
  const keys = new Set<string>();
  for (const k of env.keys()) keys.add(k);
  const [owner, method] = name.includes('.') ? [name.slice(0, name.lastIndexOf('.')), name.slice(name.lastIndexOf('.') + 1)] : ['$fn', name];
  for (const g of ownerGenerics(owner)) keys.add(`${owner}.${g}`);
  sig.generics.forEach((g, i) => {
    keys.add(`${owner}.${method}.${g}`);
    if (explicit?.[i]) env.set(`${owner}.${method}.${g}`, explicit[i]);
  });
  // `int` parameters accept any integer type: bind them per argument.
  const params = sig.params.map((p, i) => ({ name: `arg${i}`, type: isAnyInt(p) ? ({ k: 'param', name: `int${i}`, owner: '$any' } as Type) : p, hasDefault: i >= sig.minArgs }));
  params.forEach((p, i) => isAnyInt(sig.params[i]) && keys.add(`$any.int${i}`));
  checkArgs(cx, params, site, env, keys, name);
  params.forEach((p, i) => {
    if (!isAnyInt(sig.params[i]) || !exprInfo(site.args[i])) return;
    const at = exprInfo(site.args[i])!.type;
    if (at.k !== 'int' && at.k !== 'error') cx.error(MSG.E0103.expectedIntegerFoundArgument({ at: fmt(at), i: i + 1, name }), site.args[i].span);
  });
  let ret = subst(sig.ret, env);
  if (site.expected) {
    const { unify, hasParams } = inferMod;
    if (hasParams(ret, keys)) { unify(sig.ret, site.expected, env, keys); ret = subst(sig.ret, env); }
  }
  if (inferMod.hasParams(ret, keys)) {
    cx.error(MSG.E0130.cannotInferTypeArguments4({ name }), site.span, { notes: [NOTE.E0130.helpWriteThemExplicitly({ owner, method })] });
    return T.error;
  }
  return ret;
}

/** `lib.symbol<F>(name)`: F must be a C-callable function type. */
function checkSymbolType(cx: Ctx, f: Type, span: ast.Span): void {
  if (f.k === 'error') return;
  if (f.k !== 'fn') {
    cx.error(MSG.E0103.symbolFNeedsFunction({ f: fmt(f) }), span);
    return;
  }
  const u = ffiUnsafe(f);
  if (u) cx.error(MSG.E0135.signatureSymbolLoadedC({ u }), span);
}

/** Mutating calls need a mutable place or a `&T!`. */
export function requireMutableReceiver(cx: Ctx, m: ast.ExprOf<'member'>, ot: Type, method: string): void {
  if (ot.k === 'ref') {
    if (ot.mut) return;
    const name = m.object.kind === 'ident' ? m.object.name : 'value';
    reportImmutable(cx, { ok: false, name, why: 'ref', local: m.object.kind === 'ident' && nameRes(m.object)?.k === 'local' ? (nameRes(m.object) as ResOf<'local'>).local : undefined }, m.span, MSG.E0111.throughSharedRef({ method, name }));
    return;
  }
  const pm = placeMutability(cx, m.object);
  if (pm.ok) return;
  const what = pm.why === 'param' ? 'parameter' : pm.why === 'const' ? 'constant' : pm.why === 'binding' ? 'immutable binding' : 'immutable value';
  reportImmutable(cx, pm, m.span, MSG.E0111.onImmutable({ method, what, name: pm.name }));
}

/** The member of an overloaded contract method a call through a bound means (§7.2: the same
 *  resolution as for functions, each member seen as a function with `Self` replaced). */
function pickContractOverload(cx: Ctx, set: ContractMethod[], env: Map<string, Type>, site: CallSite, display: string): ContractMethod | null {
  const asFns = set.map((cm) => ({
    name: display, params: cm.params.map((p, i) => ({ name: cm.decl?.params[i]?.name ?? `arg${i}`, type: subst(p, env), hasDefault: false })),
    ret: subst(cm.ret, env), typeParams: (cm.decl?.generics ?? []).map((g) => ({ k: 'param', name: g.name, owner: display })), generics: [], decl: cm.decl, isAsync: false, isExternC: false, owner: null, receiver: null,
  }) as unknown as FnInfo);
  const f = resolveOverload(cx, asFns, site, display);
  return f ? set[asFns.indexOf(f)] : null;
}

function contractCall(cx: Ctx, call: ast.ExprOf<'call'>, m: ast.ExprOf<'member'>, t: Extract<Type, { k: 'param' }>, site: CallSite): Type {
  const g = [...cx.generics.values()].find((x) => x.type.k === 'param' && x.type.name === t.name && x.type.owner === t.owner);
  for (const b of g?.bounds ?? []) {
    const c = cx.contracts.get(b.name);
    if (!c) continue;
    for (const cc of allContracts(cx, c)) {
      const set = contractOverloads(cc.methods, m.name);
      if (!set.length) continue;
      const env = new Map<string, Type>([[`${cc.name}.Self`, t]]);
      // the contract's associated types are the parameter's projections (`next(): Option<I.Item>`)
      for (const a of cc.decl === null && cc.name === 'Iterator' ? ['Item'] : cc.assocTypes) {
        const pr: Type = { k: 'param', name: `${t.name}.${a}`, owner: t.owner };
        env.set(`${cc.name}.Self.${a}`, pr);
        env.set(`${cc.name}.${a}`, pr);
      }
      const cm = set.length === 1 ? set[0] : pickContractOverload(cx, set, env, site, `${cc.name}.${m.name}`);
      if (!cm) { setCallTarget(call, { k: 'contract-method', contract: cc.name, method: m.name }); return T.error; }
      // the member's own type parameters (`fn put<U>(u: U)`) are inferred from the arguments
      const keys = new Set((cm.decl?.generics ?? []).map((g) => `${cc.name}.${m.name}.${g.name}`)), genv = new Map<string, Type>();
      checkArgs(cx, cm.params.map((p, i) => ({ name: `arg${i}`, type: subst(p, env), hasDefault: false })), site, genv, keys, `${cc.name}.${m.name}`);
      // an overloaded contract method: the member's parameters tell codegen which method of the
      // instance type to call (the implementation with the same parameter types, Self replaced)
      setCallTarget(call, { k: 'contract-method', contract: cc.name, method: m.name, ...(set.length > 1 ? { sig: cm.params } : {}) });
      if (cx.fn) cx.fn.contractCalls.add(m.name);
      return keys.size ? subst(subst(cm.ret, env), genv) : subst(cm.ret, env);
    }
  }
  cx.error(MSG.E0108.noMethodBoundsType({ mName: m.name, tName: t.name }), m.nameSpan, { notes: [NOTE.E0108.helpAddContractBound({ mName: m.name, tName: t.name })] });
  for (const a of call.args) checkExpr(cx, a, null);
  return T.error;
}

// Type expressions -> semantic types, with generics, `Self`, aliases and prelude names.
import { shadowing } from './shadow';
import type * as ast from '../syntax/ast';
import { T, subst, typeName, type Type, type IntName } from './types';
import type { Ctx } from './context';
import { ARENA, BUILTIN_GENERICS, isBuiltinName, OPTION, RESULT, RUNTIME_STATS } from './prelude';
import { arrayLenOf } from './consts';
import { arrayTooLarge } from './layout';
import { inferAssoc } from './assoc-infer';
import { MSG, NOTE } from '../msg';
import { implementsContract } from './generics';
import { checkMap, exprInfo } from './tables';
import { MAX_TYPE_NODES, typeTooBig } from './type-size';

const PTR_U8: Type = { k: 'ptr', inner: T.u8, mut: false };
const INTS = new Set(['i8', 'i16', 'i32', 'i64', 'i128', 'u8', 'u16', 'u32', 'u64', 'u128']);

/** Scalar names and their aliases (usize = u64, isize = i64, byte = u8). */
const INT_TYPES = new Map<string, Type>([...INTS].map((n) => [n, { k: 'int', name: n as IntName }]));

export function primitive(name: string): Type | null {
  const it = INT_TYPES.get(name);
  if (it) return it;
  switch (name) {
    case 'usize': return T.u64;
    case 'isize': return T.i64;
    case 'byte': return T.u8;
    case 'f64': return T.f64;
    case 'f32': return T.f32;
    case 'bool': return T.bool;
    case 'str': return T.str;
    case 'string': return T.string;
    case 'void': case 'nil': return T.unit;
    case 'ptr': return PTR_U8;
  }
  return null;
}

export function resolveType(cx: Ctx, te: ast.TypeExpr): Type {
  switch (te.kind) {
    case 'error': return T.error;
    case 'never': return T.never;
    case 'ref': {
      const inner = resolveType(cx, te.inner);
      if (inner.k === 'str' || inner.k === 'slice') return inner; // &str is str; &[T] stays a slice
      return { k: 'ref', inner, mut: te.mut };
    }
    case 'ptr': return { k: 'ptr', inner: resolveType(cx, te.inner), mut: te.mut };
    case 'slice': return { k: 'slice', elem: resolveType(cx, te.elem), mut: te.mut };
    case 'array': {
      const elem = resolveType(cx, te.elem);
      const len = arrayLenOf(cx, te.size);
      if (len === null) return T.error;
      const exact = exprInfo(te.size)?.constValue;
      const tooLarge = elem.k === 'error' ? null : arrayTooLarge(elem, typeof exact === 'bigint' ? exact : BigInt(len));
      if (tooLarge) { cx.error(tooLarge, te.span); return T.error; }
      return { k: 'array', elem, len };
    }
    case 'tuple': {
      const el = te.elems.map((e) => resolveType(cx, e));
      return el.length === 0 ? T.unit : el.length === 1 ? el[0] : { k: 'tuple', elems: el };
    }
    case 'fn':
      return { k: 'fn', params: te.params.map((p) => resolveType(cx, p)), ret: te.ret ? resolveType(cx, te.ret) : T.unit, externC: false };
    case 'named':
      // Union and conditional aliases parse (chapter 2 §7.8) but are not types the playground evaluates.
      if (te.name === '$union' || te.name === '$conditional') {
        cx.error(te.name === '$union' ? MSG.E0142.unionTypesOnlySupported() : MSG.E0142.conditionalTypesTExtends(), te.span);
        return T.error;
      }
      return resolveNamed(cx, te);
  }
}

function resolveNamed(cx: Ctx, te: Extract<ast.TypeExpr, { kind: 'named' }>): Type {
  const args = te.args.map((a) => resolveType(cx, a));
  const name = te.name;
  if (te.member) {
    // Self.Item / T.Item: an associated type.
    contextReads++;
    const base = name === 'Self' ? cx.selfType : cx.generics.get(name)?.type ?? null;
    if (base && base.k === 'struct') {
      const t = cx.assocTypes.get(base.info.name)?.get(te.member) ?? inferAssoc(cx, base.info, te.member);
      if (t) return ofInstance(t, base);
      cx.error(MSG.E0101.noAssociatedType({ infoName: base.info.name, member: te.member }), te.span);
      return T.error;
    }
    if (base) return { k: 'param', name: `${name}.${te.member}`, owner: base.k === 'param' ? base.owner : '' };
    cx.error(MSG.E0101.cannotFindType({ name, member: te.member }), te.span);
    return T.error;
  }
  const g = cx.generics.get(name);
  if (g) { contextReads++; return g.type; }
  const bare = bareAssoc(cx, name);
  if (bare) { contextReads++; return bare; }
  if (name === 'Self') {
    contextReads++;
    if (cx.selfType) return cx.selfType;
    cx.error(MSG.E0101.selfOnlyAvailableInside(), te.span);
    return T.error;
  }
  const prim = primitive(name);
  if (prim) {
    if (args.length) cx.error(MSG.E0141.typeTakesNoType({ name }), te.span);
    return prim;
  }
  if (name === 'error') { // chapter 2 §7.5: an error code, an alias of i32 [real]
    if (args.length) cx.error(MSG.E0141.typeErrorTakesNo(), te.span);
    return T.i32;
  }
  if (name === 'any') { // chapter 2 §7.5: any value converts to it; `as T` converts back
    if (args.length) cx.error(MSG.E0141.typeAnyTakesNo(), te.span);
    return { k: 'any' };
  }
  if (name === 'f16') { // chapter 2 §7.5: IEEE binary16 storage, arithmetic rounded back on store
    if (args.length) cx.error(MSG.E0141.typeF16TakesNo(), te.span);
    return { k: 'float', bits: 16 };
  }
  const arity = (want: number, what: string): boolean => {
    if (args.length === want) return true;
    cx.error(MSG.E0141.expectsTypeArgumentFound({ what, want, choice: want === 1 ? '' : 's', argsLength: args.length }), te.span);
    return false;
  };
  if (name === 'Option' && !shadowing(cx, name, te.span.file)) return arity(1, name) ? { k: 'enum', info: OPTION, args } : T.error;
  if (name === 'Result' && !shadowing(cx, name, te.span.file)) return arity(2, name) ? { k: 'enum', info: RESULT, args } : T.error;
  if (name === 'RuntimeStats') return { k: 'struct', info: RUNTIME_STATS, args: [] };
  if (name === 'ArenaAllocator') return { k: 'struct', info: ARENA, args: [] };
  if (isBuiltinName(name)) return arity(BUILTIN_GENERICS[name].length, name) ? { k: 'builtin', name, args } : T.error;
  const s = cx.structs.get(name);
  if (s) return arity(s.generics.length, name) ? { k: 'struct', info: s, args } : T.error;
  const e = cx.enums.get(name);
  if (e) return arity(e.generics.length, name) ? { k: 'enum', info: e, args } : T.error;
  const al = cx.aliases.get(name);
  if (al) return resolveAlias(cx, al, args, te);
  if (cx.contracts.has(name)) {
    cx.error(MSG.E0101.contractNotTypeUse({ name }), te.span);
    return T.error;
  }
  cx.error(MSG.E0101.cannotFindTypeScope({ name }), te.span);
  return T.error;
}

const aliasBusy = new WeakSet<ast.TypeAliasDecl>();
function resolveAlias(cx: Ctx, al: ast.TypeAliasDecl, args: Type[], te: ast.TypeExpr): Type {
  if (args.length !== al.generics.length) {
    cx.error(MSG.E0141.aliasExpectsTypeArguments({ alName: al.name, genericsLength: al.generics.length, argsLength: args.length }), te.span);
    return T.error;
  }
  if (aliasBusy.has(al)) {
    cx.error(MSG.E0101.typeAliasRefersItself({ alName: al.name }), te.span);
    return T.error;
  }
  checkAliasBounds(cx, al, args, te);
  // An alias is a top-level item: its body sees its own parameters, not the generics in scope
  // where it is used (`type A = T;` names the struct T inside `fn f<T>` too). So one without
  // parameters whose body read nothing of the place it is used at (Self, an associated type) is
  // one type: resolved once (`type T2 = (T1, T1);` resolved T1 twice, T60 2^60 times).
  const closed = !al.generics.length;
  const hit = closed ? closedAliases.get(al) : undefined;
  if (hit) return hit;
  const saved = cx.generics, reads = contextReads;
  cx.generics = new Map();
  al.generics.forEach((g, i) => cx.generics.set(g.name, { type: args[i], bounds: [] }));
  aliasBusy.add(al);
  try {
    let t = resolveType(cx, al.type);
    const big = typeTooBig(t);
    if (big === 'report') cx.error(MSG.E0169.aliasTooComplex({ name: al.name, limit: MAX_TYPE_NODES }), te.span, { notes: [NOTE.E0169.noteSharedParts(), NOTE.E0169.helpUseStruct()] });
    if (big) t = T.error;
    if (closed && contextReads === reads) closedAliases.set(al, t);
    return t;
  } finally {
    aliasBusy.delete(al);
    cx.generics = saved;
  }
}
const closedAliases = checkMap<ast.TypeAliasDecl, Type>();
/** Counts resolutions that depended on where a type is written (a generic in scope, Self, an
 *  associated type): an alias whose body made none is cached. */
let contextReads = 0;

/** §3.6: an alias's bounds (`type V<T: C>`, `where T: C`) are checked where it is used. */
function checkAliasBounds(cx: Ctx, al: ast.TypeAliasDecl, args: Type[], te: ast.TypeExpr): void {
  al.generics.forEach((g, i) => {
    const bounds = [...g.bounds, ...(al.where ?? []).filter((w) => w.param === g.name && !w.member).flatMap((w) => w.bounds)];
    for (const b of bounds) {
      if (b.args) continue; // Callable-style: checked where a value is called
      if (!cx.contracts.has(b.name)) { cx.error(MSG.E0101.cannotFindContract({ imName: b.name }), b.span); continue; }
      if (args[i].k === 'error' || implementsContract(cx, args[i], b.name)) continue;
      cx.error(MSG.E0128.typeDoesNotImplement3({ args: typeName(args[i]), bName: b.name }), te.span, { notes: [NOTE.E0128.noteRequiredBoundAlias({ gName: g.name, bName: b.name, alName: al.name })] });
    }
  });
}

/** §3.4: a bare `Item` inside a contract means `Self.Item`, and inside the methods of a struct
 *  that binds it, the bound type. Null when `name` is no associated type in scope. */
function bareAssoc(cx: Ctx, name: string): Type | null {
  const self = cx.selfType;
  if (!self || /^[a-z]/.test(name)) return null;
  if (self.k === 'param' && self.name === 'Self' && cx.contracts.get(self.owner)?.assocTypes.includes(name)) return { k: 'param', name: `Self.${name}`, owner: self.owner };
  if (self.k === 'struct' && !cx.structs.has(name) && !cx.enums.has(name) && !cx.aliases.has(name)) {
    const t = cx.assocTypes.get(self.info.name)?.get(name) ?? inferAssoc(cx, self.info, name);
    return t && ofInstance(t, self);
  }
  return null;
}

/** A binding written with the struct's own parameters (`type Item = T;`), for the instance `base`
 *  (a Go-style method's receiver names them anew: `fn (u: &Up<U>) …`). */
function ofInstance(t: Type, base: Extract<Type, { k: 'struct' }>): Type {
  if (!base.info.generics.length) return t;
  return subst(t, new Map(base.info.generics.map((g, i) => [`${base.info.name}.${g}`, base.args[i]])));
}

// Semantic types: what the checker computes for every expression and codegen lowers. Generic code
// is checked once with `param` types; codegen monomorphizes by substituting them (see subst).
// Interned-ish: compare with typeEq, never with ===.

import type { Span } from "../span";

import type { IntName } from '../../common/ints';
export type { IntName };

/** The checker's record of a struct/union/enum/contract declaration (filled by sema). */
export interface StructInfo {
  name: string;
  isUnion: boolean;
  generics: string[];
  fields: { name: string; type: Type; bitWidth: number | null }[];
  /** Every declared field in order, unnamed bitfields (`_: u8 : 0`) included: the C layout's
   *  input. Named entries are the same objects as in `fields`. Absent for prelude structs. */
  layoutFields?: { name: string; type: Type; bitWidth: number | null }[];
  implsDrop: boolean;
  contracts: string[];
  /** Its associated types (`type Item = i32;`, or inferred, §3.4), written with its own parameters:
   *  what a projection `I.Item` means once `I` is this struct (see subst). Filled by sema. */
  assoc?: ReadonlyMap<string, Type>;
  decl: unknown; // the ast.StructDecl, or null for prelude structs (RuntimeStats, ArenaAllocator)
}
export interface EnumInfo {
  name: string;
  generics: string[];
  variants: { name: string; fields: Type[] }[];
  decl: unknown; // ast.EnumDecl, or null for Option/Result
}

/** Built-in generic library types. Their methods are builtin (sema/prelude.ts). */
export type BuiltinName =
  | 'Vec' | 'String' | 'Map' | 'Set' | 'Box' | 'Channel' | 'Future' | 'Gc'
  | 'Duration' | 'DynamicLib';

export type Type =
  | { k: 'int'; name: IntName }
  | { k: 'float'; bits: 16 | 32 | 64 } // f16: binary16 storage, arithmetic rounded back (§7.5)
  | { k: 'bool' }
  | { k: 'str'; spelled: 'str' | 'string' } // str/string/&str interchangeable; typeof shows the spelling
  | { k: 'unit' }
  | { k: 'never' }
  | { k: 'struct'; info: StructInfo; args: Type[] } // also unions (info.isUnion)
  | { k: 'enum'; info: EnumInfo; args: Type[] } // Option and Result are prelude enums
  | { k: 'tuple'; elems: Type[] }
  | { k: 'array'; elem: Type; len: number }
  | { k: 'slice'; elem: Type; mut: boolean }
  | { k: 'ref'; inner: Type; mut: boolean }
  | { k: 'ptr'; inner: Type; mut: boolean }
  | { k: 'fn'; params: Type[]; ret: Type; externC: boolean }
  | { k: 'builtin'; name: BuiltinName; args: Type[] }
  | { k: 'param'; name: string; owner: string } // generic type parameter `T` of fn/struct `owner`
  | { k: 'range'; elem: Type } // `a..b` / `a..=b` (for-in, slicing); the node says if inclusive
  | { k: 'any' } // chapter 2 §7.5: a value of any type, boxed with its type (converted back with `as`)
  | { k: 'error'; hole?: Hole }; // after a reported error; never report a second error about it

/** An open closure-parameter type while its body is probed (sema/closure-infer.ts). It rides on
 *  the `error` type so every rule that would complain about it stays silent during the probe. */
export interface Hole {
  name: string;
  bound: Type | null; // fixed by meeting a typed expression
  mark: 'int' | 'float' | null; // only met numeric literals
  needs: Span | null; // used where a type is needed (field, method, index, call)
}

export const T = {
  i32: { k: 'int', name: 'i32' } as Type,
  i64: { k: 'int', name: 'i64' } as Type,
  u8: { k: 'int', name: 'u8' } as Type,
  u64: { k: 'int', name: 'u64' } as Type,
  f64: { k: 'float', bits: 64 } as Type,
  f32: { k: 'float', bits: 32 } as Type,
  bool: { k: 'bool' } as Type,
  str: { k: 'str', spelled: 'str' } as Type,
  string: { k: 'str', spelled: 'string' } as Type,
  unit: { k: 'unit' } as Type,
  never: { k: 'never' } as Type,
  error: { k: 'error' } as Type,
};

export const intBits = (n: IntName): number => Number(n.slice(1));
export const intSigned = (n: IntName): boolean => n[0] === 'i';
/** Integers of 64 bits and more are exact BigInts at run time; the rest are JS numbers. */
export const isWideInt = (n: IntName): boolean => intBits(n) >= 64;

/** Whether `pred` holds for `t` or a type inside it (pre-order, left to right); `into` says which
 *  types are looked inside (all by default). */
export function typeSome(t: Type, pred: (t: Type) => boolean, into: (t: Type) => boolean = () => true): boolean {
  const walk = (x: Type): boolean => {
    if (pred(x)) return true;
    if (!into(x)) return false;
    switch (x.k) {
      case 'struct': case 'enum': case 'builtin': return x.args.some(walk);
      case 'tuple': return x.elems.some(walk);
      case 'array': case 'slice': case 'range': return walk(x.elem);
      case 'ref': case 'ptr': return walk(x.inner);
      case 'fn': return x.params.some(walk) || walk(x.ret);
      default: return false;
    }
  };
  return walk(t);
}

export function typeEq(a: Type, b: Type): boolean {
  if (a === b) return true;
  if (a.k !== b.k) return false;
  switch (a.k) {
    case 'int': return a.name === (b as typeof a).name;
    case 'float': return a.bits === (b as typeof a).bits;
    case 'str': return true;
    case 'struct': case 'enum': {
      const bb = b as typeof a;
      return a.info === bb.info && listEq(a.args, bb.args);
    }
    case 'tuple': return listEq(a.elems, (b as typeof a).elems);
    case 'array': { const bb = b as typeof a; return a.len === bb.len && typeEq(a.elem, bb.elem); }
    case 'slice': case 'ref': case 'ptr': {
      const bb = b as typeof a;
      return a.mut === bb.mut && typeEq(a.k === 'slice' ? a.elem : a.inner, bb.k === 'slice' ? bb.elem : (bb as any).inner);
    }
    case 'fn': { const bb = b as typeof a; return typeEq(a.ret, bb.ret) && listEq(a.params, bb.params); }
    case 'builtin': { const bb = b as typeof a; return a.name === bb.name && listEq(a.args, bb.args); }
    case 'param': { const bb = b as typeof a; return a.name === bb.name && a.owner === bb.owner; }
    case 'range': return typeEq(a.elem, (b as typeof a).elem);
    default: return true;
  }
}
const listEq = (a: Type[], b: Type[]) => a.length === b.length && a.every((t, i) => typeEq(t, b[i]));

/** Source-form name, as `typeof` prints it: i32, Vec<i32>, [i32; 3], (i32, bool), &T!, fn(i32): i32. */
/** The substitution for a generic struct's or enum's fields: its parameters (keyed `Owner.T`) to
 *  the type arguments. */
export function envOf(generics: string[], args: Type[], owner: string): Map<string, Type> {
  const env = new Map<string, Type>();
  generics.forEach((g, i) => {
    if (args[i]) env.set(owner + '.' + g, args[i]);
  });
  return env;
}

/** Can dropping a value of type t run user code: a `drop()` somewhere inside, or a Gc or `any`
 *  whose content may hold one? */
export function dropRunsUser(t: Type, seen = new Set<unknown>()): boolean {
  switch (t.k) {
    case 'struct': case 'enum': {
      if (t.k === 'struct' && t.info.implsDrop) return true;
      if (seen.has(t.info)) return false;
      seen.add(t.info);
      const env = envOf(t.info.generics, t.args, t.info.name);
      const parts = t.k === 'struct' ? t.info.fields.map((f) => f.type) : t.info.variants.flatMap((v) => v.fields);
      return parts.some((p) => dropRunsUser(subst(p, env), seen));
    }
    case 'tuple': return t.elems.some((e) => dropRunsUser(e, seen));
    case 'array': return dropRunsUser(t.elem, seen);
    case 'builtin': return t.name === 'Gc' || t.args.some((a) => dropRunsUser(a, seen));
    case 'any': return true;
    default: return false;
  }
}

/** Does a part of t satisfy h — a tuple's elements, an array's element, type arguments, a
 *  struct's fields, an enum's payloads (each struct or enum visited once: `seen`)? h is asked of
 *  the parts, not of t; the type walks of the borrow rules share this shape. */
export function somePart(t: Type, h: (x: Type) => boolean, seen: Set<unknown>): boolean {
  switch (t.k) {
    case 'tuple': return t.elems.some(h);
    case 'array': return h(t.elem);
    case 'builtin': return t.args.some(h);
    case 'struct': case 'enum':
      if (t.args.some(h)) return true;
      if (seen.has(t.info)) return false;
      seen.add(t.info);
      return t.k === 'struct' ? t.info.fields.some((f) => h(f.type)) : t.info.variants.some((v) => v.fields.some(h));
    default: return false;
  }
}

/** A reference's or pointer's target as written after `&`/`*`: in parentheses when it is itself a
 *  reference or pointer and a `!` is involved — `&&i32!` would read either as `&(&i32)!` or as
 *  `&(&i32!)` (a message once said "expected `&&i32!`, found `&&i32!`"). */
function pointee(t: Type & { inner: Type; mut: boolean }): string {
  const inner = typeName(t.inner);
  const i = t.inner;
  return (i.k === 'ref' || i.k === 'ptr') && (t.mut || i.mut) ? `(${inner})` : inner;
}

export function typeName(t: Type): string {
  switch (t.k) {
    case 'int': return t.name;
    case 'float': return `f${t.bits}`;
    case 'bool': return 'bool';
    case 'str': return t.spelled;
    case 'unit': return 'nil';
    case 'never': return '!';
    case 'struct': case 'enum': return t.info.name + targs(t.args);
    case 'tuple': return '(' + t.elems.map(typeName).join(', ') + (t.elems.length === 1 ? ',)' : ')');
    case 'array': return `[${typeName(t.elem)}; ${t.len}]`;
    case 'slice': return `&[${typeName(t.elem)}]` + (t.mut ? '!' : '');
    case 'ref': return '&' + pointee(t) + (t.mut ? '!' : '');
    case 'ptr': return '*' + pointee(t) + (t.mut ? '!' : '');
    case 'fn': return `fn(${t.params.map(typeName).join(', ')})` + (t.ret.k === 'unit' ? '' : ': ' + typeName(t.ret));
    case 'builtin': return t.name + targs(t.args);
    case 'param': return t.name;
    case 'range': return `Range<${typeName(t.elem)}>`;
    case 'any': return 'any';
    case 'error': return '{unknown}';
  }
}
const targs = (a: Type[]) => (a.length ? '<' + a.map(typeName).join(', ') + '>' : '');

/** A projection `I.Item` (a `param` named `I.Item`) once `I` is bound in `env`: the bound
 *  type's associated type, or the projection of the parameter it is bound to. */
function projectParam(t: Extract<Type, { k: 'param' }>, env: ReadonlyMap<string, Type>): Type | null {
  const dot = t.name.indexOf('.');
  if (dot <= 0) return null;
  const base = t.name.slice(0, dot);
  const bound = env.get(t.owner + '.' + base) ?? env.get(base);
  return bound ? projectType(bound, t.name.slice(dot + 1)) : null;
}

/** `B.member` for a type `B` (through references: `&I!` iterates `I`): a struct's associated type
 *  instantiated with its arguments, a parameter's projection, or null when `B` has none. */
export function projectType(b: Type, member: string): Type | null {
  while (b.k === 'ref') b = b.inner;
  if (b.k === 'param') return { k: 'param', name: `${b.name}.${member}`, owner: b.owner };
  if (b.k !== 'struct') return null;
  const a = b.info.assoc?.get(member);
  if (!a) return null;
  const info = b.info;
  return info.generics.length ? subst(a, new Map(info.generics.map((g, i) => [`${info.name}.${g}`, b.args[i] ?? T.error]))) : a;
}

/** Substitute generic parameters (monomorphization). `env` maps "owner.name" or "name" to a type. */
export function subst(t: Type, env: ReadonlyMap<string, Type>): Type {
  if (env.size === 0) return t;
  switch (t.k) {
    case 'param': return env.get(t.owner + '.' + t.name) ?? env.get(t.name) ?? projectParam(t, env) ?? t;
    case 'struct': case 'enum': return t.args.length ? { ...t, args: t.args.map((a) => subst(a, env)) } : t;
    case 'builtin': return t.args.length ? { ...t, args: t.args.map((a) => subst(a, env)) } : t;
    case 'tuple': return { ...t, elems: t.elems.map((a) => subst(a, env)) };
    case 'array': return { ...t, elem: subst(t.elem, env) };
    case 'range': return { ...t, elem: subst(t.elem, env) };
    case 'slice': return { ...t, elem: subst(t.elem, env) };
    case 'ref': case 'ptr': return { ...t, inner: subst(t.inner, env) };
    case 'fn': return { ...t, params: t.params.map((a) => subst(a, env)), ret: subst(t.ret, env) };
    default: return t;
  }
}

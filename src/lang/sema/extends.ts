// Chapter 2 §7.7 `i32 extends Show, Clone;`: for a primitive type, a prelude contract it already
// implements is a no-op; a user contract whose every method has a default makes the type satisfy
// it, and each default body becomes a function of that type (`i32.show`, with `self: i32`), called
// as `x.show()` or through a bound; anything else is E0128 (or E0174 for a non-primitive type).
import type * as ast from '../syntax/ast';
import type { Ctx, ContractInfo } from './context';
import type { FnInfo } from './typed';
import { typeName, type Type } from './types';
import { primitive } from './resolve';
import { allContracts } from './collect';
import { builtinImplements } from './std-contracts';
import { MSG, NOTE } from '../msg';

/** Key of a primitive for its extension table and function names (`str` for every string spelling). */
export const primKey = (t: Type): string | null =>
  t.k === 'str' ? 'str' : t.k === 'int' || t.k === 'float' || t.k === 'bool' ? typeName(t) : null;

/** Check each `P extends C…;` and give the valid ones their default methods (via `collectFree`). */
export function collectExtensions(cx: Ctx, collectFree: (d: ast.FnDecl) => void): void {
  for (const it of cx.program.items) {
    if (it.kind !== 'extends') continue;
    const t = primitive(it.typeName);
    const key = t && primKey(t);
    if (!t || !key) {
      const known = cx.structs.has(it.typeName) || cx.enums.has(it.typeName) || cx.aliases.has(it.typeName);
      if (known) cx.error(MSG.E0174.cannotUseExtendsOnly({ typeName: it.typeName }), it.typeSpan, { notes: [NOTE.E0174.helpListContractsWhere({ typeName: it.typeName, contracts: it.contracts.map((c) => c.name).join(', ') })] });
      else cx.error(MSG.E0101.cannotFindTypeScope({ name: it.typeName }), it.typeSpan);
      continue;
    }
    for (const c of it.contracts) {
      const info = cx.contracts.get(c.name);
      if (!info) { cx.error(MSG.E0101.cannotFindContract({ imName: c.name }), c.span); continue; }
      if (info.decl === null) {
        if (!builtinImplements(t, c.name)) cx.error(MSG.E0128.cannotExtendPreludeDoes({ typeName: it.typeName, cName: c.name }), c.span);
        continue;
      }
      const lacking = withoutDefault(cx, info);
      if (lacking) {
        cx.error(MSG.E0128.cannotExtendNoDefault({ typeName: it.typeName, cName: c.name, lacking }), c.span, { notes: [NOTE.E0128.notePrimitiveTypeCan()] });
        continue;
      }
      const set = cx.primExtends.get(key) ?? new Set<string>();
      cx.primExtends.set(key, set);
      for (const cc of allContracts(cx, info)) {
        if (set.has(cc.name)) continue;
        set.add(cc.name);
        for (const m of cc.decl ? cc.methods.values() : []) {
          if (!m.decl || cx.primMethods.has(`${key}.${m.name}`)) continue;
          const before = cx.fns.get(`${key}.${m.name}`);
          collectFree(asFunction(m.decl, key, it.typeName, it.span));
          const f = cx.fns.get(`${key}.${m.name}`);
          if (f && f !== before) cx.primMethods.set(`${key}.${m.name}`, { fn: f, contract: cc.name });
        }
      }
    }
  }
}

/** The first method (or associated type) of `c` and its supercontracts without a default. */
function withoutDefault(cx: Ctx, c: ContractInfo): string | null {
  for (const cc of allContracts(cx, c)) {
    if (cc.decl === null) continue; // a prelude supercontract: checked as a prelude contract would be
    for (const m of cc.methods.values()) if (!m.hasDefault) return m.name;
    for (const m of cc.statics?.values() ?? []) if (!m.hasDefault) return m.name;
    for (const a of cc.decl.assocTypes) if (!a.default) return a.name;
  }
  return null;
}

/** A default body as the free function `P.m(self: P, …)`, `Self` written as `P`. */
function asFunction(d: ast.FnDecl, key: string, spelled: string, at: ast.Span): ast.FnDecl {
  const copy = structuredClone(d);
  replaceSelf(copy, spelled);
  // spans inside the contract's method, like the receiver of a struct's copy of a default body
  const self: ast.Param = { span: d.span, name: 'self', nameSpan: d.nameSpan, type: { kind: 'named', span: at, name: spelled, args: [] }, variadic: false };
  return { ...copy, name: `${key}.${d.name}`, receiver: null, owner: null, mutating: false, params: [self, ...copy.params] };
}

function replaceSelf(n: unknown, spelled: string): void {
  if (!n || typeof n !== 'object') return;
  if (Array.isArray(n)) { for (const x of n) replaceSelf(x, spelled); return; }
  const o = n as Record<string, unknown>;
  if (o.kind === 'named' && o.name === 'Self' && !o.member) o.name = spelled;
  for (const k in o) if (k !== 'span' && k !== 'nameSpan') replaceSelf(o[k], spelled);
}

/** Does primitive `t` satisfy user contract `c` through an `extends` declaration? */
export function extendsContract(cx: Ctx, t: Type, c: string): boolean {
  const key = primKey(t);
  return !!key && !!cx.primExtends.get(key)?.has(c);
}

/** `x.m()` on a primitive: the function its extension gave it, or null. */
export function primMethod(cx: Ctx, t: Type, name: string): { fn: FnInfo; contract: string } | null {
  const key = primKey(t);
  return key ? cx.primMethods.get(`${key}.${name}`) ?? null : null;
}

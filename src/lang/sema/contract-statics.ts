// Static contract methods on a bounded type parameter (chapter 2 §3.1, §3.7): `T.default()` with
// `T: Default`, `T.from(v)` with `T: From<i32>`, `T.make(…)` with a user contract declaring
// `fn Self.make(…)`. Checked against the contract's signature (Self = T, the contract's type
// parameters = the bound's type arguments); codegen picks the instance's `fn S.name` (or the
// built-in `Default` value) once T is known.
import type * as ast from '../syntax/ast';
import { subst, type Type } from './types';
import type { Ctx, ContractInfo } from './context';
import { checkArgs, type CallSite } from './generics';
import { allContracts } from './collect';
import { resolveType } from './resolve';
import { setCallTarget } from './tables';

type Param = Extract<Type, { k: 'param' }>;

/** The checked call's type, or null when no bound of `t` declares a static method `name`. */
export function contractStaticCall(cx: Ctx, e: ast.ExprOf<'call'>, t: Param, name: string, site: CallSite): Type | null {
  const g = [...cx.generics.values()].find((x) => x.type.k === 'param' && x.type.name === t.name && x.type.owner === t.owner);
  for (const b of g?.bounds ?? []) {
    const c = cx.contracts.get(b.name);
    if (!c) continue;
    for (const cc of allContracts(cx, c)) {
      const m = cc.statics?.get(name);
      if (!m) continue;
      const env = new Map<string, Type>([[`${cc.name}.Self`, t]]);
      if (cc === c) bindContractArgs(cx, cc, b, env);
      checkArgs(cx, m.params.map((p, i) => ({ name: m.decl?.params[i]?.name ?? `arg${i}`, type: subst(p, env), hasDefault: false })), site, new Map(), new Set(), `${cc.name}.${name}`);
      setCallTarget(e, { k: 'contract-method', contract: cc.name, method: name, isStatic: true });
      if (cx.fn) cx.fn.contractCalls.add(name);
      return subst(m.ret, env);
    }
  }
  return null;
}

/** `From<i32>`: the contract's type parameters (`From.T`) are the bound's type arguments. */
function bindContractArgs(cx: Ctx, c: ContractInfo, b: ast.Bound, env: Map<string, Type>): void {
  const names = c.decl ? c.decl.generics.map((x) => x.name) : c.name === 'From' || c.name === 'Into' ? ['T'] : [];
  names.forEach((n, i) => { const a = b.typeArgs?.[i]; if (a) env.set(`${c.name}.${n}`, resolveType(cx, a)); });
}

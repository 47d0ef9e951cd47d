// Editor queries on contracts (chapter 2 §3): the members a bounded type parameter offers, the
// declaration and signature of a contract method called through a bound, and the checked copies
// of default bodies (collect.ts checks a default body once per implementing struct, on a private
// copy of the declaration; the contract's own declaration stays unannotated).
import type * as ast from '../syntax/ast';
import type { Ctx, ContractMethod } from './context';
import { typeName, type Type } from './types';
import { allContracts } from './collect';

/** The contract methods callable on type parameter `t` (its bounds and their supercontracts). */
export function boundMethods(cx: Ctx, t: Extract<Type, { k: 'param' }>): { contract: string; method: ContractMethod }[] {
  const out: { contract: string; method: ContractMethod }[] = [];
  const bounds = boundsOf(cx, t);
  for (const b of bounds) {
    const c = cx.contracts.get(b);
    if (!c) continue;
    for (const cc of allContracts(cx, c)) for (const m of cc.methods.values()) if (!out.some((x) => x.method.name === m.name)) out.push({ contract: cc.name, method: m });
  }
  return out;
}

/** Bound names of a type parameter, as the checker recorded them for its function or type. */
function boundsOf(cx: Ctx, t: Extract<Type, { k: 'param' }>): string[] {
  for (const env of cx.fnEnv.values()) {
    for (const g of env.generics.values()) {
      if (g.type.k === 'param' && g.type.name === t.name && g.type.owner === t.owner) return g.bounds.map((b) => b.name);
    }
  }
  return [];
}

/** A contract's instance method, or its static method (`fn Self.name`). */
export function contractMethod(cx: Ctx, contract: string, name: string, isStatic?: boolean): ContractMethod | undefined {
  const c = cx.contracts.get(contract);
  return isStatic ? c?.statics?.get(name) : c?.methods.get(name);
}

/** `fn name(params): ret` of a contract method, `Self` shown as written. */
export function contractMethodText(m: ContractMethod): string {
  const ps = m.decl ? m.decl.params.map((p, i) => `${p.name}: ${typeName(m.params[i])}`) : m.params.map((p, i) => `arg${i}: ${typeName(p)}`);
  return `fn ${m.name}(${ps.join(', ')})${m.mutating ? '!' : ''}${m.ret.k === 'unit' ? '' : ': ' + typeName(m.ret)}`;
}

/** For every default body declared in `file`, one checked copy (null when no struct uses it). */
export function defaultBodyCopies(cx: Ctx, file: string): ast.FnDecl[] {
  const out: ast.FnDecl[] = [];
  for (const it of cx.program.items) {
    if (it.kind !== 'contract' || it.span.file !== file) continue;
    for (const m of it.methods) {
      if (!m.body) continue;
      const copy = cx.allFns.find((f) => f.decl && f.decl !== m && f.decl.span.file === file && f.decl.span.start === m.span.start && f.decl.span.end === m.span.end);
      if (copy?.decl) out.push(copy.decl);
    }
  }
  return out;
}

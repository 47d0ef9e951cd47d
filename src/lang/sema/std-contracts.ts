// The standard contracts of the prelude (chapter 2 §3.7): Clone, Display, Debug, Eq, Ord, Hash,
// Default, From, Into, Iterator, the operator contracts (Add … ShrAssign) and Callable*. A program
// may declare its own contract with one of these names; it then replaces the prelude one.
// Built-in implementors (numbers implement Ord, strings Display, …) are answered by
// `builtinImplements`; `{}`/`{:?}` on a user type call its `to_string()`/`debug()` (attachDisplay).
import type * as ast from '../syntax/ast';
import { T, type Type } from './types';
import type { Ctx, ContractInfo, ContractMethod } from './context';
import { derefAll, userMethodCall } from './methods';
import { OPTION } from './prelude';
import { exprInfo, setExprInfo } from './tables';

const selfOf = (c: string): Type => ({ k: 'param', name: 'Self', owner: c });
const m = (name: string, params: Type[], ret: Type, opts: { mutating?: boolean; hasDefault?: boolean } = {}): ContractMethod =>
  ({ name, params, ret, mutating: !!opts.mutating, hasDefault: !!opts.hasDefault, decl: null });

/** Operator contracts: name -> [method, parameter count, result is bool / unit]. */
const OPERATOR_CONTRACTS: [string, string, number, 'self' | 'bool' | 'unit'][] = [
  ['Add', 'op+', 1, 'self'], ['Sub', 'op-', 1, 'self'], ['Mul', 'op*', 1, 'self'], ['Div', 'op/', 1, 'self'],
  ['Mod', 'op%', 1, 'self'], ['Rem', 'op%', 1, 'self'], ['Pow', 'op**', 1, 'self'], ['BitAnd', 'op&', 1, 'self'],
  ['BitOr', 'op|', 1, 'self'], ['BitXor', 'op^', 1, 'self'], ['Shl', 'op<<', 1, 'self'], ['Shr', 'op>>', 1, 'self'],
  ['Neg', 'op-', 0, 'self'], ['Not', 'op!', 0, 'self'], ['BitNot', 'op~', 0, 'self'],
  ['PreInc', 'op++', 0, 'self'], ['PostInc', 'op++', 0, 'self'], ['PreDec', 'op--', 0, 'self'], ['PostDec', 'op--', 0, 'self'],
  ['Index', 'op[]', 1, 'self'], ['IndexMut', 'op[]=', 2, 'unit'],
  ['AddAssign', 'op+=', 1, 'unit'], ['SubAssign', 'op-=', 1, 'unit'], ['MulAssign', 'op*=', 1, 'unit'], ['DivAssign', 'op/=', 1, 'unit'],
  ['ModAssign', 'op%=', 1, 'unit'], ['BitAndAssign', 'op&=', 1, 'unit'], ['BitOrAssign', 'op|=', 1, 'unit'],
  ['BitXorAssign', 'op^=', 1, 'unit'], ['ShlAssign', 'op<<=', 1, 'unit'], ['ShrAssign', 'op>>=', 1, 'unit'],
];

/** Names of the contracts addStdContracts declares (§3.7), which a program's own contract may shadow (Allocator and Drop, declared by collect.ts, keep their rules). */
export const PRELUDE_CONTRACT_NAMES: ReadonlySet<string> = new Set([
  'Clone', 'Display', 'Debug', 'Eq', 'Ord', 'Hash', 'Default', 'From', 'Into', 'Iterator',
  ...OPERATOR_CONTRACTS.map((c) => c[0]), 'Callable', 'CallableMut', 'CallableOnce',
]);

/** Contracts whose completeness is checked by a rule of its own (Ord: compare, cmp or op<). */
export const MIN_ONE_OF: Record<string, string[]> = { Ord: ['compare', 'cmp', 'op<'] };

export function addStdContracts(cx: Ctx): void {
  const add = (name: string, methods: ContractMethod[], supers: string[] = [], assocTypes: string[] = []) => {
    const info: ContractInfo = { name, methods: new Map(methods.map((x) => [x.name, x])), assocTypes, supers, decl: null };
    cx.contracts.set(name, info);
  };
  const S = selfOf;
  add('Clone', [m('clone', [], S('Clone'), { hasDefault: true })]);
  add('Display', [m('to_string', [], T.string)]);
  add('Debug', [m('debug', [], T.string, { hasDefault: true })]);
  add('Eq', [m('op==', [S('Eq')], T.bool, { hasDefault: true }), m('op!=', [S('Eq')], T.bool, { hasDefault: true })]);
  add('Ord', [
    m('compare', [S('Ord')], T.i32, { hasDefault: true }), m('op<', [S('Ord')], T.bool, { hasDefault: true }),
    m('op<=', [S('Ord')], T.bool, { hasDefault: true }), m('op>', [S('Ord')], T.bool, { hasDefault: true }),
    m('op>=', [S('Ord')], T.bool, { hasDefault: true }),
  ], ['Eq']);
  add('Hash', [m('hash', [], T.u64)]);
  add('Default', []);
  add('From', []);
  // static methods (`T.default()`, `T.from(v)` on a bounded type parameter)
  cx.contracts.get('Default')!.statics = new Map([['default', m('default', [], S('Default'))]]);
  cx.contracts.get('From')!.statics = new Map([['from', m('from', [{ k: 'param', name: 'T', owner: 'From' }], S('From'))]]);
  add('Into', []);
  add('Iterator', [m('next', [], { k: 'enum', info: OPTION, args: [{ k: 'param', name: 'Item', owner: 'Iterator' }] }, { mutating: true })], [], []);
  for (const [name, op, n, ret] of OPERATOR_CONTRACTS) {
    const self = S(name);
    add(name, [m(op, new Array(n).fill(self), ret === 'bool' ? T.bool : ret === 'unit' ? T.unit : self, { mutating: ret === 'unit' })]);
  }
  for (const c of ['Callable', 'CallableMut', 'CallableOnce']) add(c, []);
}

const isNum = (t: Type) => t.k === 'int' || t.k === 'float';
const isStrLike = (t: Type) => t.k === 'str' || (t.k === 'builtin' && t.name === 'String');

/** Whether a built-in (non-user) type implements a prelude contract (§3.7's last column). */
export function builtinImplements(t: Type, contract: string): boolean {
  const d = derefAll(t);
  const prim = isNum(d) || d.k === 'bool' || isStrLike(d);
  switch (contract) {
    case 'Debug': return true;
    case 'Display': case 'Hash': return prim;
    case 'Ord': return isNum(d) || isStrLike(d);
    case 'Default': return prim || (d.k === 'builtin' && ['Vec', 'Map', 'Set', 'String'].includes(d.name));
    case 'Clone': case 'Eq': {
      if (prim || d.k === 'unit') return true;
      // user structs and enums inside are compared / cloned field by field (their default)
      const part = (a: Type) => builtinImplements(a, contract) || a.k === 'struct' || a.k === 'enum';
      if (d.k === 'builtin') return ['Vec', 'Map', 'Set', 'String', 'Box'].includes(d.name) && d.args.every(part);
      if (d.k === 'enum' && d.info.decl === null) return true; // Option, Result
      if (d.k === 'tuple') return d.elems.every(part);
      if (d.k === 'array') return part(d.elem);
      return false;
    }
    case 'Iterator': return false;
    default: {
      // Operator contracts: numbers implement the arithmetic ones.
      const op = OPERATOR_CONTRACTS.find((x) => x[0] === contract);
      return !!op && isNum(d) && !op[1].includes('[');
    }
  }
}

/** `{}` / `{:?}` of a user type that has `to_string()` / `debug()`: the call to make instead of
 *  the built-in text. Stored as `info.display` on the argument (codegen formats it). */
export function attachDisplay(cx: Ctx, arg: ast.Expr, spec: string): void {
  const t = exprInfo(arg)?.type;
  if (!t || (spec !== '' && spec !== '?')) return;
  const d = derefAll(t);
  if (d.k !== 'struct' && d.k !== 'enum') return;
  const f = cx.methods.get(d.info.name)?.get(spec === '?' ? 'debug' : 'to_string');
  if (!f || f.params.length !== 0 || f.receiver === 'mut-ref' || f.receiver === 'value') return;
  const span = arg.span;
  const mem: ast.ExprOf<'member'> = { kind: 'member', span, object: arg, name: f.decl?.name ?? 'to_string', nameSpan: span };
  const call: ast.ExprOf<'call'> = { kind: 'call', span, callee: mem, typeArgs: null, args: [], bang: false };
  const ret = userMethodCall(cx, call, mem, t, f, { callee: mem.name, span, args: [], expected: null, explicit: null, receiver: d });
  setExprInfo(mem, { type: T.error });
  setExprInfo(call, { type: ret });
  setExprInfo(arg, { ...exprInfo(arg)!, display: call });
}

// Overload sets (chapter 2 §7.2): functions, methods and static methods sharing a name with
// different parameter types. A table keeps the first member under `name` and the others under
// `name#1`, `name#2`, … (the same scheme as operator methods). A call picks one member:
//   1. right arity, and every argument accepted (exactly, by literal typing or a conversion);
//   2. with an expected type, those whose result fits it (unless none would remain), and of
//      those the ones whose result is exactly that type when there are any;
//   3. the lowest cost: per argument 0 for an exact type or a literal at its default type
//      (`i32`/`f64`), 1 for other literal typing, 2 for a conversion; non-generic first.
// No member: E0103 listing them; a tie: E0185 naming the tied members.
import type * as ast from '../syntax/ast';
import { typeEq, typeName, type Type } from './types';
import type { Ctx, ContractMethod } from './context';
import type { FnInfo } from './typed';
import { callFn, type CallSite } from './generics';
import { assignable, isLiteralish } from './infer';
import { probe } from './closure-infer';
import { checkExpr } from './expr';
import { MSG, NOTE } from '../msg';
import { exprInfo, setExprInfo } from './tables';

/** The members `name`, `name#1`, … of a table (first declared first). */
export function overloadSet(table: ReadonlyMap<string, FnInfo> | undefined, name: string): FnInfo[] {
  if (!table) return [];
  const out: FnInfo[] = [];
  const f = table.get(name);
  if (f) out.push(f);
  for (let i = 1; table.has(`${name}#${i}`); i++) out.push(table.get(`${name}#${i}`)!);
  return out;
}

/** The members `name`, `name#1`, … of a contract's method table (chapter 2 §7.2 applied to §3.1). */
export function contractOverloads(table: ReadonlyMap<string, ContractMethod> | undefined, name: string): ContractMethod[] {
  const out: ContractMethod[] = [];
  const f = table?.get(name);
  if (!table || !f) return out;
  out.push(f);
  for (let i = 1; table.has(`${name}#${i}`); i++) out.push(table.get(`${name}#${i}`)!);
  return out;
}

/** Table key of a further member of the set `name`. */
export function nextOverloadKey(table: ReadonlyMap<string, FnInfo>, name: string): string {
  let i = 1;
  while (table.has(`${name}#${i}`)) i++;
  return `${name}#${i}`;
}

/** `abs(i8): i8`: a member as the messages list it. */
export function overloadLabel(f: FnInfo, withRet = true): string {
  const short = f.name.includes('.') ? f.name.slice(f.name.lastIndexOf('.') + 1) : f.name;
  const ps = f.params.map((p) => (p.variadic && p.type.k === 'slice' ? '...' + typeName(p.type.elem) : typeName(p.type)));
  return `${short}(${ps.join(', ')})${f.ret.k === 'unit' || !withRet ? '' : ': ' + typeName(f.ret)}`;
}

const ownGenerics = (f: FnInfo) => f.decl?.generics.length ?? 0;

/** Two members that no call could tell apart: the same parameter types (or both generic). */
export function sameSignature(a: FnInfo, b: FnInfo): boolean {
  if (ownGenerics(a) && ownGenerics(b)) return true;
  return a.params.length === b.params.length && a.params.every((p, i) => typeEq(p.type, b.params[i].type) && !!p.variadic === !!b.params[i].variadic);
}

function arityOk(f: FnInfo, n: number): boolean {
  const variadic = f.params.length > 0 && !!f.params[f.params.length - 1].variadic;
  const fixed = variadic ? f.params.length - 1 : f.params.length;
  const required = f.params.slice(0, fixed).filter((p) => !p.hasDefault).length;
  return n >= required && (variadic || n <= fixed);
}

const isDefaultLiteralType = (a: ast.Expr, t: Type): boolean => {
  const float = JSON.stringify(a, (k, v) => (k === 'span' || k === 'info' ? undefined : typeof v === 'bigint' ? 0 : v)).includes('"float"');
  return float ? t.k === 'float' && t.bits === 64 : t.k === 'int' && t.name === 'i32';
};

interface Fit { f: FnInfo; cost: number; ret: Type }

/** Does `f` accept the site's arguments, and at what cost? Checked silently (probe). */
function fit(cx: Ctx, f: FnInfo, site: CallSite): Fit | null {
  if (!arityOk(f, site.args.length)) return null;
  let result: Fit | null = null;
  const saved = site.args.map((a) => exprInfo(a));
  probe(cx, () => {
    const errors = () => cx.diags.filter((d) => d.severity === 'error').length;
    const before = errors();
    for (const a of site.args) setExprInfo(a, undefined);
    const { ret } = callFn(cx, f, { ...site, expected: null });
    if (errors() > before) return;
    let cost = 0;
    site.args.forEach((a, i) => {
      if (!exprInfo(a) || a.kind === 'closure') return;
      if (exprInfo(a)!.coerce) cost += 2;
      else if (isLiteralish(a) && paramType(f, i)?.k !== 'param' && !isDefaultLiteralType(a, exprInfo(a)!.type)) cost += 1;
    });
    result = { f, cost, ret };
  });
  site.args.forEach((a, i) => { setExprInfo(a, saved[i]); });
  return result;
}

function paramType(f: FnInfo, i: number): Type | null {
  const last = f.params[f.params.length - 1];
  if (last?.variadic && i >= f.params.length - 1) return last.type.k === 'slice' ? last.type.elem : last.type;
  return f.params[i]?.type ?? null;
}

/** Pick the member of `set` a call means, or report why none can be picked (then null). */
export function resolveOverload(cx: Ctx, set: FnInfo[], site: CallSite, display: string): FnInfo | null {
  if (set.length <= 1) return set[0] ?? null;
  let fits = set.map((f) => fit(cx, f, site)).filter((x): x is Fit => x !== null);
  const list = set.map((f) => overloadLabel(f)).join(', ');
  if (!fits.length) {
    const argTypes = site.args.map((a) => (a.kind === 'closure' ? 'closure' : typeName(probeType(cx, a))));
    cx.error(MSG.E0103.noOverloadTakes({ display, argTypes: argTypes.join(', ') }), site.span, {
      notes: [NOTE.E0103.noteOverloads({ list }), NOTE.E0103.helpConvertArgumentOne()],
    });
    for (const a of site.args) if (!exprInfo(a)) checkExpr(cx, a, null);
    return null;
  }
  if (site.expected && site.expected.k !== 'error') {
    const exp = site.expected;
    // A result of exactly the expected type fits better than one that converts to it.
    const exact = fits.filter((x) => assignable(x.ret, exp) === 'same');
    const fitting = exact.length ? exact : fits.filter((x) => assignable(x.ret, exp));
    if (fitting.length) fits = fitting;
  }
  const best = Math.min(...fits.map((x) => x.cost));
  let top = fits.filter((x) => x.cost === best);
  if (top.length > 1 && top.some((x) => !ownGenerics(x.f))) top = top.filter((x) => !ownGenerics(x.f));
  if (top.length > 1) {
    const names = top.map((x) => overloadLabel(x.f, false)).join(', ');
    cx.error(MSG.E0185.ambiguousCallMatch({ display, names, choice: top.length === 2 ? 'both' : 'all' }), site.span, {
      notes: [NOTE.E0185.helpSayWhichOne({ ret: typeName(top[0].f.ret) })],
    });
    for (const a of site.args) if (!exprInfo(a)) checkExpr(cx, a, null);
    return null;
  }
  return top[0].f;
}

function probeType(cx: Ctx, a: ast.Expr): Type {
  let t: Type = { k: 'error' };
  const saved = exprInfo(a);
  probe(cx, () => { t = checkExpr(cx, a, null); });
  setExprInfo(a, saved);
  return t;
}

/** A function named as a value (`let f = abs;`): the one member, or the member whose type is the
 *  expected function type; otherwise E0185. Null when no function has the name. */
export function fnValueOf(cx: Ctx, e: ast.ExprOf<'ident'>, expected: Type | null): FnInfo | null {
  const set = overloadSet(cx.fns, e.name);
  if (set.length <= 1) return set[0] ?? null;
  const want = expected?.k === 'fn' ? expected : null;
  const hit = want ? set.filter((f) => !ownGenerics(f) && f.params.length === want.params.length && f.params.every((p, i) => typeEq(p.type, want.params[i])) && (want.ret.k === 'error' || typeEq(f.ret, want.ret))) : [];
  if (hit.length === 1) return hit[0];
  cx.error(MSG.E0185.ambiguousUseValueMatch({ eName: e.name, set: set.map((f) => overloadLabel(f, false)).join(', '), choice: set.length === 2 ? 'both' : 'all' }), e.span, {
    notes: [NOTE.E0185.helpGiveVariableFunction({ params: set[0].params.map((p) => typeName(p.type)).join(', '), choice: set[0].ret.k === 'unit' ? '' : ': ' + typeName(set[0].ret), eName: e.name })],
  });
  return set[0];
}

// Signature help (parameter hints while typing a call): which call's argument list the cursor is
// in and which argument, from the text (brackets, strings and comments skipped); what is called,
// from the checker's annotation of that call — functions, methods, static methods, generic
// functions, builtins, builtin methods, enum variants, extern functions and fn values. The call
// being typed is often unfinished: when the text does not parse into that call, it is checked
// again with the argument list closed. Never throws.
import type * as ast from '../syntax/ast';
import { analyzeFile } from './references';
import type { FnInfo } from './typed';
import { subst, typeName, type Type } from './types';
import { BUILTIN_FNS, builtinMethod, builtinStatic, isAnyInt, ownerGenerics } from './prelude';
import { derefAll } from './methods';
import { displayName } from './module-names';
import { type ResOf, callTarget, checkedNode, exprInfo, nameRes, tablesInUse, useTables, writtenCall } from './tables';
import { overloadSet, contractOverloads } from './overloads';
import { assignable, isLiteralish, isNumeric } from './infer';
import type { Ctx } from './context';

export interface SignatureHelp {
  label: string;
  /** [start, end) of each parameter inside `label`. */
  params: [number, number][];
  active: number; // index into params (the last one for a variadic tail)
  /** Every member of the callee's overload set (chapter 2 §7.2), first declared first; the one
   *  above is `signatures[activeSignature]`. A callee that is not overloaded has just itself. */
  signatures: { label: string; params: [number, number][] }[];
  activeSignature: number;
}

/** The builtins the checker types by hand (builtins.ts): their signatures as the reference gives them. */
const SPECIAL: Record<string, string[]> = {
  println: ['format: str', 'args: ...'],
  print: ['format: str', 'args: ...'],
  assert: ['cond: bool', 'message: str'],
  assert_eq: ['left: T', 'right: T'],
  sizeof: ['T'],
  alignof: ['T'],
  catch_panic: ['f: fn(): T'],
  set_allocator: ['a: &A!'],
  set_global_allocator: ['a: &A!'],
  signal: ['sig: i32', 'handler: extern "C" fn(i32)'],
  go_with_stack: ['bytes: u64', 'f: fn()'],
  block_on: ['fut: Future<T>'],
  vec_new: [],
};
const SPECIAL_RET: Record<string, string> = { catch_panic: ': Result<T, string>', block_on: ': T', assert_eq: '', sizeof: ': usize', alignof: ': usize', vec_new: ': Vec<T>' };

interface ArgList { paren: number; active: number }

/** The innermost open `(` before `offset` and the argument index there (commas at its depth). */
export function argListAt(text: string, offset: number): ArgList | null {
  const stack: { ch: string; at: number; commas: number }[] = [];
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') { while (i < offset && text[i] !== '\n') i++; continue; }
    if (c === '/' && text[i + 1] === '*') { const e = text.indexOf('*/', i + 2); if (e < 0 || e + 2 > offset) return null; i = e + 1; continue; }
    if (c === '"') {
      for (i++; i < offset && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      if (i >= offset) return null; // inside a string
      continue;
    }
    if (c === "'" && /^'(\\.|[^\\'])'/.test(text.slice(i, i + 4))) { i += text[i + 1] === '\\' ? 3 : 2; continue; }
    if (c === '(' || c === '[' || c === '{') stack.push({ ch: c, at: i, commas: 0 });
    else if (c === ')' || c === ']' || c === '}') stack.pop();
    else if (c === ',' && stack.length) stack[stack.length - 1].commas++;
  }
  const top = stack[stack.length - 1];
  if (!top || top.ch !== '(') return null;
  // a call: the `(` follows a name, a `>` of type arguments or a call's `)`
  const before = text.slice(0, top.at).replace(/\s+$/, '');
  if (!/[A-Za-z0-9_>)\]]$/.test(before) || /(^|[^A-Za-z0-9_])(if|while|for|match|return|elif|fn)$/.test(before)) return null;
  return { paren: top.at, active: top.commas };
}

export function signatureAt(file: string, text: string, offset: number): SignatureHelp | null {
  const outer = tablesInUse();
  try {
    const list = argListAt(text, offset);
    if (!list) return null;
    const attempts = [text, text.slice(0, offset) + ')' + text.slice(offset), text.slice(0, offset) + ');' + text.slice(offset), text.slice(0, offset) + ')) {}' + text.slice(offset)];
    for (const t of attempts) {
      const a = analyzeFile(file, t);
      useTables(a.cx.tables);
      const call = findCall(a.program.items, t, list.paren);
      if (!call) continue;
      const viaBound = boundSet(a.cx, call, list.active);
      if (viaBound) {
        const cur = viaBound.sigs[viaBound.pick];
        return { label: cur.label, params: cur.params, active: list.active, signatures: viaBound.sigs, activeSignature: viaBound.pick };
      }
      const set = overloadsOf(a.cx, call);
      // `C.bump(c, 2)`: the written first argument is the receiver of the checked `c.bump(2)`
      const recv = writtenCall(call) !== call ? writtenCall(call).args[0] : null;
      const described = set.length > 1 ? null : describeCall(call);
      const tgt = callTarget(call);
      const recvType = tgt?.k === 'method' && tgt.fn.receiverLocal ? tgt.fn.receiverLocal.type : recv ? exprInfo(recv)?.type : undefined;
      const sig = described && recv ? withReceiver(described, recvType) : described;
      if (!sig && set.length < 2) return null;
      const sigs = sig ? [sig] : set.map(fnDescribed);
      const pick = sig ? 0 : plausible(set, call, list.active);
      const cur = sigs[pick], last = cur.params.length - 1;
      return {
        label: cur.label, params: cur.params, active: cur.variadic && list.active > last ? last : list.active,
        signatures: sigs.map((x) => ({ label: x.label, params: x.params })), activeSignature: pick,
      };
    }
    return null;
  } catch {
    return null;
  } finally {
    useTables(outer);
  }
}

/** A call through a bounded type parameter (`t.scale(…)` with `T: Scale`): the contract method's
 *  members as the contract declares them, the one the checker picked active. */
function boundSet(cx: Ctx, call: ast.ExprOf<'call'>, active: number): { sigs: Described[]; pick: number } | null {
  const t = callTarget(call);
  if (t?.k !== 'contract-method' || t.isStatic) return null;
  const set = contractOverloads(cx.contracts.get(t.contract)?.methods, t.method);
  if (!set.length) return null;
  const sigs = set.map((m) => build(`fn ${t.contract}.${m.name}`, m.params.map((p, i) => `${m.decl?.params[i]?.name ?? `arg${i}`}: ${typeName(p)}`), ret(m.ret)));
  // unresolved (often unfinished): the first member taking the argument under the cursor whose
  // parameters accept the arguments typed so far
  const fits = (ps: Type[]) => ps.length > active && call.args.every((x, i) => i >= ps.length || !exprInfo(x)?.type || exprInfo(x)!.type.k === 'error' || ps[i].k === 'param' || !!assignable(exprInfo(x)!.type, ps[i]) || (isLiteralish(x) && isNumeric(ps[i])));
  const pick = t.sig ? set.findIndex((m) => m.params === t.sig) : set.findIndex((m) => fits(m.params));
  return { sigs, pick: Math.max(0, pick) };
}

/** The overload set of the function or method a call names (chapter 2 §7.2), or [] when it is not one. */
function overloadsOf(cx: Ctx, call: ast.ExprOf<'call'>): FnInfo[] {
  const t = callTarget(call);
  const f = t?.k === 'fn' || t?.k === 'method' ? t.fn : call.callee.kind === 'ident' && nameRes(call.callee)?.k === 'fn' ? (nameRes(call.callee) as ResOf<'fn'>).fn : null;
  if (!f) return unresolvedSet(cx, call.callee);
  const short = f.decl?.name ?? (f.name.includes('.') ? f.name.slice(f.name.lastIndexOf('.') + 1) : f.name);
  const owner = f.owner ? derefAll(f.owner) : null;
  const ownerName = owner && (owner.k === 'struct' || owner.k === 'enum') ? owner.info.name : owner ? typeName(owner) : null;
  const tables = ownerName ? [cx.methods.get(ownerName), cx.statics.get(ownerName)] : [cx.fns];
  for (const table of tables) {
    const set = overloadSet(table, short);
    if (set.includes(f)) return set;
  }
  return [];
}

/** The overload set a call names that the checker could not resolve (no member accepts the
 *  arguments typed so far): `f(…)`, `x.m(…)`, `T.m(…)`. */
function unresolvedSet(cx: Ctx, c: ast.Expr): FnInfo[] {
  if (c.kind === 'ident') return overloadSet(cx.fns, c.name);
  if (c.kind !== 'member') return [];
  const o = c.object;
  if (o.kind === 'ident' && !nameRes(o) && cx.statics.has(o.name)) return overloadSet(cx.statics.get(o.name), c.name);
  const ot = exprInfo(o)?.type ? derefAll(exprInfo(o)!.type) : null;
  return ot && (ot.k === 'struct' || ot.k === 'enum') ? overloadSet(cx.methods.get(ot.info.name), c.name) : [];
}

/** The member the call resolved to; for a call the checker could not resolve (often unfinished),
 *  the first member that takes the argument under the cursor and whose parameters accept the
 *  arguments already typed. */
function plausible(set: FnInfo[], call: ast.ExprOf<'call'>, active: number): number {
  const t = callTarget(call);
  const resolved = t?.k === 'fn' || t?.k === 'method' ? set.indexOf(t.fn) : -1;
  if (resolved >= 0 && exprInfo(call)?.type?.k !== 'error') return resolved;
  const fits = (f: FnInfo) => (f.params.length > active || f.params.some((p) => p.variadic))
    && call.args.every((a, i) => i >= f.params.length || !exprInfo(a)?.type || exprInfo(a)!.type.k === 'error' || !!assignable(exprInfo(a)!.type, f.params[i].type) || (isLiteralish(a) && isNumeric(f.params[i].type)));
  const i = set.findIndex(fits);
  return i >= 0 ? i : Math.max(0, resolved);
}

const SKIP = new Set(['span', 'nameSpan', 'info', 'res', 'local', 'variant', 'resolved', 'decl', 'lowered']);

/** The call whose argument list opens at `paren`. */
function findCall(items: ast.Item[], text: string, paren: number): ast.ExprOf<'call'> | null {
  let found: ast.ExprOf<'call'> | null = null;
  const walk = (n: unknown): void => {
    if (found || !n || typeof n !== 'object') return;
    if (Array.isArray(n)) { for (const x of n) walk(x); return; }
    const o = checkedNode(n) as Record<string, unknown> & { kind?: string; span?: ast.Span };
    if (o.span && (o.span.start > paren || o.span.end < paren)) return;
    if (o.kind === 'call') {
      const c = o as unknown as ast.ExprOf<'call'>;
      if (c.callee.span.end <= paren && /^\s*(<[^()]*>)?\s*$/.test(text.slice(c.callee.span.end, paren))) { found = c; return; }
    }
    for (const k in o) if (!SKIP.has(k) && !(k === 'target' && o.kind === 'call')) walk(o[k]);
  };
  walk(items);
  return found;
}

interface Described { label: string; params: [number, number][]; variadic: boolean }

/** The signature with the receiver as its first parameter, as `Owner.method(x, …)` is written. */
function withReceiver(d: Described, t: Type | undefined): Described {
  const p = `self: ${t ? typeName(t) : '_'}`;
  const open = d.params.length ? d.params[0][0] : d.label.indexOf('(') + 1;
  const sep = d.params.length ? ', ' : '';
  const shift = p.length + sep.length;
  return {
    label: d.label.slice(0, open) + p + sep + d.label.slice(open),
    params: [[open, open + p.length], ...d.params.map(([a, b]): [number, number] => [a + shift, b + shift])],
    variadic: d.variadic,
  };
}

/** The label of a signature; module items are named as the program writes them (`HashMap.insert`,
 *  `map_len`, `triple`), not by the checker's program-wide names (`collections·HashMap`, `utilːtriple`). */
function build(rawHead: string, rawParams: string[], rawTail: string, variadic = false): Described {
  const head = displayName(rawHead), params = rawParams.map(displayName), tail = displayName(rawTail);
  let label = head + '(';
  const spans: [number, number][] = [];
  params.forEach((p, i) => {
    if (i) label += ', ';
    spans.push([label.length, label.length + p.length]);
    label += p;
  });
  return { label: label + ')' + tail, params: spans, variadic };
}

const ret = (t: Type) => (t.k === 'unit' ? '' : ': ' + typeName(t));

function fnDescribed(f: FnInfo): Described {
  const d = f.decl;
  const name = d?.name ?? f.name;
  const gs = d?.generics ?? [];
  const gen = gs.length ? `<${gs.map((g) => (g.isConst ? 'const ' : '') + g.name + (g.bounds.length ? ': ' + g.bounds.map((b) => b.name).join(' + ') : '')).join(', ')}>` : '';
  const owner = d?.owner ? `${d.owner.name}.` : '';
  const params = f.params.map((p) => `${p.name}: ${p.variadic ? '...' + typeName((p.type as { elem: Type }).elem) : typeName(p.type)}${p.hasDefault ? ' = …' : ''}`);
  return build(`${f.isAsync ? 'async ' : ''}fn ${owner}${name}${gen}`, params, ret(f.ret), f.params.some((p) => p.variadic));
}

function describeCall(call: ast.ExprOf<'call'>): Described | null {
  const t = callTarget(call);
  const c = call.callee;
  switch (t?.k) {
    case 'fn': case 'method': return fnDescribed(t.fn);
    case 'builtin': {
      if (SPECIAL[t.name]) return build(`fn ${t.name}${['sizeof', 'alignof', 'vec_new'].includes(t.name) ? '<T>' : ''}`, SPECIAL[t.name], SPECIAL_RET[t.name] ?? '', t.name === 'println' || t.name === 'print');
      const raw = BUILTIN_FNS[t.name];
      if (!raw) return null;
      const m = /^\((.*)\)(.*)$/.exec(raw)!;
      return build(`fn ${t.name}`, m[1].trim() ? m[1].split(',').map((s) => s.trim()) : [], m[2]);
    }
    case 'builtin-method': case 'builtin-static': {
      const sig = t.k === 'builtin-static' ? builtinStatic(t.owner, t.method) : builtinMethod(t.owner, t.method);
      if (!sig) return null;
      const recv = c.kind === 'member' ? exprInfo(c.object)?.type : undefined;
      const r = recv ? derefAll(recv) : null;
      const env = new Map<string, Type>();
      const args = r && (r.k === 'builtin' || r.k === 'enum') ? r.args : [];
      ownerGenerics(t.owner).forEach((g, i) => args[i] && args[i].k !== 'param' && env.set(`${t.owner}.${g}`, args[i]));
      const shown = r && args.length && args.every((x) => x.k !== 'param') ? typeName(r) : t.owner;
      return build(`${shown}.${t.method}`, sig.params.map((p) => (isAnyInt(p) ? 'int' : typeName(subst(p, env)))), (sig.mutating ? '!' : '') + ret(subst(sig.ret, env)));
    }
    case 'variant': {
      if (t.enumType.k !== 'enum') return null;
      const info = t.enumType.info;
      const v = info.variants[t.variant];
      const shown = info.name === 'Option' || info.name === 'Result' ? v.name : `${info.name}.${v.name}`;
      return build(shown, v.fields.map(typeName), `: ${info.name}${info.generics.length ? `<${info.generics.join(', ')}>` : ''}`);
    }
    case 'contract-method': return null; // generic code: the instance's method is not known here
    case 'value': {
      const ft = exprInfo(c)?.type;
      if (ft?.k !== 'fn') return null;
      const name = c.kind === 'ident' ? c.name : 'fn';
      return build(name, ft.params.map(typeName), ret(ft.ret));
    }
    default: break;
  }
  if (c.kind === 'ident' && nameRes(c)?.k === 'extern') {
    const x = (nameRes(c) as ResOf<'extern'>).fn;
    return build(`extern "C" fn ${x.name}`, x.decl.params.map((p, i) => `${p.name}: ${typeName(x.params[i])}`).concat(x.variadic ? ['...'] : []), ret(x.ret), x.variadic);
  }
  if (c.kind === 'ident' && nameRes(c)?.k === 'fn') return fnDescribed((nameRes(c) as ResOf<'fn'>).fn);
  return null;
}

// JavaScript for the library methods of built-in types (chapter 2 §5): strings, Vec, Map/Set,
// Option/Result and numbers. Heavy lifting is in the runtime (`rt.lib`, src/runtime/core/lib-methods.ts);
// Options and Results are wrapped here in the program's own enum classes.
import { exprInfo } from '../sema/tables';
import type * as ast from '../syntax/ast';
import type { Type } from '../sema/types';
import { typeName, isWideInt } from '../sema/types';
import { OPTION, RESULT } from '../sema/prelude';
import { derefAll, jsStr, roundFloat, wrapSmall, wideK } from './names';
import type { ModuleCtx } from './context';
import { RT, rtL } from './rt-names';
import { cloneJs, cloneIsCopy } from './clone-glue';
import type { LibFn } from '../../common/rt-contract';

/** What the emitter offers this module (a view of CallEmitter). */
export interface LibHost {
  m: ModuleCtx;
  isGen: boolean;
  pre: string[];
  val(e: ast.Expr): string;
  copyVal(e: ast.Expr): string;
  typeOf(e: ast.Expr): Type;
  effType(e: ast.Expr): Type;
  displayJs(js: string, t: Type): string;
  tmp(): string;
  lookupKey(e: ast.Expr, kt: Type | undefined, o: string): string;
  userOperator(op: string, l: string, r: string, t: Extract<Type, { k: 'struct' | 'enum' }>, span: ast.Span): string | null;
  inPlaceDefault(e: ast.ExprOf<'call'>, js: string, t: Type | null): string;
}

const INT_RANGE: Record<string, [string, string]> = {
  i8: ['-128n', '127n'], i16: ['-32768n', '32767n'], i32: ['-2147483648n', '2147483647n'], i64: ['-9223372036854775808n', '9223372036854775807n'],
  i128: ['-(2n**127n)', '2n**127n-1n'], u8: ['0n', '255n'], u16: ['0n', '65535n'], u32: ['0n', '4294967295n'], u64: ['0n', '18446744073709551615n'], u128: ['0n', '2n**128n-1n'],
};

/** JS for `owner.method(args)` on receiver `o`, or null when this module does not know it. */
export function libMethod(h: LibHost, e: ast.ExprOf<'call'>, owner: string, method: string, o: string, s: number): string | null {
  const a = e.args;
  const v = (i: number) => h.val(a[i]);
  const some = h.m.enumClass(OPTION), res = h.m.enumClass(RESULT);
  const none = h.m.unitVariant(OPTION, 1);
  const opt = (js: string) => { const t = h.tmp(); return `((${t} = ${js}) === undefined ? ${none} : new ${some}(0, ${t}))`; };
  const call = (f: string, args: string[]) => (h.isGen ? `(yield* $callv(${f}(${args.join(', ')})))` : `${f}(${args.join(', ')})`);
  const fn = (i: number) => { const t = h.tmp(); h.pre.push(`${t} = ${v(i)};`); return t; };
  const retT = derefAll(h.typeOf(e));
  const layout = (t: Type): string => {
    const el = t.k === 'builtin' ? t.args[0] : null;
    let size = 8, align = 8;
    if (el) { try { const l = h.m.prog.layoutOf(el); size = l.size || size; align = l.align || align; } catch { /* defaults */ } }
    return `${size}, ${align}`;
  };
  const recvT = derefAll(h.effType((e.callee as ast.ExprOf<'member'>).object));
  const panicFn = `((m, q) => ${RT.panic}(m, q))`;
  if (owner === 'str' || owner === 'String') {
    const S = owner === 'String' ? `${o}.s` : o;
    switch (method) {
      case 'chars': case 'char_count': return `${rtL('chars')}(${S})`;
      case 'empty': return `(${S}.length === 0)`;
      case 'starts_with': return `${S}.startsWith(${v(0)})`;
      case 'ends_with': return `${S}.endsWith(${v(0)})`;
      case 'to_upper': return `$newString(${S}.toUpperCase(), ${s})`;
      case 'to_lower': return `$newString(${S}.toLowerCase(), ${s})`;
      case 'split': return `${rtL('split')}(${S}, ${v(0)}, ${layout(retT)}, ${s})`;
      case 'find': return opt(`${rtL('find')}(${S}, ${v(0)})`);
      case 'substr': return `${rtL('substr')}(${S}, ${v(0)}, ${v(1)})`;
      case 'bytes': return `${rtL('bytes')}(${S}, ${s})`;
      case 'to_string': case 'text': case 'clone': return S;
      case 'push_str': return `${o}.append(${v(0)}, ${s})`;
      case 'parse': {
        const target = retT.k === 'enum' ? derefAll(retT.args[0]) : null;
        const kind = target ? typeName(target) : 'i32';
        const [lo, hi] = target?.k === 'int' ? INT_RANGE[target.name] : ['null', 'null'];
        const t = h.tmp();
        return `((${t} = ${rtL('parse')}(${S}, ${jsStr(kind)}, ${lo}, ${hi})).err === undefined ? new ${res}(0, ${t}.ok) : new ${res}(1, ${t}.err))`;
      }
    }
    return null;
  }
  if (owner === 'Vec') {
    const elem = recvT.k === 'builtin' ? derefAll(recvT.args[0]) : recvT.k === 'array' || recvT.k === 'slice' ? derefAll(recvT.elem) : null;
    switch (method) {
      case 'set': return `$aset(${o}.a, ${v(0)}, ${h.copyVal(a[1])}, ${s})`;
      case 'insert': return `${rtL('insert')}(${o}, ${v(0)}, ${h.copyVal(a[1])}, ${s}, ${panicFn}${elem && h.m.needsDrop(elem) ? `, ${h.m.dropFn(elem)}` : ''})`;
      case 'remove': return `${rtL('remove')}(${o}, ${v(0)}, ${s}, ${panicFn})`;
      case 'reserve': return `${o}.reserve(${v(0)}, ${s})`;
      case 'as_slice': return `$sliceAll(${o}.a)`; // a view of the Vec's own elements, as `&v[..]`
      case 'first': return opt(`${o}.a[0]`);
      case 'last': return opt(`${o}.a[${o}.a.length - 1]`);
      case 'find': return opt(`${rtL('findIn')}(${o}, ${fn(0)})`);
      case 'index_of': return opt(`${rtL('indexOf')}(${o}, ${v(0)})`);
      case 'any': case 'all': return `${rtL(method as LibFn)}(${o}, ${fn(0)})`;
      case 'filter': return `${rtL('filter')}(${o}, ${fn(0)}, undefined, ${s})`;
      case 'forEach': case 'for_each': return `${rtL('forEach')}(${o}, ${fn(0)})`;
      case 'map': {
        const out = retT.k === 'builtin' ? retT.args[0] : undefined; // a result made before a panic is dropped
        return `${rtL('map')}(${o}, ${fn(0)}, ${layout(retT)}, ${out && h.m.needsDrop(out) ? h.m.dropFn(out) : 'undefined'}, ${s})`;
      }
      case 'reduce': case 'fold': return `${rtL('reduce')}(${o}, ${h.copyVal(a[0])}, ${fn(1)})`;
      case 'sort_by': return `${rtL('sortBy')}(${o}, ${fn(0)})`;
      case 'reverse': return `${rtL('reverse')}(${o})`;
      case 'join': return `${rtL('join')}(${o}, ${v(0)}, (x) => ${elem ? h.displayJs('x', elem) : '"" + x'}, ${s})`;
      case 'sort': {
        if (elem && (elem.k === 'struct' || elem.k === 'enum')) {
          const lt = h.userOperator('<', 'x', 'y', elem, e.span), gt = h.userOperator('<', 'y', 'x', elem, e.span);
          if (lt && gt) return `${rtL('sort')}(${o}, (x, y) => (${lt} ? -1 : ${gt} ? 1 : 0))`;
        }
        if (elem?.k === 'builtin' && elem.name === 'String') return `${rtL('sort')}(${o}, (x, y) => ${rtL('natural')}(x.s, y.s))`;
        return `${rtL('sort')}(${o}, ${rtL('natural')})`;
      }
    }
    return null;
  }
  if (owner === 'Map' || owner === 'Set') {
    switch (method) {
      // clones of what the map holds when that is not Copy (each has one owner)
      case 'keys': case 'values': {
        const et = retT.k === 'builtin' ? retT.args[0] : undefined;
        // (a clone that panics drops the clones made before it)
        const clone = et && !cloneIsCopy(h.m, et) ? `, (v, s) => ${cloneJs(h.m, 'v', et, 's')}, ${s}${h.m.needsDrop(et) ? `, ${h.m.dropFn(et)}` : ''}` : `, undefined, ${s}`;
        return `${rtL(method)}(${o}, ${layout(retT)}${clone})`;
      }
      case 'clear': return `(${o}.m.clear(), ${o}.ok = null, undefined)`;
      // a compound key (a String…) is looked up by its canonical string, like `get`
      // (a default read in place is the statement's temporary: ExprEmitter.inPlaceDefaults)
      case 'get_or': { const k = h.tmp(); return `(${o}.m.has(${k} = ${h.lookupKey(a[0], recvT.k === 'builtin' ? recvT.args[0] : undefined, o)}) ? ${o}.m.get(${k}) : ${h.inPlaceDefault(e, h.copyVal(a[1]), recvT.k === 'builtin' ? recvT.args[1] ?? null : null)})`; }
    }
    return null;
  }
  if (owner === 'Option' || owner === 'Result') {
    const isOpt = owner === 'Option';
    const ok = (js: string) => (isOpt ? `new ${some}(0, ${js})` : `new ${res}(0, ${js})`);
    switch (`${owner}.${method}`) {
      case 'Option.map': case 'Result.map': { const f = fn(0); return `(${o}.t === 0 ? ${ok(call(f, [`${o}.a0`]))} : ${isOpt ? none : o})`; }
      case 'Option.and_then': case 'Result.and_then': { const f = fn(0); return `(${o}.t === 0 ? ${call(f, [`${o}.a0`])} : ${isOpt ? none : o})`; }
      // an argument is evaluated whichever variant the receiver is (its side effects happen either
      // way, as `unwrap_or`'s default), and dropped when the receiver's value is given instead
      case 'Option.or': {
        const t = h.tmp();
        const drop = h.m.needsDrop(recvT) ? `${h.m.dropFn(recvT)}(${t}), ` : '';
        return `(${t} = ${v(0)}, ${o}.t === 0 ? (${drop}${o}) : ${t})`;
      }
      case 'Option.or_else': { const f = fn(0); return `(${o}.t === 0 ? ${o} : ${call(f, [])})`; }
      case 'Option.unwrap_or_else': { const f = fn(0); return `(${o}.t === 0 ? ${o}.a0 : ${call(f, [])})`; }
      case 'Result.unwrap_or_else': { const f = fn(0); return `(${o}.t === 0 ? ${o}.a0 : ${call(f, [`${o}.a0`])})`; }
      case 'Option.filter': {
        const f = fn(0);
        // a moved receiver (`let p = o.filter(..)`) whose payload is not kept: dropped here
        const payload = recvT.k === 'enum' ? recvT.args[0] : undefined;
        const moved = exprInfo((e.callee as ast.ExprOf<'member'>).object)?.moves && payload && h.m.needsDrop(payload);
        if (!moved) return `(${o}.t === 0 && ${call(f, [`${o}.a0`])} ? ${o} : ${none})`;
        const t = h.tmp();
        return `((${t} = ${o}).t !== 0 ? ${none} : ${call(f, [`${t}.a0`])} ? ${t} : (${h.m.dropFn(payload)}(${t}.a0), ${none}))`;
      }
      case 'Option.ok_or': {
        const t = h.tmp(), et = derefAll(h.typeOf(a[0]));
        const drop = h.m.needsDrop(et) ? `${h.m.dropFn(et)}(${t}), ` : '';
        return `(${t} = ${h.copyVal(a[0])}, ${o}.t === 0 ? (${drop}new ${res}(0, ${o}.a0)) : new ${res}(1, ${t}))`;
      }
      case 'Result.map_err': { const f = fn(0); return `(${o}.t === 1 ? new ${res}(1, ${call(f, [`${o}.a0`])}) : ${o})`; }
      case 'Result.ok': return `(${o}.t === 0 ? new ${some}(0, ${o}.a0) : ${none})`;
      case 'Result.err': return `(${o}.t === 1 ? new ${some}(0, ${o}.a0) : ${none})`;
    }
    return null;
  }
  if (owner === 'bool' && recvT.k === 'bool') {
    if (method === 'to_string') return `("" + ${o})`;
    if (method === 'clone') return o;
    return null;
  }
  if (owner === 'int' && recvT.k === 'int') {
    const n = recvT.name, wide = isWideInt(n), z = wide ? '0n' : '0';
    switch (method) {
      case 'to_string': return `("" + ${o})`;
      case 'clone': return o;
      case 'abs': return wide ? `(${o} < 0 ? $wneg(${o}, ${wideK(n)}) : ${o})` : wrapSmall(`(${o} < 0 ? -${o} : ${o})`, n);
      case 'min': { const b = h.tmp(); return `(${o} < (${b} = ${v(0)}) ? ${o} : ${b})`; }
      case 'max': { const b = h.tmp(); return `(${o} > (${b} = ${v(0)}) ? ${o} : ${b})`; }
      case 'clamp': { const lo = h.tmp(), hi = h.tmp(); return `(${o} < (${lo} = ${v(0)}) ? ${lo} : ${o} > (${hi} = ${v(1)}) ? ${hi} : ${o})`; }
      case 'pow': return `$ipow(${o}, ${v(0)}, ${jsStr(n)}, ${s})`;
    }
    void z;
    return null;
  }
  if (owner === 'float' && recvT.k === 'float') {
    const bits = recvT.bits;
    const r = (js: string) => roundFloat(js, bits);
    switch (method) {
      case 'to_string': return `$g(${o})`;
      case 'clone': return o;
      // as C's fabs (the sign of -0.0 cleared), fmin and fmax (a NaN operand gives the other one)
      case 'abs': return `(${o} <= 0 ? 0 - ${o} : ${o})`;
      case 'min': { const b = h.tmp(); return `(${o} < (${b} = ${v(0)}) || ${b} !== ${b} ? ${o} : ${b})`; }
      case 'max': { const b = h.tmp(); return `(${o} > (${b} = ${v(0)}) || ${b} !== ${b} ? ${o} : ${b})`; }
      case 'clamp': { const lo = h.tmp(), hi = h.tmp(); return `(${o} < (${lo} = ${v(0)}) ? ${lo} : ${o} > (${hi} = ${v(1)}) ? ${hi} : ${o})`; }
      case 'pow': return r(`(${o} ** ${v(0)})`);
      case 'sqrt': case 'floor': case 'ceil': case 'round': case 'trunc': return r(`${rtL(method as LibFn)}(${o})`);
      case 'is_nan': return `(${o} !== ${o})`;
    }
    return null;
  }
  return null;
}

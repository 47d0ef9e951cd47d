// Call emission: user functions and methods (monomorphized), contract dispatch, enum variant
// constructors, builtin functions/methods/statics (§4.4, §4.5, §5, §6) and foreign calls.
import type * as ast from '../syntax/ast';
import { libMethod, type LibHost } from './lib-methods';
import type { Type } from '../sema/types';
import type { FnInfo } from '../sema/typed';
import { typeName, isWideInt, intBits, intSigned, subst, typeEq, dropRunsUser, envOf } from '../sema/types';
import { typeKey } from './typedesc';
import { ExprEmitter, unsupported, detachedCall, returnsDetached, holdsRef, operands, operandsAfter, isPlace, type E, type Operands } from './expr';
import { eqGlueJs } from './eq-glue';
import { cloneJs, cloneIsCopy, cloneInTwin, glueUserClones } from './clone-glue';
import { isCopy } from '../sema/infer';
import { jsStr, isCellRef, isObjectLike, derefAll, cellOfValue } from './names';
import { taskName } from './task-name';
import { displayName } from '../sema/module-names';
import { primKey } from '../sema/extends';
import { OPTION, RESULT, RUNTIME_STATS, SEQ_READ_ONLY, SEQ_TO_VEC } from '../sema/prelude';
import { keyArg } from './keys';
import { markCall, noteCall, noteIndirectCall, twinName, unmarked } from './deep';
import { RT, rtH, rtL, rtS, rtX } from './rt-names';
import { vecKindOf } from '../../common/vec-kinds';
import { callTarget, checkedCall, exprInfo } from '../sema/tables';

const isFuture = (t: Type): boolean => t.k === 'builtin' && t.name === 'Future';

/** Pure libm functions taking and returning doubles: called through `$lm` without a context. */
export const LIBM_FAST: ReadonlySet<string> = new Set(['sqrt', 'cbrt', 'pow', 'sin', 'cos', 'tan', 'atan', 'atan2', 'exp', 'log', 'log10', 'floor', 'ceil', 'fabs', 'fmod', 'round', 'trunc', 'hypot',
  'asin', 'acos', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'exp2', 'log2', 'copysign', 'erf', 'erfc', 'tgamma', 'lgamma']);

/** Builtin accessors handing out an element by value (movedOutElement). */
/** An array's or slice's methods handing out an element it keeps owning (§5.2). */
const SEQ_ACCESSORS = new Set(['get', 'first', 'last', 'find']);
const MOVE_OUT_ACCESSORS = new Set(['Vec.get', 'Vec.first', 'Vec.last', 'Vec.find', 'Map.get', 'Box.get', 'array.get', 'array.first', 'array.last', 'array.find']);

/** Methods a builtin may call on the values it holds (`contains`, `sort`, `max`, `clone`). */
const USER_OPS = ['op==', 'op!=', 'op<', 'op<=', 'op>', 'op>=', 'clone'];

export abstract class CallEmitter extends ExprEmitter {
  /** Does t hold values of a user type with its own ==, ordering or clone() (user code a builtin
   *  method on t may run)? `seen`: types on the way. */
  protected userOps(t: Type, seen: Set<string>): boolean {
    const key = typeKey(t);
    if (seen.has(key)) return false;
    seen.add(key);
    switch (t.k) {
      case 'struct': case 'enum': {
        const ms = this.m.methods.get(t.info);
        if (ms && USER_OPS.some((n) => ms.has(n))) return true;
        // the derived ones run the parts' (`Option<P>`, a struct with a `P` field)
        const env = envOf(t.info.generics, t.args, t.info.name);
        const parts = t.k === 'struct' ? t.info.fields.map((f) => f.type) : t.info.variants.flatMap((v) => v.fields);
        return parts.some((p) => this.userOps(subst(p, env), seen));
      }
      case 'tuple': return t.elems.some((x) => this.userOps(x, seen));
      case 'array': case 'slice': return this.userOps(t.elem, seen);
      case 'builtin': return t.args.some((x) => this.userOps(x, seen));
      case 'ref': return this.userOps(t.inner, seen);
      default: return false;
    }
  }

  /** `x.clone()` of the value `v` through the clone glue: a call of the user's clone() when some
   *  part of t has one, so this frame's call site is recorded (its backtrace line) as for a call. */
  private cloneCall(e: ast.ExprOf<'call'>, v: string, t: Type): string {
    const js = this.cloneOf(v, t, this.site(e.span));
    return this.userOps(t, new Set()) ? `(${this.at(e.span)}, ${js})` : js;
  }
  /** The clone of `v`: the glue's calls of user clone()s are this function's calls (a recursive
   *  clone() through Option/Box/Vec gets a twin, deep.ts), made as heap frames in a twin. */
  private cloneOf(v: string, t: Type, site: number): string {
    for (const inst of glueUserClones(this.m, t)) noteCall(this.m, inst);
    return (this.deepTwins && cloneInTwin(this.m, v, t, site, this.deepTwins)) || cloneJs(this.m, v, t, site);
  }

  /** Emit args, writing the call site right before the call happens (after the args ran). */
  private withSite(span: ast.Span, args: string[]): string[] {
    const at = this.at(span);
    if (!args.length) return [`${at}, undefined`].slice(1);
    const out = args.slice();
    out[out.length - 1] = `(${at}, ${out[out.length - 1]})`;
    return out;
  }
  private siteCall(span: ast.Span, callee: string, args: string[]): string {
    if (!args.length) return `(${this.at(span)}, ${callee}())`;
    return `${callee}(${this.withSite(span, args).join(', ')})`;
  }

  /** Arguments for a user function's declared parameters: defaults, variadics, copies (after the
   *  operands in `ops` already: a method's receiver). */
  userArgs(fn: FnInfo, args: E[], ops: Operands = operands()): string[] {
    const ps = fn.params;
    for (let i = 0; i < ps.length; i++) {
      const p = ps[i];
      if (p.variadic) {
        // the callee only borrows them (`xs: ...T` is a `&[T]`): arguments that own something
        // are the statement's temporaries, dropped when it ends
        const st = this.ty(p.type), et = st.k === 'slice' ? st.elem : st;
        this.takeOperand(ops, () => `new ${RT.VSlice}([${args.slice(i).map((a) => this.ownTemp(this.copyVal(a), et, a.span)).join(', ')}], 0, ${args.length - i})`, null, args.slice(i));
        return this.settle(ops);
      }
      const pt = this.ty(p.type);
      if (i < args.length) this.takeOperand(ops, () => this.argFor(args[i], pt), isCellRef(pt) ? null : { t: this.effType(args[i]), span: args[i].span }, [args[i]]);
      else if (p.hasDefault) {
        const d = fn.decl?.params.find((dp) => dp.name === p.name)?.default;
        this.takeOperand(ops, () => (d ? this.expr(d) : 'undefined'), null, d ? [d] : []);
      } else this.takeOperand(ops, () => 'undefined', null, []);
    }
    return this.settle(ops);
  }
  argFor(a: E, pt: Type): string {
    if (isCellRef(pt)) return this.expr(a);
    return this.copyVal(a);
  }

  /** Call a function instance, honouring suspendable (generator) and async functions. */
  callInstance(fn: FnInfo, typeArgs: Type[], args: string[], span: ast.Span): string {
    const inst = this.m.instance(fn, typeArgs, span);
    noteCall(this.m, inst);
    if (this.deepTwins?.has(inst.name)) return `(yield ${this.siteCall(span, twinName(inst.name), args)})`;
    const c = this.siteCall(span, inst.name, args);
    if (fn.isAsync) return this.startAsync(c, jsStr(displayName(fn.name)), span);
    if (inst.isGen) return this.isGen ? `(yield* ${c})` : `${rtS('drive')}(${c})`;
    if (this.isGen && fn.decl?.body) return markCall(this.m, inst.name, c, this.deepForm(span, inst.name, args, false));
    return c;
  }
  /** In suspendable code, a call of `plain` that past ASYNC_NEST nested async starts yields the
   *  generator its twin makes instead, for the scheduler to run as a heap frame (scheduler.ts
   *  chain): a recursion through async fns and plain functions stays off the host stack. Through
   *  a fn value (`value`: `plain` is the callee's JS), the value's `$d` makes what is yielded: a
   *  twin's generator, or an async fn's StartFrame (scheduler.ts asyncFn). The arguments are
   *  written twice: the yielding branch's without marks (calls in them are plain there), so the
   *  text does not double with each enclosing such call. */
  private deepForm(span: ast.Span, plain: string, args: string[], value: boolean): string {
    let pre = '';
    const hold = (a: string) => {
      if (/^[\w$]+$/.test(a)) return a;
      const t = this.tmp();
      pre += `${t} = ${a}, `;
      return t;
    };
    const f = value ? hold(plain) : plain;
    if (value) args = args.map(hold);
    const deep = value ? `${rtS('deep')} && ${f}.$d` : rtS('deep');
    const twin = value ? `${f}.$d` : twinName(plain);
    const call = this.siteCall(span, f, args);
    return `(${pre}${deep} ? (yield ${this.siteCall(span, twin, args.map(unmarked))}) : ${value ? `(yield* $callv(${call}))` : call})`;
  }

  call(written: ast.ExprOf<'call'>): string {
    const e = checkedCall(written), t = callTarget(e);
    if (!t) return unsupported('unresolved call');
    switch (t.k) {
      case 'fn': {
        const targs = t.typeArgs.map((x) => this.ty(x));
        return this.callInstance(t.fn, targs, this.userArgs(t.fn, e.args), e.span);
      }
      case 'method': return this.methodCall(e, t.fn, t.typeArgs.map((x) => this.ty(x)));
      case 'contract-method': {
        if (e.callee.kind !== 'member') return unsupported('contract call shape');
        const rt = derefAll(this.effType(e.callee.object));
        if (t.isStatic) return this.contractStatic(e, t.method, rt);
        if (rt.k !== 'struct' && rt.k !== 'enum') return this.builtinContractMethod(e, t.method, rt);
        const f = t.sig ? this.overloadFor(rt, t.contract, t.method, t.sig) : this.m.methods.get(rt.info)?.get(t.method);
        // `Clone`'s default body: a type that lists `impl Clone` without writing `clone()`
        if (!f && t.method === 'clone') return this.cloneCall(e, this.val(e.callee.object), rt);
        if (!f) return unsupported(`method ${t.method} of ${typeName(rt)}`);
        return this.methodCall(e, f, t.sig ? this.methodTypeArgs(f, rt.args, e.args) : rt.args);
      }
      case 'variant': return this.newVariant(this.ty(t.enumType), t.variant, e.args);
      case 'builtin': return this.builtin(e, t.name);
      case 'builtin-method': {
        // a builtin that calls back into Vex (`v.map(f)`, `o.and_then(f)`): its site is this
        // frame's call site, so a panic in the callback has this line in its backtrace (the
        // frame's last call before it was shown)
        // (so does one on a container whose values' drop runs user code: `v.clear()`, `m.remove(k)`)
        const js = this.builtinMethod(e, t.owner, t.method);
        // (and one on values whose ==, ordering or clone() is user code: `v.contains(x)`, `v.sort()`)
        const recv = e.callee.kind === 'member' ? derefAll(this.effType(e.callee.object)) : null;
        const callsBack = e.args.some((a) => derefAll(this.effType(a)).k === 'fn') ||
          (recv !== null && (dropRunsUser(recv) || this.userOps(recv, new Set())));
        return callsBack ? `(${this.at(e.span)}, ${js})` : js;
      }
      case 'builtin-static': return this.builtinStatic(e, t.owner, t.method);
      case 'extern': {
        const cname = displayName(t.fn.name).replace(/^[^·]*·/, ''); // a module's extern `math·sin` / `utilːsin` links `sin`
        if (!t.fn.variadic && LIBM_FAST.has(cname) && t.fn.params.every((p) => p.k === 'float')) {
          this.m.libm.add(cname);
          return `$lm_${cname}(${this.ordered(e.args, (a) => this.val(a)).join(', ')})`;
        }
        const nFixed = t.fn.params.length;
        const all = this.ordered(e.args, (a) => this.val(a));
        const fixed = all.slice(0, nFixed);
        const va = e.args.slice(nFixed).map((a, i) => {
          const vt = derefAll(t.varargTypes[i] ? this.ty(t.varargTypes[i]) : this.effType(a));
          return `[${jsStr(cargKind(vt))}, ${all[nFixed + i]}]`;
        });
        // a string literal is a str the program wrote, passed as a pointer to its bytes
        this.m.ffiSites[this.site(e.span)] = { args: e.args.map((a) => (a.kind === 'string' ? 'str' : displayName(typeName(this.effType(a))))), ret: displayName(typeName(t.fn.ret)) };
        return `(${this.at(e.span)}, ${rtH('ffi')}(${jsStr(cname)}, [${fixed.join(', ')}], [${va.join(', ')}], ${this.site(e.span)}))`;
      }
      case 'value': {
        noteIndirectCall(this.m);
        // the callee, then the arguments, left to right (each made first when a later one hoists)
        const ops = operandsAfter(this.val(e.callee), null, false);
        for (const a of e.args) this.takeOperand(ops, () => this.copyVal(a), { t: this.effType(a), span: a.span }, [a]);
        const [f, ...args] = this.settle(ops);
        if (this.deepTwins) {
          // in a deep twin: a function with a twin (deep.ts) runs as heap frames too
          const fv = this.simple(f);
          return `(${fv}.$d ? (yield ${this.siteCall(e.span, `${fv}.$d`, args)}) : ${this.siteCall(e.span, fv, args)})`;
        }
        const fv = /^[\w$.]+$/.test(f) ? f : `(${f})`;
        // an async fn value, or a recursive plain function's, which may start one (deepForm)
        if (this.isGen && isFuture(this.typeOf(e))) return this.deepForm(e.span, f, args, true);
        const c = this.siteCall(e.span, fv, args);
        return this.isGen ? `(yield* $callv(${c}))` : c;
      }
    }
  }

  /** `T.default()` / `T.from(v)` / `T.make(…)` in a generic body, T now known: the type's own
   *  `fn S.name`, or for a built-in `Default` implementor its empty value (chapter 2 §3.7). */
  /** The method of instance type `rt` implementing the overloaded contract member with parameters
   *  `sig` (`Self` replaced by `rt`): the one with the same parameter types. */
  overloadFor(rt: Extract<Type, { k: 'struct' | 'enum' }>, contract: string, method: string, sig: Type[]): FnInfo | undefined {
    const set = this.m.methodSets.get(rt.info)?.get(method) ?? [];
    const env = new Map<string, Type>([[`${contract}.Self`, rt]]);
    const want = sig.map((p) => subst(p, env));
    // a parameter of the member's own type parameter (`fn put<U>(u: U)`) matches the implementation's
    const fits = (a: Type, b: Type) => typeEq(a, b) || (b.k === 'param' && b.owner === `${contract}.${method}` && a.k === 'param');
    const same = (f: FnInfo) => f.params.length === want.length && f.params.every((p, i) => fits(p.type, want[i]));
    return set.find(same) ?? set.find((f) => f.params.length === want.length) ?? set[0];
  }

  /** Type arguments of a method picked for a contract call: the owner's, then the method's own
   *  generics from the arguments passed where a parameter is exactly that generic. */
  methodTypeArgs(f: FnInfo, ownerArgs: Type[], args: ast.Expr[]): Type[] {
    return f.typeParams.map((p, i) => {
      if (i < ownerArgs.length) return ownerArgs[i];
      const at = f.params.findIndex((x) => x.type.k === 'param' && p.k === 'param' && x.type.name === p.name && x.type.owner === p.owner);
      return at >= 0 && args[at] ? this.effType(args[at]) : { k: 'error' };
    });
  }

  contractStatic(e: ast.ExprOf<'call'>, method: string, t: Type): string {
    if (t.k === 'struct' || t.k === 'enum') {
      const f = this.m.methods.get(t.info)?.get('static:' + method);
      if (!f) return unsupported(`static method ${method} of ${typeName(t)}`);
      return this.callInstance(f, t.args, this.userArgs(f, e.args), e.span);
    }
    if (method !== 'default') return unsupported(`static method ${method} of ${typeName(t)}`);
    switch (t.k) {
      case 'int': return isWideInt(t.name) ? '0n' : '0';
      case 'float': return '0';
      case 'bool': return 'false';
      case 'str': return '""';
      case 'builtin':
        if (t.name === 'Vec' || t.name === 'Map' || t.name === 'Set' || t.name === 'String') return this.builtinStatic(e, t.name, 'new');
    }
    return unsupported(`Default for ${typeName(t)}`);
  }

  /** A prelude contract's method on a built-in implementor (a generic body with `T = i32`). */
  builtinContractMethod(e: ast.ExprOf<'call'>, method: string, t: Type): string {
    if (e.callee.kind !== 'member') return unsupported('contract call shape');
    // §7.7: a default method a primitive got from `i32 extends C;` is the function `i32.m(self, …)`
    const key = primKey(t);
    const ext = key ? this.m.prog.fns.find((f) => f.name === `${key}.${method}` && f.decl?.params[0]?.name === 'self') : undefined;
    if (ext) return this.callInstance(ext, [], [this.val(e.callee.object), ...e.args.map((a) => this.copyVal(a))], e.span);
    const v = this.val(e.callee.object);
    const arg = () => this.val(e.args[0]);
    switch (method) {
      case 'to_string': return this.displayJs(v, t);
      case 'debug': return `${RT.debug}(${v}, ${this.m.td(t)})`;
      case 'clone': return this.cloneCall(e, v, t);
      case 'compare': case 'cmp': {
        const a = this.tmp(), b = this.tmp();
        this.pre.push(`${a} = ${v}; ${b} = ${arg()};`);
        return `(${a} < ${b} ? -1 : ${a} > ${b} ? 1 : 0)`;
      }
      case 'op==': return this.eq(v, arg(), t);
      case 'op!=': return `!${this.eq(v, arg(), t)}`;
      case 'op<': case 'op<=': case 'op>': case 'op>=': return `(${v} ${method.slice(2)} ${arg()})`;
    }
    return unsupported(`contract method ${method} on ${typeName(t)}`);
  }

  methodCall(e: ast.ExprOf<'call'>, fn: FnInfo, typeArgs: Type[]): string {
    if (e.callee.kind !== 'member') return unsupported('method call shape');
    const obj = e.callee.object;
    const rtype = fn.receiverType ? this.ty(fn.receiverType) : null;
    let recv: string;
    if (rtype && isCellRef(rtype)) {
      // a shared receiver lives for the call only: a cell of its value (`~Dir.North` has no place)
      recv = isCellRef(this.effType(obj)) ? this.expr(obj)
        : rtype.k === 'ref' && !rtype.mut ? cellOfValue(this.val(obj))
        : this.refTo(obj, true);
    } else {
      // a borrowing receiver made by the call itself (`make().name_len()`) is a temporary
      const resT = this.ty(this.typeOf(e));
      // an owned result holding no reference cannot be a part of the receiver: moving out of
      // `&self` is E0175, so the temporary is dropped with the statement (issue #9 item 12)
      recv = rtype && rtype.k === 'ref' ? this.tempVal(obj, returnsDetached(fn) || !holdsRef(resT) ? null : resT) : this.val(obj);
      if (rtype && rtype.k !== 'ref' && derefAll(rtype).k === 'array') recv = `$copy(${recv})`;
    }
    // a by-value receiver is the first operand the callee takes
    const ot = this.effType(obj);
    // (a borrowed receiver made by the call, `mkh().peek(collect())`, is a GC root while the
    // arguments are made as a by-value one is: the collection freed what it held)
    const gcRecv = rtype !== null && (rtype.k !== 'ref' ? ot.k !== 'ref' && this.m.mayHoldGc(ot) : !isCellRef(rtype) && !isPlace(obj) && this.m.mayHoldGc(derefAll(ot)));
    const ops = operandsAfter(recv, rtype && rtype.k !== 'ref' && ot.k !== 'ref' && this.m.needsDrop(ot) ? { t: ot, span: obj.span } : null, gcRecv);
    return this.callInstance(fn, typeArgs, this.userArgs(fn, e.args, ops), e.span);
  }

  // ------------------------------------------------------------ builtin functions
  builtin(e: ast.ExprOf<'call'>, name: string): string {
    // arguments left to right when a later one hoists statements (pinArgs, as builtin methods')
    const pins = this.pinArgs(e.args);
    try { return this.builtinOf(e, name); } finally { this.unpin(pins); }
  }
  private builtinOf(e: ast.ExprOf<'call'>, name: string): string {
    const a = e.args;
    const s = this.site(e.span);
    switch (name) {
      case 'println': case 'print': {
        const nl = name === 'println' ? '\\n' : '';
        if (!a.length) return `${RT.out}("${nl}")`;
        // the text is built by rt.host.cat: a line longer than any string fails as an allocation
        return `${RT.out}(${rtH('cat')}([${this.formatArgs(a)}${nl ? ', "\\n"' : ''}], ${s}))`;
      }
      case 'assert': {
        const c = this.val(a[0]);
        const msg = a[1] ? `"assertion failed: " + ${this.display(a[1])}` : '"assertion failed"';
        return `(${c} || ${RT.panic}(${msg}, ${s}), undefined)`;
      }
      case 'assert_eq': {
        const t = derefAll(this.effType(a[0]));
        const l = this.simple(this.val(a[0]));
        const r = this.simple(this.val(a[1]));
        return `(${this.eq(l, r, t)} || ${RT.panic}(${rtH('cat')}(["assertion failed: left == right (left: ", ${this.displayJs(l, t)}, ", right: ", ${this.displayJs(r, t)}, ")"], ${s}), ${s}), undefined)`;
      }
      case 'panic': return `${RT.panic}(${a.length ? this.display(a[0]) : '"explicit panic"'}, ${s})`;
      case 'unreachable': return `${RT.panic}("entered unreachable code", ${s})`;
      case 'catch_panic': {
        const f = this.val(a[0]);
        const res = this.m.enumClass(RESULT);
        return `(${this.at(e.span)}, ${RT.catchPanic}(${this.syncFn(a[0], f)}, ${s}, (t, v) => new ${res}(t, v)))`;
      }
      case 'sizeof': case 'alignof': {
        const t = a.length ? derefAll(this.effType(a[0])) : this.typeArgOf(e);
        if (!t) return unsupported(`${name} without a type`);
        const l = this.m.prog.layoutOf(t);
        return `${name === 'sizeof' ? l.size : l.align}`;
      }
      case 'stack_size': return `$wnum(${RT.stackBytes})`;
      case 'likely': case 'unlikely': return this.val(a[0]);
      case 'assume': return `(${this.val(a[0])} || ${rtH('call')}("assume", [], ${s}))`;
      case 'ctlz': case 'cttz': case 'ctpop': case 'bswap': case 'bitreverse': {
        // the runtime computes on BigInt over the operand's width; the result has the operand's type
        const t = derefAll(this.effType(a[0]));
        if (t.k !== 'int') return unsupported(`${name} of a non-integer`);
        const r = `${rtH('call')}(${jsStr(name)}, [${this.val(a[0])}, ${intBits(t.name)}, ${intSigned(t.name)}], ${s})`;
        return isWideInt(t.name) ? r : `$Number(${r})`;
      }
      case 'go_with_stack': {
        const bytes = this.val(a[0]);
        const fjs = this.val(a[1]);
        const isGen = !!exprInfo(a[1])?.closure?.mayBlock;
        return `(${this.at(e.span)}, ${rtS('go')}(${fjs}, ${isGen}, $Number(${bytes}), ${s}, ${jsStr(taskName(a[1]))}))`;
      }
      case 'block_on': return this.block_(`${rtS('await')}(${this.val(a[0])}, ${s}, true${this.awaitRoots(a[0])})`);
      case 'sleep': return `${rtS('sleep')}($Number(${this.val(a[0])}) / 1000000)`; // the clock counts ms
      // (rounded: a clock advanced by fractions of a ms, time.sleep's ns, is a sum of those in floats)
      case 'vex_clock_ns': return `$wnum($floor(${rtS('clock')} * 1000000 + 0.5))`;
      case 'vex_duration_ns': return `${rtH('dur')}(${this.val(a[0])}, 1, "from_nanos", ${s})`;
      case 'string_from': return `$newString(${this.val(a[0])}, ${s})`;
      case 'string_with_capacity': return `$newString("", ${s}).reserve(${this.val(a[0])}, ${s})`;
      case 'vec_new': return this.newVec(derefAll(this.typeOf(e)));
      case 'set_allocator': case 'set_global_allocator': {
        const at = derefAll(this.effType(a[0]));
        const o = this.expr(a[0]);
        if (at.k === 'struct' && at.info.decl) {
          const ms = this.m.methods.get(at.info);
          const al = ms?.get('allocate'), de = ms?.get('deallocate');
          if (al && de) {
            const ai = this.m.instance(al, at.args), di = this.m.instance(de, at.args);
            return `${rtH('setAllocator')}(${o}, ${ai.name}, ${di.name}, ${jsStr(at.info.name)})`;
          }
        }
        return `${rtH('setAllocator')}(${o})`;
      }
      case 'runtime_stats': return `new ${this.m.structClass(RUNTIME_STATS)}(...${rtH('stats')}())`;
      default:
        // memory, allocators, signals, heap profile, gc: runtime library entry points
        return `(${this.at(e.span)}, ${rtH('call')}(${jsStr(name)}, [${a.map((x) => this.expr(x)).join(', ')}], ${s}))`;
    }
  }

  /** `sizeof<T>()`: T as the checker resolved it (ExprInfo.typeArgs, substituted for this
   *  instance); the written type is resolved here only when the checker did not record it. */
  private typeArgOf(e: ast.ExprOf<'call'>): Type | null {
    const resolved = exprInfo(e)?.typeArgs?.[0];
    if (resolved && resolved.k !== 'error') return this.ty(resolved);
    const te = e.typeArgs?.[0] ?? (e.callee.kind === 'ident' ? e.callee.typeArgs?.[0] : undefined);
    return te ? this.resolveTypeExpr(te) : null;
  }
  resolveTypeExpr(te: ast.TypeExpr): Type | null {
    const P = this.m.prog;
    switch (te.kind) {
      case 'named': {
        const n = te.name;
        if (/^[iu](8|16|32|64|128)$/.test(n)) return { k: 'int', name: n as 'i32' };
        if (n === 'usize') return { k: 'int', name: 'u64' };
        if (n === 'isize') return { k: 'int', name: 'i64' };
        if (n === 'byte') return { k: 'int', name: 'u8' };
        if (n === 'f32' || n === 'f64') return { k: 'float', bits: n === 'f32' ? 32 : 64 };
        if (n === 'bool') return { k: 'bool' };
        const args = te.args.map((a) => this.resolveTypeExpr(a)).filter((x): x is Type => !!x);
        const st = P.structs.find((x) => x.name === n);
        if (st) return { k: 'struct', info: st, args };
        const en = P.enums.find((x) => x.name === n);
        if (en) return { k: 'enum', info: en, args };
        const g = this.env.get(n) ?? [...this.env.entries()].find(([k]) => k.endsWith('.' + n))?.[1];
        return g ?? null;
      }
      case 'ptr': case 'ref': { const inner = this.resolveTypeExpr(te.inner); return inner ? { k: te.kind, inner, mut: te.mut } : null; }
      case 'array': {
        const elem = this.resolveTypeExpr(te.elem);
        const n = te.size.kind === 'int' ? Number(te.size.value) : Number(exprInfo(te.size)?.constValue ?? 0);
        return elem ? { k: 'array', elem, len: n } : null;
      }
      default: return null;
    }
  }

  /** A JS function that runs a closure/fn value synchronously (driving it if it is a generator). */
  syncFn(arg: E, js: string): string {
    if (exprInfo(arg)?.closure?.mayBlock) return `() => ${rtS('drive')}((${js})())`;
    return js;
  }

  /** Format-mode or list-mode pieces of print/println arguments (§5.1), comma-separated JS. */
  formatArgs(a: E[]): string {
    const first = a[0];
    if (first.kind === 'string' && first.value.includes('{')) {
      const parts: string[] = [];
      const text = first.value;
      let lit = '';
      let argi = 1;
      for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '{' && text[i + 1] === '{') { lit += '{'; i++; continue; }
        if (c === '}' && text[i + 1] === '}') { lit += '}'; i++; continue; }
        if (c === '{') {
          const close = text.indexOf('}', i);
          const inner = text.slice(i + 1, close);
          const spec = inner.startsWith(':') ? inner.slice(1) : '';
          if (lit) parts.push(jsStr(lit));
          lit = '';
          const arg = a[argi++];
          if (arg) parts.push(this.after(parts, () => this.displaySpec(arg, spec)));
          i = close;
          continue;
        }
        lit += c;
      }
      if (lit) parts.push(jsStr(lit));
      return parts.length ? parts.join(', ') : '""';
    }
    return this.ordered(a, (x) => this.display(x)).join(', " ", ');
  }

  /** A Vec's element size, alignment and storage kind for elements of type `elem` (none: 8, 8, 0). */
  vecLayout(elem: Type | null): { size: number; align: number; kind: number } {
    let size = 8, align = 8;
    if (elem) {
      try { const l = this.m.prog.layoutOf(elem); size = l.size || size; align = l.align || align; } catch { /* keep defaults */ }
    }
    return { size, align, kind: elem ? vecKind(elem) : 0 };
  }

  newVec(t: Type): string {
    const { size, align, kind } = this.vecLayout(t.k === 'builtin' && t.args[0] ? t.args[0] : null);
    return kind ? `new ${RT.VVec}(${size}, ${align}, undefined, ${kind})` : `new ${RT.VVec}(${size}, ${align})`;
  }

  // ------------------------------------------------------------ builtin statics
  builtinStatic(e: ast.ExprOf<'call'>, owner: string, method: string): string {
    const a = e.args;
    const s = this.site(e.span);
    const t = derefAll(this.typeOf(e));
    switch (`${owner}.${method}`) {
      case 'Vec.new': return this.newVec(t);
      case 'String.new': case 'String.from': return `$newString(${a.length ? this.val(a[0]) : '""'}, ${s})`;
      case 'String.withCapacity': case 'String.with_capacity': return `$newString("", ${s}).reserve(${this.val(a[0])}, ${s})`;
      case 'Map.new': return `new ${RT.VMap}(${this.tableEntry(t).join(', ')})`;
      case 'Set.new': return `new ${RT.VSet}(${this.tableEntry(t).join(', ')})`;
      case 'Box.new': return `$box(${this.copyVal(a[0])}, ${s})`;
      case 'Gc.new': {
        const et = t.k === 'builtin' ? t.args[0] : null;
        return `${rtH('gc')}(${this.copyVal(a[0])}, ${s}, ${et && this.m.needsDrop(et) ? this.m.dropFn(et) : 'null'})`;
      }
      case 'DynamicLib.open': return `${rtH('dlopen')}(${this.val(a[0])}, (t, v) => new ${this.m.enumClass(RESULT)}(t, v))`;
      case 'Channel.new': {
        // an element type that needs drop: what is still buffered when the run ends is dropped
        // (the scheduler numbers its channels: their identity as Map keys)
        const cap = a.length ? `$Number(${this.val(a[0])})` : '0';
        const et = t.k === 'builtin' ? t.args[0] : null;
        // (and its element size: the slots of a buffer that grows big are charged to the heap limit)
        const esize = this.vecLayout(et).size, roots = !et || this.m.mayHoldGc(et);
        return `${rtS('channel')}(${cap}, ${et && this.m.needsDrop(et) ? this.m.dropFn(et) : 'null'}${esize !== 8 || !roots ? `, ${esize}` : ''}${roots ? '' : ', false'})`;
      }
      // a Duration is its exact nanoseconds, a u64 (number while safe, else BigInt)
      // (the common case, a small count, multiplied in place; the host call checks the rest)
      case 'Duration.from_secs': case 'Duration.from_millis': {
        const t = this.tmp(), unit = method === 'from_secs' ? 1e9 : 1e6;
        return `(typeof (${t} = ${this.val(a[0])}) === 'number' && ${t} >= 0 && ${t} <= ${Math.floor(Number.MAX_SAFE_INTEGER / unit)} ? ${t} * ${unit} : ${rtH('dur')}(${t}, ${unit}, "${method}", ${s}))`;
      }
      default:
        return `${rtH('callStatic')}(${jsStr(owner + '.' + method)}, [${a.map((x) => this.expr(x)).join(', ')}], ${s})`;
    }
  }

  // ------------------------------------------------------------ builtin methods
  /** `o.get(i)` / `first()` / `last()` / `m.get(k)` / `b.get()` on a temporary `o` the statement
   *  owns: the element is taken and MOVED_OUT left in its place (the temporary's drop skips it). */
  private movedOutElement(which: string, o: string, e: ast.ExprOf<'call'>, s: number): string {
    const t = this.tmp(), i = this.tmp();
    const some = this.m.enumClass(OPTION);
    switch (which) {
      case 'Vec.get': return `(${i} = ${this.val(e.args[0])}, ${t} = $aget(${o}.a, ${i}, ${s}), ${o}.a[$Number(${i})] = $MV, ${t})`;
      case 'Vec.first': case 'Vec.last': case 'array.first': case 'array.last': {
        const a = which.startsWith('array') ? o : `${o}.a`; // an array is its JS array of elements
        return `(${a}.length === 0 ? ${this.m.unitVariant(OPTION, 1)} : (${i} = ${which.endsWith('first') ? '0' : `${a}.length - 1`}, ${t} = ${a}[${i}], ${a}[${i}] = $MV, new ${some}(0, ${t})))`;
      }
      case 'array.get': return `(${i} = ${this.val(e.args[0])}, ${t} = $aget(${o}, ${i}, ${s}), ${o}[$Number(${i})] = $MV, ${t})`;
      case 'Vec.find': case 'array.find': { // the first element the predicate accepts
        const a = which.startsWith('array') ? o : `${o}.a`, f = this.simple(this.val(e.args[0]));
        return `(${i} = Array.prototype.findIndex.call(${a}, (x) => ${f}(x)), ${i} < 0 ? ${this.m.unitVariant(OPTION, 1)} : (${t} = ${a}[${i}], ${a}[${i}] = $MV, new ${some}(0, ${t})))`;
      }
      case 'Map.get': {
        const mt = derefAll(this.effType((e.callee as ast.ExprOf<'member'>).object));
        return `(${i} = ${this.lookupKey(e.args[0], mt.k === 'builtin' ? mt.args[0] : undefined, o)}, ${t} = $mget(${o}, ${i}, ${s}), ${o}.m.set(${i}, $MV), ${t})`;
      }
      default: return `$take(${o})`; // Box.get: the block is freed, the content is the new owner's
    }
  }

  builtinMethod(e: ast.ExprOf<'call'>, owner: string, method: string): string {
    if (e.callee.kind !== 'member') return unsupported('builtin method shape');
    const objE = e.callee.object;
    // a receiver made by the call that may hold a Gc handle is a GC root while the method runs:
    // its arguments or the closure it calls may collect (`mk().map(|g| { gc_collect(); … })`
    // freed the elements not yet visited)
    if (isPlace(objE) || !this.m.mayHoldGc(derefAll(this.effType(objE)))) return this.builtinMethodRecv(e, owner, method);
    const g = this.tmp(), r = this.tmp();
    this.gcTemps.push(g);
    this.pinRaw(objE, `(${g} = ${this.raw(objE)})`);
    try {
      return `(${r} = ${this.builtinMethodRecv(e, owner, method)}, ${g} = undefined, ${r})`;
    } finally { this.unpin([objE]); }
  }
  private builtinMethodRecv(e: ast.ExprOf<'call'>, owner: string, method: string): string {
    const objE = (e.callee as ast.ExprOf<'member'>).object;
    const a = e.args;
    const s = this.site(e.span);
    const rt_ = this.ty(this.typeOf(e));
    // an element handed out by value from a temporary receiver (`let s = make_strs().get(1);`):
    // moved out of it, so the rest of the temporary is dropped at the end of the statement
    const moveRoot = MOVE_OUT_ACCESSORS.has(`${owner}.${method}`) && this.m.needsDrop(rt_) ? this.moveOutRoot(objE) : null;
    if (moveRoot) return this.movedOutElement(`${owner}.${method}`, this.simple(this.ownedReceiver(moveRoot, objE)), e, s);
    // `words().filter(f)`: the new Vec owns the kept elements, the temporary the others
    const keeping = ((owner === 'Vec' && method === 'map') || ((owner === 'Vec' || owner === 'array') && method === 'filter')) && !detachedCall(e) ? this.ownReceiverKeeping(objE) : null;
    if (keeping && owner === 'array') { // `make_arr().filter(f)`, as a Vec's: the kept elements move into the new Vec
      const at = derefAll(this.effType(objE));
      const { size, align, kind } = this.vecLayout(at.k === 'array' ? at.elem : null);
      const view = this.simple(`{ esize: ${size}, ealign: ${align}, kind: ${kind}, a: ${this.simple(keeping.js)}, toArray() { return Array.from(this.a); } }`);
      return `(${keeping.res} = ${rtL('filter')}(${view}, ${this.val(a[0])}, undefined, ${s}))`;
    }
    if (keeping) {
      const js = libMethod(this as unknown as LibHost, e, owner, method, this.simple(keeping.js), s);
      if (js) return `(${keeping.res} = ${js})`;
    }
    // §5.2: an array's or slice's methods other than its accessors give what shares nothing with
    // its elements (copies, clones, a closure's results): a temporary receiver is dropped after,
    // unless the result may hold references (`map(|s| &s)`): then it is kept, as for a Vec
    const seq = owner === 'array' || owner === 'slice';
    // (so do a Vec's reduce/fold: the accumulator is the initial value or the closure's result)
    const folds = owner === 'Vec' && (method === 'reduce' || method === 'fold') && !holdsRef(rt_);
    const readsAs = detachedCall(e) || folds || (seq && !SEQ_ACCESSORS.has(method) && !holdsRef(rt_)) ? null : rt_;
    const o = this.simple(this.tempVal(objE, readsAs));
    const pins = this.pinArgs(a, true);
    try { return this.builtinMethodOn(e, owner, method, o, readsAs, seq); } finally { this.unpin(pins); }
  }
  private builtinMethodOn(e: ast.ExprOf<'call'>, owner: string, method: string, o: string, readsAs: Type | null, seq: boolean): string {
    const objE = (e.callee as ast.ExprOf<'member'>).object;
    const a = e.args;
    const s = this.site(e.span);
    const rt_ = this.ty(this.typeOf(e));
    // a temporary receiver is the statement's (dropped with it) unless the result may share it
    const stmtOwns = !readsAs || !this.m.needsDrop(readsAs);
    // §5.2: an array's or slice's read-only Vec methods run on a view of its elements
    if (seq && (SEQ_READ_ONLY.has(method) || SEQ_TO_VEC.has(method) || method === 'iter')) {
      const els = this.simple(owner === 'array' ? o : `${o}.a.slice(${o}.off, ${o}.off + ${o}.len)`);
      const seqT = derefAll(this.effType(objE));
      const elem = seqT.k === 'array' || seqT.k === 'slice' ? seqT.elem : null;
      // each element a non-Copy one is given as, where the result owns it: a clone (as Vec's)
      const cloneEl = elem && !cloneIsCopy(this.m, elem) ? `(x) => ${cloneJs(this.m, 'x', elem, s)}` : null;
      if (method === 'is_empty') return `(${els}.length === 0)`;
      if (method === 'iter') { // a VecIter (std-veciter.ts) owning a Vec of copies of the elements
        const it = this.ty(this.typeOf(e));
        if (it.k !== 'struct' || !elem) return unsupported(`${owner}.iter`);
        const { size, align, kind } = this.vecLayout(elem);
        // (a clone that panics drops the clones made before it)
        const copies = cloneEl ? `${rtL('cloned')}(Array.from(${els}), ${cloneEl}, ${s}${this.m.needsDrop(elem) ? `, ${this.m.dropFn(elem)}` : ''})` : `Array.from(${els})`;
        return `new ${this.m.structClass(it.info)}(new ${RT.VVec}(${size}, ${align}, ${copies}, ${kind}, ${s}))`;
      }
      // the value looked for is taken by value, as by Vec's (a moved one is dropped after)
      if (method === 'contains') return this.consumingKey(a[0], elem ?? undefined, (k) => `$contains(${els}, ${k}${this.userEq(elem, e.span)})`);
      // filter's new Vec takes the element layout from its receiver: the view carries a Vec's
      const lay = method === 'filter' && elem ? this.vecLayout(elem) : null;
      const like = lay ? `esize: ${lay.size}, ealign: ${lay.align}, kind: ${lay.kind}, ` : '';
      const view = this.simple(`{ ${like}a: ${els}, toArray() { return Array.from(this.a); } }`);
      if (method === 'index_of') return this.indexOf(view, a[0], elem ?? undefined, e.span);
      // the kept elements stay the receiver's: the new Vec holds clones of the non-Copy ones
      if (method === 'filter' && cloneEl) return `${rtL('filter')}(${view}, ${this.val(a[0])}, ${cloneEl}, ${s}${elem && this.m.needsDrop(elem) ? `, ${this.m.dropFn(elem)}` : ''})`;
      return libMethod(this as unknown as LibHost, e, 'Vec', method, view, s) ?? unsupported(`${owner}.${method}`);
    }
    const arg = (i: number) => this.copyVal(a[i]);
    const some = () => this.m.enumClass(OPTION);
    // compound Map/Set keys are looked up by their canonical string (see runtime VMap)
    const ot = derefAll(this.effType(objE));
    const ck = (owner === 'Map' || owner === 'Set') && ot.k === 'builtin' ? keyArg(this.m, ot.args[0]) : 'false';
    const byOps = ck === 'false' || ck === 'true' ? '' : `, ${ck}`; // (keys.ts: a user op==)
    // a looked-up key is only read: a temporary made for it is dropped with the statement
    const key = (i: number) => this.lookupKey(a[i], ot.k === 'builtin' ? ot.args[0] : undefined, o);
    const kt = ot.k === 'builtin' ? ot.args[0] : undefined;
    // container operations that replace or remove a value that needs a drop drop it (exactly once)
    const dropOf = (t: Type | undefined) => (t && this.m.needsDrop(t) ? this.m.dropFn(t) : null);
    const [dk, dv] = ot.k === 'builtin' ? [dropOf(ot.args[0]), dropOf(ot.args[1])] : [null, null];
    switch (`${owner}.${method}`) {
      case 'Map.insert': if (dk || dv) return `${rtX('$mput')}(${o}, ${this.val(a[0])}, ${arg(1)}, ${ck}, ${dk}, ${dv}, ${s})`; break;
      case 'Map.remove': if (dk || dv) return this.consumingKey(a[0], kt, (k) => `${rtX('$mtake')}(${o}, ${k}, ${ck}, ${dk}, ${dv})`); break;
      case 'Set.insert': if (dk) return `${rtX('$sput')}(${o}, ${arg(0)}, ${ck}, ${dk}, ${s})`; break;
      case 'Set.remove': if (dk) return this.consumingKey(a[0], kt, (k) => `${rtX('$stake')}(${o}, ${k}, ${ck}, ${dk})`); break;
      case 'Vec.clear': if (dk) return `${rtX('$dropAll')}(${o}.clear(true), ${dk})`; break;
      // the replaced element is dropped after the store (a panicking drop leaves the new one owned)
      case 'Vec.set': if (dk) { // (the new element is held while the index is checked: dropped if it fails)
        const i = this.tmp(), x = this.tmp(), old = this.tmp(), h = this.heldTemp(ot.k === 'builtin' ? ot.args[0] : ot, e.span);
        return `(${i} = ${this.val(a[0])}, ${h} = ${x} = ${arg(1)}, ${old} = $aget(${o}.a, ${i}, ${s}), ${h} = undefined, $aset(${o}.a, ${i}, ${x}, ${s}), ${dk}(${old}), undefined)`;
      } break;
      case 'Gc.set': if (dk) { const t = this.tmp(); return `(${t} = ${o}.v, ${o}.v = ${arg(0)}, ${dk}(${t}), undefined)`; } break;
      case 'Map.clear': case 'Set.clear': if (dk || dv) return `${rtX('$mclear')}(${o}, ${dk}, ${dv})`; break;
      // the standard module collections' own operations (prelude.ts): the key is moved in and consumed
      case 'Map.vex_put': return `${rtX('$mswap')}(${o}, ${this.val(a[0])}, ${arg(1)}, ${ck}, ${dk}, ${dv}, ${some()}, ${this.m.unitVariant(OPTION, 1)}, ${s})`;
      case 'Map.vex_take': return `${rtX('$mpull')}(${o}, ${this.val(a[0])}, ${ck}, ${dk}, ${some()}, ${this.m.unitVariant(OPTION, 1)})`;
      case 'Map.vex_cloned': {
        const vt = ot.k === 'builtin' ? ot.args[1] : undefined;
        const clone = vt && !cloneIsCopy(this.m, vt) ? `(v, s) => ${cloneJs(this.m, 'v', vt, 's')}` : 'null';
        return `${rtX('$mclone')}(${o}, ${this.val(a[0])}, ${ck}, ${dk}, ${clone}, ${some()}, ${this.m.unitVariant(OPTION, 1)}, ${s})`;
      }
      case 'Map.vex_has': case 'Set.vex_has': return `${rtX('$mhas')}(${o}, ${this.val(a[0])}, ${ck}, ${dk})`;
      case 'Set.vex_add': return `${rtX('$sswap')}(${o}, ${this.val(a[0])}, ${ck}, ${dk}, ${s})`;
      case 'Set.vex_del': return `${rtX('$spull')}(${o}, ${this.val(a[0])}, ${ck}, ${dk})`;
    }
    switch (`${owner}.${method}`) {
      case 'Clone.clone': return this.cloneOf(o, ot, s);
      case 'Vec.push': {
        if (ot.k !== 'builtin' || !ot.args[0] || vecKind(ot.args[0]) === 0) return `${o}.push(${arg(0)}, ${s})`;
        // a typed Vec with room (b is typed only from VEC_TYPED_AT on; a plain b holds exactly n):
        // the store inline, its feedback this site's own; growth and plain arrays go to push()
        const x = this.tmp();
        return `(${x} = ${arg(0)}, ${o}.n < ${o}.cap && ${o}.n < ${o}.b.length ? (${o}.b[${o}.n++] = ${x}, undefined) : ${o}.push(${x}, ${s}))`;
      }
      case 'Vec.get': return `$aget(${o}.a, ${this.val(a[0])}, ${s})`;
      case 'Vec.len': return `${o}.n`;
      case 'Vec.is_empty': return `(${o}.n === 0)`;
      case 'Vec.capacity': return `${o}.cap`;
      case 'Vec.clear': return `(${o}.clear(), undefined)`;
      case 'Vec.pop': return `(${o}.n ? new ${some()}(0, ${o}.pop()) : ${this.m.unitVariant(OPTION, 1)})`;
      // the value looked for is taken by value like a Map key (lookupKey): a moved one is dropped
      case 'Vec.contains': return this.consumingKey(a[0], kt, (k) => `$contains(${o}.a, ${k}${this.userEq(kt, e.span)})`);
      case 'Vec.index_of': return this.indexOf(o, a[0], kt, e.span);
      case 'array.len': return `${o}.length`;
      case 'array.get': return `$aget(${o}, ${this.val(a[0])}, ${s})`;
      case 'slice.get': return `$sget(${o}, ${this.val(a[0])}, ${s})`;
      case 'slice.len': return `${o}.len`;
      case 'String.len': return `${o}.blen`;
      case 'String.capacity': return `${o}.cap`; // the simulated buffer's size in bytes
      case 'String.push': {
        // `s.push(f"{i},")`: a two-piece f-string made, sized, traced and appended by one host call
        // (its length measured once, not noted for append to find: bench/strbuild's loop)
        const x = a[0];
        if (x.kind === 'fstring' && x.parts.length === 2 && x.parts.some((p) => p.kind === 'hole') && this.plainExpr(x) && !isCellRef(this.typeOf(x))) {
          const [p0, p1] = this.fstringPieces(x);
          return `${rtH('pushCat2')}(${o}, ${p0}, ${p1}, ${this.site(x.span)}, ${s})`;
        }
        return `${o}.append(${this.val(x)}, ${s})`;
      }
      case 'String.pushChar': { // a surrogate or a value past U+10FFFF is no code point
        const c = this.tmp();
        return `((${c} = ${this.val(a[0])}) > 0x10FFFF || (${c} >= 0xD800 && ${c} <= 0xDFFF) ? ${RT.panic}("invalid code point: " + ${c}, ${s}) : ${o}.append(String.fromCodePoint(${c}), ${s}))`;
      }
      case 'String.text': return `${o}.s`;
      case 'String.clone': return `$newString(${o}.s, ${s})`;
      case 'String.is_empty': return `(${o}.s.length === 0)`;
      case 'String.as_ptr': return `${rtH('cstr')}(${o}.s)`;
      case 'String.contains': return `${o}.s.includes(${this.val(a[0])})`;
      case 'String.startsWith': return `${o}.s.startsWith(${this.val(a[0])})`;
      case 'String.endsWith': return `${o}.s.endsWith(${this.val(a[0])})`;
      case 'String.upper': return `$newString(${o}.s.toUpperCase(), ${s})`;
      case 'String.lower': return `$newString(${o}.s.toLowerCase(), ${s})`;
      case 'String.trim': return `$newString(${rtH('trim')}(${o}.s), ${s})`;
      // replace can multiply the length: built by rt.host.cat (too long fails as an allocation)
      case 'String.replace': return `$newString(${rtH('cat')}(${rtL('replaceParts')}(${o}.s, ${this.val(a[0])}), ${s}, ${this.val(a[1])}), ${s})`;
      case 'str.len': return `${rtH('utf8Len')}(${o})`;
      case 'str.as_ptr': return `${rtH('cstr')}(${o})`;
      case 'str.contains': return `${o}.includes(${this.val(a[0])})`;
      case 'str.startsWith': return `${o}.startsWith(${this.val(a[0])})`;
      case 'str.endsWith': return `${o}.endsWith(${this.val(a[0])})`;
      // a new text from a `str` is an owned String, charged to the heap and freed when dropped
      case 'str.upper': return `$newString(${o}.toUpperCase(), ${s})`;
      case 'str.lower': return `$newString(${o}.toLowerCase(), ${s})`;
      case 'str.trim': return `$newString(${rtH('trim')}(${o}), ${s})`;
      case 'str.replace': return `$newString(${rtH('cat')}(${rtL('replaceParts')}(${o}, ${this.val(a[0])}), ${s}, ${this.val(a[1])}), ${s})`;
      case 'str.is_empty': return `(${o}.length === 0)`;
      case 'Map.insert': return ck !== 'false' ? `($mset(${o}, ${this.val(a[0])}, ${arg(1)}${byOps}), ${o}.fit(${s}))` : `(${o}.m.set(${this.val(a[0])}, ${arg(1)}), ${o}.fit(${s}))`;
      case 'Map.get': return `$mget(${o}, ${key(0)}, ${s})`;
      case 'Map.contains_key': return `${o}.m.has(${key(0)})`;
      case 'Map.remove': return ck !== 'false' ? `$mdel(${o}, ${this.val(a[0])}${byOps})` : `(${o}.m.delete(${this.val(a[0])}), undefined)`;
      case 'Map.len': return `${o}.m.size`;
      case 'Map.is_empty': return `(${o}.m.size === 0)`;
      case 'Set.insert': return ck !== 'false' ? `($sadd(${o}, ${this.val(a[0])}${byOps}), ${o}.fit(${s}))` : `(${o}.m.add(${this.val(a[0])}), ${o}.fit(${s}))`;
      case 'Set.contains': return `${o}.m.has(${key(0)})`;
      case 'Set.remove': return ck !== 'false' ? `$sdel(${o}, ${this.val(a[0])}${byOps})` : `(${o}.m.delete(${this.val(a[0])}), undefined)`;
      case 'Set.len': return `${o}.m.size`;
      case 'Set.is_empty': return `(${o}.m.size === 0)`;
      case 'Box.get': case 'Gc.get': return `${o}.v`;
      case 'Box.set': return `(${this.boxSet(o, arg(0), ot, s)}, undefined)`;
      case 'Gc.set': return `(${o}.v = ${arg(0)}, undefined)`;
      case 'Channel.send': return this.block_(`${rtS('send')}(${o}, ${arg(0)}, ${s})`);
      case 'Channel.recv': return this.block_(`${rtS('recv')}(${o}, ${s})`);
      case 'Duration.as_millis': return `${rtH('durAs')}(${o}, 1000000)`;
      case 'Duration.as_secs': return `${rtH('durAs')}(${o}, 1000000000)`;
      case 'Option.is_some': case 'Result.is_ok': return `(${o}.t === 0)`;
      case 'Option.is_none': case 'Result.is_err': return `(${o}.t === 1)`;
      case 'Option.unwrap': return `$unwrapO(${o}, ${s})`;
      case 'Option.expect': case 'Result.expect': return `(${o}.t === 0 ? ${o}.a0 : ${RT.panic}(${this.display(a[0])}, ${s}))`;
      case 'Result.unwrap': {
        const rt_ = derefAll(this.effType(objE));
        const et = rt_.k === 'enum' ? rt_.args[1] : null;
        const msg = et ? this.displayJs(`${o}.a0`, et) : '""';
        return `(${o}.t === 0 ? ${o}.a0 : ${RT.panic}("called unwrap on Err: " + ${msg}, ${s}))`;
      }
      case 'Result.unwrap_err': return `(${o}.t === 1 ? ${o}.a0 : ${RT.panic}("called unwrap_err on Ok", ${s}))`;
      case 'Option.unwrap_or': case 'Result.unwrap_or': {
        // the default is evaluated first, as any argument (its side effects happen either way),
        // and dropped when the payload is taken instead
        const rt_ = derefAll(this.effType(objE));
        const pt = rt_.k === 'enum' ? rt_.args[0] : null;
        const t = this.tmp();
        const drop = pt && this.m.needsDrop(pt) ? `${this.m.dropFn(pt)}(${t}), ` : '';
        return `(${t} = ${arg(0)}, ${o}.t === 0 ? (${drop}${o}.a0) : (${this.droppedOther(objE, o, 1, stmtOwns)}${this.inPlaceDefault(e, t, pt)}))`;
      }
      case 'Option.unwrap_or_else': case 'Result.unwrap_or_else': {
        const js = libMethod(this as unknown as LibHost, e, owner, method, o, s) ?? unsupported(`${owner}.${method}`);
        const err = this.droppedOther(objE, o, 1, stmtOwns);
        if (!this.inPlaceDefaults.has(e) && !err) return js;
        const rt_ = derefAll(this.effType(objE)), t = this.tmp();
        return `(${t} = ${js}, ${o}.t === 0 ? ${t} : (${err}${this.inPlaceDefault(e, t, rt_.k === 'enum' ? rt_.args[0] : null)}))`;
      }
      // a payload lent to the closure (§5.4, as a Vec's elements to map's) is dropped after the call
      // when the receiver is consumed (a temporary: `mk().map(f)`); the other variant is handed
      // on as it is (`Err(e).map(f)` is the receiver itself)
      case 'Option.map': case 'Result.map': case 'Option.and_then': case 'Result.and_then': case 'Result.map_err': {
        const js = libMethod(this as unknown as LibHost, e, owner, method, o, s) ?? unsupported(`${owner}.${method}`);
        const tag = method === 'map_err' ? 1 : 0;
        const lent = this.droppedOther(objE, o, tag, stmtOwns, true);
        // a Result read in place from a place receiver (`r.map(f).unwrap().n`): a new one is the
        // statement's temporary, the receiver given back (the other variant) stays the place's
        const inPlace = owner === 'Result' && this.inPlaceDefaults.has(e);
        if (!lent && !inPlace) return js;
        const t = this.tmp();
        const own = inPlace ? `${t} === ${o} ? ${t} : ${this.inPlaceDefault(e, t, derefAll(this.typeOf(e)))}` : t;
        return `(${t} = ${js}, ${lent ? `${o}.t === ${tag} && (${lent}undefined), ` : ''}${own})`;
      }
      // a temporary whose payload filter does not keep: dropped (a moved place: lib-methods.ts)
      case 'Option.filter': {
        const js = libMethod(this as unknown as LibHost, e, owner, method, o, s) ?? unsupported(`${owner}.${method}`);
        const lent = exprInfo(objE)?.moves ? '' : this.droppedOther(objE, o, 0, stmtOwns, true);
        if (!lent) return js;
        const t = this.tmp();
        return `(${t} = ${js}, ${o}.t === 0 && ${t} !== ${o} && (${lent}undefined), ${t})`;
      }
      // the payload of the other variant goes with a consumed receiver
      case 'Result.ok': case 'Result.err': {
        const js = libMethod(this as unknown as LibHost, e, owner, method, o, s) ?? unsupported(`${owner}.${method}`);
        const other = this.droppedOther(objE, o, method === 'ok' ? 1 : 0, stmtOwns);
        return other ? `(${o}.t === ${method === 'ok' ? 1 : 0} && (${other}undefined), ${js})` : js;
      }
      case 'DynamicLib.symbol': {
        const rt_ = derefAll(this.typeOf(e));
        const ft = rt_.k === 'enum' ? rt_.args[0] : null;
        if (!ft || ft.k !== 'fn') return unsupported('symbol<F> without a function type');
        const ps = ft.params.map((p) => jsStr(ctype(p))).join(', ');
        // calls through the symbol are recorded at this site: their Vex types are F's (FFI panel)
        this.m.ffiSites[s] = { args: ft.params.map((p) => displayName(typeName(p))), ret: displayName(typeName(ft.ret)) };
        return `${rtH('dlsym')}(${o}, ${this.val(a[0])}, [${ps}], ${jsStr(ctype(ft.ret))}, ${s}, (t, v) => new ${this.m.enumClass(RESULT)}(t, v))`;
      }
      case 'DynamicLib.close': return `${rtH('dlclose')}(${o}, ${s})`;
      case 'ptr.is_null': return `(${o} === 0)`;
      case 'ptr.offset': {
        const pt = derefAll(this.effType(objE));
        const size = pt.k === 'ptr' ? this.elemSize(pt.inner) : 1;
        return `(${o} + $Number(${this.val(a[0])}) * ${size})`;
      }
      default:
        // `v.filter(f)` on a Vec that keeps its elements (chapter 2 §5.2, not `!`): the result
        // holds clones of the kept elements that move (need drop, or a struct that could be
        // changed in place), so each object has one owner and nothing is shared
        if (owner === 'Vec' && method === 'filter' && rt_.k === 'builtin' && rt_.args[0] && (this.m.needsDrop(rt_.args[0]) || !isCopy(rt_.args[0]))) {
          return `${rtL('filter')}(${o}, ${this.val(a[0])}, (x) => ${cloneJs(this.m, 'x', rt_.args[0], s)}, ${s}${this.m.needsDrop(rt_.args[0]) ? `, ${this.m.dropFn(rt_.args[0])}` : ''})`;
        }
        return libMethod(this as unknown as LibHost, e, owner, method, o, s)
          ?? `${rtH('method')}(${jsStr(owner + '.' + method)}, ${o}, [${a.map((x) => this.expr(x)).join(', ')}], ${s})`;
    }
  }

  /** `index_of(key)` on `seq` (a Vec, or the view of an array's elements): Some(index) or None;
   *  the key is taken by value, as by `contains` (a moved one is dropped after). */
  private indexOf(seq: string, key: E, elem: Type | undefined, span: ast.Span): string {
    const some = this.m.enumClass(OPTION);
    return this.consumingKey(key, elem, (k) => { const r = this.tmp(); return `((${r} = ${rtL('indexOf')}(${seq}, ${k}${this.userEq(elem, span)})) === undefined ? ${this.m.unitVariant(OPTION, 1)} : new ${some}(0, ${r}))`; });
  }
  /** `, (x, y) => x == y` through the element type's own `op==` (`contains` and `index_of` compare
   *  as `==` does: they compared fields), or '' for the structural comparison. */
  private userEq(elem: Type | null | undefined, span: ast.Span): string {
    const t = elem ? derefAll(elem) : null;
    if (!t) return '';
    const eq = t.k === 'struct' || t.k === 'enum' ? this.userOperator('==', 'x', 'y', t, span) : null;
    if (eq) return `, (x, y) => ${eq}`;
    // (an element holding such values: `Vec<Option<K>>.contains`)
    const glue = eqGlueJs(this.m, 'x', 'y', t);
    return glue ? `, (x, y) => ${glue}` : '';
  }

  /** `drop(o.a0), ` for a Result receiver `o` (written objE) in variant `tag`, whose payload the
   *  call does not give, when the call consumes it (a moved place, or a temporary the statement
   *  does not own: `stmtOwns`); '' otherwise. */
  private droppedOther(objE: E, o: string, tag: 0 | 1, stmtOwns: boolean, option = false): string {
    const t = derefAll(this.effType(objE));
    if (t.k !== 'enum' || (t.info !== RESULT && !(option && t.info === OPTION)) || !t.args[tag] || !this.m.needsDrop(t.args[tag])) return '';
    const consumed = !!exprInfo(objE)?.moves || (!stmtOwns && this.moveOutRoot(objE) === objE);
    return consumed ? `${this.m.dropFn(t.args[tag])}(${o}.a0), ` : '';
  }

  /** The default (`js`, of type t) an unwrap or `get_or` gives, owned by the statement when the
   *  result is read in place. */
  inPlaceDefault(e: ast.ExprOf<'call'>, js: string, t: Type | null): string {
    const keep = this.inPlaceDefaults.get(e);
    return keep === undefined || !t ? js : this.ownTemp(js, t, e.span, keep);
  }

  elemSize(t: Type): number {
    try { return this.m.prog.layoutOf(t).size || 1; } catch { return 1; }
  }

  isObj(t: Type): boolean { return isObjectLike(t); }
}

/** printf-family promoted argument kind of a vararg type (§6.9). */
/** The typed-array kind of a Vec's element type (0: kept in a plain array). */
function vecKind(t: Type): number {
  return t.k === 'int' ? vecKindOf(t.name) : t.k === 'float' ? vecKindOf(`f${t.bits}`) : 0;
}

function cargKind(t: Type): 'i32' | 'u32' | 'i64' | 'u64' | 'f64' | 'ptr' {
  switch (t.k) {
    case 'int': return t.name === 'u32' ? 'u32' : t.name === 'i64' || t.name === 'i128' ? 'i64' : t.name === 'u64' || t.name === 'u128' ? 'u64' : 'i32';
    case 'float': return 'f64';
    case 'bool': return 'i32';
    default: return 'ptr';
  }
}

/** C type of a Vex type in a foreign signature (§6.1). */
function ctype(t: Type): string {
  switch (t.k) {
    case 'int': return t.name === 'i128' || t.name === 'u128' ? 'u64' : t.name;
    case 'float': return t.bits === 32 ? 'f32' : 'f64';
    case 'bool': return 'i32';
    case 'unit': return 'void';
    case 'fn': return 'fnptr';
    default: return 'ptr';
  }
}


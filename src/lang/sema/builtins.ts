// Builtin free functions (§5.3, §6): plain signatures from the prelude table, plus the ones that
// need special rules (format strings, value-or-type sizeof, callbacks, allocator contracts).
import type * as ast from '../syntax/ast';
import { T, typeEq, intBits, type Type } from './types';
import type { Ctx } from './context';
import { checkExpr, coerceExpr, expectType, fmt } from './expr';
import { builtinCall } from './methods';
import { PLAIN_FN_SIGS, resultOf } from './prelude';
import { checkFormat, parseFormat } from './format';
import { attachDisplay } from './std-contracts';
import { implementsContract } from './generics';
import { joinNumeric, isNumeric, isLiteralish, hasAnyParam } from './infer';
import { markAddressTaken } from './ops';
import { computeLayout, typeTooLarge } from './layout';
import { MSG, NOTE } from '../msg';
import { exprInfo, setExprInfo } from './tables';
import { consume } from './moves';


const BLOCKING = new Set(['sleep', 'block_on']);

export function checkBuiltinCall(cx: Ctx, e: ast.ExprOf<'call'>, name: string, typeArgs: Type[] | null, expected: Type | null): Type {
  const args = e.args;
  const arity = (min: number, max = min): boolean => {
    if (args.length >= min && args.length <= max) return true;
    const want = min === max ? `${min}` : `${min} or ${max}`;
    cx.error(MSG.E0105.takesArgumentButSupplied({ name, want, choice: max === 1 ? '' : 's', argsLength: args.length, choice2: args.length === 1 ? 'was' : 'were' }), e.span);
    return false;
  };
  const rest = (from: number) => args.slice(from).forEach((a) => exprInfo(a) || checkExpr(cx, a, null));
  if (name.startsWith('vex_') && !e.span.file.startsWith('<std>')) { // the standard modules' own hooks (std-modules.ts)
    rest(0);
    cx.error(MSG.E0100.cannotFindValueScope({ name }), e.callee.span, { notes: [NOTE.E0100.noteInternalRuntimeNot({ name }), NOTE.E0100.helpUseStandardModule()] });
    return T.error;
  }
  if (BLOCKING.has(name) && cx.fn) cx.fn.blocks = true;
  switch (name) {
    case 'println': case 'print':
      if (args.length && args[0].kind === 'string' && args[0].value.includes('{')) {
        checkExpr(cx, args[0], null);
        rest(1);
        checkFormat(cx, args[0] as ast.ExprOf<'string'>, args.slice(1));
        const holes = parseFormat((args[0] as ast.ExprOf<'string'>).value).holes;
        args.slice(1).forEach((a, i) => holes[i] && attachDisplay(cx, a, holes[i].spec));
      } else {
        rest(0);
        for (const a of args) attachDisplay(cx, a, '');
      }
      return T.unit;
    case 'assert':
      if (arity(1, 2)) {
        expectType(cx, args[0], T.bool);
        if (args[1]) expectType(cx, args[1], T.str);
      } else rest(0);
      return T.unit;
    case 'assert_eq': {
      if (!arity(2)) { rest(0); return T.unit; }
      const [a, b] = args;
      const litA = isLiteralish(a), litB = isLiteralish(b);
      const ta = litA && !litB ? null : checkExpr(cx, a, null);
      const tb = checkExpr(cx, b, ta && isNumeric(ta) ? ta : null);
      const tA = ta ?? checkExpr(cx, a, isNumeric(tb) ? tb : null);
      if (isNumeric(tA) && isNumeric(tb)) {
        const j = joinNumeric(tA, tb);
        if (!j) cx.error(MSG.E0103.assertEqCompares({ tA: fmt(tA), tb: fmt(tb) }), e.span);
        else { coerceExpr(cx, a, tA, j); coerceExpr(cx, b, tb, j); }
      } else if (!typeEq(tA, tb) && tA.k !== 'error' && tb.k !== 'error') coerceExpr(cx, b, tb, tA);
      return T.unit;
    }
    case 'sizeof': case 'alignof': {
      let t: Type | null = null;
      if (typeArgs && typeArgs.length === 1) {
        arity(0);
        t = typeArgs[0];
        setExprInfo(e, { type: T.u64, typeArgs });
      } else if (!arity(1)) rest(0);
      else t = checkExpr(cx, args[0], null);
      if (t && t.k !== 'error' && !hasAnyParam(t)) {
        const l = computeLayout(t);
        const tooLarge = typeTooLarge(t, l.size);
        if (tooLarge) cx.error(tooLarge, e.span);
        else setExprInfo(e, { ...(exprInfo(e) ?? { type: T.u64 }), constValue: BigInt(name === 'sizeof' ? l.size : l.align) });
      }
      return T.u64;
    }
    case 'catch_panic': {
      if (!arity(1)) { rest(0); return T.error; }
      const ft = checkExpr(cx, args[0], { k: 'fn', params: [], ret: T.error, externC: false });
      if (ft.k === 'error') return T.error;
      if (ft.k !== 'fn' || ft.params.length) {
        cx.error(MSG.E0103.catchPanicExpectsFunction({ ft: fmt(ft) }), args[0].span);
        return T.error;
      }
      if (cx.fn) cx.fn.callsValues = true;
      return resultOf(ft.ret, T.string);
    }
    case 'set_allocator': case 'set_global_allocator': {
      if (!arity(1)) { rest(0); return T.unit; }
      const t = checkExpr(cx, args[0], null);
      if (t.k === 'error') return T.unit;
      if (t.k !== 'ref' || !t.mut) {
        cx.error(MSG.E0103.expectsMutableReferenceAllocator({ name, t: fmt(t) }), args[0].span, { notes: [NOTE.E0103.helpPassAllocWhere()] });
      } else if (!implementsContract(cx, t.inner, 'Allocator')) {
        cx.error(MSG.E0128.typeDoesNotImplement({ inner: fmt(t.inner) }), args[0].span, { notes: [NOTE.E0128.helpDeclareStructImpl()] });
      }
      if (args[0].kind === 'ref') markAddressTaken(args[0].operand);
      return T.unit;
    }
    case 'signal': {
      if (!arity(2)) { rest(0); return T.unit; }
      expectType(cx, args[0], T.i32);
      const ht = checkExpr(cx, args[1], { k: 'fn', params: [T.i32], ret: T.unit, externC: true });
      if (ht.k === 'error') return T.unit;
      if (ht.k !== 'fn' || ht.params.length !== 1 || !typeEq(ht.params[0], T.i32) || ht.ret.k !== 'unit') {
        cx.error(MSG.E0103.signalHandlerMustExtern({ ht: fmt(ht) }), args[1].span);
      } else if (!ht.externC) {
        cx.error(MSG.E0137.callbackPassedCMust(), args[1].span, { notes: [NOTE.E0137.helpDeclareHandlerExtern()] });
      }
      return T.unit;
    }
    case 'go_with_stack': {
      if (!arity(2)) { rest(0); return T.unit; }
      const bt = checkExpr(cx, args[0], T.u64); // a byte count: any integer, converted to u64
      if (bt.k === 'int') { if (bt.name !== 'u64') exprInfo(args[0])!.coerce = T.u64; } else coerceExpr(cx, args[0], bt, T.u64);
      const ft = checkExpr(cx, args[1], { k: 'fn', params: [], ret: T.unit, externC: false });
      if (ft.k !== 'fn' && ft.k !== 'error') cx.error(MSG.E0103.goStackExpectsFunction({ ft: fmt(ft) }), args[1].span);
      else if (ft.k === 'fn' && ft.params.length) {
        // the task is started with no arguments: a parameter would have no value
        cx.error(MSG.E0103.goStackExpectsFunction2({ choice: ft.params.some((p) => p.k === 'error') ? `a closure with ${ft.params.length} parameter${ft.params.length > 1 ? 's' : ''}` : fmt(ft) }), args[1].span, {
          notes: [NOTE.E0103.noteNewTaskCalls(), NOTE.E0103.helpCaptureValuesInstead()],
        });
      }
      // Spawns a task: the caller itself does not wait.
      return T.unit;
    }
    case 'block_on': {
      if (!arity(1)) { rest(0); return T.error; }
      const t = checkExpr(cx, args[0], expected ? { k: 'builtin', name: 'Future', args: [expected] } : null);
      // the Future is used up (moved, not Copy): awaiting it again handed its value out twice
      consume(cx, args[0]);
      if (t.k === 'builtin' && t.name === 'Future') return t.args[0];
      if (t.k !== 'error') cx.error(MSG.E0103.blockExpectsFutureT({ t: fmt(t) }), args[0].span);
      return T.error;
    }
    case 'ctlz': case 'cttz': case 'ctpop': case 'bswap': case 'bitreverse': {
      if (!arity(1)) { rest(0); return T.error; }
      const t = checkExpr(cx, args[0], expected?.k === 'int' ? expected : null);
      if (t.k === 'int' && (name !== 'bswap' || t.name === 'u8' || t.name === 'i8' || intBitsOf(t) % 16 === 0)) return t;
      if (t.k !== 'error') cx.error(MSG.E0103.takesIntegerFound({ name, t: fmt(t) }), args[0].span);
      return t.k === 'int' ? t : T.error;
    }
    case 'likely': case 'unlikely': case 'assume':
      if (arity(1)) expectType(cx, args[0], T.bool);
      else rest(0);
      return name === 'assume' ? T.unit : T.bool;
    case 'vec_new': {
      arity(0);
      if (typeArgs) setExprInfo(e, { type: T.error, typeArgs });
      const el = typeArgs?.[0] ?? (expected?.k === 'builtin' && expected.name === 'Vec' ? expected.args[0] : null);
      if (!el) {
        cx.error(MSG.E0130.cannotInferElementType(), e.span);
        return T.error;
      }
      return { k: 'builtin', name: 'Vec', args: [el] };
    }
  }
  const sig = PLAIN_FN_SIGS.get(name);
  if (!sig) {
    rest(0);
    return T.error;
  }
  const t = builtinCall(cx, sig, name, { callee: name, span: e.span, args, expected, explicit: null }, new Map(), null);
  if ((name === 'free' || name === 'realloc' || name === 'sys_free') && args[0]?.kind === 'ref') markAddressTaken(args[0].operand);
  return t;
}

const intBitsOf = (t: Extract<Type, { k: 'int' }>): number => intBits(t.name);

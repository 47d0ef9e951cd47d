// Compile-time constants: `const` items are evaluated on demand, so dependency order falls out of
// the recursion; a constant reached again while it is being evaluated is a cycle (E0122).
import type * as ast from '../syntax/ast';
import { T, intBits, intSigned, type Type, type IntName } from './types';
import type { ConstValue } from './typed';
import type { Ctx, ConstEntry } from './context';
import { checkExpr, expectType } from './expr';
import { resolveType } from './resolve';
import { BUILTIN_CONSTS } from './prelude';
import { MSG, NOTE } from '../msg';
import { floatToIntSaturating, wideToFloat } from '../../common/ints';
import { f16round } from '../../common/f16';
import { type ResOf, exprInfo, nameRes, setExprInfo, setNameRes } from './tables';

/** Wrap an integer to the range of its type (two's complement), as run time arithmetic does. */
export function wrapInt(v: bigint, name: IntName): bigint {
  return intSigned(name) ? BigInt.asIntN(intBits(name), v) : BigInt.asUintN(intBits(name), v);
}
export function intFits(v: bigint, name: IntName): boolean {
  const bits = BigInt(intBits(name));
  if (intSigned(name)) return v >= -(1n << (bits - 1n)) && v < 1n << (bits - 1n);
  return v >= 0n && v < 1n << bits;
}

/** Evaluate a const item (memoized); reports cycles and non-constant initializers. */
export function evalConst(cx: Ctx, c: ConstEntry, use?: ast.Span): void {
  if (c.state === 'done') return;
  if (c.state === 'busy') {
    cx.error(MSG.E0122.cycleDetectedWhenEvaluating({ declName: c.decl.name }), use ?? c.decl.nameSpan, {
      labels: [{ span: c.decl.nameSpan, message: NOTE.E0122.labelDeclaredHere({ name: c.decl.name }) }],
      notes: [NOTE.E0122.helpConstantCannotDepend()],
    });
    c.type = T.error;
    return;
  }
  c.state = 'busy';
  // Constants are checked outside any function: no locals, no generics.
  const saved = { fn: cx.fn, generics: cx.generics, selfType: cx.selfType };
  cx.fn = null;
  cx.generics = new Map();
  cx.selfType = null;
  cx.constCtx = true;
  try {
    const declared = c.decl.type ? resolveType(cx, c.decl.type) : null;
    const t = declared ? expectType(cx, c.decl.value, declared) : checkExpr(cx, c.decl.value, null);
    c.type = declared ?? t;
    if (c.type.k !== 'error' && t.k !== 'error') {
      const v = foldConst(c.decl.value);
      if (v === undefined) cx.error(MSG.E0123.initializerConstantNotCompile({ declName: c.decl.name }), c.decl.value.span, { notes: [NOTE.E0123.noteConstantsMayUse()] });
      else c.value = coerceConst(v, c.type);
    }
  } finally {
    cx.constCtx = false;
    cx.fn = saved.fn;
    cx.generics = saved.generics;
    cx.selfType = saved.selfType;
    if (c.state === 'busy') c.state = 'done';
  }
}

function roundFloat(n: number, bits: number): number {
  return bits === 32 ? Math.fround(n) : bits === 16 ? f16round(n) : n;
}

/** An integer as a float of `bits`, rounded once (an integer literal typed f32, `x as f32`). */
export function floatOfInt(v: bigint, bits: number): number {
  return wideToFloat(v, bits, (n) => roundFloat(n, bits));
}

function coerceConst(v: ConstValue, t: Type): ConstValue {
  if (t.k === 'int' && typeof v === 'bigint') return wrapInt(v, t.name);
  // a float constant is its type's value: f32/f16 results are rounded as run time arithmetic is
  if (t.k === 'float' && typeof v === 'bigint') return floatOfInt(v, t.bits);
  if (t.k === 'float' && typeof v === 'number') return roundFloat(v, t.bits);
  return v;
}

/** Array length expressions: an integer literal or an integer constant. */
export function arrayLenOf(cx: Ctx, e: ast.Expr): number | null {
  if (e.kind === 'int') {
    setExprInfo(e, { type: T.u64, constValue: e.value });
    return Number(e.value);
  }
  if (e.kind === 'ident') {
    const c = cx.consts.get(e.name);
    if (c) {
      evalConst(cx, c, e.span);
      if (typeof c.value === 'bigint') {
        setNameRes(e, { k: 'const', decl: c.decl, value: c.value, type: c.type });
        setExprInfo(e, { type: c.type, constValue: c.value });
        return Number(c.value);
      }
    }
  }
  cx.error(MSG.E0123.arrayLengthMustInteger(), e.span);
  return null;
}

/** Fold a checked expression to a constant, or undefined if it is not constant. */
export function foldConst(e: ast.Expr): ConstValue | undefined {
  const t = exprInfo(e)?.type;
  const asType = (v: ConstValue | undefined): ConstValue | undefined => {
    if (v === undefined) return undefined;
    const target = exprInfo(e)?.coerce ?? t;
    return target ? coerceConst(v, target) : v;
  };
  switch (e.kind) {
    case 'int': return asType(e.value); // (typed float: coerceConst rounds it once)
    case 'float': return asType(e.value);
    case 'string': return e.value;
    case 'bool': return e.value;
    case 'nil': return null;
    case 'ident':
      if (nameRes(e)?.k === 'const') return asType((nameRes(e) as ResOf<'const'>).value);
      if ((nameRes(e) as ResOf<'builtin-const' | 'builtin-fn' | 'extern' | 'fn' | 'local' | 'tls' | 'type' | 'variant'>)?.k === 'builtin-const') return BigInt(BUILTIN_CONSTS[e.name] ?? 0);
      if ((nameRes(e) as ResOf<'builtin-fn' | 'extern' | 'fn' | 'local' | 'tls' | 'type' | 'variant'>)?.k === 'variant') return undefined;
      return undefined;
    case 'unary': {
      const v = foldConst(e.operand);
      if (v === undefined) return undefined;
      if (e.op === '-') return asType(typeof v === 'bigint' ? -v : typeof v === 'number' ? -v : undefined);
      if (e.op === '!') return typeof v === 'boolean' ? !v : typeof v === 'bigint' ? asType(~v) : undefined;
      if (e.op === '~') return typeof v === 'bigint' ? asType(~v) : undefined;
      return undefined;
    }
    case 'cast': {
      const v = foldConst(e.expr);
      if (v === undefined || !t) return undefined;
      if (t.k === 'int') {
        if (typeof v === 'bigint') return wrapInt(v, t.name);
        if (typeof v === 'boolean') return v ? 1n : 0n;
        if (typeof v === 'number') return floatToIntSaturating(v, t.name);
      }
      if (t.k === 'float') return typeof v === 'bigint' ? floatOfInt(v, t.bits) : typeof v === 'number' ? roundFloat(v, t.bits) : undefined;
      if (t.k === 'bool' && typeof v === 'boolean') return v;
      return undefined;
    }
    case 'binary': {
      // a shift count is masked to the width of the shifted type, as at run time (`1 << 33` on
      // i32 is `1 << 1`)
      const lt = exprInfo(e.left)?.type;
      const w = (e.op === '<<' || e.op === '>>') && lt?.k === 'int' ? BigInt(intBits(lt.name) - 1) : 127n;
      const r = foldConst(e.right);
      return asType(foldBinary(e.op, foldConst(e.left), typeof r === 'bigint' && w !== 127n ? r & w : r));
    }
    default: return undefined;
  }
}

function foldBinary(op: ast.BinaryOp, a: ConstValue | undefined, b: ConstValue | undefined): ConstValue | undefined {
  if (a === undefined || b === undefined) return undefined;
  if (typeof a === 'bigint' && typeof b === 'bigint') {
    switch (op) {
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case '/': return b === 0n ? undefined : a / b;
      case '%': return b === 0n ? undefined : a % b;
      case '**': return b < 0n || b > 4096n ? undefined : a ** b;
      case '&': return a & b;
      case '|': return a | b;
      case '^': return a ^ b;
      case '<<': return a << (b & 127n);
      case '>>': return a >> (b & 127n);
      case '==': return a === b;
      case '!=': return a !== b;
      case '<': return a < b;
      case '<=': return a <= b;
      case '>': return a > b;
      case '>=': return a >= b;
    }
    return undefined;
  }
  if (typeof a === 'number' || typeof b === 'number') {
    const x = Number(a), y = Number(b);
    switch (op) {
      case '+': return x + y;
      case '-': return x - y;
      case '*': return x * y;
      case '/': return x / y;
      case '%': return x % y; // C fmod, as at run time
      case '**': return x ** y;
      case '==': return x === y;
      case '!=': return x !== y;
      case '<': return x < y;
      case '<=': return x <= y;
      case '>': return x > y;
      case '>=': return x >= y;
    }
    return undefined;
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') {
    switch (op) {
      case '&&': return a && b;
      case '||': return a || b;
      case '==': return a === b;
      case '!=': return a !== b;
      case '&': return a && b;
      case '|': return a || b;
      case '^': return a !== b;
    }
  }
  if (typeof a === 'string' && typeof b === 'string') {
    if (op === '==') return a === b;
    if (op === '!=') return a !== b;
  }
  return undefined;
}

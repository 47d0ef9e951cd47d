// FFI type safety (§6.1, §6.6, §6.9–§6.11): FFI-safe declarations, argument counts, argument
// types with exactly the allowed implicit conversions, extern "C" callbacks, C variadic promotion
// and a GCC -Wformat-like check of literal printf formats.
import type * as ast from '../syntax/ast';
import { T, typeEq, typeName, intBits, type Type } from './types';
import type { ExternInfo } from './typed';
import type { Ctx } from './context';
import { checkExpr, coerceExpr } from './expr';
import { assignable } from './infer';
import { markAddressTaken } from './ops';
import { MSG, NOTE } from '../msg';
import { exprInfo, setCallTarget, setExprInfo } from './tables';

/** Why a type is not FFI-safe (the offending type's name), or null when it is safe. */
export function ffiUnsafe(t: Type, isReturn = false, seen = new Set<unknown>()): string | null {
  switch (t.k) {
    case 'int': return t.name === 'i128' || t.name === 'u128' ? typeName(t) : null;
    case 'float': return t.bits === 16 ? typeName(t) : null; // the C shims have no _Float16
    case 'bool': case 'ptr': case 'error': return null;
    case 'unit': case 'never': return isReturn ? null : typeName(t);
    case 'fn': {
      for (const p of t.params) { const u = ffiUnsafe(p, false, seen); if (u) return u; }
      return ffiUnsafe(t.ret, true, seen);
    }
    case 'struct': {
      if (t.info.decl === null || t.info.generics.length) return typeName(t);
      if (seen.has(t.info)) return null;
      seen.add(t.info);
      for (const f of t.info.fields) { const u = ffiUnsafe(f.type, false, seen); if (u) return u; }
      return null;
    }
    case 'array': return ffiUnsafe(t.elem, false, seen) ? typeName(t) : null; // only inside structs
    default: return typeName(t);
  }
}

/** The declaration's own spelling of a type (`*const u8`), from the source when available. */
export function spell(cx: Ctx, te: ast.TypeExpr | null | undefined, t: Type): string {
  if (te && cx.text !== null) {
    const s = cx.text.slice(te.span.start, te.span.end).trim();
    if (s) return s.replace(/\s+/g, ' ');
  }
  return te ? typeExprText(te) : typeName(t);
}

/** Print a type expression in source form without the text; `*const T` is recognised from the
 *  gap between the `*` and the pointee (the AST keeps only the mutability). */
export function typeExprText(te: ast.TypeExpr): string {
  switch (te.kind) {
    case 'named': return te.name + (te.member ? '.' + te.member : '') + (te.args.length ? `<${te.args.map(typeExprText).join(', ')}>` : '');
    case 'ref': return '&' + typeExprText(te.inner) + (te.mut ? '!' : '');
    case 'ptr': return '*' + (te.inner.span.start - te.span.start >= 6 ? 'const ' : '') + typeExprText(te.inner) + (te.mut ? '!' : '');
    case 'array': return `[${typeExprText(te.elem)}; ${te.size.kind === 'int' ? te.size.value : te.size.kind === 'ident' ? te.size.name : 'N'}]`;
    case 'slice': return `&[${typeExprText(te.elem)}]` + (te.mut ? '!' : '');
    case 'tuple': return `(${te.elems.map(typeExprText).join(', ')})`;
    case 'fn': return `fn(${te.params.map(typeExprText).join(', ')})` + (te.ret ? `: ${typeExprText(te.ret)}` : '');
    case 'never': return '!';
    case 'error': return '{unknown}';
  }
}

export function checkExternDecls(cx: Ctx): void {
  for (const it of cx.program.items) {
    if (it.kind !== 'extern') continue;
    for (const f of it.fns) {
      const ext = cx.externs.get(f.name);
      if (!ext || ext.decl !== f) continue;
      f.params.forEach((p, i) => declSafe(cx, ext.params[i], p.type, `parameter \`${p.name}\` of extern function \`${f.name}\``, false));
      if (f.ret) declSafe(cx, ext.ret, f.ret, `return type of extern function \`${f.name}\``, true);
    }
  }
  for (const fn of cx.allFns) {
    if (!fn.isExternC || !fn.decl) continue;
    fn.decl.params.forEach((p, i) => fn.params[i] && declSafe(cx, fn.params[i].type, p.type, `parameter \`${p.name}\` of extern "C" function \`${fn.name}\``, false));
    if (fn.decl.ret) declSafe(cx, fn.ret, fn.decl.ret, `return type of extern "C" function \`${fn.name}\``, true);
  }
  for (const [info, d] of cx.structDecls) {
    if (!info.isUnion) continue;
    d.fields.forEach((f, i) => {
      const fi = (info.layoutFields ?? info.fields)[i];
      const u = fi && ffiUnsafe(fi.type);
      if (u) cx.error(MSG.E0139.unionFieldTypeWhich({ fName: f.name, u }), f.type.span, { notes: [NOTE.E0139.noteUnionFieldsMust()] });
    });
  }
}

function declSafe(cx: Ctx, t: Type, te: ast.TypeExpr, what: string, isReturn: boolean): void {
  const u = ffiUnsafe(t, isReturn);
  if (!u) return;
  cx.error(MSG.E0135.message({ u, what }), te.span, {
    notes: [
      NOTE.E0135.noteCCanOnly(),
      u === 'String' || u === 'str' || u === 'string' ? NOTE.E0135.helpPassTextConst() : NOTE.E0135.helpUseRawPointer(),
    ],
  });
}

/** Why a value cannot travel through C's `...` (§6.9: scalars, raw pointers, `str`): the type's
 *  name, or null. Unlike a declared parameter, there is no by-value struct/array/callback slot. */
function varargUnsafe(t: Type): string | null {
  switch (t.k) {
    case 'int': return t.name === 'i128' || t.name === 'u128' ? typeName(t) : null;
    case 'float': return t.bits === 16 ? typeName(t) : null;
    case 'bool': case 'ptr': case 'str': case 'error': return null;
    default: return typeName(t);
  }
}

function varargHelp(t: Type): string[] {
  switch (t.k) {
    case 'struct': return [NOTE.E0138.helpPassFieldsOrPointer({ t: typeName(t) })];
    case 'array': return [NOTE.E0138.helpPassPointerFirstElement({ elem: typeName(t.elem) })];
    case 'ref': return [NOTE.E0138.helpConvertReferenceRawPointer({ inner: typeName(t.inner) })];
    case 'fn': return [NOTE.E0138.helpDeclareCallbackParameter()];
    case 'builtin':
      if (t.name === 'String') return [NOTE.E0138.helpPassTextStr()];
      if (t.name === 'Vec') return [NOTE.E0138.helpPassElementsOrLength()];
      return [];
    default: return [];
  }
}

const promote = (t: Type): Type => {
  if (t.k === 'bool') return T.i32;
  if (t.k === 'int' && intBits(t.name) < 32) return T.i32;
  if (t.k === 'float' && t.bits === 32) return T.f64;
  return t;
};

/** A declaration of the prelude's own (`strlen` without `extern`, §7.11): no tab to point a label into. */
const inStd = (sp: ast.Span): boolean => sp.file.startsWith('<std>');

export function checkExternCall(cx: Ctx, e: ast.ExprOf<'call'>, ext: ExternInfo): Type {
  const name = ext.name;
  const n = e.args.length, fixed = ext.params.length;
  if (ext.variadic ? n < fixed : n !== fixed) {
    cx.error(MSG.E0134.takesArgumentButSupplied({ name, choice: ext.variadic ? 'at least ' : '', fixed, choice2: fixed === 1 ? '' : 's', n, choice3: n === 1 ? 'was' : 'were' }), e.span, {
      labels: inStd(ext.decl.span) ? [] : [{ span: ext.decl.span, message: NOTE.E0134.labelDeclaredHere({ name }) }],
    });
  }
  const varargTypes: Type[] = [];
  e.args.forEach((a, i) => {
    if (i >= fixed) {
      const t = checkExpr(cx, a, null);
      if (!ext.variadic) return;
      const u = varargUnsafe(t);
      if (u) {
        cx.error(MSG.E0138.variadicArgumentTypeWhich({ name, i: i + 1, u }), a.span, {
          notes: [NOTE.E0138.noteCVariadicArguments(), ...varargHelp(t)],
        });
        varargTypes.push(T.error); // no format warning on top of the error
        return;
      }
      varargTypes.push(t.k === 'str' ? { k: 'ptr', inner: T.u8, mut: false } : promote(t));
      return;
    }
    const p = ext.params[i];
    const pte = ext.decl.params[i]?.type;
    if (p.k === 'fn') return checkCallback(cx, name, i, a, p, pte);
    const t = checkExpr(cx, a, p);
    if (t.k === 'error' || p.k === 'error') return;
    if (a.kind === 'ref') markAddressTaken(a.operand);
    if (argOk(t, p)) {
      if (!typeEq(t, p)) setExprInfo(a, { ...exprInfo(a)!, coerce: p });
      return;
    }
    cx.error(MSG.E0136.argExpectedFound({ name, i: i + 1, spell: spell(cx, pte, p), t: typeName(t) }), a.span, {
      labels: inStd(ext.decl.span) ? [] : [{ span: pte?.span ?? ext.decl.span, message: NOTE.E0136.labelParameterDeclaredHere() }],
      notes: [NOTE.E0136.noteCArgumentsConvert()],
    });
  });
  if (ext.variadic && /printf$/.test(name)) checkPrintfFormat(cx, e, fixed, varargTypes);
  setCallTarget(e, { k: 'extern', fn: ext, varargTypes });
  return ext.ret;
}

/** Allowed implicit conversions into a C parameter. */
/** May an argument of type t be passed to a C parameter of type p (§6.1's implicit conversions)? */
export function argOk(t: Type, p: Type): boolean {
  if (assignable(t, p)) return true;
  if (p.k === 'ptr') {
    if (t.k === 'str' && p.inner.k === 'int' && intBits(p.inner.name) === 8) return true;
    if (t.k === 'ref' && (!p.mut || t.mut)) {
      if (typeEq(t.inner, p.inner)) return true;
      if (t.inner.k === 'array' && typeEq(t.inner.elem, p.inner)) return true;
    }
    if (t.k === 'ptr' && p.inner.k === 'unit') return true;
  }
  return false;
}

function checkCallback(cx: Ctx, name: string, i: number, a: ast.Expr, p: Extract<Type, { k: 'fn' }>, pte: ast.TypeExpr | undefined): void {
  const t = checkExpr(cx, a, p);
  if (t.k === 'error') return;
  if (t.k !== 'fn') {
    cx.error(MSG.E0136.argExpectedFound({ name, i: i + 1, spell: spell(cx, pte, p), t: typeName(t) }), a.span);
    return;
  }
  if (!t.externC) {
    cx.error(MSG.E0137.callbackPassedCMust(), a.span, {
      notes: [
        NOTE.E0137.noteCallsFunctionC({ name }),
        NOTE.E0137.helpDeclareExternC({ choice: a.kind === 'ident' ? a.name : 'callback', spell: spell(cx, pte, p) }),
      ],
    });
    return;
  }
  if (!typeEq(t, p)) cx.error(MSG.E0137.argCallbackSignatureExpected({ name, i: i + 1, t: typeName(t), spell: spell(cx, pte, p) }), a.span);
  else coerceExpr(cx, a, t, p);
}

/** GCC -Wformat-like check of a literal printf format against the promoted argument types. */
function checkPrintfFormat(cx: Ctx, e: ast.ExprOf<'call'>, fixed: number, vt: Type[]): void {
  const fa = e.args[fixed - 1];
  if (!fa || fa.kind !== 'string') return;
  const re = /%([-+ #0]*)(\d+|\*)?(?:\.(\d+|\*))?(hh|h|ll|l|z|j|t|L)?([diouxXcsfFeEgGp%])/g;
  let m: RegExpExecArray | null;
  let k = 0;
  while ((m = re.exec(fa.value))) {
    const conv = m[5], len = m[4] ?? '';
    if (conv === '%') continue;
    const arg = vt[k];
    const argExpr = e.args[fixed + k];
    k++;
    if (!arg) {
      cx.warn(MSG.W0101.formatNoMatchingArgument({ m: m[0] }), fa.span);
      return;
    }
    const want = expects(conv, len);
    if (want && arg.k !== 'error' && !want.ok(arg)) {
      cx.warn(MSG.W0101.formatExpectsButArgument({ m: m[0], what: want.what, fixed: fixed + k, arg: typeName(arg) }), argExpr?.span ?? fa.span, { notes: [NOTE.W0101.helpUse({ hint: want.hint(arg) })] });
    }
  }
  if (k < vt.length) cx.warn(MSG.W0101.tooManyArgumentsFormat({ vtLength: vt.length, k }), fa.span);
}

function expects(conv: string, len: string): { what: string; ok: (t: Type) => boolean; hint: (t: Type) => string } | null {
  const int = (bits: number) => (t: Type) => t.k === 'int' && intBits(t.name) === bits;
  const intHint = (t: Type) => (t.k === 'int' && intBits(t.name) === 64 ? '`%ld`' : t.k === 'float' ? '`%f` or `%g`' : t.k === 'ptr' ? '`%p` or `%s`' : '`%d`');
  const bits = len === 'l' || len === 'll' || len === 'z' || len === 'j' || len === 't' ? 64 : 32;
  switch (conv) {
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
      return { what: bits === 64 ? '`long` (i64/u64)' : '`int` (i32/u32)', ok: int(bits), hint: intHint };
    case 'c': return { what: '`int` (a character code)', ok: int(32), hint: intHint };
    case 's': return { what: 'a string (`str` or `*u8`)', ok: (t) => t.k === 'ptr' && t.inner.k === 'int' && intBits(t.inner.name) === 8, hint: intHint };
    case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': return { what: '`double` (f64)', ok: (t) => t.k === 'float', hint: intHint };
    case 'p': return { what: 'a pointer', ok: (t) => t.k === 'ptr', hint: intHint };
  }
  return null;
}

// Type expressions (vex-language.md §4.3), generic parameter lists, bounds and where clauses.
import type { Bound, GenericParam, TypeExpr, WhereClause } from './ast';
import { SyntaxCode as C } from './codes';
import type { Parser } from './parser-base';
import { parseExpr } from './parse-exprs';
import { TYPE_WORDS, type Token } from './tokens';
import { MSG } from '../msg';

/** Primitive type keywords: they never take `<...>` arguments. */
const PRIMITIVES = new Set(['i8', 'i16', 'i32', 'i64', 'i128', 'u8', 'u16', 'u32', 'u64', 'u128', 'f16', 'f32', 'f64', 'bool', 'string', 'any', 'byte', 'error']);

/** Can this token start a type? */
export function startsType(t: Token): boolean {
  const k = t.kind;
  return k === 'ident' || TYPE_WORDS.has(k) || k === '&' || k === '&&' || k === '*' || k === '[' || k === '(' || k === 'fn' || k === '!' || k === 'nil' || k === 'infer';
}

export function parseType(p: Parser): TypeExpr {
  const start = p.tok;
  if (!p.enter()) return { kind: 'error', span: p.spanFrom(start) };
  try {
    return typeInner(p, start);
  } finally {
    p.leave();
  }
}

function typeInner(p: Parser, start: Token): TypeExpr {
  const k = start.kind;
  if (k === '&' || k === '&&') {
    if (k === '&&') p.consumeFirstChar(); else p.advance();
    notMut(p, '&T!');
    if (p.at('[')) { // &[T] / &[T]!, or a reference to an array &[T; N] / &[T; N]!
      const open = p.advance();
      const elem = parseType(p);
      if (p.eat(';')) {
        const size = parseExpr(p);
        p.close(']', open);
        const inner: TypeExpr = { kind: 'array', span: p.spanFrom(open), elem, size };
        const mut = p.eat('!');
        return { kind: 'ref', span: p.spanFrom(start), mut, inner };
      }
      p.close(']', open);
      const mut = p.eat('!');
      return { kind: 'slice', span: p.spanFrom(start), elem, mut };
    }
    const inner = parseType(p);
    const mut = p.eat('!');
    return { kind: 'ref', span: p.spanFrom(start), mut, inner };
  }
  if (k === '*') {
    p.advance();
    p.eat('const'); // legacy spelling of *T
    notMut(p, '*T!');
    const inner = parseType(p);
    const mut = p.eat('!');
    return { kind: 'ptr', span: p.spanFrom(start), mut, inner };
  }
  if (k === '[') {
    const open = p.advance();
    const elem = parseType(p);
    if (!p.eat(';')) {
      p.errorExpected('`;` and an array length (`[T; N]`; slices are written `&[T]`)');
      p.skipSubtree();
      p.eat(']');
      return { kind: 'error', span: p.spanFrom(start) };
    }
    const size = parseExpr(p);
    p.close(']', open);
    return { kind: 'array', span: p.spanFrom(start), elem, size };
  }
  if (k === '(') {
    const open = p.advance();
    const elems: TypeExpr[] = [];
    let trailingComma = false;
    while (!p.at(')') && !p.atEof()) {
      elems.push(parseType(p));
      trailingComma = false;
      if (!p.eat(',')) break;
      trailingComma = true;
    }
    p.close(')', open);
    if (elems.length === 1 && !trailingComma) return elems[0]; // (T) is T
    return { kind: 'tuple', span: p.spanFrom(start), elems };
  }
  if (k === 'fn') {
    p.advance();
    const open = p.tok;
    const params: TypeExpr[] = [];
    if (p.expect('(')) {
      while (!p.at(')') && !p.atEof()) {
        if (p.at('ident') && p.peek().kind === ':') { p.advance(); p.advance(); } // named: fn(a: i32)
        if (p.at('...')) { p.advance(); } // C-variadic callback type: ignore the marker
        else params.push(parseType(p));
        if (!p.eat(',')) break;
      }
      p.close(')', open);
    }
    let ret: TypeExpr | null = null;
    if (p.at(':') || p.at('->')) { p.advance(); ret = parseType(p); }
    return { kind: 'fn', span: p.spanFrom(start), params, ret };
  }
  if (k === '!') {
    p.advance();
    return { kind: 'never', span: p.spanFrom(start) };
  }
  if ((k === 'infer' || (k === 'ident' && start.text === 'infer')) && p.peek().kind === 'ident') {
    // `infer X` inside a conditional type alias (chapter 2 §7.8): the type variable X
    p.advance();
    const x = p.advance();
    return { kind: 'named', span: p.spanFrom(start), name: x.text, args: [] };
  }
  if (k === 'ident' || TYPE_WORDS.has(k) || k === 'nil') {
    p.advance();
    const name = k === 'ident' ? start.text : k;
    let args: TypeExpr[] = [];
    // `x as T < y` stays a comparison: `<` opens arguments only before something type-like.
    if (p.at('<') && !PRIMITIVES.has(name) && startsType(p.peek())) args = parseTypeArgs(p);
    let member: string | undefined;
    if (p.at('.') && p.peek().kind === 'ident') { // Self.Item, T.Item
      p.advance();
      member = p.advance().text;
    }
    const t: TypeExpr = { kind: 'named', span: p.spanFrom(start), name, args };
    if (member !== undefined) t.member = member;
    return t;
  }
  if (k === '::') {
    p.error(MSG.E0020.notVexPathSeparator(), p.tokSpan(start));
  } else {
    p.errorExpected('type', C.ExpectedType);
  }
  return { kind: 'error', span: p.tokSpan(start) };
}

/** `&mut T` / `*mut T` are Rust: report once and read them as `&T!` / `*T!` would be written. */
function notMut(p: Parser, vex: string): void {
  if (p.at('ident') && p.tok.text === 'mut' && startsType(p.peek())) {
    p.error(MSG.E0033.mutableReferencePointerWritten({ vex }), p.tokSpan(p.tok));
    p.advance();
  }
}

/** `<T, U>` type arguments (current token `<`). */
export function parseTypeArgs(p: Parser): TypeExpr[] {
  const open = p.advance();
  const args: TypeExpr[] = [];
  while (!p.at('>') && !p.at('>>') && !p.at('>=') && !p.at('>>=') && !p.atEof()) {
    args.push(parseType(p));
    if (!p.eat(',')) break;
  }
  p.closeAngle(open);
  return args;
}

/** `<T: A + B = D, const N: usize>` (current token `<`). */
export function parseGenericParams(p: Parser): GenericParam[] {
  const open = p.advance();
  const out: GenericParam[] = [];
  while (!p.at('>') && !p.atEof()) {
    const start = p.tok;
    const isConst = p.eat('const');
    if (!p.at('ident')) {
      p.errorExpected('generic parameter name');
      break;
    }
    const name = p.advance().text;
    const g: GenericParam = { span: p.spanFrom(start), name, isConst, bounds: [] };
    if (isConst) {
      if (p.expect(':')) g.constType = parseType(p);
    } else if (p.eat(':')) {
      g.bounds = parseBounds(p);
    }
    if (p.eat('=')) g.default = parseType(p);
    g.span = p.spanFrom(start);
    out.push(g);
    if (!p.eat(',')) break;
  }
  p.closeAngle(open);
  return out;
}

/** `A + B<T> + Callable(i32): i32` */
export function parseBounds(p: Parser): Bound[] {
  const out: Bound[] = [];
  do {
    const start = p.tok;
    if (!p.at('ident') && !TYPE_WORDS.has(p.tok.kind)) {
      p.errorExpected('contract name');
      break;
    }
    p.advance();
    const b: Bound = { span: p.spanFrom(start), name: start.kind === 'ident' ? start.text : start.kind };
    if (p.at('<')) b.typeArgs = parseTypeArgs(p);
    if (p.at('(')) {
      const open = p.advance();
      b.args = [];
      while (!p.at(')') && !p.atEof()) {
        b.args.push(parseType(p));
        if (!p.eat(',')) break;
      }
      p.close(')', open);
      b.ret = p.eat(':') || p.eat('->') ? parseType(p) : null;
    }
    b.span = p.spanFrom(start);
    out.push(b);
  } while (p.eat('+'));
  return out;
}

/** `where T: A + B, T.Item: C` (current token `where`). */
export function parseWhere(p: Parser): WhereClause[] {
  p.advance();
  const out: WhereClause[] = [];
  do {
    const start = p.tok;
    if (!p.at('ident')) { p.errorExpected('type parameter name'); break; }
    const param = p.advance().text;
    let member: string | undefined;
    if (p.eat('.')) {
      if (p.at('ident')) member = p.advance().text;
      else p.errorExpected('associated type name');
    }
    p.expect(':');
    const bounds = parseBounds(p);
    const w: WhereClause = { span: p.spanFrom(start), param, bounds };
    if (member !== undefined) w.member = member;
    out.push(w);
  } while (p.eat(','));
  return out;
}

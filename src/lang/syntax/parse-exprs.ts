// Expressions with the exact precedence table of vex-language.md §3.2 (lowest → highest):
//   1 ranges (non-assoc)  2 ||  3 ??  4 &&  5 |  6 ^  7 &  8 << >>  9 comparisons  10 + -
//   11 * / %  12 ** (right, unary operands)  13 as  14 prefix  15 postfix
// plus the primary forms of §3.3 and `match` (§3.4).
import type { Block, ClosureParam, Expr, FStringPart, MatchArm, Stmt, TypeExpr } from './ast';
import { SyntaxCode as C } from './codes';
import { unsupportedConstruct } from './unsupported';
import { Parser, type Pos } from './parser-base';
import { parsePattern } from './parse-patterns';
import { parseBlock, parseIfChain, isItemStart, ASSIGN_OPS } from './parse-stmts';
import { parseType, parseTypeArgs } from './parse-types';
import { KEYWORDS, TYPE_WORDS, type Token } from './tokens';
import { MSG, NOTE } from '../msg';

const BIN_PREC: ReadonlyMap<string, number> = new Map([
  ['||', 2], ['??', 3], ['&&', 4], ['|', 5], ['^', 6], ['&', 7], ['<<', 8], ['>>', 8],
  ['==', 9], ['!=', 9], ['<', 9], ['<=', 9], ['>', 9], ['>=', 9],
  ['+', 10], ['-', 10], ['*', 11], ['/', 11], ['%', 11],
]);

const EXPR_START = new Set([
  'ident', 'int', 'float', 'strlit', 'fstring', 'true', 'false', 'nil', '(', '[', '{', '-', '!', '~', '&', '&&',
  '*', '**', '<-', '++', '--', '|', '||', 'await', 'match', 'if', 'async', 'typeof', 'badtok', '..', '..=',
  ...TYPE_WORDS,
]);

export function canStartExpr(t: Token): boolean { return EXPR_START.has(t.kind); }

const errorExpr = (p: Parser, start: Pos): Expr => ({ kind: 'error', span: p.spanFrom(start) });

/** A full expression (ranges included). */
export function parseExpr(p: Parser): Expr {
  const start = p.tok;
  if (!p.enter()) return errorExpr(p, start);
  try {
    return parseRange(p);
  } finally {
    p.leave();
  }
}

/** An expression in an `if`/`while`/`for`/`match`/`switch` head: `IDENT {}` is not a struct literal there. */
export function parseCond(p: Parser): Expr {
  if (p.at('{')) { // `if {` / `elif {`: the condition is missing (not a map literal)
    p.errorExpected('condition', C.ExpectedExpr);
    return { kind: 'error', span: p.tokSpan(p.tok) };
  }
  const saved = p.noEmptyStructLit;
  p.noEmptyStructLit = true;
  try {
    return parseExpr(p);
  } finally {
    p.noEmptyStructLit = saved;
  }
}

/** Parse inside brackets, where struct literals are unambiguous again. */
function nested<T>(p: Parser, f: () => T): T {
  const saved = p.noEmptyStructLit;
  p.noEmptyStructLit = false;
  try {
    return f();
  } finally {
    p.noEmptyStructLit = saved;
  }
}

// Range bounds never start with `{`, so `for i in 0.. {` keeps its body.
const startsRangeBound = (t: Token) => t.kind !== '{' && t.kind !== '..' && t.kind !== '..=' && EXPR_START.has(t.kind);

function parseRange(p: Parser): Expr {
  const start = p.tok;
  let lo: Expr | null = null;
  if (!p.at('..') && !p.at('..=')) {
    lo = parseBinary(p, 2);
    if (!p.at('..') && !p.at('..=')) return lo;
  }
  const inclusive = p.advance().kind === '..=';
  const hi = startsRangeBound(p.tok) ? parseBinary(p, 2) : null;
  const r: Expr = { kind: 'range', span: p.spanFrom(start), lo, hi, inclusive };
  if (p.at('..') || p.at('..=')) {
    p.error(MSG.E0032.rangeOperatorsCannotChained(), p.tokSpan(p.tok));
    p.advance();
    if (startsRangeBound(p.tok)) parseBinary(p, 2);
  }
  return r;
}

function parseBinary(p: Parser, minPrec: number): Expr {
  let left = parsePow(p);
  for (;;) {
    const prec = BIN_PREC.get(p.tok.kind);
    if (prec === undefined || prec < minPrec) return left;
    const op = p.advance().kind as Extract<Expr, { kind: 'binary' }>['op'];
    const right = parseBinary(p, prec + 1);
    left = { kind: 'binary', span: p.spanFrom(left.span), op, left, right };
  }
}

/** `**` is right-associative and its operands are cast/unary expressions: `-2 ** 2` = `(-2) ** 2`. */
function parsePow(p: Parser): Expr {
  const base = parseCast(p);
  if (!p.at('**')) return base;
  p.advance();
  const start = p.tok;
  if (!p.enter()) return errorExpr(p, start);
  try {
    const right = parsePow(p);
    return { kind: 'binary', span: p.spanFrom(base.span), op: '**', left: base, right };
  } finally {
    p.leave();
  }
}

function parseCast(p: Parser): Expr {
  let e = parsePrefix(p);
  while (p.at('as')) {
    p.advance();
    const type = parseType(p);
    e = { kind: 'cast', span: p.spanFrom(e.span), expr: e, type };
  }
  return e;
}

function parsePrefix(p: Parser): Expr {
  const start = p.tok;
  const k = start.kind;
  if (k !== '-' && k !== '!' && k !== '~' && k !== '++' && k !== '--' && k !== '&' && k !== '&&' && k !== '*' && k !== '**' && k !== '<-' && k !== 'await') {
    return parsePostfix(p);
  }
  if (!p.enter()) return errorExpr(p, start);
  try {
    // `&&x` is `&(&x)` and `**r` is `*(*r)`: in prefix position the two-character token splits
    if (k === '&&' || k === '**') p.consumeFirstChar(); else p.advance();
    const operand = parsePrefix(p);
    switch (k) {
      case '&': case '&&': {
        const mut = p.eat('!'); // &x! — the `!` follows the operand
        return { kind: 'ref', span: p.spanFrom(start), mut, operand };
      }
      case '*': case '**': return { kind: 'deref', span: p.spanFrom(start), operand };
      case '<-': return { kind: 'recv', span: p.spanFrom(start), operand };
      case 'await': return { kind: 'await', span: p.spanFrom(start), operand };
      default: return { kind: 'unary', span: p.spanFrom(start), op: k as '-' | '!' | '~' | '++' | '--', operand };
    }
  } finally {
    p.leave();
  }
}

// Tokens that may appear inside generic arguments (for the `IDENT <` lookahead).
const TYPEISH = new Set(['ident', ',', '<', '>', '>>', '[', ']', ';', 'int', '&', '&&', '*', '!', '(', ')', 'fn', ':', '->', '.', 'const', 'nil', ...TYPE_WORDS]);
const AFTER_TYPE_ARGS = new Set(['(', '.', '{', '::']);
const OPERAND_END = new Set(['ident', '>', '>>', ')', ']', 'int', ...TYPE_WORDS]);

/**
 * At `<` after a name: does a generic argument list start here (§2.1)? The next token must be a
 * primitive type, `[ & fn * ( Self`, or an identifier followed by `> , [ & < .`; and the list
 * must close with `>` followed by a call, member, struct literal or a non-expression token.
 */
function looksLikeTypeArgs(p: Parser): boolean {
  const n = p.peek(1);
  const k = n.kind;
  let ok = TYPE_WORDS.has(k) || k === '[' || k === '&' || k === '&&' || k === 'fn' || k === '*' || k === '(' || k === 'nil';
  if (k === 'ident') {
    const a = p.peek(2).kind;
    ok = n.text === 'Self' || a === '>' || a === ',' || a === '[' || a === '&' || a === '<' || a === '>>' || a === '.';
  }
  if (!ok) return false;
  let angle = 0, paren = 0;
  let prev = '';
  for (let i = 0; i < 64; i++) {
    const t = p.peek(i);
    if (t.kind === 'eof' || !TYPEISH.has(t.kind)) return false;
    // `&`, `&&`, `*` start a type only in prefix position; after an operand they are operators.
    if ((t.kind === '&' || t.kind === '&&' || t.kind === '*') && OPERAND_END.has(prev)) return false;
    prev = t.kind;
    if (t.kind === '<') angle++;
    else if (t.kind === '>') angle--;
    else if (t.kind === '>>') angle -= 2;
    else if (t.kind === '(') paren++;
    else if (t.kind === ')') { if (--paren < 0) return false; }
    if (angle < 0) return false;
    if (angle === 0) {
      const after = p.peek(i + 1);
      return AFTER_TYPE_ARGS.has(after.kind) || !EXPR_START.has(after.kind);
    }
  }
  return false;
}

function structLitAhead(p: Parser, name: string): boolean {
  const n1 = p.peek(1);
  if (n1.kind === 'ident' && p.peek(2).kind === ':') return true;
  if (p.noEmptyStructLit || !p.structNames.has(name)) return false;
  // A known struct: `{}`, and the non-Vex forms `{ x }` / `{ x, y: 1 }` / `{ ..base }`, which
  // parseStructLit reports precisely.
  const n2 = p.peek(2).kind;
  return n1.kind === '}' || (n1.kind === 'ident' && (n2 === ',' || n2 === '}')) || n1.kind === '..';
}

function parsePostfix(p: Parser): Expr {
  let e = parsePrimary(p);
  let pendingTypeArgs: TypeExpr[] | null = null; // `lib.symbol<F>` waiting for its `(`
  for (;;) {
    const t = p.tok;
    switch (t.kind) {
      case '(': {
        const args = parseArgs(p);
        e = { kind: 'call', span: p.spanFrom(e.span), callee: e, typeArgs: pendingTypeArgs, args, bang: false };
        pendingTypeArgs = null;
        if (p.at('!') && e.callee.kind === 'member') { p.advance(); e.bang = true; e.span = p.spanFrom(e.span); }
        continue;
      }
      case '.': case '::': {
        if (t.kind === '::') p.error(MSG.E0020.notVexPathSeparator(), p.tokSpan(t));
        p.advance();
        const n = p.tok;
        if (n.kind === 'int') {
          p.advance();
          e = { kind: 'tuple-index', span: p.spanFrom(e.span), object: e, index: Number(n.value) };
        } else if (n.kind === 'await') {
          p.error(MSG.E0029.awaitPrefixOperatorWrite(), p.tokSpan(n));
          p.advance();
          e = { kind: 'await', span: p.spanFrom(e.span), operand: e };
        } else if (n.kind === 'ident' || KEYWORDS.has(n.kind)) {
          // identifiers, and keywords as member names (`String.from`, `x.type`, `Vec.new`)
          p.advance();
          e = { kind: 'member', span: p.spanFrom(e.span), object: e, name: n.kind === 'ident' ? n.text : n.kind, nameSpan: p.tokSpan(n) };
        } else {
          p.errorExpected('field or method name after `.`');
          return e;
        }
        continue;
      }
      case '[': {
        const open = p.advance();
        const saved = p.noEmptyStructLit;
        p.noEmptyStructLit = false;
        p.openGroups++;
        const index = parseExpr(p);
        p.openGroups--;
        p.noEmptyStructLit = saved;
        p.close(']', open);
        e = { kind: 'index', span: p.spanFrom(e.span), object: e, index };
        continue;
      }
      case '++': case '--':
        p.advance();
        e = { kind: 'postfix', span: p.spanFrom(e.span), op: t.kind, operand: e };
        continue;
      case '?':
        p.advance();
        e = { kind: 'try', span: p.spanFrom(e.span), operand: e };
        continue;
      case '<': {
        if ((e.kind === 'ident' && e.typeArgs === null) || e.kind === 'member') {
          if (!looksLikeTypeArgs(p)) return e;
          const args = parseTypeArgs(p);
          if (e.kind === 'ident') { e.typeArgs = args; e.span = p.spanFrom(e.span); }
          else {
            pendingTypeArgs = args;
            if (!p.at('(')) p.errorExpected('`(` after the type arguments of a method');
          }
          continue;
        }
        return e;
      }
      case '{': {
        if (e.kind === 'ident' && structLitAhead(p, e.name)) { e = nested(p, () => parseStructLit(p, e as Extract<Expr, { kind: 'ident' }>)); continue; }
        // `u.Point { x: 1 }`: a struct of the module imported as `u` (chapter 2 §4.4)
        if (e.kind === 'member' && e.object.kind === 'ident' && /^[A-Z]/.test(e.name) && p.peek(1).kind === 'ident' && p.peek(2).kind === ':') {
          const head = { kind: 'ident' as const, span: e.span, name: `${e.object.name}.${e.name}`, typeArgs: null };
          e = nested(p, () => parseStructLit(p, head));
          continue;
        }
        return e;
      }
      default:
        return e;
    }
  }
}

function parseArgs(p: Parser): Expr[] {
  const open = p.advance();
  const args: Expr[] = [];
  const saved = p.noEmptyStructLit;
  p.noEmptyStructLit = false;
  p.openGroups++;
  while (!p.at(')') && !p.atEof()) {
    args.push(parseExpr(p));
    if (!p.eat(',')) break;
  }
  p.openGroups--;
  p.noEmptyStructLit = saved;
  p.close(')', open);
  return args;
}

function parseStructLit(p: Parser, head: Extract<Expr, { kind: 'ident' }>): Expr {
  const open = p.advance();
  const fields: { name: string; value: Expr; span: ReturnType<Parser['spanFrom']> }[] = [];
  while (!p.at('}') && !p.atEof()) {
    const f = p.tok;
    if (p.at('..')) {
      p.error(MSG.E0010.vexStructLiteralsNo(), p.tokSpan(f));
      p.skipSubtree();
      break;
    }
    if (!p.at('ident')) { p.errorExpected('field name'); p.skipSubtree(); break; }
    p.advance();
    let value: Expr;
    if (p.at(',') || p.at('}')) { // `{ x }` shorthand: not Vex, but the meaning is clear
      p.error(MSG.E0010.structLiteralFieldsNeed({ fText: f.text }), p.tokSpan(f));
      value = { kind: 'ident', span: p.tokSpan(f), name: f.text, typeArgs: null };
    } else {
      p.expect(':');
      value = parseExpr(p);
    }
    fields.push({ name: f.text, value, span: p.spanFrom(f) });
    if (!p.eat(',')) break;
  }
  p.close('}', open);
  return { kind: 'struct-lit', span: p.spanFrom(head.span), name: head.name, nameSpan: head.span, typeArgs: head.typeArgs, fields };
}

// ------------------------------------------------------------ primaries

function parsePrimary(p: Parser): Expr {
  const t = p.tok;
  switch (t.kind) {
    case 'int':
      p.advance();
      return { kind: 'int', span: p.tokSpan(t), value: t.value as bigint, suffix: t.suffix, raw: t.text };
    case 'float':
      p.advance();
      return { kind: 'float', span: p.tokSpan(t), value: t.value as number, suffix: t.suffix, raw: t.text };
    case 'strlit':
      p.advance();
      return { kind: 'string', span: p.tokSpan(t), value: t.text };
    case 'fstring':
      p.advance();
      return parseFString(p, t);
    case 'true': case 'false':
      p.advance();
      return { kind: 'bool', span: p.tokSpan(t), value: t.kind === 'true' };
    case 'nil':
      p.advance();
      return { kind: 'nil', span: p.tokSpan(t) };
    case 'ident':
      if (t.text === 'move' && (p.peek().kind === '|' || p.peek().kind === '||')) {
        // Rust's `move |x| …`: Vex closures always capture by reference and may outlive the frame.
        p.advance();
        p.error(MSG.E0022.vexNoMoveClosures(), p.tokSpan(t), { notes: [NOTE.E0022.helpRemoveMove()] });
        return nested(p, () => parseClosure(p));
      }
      p.advance();
      return { kind: 'ident', span: p.tokSpan(t), name: t.text, typeArgs: null };
    case '(': case '[': { // inline (no closure): these nest deepest, keep stack frames few
      const saved = p.noEmptyStructLit;
      p.noEmptyStructLit = false;
      p.openGroups++;
      try {
        return t.kind === '(' ? parseParen(p) : parseArray(p);
      } finally {
        p.openGroups--;
        p.noEmptyStructLit = saved;
      }
    }
    case '{': return nested(p, () => parseMap(p));
    case '|': case '||': return nested(p, () => parseClosure(p));
    case 'match': return parseMatch(p);
    case 'if': {
      p.advance();
      const chain = parseIfChain(p, true, t);
      if (chain.else === null) {
        p.error(MSG.E0030.ifUsedValueNeeds(), p.tokSpan(t));
      }
      return { kind: 'if', span: p.spanFrom(t), branches: chain.branches, else: chain.else ?? emptyBlock(p, t) };
    }
    case 'async': {
      p.advance();
      if (!p.at('{')) { p.errorExpected('`{` after `async`'); return errorExpr(p, t); }
      const body = parseBlock(p, true);
      return { kind: 'async', span: p.spanFrom(t), body };
    }
    case 'typeof': {
      p.advance();
      const open = p.tok;
      if (!p.expect('(')) return errorExpr(p, t);
      const operand = nested(p, () => parseExpr(p));
      p.close(')', open);
      return { kind: 'typeof', span: p.spanFrom(t), operand };
    }
    case 'badtok': // already reported by the lexer
      p.advance();
      return errorExpr(p, t);
    case 'new': case 'make': case 'select': case 'gpu': case 'launch': case 'try': case 'policy': case 'with':
      p.error(unsupportedConstruct(t.kind), p.tokSpan(t));
      p.advance();
      return errorExpr(p, t);
    default:
      if (TYPE_WORDS.has(t.kind)) { // Map(), Set(), i32 in value position (`Map<str, i32>.new()`)
        p.advance();
        return { kind: 'ident', span: p.tokSpan(t), name: t.kind, typeArgs: null };
      }
      p.errorExpected('expression', C.ExpectedExpr);
      return { kind: 'error', span: p.tokSpan(t) };
  }
}

function emptyBlock(p: Parser, at: Token): Block {
  return { kind: 'block', span: p.tokSpan(at), stmts: [], tail: null };
}

function parseFString(p: Parser, t: Token): Expr {
  const parts: FStringPart[] = [];
  for (const part of t.parts ?? []) {
    if (part.kind === 'text') { parts.push({ kind: 'text', text: part.text }); continue; }
    const sub = new Parser(p.file, part.tokens, p.rep, p.structNames);
    sub.depth = p.depth;
    const expr = parseExpr(sub);
    if (!sub.atEof()) sub.errorExpected('`}` closing the f-string hole');
    p.errorCount += sub.errorCount;
    parts.push({ kind: 'hole', expr });
  }
  return { kind: 'fstring', span: p.tokSpan(t), parts };
}

function parseParen(p: Parser): Expr {
  const open = p.advance();
  if (p.eat(')')) return { kind: 'tuple', span: p.spanFrom(open), elems: [] };
  const first = parseExpr(p);
  if (!p.at(',')) {
    p.close(')', open);
    first.span = p.spanFrom(open);
    return first;
  }
  const elems = [first];
  while (p.eat(',')) {
    if (p.at(')')) break;
    elems.push(parseExpr(p));
  }
  p.close(')', open);
  return { kind: 'tuple', span: p.spanFrom(open), elems };
}

function parseArray(p: Parser): Expr {
  const open = p.advance();
  if (p.eat(']')) return { kind: 'array', span: p.spanFrom(open), elems: [] };
  const first = parseExpr(p);
  if (p.eat(';')) {
    const count = parseExpr(p);
    p.close(']', open);
    return { kind: 'array-repeat', span: p.spanFrom(open), value: first, count };
  }
  const elems = [first];
  while (p.eat(',')) {
    if (p.at(']')) break;
    elems.push(parseExpr(p));
  }
  p.close(']', open);
  return { kind: 'array', span: p.spanFrom(open), elems };
}

function parseMap(p: Parser): Expr {
  const open = p.advance();
  const entries: { key: Expr; value: Expr }[] = [];
  while (!p.at('}') && !p.atEof()) {
    const key = parseExpr(p);
    if (!p.expect(':')) { p.skipSubtree(); break; }
    const value = parseExpr(p);
    entries.push({ key, value });
    if (!p.eat(',')) break;
  }
  p.close('}', open);
  return { kind: 'map', span: p.spanFrom(open), entries };
}

function parseClosure(p: Parser): Expr {
  const start = p.tok;
  const params: ClosureParam[] = [];
  if (p.at('||')) p.advance();
  else {
    p.advance();
    while (!p.at('|') && !p.atEof()) {
      const n = p.tok;
      if (!p.at('ident') && !p.at('_')) { p.errorExpected('closure parameter name'); break; }
      p.advance();
      const type = p.eat(':') ? parseType(p) : null;
      params.push({ span: p.spanFrom(n), name: n.kind === '_' ? '_' : n.text, type });
      if (!p.eat(',')) break;
    }
    p.close('|', start);
  }
  let ret: TypeExpr | null = null;
  if (p.eat(':') || p.eat('->')) {
    ret = parseType(p);
    if (!p.at('{')) p.errorExpected('`{` (a closure with a return type needs a block body)');
  }
  let body: Expr | Block;
  if (p.at('{')) body = parseBlock(p, true);
  else {
    const e = parseExpr(p);
    if (ASSIGN_OPS.has(p.tok.kind)) { // `|| n += 1`: an assignment body is a one-statement block
      const op = p.advance().kind as Extract<Stmt, { kind: 'assign' }>['op'];
      const value = parseExpr(p);
      const s: Stmt = { kind: 'assign', span: p.spanFrom(e.span), op, target: e, value };
      body = { kind: 'block', span: s.span, stmts: [s], tail: null };
    } else body = e;
  }
  return { kind: 'closure', span: p.spanFrom(start), params, ret, body };
}

const ARM_STOP = new Set(['let', 'let!', 'if', 'while', 'for', 'loop', 'switch', 'break', 'continue', 'return', 'defer', 'go', 'unsafe', 'match', 'elif', 'else']);

function parseMatch(p: Parser): Expr {
  const start = p.advance();
  const subject = parseCond(p);
  const open = p.tok;
  const arms: MatchArm[] = [];
  if (!p.expect('{')) return { kind: 'match', span: p.spanFrom(start), subject, arms };
  nested(p, () => {
    while (!p.at('}') && !p.atEof()) {
      // A statement or item where an arm should start: the match's `}` is missing.
      if (p.at(';') || ARM_STOP.has(p.tok.kind) || isItemStart(p)) break;
      const before = p.pos;
      const arm = parseArm(p);
      if (arm) arms.push(arm);
      if (p.pos === before) p.skipBalanced();
    }
  });
  p.close('}', open);
  return { kind: 'match', span: p.spanFrom(start), subject, arms };
}

function parseArm(p: Parser): MatchArm | null {
  const start = p.tok;
  const pattern = parsePattern(p);
  const guard = p.eat('if') ? parseExpr(p) : null;
  if (!p.expect('=>')) {
    // resync at the next arm separator
    while (!p.at(',') && !p.at('}') && !p.atEof()) p.skipBalanced();
    p.eat(',');
    return null;
  }
  const b = p.tok;
  let body: MatchArm['body'];
  let needsComma = true;
  if (b.kind === '{') { body = parseBlock(p, true); needsComma = false; }
  else if (b.kind === 'return') {
    p.advance();
    const value = p.at(',') || p.at('}') ? null : parseExpr(p);
    body = { kind: 'return', span: p.spanFrom(b), value };
  } else if (b.kind === 'break' || b.kind === 'continue') {
    p.advance();
    body = { kind: b.kind, span: p.spanFrom(b) };
  } else body = parseExpr(p);
  if (!p.eat(',') && needsComma && !p.at('}')) p.errorExpected('`,` or `}` after a match arm');
  return { span: p.spanFrom(start), pattern, guard, body };
}

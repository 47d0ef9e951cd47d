// Statements and blocks (vex-language.md §3.1). Tail values: a block's final expression without
// `;` becomes `Block.tail` only where §3.3 allows it (match arms, closures, async/go blocks,
// if-expression branches, and if/else/bare/unsafe blocks nested in those); elsewhere it is the
// missing-`;` error — function bodies need an explicit `return`.
import type { AssignOp, Block, Expr, Stmt } from './ast';
import { SyntaxCode as C } from './codes';
import type { Parser, Pos } from './parser-base';
import { parseCond, parseExpr } from './parse-exprs';
import { parseLetPattern } from './parse-patterns';
import { parseType } from './parse-types';
import { describeToken, type Token } from './tokens';
import { MSG, NOTE } from '../msg';

export const ASSIGN_OPS: ReadonlySet<string> = new Set(['=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<=', '>>=']);

const STMT_START = new Set(['let', 'let!', 'if', 'while', 'for', 'loop', 'switch', 'break', 'continue', 'return', 'defer', 'go', 'unsafe', 'match']);

/** Where a statement list ends and whether its last expression may be a tail value. */
export interface StmtCtx {
  allowTail: boolean;
  end: '}' | 'eof';
  /** Extra tokens that end the list (`case`/`default` in switch bodies). */
  stopAt?: ReadonlySet<string>;
  tail: Expr | null;
}

/** True at a token that starts an item (used to end a block whose `}` is missing). */
export function isItemStart(p: Parser): boolean {
  const t = p.tok;
  switch (t.kind) {
    case 'fn': case 'struct': case 'enum': case 'contract': case 'extern': case 'import': case 'export': case '#': case 'impl':
      return true;
    case 'async': return p.peek().kind === 'fn';
    case 'ident':
      if (t.text === 'thread_local') { const n = p.peek().kind; return n === 'let' || n === 'let!'; }
      if (t.text === 'union') return p.peek().kind === 'ident' && p.peek(2).kind === '{';
      return false;
    default: return false;
  }
}

/** `{ stmts [tail] }` (current token must be `{`). */
export function parseBlock(p: Parser, allowTail: boolean): Block {
  const open = p.tok;
  if (!p.eat('{')) {
    p.errorExpected('`{`');
    return { kind: 'block', span: p.tokSpan(open), stmts: [], tail: null };
  }
  if (!p.enter()) {
    p.eat('}');
    return { kind: 'block', span: p.spanFrom(open), stmts: [], tail: null };
  }
  try {
    const ctx: StmtCtx = { allowTail, end: '}', tail: null };
    const stmts = parseStmtList(p, ctx);
    if (!p.at('}') && isItemStart(p)) {
      p.error(MSG.E0012.expectedFound({ tok: describeToken(p.tok) }), p.tokSpan(p.tok), {
        labels: [{ span: p.tokSpan(open), message: NOTE.E0012.labelBlockNotClosed() }],
        notes: [NOTE.E0012.itemsFnStructCannot()],
      });
    } else p.close('}', open);
    return { kind: 'block', span: p.spanFrom(open), stmts, tail: ctx.tail };
  } finally {
    p.leave();
  }
}

/** Statements until the context's end token (not consumed). Always makes progress. */
export function parseStmtList(p: Parser, ctx: StmtCtx): Stmt[] {
  const stmts: Stmt[] = [];
  for (;;) {
    const k = p.tok.kind;
    if (k === ctx.end || k === 'eof' || ctx.stopAt?.has(k)) break;
    if (ctx.end === '}' && isItemStart(p)) break; // a missing `}`: let the item level take over
    // A missing `}`: `elif`/`else` continue the enclosing if-chain, `)`/`]` close an enclosing group.
    if (ctx.end === '}' && (k === 'elif' || k === 'else' || ((k === ')' || k === ']') && p.openGroups > 0))) break;
    if (k === ')' || k === ']' || (k === '}' && ctx.end === 'eof')) {
      p.error(MSG.E0017.unexpectedClosingDelimiter({ k }), p.tokSpan(p.tok));
      p.advance();
      continue;
    }
    const before = p.pos, errs = p.errorCount;
    const s = parseStmt(p, ctx);
    if (s) stmts.push(s);
    if (ctx.tail) break;
    // Resync only when the broken statement did not reach its own end.
    if (p.errorCount !== errs && p.prev.kind !== ';' && p.prev.kind !== '}') syncStmt(p);
    if (p.pos === before) p.skipBalanced();
  }
  return stmts;
}

/** After an error: skip to the end of the statement (`;` consumed) or the next statement start. */
export function syncStmt(p: Parser): void {
  for (;;) {
    const k = p.tok.kind;
    if (k === 'eof' || k === '}') return;
    if (k === ';') { p.advance(); return; }
    if (STMT_START.has(k) || isItemStart(p)) return;
    p.skipBalanced();
  }
}

export function parseStmt(p: Parser, ctx: StmtCtx): Stmt | null {
  const t = p.tok;
  switch (t.kind) {
    case 'let': case 'let!': return parseLet(p);
    case 'if': return parseIfStmt(p, ctx);
    case 'while': {
      p.advance();
      const cond = parseCond(p);
      const body = parseBlock(p, false);
      return { kind: 'while', span: p.spanFrom(t), cond, body };
    }
    case 'loop': {
      p.advance();
      const body = parseBlock(p, false);
      return { kind: 'loop', span: p.spanFrom(t), body };
    }
    case 'for': return parseFor(p);
    case 'switch': return parseSwitch(p);
    case 'break': case 'continue':
      p.advance();
      p.expectSemi();
      return { kind: t.kind, span: p.spanFrom(t) };
    case 'return': {
      p.advance();
      const value = p.at(';') || p.at('}') || p.atEof() ? null : parseExpr(p);
      p.expectSemi();
      return { kind: 'return', span: p.spanFrom(t), value };
    }
    case 'defer': {
      p.advance();
      if (p.at('{')) {
        const body = parseBlock(p, false);
        p.eat(';');
        return { kind: 'defer', span: p.spanFrom(t), body };
      }
      const body = exprOrAssign(p, parseExpr);
      p.expectSemi();
      return { kind: 'defer', span: p.spanFrom(t), body };
    }
    case 'go': {
      p.advance();
      if (p.at('{')) {
        const body = parseBlock(p, true);
        if (!p.eat(';')) p.error(MSG.E0027.expectedAfterGoBlock({ choice: p.tok.kind === 'eof' ? 'end of file' : `\`${p.tok.text || p.tok.kind}\`` }), p.afterPrev());
        return { kind: 'go', span: p.spanFrom(t), body };
      }
      const body = parseExpr(p);
      p.expectSemi();
      return { kind: 'go', span: p.spanFrom(t), body };
    }
    case 'unsafe': {
      p.advance();
      const body = parseBlock(p, ctx.allowTail);
      return { kind: 'unsafe', span: p.spanFrom(t), body };
    }
    case '{': return parseBlock(p, ctx.allowTail);
    case ';': p.advance(); return null; // empty statement
    default: return parseExprStmt(p, ctx);
  }
}

function exprOrAssign(p: Parser, parse: (p: Parser) => Expr): Stmt {
  const e = parse(p);
  if (ASSIGN_OPS.has(p.tok.kind)) {
    const op = p.advance().kind as AssignOp;
    const value = parse(p);
    return { kind: 'assign', span: p.spanFrom(e.span), op, target: e, value };
  }
  return { kind: 'expr', span: e.span, expr: e };
}

function parseExprStmt(p: Parser, ctx: StmtCtx): Stmt | null {
  const s = exprOrAssign(p, parseExpr);
  if (s.kind === 'assign') { p.expectSemi(); s.span = p.spanFrom(s.span); return s; }
  const e = (s as Extract<Stmt, { kind: 'expr' }>).expr;
  if (p.eat(';')) { s.span = p.spanFrom(s.span); return s; }
  // `)`/`]` closing an enclosing group: this block's `}` is missing (the block reports it).
  const groupCloses = ctx.end === '}' && (p.at(')') || p.at(']')) && p.openGroups > 0;
  const atEnd = p.at(ctx.end) || groupCloses || (ctx.stopAt?.has(p.tok.kind) ?? false);
  if (atEnd && ctx.allowTail && !ctx.stopAt) { ctx.tail = e; return null; }
  if (groupCloses) return s;
  if (e.kind === 'match' || e.kind === 'error') return s; // `;` is optional after match
  if (p.at('}') && ctx.end === '}') {
    p.error(MSG.E0019.expectedFound(), p.afterPrev(), {
      notes: [NOTE.E0019.trailingExpressionNotReturn()],
    });
    return s;
  }
  p.expectSemi();
  return s;
}

function parseLet(p: Parser): Stmt {
  const start = p.advance();
  let mut = start.kind === 'let!';
  if (!mut && p.at('!')) {
    p.error(MSG.E0024.letOneTokenRemove(), p.spanFrom(start));
    p.advance();
    mut = true;
  } else if (p.at('ident') && p.tok.text === 'mut' && p.peek().kind === 'ident') {
    p.error(MSG.E0033.writeLetNameMutable(), p.tokSpan(p.tok));
    p.advance();
    mut = true;
  }
  const pattern = parseLetPattern(p);
  const type = p.eat(':') ? parseType(p) : null;
  let init: Expr;
  if (p.eat('=')) init = parseExpr(p);
  else {
    if (p.at(';')) p.error(MSG.E0023.letRequiresInitializerLet(), p.afterPrev());
    else p.errorExpected('`=`');
    init = { kind: 'error', span: p.afterPrev() };
  }
  p.expectSemi();
  return { kind: 'let', span: p.spanFrom(start), mut, pattern, type, init };
}

/** `cond block {elif cond block | else if cond block} [else block]` after the `if` token. */
export function parseIfChain(p: Parser, allowTail: boolean, ifTok: Token): { branches: { cond: Expr; body: Block; span: ReturnType<Parser['spanFrom']> }[]; else: Block | null } {
  const branches = [];
  let bStart: Pos = ifTok;
  for (;;) {
    const cond = parseCond(p);
    const body = parseBlock(p, allowTail);
    branches.push({ cond, body, span: p.spanFrom(bStart) });
    if (p.at('elif')) { bStart = p.advance(); continue; }
    if (p.at('else')) {
      const e = p.advance();
      if (p.at('if')) { bStart = e; p.advance(); continue; } // `else if` = `elif`
      return { branches, else: parseBlock(p, allowTail) };
    }
    return { branches, else: null };
  }
}

function parseIfStmt(p: Parser, ctx: StmtCtx): Stmt | null {
  const start = p.advance();
  const chain = parseIfChain(p, ctx.allowTail, start);
  const span = p.spanFrom(start);
  // The last statement of a tail-capable block may be an if-expression with tail values.
  if (ctx.allowTail && chain.else && !ctx.stopAt && p.at(ctx.end) &&
      (chain.else.tail !== null || chain.branches.some((b) => b.body.tail !== null))) {
    ctx.tail = { kind: 'if', span, branches: chain.branches, else: chain.else };
    return null;
  }
  return { kind: 'if', span, branches: chain.branches, else: chain.else };
}

function parseFor(p: Parser): Stmt {
  const start = p.advance();
  if ((p.at('ident') || p.at('_')) && p.peek().kind === 'in') {
    const n = p.advance();
    p.advance();
    const iter = parseCond(p);
    const body = parseBlock(p, false);
    return { kind: 'for-in', span: p.spanFrom(start), name: n.kind === '_' ? '_' : n.text, nameSpan: p.tokSpan(n), iter, body };
  }
  // C style: for init; cond; post { }
  let paren: Token | null = null;
  if (p.at('(') && (p.peek().kind === 'let' || p.peek().kind === 'let!' || p.peek().kind === ';')) {
    paren = p.advance();
    p.error(MSG.E0010.cStyleNoParentheses(), p.tokSpan(paren));
  }
  let init: Stmt | null = null;
  if (!p.eat(';')) {
    if (p.at('let') || p.at('let!')) init = parseLet(p);
    else { init = exprOrAssign(p, parseCond); p.expectSemi(); }
  }
  const cond = p.at(';') ? null : parseCond(p);
  p.expectSemi();
  const post = p.at('{') || (paren && p.at(')')) ? null : exprOrAssign(p, parseCond);
  if (paren) p.eat(')');
  const body = parseBlock(p, false);
  return { kind: 'for-c', span: p.spanFrom(start), init, cond, post, body };
}

const CASE_STOP: ReadonlySet<string> = new Set(['case', 'default']);

function parseSwitch(p: Parser): Stmt {
  const start = p.advance();
  const subject = parseCond(p);
  const open = p.tok;
  const cases: Extract<Stmt, { kind: 'switch' }>['cases'] = [];
  let dflt: Extract<Stmt, { kind: 'switch' }>['default'] = null;
  if (!p.expect('{')) return { kind: 'switch', span: p.spanFrom(start), subject, cases, default: null };
  while (!p.at('}') && !p.atEof()) {
    const c = p.tok;
    if (c.kind === 'case') {
      p.advance();
      const values = [parseExpr(p)];
      while (p.eat(',')) values.push(parseExpr(p));
      p.expect(':');
      const body = parseStmtList(p, { allowTail: false, end: '}', stopAt: CASE_STOP, tail: null });
      cases.push({ values, body, span: p.spanFrom(c) });
    } else if (c.kind === 'default') {
      p.advance();
      p.expect(':');
      const body = parseStmtList(p, { allowTail: false, end: '}', stopAt: CASE_STOP, tail: null });
      dflt = { body, span: p.spanFrom(c) };
    } else {
      if (isItemStart(p)) break;
      p.errorExpected('`case` or `default`');
      p.skipBalanced();
    }
  }
  p.close('}', open);
  return { kind: 'switch', span: p.spanFrom(start), subject, cases, default: dflt };
}

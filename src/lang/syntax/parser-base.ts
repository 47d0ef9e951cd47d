// The parser's cursor over the token stream: lookahead, spans, error reporting with cascade
// suppression, the nesting-depth guard, and token splitting (`>>` closing two generic lists).
// The grammar itself lives in parse-items / parse-stmts / parse-exprs / parse-types / parse-patterns.
import { diag, type Label } from '../diagnostics';
import type { Span } from '../span';
import { MSG, NOTE, type CodesWith, type Message } from '../msg';
import { SyntaxCode as C } from './codes';
import type { Reporter } from './lexer';
import { describeToken, type Token } from './tokens';

/** Maximum nesting of expressions/types/blocks/patterns before the parser gives up on a subtree. */
export const MAX_DEPTH = 160;

/** Anything with a start position (a token or a span). */
export interface Pos { start: number; line: number; col: number }

/** Lookahead window (tokens are pulled from the lexer on demand; the parser peeks at most ~70 ahead). */
const WINDOW = 256;
const MASK = WINDOW - 1;

const OPENERS = new Set(['(', '[', '{']);
const CLOSERS = new Set([')', ']', '}']);

export class Parser {
  pos = 0;
  prev: Token;
  depth = 0;
  /** Errors reported (including suppressed ones): lets statement parsers know they must resync. */
  errorCount = 0;
  /** Token index of the last reported error: a second error at the same token is a cascade. */
  private lastErrorAt = -1;
  private tooDeepReported = false;
  /** In `if`/`while`/`match`/`for` heads: `IDENT {}` is never a struct literal. */
  noEmptyStructLit = false;
  /** `(` and `[` groups open around the current point of an expression (a `)` in a block then closes them). */
  openGroups = 0;
  /** The lexer already reported input running to end of file (unterminated string/comment): stay quiet there. */
  quietAtEof: () => boolean = () => false;
  /** A REPL cell: the `;` that would end its last item (`import { PI } from "math"`) may be left
   *  out, as after its last statement. */
  semiOptionalAtEof = false;

  /** Token `i` (absolute index) is at window[i & MASK] while i < pulled. */
  private readonly window: Token[] = new Array<Token>(WINDOW);
  private pulled = 0;
  private eofTok: Token | null = null;
  private eofIndex = 0;
  private readonly pull: () => Token;
  /** The current token (index `pos`). */
  private cur: Token;

  constructor(
    readonly file: string,
    /** A token array ending in `eof`, or a lexer stream (see `tokenStream`). */
    source: Token[] | (() => Token),
    readonly rep: Reporter,
    /** Struct and union names declared in the file (pre-pass), for the struct-literal rule. */
    readonly structNames: ReadonlySet<string>,
  ) {
    if (Array.isArray(source)) {
      let i = 0;
      this.pull = () => source[i < source.length - 1 ? i++ : source.length - 1];
    } else this.pull = source;
    this.cur = this.tokenAt(0);
    this.prev = this.cur;
  }

  private tokenAt(i: number): Token {
    while (this.pulled <= i && this.eofTok === null) {
      const t = this.pull();
      this.window[this.pulled & MASK] = t;
      if (t.kind === 'eof') { this.eofTok = t; this.eofIndex = this.pulled; }
      this.pulled++;
    }
    if (this.eofTok !== null && i >= this.eofIndex) return this.eofTok;
    return this.window[i & MASK];
  }

  get tok(): Token { return this.cur; }
  peek(n = 1): Token { return this.tokenAt(this.pos + n); }
  at(kind: string): boolean { return this.cur.kind === kind; }
  atEof(): boolean { return this.cur.kind === 'eof'; }

  advance(): Token {
    const t = this.cur;
    if (t.kind !== 'eof') { this.pos++; this.cur = this.tokenAt(this.pos); }
    this.prev = t;
    return t;
  }

  eat(kind: string): boolean {
    if (this.cur.kind !== kind) return false;
    this.advance();
    return true;
  }

  /** Consume `kind` or report "expected `kind`, found X" at the current token. */
  expect(kind: string, what = `\`${kind}\``): boolean {
    if (this.eat(kind)) return true;
    this.errorExpected(what);
    return false;
  }

  /** Consume a closing delimiter; when missing, say which opener is unclosed. */
  close(kind: string, open: Token): boolean {
    if (this.eat(kind)) return true;
    this.error(MSG.E0012.expectedFound2({ kind, tok: describeToken(this.tok) }), this.tokSpan(this.tok),
      { labels: [{ span: this.tokSpan(open), message: NOTE.E0012.labelUnclosedDelimiter() }] });
    return false;
  }

  /** `;` that must end a statement or declaration: reported at the end of the previous token. */
  expectSemi(code: CodesWith<'expectedSemi'> = 'E0011'): boolean {
    if (this.eat(';')) return true;
    if (this.semiOptionalAtEof && this.atEof()) return true;
    const t = this.tok;
    const notes = t.kind === '<-' ? ['`<-` is one token (channel receive): write `a < -1` for a comparison']
      : t.kind === '!' && this.prev.kind === 'ident' && (this.peek().kind === '(' || this.peek().kind === '[') ? ['Vex has no macros: call `println(…)`, not `println!(…)`']
        : [];
    this.error(MSG[code].expectedSemi({ found: describeToken(t) }), this.afterPrev(), { notes });
    return false;
  }

  /** Zero-width span just after the previous token (where a missing `;` belongs). */
  afterPrev(): Span {
    const p = this.prev;
    return { file: this.file, start: p.end, end: p.end, line: p.endLine, col: p.endCol, endLine: p.endLine, endCol: p.endCol };
  }

  errorExpected(what: string, code: CodesWith<'expected'> = 'E0010'): void {
    this.error(MSG[code].expected({ what, found: describeToken(this.tok) }), this.tokSpan(this.tok));
  }

  error(message: Message, span: Span, extra: { labels?: Label[]; notes?: string[] } = {}): void {
    this.errorCount++;
    if (this.lastErrorAt === this.pos) return; // cascade from the same spot
    if (this.cur.kind === 'eof' && this.quietAtEof()) return;
    // past the nesting limit a subtree was skipped without knowing where its construct ended: what
    // follows is most likely a cascade of that (E0018 alone already stops the program)
    if (this.tooDeepReported) return;
    this.lastErrorAt = this.pos;
    this.rep.add(diag(message, span, extra));
  }

  /**
   * At `fn` inside a struct/contract/extern body: does it start a top-level function instead (the
   * body's `}` is missing)? Yes for receiver/owner forms, which are never members, and for a `fn`
   * on a later line indented no deeper than the body's own item keyword.
   */
  fnLeavesBody(bodyStart: Token, open: Token): boolean {
    const n1 = this.peek(1), n2 = this.peek(2);
    // `fn (self: &P) get()` inside a struct body is an inline method with an explicit receiver
    // (chapter 2 §7.1); `fn (p: &P) …` there is a Go-style method after a missing `}`.
    if (n1.kind === '(' && n2.kind === 'ident' && n2.text === 'self') return false;
    if (n1.kind === 'ident' && n1.text === 'Self' && n2.kind === '.') return false; // a static contract method `fn Self.make()`
    if (n1.kind === '(' || (n1.kind === 'ident' && n2.kind === '.')) return true;
    const t = this.tok;
    return t.line > open.line && t.col <= bodyStart.col;
  }

  // ------------------------------------------------------------ spans

  tokSpan(t: Token): Span {
    return { file: this.file, start: t.start, end: t.end, line: t.line, col: t.col, endLine: t.endLine, endCol: t.endCol };
  }

  /** From `s` to the end of the last consumed token. */
  spanFrom(s: Pos): Span {
    const p = this.prev;
    if (p.end < s.start) return { file: this.file, start: s.start, end: s.start, line: s.line, col: s.col, endLine: s.line, endCol: s.col };
    return { file: this.file, start: s.start, end: p.end, line: s.line, col: s.col, endLine: p.endLine, endCol: p.endCol };
  }

  // ------------------------------------------------------------ depth guard

  /** Enter one nesting level; false when too deep (the caller must call skipSubtree and bail out). */
  enter(): boolean {
    if (this.depth >= MAX_DEPTH) {
      if (!this.tooDeepReported) {
        this.tooDeepReported = true;
        this.rep.add(diag(MSG.E0018.limitLevels({ MAX_DEPTH }), this.tokSpan(this.tok)));
      }
      this.errorCount++;
      this.skipSubtree();
      return false;
    }
    this.depth++;
    return true;
  }
  leave(): void { this.depth--; }

  /** Skip tokens iteratively up to the closer (or `;`/`,`) that ends the current nesting level. */
  skipSubtree(): void {
    let d = 0;
    for (;;) {
      const k = this.tok.kind;
      if (k === 'eof') return;
      if (OPENERS.has(k)) d++;
      else if (CLOSERS.has(k)) { if (d === 0) return; d--; }
      else if (d === 0 && (k === ';' || k === ',')) return;
      this.advance();
    }
  }

  /** Skip one token, or a whole balanced group when at an opener. */
  skipBalanced(): void {
    if (!OPENERS.has(this.tok.kind)) { this.advance(); return; }
    let d = 0;
    do {
      const k = this.tok.kind;
      if (k === 'eof') return;
      if (OPENERS.has(k)) d++;
      else if (CLOSERS.has(k)) d--;
      this.advance();
    } while (d > 0);
  }

  // ------------------------------------------------------------ token splitting

  /** Consume a `>` that closes a generic list, splitting `>>`, `>=`, `>>=` when needed. */
  closeAngle(open: Token): boolean {
    const t = this.tok;
    if (t.kind === '>') { this.advance(); return true; }
    if (t.kind === '>>' || t.kind === '>=' || t.kind === '>>=') { this.consumeFirstChar(); return true; }
    return this.close('>', open);
  }

  /** Consume only the first character of the current token (`&&` as `&` `&`, `>>` as `>` `>`). */
  consumeFirstChar(): Token {
    const t = this.tok;
    const first = t.kind[0], restKind = t.kind.slice(1);
    const head: Token = { ...t, kind: first, text: first, end: t.start + 1, endLine: t.line, endCol: t.col + 1 };
    this.cur = { ...t, kind: restKind, text: restKind, start: t.start + 1, col: t.col + 1 };
    this.window[this.pos & MASK] = this.cur;
    this.prev = head;
    return head;
  }
}

export const isOpener = (k: string) => OPENERS.has(k);
export const isCloser = (k: string) => CLOSERS.has(k);

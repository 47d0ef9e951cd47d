// The Vex lexer (vex-language.md §1 and the lexing traps of §7). It scans with charCodeAt, tracks
// line/column incrementally so every token carries a full span, never throws, and reports
// malformed input (E0001–E0008) while continuing with the next character.
import type { Diagnostic } from '../diagnostics';
import { diag } from '../diagnostics';
import type { Span } from '../span';
import type { Message } from '../msg';
import { SyntaxCode as C } from './codes';
import {
  KEYWORDS, INT_SUFFIXES, PUNCT1, PUNCT2, PUNCT3, OP_METHOD_OPS, OP_METHOD_CALL_OPS,
  type Token, type FStringTokPart,
} from './tokens';
import { MSG } from '../msg';

/** Collects diagnostics with a cap, so a megabyte of garbage yields a bounded list. */
export class Reporter {
  readonly list: Diagnostic[] = [];
  private dropped = 0;
  constructor(readonly limit = 200) {}
  add(d: Diagnostic): void {
    if (this.list.length < this.limit) this.list.push(d);
    else this.dropped++;
  }
  get droppedCount(): number { return this.dropped; }
}

export interface LexResult {
  tokens: Token[];
  diagnostics: Diagnostic[];
}

/** Lex a whole file. The last token is always `eof`. */
export function lex(file: string, text: string, reporter = new Reporter()): LexResult {
  const lx = new Lexer(file, text, 0, text.length, 1, 0, reporter);
  return { tokens: lx.run(), diagnostics: reporter.list };
}

// Canonical (interned) strings for keyword and punctuation kinds.
const CANON = new Map<string, string>();
for (const s of [...KEYWORDS, ...PUNCT1, ...PUNCT2, ...PUNCT3, '_']) CANON.set(s, s);

const isDigit = (c: number) => c >= 48 && c <= 57;
const isIdentStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isIdentChar = (c: number) => isIdentStart(c) || isDigit(c);
const isHex = (c: number) => isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
function digitOk(c: number, base: number): boolean {
  if (base === 16) return isHex(c);
  if (base === 10) return isDigit(c);
  if (base === 8) return c >= 48 && c <= 55;
  return c === 48 || c === 49;
}
// Whitespace: space, tab, LF, CR (the playground accepts CRLF), form feed.
// A byte-order mark (U+FEFF) is whitespace too: editors on Windows may save one.
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 0xfeff;
const PUNCT_START = new Set([...PUNCT1].map((s) => s.charCodeAt(0)));
// Punctuation looked up by char codes (no slicing): ASCII codes packed 7 bits each.
const pack = (t: string) => [...t].reduce((acc, ch) => (acc << 7) | ch.charCodeAt(0), 0);
const PUNCT3_BY_CODE = new Map([...PUNCT3].map((t) => [pack(t), t] as const));
const PUNCT2_BY_CODE = new Map([...PUNCT2].map((t) => [pack(t), t] as const));
const PUNCT1_BY_CODE: (string | undefined)[] = [];
for (const t of PUNCT1) PUNCT1_BY_CODE[t.charCodeAt(0)] = t;
function startsToken(c: number): boolean {
  return isIdentStart(c) || isDigit(c) || isSpace(c) || c === 34 || c === 96 || c === 39 || PUNCT_START.has(c);
}

/**
 * Lex on demand: `next()` returns one token at a time (then `eof` forever). The parser pulls tokens
 * through a small window so they die young instead of all surviving the whole parse.
 */
export function tokenStream(file: string, text: string, reporter: Reporter): () => Token {
  const lx = new Lexer(file, text, 0, text.length, 1, 0, reporter);
  return () => lx.next();
}

class Lexer {
  /** The token just produced (null until one is). */
  private out: Token | null = null;
  private last: Token | null = null;
  private eof: Token | null = null;
  constructor(
    private readonly file: string,
    private readonly src: string,
    private pos: number,
    private readonly end: number,
    private line: number,
    private lineStart: number,
    private readonly rep: Reporter,
  ) {}

  /** All tokens up to and including `eof`. */
  run(): Token[] {
    const out: Token[] = [];
    for (;;) {
      const t = this.next();
      out.push(t);
      if (t.kind === 'eof') return out;
    }
  }

  next(): Token {
    if (this.eof) return this.eof;
    const src = this.src;
    this.out = null;
    while (this.out === null) {
      this.skipTrivia();
      if (this.pos >= this.end) {
        this.pos = this.end;
        this.push('eof', this.end, this.line, this.end - this.lineStart + 1, '');
        this.eof = this.out;
        break;
      }
      const start = this.pos, sLine = this.line, sCol = start - this.lineStart + 1;
      const c = src.charCodeAt(start);
      if (isIdentStart(c)) this.ident(start, sLine, sCol);
      else if (isDigit(c)) this.number(start, sLine, sCol);
      else if (c === 34) this.string(start, sLine, sCol, false);
      else if (c === 96) this.tag(start, sLine, sCol);
      else if (c === 39) this.charLiteral(start, sLine, sCol);
      else this.punct(start, sLine, sCol); // may produce no token (unknown characters)
    }
    const t = this.out as unknown as Token; // set by push() inside the loop
    this.last = t;
    return t;
  }

  // ------------------------------------------------------------ helpers

  private push(kind: string, start: number, line: number, col: number, text: string,
    value: bigint | number | null = null, suffix: string | null = null, parts: FStringTokPart[] | null = null): Token {
    const t: Token = {
      kind, start, end: this.pos, line, col, endLine: this.line, endCol: this.pos - this.lineStart + 1,
      text, value, suffix, parts,
    };
    this.out = t;
    return t;
  }

  private spanFrom(start: number, line: number, col: number): Span {
    return { file: this.file, start, end: this.pos, line, col, endLine: this.line, endCol: this.pos - this.lineStart + 1 };
  }

  private report(message: Message, span: Span, notes: string[] = []): void {
    this.rep.add(diag(message, span, { notes }));
  }

  /** Advance one char, keeping line bookkeeping. */
  private step(): void {
    if (this.src.charCodeAt(this.pos) === 10) { this.line++; this.lineStart = this.pos + 1; }
    this.pos++;
  }

  private skipTrivia(): void {
    const src = this.src;
    while (this.pos < this.end) {
      const c = src.charCodeAt(this.pos);
      if (c === 10) { this.pos++; this.line++; this.lineStart = this.pos; }
      else if (isSpace(c)) this.pos++;
      else if (c === 47 && src.charCodeAt(this.pos + 1) === 47 && this.pos + 1 < this.end) {
        while (this.pos < this.end && src.charCodeAt(this.pos) !== 10) this.pos++;
      } else if (c === 47 && src.charCodeAt(this.pos + 1) === 42 && this.pos + 1 < this.end) {
        // Block comments do not nest: the first `*/` closes.
        const start = this.pos, sLine = this.line, sCol = start - this.lineStart + 1;
        this.pos += 2;
        let closed = false;
        while (this.pos < this.end) {
          if (src.charCodeAt(this.pos) === 42 && src.charCodeAt(this.pos + 1) === 47 && this.pos + 1 < this.end) {
            this.pos += 2; closed = true; break;
          }
          this.step();
        }
        if (!closed) {
          const s = this.spanFrom(start, sLine, sCol);
          this.report(MSG.E0002.unterminatedBlockComment(), { ...s, end: start + 2, endLine: sLine, endCol: sCol + 2 },
            ['block comments do not nest: the first `*/` closes the comment']);
        }
      } else break;
    }
  }

  // ------------------------------------------------------------ identifiers and keywords

  private ident(start: number, sLine: number, sCol: number): void {
    const src = this.src;
    let p = start + 1;
    while (p < this.end && isIdentChar(src.charCodeAt(p))) p++;
    const word = src.slice(start, p);
    this.pos = p;
    const next = p < this.end ? src.charCodeAt(p) : -1;
    if (word === 'f' && next === 34) { this.string(start, sLine, sCol, true); return; }
    if (word === 'let' && next === 33 && src.charCodeAt(p + 1) !== 61) { // `let!` but not `let!=`
      this.pos = p + 1;
      this.push('let!', start, sLine, sCol, 'let!');
      return;
    }
    if (word === 'op') {
      for (const op of OP_METHOD_CALL_OPS) {
        if (src.startsWith(op, p) && src.charCodeAt(p + op.length) === 40 /* ( */ && p + op.length < this.end) {
          this.pos = p + op.length;
          this.push('opmethod', start, sLine, sCol, 'op' + op);
          return;
        }
      }
      for (const op of OP_METHOD_OPS) {
        if (src.startsWith(op, p) && p + op.length <= this.end) {
          this.pos = p + op.length;
          this.push('opmethod', start, sLine, sCol, 'op' + op);
          return;
        }
      }
    }
    const kw = CANON.get(word);
    if (kw !== undefined) this.push(kw, start, sLine, sCol, kw);
    else this.push('ident', start, sLine, sCol, word);
  }

  // ------------------------------------------------------------ numbers

  /** Digits of `base` with `_` separators between digits; returns the digits without `_`. */
  private digits(base: number): string {
    const src = this.src;
    const from = this.pos;
    let hasUnderscore = false;
    while (this.pos < this.end) {
      const c = src.charCodeAt(this.pos);
      if (digitOk(c, base)) { this.pos++; continue; }
      if (c === 95 && this.pos > from) {
        let q = this.pos;
        while (q < this.end && src.charCodeAt(q) === 95) q++;
        if (q < this.end && digitOk(src.charCodeAt(q), base)) { hasUnderscore = true; this.pos = q; continue; }
      }
      break;
    }
    const raw = src.slice(from, this.pos);
    return hasUnderscore ? raw.replace(/_/g, '') : raw;
  }

  private number(start: number, sLine: number, sCol: number): void {
    const src = this.src;
    let base = 10;
    const c1 = src.charCodeAt(start + 1) | 32;
    if (src.charCodeAt(start) === 48 && start + 1 < this.end && (c1 === 120 || c1 === 111 || c1 === 98)) {
      base = c1 === 120 ? 16 : c1 === 111 ? 8 : 2;
      this.pos = start + 2;
    }
    let digits = this.digits(base);
    if (base !== 10) {
      // Decimal digits that don't belong to the base (0b102, 0o9) are an error, not a new token.
      let bad = false;
      while (this.pos < this.end && isDigit(src.charCodeAt(this.pos))) { this.pos++; bad = true; }
      if (digits === '' || bad) {
        this.report(digits === '' ? MSG.E0007.missingDigitsAfterInteger() : MSG.E0007.invalidDigitBaseLiteral({ base }),
          this.spanFrom(start, sLine, sCol));
        if (digits === '') digits = '0';
      }
    }
    let isFloat = false;
    // `t.0.1`: after a member `.` the digits are a tuple index, never a float.
    const prev = this.last;
    const afterDot = prev !== null && prev.kind === '.' && prev.end === start;
    if (base === 10 && !afterDot && src.charCodeAt(this.pos) === 46 && isDigit(src.charCodeAt(this.pos + 1)) && this.pos + 1 < this.end) {
      this.pos++;
      digits += '.' + this.digits(10);
      isFloat = true;
      const e = src.charCodeAt(this.pos) | 32;
      if (e === 101) {
        let q = this.pos + 1;
        const s = src.charCodeAt(q);
        if (s === 43 || s === 45) q++;
        if (q < this.end && isDigit(src.charCodeAt(q))) {
          const expStart = this.pos;
          this.pos = q;
          this.digits(10);
          digits += src.slice(expStart, this.pos).replace(/_/g, '');
        }
      }
    }
    let suffix: string | null = null;
    if (this.pos < this.end && isIdentStart(src.charCodeAt(this.pos))) {
      let q = this.pos;
      while (q < this.end && isIdentChar(src.charCodeAt(q))) q++;
      const w = src.slice(this.pos, q);
      if (isFloat ? w === 'f32' || w === 'f64' : INT_SUFFIXES.has(w)) { suffix = w; this.pos = q; }
    }
    const raw = src.slice(start, this.pos);
    if (isFloat) {
      this.push('float', start, sLine, sCol, raw, Number(digits), suffix);
    } else {
      const prefix = base === 16 ? '0x' : base === 8 ? '0o' : base === 2 ? '0b' : '';
      this.push('int', start, sLine, sCol, raw, BigInt(prefix + digits), suffix);
    }
  }

  // ------------------------------------------------------------ strings, f-strings, tags

  /** Reads one escape after `\` (this.pos at the backslash); returns the decoded text. */
  private escape(): string {
    const src = this.src;
    const start = this.pos, sLine = this.line, sCol = start - this.lineStart + 1;
    const c = src.charCodeAt(this.pos + 1);
    if (this.pos + 1 >= this.end) { this.pos++; return ''; }
    this.pos += 2;
    switch (c) {
      case 110: return '\n';
      case 114: return '\r';
      case 116: return '\t';
      case 98: return '\b';
      case 102: return '\f';
      case 34: return '"';
      case 92: return '\\';
      case 117: { // \uXXXX
        let hex = '';
        while (hex.length < 4 && this.pos < this.end && isHex(src.charCodeAt(this.pos))) hex += src[this.pos++];
        const cp = parseInt(hex, 16);
        if (hex.length === 4 && cp >= 0xd800 && cp <= 0xdfff) {
          // a code point past U+FFFF is written as a pair (`\uD83D\uDE00`); a lone surrogate has no
          // UTF-8 (it became U+FFFD's bytes)
          const low = /^\\u[dD][c-fC-F][0-9a-fA-F]{2}/.exec(src.slice(this.pos, this.pos + 6));
          if (cp <= 0xdbff && low) { this.pos += 6; return String.fromCharCode(cp, parseInt(low[0].slice(2), 16)); }
          this.report(MSG.E0004.surrogateEscape({ hex }), this.spanFrom(start, sLine, sCol));
          return '';
        }
        if (hex.length === 4) return String.fromCharCode(cp);
        this.report(MSG.E0004.malformedUnicodeEscapeExpected(), this.spanFrom(start, sLine, sCol));
        return '';
      }
      default: {
        if (c === 10) { this.line++; this.lineStart = this.pos; }
        const ch = src.slice(start + 1, this.pos);
        this.report(MSG.E0004.unknownEscapeSequence({ choice: ch === '\n' ? 'n' : ch }), this.spanFrom(start, sLine, sCol),
          ['valid escapes: \\n \\r \\t \\b \\f \\" \\\\ \\uXXXX']);
        return ch;
      }
    }
  }

  /** A string literal (this.pos at `"`), or an f-string (start at the `f`). Strings may span lines. */
  private string(start: number, sLine: number, sCol: number, isF: boolean): void {
    const src = this.src;
    this.pos = isF ? start + 2 : start + 1;
    let text = '';
    let chunk = this.pos;
    const parts: FStringTokPart[] = [];
    let closed = false;
    while (this.pos < this.end) {
      const c = src.charCodeAt(this.pos);
      if (c === 34) { text += src.slice(chunk, this.pos); this.pos++; closed = true; break; }
      if (c === 92) { text += src.slice(chunk, this.pos) + this.escape(); chunk = this.pos; continue; }
      if (isF && c === 123) { // `{`
        text += src.slice(chunk, this.pos);
        if (src.charCodeAt(this.pos + 1) === 123) { text += '{'; this.pos += 2; chunk = this.pos; continue; }
        if (text !== '') { parts.push({ kind: 'text', text }); text = ''; }
        if (!this.hole(parts)) { chunk = this.pos; break; }
        chunk = this.pos;
        continue;
      }
      if (isF && c === 125) { // `}`
        text += src.slice(chunk, this.pos);
        if (src.charCodeAt(this.pos + 1) === 125) { text += '}'; this.pos += 2; chunk = this.pos; continue; }
        const s = this.pos, l = this.line, col = s - this.lineStart + 1;
        this.pos++;
        this.report(MSG.E0008.unmatchedFString(), this.spanFrom(s, l, col), ['write `}}` for a literal brace']);
        text += '}';
        chunk = this.pos;
        continue;
      }
      this.step();
    }
    if (!closed) {
      text += src.slice(chunk, this.pos);
      // A hole that ran into the closing quote ends the f-string there.
      if (isF && this.pos < this.end && src.charCodeAt(this.pos) === 34) { this.pos++; closed = true; }
    }
    if (!closed) {
      this.report(MSG.E0003.unterminatedStringLiteral(), { ...this.spanFrom(start, sLine, sCol), end: start + 1, endLine: sLine, endCol: sCol + 1 });
    }
    if (isF) {
      if (text !== '') parts.push({ kind: 'text', text });
      this.push('fstring', start, sLine, sCol, src.slice(start, this.pos), null, null, parts);
    } else {
      this.push('strlit', start, sLine, sCol, text);
    }
  }

  /** An f-string hole (this.pos at `{`): finds the matching `}` and lexes its content. */
  private hole(parts: FStringTokPart[]): boolean {
    const src = this.src;
    const open = this.pos, oLine = this.line, oCol = open - this.lineStart + 1;
    this.pos++;
    const hStart = this.pos, hLine = this.line, hLineStart = this.lineStart;
    let depth = 0;
    while (this.pos < this.end) {
      const c = src.charCodeAt(this.pos);
      if (c === 34) break;
      if (c === 123) depth++;
      else if (c === 125) { if (depth === 0) break; depth--; }
      this.step();
    }
    const hEnd = this.pos;
    if (this.pos >= this.end || src.charCodeAt(this.pos) !== 125) {
      this.report(MSG.E0008.unterminatedFString(), this.spanFrom(open, oLine, oCol), ['write `{{` for a literal brace']);
      return false;
    }
    this.pos++;
    if (src.slice(hStart, hEnd).trim() === '') {
      this.report(MSG.E0008.emptyFStringPut(), this.spanFrom(open, oLine, oCol));
      return true;
    }
    const sub = new Lexer(this.file, src, hStart, hEnd, hLine, hLineStart, this.rep);
    parts.push({ kind: 'hole', tokens: sub.run(), start: hStart, end: hEnd });
    return true;
  }

  private tag(start: number, sLine: number, sCol: number): void {
    const src = this.src;
    this.pos = start + 1;
    while (this.pos < this.end && src.charCodeAt(this.pos) !== 96) this.step();
    if (this.pos >= this.end) {
      this.report(MSG.E0006.missingClosingBacktick(), { ...this.spanFrom(start, sLine, sCol), end: start + 1, endLine: sLine, endCol: sCol + 1 });
      this.push('tag', start, sLine, sCol, src.slice(start + 1, this.pos));
      return;
    }
    const text = src.slice(start + 1, this.pos);
    this.pos++;
    this.push('tag', start, sLine, sCol, text);
  }

  private charLiteral(start: number, sLine: number, sCol: number): void {
    const src = this.src;
    // Swallow a plausible `'x'` / `'\n'` so one diagnostic covers it.
    let q = start + 1;
    while (q < this.end && q < start + 10 && src.charCodeAt(q) !== 39 && src.charCodeAt(q) !== 10) q += src.charCodeAt(q) === 92 ? 2 : 1;
    this.pos = q < this.end && src.charCodeAt(q) === 39 ? q + 1 : start + 1;
    this.report(MSG.E0005.vexNoCharacterLiterals(), this.spanFrom(start, sLine, sCol),
      ['use a string ("a") or a `u32` code point']);
    this.push('badtok', start, sLine, sCol, src.slice(start, this.pos));
  }

  // ------------------------------------------------------------ punctuation

  private punct(start: number, sLine: number, sCol: number): void {
    const src = this.src;
    const c1 = src.charCodeAt(start);
    const c2 = start + 1 < this.end ? src.charCodeAt(start + 1) : 0;
    if (c2 !== 0 && c2 < 128) { // packing needs ASCII
      const c3 = start + 2 < this.end ? src.charCodeAt(start + 2) : 0;
      const k3 = c3 !== 0 && c3 < 128 ? PUNCT3_BY_CODE.get((c1 << 14) | (c2 << 7) | c3) : undefined;
      if (k3 !== undefined) { this.pos = start + 3; this.push(k3, start, sLine, sCol, k3); return; }
      const k2 = PUNCT2_BY_CODE.get((c1 << 7) | c2);
      if (k2 !== undefined) { this.pos = start + 2; this.push(k2, start, sLine, sCol, k2); return; }
    }
    const k = PUNCT1_BY_CODE[c1];
    if (k !== undefined) { this.pos = start + 1; this.push(k, start, sLine, sCol, k); return; }
    // Unknown characters: one diagnostic for the whole run.
    let q = start + 1;
    while (q < this.end && !startsToken(src.charCodeAt(q))) q++;
    this.pos = q;
    const what = q - start === 1 ? MSG.E0001.unexpectedCharacter({ printable: printable(src[start]) }) : MSG.E0001.unexpectedCharacters();
    this.report(what, this.spanFrom(start, sLine, sCol));
  }
}

function printable(ch: string): string {
  const c = ch.charCodeAt(0);
  return c < 32 || c === 127 ? `\\u{${c.toString(16)}}` : ch;
}

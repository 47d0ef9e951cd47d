// `vex fmt`: a conservative formatter driven by the token stream. It re-indents every line from
// bracket nesting (4 spaces), keeps every comment, caps blank lines at one (none just inside a
// brace), trims trailing whitespace and normalises spacing only where it cannot change how the
// text lexes: no space before `,` `;` `)` `]` or after `(` `[`, one space after `,` `;` `:`, and
// runs of spaces collapsed to one. Token text (strings, f-strings, numbers) is copied verbatim, so
// a program means the same after formatting. Files that do not parse are never formatted.
import type { Diagnostic } from '../diagnostics';
import { lex } from './lexer';
import { parse } from './parser';
import type { Token } from './tokens';

export interface FormatResult {
  /** The formatted text, or null when the source has syntax errors (see diagnostics). */
  text: string | null;
  diagnostics: Diagnostic[];
}

const INDENT = '    ';
const OPENERS = new Set(['(', '[', '{']);
const CLOSERS = new Set([')', ']', '}']);
/** A line starting with one of these continues the previous line's expression. */
const CONTINUES_START = new Set(['.', '&&', '||', '??', '+']);
/** A line ending with one of these is continued by the next line. */
const CONTINUES_END = new Set(['=', '&&', '||', '??', '+', '=>']);

/** Format `text`; syntax errors (lexer or parser) leave it unformatted. */
export function formatSource(file: string, text: string): FormatResult {
  const parsed = parse(file, text);
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) return { text: null, diagnostics: parsed.diagnostics };
  const { tokens, diagnostics } = lex(file, text);
  if (diagnostics.some((d) => d.severity === 'error')) return { text: null, diagnostics };
  return { text: formatTokens(text, tokens), diagnostics: [] };
}

/** A piece of trivia between two tokens: a line break or a comment (whitespace is dropped). */
type Trivia = { kind: 'newline' } | { kind: 'comment'; text: string; line: boolean; lead: string };

function scanTrivia(gap: string): Trivia[] {
  const out: Trivia[] = [];
  let i = 0, lead = '';
  while (i < gap.length) {
    const c = gap[i];
    if (c === ' ' || c === '\t') { lead += c; i++; continue; }
    if (c === '\n') { out.push({ kind: 'newline' }); i++; }
    else if (c === '/' && gap[i + 1] === '/') {
      let j = gap.indexOf('\n', i);
      if (j < 0) j = gap.length;
      out.push({ kind: 'comment', text: gap.slice(i, j).replace(/[ \t\r\f]+$/, ''), line: true, lead });
      i = j;
    } else if (c === '/' && gap[i + 1] === '*') {
      let j = gap.indexOf('*/', i + 2);
      j = j < 0 ? gap.length : j + 2;
      out.push({ kind: 'comment', text: gap.slice(i, j), line: false, lead });
      i = j;
    } else i++; // CR, form feed, BOM
    lead = '';
  }
  return out;
}

/** Whether a space belongs between two tokens on one line (`hadSpace`: the source had one). */
function spaceBetween(prev: Token, next: Token, hadSpace: boolean): boolean {
  if (next.kind === ',' || next.kind === ';') return false;
  if (next.kind === ')') return false;
  // `[ ]` stays as written: `op[]` is an operator-method name only without the space.
  if (next.kind === ']') return prev.kind === '[' ? hadSpace : false;
  if (prev.kind === '(' || prev.kind === '[') return false;
  if (prev.kind === ',' || prev.kind === ';' || prev.kind === ':') return true;
  return hadSpace;
}

function formatTokens(src: string, tokens: Token[]): string {
  const out: string[] = [];
  // Open brackets with the indent level of the line that opened them.
  const stack: { kind: string; level: number; caseBody: boolean }[] = [];
  let lineLevel = 0; // indent level of the line being written
  let prev: Token | null = null;
  let atLineStart = true; // nothing written on the current output line yet
  let prevEnd = 0;

  const levelFor = (tok: Token | null, prevTok: Token | null): number => {
    if (tok && CLOSERS.has(tok.kind) && stack.length) return stack[stack.length - 1].level;
    const top = stack.length ? stack[stack.length - 1] : null;
    // Statements under a `case X:` / `default:` label sit one level deeper than the label.
    const label = tok !== null && (tok.kind === 'case' || tok.kind === 'default');
    if (top && label) top.caseBody = true;
    const base = top ? top.level + 1 + (top.caseBody && !label ? 1 : 0) : 0;
    const cont = (tok && CONTINUES_START.has(tok.kind)) || (prevTok && CONTINUES_END.has(prevTok.kind));
    return cont && tok && !CLOSERS.has(tok.kind) ? base + 1 : base;
  };
  const breakLines = (n: number, next: Token | null): void => {
    if (out.length === 0) return; // no blank lines at the top of the file
    let lines = Math.min(n, 2);
    // No blank line just after an opening brace or just before a closing one.
    if ((prev && OPENERS.has(prev.kind) && atLineStartAfterToken) || (next && CLOSERS.has(next.kind))) lines = 1;
    for (let k = 0; k < lines; k++) out.push('\n');
    atLineStart = true;
  };
  // True while nothing but the previous token's line break has been written since that token.
  let atLineStartAfterToken = false;

  for (const tok of tokens) {
    const gap = src.slice(prevEnd, tok.start);
    let newlines = 0;
    let hadSpace = gap.length > 0;
    for (const t of scanTrivia(gap)) {
      if (t.kind === 'newline') { newlines++; continue; }
      if (newlines > 0 || out.length === 0) {
        breakLines(newlines, null);
        atLineStartAfterToken = false;
        out.push(INDENT.repeat(levelFor(null, null)));
      } else if (!atLineStart) out.push(t.lead || ' '); // trailing comments keep their alignment
      out.push(t.text);
      atLineStart = false;
      atLineStartAfterToken = false;
      newlines = 0;
      hadSpace = true;
      // A line comment is always followed by the newline that ends it (or end of file).
    }
    if (tok.kind === 'eof') break;
    if (newlines > 0 || out.length === 0) {
      breakLines(newlines, tok);
      lineLevel = levelFor(tok, prev);
      out.push(INDENT.repeat(lineLevel));
    } else if (prev && !atLineStart && spaceBetween(prev, tok, hadSpace)) out.push(' ');
    out.push(src.slice(tok.start, tok.end));
    atLineStart = false;
    atLineStartAfterToken = true;
    if (OPENERS.has(tok.kind)) stack.push({ kind: tok.kind, level: lineLevel, caseBody: false });
    else if (CLOSERS.has(tok.kind)) stack.pop();
    prev = tok;
    prevEnd = tok.end;
  }
  if (out.length === 0) return '';
  // Every line ends in a token or a trimmed comment, so no trailing whitespace is ever written
  // (and none is removed from inside a multi-line string).
  return out.join('') + '\n';
}

// The parser's front doors: `parse` for a file, `parseCell` / `parseReplLine` for REPL input
// (§6.17). Parsing never throws: syntax errors become diagnostics (codes in ./codes.ts) and the
// rest of the input is still parsed. Grammar: parse-items, parse-stmts, parse-exprs, parse-types,
// parse-patterns; cursor and error recovery: parser-base.
import { diag, type Diagnostic } from '../diagnostics';
import { LineMap } from '../span';
import type { Expr, Item, Program, Stmt } from './ast';
import { Reporter, tokenStream } from './lexer';
import { Parser } from './parser-base';
import { skipOtherBodies } from './skip-bodies';
import { isTopItemStart, parseItem, syncItem, type ItemState } from './parse-items';
import { parseStmt, syncStmt, type StmtCtx } from './parse-stmts';

import { SyntaxCode } from './codes';
import { MSG } from '../msg';
export { SyntaxCode };

export interface ParseResult {
  program: Program;
  diagnostics: Diagnostic[];
}

/**
 * Struct and union names declared in the source, by a quick text scan (the parser streams its
 * tokens, so there is no token pre-pass). A name that only appears in a comment or string is
 * harmless: it only lets `Name {}` read as an (empty) struct literal.
 */
export function scanStructNames(text: string): Set<string> {
  const out = new Set<string>();
  const re = /\b(?:struct|union)[ \t\r\n\f]+([A-Za-z_][A-Za-z0-9_]*)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.add(m[1]);
  return out;
}

function setup(file: string, text: string, extraStructNames?: Iterable<string>, bodiesAt?: number): Parser {
  const rep = new Reporter();
  const names = scanStructNames(text);
  if (extraStructNames) for (const n of extraStructNames) names.add(n);
  const tokens = tokenStream(file, text, rep);
  const p = new Parser(file, bodiesAt === undefined ? tokens : skipOtherBodies(tokens, bodiesAt), rep, names);
  p.quietAtEof = () => rep.list.some((d) => d.code === SyntaxCode.UnterminatedString || d.code === SyntaxCode.UnterminatedComment || d.code === SyntaxCode.UnterminatedTag);
  return p;
}

function finish(p: Parser): Diagnostic[] {
  const list = p.rep.list.slice().sort((a, b) => a.span.start - b.span.start);
  if (p.rep.droppedCount > 0) {
    const last = list[list.length - 1];
    list.push(diag(MSG.E0010.moreSyntaxErrorsNot({ droppedCount: p.rep.droppedCount }), last.span, { severity: 'note' }));
  }
  return list;
}

/** A safety net: a parser bug must surface as a diagnostic, never as an exception. */
function internalError(file: string, text: string, e: unknown): Diagnostic {
  const span = new LineMap(file, text).span(0, 0);
  // The depth guard keeps recursion far below a normal JS stack; a tiny stack can still overflow.
  if (e instanceof RangeError) return diag(MSG.E0018.availableStack(), span);
  return diag(MSG.E0099.internalParserError({ choice: e instanceof Error ? e.message : String(e) }), span);
}

/** `bodiesAt`: an editor query's parse (sema/analysis.ts): the bodies of functions that cannot
 *  hold this position are parsed as empty blocks (syntax/skip-bodies.ts). */
export function parse(file: string, text: string, bodiesAt?: number): ParseResult {
  const span = new LineMap(file, text).span(0, text.length);
  const program: Program = { file, items: [], noMain: false, span };
  let p: Parser | null = null;
  try {
    p = setup(file, text, undefined, bodiesAt);
    const st: ItemState = { itemCount: 0, noMain: false, reprC: null };
    while (!p.atEof()) {
      const before = p.pos, errs = p.errorCount;
      const item = parseItem(p, st);
      if (item) program.items.push(item);
      if (p.errorCount !== errs) syncItem(p);
      if (p.pos === before) p.skipBalanced();
    }
    program.noMain = st.noMain;
    if (st.noMainSpan) program.noMainSpan = st.noMainSpan;
    if (!/_to_string|\bstr(?:len|cmp)\b|\bmap_(?:new|insert|get|len)\b|\bset_(?:new|insert|contains|remove|len)\b/.test(text)) program.noConversions = true;
    if (!/\.\s*iter\b|\bVecIter\b/.test(text)) program.noVecIter = true;
    return { program, diagnostics: finish(p) };
  } catch (e) {
    return { program, diagnostics: [...(p ? finish(p) : []), internalError(file, text, e)] };
  }
}

export interface CellParseResult {
  items: Item[];
  stmts: Stmt[];
  /** The cell's final expression when it has no `;` (the REPL echoes its value). */
  tail: Expr | null;
  diagnostics: Diagnostic[];
}

/**
 * A REPL cell: items and statements in any order, optionally ending in an expression without `;`.
 * `knownStructs` are struct names from earlier cells (for the struct-literal rule).
 */
export function parseCell(file: string, text: string, knownStructs?: Iterable<string>): CellParseResult {
  const out: CellParseResult = { items: [], stmts: [], tail: null, diagnostics: [] };
  let p: Parser | null = null;
  try {
    p = setup(file, text, knownStructs);
    p.semiOptionalAtEof = true;
    const st: ItemState = { itemCount: 0, noMain: false, reprC: null };
    const ctx: StmtCtx = { allowTail: true, end: 'eof', tail: null };
    while (!p.atEof() && !ctx.tail) {
      const before = p.pos, errs = p.errorCount;
      if (isTopItemStart(p)) {
        const item = parseItem(p, st);
        if (item) out.items.push(item);
        if (p.errorCount !== errs) syncItem(p);
      } else {
        const s = parseStmt(p, ctx);
        if (s) out.stmts.push(s);
        if (p.errorCount !== errs && p.prev.kind !== ';' && p.prev.kind !== '}') syncStmt(p);
      }
      if (p.pos === before && !ctx.tail) p.skipBalanced();
    }
    out.tail = ctx.tail;
    out.diagnostics = finish(p);
    return out;
  } catch (e) {
    out.diagnostics = [...(p ? finish(p) : []), internalError(file, text, e)];
    return out;
  }
}

export type ReplLine =
  | { kind: 'cell'; cell: CellParseResult }
  | { kind: 'type'; expr: Expr | null; diagnostics: Diagnostic[] } // `:type EXPR`
  | { kind: 'reset' } // `:reset`
  | { kind: 'unknown-command'; name: string };

/** One REPL input line: a `:command` or a cell. Spans stay relative to the original text. */
export function parseReplLine(file: string, text: string, knownStructs?: Iterable<string>): ReplLine {
  const m = /^(\s*):([A-Za-z]+)/.exec(text);
  if (!m) return { kind: 'cell', cell: parseCell(file, text, knownStructs) };
  const name = m[2];
  if (name === 'reset') return { kind: 'reset' };
  if (name !== 'type') return { kind: 'unknown-command', name };
  // Blank out `:type` so offsets of the expression are unchanged.
  const blanked = ' '.repeat(m[0].length) + text.slice(m[0].length);
  const cell = parseCell(file, blanked, knownStructs);
  const diagnostics = cell.diagnostics.slice();
  if (!cell.tail && (cell.items.length > 0 || cell.stmts.length > 0) && diagnostics.length === 0) {
    diagnostics.push(diag(MSG.E0013.typeExpectsExpression(), new LineMap(file, text).span(0, text.length)));
  }
  return { kind: 'type', expr: cell.tail, diagnostics };
}

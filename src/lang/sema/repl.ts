// REPL sessions (§6.17), checker side. A session keeps the source of every accepted cell: items
// (a redefinition replaces the earlier item of that name) and statements. Each new cell becomes
// one whole program — the items, then `fn main` replaying the accepted statements followed by the
// cell's own — so the run engine needs nothing REPL-specific: the caller compiles and runs
// `source`, shows only the output past `skipStdout`/`skipStderr` (earlier cells' output, which a
// deterministic replay reproduces exactly), and calls `accept` when the cell ran without a panic
// ("a panic aborts only its cell"). A cell ending in a non-unit expression echoes it with `{}`.
// Limitation: replay re-runs earlier statements, so they see the *current* definitions of
// functions redefined since (their output is skipped, but state they computed may differ).
import { parseCell } from '../syntax/parser';
import type * as ast from '../syntax/ast';
import { diag, type Diagnostic } from '../diagnostics';
import { LineMap, type Span } from '../span';
import { checkWithCtx } from './check';
import { parse } from '../syntax/parser';

export type ReplStep =
  | { kind: 'run'; source: string; diagnostics: Diagnostic[]; skipStdout: number; skipStderr: number; accept: (stdoutLen: number, stderrLen: number) => void }
  | { kind: 'error'; diagnostics: Diagnostic[] }
  | { kind: 'type'; text: string | null; diagnostics: Diagnostic[] }
  | { kind: 'reset' }
  | { kind: 'unknown-command'; name: string };

const ECHO = '__repl_echo';

interface Segment { at: number; from: number; len: number } // source offset, cell offset, length
interface ItemEntry { key: string | null; text: string; structName: string | null; from?: number } // from: offset in the current cell

function itemKey(it: ast.Item): string | null {
  switch (it.kind) {
    case 'fn':
      if (it.receiver && it.receiver.type.kind !== 'error') {
        const t = it.receiver.type.kind === 'ref' || it.receiver.type.kind === 'ptr' ? it.receiver.type.inner : it.receiver.type;
        return `method ${t.kind === 'named' ? t.name : '?'}.${it.name}`;
      }
      return it.owner ? `static ${it.owner.name}.${it.name}` : `value ${it.name}`;
    case 'struct': case 'enum': case 'contract': case 'type': return `type ${it.name}`;
    case 'const': case 'thread-local': return `value ${it.name}`;
    case 'extern': return `extern ${it.fns.map((f) => f.name).join(',')}`;
    default: return null; // imports and export lists have no name to replace
  }
}

export class ReplSession {
  private items: ItemEntry[] = [];
  private stmts: string[] = [];
  private stdoutLen = 0;
  private stderrLen = 0;
  private cellNo = 0;

  constructor(readonly file = 'repl.vx') {}

  reset(): void {
    this.items = [];
    this.stmts = [];
    this.stdoutLen = 0;
    this.stderrLen = 0;
  }

  /** One input line: `:type EXPR`, `:reset`, another `:command`, or a cell. */
  line(text: string): ReplStep {
    const m = /^\s*:([A-Za-z]+)\s*([\s\S]*)$/.exec(text);
    if (m) {
      if (m[1] === 'reset') { this.reset(); return { kind: 'reset' }; }
      if (m[1] === 'type') return this.typeOf(m[2], text.length - m[2].length, text);
      return { kind: 'unknown-command', name: m[1] };
    }
    return this.cell(text);
  }

  /** `:type EXPR`: the static type name of EXPR in the session's scope (typeof rules). */
  typeOf(expr: string, exprAt = 0, lineText = expr): ReplStep {
    const prefix = this.prelude() + '    typeof((';
    const source = prefix + expr + '));\n}\n';
    const { cx, program, parseDiags } = this.checkText(source);
    const diagnostics = this.mapBack([...parseDiags, ...cx.diags], [{ at: prefix.length, from: exprAt, len: expr.length }], lineText);
    if (diagnostics.some((d) => d.severity === 'error')) return { kind: 'type', text: null, diagnostics };
    const main = program.items.find((it): it is ast.FnDecl => it.kind === 'fn' && it.name === 'main');
    const last = main?.body?.stmts[main.body.stmts.length - 1];
    const e = last?.kind === 'expr' ? last.expr : null;
    const value = e?.kind === 'typeof' ? e.info?.constValue : null;
    return { kind: 'type', text: typeof value === 'string' ? value : null, diagnostics };
  }

  /** A cell of items and/or statements, optionally ending in an expression without `;`. */
  cell(text: string): ReplStep {
    const known = this.items.map((i) => i.structName).filter((n): n is string => !!n);
    const parsed = parseCell(`${this.file}`, text, known);
    if (parsed.diagnostics.some((d) => d.severity === 'error')) return { kind: 'error', diagnostics: parsed.diagnostics };
    const bad = parsed.items.find((it) => it.kind === 'fn' && it.name === 'main' && !it.receiver && !it.owner);
    if (bad) return { kind: 'error', diagnostics: [diag('E0142', '`fn main` cannot be defined in the REPL: statements run directly', (bad as ast.FnDecl).nameSpan)] };

    // New item list: a redefinition replaces the earlier item in place.
    const items: ItemEntry[] = this.items.map((i) => ({ ...i, from: undefined }));
    for (const it of parsed.items) {
      const entry: ItemEntry = { key: itemKey(it), text: text.slice(it.span.start, it.span.end), structName: it.kind === 'struct' ? it.name : null, from: it.span.start };
      const i = entry.key ? items.findIndex((x) => x.key === entry.key) : -1;
      if (i >= 0) items.splice(i, 1);
      items.push(entry);
    }
    const cellStmts = parsed.stmts.map((s) => ({ text: text.slice(s.span.start, s.span.end), from: s.span.start }));
    const tail = parsed.tail ? { text: text.slice(parsed.tail.span.start, parsed.tail.span.end), from: parsed.tail.span.start } : null;

    // Lay the program out, remembering where the cell's own text went.
    const segs: Segment[] = [];
    let src = '';
    const put = (s: string, from?: number) => { if (from !== undefined) segs.push({ at: src.length, from, len: s.length }); src += s; };
    for (const it of items) {
      put(it.text, it.from);
      put('\n');
    }
    put('fn main() {\n');
    for (const s of this.stmts) put('    ' + s + '\n');
    for (const s of cellStmts) { put('    '); put(s.text, s.from); put('\n'); }
    if (tail) { put(`    let ${ECHO} = (`); put(tail.text, tail.from); put(');\n'); }
    const bodyEnd = src.length;
    put('}\n');

    const { cx, program, parseDiags } = this.checkText(src);
    const diagnostics = this.mapBack([...parseDiags, ...cx.diags], segs, text);
    if (diagnostics.some((d) => d.severity === 'error')) return { kind: 'error', diagnostics };

    // Echo a non-unit tail value. The history keeps exactly what ran (echo included), so a replay
    // prints the same bytes and `skipStdout` stays exact.
    let source = src;
    let echoStmt: string | null = null;
    if (tail) {
      const main = program.items.find((it): it is ast.FnDecl => it.kind === 'fn' && it.name === 'main');
      const echo = main?.body?.stmts[main.body.stmts.length - 1];
      const t = echo?.kind === 'let' && echo.pattern.kind === 'name' ? echo.pattern.local?.type : undefined;
      if (t && t.k !== 'unit' && t.k !== 'never' && t.k !== 'error') {
        echoStmt = `println("{}", ${ECHO});`;
        source = src.slice(0, bodyEnd) + `    ${echoStmt}\n` + src.slice(bodyEnd);
      }
    }
    const n = ++this.cellNo;
    return {
      kind: 'run', source, diagnostics, skipStdout: this.stdoutLen, skipStderr: this.stderrLen,
      accept: (stdoutLen, stderrLen) => {
        if (n !== this.cellNo) return; // a later cell was prepared meanwhile: ignore stale accepts
        this.items = items;
        this.stmts.push(...cellStmts.map((s) => s.text));
        if (tail) this.stmts.push(`let ${ECHO} = (${tail.text});`, ...(echoStmt ? [echoStmt] : []));
        this.stdoutLen = stdoutLen;
        this.stderrLen = stderrLen;
      },
    };
  }

  /** Items and the replayed statements, up to the open body of main. */
  private prelude(): string {
    return this.items.map((i) => i.text + '\n').join('') + 'fn main() {\n' + this.stmts.map((s) => '    ' + s + '\n').join('');
  }

  private checkText(source: string): { cx: ReturnType<typeof checkWithCtx>['cx']; program: ast.Program; parseDiags: Diagnostic[] } {
    const parsed = parse(this.file, source);
    const { cx } = checkWithCtx(parsed.program, { text: source });
    return { cx, program: parsed.program, parseDiags: parsed.diagnostics };
  }

  /** Diagnostics on the synthesized program -> spans in the cell text. Anything outside the
   *  cell's own text (earlier cells) is shown at the start of the cell with a note. */
  private mapBack(ds: Diagnostic[], segs: Segment[], cellText: string): Diagnostic[] {
    const lm = new LineMap(this.file, cellText);
    const map = (s: Span): Span | null => {
      const seg = segs.find((g) => s.start >= g.at && s.start <= g.at + g.len);
      if (!seg) return null;
      const a = seg.from + (s.start - seg.at);
      const b = seg.from + Math.min(seg.len, Math.max(s.start, s.end) - seg.at);
      return lm.span(a, Math.max(a, b));
    };
    return ds.map((d) => {
      const span = map(d.span);
      const labels = d.labels.map((l) => ({ ...l, span: map(l.span) })).filter((l): l is { span: Span; message: string } => !!l.span);
      if (span) return { ...d, span, labels };
      return { ...d, span: lm.span(0, 0), labels, notes: [...d.notes, 'note: this is about code from an earlier cell'] };
    });
  }
}

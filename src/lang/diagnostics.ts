// Diagnostics: what is wrong, where, why, how to fix. Plain data (the worker sends them to the
// editor as-is); `renderDiagnostic` prints them like rustc for the CLI.
import type { Span } from './span';
import type { Message } from './msg';
import { MSG, NOTE } from './msg';

export type Severity = 'error' | 'warning' | 'note';

export interface Label {
  span: Span;
  message: string; // "first borrowed here", "declared here"
}

export interface Diagnostic {
  code: string; // stable: E0001..., W0001...
  severity: Severity;
  message: string;
  span: Span; // primary
  labels: Label[]; // secondary spans
  notes: string[]; // "note: ...", "help: consider `let!`"
}

/** A diagnostic from a message of the table (lang/messages.ts via `MSG`): its code and its text. */
export function diag(
  message: Message,
  span: Span,
  extra: { labels?: Label[]; notes?: string[]; severity?: Severity } = {},
): Diagnostic {
  const { code, text } = message;
  return { code, severity: extra.severity ?? (code.startsWith('W') ? 'warning' : 'error'), message: text, span, labels: extra.labels ?? [], notes: extra.notes ?? [] };
}

export const hasErrors = (ds: readonly Diagnostic[]) => ds.some((d) => d.severity === 'error');

/** Render like rustc:
 *  error[E0103]: mismatched types: expected `i32`, found `str`
 *   --> main.vx:2:22
 *    |
 *  2 |     let count: i32 = "seven";
 *    |                      ^^^^^^^
 *    = help: …
 *  Secondary labels are shown under their own lines with `-`. */
export function renderDiagnostic(d: Diagnostic, sourceText: string): string {
  const lines = sourceText.split('\n').map((l) => l.replace(/\r$/, ''));
  const head = `${d.severity}${d.code ? `[${d.code}]` : ''}: ${d.message}`;
  const marks: { span: Span; message: string; primary: boolean }[] = [
    { span: d.span, message: '', primary: true },
    ...d.labels.map((l) => ({ span: l.span, message: l.message, primary: false })),
  ];
  const width = String(Math.max(...marks.map((m) => m.span.line))).length;
  const pad = ' '.repeat(width);
  const out = [head, `${pad}--> ${d.span.file}:${d.span.line}:${d.span.col}`, `${pad} |`];
  // One source line per distinct line, in order; each with its markers below it.
  const byLine = [...new Set(marks.map((m) => m.span.line))].sort((a, b) => a - b);
  let prev = 0;
  for (const ln of byLine) {
    if (prev && ln > prev + 1) out.push(`${pad} ...`);
    prev = ln;
    const text = lines[ln - 1] ?? '';
    const here = marks.filter((x) => x.span.line === ln).sort((a, b) => a.span.col - b.span.col);
    const endOf = (m: (typeof marks)[number]) => (m.span.endLine === ln ? m.span.endCol : text.length + 1);
    const w = lineWindow(text, Math.max(1, here[0].span.col));
    out.push(`${String(ln).padStart(width)} | ${w.shown}`);
    for (const m of here) {
      // (columns of the window: a mark reaching past either end is cut there)
      const start = Math.max(1, Math.max(1, m.span.col) - w.shift);
      const endCol = Math.min(endOf(m) - w.shift, w.shown.length + 1);
      const len = Math.max(1, endCol - start);
      const ch = m.primary ? '^' : '-';
      const msg = m.primary ? '' : ` ${m.message}`;
      out.push(`${pad} | ${' '.repeat(start - 1)}${ch.repeat(len)}${msg}`.trimEnd());
    }
  }
  for (const n of d.notes) {
    const m = /^(note|help): (.*)$/s.exec(n);
    out.push(`${pad} = ${m ? `${m[1]}: ${m[2]}` : `note: ${n}`}`);
  }
  return out.join('\n');
}

/** Longest source line shown whole; a longer one (minified or generated code) is shown as a
 *  window around its marks, cut ends written `...`, as rustc does. */
const LINE_MAX = 120;
/** The part of `text` shown for marks starting at column `lo` (1-based), and how many columns the
 *  shown text is shifted left (a mark's column minus shift is its column there). */
export function lineWindow(text: string, lo: number): { shown: string; shift: number } {
  if (text.length <= LINE_MAX) return { shown: text, shift: 0 };
  const from = Math.max(0, Math.min(lo - 1 - 20, text.length - LINE_MAX));
  const to = Math.min(text.length, from + LINE_MAX); // (a mark longer than the window is cut)
  const head = from > 0 ? '...' : '';
  return { shown: head + text.slice(from, to) + (to < text.length ? '...' : ''), shift: from - head.length };
}

// ---- failures of the compiler itself, kept apart from the codes of the user's mistakes:
// E0900 a construct the code generator does not support yet (codegen/failure.ts), E0901
// unboundedly many generic instances, E0902 nesting too deep to check or compile, E0999 any other
// exception — a bug of ours, said so plainly (like rustc's "internal compiler error").
export const ICE_NOTE = NOTE.E0999.noteBugInPlayground();

/** A JS RangeError from the host stack: the program is nested deeper than the compiler can walk. */
export const isHostStackOverflow = (e: unknown): boolean => e instanceof RangeError && /call stack/i.test(e.message);

export function internalError(where: 'checker' | 'code generator', e: unknown, span: Span): Diagnostic {
  const msg = e instanceof Error ? e.message : String(e);
  return diag(MSG.E0999.message({ where, msg }), span, { notes: [ICE_NOTE] });
}

export const tooDeep = (what: 'check' | 'compile', span: Span): Diagnostic =>
  diag(MSG.E0902.programNestedTooDeeply({ what }), span);

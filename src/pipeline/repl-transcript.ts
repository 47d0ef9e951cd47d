// A REPL session as text: what `vex repl` prints for each cell, and the exact transcript of a
// whole session as a terminal shows it (prompts, inputs, outputs in order) — the format of the
// tests/repl/*.repl cases. Pure TS.
import { renderDiagnostic } from '../lang/diagnostics';
import { ReplEngine, isCellComplete, type CellResult } from './repl';
import type { RunOptions } from '../runtime/api';

export const PROMPT = 'vex> ';
export const CONTINUE = '...> ';

/** What a cell shows, in order, on each stream. */
export function cellText(r: CellResult, input: string): { stream: 'stdout' | 'stderr'; text: string }[] {
  const out: { stream: 'stdout' | 'stderr'; text: string }[] = [];
  for (const d of r.diagnostics) out.push({ stream: 'stderr', text: renderDiagnostic(d, input) + '\n' });
  out.push(...r.output);
  if (r.kind === 'type' || r.kind === 'help') { if (r.text !== null) out.push({ stream: 'stdout', text: r.text + '\n' }); }
  if (r.kind === 'unknown-command') out.push({ stream: 'stderr', text: r.text + '\n' });
  if (r.outcome?.kind === 'internal-error') out.push({ stream: 'stderr', text: `internal error: ${r.outcome.message}\n` });
  else if (r.outcome && r.outcome.kind !== 'exited' && r.outcome.kind !== 'panicked') {
    out.push({ stream: 'stderr', text: `cell ended: ${r.outcome.kind}${'reason' in r.outcome ? ` (${r.outcome.reason})` : ''}\n` });
  }
  return out;
}

/** Splits input lines into cells: a cell ends at the first line where its brackets balance. */
export class CellReader {
  private buf: string[] = [];
  get pending(): boolean { return this.buf.length > 0; }
  /** A line in; the complete cell it finishes, or null while the cell goes on. */
  push(line: string): string | null {
    if (!this.buf.length && line.trim() === '') return null;
    this.buf.push(line);
    const text = this.buf.join('\n');
    if (!isCellComplete(text)) return null;
    this.buf = [];
    return text;
  }
  /** End of input: whatever is pending, as a (possibly incomplete) cell. */
  flush(): string | null {
    const text = this.buf.length ? this.buf.join('\n') : null;
    this.buf = [];
    return text;
  }
}

/** The exact transcript of a session fed `input` (lines): prompts and inputs, then what each cell printed. */
export function replTranscriptText(input: string, options: Partial<RunOptions> = {}): string {
  const engine = new ReplEngine(options);
  const reader = new CellReader();
  let t = '';
  const run = (cell: string) => { for (const c of cellText(engine.eval(cell), cell)) t += c.text; };
  for (const line of input.replace(/\n$/, '').split('\n')) {
    t += (reader.pending ? CONTINUE : PROMPT) + line + '\n';
    const cell = reader.push(line);
    if (cell !== null) run(cell);
  }
  const rest = reader.flush();
  if (rest !== null) run(rest);
  return t;
}

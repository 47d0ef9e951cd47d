// `vex repl`: a read-eval-print loop over the incremental engine (pipeline/repl.ts), the same one
// the browser's Console uses. A cell may span lines (complete when its brackets balance; the
// continuation prompt is `...> `). `replTranscript` runs a whole session non-interactively (what a
// `.repl` conformance test needs: compare its stdout with `.out`).
import { createInterface } from 'node:readline';
import { ReplEngine } from '../pipeline/repl';
import { CellReader, cellText, PROMPT, CONTINUE } from '../pipeline/repl-transcript';
import type { RunOptions } from '../runtime/api';

export interface ReplIO {
  out(text: string): void; // program stdout, echoes, :type results
  err(text: string): void; // diagnostics, runtime messages (panics), notes
}

export class ReplDriver {
  private readonly engine: ReplEngine;
  private readonly reader = new CellReader();
  constructor(private readonly io: ReplIO, options: Partial<RunOptions> = {}) {
    this.engine = new ReplEngine(options);
  }

  /** Waiting for more lines of a cell? */
  get pending(): boolean { return this.reader.pending; }

  /** One input line. Returns false when it completed a cell that was rejected (error or panic). */
  feed(line: string): boolean {
    const cell = this.reader.push(line);
    return cell === null ? true : this.run(cell);
  }

  /** End of input: run an unfinished cell as it is (the parser reports what is missing). */
  end(): void {
    const cell = this.reader.flush();
    if (cell !== null) this.run(cell);
  }

  private run(cell: string): boolean {
    const r = this.engine.eval(cell);
    for (const c of cellText(r, cell)) (c.stream === 'stdout' ? this.io.out : this.io.err)(c.text);
    return r.ok;
  }
}

/** Run a whole session; returns what it printed on each stream. */
export function replTranscript(lines: string[], options: Partial<RunOptions> = {}): { stdout: string; stderr: string } {
  let stdout = '', stderr = '';
  const d = new ReplDriver({ out: (s) => { stdout += s; }, err: (s) => { stderr += s; } }, options);
  for (const l of lines) d.feed(l);
  d.end();
  return { stdout, stderr };
}

export function runRepl(args: string[]): Promise<number> {
  if (args.length) {
    process.stderr.write('usage: vex repl   (reads cells from stdin; :help lists the commands)\n');
    return Promise.resolve(2);
  }
  const tty = !!process.stdin.isTTY;
  const driver = new ReplDriver({ out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) });
  const rl = createInterface({ input: process.stdin, output: tty ? process.stdout : undefined, prompt: PROMPT, terminal: tty });
  if (tty) rl.prompt();
  rl.on('line', (line) => {
    driver.feed(line);
    if (tty) { rl.setPrompt(driver.pending ? CONTINUE : PROMPT); rl.prompt(); }
  });
  return new Promise((resolve) => rl.on('close', () => { driver.end(); resolve(0); }));
}

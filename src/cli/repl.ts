// `vex repl`: a read-eval-print loop over sema/repl.ts's ReplSession and the shared execute()
// path. Each input line is a cell (items and/or statements, optionally ending in an expression
// whose value is echoed), `:type EXPR`, or `:reset`. `replTranscript` runs a whole session
// non-interactively (what a `.repl` conformance test needs: compare its stdout with `.out`).
import { createInterface } from 'node:readline';
import { ReplSession } from '../lang/sema/repl';
import { renderDiagnostic } from '../lang/diagnostics';
import { execute } from '../runtime/execute';
import type { RunOptions } from '../runtime/api';

export interface ReplIO {
  out(text: string): void; // program stdout, echoes, :type results
  err(text: string): void; // diagnostics, runtime messages (panics), notes
}

export class ReplDriver {
  private readonly session = new ReplSession('repl.vx');
  constructor(private readonly io: ReplIO, private readonly options: Partial<RunOptions> = {}) {}

  /** Handle one input line. Returns false when the line was rejected (error or panic). */
  feed(line: string): boolean {
    if (line.trim() === '') return true;
    const step = this.session.line(line);
    switch (step.kind) {
      case 'reset': return true;
      case 'unknown-command':
        this.io.err(`unknown command :${step.name} (commands: :type EXPR, :reset)\n`);
        return false;
      case 'type':
        for (const d of step.diagnostics) this.io.err(renderDiagnostic(d, line) + '\n');
        if (step.text !== null) this.io.out(step.text + '\n');
        return step.text !== null;
      case 'error':
        for (const d of step.diagnostics) this.io.err(renderDiagnostic(d, line) + '\n');
        return false;
      case 'run': {
        for (const d of step.diagnostics) this.io.err(renderDiagnostic(d, line) + '\n'); // warnings
        const ex = execute([{ name: 'repl.vx', text: step.source }], this.options);
        if (ex.internalError) {
          this.io.err(`internal error: ${ex.internalError.message}\n`);
          return false;
        }
        if (!ex.result) {
          for (const d of ex.compile.diagnostics) this.io.err(`${d.severity}[${d.code}]: ${d.message}\n`);
          return false;
        }
        // Show only what this cell printed: earlier cells' output replays identically first.
        let outSeen = 0, errSeen = 0;
        for (const c of ex.result.output) {
          if (c.stream === 'stdout') {
            const from = Math.max(0, step.skipStdout - outSeen);
            if (from < c.text.length) this.io.out(c.text.slice(from));
            outSeen += c.text.length;
          } else {
            const from = Math.max(0, step.skipStderr - errSeen);
            if (from < c.text.length) this.io.err(c.text.slice(from));
            errSeen += c.text.length;
          }
        }
        if (ex.result.exitCode !== 0) return false; // a panic aborts only its cell
        step.accept(outSeen, errSeen);
        return true;
      }
    }
  }
}

/** Run a whole session; returns what it printed on each stream. */
export function replTranscript(lines: string[], options: Partial<RunOptions> = {}): { stdout: string; stderr: string } {
  let stdout = '', stderr = '';
  const d = new ReplDriver({ out: (s) => { stdout += s; }, err: (s) => { stderr += s; } }, options);
  for (const l of lines) d.feed(l);
  return { stdout, stderr };
}

export function runRepl(args: string[]): Promise<number> {
  if (args.length) {
    process.stderr.write('usage: vex repl   (reads cells from stdin, one per line)\n');
    return Promise.resolve(2);
  }
  const tty = !!process.stdin.isTTY;
  const driver = new ReplDriver({ out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) });
  const rl = createInterface({ input: process.stdin, output: tty ? process.stdout : undefined, prompt: 'vex> ', terminal: tty });
  if (tty) rl.prompt();
  rl.on('line', (line) => {
    driver.feed(line);
    if (tty) rl.prompt();
  });
  return new Promise((resolve) => rl.on('close', () => resolve(0)));
}

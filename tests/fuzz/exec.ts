// Runs one fuzz case in this process and summarizes it as plain data (what the judge compares):
// through execute() (the worker's compile+run path) or, for REPL cells, one ReplEngine session.
import { createHash } from 'node:crypto';
import { execute } from '../../src/pipeline/execute';
import { ReplEngine } from '../../src/pipeline/repl';
import type { FuzzCase } from './gen/types';

export interface RunSummary {
  diagnostics: { code: string; severity: string; message: string }[];
  /** A JS exception that escaped the toolchain (its message), or null. */
  internal: string | null;
  /** The outcome's kind (`limit:fuel`…), or 'compile-error' / 'library'. */
  outcome: string;
  exit: number | null;
  stdout: string;
  stderr: string;
  /** Hash of the whole trace (or of the REPL cells' results): determinism is checked on it. */
  traceHash: string;
  steps: number;
}

export const FUEL = 2_000_000;
export const HEAP = 16 << 20;

const hash = (x: unknown) => createHash('sha1').update(JSON.stringify(x)).digest('hex').slice(0, 16);
const msg = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

export function runCase(c: FuzzCase): RunSummary {
  const opts = { fuel: c.options?.fuel ?? FUEL, heapLimit: c.options?.heapLimit ?? HEAP, ...(c.options?.stackSize ? { stackSize: c.options.stackSize } : {}) };
  if (c.cells) return runCells(c.cells, opts);
  const e = execute([{ name: 'main.vx', text: c.text }], opts);
  const res = e.result;
  const diagnostics = e.compile.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message }));
  if (!res) {
    const lib = e.compile.program?.isLibrary && !diagnostics.some((d) => d.severity === 'error');
    return { diagnostics, internal: e.internalError?.message ?? null, outcome: lib ? 'library' : 'compile-error', exit: null, stdout: '', stderr: '', traceHash: '', steps: 0 };
  }
  const o = res.outcome;
  const text = (s: string) => res.output.filter((x) => x.stream === s).map((x) => x.text).join('');
  return {
    diagnostics,
    internal: e.internalError?.message ?? null,
    outcome: o.kind === 'limit' ? `limit:${o.limit}` : o.kind,
    exit: res.exitCode,
    stdout: text('stdout'),
    stderr: text('stderr'),
    traceHash: hash(res.trace),
    steps: res.steps,
  };
}

function runCells(cells: string[], opts: { fuel: number; heapLimit: number }): RunSummary {
  let stdout = '', stderr = '', internal: string | null = null, outcome = 'exited';
  const diagnostics: RunSummary['diagnostics'] = [];
  const results: unknown[] = [];
  try {
    const eng = new ReplEngine(opts);
    for (const cell of cells) {
      const r = eng.eval(cell);
      for (const ch of r.output) (ch.stream === 'stdout' ? (stdout += ch.text) : (stderr += ch.text));
      for (const d of r.diagnostics) diagnostics.push({ code: d.code, severity: d.severity, message: d.message });
      if (r.outcome?.kind === 'internal-error') internal = r.outcome.message;
      if (r.outcome) outcome = r.outcome.kind === 'limit' ? `limit:${r.outcome.limit}` : r.outcome.kind;
      results.push({ k: r.kind, ok: r.ok, echo: r.echo, out: r.output, o: r.outcome, text: r.text, d: r.diagnostics.map((d) => d.code) });
    }
    results.push(eng.runtime.trace);
  } catch (e) {
    internal = msg(e);
  }
  return { diagnostics, internal, outcome, exit: null, stdout, stderr, traceHash: hash(results), steps: 0 };
}

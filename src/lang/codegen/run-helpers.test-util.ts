// Shared by the codegen tests: compile + run a Vex source through the same path as the worker.
import { compile, type CompileOptions } from '../compile';
import { run } from '../../runtime/run';
import type { RunOptions, RunResult } from '../../runtime/api';

export function runVex(src: string, opts: Partial<RunOptions> = {}, copts: CompileOptions = {}): RunResult & { stdout: string; stderr: string; js: string } {
  const c = compile([{ name: 'test.vx', text: src }], copts);
  if (!c.program) throw new Error('compile failed: ' + c.diagnostics.map((d) => `${d.span.line}:${d.span.col} ${d.message}`).join('; '));
  const r = run(c.program, opts);
  const pick = (s: string) => r.output.filter((o) => o.stream === s).map((o) => o.text).join('');
  return { ...r, stdout: pick('stdout'), stderr: pick('stderr'), js: c.program.js };
}

// `vex run`'s report when the toolchain fails mid-run: the program's output so far is real and is
// shown first (plain and --json), then the internal error with exit status 70.
import { describe, it, expect } from 'vitest';
import { run } from '../runtime/run';
import type { CompiledProgram } from '../lang/compile';
import type { Execution } from '../pipeline/execute';
import { runReport } from './run';

const meta = { sites: [{ fn: 'main', file: 'm.vx', line: 1, col: 1 }], types: [], typeNames: [] };
// a module in the generated shape whose main prints, then hits a JS TypeError (a toolchain bug)
const failing: CompiledProgram = {
  js: 'return function $bind(rt) {\nfunction main() { rt.out("before\\n"); rt.err("note\\n"); rt.out("partial"); const c = {}; c.get(); }\nreturn { main, mainIsGen: false, inits: [], tlsInit: () => [] };\n};',
  isLibrary: false, exports: [], meta,
} as unknown as CompiledProgram;

function exec(): Execution {
  const result = run(failing);
  expect(result.outcome.kind).toBe('internal-error');
  const o = result.outcome as { message: string; stack: string };
  return { compile: { diagnostics: [], program: failing }, compileMs: 0, result, runMs: 0, internalError: { message: o.message, stack: o.stack } };
}

describe('vex run after an internal error', () => {
  it('prints the program output in order, then the internal error on a new line, exit 70', () => {
    const r = runReport(exec(), new Map(), false);
    expect(r.code).toBe(70);
    expect(r.writes.slice(0, 3)).toEqual([
      { stream: 'stdout', text: 'before\n' },
      { stream: 'stderr', text: 'note\n' },
      { stream: 'stdout', text: 'partial' },
    ]);
    expect(r.writes[3].stream).toBe('stderr');
    expect(r.writes[3].text).toMatch(/^\ninternal error \(a bug in the Vex toolchain, not in your program\): c\.get is not a function\n/);
  });
  it('--json keeps stdout and stderr beside the internal error', () => {
    const r = runReport(exec(), new Map(), true);
    const j = JSON.parse(r.writes.map((w) => w.text).join(''));
    expect(j).toMatchObject({ outcome: 'internal-error', exitCode: 70, stdout: 'before\npartial', stderr: 'note\n' });
    expect(j.internalError.message).toBe('c.get is not a function');
  });
});

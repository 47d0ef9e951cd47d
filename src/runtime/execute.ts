// The one compile+run path: the worker, the CLI, the conformance runner and tests all call this,
// so what passes in tests is what a user sees in the browser.
import { compile, type SourceFile, type CompileResult } from '../lang/compile';
import { hasErrors } from '../lang/diagnostics';
import { run } from './run';
import { DEFAULT_RUN_OPTIONS, type RunOptions, type RunResult } from './api';

export interface Execution {
  compile: CompileResult;
  compileMs: number;
  /** null when compilation failed (diagnostics explain why) or the file is a #[no_main] library. */
  result: RunResult | null;
  runMs: number;
  /** A JavaScript exception escaped the toolchain: our bug, never a Vex outcome. */
  internalError: { message: string; stack: string } | null;
}

/** Monotonic milliseconds where available (worker, Node); only for reporting, never for semantics. */
const now = (): number => (globalThis.performance ? globalThis.performance.now() : Date.now());

const asInternal = (e: unknown) => ({
  message: e instanceof Error ? e.message : String(e),
  stack: e instanceof Error ? (e.stack ?? '') : '',
});

export function execute(files: SourceFile[], options: Partial<RunOptions> = {}, entry?: string): Execution {
  const t0 = now();
  let c: CompileResult;
  try {
    c = compile(files, { entry });
  } catch (e) {
    return { compile: { diagnostics: [], program: null }, compileMs: now() - t0, result: null, runMs: 0, internalError: asInternal(e) };
  }
  const t1 = now();
  const base = { compile: c, compileMs: t1 - t0, result: null, runMs: 0, internalError: null };
  if (!c.program || hasErrors(c.diagnostics) || c.program.isLibrary) return base;
  try {
    const result = run(c.program, { ...DEFAULT_RUN_OPTIONS, ...options });
    const internalError = result.outcome.kind === 'internal-error' ? { message: result.outcome.message, stack: result.outcome.stack } : null;
    return { ...base, result, runMs: now() - t1, internalError };
  } catch (e) {
    return { ...base, runMs: now() - t1, internalError: asInternal(e) };
  }
}

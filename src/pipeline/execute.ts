// The one compile+run path. execute() chains compileProgram() and runCompiled() for the CLI, the
// conformance runner and tests; the worker calls the same two steps separately (it posts the
// diagnostics before the run starts), so what passes in tests is what a user sees in the browser.
// src/pipeline is the only layer that joins the compiler (src/lang) and the runtime (src/runtime).
import { compile, type SourceFile, type CompileResult } from '../lang/compile';
import { hasErrors } from '../lang/diagnostics';
import { run } from '../runtime/run';
import { DEFAULT_RUN_OPTIONS, type RunOptions, type RunResult } from '../runtime/api';

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

export function compileProgram(files: SourceFile[], entry?: string): CompileResult {
  return compile(files, { entry });
}

export function runCompiled(program: NonNullable<CompileResult['program']>, options: Partial<RunOptions> = {}): RunResult {
  return run(program, { ...DEFAULT_RUN_OPTIONS, ...options });
}

export function execute(files: SourceFile[], options: Partial<RunOptions> = {}, entry?: string): Execution {
  const t0 = now();
  let c: CompileResult;
  try {
    c = compileProgram(files, entry);
  } catch (e) {
    return { compile: { diagnostics: [], program: null }, compileMs: now() - t0, result: null, runMs: 0, internalError: asInternal(e) };
  }
  const t1 = now();
  const base = { compile: c, compileMs: t1 - t0, result: null, runMs: 0, internalError: null };
  if (!c.program || hasErrors(c.diagnostics) || c.program.isLibrary) return base;
  try {
    const result = runCompiled(c.program, options);
    const internalError = result.outcome.kind === 'internal-error' ? { message: result.outcome.message, stack: result.outcome.stack } : null;
    return { ...base, result, runMs: now() - t1, internalError };
  } catch (e) {
    return { ...base, runMs: now() - t1, internalError: asInternal(e) };
  }
}

// The toolchain's front door: source files -> diagnostics + a compiled program. The same function
// serves the worker, the CLI, the conformance runner and tests.
// STUB: the engine (codegen) replaces the body; the signature is the contract.
import type { Diagnostic } from './diagnostics';

export interface SourceFile {
  name: string;
  text: string;
}

export interface CompileOptions {
  /** File holding main (default: the first file). */
  entry?: string;
}

/** A program ready to run: generated JavaScript plus the tables the runtime needs. */
export interface CompiledProgram {
  js: string; // the module body, instantiated with `new Function('rt', js)`
  isLibrary: boolean; // #[no_main]: nothing runs
  exports: string[]; // `library: add(i32, i32): i32` lines
  /** Opaque tables for the runtime (source map of call sites, type descriptors, ...). */
  meta: unknown;
}

export interface CompileResult {
  diagnostics: Diagnostic[];
  program: CompiledProgram | null; // null when any error diagnostic was reported
}

export function compile(_files: SourceFile[], _options: CompileOptions = {}): CompileResult {
  throw new Error('compile: not implemented yet');
}

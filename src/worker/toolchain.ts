// The one place the worker touches the toolchain: live checking and editor queries from the
// checker, and the pipeline's two steps for runs (the same ones execute() chains for the CLI and
// the conformance runner).
import type { CompileResult, SourceFile } from '../lang/compile';
import { compileProgram, runCompiled } from '../pipeline/execute';
import { checkAllFiles } from '../lang/sema/check-files';
import { describeLayouts, type CLayout } from '../lang/sema/layout-report';
import { typeAt, completionsAt as checkerCompletions } from '../lang/sema/query';
import { definitionAt, type DefinitionLocation } from '../lang/sema/definition';
import type { Diagnostic } from '../lang/diagnostics';
import type { RunOptions, RunResult } from '../runtime/api';
import type { CompletionItem } from '../lang/sema/query';

/** Live diagnostics for every file (each tab once, with the program that imports it), and the
 *  entry file's `library: …` listing. Throws only if the toolchain itself throws (an internal error). */
export function checkFiles(files: SourceFile[], entry: string): { diagnostics: Diagnostic[]; exports: string[]; layouts: CLayout[] } {
  const diagnostics: Diagnostic[] = [];
  const layouts: CLayout[] = [];
  let exports: string[] = [];
  for (const r of checkAllFiles(files, entry)) {
    diagnostics.push(...r.diagnostics);
    layouts.push(...describeLayouts(r.structs));
    if (r.root === entry) exports = r.program?.exports ?? [];
  }
  return { diagnostics, exports, layouts };
}

export function compileFiles(files: SourceFile[], entry: string): CompileResult {
  return compileProgram(files, entry);
}

export function runProgram(program: NonNullable<CompileResult['program']>, options: Partial<RunOptions>): RunResult {
  return runCompiled(program, options);
}

export function hoverAt(files: SourceFile[], file: string, offset: number): string | null {
  const f = files.find((x) => x.name === file);
  return f ? typeAt(f.name, f.text, offset, files) : null;
}

/** Where the name under `offset` is declared, in any tab (go to definition). */
export function definitionOf(files: SourceFile[], file: string, offset: number): DefinitionLocation | null {
  return definitionAt(files, file, offset);
}

export function completionsAt(files: SourceFile[], file: string, offset: number): CompletionItem[] {
  const f = files.find((x) => x.name === file);
  return f ? checkerCompletions(f.name, f.text, offset, files) : [];
}

// The one place the worker touches the toolchain: live checking and editor queries from the
// checker, and the pipeline's two steps for runs (the same ones execute() chains for the CLI and
// the conformance runner).
import type { CompileResult, SourceFile } from '../lang/compile';
import { compileProgram, runCompiled } from '../pipeline/execute';
import { checkSource } from '../lang/sema/check';
import { describeLayouts, type CLayout } from '../lang/sema/layout-report';
import { typeAt, completionsAt as checkerCompletions } from '../lang/sema/query';
import type { Diagnostic } from '../lang/diagnostics';
import type { RunOptions, RunResult } from '../runtime/api';
import type { CompletionItem } from '../lang/sema/query';

/** Live diagnostics for every file, and the entry file's `library: …` listing. Throws only if the toolchain itself throws (an internal error). */
export function checkFiles(files: SourceFile[], entry: string): { diagnostics: Diagnostic[]; exports: string[]; layouts: CLayout[] } {
  const diagnostics: Diagnostic[] = [];
  const layouts: CLayout[] = [];
  let exports: string[] = [];
  for (const f of files) {
    const r = checkSource(f.name, f.text, { lints: true });
    diagnostics.push(...r.diagnostics);
    layouts.push(...describeLayouts(r.structs));
    if (f.name === entry) exports = r.program?.exports ?? [];
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
  return f ? typeAt(f.name, f.text, offset) : null;
}

export function completionsAt(files: SourceFile[], file: string, offset: number): CompletionItem[] {
  const f = files.find((x) => x.name === file);
  return f ? checkerCompletions(f.name, f.text, offset) : [];
}

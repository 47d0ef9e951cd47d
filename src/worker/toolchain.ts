// The one place the worker touches the toolchain. The checker's editor queries
// (sema/check.ts, sema/query.ts) are being written in parallel, so they are looked up with an
// eager import.meta.glob: absent modules resolve to nothing and the adapter falls back
// (diagnostics from compile(), no hover, no completions) without breaking the build.
import { compile, type CompileResult, type SourceFile } from '../lang/compile';
import { run } from '../runtime/run';
import type { Diagnostic } from '../lang/diagnostics';
import type { RunOptions, RunResult } from '../runtime/api';
import type { CompletionItem } from './protocol';

interface CheckModule {
  checkSource?: (file: string, text: string) => { diagnostics: Diagnostic[] } | Diagnostic[];
}
interface QueryModule {
  typeAt?: (file: string, text: string, offset: number) => string | null;
  completionsAt?: (file: string, text: string, offset: number) => CompletionItem[];
}

interface ParseModule {
  parse?: (file: string, text: string) => { diagnostics: Diagnostic[] };
}

const checkMods = import.meta.glob<CheckModule>('../lang/sema/check.ts', { eager: true });
const parseMods = import.meta.glob<ParseModule>('../lang/syntax/parser.ts', { eager: true });
const queryMods = import.meta.glob<QueryModule>('../lang/sema/query.ts', { eager: true });
const checkMod: CheckModule = Object.values(checkMods)[0] ?? {};
const queryMod: QueryModule = Object.values(queryMods)[0] ?? {};
const parseMod: ParseModule = Object.values(parseMods)[0] ?? {};

export const toolchainFeatures = {
  check: typeof checkMod.checkSource === 'function',
  hover: typeof queryMod.typeAt === 'function',
  complete: typeof queryMod.completionsAt === 'function',
};

/** Live diagnostics for every file. Throws only if the toolchain itself throws (an internal error). */
export function checkFiles(files: SourceFile[], entry: string): { diagnostics: Diagnostic[]; exports: string[] } {
  if (checkMod.checkSource) {
    const diagnostics: Diagnostic[] = [];
    for (const f of files) {
      const r = checkMod.checkSource(f.name, f.text);
      diagnostics.push(...(Array.isArray(r) ? r : r.diagnostics));
    }
    return { diagnostics, exports: [] };
  }
  try {
    const r = compile(files, { entry });
    return { diagnostics: r.diagnostics, exports: r.program?.exports ?? [] };
  } catch (e) {
    // no checker and no compiler yet: syntax errors from the parser are better than nothing
    if (!parseMod.parse) throw e;
    return { diagnostics: files.flatMap((f) => parseMod.parse!(f.name, f.text).diagnostics), exports: [] };
  }
}

export function compileFiles(files: SourceFile[], entry: string): CompileResult {
  return compile(files, { entry });
}

export function runProgram(program: NonNullable<CompileResult['program']>, options: Partial<RunOptions>): RunResult {
  return run(program, options);
}

export function hoverAt(files: SourceFile[], file: string, offset: number): string | null {
  const f = files.find((x) => x.name === file);
  if (!f || !queryMod.typeAt) return null;
  return queryMod.typeAt(f.name, f.text, offset);
}

export function completionsAt(files: SourceFile[], file: string, offset: number): CompletionItem[] {
  const f = files.find((x) => x.name === file);
  if (!f || !queryMod.completionsAt) return [];
  return queryMod.completionsAt(f.name, f.text, offset);
}

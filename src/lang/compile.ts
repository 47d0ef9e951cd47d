// The toolchain's front door: source files -> diagnostics + a compiled program. The same function
// serves the worker, the CLI, the conformance runner and tests. Bad input never throws: parse and
// check errors are diagnostics; a construct codegen cannot lower yet is a diagnostic too.
import type { Diagnostic } from './diagnostics';
import { diag, hasErrors } from './diagnostics';
import { LineMap } from './span';
import { linkProgram, displayName, suggestTabs } from './sema/modules';
import { check } from './sema/check';
import { generate } from './codegen/module';
import { CodegenLimit } from './codegen/context';
import { codegenFailure } from './codegen/failure';
import { copyNeeds } from './sema/copy-needs';
import type { CheckedProgram } from './sema/typed';

export interface SourceFile {
  name: string;
  text: string;
}

export interface CompileOptions {
  /** File holding main (default: the first file). */
  entry?: string;
  /** Borrow checking (chapter 2 §6.4); off only in engine tests that drive the code generator with
   *  programs the borrow rules would reject (aliasing through references, codegen/refs-model). */
  borrowCheck?: boolean;
}

/** A program ready to run: generated JavaScript plus the tables the runtime needs. */
export interface CompiledProgram {
  js: string; // the module body: `new Function(js)()` returns `$bind(rt)` -> entry points (run.ts)
  isLibrary: boolean; // #[no_main]: nothing runs
  exports: string[]; // `library: add(i32, i32): i32` lines
  /** Opaque tables for the runtime (source map of call sites, type descriptors, ...). */
  meta: unknown;
}

export interface CompileResult {
  diagnostics: Diagnostic[];
  program: CompiledProgram | null; // null when any error diagnostic was reported
}

/** Diagnostics name module items as written (`triple`, not the linker's `utilːtriple`). */
export function demangle(ds: Diagnostic[]): Diagnostic[] {
  for (const d of ds) {
    d.message = displayName(d.message);
    d.notes = d.notes.map(displayName);
    for (const l of d.labels) l.message = displayName(l.message);
  }
  return ds;
}

/** A limit the program ran into while its generic functions were instantiated: E0901 (it needs
 *  unboundedly many instances: polymorphic recursion), or a generic body that copies a value of a
 *  type parameter instantiated with a moving type (E0113/E0163, sema/copy-needs.ts). */
function limitDiagnostic(e: CodegenLimit, file: SourceFile): Diagnostic {
  return demangle([diag(e.msg, e.span ?? new LineMap(file.name, file.text).span(0, 0), { notes: e.notes })])[0];
}

/** For the check path (`vex check`, the editor's live diagnostics): what only instantiating the
 *  generic functions finds, with the diagnostic and span `compile` gives. Instances are found only
 *  by lowering the bodies that need them (calls, drop and clone glue, contract dispatch), so this
 *  runs the code generator and throws its output away; a program without a generic function (its
 *  own or an imported standard module's: `abs<T>` with a String is an instance error too) cannot
 *  reach a limit and skips it. Anything else codegen would report is left to `compile` (a check
 *  never shows internal errors). */
export function instantiationDiagnostics(prog: CheckedProgram, file: SourceFile): Diagnostic[] {
  const generic = prog.fns.some((f) => f.generics.length > 0);
  if (!generic || !prog.main) return [];
  try {
    generate(prog);
  } catch (e) {
    if (e instanceof CodegenLimit) return [limitDiagnostic(e, file)];
  }
  return [];
}

export function compile(files: SourceFile[], options: CompileOptions = {}): CompileResult {
  const file = files.find((f) => f.name === options.entry) ?? files[0];
  if (!file) return { diagnostics: [], program: null };
  // The entry and the tabs it imports (modules.ts); a single file is parsed as before.
  const parsed = linkProgram(files, file.name);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  if (hasErrors(diagnostics)) return { diagnostics: demangle(diagnostics), program: null };
  const checked = check(parsed.program, { borrowCheck: options.borrowCheck ?? true });
  diagnostics.push(...suggestTabs(demangle(checked.diagnostics), files));
  if (hasErrors(diagnostics) || !checked.program) return { diagnostics, program: null };
  const prog = checked.program;
  if (parsed.program.noMain) {
    return { diagnostics, program: { js: 'return { main: null, mainIsGen: false, inits: [], tlsInit: () => [] };', isLibrary: true, exports: prog.exports, meta: { sites: [], types: [], typeNames: [] } } };
  }
  try {
    const { js, meta } = generate(prog);
    return { diagnostics, program: { js, isLibrary: false, exports: prog.exports, meta } };
  } catch (e) {
    if (e instanceof CodegenLimit) {
      diagnostics.push(limitDiagnostic(e, file));
      return { diagnostics, program: null };
    }
    diagnostics.push(codegenFailure(e, new LineMap(file.name, file.text).span(0, 0)));
    return { diagnostics, program: null };
  }
}

// Checking a program of several tabs for the editor and `vex check`: each tab is checked once,
// as part of the program of the first root that reaches it (the entry first, then every tab no
// earlier program imported), so a module's problems are reported once, in its own file.
import type * as ast from '../syntax/ast';
import type { Diagnostic } from '../diagnostics';
import type { StructInfo } from './types';
import { checkSource, checkWithCtx } from './check';
import { linkProgram, displayName, type ModuleFile } from './modules';
import { demangle } from '../compile';

export interface FileCheck {
  root: string;
  files: string[]; // the tabs this check covered
  diagnostics: Diagnostic[];
  program: ReturnType<typeof checkSource>['program'];
  structs: StructInfo[];
  ast: ast.Program;
}

/** Parse, link and check the program rooted at `root` (with the tabs it imports). */
export function checkRoot(files: readonly ModuleFile[], root: string, lints: boolean): FileCheck {
  const linked = linkProgram(files, root);
  if (!linked.linked) {
    const f = files.find((x) => x.name === root) ?? files[0];
    const r = checkSource(f.name, f.text, { lints });
    return { root, files: [f.name], diagnostics: r.diagnostics, program: r.program, structs: r.structs, ast: r.ast };
  }
  const linkErrors = linked.diagnostics.some((d) => d.severity === 'error');
  const { result, cx } = checkWithCtx(linked.program, { lints: lints && !linkErrors });
  const structs = [...cx.structs.values()].map((s) => (s.name.includes('ː') ? { ...s, name: displayName(s.name) } : s));
  return { root, files: linked.files, diagnostics: demangle([...linked.diagnostics, ...result.diagnostics]), program: linkErrors ? null : result.program, structs, ast: linked.program };
}

/** Every tab checked once: the entry's program first, then each tab not yet covered as a root. */
export function checkAllFiles(files: readonly ModuleFile[], entry: string, lints = true): FileCheck[] {
  const covered = new Set<string>();
  const out: FileCheck[] = [];
  const roots = [...files.filter((f) => f.name === entry), ...files.filter((f) => f.name !== entry)];
  for (const f of roots) {
    if (covered.has(f.name)) continue;
    const r = checkRoot(files, f.name, lints);
    // A tab already reported by an earlier program keeps that program's diagnostics.
    r.diagnostics = r.diagnostics.filter((d) => !covered.has(d.span.file));
    for (const x of r.files) covered.add(x);
    out.push(r);
  }
  return out;
}

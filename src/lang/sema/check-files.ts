// Checking a program of several tabs for the editor and `vex check`: each tab is checked once,
// as part of the program of the first root that reaches it (the entry first, then every tab no
// earlier program imported), so a module's problems are reported once, in its own file.
import type * as ast from '../syntax/ast';
import type { Diagnostic } from '../diagnostics';
import type { StructInfo } from './types';
import { checkWithCtx } from './check';
import { linkProgram, displayName, suggestTabs, type ModuleFile } from './modules';
import { demangle, instantiationDiagnostics } from '../compile';
import { rememberAnalysis } from './analysis';
import { markStdExpanded } from './std-modules';

export interface FileCheck {
  root: string;
  files: string[]; // the tabs this check covered
  diagnostics: Diagnostic[];
  program: ReturnType<typeof checkWithCtx>['result']['program'];
  structs: StructInfo[];
  ast: ast.Program;
}

/** Parse, link and check the program rooted at `root` (with the tabs it imports). `isModule`: a
 *  tab other than the entry, so `main` is not required and, without any `export`, every item is
 *  exported (no "never called" warnings for them). */
export function checkRoot(files: readonly ModuleFile[], root: string, lints: boolean, isModule = false): FileCheck {
  const linked = linkProgram(files, root);
  const program = isModule ? exportAllWithoutExport(linked.program, root, linked.linked) : linked.program;
  const parseErrors = linked.diagnostics.some((d) => d.severity === 'error');
  const text = linked.linked ? undefined : files.find((f) => f.name === root)?.text;
  const { result, cx } = checkWithCtx(program, { lints: lints && !parseErrors, module: isModule, text });
  // The entry's check also answers the editor's next queries (a module tab is checked with
  // `module` set and its items marked exported, so it is not reused for them).
  const rootText = files.find((f) => f.name === root)?.text;
  if (!isModule && rootText !== undefined) rememberAnalysis({ file: root, text: rootText, depNames: linked.linked ? linked.files.filter((n) => n !== root) : null, program: cx.program, cx, scope: linked.linked ? linked.scopes.get(root) ?? null : null }, files);
  const structs = [...cx.structs.values()].map((s) => (s.name.includes('ː') ? { ...s, name: displayName(s.name) } : s));
  const diagnostics = suggestTabs([...linked.diagnostics, ...result.diagnostics], files);
  // the instantiation limits compile reports (E0901, a generic copy of a moving type), found
  // only by instantiating: for a complete entry program without other errors
  const rootFile = files.find((f) => f.name === root);
  if (!isModule && rootFile && result.program && !program.noMain && !diagnostics.some((d) => d.severity === 'error')) {
    diagnostics.push(...instantiationDiagnostics(result.program, rootFile));
  }
  // Warnings only for programs without errors, like the checker's own lints.
  if (lints && !diagnostics.some((d) => d.severity === 'error')) diagnostics.push(...linked.unusedImports);
  return { root, files: linked.files, diagnostics: linked.linked ? demangle(diagnostics) : diagnostics, program: parseErrors ? null : result.program, structs, ast: cx.program };
}

/** §4.3: a module with no `export` anywhere exports every top-level function: the program with
 *  those functions copied as exported (the parsed or linked nodes are never written). */
function exportAllWithoutExport(program: ast.Program, file: string, linked: boolean): ast.Program {
  const own = (i: ast.Item) => (i as { span: ast.Span }).span.file === file;
  if (program.items.some((i) => own(i) && (i.kind === 'export-list' || ('isExport' in i && i.isExport)))) return program;
  const items = program.items.map((i) => (own(i) && i.kind === 'fn' && !i.receiver && !i.owner && i.name !== 'main' && i.name !== 'init' ? { ...i, isExport: true } : i));
  const out = { ...program, items };
  if (linked) markStdExpanded(out); // as its linked original: the linker resolved the standard imports
  return out;
}

/** Every tab checked once: the entry's program first, then each tab not yet covered as a root. */
export function checkAllFiles(files: readonly ModuleFile[], entry: string, lints = true): FileCheck[] {
  const covered = new Set<string>();
  const out: FileCheck[] = [];
  const roots = [...files.filter((f) => f.name === entry), ...files.filter((f) => f.name !== entry)];
  for (const f of roots) {
    if (covered.has(f.name)) continue;
    const r = checkRoot(files, f.name, lints, f.name !== entry);
    // A tab already reported by an earlier program keeps that program's diagnostics.
    r.diagnostics = r.diagnostics.filter((d) => !covered.has(d.span.file));
    for (const x of r.files) covered.add(x);
    out.push(r);
  }
  return out;
}

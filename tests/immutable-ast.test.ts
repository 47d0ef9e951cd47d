// The AST is immutable after parsing (sema/tables.ts): every conformance program and the sema and
// codegen test programs are parsed, deep-frozen, then checked, compiled and run — in strict mode
// any write to a node throws (and would surface as an internal-error diagnostic or outcome). The
// results must equal the ordinary pipeline's. A second check of the same frozen AST must give the
// same program again (no clearing between checks).
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listCases, tabsOf, flagsFor, SHARED_DIR, OWN_DIR } from './conformance-lib';
import { execute, runCompiled } from '../src/pipeline/execute';
import { linkProgram, suggestTabs } from '../src/lang/sema/modules';
import { checkAllFiles } from '../src/lang/sema/check-files';
import { deepFreeze, frozenTabs } from './frozen-ast';
import { MODULE_PROGRAMS } from '../src/lang/sema/module-programs.test-util';
import { expandStdImports } from '../src/lang/sema/std-modules';
import { check } from '../src/lang/sema/check';
import { generate } from '../src/lang/codegen/module';
import { CodegenLimit } from '../src/lang/codegen/context';
import { diag } from '../src/lang/diagnostics';
import { LineMap } from '../src/lang/span';
import { hasErrors, type Diagnostic } from '../src/lang/diagnostics';
import { demangle, type SourceFile } from '../src/lang/compile';
import type { RunOptions } from '../src/runtime/api';

const here = dirname(fileURLToPath(import.meta.url));

interface Outcome { diags: string[]; stdout: string; stderr: string; exit: number | null; internal?: string }

const diagText = (ds: Diagnostic[]) => ds.map((d) => `${d.severity} ${d.code} ${d.span.line}:${d.span.col} ${d.message}`);

function ordinary(files: SourceFile[], entry: string, options: Partial<RunOptions>): Outcome {
  const x = execute(files, options, entry);
  const out = x.result?.output ?? [];
  return { ...(x.internalError ? { internal: x.internalError.message } : {}), diags: diagText(x.compile.diagnostics), stdout: out.filter((o) => o.stream === 'stdout').map((o) => o.text).join(''), stderr: out.filter((o) => o.stream === 'stderr').map((o) => o.text).join(''), exit: x.result?.exitCode ?? null };
}

/** compile() on a frozen AST: parse and freeze every tab, link them (a new program), freeze it,
 *  then check twice (each check resolves the standard imports on a new program, itself frozen
 *  here) and generate from the second check. */
function frozen(files: SourceFile[], entry: string, options: Partial<RunOptions>): Outcome {
  const linked = linkProgram(frozenTabs(files), entry);
  const diags: Diagnostic[] = [...linked.diagnostics];
  const none = { stdout: '', stderr: '', exit: null };
  if (hasErrors(diags)) return { diags: diagText(demangle(diags)), ...none };
  deepFreeze(linked.program); // before the standard imports are resolved: that makes a new program (already done when linked)
  const std = expandStdImports(linked.program);
  expect(expandStdImports(linked.program)).toBe(std); // the same parsed program, the same expansion
  deepFreeze(std.program);
  const first = check(linked.program);
  const checked = check(linked.program); // the same AST again: nothing to clear
  expect(diagText(checked.diagnostics)).toEqual(diagText(first.diagnostics));
  diags.push(...suggestTabs(demangle(checked.diagnostics), files)); // names as written, as compile() gives them
  if (hasErrors(diags) || !checked.program || linked.program.noMain) return { diags: diagText(diags), ...none };
  let gen: ReturnType<typeof generate>;
  try {
    gen = generate(checked.program);
  } catch (e) {
    if (!(e instanceof CodegenLimit)) throw e;
    const file = files.find((f) => f.name === entry)!; // E0901, as compile() reports it
    return { diags: diagText([...diags, diag(e.msg, e.span ?? new LineMap(file.name, file.text).span(0, 0))]), ...none };
  }
  const { js, meta } = gen;
  const rr = runCompiled({ js, meta, isLibrary: false, exports: checked.program.exports }, options);
  return { ...(rr.outcome.kind === 'internal-error' ? { internal: rr.outcome.message } : {}), diags: diagText(diags), stdout: rr.output.filter((o) => o.stream === 'stdout').map((o) => o.text).join(''), stderr: rr.output.filter((o) => o.stream === 'stderr').map((o) => o.text).join(''), exit: rr.exitCode };
}

const programs: { name: string; files: SourceFile[]; entry: string; options: Partial<RunOptions> }[] = [];
for (const dir of [SHARED_DIR, OWN_DIR]) {
  for (const c of listCases(dir)) {
    if (c.kind !== 'program') continue;
    if (c.tabs) programs.push({ name: c.name, files: tabsOf(join(c.dir, c.name)), entry: 'main.vx', options: flagsFor(join(c.dir, c.name, 'main.vx')) });
    else {
      const path = join(c.dir, c.name + '.vx');
      programs.push({ name: c.name, files: [{ name: c.name + '.vx', text: readFileSync(path, 'utf8') }], entry: c.name + '.vx', options: flagsFor(path) });
    }
  }
}
for (const sub of ['../src/lang/sema/testdata', '../src/lang/codegen/testdata']) {
  const dir = resolve(here, sub);
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.vx')).sort()) {
    programs.push({ name: `${sub.split('/').slice(-2).join('/')}/${f}`, files: [{ name: f, text: readFileSync(join(dir, f), 'utf8') }], entry: f, options: {} });
  }
}

// the multi-tab programs of the module unit tests (src/lang/sema/modules.test.ts)
for (const [name, tabs] of Object.entries(MODULE_PROGRAMS)) {
  programs.push({ name: `modules.test/${name}`, files: Object.entries(tabs).map(([n, text]) => ({ name: n, text })), entry: 'main.vx', options: {} });
}

/** The editor's and `vex check`'s path: every tab checked as a root (a tab that is not the entry
 *  exports all it has when it has no `export`), each root linked from the same tabs. */
function checkedTabs(files: SourceFile[], entry: string): string[] {
  return checkAllFiles(files, entry).flatMap((r) => [`root ${r.root}: ${r.files.join(' ')}`, ...r.diagnostics.map((d) => `${d.span.file} ${diagText([d])[0]} ${d.notes.join(' | ')}`)]);
}

describe('the AST is immutable after parsing', () => {
  it('finds the programs', () => {
    expect(programs.length).toBeGreaterThan(300);
    expect(programs.filter((p) => p.files.length > 1).length).toBeGreaterThan(25);
  });
  for (const p of programs) {
    it(p.name, () => {
      expect(frozen(p.files, p.entry, p.options)).toEqual(ordinary(p.files, p.entry, p.options));
      if (p.files.length > 1) expect(checkedTabs(frozenTabs(p.files), p.entry)).toEqual(checkedTabs(p.files, p.entry));
    });
  }
});

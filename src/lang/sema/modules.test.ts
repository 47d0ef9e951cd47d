// Modules across tabs (chapter 2 §4): resolution, exports, import forms, cycles, conflicts, and
// that diagnostics, backtraces and editor queries name the right tab.
import { describe, it, expect } from 'vitest';
import { resolveModulePath, linkProgram, displayName } from './modules';
import { compile } from '../compile';
import { execute } from '../../pipeline/execute';
import { checkAllFiles } from './check-files';
import { typeAt, completionsAt } from './query';
import { definitionAt } from './definition';
import { frozenTabs } from '../../../tests/frozen-ast';
import { MODULE_PROGRAMS as P } from './module-programs.test-util';

type Files = { name: string; text: string }[];
// Every tab's AST is deep-frozen before linking and checking: neither may write a parsed node.
const tabs = (o: Readonly<Record<string, string>>): Files => frozenTabs(Object.entries(o).map(([name, text]) => ({ name, text })));
const errors = (files: Files) => compile(files, { entry: 'main.vx' }).diagnostics.filter((d) => d.severity === 'error');
const stdout = (files: Files) => {
  const e = execute(files, {}, 'main.vx');
  expect(e.compile.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
  return (e.result?.output ?? []).filter((c) => c.stream === 'stdout').map((c) => c.text).join('');
};

describe('resolving a module path', () => {
  const set = new Set(['main.vx', 'util.vx', 'lib/geo.vx', 'pkg/mod.vx', 'pkg.vx', 'a/b/c.vx', 'both/lib.vx', 'both/index.vx']);
  it('relative to the importing tab, with or without .vx', () => {
    expect(resolveModulePath('main.vx', './util', set)).toBe('util.vx');
    expect(resolveModulePath('main.vx', './util.vx', set)).toBe('util.vx');
    expect(resolveModulePath('main.vx', './lib/geo', set)).toBe('lib/geo.vx');
    expect(resolveModulePath('lib/geo.vx', '../util', set)).toBe('util.vx');
    expect(resolveModulePath('a/b/c.vx', '../../lib/geo', set)).toBe('lib/geo.vx');
  });
  it("tries real's candidates in order", () => {
    expect(resolveModulePath('main.vx', './pkg', set)).toBe('pkg/mod.vx'); // before pkg.vx
    expect(resolveModulePath('main.vx', './both', set)).toBe('both/lib.vx'); // lib before index
  });
  it('leaving the root or a missing tab is not found', () => {
    expect(resolveModulePath('main.vx', '../util', set)).toBeNull();
    expect(resolveModulePath('main.vx', './nope', set)).toBeNull();
    expect(resolveModulePath('main.vx', './lib/geo.vx.vx', set)).toBeNull();
  });
});

describe('linking', () => {
  it('a program without relative imports is returned as parsed', () => {
    const r = linkProgram(tabs(P.linkUnlinked), 'main.vx');
    expect(r.linked).toBe(false);
    expect(r.files).toEqual(['main.vx']);
  });

  it('the chapter example: named and namespace imports', () => {
    expect(stdout(tabs(P.chapterExample))).toBe('6 3\n');
  });

  it('private names of different modules do not collide; locals shadow imports', () => {
    expect(stdout(tabs(P.privateNamesShadowed))).toBe('5 102 100\n');
  });

  it('a module without export exports everything but main and init', () => {
    const files = tabs(P.noExportExportsAll);
    expect(errors(files).map((d) => d.message)).toEqual(['`main` is not exported by "./m"']);
  });

  it('init functions run dependencies first, each module once', () => {
    expect(stdout(tabs(P.initOrder))).toBe('b\na\nmain\n2\n');
  });

  it('a cycle is an error at the import that closes it, naming the cycle', () => {
    const es = errors(tabs(P.cycle));
    expect(es.map((d) => [d.code, d.message, d.span.file, d.span.line, d.span.col])).toEqual([
      ['E0140', 'circular import: main.vx → a.vx → b.vx → a.vx', 'b.vx', 2, 19],
    ]);
  });

  it('a module importing itself is a cycle too', () => {
    const es = errors(tabs(P.selfCycle));
    expect(es[0].message).toBe('circular import: main.vx → main.vx');
  });

  it('unknown modules and names are reported at their spans in the importing tab', () => {
    const es = errors(tabs(P.unknownNames));
    expect(es.map((d) => [d.message, d.span.file, d.span.line, d.span.col])).toEqual([
      ['`nope` is not exported by "./util"', 'tool.vx', 1, 10],
      ['module not found: "./missing"', 'tool.vx', 2, 22],
    ]);
    expect(es[0].notes).toContain('help: add `export` to `nope` in util.vx');
  });

  it('two items under one name are E0102', () => {
    const es = errors(tabs(P.nameConflict));
    expect(es.map((d) => [d.code, d.message])).toEqual([['E0102', '`g` is imported from "./b" and also defined in this module']]);
    // the same item twice is fine
    expect(errors(tabs(P.sameItemTwice))).toEqual([]);
  });

  it('a namespace is not a value; a missing member is reported', () => {
    const es = errors(tabs(P.namespaceNotValue));
    expect(es.map((d) => d.message)).toEqual(['module `u` is not a value', '`nothing` is not exported by "./u"']);
  });

  it('re-exports: lists, aliases and export *', () => {
    expect(stdout(tabs(P.reexports))).toBe('1 2 7\n');
  });

  it('types of another module: methods, operators, contracts, namespace struct literals', () => {
    expect(stdout(tabs(P.typesAcrossModules))).toBe('P3 6\n');
  });

  it('standard imports stay local to their module', () => {
    const files = tabs(P.stdImportsLocal);
    expect(stdout(files)).toBe('true 4\n');
  });

  it('imported names in types, patterns, bounds, literals and namespaces; loop variables, closures, match bindings and blocks shadow them', () => {
    expect(stdout(tabs(P.everyKind))).toBe('24\n0 1 \n2 10\n7 true\nr 5\n9 tag4\n100\n3\n');
  });

  it('diagnostics in a module name its items as written and point into its tab', () => {
    const es = errors(tabs(P.diagnosticNames));
    expect(es[0].message).toBe('mismatched types: expected `i32`, found `V`');
    expect(displayName('geoːV and mathːx')).toBe('V and x');
  });

  it('panic backtraces name the module tab and the function as written', () => {
    const e = execute(tabs(P.panicBacktrace), {}, 'main.vx');
    const bt = e.result!.panic!.backtrace.map((f) => `${f.fn} ${f.loc?.file}:${f.loc?.line}`);
    expect(bt).toEqual(['boom u.vx:2', 'main main.vx:2']);
  });
});

describe('the editor across tabs', () => {
  const files = tabs(P.editorShapes);
  const main = files[0].text;

  it('each tab is checked once, with the program that imports it', () => {
    const ds = checkAllFiles(files, 'main.vx').flatMap((r) => r.diagnostics);
    expect(ds.map((d) => [d.span.file, d.message])).toEqual([['shapes.vx', 'cannot find value `bad` in this scope']]);
  });

  it('hover shows imported items as declared', () => {
    expect(typeAt('main.vx', main, main.indexOf('area(Shape') + 1, files)).toBe('fn area(sh: Shape): i32');
    expect(typeAt('main.vx', main, main.indexOf('s.area') + 3, files)).toBe('fn area(sh: Shape): i32');
  });

  it('completion lists imported names and the members of a namespace', () => {
    const labels = completionsAt('main.vx', main, main.indexOf('let k'), files).map((c) => c.label);
    expect(labels).toEqual(expect.arrayContaining(['area', 'Shape', 's']));
    expect(labels.some((l) => l.includes('ː'))).toBe(false);
    const t = main.replace('s.area(', 's.ar(');
    const members = completionsAt('main.vx', t, t.indexOf('s.ar(') + 4, files);
    expect(members.map((c) => [c.label, c.detail])).toEqual([['area', 'fn area(sh: Shape): i32']]);
  });

  it('go to definition lands in the declaring tab', () => {
    const at = (needle: string, d = 1) => definitionAt(files, 'main.vx', main.indexOf(needle) + d);
    expect(at('area(Shape')).toMatchObject({ file: 'shapes.vx', line: 2, col: 11 });
    expect(at('s.area', 3)).toMatchObject({ file: 'shapes.vx', line: 2, col: 11 });
    expect(at('Shape { w: 2')).toMatchObject({ file: 'shapes.vx', line: 1, col: 15 });
    expect(at('{ area,', 3)).toMatchObject({ file: 'shapes.vx', line: 2, col: 11 }); // the import list
    expect(at('"./shapes"')).toMatchObject({ file: 'shapes.vx', line: 1, col: 1 }); // the module path
    expect(at('w: k }', 3)).toMatchObject({ file: 'main.vx', line: 3, col: 17 }); // a local: its let
    expect(definitionAt(files, 'shapes.vx', files[1].text.indexOf('sh.w') + 4)).toMatchObject({ file: 'shapes.vx', line: 1, col: 23 }); // a field
    expect(at('println')).toBeNull();
  });
});

describe('tabs that are not the entry', () => {
  it('need no main, and without export every function counts as exported (no "never called")', () => {
    const r = checkAllFiles(tabs(P.implicitExports), 'main.vx');
    expect(r.flatMap((x) => x.diagnostics)).toEqual([]);
    const lone = checkAllFiles(tabs(P.explicitExportUnused), 'main.vx');
    expect(lone.flatMap((x) => x.diagnostics).map((d) => d.message)).toEqual(['function `g` is never called']);
  });

  it('a bare module name that is a tab suggests the relative path', () => {
    const es = errors(tabs(P.bareModuleName));
    expect(es[0].message).toBe('module not found: "util"');
    expect(es[0].notes).toContain('help: did you mean "./util"?');
  });
});

describe('unused imports', () => {
  it('warn (W0108) in the editor and vex check, not in a run', () => {
    const files = tabs(P.unusedImports);
    const ds = checkAllFiles(files, 'main.vx').flatMap((r) => r.diagnostics);
    expect(ds.map((d) => [d.code, d.message, d.span.line])).toEqual([['W0108', 'unused import: `gee`', 1], ['W0108', 'unused import: `mm`', 2]]);
    expect(compile(files, { entry: 'main.vx' }).diagnostics).toEqual([]);
  });
});

describe('robustness', () => {
  it('deleting any line of any tab never makes linking, checking or the editor queries throw', async () => {
    const { readFileSync } = await import('node:fs');
    const dir = `${__dirname}/../../../tests/conformance/module_three_tabs/`;
    const base = ['main.vx', 'geometry.vx', 'seq.vx'].map((name) => ({ name, text: readFileSync(dir + name, 'utf8') }));
    let variants = 0;
    for (let f = 0; f < base.length; f++) {
      const lines = base[f].text.split('\n');
      for (let i = 0; i < lines.length; i++) {
        const files = base.map((x, j) => (j === f ? { ...x, text: [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n') } : x));
        expect(() => compile(files, { entry: 'main.vx' })).not.toThrow();
        expect(() => checkAllFiles(files, 'main.vx')).not.toThrow();
        for (let off = 0; off < files[f].text.length; off += 17) {
          expect(() => definitionAt(files, files[f].name, off)).not.toThrow();
          expect(() => typeAt(files[f].name, files[f].text, off, files)).not.toThrow();
        }
        variants++;
      }
    }
    expect(variants).toBeGreaterThan(30);
  });
});

describe('trace events', () => {
  it('a task spawned in a module is named as written and sited in its tab', () => {
    const e = execute(tabs(P.taskSpawn), { keepTrace: true }, 'main.vx');
    const spawn = e.result!.trace.find((t) => t.t === 'task-spawn') as { name: string; site?: { file: string; line: number } } | undefined;
    expect(spawn?.name).toBe('job');
    expect(spawn?.site).toMatchObject({ file: 'work.vx', line: 3 });
  });
});

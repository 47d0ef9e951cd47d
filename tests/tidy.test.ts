// Tidy: the invariants of the tree that no type checker sees (README "Layers and their invariants").
// 1. Imports only go down the layers; 2. lists that several layers keep agree; 3. every TODO names
// its issue. A failure says which file breaks which rule.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KEYWORDS, TYPE_WORDS } from '../src/lang/syntax/tokens';
import { BUILTIN_FNS, SPECIAL_FNS } from '../src/lang/sema/prelude';
import { LIBM_FAST } from '../src/lang/codegen/calls';
import { LIBM_FNS, LIBM_SHIMS } from '../src/runtime/ffi/libm';
import { SHIM_SIGS } from '../src/runtime/ffi/shims';
import { VEX_BUILTINS, VEX_CONSTANTS, VEX_KEYWORDS, VEX_TYPE_KEYWORDS } from '../src/ui/editor/vex-monarch';
import { parse } from '../src/lang/syntax/parser';
import { lexRanges } from './js-literals';
import * as limits from '../src/common/limits';
import { DEFAULT_CAPS } from '../src/worker/batcher';
import { MAX_OUTPUT_LINES } from '../src/ui/state/output-model';
import { MAX_TRACE_EVENTS } from '../src/ui/state/run-store';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) continue;
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

const isTest = (f: string) => /\.test(-util)?\.tsx?$/.test(f) || /\.test\.tsx?$/.test(f);
const sources = walk(join(ROOT, 'src')).filter((f) => /\.tsx?$/.test(f));

/** Every module a file names: `from '…'`, `import '…'`, `import('…')`; with whether it is type-only. */
function importsOf(text: string): { spec: string; typeOnly: boolean }[] {
  const out: { spec: string; typeOnly: boolean }[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^;'"]*?from\s+['"]([^'"]+)['"]/gm)) out.push({ spec: m[3], typeOnly: !!m[2] });
  for (const m of text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) out.push({ spec: m[1], typeOnly: false });
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push({ spec: m[1], typeOnly: true });
  return out;
}

/** The layer of a path under src: its top directory, and for src/lang its part (syntax, sema, codegen, root). */
function layerOf(abs: string): { top: string; part: string } | null {
  const rel = relative(join(ROOT, 'src'), abs);
  if (rel.startsWith('..')) return null;
  const [top, second] = rel.split(/[\\/]/);
  const part = top === 'lang' ? (second && !second.includes('.') ? second : 'root') : '';
  return { top, part };
}

/** Which top layers each layer may import (values or types). Tests may reach across layers. */
const MAY_IMPORT: Record<string, string[]> = {
  common: ['common'],
  lang: ['lang', 'common'],
  runtime: ['runtime', 'common'],
  pipeline: ['pipeline', 'lang', 'runtime', 'common'],
  worker: ['worker', 'pipeline', 'lang', 'runtime', 'common'],
  cli: ['cli', 'pipeline', 'lang', 'runtime', 'common'],
  ui: ['ui', 'worker', 'lang', 'runtime', 'common'],
};
/** Inside src/lang: the front end never reaches into later phases. */
const LANG_MAY_IMPORT: Record<string, string[]> = {
  syntax: ['syntax', 'root'],
  sema: ['sema', 'syntax', 'root'],
  codegen: ['codegen', 'sema', 'syntax', 'root'],
  root: ['root', 'syntax', 'sema', 'codegen'],
};
/** Values the UI may import from the toolchain (pure functions, the diagnostics table); everything else from lang/runtime is `import type`. */
const UI_VALUE_IMPORTS = new Set(['lang/diagnostics.ts', 'lang/syntax/cell-complete.ts', 'lang/codes.ts']);
/** Known wrong-way imports, each with the issue that removes it. */
const KNOWN: Record<string, string> = {
  // the checker still writes its results into the AST (#13 item 1: typed side tables)
  'lang/syntax/ast.ts -> lang/sema/types.ts': '#13',
};

function resolveSpec(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null; // packages
  const base = resolve(dirname(from), spec.replace(/\?.*$/, ''));
  for (const cand of [base, base + '.ts', base + '.tsx', join(base, 'index.ts')]) {
    try { if (statSync(cand).isFile()) return cand; } catch { /* next */ }
  }
  return base;
}

describe('layers: imports only go down (README "Layers and their invariants")', () => {
  const violations: string[] = [];
  for (const file of sources.filter((f) => !isTest(f))) {
    const from = layerOf(file)!;
    for (const { spec, typeOnly } of importsOf(readFileSync(file, 'utf8'))) {
      const target = resolveSpec(file, spec);
      if (!target) continue;
      const to = layerOf(target);
      const edge = `${relative(join(ROOT, 'src'), file)} -> ${target.startsWith(join(ROOT, 'src')) ? relative(join(ROOT, 'src'), target) : relative(ROOT, target)}`;
      if (KNOWN[edge]) continue;
      if (!to) { violations.push(`${edge}: src must not import outside src`); continue; }
      if (!MAY_IMPORT[from.top]?.includes(to.top)) violations.push(`${edge}: ${from.top} may not import ${to.top}`);
      else if (from.top === 'lang' && to.top === 'lang' && !LANG_MAY_IMPORT[from.part]?.includes(to.part)) violations.push(`${edge}: lang/${from.part} may not import lang/${to.part}`);
      else if (from.top === 'ui' && (to.top === 'lang' || to.top === 'runtime') && !typeOnly && !UI_VALUE_IMPORTS.has(relative(join(ROOT, 'src'), target))) {
        violations.push(`${edge}: the UI takes only types from the toolchain (the worker runs it)`);
      }
    }
  }
  it('no file imports against the layering', () => expect(violations).toEqual([]));

  it('the toolchain layers use neither Node nor the DOM', () => {
    const bad: string[] = [];
    for (const file of sources.filter((f) => !isTest(f) && ['lang', 'runtime', 'common', 'pipeline'].includes(layerOf(f)!.top))) {
      const text = readFileSync(file, 'utf8');
      for (const { spec } of importsOf(text)) if (/^(node:|fs$|path$|os$|child_process$|react|monaco)/.test(spec)) bad.push(`${relative(ROOT, file)} imports ${spec}`);
      if (/\b(document|window|localStorage)\.\w/.test(text.replace(/\/\/.*$/gm, ''))) bad.push(`${relative(ROOT, file)} touches the DOM`);
      if (/\bprocess\.(env|argv|exit|stdout|stderr)\b/.test(text.replace(/\/\/.*$/gm, ''))) bad.push(`${relative(ROOT, file)} touches Node's process`);
    }
    expect(bad).toEqual([]);
  });

  it('the rules catch a wrong-way import (self-test)', () => {
    const fake = join(ROOT, 'src/runtime/core/x.ts');
    const spec = importsOf(`import { compile } from '../../lang/compile';`)[0];
    const to = layerOf(resolveSpec(fake, spec.spec)!)!;
    expect(MAY_IMPORT[layerOf(fake)!.top].includes(to.top)).toBe(false);
    expect(importsOf(`import type { A } from './a';\nconst x = import('./b');`)).toEqual([
      { spec: './a', typeOnly: true }, { spec: './b', typeOnly: true },
    ]);
  });

  it('every known exception still exists (remove it from KNOWN once fixed)', () => {
    for (const edge of Object.keys(KNOWN)) {
      const [from, to] = edge.split(' -> ');
      const file = join(ROOT, 'src', from);
      const targets = importsOf(readFileSync(file, 'utf8')).map((i) => resolveSpec(file, i.spec)).filter(Boolean).map((t) => relative(join(ROOT, 'src'), t!));
      expect(targets, edge).toContain(to);
    }
  });
});

describe('lists kept in several places agree', () => {
  it('keywords: the lexer and the editor grammar', () => {
    const grammar = new Set([...VEX_KEYWORDS, ...VEX_TYPE_KEYWORDS, ...VEX_CONSTANTS]);
    // `let!` is one token for the lexer; the grammar colours `let` and `!`
    expect([...KEYWORDS].filter((k) => k !== 'let!' && !grammar.has(k))).toEqual([]);
    expect([...TYPE_WORDS].filter((k) => !VEX_TYPE_KEYWORDS.includes(k))).toEqual([]);
    // grammar keywords the lexer does not reserve are contextual at item start: still identifiers elsewhere
    const contextual = VEX_KEYWORDS.filter((k) => !KEYWORDS.has(k));
    expect(contextual.sort()).toEqual(['thread_local', 'union']);
    for (const k of contextual) {
      expect(parse('t.vx', `fn main() { let ${k} = 1; println("{}", ${k}); }`).diagnostics, k).toEqual([]);
    }
    expect(parse('t.vx', 'union U { a: i32, b: f32 }\nthread_local let X: i32 = 0;\nfn main() {}').diagnostics).toEqual([]);
  });

  it('builtins: the checker prelude and the editor grammar', () => {
    // the virtual clock, the sandbox and memory as text, for the standard modules (time, io, fmt,
    // env, fs, path, process, string) only
    const INTERNAL = ['vex_clock_ns', 'vex_duration_ns', 'vex_eprint', 'vex_exit', 'vex_sandbox', 'vex_mem_text', 'vex_mem_utf8'];
    const prelude = [...Object.keys(BUILTIN_FNS), ...SPECIAL_FNS].filter((n) => !INTERNAL.includes(n));
    expect([...new Set(prelude)].sort()).toEqual([...VEX_BUILTINS].sort());
  });

  it('libm: the FFI shims, their signatures, the fast path and codegen', () => {
    const names = Object.keys(LIBM_FNS).sort();
    expect(Object.keys(LIBM_SHIMS).sort()).toEqual(names);
    expect([...LIBM_FAST].sort()).toEqual(names);
    expect([...SHIM_SIGS.values()].filter((s) => s.lib === 'libm').map((s) => s.name).sort()).toEqual(names);
  });

  it('limits: every layer takes them from common/limits.ts, in a sensible order', () => {
    expect(DEFAULT_CAPS.maxLines).toBe(limits.SHOWN_OUTPUT_LINES);
    expect(DEFAULT_CAPS.runOutputLineLimit).toBe(limits.RUN_OUTPUT_LINES);
    expect(DEFAULT_CAPS.maxTrace).toBe(limits.TRACE_EVENTS_PER_BATCH);
    expect(MAX_OUTPUT_LINES).toBe(limits.SHOWN_OUTPUT_LINES);
    expect(MAX_TRACE_EVENTS).toBe(limits.UI_TRACE_EVENTS);
    expect(limits.SHOWN_OUTPUT_LINES).toBeLessThanOrEqual(limits.RUN_OUTPUT_LINES);
    expect(limits.HEAP_TRACE_EVENTS).toBeLessThanOrEqual(limits.TRACE_EVENTS);
    expect(limits.TRACE_EVENTS).toBeLessThanOrEqual(limits.UI_TRACE_EVENTS);
    // no layer keeps its own copy of a limit's number
    const copies: string[] = [];
    for (const f of sources.filter((s) => !isTest(s) && !s.endsWith('common/limits.ts'))) {
      const t = readFileSync(f, 'utf8');
      if (/(OUTPUT|TRACE)_?(LIMIT|CAP|LINES|EVENTS|BYTES)\s*=\s*[\d_]+|16 << 20/.test(t)) copies.push(relative(ROOT, f));
    }
    expect(copies).toEqual([]);
  });
});

describe('the codegen <-> runtime contract (common/rt-contract.ts)', () => {
  /** `rt.` text in the string and template literals of a source file (the code it emits). */
  function rawRtText(text: string): string[] {
    const found: string[] = [];
    let line = 1, at = 0;
    for (const r of lexRanges(text).filter((x) => x.kind === 'string' || x.kind === 'template')) {
      for (; at < r.start; at++) if (text.charCodeAt(at) === 10) line++;
      for (const m of text.slice(r.start, r.end).matchAll(/(?:(?<![\w$.])|(?<=\\[nrt]))rt\.[$\w]*/g)) found.push(`${line}: ${m[0]}`);
    }
    return found;
  }

  it('codegen emits runtime members only through rt-names.ts, so tsc checks every name', () => {
    const raw: string[] = [];
    for (const f of sources.filter((s) => !isTest(s) && /src[\\/]lang[\\/]/.test(s) && !s.endsWith('rt-names.ts'))) {
      for (const hit of rawRtText(readFileSync(f, 'utf8'))) raw.push(`${relative(ROOT, f)}:${hit}`);
    }
    expect(raw).toEqual([]);
  });

  it('the check sees raw rt. text in strings and templates, not in code or comments (self-test)', () => {
    expect(rawRtText("const a = 'if (rt.depth) x';\nconst b = `${c} rt.fuel`;\nconst d = `${e}(rt.host.cat)${f}\\nrt.out()`;").map((h) => h.replace(/^\d+: /, ''))).toEqual(['rt.depth', 'rt.fuel', 'rt.host', 'rt.out']);
    expect(rawRtText("// rt.depth\nconst k = rt.k / 2; const s = `$rt.x ${RT.depth}`; /* 'rt.y' */ const r = /rt\\.z/;")).toEqual([]);
    expect(rawRtText("const a = `${b ? `rt.one` : '2'} ${{ c: 1 }.c}rt.two`;").map((h) => h.replace(/^\d+: /, ''))).toEqual(['rt.one', 'rt.two']);
  });
});

/** An emit call given a code and a text instead of a `MSG.…` message (codes.ts / messages.ts). */
const INLINE_MESSAGE = /(?:\.(?:error|warn|report)|\bdiag)\(\s*(?:['"`][EW]\d{4}|C\.\w+\s*,|SyntaxCode\.\w+\s*,)/g;

/** A literal note in an emit call whose message comes from the table. */
const INLINE_NOTE = /\bMSG\.[EW]\d{4}\.\w+\(.*\bnotes: \[\s*['"`]/;

/** A string or template literal that starts a note or help line: its text belongs in NOTES. */
const NOTE_TEXT = /['"`](?:note|help): /;
/** A label's text written as a literal (the renderer's empty primary label is not a text). */
const LABEL_TEXT = /\bmessage: (['"`])(?!\1)/;
/** Not diagnostic texts: how the renderer prefixes a bare note, and what the REPL adds to a
 *  diagnostic of any code about an earlier cell (it has no code of its own to be filed under). */
const NOTE_TEXT_ALLOWED: [file: string, text: string][] = [
  ['src/lang/diagnostics.ts', '"note: ...", "help: consider'],
  ['src/lang/diagnostics.ts', ': `note: ${n}`'],
  ['src/lang/repl.ts', '`note: ${l.message} (in an earlier cell)`'],
  ['src/lang/repl.ts', "'note: this is about code from an earlier cell'"],
];

describe('diagnostics take their text from the message table (lang/messages.ts)', () => {
  it('no emit site in src/lang passes a code with an inline message', () => {
    const inline: string[] = [];
    for (const f of sources.filter((s) => !isTest(s) && /src[\\/]lang[\\/]/.test(s))) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(INLINE_MESSAGE)) inline.push(`${relative(ROOT, f)}:${text.slice(0, m.index).split('\n').length}: ${m[0]}`);
    }
    expect(inline).toEqual([]);
  });
  it('an emit call written on one line takes its fixed notes from the table too (NOTE.…)', () => {
    const inline: string[] = [];
    for (const f of sources.filter((s) => !isTest(s) && /src[\\/]lang[\\/]/.test(s))) {
      readFileSync(f, 'utf8').split('\n').forEach((line, i) => {
        if (INLINE_NOTE.test(line)) inline.push(`${relative(ROOT, f)}:${i + 1}: ${line.trim().slice(0, 120)}`);
      });
    }
    expect(inline).toEqual([]);
    expect(INLINE_NOTE.test("cx.error(MSG.E0118.x(), e.span, { notes: ['help: use block_on'] });")).toBe(true);
    expect(INLINE_NOTE.test('cx.error(MSG.E0118.x(), e.span, { notes: [NOTE.E0118.helpUse()] });')).toBe(false);
  });
  it('no label text is written outside the table either (NOTE.CODE.label…)', () => {
    const inline: string[] = [];
    for (const f of sources.filter((s) => !isTest(s) && /src[\\/]lang[\\/]/.test(s) && !s.endsWith('messages.ts'))) {
      readFileSync(f, 'utf8').split('\n').forEach((line, i) => {
        if (LABEL_TEXT.test(line)) inline.push(`${relative(ROOT, f)}:${i + 1}: ${line.trim().slice(0, 120)}`);
      });
    }
    expect(inline).toEqual([]);
    for (const bad of ["labels: [{ span: prev, message: 'previous definition here' }]", 'd.labels.push({ span, message: `returns ${t}` });']) expect(LABEL_TEXT.test(bad), bad).toBe(true);
    for (const ok of ["{ span: d.span, message: '', primary: true }", 'labels: [{ span, message: NOTE.E0102.labelPreviousDefinition() }]']) expect(LABEL_TEXT.test(ok), ok).toBe(false);
  });
  it('no note or help line is written outside the table, in an emit call or before it (NOTE.…)', () => {
    const inline: string[] = [];
    for (const f of sources.filter((s) => !isTest(s) && /src[\\/]lang[\\/]/.test(s) && !s.endsWith('messages.ts'))) {
      readFileSync(f, 'utf8').split('\n').forEach((line, i) => {
        const where = `${relative(ROOT, f).replace(/\\/g, '/')}:${i + 1}`;
        if (NOTE_TEXT.test(line) && !NOTE_TEXT_ALLOWED.some(([file, text]) => where.startsWith(`${file}:`) && line.includes(text))) inline.push(`${where}: ${line.trim().slice(0, 120)}`);
      });
    }
    expect(inline).toEqual([]);
    for (const bad of ["return ['help: pass a pointer: `&xs as *' + t + '`'];", 'notes.push(`note: ${x} is read-only`);', 'n("help: wrap it")']) expect(NOTE_TEXT.test(bad), bad).toBe(true);
    expect(NOTE_TEXT.test("return [NOTE.E0138.helpPassTextStr()]; // 'help' lines")).toBe(false);
  });
  it('the rule catches the old forms (self-test)', () => {
    const old = ["cx.error('E0103', `mismatched types`, span)", "p.error(C.Expected, 'x', s)", 'diag(\n  "E0140", msg, span)', "this.report(SyntaxCode.BadEscape, m, s)"];
    for (const o of old) expect(o.match(INLINE_MESSAGE), o).not.toBeNull();
    expect("cx.error(MSG.E0103.assertEq({ a, b }), span)".match(INLINE_MESSAGE)).toBeNull();
  });
});

describe('comments', () => {
  const WORD = ['TO', 'DO'].join(''); // split so this file does not match itself
  const marker = new RegExp(`\\b(${WORD}|FIXME|HACK)\\b(?!\\(#\\d+\\))`);
  it(`every ${WORD}/FIXME/HACK names its issue, like ${WORD}(#13)`, () => {
    const roots = ['src', 'tests', 'scripts', 'bench', 'e2e', 'bin'].map((d) => join(ROOT, d));
    const bad: string[] = [];
    for (const r of roots) {
      let files: string[] = [];
      try { files = walk(r); } catch { continue; }
      for (const f of files.filter((x) => /\.(tsx?|mjs|js|md|vx|css)$/.test(x) && !x.endsWith('tidy.test.ts'))) {
        readFileSync(f, 'utf8').split('\n').forEach((line, i) => {
          if (marker.test(line)) bad.push(`${relative(ROOT, f)}:${i + 1}: ${line.trim()}`);
        });
      }
    }
    expect(bad).toEqual([]);
  });
});

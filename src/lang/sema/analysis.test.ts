// The editor queries' analysis cache: a hit only for the same inputs (or, for completion, a text
// that differs only where the member is being typed), and answers identical to an uncached check.
import { describe, it, expect, beforeEach } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeAt, analyzeText, analysisAround, clearAnalyses } from './analysis';
import { completionsAt, typeAt } from './query';
import { generateProgram } from '../../../bench/frontend';
import { checkAllFiles } from './check-files';

const PROG = `struct Point { x: i32, y: i32 }
fn (p: &Point) norm1(): i32 { return p.x + p.y; }
fn main() {
    let p = Point { x: 1, y: 2 };
    let s = String.from("hi");
    let v = Vec<i32>.new();
    println("{} {} {}", p.norm1(), s.len(), v.len());
}
`;

beforeEach(() => clearAnalyses());

describe('analyzeText', () => {
  it('returns the same analysis for the same file, text and other tabs, a new one otherwise', () => {
    const a = analyzeText('main.vx', PROG);
    expect(analyzeText('main.vx', PROG)).toBe(a);
    expect(analyzeText('main.vx', PROG + '\n')).not.toBe(a);
    expect(analyzeText('other.vx', PROG)).not.toBe(a);
    const MAIN = 'import { one } from "./util";\n' + PROG.replace('p.norm1()', 'p.norm1() + one()');
    const util = (n: number) => ({ name: 'util.vx', text: `export fn one(): i32 { return ${n}; }\n` });
    const other = (n: number) => ({ name: 'other.vx', text: `export fn two(): i32 { return ${n}; }\n` });
    const tabs = [{ name: 'main.vx', text: MAIN }, util(1), other(1)];
    const b = analyzeText('main.vx', MAIN, tabs);
    expect(b.cx.diags.filter((d) => d.severity === 'error')).toEqual([]);
    expect(analyzeText('main.vx', MAIN, tabs)).toBe(b);
    // a tab it imports changed: the program is different
    expect(analyzeText('main.vx', MAIN, [tabs[0], util(2), other(1)])).not.toBe(b);
    // a tab it does not import changed: the same program, the analysis is kept
    const c = analyzeText('main.vx', MAIN, [tabs[0], util(2), other(1)]);
    expect(analyzeText('main.vx', MAIN, [tabs[0], util(2), other(7)])).toBe(c);
    // a program without imports keeps its analysis whatever the other tabs hold
    expect(analyzeText('main.vx', PROG, tabs)).toBe(analyzeText('main.vx', PROG, [tabs[0], util(3)]));
  });

  it('misses when a tab appears that an import of the cached text now resolves to', () => {
    const MAIN = 'import { one } from "./util";\nfn main() { println("{}", one()); }\n';
    const alone = analyzeText('main.vx', MAIN, [{ name: 'main.vx', text: MAIN }]);
    expect(alone.cx.diags.map((d) => d.code)).toContain('E0140');
    const both = analyzeText('main.vx', MAIN, [{ name: 'main.vx', text: MAIN }, { name: 'util.vx', text: 'export fn one(): i32 { return 1; }\n' }]);
    expect(both).not.toBe(alone);
    expect(both.cx.diags.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('keeps a bounded number of entries', () => {
    const first = analyzeText('main.vx', PROG);
    for (let i = 0; i < 6; i++) analyzeText('main.vx', PROG + '\n'.repeat(i + 1));
    expect(analyzeText('main.vx', PROG)).not.toBe(first);
  });
});

describe('analysisAround', () => {
  it('reuses a text that differs only by the name being typed, never one that differs in structure', () => {
    const at = PROG.indexOf('p.norm1') + 1; // the `.`
    const old = analyzeText('main.vx', PROG.slice(0, at) + PROG.slice(at + '.norm1'.length));
    const typing = PROG.slice(0, at) + '.no' + PROG.slice(at + '.norm1'.length);
    expect(analysisAround('main.vx', typing, at, at + 3)).toBe(old);
    // the cached text holds a brace where they differ: block structure may differ, no reuse
    clearAnalyses();
    analyzeText('main.vx', PROG.slice(0, at) + '{' + PROG.slice(at + '.norm1'.length));
    expect(analysisAround('main.vx', typing, at, at + 3)).toBeNull();
    // a different tail: no reuse
    clearAnalyses();
    analyzeText('main.vx', PROG.slice(0, at) + PROG.slice(at + '.norm1'.length) + '// more\n');
    expect(analysisAround('main.vx', typing, at, at + 3)).toBeNull();
  });
});

describe('cached answers equal uncached ones', () => {
  it('member completion while typing, at every `.` of a generated 300-line program', () => {
    const text = generateProgram(300);
    let checked = 0;
    for (let at = text.indexOf('.'); at >= 0 && checked < 40; at = text.indexOf('.', at + 1)) {
      if (!/[A-Za-z0-9_]/.test(text[at - 1] ?? '') || !/[A-Za-z_]/.test(text[at + 1] ?? '')) continue;
      let end = at + 1;
      while (/[A-Za-z0-9_]/.test(text[end])) end++;
      const before = text.slice(0, at) + text.slice(end); // the line before the member was typed
      const typing = text.slice(0, at) + '.' + text.slice(at + 1, at + 2) + text.slice(end);
      const offset = at + 2;
      clearAnalyses();
      const cold = completionsAt('f.vx', typing, offset);
      clearAnalyses();
      completionsAt('f.vx', before, at); // the editor asked something of the text before the `.`
      const warm = completionsAt('f.vx', typing, offset);
      expect(warm, `at ${at}`).toEqual(cold);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('hover at many offsets: the second answer is the first', () => {
    const text = generateProgram(200);
    const offsets = Array.from({ length: 60 }, (_, i) => Math.floor((i * text.length) / 60));
    clearAnalyses();
    const cold = offsets.map((o) => { clearAnalyses(); return typeAt('f.vx', text, o); });
    const warm = offsets.map((o) => typeAt('f.vx', text, o));
    expect(warm).toEqual(cold);
    expect(cold.filter((x) => x !== null).length).toBeGreaterThan(10);
  });

  it("a query's partial check (declarations + the bodies around it) answers hover and completion as the full check, across many real programs", () => {
    const dir = join(dirname(fileURLToPath(import.meta.url)), '../../../tests/conformance');
    const files = readdirSync(dir).filter((f) => f.endsWith('.vx')).sort().filter((_, i) => i % 6 === 0);
    let compared = 0, partialUsed = 0;
    for (const f of [...files.map((n) => readFileSync(join(dir, n), 'utf8')), generateProgram(300)]) {
      const offsets = Array.from({ length: 40 }, (_, i) => Math.floor((i * f.length) / 40) + (i % 5));
      const partial = offsets.map((o) => {
        clearAnalyses();
        const t = typeAt('f.vx', f, o);
        if (analyzeAt('f.vx', f, o).partial !== null) partialUsed++;
        clearAnalyses();
        return [t, completionsAt('f.vx', f, o)];
      });
      clearAnalyses();
      const full = analyzeText('f.vx', f);
      expect(full.partial).toBeNull();
      const whole = offsets.map((o) => [typeAt('f.vx', f, o), completionsAt('f.vx', f, o)]);
      expect(analyzeAt('f.vx', f, 0)).toBe(full); // a full analysis is preferred
      expect(partial, `hover and completion answers of a program: ${f.slice(0, 80)}`).toEqual(whole);
      compared += whole.filter((x) => x[0] !== null).length;
    }
    expect(compared).toBeGreaterThan(300);
    expect(partialUsed).toBeGreaterThan(1000);
  });

  it("the live check's analysis of the entry is reused, and answers as a fresh one does", () => {
    const text = generateProgram(200);
    const tabs = [{ name: 'main.vx', text }];
    const offsets = Array.from({ length: 40 }, (_, i) => Math.floor((i * text.length) / 40));
    const cold = offsets.map((o) => { clearAnalyses(); return [typeAt('main.vx', text, o, tabs), completionsAt('main.vx', text, o, tabs)]; });
    clearAnalyses();
    checkAllFiles(tabs, 'main.vx');
    const live = analyzeText('main.vx', text, tabs);
    checkAllFiles(tabs, 'main.vx');
    expect(analyzeText('main.vx', text, tabs)).not.toBe(live); // the second check replaced it: no parse of its own
    const warm = offsets.map((o) => [typeAt('main.vx', text, o, tabs), completionsAt('main.vx', text, o, tabs)]);
    expect(warm).toEqual(cold);
  });
});

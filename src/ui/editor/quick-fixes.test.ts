import { describe, it, expect } from 'vitest';
import { checkSource } from '../../lang/sema/check';
import { quickFixes, type Range } from './quick-fixes';

/** Apply every fix of the first diagnostic with `code` to `src` (edits do not overlap). */
function fix(src: string, code: string): { titles: string[]; text: string } {
  const d = checkSource('t.vx', src, { lints: true }).diagnostics.find((x) => x.code === code)!;
  expect(d, code).toBeDefined();
  const lines = src.split('\n');
  const range = (s: typeof d.span): Range => ({ startLine: s.line, startCol: s.col, endLine: s.endLine, endCol: s.endCol });
  const fixes = quickFixes({ message: [d.message, ...d.notes].join('\n'), range: range(d.span), related: d.labels.map((l) => range(l.span)) }, (n) => lines[n - 1] ?? '');
  let text = src;
  for (const f of fixes) {
    for (const e of [...f.edits].reverse()) {
      const off = (l: number, c: number) => text.split('\n').slice(0, l - 1).reduce((a, s) => a + s.length + 1, 0) + c - 1;
      text = text.slice(0, off(e.range.startLine, e.range.startCol)) + e.text + text.slice(off(e.range.endLine, e.range.endCol));
    }
  }
  return { titles: fixes.map((f) => f.title), text };
}

describe('quick fixes from help notes', () => {
  it('prefixes an unused variable or function with `_`', () => {
    expect(fix('fn main() {\n    let total = 1;\n}\n', 'W0103')).toEqual({ titles: ['Rename to `_total`'], text: 'fn main() {\n    let _total = 1;\n}\n' });
    expect(fix('fn helper() {}\nfn main() {}\n', 'W0107').text).toBe('fn _helper() {}\nfn main() {}\n');
  });
  it('changes `let!` to `let`', () => {
    expect(fix('fn main() {\n    let! n = 1;\n    println("{}", n);\n}\n', 'W0105').text).toBe('fn main() {\n    let n = 1;\n    println("{}", n);\n}\n');
  });
  it('removes unreachable lines', () => {
    expect(fix('fn main() {\n    return;\n    println("a");\n    println("b");\n}\n', 'W0104').text).toBe('fn main() {\n    return;\n}\n');
  });
  it('makes an assigned binding mutable at its declaration', () => {
    expect(fix('fn main() {\n    let total = 1;\n    total = 2;\n    println("{}", total);\n}\n', 'E0110').text)
      .toBe('fn main() {\n    let! total = 1;\n    total = 2;\n    println("{}", total);\n}\n');
  });
  it('replaces a misspelt name with the similar one', () => {
    expect(fix('fn main() {\n    let total = 1;\n    println("{}", totl);\n}\n', 'E0100').text).toBe('fn main() {\n    let total = 1;\n    println("{}", total);\n}\n');
  });
  it('removes an unused import: the whole statement, or one name of several', () => {
    const use = 'fn main() {\n    println("{}", sqrt(4.0));\n}\n';
    expect(fix('import { sqrt } from "math";\nfn main() {}\n', 'W0108')).toEqual({ titles: ['Remove the unused import'], text: 'fn main() {}\n' });
    expect(fix('import * as m from "math";\nfn main() {}\n', 'W0108').text).toBe('fn main() {}\n');
    expect(fix('import { floor, sqrt } from "math";\n' + use, 'W0108')).toEqual({ titles: ['Remove the unused import `floor`'], text: 'import { sqrt } from "math";\n' + use });
    expect(fix('import { sqrt, floor } from "math";\n' + use, 'W0108').text).toBe('import { sqrt } from "math";\n' + use);
  });
  it('offers no fix when the help holds no concrete edit', () => {
    expect(quickFixes({ message: 'x\nhelp: wrap it in `unsafe { … }`', range: { startLine: 1, startCol: 1, endLine: 1, endCol: 2 }, related: [] }, () => '')).toEqual([]);
  });
});

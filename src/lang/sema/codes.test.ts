// The diagnostics table (../codes.ts) held to the compiler: every `bad` example gets its code,
// every `good` example compiles without errors and without that code, and every code any source
// file emits is in the table.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkSource } from './check';
import { CODES } from './codes';
import { checkAllFiles } from './check-files';
import { compile } from '../compile';
import { DIAGNOSTICS, allCodes, codeInfo } from '../codes';
import { SyntaxCode } from '../syntax/codes';

// Compiler-failure codes (E09xx) appear only when code generation runs; the rest come from the checker.
const diagnosticsOf = (code: string, src: string) =>
  code.startsWith('E09') ? compile([{ name: 't.vx', text: src }]).diagnostics : checkSource('t.vx', src, { lints: true }).diagnostics;

describe('diagnostic codes: the example pairs', () => {
  for (const code of allCodes()) {
    const { title, bad, good } = DIAGNOSTICS[code];
    if (bad === null || good === null) continue;
    it(`${code}: ${title}`, () => {
      expect(diagnosticsOf(code, bad).map((d) => d.code)).toContain(code);
      const fixed = diagnosticsOf(code, good);
      expect(fixed.map((d) => d.code)).not.toContain(code);
      expect(fixed.filter((d) => d.severity === 'error')).toEqual([]);
    });
  }
  // A code that needs a second tab (modules.ts): [code, bad main.vx, good main.vx, m.vx]
  const MODULE_CASES: [string, string, string, string][] = [
    ['W0108', 'import { f } from "./m";\nfn main() {}', 'import { f } from "./m";\nfn main() { f(); }', 'export fn f() {}'],
  ];
  for (const [code, bad, good, m] of MODULE_CASES) {
    it(`${code} across tabs`, () => {
      const codesIn = (main: string) => checkAllFiles([{ name: 'main.vx', text: main }, { name: 'm.vx', text: m }], 'main.vx').flatMap((r) => r.diagnostics.map((d) => d.code));
      expect(codesIn(bad)).toContain(code);
      expect(codesIn(good)).not.toContain(code);
    });
  }
  it('only internal errors go without an example pair', () => {
    const without = allCodes().filter((c) => DIAGNOSTICS[c].bad === null || DIAGNOSTICS[c].good === null);
    expect(without).toEqual(['E0099', 'E0900', 'E0902', 'E0999']);
  });
});

describe('diagnostic codes: the table', () => {
  it('every entry has a title, a severity matching its prefix and a 2–5 sentence explanation', () => {
    for (const code of allCodes()) {
      const info = DIAGNOSTICS[code];
      expect(/^[EW]\d{4}$/.test(code), code).toBe(true);
      expect(info.severity, code).toBe(code.startsWith('W') ? 'warning' : 'error');
      expect(info.title.length, code).toBeGreaterThan(5);
      const sentences = info.explain.split(/(?<=[.!?])\s+(?=[A-Z`"'(])/).length;
      expect(sentences, `${code}: ${info.explain}`).toBeGreaterThanOrEqual(1);
      expect(sentences, code).toBeLessThanOrEqual(5);
    }
  });
  it('the checker slice CODES is exactly the E01xx/W01xx codes, with the table titles', () => {
    expect(Object.keys(CODES).sort()).toEqual(allCodes().filter((c) => /^[EW]01/.test(c)));
    expect(CODES.E0113).toBe(DIAGNOSTICS.E0113.title);
  });
  it('every SyntaxCode is in the table', () => {
    expect(Object.values(SyntaxCode).filter((c) => !(c in DIAGNOSTICS))).toEqual([]);
  });
  it('codeInfo looks codes up case-insensitively and rejects unknown ones', () => {
    expect(codeInfo('e0113')?.code).toBe('E0113');
    expect(codeInfo('E4242')).toBeUndefined();
    expect(codeInfo('toString')).toBeUndefined();
  });
  it('every code literal in the sources (outside tests) is in the table', () => {
    const root = join(__dirname, '../..');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(name) && !/\.test(-util)?\.tsx?$/.test(name) && !/test-util/.test(name)) files.push(p);
      }
    };
    walk(root);
    expect(files.length).toBeGreaterThan(50);
    const missing = new Set<string>();
    let seen = 0;
    for (const f of files) {
      // quoted literals and `MSG.E0103.…` only: a code in a comment range like "E0001–E0009" is not an emission
      for (const m of readFileSync(f, 'utf8').matchAll(/['"`]([EW]\d{4})['"`]|\bMSG\.([EW]\d{4})\b/g)) {
        seen++;
        const code = m[1] ?? m[2];
        if (!(code in DIAGNOSTICS)) missing.add(`${code} in ${f.slice(root.length + 1)}`);
      }
    }
    expect(seen).toBeGreaterThan(100);
    expect([...missing]).toEqual([]);
  });
});

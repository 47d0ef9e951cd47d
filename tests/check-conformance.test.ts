// The checker against the shared conformance suite: programs expected to fail compilation yield an
// error containing the `.err` text; every other program checks without errors.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { checkSource } from '../src/lang/sema/check';

const DIR = '/work/shared/conformance/';
const files = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.vx')).sort() : [];

describe('checker on /work/shared/conformance', () => {
  it('finds the suite', () => expect(files.length).toBeGreaterThan(0));
  for (const f of files) {
    const name = f.slice(0, -3);
    const exit = readFileSync(DIR + name + '.exit', 'utf8').trim();
    it(name, () => {
      const r = checkSource(f, readFileSync(DIR + f, 'utf8'));
      const errors = r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
      if (exit === 'compile-error') {
        const want = readFileSync(DIR + name + '.err', 'utf8').trim().toLowerCase();
        expect(errors.some((m) => m.toLowerCase().includes(want)), `no error mentions "${want}": ${JSON.stringify(errors)}`).toBe(true);
        expect(r.program).toBeNull();
      } else {
        expect(errors).toEqual([]);
        expect(r.program).not.toBeNull();
      }
    });
  }
});

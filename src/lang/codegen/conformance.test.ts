// Every shared conformance program through compile() + run(), judged as the README says: exact
// stdout, exit status, ordered stderr lines, or the compile error. A regression guard for the
// engine (the lead's `npm run conformance` is the product's own runner).
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '../compile';
import { run } from '../../runtime/run';
import { sharedPath } from '../../../tests/shared-suite';
import { linesInOrder } from '../../../tests/lines-in-order';

const dir = sharedPath('conformance');
const names = readdirSync(dir).filter((f) => f.endsWith('.vx')).map((f) => f.slice(0, -3)).sort();

describe('shared conformance suite', () => {
  for (const name of names) {
    it(name, () => {
      const text = readFileSync(join(dir, name + '.vx'), 'utf8');
      const exit = readFileSync(join(dir, name + '.exit'), 'utf8').trim();
      const c = compile([{ name: name + '.vx', text }]);
      if (exit === 'compile-error') {
        const want = readFileSync(join(dir, name + '.err'), 'utf8').trim().toLowerCase();
        expect(c.program).toBeNull();
        expect(c.diagnostics.some((d) => d.message.toLowerCase().includes(want)), c.diagnostics.map((d) => d.message).join('\n')).toBe(true);
        return;
      }
      expect(c.program, c.diagnostics.map((d) => d.message).join('\n')).not.toBeNull();
      const r = run(c.program!);
      const out = r.output.filter((o) => o.stream === 'stdout').map((o) => o.text).join('');
      const err = r.output.filter((o) => o.stream === 'stderr').map((o) => o.text).join('');
      expect(out).toBe(readFileSync(join(dir, name + '.out'), 'utf8'));
      expect(String(r.exitCode)).toBe(exit);
      if (existsSync(join(dir, name + '.stderr'))) {
        const want = readFileSync(join(dir, name + '.stderr'), 'utf8').split('\n').filter(Boolean);
        expect(linesInOrder(want, err), `stderr lines in order:\n${want.join('\n')}\n--- got\n${err}`).toBeNull();
      }
    });
  }
});

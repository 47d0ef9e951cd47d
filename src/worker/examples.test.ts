// Every example of the examples menu, run through the worker's real message handling (the same
// compile + run path as the browser), prints exactly its expected stdout and ends as catalogued.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { handleMessage } from './handlers';
import type { FromWorker } from './protocol';
import { EXAMPLES } from '../ui/examples/catalog';
import { linesInOrder } from '../../tests/lines-in-order';

const dir = new URL('../ui/examples/', import.meta.url);
const settings = { stackSize: 1 << 20, heapLimit: 64 << 20, panic: 'unwind' as const, fuel: 300_000_000 };

describe('examples run to their expected output', () => {
  for (const ex of EXAMPLES) {
    it(ex.id, () => {
      const text = readFileSync(new URL(`${ex.id}.vx`, dir), 'utf8');
      const expected = readFileSync(new URL(`${ex.id}.out`, dir), 'utf8');
      const out: FromWorker[] = [];
      handleMessage({ type: 'run', id: 1, files: [{ name: 'main.vx', text }], entry: 'main.vx', settings }, { post: (m) => out.push(m), now: () => 0 });
      const compiled = out.find((m) => m.type === 'compiled');
      expect(compiled, JSON.stringify(out.find((m) => m.type === 'internal-error'))).toMatchObject({ ok: true });
      let stdout = '', stderr = '';
      for (const m of out) if (m.type === 'events') for (const c of m.output) c.stream === 'stdout' ? (stdout += c.text) : (stderr += c.text);
      const done = out.find((m) => m.type === 'done');
      expect(stdout).toBe(expected);
      expect(done).toMatchObject({ exitCode: ex.exit });
      expect(linesInOrder(ex.stderr ?? [], stderr), `stderr lines in order in ${stderr}`).toBeNull();
    });
  }
});

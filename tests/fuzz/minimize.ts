// Delta debugging over lines (or REPL cells): remove chunks, halving their size, while the same
// failure class persists. Oracle expectations are dropped for classes that do not need them
// (an internal error stays one without knowing the expected output); oracle failures keep the
// program whole, since removing a line changes the expected output.
import type { FuzzCase } from './gen/types';
import { judge, type Verdict } from './judge';
import type { CaseRunner } from './campaign';

const STRUCTURAL = new Set(['crash', 'hang', 'internal', 'js-text', 'nondeterministic']);

export async function minimize(c: FuzzCase, v: Verdict, runner: CaseRunner, maxSteps: number): Promise<FuzzCase> {
  if (!STRUCTURAL.has(v.cls)) return c;
  const budget = v.cls === 'hang' || v.cls === 'crash' ? Math.min(maxSteps, 12) : maxSteps;
  const bare: FuzzCase = { ...c, expect: undefined };
  const units = c.cells ? [...c.cells] : c.text.split('\n');
  const build = (u: string[]): FuzzCase => (c.cells ? { ...bare, cells: u, text: u.join('\n\n') } : { ...bare, text: u.join('\n') });
  let cur = units, steps = 0;
  for (let chunk = Math.max(1, Math.floor(cur.length / 2)); chunk >= 1; chunk = Math.floor(chunk / 2)) {
    for (let at = 0; at < cur.length && steps < budget; ) {
      const cand = [...cur.slice(0, at), ...cur.slice(at + chunk)];
      steps++;
      const w = cand.length ? judge(build(cand), await runner.run(build(cand))) : null;
      if (w && w.cls === v.cls) cur = cand;
      else at += chunk;
    }
    if (steps >= budget) break;
  }
  return build(cur);
}

// Every saved fuzz failure (tests/fuzz/regressions/*.json, minimized by the campaign) is run
// again through the same child-process runner and judge; its judgement must be the one recorded
// in `expect`: 'clean' once fixed, or the failure class while it is a known, open failure.
import { describe, it, expect, afterAll } from 'vitest';
import { CaseRunner, loadRegressions } from './campaign';
import { judge } from './judge';

const regressions = loadRegressions();
const runner = new CaseRunner(30_000);
afterAll(() => runner.kill());

describe('fuzz regressions', () => {
  it('are stored with a case and an expected judgement', () => {
    for (const r of regressions) {
      expect(r.case.text.length, r.name).toBeGreaterThan(0);
      expect(typeof r.expect, r.name).toBe('string');
    }
  });
  for (const r of regressions) {
    it(`${r.name} (found: ${r.found.cls}) judges ${r.expect}`, async () => {
      const v = judge(r.case, await runner.run(r.case));
      expect(v?.cls ?? 'clean', v?.detail).toBe(r.expect);
    }, 240_000);
  }
});

// The CI-sized fuzz campaign: a fixed seed, every category, judged like `npm run fuzz` (no
// internal error, no hang, deterministic, oracles agree). New failures are not saved here: run
// `npm run fuzz -- --count N --seed S` to minimize and store them.
import { describe, it, expect } from 'vitest';
import { runCampaign } from './campaign';
import { CATEGORIES } from './gen/index';
import { judge } from './judge';
import type { RunSummary } from './exec';
import { genInt } from './gen/arith';
import { Rng } from './gen/rng';

// ~2 minutes on an idle 2-core machine; the timeout leaves room for a loaded one
const COUNT = Number(process.env.VEX_FUZZ_COUNT ?? 1200);

describe('fuzz campaign (CI size)', () => {
  it(`${COUNT} programs over ${CATEGORIES.length} categories end clean`, async () => {
    const r = await runCampaign({ count: COUNT, seed: 7, save: false, fuelCap: 200_000 });
    expect(r.count).toBe(COUNT);
    console.log(`fuzz CI: ${r.count} programs in ${(r.ms / 1000).toFixed(0)} s: ` + Object.entries(r.perCategory).map(([c, s]) => `${c} ${s.programs}`).join(', '));
    for (const c of CATEGORIES) expect(r.perCategory[c]?.programs ?? 0, c).toBeGreaterThan(0);
    expect(r.failures.map((f) => `#${f.index} ${f.category} ${f.verdict.cls}: ${f.verdict.detail}`)).toEqual([]);
  }, 900_000);
});

describe('the judge', () => {
  const c = genInt(new Rng(1));
  const run = (o: Partial<RunSummary> = {}): RunSummary => ({ diagnostics: [], internal: null, outcome: 'exited', exit: c.expect!.exit!, stdout: c.expect!.stdout!, stderr: '', traceHash: 'h', steps: 1, ...o });
  it('passes a run that matches the oracle', () => expect(judge(c, { runs: [run(), run()] })).toBeNull());
  it('flags internal errors, JS text, nondeterminism, wrong output, hangs and crashes', () => {
    expect(judge(c, { runs: [run({ internal: 'x.get is not a function' }), run()] })?.cls).toBe('internal');
    expect(judge(c, { runs: [run({ diagnostics: [{ code: 'E0900', severity: 'error', message: 'cannot compile' }] }), run()] })?.cls).toBe('internal');
    expect(judge(c, { runs: [run({ stdout: 'undefined\n' }), run({ stdout: 'undefined\n' })] })?.cls).toBe('js-text');
    // C's own wording (dlerror) is not JS text; a JS undefined after it still is
    const dl = run({ stdout: c.expect!.stdout! + 'undefined symbol: f\n' });
    expect(judge({ ...c, expect: { ...c.expect, stdout: dl.stdout } }, { runs: [dl, dl] })).toBeNull();
    const leak = run({ stdout: 'moved out undefined\n' });
    expect(judge(c, { runs: [leak, leak] })?.cls).toBe('js-text');
    expect(judge(c, { runs: [run(), run({ traceHash: 'other' })] })?.cls).toBe('nondeterministic');
    expect(judge(c, { runs: [run({ stdout: '0\n' }), run({ stdout: '0\n' })] })?.cls).toBe('wrong-output');
    expect(judge(c, { hang: true })?.cls).toBe('hang');
    expect(judge(c, { crash: 'heap out of memory' })?.cls).toBe('crash');
  });
  it('counts drops: twice or never is a failure', () => {
    const d = { category: 'drops', text: 'fn main() {}', expect: { dropIds: [1, 2] } };
    const ok = run({ stdout: 'drop 1\ndrop 2\n' });
    expect(judge(d, { runs: [ok, ok] })).toBeNull();
    const twice = run({ stdout: 'drop 1\ndrop 1\ndrop 2\n' });
    expect(judge(d, { runs: [twice, twice] })?.cls).toBe('drop-count');
    const never = run({ stdout: 'drop 2\n' });
    expect(judge(d, { runs: [never, never] })?.cls).toBe('drop-count');
  });
});

describe('generators', () => {
  it('are deterministic: (seed, index) names one program', async () => {
    const { caseAt } = await import('./campaign');
    for (let i = 0; i < 60; i++) expect(caseAt(11, i)).toEqual(caseAt(11, i));
    expect(caseAt(11, 0).text).not.toBe(caseAt(12, 0).text);
  });
});

describe('the runner', () => {
  it('judges an endless run (no fuel limit) a hang, kills the child and goes on', async () => {
    const { CaseRunner } = await import('./campaign');
    const runner = new CaseRunner(1500);
    try {
      const endless = { category: 'runaway', text: 'fn main() {\n    let! x: i64 = 0;\n    loop { x += 1; }\n}\n', options: { fuel: 0 } };
      expect(judge(endless, await runner.run(endless))?.cls).toBe('hang');
      const c = genInt(new Rng(3));
      expect(judge(c, await runner.run(c))).toBeNull();
    } finally {
      runner.kill();
    }
  }, 120_000);
});

// npm run fuzz -- --count N --seed S [--category X[,Y]] [--timeout MS] [--fuel-cap N] [--per-signature K] [--no-save] [--report FILE] [--show I]
// Runs a seeded, deterministic fuzz campaign (tests/fuzz/) and prints what it covered and found.
import { writeFileSync } from 'node:fs';
import { runCampaign, caseAt, type CampaignReport } from '../tests/fuzz/campaign';
import { CATEGORIES } from '../tests/fuzz/gen/index';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : dflt; };
const count = Number(opt('count', '1000'));
const seed = Number(opt('seed', '1'));
const categories = opt('category', '').split(',').filter(Boolean);
const reportFile = opt('report', '');

if (args.includes('--show')) {
  // print program I of the campaign (to reproduce a failure by hand)
  const c = caseAt(seed, Number(opt('show', '0')), categories.length ? categories : CATEGORIES);
  console.log(JSON.stringify({ category: c.category, options: c.options, expect: c.expect }, null, 1));
  console.log(c.cells ? c.cells.join('\n// ---- cell\n') : c.text);
  process.exit(0);
}

const summary = (r: CampaignReport, done: boolean) => {
  const lines = [`${done ? 'done' : 'progress'}: ${r.count} programs, seed ${r.seed}, ${(r.ms / 1000).toFixed(1)} s, failures ${r.failures.length ? JSON.stringify(r.byClass) : 'none'}`];
  if (done) {
    for (const [cat, s] of Object.entries(r.perCategory)) lines.push(`  ${cat.padEnd(12)} ${String(s.programs).padStart(7)} programs ${String(s.compiled).padStart(7)} ran  ${String(s.failures).padStart(5)} failures  ${(s.ms / s.programs).toFixed(1)} ms/program`);
    for (const f of r.failures.slice(0, 60)) lines.push(`  #${f.index} ${f.category} ${f.verdict.cls}: ${f.verdict.detail}${f.saved ? ` -> regressions/${f.saved}` : ''}`);
  }
  return lines.join('\n');
};

const report = await runCampaign({
  count, seed, categories,
  timeoutMs: Number(opt('timeout', '10000')),
  save: !args.includes('--no-save'),
  perSignature: Number(opt('per-signature', '1')),
  fuelCap: Number(opt('fuel-cap', '0')) || undefined,
  onProgress: (n, r) => {
    if (n % 1000 === 0) console.log(summary(r, false));
    if (reportFile) writeFileSync(reportFile, JSON.stringify(r, null, 1));
  },
});
console.log(summary(report, true));
if (reportFile) writeFileSync(reportFile, JSON.stringify(report, null, 1));
process.exit(report.failures.length ? 1 : 0);

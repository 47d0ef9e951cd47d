// The fuzz campaign: generate case i of (seed, category) deterministically, run it twice in a
// child process with a wall timeout, judge it, minimize and save each new failure under
// tests/fuzz/regressions/. Used by `npm run fuzz` (scripts/fuzz.ts) and the CI test.
import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng, programSeed } from './gen/rng';
import { GENERATORS, CATEGORIES } from './gen/index';
import type { FuzzCase } from './gen/types';
import { judge, signature, type Answer, type Verdict } from './judge';
import { minimize } from './minimize';
import { FUEL } from './exec';

const HERE = fileURLToPath(new URL('.', import.meta.url));
export const REGRESSIONS = join(HERE, 'regressions');

/** One long-lived child that runs cases; killed and respawned on a hang or a crash. */
export class CaseRunner {
  private child: ChildProcess | null = null;
  private ready: Promise<void> | null = null;
  private next = 0;
  private stderr = '';
  constructor(private readonly timeoutMs: number) {}

  private spawn(): Promise<void> {
    this.stderr = '';
    const child = fork(join(HERE, 'child.ts'), [], {
      execArgv: ['--import', 'tsx', '--max-old-space-size=1536', '--stack-size=4000'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    child.stderr!.on('data', (d: Buffer) => { this.stderr = (this.stderr + d.toString()).slice(-2000); });
    this.child = child;
    this.ready = new Promise((res, rej) => {
      child.once('message', () => res());
      child.once('exit', (code) => rej(new Error(`fuzz child exited at start (${code}): ${this.stderr}`)));
    });
    return this.ready;
  }

  /** The CPU-time budget of a case (both runs): the base plus 20 µs per unit of fuel (a caught
   *  panic, a Gc allocation or a task switch costs several µs a step); a hang is a case that uses
   *  more. CPU time, not wall time, so that a loaded machine does not turn slow runs into hangs. */
  timeoutFor(c: FuzzCase): number { return this.timeoutMs + (c.options?.fuel ?? FUEL) * 0.02; }

  async run(c: FuzzCase, timeoutMs = this.timeoutFor(c)): Promise<Answer> {
    if (!this.child || this.child.exitCode !== null || this.child.killed) await this.spawn();
    else await this.ready;
    const child = this.child!;
    const id = ++this.next;
    return new Promise<Answer>((resolve) => {
      const done = (a: Answer) => { clearInterval(timer); child.off('message', onMsg); child.off('exit', onExit); resolve(a); };
      const onMsg = (m: { id?: number; runs?: Answer }) => { if (m.id === id) done(m as Answer); };
      const onExit = (code: number | null, sig: string | null) => { this.child = null; done({ crash: `child died (${sig ?? code}): ${this.stderr.trim().split('\n').slice(-3).join(' | ')}` }); };
      const start = cpuMs(child.pid!), t0 = Date.now();
      // poll the child's CPU time; wall time only as a backstop (10x the budget)
      const timer = setInterval(() => {
        const used = start === null ? Date.now() - t0 : (cpuMs(child.pid!) ?? Infinity) - start;
        if (used > timeoutMs || Date.now() - t0 > 10 * timeoutMs) { child.off('exit', onExit); this.kill(); done({ hang: true }); }
      }, 250);
      child.on('message', onMsg);
      child.once('exit', onExit);
      child.send({ id, c });
    });
  }

  kill(): void {
    if (this.child && this.child.exitCode === null) this.child.kill('SIGKILL');
    this.child = null;
  }
}

/** CPU time (user + system) of a process in ms from /proc, or null where there is no /proc. */
function cpuMs(pid: number): number | null {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
    return (Number(rest[11]) + Number(rest[12])) * 10; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return null;
  }
}

export interface Failure { index: number; seed: number; category: string; verdict: Verdict; saved: string | null }
export interface CampaignReport {
  seed: number;
  count: number;
  ms: number;
  perCategory: Record<string, { programs: number; failures: number; compiled: number; ms: number }>;
  failures: Failure[];
  /** Failures by class (every occurrence, duplicates included). */
  byClass: Record<string, number>;
}

export interface CampaignOptions {
  count: number;
  seed: number;
  categories?: string[];
  timeoutMs?: number;
  /** Save new failures (minimized) as regression programs. */
  save?: boolean;
  /** Save at most this many programs per failure signature (default 1). */
  perSignature?: number;
  minimizeSteps?: number;
  /** Run every case with at most this much fuel (CI: keeps runaway programs short). */
  fuelCap?: number;
  onProgress?: (done: number, r: CampaignReport) => void;
}

export function caseAt(seed: number, i: number, categories: readonly string[] = CATEGORIES): FuzzCase {
  const s = programSeed(seed, i);
  const cat = categories[i % categories.length];
  return GENERATORS[cat](new Rng(s));
}

export async function runCampaign(o: CampaignOptions): Promise<CampaignReport> {
  const cats = o.categories?.length ? o.categories : CATEGORIES;
  for (const c of cats) if (!GENERATORS[c]) throw new Error(`unknown category ${c} (known: ${CATEGORIES.join(', ')})`);
  const runner = new CaseRunner(o.timeoutMs ?? 10_000);
  const report: CampaignReport = { seed: o.seed, count: 0, ms: 0, perCategory: {}, failures: [], byClass: {} };
  const seen = new Map<string, number>();
  for (const s of existingSignatures()) seen.set(s, o.perSignature ?? 1);
  const t0 = Date.now();
  try {
    for (let i = 0; i < o.count; i++) {
      const c = caseAt(o.seed, i, cats);
      if (o.fuelCap) c.options = { ...c.options, fuel: Math.min(c.options?.fuel ?? FUEL, o.fuelCap) };
      const t = Date.now();
      const answer = await runner.run(c);
      const v = judge(c, answer);
      const pc = (report.perCategory[c.category] ??= { programs: 0, failures: 0, compiled: 0, ms: 0 });
      pc.programs++;
      pc.ms += Date.now() - t;
      if ('runs' in answer && answer.runs[0].outcome !== 'compile-error') pc.compiled++;
      report.count++;
      if (v) {
        pc.failures++;
        report.byClass[v.cls] = (report.byClass[v.cls] ?? 0) + 1;
        const sig = signature(c.category, v);
        const n = seen.get(sig) ?? 0;
        let saved: string | null = null;
        if (o.save && n < (o.perSignature ?? 1)) {
          const small = await minimize(c, v, runner, o.minimizeSteps ?? 200);
          saved = saveRegression(small, v, o.seed, i);
        }
        seen.set(sig, n + 1);
        if (report.failures.length < 500) report.failures.push({ index: i, seed: o.seed, category: c.category, verdict: v, saved });
      }
      if (o.onProgress && (i + 1) % 100 === 0) { report.ms = Date.now() - t0; o.onProgress(i + 1, report); }
    }
  } finally {
    runner.kill();
  }
  report.ms = Date.now() - t0;
  return report;
}

export interface Regression { name: string; category: string; found: Verdict; expect: string; origin: string; case: FuzzCase }

function existingSignatures(): string[] {
  return loadRegressions().map((r) => signature(r.category, r.found));
}

export function loadRegressions(): Regression[] {
  if (!existsSync(REGRESSIONS)) return [];
  return readdirSync(REGRESSIONS).filter((f) => f.endsWith('.json')).sort()
    .map((f) => JSON.parse(readFileSync(join(REGRESSIONS, f), 'utf8')) as Regression);
}

function saveRegression(c: FuzzCase, v: Verdict, seed: number, i: number): string {
  mkdirSync(REGRESSIONS, { recursive: true });
  const h = createHash('sha1').update(c.text).digest('hex').slice(0, 8);
  const name = `${c.category}-${v.cls}-${h}`;
  // `expect` is the judgement the regression test requires: the found class until it is fixed,
  // then 'clean' (edit it when fixing).
  const r: Regression = { name, category: c.category, found: v, expect: v.cls, origin: `--seed ${seed}, program ${i}`, case: c };
  writeFileSync(join(REGRESSIONS, `${name}.json`), JSON.stringify(r, null, 1) + '\n');
  writeFileSync(join(REGRESSIONS, `${name}.vx`), c.text);
  return name;
}

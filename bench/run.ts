// `npm run bench`: each Vex benchmark beside its hand-written JS twin, in one process.
// Warm-up, then alternating timed runs; median per side; ratio = Vex / JS; geometric mean.
// Targets (issue #3): geometric mean <= 3, no ratio above 8, with all always-on machinery.
// Then the front end: lex, parse and check a generated 10,000-line program (target < 300 ms).
// Usage: npm run bench [-- --runs N] [-- NAME...] [-- --no-frontend]
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { build } from 'esbuild';
import type * as Engine from './engine-entry';
import { runFrontendBench } from './frontend';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'programs');
const args = process.argv.slice(2);
const ri = args.indexOf('--runs');
const RUNS = ri >= 0 ? Number(args[ri + 1]) : 7;
const only = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs');
const frontend = !args.includes('--no-frontend') && only.length === 0;
const WARMUP = 3; // V8 tiers a program up over its first runs: time the steady state

// Bundle the toolchain the way the site ships it (one ES module, no per-module loader shims).
const outDir = mkdtempSync(join(tmpdir(), 'vex-bench-'));
const outFile = join(outDir, 'engine.mjs');
await build({ entryPoints: [join(dirname(fileURLToPath(import.meta.url)), 'engine-entry.ts')], bundle: true, format: 'esm', platform: 'neutral', target: 'es2022', outfile: outFile, logLevel: 'error' });
const { compile, run, DEFAULT_RUN_OPTIONS, lex, parse, checkSource }: typeof Engine = await import(pathToFileURL(outFile).href);
rmSync(outDir, { recursive: true, force: true });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const now = () => performance.now();

interface Row { name: string; vex: number; js: number; ratio: number; note: string }
const rows: Row[] = [];

for (const file of readdirSync(dir).filter((f) => f.endsWith('.vx')).sort()) {
  const name = file.replace(/\.vx$/, '');
  if (only.length && !only.includes(name)) continue;
  const source = readFileSync(join(dir, file), 'utf8');
  const twin: { main: (print: (s: string) => void) => void } = await import(pathToFileURL(join(dir, name + '.js')).href);

  const c = compile([{ name: file, text: source }]);
  if (!c.program) {
    rows.push({ name, vex: NaN, js: NaN, ratio: NaN, note: 'compile error: ' + c.diagnostics.map((d) => `${d.span.line}:${d.span.col} ${d.message}`).join('; ') });
    continue;
  }
  const program = c.program;
  const runVex = () => {
    const t0 = now();
    const r = run(program, DEFAULT_RUN_OPTIONS); // default fuel: counting stays on
    const ms = now() - t0;
    return { ms, out: r.output.filter((o) => o.stream === 'stdout').map((o) => o.text).join(''), r };
  };
  const runJs = () => {
    let out = '';
    const t0 = now();
    twin.main((s) => { out += s; });
    return { ms: now() - t0, out };
  };
  let note = '';
  try {
    for (let i = 0; i < WARMUP; i++) { runVex(); runJs(); }
    const vs: number[] = [], js: number[] = [];
    let vexOut = '', jsOut = '';
    for (let i = 0; i < RUNS; i++) {
      const v = runVex(); vs.push(v.ms); vexOut = v.out;
      if (v.r.outcome.kind !== 'exited') note = `outcome ${v.r.outcome.kind}: ${v.r.output.map((o) => o.text).join('').slice(0, 200)}`;
      const j = runJs(); js.push(j.ms); jsOut = j.out;
    }
    if (!note && vexOut !== jsOut) note = `OUTPUT DIFFERS: vex ${JSON.stringify(vexOut.slice(0, 120))} js ${JSON.stringify(jsOut.slice(0, 120))}`;
    rows.push({ name, vex: median(vs), js: median(js), ratio: median(vs) / median(js), note });
  } catch (e) {
    rows.push({ name, vex: NaN, js: NaN, ratio: NaN, note: 'exception: ' + (e as Error).message });
  }
}

const pad = (s: string, n: number) => s.padEnd(n);
const num = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '-');
console.log(pad('benchmark', 12) + pad('vex ms', 10) + pad('js ms', 10) + pad('ratio', 8) + 'note');
for (const r of rows) console.log(pad(r.name, 12) + pad(num(r.vex), 10) + pad(num(r.js), 10) + pad(num(r.ratio, 2), 8) + r.note);
const ok = rows.filter((r) => Number.isFinite(r.ratio));
const geo = ok.length ? Math.exp(ok.reduce((s, r) => s + Math.log(r.ratio), 0) / ok.length) : NaN;
const worst = ok.reduce((m, r) => Math.max(m, r.ratio), 0);
console.log(`geometric mean ratio: ${num(geo, 2)} (target <= 3); worst: ${num(worst, 2)} (target <= 8); ${ok.length}/${rows.length} benchmarks ran; ${RUNS} runs each, median`);

if (frontend) {
  console.log('');
  const bundled = [
    { name: 'lex', run: (f: string, src: string) => lex(f, src) },
    { name: 'lex+parse', run: (f: string, src: string) => parse(f, src) },
    { name: 'lex+parse+check', run: (f: string, src: string) => checkSource(f, src) },
  ];
  for (const line of await runFrontendBench(bundled)) console.log(line);
}

// `npm run bench`: each Vex benchmark beside its hand-written JS twin, in one process.
// Two Vex paths are timed:
//  - worker: the browser worker's own code (src/worker/handlers.ts: compile, run with its event
//    listener and batcher, every message posted through a MessagePort as worker.ts posts it:
//    serialized, its packed buffers transferred; the UI side deserializes it) — what
//    users run; the ratio the targets apply to. What the UI thread then does with a batch (its
//    packed events made into TraceEvents: wire.ts fromWire, heap-pack.ts withHeapEvents) is timed
//    apart, as "UI ms", on one run after the timed ones, with reading the messages off the port:
//    it runs on the other thread, so neither its time nor its garbage (an object per event) may
//    land in a timed run;
//  - bare: run() with no listener (what the CLI and the conformance runner do).
// Times are CPU time of this process (process.cpuUsage: user + system, GC threads included), not
// wall time: the machine is shared, and a descheduled process would otherwise be billed for other
// people's work. The worker's own clock (its flush checks) is performance.now(), as in the
// browser. Warm-up, then alternating timed runs; median per side; ratio = Vex / JS; geometric
// mean. (No forced GC between runs: a run after one scavenges more often — vecprim bare: 15
// scavenges instead of 6 over 6 runs, 64 ms a run instead of 25 — which no real run does.)
// Then the front end: lex, parse and check a generated 10,000-line program (target < 300 ms),
// editor queries, and compile-time scaling of flat programs (bench/scaling.ts: ratio < 6).
// Usage: npm run bench [-- --runs N] [-- NAME...] [-- --no-frontend]
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { build } from 'esbuild';
import type * as Engine from './engine-entry';
import { runFrontendBench } from './frontend';
import { queryReport } from './queries';
import { scalingReport } from './scaling';
import type { FromWorker } from '../src/worker/protocol';
import type { WireMessage } from '../src/worker/wire';

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
const { compile, run, handleMessage, withHeapEvents, toWire, fromWire, DEFAULT_RUN_OPTIONS, lex, parse, checkSource }: typeof Engine = await import(pathToFileURL(outFile).href);
rmSync(outDir, { recursive: true, force: true });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const cpuMs = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
const now = cpuMs; // every timing below
const wallNow = () => performance.now();
const load0 = loadavg();

interface Row { name: string; worker: number; bare: number; js: number; compile: number; events: number; ui: number; note: string }
const rows: Row[] = [];
// The UI's default settings (src/ui/state/settings-model.ts); the worker merges them over run()'s defaults.
const SETTINGS = { stackSize: DEFAULT_RUN_OPTIONS.stackSize, heapLimit: DEFAULT_RUN_OPTIONS.heapLimit, panic: DEFAULT_RUN_OPTIONS.panic, fuel: 300_000_000 };

const channel = new MessageChannel();
channel.port1.unref(); channel.port2.unref(); // (read synchronously: they must not keep the process alive)
/** One run through the worker's handler; run ms = handler CPU time after its 'compiled' message
 *  (the compile before it is reported apart). The posted messages are read after the timed run,
 *  as the UI thread would receive them: only their output and outcome, unless `decode`, which
 *  also makes every event an object as the UI does (timed as UI ms; its garbage, an object per
 *  event, would otherwise be collected in the timed runs after it). */
function runWorker(file: string, source: string, decode = false): { ms: number; compileMs: number; out: string; outcome: string; events: number; uiMs: number } {
  let compiledAt = NaN;
  const host = {
    now: wallNow,
    post(m: FromWorker) {
      if (m.type === 'compiled') compiledAt = now();
      // as worker.ts posts it: serialized now (a batch's packed buffers transferred)
      const w = toWire(m);
      channel.port1.postMessage(w.msg, w.transfer);
    },
  };
  const t0 = now();
  handleMessage({ type: 'run', id: 1, files: [{ name: file, text: source }], entry: file, settings: SETTINGS }, host);
  const t1 = now();
  let out = '';
  let outcome = '?';
  let events = 0;
  const u0 = now(); // (a message is deserialized as it is received)
  for (let r = receiveMessageOnPort(channel.port2); r !== undefined; r = receiveMessageOnPort(channel.port2)) {
    const wire = r.message as WireMessage;
    if (wire.type === 'events') {
      if (decode) { const msg = fromWire(wire) as typeof wire; events += withHeapEvents(msg.trace, msg.heap).length; }
      for (const c of wire.output) { if (c.stream === 'stdout') out += c.text; }
    }
    else if (wire.type === 'done') outcome = wire.outcome.kind;
    else if (wire.type === 'internal-error') outcome = 'internal-error: ' + wire.message;
  }
  const uiMs = now() - u0;
  return { ms: t1 - compiledAt, compileMs: compiledAt - t0, out, outcome, events, uiMs };
}

const cpu0 = cpuMs();
const wall0 = wallNow();
for (const file of readdirSync(dir).filter((f) => f.endsWith('.vx')).sort()) {
  const name = file.replace(/\.vx$/, '');
  if (only.length && !only.includes(name)) continue;
  const source = readFileSync(join(dir, file), 'utf8');
  const twin: { main: (print: (s: string) => void) => void | Promise<void> } = await import(pathToFileURL(join(dir, name + '.js')).href);

  const c = compile([{ name: file, text: source }]);
  if (!c.program) {
    rows.push({ name, worker: NaN, bare: NaN, js: NaN, compile: NaN, events: NaN, ui: NaN, note: 'compile error: ' + c.diagnostics.map((d) => `${d.span.line}:${d.span.col} ${d.message}`).join('; ') });
    continue;
  }
  const program = c.program;
  const runBare = () => {
    const t0 = now();
    const r = run(program, { ...DEFAULT_RUN_OPTIONS, ...SETTINGS });
    const ms = now() - t0;
    return { ms, out: r.output.filter((o) => o.stream === 'stdout').map((o) => o.text).join(''), outcome: r.outcome.kind };
  };
  const runJs = async () => {
    let out = '';
    const t0 = now();
    await twin.main((s) => { out += s; });
    return { ms: now() - t0, out };
  };
  let note = '';
  try {
    // (the UI's decoding warms up too, but not right before the timed runs: its garbage is collected in the last warm-up)
    for (let i = 0; i < WARMUP; i++) { runWorker(file, source, i < WARMUP - 1); runBare(); await runJs(); }
    const ws: number[] = [], bs: number[] = [], js: number[] = [], cs: number[] = [];
    let wOut = '', bOut = '', jsOut = '';
    for (let i = 0; i < RUNS; i++) {
      const w = runWorker(file, source); ws.push(w.ms); cs.push(w.compileMs); wOut = w.out;
      if (w.outcome !== 'exited') note = `worker outcome ${w.outcome}`;
      const b = runBare(); bs.push(b.ms); bOut = b.out;
      if (b.outcome !== 'exited') note = `bare outcome ${b.outcome}: ${b.out.slice(0, 200)}`;
      const j = await runJs(); js.push(j.ms); jsOut = j.out;
    }
    if (!note && bOut !== jsOut) note = `OUTPUT DIFFERS: vex ${JSON.stringify(bOut.slice(-120))} js ${JSON.stringify(jsOut.slice(-120))}`;
    if (!note && wOut !== bOut) note = `WORKER OUTPUT DIFFERS: ${JSON.stringify(wOut.slice(-120))}`;
    // what the UI does with a run's messages, once, after the timed runs
    const d = runWorker(file, source, true);
    rows.push({ name, worker: median(ws), bare: median(bs), js: median(js), compile: median(cs), events: d.events, ui: d.uiMs, note });
  } catch (e) {
    rows.push({ name, worker: NaN, bare: NaN, js: NaN, compile: NaN, events: NaN, ui: NaN, note: 'exception: ' + (e as Error).message });
  }
}

const pad = (s: string, n: number) => s.padEnd(n);
const num = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '-');
console.log('CPU milliseconds, medians');
console.log(pad('benchmark', 12) + pad('worker ms', 11) + pad('bare ms', 10) + pad('js ms', 9) + pad('ratio', 8) + pad('bare ratio', 12) + pad('compile ms', 12) + pad('UI events', 11) + pad('UI ms', 9) + 'note');
for (const r of rows) {
  console.log(pad(r.name, 12) + pad(num(r.worker), 11) + pad(num(r.bare), 10) + pad(num(r.js), 9) + pad(num(r.worker / r.js, 2), 8) + pad(num(r.bare / r.js, 2), 12) + pad(num(r.compile), 12) + pad(num(r.events, 0), 11) + pad(num(r.ui), 9) + r.note);
}
const geoOf = (xs: number[]) => (xs.length ? Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length) : NaN);
const ok = rows.filter((r) => Number.isFinite(r.worker / r.js));
const wr = ok.map((r) => r.worker / r.js), br = ok.map((r) => r.bare / r.js);
console.log(`worker path: geometric mean ratio ${num(geoOf(wr), 2)} (target <= 2); worst ${num(Math.max(...wr), 2)} (target <= 4)`);
console.log(`bare path:   geometric mean ratio ${num(geoOf(br), 2)}; worst ${num(Math.max(...br), 2)}`);
console.log(`${ok.length}/${rows.length} benchmarks ran; ${RUNS} runs each after ${WARMUP} warm-ups, medians; ${num(cpuMs() - cpu0, 0)} ms CPU in ${num(wallNow() - wall0, 0)} ms wall; load average ${load0.map((x) => x.toFixed(2)).join(' ')} at start, ${loadavg().map((x) => x.toFixed(2)).join(' ')} at end`);

if (frontend) {
  console.log('');
  const bundled = [
    { name: 'lex', run: (f: string, src: string) => lex(f, src) },
    { name: 'lex+parse', run: (f: string, src: string) => parse(f, src) },
    { name: 'lex+parse+check', run: (f: string, src: string) => checkSource(f, src) },
  ];
  for (const line of await runFrontendBench(bundled)) console.log(line);
  console.log('');
  for (const line of queryReport()) console.log(line);
  console.log('');
  for (const line of scalingReport(compile)) console.log(line);
}

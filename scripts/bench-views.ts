// Rendering speed of the teaching views on a 500,000-event trace in headless Chromium (a
// benchmark that prints figures, not a timed test):
//   npm run build && npm run bench:views        (BENCH_PORT=4174 by default, BENCH_EVENTS=500000)
// For each view: first paint (trace loaded into the store -> the view has drawn) and the median
// time of a scrubber move (position set -> every subscriber has drawn and React has committed).
// Targets (issue 8): first paint < 500 ms, median scrubber move < 16 ms.
// A view joins the benchmark with one line in VIEWS: its panel id and a CSS selector that
// matches once it has drawn the current trace position.
import { chromium, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

interface ViewBench { name: string; panel: string; drawn: string }
/** `drawn`: the element that carries data-position = the trace position it has drawn. */
const VIEWS: ViewBench[] = [
  { name: 'Task timeline', panel: 'tasks', drawn: '[aria-label="Task timeline"]' },
  { name: 'Heap map', panel: 'memory', drawn: '.heap-map canvas[data-cells]' },
  { name: 'Live heap chart', panel: 'memory', drawn: 'svg[aria-label="Live heap over time"]' },
  { name: 'Output (scrubbed)', panel: 'output', drawn: '.output-panel' },
  { name: 'Call stack (Panic)', panel: 'panic', drawn: '#tabpanel-panic [data-position]' },
  { name: 'FFI boundary', panel: 'ffi', drawn: '#tabpanel-ffi [data-position]' },
];

const PORT = Number(process.env.BENCH_PORT ?? 4174);
const OUT_DIR = process.env.BENCH_DIST ?? 'dist'; // the build to serve
const EVENTS = Number(process.env.BENCH_EVENTS ?? 500_000);
const MOVES = 120;
const URL_BASE = `http://127.0.0.1:${PORT}/`;

/**
 * A synthetic run (built in the page, as plain JS source so no bundler helper leaks in): 10,000
 * tasks on channels and timers with their allocations, frees and output, `n` events in all,
 * in the shape of trace v2.
 */
const SYNTHETIC = `(n) => {
  const site = (line) => ({ file: 'main.vx', line, col: 5 });
  const tr = [{ t: 'start', version: 2, options: { stackSize: 1048576, heapLimit: 67108864, panic: 'unwind', fuel: 0, traceCalls: false } }];
  const TASKS = 10000;
  let clock = 0, addr = 65536, running = 0, ffiId = 0, ffiCalls = 0;
  const FFI = ['sqrt', 'strlen', 'qsort', 'abs'];
  const ffiTypes = [
    { vex: ['f64'], c: ['f64'], retVex: 'f64', retC: 'f64' },
    { vex: ['str'], c: ['ptr'], retVex: 'usize', retC: 'u64' },
    { vex: ['*i32', 'usize', 'usize', 'fn(*i32, *i32): i32'], c: ['ptr', 'u64', 'u64', 'fnptr'], retVex: 'nil', retC: 'void' },
    { vex: ['i32'], c: ['i32'], retVex: 'i32', retC: 'i32' },
  ];
  const depth = 12;
  const frames = Array.from({ length: depth }, (_, d) => ({ fn: d ? 'walk' + d : 'main', loc: site(60 + d) })).reverse();
  const unwind = [];
  for (const f of frames) {
    unwind.push({ kind: 'frame', fn: f.fn, loc: f.loc });
    unwind.push({ kind: 'drop', fn: f.fn, value: 'buf', type: 'Vec<i32>', loc: f.loc, shown: '[1, 2, 3]' });
    unwind.push({ kind: 'defer', fn: f.fn, loc: f.loc });
    unwind.push({ kind: 'leave', fn: f.fn });
  }
  const panicInfo = (m) => ({ message: 'index out of bounds: ' + m, location: site(70), backtrace: frames, unwind, task: 0 });
  const live = [];
  for (let k = 1; k <= TASKS && tr.length < n; k++) {
    tr.push({ t: 'task-spawn', task: k, parent: 0, name: k % 2 ? 'worker' : 'producer', stackSize: 262144, clock, site: site(10 + (k % 7)) });
    tr.push({ t: 'task-run', task: k, clock });
    tr.push({ t: 'task-block', task: k, on: k % 3 ? 'recv' : 'sleep', clock, site: site(20 + (k % 5)) });
    tr.push({ t: 'task-run', task: 0, clock });
  }
  let i = 0;
  while (tr.length < n - 2) {
    const k = 1 + (i * 7919) % TASKS;
    if (i % 50 === 0) clock += 1 + (i % 13);
    tr.push({ t: 'task-wake', task: k, clock, by: i % 4 ? 0 : -1, cause: i % 4 ? 'send' : 'timer' });
    tr.push({ t: 'task-run', task: k, clock });
    const a = addr; addr += 32 + (i % 8) * 16; live.push(a);
    tr.push({ t: 'alloc', addr: a, size: 32, align: 8, allocator: 'system', site: site(30), task: k });
    if (i % 3 === 0) tr.push({ t: 'output', stream: 'stdout', text: 'task ' + k + ' step ' + i + '\\n' });
    if (i % 10 === 5) {
      const f = ffiCalls++ % 4, id = ffiId++;
      if (f === 2) for (let c = 0; c < 3; c++) tr.push({ t: 'ffi-callback', call: id, fn: 'cmp', args: [String(addr + c * 4), String(addr + c * 4 + 4)], ret: String(c - 1), task: k });
      const args = [[String(i * 0.5)], ['0x' + addr.toString(16) + ' "hello"'], ['0x' + addr.toString(16), '4', '4', 'fn cmp'], [String(-i)]][f];
      tr.push({ t: 'ffi', fn: FFI[f], args, ret: f === 2 ? '' : String(i), task: k, id, types: ffiTypes[f], loc: site(40 + f), callbacks: f === 2 ? 3 : 0 });
    }
    if (i % 20000 === 9999) tr.push({ t: 'panic', info: panicInfo(i), caught: true });
    if (live.length > 200) tr.push({ t: 'free', addr: live.shift(), size: 32, allocator: 'system', site: site(31), task: k });
    tr.push({ t: 'task-block', task: k, on: ['recv', 'send', 'sleep', 'await'][i % 4], clock, site: site(20 + (i % 5)) });
    tr.push({ t: 'task-run', task: running, clock });
    i++;
  }
  tr.length = Math.min(tr.length, n - 8);
  for (let f = 0; f < 4; f++) tr.push({ t: 'ffi-count', fn: FFI[f], calls: Math.ceil(ffiCalls / 4), recorded: Math.ceil(ffiCalls / 4) });
  tr.push({ t: 'stack-overflow', info: { task: 0, depth: 4093, capacity: 4096, stackBytes: 1048576, frameBytes: 256, frames: [{ frames: [{ fn: 'depth', loc: site(80) }], times: 4092 }, { frames: [{ fn: 'main', loc: site(90) }], times: 1 }], unrecorded: 0, host: false } });
  tr.push({ t: 'panic', info: panicInfo(-1), caught: false });
  tr.push({ t: 'task-end', task: 0, clock });
  tr.push({ t: 'exit', outcome: { kind: 'exited', code: 0 }, steps: n });
  return tr;
}`;

async function serverUp(): Promise<boolean> {
  try { return (await fetch(URL_BASE)).ok; } catch { return false; }
}
async function startServer(): Promise<(() => void) | null> {
  if (!existsSync(`${OUT_DIR}/index.html`)) throw new Error(`${OUT_DIR}/ is missing: run \`npm run build\` first`);
  if (await serverUp()) return null;
  const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort', '--outDir', OUT_DIR], { stdio: 'ignore' });
  for (let i = 0; i < 100 && !(await serverUp()); i++) await new Promise((r) => setTimeout(r, 200));
  return () => child.kill();
}

/** BENCH_PROFILE=1: a CPU profile per phase, its top functions by self time printed (build with
 *  `vite build --minify false` for readable names). */
const PROFILE = process.env.BENCH_PROFILE === '1';
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[]; timeDeltas: number[];
}
function topFunctions(title: string, p: CpuProfile): void {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  for (let i = 0; i < p.samples.length; i++) {
    const f = byId.get(p.samples[i])!.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.slice(f.url.lastIndexOf('/') + 1)}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  }
  console.log(`  -- ${title}: top self time`);
  for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`     ${ms.toFixed(1).padStart(8)} ms  ${k}`);
}

/**
 * CPU time (ms) used so far by the browser's renderer processes (Linux /proc, 10 ms ticks): the
 * work a view costs whatever else the machine runs (wall time stretches with the load; this does
 * not, much). Renderers: `--type=renderer` processes descending from this script's process.
 */
function rendererCpuMs(): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  const parent = new Map<number, number>();
  const stats = new Map<number, string[]>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const st = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = st.slice(st.lastIndexOf(')') + 2).split(' '); // fields from 3 (state) on
      parent.set(Number(d), Number(f[1]));
      stats.set(Number(d), f);
    } catch { /* gone */ }
  }
  const ours = (pid: number) => { for (let p = pid, n = 0; p > 1 && n < 20; p = parent.get(p) ?? 0, n++) if (p === process.pid) return true; return false; };
  let ticks = 0;
  for (const [pid, f] of stats) {
    if (!ours(pid)) continue;
    let cmd = '';
    try { cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8'); } catch { continue; }
    if (cmd.includes('--type=renderer')) ticks += Number(f[11]) + Number(f[12]); // utime + stime
  }
  return ticks * 10;
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };

// Each view writes data-position (the trace position it has drawn) on its `drawn` element once
// drawn; the benchmark waits for it, yielding through a MessageChannel (no timer clamping).
const WAIT_DRAWN = `async (sel, p) => {
  const ch = new MessageChannel();
  const yieldTask = () => new Promise((r) => { ch.port1.onmessage = () => r(0); ch.port2.postMessage(0); });
  const want = String(p), t0 = performance.now();
  for (;;) {
    const el = document.querySelector(sel);
    if (el && el.getAttribute('data-position') === want) return;
    if (performance.now() - t0 > 60000) throw new Error(sel + ' never drew position ' + want + ' (has ' + (el ? el.getAttribute('data-position') : 'no element') + ')');
    await yieldTask();
  }
}`;

/** Loads the trace into the stores with the view's panel open; ms until the view has drawn. */
async function firstPaint(page: Page, v: ViewBench): Promise<number> {
  await page.evaluate(`(async () => {
    const { useRun, useUi, useScrub } = window.__vexStores;
    useRun.setState({ status: 'idle', trace: [] });
    useScrub.getState().setPosition(null);
    await new Promise((r) => setTimeout(r, 50));
    useUi.getState().setActivePanel(${JSON.stringify(v.panel)});
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  })()`);
  return page.evaluate(`(async () => {
    const waitDrawn = ${WAIT_DRAWN};
    const { useRun, useScrub } = window.__vexStores;
    const t0 = performance.now();
    const half = Math.floor(window.__benchTrace.length / 2);
    useRun.setState({ status: 'done', trace: window.__benchTrace, end: { kind: 'outcome', outcome: { kind: 'exited', code: 0 }, exitCode: 0 } });
    useScrub.getState().setPosition(half);
    await waitDrawn(${JSON.stringify(v.drawn)}, half);
    await new Promise((r) => requestAnimationFrame(() => r(0))); // the frame that shows it
    return performance.now() - t0;
  })()`) as Promise<number>;
}

/** Scrubber moves across the trace; ms per move (position set -> the view has drawn it). */
async function scrubMoves(page: Page, v: ViewBench): Promise<number[]> {
  return page.evaluate(`(async () => {
    const waitDrawn = ${WAIT_DRAWN};
    const set = window.__vexStores.useScrub.getState().setPosition;
    const n = window.__benchTrace.length;
    const out = [];
    for (let k = 0; k < ${MOVES}; k++) {
      const p = 1 + Math.floor(((k * 7919) % ${MOVES}) / ${MOVES} * (n - 1));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const t0 = performance.now();
      set(p);
      await waitDrawn(${JSON.stringify(v.drawn)}, p);
      out.push(performance.now() - t0);
    }
    return out;
  })()`) as Promise<number[]>;
}

async function main() {
  const stop = await startServer();
  const browser = await chromium.launch(existsSync('/usr/bin/chromium')
    ? { executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] }
    : {});
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(URL_BASE);
    await page.locator('.monaco-editor .view-lines').first().waitFor();
    const made = await page.evaluate(`(() => { window.__benchTrace = (${SYNTHETIC})(${EVENTS}); return window.__benchTrace.length; })()`);
    console.log(`trace: ${Number(made).toLocaleString('en-US')} events (synthetic: 10,000 tasks, channels, timers, allocations, output, FFI calls with callbacks, panics, a stack overflow)`);
    // how loaded this machine is (the figures scale with it): the same loop on a quieter machine
    // gives a smaller number; compare figures only between runs with similar calibration
    const calib = await page.evaluate(() => { const t0 = performance.now(); const a = []; for (let i = 0; i < 500000; i++) a.push({ i, x: i * 1.5 }); return performance.now() - t0 + a.length * 0; });
    console.log(`calibration: 500,000 small objects allocated in ${calib.toFixed(0)} ms (machine load indicator)`);
    console.log('view                    first paint (CPU)     scrub median   scrub p90   (CPU per move)');
    const cdp = PROFILE ? await page.context().newCDPSession(page) : null;
    if (cdp) await cdp.send('Profiler.enable');
    const only = process.env.BENCH_ONLY; // a comma-separated subset of view names (case-insensitive prefixes)
    for (const v of VIEWS.filter((x) => !only || only.split(',').some((o) => x.name.toLowerCase().startsWith(o.trim().toLowerCase())))) {
      if (cdp) await cdp.send('Profiler.start');
      const c0 = rendererCpuMs();
      const fp = await firstPaint(page, v);
      const c1 = rendererCpuMs();
      if (cdp) topFunctions(`${v.name}: first paint`, ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile);
      if (cdp) await cdp.send('Profiler.start');
      const c2 = rendererCpuMs();
      const moves = await scrubMoves(page, v);
      const c3 = rendererCpuMs();
      if (cdp) topFunctions(`${v.name}: scrub moves`, ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile);
      const p90 = [...moves].sort((a, b) => a - b)[Math.floor(moves.length * 0.9)];
      const cpu = (a: number | null, b: number | null, per = 1) => (a === null || b === null ? '' : `${((b - a) / per).toFixed(per > 1 ? 1 : 0)} ms`);
      console.log(`${v.name.padEnd(22)} ${fp.toFixed(0).padStart(8)} ms ${`(${cpu(c0, c1)})`.padStart(10)} ${median(moves).toFixed(2).padStart(10)} ms ${p90.toFixed(2).padStart(8)} ms ${`(${cpu(c2, c3, moves.length)})`.padStart(12)}`);
    }
  } finally {
    await browser.close();
    stop?.();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });

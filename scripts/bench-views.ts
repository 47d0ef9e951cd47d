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
import { existsSync } from 'node:fs';

interface ViewBench { name: string; panel: string; ready: string }
const VIEWS: ViewBench[] = [
  { name: 'Task timeline', panel: 'tasks', ready: '[aria-label="Task timeline"][data-cursor]' },
  { name: 'Output (scrubbed)', panel: 'output', ready: '.output-lines' },
];

const PORT = Number(process.env.BENCH_PORT ?? 4174);
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
  let clock = 0, addr = 65536, running = 0;
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
    if (live.length > 200) tr.push({ t: 'free', addr: live.shift(), size: 32, allocator: 'system', site: site(31), task: k });
    tr.push({ t: 'task-block', task: k, on: ['recv', 'send', 'sleep', 'await'][i % 4], clock, site: site(20 + (i % 5)) });
    tr.push({ t: 'task-run', task: running, clock });
    i++;
  }
  tr.push({ t: 'task-end', task: 0, clock });
  tr.push({ t: 'exit', outcome: { kind: 'exited', code: 0 }, steps: n });
  return tr.slice(0, n);
}`;

async function serverUp(): Promise<boolean> {
  try { return (await fetch(URL_BASE)).ok; } catch { return false; }
}
async function startServer(): Promise<(() => void) | null> {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` first');
  if (await serverUp()) return null;
  const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });
  for (let i = 0; i < 100 && !(await serverUp()); i++) await new Promise((r) => setTimeout(r, 200));
  return () => child.kill();
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };

/** Loads the trace into the stores with the view's panel open; ms until the view has drawn. */
async function firstPaint(page: Page, v: ViewBench): Promise<number> {
  return page.evaluate(async ({ panel, ready }) => {
    type Store = { getState(): Record<string, (...a: unknown[]) => void>; setState(s: object): void };
    const w = window as unknown as { __vexStores: Record<string, Store>; __benchTrace: unknown[] };
    const { useRun, useUi, useScrub } = w.__vexStores;
    useRun.setState({ status: 'idle', trace: [] });
    useScrub.getState().setPosition(null);
    await new Promise((r) => setTimeout(r, 50));
    useUi.getState().setActivePanel(panel);
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const t0 = performance.now();
    useRun.setState({ status: 'done', trace: w.__benchTrace, end: { kind: 'outcome', outcome: { kind: 'exited', code: 0 }, exitCode: 0 } });
    useScrub.getState().setPosition(Math.floor(w.__benchTrace.length / 2));
    for (;;) {
      if (document.querySelector(ready)) break;
      await new Promise((r) => setTimeout(r, 1));
    }
    await new Promise((r) => requestAnimationFrame(() => r(0))); // the frame that shows it
    return performance.now() - t0;
  }, v);
}

/** Scrubber moves across the trace; ms per move (set -> subscribers drew, React committed). */
async function scrubMoves(page: Page): Promise<number[]> {
  return page.evaluate(async (moves) => {
    type Store = { getState(): Record<string, (...a: unknown[]) => void> };
    const w = window as unknown as { __vexStores: Record<string, Store>; __benchTrace: unknown[] };
    const set = w.__vexStores.useScrub.getState().setPosition;
    const n = w.__benchTrace.length;
    const out: number[] = [];
    for (let k = 0; k < moves; k++) {
      const p = Math.floor(((k * 7919) % moves) / moves * n);
      await new Promise((r) => requestAnimationFrame(() => r(0)));
      const t0 = performance.now();
      set(p);
      await new Promise((r) => setTimeout(r, 0)); // React's commit runs before this timer
      out.push(performance.now() - t0);
    }
    return out;
  }, MOVES);
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
    console.log(`trace: ${Number(made).toLocaleString('en-US')} events (synthetic: 10,000 tasks, channels, timers, allocations, output)`);
    // how loaded this machine is (the figures scale with it): the same loop on a quieter machine
    // gives a smaller number; compare figures only between runs with similar calibration
    const calib = await page.evaluate(() => { const t0 = performance.now(); const a = []; for (let i = 0; i < 500000; i++) a.push({ i, x: i * 1.5 }); return performance.now() - t0 + a.length * 0; });
    console.log(`calibration: 500,000 small objects allocated in ${calib.toFixed(0)} ms (machine load indicator)`);
    console.log('view                    first paint   scrub median   scrub p90');
    for (const v of VIEWS) {
      const fp = await firstPaint(page, v);
      const moves = await scrubMoves(page);
      const p90 = [...moves].sort((a, b) => a - b)[Math.floor(moves.length * 0.9)];
      console.log(`${v.name.padEnd(22)} ${fp.toFixed(0).padStart(8)} ms ${median(moves).toFixed(2).padStart(11)} ms ${p90.toFixed(2).padStart(8)} ms`);
    }
  } finally {
    await browser.close();
    stop?.();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });

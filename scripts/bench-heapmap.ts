// Heap map figures on a 500,000-event trace in headless Chromium (not a test; prints numbers):
//   npm run build && npx tsx scripts/bench-heapmap.ts [events]      (PORT=… to pick the port)
// - first paint: the trace handed to the run store -> Memory panel's heap map and chart drawn
// - scrubber moves: the shared position set -> both views redrawn (median and worst of 40)
// The trace is syntheticHeapTrace (src/ui/panels/heap-synthetic.ts), built in Node and handed to
// the page through the e2e hooks the Memory panel installs (__vexRun, __vexScrub).
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { syntheticHeapTrace } from '../src/ui/panels/heap-synthetic';

const PORT = Number(process.env.PORT ?? 4175);
const URL_BASE = `http://127.0.0.1:${PORT}/`;
const EVENTS = Number(process.argv[2] ?? 500_000);

async function serverUp(): Promise<boolean> {
  try { return (await fetch(URL_BASE)).ok; } catch { return false; }
}

async function main() {
  let stop: (() => void) | null = null;
  if (!(await serverUp())) {
    const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });
    stop = () => child.kill();
    for (let i = 0; i < 100 && !(await serverUp()); i++) await new Promise((r) => setTimeout(r, 200));
  }
  const browser = await chromium.launch(existsSync('/usr/bin/chromium')
    ? { executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] }
    : {});
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(URL_BASE);
    await page.locator('.monaco-editor .view-lines').first().waitFor();
    await page.getByRole('tab', { name: 'Memory' }).click();
    const trace = syntheticHeapTrace(EVENTS);
    // hand the trace over outside the timing (structured clone of 500,000 objects)
    await page.evaluate((t) => { (window as unknown as { __benchTrace: unknown }).__benchTrace = t; }, trace);
    // plain strings: tsx would wrap named functions in a helper the page does not have
    const first = (await page.evaluate(`(async () => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const t0 = performance.now();
      window.__vexRun.setState({ status: 'done', trace: window.__benchTrace });
      for (let i = 0; i < 600 && !document.querySelector('.heap-map canvas[data-cells]'); i++) await frame();
      await frame();
      return performance.now() - t0;
    })()`)) as number;
    const moves = (await page.evaluate(`(async () => {
      const len = ${trace.length};
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const out = [];
      for (let i = 1; i <= 40; i++) {
        const p = Math.floor((len * ((i * 7919) % 40)) / 40);
        const t0 = performance.now();
        window.__vexScrub.getState().setPosition(p);
        await frame();
        out.push(performance.now() - t0);
      }
      return out.sort((a, b) => a - b);
    })()`)) as number[];
    await page.evaluate('window.__vexScrub.getState().setPosition(null)');
    await page.waitForTimeout(200);
    const cells = await page.locator('.heap-map canvas').getAttribute('data-cells');
    console.log(`heap map, ${EVENTS.toLocaleString('en-US')} events (${cells} cells drawn):`);
    console.log(`  first paint (index + map + chart): ${first.toFixed(0)} ms`);
    console.log(`  scrubber move (set position -> next frame): median ${moves[20].toFixed(1)} ms, worst ${moves[39].toFixed(1)} ms`);
  } finally {
    await browser.close();
    stop?.();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });

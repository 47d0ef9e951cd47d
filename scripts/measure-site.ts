// Speed figures of the built site in headless Chromium (not a test; prints numbers):
//   npm run build && npx tsx scripts/measure-site.ts
// - total gzip size of the built JS (target <= 1.5 MB)
// - navigation -> editor accepts typing (target < 2 s)
// - Run -> "hello" in Output, after a first run (target < 150 ms)
// - typing -> updated markers on a 1,000-line file (target < 400 ms, includes the 250 ms debounce)
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const PORT = Number(process.env.E2E_PORT ?? 4173); // E2E_PORT: several checkouts side by side
const URL_BASE = `http://127.0.0.1:${PORT}/`;

function gzipTotal(): { files: number; bytes: number; names: string[] } {
  const dir = 'dist/assets';
  if (!existsSync(dir)) throw new Error('dist/ is missing: run `npm run build` first');
  let bytes = 0, files = 0;
  const names: string[] = [];
  for (const f of readdirSync(dir)) {
    if (!f.endsWith('.js')) continue;
    bytes += gzipSync(readFileSync(`${dir}/${f}`), { level: 9 }).length;
    files++;
    names.push(f);
  }
  return { files, bytes, names };
}

async function serverUp(): Promise<boolean> {
  try { return (await fetch(URL_BASE)).ok; } catch { return false; }
}

async function startServer(): Promise<(() => void) | null> {
  if (await serverUp()) return null;
  // node + vite's bin directly (not npx), so killing the child really stops the server
  const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });
  for (let i = 0; i < 100 && !(await serverUp()); i++) await new Promise((r) => setTimeout(r, 200));
  return () => child.kill();
}

const bigFile = () => {
  const lines = ['fn main() {', '    let! total = 0;'];
  while (lines.length < 998) lines.push(`    total += ${lines.length};`);
  lines.push('    println("{}", total);', '}');
  return lines.join('\n') + '\n';
};

async function main() {
  const size = gzipTotal();
  const stop = await startServer();
  const browser = await chromium.launch(existsSync('/usr/bin/chromium')
    ? { executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] }
    : {});
  try {
    // warm the browser process itself (a visitor's browser is already running), then measure in
    // a fresh context: its HTTP and code caches are empty, as on a first visit
    const warm = await (await browser.newContext()).newPage();
    await warm.goto(URL_BASE);
    await warm.locator('.monaco-editor .view-lines').first().waitFor();
    await warm.context().close();
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    type Ed = { getValue(): string; setValue(v: string): void; executeEdits(s: string, e: unknown[]): void; focus(): void };

    // navigation -> typing accepted (first visit, then a second visit with a warm cache). The
    // page shows a plain textarea until Monaco's chunk is ready; typing counts in either.
    const typingTimes: number[] = [];
    const monacoTimes: number[] = [];
    for (let i = 0; i < 2; i++) {
      const t0 = Date.now();
      await page.goto(URL_BASE, { waitUntil: 'commit' });
      const editor = page.locator('.plain-editor, .monaco-editor .view-lines').first();
      await editor.waitFor();
      await editor.click();
      await page.keyboard.press('ControlOrMeta+End');
      await page.keyboard.type('//x');
      await page.waitForFunction(() => {
        const w = window as unknown as { __vexEditor?: Ed };
        const plain = document.querySelector<HTMLTextAreaElement>('.plain-editor');
        return (w.__vexEditor?.getValue() ?? plain?.value ?? '').includes('//x');
      });
      typingTimes.push(Date.now() - t0);
      await page.locator('.monaco-editor .view-lines').first().waitFor();
      monacoTimes.push(Date.now() - t0);
      await page.waitForFunction(() => (window as unknown as { __vexEditor?: Ed }).__vexEditor !== undefined);
      const kept = await page.evaluate(() => (window as unknown as { __vexEditor: Ed }).__vexEditor.getValue().includes('//x'));
      if (!kept) console.error('WARNING: text typed before Monaco loaded was lost');
    }
    const [typingMs, typingWarmMs] = typingTimes;

    // Run -> hello (second run)
    await page.evaluate(() => (window as unknown as { __vexEditor: Ed }).__vexEditor.setValue('fn main() {\n    println("hello");\n}\n'));
    await page.getByTestId('run').click();
    await page.getByTestId('outcome').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Clear' }).click();
    const runMs = await page.evaluate(() => new Promise<number>((resolve, reject) => {
      const t = performance.now();
      const obs = new MutationObserver(() => {
        if (Array.from(document.querySelectorAll('.out-line')).some((e) => e.textContent === 'hello')) { obs.disconnect(); resolve(performance.now() - t); }
      });
      obs.observe(document.body, { subtree: true, childList: true, characterData: true });
      (document.querySelector('[data-testid="run"]') as HTMLButtonElement).click();
      setTimeout(() => reject(new Error('no hello within 10 s')), 10_000);
    })).catch((e: Error) => NaN + (console.error(e.message), 0));

    // typing -> markers on a 1,000-line file
    await page.evaluate((text) => (window as unknown as { __vexEditor: Ed }).__vexEditor.setValue(text), bigFile());
    await page.waitForTimeout(1500);
    const markerMs = await page.evaluate(() => new Promise<number>((resolve, reject) => {
      const ed = (window as unknown as { __vexEditor: Ed }).__vexEditor;
      const t = performance.now();
      const obs = new MutationObserver(() => {
        if (document.querySelector('.monaco-editor .squiggly-error')) { obs.disconnect(); resolve(performance.now() - t); }
      });
      obs.observe(document.body, { subtree: true, childList: true, attributes: true });
      ed.executeEdits('measure', [{ range: { startLineNumber: 2, startColumn: 1, endLineNumber: 2, endColumn: 1 }, text: '    let bad: i32 = "s";\n' }]);
      setTimeout(() => reject(new Error('no marker within 10 s')), 10_000);
    })).catch((e: Error) => NaN + (console.error(e.message), 0));

    const fmt = (ms: number, target: number) => `${Number.isNaN(ms) ? 'n/a' : `${Math.round(ms)} ms`} (target < ${target} ms)`;
    console.log(`built JS, gzip total:          ${(size.bytes / 1024 / 1024).toFixed(2)} MB in ${size.files} files (target <= 1.5 MB)`);
    const langWorkers = size.names.filter((n) => /(ts|css|html|json)\.worker/.test(n));
    console.log(`JS files: ${size.names.join(', ')}${langWorkers.length ? `  (UNEXPECTED language workers: ${langWorkers.join(', ')})` : '  (no language-service workers)'}`);
    console.log(`navigation -> typing accepted: ${fmt(typingMs, 2000)} first visit, ${fmt(typingWarmMs, 2000)} second visit`);
    console.log(`navigation -> Monaco ready:    ${monacoTimes.map((t) => `${t} ms`).join(', ')}`);
    console.log(`Run -> "hello" (warm):         ${fmt(runMs, 150)}`);
    console.log(`typing -> markers, 1000 lines: ${fmt(markerMs, 400)} (includes the 250 ms debounce)`);
  } finally {
    await browser.close();
    stop?.();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });

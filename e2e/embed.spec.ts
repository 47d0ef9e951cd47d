// Embeds for tutorial authors: URL options, inline diagnostics and panics, the postMessage protocol,
// "Copy embed", and embed.js turning a docs page's code blocks (another origin) into snippets.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import LZString from 'lz-string';
import { test, expect, openPlayground, setCode, editorText } from './fixtures';

const sessionHash = (code: string) =>
  `#code=${LZString.compressToEncodedURIComponent(JSON.stringify({ v: 1, f: [['main.vx', code]], a: 'main.vx' }))}`;
const HELLO = 'fn main() {\n    println("hello from the embed");\n}\n';

test('embed options: autorun, read-only, a panel beside the output, hidden bar parts, fixed height', async ({ page }) => {
  const code = 'async fn tick(n: i32): i32 {\n    await sleep(Duration.from_millis(5));\n    return n;\n}\nfn main() {\n    println("{}", block_on(tick(7)));\n}\n';
  await page.goto(`/?embed=1&autorun=1&readonly=1&panel=tasks&lines=5&hide=open,stop${sessionHash(code)}`);
  await page.locator('.monaco-editor .view-lines').first().waitFor();
  await expect(page.getByTestId('outcome')).toContainText('Exited with code 0', { timeout: 30_000 });
  await expect(page.locator('.out-line[data-stream="stdout"]')).toHaveText(['7']);
  await expect(page.getByRole('region', { name: 'Tasks' })).toBeVisible();
  await expect(page.getByTestId('open-in-playground')).toHaveCount(0);
  await expect(page.getByTestId('stop')).toHaveCount(0);
  await expect(page.getByTestId('reset')).toHaveCount(0); // read-only: nothing to reset
  // read-only: typing changes nothing
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.type('xyz');
  expect(await editorText(page)).toBe(code);
  const h = await page.locator('.embed-editor').evaluate((e) => e.getBoundingClientRect().height);
  expect(h).toBeGreaterThan(5 * 20 - 1);
  expect(h).toBeLessThan(6 * 20 + 10);
});

test('an embed shows compile errors and panics inline, never pointers to missing panels', async ({ page }) => {
  await page.goto(`/?embed=1&autorun=1${sessionHash('fn main() {\n    let n: i32 = "seven";\n}\n')}`);
  await expect(page.getByTestId('outcome')).toHaveText(/^Compilation failed: 1 error$/, { timeout: 30_000 });
  await expect(page.getByTestId('inline-diagnostic')).toContainText(/error\[E\d+\]: mismatched types/);
  await expect(page.getByTestId('inline-diagnostic')).toContainText('main.vx:2:');

  await page.goto(`/?embed=1&autorun=1&id=second${sessionHash('fn check(n: i32) {\n    if n > 3 { panic("too big"); }\n}\nfn main() {\n    check(5);\n}\n')}`);
  await expect(page.getByTestId('outcome')).toContainText('Panicked (exit code 134)', { timeout: 30_000 });
  await expect(page.getByTestId('outcome')).not.toContainText('Panic panel');
  await expect(page.getByTestId('inline-panic')).toContainText('panic: too big');
  await expect(page.getByTestId('inline-frame').first()).toContainText('check');
  await expect(page.getByTestId('inline-frame').nth(1)).toContainText('main');
});

test('Reset brings back the example after edits', async ({ page }) => {
  await page.goto(`/?embed=1${sessionHash(HELLO)}`);
  await page.locator('.monaco-editor .view-lines').first().waitFor();
  await expect(page.getByTestId('reset')).toBeDisabled();
  await setCode(page, 'fn main() {}\n');
  await page.getByTestId('reset').click();
  await expect.poll(() => editorText(page)).toBe(HELLO);
});

let docs: Server;
let docsOrigin = '';
let siteBase = '';
test.beforeAll(async ({}, info) => {
  siteBase = `${info.project.use.baseURL}/`;
  const page = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A Vex tutorial</title></head><body>
<h1>Structs</h1>
<p>Run this:</p>
<pre><code class="language-vex"># struct Point { x: i32, y: i32 }
fn main() {
    # let p = Point { x: 3, y: 4 };
    println("x + y = {}", p.x + p.y);
}
</code></pre>
<p>And this one runs by itself:</p>
<pre data-autorun data-lines="4"><code class="language-vex">fn main() {
    println("second block");
}
</code></pre>
<pre><code class="language-rust">fn not_vex() {}</code></pre>
<iframe id="host-frame" style="width:100%;height:100px" src="${siteBase}?embed=1&id=hosted${sessionHash(HELLO)}"></iframe>
<script>
  window.received = [];
  addEventListener('message', (e) => { if (e.data && String(e.data.type).startsWith('vex-embed:')) window.received.push(e.data); });
</script>
<script src="${siteBase}embed.js"></script>
</body></html>`;
  docs = createServer((_req, res) => { res.setHeader('Content-Type', 'text/html'); res.end(page); });
  await new Promise<void>((r) => docs.listen(0, '127.0.0.1', r));
  docsOrigin = `http://127.0.0.1:${(docs.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((r) => docs.close(() => r())));

test('embed.js makes a docs page (another origin) runnable; the embed talks to its host', async ({ page }) => {
  await page.goto(`${docsOrigin}/`);
  const frames = page.locator('iframe[data-vex-embed]');
  await expect(frames).toHaveCount(2);
  await expect(page.locator('code.language-rust')).toHaveCount(1); // other languages untouched

  const first = page.frameLocator('iframe[data-vex-embed="vex-1"]');
  await first.locator('.monaco-editor .view-lines').first().waitFor();
  // the # lines are compiled but hidden
  await expect(first.locator('.view-lines')).not.toContainText('struct Point');
  await expect(first.locator('.view-lines')).toContainText('println');
  await first.getByTestId('run').click();
  await expect(first.getByTestId('outcome')).toContainText('Exited with code 0', { timeout: 30_000 });
  await expect(first.locator('.out-line[data-stream="stdout"]')).toHaveText(['x + y = 7']);
  await expect(first.getByTestId('open-in-playground')).toHaveAttribute('href', /#code=/);

  const second = page.frameLocator('iframe[data-vex-embed="vex-2"]');
  await expect(second.locator('.out-line[data-stream="stdout"]')).toHaveText(['second block'], { timeout: 30_000 });

  // the host page sizes each iframe from the embed's height messages
  await expect.poll(async () => {
    const fh = await frames.first().evaluate((f) => f.getBoundingClientRect().height);
    const inner = await first.locator('main.embed').evaluate((m) => m.scrollHeight);
    return Math.abs(fh - inner) <= 4;
  }).toBe(true);

  // the postMessage protocol, with a hand-written iframe
  await expect.poll(() => page.evaluate(() => (window as unknown as { received: { type: string; id: string }[] }).received.some((m) => m.type === 'vex-embed:height' && m.id === 'hosted'))).toBe(true);
  await page.evaluate(() => (document.getElementById('host-frame') as HTMLIFrameElement).contentWindow!.postMessage({ type: 'vex-embed:set-code', code: 'fn main() {\n    println("set by the host");\n}\n', run: true }, '*'));
  const hosted = page.frameLocator('#host-frame');
  await expect(hosted.locator('.out-line[data-stream="stdout"]')).toHaveText(['set by the host'], { timeout: 30_000 });
  await expect.poll(() => page.evaluate(() => (window as unknown as { received: { type: string; id: string; exitCode: number }[] }).received.find((m) => m.type === 'vex-embed:done' && m.id === 'hosted')?.exitCode)).toBe(0);
  await page.evaluate(() => (document.getElementById('host-frame') as HTMLIFrameElement).contentWindow!.postMessage({ type: 'vex-embed:run' }, '*'));
  await expect(hosted.getByTestId('outcome')).toContainText('Exited with code 0');
});

test('Copy embed gives an iframe snippet with the program and the chosen options', async ({ page }) => {
  await openPlayground(page);
  await setCode(page, HELLO);
  await page.getByTestId('copy-embed').click();
  await page.getByLabel('Read-only').check();
  await page.getByLabel('Panel beside the output').selectOption('memory');
  await page.getByTestId('copy-embed-snippet').click();
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?embed=1&amp;autorun=1&amp;readonly=1&amp;panel=memory#code=[^"]+" title="Vex example"/);
  // the snippet works: open its src
  const src = /src="([^"]+)"/.exec(snippet)![1].replace(/&amp;/g, '&');
  await page.goto(src);
  await expect(page.locator('.out-line[data-stream="stdout"]')).toHaveText(['hello from the embed'], { timeout: 30_000 });
  await expect(page.getByRole('region', { name: 'Memory' })).toBeVisible();
});

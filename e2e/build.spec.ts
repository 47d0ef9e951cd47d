// The built site: only Monaco's core editor worker and our toolchain worker, no language-service
// workers, nothing fetched from elsewhere, and a JS total within budget.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { test, expect, openPlayground, setCode } from './fixtures';

test('the build holds no TS/CSS/HTML/JSON language workers and stays within 1.5 MB gzip', () => {
  const js = readdirSync('dist/assets').filter((f) => f.endsWith('.js'));
  expect(js.filter((f) => /(ts|css|html|json)\.worker|typescript|cssMode|htmlMode|jsonMode/i.test(f))).toEqual([]);
  const total = js.reduce((n, f) => n + gzipSync(readFileSync(`dist/assets/${f}`)).length, 0);
  expect(total).toBeLessThan(1.5 * 1024 * 1024);
});

test('index.html preloads the editor chunk, its CSS and the codicon font, and the page uses them', async ({ page }) => {
  const html = readFileSync('dist/index.html', 'utf8');
  const hrefs = (rel: string) => [...html.matchAll(new RegExp(`<link rel="${rel}"[^>]*href="\\./([^"]+)"`, 'g'))].map((m) => m[1]);
  const modules = hrefs('modulepreload');
  expect(modules.some((f) => /^assets\/EditorPane-[\w-]+\.js$/.test(f))).toBe(true);
  const preloads = hrefs('preload');
  expect(preloads.some((f) => /EditorPane-[\w-]+\.css$/.test(f))).toBe(true);
  expect(preloads.some((f) => /codicon-[\w-]+\.ttf$/.test(f))).toBe(true);
  for (const f of [...modules, ...preloads]) expect(readdirSync('dist/assets'), f).toContain(f.replace(/^assets\//, ''));
  // and the page uses each of them: Chromium warns about a preload left unused after the load
  const warnings: string[] = [];
  page.on('console', (m) => { if (/preload/i.test(m.text())) warnings.push(m.text()); });
  await openPlayground(page);
  await page.waitForTimeout(4000);
  expect(warnings).toEqual([]);
});

test('the page starts only the editor worker and the toolchain workers', async ({ page }) => {
  const urls: string[] = [];
  page.on('worker', (w) => urls.push(w.url()));
  await openPlayground(page);
  await setCode(page, 'fn main() {\n    println("w");\n}\n');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('outcome')).toBeVisible({ timeout: 30_000 });
  const names = urls.map((u) => u.split('/').pop()!.replace(/-[\w-]+\.js$/, ''));
  // Monaco starts its core worker lazily (it may not be needed at all); ours always run
  expect(names).toContain('worker');
  expect(names.every((n) => n === 'editor.worker' || n === 'worker')).toBe(true);
});

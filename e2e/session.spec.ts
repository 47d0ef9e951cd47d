// Sharing, autosave, damaged links, file tabs, embed mode, themes.
import { test, expect, openPlayground, setCode, editorText, screenshot, guardPage } from './fixtures';

const CODE = 'fn main() {\n    println("shared {}", 42);\n}\n';

test('a share link restores the exact session in a fresh page', async ({ page, browser }) => {
  await openPlayground(page);
  await setCode(page, CODE);
  await page.getByTestId('settings').click();
  await page.getByLabel('Panic strategy').selectOption('abort');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('button', { name: 'Add file' }).click();
  await setCode(page, '// second file\n');
  await expect.poll(() => page.url()).toContain('#code=');
  await page.waitForTimeout(400); // the hash follows edits after a short debounce
  const url = page.url();

  const fresh = await (await browser.newContext()).newPage();
  const checkFresh = guardPage(fresh);
  await fresh.goto(url);
  await fresh.locator('.monaco-editor .view-lines').first().waitFor();
  await expect(fresh.getByRole('tab', { name: 'file1.vx' })).toBeVisible();
  await fresh.getByRole('tab', { name: 'main.vx' }).click();
  expect(await editorText(fresh)).toBe(CODE);
  await fresh.getByTestId('settings').click();
  await expect(fresh.getByLabel('Panic strategy')).toHaveValue('abort');
  checkFresh();
  await fresh.close();
});

test('reload restores the text from autosave', async ({ page }) => {
  await openPlayground(page);
  await setCode(page, CODE);
  await page.goto('/'); // no hash: autosave is used
  await page.locator('.monaco-editor .view-lines').first().waitFor();
  expect(await editorText(page)).toBe(CODE);
});

test('a malformed link shows a notice and a working default program', async ({ page }) => {
  await openPlayground(page, '/#code=N4Igdg9gJgpgziAXCAtrAbeGHQ');
  await expect(page.getByTestId('notice-error')).toContainText('could not be opened');
  expect(await editorText(page)).toContain('fn main()');
  await screenshot(page, 'notice-bad-link');
});

test('files can be added, renamed and closed (with confirmation)', async ({ page }) => {
  await openPlayground(page);
  await page.getByRole('button', { name: 'Add file' }).click();
  await setCode(page, '// helper\n');
  const tab = page.getByRole('tab', { name: 'file1.vx' });
  await tab.dblclick();
  const input = page.getByLabel('New name for file1.vx');
  await input.fill('util.vx');
  await input.press('Enter');
  await expect(page.getByRole('tab', { name: 'util.vx' })).toBeVisible();
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Close util.vx' }).click();
  await expect(page.getByRole('tab', { name: 'util.vx' })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'main.vx' })).toHaveAttribute('aria-selected', 'true');
});

test('embed mode shows a compact editor, Run and Output with an open-in-playground link', async ({ page }) => {
  await openPlayground(page);
  await setCode(page, CODE);
  await page.waitForTimeout(400);
  const hash = new URL(page.url()).hash;
  await page.goto(`/?embed=1${hash}`);
  await page.locator('.monaco-editor .view-lines').first().waitFor();
  await expect(page.getByRole('toolbar', { name: 'Playground' })).toHaveCount(0);
  expect(await editorText(page)).toBe(CODE);
  const link = page.getByTestId('open-in-playground');
  await expect(link).toHaveAttribute('href', /#code=/);
  await page.getByTestId('run').click();
  await expect(page.getByTestId('outcome')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.out-line[data-stream="stdout"]').first()).toHaveText('shared 42');
  await screenshot(page, 'embed');
});

test('theme and presentation mode switch and persist', async ({ page }) => {
  await openPlayground(page);
  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('button', { name: 'Presentation' }).click();
  await expect(page.locator('html')).toHaveClass(/presentation/);
  await screenshot(page, 'dark-presentation');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('html')).toHaveClass(/presentation/);
});

test('Share copies a link and Copy bug report copies Markdown with code, settings, version and output', async ({ page }) => {
  await openPlayground(page);
  await setCode(page, CODE);
  await page.getByTestId('run').click();
  await expect(page.getByTestId('outcome')).toContainText('Exited with code 0', { timeout: 30_000 });
  await page.getByTestId('share').click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#code=/);
  await page.getByRole('button', { name: 'Copy bug report' }).click();
  await expect(page.getByTestId('notice-info').filter({ hasText: 'Bug report copied' })).toBeVisible();
  const md = await page.evaluate(() => navigator.clipboard.readText());
  expect(md).toContain('## Vex Playground bug report');
  expect(md).toMatch(/vex-playground \d+\.\d+\.\d+ \(build [0-9a-f]+|unknown\)/);
  expect(md).toContain('```vex\n' + CODE.trimEnd() + '\n```');
  expect(md).toContain('panic=unwind');
  expect(md).toContain('- Outcome: Exited with code 0');
  expect(md).toContain('```text\nshared 42\n```');
});

test('typing works before Monaco has loaded and carries over into Monaco', async ({ page }) => {
  let release!: () => void;
  const gate = new Promise<void>((r) => { release = r; });
  await page.route(/EditorPane-[\w-]+\.js$/, async (route) => { await gate; await route.continue(); });
  await page.goto('/');
  const plain = page.locator('.plain-editor');
  await plain.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('// typed early');
  await expect(plain).toHaveValue(/\/\/ typed early$/);
  release();
  await page.locator('.monaco-editor .view-lines').first().waitFor();
  await page.keyboard.type(' and later');
  await expect.poll(() => editorText(page)).toMatch(/\/\/ typed early and later$/);
});

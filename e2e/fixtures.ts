// Shared e2e fixture: every test fails if the page makes a request that leaves 127.0.0.1 or
// logs a console error. Helpers act as a person would (keyboard, clicks, reading the panels).
import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

export const ARTIFACTS = 'e2e-artifacts';
mkdirSync(ARTIFACTS, { recursive: true });

const LOCAL = /^(https?:\/\/127\.0\.0\.1(:\d+)?\/|data:|blob:|about:)/;

/** Watches a page; the returned function asserts no off-host request and no console error. */
export function guardPage(page: Page): () => void {
  const offsite: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (r) => { if (!LOCAL.test(r.url())) offsite.push(r.url()); });
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  return () => {
    expect(offsite, 'requests leaving 127.0.0.1').toEqual([]);
    expect(consoleErrors, 'console errors').toEqual([]);
  };
}

export const test = base.extend<{ page: Page }>({
  page: async ({ page, context }, use) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const check = guardPage(page);
    await use(page);
    check();
  },
});

export { expect };

/** Opens the playground and waits until the editor accepts input. */
export async function openPlayground(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await page.locator('.monaco-editor .view-lines').first().waitFor();
}

/** Replaces the editor's text as a person pasting code would (typed brackets would auto-close). */
export async function setCode(page: Page, code: string): Promise<void> {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.evaluate((t) => navigator.clipboard.writeText(t), code);
  await page.keyboard.press('ControlOrMeta+V');
}

/** Types text key by key at the cursor, at a person's pace (a burst of keys can reach the
 *  editor as one text change, which Monaco treats like a paste: no auto-closing). */
export async function typeCode(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text, { delay: 40 });
}

export async function editorText(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { __vexEditor: { getValue(): string } }).__vexEditor.getValue());
}

export async function cursorLine(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __vexEditor: { getPosition(): { lineNumber: number } } }).__vexEditor.getPosition().lineNumber);
}

/** The line the editor highlights for a backtrace frame or an unwind step (null when none). */
export async function highlightedLine(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    type Deco = { range: { startLineNumber: number }; options: { className?: string | null } };
    const ed = (window as unknown as { __vexEditor: { getModel(): { getAllDecorations(): Deco[] } | null } }).__vexEditor;
    const d = ed.getModel()?.getAllDecorations().find((x) => x.options.className === 'vex-line-highlight');
    return d ? d.range.startLineNumber : null;
  });
}

/** Waits for the run to finish (the Panic panel may open by itself), shows Output, returns the outcome line. */
export async function waitForOutcome(page: Page, timeout = 30_000): Promise<string> {
  const outcome = page.getByTestId('outcome');
  const panicTab = page.getByRole('tab', { name: /Panic/ });
  await expect.poll(async () => (await outcome.isVisible()) || (await panicTab.getAttribute('aria-selected')) === 'true', { timeout }).toBe(true);
  if (!(await outcome.isVisible())) await page.getByRole('tab', { name: 'Output' }).click();
  return (await outcome.textContent()) ?? '';
}

/** The Output panel's lines of one stream, as rendered. */
export async function outputLines(page: Page, stream: 'stdout' | 'stderr'): Promise<string[]> {
  return page.locator(`.out-line[data-stream="${stream}"]`).evaluateAll((els) =>
    els.map((e) => (e.textContent ?? '').replace(/^stderr: /, '').replace(/\u200b/g, '')));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png` });
}

/** Loads an example from the Examples menu as a person would (open the menu, pick the item). */
export async function chooseExample(page: Page, id: string): Promise<void> {
  await page.getByTestId('examples').click();
  await page.locator(`[role="menu"] [role="menuitem"][data-id="${id}"]`).click();
  await expect(page.locator('[role="menu"]')).toHaveCount(0);
}

/** Puts the editor's cursor at a 1-based line/column and focuses the editor. */
export async function cursorAt(page: Page, lineNumber: number, column: number): Promise<void> {
  await page.evaluate(([l, c]) => {
    const ed = (window as unknown as { __vexEditor: { setPosition(p: object): void; focus(): void } }).__vexEditor;
    ed.setPosition({ lineNumber: l, column: c });
    ed.focus();
  }, [lineNumber, column]);
}

/** Sets the main stack size in the Settings dialog. */
export async function setStackKiB(page: Page, kib: number): Promise<void> {
  await page.getByTestId('settings').click();
  await page.getByLabel('Main stack size (KiB)').fill(String(kib));
  await page.getByRole('button', { name: 'Save' }).click();
}

/** Runs the editor's program and expects a clean Vex stack overflow of a `bytes`-byte stack:
 *  no internal error and no host-stack note. */
export async function runExpectingOverflow(page: Page, bytes: number): Promise<void> {
  await page.getByTestId('run').click();
  const outcome = await waitForOutcome(page, 100_000);
  expect(outcome).not.toContain('Internal error');
  const err = await outputLines(page, 'stderr');
  expect(err).toContain(`fatal: stack overflow (stack ${bytes} bytes)`);
  expect(err.join('\n')).not.toContain('note:');
}

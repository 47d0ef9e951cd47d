// The teaching pictures of the Panic, FFI and C layout panels on their lessons: the call stack
// that pops frames while stepping through the unwinding, the stack-overflow gauge with folded
// frames, foreign calls drawn across the Vex | C boundary with a callback, and the byte grid of
// C layouts before any run. Screenshots at 1280×720 in both themes.
import { test, expect, openPlayground, waitForOutcome, screenshot, highlightedLine, chooseExample } from './fixtures';
import type { Page } from '@playwright/test';

async function loadExample(page: Page, id: string) {
  await openPlayground(page);
  await chooseExample(page, id);
}
async function runExample(page: Page, id: string) {
  await loadExample(page, id);
  await page.getByTestId('run').click();
  await waitForOutcome(page);
}
const setTheme = (page: Page, theme: 'light' | 'dark') =>
  page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);

/** The lowest WCAG contrast ratio of the text inside `root` against the nearest opaque
 *  background behind it (colour only: the hatching patterns are drawn from the same theme colours). */
async function minContrast(page: Page, root: string): Promise<{ ratio: number; text: string }> {
  return page.evaluate((sel) => {
    const parse = (c: string) => {
      // rgb(r g b / a) in 0..255, or color(srgb r g b / a) in 0..1 (what color-mix computes to)
      const k = c.startsWith('color(') ? 255 : 1;
      const m = c.replace(/^color\(srgb/, '').match(/[\d.]+/g) ?? ['0', '0', '0', '0'];
      return { r: +m[0] * k, g: +m[1] * k, b: +m[2] * k, a: m[3] === undefined ? 1 : +m[3] };
    };
    const lum = (c: { r: number; g: number; b: number }) => {
      const f = (v: number) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
    };
    const bgOf = (el: Element | null): { r: number; g: number; b: number } => {
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c.a > 0.5) return c;
      }
      return parse(getComputedStyle(document.body).backgroundColor);
    };
    let worst = { ratio: 99, text: '' };
    const rootEl = document.querySelector(sel);
    if (!rootEl) return worst;
    const walker = document.createTreeWalker(rootEl, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim() || el.closest('[aria-hidden="true"]')) continue;
      const st = getComputedStyle(el);
      if (st.visibility === 'hidden' || st.display === 'none') continue;
      const fg = parse(st.color);
      const a = lum(fg), b = lum(bgOf(el));
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      if (ratio < worst.ratio) worst = { ratio, text: n.textContent.trim().slice(0, 40) };
    }
    return worst;
  }, root);
}

test('panics lesson: the call stack pops frames, crosses out values and ticks defers while stepping', async ({ page }) => {
  await runExample(page, 'panics');
  await page.getByRole('tab', { name: /Panic/ }).click();
  const stack = page.getByRole('list', { name: 'Call stack' });
  await expect(stack).toBeVisible();
  const frames = stack.getByTestId('stack-frame');
  await expect(frames).toHaveCount(2);
  await expect(frames.nth(0)).toContainText('check');
  await expect(frames.nth(1)).toContainText('main');
  await expect(frames.nth(0)).toHaveAttribute('data-state', 'live');
  await expect(frames.nth(0).getByTestId('stack-defer')).toHaveAttribute('data-ran', 'false');
  const g = frames.nth(0).getByTestId('stack-value').filter({ hasText: 'g: Guard' });
  await expect(g).toHaveCount(1);
  await screenshot(page, 'stackffi-callstack-start');

  // step: enter check, run its defer, drop g, leave check
  const next = page.getByRole('button', { name: 'Next' });
  await next.click();
  await expect(frames.nth(0)).toHaveAttribute('data-state', 'unwinding');
  await next.click();
  await expect(frames.nth(0).getByTestId('stack-defer')).toHaveAttribute('data-ran', 'true');
  await expect.poll(() => highlightedLine(page)).toBe(16); // the defer's line
  await page.keyboard.press('ArrowRight');
  await expect(g).toHaveAttribute('data-dropped', 'true');
  await expect(g).toHaveCSS('text-decoration-line', /none|line-through/);
  await page.keyboard.press('ArrowRight');
  await expect(frames.nth(0)).toHaveAttribute('data-state', 'popped');
  await expect(frames.nth(1)).toHaveAttribute('data-state', 'live');
  await page.keyboard.press('End');
  await expect(frames.nth(1)).toHaveAttribute('data-state', 'popped');
  await screenshot(page, 'stackffi-callstack-end');

  // click-to-source: a frame's name reveals its line
  await frames.nth(1).getByRole('button', { name: 'main', exact: true }).click();
  await expect.poll(() => highlightedLine(page)).toBe(28);

  // the caught panic: badge on the tab, the catch line between the popped frames and main
  await expect(page.getByRole('tab', { name: /Panic/ })).toContainText('!');
  await page.getByRole('button', { name: /caught: 9 is too big/ }).click();
  await expect(frames).toHaveCount(3);
  const catchLine = stack.getByTestId('catch-line');
  await expect(catchLine).toContainText('catch_panic will stop the unwinding here');
  await page.keyboard.press('End');
  await expect(catchLine).toContainText('catch_panic stopped the unwinding here');
  await expect(frames.nth(2)).toHaveAttribute('data-state', 'kept');
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    const c = await minContrast(page, '.panic-panel');
    expect(c.ratio, `${theme}: "${c.text}"`).toBeGreaterThanOrEqual(4.5);
  }
  await screenshot(page, 'stackffi-callstack-caught-dark');
  // projector: presentation mode at 1280×720 keeps the picture readable
  await page.getByRole('button', { name: 'Presentation' }).click();
  await expect(stack).toBeVisible();
  await screenshot(page, 'stackffi-callstack-presentation');
});

test('a run whose panics were all caught badges the Panic tab', async ({ page }) => {
  await openPlayground(page);
  await page.evaluate(() => (window as unknown as { __vexEditor: { setValue(s: string): void } }).__vexEditor.setValue(
    'fn main() {\n    let r = catch_panic(|| { panic("oops"); });\n    println("{}", r.is_err());\n}\n'));
  await page.getByTestId('run').click();
  await waitForOutcome(page);
  await expect(page.getByRole('tab', { name: /Panic/ })).toContainText('1 caught');
});

test('stack_overflow lesson: the Panic panel shows the depth gauge and folded frames', async ({ page }) => {
  await runExample(page, 'stack_overflow');
  await page.getByRole('tab', { name: /Panic/ }).click();
  const gauge = page.getByRole('meter', { name: 'Stack depth' });
  await expect(gauge).toBeVisible();
  await expect(gauge).toContainText('64 of 64 frames (16,384 bytes at 256 bytes a frame)');
  await expect(gauge).toHaveAttribute('aria-valuenow', '64');
  const rows = page.getByTestId('folded-frame');
  await expect(rows.first()).toContainText('depth × 63');
  await expect(rows.nth(1)).toContainText('closure in main');
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    const c = await minContrast(page, '.panic-panel');
    expect(c.ratio, `${theme}: "${c.text}"`).toBeGreaterThanOrEqual(4.5);
  }
  await setTheme(page, 'light');
  await rows.first().getByRole('button').click();
  await expect.poll(() => highlightedLine(page)).toBe(9);
  await screenshot(page, 'stackffi-overflow');
});

test('ffi lesson: calls across the Vex | C boundary with types, conversions and the qsort callback', async ({ page }) => {
  await runExample(page, 'ffi');
  await page.getByRole('tab', { name: 'FFI' }).click();
  const panel = page.getByTestId('ffi-panel');
  const calls = panel.getByTestId('ffi-call');
  await expect(calls).toHaveCount(6);
  const strlen = calls.filter({ hasText: 'strlen' });
  await expect(strlen).toContainText('"hello, C"');
  await expect(strlen).toContainText(': str');
  await expect(strlen).toContainText('(const char *)');
  await expect(strlen).toContainText('NUL-terminated');
  const qsort = calls.filter({ hasText: 'qsort' });
  await expect(qsort).toContainText('fn ascending');
  const callbacks = qsort.getByTestId('ffi-callback');
  expect(await callbacks.count()).toBeGreaterThanOrEqual(4);
  await expect(callbacks.first()).toContainText(/ascending\(0x[0-9a-f]+, 0x[0-9a-f]+\)/);
  await expect(panel.getByTestId('ffi-count').filter({ hasText: 'qsort' })).toContainText('qsort × 1');
  // click-to-source: the call reveals its line
  await qsort.getByRole('button', { name: /qsort/ }).click();
  await expect.poll(() => highlightedLine(page)).toBe(37);
  await screenshot(page, 'stackffi-ffi');
  await qsort.scrollIntoViewIfNeeded();
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    const c = await minContrast(page, '[data-testid="ffi-panel"]');
    expect(c.ratio, `${theme}: "${c.text}"`).toBeGreaterThanOrEqual(4.5);
  }
  await screenshot(page, 'stackffi-ffi-callbacks-dark');
});

test('c_layout lesson: the byte grid is there before any run', async ({ page }) => {
  await loadExample(page, 'c_layout');
  await page.getByRole('tab', { name: 'C layout' }).click();
  const view = page.getByRole('region', { name: 'C layout' });
  await expect(view).toBeVisible({ timeout: 15_000 });
  const header = view.getByTestId('layout').filter({ hasText: 'Header' });
  await expect(header).toContainText('size 12 · align 4 · 5 padding bytes');
  await expect(header.getByTestId('layout-field')).toHaveCount(3);
  await expect(header.getByTestId('layout-pad')).toHaveCount(2);
  await expect(header.getByRole('cell', { name: 'len: u32, offset 4, 4 bytes' })).toBeVisible();
  const flags = view.getByTestId('layout').filter({ hasText: 'Flags' });
  await expect(flags.getByTestId('layout-bit')).toHaveText(['level:4', 'mode:3', 'ready:1']);
  await expect(view).not.toContainText('Tight');
  const word = view.getByTestId('layout').filter({ hasText: 'union Word' });
  await expect(word).toContainText('members overlaid');
  await expect(word.getByRole('table', { name: 'member whole' })).toBeVisible();
  await expect(word.getByRole('table', { name: 'member low' }).getByTestId('layout-pad')).toHaveCount(1);
  // nothing ran
  await expect(page.getByTestId('outcome')).toHaveCount(0);
  // click-to-source: the struct's name reveals its declaration
  await flags.getByRole('button', { name: /struct Flags/ }).click();
  await expect.poll(() => highlightedLine(page)).toBe(17);
  await screenshot(page, 'stackffi-c-layout');
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    const c = await minContrast(page, '[data-testid="c-layout"]');
    expect(c.ratio, `${theme}: "${c.text}"`).toBeGreaterThanOrEqual(4.5);
  }
  await screenshot(page, 'stackffi-c-layout-dark');
});

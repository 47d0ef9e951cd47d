// Accessibility and layout: axe over the playground (both themes, every panel, after a run) and
// the embed; keyboard exits from the editor; the stacked phone layout; presentation mode.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, openPlayground, setCode, waitForOutcome, chooseExample } from './fixtures';

async function axe(page: Page, what: string) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const found = result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 4).map((n) => {
    const data = n.any[0]?.data as { fgColor?: string; bgColor?: string; contrastRatio?: number } | undefined;
    return `${n.target.join(' ')}${data?.fgColor ? ` (${data.fgColor} on ${data.bgColor}: ${data.contrastRatio})` : ''}`;
  }).join(' | ')}`);
  expect(found, `axe violations (${what})`).toEqual([]);
}

async function panelTabs(page: Page): Promise<string[]> {
  return page.locator('.tablist [role="tab"]').evaluateAll((els) => els.map((e) => e.id.replace(/^tab-/, '')));
}

for (const theme of ['light', 'dark'] as const) {
  test(`axe: no violations in the ${theme} theme, after a run, on every panel`, async ({ page }) => {
    test.setTimeout(240_000); // one axe pass per panel (about 3 s each, more on a busy machine)
    await openPlayground(page);
    await page.getByLabel('Theme').selectOption(theme);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await chooseExample(page, 'panics');
    await page.getByTestId('run').click();
    await waitForOutcome(page);
    await axe(page, `${theme}, output`);
    for (const id of await panelTabs(page)) {
      await page.locator(`#tab-${id}`).click();
      await expect(page.getByTestId(`panel-${id}`)).toBeVisible();
      await axe(page, `${theme}, ${id} panel`);
    }
  });
}

test('axe: no violations with compile errors listed in Problems', async ({ page }) => {
  await openPlayground(page);
  await setCode(page, 'fn main() {\n    let x: i32 = "no";\n    undefined_name();\n}\n');
  await page.getByTestId('run').click();
  await expect(page.getByRole('tab', { name: /Problems/ })).toHaveAttribute('aria-selected', 'true', { timeout: 30_000 });
  await axe(page, 'problems with errors');
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe: the embed has no violations (${theme})`, async ({ page }) => {
    await page.goto(`/?embed=1&theme=${theme}`);
    await page.locator('.monaco-editor .view-lines').first().waitFor();
    await axe(page, `embed ${theme}`);
    await page.getByTestId('run').click();
    await expect(page.getByTestId('outcome')).toBeVisible({ timeout: 30_000 });
    await axe(page, `embed ${theme} after a run`);
  });
}

test('landmarks: a main region with a level-1 heading', async ({ page }) => {
  await openPlayground(page);
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Vex Playground');
});

test('tab names keep the badge apart: "Problems, 2 errors", not "Problems2"', async ({ page }) => {
  await openPlayground(page);
  await setCode(page, 'fn main() {\n    let x: i32 = "no";\n    undefined_name();\n}\n');
  const tab = page.locator('#tab-problems');
  await expect(tab).toHaveAccessibleName(/^Problems, \d+ errors?$/, { timeout: 30_000 });
  await expect(tab.locator('.badge')).toHaveText(/^\d+$/); // still drawn
});

test('keyboard: Esc then Tab leaves the editor forwards, Esc then Shift+Tab backwards; plain Tab indents', async ({ page }) => {
  await openPlayground(page);
  await setCode(page, 'fn main() {\n}\n');
  await page.keyboard.press('Tab');
  await expect.poll(() => page.evaluate(() => (window as unknown as { __vexEditor: { getValue(): string } }).__vexEditor.getValue())).toContain('    ');
  const inEditor = () => page.evaluate(() => !!document.activeElement?.closest('.monaco-editor'));
  expect(await inEditor()).toBe(true);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  expect(await inEditor()).toBe(false);
  // forwards: the focus is after the editor in page order (towards the panels)
  const after = await page.evaluate(() => {
    const ed = document.querySelector('.editor-host')!;
    return !!(ed.compareDocumentPosition(document.activeElement!) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  expect(after).toBe(true);
  // keep tabbing forwards: the panel tabs are reached
  let reached = false;
  for (let i = 0; i < 6 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.getAttribute('role') === 'tab');
  }
  expect(reached).toBe(true);
  // back into the editor and out backwards
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+Tab');
  expect(await inEditor()).toBe(false);
  const before = await page.evaluate(() => {
    const ed = document.querySelector('.editor-host')!;
    return !!(ed.compareDocumentPosition(document.activeElement!) & Node.DOCUMENT_POSITION_PRECEDING);
  });
  expect(before).toBe(true);
});

test('keyboard: Ctrl+M makes Tab move the focus (Monaco tab-focus mode), pressed again restores indenting', async ({ page }) => {
  await openPlayground(page);
  await setCode(page, 'fn main() {\n}\n');
  const inEditor = () => page.evaluate(() => !!document.activeElement?.closest('.monaco-editor'));
  await page.keyboard.press('Control+M');
  await page.keyboard.press('Tab');
  expect(await inEditor()).toBe(false);
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+M');
  await page.keyboard.press('End');
  await page.keyboard.press('Tab');
  expect(await inEditor()).toBe(true);
});

test('keyboard: F1 opens the command palette, from the editor and from outside it', async ({ page }) => {
  await openPlayground(page);
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('F1');
  const palette = page.locator('.quick-input-widget');
  await expect(palette).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();
  await page.getByTestId('run').focus();
  await page.keyboard.press('F1');
  await expect(palette).toBeVisible();
  // the palette lists editor commands, e.g. ours
  await page.keyboard.type('Send to Console');
  await expect(page.locator('.quick-input-list')).toContainText('Send to Console');
});

test('layout: at 390×844 editor and panels stack, each with a useful height; the toolbar folds into More', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openPlayground(page);
  const editor = await page.locator('.editor-host').boundingBox();
  const panels = await page.locator('.panel-area').boundingBox();
  expect(editor && panels).toBeTruthy();
  expect(panels!.y).toBeGreaterThanOrEqual(editor!.y + editor!.height - 1); // below, not beside
  expect(editor!.width).toBeGreaterThan(370);
  expect(panels!.width).toBeGreaterThan(370);
  expect(editor!.height).toBeGreaterThanOrEqual(250);
  expect(panels!.height).toBeGreaterThanOrEqual(250);
  // Run and Stop stay visible; the rest is in More
  await expect(page.getByTestId('run')).toBeVisible();
  await expect(page.getByTestId('stop')).toBeVisible();
  await expect(page.getByTestId('share')).toHaveCount(0);
  const noOverflow = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(noOverflow).toBe(true);
  await page.getByTestId('more').click();
  await page.getByRole('menuitem', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByTestId('more').click();
  await page.getByRole('menuitem', { name: 'Settings…' }).click();
  await expect(page.getByRole('dialog', { name: 'Run settings' })).toBeVisible();
  await page.keyboard.press('Escape');
  // a run's output is readable in the stacked panel
  await page.getByTestId('run').click();
  await waitForOutcome(page);
  const line = page.locator('.out-line[data-stream="stdout"]').first();
  await expect(line).toBeVisible();
  const box = await line.boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(844);
  await axe(page, 'narrow, dark');
});

test('layout: presentation mode at 1280×720 enlarges without clipping the toolbar', async ({ page }) => {
  await openPlayground(page);
  await page.getByRole('button', { name: 'Presentation' }).click();
  await expect(page.locator('html')).toHaveClass(/presentation/);
  const problems = await page.locator('.toolbar').evaluate((bar) => {
    const out: string[] = [];
    const barBox = bar.getBoundingClientRect();
    if (bar.scrollWidth > bar.clientWidth + 1) out.push(`toolbar scrolls: ${bar.scrollWidth} > ${bar.clientWidth}`);
    for (const el of bar.querySelectorAll<HTMLElement>('button, select, label')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0) continue;
      if (r.left < barBox.left - 0.5 || r.right > barBox.right + 0.5 || r.right > window.innerWidth) out.push(`outside: ${el.textContent}`);
      if (el.scrollWidth > el.clientWidth + 1) out.push(`clipped text: ${el.textContent}`);
    }
    return out;
  });
  expect(problems).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  const fontSize = await page.locator('.tablist [role="tab"]').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(18);
  await axe(page, 'presentation');
});

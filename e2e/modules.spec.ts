// Modules across tabs: a three-tab program built in the UI runs to its exact output; go to
// definition (F12) opens the declaring tab; Problems and backtrace frames open the module's tab.
import { readFileSync } from 'node:fs';
import LZString from 'lz-string';
import { test, expect, openPlayground, setCode, waitForOutcome, outputLines, cursorLine, screenshot, cursorAt } from './fixtures';
import type { Page } from '@playwright/test';

const DIR = 'tests/conformance/module_three_tabs';
const TABS = ['geometry.vx', 'seq.vx', 'main.vx'].map((name) => ({ name, text: readFileSync(`${DIR}/${name}`, 'utf8') }));
const EXPECTED = readFileSync('tests/conformance/module_three_tabs.out', 'utf8').trimEnd().split('\n');
const text = (name: string) => TABS.find((t) => t.name === name)!.text;
const link = (files: { name: string; text: string }[], active = 'main.vx') =>
  `/#code=${LZString.compressToEncodedURIComponent(JSON.stringify({ v: 1, f: files.map((f) => [f.name, f.text]), a: active }))}`;
const ordered = () => [TABS[2], TABS[0], TABS[1]]; // main.vx first

async function addTab(page: Page, name: string, code: string): Promise<void> {
  const before = await page.getByRole('tab').count();
  await page.getByRole('button', { name: 'Add file' }).click();
  await expect(page.getByRole('tab')).toHaveCount(before + 1);
  const fresh = page.getByRole('tab', { name: /\.vx/, selected: true });
  const old = (await fresh.getAttribute('aria-label')) ?? (await fresh.textContent()) ?? '';
  const oldName = old.match(/[\w-]+\.vx/)![0];
  await fresh.dblclick();
  const input = page.getByLabel(`New name for ${oldName}`);
  await input.fill(name);
  await input.press('Enter');
  await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
  await setCode(page, code);
}

test('a three-tab program (operator-overloaded type, user iterator) runs to its exact output', async ({ page }) => {
  await openPlayground(page);
  await addTab(page, 'geometry.vx', text('geometry.vx'));
  await addTab(page, 'seq.vx', text('seq.vx'));
  await page.getByRole('tab', { name: 'main.vx' }).click();
  await setCode(page, text('main.vx'));
  await page.keyboard.press('ControlOrMeta+Enter');
  expect(await waitForOutcome(page)).toContain('Exited with code 0');
  expect(await outputLines(page, 'stdout')).toEqual(EXPECTED);
  // no problems in any tab
  await page.getByRole('tab', { name: /^Problems/ }).click();
  await expect(page.getByText('No problems.')).toBeVisible();
  await screenshot(page, 'modules-three-tabs');
});

test('F12 on an imported name opens the tab that declares it, at the declaration', async ({ page }) => {
  await openPlayground(page, link(ordered()));
  await expect(page.getByRole('tab', { name: 'main.vx' })).toHaveAttribute('aria-selected', 'true');
  const main = text('main.vx').split('\n');
  const line = main.findIndex((l) => l.includes('origin()')) + 1;
  const col = main[line - 1].indexOf('origin()') + 3;
  await cursorAt(page, line, col);
  await page.waitForTimeout(300);
  await page.keyboard.press('F12');
  await expect(page.getByRole('tab', { name: 'geometry.vx' })).toHaveAttribute('aria-selected', 'true');
  const declLine = text('geometry.vx').split('\n').findIndex((l) => l.includes('fn origin')) + 1;
  await expect.poll(() => cursorLine(page)).toBe(declLine);

  // and a static method of a type in the third tab
  await page.getByRole('tab', { name: 'main.vx' }).click();
  const l2 = main.findIndex((l) => l.includes('Range3.new')) + 1;
  const c2 = main[l2 - 1].indexOf('Range3.new') + 'Range3.'.length + 2;
  await cursorAt(page, l2, c2);
  await page.keyboard.press('F12');
  await expect(page.getByRole('tab', { name: 'seq.vx' })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => cursorLine(page)).toBe(text('seq.vx').split('\n').findIndex((l) => l.includes('fn Range3.new')) + 1);
});

test('F12 on an overloaded operator opens its method in the tab that declares it', async ({ page }) => {
  await openPlayground(page, link(ordered()));
  const main = text('main.vx').split('\n');
  const line = main.findIndex((l) => l.includes('a + b')) + 1;
  const col = main[line - 1].indexOf('a + b') + 3; // on the `+`
  await cursorAt(page, line, col);
  await page.waitForTimeout(300);
  await page.keyboard.press('F12');
  await expect(page.getByRole('tab', { name: 'geometry.vx' })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => cursorLine(page)).toBe(text('geometry.vx').split('\n').findIndex((l) => l.includes('op+')) + 1);
});

test('a problem in a module is listed with its file and opens its tab', async ({ page }) => {
  const broken = ordered().map((f) => (f.name === 'seq.vx' ? { ...f, text: f.text.replace('return s;', 'return s + "x";') }
    : f.name === 'main.vx' ? { ...f, text: f.text.replace('println("= {}", total);', 'println("= {}", totl);') } : f));
  await openPlayground(page, link(broken));
  await page.getByRole('tab', { name: /^Problems/ }).click();
  await expect(page.getByTestId('problem-file')).toHaveText(['main.vx (1)', 'seq.vx (1)']);
  const problem = page.getByTestId('problem').filter({ hasText: 'seq.vx' });
  const bad = text('seq.vx').split('\n').findIndex((l) => l.includes('return s;')) + 1;
  await expect(problem).toContainText(new RegExp(`seq\\.vx:${bad}:\\d+`));
  await problem.click();
  await expect(page.getByRole('tab', { name: 'seq.vx' })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => cursorLine(page)).toBe(bad);
});

test('a backtrace frame in a module opens its tab', async ({ page }) => {
  const panicking = [
    { name: 'main.vx', text: 'import { check } from "./util";\nfn main() {\n    check(3);\n}\n' },
    { name: 'util.vx', text: 'export fn check(n: i32) {\n    if n > 2 {\n        panic("too big");\n    }\n}\n' },
  ];
  await openPlayground(page, link(panicking));
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByRole('tab', { name: /^Panic/ })).toHaveAttribute('aria-selected', 'true', { timeout: 30_000 });
  const frames = page.getByTestId('frame');
  await expect(frames.first()).toContainText('check');
  await expect(frames.first()).toContainText('util.vx:3');
  await frames.first().click();
  await expect(page.getByRole('tab', { name: 'util.vx' })).toHaveAttribute('aria-selected', 'true');
  await frames.nth(1).click();
  await expect(page.getByRole('tab', { name: 'main.vx' })).toHaveAttribute('aria-selected', 'true');
});

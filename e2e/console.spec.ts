// The Console (REPL in the browser): cells run once in a live session in the worker, history,
// echo without moving, multi-line cells, a panic with a clickable frame, :type, :reset, Send to
// Console from the editor, and a share link that restores the session's cells.
import type { Page } from '@playwright/test';
import { test, expect, openPlayground, setCode, guardPage, screenshot } from './fixtures';

async function openConsole(page: Page) {
  await page.getByRole('tab', { name: 'Console' }).click();
  await expect(page.getByTestId('console-input')).toBeVisible();
}

/** Types a cell (one line) and runs it; waits for its result. */
async function cell(page: Page, text: string) {
  const before = await page.getByTestId('console-cell').count();
  const input = page.getByTestId('console-input');
  await input.fill(text);
  await input.press('Enter');
  await expect(page.getByTestId('console-cell')).toHaveCount(before + 1);
  await expect(page.getByTestId('console-cell').last()).not.toContainText('running…');
  return page.getByTestId('console-cell').last();
}

test('cells run once in a live session: echo without moving, multi-line, :type, panic, :reset', async ({ page }) => {
  await openPlayground(page);
  await openConsole(page);
  await cell(page, 'let! xs = Vec<i32>.new();');
  await cell(page, 'xs.push(4); xs.push(2); println("pushed");');
  expect(await (await cell(page, 'xs')).getByTestId('console-stdout').textContent()).toBe('[4, 2]');
  expect(await (await cell(page, 'xs.len()')).getByTestId('console-stdout').textContent()).toBe('2');
  await expect(page.getByTestId('console-cell').nth(1)).toContainText('pushed'); // printed once, never replayed
  await expect(page.getByTestId('console-stdout').filter({ hasText: 'pushed' })).toHaveCount(1);

  // a multi-line cell: Enter adds a line until the brackets balance
  const input = page.getByTestId('console-input');
  await input.fill('fn twice(x: i32): i32 {');
  await input.press('Enter');
  await input.press('End');
  await input.type('    return x * 2;');
  await input.press('Enter');
  await input.type('}');
  await input.press('Enter');
  await expect(page.getByTestId('console-cell').last()).toContainText('...>');
  expect(await (await cell(page, 'twice(21)')).getByTestId('console-stdout').textContent()).toBe('42');
  expect(await (await cell(page, ':type twice(1) > 3')).getByTestId('console-stdout').textContent()).toBe('bool');

  // a compile error: a diagnostic marked in the cell; the session is intact
  const bad = await cell(page, 'let b: bool = xs.len();');
  await expect(bad.getByTestId('console-diag')).toContainText('error[E0103]');
  await expect(bad.locator('mark.console-span')).toHaveText('xs.len()');

  // a panic aborts only its cell; its frame into an earlier cell is a button that shows that cell
  await cell(page, 'fn pick(v: &Vec<i32>, i: i32): i32 { return v[i]; }');
  const p = await cell(page, 'pick(&xs, 7)');
  await expect(p.getByTestId('console-panic')).toContainText('panic: index out of bounds: index 7, len 2');
  const frames = p.getByTestId('console-frame');
  await expect(frames.first()).toContainText('pick');
  await frames.first().click();
  await expect(page.locator('.console-cell.flash')).toContainText('fn pick');
  await screenshot(page, 'console-panic');
  // the Panic panel shows the cell's panic too; its frames lead back to the Console's cells
  await page.getByRole('tab', { name: 'Panic' }).click();
  await expect(page.getByTestId('panic-message')).toContainText('index out of bounds');
  await page.getByTestId('frame').nth(1).click();
  await expect(page.getByTestId('console-input')).toBeVisible();
  await expect(page.locator('.console-cell.flash')).toContainText('pick(&xs, 7)');
  expect(await (await cell(page, 'xs.len() + 1')).getByTestId('console-stdout').textContent()).toBe('3');

  // history: ↑ brings back earlier inputs
  await input.fill('');
  await input.press('ArrowUp');
  await expect(input).toHaveValue('xs.len() + 1');
  await input.press('ArrowUp');
  await expect(input).toHaveValue('pick(&xs, 7)');
  await input.press('ArrowDown');
  await input.press('ArrowDown');
  await expect(input).toHaveValue('');

  // :reset ends the session's block: what it still owns is dropped, shown in the :reset cell
  await cell(page, 'struct Bye impl Drop { n: i32, fn drop()! { println("bye {}", self.n); } }');
  await cell(page, 'let b1 = Bye { n: 1 }; let b2 = Bye { n: 2 };');
  await expect((await cell(page, ':reset')).getByTestId('console-stdout')).toHaveText('bye 2\nbye 1');
  await expect((await cell(page, 'xs')).getByTestId('console-diag')).toContainText('cannot find value `xs`');
});

test('the Memory view follows the live session', async ({ page }) => {
  await openPlayground(page);
  await openConsole(page);
  await cell(page, 'let! v = Vec<i64>.new();');
  await cell(page, 'for i in 0..100 { v.push(i); }');
  await page.getByRole('tab', { name: 'Memory' }).click();
  // the Vec's buffer is live (the session owns it) and was allocated by cell 2
  await expect(page.getByTestId('memory-panel')).toContainText('cell2:1');
  await expect(page.getByTestId('memory-panel')).toContainText('live at exit');
  await expect(page.getByRole('group', { name: 'Heap map' }).or(page.getByLabel('Heap map')).first()).toBeVisible();
});

test('Send to Console runs the selection or the current line; a share link restores the cells', async ({ page, browser }) => {
  await openPlayground(page);
  await setCode(page, 'fn main() {\n    let greeting = "hello";\n    println("{} console", greeting);\n}\n');
  // the current line (no selection): line 2
  await page.evaluate(() => {
    const ed = (window as unknown as { __vexEditor: { setPosition(p: object): void; focus(): void } }).__vexEditor;
    ed.setPosition({ lineNumber: 2, column: 5 });
    ed.focus();
  });
  await page.keyboard.press('ControlOrMeta+Shift+Enter');
  await expect(page.getByTestId('console-cell')).toHaveCount(1);
  await expect(page.getByTestId('console-cell').first()).toContainText('let greeting = "hello";');
  // a selection: line 3 selected
  await page.evaluate(() => {
    const ed = (window as unknown as { __vexEditor: { setSelection(s: object): void; focus(): void } }).__vexEditor;
    ed.setSelection({ startLineNumber: 3, startColumn: 5, endLineNumber: 3, endColumn: 37 });
    ed.focus();
  });
  await page.keyboard.press('ControlOrMeta+Shift+Enter');
  await expect(page.getByTestId('console-cell')).toHaveCount(2);
  await expect(page.getByTestId('console-cell').nth(1).getByTestId('console-stdout')).toHaveText('hello console');

  await cell(page, 'greeting.len()');
  await expect.poll(() => page.url()).toContain('#code=');
  await page.waitForTimeout(400);
  const url = page.url();

  const fresh = await (await browser.newContext()).newPage();
  const check = guardPage(fresh);
  await fresh.goto(url);
  await fresh.locator('.monaco-editor .view-lines').first().waitFor();
  await fresh.getByRole('tab', { name: 'Console' }).click();
  await expect(fresh.getByTestId('console-cell')).toHaveCount(3);
  await expect(fresh.getByTestId('console-cell').nth(1).getByTestId('console-stdout')).toHaveText('hello console');
  await expect(fresh.getByTestId('console-cell').nth(2).getByTestId('console-stdout')).toHaveText('5');
  check();
  await fresh.close();
});

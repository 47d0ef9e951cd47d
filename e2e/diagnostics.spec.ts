// Live diagnostics, Problems, and the Panic panel.
import { test, expect, highlightedLine, openPlayground, setCode, typeCode, cursorLine, editorText, screenshot } from './fixtures';

test('a type error shows a marker and a Problems entry that moves the cursor', async ({ page }) => {
  await openPlayground(page);
  await setCode(page, 'fn main() {\n    let a = 1;\n\n    let x: i32 = "text";\n}\n');
  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeVisible({ timeout: 10_000 });
  await page.getByRole('tab', { name: /Problems/ }).click();
  const problem = page.getByTestId('problem').first();
  await expect(problem).toContainText('main.vx:4:');
  await expect(problem).toContainText(/E\d{4}/);
  // move the cursor away, then click the problem
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('ControlOrMeta+Home');
  expect(await cursorLine(page)).toBe(1);
  await problem.click();
  expect(await cursorLine(page)).toBe(4);
  await expect(page.locator('.monaco-editor .native-edit-context').first()).toBeFocused();
  await screenshot(page, 'panel-problems');
});

test('typing an error adds a marker and deleting it removes the marker', async ({ page }) => {
  await openPlayground(page);
  await setCode(page, 'fn main() {\n    let x: i32 = 5;\n    println("{}", x);\n}\n');
  await page.waitForTimeout(600);
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await typeCode(page, ' + true');
  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeVisible({ timeout: 10_000 });
  for (let i = 0; i < 7; i++) await page.keyboard.press('Backspace');
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(0, { timeout: 10_000 });
});

const PANICKY = `struct Guard impl Drop {
    tag: str,
    fn drop()! { println("drop {}", self.tag); }
}
fn inner(n: i32) {
    let g = Guard { tag: "inner" };
    defer println("deferred");
    if n > 1 { panic("boom"); }
}
fn main() {
    let m = Guard { tag: "main" };
    inner(5);
}
`;

test('a panic opens the Panic panel with frames and steppable unwind steps', async ({ page }) => {
  await openPlayground(page);
  await setCode(page, PANICKY);
  await page.getByTestId('run').click();
  await expect(page.getByRole('tab', { name: /Panic/ })).toHaveAttribute('aria-selected', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('panic-message')).toHaveText('panic: boom');
  const frames = page.getByTestId('frame');
  await expect(frames.first()).toContainText('inner');
  await expect(frames.first()).toContainText('main.vx:8');
  await frames.first().click();
  await expect(page.locator('.monaco-editor .vex-line-highlight')).toBeVisible();
  const steps = page.getByTestId('unwind-step');
  expect(await steps.count()).toBeGreaterThanOrEqual(3);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(steps.first()).toHaveAttribute('aria-current', 'step');
  await page.keyboard.press('ArrowDown');
  await expect(steps.nth(1)).toHaveAttribute('aria-current', 'step');
  await page.getByRole('button', { name: 'Prev' }).click();
  await expect(steps.first()).toHaveAttribute('aria-current', 'step');
  await expect(page.locator('.panic-panel')).toContainText(/dropped .*Guard/);
  // each step highlights its own line: the frame where it was, the defer, the dropped local's let
  const expected = [8, 7, 6]; // frame inner (the panic), defer, drop g
  for (let i = 0; i < expected.length; i++) {
    await steps.nth(i).click();
    await expect(steps.nth(i)).toHaveAttribute('aria-current', 'step');
    await expect.poll(() => highlightedLine(page)).toBe(expected[i]);
  }
  await screenshot(page, 'panel-panic');
});

test('F8 opens the next problem, hover shows a type, completion offers members after a dot', async ({ page }) => {
  await openPlayground(page);
  await setCode(page, 'struct P { x: i32, y: i32 }\nfn main() {\n    let p = P { x: 1, y: 2 };\n    let bad: bool = 5;\n}\n');
  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeVisible({ timeout: 10_000 });
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('F8');
  await expect(page.locator('.monaco-editor .marker-widget')).toBeVisible();
  await page.keyboard.press('Escape');
  // hover on `p` (line 3, column 9) via the keyboard: Ctrl+K Ctrl+I
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Home');
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ControlOrMeta+K');
  await page.keyboard.press('ControlOrMeta+I');
  await expect(page.locator('.monaco-hover').filter({ hasText: 'P' }).first()).toBeVisible({ timeout: 10_000 });
  await page.keyboard.press('Escape');
  // completion after `p.`
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await typeCode(page, 'p.');
  const suggest = page.locator('.monaco-editor .suggest-widget');
  await expect(suggest).toBeVisible({ timeout: 10_000 });
  await expect(suggest.locator('.monaco-list-row').filter({ hasText: /^x/ }).first()).toBeVisible();
  await expect(suggest.locator('.monaco-list-row').filter({ hasText: /^y/ }).first()).toBeVisible();
  await screenshot(page, 'completion');
});

test('editor basics: comment toggling, auto-closing brackets and indentation', async ({ page }) => {
  await openPlayground(page);
  await setCode(page, 'fn main() {\n    println("x");\n}\n');
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ControlOrMeta+/');
  await expect.poll(() => editorText(page)).toContain('    // println("x");');
  await page.keyboard.press('ControlOrMeta+/');
  await expect.poll(() => editorText(page)).toContain('\n    println("x");');
  await page.keyboard.press('ControlOrMeta+End');
  await typeCode(page, 'fn f() {');
  await page.keyboard.press('Enter');
  await typeCode(page, 'let a = ');
  await page.keyboard.press('Escape'); // close a completion list the letters may have opened
  await typeCode(page, '(');
  await expect.poll(() => editorText(page)).toContain('fn f() {\n    let a = ()\n}');
});

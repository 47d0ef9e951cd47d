// Live diagnostics, Problems, and the Panic panel.
import { test, expect, openPlayground, setCode, typeCode, cursorLine, screenshot } from './fixtures';

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
  await screenshot(page, 'panel-panic');
});

// The Call stack picture shows each unwound frame's parameters and locals with their values at
// the panic (panics lesson): `n: i32 = 5` in check, main's Results; stepping crosses out only
// the dropped value, the plain local stays.
import { test, expect, openPlayground, waitForOutcome, screenshot, chooseExample } from './fixtures';

test('panics lesson: the call stack shows the frames\' locals with their values', async ({ page }) => {
  await openPlayground(page);
  await chooseExample(page, 'panics');
  await page.getByTestId('run').click();
  await waitForOutcome(page);
  await page.getByRole('tab', { name: /Panic/ }).click();
  const frames = page.getByRole('list', { name: 'Call stack' }).getByTestId('stack-frame');
  await expect(frames).toHaveCount(2);
  const check = frames.nth(0).getByTestId('stack-value');
  await expect(check.nth(0)).toHaveText(/n: i32 = 5/);
  await expect(check.nth(1)).toContainText('g: Guard = Guard { tag: "check" }');
  const main = frames.nth(1).getByTestId('stack-value');
  await expect(main.nth(0)).toContainText('ok: Result<i32, string> = Ok(4)');
  await expect(main.nth(1)).toContainText('bad: Result<i32, string> = Err("9 is too big")');
  await screenshot(page, 'stacklocals-callstack-values');
  // to the end of the unwinding: g is dropped (crossed out), n is a plain value (never dropped)
  await page.getByRole('button', { name: 'Next' }).click();
  await page.keyboard.press('End');
  await expect(check.nth(1)).toHaveAttribute('data-dropped', 'true');
  await expect(check.nth(0)).toHaveAttribute('data-dropped', 'false');
  await expect(check.nth(0)).toHaveAttribute('data-local', 'live');
});

test('stack_overflow lesson: the innermost frames show their parameter values', async ({ page }) => {
  await openPlayground(page);
  await chooseExample(page, 'stack_overflow');
  await page.getByTestId('run').click();
  await waitForOutcome(page);
  await page.getByRole('tab', { name: /Panic/ }).click();
  const top = page.getByRole('list', { name: 'Innermost frames' }).getByTestId('overflow-top-frame');
  await expect(top).toHaveCount(3);
  await expect(top.nth(0)).toContainText('depth');
  await expect(top.nth(0)).toContainText('n: i32 = 38');
  await screenshot(page, 'stacklocals-overflow-top');
});

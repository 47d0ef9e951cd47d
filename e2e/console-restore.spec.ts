// Stop cell keeps the session: a runaway cell is stopped, the earlier cells are run again silently
// on a fresh machine, and the session goes on as it was before the stopped cell.
import type { Page } from '@playwright/test';
import { test, expect, openPlayground } from './fixtures';

async function cell(page: Page, text: string) {
  const before = await page.getByTestId('console-cell').count();
  const input = page.getByTestId('console-input');
  await input.fill(text);
  await input.press('Enter');
  await expect(page.getByTestId('console-cell')).toHaveCount(before + 1);
  await expect(page.getByTestId('console-cell').last()).not.toContainText('running…');
  return page.getByTestId('console-cell').last();
}

// The runaway cells must still be running when Stop is clicked: with the default fuel an idle
// machine can reach the step limit first, so these tests lift it (0 = unlimited), as a user would.
async function unlimitedFuel(page: Page) {
  await page.getByTestId('settings').click();
  await page.getByLabel(/^Fuel/).fill('0');
  await page.getByRole('button', { name: 'Save' }).click();
}

test('a stopped runaway cell leaves the session as it was before the cell', async ({ page }) => {
  await openPlayground(page);
  await unlimitedFuel(page);
  await page.getByRole('tab', { name: 'Console' }).click();
  await cell(page, 'let! xs = Vec<i32>.new();');
  await cell(page, 'xs.push(3); println("pushed once");');
  await cell(page, 'fn double(x: i32): i32 { return x * 2; }');
  await cell(page, 'let! label = String.from("before");');
  const bad = await cell(page, 'let b: bool = xs.len();'); // a failed cell is part of the session's history
  await expect(bad.getByTestId('console-diag')).toContainText('error[E0103]');

  // the runaway cell changes the session's values, then never ends
  const input = page.getByTestId('console-input');
  await input.fill('xs.push(100); label = String.from("changed"); let! n = 0; while true { n += 1; }');
  await input.press('Enter');
  await expect(page.getByTestId('console-cell').last()).toContainText('running…');
  await page.waitForTimeout(800);
  await page.getByRole('button', { name: 'Stop cell' }).click();
  await expect(page.getByTestId('console-cell').last().getByTestId('console-stopped')).toBeVisible();
  await expect(page.getByTestId('console-restore')).toHaveText('Session restored (5 cells re-run).');
  // the re-run was silent: what the earlier cells printed is shown once, where it was printed
  await expect(page.getByTestId('console-stdout').filter({ hasText: 'pushed once' })).toHaveCount(1);

  // values and items of the earlier cells, as they were before the stopped cell
  expect(await (await cell(page, 'xs')).getByTestId('console-stdout').textContent()).toBe('[3]');
  expect(await (await cell(page, 'label')).getByTestId('console-stdout').textContent()).toBe('before');
  expect(await (await cell(page, 'double(xs.len() as i32 + 20)')).getByTestId('console-stdout').textContent()).toBe('42');
  // and the session goes on
  await cell(page, 'xs.push(4);');
  expect(await (await cell(page, 'xs.len()')).getByTestId('console-stdout').textContent()).toBe('2');
});

test('stopping the first cell of a session leaves an empty, working session', async ({ page }) => {
  await openPlayground(page);
  await unlimitedFuel(page);
  await page.getByRole('tab', { name: 'Console' }).click();
  const input = page.getByTestId('console-input');
  await input.fill('let! n = 0; while true { n += 1; }');
  await input.press('Enter');
  await expect(page.getByTestId('console-cell').last()).toContainText('running…');
  await page.getByRole('button', { name: 'Stop cell' }).click();
  await expect(page.getByTestId('console-restore')).toHaveText('Session restored (0 cells re-run).');
  await expect((await cell(page, 'n')).getByTestId('console-diag')).toContainText('cannot find value `n`');
  expect(await (await cell(page, '1 + 1')).getByTestId('console-stdout').textContent()).toBe('2');
});

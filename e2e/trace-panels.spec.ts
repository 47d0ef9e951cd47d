// Memory, Tasks and FFI panels are pure views of a run's trace.
import { test, expect, chooseExample, openPlayground, waitForOutcome, screenshot } from './fixtures';

async function runExample(page: import('@playwright/test').Page, id: string) {
  await openPlayground(page);
  await chooseExample(page, id);
  await page.getByTestId('run').click();
  await waitForOutcome(page);
}

test('Memory shows allocations, peak and sites of a run', async ({ page }) => {
  await runExample(page, 'raw_pointers');
  await page.getByRole('tab', { name: 'Memory' }).click();
  const panel = page.getByTestId('memory-panel');
  await expect(panel).toContainText('allocations');
  await expect(panel.locator('dd').first()).not.toHaveText('0');
  await expect(panel).toContainText(/main\.vx:\d+/);
  await screenshot(page, 'panel-memory');
});

test('Tasks lists the tasks of a go program and their scheduling', async ({ page }) => {
  await runExample(page, 'tasks');
  await page.getByRole('tab', { name: 'Tasks' }).click();
  const panel = page.getByTestId('tasks-panel');
  await panel.getByRole('button', { name: /task table/ }).click();
  await expect(panel).toContainText('spawned by task 0');
  await expect(panel).toContainText('blocked on');
  await screenshot(page, 'panel-tasks');
});

test('FFI lists foreign calls with arguments and results', async ({ page }) => {
  await runExample(page, 'ffi');
  await page.getByRole('tab', { name: 'FFI' }).click();
  const panel = page.getByTestId('ffi-panel');
  await expect(panel).toContainText('strlen');
  await expect(panel).toContainText('sqrt');
  await screenshot(page, 'panel-ffi');
});

test('Metrics shows the run numbers', async ({ page }) => {
  await runExample(page, 'collections');
  await page.getByRole('tab', { name: 'Metrics' }).click();
  const panel = page.getByTestId('metrics-panel');
  await expect(panel).toContainText('steps per second');
  await expect(panel.locator('tr').filter({ hasText: 'output lines kept' })).toContainText('9');
  await expect(panel.locator('tr').filter({ hasText: 'heap allocations' })).not.toContainText(/^heap allocations \/ frees0 \//);
  await screenshot(page, 'panel-metrics');
});

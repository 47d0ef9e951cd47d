// The "Vec, Map and String" lesson frees everything it allocates: its Memory panel shows no block
// live at exit (owned temporaries such as `s.upper()` are dropped at the end of their statement).
import { test, expect, openPlayground, waitForOutcome, chooseExample } from './fixtures';

test('the Vec, Map and String lesson shows no false leak in Memory', async ({ page }) => {
  await openPlayground(page);
  await chooseExample(page, 'collections');
  await page.getByTestId('run').click();
  await waitForOutcome(page);
  await page.getByRole('tab', { name: 'Memory' }).click();
  const panel = page.getByTestId('memory-panel');
  await expect(panel).toContainText('Leaks at exit');
  await expect(panel.locator('dt', { hasText: 'live at exit' }).locator('xpath=following-sibling::dd')).toHaveText('0');
  await expect(panel).toContainText('Everything was freed.');
});

// The "Vec, Map and String" lesson frees everything it allocates: its Memory panel shows no block
// live at exit (owned temporaries such as `s.upper()` are dropped at the end of their statement).
import { test, expect, openPlayground, waitForOutcome } from './fixtures';

test('the Vec, Map and String lesson shows no false leak in Memory', async ({ page }) => {
  await openPlayground(page);
  await page.getByTestId('examples').selectOption('collections');
  await page.getByTestId('run').click();
  await waitForOutcome(page);
  await page.getByRole('tab', { name: 'Memory' }).click();
  const panel = page.getByTestId('memory-panel');
  await expect(panel).toContainText('Live at exit');
  await expect(panel).not.toContainText('leaks unless intended');
});

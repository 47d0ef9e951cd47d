// The diagnostics table in the editor: Explain from Problems and from a marker's code link opens
// the code's explanation; its examples load as new sessions without losing work.
import { test, expect, openPlayground, setCode, editorText } from './fixtures';

const MINE = 'fn main() {\n    let names = Vec<i32>.new();\n    let kept = names;\n    println("{}", names.len());\n}\n';

test('Explain on a Problems entry shows the explanation; the failing example opens in the editor', async ({ page }) => {
  await openPlayground(page);
  await setCode(page, MINE);
  await page.getByRole('tab', { name: /Problems/ }).click();
  const problem = page.getByTestId('problem').filter({ hasText: 'E0113' });
  await expect(problem).toHaveCount(1, { timeout: 10_000 });
  await page.getByRole('button', { name: 'Explain E0113' }).click();

  const dialog = page.getByTestId('explain-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText('E0113: use of a moved value');
  await expect(dialog).toContainText('move when assigned or passed by value');
  // the code's message templates, from the same table the checker takes its texts from
  await expect(page.getByTestId('explain-messages')).toContainText('useMovedValue: use of moved value: `{$localName}`');
  await expect(page.getByTestId('explain-failing')).toContainText('println("{}", v.len());');
  await expect(page.getByTestId('explain-fixed')).toContainText('println("{}", w.len());');

  await dialog.getByRole('button', { name: 'Open the failing example in the editor' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => editorText(page)).toContain('let w = v;');
  expect(await editorText(page)).toContain('println("{}", v.len());');
  await expect(page.getByRole('tab', { name: /Problems/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('problem').filter({ hasText: 'E0113' })).toHaveCount(1, { timeout: 10_000 });
  await expect(page.getByTestId('problem').filter({ hasText: 'E0113' })).toContainText('main.vx:4:');
  // my own program was kept under Recent sessions
  await expect(page.getByTestId('notice-info')).toContainText('Recent sessions');
  await page.getByTestId('recent').click();
  await expect(page.getByRole('menuitem')).toHaveCount(1);
  await page.keyboard.press('Escape');

  // the fix loads the same way and checks clean; the untouched example is not archived again
  await page.getByRole('button', { name: 'Explain E0113' }).click();
  await page.getByTestId('explain-dialog').getByRole('button', { name: 'Open the fixed example in the editor' }).click();
  await expect.poll(() => editorText(page)).toContain('println("{}", w.len());');
  await page.getByRole('tab', { name: /Problems/ }).click();
  await expect(page.getByTestId('problem').filter({ hasText: /E\d{4}/ })).toHaveCount(0, { timeout: 10_000 });
  await page.getByTestId('recent').click();
  await expect(page.getByRole('menuitem')).toHaveCount(1);
  await page.getByRole('menuitem').first().click();
  await expect.poll(() => editorText(page)).toBe(MINE);
});

test("a marker's code in the editor hover is a link to the same explanation", async ({ page }) => {
  await openPlayground(page);
  await setCode(page, MINE);
  const squiggle = page.locator('.monaco-editor .squiggly-error').first();
  await expect(squiggle).toBeVisible({ timeout: 10_000 });
  await squiggle.hover({ force: true });
  const link = page.locator('.monaco-hover a').filter({ hasText: 'E0113' }).first();
  await expect(link).toBeVisible({ timeout: 10_000 });
  await link.click();
  const dialog = page.getByTestId('explain-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText('E0113: use of a moved value');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await editorText(page)).toBe(MINE);
});

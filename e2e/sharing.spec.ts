// Sharing never loses work: opening a link keeps the visitor's autosaved session under Recent
// sessions; the Examples menu is a real menu (arrows move, Enter loads); long links warn.
import { test, expect, openPlayground, setCode, editorText, chooseExample } from './fixtures';

const MINE = 'fn main() {\n    println("my own work");\n}\n';
const THEIRS = 'fn main() {\n    println("from a link");\n}\n';

test('opening a link in another tab keeps my work restorable from Recent sessions', async ({ page, context }) => {
  await openPlayground(page);
  await setCode(page, MINE);
  await page.waitForTimeout(400);

  // someone's link, opened in another tab of the same browser (same localStorage)
  const other = await context.newPage();
  await openPlayground(other);
  await setCode(other, THEIRS);
  await other.waitForTimeout(400);
  const link = other.url();
  expect(link).toContain('#code=');
  await other.close();
  // my tab keeps typing: the autosave is mine again (brought to the front first: the clipboard
  // setCode pastes through works only in the focused document)
  await page.bringToFront();
  await setCode(page, MINE);
  expect(await editorText(page)).toBe(MINE);
  await page.waitForTimeout(400);

  const visitor = await context.newPage();
  await openPlayground(visitor, link.slice(link.indexOf('/#')));
  expect(await editorText(visitor)).toBe(THEIRS);
  await expect(visitor.getByTestId('notice-info')).toContainText('Recent sessions');

  // the bare URL later: the link's session was autosaved last, and mine is in Recent sessions
  await openPlayground(visitor, '/');
  await visitor.getByTestId('recent').click();
  const item = visitor.locator('[role="menu"] [role="menuitem"]').filter({ hasText: 'fn main()' }).first();
  await expect(item).toBeVisible();
  await item.click();
  expect(await editorText(visitor)).toBe(MINE);
  // and what that replaced is kept in turn
  await visitor.getByTestId('recent').click();
  await expect(visitor.locator('[role="menu"] [role="menuitem"]')).not.toHaveCount(0);
  await visitor.keyboard.press('Escape');
  await expect(visitor.locator('[role="menu"]')).toHaveCount(0);
  await visitor.close();
});

test('the Examples menu moves with the arrow keys and loads only on Enter', async ({ page }) => {
  await openPlayground(page);
  await setCode(page, MINE);
  const menuButton = page.getByTestId('examples');
  await menuButton.focus();
  await page.keyboard.press('ArrowDown'); // opens, first item focused
  await expect(page.getByRole('menu', { name: 'Examples' })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  expect(await editorText(page)).toBe(MINE); // moving loaded nothing
  await expect(page.getByRole('menuitem').nth(2)).toBeFocused();
  await expect(page.getByRole('menuitem').nth(2)).toHaveText(/^3\. /);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(menuButton).toBeFocused();
  expect(await editorText(page)).toMatch(/^\/\/ Lesson 3:/);
  // my code was not thrown away
  await page.getByTestId('recent').click();
  await expect(page.getByRole('menuitem').filter({ hasText: 'fn main()' })).toHaveCount(1);
});

test('a share link over 8 KB warns why', async ({ page }) => {
  await openPlayground(page);
  // varied text compresses poorly, so the link really grows
  const lines = Array.from({ length: 1500 }, (_, i) => `    println("${(i * 2654435761 % 1000003).toString(36)} ${i}");`);
  await setCode(page, `fn main() {\n${lines.join('\n')}\n}\n`);
  await page.getByTestId('share').click();
  await expect(page.getByTestId('notice-warning')).toContainText('8 KB');
  await chooseExample(page, 'hello');
});

test('a bug report made before any run runs first and carries diagnostics, platform and an Expected section', async ({ page }) => {
  await openPlayground(page);
  await setCode(page, 'fn main() {\n    let n: i32 = "seven";\n    println("{}", n);\n}\n');
  await page.getByTestId('bug-report').click();
  await expect(page.getByTestId('notice-info').last()).toContainText('Bug report copied');
  const md = await page.evaluate(() => navigator.clipboard.readText());
  expect(md).toContain('### Expected');
  expect(md).toMatch(/- Browser: Chrome \d+ on Linux/);
  expect(md).toContain('- Outcome: Compilation failed: 1 error');
  expect(md).not.toMatch(/see Problems|Panic panel/);
  expect(md).toMatch(/Compiler diagnostics:\n\n```text\nerror\[E\d+\]: mismatched types/);
  expect(md).toContain(' --> main.vx:2:');

  // after an edit, the report describes the new code's run, not the old one
  await setCode(page, 'fn main() {\n    println("fine");\n}\n');
  await page.getByTestId('bug-report').click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('```text\nfine\n```');
  const md2 = await page.evaluate(() => navigator.clipboard.readText());
  expect(md2).toContain('- Outcome: Exited with code 0');
  expect(md2).not.toContain('Compiler diagnostics');
});

// Editor intelligence: Format Document and the Generated JS view.
import { test, expect, openPlayground, setCode, editorText } from './fixtures';

test('Format Document re-indents the program through the worker; a syntax error is left alone', async ({ page }) => {
  await openPlayground(page);
  await setCode(page, 'fn main() {\n  let x = 1 ;\n      println("{}",x);\n}\n');
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Shift+I'); // Format Document on Linux (Shift+Alt+F elsewhere)
  await expect.poll(() => editorText(page)).toBe('fn main() {\n    let x = 1;\n    println("{}", x);\n}\n');

  const broken = 'fn main() {\n  let x = ;\n}\n';
  await setCode(page, broken);
  await page.keyboard.press('Control+Shift+I'); // Format Document on Linux (Shift+Alt+F elsewhere)
  await page.waitForTimeout(500);
  expect(await editorText(page)).toBe(broken);
});

test('the Generated JS panel shows the compiled JavaScript and follows edits', async ({ page }) => {
  await openPlayground(page);
  await setCode(page, 'fn greet_visitor(n: i32): i32 { return n * 7; }\nfn main() { println("{}", greet_visitor(6)); }\n');
  await page.getByRole('tab', { name: 'Generated JS' }).click();
  const js = page.getByTestId('generated-js');
  await expect(js).toContainText('greet_visitor', { timeout: 10_000 });
  await expect(js).toContainText('$imul(');
  // read-only: a <pre>, not an editable control
  expect(await js.evaluate((el) => (el as HTMLElement).isContentEditable)).toBe(false);

  await setCode(page, 'fn main() { let x: i32 = "no"; }\n');
  await expect(page.getByTestId('generated-js-empty')).toContainText('does not compile (1 error)', { timeout: 10_000 });
  await setCode(page, 'fn shout_twice() { println("hey"); }\nfn main() { shout_twice(); }\n');
  await expect(page.getByTestId('generated-js')).toContainText('shout_twice', { timeout: 10_000 });
});

test('an unused variable is a warning marker whose quick fix renames it to `_x`', async ({ page }) => {
  await openPlayground(page);
  await setCode(page, 'fn main() {\n    let spare = 1;\n    println("hi");\n}\n');
  await expect(page.locator('.monaco-editor .squiggly-warning').first()).toBeVisible({ timeout: 10_000 });
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(0);
  // cursor onto the warning, then Ctrl+. (Quick Fix) and Enter on the offered fix
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft'); // inside `spare`
  await page.keyboard.press('Control+.');
  await expect(page.getByText('Rename to `_spare`')).toBeVisible({ timeout: 5_000 });
  await page.keyboard.press('Enter');
  await expect.poll(() => editorText(page)).toBe('fn main() {\n    let _spare = 1;\n    println("hi");\n}\n');
  await expect(page.locator('.monaco-editor .squiggly-warning')).toHaveCount(0, { timeout: 10_000 });
});

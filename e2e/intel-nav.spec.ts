// Editor intelligence, part two: signature help, find references (one tab and across tabs),
// the quick outline, the unused-import warning and its fix, and the editor surviving the layout
// breakpoint with its undo history.
import { test, expect, openPlayground, setCode, editorText, typeCode, cursorAt } from './fixtures';
import type { Page } from '@playwright/test';

/** Opens `code`, types `typed` at `line`:`col` and waits for the signature help to show `shows`. */
async function signatureHelp(page: Page, code: string, line: number, col: number, typed: string, shows: string) {
  await openPlayground(page);
  await setCode(page, code);
  await cursorAt(page, line, col);
  await typeCode(page, typed);
  const hints = page.locator('.parameter-hints-widget');
  await expect(hints).toContainText(shows, { timeout: 10_000 });
  return hints;
}

test('signature help shows the parameters while typing a call, the current one highlighted', async ({ page }) => {
  const hints = await signatureHelp(page, 'fn area(width: i32, height: i32): i32 { return width * height; }\nfn main() {\n    \n}\n', 3, 5, 'println("{}", area(3', 'fn area(width: i32, height: i32): i32');
  await expect(hints.locator('.parameter.active')).toHaveText('width: i32');
  await typeCode(page, ', ');
  await expect(hints.locator('.parameter.active')).toHaveText('height: i32');
});

test('signature help lists every overload, the one the arguments fit active', async ({ page }) => {
  const code = 'fn scale(x: i32): i32 { return x; }\nfn scale(x: f64, by: f64): f64 { return x * by; }\nfn scale(s: str): i32 { return 0; }\nfn main() {\n    \n}\n';
  const hints = await signatureHelp(page, code, 5, 5, 'println("{}", scale(1.5, ', 'fn scale(x: f64, by: f64): f64');
  await expect(hints.locator('.overloads')).toHaveText('2/3');
  await expect(hints.locator('.parameter.active')).toHaveText('by: f64');
  await page.keyboard.press('Alt+ArrowDown'); // the next member of the set
  await expect(hints).toContainText('fn scale(s: str): i32');
  await expect(hints.locator('.overloads')).toHaveText('3/3');
});

test('signature help for a builtin method shows the receiver\'s type arguments', async ({ page }) => {
  await signatureHelp(page, 'fn main() {\n    let! v = Vec<i64>.new();\n    \n    println("{}", v.len());\n}\n', 3, 5, 'v.push(', 'Vec<i64>.push(i64)');
});

test('find references (Shift+F12) lists every use of a variable, not a shadowing one', async ({ page }) => {
  await openPlayground(page);
  await setCode(page, [
    'fn main() {',
    '    let total = 1;',
    '    let doubled = total * 2;',
    '    { let total = 5; println("{}", total); }',
    '    println("{} {}", total, doubled);',
    '}',
    '',
  ].join('\n'));
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(0);
  await cursorAt(page, 2, 11); // inside `total`
  await page.keyboard.press('Shift+F12');
  const peek = page.locator('.peekview-widget');
  await expect(peek).toBeVisible({ timeout: 10_000 });
  await expect(peek.locator('.peekview-title')).toContainText('References (3)');
  const items = peek.getByRole('treeitem');
  await expect(items).toHaveCount(3); // one file: the references only, lines 2, 3 and 5 (not line 4's `total`)
  for (const [i, line] of [[0, 2], [1, 3], [2, 5]]) await expect(items.nth(i)).toHaveAttribute('aria-label', new RegExp(`on line ${line} `));
});

test('find references across tabs: a standard-module function used in two files', async ({ page }) => {
  await openPlayground(page);
  await setCode(page, 'import { sqrt } from "math";\nfn main() {\n    println("{}", sqrt(2.0));\n}\n');
  await page.getByRole('button', { name: 'Add file' }).click();
  await setCode(page, 'import * as m from "math";\nfn side(): f64 {\n    return m.sqrt(9.0) + m.sqrt(4.0);\n}\n');
  await page.getByRole('tab', { name: 'main.vx' }).click();
  await cursorAt(page, 3, 20); // inside `sqrt`
  await page.keyboard.press('Shift+F12');
  const peek = page.locator('.peekview-widget');
  await expect(peek.locator('.peekview-title')).toContainText('References (4)', { timeout: 10_000 });
  // grouped by file: 2 in each tab (main.vx: the import and the call; file1.vx: two calls)
  await expect(peek.getByRole('treeitem', { name: '2 symbols in main.vx, full path /main.vx' })).toBeVisible();
  const other = peek.getByRole('treeitem', { name: '2 symbols in file1.vx, full path /file1.vx' });
  await expect(other).toBeVisible();
  // opening a reference in the other tab switches to that tab
  await other.click(); // expands the group
  const ref = peek.getByRole('treeitem', { name: /in file1\.vx on line 3 at column 14/ });
  await ref.click(); // previews it
  await expect(peek.locator('.peekview-title')).toContainText('file1.vx');
  await page.waitForTimeout(500); // (a double click while the preview loads makes Monaco report its cancellation)
  await ref.dblclick(); // goes there
  await expect(page.getByRole('tab', { name: 'file1.vx', selected: true })).toBeVisible();
  await expect.poll(() => editorText(page)).toContain('import * as m from "math";');
});

test('the quick outline (Ctrl+Shift+O) lists functions, types and their members', async ({ page }) => {
  await openPlayground(page);
  await setCode(page, `const LIMIT: i32 = 3;
struct Point { x: i32, y: i32 }
fn (p: &Point) sum(): i32 { return p.x + p.y; }
enum Shape { Dot, Circle(f64) }
fn main() {
    println("{}", Point { x: LIMIT, y: 2 }.sum());
}
`);
  await cursorAt(page, 1, 1);
  await page.keyboard.press('Control+Shift+O');
  const rows = page.locator('.quick-input-widget .monaco-list-row');
  await expect(rows).toHaveCount(9, { timeout: 10_000 }); // LIMIT, Point, x, y, sum, Shape, Dot, Circle, main
  const labels = (await rows.locator('.label-name').allTextContents()).map((l) => l.trim());
  for (const name of ['LIMIT', 'Point', 'x', 'y', 'sum', 'Shape', 'Dot', 'Circle', 'main']) expect(labels).toContain(name);
  await page.keyboard.type('Circ');
  await expect(rows).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => (window as unknown as { __vexEditor: { getPosition(): { lineNumber: number } } }).__vexEditor.getPosition().lineNumber)).toBe(4);
});

test('an unused import is a warning whose quick fix removes it', async ({ page }) => {
  await openPlayground(page);
  await setCode(page, 'import { sqrt } from "math";\nfn main() {\n    println("hi");\n}\n');
  await expect(page.locator('.monaco-editor .squiggly-warning').first()).toBeVisible({ timeout: 10_000 });
  await cursorAt(page, 1, 11); // inside `sqrt`
  await page.keyboard.press('Control+.');
  await expect(page.getByText('Remove the unused import')).toBeVisible({ timeout: 5_000 });
  await page.keyboard.press('Enter');
  await expect.poll(() => editorText(page)).toBe('fn main() {\n    println("hi");\n}\n');
  await expect(page.locator('.monaco-editor .squiggly-warning')).toHaveCount(0, { timeout: 10_000 });
});

test('crossing the 800 px breakpoint keeps the text, the cursor and the undo history', async ({ page }) => {
  await openPlayground(page);
  await setCode(page, 'fn main() {\n    \n}\n');
  await cursorAt(page, 2, 5);
  await typeCode(page, 'println("one");');
  const typed = 'fn main() {\n    println("one");\n}\n';
  await expect.poll(() => editorText(page)).toBe(typed);
  await page.setViewportSize({ width: 700, height: 800 });
  await expect(page.locator('.app.narrow')).toBeVisible();
  await expect(page.locator('.monaco-editor')).toBeVisible();
  expect(await editorText(page)).toBe(typed);
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(page.locator('.app.narrow')).toHaveCount(0);
  await expect(page.locator('.monaco-editor')).toBeVisible();
  const pos = await page.evaluate(() => (window as unknown as { __vexEditor: { getPosition(): { lineNumber: number; column: number } } }).__vexEditor.getPosition());
  expect(pos).toEqual({ lineNumber: 2, column: 20 });
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => editorText(page)).not.toBe(typed);
  // undoing further gets back to the text before typing (the history from before the resize)
  const before = 'fn main() {\n    \n}\n';
  for (let i = 0; i < 20 && (await editorText(page)) !== before; i++) await page.keyboard.press('ControlOrMeta+Z');
  expect(await editorText(page)).toBe(before);
});

// Running programs: keyboard and button, Stop, limits, and the Output panel.
import { test, expect, openPlayground, setCode, waitForOutcome, outputLines, screenshot } from './fixtures';

const HELLO = 'fn main() {\n    println("hello");\n    println("second line");\n}\n';

test('runs with Ctrl+Enter and with the Run button', async ({ page }) => {
  await openPlayground(page);
  await setCode(page, HELLO);
  await page.keyboard.press('ControlOrMeta+Enter');
  expect(await waitForOutcome(page)).toContain('Exited with code 0');
  expect(await outputLines(page, 'stdout')).toEqual(['hello', 'second line']);
  await page.getByRole('button', { name: 'Copy', exact: true }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('hello\nsecond line');
  await setCode(page, 'fn main(): i32 {\n    println("bye");\n    return 3;\n}\n');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('outcome')).toContainText('Exited with code 3');
  expect(await outputLines(page, 'stdout')).toEqual(['bye']);
  await expect(page.getByTestId('outcome')).toContainText(/\d+ steps? · [\d.]+ ms/);
  await screenshot(page, 'panel-output');
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(page.locator('.out-line')).toHaveCount(0);
});

test('Stop ends an endless loop at once and the next run works', async ({ page }) => {
  await openPlayground(page);
  // no step limit: on a fast machine the default one could end the loop before Stop is clicked
  await page.getByTestId('settings').click();
  await page.getByLabel('Fuel (max steps, 0 = unlimited)').fill('0');
  await page.getByRole('button', { name: 'Save' }).click();
  await setCode(page, 'fn main() {\n    let! i = 0;\n    loop {\n        i += 1;\n    }\n}\n');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('run-status')).toContainText('Running');
  await page.getByTestId('stop').click();
  await expect(page.getByTestId('outcome')).toHaveText('Stopped by you');
  await setCode(page, HELLO);
  await page.getByTestId('run').click();
  expect(await waitForOutcome(page)).toContain('Exited with code 0');
  expect(await outputLines(page, 'stdout')).toEqual(['hello', 'second line']);
});

test('an endless loop hits the fuel limit with a clear message', async ({ page }) => {
  await openPlayground(page);
  await page.getByTestId('settings').click();
  await page.getByLabel('Fuel (max steps, 0 = unlimited)').fill('100000');
  await page.getByRole('button', { name: 'Save' }).click();
  await setCode(page, 'fn main() {\n    let! i = 0;\n    while true {\n        i += 1;\n    }\n}\n');
  await page.getByTestId('run').click();
  expect(await waitForOutcome(page)).toContain('step limit reached (100,000 steps)');
});

test('endless output is capped and the page stays responsive', async ({ page }) => {
  await openPlayground(page);
  await setCode(page, 'fn main() {\n    let! i = 0;\n    loop {\n        println("line {}", i);\n        i += 1;\n    }\n}\n');
  await page.getByTestId('run').click();
  // the page keeps answering while the worker prints
  await expect(page.getByTestId('run-status')).toContainText(/Running|Stopped/);
  await page.getByRole('tab', { name: 'Problems' }).click();
  await page.getByRole('tab', { name: 'Output' }).click();
  expect(await waitForOutcome(page, 60_000)).toMatch(/output limit|step limit/);
  await expect(page.getByTestId('dropped')).toBeVisible();
  const last = (await outputLines(page, 'stdout')).pop();
  expect(last).toMatch(/^line \d+$/);
});

test('a huge allocation ends cleanly', async ({ page }) => {
  await openPlayground(page);
  await setCode(page, 'fn main() {\n    let p = alloc(4000000000);\n    println("got it");\n}\n');
  await page.getByTestId('run').click();
  const outcome = await waitForOutcome(page);
  expect(outcome).toMatch(/heap limit|Aborted|Panicked|Exited with code 134/);
  expect(outcome).not.toContain('Internal error');
  expect(await outputLines(page, 'stdout')).not.toContain('got it');
});

test('150,000 lines of output stay smooth: only visible rows are in the DOM', async ({ page }) => {
  await openPlayground(page);
  await setCode(page, 'fn main() {\n    for i in 0..150000 {\n        println("row {}", i);\n    }\n}\n');
  await page.getByTestId('run').click();
  expect(await waitForOutcome(page, 60_000)).toContain('Exited with code 0');
  const rows = await page.locator('.output-lines .vrow').count();
  expect(rows).toBeGreaterThan(5);
  expect(rows).toBeLessThan(200);
  // sticks to the bottom: the last line is visible; the oldest were dropped with a note
  await expect(page.locator('.out-line[data-stream="stdout"]').filter({ hasText: /^row 149999$/ })).toBeVisible();
  await expect(page.getByTestId('dropped')).toContainText('lines dropped');
  // scrolling to the top shows the earliest kept line without freezing
  const t0 = Date.now();
  await page.locator('.output-lines').evaluate((el) => { el.scrollTop = 0; });
  await expect(page.locator('.out-line').first()).toBeVisible();
  expect(Date.now() - t0).toBeLessThan(2000);
  await screenshot(page, 'panel-output-large');
});

test('SIGINT reaches a running program: its handler runs, then the default action ends it', async ({ page }) => {
  await openPlayground(page);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await setCode(page, [
    'thread_local let! hits: i32 = 0;',
    'extern "C" fn on_int(sig: i32) {',
    '    hits += 1;',
    '    println("got signal {}", sig);',
    '}',
    'fn main() {',
    '    signal(SIGINT, on_int);',
    '    let! i = 0;',
    '    while hits == 0 { i += 1; }',
    '    println("handled, continuing");',
    '    signal_default(SIGINT);',
    '    loop { i += 1; }',
    '}',
    '',
  ].join('\n'));
  await page.getByTestId('settings').click();
  await page.getByLabel('Fuel (max steps, 0 = unlimited)').fill('0');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByTestId('run').click();
  await expect(page.getByTestId('run-status')).toContainText('Running');
  await page.getByTestId('sigint').click();
  await expect(page.locator('.out-line').filter({ hasText: 'handled, continuing' })).toBeVisible({ timeout: 10_000 });
  await page.getByTestId('sigint').click();
  expect(await waitForOutcome(page)).toContain('exit code 130');
  expect(await outputLines(page, 'stdout')).toEqual(['got signal 2', 'handled, continuing']);
  expect(await outputLines(page, 'stderr')).toContain('terminated by signal 2');
});

test('a compile error reports in Output and opens Problems; a library lists its exports', async ({ page }) => {
  await openPlayground(page);
  await setCode(page, 'fn main() {\n    let x = 1;\n    x = 2;\n}\n');
  await page.getByTestId('run').click();
  await expect(page.getByRole('tab', { name: /Problems/ })).toHaveAttribute('aria-selected', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('problem').first()).toContainText('main.vx:3:');
  await page.getByRole('tab', { name: 'Output' }).click();
  await expect(page.getByTestId('outcome')).toContainText(/Compilation failed: \d+ errors? \(see Problems\)/);
  // fixing the code clears Problems without another run (the live check wins over the stale run)
  await setCode(page, 'fn main() {\n    let! x = 1;\n    x = 2;\n}\n');
  await page.getByRole('tab', { name: /Problems/ }).click();
  await expect(page.getByTestId('problem')).toHaveCount(0, { timeout: 10_000 });
  await setCode(page, '#[no_main]\nexport fn add(a: i32, b: i32): i32 { return a + b; }\n');
  await page.getByTestId('run').click();
  expect(await waitForOutcome(page)).toContain('Exited with code 0');
  await expect(page.getByTestId('exports')).toContainText('library: add(i32, i32): i32');
});

// Run settings and failure reporting in the browser: the "Panic strategy: abort" setting (catch_panic
// does not catch, nothing unwinds, exit 134) and an internal error of the toolchain, which keeps
// what the program printed. The internal error is injected by the page's test hook
// `?testFault=after-run` (src/ui/run/worker-client.ts): no Vex program fails inside the toolchain.
import { test, expect, openPlayground, setCode, waitForOutcome, outputLines } from './fixtures';

const RISKY = `struct Guard impl Drop {
    tag: str,
    fn drop()! { println("drop {}", self.tag); }
}
fn risky(n: i32): i32 {
    let _g = Guard { tag: "inner" };
    defer println("deferred");
    if n > 3 { panic(f"too big: {n}"); }
    return n;
}
fn main() {
    println("start {}", risky(1));
    let r = catch_panic(|| risky(7));
    println("caught {}", r.is_err());
}
`;

test('Panic strategy: abort — catch_panic does not catch and the program aborts with 134', async ({ page }) => {
  await openPlayground(page);
  await setCode(page, RISKY);
  // with the default (unwind) the panic is caught
  await page.getByTestId('run').click();
  expect(await waitForOutcome(page)).toContain('Exited with code 0');
  expect(await outputLines(page, 'stdout')).toEqual(['deferred', 'drop inner', 'start 1', 'deferred', 'drop inner', 'caught true']);

  await page.getByTestId('settings').click();
  await page.getByLabel('Panic strategy').selectOption('abort');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByTestId('run').click();
  const outcome = await waitForOutcome(page);
  expect(outcome).toContain('134');
  expect(outcome).not.toContain('Exited with code 0');
  // the first call ran normally; the panic ran no defer or drop and nothing after catch_panic
  expect(await outputLines(page, 'stdout')).toEqual(['deferred', 'drop inner', 'start 1']);
  expect(await outputLines(page, 'stderr')).toContain('panic: too big: 7');
});

test('an internal error keeps the output printed before it, then reports it as ours', async ({ page }) => {
  await openPlayground(page, '/?testFault=after-run');
  await setCode(page, 'fn main() {\n    println("first line");\n    for i in 0..3 { println("line {}", i); }\n    println("last line");\n}\n');
  await page.getByTestId('run').click();
  const outcome = await waitForOutcome(page);
  expect(outcome).toContain('Internal error in the playground (not a result of your program)');
  expect(outcome).toContain('injected toolchain fault');
  expect(await outputLines(page, 'stdout')).toEqual(['first line', 'line 0', 'line 1', 'line 2', 'last line']);
  await expect(page.locator('.internal-stack summary')).toHaveText('Details for a bug report');

  // the hook is the page's, not the program's: without it the same program exits normally
  await openPlayground(page, '/');
  await setCode(page, 'fn main() {\n    println("first line");\n}\n');
  await page.getByTestId('run').click();
  expect(await waitForOutcome(page)).toContain('Exited with code 0');
});

// The stack model in the browser worker: the default 1 MiB stack holds 4,096 active calls of
// frames with realistic locals, a defer and a Drop value each; deeper recursion is a clean stack
// overflow. Past ~400 frames recursion runs as heap frames (codegen/deep.ts), so a larger stack
// setting gives real depth, far beyond the worker's own JavaScript stack (~1,900 such frames).
import { test, expect, openPlayground, setCode, waitForOutcome, outputLines, setStackKiB, runExpectingOverflow } from './fixtures';

const DEEP = (n: number) => `struct Guard impl Drop {
    depth: i32,
    fn drop()! { if self.depth == -1 { println("never"); } }
}
fn dive(n: i32, acc: i64): i64 {
    let g = Guard { depth: n };
    let twice = acc * 2;
    let label = f"level {n}";
    defer { if n == -1 { println("{}", label); } }
    if n == 0 { return acc; }
    return dive(n - 1, acc + 1) + twice - twice;
}
fn main() {
    println("depth reached: {}", dive(${n}, 0));
}
`;

test('4,096 frames fit the default stack in the browser worker', async ({ page }) => {
  await openPlayground(page);
  // main + 4,094 dive frames + the deepest frame's Guard.drop() call = 4,096 active calls of
  // 256 bytes = exactly 1 MiB (the drop runs on top of its frame: it is an active call too)
  await setCode(page, DEEP(4093));
  await page.getByTestId('run').click();
  expect(await waitForOutcome(page)).toContain('Exited with code 0');
  expect(await outputLines(page, 'stdout')).toEqual(['depth reached: 4093']);
});

test('one frame more is a clean stack overflow, not a JavaScript error', async ({ page }) => {
  await openPlayground(page);
  await setCode(page, DEEP(4094));
  await page.getByTestId('run').click();
  const outcome = await waitForOutcome(page);
  expect(outcome).not.toContain('Internal error');
  expect(outcome).toMatch(/134|stack overflow|Aborted/i);
  const err = await outputLines(page, 'stderr');
  expect(err).toContain('fatal: stack overflow (stack 1048576 bytes)');
  // the model's limit, not the host's
  expect(err.join('\n')).not.toContain('note:');
});

test('a 32 MiB stack setting gives 100,000 frames in the worker', async ({ page }) => {
  await openPlayground(page);
  await page.getByTestId('settings').click();
  await page.getByLabel('Main stack size (KiB)').fill(String(32 * 1024));
  await page.getByRole('button', { name: 'Save' }).click();
  await setCode(page, DEEP(100_000));
  await page.getByTestId('run').click();
  expect(await waitForOutcome(page, 60_000)).toContain('Exited with code 0');
  expect(await outputLines(page, 'stdout')).toEqual(['depth reached: 100000']);
});

test('the largest stack setting (64 MiB, 262,144 frames) is reached in the worker and reported cleanly', async ({ page }) => {
  test.setTimeout(120_000);
  await openPlayground(page);
  await setStackKiB(page, 64 * 1024);
  await setCode(page, DEEP(10_000_000));
  // the model's limit: the heap frames (core/deep.ts DEEP_MAX) reach at least this far
  await runExpectingOverflow(page, 64 * 1024 * 1024);
});

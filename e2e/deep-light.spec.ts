// Light recursive functions run plain up to DEEP_LIGHT_AT (runtime/core/deep.ts) before heap
// frames take over; in the browser worker (the smallest host stack we run on) the worst mix must
// still fit: heavy plain frames up to DEEP_AT, light plain frames up to DEEP_LIGHT_AT, then heavy
// frames again inside the trampoline. Run three times: V8's tiers give frames of different sizes.
// The worker's host-stack probe (runtime/core/host-stack.ts) keeps the constants there (its count
// is about PROBE_REF, measured in this worker: scale 1), so these are the thresholds the run uses.
import { test, expect, openPlayground, setCode, waitForOutcome, outputLines, setStackKiB, runExpectingOverflow } from './fixtures';
import { MIXED } from '../src/lang/codegen/deep-mixed.test-util';
import { DEEP_AT, DEEP_LIGHT_AT } from '../src/runtime/core/deep';

test('heavy, then light past its threshold, then heavy heap frames: no host stack overflow', async ({ page }) => {
  test.setTimeout(120_000);
  await openPlayground(page);
  await setStackKiB(page, 32 * 1024);
  await setCode(page, MIXED(DEEP_LIGHT_AT - DEEP_AT + 2, 20_000));
  for (let i = 0; i < 3; i++) {
    await page.getByTestId('run').click();
    expect(await waitForOutcome(page, 60_000)).toContain('Exited with code 0');
    expect(await outputLines(page, 'stdout')).toEqual(['reached 21915']);
    expect(await outputLines(page, 'stderr')).toEqual([]);
  }
});

test('a light recursion past a 64 MiB stack is the model overflow, not a host error', async ({ page }) => {
  test.setTimeout(120_000);
  await openPlayground(page);
  await setStackKiB(page, 64 * 1024);
  await setCode(page, `fn down(n: i32): i32 { if n == 0 { return 0; } return down(n - 1) + 1; }
fn main() { println("{}", down(10000000)); }
`);
  await runExpectingOverflow(page, 64 * 1024 * 1024);
});

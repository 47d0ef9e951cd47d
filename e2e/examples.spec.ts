// Every example from the menu runs to its expected output and exit status.
import { readFileSync } from 'node:fs';
import { test, expect, chooseExample, openPlayground, waitForOutcome, outputLines } from './fixtures';
import { EXAMPLES } from '../src/ui/examples/catalog';
import { linesInOrder } from '../tests/lines-in-order';

for (const ex of EXAMPLES) {
  test(`example ${ex.id} prints its expected output`, async ({ page }) => {
    const expected = readFileSync(new URL(`../src/ui/examples/${ex.id}.out`, import.meta.url), 'utf8');
    await openPlayground(page);
    await chooseExample(page, ex.id);
    await page.getByTestId('run').click();
    const outcome = await waitForOutcome(page);
    expect(outcome).toContain(ex.exit === 0 ? 'Exited with code 0' : `exit code ${ex.exit}`);
    expect((await outputLines(page, 'stdout')).join('\n') + '\n').toBe(expected);
    if (ex.stderr) {
      const err = await outputLines(page, 'stderr');
      expect(linesInOrder(ex.stderr, err), `stderr lines in order in ${err.join('\n')}`).toBeNull();
    }
  });
}

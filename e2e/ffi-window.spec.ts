// The FFI call list is windowed: a run with 5,000 recorded foreign calls keeps only the calls in
// view in the DOM, and every one of them (the last included) is reachable by scrolling; the
// scrubber cuts the list at its position. The trace is handed to the run store directly (a real
// program's libm calls are sampled after 64 per symbol), the same way bench:views does.
import { test, expect, openPlayground } from './fixtures';

test('5,000 foreign calls: windowed list, the last call reachable, the scrubber cuts it', async ({ page }) => {
  await openPlayground(page);
  await page.evaluate(() => {
    const w = window as unknown as { __vexStores: { useRun: { setState(s: object): void }; useUi: { getState(): { setActivePanel(p: string): void } } } };
    const tr: object[] = [];
    const types = { vex: ['i32'], c: ['i32'], retVex: 'i32', retC: 'i32' };
    for (let id = 0; id < 5000; id++) {
      if (id % 3 === 2) for (let c = 0; c < 2; c++) tr.push({ t: 'ffi-callback', call: id, fn: 'cmp', args: ['1', '2'], ret: '0', task: 0 });
      tr.push({ t: 'ffi', fn: id % 3 === 2 ? 'qsort' : 'abs', args: [String(-id)], ret: String(id), task: 0, id, types, loc: { file: 'main.vx', line: 3, col: 5 }, callbacks: id % 3 === 2 ? 2 : 0 });
    }
    w.__vexStores.useRun.setState({ status: 'done', trace: tr, end: { kind: 'outcome', outcome: { kind: 'exited', code: 0 }, exitCode: 0 } });
    w.__vexStores.useUi.getState().setActivePanel('ffi');
  });
  const panel = page.getByTestId('ffi-panel');
  const list = panel.getByRole('list', { name: 'Foreign calls' });
  await expect(list).toHaveAttribute('data-calls', '5000');
  const rows = panel.getByTestId('ffi-call');
  await expect(rows.first()).toContainText('abs');
  expect(await rows.count()).toBeLessThan(60); // only the calls in view (and a few more)
  // scroll to the end: the last call (id 4999, abs(-4999) returns 4999) is drawn
  await panel.evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await expect(panel.locator('[data-testid="ffi-call"]').last()).toContainText('returns 4999');
  expect(await rows.count()).toBeLessThan(60);
  // the rows do not overlap: each starts below the previous one's bottom
  const boxes = await rows.evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return [r.top, r.bottom]; }));
  for (let i = 1; i < boxes.length; i++) expect(boxes[i][0]).toBeGreaterThanOrEqual(boxes[i - 1][1] - 0.5);
  // the scrubber: at position 30 only the calls before it are listed
  await page.evaluate(() => (window as unknown as { __vexStores: { useScrub: { getState(): { setPosition(p: number): void } } } }).__vexStores.useScrub.getState().setPosition(30));
  const before = await page.evaluate(() => {
    const tr = (window as unknown as { __vexStores: { useRun: { getState(): { trace: { t: string }[] } } } }).__vexStores.useRun.getState().trace;
    return tr.slice(0, 30).filter((e) => e.t === 'ffi').length;
  });
  await expect(list).toHaveAttribute('data-calls', String(before));
});

// The Memory panel's pictures: heap map, arena bars, live-heap chart, leaks; they follow the shared
// trace position (set here through the scrub store, as the scrubber does).
import type { Page } from '@playwright/test';
import { test, expect, openPlayground, waitForOutcome, screenshot, highlightedLine, chooseExample } from './fixtures';

async function runLesson(page: Page, id: string) {
  await openPlayground(page);
  await chooseExample(page, id);
  await page.getByTestId('run').click();
  await waitForOutcome(page);
  await page.getByRole('tab', { name: 'Memory' }).click();
}

/** The trace position just before the arena value's drop (its region goes then, main's end). */
const beforeArenaDrop = (page: Page) =>
  page.evaluate(() => (window as unknown as { __vexStores: { useRun: { getState(): { trace: { t: string; op?: string }[] } } } }).__vexStores.useRun.getState().trace.findIndex((e) => e.t === 'arena' && e.op === 'release'));

const setPosition = (page: Page, p: number | null) =>
  page.evaluate((v) => (window as unknown as { __vexStores: { useScrub: { getState(): { setPosition(p: number | null): void } } } }).__vexStores.useScrub.getState().setPosition(v), p);

/** Moves the mouse along the map's rows until the tooltip names an allocation site. */
async function hoverABlock(page: Page): Promise<{ x: number; y: number; text: string }> {
  const canvas = page.getByRole('group', { name: 'Heap map' }).locator('canvas');
  const box = (await canvas.boundingBox())!;
  for (let y = 8; y < box.height; y += 26) {
    for (let x = 3; x < box.width; x += 6) {
      await page.mouse.move(box.x + x, box.y + y);
      const tip = page.getByRole('tooltip');
      if (await tip.isVisible()) {
        const text = (await tip.textContent()) ?? '';
        if (/allocated at main\.vx:\d+/.test(text)) return { x: box.x + x, y: box.y + y, text };
      }
    }
  }
  throw new Error('no block with a site on the map');
}

test('allocators lesson: heap map by allocator, arena with bump pointer until its drop, chart with peak and reset, no leaks', async ({ page }) => {
  await runLesson(page, 'allocators');
  const map = page.getByRole('group', { name: 'Heap map' });
  await expect(map).toBeVisible();
  const legend = page.getByRole('list', { name: 'Heap map legend' });
  await expect(legend).toContainText('Counting (Vex allocator)');
  await expect(legend).toContainText('system allocator');
  await expect(legend).toContainText('free space');
  // main's end drops the arena: its region and its block are gone at the end of the run
  await expect(page.getByRole('img', { name: /arena #1/ })).toHaveCount(0);
  const drop = await beforeArenaDrop(page);
  expect(drop).toBeGreaterThan(0);
  await setPosition(page, drop);
  await expect(page.getByRole('img', { name: /arena #1 at 0x[0-9a-f]+: 16 B of 32 B used, 1 live blocks, 1 resets/ })).toBeVisible();
  await setPosition(page, null);
  const chart = page.getByRole('img', { name: 'Live heap over time' });
  await expect(chart).toBeVisible();
  await expect(chart.getByTestId('chart-peak')).toContainText('peak');
  await expect(chart.getByTestId('chart-reset')).toHaveCount(1);
  await expect(page.getByText('Everything was freed.')).toBeVisible();
  await setPosition(page, drop);
  await screenshot(page, 'heapmap-allocators');
});

test('hovering a block tells its address, size, site, task and age; clicking reveals the line', async ({ page }) => {
  await runLesson(page, 'allocators');
  await setPosition(page, await beforeArenaDrop(page)); // (at the end everything was freed)
  const hit = await hoverABlock(page);
  expect(hit.text).toMatch(/block at 0x[0-9a-f]+, \d+ B/);
  expect(hit.text).toMatch(/by main/);
  expect(hit.text).toMatch(/age: [\d,]+ events/);
  const line = Number(/allocated at main\.vx:(\d+)/.exec(hit.text)![1]);
  await screenshot(page, 'heapmap-tooltip');
  await page.mouse.click(hit.x, hit.y);
  await expect.poll(() => highlightedLine(page)).toBe(line);

  // the keyboard reaches every cell too: arrows move, the tooltip follows, Enter reveals
  await setPosition(page, 3); // the Vec's 64-byte buffer, after its 32-byte one was freed
  await page.mouse.move(0, 0);
  const map = page.getByRole('group', { name: 'Heap map' });
  await map.focus();
  await page.keyboard.press('Home');
  await expect(page.getByRole('tooltip')).toContainText(/free space at 0x[0-9a-f]+, 48 B/);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tooltip')).toContainText(/Counting block at 0x[0-9a-f]+, 64 B/);
  await expect(page.getByRole('tooltip')).toContainText('allocated at main.vx:40');
  await page.keyboard.press('Enter');
  await expect.poll(() => highlightedLine(page)).toBe(40);
});

test('the scrub position changes the map and moves the chart cursor', async ({ page }) => {
  await runLesson(page, 'allocators');
  const heading = page.locator('h3', { hasText: 'Heap map' });
  await expect(heading).toContainText(/at event (\d[\d,]*) of \1/);
  // late in the run, before main's end frees everything
  const late = await beforeArenaDrop(page);
  await setPosition(page, late);
  await expect(heading).toContainText(`at event ${late.toLocaleString('en-US')} of`);
  const canvas = page.getByRole('group', { name: 'Heap map' }).locator('canvas');
  const cellsLate = Number(await canvas.getAttribute('data-cells'));
  const cursor = page.getByTestId('chart-cursor');
  const xLate = Number(await cursor.getAttribute('x1'));

  await setPosition(page, 2); // after the start and the Vec's first buffer
  await expect(heading).toContainText('at event 2 of');
  await expect(heading).toContainText('1 live blocks, 32 B');
  await expect.poll(async () => Number(await cursor.getAttribute('x1'))).toBeLessThan(xLate);
  await expect(page.getByRole('list', { name: 'Heap map legend' })).toContainText('Counting (Vex allocator) 1 live, 32 B');
  expect(Number(await canvas.getAttribute('data-cells'))).not.toBe(cellsLate);
  await expect(page.getByRole('img', { name: /arena #1/ })).toHaveCount(0); // not made yet
  await screenshot(page, 'heapmap-scrubbed');

  await setPosition(page, 0);
  await expect(heading).toContainText('0 live blocks, 0 B');
  await setPosition(page, await beforeArenaDrop(page));
  await expect(page.getByRole('img', { name: /arena #1/ })).toBeVisible();
});

test('collections lesson: heap map and chart of Vec, Map and String buffers, in the dark theme too', async ({ page }) => {
  await runLesson(page, 'collections');
  await expect(page.getByRole('group', { name: 'Heap map' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Live heap over time' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Heap map legend' })).toContainText('system allocator');
  await expect(page.getByRole('cell', { name: /main\.vx:\d+/ }).first()).toBeVisible(); // the per-site table stays
  await screenshot(page, 'heapmap-collections');
  await page.evaluate(() => localStorage.setItem('vex-playground:prefs', JSON.stringify({ theme: 'dark', presentation: false })));
  await page.reload();
  await page.locator('.monaco-editor .view-lines').first().waitFor();
  await page.getByTestId('run').click();
  await waitForOutcome(page);
  await page.getByRole('tab', { name: 'Memory' }).click();
  await expect(page.getByRole('group', { name: 'Heap map' })).toBeVisible();
  await screenshot(page, 'heapmap-collections-dark');
});

// The Task timeline and the time scrubber, as a teacher would use them on the tasks and async
// lessons: named lanes, hover, click-to-source, keyboard, the scrubber moving cursor and output.
import type { Page } from '@playwright/test';
import { test, expect, openPlayground, waitForOutcome, screenshot, highlightedLine, setCode, chooseExample } from './fixtures';

import { readFileSync } from 'node:fs';

const LABEL_W = 190, LANE_H = 26, AXIS_H = 24; // timeline-draw.ts GEOMETRY
/** 1-based line of a lesson's first line containing `needle`. */
const lineOf = (id: string, needle: string) =>
  readFileSync(`src/ui/examples/${id}.vx`, 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;
const GO = lineOf('tasks', 'go {'), RECV = lineOf('tasks', '<-jobs');

async function runLesson(page: Page, id: string) {
  await openPlayground(page);
  await chooseExample(page, id);
  await page.getByTestId('run').click();
  await waitForOutcome(page);
  await page.getByRole('tab', { name: 'Tasks' }).click();
  return page.getByRole('application', { name: 'Task timeline' });
}

/** Moves the mouse along a lane until the tooltip says `want`; returns that x. */
async function hoverUntil(page: Page, lane: number, want: RegExp): Promise<{ x: number; y: number }> {
  const box = (await page.getByRole('application', { name: 'Task timeline' }).boundingBox())!;
  const y = box.y + AXIS_H + lane * LANE_H + LANE_H / 2;
  const tip = page.getByTestId('timeline-tooltip');
  for (let x = box.x + LABEL_W + 2; x < box.x + box.width - 16; x += 3) {
    await page.mouse.move(x, y);
    if (await tip.isVisible() && want.test((await tip.textContent()) ?? '')) return { x, y };
  }
  throw new Error(`no tooltip matching ${want} on lane ${lane}`);
}

test('tasks lesson: named lanes, hover tooltip, click reveals the line, keyboard, main ends', async ({ page }) => {
  const tl = await runLesson(page, 'tasks');
  await expect(tl).toBeVisible();
  const lanes = page.getByRole('list', { name: 'Tasks' });
  await expect(lanes.getByRole('listitem')).toHaveText(['main: ended', `go block (main.vx:${GO}): ended`]);
  await expect(page.getByRole('list', { name: 'Legend' })).toContainText('blocked: recv');

  // hover the worker's lane: it blocks on `<-jobs`
  const at = await hoverUntil(page, 1, /blocked: recv/);
  await expect(page.getByTestId('timeline-tooltip')).toContainText(`line ${RECV}`);
  await screenshot(page, 'timeline-tasks-hover');
  await page.mouse.click(at.x, at.y);
  await expect.poll(() => highlightedLine(page)).toBe(RECV);

  // keyboard: ↓ to the worker, → through its events
  await tl.focus();
  await page.keyboard.press('ArrowUp');
  await expect(tl).toHaveAttribute('data-focus-lane', '0');
  await page.keyboard.press('ArrowDown');
  await expect(tl).toHaveAttribute('data-focus-lane', '1');
  await page.keyboard.press('Home');
  await expect(page.getByTestId('timeline-announce')).toContainText(`go block (main.vx:${GO}) spawned at line ${GO}`);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('timeline-announce')).toContainText('runs');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('timeline-announce')).toContainText(`blocked on recv at line ${RECV}`);
  await page.keyboard.press('Enter');
  await expect.poll(() => highlightedLine(page)).toBe(RECV);
  await screenshot(page, 'timeline-tasks');
});

test('the scrubber moves the timeline cursor, the output and the editor line', async ({ page }) => {
  const tl = await runLesson(page, 'tasks');
  const slider = page.getByRole('slider', { name: 'Trace position' });
  const max = Number(await slider.getAttribute('max'));
  expect(max).toBeGreaterThan(20);
  const cursor = async () => Number(await tl.getAttribute('data-cursor'));
  const end = await cursor();

  await page.getByRole('button', { name: 'Go to the start' }).click();
  await expect.poll(cursor).toBe(0);
  await slider.focus();
  for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveValue('12');
  const mid = await cursor();
  expect(mid).toBeGreaterThan(0);
  expect(mid).toBeLessThan(end);
  await screenshot(page, 'timeline-scrubbed');

  // the output so far: fewer lines than the whole run, and the first ones match
  await page.getByRole('tab', { name: 'Output' }).click();
  await expect(page.getByTestId('run-status')).toContainText('Output up to event 12');
  const partial = await page.locator('.out-line[data-stream="stdout"]').allTextContents();
  expect(partial.length).toBeGreaterThan(0);
  expect(partial.length).toBeLessThan(11);
  expect(partial[0]).toBe('worker: started');
  // the editor follows the latest event with a source line
  expect(await highlightedLine(page)).not.toBeNull();

  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(slider).toHaveValue('13');
  await page.getByRole('button', { name: 'Follow the end' }).click();
  await expect(page.getByTestId('outcome')).toBeVisible();
  await expect(page.locator('.out-line[data-stream="stdout"]')).toHaveCount(11);
  await page.getByRole('tab', { name: 'Tasks' }).click();
  await expect.poll(cursor).toBe(end);
});

test('async lesson: numbered repeated names, sleep and await lanes, main ended; dark presentation', async ({ page }) => {
  const tl = await runLesson(page, 'async');
  await expect(tl).toBeVisible();
  await expect(page.getByRole('list', { name: 'Tasks' }).getByRole('listitem')).toHaveText([
    'main: ended', `both (main.vx:${lineOf('async', 'let f = both()')}): ended`,
    `step#1 (main.vx:${lineOf('async', 'step("slow"')}): ended`, `step#2 (main.vx:${lineOf('async', 'step("fast"')}): ended`,
  ]);
  await hoverUntil(page, 2, /blocked: sleep/);
  await expect(page.getByTestId('timeline-tooltip')).toContainText(`line ${lineOf('async', 'await sleep')}`);
  await screenshot(page, 'timeline-async');
  await hoverUntil(page, 0, /blocked: join/);
  await page.mouse.move(0, 0);
  // projector: presentation mode and the dark theme
  await page.getByRole('button', { name: 'Presentation' }).click();
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await expect(tl).toBeVisible();
  await screenshot(page, 'timeline-async-presentation');
});

test('2,000 tasks: one lane each, keyboard reaches the last', async ({ page }) => {
  await openPlayground(page);
  await setCode(page, `fn main() {
    let! ch: Channel<i32> = Channel(0);
    for i in 0..2000 {
        go { let v = <-ch; };
    }
    for i in 0..2000 {
        ch.send(i);
    }
    println("done");
}
`);
  await page.getByTestId('run').click();
  await page.getByRole('tab', { name: 'Tasks' }).click(); // while it runs (or just after)
  const tl = page.getByRole('application', { name: 'Task timeline' });
  await expect(tl).toHaveAttribute('data-lanes', '2001', { timeout: 30_000 });
  await tl.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
  await expect(tl).toHaveAttribute('data-focus-lane', '5');
  await page.keyboard.press('End');
  await expect(page.getByTestId('timeline-announce')).toContainText('go block#5 (main.vx:4) ended');
  await screenshot(page, 'timeline-2000-tasks');
});

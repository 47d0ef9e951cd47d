// Runtime fidelity in the browser: the worker runs the same engine as the CLI (rendezvous
// channels, async panics caught by catch_panic, structs behind pointers).
import { test, expect, openPlayground, setCode, waitForOutcome, outputLines } from './fixtures';

test('channels, async panics and pointer views behave as in the reference', async ({ page }) => {
  await openPlayground(page);
  await setCode(page, `#[repr(C)]
struct P { x: i32, y: i32 }
async fn late(): i32 { await sleep(Duration.from_millis(5)); panic("late"); }
fn main() {
    let! ch: Channel<i32> = Channel(0);
    for i in 0..3 { go { ch.send(i); }; }
    println("{} {} {}", <-ch, <-ch, <-ch);
    let r = catch_panic(|| block_on(late()));
    println("caught {}", r.unwrap_err());
    let! p = P { x: 1, y: 2 };
    let q = &p! as *P!;
    unsafe { q.y = 20; println("{} {}", (*q).x, p.y); }
}
`);
  await page.getByTestId('run').click();
  expect(await waitForOutcome(page)).toContain('Exited with code 0');
  expect(await outputLines(page, 'stdout')).toEqual(['0 1 2', 'caught late', '1 20']);
});

// An internal error keeping the program's output: e2e/fidelity-settings.spec.ts, through the page's
// test hook `?testFault=after-run` (no known Vex program fails inside the toolchain any more).

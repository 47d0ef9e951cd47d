// The task events the Task timeline draws (trace v2): readable names and spawn sites, run/switch
// events, block kinds with their lines, who woke whom and why, main's end and abandoned tasks.
import { describe, it, expect } from 'vitest';
import { runVex } from '../../lang/codegen/run-helpers.test-util';
import type { TraceEvent } from '../api';

const tasks = (trace: TraceEvent[]) => trace.filter((e) => e.t.startsWith('task-'));
const short = (e: TraceEvent): string => {
  switch (e.t) {
    case 'task-spawn': return `spawn ${e.task} ${e.name}@${e.site?.line}`;
    case 'task-run': return `run ${e.task}`;
    case 'task-block': return `block ${e.task} ${e.on}@${e.site?.line}`;
    case 'task-wake': return `wake ${e.task} by ${e.by} ${e.cause}`;
    case 'task-end': return `end ${e.task}`;
    case 'task-abandon': return `abandon ${e.task}`;
    default: return e.t;
  }
};

describe('task trace', () => {
  it('go + channels: names, sites, switches, block kinds and wakers in order', () => {
    const r = runVex(`fn worker(ch: Channel<i32>) {
    println("got {}", <-ch);
}
fn main() {
    let! ch: Channel<i32> = Channel(0);
    go worker(ch);
    ch.send(7);
    go { let z = <-ch; };
}
`);
    expect(r.stdout).toBe('got 7\n');
    expect(tasks(r.trace).map(short)).toEqual([
      'spawn 1 worker@6', 'run 1', 'block 1 recv@2', 'run 0',
      'wake 1 by 0 send', 'block 0 send@7', 'run 1', 'wake 0 by 1 recv', 'end 1', 'run 0',
      'spawn 2 go block@8', 'run 2', 'block 2 recv@8', 'run 0',
      'end 0', 'abandon 2',
    ]);
  });

  it('async: sleep, await and block_on are told apart; the timer and the finished future wake', () => {
    const r = runVex(`async fn nap(ms: u64): i32 {
    await sleep(Duration.from_millis(ms));
    return 1;
}
async fn both(): i32 {
    let a = nap(20);
    return await a;
}
fn main() {
    println("{}", block_on(both()));
}
`);
    expect(r.stdout).toBe('1\n');
    expect(tasks(r.trace).map(short)).toEqual([
      'spawn 1 both@10', 'run 1', 'spawn 2 nap@6', 'run 2', 'block 2 sleep@2', 'run 1',
      'block 1 await@7', 'run 0', 'block 0 join@10',
      'wake 2 by -1 timer', 'run 2', 'end 2', 'wake 1 by 2 complete', 'run 1', 'end 1',
      'wake 0 by 1 complete', 'run 0', 'end 0',
    ]);
    const ends = r.trace.filter((e) => e.t === 'task-end').map((e) => (e as { clock: number }).clock);
    expect(ends).toEqual([20, 20, 20]);
  });

  it('main ends when the program ends abnormally too; blocked tasks are abandoned', () => {
    const r = runVex(`fn main() {
    let! ch: Channel<i32> = Channel(0);
    go { let z = <-ch; };
    panic("stop");
}
`);
    expect(r.exitCode).toBe(134);
    const tail = tasks(r.trace).map(short).slice(-2);
    expect(tail).toEqual(['abandon 1', 'end 0']);
  });
});

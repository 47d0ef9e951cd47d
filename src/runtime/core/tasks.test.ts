// Tasks, channels, async and the virtual clock through compile() + run(): the §4.6 scheduling
// order, trace events for the Tasks panel, deadlock, per-task thread-locals and stacks.
import { describe, it, expect } from 'vitest';
import { runVex } from '../../lang/codegen/run-helpers.test-util';

describe('scheduler', () => {
  it('go starts at once, runs until it blocks; woken tasks resume FIFO; traced with the clock', () => {
    const r = runVex(`fn main() {
    let! ch: Channel<i32> = Channel(0);
    go { println("a waits"); println("a got {}", <-ch); };
    go { println("b waits"); println("b got {}", <-ch); };
    ch.send(1);
    ch.send(2);
    println("main done");
}
`);
    expect(r.stdout).toBe('a waits\nb waits\na got 1\nb got 2\nmain done\n');
    const kinds = r.trace.filter((e) => e.t.startsWith('task-')).map((e) => e.t);
    expect(kinds.filter((k) => k === 'task-spawn')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'task-end')).toHaveLength(3); // main's end too
  });

  it('async functions run to their first await; sleep advances a virtual clock', () => {
    const r = runVex(`async fn tick(name: str, ms: u64): i32 {
    println("{} start", name);
    await sleep(Duration.from_millis(ms));
    println("{} after {}", name, ms);
    return 1;
}
fn main() {
    let a = tick("slow", 30);
    let b = tick("fast", 10);
    println("sum {}", block_on(a) + block_on(b));
}
`);
    expect(r.stdout).toBe('slow start\nfast start\nfast after 10\nslow after 30\nsum 2\n');
    const ends = r.trace.filter((e) => e.t === 'task-end' && e.task > 0).map((e) => (e as { clock: number }).clock);
    expect(ends).toEqual([10, 30]);
  });

  it('all tasks blocked with no timer is a deadlock (134)', () => {
    const r = runVex('fn main() {\n    let! ch: Channel<i32> = Channel(0);\n    println("{}", <-ch);\n}\n');
    expect(r.exitCode).toBe(134);
    expect(r.stderr).toContain('fatal: deadlock (all tasks blocked)');
  });

  it('each task has its own thread-locals and stack size', () => {
    const r = runVex(`thread_local let! n: i32 = 5;
fn main() {
    n = 1;
    go { n += 10; println("task n={} stack={}", n, stack_size()); };
    go_with_stack(65536, || { println("small stack={}", stack_size()); });
    println("main n={} stack={}", n, stack_size());
}
`);
    expect(r.stdout).toBe('task n=15 stack=262144\nsmall stack=65536\nmain n=1 stack=1048576\n');
  });
});

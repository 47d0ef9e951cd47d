// Tasks, channels, async and the virtual clock through compile() + run(): the §4.6 scheduling
// order, trace events for the Tasks panel, deadlock, per-task thread-locals and stacks.
import { describe, it, expect } from 'vitest';
import { runVex } from '../../lang/codegen/run-helpers.test-util';
import { compile } from '../../lang/compile';

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

  it('timers fire by time, and timers set for the same time in the order they were set', () => {
    // times set out of order, repeated, and set again while others are pending (from a woken task)
    const r = runVex(`async fn nap(i: i32, ms: i64): i32 {
    await sleep(Duration.from_millis(ms));
    if i % 4 == 0 { await sleep(Duration.from_millis(5)); }
    print(f"{i}@{ms} ");
    return i;
}
fn main() {
    let! fs = Vec<Future<i32>>.new();
    for i in 0..12 { fs.push(nap(i, ((i * 7) % 4 * 5) as i64)); }
    let! s = 0;
    for i in 0..12 { s += block_on(fs[i]); }
    println("{}", s);
}
`);
    // ms: i0 0, i1 15, i2 10, i3 5, i4 0, ...; i % 4 == 0 sleeps 5 more once its first timer fired,
    // after the timers set for 5 at the start
    const order = r.stdout.trim().split(' ').slice(0, -1);
    const key = (w: string) => { const [i, ms] = w.split('@').map(Number); return (i % 4 === 0 ? ms + 5 : ms); };
    // by firing time, and among equal times by the order the timers were set
    for (let k = 1; k < order.length; k++) expect(key(order[k - 1]) <= key(order[k]), order.join(' ')).toBe(true);
    expect(r.stdout).toBe('3@5 7@5 11@5 0@0 4@0 8@0 2@10 6@10 10@10 1@15 5@15 9@15 66\n');
  });

  it('a rendezvous channel serves several blocked senders in order, and releases each one', () => {
    for (const n of [2, 3, 8]) {
      const r = runVex(`fn main() {
    let! ch: Channel<i32> = Channel(0);
    let! back: Channel<i32> = Channel(${n});
    for i in 0..${n} { go { let v = i; ch.send(v); back.send(v); }; }
    let! got = Vec<i32>();
    for k in 0..${n} { got.push(<-ch); }
    let! b = 0;
    for k in 0..${n} { b += <-back; }
    println("{:?} {}", got, b);
}
`);
      const want = Array.from({ length: n }, (_, i) => i);
      expect(r.stdout, String(n)).toBe(`[${want.join(', ')}] ${want.reduce((a, b) => a + b, 0)}\n`);
      expect(r.exitCode).toBe(0);
    }
  });

  it('all tasks blocked with no timer is a deadlock (134)', () => {
    const r = runVex('fn main() {\n    let! ch: Channel<i32> = Channel(0);\n    println("{}", <-ch);\n}\n');
    expect(r.exitCode).toBe(134);
    expect(r.stderr).toContain('fatal: deadlock (all tasks blocked)');
  });

  it('tasks share one call-site stack: each gets its own frames back after switches', () => {
    // `deep` blocks 7 calls deep while the other task blocks, runs and panics 3 deep: the
    // backtrace must show the panicking task's frames, not what the other one left in `cs`.
    const r = runVex(`fn deep(ch: Channel<i32>, d: i32): i32 {
    if d == 0 { return <-ch; }
    return deep(ch, d - 1);
}
fn inner(ch: Channel<i32>): i32 {
    let v = <-ch;
    if v == 2 { panic("two"); }
    return v;
}
fn mid(ch: Channel<i32>): i32 { return inner(ch); }
fn main() {
    let! a: Channel<i32> = Channel(0);
    let! b: Channel<i32> = Channel(0);
    go { println("deep got {}", deep(a, 6)); println("again {}", deep(a, 6)); };
    go { println("mid {}", mid(b)); println("mid {}", mid(b)); };
    b.send(1);
    a.send(1);
    b.send(2);
}
`);
    expect(r.stdout).toBe('mid 1\ndeep got 1\n');
    expect(r.exitCode).toBe(134);
    expect(r.stderr).toMatch(/^panic: two\n  at inner \(test\.vx:7:17\)\n  at mid \(test\.vx:10:40\)\n  at task in main \(test\.vx:15:55\)\n/);
  });

  it('a go block in a loop: its generator function is made once when it captures only function-level locals', () => {
    // The first loop's body captures `k`, a new binding each iteration: one function per spawn.
    // The second captures only `ch` and `done`: one function for every spawn (no per-task
    // prototype and hidden classes), with the same behaviour.
    const src = `fn main() {
    let! ch: Channel<i32> = Channel(0);
    let! done: Channel<i32> = Channel(8);
    for i in 0..3 {
        let k = i * 10;
        go { let v = <-ch; done.send(v + k); };
    }
    for i in 0..3 {
        go { let v = <-ch; done.send(v + 100); };
    }
    for i in 0..6 { ch.send(i); }
    for i in 0..6 { print("{} ", <-done); }
    println("");
}
`;
    expect(runVex(src).stdout).toBe('0 11 22 103 104 105 \n');
    const js = compile([{ name: 'main.vx', text: src }]).program!.js;
    expect(js.match(/\.go\(\(\$go\d+ \?\?= function\*/g)).toHaveLength(1);
    expect(js.match(/\.go\(function\*/g)).toHaveLength(1);
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

describe('panics and strategies (§6.3)', () => {
  const RISKY = `struct G impl Drop { fn drop()! { println("drop g"); } }
fn risky(): i32 { let g = G {}; defer println("deferred"); panic("too big"); }
fn main() {
    let r = catch_panic(|| risky());
    println("after {}", r.is_err());
}
`;
  it('panic=unwind: catch_panic catches after the defers and drops ran', () => {
    const r = runVex(RISKY);
    expect(r.stdout).toBe('deferred\ndrop g\nafter true\n');
    expect(r.exitCode).toBe(0);
  });
  it('panic=abort: catch_panic does not catch; nothing unwinds; exit 134', () => {
    const r = runVex(RISKY, { panic: 'abort' });
    expect(r.stdout).toBe('');
    expect(r.exitCode).toBe(134);
    expect(r.stderr).toMatch(/^panic: too big\n  at risky/);
    expect(r.panic!.unwind.at(-1)).toEqual({ kind: 'aborted', reason: 'panic=abort' });
  });
  it('panic=abort also applies to a panic inside an async fn awaited under catch_panic', () => {
    const src = 'async fn f(): i32 { await sleep(Duration.from_millis(1)); panic("async"); }\nfn main() {\n    let r = catch_panic(|| block_on(f()));\n    println("{}", r.is_err());\n}\n';
    expect(runVex(src).stdout).toBe('true\n');
    const a = runVex(src, { panic: 'abort' });
    expect([a.stdout, a.exitCode]).toEqual(['', 134]);
  });
  it('an async panic nobody awaits is reported when main ends', () => {
    const r = runVex('async fn f(): i32 { panic("lost"); }\nfn main() {\n    let x = f();\n    println("main done");\n}\n');
    expect(r.stdout).toBe('main done\n');
    expect(r.exitCode).toBe(134);
    expect(r.stderr).toContain('panic: lost');
  });
});

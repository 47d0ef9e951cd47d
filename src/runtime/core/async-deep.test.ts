// Async calls started by the scheduler's loop (scheduler.ts resume/spawn, past ASYNC_NEST nested
// loops) instead of a nested loop per call: the same output, panics, drops, defers, fuel and task
// timeline either way, and an async fn awaiting itself runs far deeper than the host stack.
import { describe, it, expect } from 'vitest';
import { runVex } from '../../lang/codegen/run-helpers.test-util';
import type { RunResult, TraceEvent } from '../api';
import { ASYNC_NEST } from './scheduler';

// asyncNest 0: every async call in suspendable code is started by the loop; 1000: none is
const modes = [{ asyncNest: 1000 }, { asyncNest: 0 }, { asyncNest: 1 }, { asyncNest: 3 }, {}];
const noOptions = (e: TraceEvent) => (e.t === 'start' ? 'start' : e);
function same(src: string, extra: object = {}): RunResult & { stdout: string; stderr: string } {
  const rs = modes.map((m) => runVex(src, { ...m, ...extra, traceCalls: true }));
  const key = (r: RunResult) => JSON.stringify({ o: r.outcome, out: r.output, trace: r.trace.map(noOptions), panic: r.panic, steps: r.steps });
  const k0 = key(rs[0]);
  rs.slice(1).forEach((r, i) => {
    const k = key(r);
    let at = 0;
    while (at < k.length && k[at] === k0[at]) at++;
    expect(k === k0 ? 'same' : `${JSON.stringify(modes[i + 1])} differs at ${at}: ${k.slice(at - 80, at + 80)} vs ${k0.slice(at - 80, at + 80)}`).toBe('same');
  });
  return rs[0];
}

const TREE = `async fn leaf(n: i64): i64 {
    println("leaf {} before", n);
    await sleep(Duration.from_millis(n % 3));
    println("leaf {} after", n);
    return n;
}
async fn tree(n: i64): i64 {
    println("enter {}", n);
    if n <= 1 { return await leaf(n); }
    let a = tree(n - 1);
    let b = tree(n - 2);
    let x = await a;
    let y = await async { println("block {}", n); await b };
    return x + y + 1;
}
fn main() {
    let f = tree(7);
    println("main got its future");
    println("{}", block_on(f));
    go { println("go {}", block_on(tree(3))); };
}
`;

const PANIC = `struct Guard impl Drop {
    n: i64,
    fn drop()! { println("drop {}", self.n); }
}
async fn down(n: i64): i64 {
    let g = Guard { n: n };
    defer println("defer {}", n);
    if n == 0 { panic("bottom"); }
    let r = await down(n - 1);
    return r + g.n;
}
async fn never(n: i64): i64 { if n == 0 { panic("nobody awaits"); } let _f = never(n - 1); return 1; }
fn main() {
    let r = catch_panic(|| block_on(down(12)));
    println("caught {}", r.unwrap_err());
    let _f = never(12);
}
`;

describe('async calls started by the loop or by a nested one', () => {
  it('a tree of async calls with sleeps, async blocks and a go task: same output and task timeline', () => {
    const r = same(TREE);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual(['enter 7', 'enter 6', 'enter 5']);
    expect(r.stdout).toContain('main got its future\n');
    expect(r.trace.filter((e) => e.t === 'task-spawn').length).toBeGreaterThan(ASYNC_NEST * 4);
  });

  it('a panic through every await (defers, drops, unwind steps) and one never awaited', () => {
    const r = same(PANIC);
    expect(r.stdout).toMatch(/^defer 0\ndrop 0\ndefer 1\ndrop 1\n/);
    expect(r.stdout).toContain('caught bottom\n');
    expect(r.stderr).toContain('panic: nobody awaits');
    expect(r.exitCode).toBe(134);
  });

  it('fuel running out, a stack overflow and exit() deep in a chain of async calls', () => {
    const chain = (bottom: string, pre = '') => `${pre}fn rec(n: i64): i64 { if n == 0 { return 0; } return rec(n - 1) + 1; }
async fn down(n: i64): i64 {
    defer println("defer {}", n);
    if n == 0 { ${bottom} }
    return await down(n - 1) + 1;
}
fn main() { println("{}", block_on(down(20))); }
`;
    expect(same(chain('let! i = 0; while true { i += 1; }'), { fuel: 100_000 }).exitCode).toBe(137);
    const so = same(chain('return rec(100000);'));
    expect(so.stderr).toContain('fatal: stack overflow');
    expect(so.stderr).not.toContain('host JavaScript stack');
    const ex = same(chain('exit(3);', 'import { exit } from "process";\n'));
    expect([ex.exitCode, ex.stdout]).toEqual([3, '']);
  });
});

// async calls through fn values and from plain functions (which run as twins' heap frames of the
// task past ASYNC_NEST: codegen deep.ts markCall, scheduler.ts chain/StartFrame)
const VALUES = `struct Guard impl Drop {
    n: i64,
    fn drop()! { println("drop {}", self.n); }
}
async fn leaf(n: i64): i64 {
    println("leaf {} before", n);
    await sleep(Duration.from_millis(n % 3));
    println("leaf {} after", n);
    return n;
}
async fn via(f: fn(i64): Future<i64>, n: i64): i64 { return await f(n); }
fn p(n: i64): Future<i64> { println("p {}", n); let f = down(n); println("p has {}", n); return f; }
fn q(n: i64): Future<i64> { let g = down; return g(n); }
async fn down(n: i64): i64 {
    let g = Guard { n: n };
    defer println("defer {}", n);
    println("enter {}", n);
    if n == 0 { return await leaf(0); }
    if n == 13 { panic("thirteen"); }
    let f = down;
    let a = if n % 3 == 0 { f(n - 1) } else if n % 3 == 1 { p(n - 1) } else { q(n - 1) };
    let b = via(leaf, n);
    return await a + await b + g.n;
}
fn main() {
    println("{}", block_on(p(12)));
    let r = catch_panic(|| block_on(q(16)));
    println("caught {}", r.unwrap_err());
    let _f = p(14);
}
`;

describe('async calls through fn values and plain functions', () => {
  it('fuel running out, a stack overflow, exit() and a panic in plain frames between async calls', () => {
    const chain = (bottom: string, pre = '') => `${pre}fn rec(n: i64): i64 { if n == 0 { return 0; } return rec(n - 1) + 1; }
fn p(n: i64): Future<i64> {
    defer println("p defer {}", n);
    if n == 0 { ${bottom} }
    return down(n);
}
async fn down(n: i64): i64 {
    defer println("defer {}", n);
    let f = p;
    if n % 2 == 0 { return await p(n - 1) + 1; }
    return await f(n - 1) + 1;
}
fn main() { println("{}", block_on(down(20))); }
`;
    expect(same(chain('let! i = 0; while true { i += 1; }'), { fuel: 100_000 }).exitCode).toBe(137);
    const so = same(chain('rec(100000);'));
    expect(so.stderr).toContain('fatal: stack overflow');
    expect(so.stderr).not.toContain('host JavaScript stack');
    const ex = same(chain('exit(3);', 'import { exit } from "process";\n'));
    expect([ex.exitCode, ex.stdout]).toEqual([3, '']);
    const pa = same(chain('panic("in p");'));
    expect(pa.stdout).toMatch(/^p defer 0\ndefer 1\np defer 1\ndefer 2\n/);
    expect(pa.stderr).toContain('panic: in p');
  });

  it('output, drops, defers, panics and the task timeline are those of nested starts', () => {
    const r = same(VALUES);
    expect(r.stdout).toContain('caught thirteen\n');
    expect(r.stdout).toMatch(/^p 12\nenter 12\nenter 11\nenter 10\np 9\n/);
    expect(r.stderr).toContain('panic: thirteen');
    expect(r.exitCode).toBe(134);
  });

  it('100,000 levels through an async fn value, a fn parameter and a plain function', () => {
    const r = runVex(`async fn sum(n: i64): i64 {
    if n == 0 { return 0; }
    let f = sum;
    return n + await f(n - 1);
}
async fn via(f: fn(i64): Future<i64>, n: i64): i64 {
    if n == 0 { return 0; }
    return n + await f(n - 1);
}
async fn viaw(n: i64): i64 { return await via(viaw, n); }
fn p(n: i64): Future<i64> { return a(n); }
async fn a(n: i64): i64 {
    if n == 0 { await sleep(Duration.from_millis(1)); return 0; }
    return n + await p(n - 1);
}
fn b(n: i64): i64 { if n == 0 { return 0; } return block_on(c(n)); }
async fn c(n: i64): i64 { return n + b(n - 1); }
fn main() {
    println("{}", block_on(sum(100000)));
    println("{}", block_on(viaw(50000)));
    println("{}", block_on(p(100000)));
    println("{}", b(100000));
}
`);
    expect([r.stderr, r.stdout, r.exitCode]).toEqual(['', '5000050000\n1250025000\n5000050000\n5000050000\n', 0]);
  });
});

describe('deep async recursion', () => {
  it('an async fn awaiting a call of itself 100,000 deep ends normally, each level a task', () => {
    const r = runVex(`async fn sum(n: i64): i64 {
    if n == 0 { return 0; }
    return n + await sum(n - 1);
}
fn main() {
    let f = sum(100000);
    println("started");
    println("{}", block_on(f));
}
`);
    expect([r.stderr, r.stdout, r.exitCode]).toEqual(['', 'started\n5000050000\n', 0]);
  });

  it('deeper than the heap holds tasks: the memory limit, not the host stack', () => {
    const r = runVex(`async fn sum(n: i64): i64 {
    if n == 0 { return 0; }
    return n + await sum(n - 1);
}
fn main() { println("{}", block_on(sum(100000))); }
`, { heapLimit: 4 << 20 });
    expect(r.stderr).toMatch(/^memory allocation of \d+ bytes failed/);
    expect(r.exitCode).toBe(134);
  });
});

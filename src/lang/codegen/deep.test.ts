// Deep recursion independent of the host JavaScript stack (deep.ts, runtime/core/deep.ts):
// recursive functions switch to generator twins on a heap stack past a depth threshold, with
// output, trace, backtraces and unwind logs identical to plain frames.
import { describe, it, expect } from 'vitest';
import { runVex } from './run-helpers.test-util';
import { compile } from '../compile';
import { CLONE_FRAME_BYTES, CLONE_FRAMES_CHUNK, DEEP_AT, DEEP_LIGHT_AT, DEEP_MAX } from '../../runtime/core/deep';
import { frameIsLight } from './deep';
import { deepThresholds } from '../../runtime/core/host-stack';
import { MIXED } from './deep-mixed.test-util';
import type { RunResult } from '../../runtime/api';
import { readFileSync, readdirSync } from 'node:fs';
import { execute } from '../../pipeline/execute';
import { sharedPath } from '../../../tests/shared-suite';
import { flagsFor } from '../../../tests/conformance-lib';
import { pathToFileURL } from 'node:url';

// A frame with realistic locals: a Drop value, a defer, an f-string, an i64.
const DIVE = (n: number) => `struct Guard impl Drop {
    depth: i32,
    fn drop()! { if self.depth == -1 { println("never"); } }
}
fn dive(n: i32, acc: i64): i64 {
    let g = Guard { depth: n };
    let twice = acc * 2;
    let label = f"level {n}";
    defer { if n == -1 { println("{}", label); } }
    if n == 0 { return acc; }
    return dive(n - 1, acc + 1) + twice - twice;
}
fn main() {
    println("depth reached: {}", dive(${n}, 0));
}
`;

// A panic at depth n, under catch_panic: every frame has a defer and a Drop value that print.
const PANIC_AT = (n: number) => `struct Noisy impl Drop {
    id: i32,
    fn drop()! { if self.id % 1000 == 0 { println("drop {}", self.id); } }
}
fn down(n: i32, left: i32): i32 {
    let guard = Noisy { id: n };
    defer { if n % 1000 == 0 { println("defer {}", n); } }
    if left == 0 { panic(f"bottom at {n}"); }
    return down(n + 1, left - 1) + 1;
}
fn main() {
    let r = catch_panic(|| down(0, ${n}));
    match r {
        Ok(v) => println("ok {}", v),
        Err(m) => println("caught {}", m),
    }
    println("after");
}
`;

const MUTUAL = (n: number) => `fn is_even(n: i32): bool {
    let pad = [n, n + 1];
    if n == 0 { return true; }
    return is_odd(n - 1) && pad[0] == n;
}
fn is_odd(n: i32): bool {
    if n == 0 { return false; }
    return is_even(n - 1);
}
fn main() {
    println("{} {}", is_even(${n}), is_odd(${n}));
}
`;

// Recursive calls in every position the emitter has: they become `yield` in the twin, except in
// defer bodies and closures (arrows), which stay plain.
const TRICKY = `struct Noisy impl Drop {
    n: i32,
    fn drop()! { if self.n == 2 { println("drop {}", self.n); } }
}
fn count<T>(v: T, n: i32): i32 {
    if n == 0 { return 0; }
    return count(v, n - 1) + 1;
}
fn pick(n: i32): Result<i32, string> {
    if n == 0 { return Err("zero"); }
    if n == 1 { return Ok(1); }
    let x = pick(n - 1)?;
    return Ok(x + 1);
}
fn idx(n: i32): i32 {
    if n <= 0 { return 0; }
    return idx(n - 1);
}
fn walk(n: i32): i32 {
    let g = Noisy { n: n };
    defer { if n == 3 { println("defer sees {}", walk(0)); } }
    let! arr = [1, 2, 3];
    arr[idx(n)] += walk2(n);
    let r = match n {
        0 => 0,
        k if walk2(k) > 100 => 1,
        _ => walk(n - 1) + arr[0],
    };
    let c = |m: i32| walk(m);
    let mut_total = if n > 1 { c(n - 2) } else { 0 };
    let! i = 0;
    while i < walk2(n) && i < 2 { i += 1; }
    return r + mut_total + i;
}
fn walk2(n: i32): i32 { if n <= 0 { return 0; } return walk2(n - 1) + 1; }
fn main() {
    println("{} {}", count("x", 50), count(3, 60));
    println("{}", pick(30).unwrap_or(-1));
    println("{}", walk(6));
    let r = catch_panic(|| { let x = walk(5); if x > 0 { panic("boom"); } return x; });
    println("{}", r.is_err());
}
`;

const MiB = 1 << 20;
/** The start event records the options: all but the threshold itself must match. */
const noDeepAt = (e: RunResult['trace'][number]) => {
  if (e.t !== 'start') return e;
  const { deepAt: _, ...options } = e.options;
  return { ...e, options };
};
const panicEvent = (r: RunResult) => {
  const ev = r.trace.find((e) => e.t === 'panic');
  return ev && ev.t === 'panic' ? ev : null;
};

describe('deep recursion at the default 1 MiB stack', () => {
  it('4,096 active calls with Drop, defer and locals fit (main + 4,094 dive + the deepest drop())', () => {
    const r = runVex(DIVE(4093));
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('depth reached: 4093\n');
    expect(r.exitCode).toBe(0);
  });
  it('4,097 active calls are the model overflow report, without a host note', () => {
    const r = runVex(DIVE(4094));
    expect(r.exitCode).toBe(134);
    expect(r.outcome.kind).toBe('aborted');
    expect(r.stderr.startsWith('fatal: stack overflow (stack 1048576 bytes)\n')).toBe(true);
    expect(r.stderr).toContain('  at dive (test.vx:11:12)');
    expect(r.stderr).not.toContain('note:');
    expect(r.stdout).toBe('');
  });
  it('exactly 4,096 frames without a drop call: main + 4,095 frames', () => {
    const src = `fn d(n: i32): i32 {
    let s = f"{n}";
    defer { if n == -1 { println("{}", s); } }
    if n == 0 { return 0; }
    return d(n - 1) + 1;
}
fn main() { println("{}", d(4094)); }
`;
    expect(runVex(src).stdout).toBe('4094\n');
    const over = runVex(src.replace('d(4094)', 'd(4095)'));
    expect(over.exitCode).toBe(134);
    expect(over.stderr).toContain('fatal: stack overflow (stack 1048576 bytes)\n');
  });
  it('a panic at depth 4,000 unwinds every frame (defer, then drop, innermost first) into catch_panic', () => {
    const r = runVex(PANIC_AT(4000));
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.trim().split('\n');
    const expected: string[] = [];
    for (let n = 4000; n >= 0; n -= 1000) expected.push(`defer ${n}`, `drop ${n}`);
    expect(lines).toEqual([...expected, 'caught bottom at 4000', 'after']);
    const ev = panicEvent(r)!;
    expect(ev.caught).toBe(true);
    const u = ev.info.unwind;
    // 4,001 frames of down (frame, defer, drop, leave each), the catch_panic closure, caught
    expect(u.filter((s) => s.kind === 'frame' && s.fn === 'down')).toHaveLength(4001);
    expect(u.filter((s) => s.kind === 'defer')).toHaveLength(4001);
    expect(u.filter((s) => s.kind === 'drop')).toHaveLength(4001);
    expect(u.slice(0, 4).map((s) => s.kind)).toEqual(['frame', 'defer', 'drop', 'leave']);
    expect(u[u.length - 1].kind).toBe('caught');
  });
});

describe('plain frames and heap frames are indistinguishable', () => {
  // deepAt: 0 runs every recursive call as a heap frame, Infinity-like none, 37 a mix
  const modes = [{ deepAt: 100000 }, { deepAt: 0 }, { deepAt: 37 }, { deepAt: 1 }];
  const same = (src: string, extra: object = {}) => {
    const rs = modes.map((m) => runVex(src, { ...m, ...extra, traceCalls: true }));
    const key = (r: RunResult & { stdout: string; stderr: string }) =>
      JSON.stringify({ o: r.outcome, out: r.output, trace: r.trace.map(noDeepAt), panic: r.panic, steps: r.steps });
    const k0 = key(rs[0]);
    rs.slice(1).forEach((r, i) => {
      const k = key(r);
      let at = 0;
      while (at < k.length && k[at] === k0[at]) at++;
      // on a difference, show where (the whole trace would be unreadable)
      expect(k === k0 ? 'same' : `deepAt ${modes[i + 1].deepAt} differs at ${at}: ${k.slice(at - 80, at + 80)} vs ${k0.slice(at - 80, at + 80)}`).toBe('same');
    });
    return rs[0];
  };
  it('a caught panic below and above the threshold: output, trace, backtrace and unwind steps', () => {
    const r = same(PANIC_AT(120));
    expect(r.stdout).toContain('caught bottom at 120');
    const ev = panicEvent(r)!;
    expect(ev.info.unwind.length).toBe(121 * 4 + 3);
    expect(ev.info.backtrace.length).toBeGreaterThan(10);
  });
  it('clone glue of lists through other types as heap frames: clones, allocations, a failure midway', () => {
    // (deepAt sets the clone glue's limit too: runtime/core/rt.ts cloneFrom)
    const r = same(`struct Item impl Clone, Drop {
    v: i32,
    s: String,
    fn clone(): Item { if self.v == 77 { panic("no 77"); } println("clone {}", self.v); return Item { v: self.v, s: self.s.clone() }; }
    fn drop()! { println("drop {}", self.v); }
}
struct Node { item: Item, next: Option<Box<(i32, Link)>> }
struct Link { n: Node }
fn build(k: i32, bad: i32): Node {
    let! h = Node { item: Item { v: 0, s: "0" }, next: None };
    for i in 1..k { h = Node { item: Item { v: if i == bad { 77 } else { i }, s: f"{i}" }, next: Some(Box((i, Link { n: h }))) }; }
    return h;
}
fn main() {
    let a = build(60, -1);
    let c = a.clone();
    println("{}", a == c);
    let b = build(60, 20);
    let r = catch_panic(|| { let x = b.clone(); x.item.v });
    println("{}", r.unwrap_err());
}
`);
    expect(r.stdout).toContain('true\n');
    expect(r.stdout).toContain('no 77\n');
  });
  it('a recursive clone() through Option/Box/Vec (its calls of itself go through the clone glue)', () => {
    const r = same(`struct Tree impl Clone, Drop {
    v: i32,
    kids: Vec<Tree>,
    next: Option<Box<Tree>>,
    fn clone(): Tree {
        if self.v == 1000 { panic("no 1000"); }
        return Tree { v: self.v, kids: self.kids.clone(), next: self.next.clone() };
    }
    fn drop()! { if self.v % 10 == 0 { println("drop {}", self.v); } }
}
fn build(k: i32, bad: i32): Tree {
    let! h = Tree { v: 0, kids: Vec.new(), next: None };
    for i in 1..k { h = Tree { v: if i == bad { 1000 } else { i }, kids: [Tree { v: -i, kids: Vec.new(), next: None }], next: Some(Box(h)) }; }
    return h;
}
fn main() {
    let a = build(50, -1);
    let c = a.clone();
    println("{}", c.v);
    let b = build(50, 20);
    let r = catch_panic(|| { let x = b.clone(); x.v });
    println("{}", r.unwrap_err());
}
`);
    expect(r.stdout).toContain('49\n');
    expect(r.stdout).toContain('no 1000\n');
  });
  it('an uncaught panic (aborted unwinding) and its backtrace', () => {
    const r = same(PANIC_AT(90).replace('catch_panic(|| down(0, 90))', 'Ok(down(0, 90))').replace('let r =', 'let r: Result<i32, string> ='));
    expect(r.exitCode).toBe(134);
    expect(r.stderr).toContain('bottom at 90');
  });
  it('the model overflow report at a small stack', () => {
    const r = same(DIVE(300), { stackSize: 16384 });
    expect(r.exitCode).toBe(134);
    expect(r.stderr).toContain('fatal: stack overflow (stack 16384 bytes)\n');
  });
  it('mutual recursion and methods', () => {
    const r = same(MUTUAL(301));
    expect(r.stdout).toBe('false true\n');
    const m = same(`struct T {
    k: i32,
    fn walk(n: i32): i32 { if n == 0 { return self.k; } return self.walk(n - 1) + 1; }
}
fn main() { let t = T { k: 5 }; println("{}", t.walk(200)); }
`);
    expect(m.stdout).toBe('205\n');
  });
  it('recursive calls in generics, `?`, compound assignment places, match guards, closures, loops and defer bodies', () => {
    const r = same(TRICKY);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual(['50 60', '30', 'drop 2']);
    expect(r.stdout).toContain('98\n');
  });
  it('a panic inside a drop while unwinding through heap frames aborts the same way', () => {
    const r = same(`struct Bad impl Drop {
    n: i32,
    fn drop()! { if self.n == 50 { panic("drop failed"); } }
}
fn f(n: i32): i32 {
    let b = Bad { n: n };
    if n == 100 { panic("deep"); }
    return f(n + 1);
}
fn main() { let r = catch_panic(|| f(0)); println("unreachable {}", r.is_ok()); }
`);
    expect(r.exitCode).toBe(134);
    expect(r.stdout).toBe('');
  });
});

describe('beyond the host stack', () => {
  it('100,000 frames at a 32 MiB stack', () => {
    const r = runVex(DIVE(100_000), { stackSize: 32 * MiB });
    expect(r.stdout).toBe('depth reached: 100000\n');
    expect(r.exitCode).toBe(0);
  });
  it('100,000-deep mutual recursion', () => {
    const r = runVex(MUTUAL(100_000), { stackSize: 32 * MiB });
    expect(r.stdout).toBe('true false\n');
  });
  it('the model limit still applies at a large stack', () => {
    const r = runVex(DIVE(140_000), { stackSize: 32 * MiB });
    expect(r.exitCode).toBe(134);
    expect(r.stderr.startsWith(`fatal: stack overflow (stack ${32 * MiB} bytes)\n`)).toBe(true);
    expect(r.stderr).not.toContain('note:');
  });
  it('past the heap-frame limit: the same report plus a note naming the host limit', () => {
    const r = runVex(DIVE(DEEP_MAX + 1000), { stackSize: 2 ** 40 });
    expect(r.outcome.kind).toBe('aborted');
    expect(r.exitCode).toBe(134);
    expect(r.stderr.startsWith(`fatal: stack overflow (stack ${2 ** 40} bytes)\n`)).toBe(true);
    expect(r.stderr).toContain('  at dive (test.vx:11:12)');
    expect(r.stderr).toContain(`note: the host JavaScript stack and its extension for deep recursion (${DEEP_MAX} heap frames) ran out at depth`);
    expect(r.stdout).toBe('');
  });
  it('a clone has no frame cap: 300,000 links through other types at a large heap, the heap limit at a small one', () => {
    const list = (n: number) => `struct A { v: i32, next: Option<Box<ALink>> }
struct ALink { n: A }
fn main() {
    let! h = A { v: 0, next: None };
    for i in 1..${n} { h = A { v: i, next: Some(Box(ALink { n: h })) }; }
    println("built");
    let c = h.clone();
    println("{} {}", c.v, c == h);
}
`;
    const r = runVex(list(300_000), { heapLimit: 1 << 30 });
    expect([r.stderr, r.stdout, r.exitCode]).toEqual(['', 'built\n299999 true\n', 0]);
    const lim = runVex(list(300_000));
    expect([lim.stderr, lim.stdout, lim.exitCode]).toEqual([`memory allocation of ${CLONE_FRAMES_CHUNK * CLONE_FRAME_BYTES} bytes failed\n`, 'built\n', 134]);
  });
  it('recursion through a function value runs as heap frames like direct recursion', () => {
    const r = runVex(`fn step(n: i32): i32 {
    if n == 0 { return 0; }
    let g: fn(i32): i32 = step;
    return 1 + g(n - 1);
}
fn twice(n: i32, f: fn(i32): i32): i32 { return f(n); }
fn down(n: i32): i32 {
    if n == 0 { return 0; }
    return 1 + twice(n - 1, down);
}
fn main() { println("{} {}", step(100000), down(50000)); }
`, { stackSize: 32 * MiB });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('100000 50000\n');
    expect(r.js).toContain('f1_step1.$d = f1_step1$deep;');
  });
  it('recursion through a closure (not a direct call) stays plain and ends cleanly at the host limit', () => {
    const r = runVex(`fn step(n: i32, k: fn(i32): i32): i32 {
    if n == 0 { return 0; }
    return k(n - 1) + 1;
}
fn again(n: i32): i32 { return step(n, |m| again(m)); }
fn main() { println("{}", again(10000000)); }
`, { stackSize: 2 ** 40 });
    expect(r.outcome.kind).toBe('aborted');
    expect(r.stderr).toContain('fatal: stack overflow');
    expect(r.stderr).toContain('note:');
    expect(r.stderr).not.toContain('internal error');
  });
  it('recursion re-entering through closures past the threshold costs no more host stack than plain frames', () => {
    // a trampoline per closure level would halve the reachable depth (measured: 3,262 vs 6,542
    // frames in Node); one per threshold's worth of frames does not
    const src = `struct Guard impl Drop {
    depth: i32,
    fn drop()! { if self.depth == -1 { println("never"); } }
}
fn step(n: i32, k: fn(i32): i32): i32 {
    if n == 0 { return 0; }
    return k(n - 1) + 1;
}
fn again(n: i32): i32 {
    let g = Guard { depth: n };
    return step(n, |m| again(m));
}
fn main() { println("{}", again(N)); }
`;
    const r = runVex(src.replace('N', '1300'));
    expect(r.stdout).toBe('1300\n');
    // where the host stack runs out, with and without heap frames
    const reach = (deepAt: number) => {
      const o = runVex(src.replace('N', '10000000'), { stackSize: 2 ** 40, deepAt });
      expect(o.exitCode).toBe(134);
      const m = /ran out at depth (\d+)/.exec(o.stderr);
      expect(m).not.toBeNull();
      return Number(m![1]);
    };
    expect(reach(400)).toBeGreaterThan(reach(1e9) * 0.8);
  });
  it('a task recurses past the threshold on its own stack', () => {
    const r = runVex(MUTUAL(10).replace(/fn main\(\) \{[\s\S]*$/, `fn main() {
    go_with_stack(4194304, || { println("task {}", is_even(10000)); });
    println("main {}", is_odd(3000));
}
`));
    expect(r.stdout).toBe('task true\nmain false\n');
  });
});

describe('generated code', () => {
  const js = (src: string) => compile([{ name: 't.vx', text: src }]).program!.js;
  it('recursive functions get one entry check and a generator twin; others are untouched', () => {
    const out = js(`fn fib(n: i32): i32 { if n < 2 { return n; } return fib(n - 1) + fib(n - 2); }
fn sq(x: i32): i32 { return x * x; }
fn main() { println("{}", fib(10) + sq(2)); }
`);
    // (the entry's one compare is shared with the call gate: entry.ts)
    expect(out.match(/if \(\$f >= rt\.gate(Light)?\) \{ if \(rt\.enterDeep\(/g)).toHaveLength(1);
    expect(out).toMatch(/function\* f\w*fib\w*\$deep\(/);
    expect(out).not.toMatch(/sq\w*\$deep/);
    expect(out).not.toContain('yield*');
    // the twin yields its callees' twins, never nesting on the host stack with yield*
    expect(out.match(/\(yield f\w*fib\w*\$deep\(/g)).toHaveLength(2);
  });
});

describe('every conformance and bench program behaves the same with all recursion as heap frames', () => {
  const dirs = [pathToFileURL(sharedPath('conformance') + '/'), ...['../../../tests/conformance/', '../../../bench/programs/']
    .map((d) => new URL(d, import.meta.url))];
  const files = dirs.flatMap((u) => readdirSync(u).filter((f) => f.endsWith('.vx')).map((f) => new URL(f, u)));
  const strip = (r: RunResult | null) => r && JSON.stringify({ o: r.outcome, out: r.output, trace: r.trace.map(noDeepAt), panic: r.panic });
  it.each(files.map((f) => [f.pathname.split('/').slice(-2).join('/'), f] as const))('%s', (_name, f) => {
    const text = readFileSync(f, 'utf8');
    if (/\bbench\b/.test(f.pathname) && text.length > 0) {
      // bench programs run long: compile only, and check the twins parse (no yield in an arrow)
      const c = compile([{ name: 'b.vx', text }]);
      expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(() => new Function(c.program!.js)).not.toThrow();
      return;
    }
    const options = flagsFor(f.pathname);
    const a = execute([{ name: 'p.vx', text }], options);
    const b = execute([{ name: 'p.vx', text }], { ...options, deepAt: 0 });
    expect(b.internalError?.message ?? null).toBe(a.internalError?.message ?? null);
    expect(strip(b.result)).toBe(strip(a.result));
  });
});

describe('light frames run plain further', () => {
  it('light functions compare with deepFromLight, heavy ones (cleanup, locals, closures) with deepFrom', () => {
    expect(DEEP_LIGHT_AT).toBeGreaterThan(DEEP_AT);
    const out = compile([{ name: 't.vx', text: MIXED(10, 10) }]).program!.js;
    expect(out).toMatch(/function f\w*light\w*\([^)]*\) \{\nconst \$f = [^;]*; if \(\$f >= rt\.gateLight\) \{ if \(rt\.enterDeep\(\$f, \d+, true\)\)/);
    expect(out).toMatch(/function f\w*heavy\w*\([^)]*\) \{\nconst \$f = [^;]*; if \(\$f >= rt\.gate\) \{ if \(rt\.enterDeep\(\$f, \d+, false\)\)/);
    expect(frameIsLight('function f(a) {\nlet $r;\nreturn a;\n}', 1)).toBe(true);
    expect(frameIsLight('function f(a) {\ntry { return a; } finally { g(); }\n}', 1)).toBe(false);
    expect(frameIsLight('function f(a) {\nconst k = () => a;\nreturn k();\n}', 1)).toBe(false);
    expect(frameIsLight('function f(a, b, c, d, e, f) {\nreturn a;\n}', 6)).toBe(false);
    expect(frameIsLight(`function f(a) {\nreturn ${'('.repeat(9)}a${')'.repeat(9)};\n}`, 1)).toBe(false);
    expect(frameIsLight(`function f(a) {\nreturn a${' + a'.repeat(200)};\n}`, 1)).toBe(false);
  });
  it('heavy plain frames, light frames past DEEP_LIGHT_AT, then heavy recursion as heap frames: the host stack holds', () => {
    // light's first heap frame is at depth DEEP_LIGHT_AT (as scaled here); 20,000 heavy frames follow
    const { at, lightAt } = deepThresholds();
    const src = MIXED(lightAt - at + 2, 20_000, at);
    const r = runVex(src, { stackSize: 32 * MiB });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    // every frame a heap frame: the same output and trace
    const all = runVex(src, { stackSize: 32 * MiB, deepAt: 0 });
    expect(all.stdout).toBe(r.stdout);
    expect(all.trace.map(noDeepAt)).toEqual(r.trace.map(noDeepAt));
  });
  it('a light recursion past the configured stack is the model overflow report, without a host note', () => {
    const r = runVex(`fn down(n: i32): i32 { if n == 0 { return 0; } return down(n - 1) + 1; }
fn main() { println("{}", down(10000000)); }
`, { stackSize: 4 * MiB });
    expect(r.exitCode).toBe(134);
    expect(r.stderr.startsWith(`fatal: stack overflow (stack ${4 * MiB} bytes)\n`)).toBe(true);
    expect(r.stderr).toContain('  at down (test.vx:1:55)');
    expect(r.stderr).not.toContain('note:');
  });
});

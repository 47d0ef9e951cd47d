// The Panic panel's Call stack shows each unwound frame's parameters and locals in scope at the
// panic (recorded by the generated catches, rt.recordLocals): which locals appear at which panic point.
import { describe, it, expect } from 'vitest';
import { runVex } from './run-helpers.test-util';
import type { PanicInfo } from '../../runtime/api';

/** Per unwound frame: `fn: name: type = shown [state], ...` in declaration order. */
function frames(p: PanicInfo | null | undefined): string[] {
  if (!p) throw new Error('no panic');
  return p.unwind.flatMap((s) => s.kind === 'frame'
    ? [`${s.fn}: ${(s.locals ?? []).map((l) => `${l.name}: ${l.type}${l.shown ? ` = ${l.shown}` : ''}${l.state ? ` [${l.state}]` : ''}`).join(', ')}`]
    : []);
}
/** The panic a catch_panic caught (trace event). */
function caught(r: ReturnType<typeof runVex>): PanicInfo[] {
  return r.trace.flatMap((e) => (e.t === 'panic' && e.caught ? [e.info] : []));
}

describe('frame locals at a panic', () => {
  it('parameters and the locals declared before the panic point, not later ones nor finished blocks', () => {
    const r = runVex(`struct P { x: i32, y: i32 }
fn divide(a: i32, b: i32): i32 {
    let q0 = 7;
    {
        let gone = 5;
        println("{}", gone);
    }
    if b == 0 {
        let inner = 15;
        panic("division by zero");
    }
    let late = 3;
    return a / b + q0 + late;
}
fn main() {
    let p = P { x: 1, y: 2 };
    let name = "pat";
    let ok = true;
    let r = divide(10, 0);
    println("{}", r);
}`);
    expect(r.exitCode).toBe(134);
    expect(frames(r.panic)).toEqual([
      'divide: a: i32 = 10, b: i32 = 0, q0: i32 = 7, inner: i32 = 15',
      // as Vex's {:?} shows them (a str unquoted, a String quoted)
      'main: p: P = P { x: 1, y: 2 }, name: str = pat, ok: bool = true',
    ]);
  });

  it('shadowing: the earlier local of a name is marked shadowed, in an inner block too', () => {
    const r = runVex(`fn main() {
    let x = 1;
    let x = x + 1;
    let y = 10;
    {
        let y = 20;
        panic("boom");
    }
}`);
    expect(frames(r.panic)).toEqual(['main: x: i32 = 1 [shadowed], x: i32 = 2, y: i32 = 10 [shadowed], y: i32 = 20']);
  });

  it('loops: the loop variable and the current iteration only (a later let is not there yet)', () => {
    const r = runVex(`fn main() {
    let! total = 0;
    for i in 0..5 {
        let sq = i * i;
        total += sq;
        if i == 3 { panic("three"); }
        let after = 1;
        total += after;
    }
    let! k = 0;
    while k < 10 { k += 1; }
}`);
    expect(frames(r.panic)).toEqual(['main: total: i32 = 17, i: i32 = 3, sq: i32 = 9']);
  });

  it('loop iterations: a let below the panic point is absent even after an earlier iteration ran it', () => {
    const r = runVex(`fn main() {
    let! n = 0;
    loop {
        n += 1;
        if n == 2 { panic("second"); }
        let seen = n * 100;
        println("{}", seen);
    }
}`);
    expect(frames(r.panic)).toEqual(['main: n: i32 = 2']);
  });

  it('closures: the closure frame has its parameters and locals; its captures belong to the caller', () => {
    const r = runVex(`fn apply(f: fn(i32) -> i32, v: i32): i32 {
    return f(v);
}
fn main() {
    let limit = 3;
    let check = |n: i32| -> i32 {
        let doubled = n * 2;
        if doubled > limit { panic("too big"); }
        return doubled;
    };
    apply(check, 4);
}`);
    expect(r.exitCode).toBe(134);
    const f = frames(r.panic);
    expect(f[0]).toBe('closure in main: n: i32 = 4, doubled: i32 = 8');
    expect(f[1]).toBe('apply: f: fn(i32): i32 = <fn>, v: i32 = 4');
    expect(f[2]).toBe('main: limit: i32 = 3, check: fn(i32): i32 = <fn>');
  });

  it('moved values: a String moved out shows as moved, the live one is dropped and shown', () => {
    const r = runVex(`fn take(s: String) { println("took {}", s); }
fn main() {
    let a = String.from("first");
    let b = String.from("second");
    take(a);
    let n = b.len();
    panic("after the move");
}`);
    expect(frames(r.panic)).toEqual(['main: a: String [moved], b: String = "second", n: i64 = 6']);
    // the live String is also dropped while unwinding; the moved one is not
    expect(r.panic!.unwind.filter((s) => s.kind === 'drop').map((s) => s.kind === 'drop' && s.value)).toEqual(['b']);
  });

  it('caught panics: the unwound frames up to catch_panic carry their locals', () => {
    const r = runVex(`fn check(n: i32): i32 {
    let limit = 3;
    if n > limit { panic(f"{n} is too big"); }
    return n;
}
fn main() {
    let outer = 1;
    let res = catch_panic(|| check(9));
    println("{}", res);
}`);
    expect(r.exitCode).toBe(0);
    const [p] = caught(r);
    expect(frames(p)).toEqual(['check: n: i32 = 9, limit: i32 = 3', 'closure in main: ']);
  });

  it('generic functions: the concrete types of the instance', () => {
    const r = runVex(`fn first<T>(v: Vec<T>, i: i64): T {
    let len = v.len();
    if i >= len { panic("no such element"); }
    return v[i];
}
fn main() {
    let! words = Vec<str>.new();
    words.push("a");
    words.push("b");
    println("{}", first(words, 5));
}`);
    expect(frames(r.panic)[0]).toBe('first: v: Vec<str> = ["a", "b"], i: i64 = 5, len: i64 = 2');
  });

  it('async fn frames: the locals of the async function, then the awaiting frames', () => {
    const r = runVex(`async fn fetch(id: i32): i32 {
    let base = id * 10;
    await sleep(Duration.from_millis(1));
    if base > 20 { panic("bad id"); }
    return base;
}
fn main() {
    let want = 3;
    println("{}", block_on(fetch(want)));
}`);
    expect(r.exitCode).toBe(134);
    const f = frames(r.panic);
    expect(f[0]).toBe('fetch: id: i32 = 3, base: i32 = 30');
    expect(f[f.length - 1]).toBe('main: want: i32 = 3');
  });

  it('tuple lets and a for-c loop variable', () => {
    const r = runVex(`fn main() {
    let (a, b) = (1, "two");
    for let! j = 0; j < 4; j += 1 {
        if j == 2 { panic("j"); }
    }
}`);
    expect(frames(r.panic)).toEqual(['main: a: i32 = 1, b: str = two, j: i32 = 2']);
  });

  it('long values are cut short, and the same run gives the same locals', () => {
    const src = `fn main() {
    let! v = Vec<i64>.new();
    for k in 0..100 { v.push(k); }
    panic("full");
}`;
    const a = runVex(src), b = runVex(src);
    const l = a.panic!.unwind[0].kind === 'frame' ? a.panic!.unwind[0].locals! : [];
    expect(l[0].name).toBe('v');
    expect(l[0].shown.length).toBe(60);
    expect(l[0].shown.endsWith('…')).toBe(true);
    expect(JSON.stringify(a.trace)).toBe(JSON.stringify(b.trace));
  });

  it('the happy path records nothing and runs the same', () => {
    const r = runVex(`fn add(a: i32, b: i32): i32 { let s = a + b; return s; }
fn main() { let x = add(1, 2); println("{}", x); }`);
    expect(r.stdout).toBe('3\n');
    expect(r.panic).toBeNull();
  });
});

describe('frame locals: generated code', () => {
  it('float parameters are shown; float locals are left out (kept unboxed in hot loops)', () => {
    const r = runVex(`fn ratio(a: f64, b: f64): f64 {
    let q = a / b;
    let n = 3;
    if b == 0.0 { panic("zero"); }
    return q;
}
fn main() { println("{}", ratio(1.5, 0.0)); }`);
    expect(frames(r.panic)[0]).toBe('ratio: a: f64 = 1.5, b: f64 = 0, n: i32 = 3');
  });

  it('a block of thousands of lets compiles and runs (one try per block, not per let)', () => {
    const lets = Array.from({ length: 3000 }, (_, i) => `    let a${i} = ${i};`).join('\n');
    const r = runVex(`fn main() {\n${lets}\n    if a2999 > 0 { panic("end"); }\n}`);
    expect(r.exitCode).toBe(134);
    const f = r.panic!.unwind[0];
    expect(f.kind === 'frame' && f.locals!.length).toBe(3000);
    expect((r.js.match(/\btry \{/g) ?? []).length).toBeLessThan(5);
  });
});

describe('frame locals at a stack overflow', () => {
  const overflow = (r: ReturnType<typeof runVex>) => {
    const e = r.trace.find((x) => x.t === 'stack-overflow');
    if (!e || e.t !== 'stack-overflow') throw new Error('no overflow');
    return e.info;
  };
  it('the innermost three frames, plain frames (small stack) and heap frames (deep recursion)', () => {
    const src = `fn down(n: i64, tag: str): i64 {
    let half = n / 2;
    return 1 + down(n - 1, tag) + half * 0;
}
fn main() { println("{}", down(100000, "x")); }`;
    const small = overflow(runVex(src, { stackSize: 64 * 256 }));
    expect(small.top!.map((f) => f.locals.map((l) => `${l.name}=${l.shown}`).join(' '))).toEqual([
      'n=99938 tag=x half=49969', 'n=99939 tag=x half=49969', 'n=99940 tag=x half=49970',
    ]);
    const deep = overflow(runVex(src)); // 1 MiB: 4,096 frames, most of them heap frames (deep.ts)
    expect(deep.depth).toBe(4096);
    expect(deep.top!.map((f) => f.fn)).toEqual(['down', 'down', 'down']);
    expect(deep.top![0].locals[0]).toMatchObject({ name: 'n', shown: String(100000 - 4094) });
  });
});

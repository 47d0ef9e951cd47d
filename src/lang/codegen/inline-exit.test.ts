// A plain function with cleanup (defer, Drop locals) leaves its body by `break $x` and runs the
// cleanup after it, without `finally` (stmts.ts inlineExit). Every exit must still run it once:
// return values, early returns from loops and matches, `?`, falling off the end, a panic in the
// body (drops logged in order, locals recorded) and a panic in a drop on the normal exit (the rest
// of the cleanup turns into unwinding). Reference: the same functions as generator twins (heap
// frames, deepAt 0), which keep the try/finally shape.
import { describe, expect, it } from 'vitest';
import { runVex } from './run-helpers.test-util';
import type { RunResult } from '../../runtime/api';

const TAG = `struct Tag impl Drop {
    name: str,
    fn drop()! { println("drop {}", self.name); if self.name == "bomb" { panic("in drop"); } }
}
`;
// each function recurses once (`k > 0`) so that it gets a twin; the twin runs with deepAt 0
const SRC = TAG + `fn early(k: i32, n: i32): i32 {
    if k > 0 { return early(k - 1, n); }
    let a = Tag { name: "a" };
    defer println("defer early");
    for i in 0..10 {
        let b = Tag { name: "b" };
        if i == n { return i * 10; }
    }
    let c = Tag { name: "c" };
    return -1;
}
fn opt(k: i32, o: Option<i32>): Option<i32> {
    if k > 0 { return opt(k - 1, o); }
    let a = Tag { name: "oa" };
    let v = o?;
    let b = Tag { name: "ob" };
    return Some(v + 1);
}
fn unit(k: i32, s: String) {
    if k > 0 { unit(k - 1, s); return; }
    let a = Tag { name: "ua" };
    println("unit {}", s);
}
fn boom(k: i32, x: i32): i32 {
    if k > 0 { return boom(k - 1, x); }
    let a = Tag { name: "pa" };
    defer println("defer boom");
    let v: Vec<i32> = Vec.new();
    let b = Tag { name: "pb" };
    return v[x] + 1;
}
fn bomb(k: i32): i32 {
    if k > 0 { return bomb(k - 1); }
    let a = Tag { name: "after" };
    let b = Tag { name: "bomb" };
    return 7;
}
fn main() {
    println("{}", early(1, 3));
    println("{}", early(1, 20));
    println("{}", opt(1, Some(4)).unwrap_or(0));
    println("{}", opt(1, None).unwrap_or(0));
    unit(1, String.from("s"));
    let r = catch_panic(|| boom(1, 5));
    println("caught {}", r.is_err());
    println("{}", bomb(1));
}
`;

const view = (r: RunResult & { stdout: string; stderr: string }) => ({ stdout: r.stdout, stderr: r.stderr, outcome: r.outcome, steps: r.steps, panic: r.panic, trace: r.trace.filter((e) => e.t !== 'start') });

describe('cleanup after the body (no finally)', () => {
  it('runs defers and drops once on every exit, in order, as the try/finally twins do', () => {
    const plain = runVex(SRC);
    const fn = (name: string) => plain.js.slice(plain.js.indexOf(`function f`, plain.js.search(new RegExp(`function f\\d+_${name}\\d*\\(`))));
    for (const name of ['early', 'opt', 'unit', 'boom', 'bomb']) {
      const body = fn(name).slice(0, fn(name).indexOf('\n}\n'));
      expect(body, name).toMatch(/\$x: \{/);
      expect(body, name).not.toMatch(/\bfinally\b/);
    }
    expect(plain.stdout).toBe([
      // a return inside the loop: the defer, then the loop's `b` and `a` (reverse order)
      'drop b', 'drop b', 'drop b', 'defer early', 'drop b', 'drop a', '30',
      ...Array(10).fill('drop b'), 'defer early', 'drop c', 'drop a', '-1',
      'drop ob', 'drop oa', '5',
      'drop oa', '0', // `?` returned None
      'unit s', 'drop ua', // fell off the end
      'defer boom', 'drop pb', 'drop pa', 'caught true', // a panic in the body
      'drop bomb', 'drop after', '', // a panic in the normal exit's drop: the rest unwinds
    ].join('\n'));
    expect(plain.stderr).toMatch(/^panic: in drop/);
    const steps = plain.panic!.unwind.map((s) => s.kind + ('fn' in s ? ' ' + s.fn : ''));
    // the drop that panicked is its own frame; then bomb, under its own name, drops the rest
    expect(steps.slice(0, 5)).toEqual(['frame Tag.drop', 'leave Tag.drop', 'frame bomb', 'drop bomb', 'leave bomb']);
    const twins = runVex(SRC, { deepAt: 0 });
    expect(twins.js).toMatch(/function\* f\d+_boom\d*\$deep\(/);
    expect(view(plain)).toEqual(view(twins));
  });

  it('leaves by break from a return emitted before the frame had cleanup (the body emitted again)', () => {
    const js = runVex(SRC).js;
    // opt's first return comes before its first Drop local: only the finished frame tells that
    // it leaves by `break $x` (FnEmitter.inlineExit); no return skips the cleanup
    const start = js.search(/function f\d+_opt\d*\(/);
    const body = js.slice(start, js.indexOf('\n}\n', start));
    expect(body).toMatch(/if \(\(v_k_\d+ > 0\)\) \{\n\{ \$r = [^;]*; break \$x; \}/);
    expect(body).not.toMatch(/return \(\$r = /);
    expect(js).not.toMatch(/[\x00-\x08\x0e-\x1f]/); // no control characters left in the text
  });

  it('records the locals and parameters of a frame a panic passes', () => {
    const src = TAG + `fn f(k: i32, n: i32): i32 {
    if k > 0 { return f(k - 1, n); }
    let t = Tag { name: "t" };
    let m = n * 2;
    let v: Vec<i32> = Vec.new();
    return v[m];
}
fn main() { println("{}", f(1, 4)); }
`;
    const plain = runVex(src), twins = runVex(src, { deepAt: 0 });
    const frame = plain.panic!.unwind.find((s) => s.kind === 'frame' && s.locals);
    expect(frame && frame.kind === 'frame' ? frame.locals!.map((l) => l.name) : null).toEqual(['k', 'n', 't', 'm', 'v']);
    expect(view(plain)).toEqual(view(twins));
  });
});

describe('a function consuming its by-value parameter (bench/bintree check)', () => {
  // the parameter's drop at exit: nothing left of it once both boxes are taken, a box left when
  // an arm takes one; a panic before the match (all of `t` dropped while unwinding) or in the
  // first call of the arm (the box not yet taken is dropped, logged)
  const src = TAG + `enum Tree { Leaf, Node(Box<Tree>, Box<Tree>) }
fn build(d: i32): Tree { if d == 0 { return Tree.Leaf; } return Tree.Node(Box(build(d - 1)), Box(build(d - 1))); }
fn check(t: Tree, bad: i32): i32 {
    if bad == 0 { panic("bad"); }
    return match t {
        Tree.Leaf => 1,
        Tree.Node(l, r) => 1 + check(*l, bad - 1) + check(*r, bad - 1),
    };
}
fn half(t: Tree, tag: Tag): i32 {
    return match t {
        Tree.Leaf => 0,
        Tree.Node(l, _) => check(*l, 100),
    };
}
fn main() {
    println("{}", check(build(3), 100));
    println("{}", half(build(3), Tag { name: "h" }));
    let r = catch_panic(|| check(build(3), 2));
    println("caught {}", r.is_err());
    println("{}", check(build(3), 3));
}
`;
  it('leaves through the normal exit with no defer code and unwinds as the try/finally twins do', () => {
    const plain = runVex(src);
    const check = plain.js.slice(plain.js.search(/function f\d+_check\d*\(/));
    const body = check.slice(0, check.indexOf('\n}\n'));
    expect(body).not.toMatch(/\$d\b|runDefers|finally/);
    expect(plain.stdout).toBe(['15', 'drop h', '7', 'caught true', ''].join('\n'));
    expect(plain.stderr).toMatch(/^panic: bad/);
    const steps = plain.panic!.unwind.map((s) => s.kind + ('fn' in s ? ' ' + s.fn : '') + (s.kind === 'drop' ? ' ' + s.value : ''));
    // the panicking frame drops all of `t`, each caller the box it had not yet taken... or none
    // the panicking frame drops all of `t`; each caller drops what is left of its `t` (the box
    // its second call would have taken)
    expect(steps).toEqual([...Array(4).fill(['frame check', 'drop check t', 'leave check']).flat(), 'frame main', 'leave main', 'aborted']);
    expect(plain.panic!.backtrace.map((b) => `${b.fn}:${b.loc?.line}`)).toEqual(['check:8', 'check:11', 'check:11', 'check:11', 'main:25']);
    const twins = runVex(src, { deepAt: 0 });
    expect(twins.js).toMatch(/function\* f\d+_check\d*\$deep\(/);
    expect(view(plain)).toEqual(view(twins));
  });
});

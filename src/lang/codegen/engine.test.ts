// End-to-end engine behaviour through compile() + run(): unwinding, hygiene, determinism, the
// stack model, limits and internal-error classification.
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '../compile';
import { run } from '../../runtime/run';
import { runVex } from './run-helpers.test-util';
import { sharedPath } from '../../../tests/shared-suite';

const GUARD = `struct G impl Drop {
    n: str,
    fn drop()! { println("drop {}", self.n); }
}
`;

describe('panics and unwinding', () => {
  it('runs defers LIFO then drops in reverse, frame by frame, and prints a backtrace', () => {
    const r = runVex(GUARD + `fn inner() {
    let a = G { n: "a" };
    let b = G { n: "b" };
    defer println("d1");
    defer println("d2");
    panic("boom");
}
fn outer() {
    let o = G { n: "o" };
    defer println("od");
    inner();
}
fn main() {
    outer();
}
`);
    expect(r.stdout).toBe('d2\nd1\ndrop b\ndrop a\nod\ndrop o\n');
    expect(r.exitCode).toBe(134);
    expect(r.stderr).toMatch(/^panic: boom\n  at inner \(test\.vx:10:5\)\n  at outer \(test\.vx:15:5\)\n  at main \(test\.vx:18:5\)\n/);
    const steps = r.panic!.unwind.map((s) => s.kind + ('fn' in s ? ':' + s.fn : ''));
    // frames with nothing to clean up (main here) still log frame + leave, then the abort
    expect(steps).toEqual(['frame:inner', 'defer:inner', 'defer:inner', 'drop:inner', 'drop:inner', 'leave:inner', 'frame:outer', 'defer:outer', 'drop:outer', 'leave:outer', 'frame:main', 'leave:main', 'aborted']);
  });

  it('catch_panic returns Err(msg), runs the cleanup, prints nothing, and the program goes on', () => {
    const r = runVex(GUARD + `fn risky(n: i32): i32 {
    let g = G { n: "g" };
    if n > 3 { panic(f"too big {n}"); }
    return n;
}
fn main() {
    let a = catch_panic(|| risky(9));
    let b = catch_panic(|| risky(2));
    println("{} {}", a, b);
    let v: Vec<i32> = Vec<i32>.new();
    let c = catch_panic(|| v.get(3));
    println("{}", c.unwrap_err());
}
`);
    expect(r.stdout).toBe('drop g\ndrop g\nErr("too big 9") Ok(2)\nindex out of bounds: index 3, len 0\n');
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
  });

  it('a panic in a drop while unwinding aborts at once', () => {
    const r = runVex(`struct Bad impl Drop {
    x: i32,
    fn drop()! { panic("in drop"); }
}
fn main() {
    let g = Bad { x: 1 };
    defer println("never");
    panic("first");
}
`);
    expect(r.stderr).toContain('panic: first\n');
    expect(r.stderr).toContain('panic: in drop\n');
    expect(r.stdout).toBe('never\n');
    expect(r.exitCode).toBe(134);
  });

  it('panic=abort runs no defers or drops', () => {
    const r = runVex(GUARD + `fn main() {\n    let g = G { n: "g" };\n    defer println("d");\n    panic("x");\n}\n`, { panic: 'abort' });
    expect(r.stdout).toBe('');
    expect(r.exitCode).toBe(134);
  });

  it('runtime panics carry the documented messages', () => {
    const cases: [string, string][] = [
      ['let a = [1, 2, 3];\n    let i = 5;\n    println("{}", a[i]);', 'index out of bounds: index 5, len 3'],
      ['let o: Option<i32> = None;\n    println("{}", o.unwrap());', 'called unwrap on None'],
      ['let m = {"a": 1};\n    println("{}", m["b"]);', 'key not found'],
      ['assert(1 > 2, "math");', 'assertion failed: math'],
      ['assert_eq(1 + 1, 3);', 'assertion failed: left == right (left: 2, right: 3)'],
      ['unreachable();', 'entered unreachable code'],
    ];
    for (const [body, msg] of cases) {
      const r = runVex(`fn main() {\n    ${body}\n}\n`);
      expect(r.stderr.split('\n')[0], body).toBe(`panic: ${msg}`);
      expect(r.exitCode).toBe(134);
    }
  });
});

describe('hygiene', () => {
  it('Vex names that are JS globals compile and never reach the JS global scope', () => {
    const r = runVex(`fn eval(x: i32): i32 { return x + 1; }
fn fetch(): str { return "local"; }
struct constructor { __proto__: i32, self: i32 }
fn main() {
    let globalThis = 1;
    let postMessage = eval(globalThis);
    let c = constructor { __proto__: 3, self: 4 };
    let! Object = {"__proto__": 1, "constructor": 2};
    Object["hasOwnProperty"] = 3;
    println("{} {} {} {}", postMessage, fetch(), c, Object);
}
`);
    expect(r.stdout).toBe('2 local constructor { __proto__: 3, self: 4 } {"__proto__": 1, "constructor": 2, "hasOwnProperty": 3}\n');
  });

  it('generated code names no free identifiers except rt and its own declarations', () => {
    const { js } = runVex(readFileSync(join(__dirname, '../../../tests/conformance/core_hygiene.vx'), 'utf8'));
    // line comments (`// drop Map<str, i32>` after a drop function) name no identifiers
    const code = js.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/\/\/[^\n]*/g, '').replace(/\.\s*[A-Za-z_$][\w$]*/g, '').replace(/[A-Za-z_$][\w$]*\s*:(?!:)/g, '');
    const words = new Set(code.match(/[A-Za-z_$][\w$]*/g));
    const JS_WORDS = new Set('const let var function return if else for while break continue new class constructor this try catch finally throw true false null undefined typeof instanceof of in use strict yield void Object freeze'.split(' '));
    const bad = [...words].filter((w) => !JS_WORDS.has(w) && w !== 'rt' && !/^(\$|v_|f\d|S_|E_|a\d|t$|i$|v$|x$)/.test(w));
    expect(bad).toEqual([]);
  });
});

describe('determinism', () => {
  it('every conformance program gives byte-identical output and trace on a second run', () => {
    const dir = sharedPath('conformance');
    const files = readdirSync(dir).filter((f) => f.endsWith('.vx'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const c = compile([{ name: f, text: readFileSync(join(dir, f), 'utf8') }]);
      if (!c.program) continue;
      const a = run(c.program), b = run(c.program);
      expect(JSON.stringify(b.output), f).toBe(JSON.stringify(a.output));
      expect(JSON.stringify(b.trace), f).toBe(JSON.stringify(a.trace));
      expect(b.exitCode, f).toBe(a.exitCode);
    }
  });
});

describe('stack model and limits', () => {
  const deep = (n: number) => `fn depth(n: i32): i32 {
    let pad = [n, n, n, n];
    if n == 0 { return 0; }
    return 1 + depth(n - 1) + pad[0] - n;
}
fn main() { println("{}", depth(${n})); }
`;
  it('recursion to 4,095 frames fits the default 1 MiB stack (main is the 4,096th)', () => {
    const r = runVex(deep(4094));
    expect(r.stdout).toBe('4094\n');
  });
  it('one frame more overflows deterministically with the documented report', () => {
    const r = runVex(deep(4095));
    expect(r.exitCode).toBe(134);
    expect(r.stderr).toContain('fatal: stack overflow (stack 1048576 bytes)\n');
    expect(r.stderr).toContain('  at depth (test.vx:4:16)');
    expect(r.outcome.kind).toBe('aborted');
  });
  it('a huge stack setting ends cleanly when the host stack runs out first', () => {
    const r = runVex(deep(10_000_000), { stackSize: 2 ** 40 });
    expect(r.outcome.kind).toBe('aborted');
    expect(r.stderr).toContain('fatal: stack overflow');
    expect(r.stderr).toContain('host JavaScript stack');
  });
  it('loop {} ends with the fuel limit', () => {
    const r = runVex('fn main() {\n    loop {}\n}\n', { fuel: 1_000_000 });
    expect(r.outcome).toMatchObject({ kind: 'limit', limit: 'fuel' });
  });
  it('a huge allocation ends cleanly with the heap limit', () => {
    const r = runVex('fn main() {\n    let p = alloc(1 << 40);\n    println("never");\n}\n');
    expect(r.outcome).toMatchObject({ kind: 'limit', limit: 'heap' });
    expect(r.stderr).toContain('memory allocation of 1099511627776 bytes failed');
    expect(r.stdout).toBe('');
  });
});

describe('ownership', () => {
  it('by-value parameters are dropped when the callee returns, unless moved out', () => {
    const r = runVex(GUARD + `fn consume(g: G) { println("consuming {}", g.n); }
fn pass(g: G): G { return g; }
fn main() {
    let a = G { n: "a" };
    consume(a);
    let b = pass(G { n: "b" });
    {
        let c = G { n: "c" };
        let d = c;
        println("block end");
    }
    println("end");
}
`);
    expect(r.stdout).toBe('consuming a\ndrop a\nblock end\ndrop c\nend\ndrop b\n');
  });

  it('Vec buffers are freed when the Vec goes out of scope (runtime_stats)', () => {
    const r = runVex(`fn fill(n: i32): Vec<i32> {
    let! v = Vec<i32>.new();
    for i in 0..n { v.push(i); }
    return v;
}
fn main() {
    {
        let v = fill(5);
        let s = runtime_stats();
        println("live {} len {}", s.live_bytes, v.len());
    }
    let s = runtime_stats();
    println("live {} allocs {} frees {}", s.live_bytes, s.allocs, s.frees);
}
`);
    expect(r.stdout).toBe('live 32 len 5\nlive 0 allocs 2 frees 2\n');
  });
});

describe('trace', () => {
  it('traceCalls emits balanced call/return events in order', () => {
    const r = runVex(`fn leaf(): i32 { return 1; }
fn mid(): i32 { return leaf() + leaf(); }
fn main() { println("{}", mid()); }
`, { traceCalls: true });
    const ev = r.trace.filter((e) => e.t === 'call' || e.t === 'return').map((e) => `${e.t} ${'fn' in e ? e.fn : ''}`);
    expect(ev).toEqual(['call main', 'call mid', 'call leaf', 'return leaf', 'call leaf', 'return leaf', 'return mid', 'return main']);
    const off = runVex('fn main() { println("x"); }\n');
    expect(off.trace.some((e) => e.t === 'call')).toBe(false);
  });
});

describe('collections', () => {
  it('Map and Set compare compound keys (tuples, String, structs) by value', () => {
    const r = runVex(`struct P { x: i32, y: i32 }
fn main() {
    let! m: Map<(i32, i32), str> = Map();
    m.insert((1, 2), "a");
    m[(3, 4)] = "b";
    m.insert((1, 2), "c");
    println("{} {} {}", m, m[(1, 2)], m.contains_key((3, 4)));
    let! names: Map<String, i32> = Map();
    names.insert(String.from("ann"), 1);
    names.insert(String.from("ann"), 2);
    println("{}", names);
    let! s: Set<P> = Set();
    s.insert(P { x: 1, y: 2 });
    s.insert(P { x: 1, y: 2 });
    println("{} {}", s.len(), s.contains(P { x: 1, y: 2 }));
    for k in m { println("key {}", k); }
}
`);
    expect(r.stdout).toBe('{(1, 2): "c", (3, 4): "b"} c true\n{"ann": 2}\n1 true\nkey (1, 2)\nkey (3, 4)\n');
  });
});

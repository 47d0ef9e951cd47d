// Front-end throughput (issue #2): generates a realistic 10,000-line Vex program that checks
// without errors and reports lex, lex+parse and lex+parse+check times (median of several runs
// after warm-up) and lines/second. Target: lex+parse+check under 300 ms.
//   npx tsx bench/frontend.ts [lines]
// `runFrontendBench()` returns the report lines so `npm run bench` (bench/run.ts) can print them.
import { pathToFileURL } from 'node:url';
import { lex } from '../src/lang/syntax/lexer';
import { parse } from '../src/lang/syntax/parser';
import { checkSource } from '../src/lang/sema/check';

/** Deterministic pseudo-random numbers (no Math.random: runs must be comparable). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 0x100000000; };
}

// Building blocks, each a few lines of idiomatic Vex; `$` is replaced by a unique number.
const BLOCKS: ((r: () => number) => string)[] = [
  () => `struct Point$ {
    x: i32,
    y: i32,
}
fn (p: &Point$) norm1(): i32 { return p.x * p.x + p.y * p.y; }
fn (p: &Point$!) shift(dx: i32, dy: i32) { p.x += dx; p.y += dy; }
fn Point$.new(x: i32, y: i32): Point$ { return Point$ { x: x, y: y }; }
`,
  () => `enum Shape$ { Circle(f64), Rect(f64, f64), Empty, }
fn area$(s: Shape$): f64 {
    match s {
        Shape$.Circle(r) => { return 3.14159 * r * r; }
        Shape$.Rect(w, h) => { return w * h; }
        Shape$.Empty => { return 0.0; }
    }
}
`,
  (r) => `fn sum$(n: i32): i64 {
    let! total: i64 = 0;
    for i in 0..n {
        if i % ${2 + Math.floor(r() * 5)} == 0 { total += i as i64; } elif i > 100 { break; } else { continue; }
    }
    let! k = 0;
    while k < n { k += 1; }
    return total;
}
`,
  () => `fn apply$(f: fn(i32): i32, x: i32): i32 { return f(x); }
fn closures$(): i32 {
    let base = 10;
    let add = |x: i32| x + base;
    let mul = |a: i32, b: i32|: i32 { return a * b; };
    let tail = |v: i32| { let w = v * 2; w + 1 };
    return apply$(add, 1) + mul(2, 3) + tail(4);
}
`,
  () => `struct Stack$<T> {
    items: Vec<T>,
}
fn (s: &Stack$<T>!) push(x: T) { s.items.push(x); }
fn (s: &Stack$<T>!) pop(): Option<T> { return s.items.pop(); }
fn use_stack$() {
    let! st = Stack$<i32> { items: Vec<i32>.new() };
    st.push(1 << 3 | 4 & 7);
    match st.pop() {
        Some(v) if v > 3 => println("big {}", v),
        Some(v) => println(f"small {v}"),
        None => println("empty"),
    }
}
`,
  (r) => `fn classify$(code: i32): str {
    switch code {
        case 1: return "one";
        case 2, 3: return "few";
        default: return "many";
    }
}
fn tuples$(): (i32, bool) {
    let (q, rr) = (${Math.floor(r() * 100)} / 7, ${Math.floor(r() * 100)} % 7);
    let arr = [q, rr, q * rr];
    let! m = {"a": 1, "b": 2};
    m["c"] = arr[2];
    defer println("done");
    return (q + rr, m.len() > 2 && -2 ** 2 == 4);
}
`,
];

/** A Vex program of about `lines` lines (a realistic mix of items and statements), plus `main`. */
export function generateProgram(lines: number): string {
  const r = lcg(42);
  const parts: string[] = [];
  let count = 0, n = 0;
  while (count < lines - 3) {
    const block = BLOCKS[Math.floor(r() * BLOCKS.length)](r).replace(/\$/g, String(n++));
    parts.push(block);
    count += block.split('\n').length - 1;
  }
  parts.push('fn main() {\n    println("{}", 1 + 2 * 3);\n}\n');
  return parts.join('');
}

export interface Stage { name: string; run: (file: string, src: string) => unknown }

export const stages: Stage[] = [
  { name: 'lex', run: (f, s) => lex(f, s) },
  { name: 'lex+parse', run: (f, s) => parse(f, s) },
  { name: 'lex+parse+check', run: (f, s) => checkSource(f, s) },
];

/**
 * Median wall time of `runs` runs after `warmup` unmeasured runs, and the mean CPU time of the
 * process per run (all threads, GC included): steadier than wall time on a busy machine.
 */
export function measure(stage: Stage, src: string, warmup = 20, runs = 15): { wall: number; cpu: number } {
  for (let i = 0; i < warmup; i++) stage.run('bench.vx', src);
  const times: number[] = [];
  const c0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    stage.run('bench.vx', src);
    times.push(performance.now() - t0);
  }
  const c = process.cpuUsage(c0);
  times.sort((a, b) => a - b);
  return { wall: times[runs >> 1], cpu: (c.user + c.system) / 1000 / runs };
}

/** Report lines for a generated program of `lines` lines; `ok` is false when it does not check cleanly. */
export function frontendReport(lines: number, extra: Stage[] = [], warmup = 20, runs = 15, base: Stage[] = stages): { ok: boolean; lines: string[] } {
  const src = generateProgram(lines);
  const actual = src.split('\n').length;
  const res = checkSource('bench.vx', src);
  const out: string[] = [];
  const ok = res.diagnostics.length === 0;
  if (!ok) {
    out.push(`generated program has ${res.diagnostics.length} diagnostics (the benchmark is invalid): ` +
      res.diagnostics.slice(0, 3).map((d) => `${d.code} ${d.message} @${d.span.line}`).join('; '));
  }
  out.push(`front-end benchmark: ${actual} lines, ${(src.length / 1024).toFixed(0)} KiB, ${res.ast.items.length} items, ${res.diagnostics.length} diagnostics (target: lex+parse+check < 300 ms)`);
  for (const s of [...base, ...extra]) {
    const m = measure(s, src, warmup, runs);
    const rate = Math.round(actual / (m.wall / 1000)).toLocaleString('en-US');
    out.push(`  ${s.name.padEnd(18)} ${m.wall.toFixed(1).padStart(7)} ms wall (median)  ${m.cpu.toFixed(1).padStart(7)} ms cpu   ${rate.padStart(10)} lines/s`);
  }
  return { ok, lines: out };
}

/**
 * The front-end section of `npm run bench`: the 10,000-line program, median after warm-up.
 * `base` lets bench/run.ts measure the bundled toolchain (as the site ships it).
 */
export async function runFrontendBench(base: Stage[] = stages): Promise<string[]> {
  return frontendReport(10_000, [], 20, 15, base).lines;
}

export function report(lines: number, extra: Stage[] = []): void {
  const r = frontendReport(lines, extra);
  for (const l of r.lines) console.log(l);
  if (!r.ok) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  report(Number(process.argv[2] ?? 10_000));
}

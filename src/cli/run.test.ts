// `vex run` as a user runs it: spawn `node bin/vex.mjs run …` on temp files and check stdout,
// stderr, exit status (vex-language §2.2), --stats, --json, --trace, --panic, --stack, --heap.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'vexrun-'));
const file = (name: string, text: string) => { const p = join(dir, name); writeFileSync(p, text); return p; };

/** One CLI process; generous timeout because each spawn loads tsx on a shared machine. */
function vex(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [join(root, 'bin/vex.mjs'), ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const T = 90_000;

const HELLO = file('hello.vx', 'fn main(): i32 {\n    println("hi {}", 40 + 2);\n    return 3;\n}\n');
const PANICS = file('panics.vx', `struct G impl Drop {
    n: str,
    fn drop()! { println("drop {}", self.n); }
}
fn inner(x: i32) {
    let g = G { n: "inner" };
    defer println("defer inner");
    if x > 0 { panic(f"bad value {x}"); }
}
fn main() {
    let g = G { n: "main" };
    println("before");
    inner(5);
    println("unreachable");
}
`);
const BAD = file('bad.vx', 'fn main() {\n    let count: i32 = "seven";\n}\n');
const ALLOCS = file('allocs.vx', `fn main() {
    let! v = Vec<i32>.new();
    for i in 0..100 { v.push(i); }
    println("{}", v.len());
}
`);
const DEEP = file('deep.vx', `fn depth(n: i32): i32 {
    if n == 0 { return 0; }
    return 1 + depth(n - 1);
}
fn main() { println("{}", depth(1000)); }
`);
const BIG = file('big.vx', `fn main() {
    let p = alloc(2000000);
    free(p);
    println("1");
}
`);

describe('vex run (spawned CLI)', () => {
  it('prints stdout as written and exits with main\'s return value', () => {
    expect(vex('run', HELLO)).toEqual({ code: 3, out: 'hi 42\n', err: '' });
  }, T);

  it('an uncaught panic: stdout kept, `panic: …` on stderr, defers and drops run, exit 134', () => {
    const r = vex('run', PANICS);
    expect(r.code).toBe(134);
    expect(r.out).toBe('before\ndefer inner\ndrop inner\ndrop main\n');
    expect(r.err.split('\n')[0]).toBe('panic: bad value 5');
  }, T);

  it('--panic abort runs no defer and no drop', () => {
    const r = vex('run', '--panic', 'abort', PANICS);
    expect(r.code).toBe(134);
    expect(r.out).toBe('before\n');
    expect(r.err).toContain('panic: bad value 5');
  }, T);

  it('compile errors: rustc-style diagnostics on stderr, nothing on stdout, exit 1', () => {
    const r = vex('run', BAD);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('error[E0103]');
    expect(r.err).toMatch(/--> \S*bad\.vx:2:22/);
    expect(r.err).toContain('2 |     let count: i32 = "seven";');
    expect(r.err).toContain('^^^^^^^');
  }, T);

  it('--stats adds exactly one last stderr line in the documented format; --trace writes JSONL', () => {
    const trace = join(dir, 'out.jsonl');
    const r = vex('run', '--stats', '--trace', trace, ALLOCS);
    expect(r.code).toBe(0);
    expect(r.out).toBe('100\n');
    const lines = r.err.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const m = /^stats: compile_ms=(\d+) run_ms=(\d+) steps=(\d+) allocs=(\d+) peak_bytes=(\d+)$/.exec(lines[0]);
    expect(m, lines[0]).not.toBeNull();
    const [steps, allocs, peak] = [Number(m![3]), Number(m![4]), Number(m![5])];
    expect(steps).toBeGreaterThan(100);
    expect(allocs).toBeGreaterThanOrEqual(6); // capacity 4, 8, 16, 32, 64, 128
    expect(peak).toBeGreaterThanOrEqual(400);
    // One JSON event per line: a versioned start, the output, allocations, and the exit last.
    const events = readFileSync(trace, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(events[0]).toMatchObject({ t: 'start' });
    expect(typeof events[0].version).toBe('number');
    // runtime stats count a realloc as one alloc plus one free
    expect(events.filter((e) => e.t === 'alloc' || e.t === 'realloc').length).toBe(allocs);
    expect(events.filter((e) => e.t === 'output').map((e) => e.text).join('')).toBe('100\n');
    expect(events.at(-1)).toMatchObject({ t: 'exit', outcome: { kind: 'exited', code: 0 } });
    // trace v2: main's end is an event too (the Task timeline shows main ended)
    expect(events.filter((e) => e.t.startsWith('task-'))).toEqual([{ t: 'task-end', task: 0, clock: 0 }]);
  }, T);

  it('--json prints one object with the documented keys (panic details included)', () => {
    const r = vex('run', '--json', PANICS);
    expect(r.code).toBe(134);
    const j = JSON.parse(r.out);
    for (const k of ['outcome', 'exitCode', 'stdout', 'stderr', 'diagnostics', 'panic']) expect(j, k).toHaveProperty(k);
    expect(j.outcome).toBe('panicked');
    expect(j.exitCode).toBe(134);
    expect(j.stdout).toBe('before\ndefer inner\ndrop inner\ndrop main\n');
    expect(j.stderr).toContain('panic: bad value 5');
    expect(j.diagnostics).toEqual([]);
    expect(j.panic.message).toBe('bad value 5');
    expect(j.panic.location).toMatchObject({ line: 8 });
    expect(j.panic.backtrace.map((f: { fn: string }) => f.fn).slice(0, 2)).toEqual(['inner', 'main']);
    const kinds = j.panic.unwind.map((s: { kind: string }) => s.kind);
    expect(kinds).toContain('defer');
    expect(kinds).toContain('drop');
    expect(kinds.indexOf('defer')).toBeLessThan(kinds.indexOf('drop'));
  }, T);

  it('--json on a clean run and on a compile error', () => {
    const ok = JSON.parse(vex('run', '--json', HELLO).out);
    expect(ok).toMatchObject({ outcome: 'exited', exitCode: 3, stdout: 'hi 42\n', stderr: '', diagnostics: [], panic: null });
    const r = vex('run', '--json', BAD);
    expect(r.code).toBe(1);
    const bad = JSON.parse(r.out);
    expect(bad.exitCode).toBe(1);
    expect(bad.diagnostics.map((d: { code: string }) => d.code)).toEqual(['E0103']);
  }, T);

  it('--stack limits the main stack: the same recursion overflows cleanly with 134', () => {
    expect(vex('run', DEEP)).toMatchObject({ code: 0, out: '1000\n' });
    const r = vex('run', '--stack', '16K', DEEP);
    expect(r.code).toBe(134);
    expect(r.out).toBe('');
    expect(r.err).toContain('fatal: stack overflow (stack 16384 bytes)');
    expect(r.err).not.toMatch(/RangeError|internal error/);
  }, T);

  it('--heap limits the heap: a too-large allocation aborts with the documented message', () => {
    expect(vex('run', BIG)).toMatchObject({ code: 0, out: '1\n' });
    const r = vex('run', '--heap', '1M', BIG);
    // (the exit status of a heap-limit abort is asserted in tests/audit-engine.test.ts)
    expect(r.code).not.toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toContain('memory allocation of 2000000 bytes failed');
  }, T);

  it('bad options are usage errors (exit 2)', () => {
    expect(vex('run', '--stack', 'lots', HELLO).code).toBe(2);
    expect(vex('run', '--panic', 'never', HELLO).code).toBe(2);
  }, T);

  it('I/O problems are one `vex: …` line and exit 2, never a Node exception', () => {
    const noDir = vex('run', '--trace', join(dir, 'missing-dir', 'out.jsonl'), HELLO);
    expect(noDir).toEqual({ code: 2, out: '', err: `vex: cannot write trace file ${join(dir, 'missing-dir', 'out.jsonl')}: no such file or directory\n` });
    const isDir = vex('run', '--trace', dir, HELLO);
    expect(isDir).toEqual({ code: 2, out: '', err: `vex: cannot write trace file ${dir}: is a directory\n` });
    expect(vex('run', join(dir, 'nope.vx'))).toEqual({ code: 2, out: '', err: `vex: cannot read ${join(dir, 'nope.vx')}: no such file or directory\n` });
    expect(vex('run', dir)).toEqual({ code: 2, out: '', err: `vex: cannot read ${dir}: is a directory\n` });
    expect(vex('check', join(dir, 'nope.vx'))).toMatchObject({ code: 2, err: `vex: cannot read ${join(dir, 'nope.vx')}: no such file or directory\n` });
  }, T);

  it('a closed stdout pipe is reported as a write error with exit 2', () => {
    const many = file('many.vx', 'fn main() {\n    for i in 0..100000 { println("line {}", i); }\n}\n');
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${join(root, 'bin/vex.mjs')}" run "${many}" | head -n 1; echo "status=\${PIPESTATUS[0]}"`], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout).toBe('line 0\nstatus=2\n');
    expect(r.stderr).toBe('vex: cannot write to stdout: broken pipe\n');
  }, T);

  it('runs from the prebundled CLI (build/cli/vex.mjs), without a TypeScript loader', () => {
    expect(vex('run', HELLO).code).toBe(3);
    const launcher = readFileSync(join(root, 'bin/vex.mjs'), 'utf8');
    expect(launcher).not.toMatch(/tsx/);
    expect(existsSync(join(root, 'build/cli/vex.mjs'))).toBe(true);
    const inputs: string[] = JSON.parse(readFileSync(join(root, 'build/cli/inputs.json'), 'utf8'));
    expect(inputs).toContain('src/cli/main.ts');
    expect(inputs).toContain('src/pipeline/execute.ts');
  }, T);

  it('--json reports the status the process exits with (low 8 bits: 256 -> 0, -1 -> 255)', () => {
    for (const [ret, status] of [[256, 0], [-1, 255], [1000, 232], [7, 7]] as const) {
      const f = file(`status${status}.vx`, `fn main(): i32 { return ${ret}; }\n`);
      const plain = vex('run', f);
      const js = vex('run', '--json', f);
      expect(plain.code, String(ret)).toBe(status);
      expect(js.code, String(ret)).toBe(status);
      expect(JSON.parse(js.out).exitCode, String(ret)).toBe(status);
    }
  }, T);
});


// Audit of issue #3 from the outside, through execute() (the one compile+run path of the worker,
// the CLI and the conformance runner). A failing test here names an engine gap for the engine
// owner (src/lang/codegen, src/runtime); see the wave-2 audit report.
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execute } from '../src/pipeline/execute';
import { TRACE_VERSION } from '../src/runtime/api';
import { sharedPath } from './shared-suite';
import { flagsFor } from './conformance-lib';

const SHARED = sharedPath('conformance');
const OWN = resolve(__dirname, 'conformance');
const programs = (dir: string) =>
  readdirSync(dir).filter((f) => f.endsWith('.vx')).sort().map((f) => ({ f, text: readFileSync(join(dir, f), 'utf8') }));

const exec = (text: string, opts = {}) => execute([{ name: 'a.vx', text }], opts);
const stdout = (e: ReturnType<typeof exec>) => (e.result?.output ?? []).filter((c) => c.stream === 'stdout').map((c) => c.text).join('');
const stderr = (e: ReturnType<typeof exec>) => (e.result?.output ?? []).filter((c) => c.stream === 'stderr').map((c) => c.text).join('');

describe('internal errors are counted (and there are none)', () => {
  // Deterministic mutations of every shared conformance program: delete a line, duplicate it,
  // zero its integers, or make them huge. Whatever still compiles is run with small limits. An
  // internal error (a JS exception escaping the toolchain) or a checker crash is our bug.
  const MUTATIONS: ((lines: string[], k: number) => string[])[] = [
    (l, k) => [...l.slice(0, k), ...l.slice(k + 1)],
    (l, k) => [...l.slice(0, k + 1), ...l.slice(k)],
    (l, k) => [...l.slice(0, k), l[k].replace(/\b\d+\b/g, '0'), ...l.slice(k + 1)],
    (l, k) => [...l.slice(0, k), l[k].replace(/\b(\d+)\b/g, '$1$1$1$1'), ...l.slice(k + 1)],
  ];
  it('over ~1,900 mutated conformance programs, compiled and run', () => {
    let ran = 0, compiled = 0;
    const internal: string[] = [];
    for (const { f, text } of programs(SHARED)) {
      const lines = text.split('\n');
      const step = Math.max(1, Math.floor(lines.length / 8));
      for (const [mi, mutate] of MUTATIONS.entries()) {
        for (let k = 0; k < lines.length; k += step) {
          const e = execute([{ name: f, text: mutate(lines, k).join('\n') }], { fuel: 300_000, heapLimit: 8 << 20 });
          ran++;
          if (e.result) compiled++;
          if (e.internalError) internal.push(`${f} mutation ${mi} line ${k + 1}: ${e.internalError.message}`);
          for (const d of e.compile.diagnostics) {
            if (d.code === 'E0099' || d.code === 'E0999') internal.push(`${f} mutation ${mi} line ${k + 1}: ${d.message}`);
          }
        }
      }
    }
    expect(ran).toBeGreaterThan(1500);
    expect(compiled).toBeGreaterThan(700);
    expect(internal).toEqual([]);
  }, 240_000);
});

describe('determinism of the project\'s own conformance programs (tests/conformance)', () => {
  // (the shared suite is covered by src/lang/codegen/engine.test.ts)
  // one test per program, so each has its own time budget on a loaded machine
  const own = programs(OWN);
  it('finds the programs', () => expect(own.length).toBeGreaterThan(1));
  it.each(own.map((p) => [p.f, p.text] as const))('two runs of %s give identical output, trace and exit status', (f, text) => {
    const options = flagsFor(join(OWN, f));
    const a = execute([{ name: f, text }], options), b = execute([{ name: f, text }], options);
    expect(a.internalError, f).toBeNull();
    expect(JSON.stringify(b.result?.output), f).toBe(JSON.stringify(a.result?.output));
    expect(JSON.stringify(b.result?.trace), f).toBe(JSON.stringify(a.result?.trace));
    expect(b.result?.exitCode, f).toBe(a.result?.exitCode);
  }, 30_000);
});

describe('trace', () => {
  it('call/return events appear only when tracing is on', () => {
    const src = 'fn f(x: i32): i32 { return x + 1; }\nfn main() { println("{}", f(f(1))); }\n';
    const off = exec(src);
    const on = exec(src, { traceCalls: true });
    expect(stdout(off)).toBe('3\n');
    expect(off.result!.trace.filter((e) => e.t === 'call' || e.t === 'return')).toEqual([]);
    expect(on.result!.trace.filter((e) => e.t === 'call').map((e) => (e as { fn: string }).fn)).toEqual(['main', 'f', 'f']);
    expect(on.result!.trace[0]).toMatchObject({ t: 'start', version: TRACE_VERSION });
    expect(on.result!.trace.at(-1)).toMatchObject({ t: 'exit' });
  });
});

describe('heap limit (issue #3: "ends the program with a clear `memory allocation of N bytes failed` abort")', () => {
  // vex-language §2.2: an abnormal end that calls abort() exits with 134. Rust's default
  // allocation-error handler prints this exact message and then aborts, so a native run exits 134.
  // The engine currently reports outcome `limit` with exit status 137 (SIGKILL, the OOM killer's).
  it('prints the message on stderr and exits with 134 (abort)', () => {
    const e = exec('fn main() {\n    let p = alloc(2000000);\n    free(p);\n    println("ok");\n}\n', { heapLimit: 1 << 20 });
    expect(e.internalError).toBeNull();
    expect(stdout(e)).toBe('');
    expect(stderr(e)).toContain('memory allocation of 2000000 bytes failed');
    expect(e.result!.exitCode).toBe(134);
  });
});

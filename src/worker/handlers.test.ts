// The worker's protocol behaviour with a fake toolchain: internal errors, output limit, batching.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FromWorker } from './protocol';
import type { RunOptions, RunResult } from '../runtime/api';

const tc = vi.hoisted(() => ({
  compile: vi.fn(),
  run: vi.fn(),
  check: vi.fn(),
}));
vi.mock('./toolchain', () => ({
  compileFiles: tc.compile,
  runProgram: tc.run,
  checkFiles: tc.check,
  hoverAt: () => { throw new Error('boom'); },
  completionsAt: () => [{ label: 'fn', kind: 'keyword' }],
}));

const { handleMessage } = await import('./handlers');

const program = { js: '', isLibrary: false, exports: [], meta: null };
const files = [{ name: 'main.vx', text: 'fn main() {}' }];
const settings = { stackSize: 1 << 20, heapLimit: 1 << 26, panic: 'unwind' as const, fuel: 1000 };
const result = (over: Partial<RunResult> = {}): RunResult => ({
  outcome: { kind: 'exited', code: 0 }, exitCode: 0, output: [], panic: null, trace: [], steps: 3,
  stats: { allocs: 0, frees: 0, peakBytes: 0, liveBytes: 0 }, ...over,
});

function drive(msg: Parameters<typeof handleMessage>[0], caps?: Parameters<typeof handleMessage>[2]) {
  const out: FromWorker[] = [];
  let t = 0;
  handleMessage(msg, { post: (m) => out.push(m), now: () => (t += 10) }, caps);
  return out;
}

beforeEach(() => { tc.compile.mockReset(); tc.run.mockReset(); tc.check.mockReset(); });

describe('worker handlers', () => {
  it('reports a throwing compile as an internal error, not a result', () => {
    tc.compile.mockImplementation(() => { throw new Error('compile: not implemented yet'); });
    const out = drive({ type: 'run', id: 1, files, entry: 'main.vx', settings });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ type: 'internal-error', id: 1, message: 'Error: compile: not implemented yet' });
  });

  it('reports a throwing check as an internal error', () => {
    tc.check.mockImplementation(() => { throw new TypeError('x is undefined'); });
    expect(drive({ type: 'check', id: 2, files })[0]).toMatchObject({ type: 'internal-error', id: 2 });
  });

  it('compiles, streams events and finishes with the outcome', () => {
    tc.compile.mockReturnValue({ diagnostics: [], program });
    tc.run.mockImplementation((_p: unknown, o: Partial<RunOptions>) => {
      o.onEvent!({ t: 'output', stream: 'stdout', text: 'hello\n' });
      o.onEvent!({ t: 'output', stream: 'stderr', text: 'warn\n' });
      return result({ steps: 42 });
    });
    const out = drive({ type: 'run', id: 3, files, entry: 'main.vx', settings });
    expect(out.map((m) => m.type)).toEqual(['compiled', 'events', 'done']);
    const ev = out[1] as Extract<FromWorker, { type: 'events' }>;
    expect(ev.output).toEqual([{ stream: 'stdout', text: 'hello\n' }, { stream: 'stderr', text: 'warn\n' }]);
    expect(out[2]).toMatchObject({ type: 'done', outcome: { kind: 'exited', code: 0 }, steps: 42 });
    expect(tc.run.mock.calls[0][1]).toMatchObject({ fuel: 1000, heapLimit: 1 << 26, panic: 'unwind' });
  });

  it('stops after compile errors', () => {
    tc.compile.mockReturnValue({ diagnostics: [{ code: 'E0001' }], program: null });
    const out = drive({ type: 'run', id: 4, files, entry: 'main.vx', settings });
    expect(out).toEqual([expect.objectContaining({ type: 'compiled', ok: false })]);
    expect(tc.run).not.toHaveBeenCalled();
  });

  it('ends a run that prints past the limit with a limit outcome', () => {
    tc.compile.mockReturnValue({ diagnostics: [], program });
    tc.run.mockImplementation((_p: unknown, o: Partial<RunOptions>) => {
      for (;;) o.onEvent!({ t: 'output', stream: 'stdout', text: 'spam\n' });
    });
    const out = drive({ type: 'run', id: 5, files, entry: 'main.vx', settings },
      { maxChunks: 10, maxLines: 10, maxTrace: 10, runOutputLineLimit: 50 });
    const done = out[out.length - 1];
    expect(done).toMatchObject({ type: 'done', outcome: { kind: 'limit', limit: 'output' } });
    const events = out.filter((m) => m.type === 'events') as Extract<FromWorker, { type: 'events' }>[];
    const dropped = events.reduce((n, e) => n + e.dropped, 0);
    const kept = events.reduce((n, e) => n + e.output.reduce((k, c) => k + c.text.split('\n').length - 1, 0), 0);
    expect(kept).toBeLessThanOrEqual(51);
    expect(kept + dropped).toBe(51);
  });

  it('treats a runtime that swallows the limit as a limit anyway', () => {
    tc.compile.mockReturnValue({ diagnostics: [], program });
    tc.run.mockImplementation((_p: unknown, o: Partial<RunOptions>) => {
      try { for (;;) o.onEvent!({ t: 'output', stream: 'stdout', text: 'x\n' }); } catch (e) {
        return result({ outcome: { kind: 'internal-error', message: String(e), stack: '' } });
      }
    });
    const out = drive({ type: 'run', id: 6, files, entry: 'main.vx', settings },
      { maxChunks: 10, maxLines: 10, maxTrace: 10, runOutputLineLimit: 5 });
    expect(out[out.length - 1]).toMatchObject({ type: 'done', outcome: { kind: 'limit' } });
  });

  it('reports an internal-error outcome of the runtime as an internal error', () => {
    tc.compile.mockReturnValue({ diagnostics: [], program });
    tc.run.mockReturnValue(result({ outcome: { kind: 'internal-error', message: 'bad', stack: 's' } }));
    const out = drive({ type: 'run', id: 7, files, entry: 'main.vx', settings });
    expect(out[out.length - 1]).toMatchObject({ type: 'internal-error', message: 'bad' });
  });

  it('posts what the program printed before an internal error, then the error', () => {
    tc.compile.mockReturnValue({ diagnostics: [], program });
    tc.run.mockImplementation((_p: unknown, o: Partial<RunOptions>) => {
      o.onEvent!({ t: 'output', stream: 'stdout', text: 'before\n' });
      return result({ output: [{ stream: 'stdout', text: 'before\n' }], outcome: { kind: 'internal-error', message: 'x.get is not a function', stack: 'TypeError' } });
    });
    const out = drive({ type: 'run', id: 8, files, entry: 'main.vx', settings });
    const types = out.map((m) => m.type);
    expect(types.slice(-2)).toEqual(['events', 'internal-error']);
    const ev = out[out.length - 2] as Extract<FromWorker, { type: 'events' }>;
    expect(ev.output.map((c) => c.text).join('')).toBe('before\n');
  });

  it('the test hook fault=after-run fails the toolchain after the run: output kept, then the error', () => {
    tc.compile.mockReturnValue({ diagnostics: [], program });
    tc.run.mockImplementation((_p: unknown, o: Partial<RunOptions>) => {
      o.onEvent!({ t: 'output', stream: 'stdout', text: 'printed\n' });
      return result({ output: [{ stream: 'stdout', text: 'printed\n' }] });
    });
    const out = drive({ type: 'run', id: 10, files, entry: 'main.vx', settings, fault: 'after-run' });
    expect(out.map((m) => m.type).slice(-2)).toEqual(['events', 'internal-error']);
    expect((out[out.length - 2] as Extract<FromWorker, { type: 'events' }>).output.map((c) => c.text).join('')).toBe('printed\n');
    expect(out[out.length - 1]).toMatchObject({ message: expect.stringContaining('injected toolchain fault') });
    // without the hook the same run ends normally
    expect(drive({ type: 'run', id: 11, files, entry: 'main.vx', settings }).at(-1)).toMatchObject({ type: 'done' });
  });

  it('posts the output streamed so far when the runtime itself throws', () => {
    tc.compile.mockReturnValue({ diagnostics: [], program });
    tc.run.mockImplementation((_p: unknown, o: Partial<RunOptions>) => {
      o.onEvent!({ t: 'output', stream: 'stderr', text: 'partial\n' });
      throw new TypeError('boom');
    });
    const out = drive({ type: 'run', id: 9, files, entry: 'main.vx', settings });
    expect(out.map((m) => m.type).slice(-2)).toEqual(['events', 'internal-error']);
  });

  it('forwards collected output when the runtime did not stream', () => {
    tc.compile.mockReturnValue({ diagnostics: [], program });
    tc.run.mockReturnValue(result({ output: [{ stream: 'stdout', text: 'late\n' }] }));
    const out = drive({ type: 'run', id: 8, files, entry: 'main.vx', settings });
    expect(out.find((m) => m.type === 'events')).toMatchObject({ output: [{ stream: 'stdout', text: 'late\n' }] });
  });

  it('answers hover with null when the query throws, and passes completions through', () => {
    expect(drive({ type: 'hover', id: 9, files, file: 'main.vx', offset: 0 })[0]).toEqual({ type: 'hover', id: 9, text: null });
    expect(drive({ type: 'complete', id: 10, files, file: 'main.vx', offset: 0 })[0]).toMatchObject({ items: [{ label: 'fn' }] });
  });

  it('answers intel queries (real checker): references, symbols, signature help', () => {
    const text = 'fn add(a: i32, b: i32): i32 { return a + b; }\nfn main() { println("{}", add(1, 2)); }\n';
    const fs = [{ name: 'main.vx', text }];
    const refs = drive({ type: 'intel', id: 11, files: fs, query: { k: 'references', file: 'main.vx', offset: text.indexOf('add(1'), includeDeclaration: true } })[0];
    expect(refs).toMatchObject({ type: 'intel', id: 11, answer: { k: 'references', locations: [{ line: 1, col: 4, decl: true }, { line: 2, col: 27, decl: false }] } });
    const syms = drive({ type: 'intel', id: 12, files: fs, query: { k: 'symbols', file: 'main.vx' } })[0];
    expect(syms).toMatchObject({ answer: { k: 'symbols', symbols: [{ name: 'add', kind: 'function' }, { name: 'main' }] } });
    const sig = drive({ type: 'intel', id: 13, files: fs, query: { k: 'signature', file: 'main.vx', offset: text.indexOf('2))') } })[0];
    expect(sig).toMatchObject({ answer: { k: 'signature', help: { label: 'fn add(a: i32, b: i32): i32', active: 1 } } });
    expect(drive({ type: 'intel', id: 14, files: fs, query: { k: 'symbols', file: 'gone.vx' } })[0]).toMatchObject({ answer: { k: 'symbols', symbols: [] } });
  });
});

describe('worker handlers: time-based flushing', () => {
  it('flushes pending output from the fuel poll even when no more events come', () => {
    tc.compile.mockReturnValue({ diagnostics: [], program });
    const seenDuringRun: string[] = [];
    let out: FromWorker[] = [];
    tc.run.mockImplementation((_p: unknown, o: Partial<RunOptions>) => {
      o.onEvent!({ t: 'output', stream: 'stdout', text: 'early\n' });
      for (let i = 0; i < 5; i++) o.pollSignal!();
      seenDuringRun.push(...out.map((m) => m.type));
      return result();
    });
    let t = 0;
    handleMessage({ type: 'run', id: 11, files, entry: 'main.vx', settings }, { post: (m) => { out = [...out, m]; }, now: () => (t += 10) });
    expect(seenDuringRun).toContain('events');
  });

  it('delivers a signal stored in the shared slot once', () => {
    tc.compile.mockReturnValue({ diagnostics: [], program });
    const slot = new Int32Array(new SharedArrayBuffer(4));
    const polled: number[] = [];
    tc.run.mockImplementation((_p: unknown, o: Partial<RunOptions>) => {
      polled.push(o.pollSignal!());
      Atomics.store(slot, 0, 2);
      polled.push(o.pollSignal!(), o.pollSignal!());
      return result();
    });
    drive({ type: 'run', id: 12, files, entry: 'main.vx', settings, signalBuffer: slot.buffer as SharedArrayBuffer });
    expect(polled).toEqual([0, 2, 0]);
  });

  it('formats a document and refuses one with syntax errors', () => {
    expect(drive({ type: 'format', id: 7, file: 'main.vx', text: 'fn main(){\n  println("x") ;\n}' }))
      .toEqual([{ type: 'formatted', id: 7, text: 'fn main(){\n    println("x");\n}\n' }]);
    expect(drive({ type: 'format', id: 8, file: 'main.vx', text: 'fn main( {' }))
      .toEqual([{ type: 'formatted', id: 8, text: null }]);
  });

  it('answers generated-js with the compiled program or the error count', () => {
    tc.compile.mockReturnValue({ diagnostics: [], program: { ...program, js: 'return 1;' } });
    expect(drive({ type: 'generated-js', id: 9, files, entry: 'main.vx' })).toEqual([{ type: 'js', id: 9, js: 'return 1;', errors: 0 }]);
    tc.compile.mockReturnValue({ diagnostics: [{ severity: 'error' }, { severity: 'warning' }], program: null });
    expect(drive({ type: 'generated-js', id: 10, files, entry: 'main.vx' })).toEqual([{ type: 'js', id: 10, js: null, errors: 1 }]);
    tc.compile.mockImplementation(() => { throw new Error('bug'); });
    expect(drive({ type: 'generated-js', id: 11, files, entry: 'main.vx' })[0]).toMatchObject({ type: 'internal-error', id: 11 });
  });
});

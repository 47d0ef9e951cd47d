// The worker's message handling, separate from the Worker global so tests can drive it in Node.
// Every exception the toolchain throws becomes an `internal-error` message: a bug in our code is
// never presented as the result of the user's Vex program.
import type { FromWorker, ToWorker } from './protocol';
import type { Outcome, RunOptions } from '../runtime/api';
import { EventBatcher, DEFAULT_CAPS, type BatchCaps } from './batcher';
import { HeapPacker } from './heap-pack';
import * as toolchain from './toolchain';
import { WorkerReplSession } from './repl-session';
import { formatSource } from '../lang/syntax/format';
import { answerIntel } from './intel';

export interface WorkerHost {
  post(msg: FromWorker): void;
  now(): number; // ms, monotonic
}

const FLUSH_MS = 30;
/** Exit status reported when the worker ends a run for printing too much. */
export const OUTPUT_LIMIT_EXIT = 137;

class OutputLimit extends Error {}

/** One run at a time per worker: its heap-event buffers are kept for the next run. */
const packer = new HeapPacker();

function describe(e: unknown): { message: string; stack: string } {
  if (e instanceof Error) return { message: `${e.name}: ${e.message}`, stack: e.stack ?? '' };
  return { message: String(e), stack: '' };
}

/** The Console's session lives as long as the worker (Stop of a run does not touch it: the
 *  Console has its own worker). */
let replSession: WorkerReplSession | null = null;

export function handleMessage(msg: ToWorker, host: WorkerHost, caps: BatchCaps = DEFAULT_CAPS): void {
  switch (msg.type) {
    case 'repl': case 'repl-reset':
      return (replSession ??= new WorkerReplSession(caps)).handle(msg, host);
    case 'check': {
      try {
        const entry = msg.files[0]?.name ?? 'main.vx';
        const r = toolchain.checkFiles(msg.files, entry);
        host.post({ type: 'diagnostics', id: msg.id, diagnostics: r.diagnostics, exports: r.exports, layouts: r.layouts });
      } catch (e) {
        host.post({ type: 'internal-error', id: msg.id, ...describe(e) });
      }
      return;
    }
    case 'hover': {
      let text: string | null = null;
      try { text = toolchain.hoverAt(msg.files, msg.file, msg.offset); } catch { text = null; }
      host.post({ type: 'hover', id: msg.id, text });
      return;
    }
    case 'complete': {
      let items: ReturnType<typeof toolchain.completionsAt> = [];
      try { items = toolchain.completionsAt(msg.files, msg.file, msg.offset); } catch { items = []; }
      host.post({ type: 'completions', id: msg.id, items });
      return;
    }
    case 'intel': {
      let answer: ReturnType<typeof answerIntel> | null = null;
      try { answer = answerIntel(msg.files, msg.query); } catch { answer = null; }
      host.post({ type: 'intel', id: msg.id, answer });
      return;
    }
    case 'definition': {
      let loc: ReturnType<typeof toolchain.definitionOf> = null;
      try { loc = toolchain.definitionOf(msg.files, msg.file, msg.offset); } catch { loc = null; }
      host.post({ type: 'definition', id: msg.id, loc });
      return;
    }
    case 'format': {
      let text: string | null = null;
      try { text = formatSource(msg.file, msg.text).text; } catch { text = null; }
      host.post({ type: 'formatted', id: msg.id, text });
      return;
    }
    case 'generated-js': {
      try {
        const r = toolchain.compileFiles(msg.files, msg.entry);
        const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
        host.post({ type: 'js', id: msg.id, js: r.program ? r.program.js : null, errors });
      } catch (e) {
        host.post({ type: 'internal-error', id: msg.id, ...describe(e) });
      }
      return;
    }
    case 'run':
      return runOnce(msg, host, caps);
  }
}

function runOnce(msg: Extract<ToWorker, { type: 'run' }>, host: WorkerHost, caps: BatchCaps): void {
  const t0 = host.now();
  let compiled;
  try {
    compiled = toolchain.compileFiles(msg.files, msg.entry);
  } catch (e) {
    host.post({ type: 'internal-error', id: msg.id, ...describe(e) });
    return;
  }
  const compileMs = host.now() - t0;
  const ok = compiled.program !== null;
  host.post({ type: 'compiled', id: msg.id, ok, diagnostics: compiled.diagnostics, compileMs, exports: compiled.program?.exports ?? [] });
  if (!compiled.program) return;

  const batcher = new EventBatcher(caps, packer);
  let streamed = false;
  let limitHit = false;
  let lastFlush = host.now();
  let sinceCheck = 0;
  const flush = () => {
    if (batcher.isEmpty) return;
    streamed = true;
    host.post({ type: 'events', id: msg.id, ...batcher.take() });
    lastFlush = host.now();
  };

  const signals = msg.signalBuffer ? new Int32Array(msg.signalBuffer) : null;
  batcher.onHeapTick = () => { if (host.now() - lastFlush >= FLUSH_MS) flush(); };
  const options: Partial<RunOptions> = {
    ...msg.settings,
    traceCalls: false,
    keepTrace: false,
    keepOutput: false, // (the batcher has it)
    // heap events as numbers (a tree of Boxes makes millions): packed into each batch
    heapSink: batcher.heap,
    // Called at every fuel chunk, even in a quiet loop: the moment to flush pending output on time.
    pollSignal: () => {
      if (host.now() - lastFlush >= FLUSH_MS) flush();
      return signals ? Atomics.exchange(signals, 0, 0) : 0;
    },
    onEvent: (e) => {
      if (limitHit) throw new OutputLimit('output limit');
      batcher.addTrace(e);
      if (batcher.overOutputLimit) {
        limitHit = true;
        throw new OutputLimit('output limit');
      }
      if (++sinceCheck >= 64) {
        sinceCheck = 0;
        if (host.now() - lastFlush >= FLUSH_MS) flush();
      }
    },
  };

  const r0 = host.now();
  let outcome: Outcome;
  let exitCode: number;
  let steps = 0;
  let panic = null;
  try {
    const result = toolchain.runProgram(compiled.program, options);
    if (!streamed && batcher.isEmpty && (result.output.length > 0 || result.trace.length > 0)) {
      // a runtime that did not stream: forward its collected output/trace through the same caps
      for (const c of result.output) batcher.addOutput(c.stream, c.text);
      for (const e of result.trace) if (e.t !== 'output') batcher.addTrace(e); // (output added above)
    }
    if (msg.fault === 'after-run') throw new Error('injected toolchain fault (test hook testFault=after-run)');
    outcome = result.outcome;
    exitCode = result.exitCode;
    steps = result.steps;
    panic = result.panic;
  } catch (e) {
    if (!limitHit) {
      flush();
      host.post({ type: 'internal-error', id: msg.id, ...describe(e) });
      return;
    }
    outcome = { kind: 'limit', code: OUTPUT_LIMIT_EXIT, limit: 'output' };
    exitCode = OUTPUT_LIMIT_EXIT;
  }
  if (limitHit && outcome.kind !== 'limit') {
    // the runtime swallowed our stop request (e.g. reported it as internal): the limit is the truth
    outcome = { kind: 'limit', code: OUTPUT_LIMIT_EXIT, limit: 'output' };
    exitCode = OUTPUT_LIMIT_EXIT;
  }
  flush();
  if (outcome.kind === 'internal-error') {
    host.post({ type: 'internal-error', id: msg.id, message: outcome.message, stack: outcome.stack });
    return;
  }
  host.post({ type: 'done', id: msg.id, outcome, exitCode, steps, runMs: host.now() - r0, panic });
}

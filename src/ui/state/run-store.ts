// The current run as the panels see it: status, output, trace, outcome and panic. Filled by the
// run controller from worker messages; every panel is a pure view of this state.
import { create } from 'zustand';
import type { Diagnostic } from '../../lang/diagnostics';
import type { Outcome, PanicInfo, TraceEvent } from '../../runtime/api';
import { appendChunk, appendNote, emptyOutput, addDropped, type OutputModel } from './output-model';
import { useScrub } from './scrub-store';
import { UI_TRACE_EVENTS } from '../../common/limits';

export type RunStatus = 'idle' | 'compiling' | 'running' | 'done';

/** How the run ended, from the UI's point of view (adds what the worker cannot report itself). */
export type RunEnd =
  | { kind: 'outcome'; outcome: Outcome; exitCode: number }
  | { kind: 'compile-error'; count: number }
  | { kind: 'stopped' } // Stop button: the worker was terminated
  | { kind: 'internal-error'; message: string; stack: string }
  | { kind: 'worker-crash'; message: string };

/** Trace events the UI keeps (the latest); about 100 bytes each, so ~100 MB at the cap. While a
 *  run streams in, up to an eighth more are held before the oldest are dropped back to the cap (a
 *  trim per batch would copy the whole trace each time). The views are windowed and indexed for
 *  500,000-event traces (npm run bench:views). */
export const MAX_TRACE_EVENTS = UI_TRACE_EVENTS;

interface RunState {
  status: RunStatus;
  runId: number;
  output: OutputModel;
  trace: TraceEvent[];
  traceDropped: number;
  end: RunEnd | null;
  panic: PanicInfo | null;
  compileDiagnostics: Diagnostic[];
  exports: string[];
  steps: number;
  runMs: number;
  compileMs: number;
  startedAt: number;
  begin(runId: number, startedAt: number): void;
  compiled(ok: boolean, diagnostics: Diagnostic[], compileMs: number, exports: string[]): void;
  events(output: { stream: 'stdout' | 'stderr'; text: string }[], trace: TraceEvent[], dropped: number): void;
  finish(end: RunEnd, extra?: { steps?: number; runMs?: number; panic?: PanicInfo | null }): void;
  clearOutput(): void;
}

/**
 * The trace while a run streams in. Batches arrive every 30 ms: copying the whole trace into a new
 * array per batch (what the panels need to see a change) made a long run quadratic. Events are
 * appended to `all` (amortized O(batch)); a copy is published to the store when the trace has
 * grown by a quarter since the last one, when PUBLISH_MS have passed, and when the run ends — so
 * the copies add up to O(n) plus one per PUBLISH_MS.
 */
let pending: { all: TraceEvent[]; shown: TraceEvent[]; at: number } = { all: [], shown: [], at: 0 };
const PUBLISH_MS = 250;
function publish(force: boolean): { trace?: TraceEvent[] } {
  const { all, shown } = pending;
  if (all.length === shown.length && all[all.length - 1] === shown[shown.length - 1]) return {};
  const now = Date.now();
  if (!force && all.length < shown.length * 1.25 + 1024 && now - pending.at < PUBLISH_MS) return {};
  pending.shown = all.slice();
  pending.at = now;
  return { trace: pending.shown };
}

export const useRun = create<RunState>((set, get) => ({
  status: 'idle',
  runId: 0,
  output: emptyOutput(),
  trace: [],
  traceDropped: 0,
  end: null,
  panic: null,
  compileDiagnostics: [],
  exports: [],
  steps: 0,
  runMs: 0,
  compileMs: 0,
  startedAt: 0,
  begin: (runId, startedAt) => {
    useScrub.getState().setPosition(null); // a new run: the scrubber follows its end again
    pending = { all: [], shown: [], at: 0 };
    set({ status: 'compiling', runId, output: emptyOutput(), trace: pending.shown, traceDropped: 0, end: null, panic: null, compileDiagnostics: [], exports: [], steps: 0, runMs: 0, compileMs: 0, startedAt });
  },
  compiled: (ok, diagnostics, compileMs, exports) =>
    set({ status: ok ? 'running' : 'done', compileDiagnostics: diagnostics, compileMs, exports, end: ok ? null : { kind: 'compile-error', count: diagnostics.filter((d) => d.severity === 'error').length } }),
  events: (chunks, trace, dropped) => {
    const s = get();
    let output = s.output;
    if (dropped > 0) output = appendNote(addDropped(output, dropped), `… ${dropped} lines or events dropped (output cap) …`);
    for (const c of chunks) output = appendChunk(output, c.stream, c.text);
    let traceDropped = s.traceDropped;
    if (!trace.length) { set({ output }); return; }
    if (s.trace !== pending.shown) pending = { all: s.trace.slice(), shown: s.trace, at: 0 }; // set from outside
    const all = pending.all;
    for (let i = 0; i < trace.length; i++) all.push(trace[i]); // amortized O(batch)
    if (all.length > MAX_TRACE_EVENTS + (MAX_TRACE_EVENTS >> 3)) {
      // drop the oldest in steps of an eighth of the cap (amortized: not a copy per batch)
      const cut = all.length - MAX_TRACE_EVENTS;
      traceDropped += cut;
      all.splice(0, cut);
    }
    set({ output, traceDropped, ...publish(false) });
  },
  finish: (end, extra = {}) =>
    set({ status: 'done', end, steps: extra.steps ?? get().steps, runMs: extra.runMs ?? get().runMs, panic: extra.panic ?? null, ...(get().trace === pending.shown ? publish(true) : {}) }),
  clearOutput: () => set({ output: emptyOutput() }),
}));

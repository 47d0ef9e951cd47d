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

/** Trace events the UI keeps (the latest); about 100 bytes each, so ~100 MB at the cap. The views
 *  are windowed and indexed for 500,000-event traces (npm run bench:views). */
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
    set({ status: 'compiling', runId, output: emptyOutput(), trace: [], traceDropped: 0, end: null, panic: null, compileDiagnostics: [], exports: [], steps: 0, runMs: 0, compileMs: 0, startedAt });
  },
  compiled: (ok, diagnostics, compileMs, exports) =>
    set({ status: ok ? 'running' : 'done', compileDiagnostics: diagnostics, compileMs, exports, end: ok ? null : { kind: 'compile-error', count: diagnostics.filter((d) => d.severity === 'error').length } }),
  events: (chunks, trace, dropped) => {
    const s = get();
    let output = s.output;
    if (dropped > 0) output = appendNote(addDropped(output, dropped), `… ${dropped} lines or events dropped (output cap) …`);
    for (const c of chunks) output = appendChunk(output, c.stream, c.text);
    let all = s.trace;
    let traceDropped = s.traceDropped;
    if (trace.length) {
      all = all.concat(trace);
      if (all.length > MAX_TRACE_EVENTS) {
        traceDropped += all.length - MAX_TRACE_EVENTS;
        all = all.slice(all.length - MAX_TRACE_EVENTS);
      }
    }
    set({ output, trace: all, traceDropped });
  },
  finish: (end, extra = {}) =>
    set({ status: 'done', end, steps: extra.steps ?? get().steps, runMs: extra.runMs ?? get().runMs, panic: extra.panic ?? null }),
  clearOutput: () => set({ output: emptyOutput() }),
}));

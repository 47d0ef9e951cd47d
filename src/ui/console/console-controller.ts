// The Console's glue: its own worker holding the live REPL session (so Run and Stop of the
// program do not touch it), cells in, results and trace out. The session's trace also feeds the
// run store while the Console is in use, so Memory, Tasks and the other views show the live
// session's machine.
import type { FromWorker } from '../../worker/protocol';
import type { TraceEvent } from '../../runtime/api';
import { WorkerClient } from '../run/worker-client';
import { withHeapEvents } from '../../worker/heap-pack';
import { useRun } from '../state/run-store';
import { useSettings } from '../state/settings-store';
import { useUi } from '../state/ui-store';
import { emptyOutput } from '../state/output-model';
import { useConsole } from './console-store';

const worker = new WorkerClient();
let started = false;
/** Message id -> entry key of the cell it runs. */
const running = new Map<number, number>();
let entryKey = 0;
/** The session's whole trace (the run store shows it while the Console owns the views). */
let sessionTrace: TraceEvent[] = [];
/** The run-store id while it shows the Console's session (ids far from the run worker's). */
const CONSOLE_RUN_BASE = 1_000_000_000;
let sessionRun = CONSOLE_RUN_BASE;

/** Locations in Console cells (`cellN`, e.g. a frame in the Panic panel or a Memory site) are
 *  shown in the Console, not the editor. */
useUi.subscribe((s, prev) => {
  const t = s.target;
  if (!t || t === prev.target) return;
  const m = /^cell(\d+)$/.exec(t.file);
  if (!m) return;
  useConsole.getState().focusCell(Number(m[1]));
  if (s.activePanel !== 'console') s.setActivePanel('console');
});

function start(): void {
  if (started) return;
  started = true;
  worker.onMessage = onMessage;
  worker.onCrash = (message) => lost(`The Console's session crashed and was restarted (${message}); its values are gone.`);
}

/** The run store shows the Console's session (taken over from a program run if needed). */
function ownViews(): void {
  const run = useRun.getState();
  if (run.runId === sessionRun) return;
  useRun.setState({
    status: 'running', runId: sessionRun, output: emptyOutput(), trace: sessionTrace, traceDropped: 0, end: null, panic: null,
    compileDiagnostics: [], exports: [], steps: 0, runMs: 0, compileMs: 0, startedAt: performance.now(),
  });
}

function onMessage(m: FromWorker): void {
  if (!('id' in m)) return;
  const key = running.get(m.id);
  if (key === undefined) return;
  switch (m.type) {
    case 'events': {
      const trace = withHeapEvents(m.trace, m.heap); // (the REPL's batches carry no packed heap today)
      if (trace.length) sessionTrace = sessionTrace.concat(trace);
      ownViews();
      useRun.getState().events(m.output, trace, m.dropped);
      return;
    }
    case 'repl-result': {
      running.delete(m.id);
      useConsole.getState().settle(key, m.result);
      if (m.result.outcome) {
        ownViews();
        const code = 'code' in m.result.outcome ? m.result.outcome.code : 70;
        useRun.getState().finish(
          m.result.outcome.kind === 'internal-error' ? { kind: 'internal-error', message: m.result.outcome.message, stack: m.result.outcome.stack } : { kind: 'outcome', outcome: m.result.outcome, exitCode: code },
          { panic: m.result.panic },
        );
      }
      return;
    }
    case 'internal-error':
      running.delete(m.id);
      useConsole.getState().settle(key, {
        cell: 0, kind: 'error', ok: false, output: [], echo: null, diagnostics: [], panic: null, text: null,
        outcome: { kind: 'internal-error', message: m.message, stack: m.stack },
      });
      return;
  }
}

function lost(message: string): void {
  running.clear();
  useConsole.getState().lose();
  newSession();
  useUi.getState().notify('warning', message);
}

/** A fresh machine: the next cell starts a new session (and a new trace). */
function newSession(): void {
  sessionTrace = [];
  sessionRun++;
}

function send(input: string): void {
  start();
  const key = ++entryKey;
  useConsole.getState().add(key, input);
  const id = worker.nextId();
  running.set(id, key);
  if (/^\s*:reset\s*$/.test(input)) newSession();
  worker.sendRaw({ type: 'repl', id, cell: input, settings: useSettings.getState().settings });
}

/** Run one cell (typed in the Console, or sent from the editor). */
export function submitCell(input: string): void {
  if (!input.trim()) return;
  send(input);
}

/** "Send to console": run the editor's selection or current line, and show the Console. */
export function sendToConsole(text: string): void {
  useUi.getState().setActivePanel('console');
  submitCell(text.replace(/\s+$/, ''));
}

/** Stop a cell that runs too long: the session's machine is discarded. */
export function stopConsole(): void {
  if (!running.size) return;
  worker.restart();
  lost('The Console cell was stopped; the session starts afresh.');
}

/** Reset button: a fresh session and an empty list of cells. */
export function resetConsole(): void {
  start();
  if (running.size) worker.restart();
  running.clear();
  newSession();
  useConsole.setState({ entries: [], cells: [] });
  worker.sendRaw({ type: 'repl-reset', id: worker.nextId(), settings: useSettings.getState().settings });
}

/** A shared session opens with its cells run again, in order, on a fresh machine. */
export function replayCells(cells: string[]): void {
  if (!cells.length) return;
  resetConsole();
  for (const c of cells) send(c);
}

export const consoleBusy = (): boolean => running.size > 0;

// The Console's glue: its own worker holding the live REPL session (so Run and Stop of the
// program do not touch it), cells in, results and trace out. The session's trace also feeds the
// run store while the Console is in use, so Memory, Tasks and the other views show the live
// session's machine.
import type { FromWorker, RunSettings } from '../../worker/protocol';
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
/** Appended in place: a new array per batch made a long session quadratic (the run store keeps
 *  its own copy; ownViews hands it a snapshot). */
function appendTrace(events: TraceEvent[]): void {
  for (const e of events) sessionTrace.push(e);
}
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
    status: 'running', runId: sessionRun, output: emptyOutput(), trace: sessionTrace.slice(), traceDropped: 0, end: null, panic: null,
    compileDiagnostics: [], exports: [], steps: 0, runMs: 0, compileMs: 0, startedAt: performance.now(),
  });
}

function onMessage(m: FromWorker): void {
  if (!('id' in m)) return;
  if (replaying.has(m.id)) return restoring(m);
  const key = running.get(m.id);
  if (key === undefined) return;
  switch (m.type) {
    case 'events': {
      const trace = withHeapEvents(m.trace, m.heap); // (a cell's scheduling events come packed)
      appendTrace(trace);
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
  replaying.clear();
  useConsole.setState({ restore: null });
  useConsole.getState().lose();
  newSession();
  useUi.getState().notify('warning', message);
}

/** A fresh machine: the next cell starts a new session (and a new trace). */
function newSession(): void {
  sessionTrace = [];
  sessionRun++;
  sessionSettings = null;
}

/** The settings the session's machine was made with (later cells and a restore use them). */
let sessionSettings: RunSettings | null = null;
/** Cells being run again silently to restore the session after a stop (message ids). */
const replaying = new Set<number>();
let restoredCount = 0;

function send(input: string): void {
  start();
  const key = ++entryKey;
  useConsole.getState().add(key, input);
  const id = worker.nextId();
  running.set(id, key);
  if (/^\s*:reset\s*$/.test(input)) newSession();
  worker.sendRaw({ type: 'repl', id, cell: input, settings: (sessionSettings ??= useSettings.getState().settings) });
}

/** A message of a silent re-run: its trace rebuilds the session's views, its output is dropped
 *  (it was shown when the cell first ran); the last one announces the restore. */
function restoring(m: FromWorker): void {
  if (m.type === 'events') { appendTrace(withHeapEvents(m.trace, m.heap)); return; }
  if (m.type !== 'repl-result' && m.type !== 'internal-error') return;
  replaying.delete((m as { id: number }).id);
  if (replaying.size) return;
  useUi.getState().notify('info', `Cell stopped; session restored (${restoredCount} cell${restoredCount === 1 ? '' : 's'} re-run).`);
  useConsole.getState().restored(restoredCount);
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

/** Stop a cell that runs too long. The worker running it is discarded; the session is then
 *  rebuilt as it was before the stopped cell(s) by running the earlier cells since the last reset
 *  again, in order and silently, on a fresh machine with the session's settings. Cells are
 *  deterministic (same cells and settings give the same values, heap and output), and a cell
 *  that failed (compile error, panic) left the session untouched when it first ran and does so
 *  again, so the rebuilt session equals the old one and the cell numbers stay the same. */
export function stopConsole(): void {
  if (!running.size) return;
  const stopped = running.size; // the newest cells: the one running and any queued behind it
  const settings = sessionSettings ?? useSettings.getState().settings;
  worker.restart();
  running.clear();
  replaying.clear();
  const c = useConsole.getState();
  c.lose();
  useConsole.setState({ restore: { state: 'restoring' } });
  const earlier = c.cells.slice(0, Math.max(0, c.cells.length - stopped));
  c.setCells(earlier); // a link carries the session without the stopped cells
  newSession();
  sessionSettings = settings;
  restoredCount = earlier.length;
  if (!earlier.length) {
    useUi.getState().notify('info', 'Cell stopped; the session had no earlier cells.');
    useConsole.getState().restored(0);
    return;
  }
  for (const cell of earlier) {
    const id = worker.nextId();
    replaying.add(id);
    worker.sendRaw({ type: 'repl', id, cell, settings });
  }
}

/** Reset button: a fresh session and an empty list of cells. */
export function resetConsole(): void {
  start();
  if (running.size) worker.restart();
  running.clear();
  newSession();
  replaying.clear();
  useConsole.setState({ entries: [], cells: [], restore: null });
  worker.sendRaw({ type: 'repl-reset', id: worker.nextId(), settings: useSettings.getState().settings });
}

/** A shared session opens with its cells run again, in order, on a fresh machine. */
export function replayCells(cells: string[]): void {
  if (!cells.length) return;
  resetConsole();
  for (const c of cells) send(c);
}

export const consoleBusy = (): boolean => running.size > 0;
/** The session is being rebuilt after a stop (its cells are being run again). */
export const consoleRestoring = (): boolean => replaying.size > 0;

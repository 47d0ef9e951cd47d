// Glue between the workers and the stores: runs, stops, live checks, crash recovery.
import type { FromWorker } from '../../worker/protocol';
import type { IntelQuery } from '../../worker/intel';
import { WorkerClient } from './worker-client';
import { withHeapEvents } from '../../worker/heap-pack';
import { useRun } from '../state/run-store';
import { useFiles, ENTRY_FILE } from '../state/files-store';
import { useSettings } from '../state/settings-store';
import { useUi } from '../state/ui-store';
import { useLayouts } from '../state/layout-store';

export const CHECK_DEBOUNCE_MS = 250;

const runWorker = new WorkerClient();
const langWorker = new WorkerClient();
let currentRun = 0;
let lastCheck = 0;
let started = false;

function onRunMessage(m: FromWorker): void {
  if (!('id' in m) || m.id !== currentRun) return; // a stale run
  const run = useRun.getState();
  const ui = useUi.getState();
  switch (m.type) {
    case 'compiled':
      run.compiled(m.ok, m.diagnostics, m.compileMs, m.exports ?? []);
      if (!m.ok) ui.setActivePanel('problems');
      return;
    case 'events':
      run.events(m.output, withHeapEvents(m.trace, m.heap), m.dropped);
      return;
    case 'done': {
      run.finish({ kind: 'outcome', outcome: m.outcome, exitCode: m.exitCode }, { steps: m.steps, runMs: m.runMs, panic: m.panic });
      if (m.panic && (m.outcome.kind === 'panicked' || m.outcome.kind === 'aborted')) ui.setActivePanel('panic');
      return;
    }
    case 'internal-error':
      run.finish({ kind: 'internal-error', message: m.message, stack: m.stack });
      ui.setActivePanel('output');
      return;
  }
}

/** A live check that does not answer within this time restarts the language worker. */
export const CHECK_WATCHDOG_MS = 8000;
let watchdog: ReturnType<typeof setTimeout> | null = null;

function onLangMessage(m: FromWorker): void {
  if ('id' in m && m.id === lastCheck && watchdog) { clearTimeout(watchdog); watchdog = null; }
  if (m.type === 'diagnostics' && m.id === lastCheck) {
    useUi.getState().setLiveDiagnostics(m.diagnostics);
    useLayouts.getState().setLayouts(m.layouts ?? []);
  }
  // an internal error of the checker is ours, not the user's: say so once, keep the editor usable
  if (m.type === 'internal-error' && m.id === lastCheck) {
    useUi.getState().setLiveDiagnostics(null);
    useUi.getState().notify('warning', `The checker hit an internal error (a playground bug, not your code): ${m.message}. Markers may be missing.`);
  }
}

export function startWorkers(): void {
  if (started) return;
  started = true;
  runWorker.onMessage = onRunMessage;
  runWorker.onCrash = (message) => {
    const run = useRun.getState();
    if (run.status === 'compiling' || run.status === 'running') run.finish({ kind: 'worker-crash', message });
    useUi.getState().notify('warning', `The run worker crashed and was restarted (${message}).`);
  };
  langWorker.onMessage = onLangMessage;
  langWorker.onCrash = (message) => useUi.getState().notify('warning', `The checker worker crashed and was restarted (${message}).`);
  // Workers start lazily (first check / first run) so they do not compete with Monaco's startup;
  // the run worker is warmed up shortly after, so the first Run is quick too.
  setTimeout(() => runWorker.ensureStarted(), 800);
}

export function isRunning(): boolean {
  const s = useRun.getState().status;
  return s === 'compiling' || s === 'running';
}

/** A shared slot for SIGINT (needs a cross-origin-isolated page; see vite.config.ts headers). */
let signalSlot: Int32Array | null = null;
export const canSendSignals = (): boolean => typeof SharedArrayBuffer !== 'undefined' && globalThis.crossOriginIsolated === true;

/** The files of the latest run (a bug report re-runs when they changed since). */
let lastRunFiles: readonly unknown[] | null = null;
export const filesChangedSinceRun = (): boolean => lastRunFiles !== useFiles.getState().files;

export function runProgram(): void {
  startWorkers();
  if (isRunning()) runWorker.restart();
  const { files } = useFiles.getState();
  lastRunFiles = files;
  const { settings } = useSettings.getState();
  signalSlot = canSendSignals() ? new Int32Array(new SharedArrayBuffer(4)) : null;
  currentRun = runWorker.nextId() + 1; // the id run() will use
  useRun.getState().begin(currentRun, performance.now());
  const id = runWorker.run(files, ENTRY_FILE, settings, signalSlot?.buffer as SharedArrayBuffer | undefined);
  currentRun = id;
  useUi.getState().setActivePanel('output');
}

/** Resolves when the current run (if any) has ended. */
export function whenRunEnds(): Promise<void> {
  if (useRun.getState().status === 'done' || useRun.getState().status === 'idle') return Promise.resolve();
  return new Promise((resolve) => {
    const un = useRun.subscribe((s) => {
      if (s.status === 'done' || s.status === 'idle') { un(); resolve(); }
    });
  });
}

/** Ctrl+C: delivers SIGINT at the program's next statement boundary (its handler, or exit 130). */
export function sendInterrupt(): void {
  if (!isRunning() || !signalSlot) return;
  Atomics.store(signalSlot, 0, 2);
}

/** Stop: terminate the run worker at once; a fresh one takes its place. */
export function stopProgram(): void {
  if (!isRunning()) return;
  currentRun = -1;
  runWorker.restart();
  useRun.getState().finish({ kind: 'stopped' });
}

let checkTimer: ReturnType<typeof setTimeout> | null = null;

export function scheduleCheck(delay = CHECK_DEBOUNCE_MS): void {
  startWorkers();
  if (checkTimer) clearTimeout(checkTimer);
  checkTimer = setTimeout(() => {
    checkTimer = null;
    lastCheck = langWorker.check(useFiles.getState().files);
    if (watchdog) clearTimeout(watchdog);
    watchdog = setTimeout(() => {
      watchdog = null;
      langWorker.restart();
      useUi.getState().notify('warning', 'The checker took too long on this code and was restarted (a playground bug, not your code). Markers may be missing until the next edit.');
    }, CHECK_WATCHDOG_MS);
  }, delay);
}

export const hoverAt = (file: string, offset: number) => langWorker.hover(useFiles.getState().files, file, offset);
export const definitionAt = (file: string, offset: number) => langWorker.definition(useFiles.getState().files, file, offset);
export const completionsAt = (file: string, offset: number) => langWorker.complete(useFiles.getState().files, file, offset);
export const intelQuery = (query: IntelQuery) => langWorker.intel(useFiles.getState().files, query);
export const formatText = (file: string, text: string) => langWorker.format(file, text);
export const generatedJs = () => langWorker.generatedJs(useFiles.getState().files, ENTRY_FILE);

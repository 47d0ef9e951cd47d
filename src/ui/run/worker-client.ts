// One toolchain Web Worker with typed requests. The playground keeps two: a language worker
// (live check, hover, completion) and a run worker that Stop may terminate at any moment.
import type { CompletionItem, DefinitionLocation, FromWorker, SourceFile, ToWorker, RunSettings } from '../../worker/protocol';
import type { IntelAnswer, IntelQuery } from '../../worker/intel';
import { fromWire, type WireMessage } from '../../worker/wire';

export type WorkerFactory = () => Worker;

export const createToolchainWorker: WorkerFactory = () =>
  new Worker(new URL('../../worker/worker.ts', import.meta.url), { type: 'module', name: 'vex-toolchain' });

type Pending = (m: FromWorker) => void;

/** Hover and completion give up after this long (the worker may be stuck on pathological code). */
export const REQUEST_TIMEOUT_MS = 3000;

export class WorkerClient {
  private worker: Worker | null = null;
  private seq = 0;
  private pending = new Map<number, Pending>();
  /** Messages not answered through `pending` (run events, diagnostics). */
  onMessage: (m: FromWorker) => void = () => {};
  /** The worker died (script error, out of memory): it has already been replaced. */
  onCrash: (message: string) => void = () => {};

  constructor(private readonly factory: WorkerFactory = createToolchainWorker) {}

  start(): void {
    const w = this.factory();
    w.onmessage = (e: MessageEvent<WireMessage>) => {
      const m = fromWire(e.data);
      if ('id' in m) {
        const p = this.pending.get(m.id);
        if (p) {
          this.pending.delete(m.id);
          return p(m);
        }
      }
      this.onMessage(m);
    };
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.restart();
      this.onCrash(e.message || 'the toolchain worker crashed');
    };
    w.onmessageerror = () => {
      this.restart();
      this.onCrash('the toolchain worker sent an unreadable message');
    };
    this.worker = w;
  }

  /** Terminates at once (even mid-run) and starts a fresh worker. Pending requests get no answer. */
  restart(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const p of this.pending.values()) p({ type: 'hover', id: -1, text: null });
    this.pending.clear();
    this.start();
  }

  /** Starts the worker if it is not running yet (warm-up before the first request). */
  ensureStarted(): void {
    if (!this.worker) this.start();
  }

  /** A message the caller numbered itself with `nextId()` (the Console's cells). */
  sendRaw(msg: ToWorker): void {
    this.send(msg);
  }

  private send(msg: ToWorker): void {
    if (!this.worker) this.start();
    this.worker!.postMessage(msg);
  }

  nextId(): number {
    return ++this.seq;
  }

  check(files: SourceFile[]): number {
    const id = this.nextId();
    this.send({ type: 'check', id, files });
    return id;
  }

  run(files: SourceFile[], entry: string, settings: RunSettings, signalBuffer?: SharedArrayBuffer): number {
    const id = this.nextId();
    const fault = injectedFault();
    this.send({ type: 'run', id, files, entry, settings, ...(signalBuffer ? { signalBuffer } : {}), ...(fault ? { fault } : {}) });
    return id;
  }

  /** A request answered by id; a worker that does not answer in time yields `fallback`. */
  private request<T>(msg: ToWorker & { id: number }, pick: (m: FromWorker) => T, fallback: T): Promise<T> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(msg.id);
        resolve(fallback);
      }, REQUEST_TIMEOUT_MS);
      this.pending.set(msg.id, (m) => { clearTimeout(timer); resolve(pick(m)); });
      this.send(msg);
    });
  }

  hover(files: SourceFile[], file: string, offset: number): Promise<string | null> {
    return this.request({ type: 'hover', id: this.nextId(), files, file, offset }, (m) => (m.type === 'hover' ? m.text : null), null);
  }

  /** The formatted text, or null (syntax errors, or no answer in time). */
  format(file: string, text: string): Promise<string | null> {
    return this.request({ type: 'format', id: this.nextId(), file, text }, (m) => (m.type === 'formatted' ? m.text : null), null);
  }

  /** The compiled program's JavaScript; null js when it does not compile (or no answer in time). */
  generatedJs(files: SourceFile[], entry: string): Promise<{ js: string | null; errors: number }> {
    const none = { js: null, errors: 0 };
    return this.request({ type: 'generated-js', id: this.nextId(), files, entry }, (m) => (m.type === 'js' ? { js: m.js, errors: m.errors } : none), none);
  }

  /** References, document symbols or signature help (worker/intel.ts); null when no answer in time. */
  intel(files: SourceFile[], query: IntelQuery): Promise<IntelAnswer | null> {
    return this.request({ type: 'intel', id: this.nextId(), files, query }, (m) => (m.type === 'intel' ? m.answer : null), null);
  }

  /** Where the name under `offset` is declared (any tab), or null. */
  definition(files: SourceFile[], file: string, offset: number): Promise<DefinitionLocation | null> {
    return this.request({ type: 'definition', id: this.nextId(), files, file, offset }, (m) => (m.type === 'definition' ? m.loc : null), null);
  }

  complete(files: SourceFile[], file: string, offset: number): Promise<CompletionItem[]> {
    return this.request({ type: 'complete', id: this.nextId(), files, file, offset }, (m) => (m.type === 'completions' ? m.items : []), []);
  }
}

/** The test hook of the page's address (`?testFault=after-run`): the worker's toolchain fails after
 *  the program ran, so browser tests can see an internal error keep the output. A Vex program
 *  cannot reach it (it runs in the worker, with only the runtime in scope). */
function injectedFault(): 'after-run' | null {
  if (typeof location === 'undefined') return null;
  return new URLSearchParams(location.search).get('testFault') === 'after-run' ? 'after-run' : null;
}

// One toolchain Web Worker with typed requests. The playground keeps two: a language worker
// (live check, hover, completion) and a run worker that Stop may terminate at any moment.
import type { CompletionItem, FromWorker, SourceFile, ToWorker, RunSettings } from '../../worker/protocol';

export type WorkerFactory = () => Worker;

export const createToolchainWorker: WorkerFactory = () =>
  new Worker(new URL('../../worker/worker.ts', import.meta.url), { type: 'module', name: 'vex-toolchain' });

type Pending = (m: FromWorker) => void;

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
    w.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
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
    this.send({ type: 'run', id, files, entry, settings, ...(signalBuffer ? { signalBuffer } : {}) });
    return id;
  }

  hover(files: SourceFile[], file: string, offset: number): Promise<string | null> {
    const id = this.nextId();
    return new Promise((resolve) => {
      this.pending.set(id, (m) => resolve(m.type === 'hover' ? m.text : null));
      this.send({ type: 'hover', id, files, file, offset });
    });
  }

  complete(files: SourceFile[], file: string, offset: number): Promise<CompletionItem[]> {
    const id = this.nextId();
    return new Promise((resolve) => {
      this.pending.set(id, (m) => resolve(m.type === 'completions' ? m.items : []));
      this.send({ type: 'complete', id, files, file, offset });
    });
  }
}

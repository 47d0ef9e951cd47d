// The Console's long-lived REPL session inside the worker: one ReplEngine (one live machine) kept
// between messages. A cell's trace events stream as `events` batches with the cell's id, exactly
// like a run's, then `repl-result` says how the cell ended.
import type { FromWorker, RunSettings, ToWorker } from './protocol';
import type { WorkerHost } from './handlers';
import type { TraceEvent } from '../runtime/api';
import { ReplEngine } from '../pipeline/repl';
import { EventBatcher, DEFAULT_CAPS, type BatchCaps } from './batcher';

const FLUSH_MS = 30;

export class WorkerReplSession {
  private engine: ReplEngine | null = null;
  /** Where the live engine's events go: the batcher of the cell being run. */
  private sink: ((e: TraceEvent) => void) | null = null;
  private flushNow: (() => void) | null = null;

  constructor(private readonly caps: BatchCaps = DEFAULT_CAPS) {}

  handle(msg: Extract<ToWorker, { type: 'repl' | 'repl-reset' }>, host: WorkerHost): void {
    const fresh = msg.type === 'repl-reset' || !this.engine;
    const batcher = new EventBatcher(this.caps);
    let lastFlush = host.now();
    const flush = () => {
      if (batcher.isEmpty) return;
      host.post({ type: 'events', id: msg.id, ...batcher.take() });
      lastFlush = host.now();
    };
    this.sink = (e) => batcher.addTrace(e);
    this.flushNow = () => { if (host.now() - lastFlush >= FLUSH_MS) flush(); };
    try {
      if (fresh) this.engine = this.start(msg.settings);
      if (msg.type === 'repl-reset') {
        flush();
        host.post({ type: 'repl-result', id: msg.id, result: this.engine!.eval(':reset'), fresh: true });
        return;
      }
      const result = this.engine!.eval(msg.cell);
      flush();
      const out: FromWorker = { type: 'repl-result', id: msg.id, result, fresh };
      host.post(out);
    } catch (e) {
      flush();
      const err = e instanceof Error ? e : new Error(String(e));
      host.post({ type: 'internal-error', id: msg.id, message: `${err.name}: ${err.message}`, stack: err.stack ?? '' });
    } finally {
      this.sink = null;
      this.flushNow = null;
    }
  }

  private start(settings: RunSettings): ReplEngine {
    return new ReplEngine({
      ...settings,
      traceCalls: false,
      keepTrace: false,
      onEvent: (e) => this.sink?.(e),
      pollSignal: () => { this.flushNow?.(); return 0; },
    });
  }
}

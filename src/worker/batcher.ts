// Collects a run's output and trace events and hands them out in capped batches, so a program
// printing millions of lines cannot flood the UI thread. Pure logic (the worker supplies the clock
// and the postMessage); the caps are per batch, and `dropped` counts what a batch elided.
import type { OutputChunk, TraceEvent } from '../runtime/api';
import { RUN_OUTPUT_LINES, SHOWN_OUTPUT_LINES, TRACE_EVENTS_PER_BATCH } from '../common/limits';

export interface BatchCaps {
  maxChunks: number; // output chunks kept per batch (after merging same-stream neighbours)
  maxLines: number; // output lines kept per batch
  maxTrace: number; // trace events kept per batch
  /** Total output lines after which the run must end (the worker reports limit 'output'). */
  runOutputLineLimit: number;
}

export const DEFAULT_CAPS: BatchCaps = {
  maxChunks: 10_000,
  maxLines: SHOWN_OUTPUT_LINES,
  maxTrace: TRACE_EVENTS_PER_BATCH,
  runOutputLineLimit: RUN_OUTPUT_LINES,
};

export interface Batch {
  output: OutputChunk[];
  trace: TraceEvent[];
  dropped: number;
}

const countLines = (s: string) => {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
};

export class EventBatcher {
  private output: OutputChunk[] = [];
  private lines = 0;
  private trace: TraceEvent[] = [];
  private dropped = 0;
  /** Output lines seen in the whole run (kept or dropped). */
  totalLines = 0;

  constructor(private readonly caps: BatchCaps = DEFAULT_CAPS) {}

  /** True once the run printed more than the run limit: the caller must end the run. */
  get overOutputLimit(): boolean {
    return this.totalLines > this.caps.runOutputLineLimit;
  }

  addOutput(stream: OutputChunk['stream'], text: string): void {
    if (text.length === 0) return;
    const n = countLines(text);
    this.totalLines += n;
    const last = this.output[this.output.length - 1];
    if (last && last.stream === stream) last.text += text;
    else this.output.push({ stream, text });
    this.lines += n;
    // keep the latest: evict whole chunks from the front, then trim the oldest lines of the first
    while (this.output.length > this.caps.maxChunks || (this.lines > this.caps.maxLines && this.output.length > 1)) {
      const gone = this.output.shift()!;
      const k = countLines(gone.text);
      this.lines -= k;
      this.dropped += Math.max(1, k);
    }
    if (this.lines > this.caps.maxLines) {
      const first = this.output[0];
      let cut = 0;
      let excess = this.lines - this.caps.maxLines;
      while (excess > 0) {
        cut = first.text.indexOf('\n', cut) + 1;
        excess--;
      }
      first.text = first.text.slice(cut);
      this.dropped += this.lines - this.caps.maxLines;
      this.lines = this.caps.maxLines;
    }
  }

  /** Output events go to the output and stay in the trace too (the time scrubber replays the
   *  output up to a trace position); only the other trace events count as dropped when trimmed. */
  addTrace(e: TraceEvent): void {
    if (e.t === 'output') this.addOutput(e.stream, e.text);
    this.trace.push(e);
    if (this.trace.length > this.caps.maxTrace * 2) {
      // amortised: trim in bulk rather than shifting on every event
      const excess = this.trace.length - this.caps.maxTrace;
      this.dropped += countNonOutput(this.trace, excess);
      this.trace.splice(0, excess);
    }
  }

  get isEmpty(): boolean {
    return this.output.length === 0 && this.trace.length === 0 && this.dropped === 0;
  }

  /** Takes the pending batch (capped) and starts a new one. */
  take(): Batch {
    let trace = this.trace;
    let dropped = this.dropped;
    if (trace.length > this.caps.maxTrace) {
      dropped += countNonOutput(trace, trace.length - this.caps.maxTrace);
      trace = trace.slice(trace.length - this.caps.maxTrace);
    }
    const batch = { output: this.output, trace, dropped };
    this.output = [];
    this.trace = [];
    this.lines = 0;
    this.dropped = 0;
    return batch;
  }
}

function countNonOutput(trace: readonly TraceEvent[], n: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (trace[i].t !== 'output') k++;
  return k;
}

// Collects a run's output and trace events and hands them out in capped batches, so a program
// printing millions of lines cannot flood the UI thread. Pure logic (the worker supplies the clock
// and the postMessage); the caps are per batch, and `dropped` counts what a batch elided.
import type { OutputChunk, TraceEvent } from '../runtime/api';
import { RUN_OUTPUT_LINES, SHOWN_OUTPUT_LINES, TRACE_EVENTS_PER_BATCH, UI_TRACE_EVENTS } from '../common/limits';
import { HeapPacker, type PackedHeap } from './heap-pack';

export interface BatchCaps {
  maxChunks: number; // output chunks kept per batch (after merging same-stream neighbours)
  maxLines: number; // output lines kept per batch
  maxTrace: number; // trace events kept per batch (objects)
  /** Packed events (heap and scheduling, heap-pack.ts) kept per batch (cheap to send; default
   *  1,000,000, the UI's whole window). */
  maxHeap?: number;
  /** Total output lines after which the run must end (the worker reports limit 'output'). */
  runOutputLineLimit: number;
}

export const DEFAULT_CAPS: BatchCaps = {
  maxChunks: 10_000,
  maxLines: SHOWN_OUTPUT_LINES,
  maxTrace: TRACE_EVENTS_PER_BATCH,
  maxHeap: UI_TRACE_EVENTS, // packed events per batch: the UI's whole window
  runOutputLineLimit: RUN_OUTPUT_LINES,
};

export interface Batch {
  output: OutputChunk[];
  trace: TraceEvent[];
  /** The heap and scheduling events, packed (heap-pack.ts withHeapEvents() puts them into `trace`). */
  heap?: PackedHeap;
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
  /** The run's RunOptions.heapSink: heap events recorded as numbers between the object events. */
  readonly heap: HeapPacker;
  /** Called every few thousand heap events (the owner's flush check). */
  onHeapTick: (() => void) | null = null;
  private readonly maxHeap: number;

  /** `heap`: a packer to reuse (its buffers stay grown from run to run; it is reset here). */
  constructor(private readonly caps: BatchCaps = DEFAULT_CAPS, heap?: HeapPacker) {
    this.heap = heap ?? new HeapPacker();
    this.heap.reset();
    this.maxHeap = caps.maxHeap ?? 1_000_000;
    this.heap.onTick = () => {
      if (this.heap.n > this.maxHeap * 2) this.cutFront(0, this.heap.n - this.maxHeap);
      if (this.onHeapTick !== null) this.onHeapTick();
    };
  }

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
    else if (this.heap.schedule(e)) return; // packed beside the heap events
    this.trace.push(e);
    this.heap.at = this.trace.length;
    // amortised: trim in bulk rather than shifting on every event
    if (this.trace.length > this.caps.maxTrace * 2) this.cutFront(this.trace.length - this.caps.maxTrace, 0);
  }

  get isEmpty(): boolean {
    return this.output.length === 0 && this.trace.length === 0 && this.heap.n === 0 && this.dropped === 0;
  }

  /** Drops at least the first `objects` object events and `heapEvents` heap events, keeping what
   *  stays one contiguous stretch of the run's events (a heap event between two dropped objects
   *  goes too, and so do the objects before a dropped heap event). */
  private cutFront(objects: number, heapEvents: number): void {
    const h0 = heapEvents > 0 ? heapEvents : 0;
    const k = Math.max(objects, h0 > 0 ? this.heap.posOf(h0 - 1) : 0);
    const h = Math.max(h0, this.heap.countBefore(k));
    if (k === 0 && h === 0) return;
    this.dropped += countNonOutput(this.trace, k) + h;
    if (k > 0) this.trace.splice(0, k);
    this.heap.dropFront(h, k);
  }

  /** Takes the pending batch (capped) and starts a new one. */
  take(): Batch {
    this.cutFront(this.trace.length - this.caps.maxTrace, this.heap.n - this.maxHeap);
    const heap = this.heap.take();
    const batch: Batch = heap ? { output: this.output, trace: this.trace, heap, dropped: this.dropped } : { output: this.output, trace: this.trace, dropped: this.dropped };
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

// What crosses postMessage between the run worker and the UI. postMessage structured-clones every
// object one by one: a run printing 100,000 lines sent 100,000 `output` objects (the clone cost
// more than the program took to print them, bench/output), and 20,000 async tasks 40,000
// `task-spawn`/`task-end` objects. toWire() moves those events out of a batch's `trace` into
// columns (typed arrays, which are transferred, and one array of strings); fromWire() on the UI
// thread puts the same events back in their places, with the same fields in the same order. Every
// other message, and every other event, travels as it is.
import type { OutputChunk, SourceLoc, TraceEvent } from '../runtime/api';
import type { FromWorker } from './protocol';
import { packedBuffers } from './heap-pack';

const STDOUT = 0;
const STDERR = 1;
const SPAWN = 2;
const END = 3;
/** Numbers per event in `nums`, by kind: spawn: task, parent, stackSize, clock, index in `sites`;
 *  end: task, clock. */
const NUMS = [0, 0, 5, 2];

/** A batch's packed object events: event i is kind[i], at index at[i] of the whole object trace,
 *  its strings (output: text; spawn: name) and numbers taken in order from `strs` and `nums`.
 *  With `lens`, the output events' texts are not in `strs`: they are, in order, the message's
 *  output chunks cut into pieces of these lengths (each text travels once, not twice). */
export interface PackedObjects {
  n: number;
  at: Int32Array;
  kind: Uint8Array;
  nums: Float64Array;
  strs: string[];
  sites: (SourceLoc | null)[];
  lens?: Int32Array;
}

type EventsMsg = Extract<FromWorker, { type: 'events' }>;
/** An events message as sent: some of its trace's events in `objs`. */
export type WireMessage = FromWorker | (EventsMsg & { objs: PackedObjects });

/** The number of own keys (packed events must have exactly the fields put back). */
function keyCount(e: object): number {
  let n = 0;
  for (const k in e) { void k; n++; }
  return n;
}

/** Which packed kind `e` is, or -1 (it stays an object). */
function kindOf(e: TraceEvent): number {
  switch (e.t) {
    case 'output':
      return typeof e.text === 'string' && keyCount(e) === 3 ? (e.stream === 'stdout' ? STDOUT : e.stream === 'stderr' ? STDERR : -1) : -1;
    case 'task-spawn':
      return typeof e.name === 'string' && e.site !== undefined && keyCount(e) === 7 ? SPAWN : -1;
    case 'task-end':
      return keyCount(e) === 3 ? END : -1;
    default:
      return -1;
  }
}

/** The message to post and the buffers to transfer with it (the sender must not use them again). */
export function toWire(m: FromWorker): { msg: WireMessage; transfer: ArrayBuffer[] } {
  if (m.type !== 'events') return { msg: m, transfer: [] };
  const transfer = packedBuffers(m);
  const trace = m.trace;
  const kinds = new Int8Array(trace.length);
  let n = 0, nn = 0;
  for (let i = 0; i < trace.length; i++) {
    const k = (kinds[i] = kindOf(trace[i]));
    if (k >= 0) { n++; nn += NUMS[k]; }
  }
  if (n < 16) return { msg: m, transfer }; // a few objects clone as cheaply as columns
  const lens = outputLengths(m.output, trace, kinds);
  const at = new Int32Array(n);
  const kind = new Uint8Array(n);
  const nums = new Float64Array(nn);
  const strs: string[] = [];
  const sites: (SourceLoc | null)[] = [];
  const siteIx = new Map<SourceLoc | null, number>();
  const rest: TraceEvent[] = [];
  let j = 0, f = 0;
  for (let i = 0; i < trace.length; i++) {
    const e = trace[i];
    if (kinds[i] < 0) { rest.push(e); continue; }
    kind[j] = kinds[i];
    at[j++] = i;
    if (e.t === 'output') { if (lens === null) strs.push(e.text); }
    else if (e.t === 'task-spawn') {
      let s = siteIx.get(e.site!);
      if (s === undefined) { s = sites.length; sites.push(e.site!); siteIx.set(e.site!, s); }
      strs.push(e.name);
      nums[f++] = e.task; nums[f++] = e.parent; nums[f++] = e.stackSize; nums[f++] = e.clock; nums[f++] = s;
    } else if (e.t === 'task-end') {
      nums[f++] = e.task; nums[f++] = e.clock;
    }
  }
  const objs: PackedObjects = lens === null ? { n, at, kind, nums, strs, sites } : { n, at, kind, nums, strs, sites, lens };
  transfer.push(at.buffer as ArrayBuffer, kind.buffer as ArrayBuffer, nums.buffer as ArrayBuffer);
  if (lens !== null) transfer.push(lens.buffer as ArrayBuffer);
  return { msg: { ...m, trace: rest, objs }, transfer };
}

/**
 * The lengths of the batch's output events' texts when those texts, in order, are exactly its
 * output chunks (each chunk the texts of a run of events on its stream), else null. The batcher
 * appends every output event's text to the chunks and trims both from the front only (whole
 * events; whole lines), so when the lengths line up chunk by chunk both are the same stretch of
 * the run's output: the texts can travel once, in the chunks. Bench/output: the 100,000 texts
 * serialized a second time were a fifth of the worker's posting.
 */
function outputLengths(chunks: readonly OutputChunk[], trace: readonly TraceEvent[], kinds: Int8Array): Int32Array | null {
  if (chunks.length === 0) return null;
  let count = 0;
  for (let i = 0; i < trace.length; i++) {
    if (trace[i].t !== 'output') continue;
    if (kinds[i] !== STDOUT && kinds[i] !== STDERR) return null; // an output event that stays an object
    count++;
  }
  const lens = new Int32Array(count);
  let c = 0, off = 0, j = 0;
  for (let i = 0; i < trace.length; i++) {
    const e = trace[i];
    if (e.t !== 'output') continue;
    const chunk = chunks[c];
    if (chunk === undefined || chunk.stream !== e.stream || e.text.length === 0) return null;
    off += e.text.length;
    if (off > chunk.text.length) return null;
    if (off === chunk.text.length) { c++; off = 0; }
    lens[j++] = e.text.length;
  }
  return c === chunks.length && off === 0 ? lens : null;
}

/** The message as the worker's handler posted it (its trace's events back in their places). */
export function fromWire(w: WireMessage): FromWorker {
  if (w.type !== 'events' || !('objs' in w)) return w;
  const { objs, ...m } = w;
  const rest = m.trace;
  const trace: TraceEvent[] = new Array(rest.length + objs.n);
  let r = 0, f = 0, s = 0, k = 0;
  // output texts cut from the chunks (`lens`): chunk c, from offset off; event o
  const lens = objs.lens, chunks = m.output;
  let c = 0, off = 0, o = 0;
  const text = (): string => {
    if (lens === undefined) return objs.strs[s++];
    const ch = chunks[c].text, end = off + lens[o++];
    const t = off === 0 && end === ch.length ? ch : ch.slice(off, end);
    if (end === ch.length) { c++; off = 0; } else off = end;
    return t;
  };
  for (let j = 0; j < objs.n; j++) {
    const at = objs.at[j];
    while (k < at) trace[k++] = rest[r++];
    const x = objs.nums;
    switch (objs.kind[j]) {
      case STDOUT: trace[k++] = { t: 'output', stream: 'stdout', text: text() }; break;
      case STDERR: trace[k++] = { t: 'output', stream: 'stderr', text: text() }; break;
      case SPAWN:
        trace[k++] = { t: 'task-spawn', task: x[f], parent: x[f + 1], name: objs.strs[s++], stackSize: x[f + 2], clock: x[f + 3], site: objs.sites[x[f + 4]] };
        f += 5;
        break;
      default:
        trace[k++] = { t: 'task-end', task: x[f], clock: x[f + 1] };
        f += 2;
    }
  }
  while (r < rest.length) trace[k++] = rest[r++];
  return { ...m, trace };
}

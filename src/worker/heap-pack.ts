// The hot events between the run worker and the UI as numbers in typed arrays, not one object per
// event: heap events (alloc, free, realloc) — a tree-building program makes millions, and building,
// structured-cloning and collecting an object for each cost ~40× the program itself (bench/bintree)
// — and the scheduler's task-run/task-block/task-wake, which a channel ping-pong makes hundreds of
// thousands of (cloning them was most of bench/channels' worker-path time).
// The worker's HeapPacker records them (it is the run's RunOptions.heapSink, and the batcher hands
// it the scheduling events); a batch carries them as a PackedHeap beside its object events;
// withHeapEvents() puts them back as the TraceEvents the runtime emitted, in their places, with the
// same fields in the same order. The UI's stores and panels see the same events.
import type { BlockKind, HeapSink, SourceLoc, TraceEvent, WakeCause } from '../runtime/api';

const ALLOC = 0;
const FREE = 1;
const REALLOC = 2;
const TASK_RUN = 3;
const TASK_BLOCK = 4;
const TASK_WAKE = 5;
const BLOCK_KINDS: readonly BlockKind[] = ['await', 'recv', 'send', 'sleep', 'join', 'lock'];
const WAKE_CAUSES: readonly WakeCause[] = ['send', 'recv', 'timer', 'complete'];

/** A batch's packed events. Event i is kind[i] (0 alloc, 1 free, 2 realloc, 3 task-run,
 *  4 task-block, 5 task-wake) with fields a–d (alloc: addr, size, align; free: addr, size;
 *  realloc: from, to, oldSize, size; task-run: clock; task-block: clock, BLOCK_KINDS index;
 *  task-wake: clock, by, WAKE_CAUSES index), allocator names[alloc[i]], site sites[site[i]]
 *  (-1: null), task[i]; it comes right before the batch's trace[pos[i]] (pos = trace.length:
 *  after every object event). */
export interface PackedHeap {
  n: number;
  kind: Uint8Array;
  a: Float64Array;
  b: Float64Array;
  c: Float64Array;
  d: Float64Array;
  alloc: Uint8Array;
  site: Int32Array;
  task: Int32Array;
  pos: Int32Array;
  names: string[];
  sites: (SourceLoc | null)[];
}

/** How often (in heap events) the packer calls `onTick`: the worker's chance to flush on time in
 *  code that allocates much between fuel checks. */
const TICK_EVERY = 4096;

export class HeapPacker implements HeapSink {
  locate: ((site: number) => SourceLoc | null) | null = null;
  /** Called every TICK_EVERY events (the worker's flush check). */
  onTick: (() => void) | null = null;
  /** Where the next event goes: the owner's object-trace length (kept current by the batcher). */
  at = 0;
  n = 0;
  private cap = 0;
  private kind = new Uint8Array(0);
  // doubles: a Vex Allocator may hand out any address
  private a = new Float64Array(0);
  private b = new Float64Array(0);
  private c = new Float64Array(0);
  private d = new Float64Array(0);
  private allocIx = new Uint8Array(0);
  private siteId = new Int32Array(0);
  private taskId = new Int32Array(0);
  private pos = new Int32Array(0);
  private readonly names: string[] = [];
  /** task-block sites (already located by the runtime): their siteId is an index here */
  private blockSites: (SourceLoc | null)[] = [];
  private lastName = '';
  private lastNameIx = -1;
  private sinceTick = 0;
  // take(): per site id, the batch (stamp) that last saw it and its index in that batch's sites
  private siteStamp = new Int32Array(0);
  private siteLocal = new Int32Array(0);
  private batchStamp = 0;

  /** Empty, for a new run (the buffers are kept). */
  reset(): void {
    this.n = 0;
    this.at = 0;
    this.sinceTick = 0;
    this.onTick = null;
    this.locate = null;
    this.names.length = 0;
    this.blockSites = [];
    this.lastName = '';
    this.lastNameIx = -1;
  }

  alloc(addr: number, size: number, align: number, allocator: string, site: number, task: number): void {
    const i = this.slot(ALLOC, site, task, allocator);
    this.a[i] = addr; this.b[i] = size; this.c[i] = align;
  }
  free(addr: number, size: number, allocator: string, site: number, task: number): void {
    const i = this.slot(FREE, site, task, allocator);
    this.a[i] = addr; this.b[i] = size;
  }
  realloc(from: number, to: number, oldSize: number, size: number, site: number, task: number): void {
    const i = this.slot(REALLOC, site, task, null);
    this.a[i] = from; this.b[i] = to; this.c[i] = oldSize; this.d[i] = size;
  }

  /** Packs a scheduling event the batcher is handed; false when it is not one of the packed
   *  shapes (it then stays an object event). */
  schedule(e: TraceEvent): boolean {
    switch (e.t) {
      case 'task-run': {
        const i = this.slot(TASK_RUN, -1, e.task, null);
        this.a[i] = e.clock;
        return true;
      }
      case 'task-block': {
        const on = BLOCK_KINDS.indexOf(e.on);
        if (e.site === undefined || on < 0) return false;
        const i = this.slot(TASK_BLOCK, 0, e.task, null);
        // (after slot(): a flush in its tick empties blockSites)
        this.siteId[i] = this.blockSites.length;
        this.blockSites.push(e.site);
        this.a[i] = e.clock; this.b[i] = on;
        return true;
      }
      case 'task-wake': {
        const cause = e.cause === undefined ? -1 : WAKE_CAUSES.indexOf(e.cause);
        if (e.by === undefined || cause < 0) return false;
        const i = this.slot(TASK_WAKE, -1, e.task, null);
        this.a[i] = e.clock; this.b[i] = e.by; this.c[i] = cause;
        return true;
      }
      default:
        return false;
    }
  }

  private slot(kind: number, site: number, task: number, allocator: string | null): number {
    // the tick comes before the slot is taken: a flush in it sees only complete events
    if (++this.sinceTick === TICK_EVERY) {
      this.sinceTick = 0;
      if (this.onTick !== null) this.onTick();
    }
    const i = this.n++;
    if (i === this.cap) this.grow();
    this.kind[i] = kind;
    this.siteId[i] = site;
    this.taskId[i] = task;
    this.pos[i] = this.at;
    if (allocator !== null) this.allocIx[i] = allocator === this.lastName ? this.lastNameIx : this.nameIndex(allocator);
    return i;
  }

  private nameIndex(name: string): number {
    let k = this.names.indexOf(name);
    if (k < 0) {
      k = this.names.length;
      this.names.push(name);
    }
    this.lastName = name;
    this.lastNameIx = k;
    return k;
  }

  /** Events positioned before object `objects` (pos < objects): how many, pos being non-decreasing. */
  countBefore(objects: number): number {
    let lo = 0, hi = this.n;
    while (lo < hi) {
      const m = (lo + hi) >>> 1;
      if (this.pos[m] < objects) lo = m + 1;
      else hi = m;
    }
    return lo;
  }
  /** Position of event i (the object it precedes). */
  posOf(i: number): number {
    return this.pos[i];
  }

  /** Drops the first `h` events and shifts the rest's positions down by `k` objects (the owner
   *  dropped its first k objects; every remaining event has pos >= k). */
  dropFront(h: number, k: number): void {
    const n = this.n - h;
    if (h > 0) {
      this.kind.copyWithin(0, h, this.n);
      this.a.copyWithin(0, h, this.n); this.b.copyWithin(0, h, this.n);
      this.c.copyWithin(0, h, this.n); this.d.copyWithin(0, h, this.n);
      this.allocIx.copyWithin(0, h, this.n);
      this.siteId.copyWithin(0, h, this.n); this.taskId.copyWithin(0, h, this.n);
      this.pos.copyWithin(0, h, this.n);
    }
    if (k > 0) for (let i = 0; i < n; i++) this.pos[i] -= k;
    this.n = n;
    this.at -= k;
  }

  /** The pending events as a PackedHeap (exact-length copies; the buffers are reused), then empty. */
  take(): PackedHeap | undefined {
    const n = this.n;
    if (n === 0) return undefined;
    // sites as SourceLocs, one entry per distinct site in this batch; a site id's batch index is
    // found through a stamped table (ids are small: one per allocating place in the program),
    // not a Map: a tree builder alternates sites on every event
    const locate = this.locate;
    const sites: (SourceLoc | null)[] = [];
    const site = new Int32Array(n);
    const stamp = ++this.batchStamp;
    let blockLocal: Map<SourceLoc | null, number> | null = null;
    for (let i = 0; i < n; i++) {
      const s = this.siteId[i];
      if (s < 0) { site[i] = -1; continue; }
      if (this.kind[i] === TASK_BLOCK) {
        const loc = this.blockSites[s];
        blockLocal ??= new Map();
        let ix = blockLocal.get(loc);
        if (ix === undefined) { ix = sites.length; sites.push(loc); blockLocal.set(loc, ix); }
        site[i] = ix;
        continue;
      }
      if (s >= this.siteStamp.length) this.growSites(s);
      if (this.siteStamp[s] !== stamp) {
        this.siteStamp[s] = stamp;
        this.siteLocal[s] = sites.length;
        sites.push(locate !== null ? locate(s) : null);
      }
      site[i] = this.siteLocal[s];
    }
    const out: PackedHeap = {
      n, site, sites, names: this.names.slice(),
      kind: this.kind.slice(0, n), a: this.a.slice(0, n), b: this.b.slice(0, n), c: this.c.slice(0, n), d: this.d.slice(0, n),
      alloc: this.allocIx.slice(0, n), task: this.taskId.slice(0, n), pos: this.pos.slice(0, n),
    };
    this.n = 0;
    this.at = 0;
    this.blockSites = [];
    return out;
  }

  private growSites(id: number): void {
    const cap = Math.max(256, id + 1, this.siteStamp.length * 2);
    const st = new Int32Array(cap); st.set(this.siteStamp);
    const lo = new Int32Array(cap); lo.set(this.siteLocal);
    this.siteStamp = st;
    this.siteLocal = lo;
  }

  private grow(): void {
    const cap = Math.max(4096, this.cap * 2);
    const f64 = (x: Float64Array) => { const y = new Float64Array(cap); y.set(x); return y; };
    const i32 = (x: Int32Array) => { const y = new Int32Array(cap); y.set(x); return y; };
    const u8 = (x: Uint8Array) => { const y = new Uint8Array(cap); y.set(x); return y; };
    this.kind = u8(this.kind);
    this.a = f64(this.a); this.b = f64(this.b); this.c = f64(this.c); this.d = f64(this.d);
    this.allocIx = u8(this.allocIx);
    this.siteId = i32(this.siteId); this.taskId = i32(this.taskId); this.pos = i32(this.pos);
    this.cap = cap;
  }
}

/** The buffers of a message's packed events, to transfer with postMessage instead of copying: each
 *  is a fresh exact-length copy made by take(), never the packer's own (bench/strbuild's 400,000
 *  heap events cost more to clone than the program took to run). */
export function packedBuffers(msg: { heap?: PackedHeap }): ArrayBuffer[] {
  const h = msg.heap;
  if (h === undefined) return [];
  return [h.kind, h.a, h.b, h.c, h.d, h.alloc, h.site, h.task, h.pos].map((x) => x.buffer as ArrayBuffer);
}

/** One packed heap event as the TraceEvent the runtime emits (same fields, same order). */
function heapEvent(h: PackedHeap, i: number): TraceEvent {
  const si = h.site[i];
  const site = si < 0 ? null : h.sites[si];
  const task = h.task[i];
  switch (h.kind[i]) {
    case ALLOC: return { t: 'alloc', addr: h.a[i], size: h.b[i], align: h.c[i], allocator: h.names[h.alloc[i]], site, task };
    case FREE: return { t: 'free', addr: h.a[i], size: h.b[i], allocator: h.names[h.alloc[i]], site, task };
    case REALLOC: return { t: 'realloc', from: h.a[i], to: h.b[i], oldSize: h.c[i], size: h.d[i], site, task };
    case TASK_RUN: return { t: 'task-run', task, clock: h.a[i] };
    case TASK_BLOCK: return { t: 'task-block', task, on: BLOCK_KINDS[h.b[i]], clock: h.a[i], site };
    default: return { t: 'task-wake', task, clock: h.a[i], by: h.b[i], cause: WAKE_CAUSES[h.c[i]] };
  }
}

/** A batch's whole trace in order: its object events with the packed heap events in their places. */
export function withHeapEvents(trace: TraceEvent[], heap: PackedHeap | undefined): TraceEvent[] {
  if (heap === undefined || heap.n === 0) return trace;
  // sized once: pushing millions of events re-grows the array many times over
  const out: TraceEvent[] = new Array(trace.length + heap.n);
  let j = 0, k = 0;
  for (let i = 0; i < heap.n; i++) {
    const p = heap.pos[i];
    while (j < p) out[k++] = trace[j++];
    out[k++] = heapEvent(heap, i);
  }
  while (j < trace.length) out[k++] = trace[j++];
  return out;
}

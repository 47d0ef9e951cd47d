// Heap events (alloc, free, realloc) between the run worker and the UI as numbers in typed arrays,
// not one object per event: a tree-building program makes millions of them, and building,
// structured-cloning and collecting an object for each cost ~40× the program itself (bench/bintree).
// The worker's HeapPacker records them (it is the run's RunOptions.heapSink); a batch carries them
// as a PackedHeap beside its object events; withHeapEvents() puts them back as the TraceEvents
// the runtime would have emitted, in their places. The UI's stores and panels see the same events.
import type { HeapSink, SourceLoc, TraceEvent } from '../runtime/api';

const ALLOC = 0;
const FREE = 1;
const REALLOC = 2;

/** A batch's heap events. Event i is kind[i] (0 alloc, 1 free, 2 realloc) with fields a–d
 *  (alloc: addr, size, align; free: addr, size; realloc: from, to, oldSize, size), allocator
 *  names[alloc[i]], site sites[site[i]] (-1: null), task[i]; it comes right before the batch's
 *  trace[pos[i]] (pos = trace.length: after every object event). */
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
  private lastName = '';
  private lastNameIx = -1;
  private sinceTick = 0;

  /** Empty, for a new run (the buffers are kept). */
  reset(): void {
    this.n = 0;
    this.at = 0;
    this.sinceTick = 0;
    this.onTick = null;
    this.locate = null;
    this.names.length = 0;
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
    // sites as SourceLocs, one entry per distinct site in this batch
    const locate = this.locate;
    const sites: (SourceLoc | null)[] = [];
    const local = new Map<number, number>();
    const site = new Int32Array(n);
    let lastId = NaN, lastIx = -1;
    for (let i = 0; i < n; i++) {
      const s = this.siteId[i];
      if (s !== lastId) {
        let ix = local.get(s);
        if (ix === undefined) {
          const l = locate !== null ? locate(s) : null;
          ix = sites.length;
          sites.push(l);
          local.set(s, ix);
        }
        lastId = s;
        lastIx = ix;
      }
      site[i] = lastIx;
    }
    const out: PackedHeap = {
      n, site, sites, names: this.names.slice(),
      kind: this.kind.slice(0, n), a: this.a.slice(0, n), b: this.b.slice(0, n), c: this.c.slice(0, n), d: this.d.slice(0, n),
      alloc: this.allocIx.slice(0, n), task: this.taskId.slice(0, n), pos: this.pos.slice(0, n),
    };
    this.n = 0;
    this.at = 0;
    return out;
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

/** One packed heap event as the TraceEvent the runtime emits (same fields, same order). */
function heapEvent(h: PackedHeap, i: number): TraceEvent {
  const si = h.site[i];
  const site = si < 0 ? null : h.sites[si];
  const task = h.task[i];
  switch (h.kind[i]) {
    case ALLOC: return { t: 'alloc', addr: h.a[i], size: h.b[i], align: h.c[i], allocator: h.names[h.alloc[i]], site, task };
    case FREE: return { t: 'free', addr: h.a[i], size: h.b[i], allocator: h.names[h.alloc[i]], site, task };
    default: return { t: 'realloc', from: h.a[i], to: h.b[i], oldSize: h.c[i], size: h.d[i], site, task };
  }
}

/** A batch's whole trace in order: its object events with the packed heap events in their places. */
export function withHeapEvents(trace: TraceEvent[], heap: PackedHeap | undefined): TraceEvent[] {
  if (heap === undefined || heap.n === 0) return trace;
  const out: TraceEvent[] = [];
  let j = 0;
  for (let i = 0; i < heap.n; i++) {
    const p = heap.pos[i];
    while (j < p) out.push(trace[j++]);
    out.push(heapEvent(heap, i));
  }
  while (j < trace.length) out.push(trace[j++]);
  return out;
}

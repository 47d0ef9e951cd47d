// The heap map's model: the run's heap at any trace position, as a pure function of the trace.
// `indexHeap` walks the trace once and turns every allocation into a lifetime [from, to) in
// typed arrays sorted by address; the heap at position p (after events [0, p)) is then one linear
// scan over those arrays, already in address order — no replay, no sort per scrubber move, so a
// 500,000-event trace stays cheap to scrub. Gaps between live blocks are the free chunks; each
// arena is a region with its capacity and bump pointer; the live-bytes series is kept per heap
// event and bucketed for the chart.
import type { SourceLoc, TraceEvent } from '../../runtime/api';

/** `to` of a block never freed. */
export const NEVER = 0x7fffffff;
/** A gap this small between two blocks is the system allocator's own overhead (rounding to 16
 *  bytes plus its 16-byte redzone), not free space a program could get back. */
export const OVERHEAD_MAX = 31;

export const END_NONE = 0, END_FREE = 1, END_REALLOC = 2, END_RESET = 3, END_RELEASE = 4;
export const EV_ALLOC = 0, EV_FREE = 1, EV_REALLOC = 2, EV_RESET = 3, EV_RELEASE = 4;

export interface ArenaInfo {
  id: number; // 1, 2, … in creation order
  base: number;
  capacity: number;
  createdAt: number; // trace index of its 'arena new' event
  site: SourceLoc | null;
  task: number;
  resets: number[]; // trace indexes of its resets
  releasedAt: number; // trace index of its 'arena release' (the value was dropped), NEVER if none
}

export interface HeapIndex {
  length: number; // trace length
  ended: boolean; // the trace holds the run's exit: blocks still live then are leaks
  count: number; // allocations
  addr: Float64Array;
  size: Float64Array;
  from: Int32Array; // trace index of the allocating event: live at positions > from
  to: Int32Array; // trace index of the event that ended it (NEVER): live at positions <= to
  endKind: Uint8Array;
  allocator: Uint16Array; // index into allocators
  site: Int32Array; // index into sites
  task: Int32Array;
  arena: Int32Array; // index into arenas, -1 for blocks of other allocators
  byAddr: Uint32Array; // allocation indexes by address, then by time
  allocators: string[];
  sites: (SourceLoc | null)[];
  arenas: ArenaInfo[];
  /** One entry per heap event (alloc, free, realloc, arena reset): its trace index, kind, and the
   *  live bytes after it. */
  evPos: Int32Array;
  evKind: Uint8Array;
  evLive: Float64Array;
  peak: { bytes: number; at: number }; // at: position right after the peak was reached
  taskNames: Map<number, string>;
}

export function indexHeap(trace: readonly TraceEvent[]): HeapIndex {
  // typed arrays sized from a quick count (sizing them for the worst case, every event an
  // allocation, took ~26 MB on a 500,000-event trace and a full collection to account for it)
  let cap = 0, evCap = 0;
  for (let i = 0; i < trace.length; i++) {
    const t = trace[i].t;
    if (t === 'alloc' || t === 'realloc') { cap++; evCap++; } else if (t === 'free' || t === 'arena') evCap++;
  }
  const addr = new Float64Array(cap), size = new Float64Array(cap), from = new Int32Array(cap), to = new Int32Array(cap);
  const endKind = new Uint8Array(cap), allocator = new Uint16Array(cap), site = new Int32Array(cap), task = new Int32Array(cap);
  const arenaOf = new Int32Array(cap);
  const evPos = new Int32Array(evCap), evKind = new Uint8Array(evCap), evLive = new Float64Array(evCap);
  let n = 0, ne = 0;
  const allocators: string[] = [], allocatorIdx = new Map<string, number>();
  const sites: (SourceLoc | null)[] = [], siteIdx = new Map<SourceLoc | null, number>();
  const arenas: ArenaInfo[] = [];
  const arenasByBase: ArenaInfo[] = []; // sorted by base, for the region lookup
  const arenaOpen = new Map<ArenaInfo, Set<number>>();
  const open = new Map<number, number>(); // address -> live allocation
  const taskNames = new Map<number, string>([[0, 'main']]);
  let live = 0, peak = 0, peakAt = 0, ended = false;

  const allocatorOf = (name: string) => {
    let k = allocatorIdx.get(name);
    if (k === undefined) { k = allocators.length; allocators.push(name); allocatorIdx.set(name, k); }
    return k;
  };
  const siteByKey = new Map<string, number>();
  const siteOf = (s: SourceLoc | null) => {
    // the runtime shares one frozen SourceLoc per site; a JSON trace has copies: keyed by text too
    let k = siteIdx.get(s);
    if (k === undefined) {
      const key = s ? `${s.file}:${s.line}:${s.col}` : '';
      k = siteByKey.get(key);
      if (k === undefined) { k = sites.length; sites.push(s); siteByKey.set(key, k); }
      if (siteIdx.size < 65536) siteIdx.set(s, k);
    }
    return k;
  };
  const regionOf = (a: number): ArenaInfo | null => {
    let lo = 0, hi = arenasByBase.length - 1, hit: ArenaInfo | null = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (arenasByBase[mid].base <= a) { hit = arenasByBase[mid]; lo = mid + 1; } else hi = mid - 1;
    }
    return hit && a < hit.base + hit.capacity ? hit : null;
  };
  const record = (pos: number, kind: number) => {
    evPos[ne] = pos; evKind[ne] = kind; evLive[ne++] = live;
    if (live > peak) { peak = live; peakAt = pos + 1; }
  };
  const begin = (i: number, a: number, bytes: number, alloc: number, s: SourceLoc | null, t: number) => {
    const k = n++;
    addr[k] = a; size[k] = bytes; from[k] = i; to[k] = NEVER; endKind[k] = END_NONE;
    allocator[k] = alloc; site[k] = siteOf(s); task[k] = t;
    const region = arenas.length !== 0 && allocators[alloc] === 'arena' ? regionOf(a) : null;
    arenaOf[k] = region ? region.id - 1 : -1;
    if (region) arenaOpen.get(region)!.add(k);
    open.set(a, k);
    live += bytes;
  };
  const end = (i: number, a: number, kind: number): number => {
    const k = open.get(a);
    if (k === undefined) return -1; // not a block this trace saw allocated
    open.delete(a);
    to[k] = i; endKind[k] = kind;
    live -= size[k];
    if (arenaOf[k] >= 0) arenaOpen.get(arenas[arenaOf[k]])!.delete(k);
    return k;
  };

  for (let i = 0; i < trace.length; i++) {
    const e = trace[i];
    switch (e.t) {
      case 'alloc':
        begin(i, e.addr, e.size, allocatorOf(e.allocator), e.site, e.task);
        record(i, EV_ALLOC);
        break;
      case 'free':
        end(i, e.addr, END_FREE);
        record(i, EV_FREE);
        break;
      case 'realloc': {
        const k = end(i, e.from, END_REALLOC);
        begin(i, e.to, e.size, k >= 0 ? allocator[k] : allocatorOf('system'), e.site, e.task);
        record(i, EV_REALLOC);
        break;
      }
      case 'arena': {
        if (e.op === 'new') {
          const a: ArenaInfo = { id: arenas.length + 1, base: e.base, capacity: e.capacity, createdAt: i, site: e.site, task: e.task, resets: [], releasedAt: NEVER };
          arenas.push(a);
          arenaOpen.set(a, new Set());
          let j = arenasByBase.length;
          while (j > 0 && arenasByBase[j - 1].base > a.base) j--;
          arenasByBase.splice(j, 0, a);
        } else {
          const a = regionOf(e.base);
          if (!a) break;
          const release = e.op === 'release';
          if (release) a.releasedAt = i; else a.resets.push(i);
          for (const k of [...arenaOpen.get(a)!]) end(i, addr[k], release ? END_RELEASE : END_RESET);
          record(i, release ? EV_RELEASE : EV_RESET);
          // a later arena may be given the same region
          if (release) arenasByBase.splice(arenasByBase.indexOf(a), 1);
        }
        break;
      }
      case 'task-spawn':
        taskNames.set(e.task, e.name);
        break;
      case 'exit':
        ended = true;
        break;
    }
  }

  const byAddr = sortByAddress(addr, n);
  return {
    length: trace.length, ended, count: n,
    addr: addr.subarray(0, n), size: size.subarray(0, n), from: from.subarray(0, n), to: to.subarray(0, n),
    endKind: endKind.subarray(0, n), allocator: allocator.subarray(0, n), site: site.subarray(0, n),
    task: task.subarray(0, n), arena: arenaOf.subarray(0, n), byAddr,
    allocators, sites, arenas,
    evPos: evPos.subarray(0, ne), evKind: evKind.subarray(0, ne), evLive: evLive.subarray(0, ne),
    peak: { bytes: peak, at: peakAt }, taskNames,
  };
}

/** Allocation indexes by address, then by time (indexes are in time order already). */
function sortByAddress(addr: Float64Array, n: number): Uint32Array {
  const out = new Uint32Array(n);
  let max = 0;
  for (let k = 0; k < n; k++) if (addr[k] > max) max = addr[k];
  if (n < 1 << 21 && max < 2 ** 31) {
    // one exact numeric key per block (address, then index): a typed-array sort, no comparator
    const key = new Float64Array(n);
    for (let k = 0; k < n; k++) key[k] = addr[k] * (1 << 21) + k;
    key.sort();
    for (let k = 0; k < n; k++) out[k] = key[k] % (1 << 21);
    return out;
  }
  for (let k = 0; k < n; k++) out[k] = k;
  return out.sort((x, y) => addr[x] - addr[y] || x - y);
}

/** Is allocation k live after events [0, p)? */
export const isLive = (h: HeapIndex, k: number, p: number) => h.from[k] < p && p <= h.to[k];

// ---------------------------------------------------------------- the heap at a position

export const CELL_BLOCK = 0, CELL_FREE = 1, CELL_ARENA = 2, CELL_GROUP = 3;

/** One drawable piece of the address-ordered strip. */
export interface HeapCell {
  kind: number; // CELL_*
  addr: number;
  size: number; // bytes spanned (a group: from its first start to its last end)
  /** CELL_BLOCK: the allocation; CELL_ARENA: the arena index; else -1. */
  ref: number;
  /** The allocator drawn (a group: the one with most live bytes), -1 for free space / arenas. */
  allocator: number;
  blocks: number; // live blocks inside (a group; 1 for a block)
  liveBytes: number;
  freeBytes: number;
  leak: boolean; // holds a block still live at exit
}

export interface ArenaState {
  info: ArenaInfo;
  index: number; // in HeapIndex.arenas
  used: number; // the bump pointer, as an offset from base
  resets: number; // resets so far
  blocks: number[]; // live allocations inside, by address
}

export interface HeapState {
  position: number;
  cells: HeapCell[];
  grouped: number; // segments per group cell (1 = every block its own cell)
  arenas: ArenaState[];
  liveBytes: number;
  liveBlocks: number;
  byAllocator: { name: string; bytes: number; blocks: number }[];
}

/** What the strip is drawn from: the heap after events [0, p). */
export interface Snapshot {
  p: number;
  liveIdx: Int32Array; // live blocks outside arenas, in address order
  L: number;
  lo: number; // the strip's extent: every non-arena block handed out so far
  hi: number;
  arenas: ArenaState[];
  liveBytes: number;
  perAlloc: { name: string; bytes: number; blocks: number }[];
}

/** The heap after events [0, position): at most about `maxCells` cells. From the nearest
 *  checkpoint before it plus the allocations since (heap-checkpoints.ts): a scrubber move costs
 *  the live blocks plus a few thousand events, not the whole trace. */
export function heapAt(h: HeapIndex, position: number, maxCells = 2000): HeapState {
  return buildState(h, snapshotAt(h, position), maxCells);
}

/** The straightforward heapAt: every allocation of the trace checked (the reference the
 *  checkpointed one is tested against). */
export function heapAtFull(h: HeapIndex, position: number, maxCells = 2000): HeapState {
  return buildState(h, fullSnapshot(h, position), maxCells);
}

/** Is the arena there after events [0, p): made, and not yet dropped? */
const arenaAt = (a: ArenaInfo, p: number): boolean => a.createdAt < p && !(a.releasedAt < p);

function fullSnapshot(h: HeapIndex, position: number): Snapshot {
  const p = Math.max(0, Math.min(h.length, position));
  const { addr, size, from, to, byAddr, arena } = h;
  // live blocks outside arenas, in address order, and the strip's extent so far
  const liveIdx = new Int32Array(h.count);
  let L = 0, lo = Infinity, hi = -Infinity;
  const A = h.arenas.length;
  const arenaLive: number[][] = h.arenas.map(() => []);
  const since = new Int32Array(A), resets = new Int32Array(A), used = new Float64Array(A);
  for (let a = 0; a < A; a++) {
    since[a] = h.arenas[a].createdAt;
    for (const r of h.arenas[a].resets) if (r < p) { resets[a]++; since[a] = r; }
  }
  const perAlloc = h.allocators.map((name) => ({ name, bytes: 0, blocks: 0 }));
  let liveBytes = 0;
  for (let j = 0; j < byAddr.length; j++) {
    const k = byAddr[j];
    if (from[k] >= p) continue;
    const live = p <= to[k];
    const a = arena[k];
    if (a >= 0) {
      if (live) arenaLive[a].push(k);
      // the bump pointer: the end of the last block handed out since the last reset
      if (from[k] > since[a]) used[a] = Math.max(used[a], addr[k] + size[k] - h.arenas[a].base);
    } else {
      if (addr[k] < lo) lo = addr[k];
      if (addr[k] + size[k] > hi) hi = addr[k] + size[k];
      if (live) liveIdx[L++] = k;
    }
    if (live) { liveBytes += size[k]; const s = perAlloc[h.allocator[k]]; s.bytes += size[k]; s.blocks++; }
  }
  const arenas: ArenaState[] = [];
  for (let a = 0; a < A; a++) {
    const info = h.arenas[a];
    if (!arenaAt(info, p)) continue;
    arenas.push({ info, index: a, used: used[a], resets: resets[a], blocks: arenaLive[a] });
  }
  return { p, liveIdx, L, lo, hi, arenas, liveBytes, perAlloc };
}

/** The heap after events [0, position) from its live blocks in address order (`live`: allocation
 *  indexes, `n` of them), the extent so far and each arena's bump pointer. */
export function snapshotFromLive(h: HeapIndex, p: number, live: ArrayLike<number>, n: number, lo: number, hi: number, used: (a: number) => number): Snapshot {
  const A = h.arenas.length;
  const arenaLive: number[][] = h.arenas.map(() => []);
  const perAlloc = h.allocators.map((name) => ({ name, bytes: 0, blocks: 0 }));
  const liveIdx = new Int32Array(n);
  let L = 0, liveBytes = 0;
  for (let j = 0; j < n; j++) {
    const k = live[j];
    const a = h.arena[k];
    if (a >= 0) arenaLive[a].push(k); else liveIdx[L++] = k;
    liveBytes += h.size[k];
    const s = perAlloc[h.allocator[k]]; s.bytes += h.size[k]; s.blocks++;
  }
  const arenas: ArenaState[] = [];
  for (let a = 0; a < A; a++) {
    const info = h.arenas[a];
    if (!arenaAt(info, p)) continue;
    let resets = 0;
    for (const r of info.resets) if (r < p) resets++;
    arenas.push({ info, index: a, used: used(a), resets, blocks: arenaLive[a] });
  }
  return { p, liveIdx, L, lo, hi, arenas, liveBytes, perAlloc };
}

function buildState(h: HeapIndex, snap: Snapshot, maxCells: number): HeapState {
  const { addr, size, to } = h;
  const { p, liveIdx, L, arenas, liveBytes, perAlloc } = snap;
  let { lo, hi } = snap;
  for (const s of arenas) {
    if (s.info.base < lo) lo = s.info.base;
    if (s.info.base + s.info.capacity > hi) hi = s.info.base + s.info.capacity;
  }
  // segments: live blocks and arena regions merged by address, free gaps between them
  const segs: HeapCell[] = [];
  let ai = 0, cursor = lo;
  const sortedArenas = [...arenas].sort((x, y) => x.info.base - y.info.base);
  const gap = (upTo: number) => {
    if (upTo - cursor > OVERHEAD_MAX) segs.push(cell(CELL_FREE, cursor, upTo - cursor, -1, -1, 0, 0, upTo - cursor, false));
  };
  const pushArena = (s: ArenaState) => {
    gap(s.info.base);
    const bytes = s.blocks.reduce((t, k) => t + size[k], 0);
    const leak = h.ended && s.blocks.some((k) => to[k] === NEVER);
    segs.push(cell(CELL_ARENA, s.info.base, s.info.capacity, s.index, -1, s.blocks.length, bytes, s.info.capacity - s.used, leak));
    cursor = Math.max(cursor, s.info.base + s.info.capacity);
  };
  for (let j = 0; j < L; j++) {
    const k = liveIdx[j];
    while (ai < sortedArenas.length && sortedArenas[ai].info.base < addr[k]) pushArena(sortedArenas[ai++]);
    gap(addr[k]);
    segs.push(cell(CELL_BLOCK, addr[k], size[k], k, h.allocator[k], 1, size[k], 0, h.ended && to[k] === NEVER));
    cursor = Math.max(cursor, addr[k] + size[k]);
  }
  while (ai < sortedArenas.length) pushArena(sortedArenas[ai++]);
  if (Number.isFinite(hi)) gap(hi);

  const grouped = Math.max(1, Math.ceil(segs.length / maxCells));
  return {
    position: p, cells: grouped === 1 ? segs : groupCells(segs, grouped, h.allocators.length), grouped, arenas,
    liveBytes, liveBlocks: perAlloc.reduce((t, s) => t + s.blocks, 0),
    byAllocator: perAlloc.filter((s) => s.blocks > 0),
  };
}

function cell(kind: number, a: number, n: number, ref: number, allocator: number, blocks: number, liveBytes: number, freeBytes: number, leak: boolean): HeapCell {
  return { kind, addr: a, size: n, ref, allocator, blocks, liveBytes, freeBytes, leak };
}

/** Consecutive segments merged `k` at a time (a big heap drawn at a readable size). */
function groupCells(segs: HeapCell[], k: number, allocators: number): HeapCell[] {
  const out: HeapCell[] = [];
  const bytesBy = new Float64Array(allocators);
  for (let i = 0; i < segs.length; i += k) {
    const stop = Math.min(segs.length, i + k);
    bytesBy.fill(0);
    let blocks = 0, liveBytes = 0, freeBytes = 0, leak = false;
    for (let j = i; j < stop; j++) {
      const s = segs[j];
      blocks += s.blocks; liveBytes += s.liveBytes; freeBytes += s.freeBytes; leak ||= s.leak;
      if (s.kind === CELL_BLOCK) bytesBy[s.allocator] += s.liveBytes;
    }
    let top = -1, best = 0;
    for (let a = 0; a < allocators; a++) if (bytesBy[a] > best) { best = bytesBy[a]; top = a; }
    const last = segs[stop - 1];
    out.push(cell(CELL_GROUP, segs[i].addr, last.addr + last.size - segs[i].addr, -1, top, blocks, liveBytes, freeBytes, leak));
  }
  return out;
}

// ---------------------------------------------------------------- live bytes over time

export interface LiveBucket {
  start: number; // first position of the bucket
  min: number;
  max: number;
  last: number; // live bytes at the bucket's end
  allocs: number;
  frees: number;
}

export interface LiveSeries {
  buckets: LiveBucket[];
  max: number;
  peak: { bytes: number; at: number };
  resets: number[]; // positions right after each arena reset
}

/** Live bytes over the trace's positions in at most `n` buckets (min/max/last per bucket). */
export function liveSeries(h: HeapIndex, n: number): LiveSeries {
  const len = Math.max(1, h.length);
  const B = Math.max(1, Math.min(n, len));
  const buckets: LiveBucket[] = [];
  let live = 0, e = 0;
  const resets: number[] = [];
  for (let b = 0; b < B; b++) {
    const start = Math.floor((b * len) / B), stop = Math.floor(((b + 1) * len) / B);
    const bk: LiveBucket = { start, min: live, max: live, last: live, allocs: 0, frees: 0 };
    // position q shows events [0, q): event at index i is seen from position i + 1
    while (e < h.evPos.length && h.evPos[e] + 1 <= stop) {
      live = h.evLive[e];
      const k = h.evKind[e];
      if (k === EV_ALLOC) bk.allocs++;
      else if (k === EV_FREE) bk.frees++;
      else if (k === EV_REALLOC) { bk.allocs++; bk.frees++; }
      else if (k === EV_RESET) resets.push(h.evPos[e] + 1);
      if (live < bk.min) bk.min = live;
      if (live > bk.max) bk.max = live;
      e++;
    }
    bk.last = live;
    buckets.push(bk);
  }
  return { buckets, max: h.peak.bytes, peak: h.peak, resets };
}

/** Live bytes after events [0, position). */
export function liveAt(h: HeapIndex, position: number): number {
  let lo = 0, hi = h.evPos.length - 1, v = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (h.evPos[mid] < position) { v = h.evLive[mid]; lo = mid + 1; } else hi = mid - 1;
  }
  return v;
}

// ---------------------------------------------------------------- leaks and descriptions

export interface Leak {
  alloc: number;
  addr: number;
  size: number;
  allocator: string;
  site: SourceLoc | null;
  task: string;
}

/** Blocks still live when the run ended, by address (none when the trace has no exit). */
export function leaksAtExit(h: HeapIndex): Leak[] {
  if (!h.ended) return [];
  const out: Leak[] = [];
  for (let j = 0; j < h.byAddr.length; j++) {
    const k = h.byAddr[j];
    if (h.to[k] === NEVER) out.push({ alloc: k, addr: h.addr[k], size: h.size[k], allocator: h.allocators[h.allocator[k]], site: h.sites[h.site[k]], task: taskName(h, h.task[k]) });
  }
  return out;
}

export function taskName(h: HeapIndex, task: number): string {
  const n = h.taskNames.get(task);
  return task === 0 ? 'main' : n ? `task ${task} (${n})` : `task ${task}`;
}

export const hex = (a: number) => '0x' + a.toString(16);
export const siteText = (s: SourceLoc | null) => (s ? `${s.file}:${s.line}` : '(runtime)');
export function bytesText(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${+(n / 1048576).toFixed(1)} MiB`;
}

/** The lines a tooltip shows for a cell at `position`. */
export function describeCell(h: HeapIndex, c: HeapCell, position: number): string[] {
  if (c.kind === CELL_BLOCK) {
    const k = c.ref;
    const lines = [
      `${h.allocators[h.allocator[k]]} block at ${hex(c.addr)}, ${bytesText(c.size)}`,
      `allocated at ${siteText(h.sites[h.site[k]])} by ${taskName(h, h.task[k])}`,
      `age: ${(position - 1 - h.from[k]).toLocaleString('en-US')} events (allocated at event ${h.from[k].toLocaleString('en-US')})`,
    ];
    if (c.leak) lines.push('never freed: a leak at exit');
    return lines;
  }
  if (c.kind === CELL_FREE) return [`free space at ${hex(c.addr)}, ${bytesText(c.size)}`, 'no live block here (freed, or not yet used)'];
  if (c.kind === CELL_ARENA) {
    const a = h.arenas[c.ref];
    return [
      `arena #${a.id} region at ${hex(a.base)}, capacity ${bytesText(a.capacity)}`,
      `${c.blocks} live blocks, ${bytesText(c.liveBytes)}; ${bytesText(c.freeBytes)} left above the bump pointer`,
      `created at ${siteText(a.site)}`,
    ];
  }
  return [
    `${c.blocks.toLocaleString('en-US')} blocks from ${hex(c.addr)} (${bytesText(c.size)} of addresses)`,
    `${bytesText(c.liveBytes)} live, ${bytesText(c.freeBytes)} free${c.allocator >= 0 ? `; mostly ${h.allocators[c.allocator]}` : ''}`,
    ...(c.leak ? ['holds blocks never freed (leaks)'] : []),
  ];
}

/** The live block of an arena cell at a fraction (0..1) of its width, as a block cell, or null. */
export function arenaBlockAt(h: HeapIndex, state: HeapState, c: HeapCell, frac: number, slack = 0): HeapCell | null {
  const a = state.arenas.find((s) => s.index === c.ref);
  if (!a) return null;
  const at = a.info.base + frac * a.info.capacity, tol = slack * a.info.capacity;
  for (const k of a.blocks) {
    if (h.addr[k] - tol <= at && at < h.addr[k] + h.size[k] + tol) {
      return { kind: CELL_BLOCK, addr: h.addr[k], size: h.size[k], ref: k, allocator: h.allocator[k], blocks: 1, liveBytes: h.size[k], freeBytes: 0, leak: h.ended && h.to[k] === NEVER };
    }
  }
  return null;
}

/** The source line a cell reveals on click: the allocation site (an arena: where it was made). */
export function cellSite(h: HeapIndex, c: HeapCell): SourceLoc | null {
  if (c.kind === CELL_BLOCK) return h.sites[h.site[c.ref]];
  if (c.kind === CELL_ARENA) return h.arenas[c.ref].site;
  return null;
}

export { syntheticHeapTrace } from './heap-synthetic';
import { snapshotAt } from './heap-checkpoints';

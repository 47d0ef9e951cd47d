// Packed heap events: the UI must see exactly the trace a plain event listener sees (same events,
// same fields, same order), for every conformance program; the batcher's caps keep one contiguous
// stretch of the run's events and count what they drop.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../lang/compile';
import { run } from '../runtime/run';
import type { TraceEvent } from '../runtime/api';
import { handleMessage } from './handlers';
import { EventBatcher } from './batcher';
import { HeapPacker, packedBuffers, withHeapEvents, type PackedHeap } from './heap-pack';
import type { FromWorker } from './protocol';
import { flagsFor, listCases, SHARED_DIR, OWN_DIR } from '../../tests/conformance-lib';

const SETTINGS: { stackSize: number; heapLimit: number; panic: 'unwind' | 'abort'; fuel: number } = { stackSize: 1 << 20, heapLimit: 64 << 20, panic: 'unwind', fuel: 300_000 }; // (enough for every program but the few that spawn 10^5 tasks: those stop at the limit the same way on both paths)
const BIG = { maxChunks: 1e9, maxLines: 1e9, maxTrace: 1e9, maxHeap: 1e9, runOutputLineLimit: 1e9 };

/** The UI's trace of a run through the worker: every batch's events, heap events unpacked. */
function workerTrace(name: string, text: string, settings = SETTINGS): TraceEvent[] {
  const trace: TraceEvent[] = [];
  let t = 0;
  const post = (m: FromWorker) => {
    const c = structuredClone(m);
    if (c.type === 'events') for (const e of withHeapEvents(c.trace, c.heap)) trace.push(e);
  };
  // a clock that moves 10 ms a call: batches are flushed often, mid-run too
  handleMessage({ type: 'run', id: 1, files: [{ name, text }], entry: name, settings }, { post, now: () => (t += 10) }, BIG);
  return trace;
}

/** What a listener of run() gets as objects (the worker's trace before heap events were packed). */
function listenerTrace(name: string, text: string, settings = SETTINGS): TraceEvent[] {
  const c = compile([{ name, text }], { entry: name });
  const trace: TraceEvent[] = [];
  run(c.program!, { ...settings, traceCalls: false, keepTrace: false, onEvent: (e) => trace.push(structuredClone(e)) });
  return trace;
}

describe('packed heap events', () => {
  // single-file programs (the multi-tab cases take the same run path once linked)
  const cases = [...listCases(SHARED_DIR), ...listCases(OWN_DIR)].filter((c) => c.kind === 'program' && !c.tabs);
  // one test per program, so each has its own time budget on a loaded machine
  let heapEvents = 0;
  let compared = 0;
  it.each(cases.map((c) => [c.name, c] as const))('give the UI the same trace as a plain listener: %s', (_n, c) => {
    const name = c.name + '.vx';
    const text = readFileSync(join(c.dir, name), 'utf8');
    const compiled = compile([{ name, text }], { entry: name });
    if (!compiled.program) return;
    // the program's own NAME.flags (a `*_forever` case ends at its small heap, not at 64 MiB)
    const f = flagsFor(join(c.dir, name));
    const settings = { stackSize: f.stackSize ?? SETTINGS.stackSize, heapLimit: f.heapLimit ?? SETTINGS.heapLimit, panic: f.panic ?? SETTINGS.panic, fuel: Math.min(f.fuel ?? SETTINGS.fuel, SETTINGS.fuel) };
    const want = listenerTrace(name, text, settings);
    const got = workerTrace(name, text, settings);
    // the runs' own timings differ: compare the events, not `runMs`-like fields (there are none
    // in the trace), exactly as JSON
    expect(JSON.stringify(got), c.name).toBe(JSON.stringify(want));
    heapEvents += want.filter((e) => e.t === 'alloc' || e.t === 'free' || e.t === 'realloc').length;
    compared++;
  }, 90_000);
  it('compared many programs with many heap events (runs after the ones above)', () => {
    expect(compared).toBeGreaterThan(50);
    expect(heapEvents).toBeGreaterThan(1000);
  });

  it('keep Box trees, Vec growth, arenas and task-owned blocks in order with the other events', () => {
    const text = `
enum Tree { Leaf, Node(Box<Tree>, Box<Tree>) }
fn build(d: i32): Tree { if d == 0 { return Tree.Leaf; } return Tree.Node(Box(build(d - 1)), Box(build(d - 1))); }
fn count(t: Tree): i32 { return match t { Tree.Leaf => 1, Tree.Node(l, r) => count(*l) + count(*r) }; }
fn main() {
    let! v = Vec<i32>.new();
    for i in 0..100 { v.push(i); if i % 10 == 0 { println("at {}", i); } }
    println("{}", count(build(6)));
    let! arena = ArenaAllocator.new(1024);
    set_allocator(&arena!);
    let! w = Vec<i32>.new();
    w.push(1);
    let _b = Box(7);
    reset_allocator();
    let p = alloc(64);
    free(p);
}`;
    const got = workerTrace('main.vx', text);
    expect(got.some((e) => e.t === 'realloc')).toBe(true);
    expect(got.some((e) => e.t === 'alloc' && e.allocator === 'arena')).toBe(true);
    expect(JSON.stringify(got)).toBe(JSON.stringify(listenerTrace('main.vx', text)));
  });
});

describe('EventBatcher with heap events', () => {
  // A stream of object events (output) and heap events; each is identified by its number.
  type Item = { obj: boolean; n: number };
  const feed = (b: EventBatcher, items: Item[]) => {
    for (const it of items) {
      if (it.obj) b.addTrace({ t: 'signal', sig: it.n, action: 'ignored' });
      else b.heap.alloc(it.n, 8, 8, 'system', -1, 0);
    }
  };
  const ids = (trace: TraceEvent[]) => trace.map((e) => (e.t === 'signal' ? `o${e.sig}` : e.t === 'alloc' ? `h${e.addr}` : '?'));
  const stream = (pattern: string): Item[] => [...pattern].map((ch, i) => ({ obj: ch === 'o', n: i }));

  it('a batch is the whole stream when under the caps', () => {
    const b = new EventBatcher({ maxChunks: 10, maxLines: 10, maxTrace: 10, maxHeap: 10, runOutputLineLimit: 100 });
    const items = stream('hhohohhho');
    feed(b, items);
    const batch = b.take();
    expect(ids(withHeapEvents(batch.trace, batch.heap))).toEqual(items.map((i) => (i.obj ? 'o' : 'h') + i.n));
    expect(batch.dropped).toBe(0);
    expect(b.isEmpty).toBe(true);
  });

  it('caps keep the latest contiguous stretch: by objects, by heap events, or both', () => {
    const items = stream('hhohhhoohohhhhhohhoh');
    const all = items.map((i) => (i.obj ? 'o' : 'h') + i.n);
    for (const [maxTrace, maxHeap] of [[2, 100], [100, 3], [3, 4], [1, 1], [0, 5], [5, 0]]) {
      const b = new EventBatcher({ maxChunks: 10, maxLines: 10, maxTrace, maxHeap, runOutputLineLimit: 100 });
      feed(b, items);
      const batch = b.take();
      const got = ids(withHeapEvents(batch.trace, batch.heap));
      expect(all.slice(all.length - got.length), `${maxTrace}/${maxHeap}`).toEqual(got); // a suffix
      expect(got.filter((x) => x[0] === 'o').length).toBeLessThanOrEqual(maxTrace);
      expect(got.filter((x) => x[0] === 'h').length).toBeLessThanOrEqual(maxHeap);
      // the longest such suffix: one more event would break a cap
      const longer = all.slice(all.length - got.length - 1);
      if (longer.length > got.length) {
        expect(longer.filter((x) => x[0] === 'o').length > maxTrace || longer.filter((x) => x[0] === 'h').length > maxHeap).toBe(true);
      }
      expect(batch.dropped).toBe(all.length - got.length);
    }
  });

  it('trims in bulk while a long batch builds up, still contiguous, and flushes on heap ticks', () => {
    const b = new EventBatcher({ maxChunks: 10, maxLines: 10, maxTrace: 100, maxHeap: 1000, runOutputLineLimit: 100 });
    let ticks = 0;
    b.onHeapTick = () => { ticks++; };
    const pattern = Array.from({ length: 20_000 }, (_, i) => (i % 7 === 0 ? 'o' : 'h')).join('');
    const items = stream(pattern);
    feed(b, items);
    expect(ticks).toBeGreaterThan(2);
    const batch = b.take();
    const got = ids(withHeapEvents(batch.trace, batch.heap));
    const all = items.map((i) => (i.obj ? 'o' : 'h') + i.n);
    expect(got).toEqual(all.slice(all.length - got.length));
    expect(batch.dropped).toBe(all.length - got.length);
  });

  it('packs task-run/task-block/task-wake with the same fields in the same order', () => {
    const p = new HeapPacker();
    const loc = { file: 'main.vx', line: 4, col: 9 };
    const evs: TraceEvent[] = [
      { t: 'task-run', task: 2, clock: 5 },
      { t: 'task-block', task: 2, on: 'recv', clock: 5, site: loc },
      { t: 'task-block', task: 3, on: 'sleep', clock: 6, site: null },
      { t: 'task-wake', task: 2, clock: 7, by: -1, cause: 'timer' },
    ];
    for (const e of evs) expect(p.schedule(e)).toBe(true);
    // shapes it cannot rebuild exactly stay objects
    expect(p.schedule({ t: 'task-wake', task: 1, clock: 0 })).toBe(false);
    expect(p.schedule({ t: 'task-block', task: 1, on: 'join', clock: 0 })).toBe(false);
    expect(p.schedule({ t: 'task-end', task: 1, clock: 0 })).toBe(false);
    const back = withHeapEvents([], p.take());
    expect(JSON.stringify(back)).toBe(JSON.stringify(evs));
    expect(back[1]).toMatchObject({ site: loc });
  });

  it('keeps task-block sites right when a flush in the tick empties the packer mid-event', () => {
    const p = new HeapPacker();
    const batches: TraceEvent[][] = [];
    p.onTick = () => { batches.push(withHeapEvents([], p.take())); };
    const sites = [{ file: 'a.vx', line: 1, col: 1 }, { file: 'a.vx', line: 2, col: 1 }];
    const evs: TraceEvent[] = Array.from({ length: 10_000 }, (_, i) => ({ t: 'task-block', task: i, on: 'send', clock: i, site: sites[i % 2] }));
    for (const e of evs) p.schedule(e);
    batches.push(withHeapEvents([], p.take()));
    expect(batches.length).toBeGreaterThan(2);
    expect(JSON.stringify(batches.flat())).toBe(JSON.stringify(evs));
  });

  it('packs sites as shared locations and allocator names per batch', () => {
    const p = new HeapPacker();
    const loc = { file: 'main.vx', line: 3, col: 5 };
    p.locate = (s) => (s === 7 ? loc : null);
    p.alloc(4096, 8, 8, 'system', 7, 0);
    p.free(4096, 8, 'arena', 7, 1);
    p.realloc(4096, 8192, 8, 16, -1, 2);
    const h = p.take()!;
    expect(h.n).toBe(3);
    expect(withHeapEvents([], h)).toEqual([
      { t: 'alloc', addr: 4096, size: 8, align: 8, allocator: 'system', site: loc, task: 0 },
      { t: 'free', addr: 4096, size: 8, allocator: 'arena', site: loc, task: 1 },
      { t: 'realloc', from: 4096, to: 8192, oldSize: 8, size: 16, site: null, task: 2 },
    ]);
    expect(p.take()).toBeUndefined();
  });
});

describe('packed buffers move to the UI thread without a copy', () => {
  it('every batch transfers its own buffers (never the packer\'s), and the UI sees the listener\'s trace', () => {
    const text = `fn main() {
    let! s = String();
    for let! i = 0; i < 10000; i++ { s.push(f"{i},"); }
    let! v: Vec<Box<i32>> = Vec();
    for let! i = 0; i < 500; i++ { v.push(Box(i)); }
    println("{} {}", s.len(), v.len());
}
`;
    const trace: TraceEvent[] = [];
    let batches = 0, t = 0;
    const post = (m: FromWorker) => {
      if (m.type !== 'events') return;
      if (!m.heap) { for (const e of m.trace) trace.push(structuredClone(e)); return; }
      const buffers = packedBuffers(m);
      expect(buffers).toHaveLength(m.heap.words.length + 1);
      expect(new Set(buffers).size).toBe(buffers.length);
      const c = structuredClone(m, { transfer: buffers });
      // the sender's arrays are detached: had one been the packer's, its next event would fail
      for (const w of m.heap.words) expect(w.byteLength).toBe(0);
      expect(m.heap.nums.byteLength).toBe(0);
      batches++;
      for (const e of withHeapEvents(c.trace, c.heap)) trace.push(e);
    };
    handleMessage({ type: 'run', id: 1, files: [{ name: 'p.vx', text }], entry: 'p.vx', settings: SETTINGS }, { post, now: () => (t += 10) }, BIG);
    expect(batches).toBeGreaterThan(1);
    const want = listenerTrace('p.vx', text);
    expect(want.filter((e) => e.t === 'alloc').length).toBeGreaterThan(10000);
    expect(JSON.stringify(trace)).toBe(JSON.stringify(want));
  });
});

describe('the packed stream', () => {
  // Deterministic pseudo-random events: int32 and not-int32 fields (-0, fractions, 2^40, negative
  // addresses), changing tasks, sites and allocators, object events between them.
  type Item = { obj: TraceEvent } | { heap: TraceEvent; site: number } | { tmp: [TraceEvent, TraceEvent]; site: number };
  function events(count: number, seed: number): { items: Item[]; locs: SourceLocLike[] } {
    let s = seed;
    const rnd = (n: number) => { s = (s * 1103515245 + 12345) & 0x7fffffff; return s % n; };
    const nums = [0, -0, 8, 16, 4096, 0.5, 2 ** 40, -16, 2 ** 31, -(2 ** 31), 123456789];
    const num = () => nums[rnd(nums.length)];
    const locs: SourceLocLike[] = [{ file: 'a.vx', line: 1, col: 1 }, { file: 'a.vx', line: 2, col: 3 }, { file: 'b.vx', line: 9, col: 2 }];
    const items: Item[] = [];
    for (let i = 0; i < count; i++) {
      const task = [0, 0, 0, 1, 7, 2 ** 33][rnd(6)];
      const site = rnd(4) - 1;
      const loc = site < 0 ? null : locs[site];
      const allocator = ['system', 'system', 'arena'][rnd(3)];
      switch (rnd(7)) {
        case 0: items.push({ obj: { t: 'signal', sig: i, action: 'ignored' } }); break;
        case 1: {
          const addr = num(), size = num(), align = num();
          // every third one a temporary's buffer: alloc and free written by one tmp() call
          if (i % 3 === 0) items.push({ tmp: [{ t: 'alloc', addr, size, align, allocator, site: loc, task }, { t: 'free', addr, size, allocator, site: loc, task }], site });
          else items.push({ heap: { t: 'alloc', addr, size, align, allocator, site: loc, task }, site });
          break;
        }
        case 2: items.push({ heap: { t: 'free', addr: num(), size: num(), allocator, site: loc, task }, site }); break;
        case 3: items.push({ heap: { t: 'realloc', from: num(), to: num(), oldSize: num(), size: num(), site: loc, task }, site }); break;
        case 4: items.push({ heap: { t: 'task-run', task, clock: num() }, site: -1 }); break;
        case 5: items.push({ heap: { t: 'task-block', task, on: 'recv', clock: num(), site: loc }, site: -1 }); break;
        default: items.push({ heap: { t: 'task-wake', task, clock: num(), by: num(), cause: 'send' }, site: -1 });
      }
    }
    return { items, locs };
  }
  type SourceLocLike = { file: string; line: number; col: number };
  const flat = (items: Item[]) => items.flatMap((it) => ('obj' in it ? [it.obj] : 'tmp' in it ? it.tmp : [it.heap]));
  const feed = (b: EventBatcher, items: Item[]) => {
    for (const it of items) {
      if ('obj' in it) { b.addTrace(it.obj); continue; }
      if ('tmp' in it) {
        const e = it.tmp[0];
        if (e.t === 'alloc') b.heap.tmp(e.addr, e.size, e.align, e.allocator, it.site, e.task);
        continue;
      }
      const e = it.heap;
      if (e.t === 'alloc') b.heap.alloc(e.addr, e.size, e.align, e.allocator, it.site, e.task);
      else if (e.t === 'free') b.heap.free(e.addr, e.size, e.allocator, it.site, e.task);
      else if (e.t === 'realloc') b.heap.realloc(e.from, e.to, e.oldSize, e.size, it.site, e.task);
      else expect(b.heap.schedule(e)).toBe(true);
    }
  };
  // Object.is per field: -0 must come back as -0 (JSON would not tell)
  const same = (a: TraceEvent[], b: TraceEvent[]) => {
    expect(a.length).toBe(b.length);
    for (let i = 0; i < a.length; i++) {
      const x = a[i] as unknown as Record<string, unknown>, y = b[i] as unknown as Record<string, unknown>;
      expect(Object.keys(x)).toEqual(Object.keys(y));
      for (const k of Object.keys(x)) {
        if (typeof x[k] === 'number') expect(Object.is(x[k], y[k]), `${i} ${k}: ${String(x[k])} vs ${String(y[k])}`).toBe(true);
        else expect(x[k]).toEqual(y[k]);
      }
    }
  };

  it('gives back every field exactly, wide values and -0 included, with tasks and sites', () => {
    const { items, locs } = events(5000, 7);
    const b = new EventBatcher(BIG);
    b.heap.locate = (s) => locs[s] ?? null;
    feed(b, items);
    const batch = b.take();
    same(withHeapEvents(batch.trace, batch.heap), flat(items));
  });

  it('keeps the latest contiguous stretch under every cap, wide values and markers included', () => {
    const { items, locs } = events(3000, 11);
    const all = flat(items);
    const isObj = (e: TraceEvent) => e.t === 'signal';
    for (const [maxTrace, maxHeap] of [[50, 100_000], [100_000, 97], [30, 40], [1, 1], [0, 5], [5, 0]]) {
      const b = new EventBatcher({ maxChunks: 10, maxLines: 10, maxTrace, maxHeap, runOutputLineLimit: 100 });
      b.heap.locate = (s) => locs[s] ?? null;
      feed(b, items);
      const batch = b.take();
      const got = withHeapEvents(batch.trace, batch.heap);
      same(got, all.slice(all.length - got.length));
      expect(got.filter(isObj).length).toBeLessThanOrEqual(maxTrace);
      expect(got.filter((e) => !isObj(e)).length).toBeLessThanOrEqual(maxHeap);
      expect(batch.dropped).toBe(all.length - got.length);
    }
  });

  it('trims a long batch in bulk (the stream rewritten) and keeps decoding it exactly', () => {
    const { items, locs } = events(60_000, 3);
    const all = flat(items);
    const b = new EventBatcher({ maxChunks: 10, maxLines: 10, maxTrace: 100_000, maxHeap: 4000, runOutputLineLimit: 100 });
    b.heap.locate = (s) => locs[s] ?? null;
    feed(b, items); // over 2 × maxHeap many times: onTick cuts the front
    const batch = b.take();
    const got = withHeapEvents(batch.trace, batch.heap);
    same(got, all.slice(all.length - got.length));
    expect(batch.heap!.n).toBe(4000);
  });

  it('writes a Box alloc and its free in 1 word each (2 when a field does not fit; same task and position)', () => {
    const p = new HeapPacker();
    p.alloc(4096, 8, 8, 'system', 3, 0);
    const h0 = p.take()!;
    for (let i = 0; i < 100; i++) { p.alloc(4096 + 32 * i, 8, 8, 'system', 3, 0); p.free(4096 + 32 * i, 8, 'system', -1, 0); }
    const h = p.take()!;
    const words = (x: PackedHeap) => x.words.reduce((s, w) => s + w.length, 0);
    expect(words(h) - 4).toBe(100 * 2); // one POS and one TASK marker (2 words each) first
    expect(h.nums.length).toBe(0);
    expect(words(h0)).toBe(4 + 1);
    // a temporary's alloc and free from one tmp() call: one alloc marked as paired, 4 words
    for (let i = 0; i < 100; i++) p.tmp(4096 + 32 * i, 7, 1, 'system', 3, 0);
    const t = p.take()!;
    expect(words(t) - 4).toBe(100 * 4);
    expect(t.n).toBe(200);
    expect(withHeapEvents([], t).slice(0, 2)).toEqual([
      { t: 'alloc', addr: 4096, size: 7, align: 1, allocator: 'system', site: null, task: 0 },
      { t: 'free', addr: 4096, size: 7, allocator: 'system', site: null, task: 0 },
    ]);
    // other sizes and alignments keep their fields; a Box event whose allocator is not the batch's
    // first, whose site code is past 14 or whose address is not a multiple of 16 below 2^30 takes
    // 2 words; every one decodes to the same object
    p.locate = (s) => ({ file: 'a.vx', line: s, col: 1 });
    p.alloc(64, 8, 16, 'system', -1, 0); p.alloc(96, 16, 8, 'system', -1, 0); p.free(64, 16, 'system', -1, 0);
    p.alloc(128, 8, 8, 'arena', -1, 5); p.free(128, 8, 'arena', -1, 5); p.alloc(0.5, 8, 8, 'system', -1, 0);
    p.alloc(136, 8, 8, 'system', -1, 0); p.free(2 ** 30, 8, 'system', -1, 0); p.free(-16, 8, 'system', -1, 0);
    p.alloc(-0, 8, 8, 'system', -1, 0); p.free(2 ** 30 - 16, 8, 'system', -1, 0);
    for (let s = 0; s < 16; s++) p.alloc(160, 8, 8, 'system', 100 + s, 0);
    const mixed = p.take()!;
    // markers POS, TASK 0 (4); 4 + 4 + 3; TASK 5 and two 2-word Box events; TASK 0, 0.5 (a header, its
    // fields in nums), 136, 2^30, -16; -0 (nums); 2^30 - 16 (1); 15 sites in SHORT words, the 16th not
    expect(words(mixed)).toBe(4 + 4 + 4 + 3 + 2 + 2 + 2 + 2 + 1 + 2 + 2 + 2 + 1 + 1 + 15 + 2);
    const at = (s: number | null) => (s === null ? null : { file: 'a.vx', line: s, col: 1 });
    expect(withHeapEvents([], mixed)).toEqual([
      { t: 'alloc', addr: 64, size: 8, align: 16, allocator: 'system', site: null, task: 0 },
      { t: 'alloc', addr: 96, size: 16, align: 8, allocator: 'system', site: null, task: 0 },
      { t: 'free', addr: 64, size: 16, allocator: 'system', site: null, task: 0 },
      { t: 'alloc', addr: 128, size: 8, align: 8, allocator: 'arena', site: null, task: 5 },
      { t: 'free', addr: 128, size: 8, allocator: 'arena', site: null, task: 5 },
      { t: 'alloc', addr: 0.5, size: 8, align: 8, allocator: 'system', site: null, task: 0 },
      { t: 'alloc', addr: 136, size: 8, align: 8, allocator: 'system', site: null, task: 0 },
      { t: 'free', addr: 2 ** 30, size: 8, allocator: 'system', site: null, task: 0 },
      { t: 'free', addr: -16, size: 8, allocator: 'system', site: null, task: 0 },
      { t: 'alloc', addr: -0, size: 8, align: 8, allocator: 'system', site: null, task: 0 },
      { t: 'free', addr: 2 ** 30 - 16, size: 8, allocator: 'system', site: null, task: 0 },
      ...Array.from({ length: 16 }, (_, s) => ({ t: 'alloc', addr: 160, size: 8, align: 8, allocator: 'system', site: at(100 + s), task: 0 })),
    ]);
    expect(Object.is((withHeapEvents([], mixed)[9] as { addr: number }).addr, -0)).toBe(true);
  });

  it('box() writes exactly what alloc/free of an 8-byte system block write (ticks, markers, new sites, any address)', () => {
    const a = new HeapPacker(), b = new HeapPacker();
    const ticks = [0, 0];
    a.onTick = () => { ticks[0]++; }; b.onTick = () => { ticks[1]++; };
    a.locate = b.locate = (s) => ({ file: 'a.vx', line: s, col: 1 });
    let s = 5;
    const rnd = (n: number) => { s = (s * 1103515245 + 12345) & 0x7fffffff; return s % n; };
    const addrs = [16, 4096, 2 ** 30 - 16, 2 ** 30, 24, -16, 0, -0, 0.5, 2 ** 40];
    for (let i = 0; i < 150_000; i++) {
      const r = rnd(100);
      const task = r < 2 ? 3 : 0;
      if (r === 99) { a.at++; b.at++; continue; } // an object event in between: a POS marker
      if (r === 98) { a.alloc(64, 24, 8, 'arena', 1, task); b.alloc(64, 24, 8, 'arena', 1, task); continue; }
      const addr = rnd(10) < 8 ? 16 * rnd(1 << 20) : addrs[rnd(addrs.length)];
      const site = rnd(4) === 0 ? -1 : rnd(20) * 7;
      if (rnd(2) === 0) { a.alloc(addr, 8, 8, 'system', site, task); b.box(0, addr, site, task); }
      else { a.free(addr, 8, 'system', site, task); b.box(1, addr, site, task); }
      if (i % 40_000 === 39_999) expect(b.take()).toEqual(a.take());
    }
    const ha = a.take()!, hb = b.take()!;
    expect(hb).toEqual(ha);
    expect(ticks[1]).toBe(ticks[0]);
    expect(ticks[0]).toBeGreaterThan(30);
  });

  it('box() stays exact whatever else touches the stream between Box events (its one-word fast path re-checks)', () => {
    // the same events on two packers, Boxes by box() on one, by alloc/free on the other, mixed with
    // every other call that moves the stream: tmp, realloc, scheduling events, takes (new site
    // codes), dropFront (the stream rewritten), resets with another first allocator (no SHORT
    // words), many sites (codes past what a SHORT word holds), task and position changes
    const a = new HeapPacker(), b = new HeapPacker();
    a.locate = b.locate = (s) => ({ file: 'a.vx', line: s, col: 1 });
    const ticks = [0, 0];
    a.onTick = () => { ticks[0]++; }; b.onTick = () => { ticks[1]++; };
    let s = 11;
    const rnd = (n: number) => { s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff; return (s >>> 8) % n; };
    const both = (f: (p: HeapPacker) => void) => { f(a); f(b); };
    for (let i = 0; i < 120_000; i++) {
      const r = rnd(1000);
      const task = r < 5 ? 2 : 0;
      if (r === 999) { both((p) => p.at++); continue; }
      const other = rnd(300); // (drawn once for both packers)
      if (r === 998) { both((p) => p.tmp(32, 40, 8, 'system', other, task)); continue; }
      if (r === 997) { both((p) => p.realloc(32, 64, 8, 16, other, task)); continue; }
      if (r === 996) { both((p) => p.schedule({ t: 'task-run', task, clock: i })); continue; }
      if (r === 995) { expect(b.take()).toEqual(a.take()); continue; }
      if (r === 994 && a.n > 10) { const h = rnd(a.n); both((p) => p.dropFront(h, 0)); continue; }
      if (r === 993 && other < 100) { // (rarer: ticks come every 4,096 events since the last reset)
        expect(b.take()).toEqual(a.take());
        expect(ticks[1]).toBe(ticks[0]);
        both((p) => { p.reset(); p.locate = (x) => ({ file: 'a.vx', line: x, col: 1 }); p.onTick = () => { ticks[p === a ? 0 : 1]++; }; });
        if (rnd(2) === 0) both((p) => p.alloc(48, 24, 8, 'arena', 1, 0)); // 'system' not first: no SHORT words
        a.alloc(4096, 8, 8, 'system', -1, 0); b.box(0, 4096, -1, 0);
        continue;
      }
      const addr = rnd(20) === 0 ? [0, -16, 2 ** 30, 24][rnd(4)] : 16 * (1 + rnd(1 << 20));
      const site = rnd(5) === 0 ? -1 : rnd(40) === 0 ? 64 + rnd(300) : rnd(20);
      if (rnd(2) === 0) { a.alloc(addr, 8, 8, 'system', site, task); b.box(0, addr, site, task); }
      else { a.free(addr, 8, 'system', site, task); b.box(1, addr, site, task); }
    }
    expect(b.take()).toEqual(a.take());
    expect(ticks[1]).toBe(ticks[0]);
    expect(ticks[0]).toBeGreaterThan(5);
    // long runs of Box events only, around a stream rewritten shorter: a tick still every 4,096
    const a2 = new HeapPacker(), b2 = new HeapPacker();
    const t2 = [0, 0];
    a2.onTick = () => { t2[0]++; }; b2.onTick = () => { t2[1]++; };
    const run = (n: number) => { for (let i = 0; i < n; i++) { a2.free(16 * (i + 1), 8, 'system', 3, 0); b2.box(1, 16 * (i + 1), 3, 0); } };
    run(5000);
    a2.dropFront(4500, 0); b2.dropFront(4500, 0);
    run(9000);
    expect(b2.take()).toEqual(a2.take());
    expect(t2).toEqual([3, 3]);
  });

  it('sends a long batch in chunks it gives up (transferred whole), the last one copied when little used', () => {
    const p = new HeapPacker();
    const n = 200_000; // 400,000 words: several chunks
    for (let i = 0; i < n; i++) { p.alloc(16 * i, 8, 8, 'system', 1, 0); p.free(16 * i, 8, 'system', -1, 0); }
    const h = p.take()!;
    expect(h.words.length).toBeGreaterThan(5);
    expect(new Set(h.words.map((w) => w.buffer)).size).toBe(h.words.length);
    const back = withHeapEvents([], h);
    expect(back.length).toBe(2 * n);
    expect(back[2 * n - 1]).toEqual({ t: 'free', addr: 16 * (n - 1), size: 8, allocator: 'system', site: null, task: 0 });
    // a small batch: its words are a copy of exactly what it used
    p.alloc(16, 8, 8, 'system', 1, 0);
    const small = p.take()!;
    expect(small.words).toHaveLength(1);
    expect(small.words[0].buffer.byteLength).toBe(small.words[0].length * 4);
  });

  const words = (x: PackedHeap) => x.words.reduce((n, w) => n + w.length, 0);
  it('writes a temporary that repeats the last one but for its size in 1 word (bench/strbuild)', () => {
    const p = new HeapPacker();
    for (let i = 1; i <= 100; i++) p.tmp(4096, i, 1, 'system', 3, 0);
    const h = p.take()!;
    // POS and TASK markers (4), the first pair in full (4), then 1 word a pair
    expect(words(h)).toBe(4 + 4 + 99);
    expect(h.n).toBe(200);
    const back = withHeapEvents([], h);
    expect(back.slice(196)).toEqual([
      { t: 'alloc', addr: 4096, size: 99, align: 1, allocator: 'system', site: null, task: 0 },
      { t: 'free', addr: 4096, size: 99, allocator: 'system', site: null, task: 0 },
      { t: 'alloc', addr: 4096, size: 100, align: 1, allocator: 'system', site: null, task: 0 },
      { t: 'free', addr: 4096, size: 100, allocator: 'system', site: null, task: 0 },
    ]);
    // another block, site, alignment, allocator, task or position: the pair in full again
    p.tmp(4096, 5, 1, 'system', 3, 0); p.tmp(4096, 6, 1, 'system', 3, 0); // (a new batch: in full, then 1)
    p.tmp(4112, 5, 1, 'system', 3, 0); p.tmp(4112, 5, 1, 'system', 4, 0); p.tmp(4112, 5, 8, 'system', 4, 0);
    p.tmp(4112, 5, 8, 'arena', 4, 0); p.tmp(4112, 5, 8, 'arena', 4, 1); p.at++; p.tmp(4112, 5, 8, 'arena', 4, 1);
    p.tmp(4112, 5, 8, 'arena', 4, 1); // (the one repeat)
    const h2 = p.take()!;
    // markers and the pair in full, a repeat; five in full and a TASK marker; POS and one in full; a repeat
    expect(words(h2)).toBe(4 + 4 + 1 + 4 * 5 + 2 + 2 + 4 + 1);
  });

  it('decodes repeated temporaries exactly between every other event, through takes, trims and rewrites', () => {
    let s = 17;
    const rnd = (n: number) => { s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff; return (s >>> 8) % n; };
    const locs = [{ file: 'a.vx', line: 1, col: 1 }, { file: 'a.vx', line: 2, col: 3 }];
    const loc = (site: number) => (site < 0 ? null : locs[site] ?? { file: 'z.vx', line: site, col: 1 });
    // sizes a REPEAT word holds and ones it does not (-0, 0, fractions, 2^26, negative)
    const sizes = [1, 2, 3, 7, 100, 2 ** 26 - 1, 2 ** 26, 0, -0, 0.5, -3];
    const items: Item[] = [];
    let task = 0;
    let prev = { addr: 32, align: 1, site: 1, allocator: 'system' };
    for (let i = 0; i < 40_000; i++) {
      const r = rnd(100);
      if (r < 3) { task = [0, 0, 1, 2 ** 33][rnd(4)]; continue; }
      if (r < 6) { items.push({ obj: { t: 'signal', sig: i, action: 'ignored' } }); continue; }
      const site = [-1, 0, 1, 1, 1, 1 << 18][rnd(6)];
      const allocator = rnd(20) === 0 ? 'arena' : 'system';
      if (r < 12) { items.push({ heap: { t: 'alloc', addr: 16 * rnd(9), size: 8, align: 8, allocator, site: loc(site), task }, site }); continue; }
      if (r < 15) { items.push({ heap: { t: 'free', addr: 16 * rnd(9), size: 24, allocator, site: loc(site), task }, site }); continue; }
      // mostly the last temporary's block, site and allocator again (a loop of f-strings)
      if (rnd(20) === 0) prev = { addr: rnd(8) === 0 ? [0, -0, 0.5][rnd(3)] : [32, 48][rnd(2)], align: rnd(5) === 0 ? [8, 0, -0][rnd(3)] : 1, site, allocator };
      const { addr, align } = prev;
      const size = rnd(4) === 0 ? sizes[rnd(sizes.length)] : 1 + rnd(7);
      items.push({ tmp: [{ t: 'alloc', addr, size, align, allocator: prev.allocator, site: loc(prev.site), task }, { t: 'free', addr, size, allocator: prev.allocator, site: loc(prev.site), task }], site: prev.site });
    }
    const all = flat(items);
    // one batch; batches taken every few thousand items; trimmed batches (the stream rewritten)
    const b = new EventBatcher(BIG);
    b.heap.locate = loc;
    feed(b, items);
    const one = b.take();
    same(withHeapEvents(one.trace, one.heap), all);
    expect(words(one.heap!)).toBeLessThan(one.heap!.n); // (the repeats are there)
    const c = new EventBatcher(BIG);
    c.heap.locate = loc;
    const got: TraceEvent[] = [];
    for (let k = 0; k < items.length; k += 3001) {
      feed(c, items.slice(k, k + 3001));
      const t = c.take();
      got.push(...withHeapEvents(t.trace, t.heap));
    }
    same(got, all);
    for (const maxHeap of [5000, 777, 3]) {
      const d = new EventBatcher({ maxChunks: 10, maxLines: 10, maxTrace: 100_000, maxHeap, runOutputLineLimit: 100 });
      d.heap.locate = loc;
      feed(d, items);
      const t = d.take();
      const last = withHeapEvents(t.trace, t.heap);
      same(last, all.slice(all.length - last.length));
      expect(t.heap!.n).toBe(maxHeap);
    }
  });

  it('escapes site codes past 17 bits', () => {
    const p = new HeapPacker();
    const n = (1 << 19) + 10; // (past 2^17, 2^18 and 2^19)
    p.locate = (s) => ({ file: 'x.vx', line: s, col: 1 });
    p.onTick = null;
    for (let s = 0; s < n; s++) p.free(16, 8, 'system', s, 0);
    // paired allocs (HeapSink.tmp) with escaped site codes and small ones: the pair bit is not the site's
    const late = [n - 1, (1 << 19) - 1, (1 << 17) - 1, 5];
    for (const s of late) p.tmp(32, 7, 1, 'system', s, 0);
    const h = p.take()!;
    const back = withHeapEvents([], h);
    expect(back.length).toBe(n + 2 * late.length);
    late.forEach((s, i) => {
      const site = { file: 'x.vx', line: s, col: 1 };
      expect(back.slice(n + 2 * i, n + 2 * i + 2)).toEqual([{ t: 'alloc', addr: 32, size: 7, align: 1, allocator: 'system', site, task: 0 }, { t: 'free', addr: 32, size: 7, allocator: 'system', site, task: 0 }]);
    });
    for (const s of [0, 14, 15, (1 << 17) - 3, (1 << 17) - 2, (1 << 17) - 1, (1 << 18) - 1, (1 << 19) - 3, (1 << 19) - 2, (1 << 19) - 1, n - 1]) expect(back[s]).toEqual({ t: 'free', addr: 16, size: 8, allocator: 'system', site: { file: 'x.vx', line: s, col: 1 }, task: 0 });
  });
});

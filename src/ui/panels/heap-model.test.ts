import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { execute } from '../../pipeline/execute';
import type { TraceEvent } from '../../runtime/api';
import {
  arenaBlockAt, CELL_ARENA, CELL_BLOCK, CELL_FREE, CELL_GROUP, describeCell, heapAt, indexHeap, leaksAtExit, liveAt, liveSeries, NEVER,
  syntheticHeapTrace, type HeapIndex,
} from './heap-model';
import { summarizeMemory } from './memory-model';
import { EXAMPLES } from '../examples/catalog';

function traceOf(text: string): TraceEvent[] {
  const x = execute([{ name: 'main.vx', text }]);
  expect(x.result, JSON.stringify(x.compile.diagnostics.map((d) => d.message))).not.toBeNull();
  return x.result!.trace;
}
const lesson = (name: string) => readFileSync(new URL(`../examples/${name}.vx`, import.meta.url), 'utf8');
const blocks = (h: HeapIndex, p: number) => heapAt(h, p).cells.filter((c) => c.kind === CELL_BLOCK);
const indexOf = (trace: TraceEvent[], pred: (e: TraceEvent) => boolean, nth = 0) => {
  let n = 0;
  for (let i = 0; i < trace.length; i++) if (pred(trace[i]) && n++ === nth) return i;
  throw new Error('no such event');
};

describe('heap map model', () => {
  const program = `
fn main() {
    let a = alloc(64);
    let b = alloc(16);
    let c = alloc(32);
    free(b);
    let! arena = ArenaAllocator.new(64);
    set_allocator(&arena!);
    let x = alloc(16);
    let y = alloc(24);
    reset_allocator();
    arena.reset();
    let z = arena.allocate(8, 8);
    println("done");
    free(a);
}
`;
  const trace = traceOf(program);
  const h = indexHeap(trace);

  it('gives the blocks live at a position, in address order, with site and allocator', () => {
    const afterThree = indexOf(trace, (e) => e.t === 'alloc', 2) + 1;
    const three = blocks(h, afterThree);
    expect(three.map((c) => c.size)).toEqual([64, 16, 32]);
    expect(three.map((c) => c.addr)).toEqual([...three.map((c) => c.addr)].sort((x, y) => x - y));
    expect(three.map((c) => h.sites[h.site[c.ref]]!.line)).toEqual([3, 4, 5]);
    expect(three.every((c) => h.allocators[h.allocator[c.ref]] === 'system')).toBe(true);
    // one event earlier the third block does not exist yet
    expect(blocks(h, afterThree - 1).map((c) => c.size)).toEqual([64, 16]);
  });

  it('shows a freed block as a free chunk between live ones', () => {
    const afterFree = indexOf(trace, (e) => e.t === 'free') + 1;
    const cells = heapAt(h, afterFree).cells;
    const kinds = cells.map((c) => c.kind);
    expect(kinds.slice(0, 3)).toEqual([CELL_BLOCK, CELL_FREE, CELL_BLOCK]);
    expect(cells[1].size).toBeGreaterThanOrEqual(16);
    expect(describeCell(h, cells[1], afterFree)[0]).toMatch(/^free space at 0x[0-9a-f]+/);
  });

  it('draws the arena as a region with its capacity and bump pointer, and a reset empties it', () => {
    const afterY = indexOf(trace, (e) => e.t === 'alloc' && e.allocator === 'arena', 1) + 1;
    const st = heapAt(h, afterY);
    expect(st.arenas).toHaveLength(1);
    const ar = st.arenas[0];
    expect(ar.info.capacity).toBe(64);
    expect(ar.blocks.map((k) => h.size[k])).toEqual([16, 24]);
    expect(ar.used).toBe(16 + 24); // 16-aligned start, then 24
    const box = st.cells.find((c) => c.kind === CELL_ARENA && c.size === 64)!;
    expect(box).toBeDefined();
    // pointing inside the arena's box finds the block there (y starts 16 bytes in)
    expect(arenaBlockAt(h, st, box, 20 / 64)?.size).toBe(24);
    expect(arenaBlockAt(h, st, box, 50 / 64)).toBeNull(); // above the bump pointer

    const afterReset = indexOf(trace, (e) => e.t === 'arena' && e.op === 'reset') + 1;
    const rs = heapAt(h, afterReset).arenas[0];
    expect([rs.used, rs.blocks.length, rs.resets]).toEqual([0, 0, 1]);
    expect(h.endKind[ar.blocks[0]]).toBe(3); // ended by the reset
    // arena.allocate called directly bumps the pointer again
    const release = indexOf(trace, (e) => e.t === 'arena' && e.op === 'release');
    const end = heapAt(h, release).arenas[0];
    expect([end.used, end.blocks.length]).toEqual([8, 1]);
    // the arena's drop at main's end takes the region and the block still in it
    expect(heapAt(h, release + 1).arenas).toHaveLength(0);
    expect(h.endKind[end.blocks[0]]).toBe(4); // END_RELEASE
    expect(liveAt(h, release + 1)).toBe(liveAt(h, release) - 8);
  });

  it('an arena dropped and another made in its place: each block belongs to its own arena', () => {
    const t = traceOf(`
fn round(n: usize) {
    let! arena = ArenaAllocator.new(256);
    set_allocator(&arena!);
    let p = alloc(n);
    reset_allocator();
}
fn main() { round(16); round(32); round(48); }
`);
    const hi = indexHeap(t);
    expect(hi.arenas).toHaveLength(3);
    expect(Array.from(hi.arena)).toEqual([0, 1, 2]);
    expect(Array.from(hi.size)).toEqual([16, 32, 48]);
    const second = indexOf(t, (e) => e.t === 'alloc', 1) + 1;
    expect(heapAt(hi, second).arenas.map((a) => [a.info.id, a.used, a.blocks.length])).toEqual([[2, 32, 1]]);
    expect(leaksAtExit(hi)).toEqual([]);
    // the system allocator may give a later arena the same region (here by hand: its quarantine
    // delays reuse): blocks there are the new arena's
    const at = null;
    const same: TraceEvent[] = [
      { t: 'arena', op: 'new', base: 1024, capacity: 64, site: at, task: 0 },
      { t: 'alloc', addr: 1024, size: 16, align: 8, allocator: 'arena', site: at, task: 0 },
      { t: 'arena', op: 'release', base: 1024, capacity: 64, site: at, task: 0 },
      { t: 'arena', op: 'new', base: 1024, capacity: 64, site: at, task: 0 },
      { t: 'alloc', addr: 1024, size: 40, align: 8, allocator: 'arena', site: at, task: 0 },
    ];
    const hs = indexHeap(same);
    expect(Array.from(hs.arena)).toEqual([0, 1]);
    expect(heapAt(hs, 5).arenas.map((a) => [a.info.id, a.used, a.blocks.length])).toEqual([[2, 40, 1]]);
  });

  it('keeps live bytes per event: the peak, the resets and the cursor value', () => {
    expect(h.peak.bytes).toBe(64 + 32 + 16 + 24);
    const s = liveSeries(h, 1000);
    expect(s.resets).toEqual([indexOf(trace, (e) => e.t === 'arena' && e.op === 'reset') + 1]);
    expect(Math.max(...s.buckets.map((b) => b.max))).toBe(h.peak.bytes);
    expect(s.buckets.reduce((t, b) => t + b.allocs, 0)).toBe(6);
    expect(liveAt(h, h.peak.at)).toBe(h.peak.bytes);
    expect(liveAt(h, h.peak.at - 1)).toBeLessThan(h.peak.bytes);
    expect(liveAt(h, trace.length)).toBe(32); // c is never freed; z went with the arena's drop
  });

  it('lists the leaks at exit with their sites and marks them on the map', () => {
    const leaks = leaksAtExit(h);
    expect(leaks.map((l) => [l.size, l.allocator, l.site?.line])).toEqual([[32, 'system', 5]]);
    const c = blocks(h, trace.length).find((b) => b.size === 32)!;
    expect(c.leak).toBe(true);
    expect(describeCell(h, c, trace.length).join('\n')).toMatch(/allocated at main\.vx:5 by main[\s\S]*never freed/);
  });

  it('agrees with the per-site summary on the allocators lesson (Vex allocator, arena, system)', () => {
    const t = traceOf(lesson('allocators'));
    const hi = indexHeap(t);
    expect(hi.allocators).toEqual(expect.arrayContaining(['Counting', 'system', 'arena']));
    expect(hi.arenas).toHaveLength(1);
    expect(hi.arenas[0].capacity).toBe(32);
    const r = indexOf(t, (e) => e.t === 'arena' && e.op === 'reset');
    const before = heapAt(hi, r);
    expect(before.liveBytes).toBe(summarizeMemory(t.slice(0, r)).liveBytes);
    expect([before.arenas[0].used, before.arenas[0].resets]).toEqual([24, 0]);
    const end = heapAt(hi, indexOf(t, (e) => e.t === 'arena' && e.op === 'release'));
    expect([end.arenas[0].used, end.arenas[0].resets, end.arenas[0].blocks.length]).toEqual([16, 1, 1]);
    expect(heapAt(hi, t.length).arenas).toHaveLength(0); // dropped at main's end, with its block
    expect(leaksAtExit(hi)).toEqual([]);
    // the Counting allocator's Vec buffer is live until main's end drops it
    expect(before.byAllocator.map((a) => a.name)).toContain('Counting');
  });

  it('shows no leak at exit for the "Vec, Map and String" lesson, nor for any lesson but the arena one', () => {
    // the same compile+run path as the worker (execute), read as the Memory panel reads it
    expect(leaksAtExit(indexHeap(traceOf(lesson('collections'))))).toEqual([]);
    for (const e of EXAMPLES) {
      expect(leaksAtExit(indexHeap(traceOf(lesson(e.id)))).map((l) => `${l.size} bytes at line ${l.site?.line}`), e.id).toEqual([]);
    }
  });

  it('labels Gc blocks with the Gc heap and names the allocating task', () => {
    const t = traceOf(`
fn main() {
    let g = Gc(41);
    let! done: Channel<i32> = Channel(1);
    go {
        let! w = Vec<i32>.new();
        w.push(2);
        done.send(w.len() as i32);
    };
    println("{} {}", <-done, g);
}`);
    const hi = indexHeap(t);
    expect(hi.allocators).toContain('gc');
    const k = [...Array(hi.count).keys()].find((i) => hi.task[i] !== 0)!;
    expect(k).toBeDefined();
    expect(describeCell(hi, { kind: CELL_BLOCK, addr: hi.addr[k], size: hi.size[k], ref: k, allocator: hi.allocator[k], blocks: 1, liveBytes: hi.size[k], freeBytes: 0, leak: false }, hi.to[k])[1]).toMatch(/by task 1/);
  });

  it('is deterministic and stays fast and bounded on a 500,000-event trace', () => {
    const a = syntheticHeapTrace(500_000);
    expect(a).toHaveLength(500_000);
    expect(JSON.stringify(syntheticHeapTrace(2000))).toBe(JSON.stringify(syntheticHeapTrace(2000)));
    const hi = indexHeap(a);
    expect(hi.arenas[0].resets.length).toBeGreaterThan(10);
    const mid = heapAt(hi, 250_000, 2000);
    expect(mid.cells.length).toBeLessThanOrEqual(2000);
    expect(mid.grouped).toBeGreaterThan(1);
    expect(mid.cells.every((c) => c.kind === CELL_GROUP)).toBe(true);
    // grouping keeps every live byte
    expect(mid.cells.reduce((t, c) => t + c.liveBytes, 0)).toBe(mid.liveBytes);
    expect(mid.liveBytes).toBe(liveAt(hi, 250_000));
    expect(hi.to.some((x) => x === NEVER)).toBe(true);
  });
});

// The allocator's fastest path: small chunks leave quarantine onto LIFO quick lists and are reused
// by the next request of the same chunk size; runtime-owned buffers skip quarantine.
import { describe, expect, it } from 'vitest';
import { Memory } from '../memory/memory';
import { SystemAllocator } from './system';

describe('quick lists and owned blocks', () => {
  it('reuses the last freed small chunk first, without coalescing it away', () => {
    const mem = new Memory({ limit: 1 << 20 });
    const sys = new SystemAllocator(mem, { quarantine: 0 });
    const a = sys.alloc(8, 8, 1, 0);
    const b = sys.alloc(8, 8, 1, 0);
    const fence = sys.alloc(100, 16, 1, 0);
    sys.free(a, 2, 0);
    sys.free(b, 2, 0);
    const segs = sys.segments();
    expect(segs.slice(0, 2).map((s) => [s.start, s.size, s.state])).toEqual([[a, 32, 'free'], [b, 32, 'free']]);
    expect(sys.alloc(8, 8, 3, 0)).toBe(b); // LIFO
    expect(sys.alloc(16, 8, 3, 0)).toBe(a);
    expect(mem.loadI32Checked.bind(mem, fence, 4)).not.toThrow();
  });

  it('flushQuarantine gives quick-list chunks back to the coalescing heap', () => {
    const mem = new Memory({ limit: 1 << 20 });
    const sys = new SystemAllocator(mem);
    const ps = Array.from({ length: 100 }, () => sys.alloc(8, 8, 1, 0));
    for (const p of ps) sys.free(p, 2, 0);
    sys.flushQuarantine();
    expect(sys.top).toBe(sys.heapStart);
    expect(sys.freeBytes()).toBe(mem.limit - sys.heapStart);
  });

  it('allocOwned/freeOwned keep the stats; a quick-listed block reports use-after-free until reused', () => {
    const mem = new Memory({ limit: 1 << 20 });
    const sys = new SystemAllocator(mem);
    const p = sys.allocOwned(8, 8, 5, 0);
    expect(sys.stats).toMatchObject({ allocs: 1, liveBytes: 8, liveBlocks: 1 });
    sys.freeOwned(p, 8, 6, 0);
    expect(sys.stats).toMatchObject({ frees: 1, liveBytes: 0, liveBlocks: 0 });
    expect(() => mem.loadI32Checked(p, 7)).toThrow(/^use-after-free: read of 4 bytes/); // kept as freed while quick-listed
    expect(sys.allocOwned(8, 8, 5, 0)).toBe(p);
  });

  it('allocBox/freeBox: a Box block is revived from the quick list with its new site and task, stats kept', () => {
    const mem = new Memory({ limit: 1 << 20 });
    const sys = new SystemAllocator(mem);
    const p = sys.allocBox(5, 1);
    const id = sys.lastId;
    sys.freeBox(id, p, 6, 1);
    expect(mem.blocks.state[id]).toBe(2); // freed, kept while quick-listed
    expect(() => mem.loadI32Checked(p, 7)).toThrow(/^use-after-free/);
    const q = sys.allocBox(8, 2);
    expect(q).toBe(p);
    expect(sys.lastId).toBe(id);
    expect([mem.blocks.size[id], mem.blocks.allocSite[id], mem.blocks.allocTask[id], mem.blocks.freeSite[id]]).toEqual([8, 8, 2, -1]);
    expect(() => mem.loadI32Checked(q, 7)).not.toThrow();
    expect(sys.stats).toMatchObject({ allocs: 2, frees: 1, liveBytes: 8, liveBlocks: 1 });
    sys.freeBox(id, q, 9, 2);
    expect(() => sys.freeBox(id, q, 10, 2)).toThrow(/double free/);
    expect(sys.stats).toMatchObject({ frees: 2, liveBytes: 0, liveBlocks: 0 });
  });
});

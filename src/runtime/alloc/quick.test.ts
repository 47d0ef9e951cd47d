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

  it('allocBox with nothing to revive makes what allocOwned(8, 8) makes: chunk, record, shadow, footers, stats', () => {
    // the same requests on two heaps, Boxes by allocBox on one and allocOwned(8, 8) on the other:
    // fresh chunks off the top, chunks from the free bins (after frees), and the heap running out
    const run = (box: boolean) => {
      const mem = new Memory({ limit: 1 << 19 });
      const sys = new SystemAllocator(mem, { quarantine: 0 });
      const got: (number | string)[] = [];
      const live: number[] = [];
      for (let i = 0; i < 12_000; i++) {
        try {
          if (i % 97 === 50) { const big = sys.allocOwned(200, 8, 3, 0); got.push(big); sys.freeOwned(big, 200, 4, 0); continue; }
          if (i % 41 === 40) { for (let k = 0; k < 3 && live.length > 0; k++) sys.freeOwned(live.pop()!, 8, 9, 1); if (i % 3 === 0) sys.flushQuarantine(); continue; }
          const a = box ? sys.allocBox(i % 7, i % 3) : sys.allocOwned(8, 8, i % 7, i % 3);
          got.push(a, sys.lastId);
          live.push(a);
        } catch (e) {
          got.push(String(e instanceof Error ? e.message : (e as { message: string }).message));
        }
      }
      const b = mem.blocks, n = 12_000;
      const cols = [b.start, b.size, b.align, b.kind, b.state, b.allocator, b.allocSite, b.freeSite, b.allocTask, b.freeTask].map((c) => Array.from(c.subarray(0, n)));
      const own = sys as unknown as { hidden: Uint8Array; chunkOf: Int32Array; freeStart: Uint8Array };
      cols.push(Array.from(own.hidden.subarray(0, n)), Array.from(own.chunkOf.subarray(0, n)), Array.from(own.freeStart.subarray(0, sys.top >>> 4)));
      return { got, cols, shadow: Array.from(mem.shadow.subarray(0, sys.top >>> 4)), bytes: Array.from(mem.u8.subarray(0, sys.top)), segs: sys.segments(), stats: { ...sys.stats }, classes: Array.from(sys.classCounts), top: sys.top };
    };
    const viaBox = run(true), viaOwned = run(false);
    expect(viaBox.got.filter((x) => typeof x === 'string').length).toBeGreaterThan(0); // it ran out
    expect(viaBox).toEqual(viaOwned);
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
    expect([mem.blocks.size[id], mem.blocks.align[id], mem.blocks.allocSite[id], mem.blocks.allocTask[id]]).toEqual([8, 8, 8, 2]);
    expect(() => mem.loadI32Checked(q, 7)).not.toThrow();
    // live again: an overrun's fault names the new allocation and no free site (freeSite is only read while freed)
    const f = mem.blockFault('out-of-bounds', 'x', id, q + 8, 4, 11);
    expect([f.allocSite, f.allocTask, f.freeSite, f.freeTask]).toEqual([8, 2, -1, -1]);
    expect(sys.stats).toMatchObject({ allocs: 2, frees: 1, liveBytes: 8, liveBlocks: 1 });
    sys.freeBox(id, q, 9, 2);
    expect(() => sys.freeBox(id, q, 10, 2)).toThrow(/double free/);
    expect(sys.stats).toMatchObject({ frees: 2, liveBytes: 0, liveBlocks: 0 });
  });

  it('a block freed by freeBox is reused by other 8-byte allocations (whole record rewritten) and flushed on pressure', () => {
    const mem = new Memory({ limit: 1 << 20 });
    const sys = new SystemAllocator(mem);
    const p = sys.allocBox(5, 1);
    const id = sys.lastId;
    const before = sys.freeBytes();
    sys.freeBox(id, p, 6, 1);
    expect(sys.freeBytes()).toBe(before + 32);
    const q = sys.allocOwned(4, 4, 7, 3); // same chunk size: takes the Box's record
    expect(q).toBe(p);
    expect([mem.blocks.size[id], mem.blocks.align[id], mem.blocks.allocSite[id], mem.blocks.allocTask[id]]).toEqual([4, 4, 7, 3]);
    expect(() => mem.loadI32Checked(q + 4, 7)).toThrow(/out-of-bounds|overflow|redzone/);
    sys.freeOwnedId(sys.lastId, q, 4, 8, 3);
    // an allocBox after a non-Box free rewrites size and align
    const r = sys.allocBox(9, 1);
    expect(r).toBe(p);
    expect([mem.blocks.size[id], mem.blocks.align[id]]).toEqual([8, 8]);
    sys.freeBox(sys.lastId, r, 10, 1);
    sys.flushQuarantine();
    expect(sys.freeBytes()).toBe(before + 32);
    expect(() => sys.freeBox(id, r, 12, 1)).toThrow();
  });

  it('freeBoxAt finds the Box block from its address; double free and a non-block address are reported', () => {
    const mem = new Memory({ limit: 1 << 20 });
    const sys = new SystemAllocator(mem);
    const p = sys.allocBox(5, 1);
    const p2 = sys.allocBox(6, 1);
    sys.freeBoxAt(p, 7, 1);
    expect(sys.stats).toMatchObject({ frees: 1, liveBlocks: 1 });
    expect(() => sys.freeBoxAt(p, 8, 1)).toThrow(/double free/);
    expect(() => sys.freeBoxAt(p2 + 4, 9, 1)).toThrow();
    expect(sys.stats).toMatchObject({ frees: 1, liveBlocks: 1 });
    sys.freeBoxAt(p2, 10, 1);
    expect(sys.stats).toMatchObject({ frees: 2, liveBytes: 0, liveBlocks: 0 });
  });
});

describe('Box counters folded lazily', () => {
  it('stats and size classes read at any moment are what counting every Box at once gives', () => {
    // the same steps on two heaps: Boxes by allocBox/freeBoxAt (counted lazily) or by
    // allocOwned(8, 8)/freeOwned (counted at once), mixed with other blocks; the counters are read
    // at random moments (a read folds what is pending), peaks included
    const run = (lazy: boolean) => {
      const mem = new Memory({ limit: 1 << 22 });
      const sys = new SystemAllocator(mem);
      let s = 7;
      const rnd = (n: number) => { s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff; return (s >>> 8) % n; };
      const boxes: number[] = [], others: [number, number][] = [];
      const seen: unknown[] = [];
      for (let i = 0; i < 20_000; i++) {
        const r = rnd(100);
        // runs of Box allocations or frees (the peak moves inside a run), other blocks between
        const grow = Math.floor(i / 700) % 2 === 0;
        if (r < 60) {
          if (grow || boxes.length === 0) boxes.push(lazy ? sys.allocBox(1, 0) : sys.allocOwned(8, 8, 1, 0));
          else { const a = boxes.splice(rnd(boxes.length), 1)[0]; if (lazy) sys.freeBoxAt(a, 2, 0); else sys.freeOwned(a, 8, 2, 0); }
        } else if (r < 70) { const n = 1 + rnd(300); others.push([sys.allocOwned(n, 8, 3, 0), n]); }
        else if (r < 78 && others.length > 0) { const [a, n] = others.splice(rnd(others.length), 1)[0]; sys.freeOwned(a, n, 4, 0); }
        else if (r < 82) others.push([sys.allocOwned(8, 16, 5, 0), 8]); // an 8-byte block not made by the Box path
        else if (r < 85) sys.tmpOwned(1 + rnd(100), 1, 6, 0);
        else if (r < 87) seen.push({ ...sys.stats }, Array.from(sys.classCounts));
        else if (r === 87) seen.push(sys.sizeClasses(), sys.freeBytes());
      }
      seen.push({ ...sys.stats }, Array.from(sys.classCounts));
      return seen;
    };
    const lazy = run(true), eager = run(false);
    expect(lazy.length).toBeGreaterThan(500);
    expect(lazy).toEqual(eager);
  });
});

describe('boxQ: freed Box chunks kept apart from the quick lists', () => {
  it('show in segments() and freeBytes() as quick-listed chunks do, though not flagged in freeStart', () => {
    // the same Boxes freed into boxQ (freeBoxAt) or onto the 32-byte quick list (freeOwned)
    const run = (viaBoxQ: boolean) => {
      const mem = new Memory({ limit: 1 << 20 });
      const sys = new SystemAllocator(mem, { quarantine: 0 });
      const boxes = Array.from({ length: 40 }, (_, i) => sys.allocBox(i, 0));
      sys.allocOwned(100, 8, 99, 0); // a fence: the freed chunks are not at the top
      const seen: unknown[] = [];
      for (const i of [3, 4, 5, 17, 30, 39, 0]) {
        if (viaBoxQ) sys.freeBoxAt(boxes[i], 50 + i, 0);
        else sys.freeOwned(boxes[i], 8, 50 + i, 0);
        seen.push(sys.segments(), sys.freeBytes());
      }
      seen.push(sys.allocBox(7, 0), sys.allocBox(8, 0), sys.segments(), sys.freeBytes());
      return seen;
    };
    const viaBoxQ = run(true);
    expect(viaBoxQ).toEqual(run(false));
    const segs = viaBoxQ[viaBoxQ.length - 2] as { state: string; size: number; block: number }[];
    expect(segs.filter((x) => x.state === 'free').map((x) => [x.size, x.block])).toEqual([[32, 0], [32, 0], [32, 0], [32, 0], [32, 0]]);
  });
});

describe('tmpOwned: a temporary buffer allocated and freed at once', () => {
  type Step = ['tmp', number, number] | ['box'] | ['unbox'] | ['own', number] | ['drop'];
  /** The allocator's whole state: block records, shadow, stats, lists, flags. */
  function snapshot(mem: Memory, sys: SystemAllocator) {
    const b = mem.blocks;
    const cols = [b.start, b.size, b.align, b.kind, b.state, b.allocator, b.allocSite, b.freeSite, b.allocTask, b.freeTask].map((c) => [...c.slice(0, 64)]);
    const x = sys as unknown as Record<string, unknown>;
    return { cols, live: b.liveCount(), shadow: [...mem.shadow.slice(0, 4096)], stats: { ...sys.stats }, classes: [...sys.classCounts], lastId: sys.lastId,
      quick: JSON.stringify(x.quick), boxQuick: JSON.stringify(Array.from((x.boxQ as Int32Array).subarray(0, x.boxQLen as number))), quickBytes: x.quickBytes, freeStart: [...(x.freeStart as Uint8Array).slice(0, 4096)], top: sys.top };
  }
  /** Runs the steps with tmpOwned, or with the allocOwned + freeOwnedId pair it stands for. */
  function replay(steps: Step[], fused: boolean) {
    const mem = new Memory({ limit: 1 << 20 });
    const sys = new SystemAllocator(mem);
    const boxes: [number, number][] = [], owned: [number, number, number][] = [];
    const addrs: number[] = [];
    steps.forEach((s, i) => {
      const site = 100 + i, task = i % 3;
      if (s[0] === 'tmp') {
        if (fused) addrs.push(sys.tmpOwned(s[1], s[2], site, task));
        else { const a = sys.allocOwned(s[1], s[2], site, task); sys.freeOwnedId(sys.lastId, a, s[1], site, task); addrs.push(a); }
      } else if (s[0] === 'box') { boxes.push([sys.allocBox(site, task), sys.lastId]); }
      else if (s[0] === 'unbox') { const [a, id] = boxes.shift()!; sys.freeBox(id, a, site, task); }
      else if (s[0] === 'own') { owned.push([sys.allocOwned(s[1], 1, site, task), sys.lastId, s[1]]); }
      else { const [a, id, n] = owned.shift()!; sys.freeOwnedId(id, a, n, site, task); }
    });
    return { addrs, state: snapshot(mem, sys) };
  }

  it('leaves the allocator exactly as the alloc/free pair does: records, shadow, stats, lists', () => {
    const steps: Step[] = [
      ['tmp', 7, 1], ['tmp', 7, 1], ['tmp', 20, 1], ['tmp', 3, 1], ['tmp', 20, 1], // empty list, then its record
      ['box'], ['box'], ['unbox'], ['unbox'], ['tmp', 6, 1], ['tmp', 6, 1], // a Box's record from boxQuick
      ['own', 40], ['tmp', 40, 1], ['drop'], ['tmp', 40, 1], ['tmp', 48, 1], ['tmp', 33, 16], // a quick-sized chunk in use
      ['tmp', 200, 1], ['tmp', 200, 1], ['tmp', 5000, 1], ['tmp', 5, 32], ['tmp', 5, 32], ['own', 6], ['tmp', 6, 1], ['drop'],
    ];
    const fused = replay(steps, true), pair = replay(steps, false);
    expect(fused.addrs).toEqual(pair.addrs);
    expect(fused.state).toEqual(pair.state);
    expect(fused.state.stats).toMatchObject({ allocs: 21, frees: 21, liveBytes: 0, liveBlocks: 0 });
  });

  it('the temporary block reports use-after-free with its sites; the peak counts it', () => {
    const mem = new Memory({ limit: 1 << 20 });
    const sys = new SystemAllocator(mem);
    sys.tmpOwned(7, 1, 1, 0);
    const a = sys.tmpOwned(9, 1, 5, 2); // the same record, taken from the quick list
    expect(() => mem.loadI32Checked(a, 7)).toThrow(/^use-after-free/);
    const id = mem.shadow[a >>> 4];
    expect(id).toBeLessThan(0);
    expect([mem.blocks.size[-id], mem.blocks.allocSite[-id], mem.blocks.freeSite[-id], mem.blocks.allocTask[-id], mem.blocks.freeTask[-id]]).toEqual([9, 5, 5, 2, 2]);
    expect(sys.stats).toMatchObject({ allocs: 2, frees: 2, liveBytes: 0, peakBytes: 9 });
  });
});

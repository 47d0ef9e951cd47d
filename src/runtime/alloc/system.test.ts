import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Memory } from '../memory/memory';
import { SystemAllocator, binOf } from './system';
import { ArenaAllocator } from './arena';
import { reallocVia } from './allocator';
import { catchFault } from '../memory/fault.test-util';


interface LiveBlock { addr: number; size: number; align: number; tag: number }

function fillTag(mem: Memory, b: LiveBlock): void {
  for (let i = 0; i < b.size; i++) mem.u8[b.addr + i] = (b.tag * 31 + i) & 255;
}
function checkTag(mem: Memory, b: LiveBlock, n = b.size): void {
  for (let i = 0; i < n; i++) {
    if (mem.u8[b.addr + i] !== ((b.tag * 31 + i) & 255)) throw new Error(`block ${b.addr} byte ${i} corrupted`);
  }
}

type Op =
  | { k: 'alloc'; size: number; alignLog: number }
  | { k: 'free'; idx: number }
  | { k: 'realloc'; idx: number; size: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ k: fc.constant('alloc' as const), size: fc.oneof(fc.integer({ min: 0, max: 64 }), fc.integer({ min: 0, max: 5000 })), alignLog: fc.oneof(fc.constant(3), fc.integer({ min: 0, max: 12 })) }),
  fc.record({ k: fc.constant('free' as const), idx: fc.nat() }),
  fc.record({ k: fc.constant('realloc' as const), idx: fc.nat(), size: fc.integer({ min: 0, max: 3000 }) }),
);

describe('SystemAllocator (model-checked)', () => {
  it('keeps live blocks disjoint, aligned and intact; coalesces everything back', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 150 }), fc.integer({ min: 0, max: 40 }), (ops, q) => {
        const mem = new Memory({ limit: 8 << 20, staticCapacity: 4096 });
        const sys = new SystemAllocator(mem, { quarantine: q });
        const live: LiveBlock[] = [];
        let tag = 1;
        for (const op of ops) {
          if (op.k === 'alloc') {
            const align = 1 << op.alignLog;
            const addr = sys.alloc(op.size, align, 7, 0);
            expect(addr % align).toBe(0);
            expect(addr).toBeGreaterThanOrEqual(sys.heapStart);
            const b = { addr, size: op.size, align, tag: tag++ };
            fillTag(mem, b);
            live.push(b);
          } else if (live.length > 0) {
            const i = op.idx % live.length;
            const b = live[i];
            if (op.k === 'free') {
              checkTag(mem, b);
              sys.free(b.addr, 8, 0);
              live.splice(i, 1);
            } else {
              const to = sys.realloc(b.addr, op.size, 9, 0);
              expect(to % b.align).toBe(0);
              const moved = { addr: to, size: op.size, align: b.align, tag: b.tag };
              checkTag(mem, moved, Math.min(b.size, op.size));
              moved.tag = tag++;
              fillTag(mem, moved);
              live[i] = moved;
            }
          }
          // No two live blocks overlap (a size-0 block still owns its address).
          const sorted = [...live].sort((a, b) => a.addr - b.addr);
          for (let j = 1; j < sorted.length; j++) {
            expect(sorted[j - 1].addr + Math.max(sorted[j - 1].size, 1)).toBeLessThanOrEqual(sorted[j].addr);
          }
          expect(sys.stats.liveBytes).toBe(live.reduce((s, b) => s + b.size, 0));
          // The shadow map agrees: every live block's last byte is accessible, the byte after it
          // is not (a redzone or another block's granule never shares its granule).
          for (const b of live) {
            if (b.size > 0) mem.loadU8Checked(b.addr + b.size - 1, 0);
            expect(() => mem.loadU8Checked(b.addr + Math.max(b.size, 0), 0)).toThrow();
          }
        }
        for (const b of live) checkTag(mem, b);
        for (const b of live) sys.free(b.addr, 1, 0);
        sys.flushQuarantine();
        // Everything coalesced back into the wilderness: the heap is as fresh.
        expect(sys.top).toBe(sys.heapStart);
        const big = mem.limit - sys.heapStart - 16; // the largest block a fresh heap holds (minus the redzone)
        const p = sys.alloc(big, 16, 1, 0);
        expect(p).toBe(sys.heapStart);
        expect(sys.freeBytes()).toBe(0);
      }),
      { numRuns: 150 },
    );
  });

  it('reuses freed space once it leaves quarantine', () => {
    const mem = new Memory();
    const sys = new SystemAllocator(mem, { quarantine: 2 });
    const a = sys.alloc(40, 8, 1, 0);
    sys.alloc(40, 8, 1, 0); // keeps a from merging into the top
    sys.free(a, 2, 0);
    const b = sys.alloc(40, 8, 1, 0);
    expect(b).not.toBe(a); // still quarantined
    const c = sys.alloc(24, 8, 1, 0);
    sys.free(c, 2, 0);
    sys.free(b, 2, 0); // evicts a
    const d = sys.alloc(40, 8, 1, 0);
    expect(d).toBe(a);
  });

  it('coalesces adjacent free chunks in the middle of the heap', () => {
    const mem = new Memory();
    const sys = new SystemAllocator(mem, { quarantine: 0 });
    const xs = [0, 1, 2, 3].map(() => sys.alloc(100, 16, 1, 0));
    sys.alloc(100, 16, 1, 0); // fence before the top
    sys.free(xs[1], 1, 0);
    sys.free(xs[0], 1, 0);
    sys.free(xs[2], 1, 0);
    sys.free(xs[3], 1, 0);
    const big = sys.alloc(4 * 128 - 16, 16, 1, 0); // four 112+16-byte chunks, one redzone
    expect(big).toBe(xs[0]);
  });

  it('reports exhaustion with the exact message', () => {
    const mem = new Memory({ limit: 1 << 20, staticCapacity: 4096 });
    const sys = new SystemAllocator(mem);
    expect(catchFault(() => sys.alloc(2 << 20, 8, 1, 0)).message).toBe('memory allocation of 2097152 bytes failed');
    const f = catchFault(() => {
      for (;;) sys.alloc(100_000, 8, 1, 0);
    });
    expect(f.kind).toBe('oom');
    expect(f.panics).toBe(false);
    expect(f.message).toBe('memory allocation of 100000 bytes failed');
  });

  it('counts stats, peak and realloc as one alloc plus one free, and fires hooks', () => {
    const mem = new Memory();
    const sys = new SystemAllocator(mem);
    const events: string[] = [];
    sys.onAlloc = (a, s) => events.push(`alloc ${s}`);
    sys.onFree = (a, s) => events.push(`free ${s}`);
    sys.onRealloc = (f, t, o, n) => events.push(`realloc ${o}->${n}`);
    const a = sys.alloc(100, 8, 1, 0);
    const b = sys.alloc(50, 8, 1, 0);
    sys.free(a, 2, 0);
    sys.alloc(20, 8, 1, 0);
    expect(sys.stats).toMatchObject({ allocs: 3, frees: 1, liveBytes: 70, peakBytes: 150 });
    sys.realloc(b, 500, 3, 0);
    expect(sys.stats).toMatchObject({ allocs: 4, frees: 2, liveBytes: 520, peakBytes: 520 });
    expect(events).toEqual(['alloc 100', 'alloc 50', 'free 100', 'alloc 20', 'realloc 50->500']);
    expect(sys.sizeClasses().reduce((s, c) => s + c.count, 0)).toBe(4); // the moving realloc took a new chunk
  });

  it('rejects bad alignments and frees of non-blocks', () => {
    const mem = new Memory();
    const sys = new SystemAllocator(mem);
    expect(catchFault(() => sys.alloc(8, 3, 1, 0)).kind).toBe('invalid-arg');
    expect(catchFault(() => sys.alloc(8, 8192, 1, 0)).kind).toBe('invalid-arg');
    const a = sys.alloc(32, 8, 1, 0);
    const f = catchFault(() => sys.free(a + 8, 5, 0));
    expect(f.kind).toBe('invalid-free');
    expect(f.message).toContain('not the start of a heap block');
    expect(f.allocSite).toBe(1);
    sys.free(a, 5, 0);
    const d = catchFault(() => sys.free(a, 6, 0));
    expect(d.kind).toBe('double-free');
    expect(d.message).toBe(`double free of 0x${a.toString(16)} (block 0x${a.toString(16)}..0x${(a + 32).toString(16)} (32 bytes))`);
    expect(d.allocSite).toBe(1);
    expect(d.freeSite).toBe(5);
    expect(d.accessSite).toBe(6);
    expect(d.notes((x) => `s${x}`)).toEqual([
      `note: heap block 0x${a.toString(16)}..0x${(a + 32).toString(16)} (32 bytes) by the system allocator`,
      'note: freed again at s6',
      'note: allocated at s1',
      'note: freed at s5',
    ]);
    expect(catchFault(() => sys.free(12345, 1, 0)).message).toBe('free of 0x3039, which is not a heap block');
    const s = mem.internCString('lit');
    expect(catchFault(() => sys.free(s, 1, 0)).message).toContain('is not a heap block');
    sys.free(0, 1, 0); // free(NULL) is fine
    const local = sys.allocHidden(4, 4, 'stack', 1, 0); // e.g. an address-taken local
    const g = catchFault(() => sys.free(local, 7, 0));
    expect(g.kind).toBe('invalid-free');
    expect(g.message).toBe(`free of 0x${local.toString(16)}, which is not a heap allocation (runtime-owned stack memory)`);
    expect(catchFault(() => sys.realloc(local, 64, 7, 0)).kind).toBe('invalid-free');
    expect(sys.stats.liveBytes).toBe(0);
  });

  it('realloc grows in place at the top and preserves data when moving', () => {
    const mem = new Memory();
    const sys = new SystemAllocator(mem);
    const a = sys.alloc(16, 8, 1, 0);
    mem.storeU32(a, 0xdeadbeef);
    const b = sys.realloc(a, 4000, 1, 0);
    expect(b).toBe(a);
    const fence = sys.alloc(8, 8, 1, 0);
    const c = sys.realloc(b, 10000, 1, 0);
    expect(c).not.toBe(b);
    expect(mem.loadU32(c)).toBe(0xdeadbeef);
    expect(fence).toBeGreaterThan(0);
  });

  it('lists live blocks and walks the heap as consecutive chunks', () => {
    const mem = new Memory();
    const sys = new SystemAllocator(mem, { quarantine: 1 });
    const a = sys.alloc(10, 8, 1, 3);
    const b = sys.alloc(100, 8, 2, 3);
    const c = sys.alloc(20, 8, 3, 3);
    sys.alloc(5, 8, 4, 3);
    sys.free(a, 5, 3); // quarantined
    sys.free(c, 5, 3); // evicts a -> free
    expect(sys.liveBlocks().map((x) => [x.addr, x.size, x.site, x.task, x.allocator])).toEqual([
      [b, 100, 2, 3, 'system'],
      [sys.liveBlocks()[1].addr, 5, 4, 3, 'system'],
    ]);
    const h = sys.allocHidden(8, 8, 'qsort', 9, 3);
    expect(sys.liveBlocks().some((x) => x.addr === h)).toBe(false);
    expect(sys.liveBlocks(true).find((x) => x.addr === h)?.allocator).toBe('qsort');
    sys.freeHidden(h, 9, 3);
    const segs = sys.segments();
    // h reused a's chunk; freeing h (quarantine of 1) released c.
    expect(h).toBe(sys.heapStart);
    expect(segs.map((x) => x.state)).toEqual(['quarantined', 'live', 'free', 'live']);
    expect(segs[0]).toMatchObject({ start: sys.heapStart, size: 32 });
    for (let i = 1; i < segs.length; i++) expect(segs[i].start).toBe(segs[i - 1].start + segs[i - 1].size);
    expect(segs[segs.length - 1].start + segs[segs.length - 1].size).toBe(sys.top);
  });

  it('size classes are monotonic', () => {
    let prev = -1;
    for (let s = 16; s < 1 << 26; s += 16 + Math.floor(s / 7 / 16) * 16) {
      const b = binOf(s);
      expect(b).toBeGreaterThanOrEqual(prev);
      prev = b;
    }
  });
});

describe('ArenaAllocator', () => {
  it('bumps with alignment and panics with `arena exhausted`', () => {
    const mem = new Memory();
    const sys = new SystemAllocator(mem);
    const arena = new ArenaAllocator(sys, 64, 1, 0);
    const a = arena.allocate(24, 8, 2, 0);
    const b = arena.allocate(24, 8, 2, 0);
    expect(b - a).toBe(24);
    const f = catchFault(() => arena.allocate(24, 8, 3, 0));
    expect(f.kind).toBe('arena-exhausted');
    expect(f.message).toBe('arena exhausted');
    expect(f.panics).toBe(true);
    arena.deallocate(a, 24, 8, 1, 0); // no-op
    expect(catchFault(() => arena.allocate(24, 8, 3, 0)).message).toBe('arena exhausted');
  });

  it('matches alloc_03: a 16-byte Vec buffer and 1000 bytes fit in 1024, 16 more do not', () => {
    const sys = new SystemAllocator(new Memory());
    const arena = new ArenaAllocator(sys, 1024, 1, 0);
    arena.allocate(16, 4, 1, 0);
    arena.allocate(1000, 8, 1, 0);
    expect(catchFault(() => arena.allocate(16, 8, 1, 0)).message).toBe('arena exhausted');
  });

  it('honours large alignments and releases its block', () => {
    const sys = new SystemAllocator(new Memory());
    const arena = new ArenaAllocator(sys, 4096, 1, 0);
    arena.allocate(3, 1, 1, 0);
    const p = arena.allocate(8, 256, 1, 0);
    expect(p % 256).toBe(0);
    expect(sys.stats.liveBytes).toBe(4096);
    arena.release(1, 0);
    expect(sys.stats.liveBytes).toBe(0);
  });

  it('reallocVia copies and counts one allocate plus one deallocate', () => {
    const mem = new Memory();
    const sys = new SystemAllocator(mem);
    const a = sys.alloc(8, 8, 1, 0);
    mem.storeU64(a, 0x1122334455667788n);
    const b = reallocVia(sys, mem, a, 8, 64, 8, 2, 0);
    expect(mem.loadU64(b)).toBe(0x1122334455667788n);
    expect(sys.stats).toMatchObject({ allocs: 2, frees: 1, liveBytes: 64 });
  });
});

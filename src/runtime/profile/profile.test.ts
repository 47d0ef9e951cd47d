import { describe, expect, it } from 'vitest';
import { HeapProfiler } from './heap-profile';
import { RuntimeStats } from './stats';
import { Memory } from '../memory/memory';
import { SystemAllocator } from '../alloc/system';

describe('HeapProfiler', () => {
  it('reproduces heapprof_01_report from the allocator event stream', () => {
    // The program's heap operations (sites = source lines), driven through the real allocator.
    const sys = new SystemAllocator(new Memory());
    const prof = new HeapProfiler();
    sys.onAlloc = (a, s, _al, site) => prof.alloc(a, s, site);
    sys.onFree = (a, s, site) => prof.free(a, s, site);
    sys.onRealloc = (f, t, o, n, site) => prof.realloc(f, t, o, n, site);
    prof.start();
    const a = sys.alloc(48, 8, 3, 0); // let a = alloc(48);
    let buf = sys.alloc(16, 4, 5, 0); // Vec<i32>: capacity 4
    buf = sys.realloc(buf, 32, 5, 0); // then 8
    const b = sys.alloc(48, 8, 6, 0);
    sys.realloc(a, 96, 7, 0);
    sys.free(b, 8, 0);
    prof.stop();
    const after = sys.alloc(500, 8, 10, 0);
    expect(prof.report((s) => s)).toBe(
      'heap profile: 5 allocs (240 bytes), 3 frees, 128 bytes live\n' +
        '  line 7: 1 allocs, 96 bytes\n' +
        '  line 3: 1 allocs, 48 bytes\n' +
        '  line 5: 2 allocs, 48 bytes\n' +
        '  line 6: 1 allocs, 48 bytes\n',
    );
    expect(prof.summary((s) => s).lines.map((l) => l.line)).toEqual([7, 3, 5, 6]);
    sys.free(after, 11, 0);
    expect(buf).toBeGreaterThan(0);
  });

  it('merges sites on one line and ignores events while stopped', () => {
    const p = new HeapProfiler();
    p.alloc(1, 10, 1);
    p.start();
    p.alloc(2, 10, 100);
    p.alloc(3, 30, 101);
    p.free(1, 10, 5); // allocated before start: counts as a free, not as live
    const lines = new Map([[100, 4], [101, 4]]);
    expect(p.report((s) => lines.get(s) ?? 0)).toBe('heap profile: 2 allocs (40 bytes), 1 frees, 40 bytes live\n  line 4: 2 allocs, 40 bytes\n');
  });
});

describe('RuntimeStats', () => {
  it('matches metrics_01_stats', () => {
    const s = new RuntimeStats();
    s.reset();
    expect(s.snapshot()).toEqual({ allocs: 0, frees: 0, liveBytes: 0, peakBytes: 0, tasksSpawned: 0, gcCollections: 0 });
    s.alloc(100);
    s.alloc(50);
    s.free(100);
    s.alloc(20);
    expect([s.allocs, s.frees, s.liveBytes, s.peakBytes]).toEqual([3, 1, 70, 150]);
    s.alloc(32); // Vec<i64> first push
    expect([s.allocs, s.liveBytes]).toEqual([4, 102]);
    s.free(32);
    expect([s.frees, s.liveBytes, s.peakBytes]).toEqual([2, 70, 150]);
    s.taskSpawned();
    s.taskSpawned();
    s.gcCollected();
    expect([s.tasksSpawned, s.gcCollections]).toEqual([2, 1]);
    s.realloc(20, 200);
    expect([s.allocs, s.frees, s.liveBytes, s.peakBytes]).toEqual([5, 3, 250, 250]);
  });
});

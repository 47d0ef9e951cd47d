import { describe, expect, it } from 'vitest';
import { summarizeMemory } from './memory-model';
import type { TraceEvent } from '../../runtime/api';

const at = (line: number) => ({ file: 'main.vx', line, col: 5 });

describe('summarizeMemory', () => {
  it('counts allocations, frees, live and peak bytes, and leaks', () => {
    const trace: TraceEvent[] = [
      { t: 'alloc', addr: 100, size: 64, align: 8, allocator: 'system', site: at(2), task: 0 },
      { t: 'alloc', addr: 200, size: 32, align: 8, allocator: 'system', site: at(3), task: 0 },
      { t: 'free', addr: 100, size: 64, allocator: 'system', site: at(4), task: 0 },
      { t: 'output', stream: 'stdout', text: 'x' },
    ];
    const m = summarizeMemory(trace);
    expect([m.allocs, m.frees, m.liveBytes, m.peakBytes, m.bytesAllocated]).toEqual([2, 1, 32, 96, 96]);
    expect(m.live).toEqual([{ addr: 200, size: 32, allocator: 'system', site: at(3) }]);
    expect(m.sites.map((s) => [s.site, s.allocs, s.bytes])).toEqual([['main.vx:2', 1, 64], ['main.vx:3', 1, 32]]);
  });

  it('treats realloc as a free plus an allocation at the new address', () => {
    const m = summarizeMemory([
      { t: 'alloc', addr: 100, size: 16, align: 8, allocator: 'arena', site: at(5), task: 0 },
      { t: 'realloc', from: 100, to: 300, oldSize: 16, size: 48, site: at(6), task: 0 },
    ]);
    expect([m.allocs, m.frees, m.liveBytes, m.peakBytes]).toEqual([2, 1, 48, 48]);
    expect(m.live).toEqual([{ addr: 300, size: 48, allocator: 'arena', site: at(6) }]);
    expect(m.allocators).toEqual(['arena']);
  });

  it('ends the blocks of an arena when it is reset', () => {
    const m = summarizeMemory([
      { t: 'arena', op: 'new', base: 1000, capacity: 64, site: at(1), task: 0 },
      { t: 'alloc', addr: 1000, size: 16, align: 8, allocator: 'arena', site: at(2), task: 0 },
      { t: 'alloc', addr: 5000, size: 8, align: 8, allocator: 'system', site: at(3), task: 0 },
      { t: 'arena', op: 'reset', base: 1000, capacity: 64, site: at(4), task: 0 },
    ]);
    expect([m.allocs, m.frees, m.liveBytes, m.peakBytes]).toEqual([2, 0, 8, 24]);
    expect(m.live.map((b) => b.addr)).toEqual([5000]);
  });
});

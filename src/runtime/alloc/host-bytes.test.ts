// Host-side state charged to the heap limit (live tasks): it takes room from the wilderness
// without simulated memory, fails like an allocation when the room is gone, and gives it back.
import { describe, expect, it } from 'vitest';
import { Memory } from '../memory/memory';
import { SystemAllocator } from './system';
import { isVexFault } from '../memory/fault';

describe('SystemAllocator host bytes', () => {
  it('charges reduce the room for allocations; releases restore it', () => {
    const mem = new Memory({ limit: 1 << 20 });
    const sys = new SystemAllocator(mem);
    const free0 = sys.freeBytes();
    sys.chargeHost(600 << 10);
    expect(sys.freeBytes()).toBe(free0 - (600 << 10));
    // 600 KiB charged: a 500 KiB block no longer fits in the 1 MiB limit
    let fault: unknown = null;
    try { sys.alloc(500 << 10, 16, 1, 0); } catch (e) { fault = e; }
    expect(isVexFault(fault) && (fault as { kind: string }).kind).toBe('oom');
    sys.releaseHost(600 << 10);
    expect(sys.freeBytes()).toBe(free0);
    expect(sys.alloc(500 << 10, 16, 1, 0)).toBeGreaterThan(0);
  });

  it('a charge that does not fit fails with the allocation-failure fault of its size', () => {
    const mem = new Memory({ limit: 1 << 20 });
    const sys = new SystemAllocator(mem);
    sys.alloc(600 << 10, 16, 1, 0);
    let fault: unknown = null;
    try { sys.chargeHost(512 << 10); } catch (e) { fault = e; }
    expect(isVexFault(fault)).toBe(true);
    expect((fault as Error).message).toBe(`memory allocation of ${512 << 10} bytes failed`);
  });
});

// The prelude ArenaAllocator (vex-language §6.4): a bump allocator over one block obtained from the
// system allocator. deallocate does nothing; running out of space is the catchable panic
// `arena exhausted`. Dropping the arena value gives that block back (release), once no collection
// buffer it served is live; an allocation from it afterwards (another task still had it
// installed) is a use-after-free. Sub-blocks are not tracked individually by the shadow map:
// checked accesses are bounded by the arena's backing block.

import { isPowerOfTwo, type Allocator } from './allocator';
import type { SystemAllocator } from './system';
import { VexFault } from '../memory/fault';

export class ArenaAllocator implements Allocator {
  readonly name = 'arena';
  readonly base: number;
  used = 0;
  allocs = 0;
  private released = false;
  /** The arena value was dropped; `buffers`: collection buffers it served still live then (its
   *  region is released when they are freed: core/machine.ts releaseArena). */
  dropped = false;
  buffers = 0;

  onAlloc?: (addr: number, size: number, align: number, site: number, task: number) => void;

  constructor(private readonly sys: SystemAllocator, readonly capacity: number, site: number, task: number) {
    // The backing block is an ordinary system allocation (visible in stats and the trace).
    this.base = sys.alloc(capacity, 16, site, task);
  }

  allocate(size: number, align: number, site: number, task: number): number {
    if (!isPowerOfTwo(align) || align > 4096 || !(size >= 0)) {
      const f = new VexFault('invalid-arg', `invalid arena request: size ${size}, align ${align}`, true);
      f.accessSite = site;
      throw f;
    }
    // Align the absolute address (the base is 16-aligned; larger alignments need the absolute).
    const cur = this.base + this.used;
    const start = Math.ceil(cur / align) * align;
    const end = start + size;
    if (this.released) {
      const f = new VexFault('use-after-free', `use-after-free: allocation of ${size} bytes from an ArenaAllocator that was dropped`, false);
      f.accessSite = site;
      throw f;
    }
    if (end > this.base + this.capacity) {
      const f = new VexFault('arena-exhausted', 'arena exhausted', true);
      f.size = size;
      f.accessSite = site;
      throw f;
    }
    this.used = end - this.base;
    this.allocs++;
    if (this.onAlloc) this.onAlloc(start, size, align, site, task);
    return start;
  }

  deallocate(_addr: number, _size: number, _align: number, _site: number, _task: number): void {
    // A bump allocator frees everything at once, in release().
  }

  /** Gives the backing block back to the system allocator (the arena value is dropped). */
  release(site: number, task: number): void {
    if (this.released) return;
    this.released = true;
    this.sys.free(this.base, site, task);
  }

  /** Forgets every allocation (the memory is reused from the start). */
  reset(): void {
    this.used = 0;
  }
}

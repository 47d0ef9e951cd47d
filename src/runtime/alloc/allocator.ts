// The one interface every allocator plugs into: the system allocator, the prelude arena, and (via
// an engine adapter) allocators written in Vex that implement the `Allocator` contract.

import type { Memory } from '../memory/memory';

export interface Allocator {
  /** Shown in the trace and the Memory panel: 'system', 'arena', or a Vex type name. */
  readonly name: string;
  /** Returns an address >= 4096 aligned to `align`; throws VexFault on failure. */
  allocate(size: number, align: number, site: number, task: number): number;
  deallocate(addr: number, size: number, align: number, site: number, task: number): void;
}

/**
 * realloc through an allocator that has none: allocate + copy min(old, new) + deallocate, which
 * is also how §6.4 counts it (one allocate plus one deallocate).
 */
export function reallocVia(
  a: Allocator,
  mem: Memory,
  addr: number,
  oldSize: number,
  newSize: number,
  align: number,
  site: number,
  task: number,
): number {
  const to = a.allocate(newSize, align, site, task);
  if (addr !== 0) {
    mem.copy(to, addr, Math.min(oldSize, newSize));
    a.deallocate(addr, oldSize, align, site, task);
  }
  return to;
}

export function isPowerOfTwo(n: number): boolean {
  return n > 0 && Number.isInteger(n) && (n & (n - 1)) === 0;
}

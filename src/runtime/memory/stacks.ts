// Per-task stack regions for address-taken locals. A region is a list of chunks taken from the
// heap on demand (so a task with a 1 MiB stack costs nothing until it takes an address). Each
// local is its own block (kind 'stack') so overflows between neighbouring locals are caught; a
// popped frame's slots stay poisoned (use of a dead stack slot) until their space is reused or a
// bounded ring of dead slots retires them.

import type { SystemAllocator } from '../alloc/system';
import { KIND_STACK } from './blocks';
import { VexFault } from './fault';
import { GRANULE, type Memory } from './memory';

const CHUNK = 64 << 10;
const DEAD_RING = 1024;

interface Region {
  task: number;
  bytes: number;
  chunks: number[]; // chunk base addresses
  chunkSizes: number[];
  chunk: number; // index of the current chunk (-1: none yet)
  off: number; // bump offset in the current chunk
  used: number; // bytes of live slots (incl. padding)
  slots: number[]; // live slot block ids, in push order
  slotChunk: number[]; // chunk index before each slot was pushed
  slotOff: number[]; // offset before each slot was pushed
  slotUsed: number[];
  live: boolean;
}

export class StackRegions {
  private readonly regions: Region[] = [];
  private readonly dead = new Int32Array(DEAD_RING);
  private deadHead = 0;
  private deadCount = 0;
  private readonly allocIdx: number;

  constructor(private readonly mem: Memory, private readonly sys: SystemAllocator) {
    this.allocIdx = mem.blocks.allocatorIndex('stack');
  }

  /** Registers a task's stack region of `bytes` (its stack size). */
  reserve(task: number, bytes: number): number {
    this.regions.push({
      task, bytes, chunks: [], chunkSizes: [], chunk: -1, off: 0, used: 0,
      slots: [], slotChunk: [], slotOff: [], slotUsed: [], live: true,
    });
    return this.regions.length - 1;
  }

  /** Frees the region's chunks (task end). Its slots become dead. */
  release(id: number): void {
    const r = this.regions[id];
    if (!r || !r.live) return;
    this.popFrame(id, 0);
    for (const c of r.chunks) this.sys.freeChunk(c);
    r.chunks.length = 0;
    r.chunkSizes.length = 0;
    r.chunk = -1;
    r.live = false;
  }

  /** A frame mark: pass it to popFrame to drop every slot pushed after it. */
  pushFrame(id: number): number {
    return this.regions[id].slots.length;
  }

  /** Space for one address-taken local; returns its address (a live 'stack' block). */
  slot(id: number, size: number, align: number, site: number): number {
    const r = this.regions[id];
    if (!r || !r.live) {
      const f = new VexFault('invalid-arg', `stack region ${id} is not live`, false);
      f.accessSite = site;
      throw f;
    }
    const a = Math.max(align, GRANULE);
    const span = Math.max(size, 1);
    let start = -1;
    if (r.chunk >= 0) {
      const base = r.chunks[r.chunk];
      const s = Math.ceil((base + r.off) / a) * a;
      if (s + span <= base + r.chunkSizes[r.chunk]) start = s;
    }
    const prevChunk = r.chunk;
    const prevOff = r.off;
    if (start < 0) {
      // Next chunk (reuse a kept one if it is large enough, else take a new one from the heap).
      const next = r.chunk + 1;
      const need = span + a + GRANULE;
      if (next < r.chunks.length && r.chunkSizes[next] < need) {
        for (let i = next; i < r.chunks.length; i++) this.sys.freeChunk(r.chunks[i]);
        r.chunks.length = next;
        r.chunkSizes.length = next;
      }
      if (next >= r.chunks.length) {
        const cs = Math.max(CHUNK, need);
        r.chunks.push(this.sys.allocChunk(cs, GRANULE));
        r.chunkSizes.push(cs);
      }
      r.chunk = next;
      const base = r.chunks[next];
      start = Math.ceil(base / a) * a;
    }
    const end = Math.ceil((start + span) / GRANULE) * GRANULE + GRANULE; // + a redzone granule
    r.off = end - r.chunks[r.chunk];
    const bid = this.mem.registerBlock(start, size, align, KIND_STACK, this.allocIdx, site, r.task);
    r.slots.push(bid);
    r.slotChunk.push(prevChunk);
    r.slotOff.push(prevOff);
    r.slotUsed.push(r.used);
    r.used += end - start;
    return start;
  }

  /** Drops every slot pushed after `mark` (from pushFrame). */
  popFrame(id: number, mark: number): void {
    const r = this.regions[id];
    if (!r || r.slots.length <= mark) return;
    for (let i = r.slots.length - 1; i >= mark; i--) this.kill(r.slots[i], r.task);
    r.chunk = r.slotChunk[mark];
    r.off = r.slotOff[mark];
    r.used = r.slotUsed[mark];
    r.slots.length = mark;
    r.slotChunk.length = mark;
    r.slotOff.length = mark;
    r.slotUsed.length = mark;
  }

  /** Bytes of live slots in the region (incl. alignment padding). */
  used(id: number): number {
    return this.regions[id]?.used ?? 0;
  }

  private kill(bid: number, task: number): void {
    this.mem.markFreed(bid, -1, task);
    if (this.deadCount === DEAD_RING) {
      this.mem.retireBlock(this.dead[this.deadHead]);
      this.deadHead = (this.deadHead + 1) % DEAD_RING;
      this.deadCount--;
    }
    this.dead[(this.deadHead + this.deadCount) % DEAD_RING] = bid;
    this.deadCount++;
  }
}

// The machine behind the runtime core: linear memory, the system allocator, the current
// allocator (system, arena or a Vex `Allocator`), runtime_stats counters and the heap profiler.
// Collections report their buffers here through HeapHooks; raw alloc/free/realloc come here too.
import type { RunOptions } from '../api';
import type { Runtime } from './rt';
import { setHeapHooks, VBox, VBoxForeign, type VBoxView } from './collections';
import { VexAbort, VexLimit } from './errors';
import { Memory, cBytes } from '../memory/memory';
import { SystemAllocator } from '../alloc/system';
import { ArenaAllocator } from '../alloc/arena';
import { reallocVia, type Allocator } from '../alloc/allocator';
import { RuntimeStats } from '../profile/stats';
import { HeapProfiler } from '../profile/heap-profile';
import { isVexFault, VexFault, oomFault, hex } from '../memory/fault';

/** A block of an allocator other than the system one; `buf`: a collection's buffer (bufAlloc). */
interface BlockRec { size: number; align: number; a: Allocator; buf?: boolean }

export class Machine {
  readonly mem: Memory;
  readonly sys: SystemAllocator;
  readonly stats = new RuntimeStats();
  readonly prof = new HeapProfiler();
  current: Allocator;
  private readonly blocks = new Map<number, BlockRec>();

  constructor(private readonly rt: Runtime, opts: RunOptions) {
    this.mem = new Memory({ limit: opts.heapLimit });
    this.sys = new SystemAllocator(this.mem);
    this.current = this.sys;
    // runtime_stats counts system Boxes from the allocator's own Box counters (one count per Box)
    const sys = this.sys, stats = this.stats;
    sys.onBoxFold = (n, m, high) => stats.addBoxes(n, m, high);
    stats.sync = () => sys.foldBoxes();
  }

  /** The run is over: its memory's buffers go to the next run (zeroed). Nothing may use them after. */
  release(): void {
    this.sys.recycle();
    this.mem.release();
  }

  /** Turn a memory/allocator fault into the Vex outcome it stands for. */
  fault(f: VexFault, site: number): never {
    if (f.panics) return this.rt.panic(f.message, site);
    if (f.kind === 'oom') {
      this.rt.err(`${f.message}\n`);
      throw new VexLimit('heap', f.message);
    }
    this.rt.err(`error: ${f.message}\n`);
    const lines = f.notes((s) => {
      const l = this.rt.loc(s);
      return l ? `${this.rt.siteFn(s)} (${l.file}:${l.line}:${l.col})` : '?';
    });
    for (const n of lines) this.rt.err(`  ${n}\n`);
    throw new VexAbort(134, f.kind);
  }
  guard<R>(site: number, f: () => R): R {
    try {
      return f();
    } catch (e) {
      this.rethrow(e, site);
    }
  }

  // Raw alloc/free/realloc from Vex. Faults are caught inline (no closure per call).
  allocate(size: number, align: number, site: number): number {
    const a = this.current;
    const task = this.rt.taskId;
    let addr: number;
    try {
      addr = a.allocate(size, align, site, task);
    } catch (e) {
      return this.rethrow(e, site);
    }
    this.blocks.set(addr, { size, align, a });
    this.stats.alloc(size);
    this.prof.alloc(addr, size, site);
    this.rt.heapAlloc(addr, size, align, a.name, site, task);
    return addr;
  }
  free(addr: number, site: number): void {
    if (addr === 0) return;
    const task = this.rt.taskId;
    const b = this.blocks.get(addr);
    try {
      // not one of ours: the system allocator reports it (double/invalid free)
      if (!b) { this.sys.free(addr, site, task); return; }
      b.a.deallocate(addr, b.size, b.align, site, task);
    } catch (e) {
      this.rethrow(e, site);
    }
    this.blocks.delete(addr);
    this.stats.free(b.size);
    this.prof.free(addr, b.size, site);
    this.rt.heapFree(addr, b.size, b.a.name, site, task);
    // the last collection buffer of a dropped arena: its region goes now (releaseArena)
    if (b.buf && b.a instanceof ArenaAllocator && b.a.dropped && --b.a.buffers === 0) this.endArena(b.a, site);
  }
  realloc(addr: number, size: number, site: number): number {
    if (addr === 0) return this.allocate(size, 16, site);
    const task = this.rt.taskId;
    const b = this.blocks.get(addr);
    let to: number;
    try {
      if (!b) return this.sys.realloc(addr, size, site, task);
      to = b.a === this.sys ? this.sys.realloc(addr, size, site, task) : reallocVia(b.a, this.mem, addr, b.size, size, b.align, site, task);
    } catch (e) {
      return this.rethrow(e, site);
    }
    this.blocks.delete(addr);
    this.blocks.set(to, { size, align: b.align, a: b.a, buf: b.buf });
    this.stats.realloc(b.size, size);
    this.prof.realloc(addr, to, b.size, size, site);
    this.rt.heapRealloc(addr, to, b.size, size, site, task);
    return to;
  }
  private rethrow(e: unknown, site: number): never {
    if (isVexFault(e)) this.fault(e, site);
    throw e;
  }

  // Collection buffers (Vec, String, Box, Gc): a real block of the current allocator (the system
  // allocator unless an arena / Vex Allocator is installed) is the buffer's reservation and
  // identity; the elements themselves stay in JS arrays/strings for speed (codegen DESIGN.md).
  // System-allocator buffers skip the `blocks` map (their size is known to the collection).
  bufAlloc(size: number, align: number, site: number, label?: string): number {
    const a = this.current;
    const task = this.rt.taskId;
    let addr: number;
    try {
      addr = a === this.sys ? this.sys.allocOwned(size, align, site, task) : a.allocate(size, align, site, task);
    } catch (e) {
      this.rethrow(e, site);
    }
    if (a !== this.sys) this.blocks.set(addr, { size, align, a, buf: true });
    this.stats.alloc(size);
    if (this.prof.active) this.prof.alloc(addr, size, site);
    if (this.rt.heapRoom > 0) this.rt.heapAlloc(addr, size, align, label !== undefined && a === this.sys ? label : a.name, site, task);
    return addr;
  }
  bufFree(addr: number, size: number, site: number, label = 'system'): void {
    if (addr === 0) return;
    if (this.blocks.size !== 0 && this.blocks.has(addr)) { this.free(addr, site); return; }
    const task = this.rt.taskId;
    try {
      this.sys.freeOwned(addr, size, site, task);
    } catch (e) {
      this.rethrow(e, site);
    }
    this.stats.free(size);
    if (this.prof.active) this.prof.free(addr, size, site);
    if (this.rt.heapRoom > 0) this.rt.heapFree(addr, size, label, site, task);
  }
  /** bufAlloc then bufFree of the same block (a temporary String's buffer): the same allocator
   *  state, statistics and events (an alloc, then its free), in one step each (strbuild: the pair
   *  was most of an f-string's cost). */
  bufTmp(size: number, align: number, site: number): void {
    const a = this.current;
    if (a !== this.sys) { this.bufFree(this.bufAlloc(size, align, site), size, site); return; }
    const task = this.rt.taskId;
    let addr: number;
    try {
      addr = this.sys.tmpOwned(size, align, site, task);
    } catch (e) {
      this.rethrow(e, site);
    }
    this.stats.tmp(size);
    if (this.prof.active) { this.prof.alloc(addr, size, site); this.prof.free(addr, size, site); }
    if (this.rt.heapRoom > 0) this.rt.heapTmp(addr, size, align, a.name, site, task);
  }
  bufRealloc(addr: number, oldSize: number, size: number, align: number, site: number): number {
    if (addr === 0) return this.bufAlloc(size, align, site);
    if (this.blocks.size !== 0 && this.blocks.has(addr)) return this.realloc(addr, size, site);
    if (this.current !== this.sys) {
      // the buffer moves to the custom allocator: one allocate there, one free here
      const to = this.bufAlloc(size, align, site);
      this.bufFree(addr, oldSize, site);
      return to;
    }
    const task = this.rt.taskId;
    let to: number;
    try {
      // the elements live in JS: the simulated bytes are not the Vec's (vecprim: a copy of the
      // whole buffer per growth, ~6% of its run)
      to = this.sys.realloc(addr, size, site, task, false);
    } catch (e) {
      this.rethrow(e, site);
    }
    this.stats.realloc(oldSize, size);
    if (this.prof.active) this.prof.realloc(addr, to, oldSize, size, site);
    if (this.rt.heapRoom > 0) this.rt.heapRealloc(addr, to, oldSize, size, site, task);
    return to;
  }

  // Box: the hottest buffer (one per node of a tree). A system Box is a plain VBox (its free looks
  // the block id up in the shadow map); another allocator's is a VBoxForeign.
  newBox(v: unknown, site: number): VBox {
    if (this.current !== this.sys) return new VBoxForeign(v, this.bufAlloc(8, 8, site));
    return new VBox(v, this.newBoxAddr(site));
  }
  /** A new block for a box whose content was moved out (`*b = v` after `*b` was taken). */
  reboxAddr(foreign: boolean, site: number): number {
    return foreign ? this.bufAlloc(8, 8, site) : this.newBoxAddr(site);
  }
  /** A Box block for a flat enum field: its address, negated when another allocator serves it. */
  newBoxSlot(site: number): number {
    // the hot path (sys.takeBox) is kept small enough to inline into generated code
    if (this.current === this.sys) {
      const task = this.rt.taskId;
      const a = this.sys.takeBox(site, task);
      if (a !== 0) {
        if (this.prof.active || this.rt.heapRoom > 0) this.boxSeen(0, a, site, task);
        return a;
      }
    }
    return this.current !== this.sys ? -this.bufAlloc(8, 8, site) : this.newBoxAddr(site);
  }
  freeBoxSlot(slot: number, site: number): void {
    if (slot > 0) {
      const task = this.rt.taskId;
      if (this.sys.dropBox(slot, site, task)) {
        if (this.prof.active || this.rt.heapRoom > 0) this.boxSeen(1, slot, site, task);
      } else this.freeBoxAddr(slot, site);
    } else if (slot < 0) this.bufFree(-slot, 8, site);
  }
  /** A system Box block allocated (freed 0) or freed (1): profiled and traced. */
  private boxSeen(freed: 0 | 1, addr: number, site: number, task: number): void {
    if (this.prof.active) {
      if (freed === 0) this.prof.alloc(addr, 8, site);
      else this.prof.free(addr, 8, site);
    }
    if (this.rt.heapRoom > 0) this.rt.heapBox(freed, addr, site, task);
  }
  /** A system Box block (8 bytes), counted, profiled and traced. */
  private newBoxAddr(site: number): number {
    const sys = this.sys;
    const task = this.rt.taskId;
    let addr: number;
    try {
      addr = sys.allocBox(site, task);
    } catch (e) {
      return this.rethrow(e, site);
    }
    // (counted in runtime_stats through sys's Box counters: stats.sync)
    this.boxSeen(0, addr, site, task);
    return addr;
  }
  freeBox(b: VBox | VBoxView, site: number): void {
    if (b.foreign) this.bufFree(b.addr, 8, site);
    else this.freeBoxAddr(b.addr, site);
  }
  private freeBoxAddr(addr: number, site: number): void {
    const task = this.rt.taskId;
    try {
      this.sys.freeBoxAt(addr, site, task);
    } catch (e) {
      this.rethrow(e, site);
    }
    this.boxSeen(1, addr, site, task);
  }

  newArena(cap: number, site: number): ArenaAllocator {
    const task = this.rt.taskId;
    const a = this.guard(site, () => new ArenaAllocator(this.sys, cap, site, task));
    this.rt.emit({ t: 'arena', op: 'new', base: a.base, capacity: a.capacity, site: this.rt.loc(site), task });
    return a;
  }
  /** `arena.reset()`: the bump pointer goes back to the base; every block in the arena is gone. */
  resetArena(a: ArenaAllocator, site: number): void {
    a.reset();
    this.rt.emit({ t: 'arena', op: 'reset', base: a.base, capacity: a.capacity, site: this.rt.loc(site), task: this.rt.taskId });
  }
  /** The arena value is dropped: its region goes back to the system allocator, and its blocks
   *  with it. A task that has it installed goes back to the system allocator. */
  releaseArena(a: ArenaAllocator, site: number): void {
    if (this.current === a) this.current = this.sys;
    // a Vec, String or Box declared before the arena still holds a buffer it served (its drop
    // comes later): the region stays until the last such buffer is freed, and such a buffer may
    // still grow in it; a block alloc() took is the program's to free before (C's arena rule)
    let n = 0;
    for (const r of this.blocks.values()) if (r.a === a && r.buf) n++;
    a.dropped = true;
    a.buffers = n;
    if (n === 0) this.endArena(a, site);
  }
  private endArena(a: ArenaAllocator, site: number): void {
    a.release(site, this.rt.taskId);
    this.rt.emit({ t: 'arena', op: 'release', base: a.base, capacity: a.capacity, site: this.rt.loc(site), task: this.rt.taskId });
  }
  /** `arena.allocate(size, align)` called directly: a block of the arena like any other (traced, so
   *  the heap map's bump pointer is right), though not counted in runtime_stats. */
  arenaAllocate(a: ArenaAllocator, size: number, align: number, site: number): number {
    const task = this.rt.taskId;
    const addr = this.guard(site, () => a.allocate(size, align, site, task));
    if (this.rt.heapRoom > 0) this.rt.heapAlloc(addr, size, align, a.name, site, task);
    return addr;
  }
  /** C strings placed in the heap once the static segment was full (cstr), by text. */
  private readonly heapCStrings = new Map<string, number>();
  /**
   * A NUL-terminated copy of `s` where C code reads it (a `str` given as `*u8`): interned in the
   * static segment (identical texts share one address), and once that is full, in a block of the
   * heap the runtime owns, kept for the run as a static one is and charged to the heap limit (a
   * loop handing 8,192 distinct strings to C ended with 'static segment exhausted').
   */
  cstr(s: string, site: number): number {
    const a = this.mem.tryInternCString(s);
    if (a >= 0) return a;
    const hit = this.heapCStrings.get(s);
    if (hit !== undefined) return hit;
    const bytes = cBytes(s);
    const p = this.guard(site, () => this.sys.allocHidden(bytes.length, 1, 'system', site, this.rt.taskId));
    this.mem.writeBytes(p, bytes);
    this.heapCStrings.set(s, p);
    return p;
  }

  /** A Gc handle's block: a system buffer, traced as the Gc heap's ('gc'). */
  gcAlloc(site: number): number {
    return this.bufAlloc(16, 8, site, 'gc');
  }
  gcFree(addr: number): void {
    this.bufFree(addr, 16, -1, 'gc');
  }
  /** A Vex value implementing the Allocator contract, adapted to the library interface. */
  vexAllocator(name: string, obj: unknown, alloc: (o: unknown, size: number, align: number) => number, dealloc: (o: unknown, p: number, size: number, align: number) => void): Allocator {
    // sizes cross as u64 values in their canonical form: numbers (runtime/core/wide.ts)
    return {
      name,
      allocate: (size, align, site) => this.checkServed(name, Number(alloc(obj, size, align)), size, align, site),
      deallocate: (p, size, align) => dealloc(obj, p, size, align),
    };
  }
  /** What a Vex allocator handed out must be usable: null means the request failed (`memory
   *  allocation of N bytes failed`); a misaligned pointer, or one that is not `size` writable bytes
   *  of live memory (a wild pointer), aborts with what is wrong. */
  private checkServed(name: string, p: number, size: number, align: number, site: number): number {
    if (p === 0) throw oomFault(size);
    const bad = (what: string, cause?: VexFault): never => {
      const f = new VexFault('invalid-arg', `allocator \`${name}\` returned ${hex(p)} for ${size} bytes (align ${align}): ${what}`, false);
      f.addr = p;
      f.accessSite = site;
      if (cause) { f.blockStart = cause.blockStart; f.blockSize = cause.blockSize; f.blockKind = cause.blockKind; f.allocSite = cause.allocSite; }
      throw f;
    };
    if (!Number.isInteger(p) || p < 0) bad('not an address');
    if (align > 0 && p % align !== 0) bad('misaligned');
    try {
      this.mem.check(p, Math.max(1, size), true, site);
    } catch (e) {
      if (isVexFault(e)) bad(`not ${size} bytes of live writable memory (${e.message})`, e);
      throw e;
    }
    return p;
  }
  sysAlloc(size: number, align: number, site: number): number {
    return this.guard(site, () => this.sys.alloc(size, align, site, this.rt.taskId));
  }
  sysFree(addr: number, site: number): void {
    this.guard(site, () => this.sys.free(addr, site, this.rt.taskId));
  }
}

export interface LibraryHandle {
  machine: Machine;
  resetStats(): void;
  stats(): { allocs: number; frees: number; peakBytes: number; liveBytes: number };
}

export function installLibrary(rt: Runtime, opts: RunOptions): LibraryHandle {
  const m = new Machine(rt, opts);
  rt.machine = m;
  setHeapHooks({
    alloc: (size, align, site) => m.bufAlloc(size, align, site),
    free: (addr, size, _align, site) => m.bufFree(addr, size, site),
    tmp: (size, align, site) => m.bufTmp(size, align, site),
    realloc: (addr, old, size, align, site) => m.bufRealloc(addr, old, size, align, site),
    fail: (size, site) => m.fault(oomFault(size), site),
  });
  return {
    machine: m,
    resetStats() { m.stats.reset(); },
    stats: () => {
      const s = m.stats;
      s.sync();
      return { allocs: s.allocs, frees: s.frees, peakBytes: s.peakBytes, liveBytes: s.liveBytes };
    },
  };
}

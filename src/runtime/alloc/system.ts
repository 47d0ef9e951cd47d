// The system allocator: a real allocator over the heap region of Memory.
//
// Chunks are multiples of 16 bytes (one shadow granule), so blocks never share a granule, and
// end with a 16-byte redzone granule that no block owns, so overruns into a neighbour are caught. Free
// chunks live in segregated bins: 64 exact bins for 16..1024 bytes, then 4 bins per power of two.
// Bins are arrays used as stacks with lazy deletion (an entry is valid only while the free maps
// still marks that chunk free with a size of that bin), and a bitmap finds the next non-empty bin
// quickly. Boundary tags live in simulated memory where no block can reach: every chunk's last
// (redzone) granule holds a footer {size, inUse}, and a free chunk's first word holds its size;
// a byte per granule marks free-chunk starts. Freeing coalesces with free neighbours in O(1) and
// gives space at the top back to the wilderness. Freed blocks first sit in a bounded quarantine so use-after-free is
// detected reliably; the quarantine is flushed before the heap reports out-of-memory.

import { isPowerOfTwo, type Allocator } from './allocator';
import { KIND_HEAP, STATE_FREED, STATE_LIVE } from '../memory/blocks';
import { VexFault, hex, oomFault } from '../memory/fault';
import { GRANULE, GRANULE_SHIFT, type Memory } from '../memory/memory';

const NBINS = 160;
const EXACT_BINS = 64; // 16..1024 step 16
/** Chunks up to this size (Box-sized blocks) leave quarantine onto LIFO quick lists (no coalescing)
 *  and are reused first by requests of the same chunk size: the allocator's fastest path. */
const QUICK_MAX = 64;
/** A Box's 8 bytes: one data granule plus the redzone (chunkFor(8)), and its size-class bin. */
const BOX_CHUNK = 32;
const BOX_BIN = 1;

/** The last finished run's per-granule and per-block arrays, zeroed (SystemAllocator.recycle()). */
let spare: { freeStart: Uint8Array; chunkOf: Int32Array<ArrayBuffer>; hidden: Uint8Array<ArrayBuffer>; boxQ: Int32Array<ArrayBuffer> } | null = null;

export function binOf(chunk: number): number {
  if (chunk <= 1024) return (chunk >>> 4) - 1;
  const k = 31 - Math.clz32(chunk); // floor(log2), >= 10
  const sub = (chunk >>> (k - 2)) & 3;
  return Math.min(EXACT_BINS + (k - 10) * 4 + sub, NBINS - 1);
}

export interface SystemAllocatorOptions {
  /** How many freed blocks stay poisoned before their space is reused (default 4096). */
  quarantine?: number;
  /** Max bytes held in quarantine (default: a quarter of the memory limit). */
  quarantineBytes?: number;
}

export interface AllocStats {
  allocs: number;
  frees: number;
  reallocs: number;
  liveBytes: number;
  peakBytes: number;
  liveBlocks: number;
}

export class SystemAllocator implements Allocator {
  readonly name = 'system';
  private readonly st: AllocStats = { allocs: 0, frees: 0, reallocs: 0, liveBytes: 0, peakBytes: 0, liveBlocks: 0 };
  private readonly counts = new Float64Array(NBINS);
  get stats(): AllocStats {
    if (this.boxIn !== 0 || this.boxOut !== 0) this.fold();
    return this.st;
  }
  /** Allocation counts per bin (see sizeClasses()). */
  get classCounts(): Float64Array {
    if (this.boxIn !== 0 || this.boxOut !== 0) this.fold();
    return this.counts;
  }
  // Box blocks allocated (boxIn) and freed (boxOut) by the Box paths since the last fold(), and the
  // most of them live at once (boxIn - boxOut) since then: those paths count only these (a
  // million Boxes a run: five counters each were a sixth of the allocator's time); `stats` and
  // `classCounts` take them in when read, and every other path reads them first.
  private boxIn = 0;
  private boxOut = 0;
  private boxHigh = 0;
  /** Told what each fold adds (runtime_stats counts system Boxes from these same counters). */
  onBoxFold: ((allocs: number, frees: number, high: number) => void) | null = null;
  /** Takes the Box counters in now (anything counting heap use reads them first). */
  foldBoxes(): void {
    if (this.boxIn !== 0 || this.boxOut !== 0) this.fold();
  }
  private fold(): void {
    const st = this.st;
    const n = this.boxIn, m = this.boxOut;
    if (this.onBoxFold !== null) this.onBoxFold(n, m, this.boxHigh);
    // the peak as counting each Box allocation would have moved it (liveBytes changed only by
    // Boxes since; no allocation, no comparison)
    const peak = st.liveBytes + 8 * this.boxHigh;
    if (this.boxHigh > 0 && peak > st.peakBytes) st.peakBytes = peak;
    st.allocs += n;
    st.frees += m;
    st.liveBytes += 8 * (n - m);
    st.liveBlocks += n - m;
    this.counts[BOX_BIN] += n;
    this.boxIn = this.boxOut = this.boxHigh = 0;
  }

  onAlloc?: (addr: number, size: number, align: number, site: number, task: number) => void;
  onFree?: (addr: number, size: number, site: number, task: number) => void;
  onRealloc?: (from: number, to: number, oldSize: number, newSize: number, site: number, task: number) => void;

  /** End of the used heap; [top, limit - hostBytes) is the wilderness. */
  top: number;
  /** Bytes of the heap limit held by host-side structures of the run (tasks): taken from the
   *  wilderness without being addressable, so they cost no simulated memory. */
  private hostBytes = 0;
  /** First chunk address (one sentinel granule after heapBase holds an "in use" footer). */
  readonly heapStart: number;
  /** 1 where a free chunk starts, 1 + size/16 where a quick-list chunk starts (per granule); 0 for
   *  boxQ's chunks (only segments() would read their flag: it asks boxQ instead). */
  private freeStart: Uint8Array;
  private freeChunkBytes = 0;
  private readonly bins: number[][] = [];
  /** Quick lists of freed block ids by chunk size / 16 (their chunks' freeStart flag is 1 + chunk
   *  size / 16; the blocks stay registered as freed until reused). */
  private readonly quick: number[][] = [[], [], [], [], []];
  /** The 32-byte quick list's records freed by freeBox: still size 8, align 8, system, not hidden,
   *  chunk 32, so allocBox revives them writing only state, sites and shadow (fewer cache lines per
   *  Box). Flushed/taken like quick[2]; their bytes are BOX_CHUNK * boxQLen, neither in quickBytes
   *  nor flagged in freeStart (two writes fewer per Box, a million Boxes a run in bench/bintree). */
  private boxQ = new Int32Array(1024);
  /** boxQ's used length: a stack of ids in a typed array that only grows (an Array popped down
   *  from a tree's 131,072 ids was trimmed and grown, copied, again every round: bench/bintree). */
  private boxQLen = 0;
  private quickBytes = 0;
  private readonly nonEmpty = new Uint32Array(Math.ceil(NBINS / 32));
  private chunkOf = new Int32Array(1024); // block id -> chunk bytes (< 2^31, as addresses)
  private hidden = new Uint8Array(1024); // block id -> 1 for runtime-owned (allocHidden) blocks
  private readonly rawChunks = new Map<number, number>(); // unregistered runtime chunks
  private readonly systemIdx: number;

  private readonly qIds: Int32Array;
  private qHead = 0;
  private qCount = 0;
  private qBytes = 0;
  private readonly qMaxBytes: number;

  constructor(readonly mem: Memory, opts: SystemAllocatorOptions = {}) {
    this.heapStart = mem.heapBase + GRANULE;
    this.top = this.heapStart;
    mem.ensure(this.heapStart);
    this.footer(this.heapStart, GRANULE, 1); // sentinel: the chunk before the first is "in use"
    const s = spare;
    if (s !== null && s.freeStart.length >= mem.size >>> GRANULE_SHIFT && s.freeStart.length <= mem.limit >>> GRANULE_SHIFT) {
      spare = null;
      this.freeStart = s.freeStart;
      this.chunkOf = s.chunkOf;
      this.hidden = s.hidden;
      this.boxQ = s.boxQ;
    } else this.freeStart = new Uint8Array(mem.size >>> GRANULE_SHIFT);
    for (let i = 0; i < NBINS; i++) this.bins.push([]);
    this.qIds = new Int32Array(Math.max(0, opts.quarantine ?? 4096));
    this.qMaxBytes = opts.quarantineBytes ?? Math.floor(mem.limit / 4);
    this.systemIdx = mem.blocks.allocatorIndex('system');
  }

  /** The run is over: zero the arrays and keep them for the next allocator (with Memory.release). */
  recycle(): void {
    if (spare !== null && spare.freeStart.length >= this.freeStart.length) return;
    this.freeStart.fill(0);
    this.chunkOf.fill(0);
    this.hidden.fill(0);
    spare = { freeStart: this.freeStart, chunkOf: this.chunkOf, hidden: this.hidden, boxQ: this.boxQ };
  }

  // ---- the Allocator interface ----
  allocate(size: number, align: number, site: number, task: number): number {
    return this.alloc(size, align, site, task);
  }
  deallocate(addr: number, _size: number, _align: number, site: number, task: number): void {
    this.free(addr, site, task);
  }

  /** A live heap block of `size` bytes aligned to `align` (power of two <= 4096). */
  alloc(size: number, align: number, site: number, task: number): number {
    const addr = this.allocBlock(size, align, this.systemIdx, site, task);
    const st = this.stats;
    st.allocs++;
    st.liveBytes += size;
    st.liveBlocks++;
    if (st.liveBytes > st.peakBytes) st.peakBytes = st.liveBytes;
    if (this.onAlloc) this.onAlloc(addr, size, align, site, task);
    return addr;
  }

  free(addr: number, site: number, task: number): void {
    if (addr === 0) return;
    const id = this.userBlock(addr, site, 'free');
    const size = this.mem.blocks.size[id];
    this.freeBlock(id, site, task);
    const st = this.stats;
    st.frees++;
    st.liveBytes -= size;
    st.liveBlocks--;
    if (this.onFree) this.onFree(addr, size, site, task);
  }

  /** `copy` false: a runtime-owned buffer (reallocOwned), whose contents live in JS. */
  realloc(addr: number, newSize: number, site: number, task: number, copy = true): number {
    if (addr === 0) return this.alloc(newSize, 16, site, task);
    const id = this.userBlock(addr, site, 'realloc');
    const b = this.mem.blocks;
    const oldSize = b.size[id];
    const align = b.align[id];
    if (!(newSize >= 0) || !Number.isInteger(newSize)) {
      const f = new VexFault('invalid-arg', `invalid allocation size ${newSize}`, true);
      f.accessSite = site;
      throw f;
    }
    if (newSize > this.mem.limit) throw oomFault(newSize);
    const need = chunkFor(newSize);
    let to = addr;
    const oldChunk = this.chunkOf[id];
    if (need <= oldChunk || this.growInPlace(id, addr, need)) {
      // In place: shrink gives the tail back; grow took the free neighbour / the wilderness.
      const extra = oldChunk - need;
      if (extra > 0) {
        this.chunkOf[id] = need;
        this.footer(addr + need, need, 1);
        this.addFree(addr + need, extra);
      }
      this.mem.resizeBlock(id, newSize, Math.max(oldChunk, need) - GRANULE);
    } else {
      to = this.allocBlock(newSize, align, b.allocator[id], site, task);
      if (copy) this.mem.copy(to, addr, Math.min(oldSize, newSize));
      this.freeBlock(id, site, task);
    }
    const st = this.stats;
    st.reallocs++;
    st.allocs++;
    st.frees++;
    st.liveBytes += newSize - oldSize;
    if (st.liveBytes > st.peakBytes) st.peakBytes = st.liveBytes;
    if (this.onRealloc) this.onRealloc(addr, to, oldSize, newSize, site, task);
    return to;
  }

  /**
   * Runtime-managed buffers (Vec/String/Box/Gc storage, whose contents live in JS): a user-visible
   * block like alloc() but without argument validation (sizes come from the runtime), and freed
   * without quarantine (nothing in simulated memory can still point at the contents).
   */
  allocOwned(size: number, align: number, site: number, task: number): number {
    const cs = chunkFor(size);
    const al = align < GRANULE ? GRANULE : align;
    let id = cs <= QUICK_MAX && al === GRANULE ? this.takeQuick(cs) : 0;
    let a: number;
    if (id !== 0) {
      this.mem.reviveBlock(id, size, align, this.systemIdx, site, task);
      a = this.mem.blocks.start[id];
    } else {
      a = this.carve(cs, al, size);
      id = this.mem.registerBlock(a, size, align, KIND_HEAP, this.systemIdx, site, task);
      if (id >= this.chunkOf.length) this.growIds(id);
    }
    this.chunkOf[id] = cs;
    this.hidden[id] = 0;
    this.classCounts[binOf(cs)]++;
    const st = this.stats;
    st.allocs++;
    st.liveBytes += size;
    st.liveBlocks++;
    if (st.liveBytes > st.peakBytes) st.peakBytes = st.liveBytes;
    this.lastId = id;
    return a;
  }
  /** Block id of the last allocOwned (lets a buffer free by id, without a shadow lookup). */
  lastId = 0;
  /**
   * allocOwned then freeOwnedId of the same block (a temporary String's buffer); returns its
   * address. When the chunk's quick list has a record, that pair pops it, revives it and pushes
   * it back freed: the net change is written here directly — the record's new size, align and
   * sites, its granules marked freed, the stats — leaving the lists, the free-start flags and the
   * quick bytes as they were (strbuild: the pair was a quarter of an f-string push).
   */
  tmpOwned(size: number, align: number, site: number, task: number): number {
    const cs = chunkFor(size);
    const q = cs <= QUICK_MAX && align <= GRANULE ? this.quick[cs >>> GRANULE_SHIFT] : null;
    if (q === null || q.length === 0) {
      const a = this.allocOwned(size, align, site, task);
      this.freeOwnedId(this.lastId, a, size, site, task);
      return a;
    }
    const id = q[q.length - 1];
    const mem = this.mem;
    const b = mem.blocks;
    b.size[id] = size;
    b.align[id] = align;
    b.allocator[id] = this.systemIdx;
    b.allocSite[id] = site;
    b.allocTask[id] = task;
    b.freeSite[id] = site;
    b.freeTask[id] = task;
    const a = b.start[id];
    const g0 = a >>> GRANULE_SHIFT;
    const g1 = (a + Math.max(size, 1) + GRANULE - 1) >>> GRANULE_SHIFT;
    const sh = mem.shadow;
    for (let g = g0; g < g1; g++) sh[g] = -id;
    // (the access caches name live blocks only: markFreed cleared them of this one)
    this.hidden[id] = 0;
    this.classCounts[binOf(cs)]++;
    const st = this.stats;
    st.allocs++;
    st.frees++;
    if (st.liveBytes + size > st.peakBytes) st.peakBytes = st.liveBytes + size;
    this.lastId = id;
    return a;
  }
  /** freeOwned for a block whose id the caller kept from allocOwned (`lastId`). */
  freeOwnedId(id: number, addr: number, size: number, site: number, task: number): void {
    const b = this.mem.blocks;
    if (b.start[id] !== addr || b.state[id] !== STATE_LIVE || b.kind[id] !== KIND_HEAP) {
      this.freeOwned(addr, size, site, task); // stale id: the usual checks report it
      return;
    }
    this.releaseOwned(id, size, site, task);
  }
  // Box blocks: a million a run in bench/bintree. takeBox/dropBox are the hot paths, kept small so
  // that they inline into the generated code's callers (V8 inlines by bytecode size, under a budget
  // per function); they answer 0/false where the cold paths below must serve.
  /** A Box block from boxQ (a record freeBox left: size, align, allocator, kind, chunk and hidden
   *  are already a Box's; freeSite/freeTask are read only while it is freed), or 0. */
  takeBox(site: number, task: number): number {
    if (this.boxQLen === 0) return 0;
    const id = this.boxQ[--this.boxQLen];
    const b = this.mem.blocks;
    const a = b.start[id];
    b.state[id] = STATE_LIVE;
    b.allocSite[id] = site;
    b.allocTask[id] = task;
    this.mem.shadow[a >>> GRANULE_SHIFT] = id; // 8 bytes: one granule
    const net = ++this.boxIn - this.boxOut;
    if (net > this.boxHigh) this.boxHigh = net;
    return a;
  }
  /** allocOwned(8, 8) for a Box: takeBox, else a 32-byte quick-list record made a Box's (then
   *  taken as takeBox takes it), else a new chunk. */
  allocBox(site: number, task: number): number {
    const a = this.takeBox(site, task);
    if (a !== 0) {
      this.lastId = this.mem.shadow[a >>> GRANULE_SHIFT]; // (takeBox leaves lastId alone)
      return a;
    }
    const q = this.quick[BOX_CHUNK >>> GRANULE_SHIFT];
    if (q.length === 0) return this.freeChunkBytes < BOX_CHUNK ? this.boxFromTop(site, task) : this.allocOwned(8, 8, site, task);
    const b = this.mem.blocks;
    const id = q.pop()!;
    this.freeStart[b.start[id] >>> GRANULE_SHIFT] = 0;
    this.quickBytes -= BOX_CHUNK;
    b.size[id] = 8;
    b.align[id] = 8;
    b.allocator[id] = this.systemIdx;
    b.freeSite[id] = -1;
    b.freeTask[id] = -1;
    this.hidden[id] = 0;
    this.boxQ[this.boxQLen++] = id; // (boxQ was empty: there is room)
    this.lastId = id;
    return this.takeBox(site, task);
  }
  /** allocOwned(8, 8) when no freed chunk can hold a Box (nothing quick, too few free bytes; a
   *  fresh heap: every Box of a first tree): the same chunk off the top and the same record as
   *  carve() and registerBlock() make, without the general path's steps. */
  private boxFromTop(site: number, task: number): number {
    const a = this.fromTop(BOX_CHUNK, GRANULE);
    if (a < 0) return this.allocOwned(8, 8, site, task); // the wilderness is used up: flush, retry or report
    const mem = this.mem;
    const id = mem.blocks.create(a, 8, 8, KIND_HEAP, this.systemIdx, site, task);
    mem.shadow[a >>> GRANULE_SHIFT] = id; // (a is granule-aligned: 8 bytes, one granule)
    if (id >= this.chunkOf.length) this.growIds(id);
    this.chunkOf[id] = BOX_CHUNK;
    this.hidden[id] = 0;
    const net = ++this.boxIn - this.boxOut;
    if (net > this.boxHigh) this.boxHigh = net;
    this.lastId = id;
    return a;
  }
  /**
   * Frees the live Box block starting at addr, found by its granule's shadow entry, into boxQ; false
   * (nothing done) when addr is not one. A live 8-byte heap block owns exactly one granule, so
   * when addr is granule-aligned that block starts at addr, and its chunk is 32 (alloc and
   * in-place realloc keep chunk = chunkFor(size)): it may enter boxQ.
   */
  dropBox(addr: number, site: number, task: number): boolean {
    const id = this.mem.shadow[addr >>> GRANULE_SHIFT];
    const b = this.mem.blocks;
    if ((addr & (GRANULE - 1)) !== 0 || !(id > 0) || b.state[id] !== STATE_LIVE || b.kind[id] !== KIND_HEAP || b.size[id] !== 8) return false;
    this.freeBoxRecord(id, addr, site, task);
    return true;
  }
  /** freeBox of the block starting at addr: dropBox, else the usual checks report what it is. */
  freeBoxAt(addr: number, site: number, task: number): void {
    if (!this.dropBox(addr, site, task)) this.freeOwned(addr, 8, site, task);
  }
  /** freeOwnedId(id, addr, 8) for a Box: markFreed + release inlined (the record goes to boxQ). */
  freeBox(id: number, addr: number, site: number, task: number): void {
    const b = this.mem.blocks;
    // boxQ's records are revived without rewriting size, align or chunk: only a Box's may enter
    if (b.state[id] !== STATE_LIVE || b.start[id] !== addr || b.size[id] !== 8 || this.chunkOf[id] !== BOX_CHUNK) {
      this.freeOwnedId(id, addr, 8, site, task);
      return;
    }
    this.freeBoxRecord(id, addr, site, task);
  }
  private freeBoxRecord(id: number, addr: number, site: number, task: number): void {
    const mem = this.mem;
    const b = mem.blocks;
    b.state[id] = STATE_FREED;
    b.freeSite[id] = site;
    b.freeTask[id] = task;
    const g = addr >>> GRANULE_SHIFT;
    mem.shadow[g] = -id;
    mem.forgetAccess(id);
    if (this.boxQLen === this.boxQ.length) this.growBoxQ();
    this.boxQ[this.boxQLen++] = id;
    this.boxOut++;
  }
  /** The common end of freeOwned/freeOwnedId: mark the block freed, return its chunk, count it. */
  private releaseOwned(id: number, size: number, site: number, task: number): void {
    this.mem.markFreed(id, site, task);
    this.release(id);
    const st = this.stats;
    st.frees++;
    st.liveBytes -= size;
    st.liveBlocks--;
  }
  freeOwned(addr: number, size: number, site: number, task: number): void {
    const id = this.mem.blockStartingAt(addr);
    if (id === 0 || this.mem.blocks.state[id] !== STATE_LIVE) {
      this.free(addr, site, task); // not what we handed out: report it the usual way
      return;
    }
    this.releaseOwned(id, size, site, task);
  }

  /** Requested size of the live block starting at addr. */
  blockSize(addr: number): number {
    const id = this.mem.blockStartingAt(addr);
    if (id === 0 || this.mem.blocks.state[id] !== STATE_LIVE) {
      const f = new VexFault('invalid-arg', `no live heap block starts at ${hex(addr)}`, false);
      f.addr = addr;
      throw f;
    }
    return this.mem.blocks.size[id];
  }

  /** A registered block owned by the runtime itself (e.g. qsort's buffer): no stats, no hooks. */
  allocHidden(size: number, align: number, allocator: string, site: number, task: number): number {
    const a = this.allocBlock(size, align, this.mem.blocks.allocatorIndex(allocator), site, task);
    this.hidden[this.mem.blockStartingAt(a)] = 1;
    return a;
  }
  freeHidden(addr: number, site: number, task: number): void {
    this.freeBlock(this.liveHeapBlock(addr, site, 'free'), site, task);
  }

  /** Charges `size` bytes of host-side state to the heap limit (released by releaseHost). */
  chargeHost(size: number): void {
    if (this.top + this.hostBytes + size > this.mem.limit) throw oomFault(size);
    this.hostBytes += size;
  }
  releaseHost(size: number): void {
    this.hostBytes = Math.max(0, this.hostBytes - size);
  }

  /** Raw unregistered space (stack chunks): accesses inside are faults until blocks are registered. */
  allocChunk(size: number, align: number): number {
    if (size > this.mem.limit) throw oomFault(size);
    const cs = chunkFor(size);
    const a = this.carve(cs, Math.max(align, GRANULE), size);
    this.rawChunks.set(a, cs);
    return a;
  }
  freeChunk(addr: number): void {
    const cs = this.rawChunks.get(addr);
    if (cs === undefined) return;
    this.rawChunks.delete(addr);
    this.mem.shadow.fill(0, addr >>> GRANULE_SHIFT, (addr + cs) >>> GRANULE_SHIFT);
    this.addFree(addr, cs);
  }

  /** Allocation counts per size class: `maxSize` is the largest chunk size of the class. */
  sizeClasses(): { maxSize: number; count: number }[] {
    const out: { maxSize: number; count: number }[] = [];
    for (let i = 0; i < NBINS; i++) {
      if (this.classCounts[i] === 0) continue;
      const maxSize = i < EXACT_BINS ? (i + 1) * 16 : classUpper(i);
      out.push({ maxSize, count: this.classCounts[i] });
    }
    return out;
  }

  /** Live heap blocks (for the leak report and the Memory panel), in address order. */
  liveBlocks(includeHidden = false): { addr: number; size: number; align: number; allocator: string; site: number; task: number }[] {
    const b = this.mem.blocks;
    const out: { addr: number; size: number; align: number; allocator: string; site: number; task: number }[] = [];
    for (let id = 1; id < b.start.length; id++) {
      if (b.state[id] !== STATE_LIVE || b.kind[id] !== KIND_HEAP) continue;
      if (!includeHidden && this.hidden[id] === 1) continue;
      out.push({ addr: b.start[id], size: b.size[id], align: b.align[id], allocator: b.allocatorNames[b.allocator[id]], site: b.allocSite[id], task: b.allocTask[id] });
    }
    return out.sort((x, y) => x.addr - y.addr);
  }

  /**
   * The heap as consecutive chunks from heapStart to top (at most `max`), for the Memory panel:
   * 'live' (a block; size = chunk bytes incl. redzone), 'quarantined' (freed, not yet reusable),
   * 'free', 'runtime' (stack chunks).
   */
  segments(max = 10_000): { start: number; size: number; state: 'live' | 'quarantined' | 'free' | 'runtime'; block: number }[] {
    const out: { start: number; size: number; state: 'live' | 'quarantined' | 'free' | 'runtime'; block: number }[] = [];
    const mem = this.mem;
    const boxQ = new Set(this.boxQ.subarray(0, this.boxQLen));
    let a = this.heapStart;
    while (a < this.top && out.length < max) {
      let size: number;
      let state: 'live' | 'quarantined' | 'free' | 'runtime';
      let block = 0;
      const raw = this.rawChunks.get(a);
      const flag = this.freeStart[a >>> GRANULE_SHIFT];
      if (flag !== 0) {
        size = flag === 1 ? mem.dv.getUint32(a, true) : (flag - 1) << GRANULE_SHIFT;
        state = 'free';
      } else if (raw !== undefined) {
        size = raw;
        state = 'runtime';
      } else {
        const s = mem.shadow[a >>> GRANULE_SHIFT];
        block = s < 0 ? -s : s;
        if (block === 0 || mem.blocks.start[block] !== a) break; // not a chunk boundary: stop
        size = this.chunkOf[block];
        state = s > 0 ? 'live' : 'quarantined';
        if (s < 0 && boxQ.has(block)) { state = 'free'; block = 0; } // (as a quick chunk shows)
      }
      if (!(size > 0)) break;
      out.push({ start: a, size, state, block });
      a += size;
    }
    return out;
  }

  private growBoxQ(): void {
    const n = new Int32Array(this.boxQ.length * 2);
    n.set(this.boxQ);
    this.boxQ = n;
  }

  /** Frees every quarantined block for real (called before reporting out-of-memory). */
  flushQuarantine(): void {
    while (this.qCount > 0) this.evictOne();
    for (let k = -1; k < this.quick.length; k++) {
      const q = k < 0 ? null : this.quick[k];
      const cs = k < 0 ? BOX_CHUNK : k << GRANULE_SHIFT;
      while (q === null ? this.boxQLen !== 0 : q.length !== 0) {
        const id = q === null ? this.boxQ[--this.boxQLen] : q.pop()!;
        const a = this.mem.blocks.start[id];
        if (q !== null) {
          this.freeStart[a >>> GRANULE_SHIFT] = 0;
          this.quickBytes -= cs;
        }
        this.mem.retireBlock(id);
        this.addFree(a, cs);
      }
    }
  }

  /** Bytes in free chunks plus the wilderness (for tests and the Memory panel). */
  freeBytes(): number {
    return this.mem.limit - this.hostBytes - this.top + this.freeChunkBytes + this.quickBytes + BOX_CHUNK * this.boxQLen;
  }

  // ---- internals ----
  /** A live heap block the program may free: runtime-owned (allocHidden) blocks are refused. */
  private userBlock(addr: number, site: number, op: string): number {
    const id = this.liveHeapBlock(addr, site, op);
    if (this.hidden[id] === 1) {
      const mem = this.mem;
      const who = mem.blocks.allocatorNames[mem.blocks.allocator[id]];
      throw mem.blockFault('invalid-free', `${op} of ${hex(addr)}, which is not a heap allocation (runtime-owned ${who} memory)`, id, addr, 0, site);
    }
    return id;
  }

  private liveHeapBlock(addr: number, site: number, op: string): number {
    const mem = this.mem;
    const id = mem.blockStartingAt(addr);
    const b = mem.blocks;
    if (id !== 0 && b.kind[id] === KIND_HEAP && b.state[id] === STATE_FREED) {
      const what = op === 'free' ? 'double free' : 'realloc of freed pointer';
      throw mem.blockFault('double-free', `${what} of ${hex(addr)} (${mem.describe(id).replace(', heap)', ')')})`, id, addr, 0, site);
    }
    if (id === 0 || b.kind[id] !== KIND_HEAP || b.state[id] !== STATE_LIVE) {
      const inside = mem.blockAt(addr);
      if (inside > 0) {
        const kind = b.kind[inside] === KIND_HEAP ? 'is not the start of a heap block' : 'is not a heap block';
        throw mem.blockFault('invalid-free', `${op} of ${hex(addr)}, which ${kind}: it points into ${mem.describe(inside)}`, inside, addr, 0, site);
      }
      const f = new VexFault('invalid-free', `${op} of ${hex(addr)}, which is not a heap block`, false);
      f.addr = addr;
      f.accessSite = site;
      throw f;
    }
    return id;
  }

  private allocBlock(size: number, align: number, allocIdx: number, site: number, task: number): number {
    if (!isPowerOfTwo(align) || align > 4096) {
      const f = new VexFault('invalid-arg', `invalid alignment ${align}: must be a power of two <= 4096`, true);
      f.size = size;
      f.accessSite = site;
      throw f;
    }
    if (!(size >= 0) || !Number.isInteger(size)) {
      const f = new VexFault('invalid-arg', `invalid allocation size ${size}`, true);
      f.accessSite = site;
      throw f;
    }
    if (size > this.mem.limit) throw oomFault(size);
    const cs = chunkFor(size);
    const al = align < GRANULE ? GRANULE : align;
    let id = cs <= QUICK_MAX && al === GRANULE ? this.takeQuick(cs) : 0;
    let a: number;
    if (id !== 0) {
      this.mem.reviveBlock(id, size, align, allocIdx, site, task);
      a = this.mem.blocks.start[id];
    } else {
      a = this.carve(cs, al, size);
      id = this.mem.registerBlock(a, size, align, KIND_HEAP, allocIdx, site, task);
      if (id >= this.chunkOf.length) this.growIds(id);
    }
    this.chunkOf[id] = cs;
    this.hidden[id] = 0;
    this.classCounts[binOf(cs)]++;
    return a;
  }

  private growIds(id: number): void {
    const n = new Int32Array(Math.max(this.chunkOf.length * 2, id + 1));
    n.set(this.chunkOf);
    this.chunkOf = n;
    const h = new Uint8Array(n.length);
    h.set(this.hidden);
    this.hidden = h;
  }

  /** A quick-listed (freed, still registered) block of chunk size cs, or 0. */
  private takeQuick(cs: number): number {
    const q = this.quick[cs >>> GRANULE_SHIFT];
    let id: number;
    if (q.length !== 0) id = q.pop()!;
    else if (cs === BOX_CHUNK && this.boxQLen !== 0) return this.boxQ[--this.boxQLen]; // (the caller revives the whole record)
    else return 0;
    this.freeStart[this.mem.blocks.start[id] >>> GRANULE_SHIFT] = 0;
    this.quickBytes -= cs;
    return id;
  }

  /** Finds (or makes) `cs` bytes aligned to `align`; OOM fault names `size` (the request). */
  private carve(cs: number, align: number, size: number): number {
    let a = this.takeFree(cs, align);
    if (a < 0) a = this.fromTop(cs, align);
    if (a < 0 && (this.qCount > 0 || this.quickBytes > 0 || this.boxQLen > 0)) {
      this.flushQuarantine();
      a = this.takeFree(cs, align);
      if (a < 0) a = this.fromTop(cs, align);
    }
    if (a < 0) throw oomFault(size);
    return a;
  }

  /** Writes the footer {size, inUse} in the last 8 bytes of the chunk ending at `end`. */
  private footer(end: number, size: number, inUse: number): void {
    const dv = this.mem.dv;
    dv.setUint32(end - 8, size, true);
    dv.setUint32(end - 4, inUse, true);
  }

  private growFlags(): void {
    const g = this.mem.size >>> GRANULE_SHIFT;
    if (g > this.freeStart.length) {
      const n = new Uint8Array(g);
      n.set(this.freeStart);
      this.freeStart = n;
    }
  }

  private fromTop(cs: number, align: number): number {
    const start = Math.ceil(this.top / align) * align;
    const end = start + cs;
    if (end > this.mem.limit - this.hostBytes || !this.mem.ensure(end)) return -1;
    this.growFlags();
    const gap = start - this.top;
    const oldTop = this.top;
    this.top = end;
    this.footer(end, cs, 1);
    if (gap > 0) this.addFree(oldTop, gap);
    return start;
  }

  private takeFree(cs: number, align: number): number {
    const need = align <= GRANULE ? cs : cs + align - GRANULE;
    if (this.freeChunkBytes < need) return -1; // nothing free can hold it (a fresh heap: always)
    let bi = binOf(need);
    const flags = this.freeStart;
    const dv = this.mem.dv;
    while (bi >= 0) {
      const bin = this.bins[bi];
      for (let i = bin.length - 1; i >= 0; i--) {
        const s = bin[i];
        const size = flags[s >>> GRANULE_SHIFT] === 1 ? dv.getUint32(s, true) : 0;
        if (size === 0 || binOf(size) !== bi) {
          // Stale entry: drop it (swap with last).
          bin[i] = bin[bin.length - 1];
          bin.pop();
          continue;
        }
        if (size < need) continue;
        bin[i] = bin[bin.length - 1];
        bin.pop();
        if (bin.length === 0) this.nonEmpty[bi >>> 5] &= ~(1 << (bi & 31));
        this.removeFree(s, size);
        const start = align <= GRANULE ? s : Math.ceil(s / align) * align;
        this.footer(start + cs, cs, 1);
        if (start > s) this.addFree(s, start - s);
        const tail = s + size - (start + cs);
        if (tail > 0) this.addFree(start + cs, tail);
        return start;
      }
      if (bin.length === 0) this.nonEmpty[bi >>> 5] &= ~(1 << (bi & 31));
      bi = this.nextBin(bi + 1);
    }
    return -1;
  }

  private nextBin(from: number): number {
    const words = this.nonEmpty;
    let w = from >>> 5;
    if (w >= words.length) return -1;
    let bits = words[w] & (~0 << (from & 31));
    for (;;) {
      if (bits !== 0) return (w << 5) + (31 - Math.clz32(bits & -bits));
      if (++w >= words.length) return -1;
      bits = words[w];
    }
  }

  private removeFree(s: number, size: number): void {
    this.freeStart[s >>> GRANULE_SHIFT] = 0;
    this.freeChunkBytes -= size;
  }

  /** Returns [s, s+size) to the free structures, coalescing with free neighbours. */
  private addFree(s: number, size: number): void {
    const dv = this.mem.dv;
    // Previous chunk: its footer sits just below s (the sentinel guards the first chunk).
    if (dv.getUint32(s - 4, true) === 0) {
      const psize = dv.getUint32(s - 8, true);
      this.removeFree(s - psize, psize);
      s -= psize;
      size += psize;
    }
    const e = s + size;
    if (e === this.top) {
      this.top = s;
      return;
    }
    if (this.freeStart[e >>> GRANULE_SHIFT] === 1) {
      const nsize = dv.getUint32(e, true);
      this.removeFree(e, nsize);
      size += nsize;
      if (s + size === this.top) {
        this.top = s;
        return;
      }
    }
    dv.setUint32(s, size, true);
    this.footer(s + size, size, 0);
    this.freeStart[s >>> GRANULE_SHIFT] = 1;
    this.freeChunkBytes += size;
    const bi = binOf(size);
    this.bins[bi].push(s);
    this.nonEmpty[bi >>> 5] |= 1 << (bi & 31);
  }

  private growInPlace(id: number, addr: number, need: number): boolean {
    const cur = this.chunkOf[id];
    const end = addr + cur;
    const extra = need - cur;
    if (end === this.top) {
      if (addr + need > this.mem.limit - this.hostBytes || !this.mem.ensure(addr + need)) return false;
      this.growFlags();
      this.top = addr + need;
      this.chunkOf[id] = need;
      this.footer(addr + need, need, 1);
      return true;
    }
    if (this.freeStart[end >>> GRANULE_SHIFT] !== 1) return false;
    const next = this.mem.dv.getUint32(end, true);
    if (next < extra) return false;
    this.removeFree(end, next);
    this.chunkOf[id] = need;
    this.footer(addr + need, need, 1);
    if (next > extra) this.addFree(end + extra, next - extra);
    return true;
  }

  private freeBlock(id: number, site: number, task: number): void {
    this.mem.markFreed(id, site, task);
    const cap = this.qIds.length;
    if (cap === 0) {
      this.release(id);
      return;
    }
    if (this.qCount === cap) this.evictOne();
    let slot = this.qHead + this.qCount;
    if (slot >= cap) slot -= cap;
    this.qIds[slot] = id;
    this.qCount++;
    this.qBytes += this.chunkOf[id];
    while (this.qBytes > this.qMaxBytes && this.qCount > 0) this.evictOne();
  }

  private evictOne(): void {
    const id = this.qIds[this.qHead];
    if (++this.qHead === this.qIds.length) this.qHead = 0;
    this.qCount--;
    this.qBytes -= this.chunkOf[id];
    this.release(id);
  }

  private release(id: number): void {
    const a = this.mem.blocks.start[id];
    const cs = this.chunkOf[id];
    if (cs <= QUICK_MAX) {
      // stays registered as freed (use-after-free is still reported) until reused or flushed
      this.freeStart[a >>> GRANULE_SHIFT] = 1 + (cs >>> GRANULE_SHIFT);
      this.quick[cs >>> GRANULE_SHIFT].push(id);
      this.quickBytes += cs;
      return;
    }
    this.mem.retireBlock(id);
    this.addFree(a, cs);
  }
}

/** Data granules plus one redzone granule (shadow 0), so overruns into a neighbour are caught. */
function chunkFor(size: number): number {
  return (size <= GRANULE ? GRANULE : (size + GRANULE - 1) & ~(GRANULE - 1)) + GRANULE;
}

function classUpper(bin: number): number {
  const k = 10 + ((bin - EXACT_BINS) >> 2);
  const sub = (bin - EXACT_BINS) & 3;
  return (1 << k) + ((sub + 1) << (k - 2));
}

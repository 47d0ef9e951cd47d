// The heap events a run keeps for RunResult.trace (alloc, free, realloc), recorded as numbers while
// the program runs and turned into TraceEvent objects once, when the run ends.
// Why: a tree-building program keeps ~10^5 of them; as objects they survive every young-generation
// GC of the run and cost it ~10% of its time (bench/bintree). A live listener (`onEvent`) still
// gets objects at once: this log serves only the kept trace.
import type { SourceLoc, TraceEvent } from '../api';

const ALLOC = 0;
const FREE = 1;
const REALLOC = 2;
/** A system Box block's alloc / free (8 bytes, align 8, 'system'): only its address is written. */
const BOX_ALLOC = 3;
const BOX_FREE = 4;

/** Events per chunk: the log grows by chunks of 8,192 events (one 376 KiB buffer) instead of
 *  doubling one set of arrays — no copying, and arrays this size come back from the host's
 *  allocator cheaply where large fresh ones cost a page fault every 4 KiB (bench/bintree: the
 *  doubling to 100,000 events was ~10% of a run). */
const CHUNK = 8192;

/** One chunk's columns, views into one buffer (one host allocation per chunk, not nine). */
class Chunk {
  // alloc: addr, size, align; free: addr, size; realloc: from, to, oldSize, size (doubles: a Vex
  // Allocator may hand out any address)
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly c: Float64Array;
  readonly d: Float64Array;
  readonly site: Int32Array;
  readonly task: Int32Array;
  /** trace.length when the event happened: the event goes right before that entry. */
  readonly pos: Int32Array;
  readonly allocator: Uint16Array;
  readonly kind: Uint8Array;
  constructor() {
    const buf = new ArrayBuffer(CHUNK * (4 * 8 + 3 * 4 + 2 + 1));
    let o = 0;
    const f64 = () => { const x = new Float64Array(buf, o, CHUNK); o += 8 * CHUNK; return x; };
    const i32 = () => { const x = new Int32Array(buf, o, CHUNK); o += 4 * CHUNK; return x; };
    this.a = f64(); this.b = f64(); this.c = f64(); this.d = f64();
    this.site = i32(); this.task = i32(); this.pos = i32();
    this.allocator = new Uint16Array(buf, o, CHUNK);
    this.kind = new Uint8Array(buf, o + 2 * CHUNK, CHUNK);
  }
}

export class HeapLog {
  count = 0;
  private readonly chunks: Chunk[] = [];
  private cur: Chunk | null = null;
  private j = CHUNK; // next index in cur
  private readonly names: string[] = [];

  alloc(pos: number, addr: number, size: number, align: number, allocator: string, site: number, task: number): void {
    const i = this.slot(ALLOC, pos, site, task);
    const c = this.cur!;
    c.a[i] = addr; c.b[i] = size; c.c[i] = align;
    c.allocator[i] = this.nameIndex(allocator);
  }
  free(pos: number, addr: number, size: number, allocator: string, site: number, task: number): void {
    const i = this.slot(FREE, pos, site, task);
    const c = this.cur!;
    c.a[i] = addr; c.b[i] = size;
    c.allocator[i] = this.nameIndex(allocator);
  }
  /** alloc(pos, addr, 8, 8, 'system', …) (freed 0) or free(pos, addr, 8, 'system', …) (freed 1),
   *  writing two columns fewer (the first 100,000 of bench/bintree's Box events are kept). */
  box(pos: number, freed: 0 | 1, addr: number, site: number, task: number): void {
    const i = this.slot(freed === 0 ? BOX_ALLOC : BOX_FREE, pos, site, task);
    this.cur!.a[i] = addr;
  }
  realloc(pos: number, from: number, to: number, oldSize: number, size: number, site: number, task: number): void {
    const i = this.slot(REALLOC, pos, site, task);
    const c = this.cur!;
    c.a[i] = from; c.b[i] = to; c.c[i] = oldSize; c.d[i] = size;
  }

  /** The trace with the logged events in their places (a new array; `trace` is not changed). */
  mergeInto(trace: readonly TraceEvent[], loc: (site: number) => SourceLoc | null): TraceEvent[] {
    if (this.count === 0) return trace as TraceEvent[];
    const out: TraceEvent[] = [];
    let j = 0;
    for (let i = 0; i < this.count; i++) {
      const c = this.chunks[Math.floor(i / CHUNK)], k = i % CHUNK;
      const p = c.pos[k];
      while (j < p) out.push(trace[j++]);
      out.push(this.event(c, k, loc));
    }
    while (j < trace.length) out.push(trace[j++]);
    return out;
  }

  private event(c: Chunk, i: number, loc: (site: number) => SourceLoc | null): TraceEvent {
    const site = loc(c.site[i]);
    const task = c.task[i];
    switch (c.kind[i]) {
      case ALLOC: return { t: 'alloc', addr: c.a[i], size: c.b[i], align: c.c[i], allocator: this.names[c.allocator[i]], site, task };
      case FREE: return { t: 'free', addr: c.a[i], size: c.b[i], allocator: this.names[c.allocator[i]], site, task };
      case BOX_ALLOC: return { t: 'alloc', addr: c.a[i], size: 8, align: 8, allocator: 'system', site, task };
      case BOX_FREE: return { t: 'free', addr: c.a[i], size: 8, allocator: 'system', site, task };
      default: return { t: 'realloc', from: c.a[i], to: c.b[i], oldSize: c.c[i], size: c.d[i], site, task };
    }
  }

  private slot(kind: number, pos: number, site: number, task: number): number {
    if (this.j === CHUNK) {
      this.cur = new Chunk();
      this.chunks.push(this.cur);
      this.j = 0;
    }
    const c = this.cur!;
    const i = this.j++;
    this.count++;
    c.kind[i] = kind;
    c.pos[i] = pos;
    c.site[i] = site;
    c.task[i] = task;
    return i;
  }

  private nameIndex(name: string): number {
    // one or two allocators in practice: the last one used is checked first
    const n = this.names;
    for (let k = n.length - 1; k >= 0; k--) if (n[k] === name) return k;
    n.push(name);
    return n.length - 1;
  }
}

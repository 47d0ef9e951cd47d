// The heap events a run keeps for RunResult.trace (alloc, free, realloc), recorded as numbers while
// the program runs and turned into TraceEvent objects once, when the run ends.
// Why: a tree-building program keeps ~10^5 of them; as objects they survive every young-generation
// GC of the run and cost it ~10% of its time (bench/bintree). A live listener (`onEvent`) still
// gets objects at once: this log serves only the kept trace.
import type { SourceLoc, TraceEvent } from '../api';

const ALLOC = 0;
const FREE = 1;
const REALLOC = 2;

export class HeapLog {
  count = 0;
  private cap = 0;
  private kind = new Uint8Array(0);
  // alloc: addr, size, align; free: addr, size; realloc: from, to, oldSize, size (doubles: a Vex
  // Allocator may hand out any address)
  private a = new Float64Array(0);
  private b = new Float64Array(0);
  private c = new Float64Array(0);
  private d = new Float64Array(0);
  private allocator = new Uint16Array(0);
  private site = new Int32Array(0);
  private task = new Int32Array(0);
  /** trace.length when the event happened: the event goes right before that entry. */
  private pos = new Int32Array(0);
  private readonly names: string[] = [];

  alloc(pos: number, addr: number, size: number, align: number, allocator: string, site: number, task: number): void {
    const i = this.slot(ALLOC, pos, site, task);
    this.a[i] = addr; this.b[i] = size; this.c[i] = align;
    this.allocator[i] = this.nameIndex(allocator);
  }
  free(pos: number, addr: number, size: number, allocator: string, site: number, task: number): void {
    const i = this.slot(FREE, pos, site, task);
    this.a[i] = addr; this.b[i] = size;
    this.allocator[i] = this.nameIndex(allocator);
  }
  realloc(pos: number, from: number, to: number, oldSize: number, size: number, site: number, task: number): void {
    const i = this.slot(REALLOC, pos, site, task);
    this.a[i] = from; this.b[i] = to; this.c[i] = oldSize; this.d[i] = size;
  }

  /** The trace with the logged events in their places (a new array; `trace` is not changed). */
  mergeInto(trace: readonly TraceEvent[], loc: (site: number) => SourceLoc | null): TraceEvent[] {
    if (this.count === 0) return trace as TraceEvent[];
    const out: TraceEvent[] = [];
    let j = 0;
    for (let i = 0; i < this.count; i++) {
      const p = this.pos[i];
      while (j < p) out.push(trace[j++]);
      out.push(this.event(i, loc));
    }
    while (j < trace.length) out.push(trace[j++]);
    return out;
  }

  private event(i: number, loc: (site: number) => SourceLoc | null): TraceEvent {
    const site = loc(this.site[i]);
    const task = this.task[i];
    switch (this.kind[i]) {
      case ALLOC: return { t: 'alloc', addr: this.a[i], size: this.b[i], align: this.c[i], allocator: this.names[this.allocator[i]], site, task };
      case FREE: return { t: 'free', addr: this.a[i], size: this.b[i], allocator: this.names[this.allocator[i]], site, task };
      default: return { t: 'realloc', from: this.a[i], to: this.b[i], oldSize: this.c[i], size: this.d[i], site, task };
    }
  }

  private slot(kind: number, pos: number, site: number, task: number): number {
    const i = this.count++;
    if (i === this.cap) this.grow();
    this.kind[i] = kind;
    this.pos[i] = pos;
    this.site[i] = site;
    this.task[i] = task;
    return i;
  }

  private nameIndex(name: string): number {
    // one or two allocators in practice: the last one used is checked first
    const n = this.names;
    for (let k = n.length - 1; k >= 0; k--) if (n[k] === name) return k;
    n.push(name);
    return n.length - 1;
  }

  private grow(): void {
    const cap = Math.max(1024, this.cap * 2);
    const f64 = (x: Float64Array) => { const y = new Float64Array(cap); y.set(x); return y; };
    const i32 = (x: Int32Array) => { const y = new Int32Array(cap); y.set(x); return y; };
    const u8 = (x: Uint8Array) => { const y = new Uint8Array(cap); y.set(x); return y; };
    const u16 = (x: Uint16Array) => { const y = new Uint16Array(cap); y.set(x); return y; };
    this.kind = u8(this.kind);
    this.a = f64(this.a); this.b = f64(this.b); this.c = f64(this.c); this.d = f64(this.d);
    this.allocator = u16(this.allocator);
    this.site = i32(this.site); this.task = i32(this.task); this.pos = i32(this.pos);
    this.cap = cap;
  }
}

// The optional GC of §6.16. Roots are found, not counted: every active frame (of every task,
// suspended ones included) that has locals able to hold a Gc handle registers a getter of those
// locals in `frames` on entry and removes it on exit (codegen: stmts.ts `body`). gc_collect marks
// from those getters, thread-locals, a REPL session's variables (rt.replSlots), values in blocked
// sends and awaits (Scheduler.inFlight) and everything reachable from them — through Vec, Map, Set,
// Option/Result/enums, structs, tuples, arrays, Box, other Gc objects and closures' captures
// (`$gc` on a closure value) — then frees and drops the rest, cycles included.
import type { Runtime } from './rt';
import { VGc, VVec, VMap, VSet, VBox, VBoxView, VSlice, Cell } from './collections';

type Roots = () => unknown[];

export class GcHeap {
  private all: VGc[] = [];
  /** Root getters of the active frames (a Set: tasks interleave, so entries leave in any order). */
  readonly frames = new Set<Roots>();
  private collecting = false;
  constructor(private readonly rt: Runtime) {}

  make(v: unknown, drop: ((v: unknown) => void) | null, site: number): VGc {
    const g = new VGc(v, drop, this.rt.machine.gcAlloc(site));
    this.all.push(g);
    return g;
  }
  enter(r: Roots): void { this.frames.add(r); }
  leave(r: Roots): void { this.frames.delete(r); }
  /** A closure value that captured locals able to hold Gc handles: the tracer follows `$gc`. */
  caps<F extends object>(f: F, r: Roots): F { (f as { $gc?: Roots }).$gc = r; return f; }

  collect(extraRoots: unknown[]): number {
    // a drop run by this collection that calls gc_collect again finds nothing new to do
    if (this.collecting) return 0;
    this.collecting = true;
    try {
      return this.sweep(this.mark(extraRoots));
    } finally {
      this.collecting = false;
    }
  }

  private mark(extraRoots: unknown[]): Set<VGc> {
    const marked = new Set<VGc>();
    const seen = new Set<unknown>();
    const stack: unknown[] = [...extraRoots];
    for (const r of this.frames) for (const x of r()) stack.push(x);
    const pushAll = (a: Iterable<unknown>) => { for (const y of a) stack.push(y); };
    while (stack.length) {
      const x = stack.pop();
      if (x === null || (typeof x !== 'object' && typeof x !== 'function') || seen.has(x)) continue;
      seen.add(x);
      if (typeof x === 'function') { const r = (x as { $gc?: Roots }).$gc; if (r) pushAll(r()); continue; }
      if (x instanceof VGc) { if (!x.freed) { marked.add(x); stack.push(x.v); } continue; }
      if (x instanceof VVec) { if (Array.isArray(x.b)) pushAll(x.b); continue; } // typed storage holds numbers
      if (x instanceof VMap) { for (const [k, v] of x.m) stack.push(k, v); if (x.ok) pushAll(x.ok.values()); continue; }
      if (x instanceof VSet) { pushAll(x.values()); continue; }
      if (x instanceof VBox || x instanceof VBoxView) { stack.push(x.v); continue; }
      if (x instanceof VSlice) { if (Array.isArray(x.a)) stack.push(x.a); continue; }
      if (x instanceof Cell) { stack.push(x.get()); continue; }
      if (Array.isArray(x)) { pushAll(x); continue; }
      for (const k of Object.keys(x)) stack.push((x as Record<string, unknown>)[k]);
    }
    return marked;
  }

  /** Frees the unmarked objects that existed when marking began; objects a drop allocates now
   *  are left for the next collection (a drop that allocates must not make it collect forever). */
  private sweep(marked: Set<VGc>): number {
    const before = this.all;
    const dead: VGc[] = [];
    const kept: VGc[] = [];
    for (const g of before) {
      if (g.freed) continue;
      if (marked.has(g)) kept.push(g);
      else { g.freed = true; dead.push(g); }
    }
    this.all = kept;
    // a drop that panics does not stop the others (as a value's drop glue: the panic is kept while
    // they run, so a second one aborts), then it goes on; every dead object is freed once
    let u: unknown;
    for (let i = 0; i < dead.length; i++) {
      try {
        for (; i < dead.length; i++) {
          const g = dead[i];
          if (g.addr) this.rt.machine.gcFree(g.addr);
          if (g.drop) g.drop(g.v);
        }
      } catch (e) { u = this.rt.dropFault(u, e); }
    }
    this.rt.machine.stats.gcCollected();
    if (u !== undefined) throw u;
    return dead.length;
  }
}

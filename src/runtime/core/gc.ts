// The optional GC of §6.16. Roots are found, not counted: every active frame (of every task,
// suspended ones included) that has locals able to hold a Gc handle registers a getter of those
// locals in `frames` on entry and removes it on exit (codegen: stmts.ts `body`). gc_collect marks
// from those getters, thread-locals, a REPL session's variables (rt.replSlots), values in blocked
// sends and awaits (Scheduler.inFlight) and everything reachable from them — through Vec, Map, Set,
// Option/Result/enums, structs, tuples, arrays, Box, other Gc objects and closures' captures
// (`$gc` on a closure value) — then frees and drops the rest, cycles included. A drop that stores
// a handle to an object of the same collection where the program reaches it (resurrection: Java
// keeps such an object, Go runs finalizers a cycle early) would leave it reading a dropped value:
// the collection marks again after such drops and aborts as a use-after-free if one is reached.
import type { Runtime } from './rt';
import { VexFault } from '../memory/fault';
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

  /** `site`: the gc_collect call, named when a drop resurrects a collected object. */
  collect(extraRoots: unknown[], site = -1): number {
    // a drop run by this collection that calls gc_collect again finds nothing new to do
    if (this.collecting) return 0;
    this.collecting = true;
    try {
      const { dead, panic } = this.sweep(this.mark(extraRoots).marked);
      if (dead.some((g) => g.drop)) this.noneResurrected(extraRoots, site);
      this.rt.machine.stats.gcCollected();
      if (panic !== undefined) throw panic; // (a drop's, once the collection is checked)
      return dead.length;
    } finally {
      this.collecting = false;
    }
  }

  /** After drops ran: a collected object the program reaches again is a use-after-free. */
  private noneResurrected(extraRoots: unknown[], site: number): void {
    const back = this.mark(extraRoots).reachedFreed;
    if (!back.length) return;
    const g = back[0], mem = this.rt.machine.mem;
    const msg = 'use-after-free: a drop() run by gc_collect stored a handle to an object that collection freed, where the program can still reach it';
    const id = g.addr ? mem.blockStartingAt(g.addr) : 0;
    const f = id && !mem.isLive(id) ? mem.blockFault('use-after-free', msg, id, g.addr, 16, site) : Object.assign(new VexFault('use-after-free', msg, false), { accessSite: site });
    this.rt.machine.fault(f, site);
  }

  private mark(extraRoots: unknown[]): { marked: Set<VGc>; reachedFreed: VGc[] } {
    const marked = new Set<VGc>();
    const reachedFreed: VGc[] = [];
    const seen = new Set<unknown>();
    const stack: unknown[] = [...extraRoots];
    for (const r of this.frames) for (const x of r()) stack.push(x);
    const pushAll = (a: Iterable<unknown>) => { for (const y of a) stack.push(y); };
    while (stack.length) {
      const x = stack.pop();
      if (x === null || (typeof x !== 'object' && typeof x !== 'function') || seen.has(x)) continue;
      seen.add(x);
      if (typeof x === 'function') { const r = (x as { $gc?: Roots }).$gc; if (r) pushAll(r()); continue; }
      if (x instanceof VGc) { if (!x.freed) { marked.add(x); stack.push(x.v); } else reachedFreed.push(x); continue; }
      if (x instanceof VVec) { if (Array.isArray(x.b)) pushAll(x.b); continue; } // typed storage holds numbers
      if (x instanceof VMap) { for (const [k, v] of x.m) stack.push(k, v); if (x.ok) pushAll(x.ok.values()); continue; }
      if (x instanceof VSet) { pushAll(x.values()); continue; }
      if (x instanceof VBox || x instanceof VBoxView) { stack.push(x.v); continue; }
      if (x instanceof VSlice) { if (Array.isArray(x.a)) stack.push(x.a); continue; }
      if (x instanceof Cell) { stack.push(x.get()); continue; }
      if (Array.isArray(x)) { pushAll(x); continue; }
      for (const k of Object.keys(x)) stack.push((x as Record<string, unknown>)[k]);
    }
    return { marked, reachedFreed };
  }

  /** Frees the unmarked objects that existed when marking began; objects a drop allocates now
   *  are left for the next collection (a drop that allocates must not make it collect forever). */
  private sweep(marked: Set<VGc>): { dead: VGc[]; panic: unknown } {
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
    return { dead, panic: u };
  }
}

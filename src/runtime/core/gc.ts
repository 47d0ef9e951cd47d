// The optional GC of §6.16: Gc handles are rooted by the Vex bindings that hold them (codegen
// roots on bind and unroots at scope exit); gc_collect marks from rooted handles, thread-locals
// and everything reachable from them (cycles included), then frees and drops the rest.
import type { Runtime } from './rt';
import { VGc, VVec, VMap, VSet, VBox, VBoxView, VSlice, Cell } from './collections';

export class GcHeap {
  private readonly all: VGc[] = [];
  constructor(private readonly rt: Runtime) {}

  make(v: unknown, drop: ((v: unknown) => void) | null, site: number): VGc {
    const g = new VGc(v, drop, this.rt.machine.gcAlloc(site));
    this.all.push(g);
    return g;
  }
  root<T>(g: T): T { if (g instanceof VGc) g.roots++; return g; }
  unroot(g: unknown): void { if (g instanceof VGc && g.roots > 0) g.roots--; }

  collect(extraRoots: unknown[]): number {
    const marked = new Set<VGc>();
    const seen = new Set<unknown>();
    const stack: unknown[] = [...extraRoots];
    for (const g of this.all) if (!g.freed && g.roots > 0) stack.push(g);
    while (stack.length) {
      const x = stack.pop();
      if (x === null || typeof x !== 'object' || seen.has(x)) continue;
      seen.add(x);
      if (x instanceof VGc) { if (!x.freed) { marked.add(x); stack.push(x.v); } continue; }
      if (x instanceof VVec) { stack.push(...x.a); continue; }
      if (x instanceof VMap) { for (const [k, v] of x.m) stack.push(k, v); if (x.ok) stack.push(...x.ok.values()); continue; }
      if (x instanceof VSet) { stack.push(...x.values()); continue; }
      if (x instanceof VBox || x instanceof VBoxView) { stack.push(x.v); continue; }
      if (x instanceof VSlice) { stack.push(x.a); continue; }
      if (x instanceof Cell) { stack.push(x.get()); continue; }
      if (Array.isArray(x)) { stack.push(...x); continue; }
      for (const k of Object.keys(x)) stack.push((x as Record<string, unknown>)[k]);
    }
    let n = 0;
    for (const g of this.all) {
      if (g.freed || marked.has(g)) continue;
      g.freed = true;
      n++;
      if (g.addr) this.rt.machine.gcFree(g.addr);
      if (g.drop) g.drop(g.v);
    }
    for (let i = this.all.length - 1; i >= 0; i--) if (this.all[i].freed) this.all.splice(i, 1);
    this.rt.machine.stats.gcCollected();
    return n;
  }
}

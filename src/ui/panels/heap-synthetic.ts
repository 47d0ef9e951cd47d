// A large, deterministic heap trace for benchmarks of the heap map (scripts/bench-views.ts):
// system blocks of many sizes allocated and freed in bursts, Vec-like reallocs, a Vex-written
// allocator, Gc handles, an arena filled and reset again and again, a few leaks, some output.
import type { SourceLoc, TraceEvent } from '../../runtime/api';

/** `events` trace events (start and exit included), the same for the same arguments. */
export function syntheticHeapTrace(events = 500_000, seed = 1): TraceEvent[] {
  let x = seed >>> 0 || 1;
  const rnd = () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x / 4294967296; };
  const sites: SourceLoc[] = Array.from({ length: 40 }, (_, i) => ({ file: 'main.vx', line: 10 + i, col: 5 }));
  const site = () => sites[Math.floor(rnd() * sites.length)];
  const out: TraceEvent[] = [{ t: 'start', version: 1, options: { stackSize: 1 << 20, heapLimit: 64 << 20, panic: 'unwind', fuel: 0, traceCalls: false } }];
  const live: { addr: number; size: number; allocator: string }[] = [];
  const freeBy = new Map<number, number[]>(); // freed chunks by chunk size, reused first
  let top = 0x40000;
  const ARENA_CAP = 64 * 1024;
  const arenaBase = top;
  top += ARENA_CAP + 16;
  out.push({ t: 'arena', op: 'new', base: arenaBase, capacity: ARENA_CAP, site: sites[0], task: 0 });
  let bump = 0;
  const release = (addr: number, size: number) => {
    const chunk = Math.ceil(size / 16) * 16 + 16;
    const l = freeBy.get(chunk);
    if (l) l.push(addr); else freeBy.set(chunk, [addr]);
  };
  const place = (size: number) => {
    const chunk = Math.ceil(size / 16) * 16 + 16;
    const reuse = freeBy.get(chunk);
    if (reuse && reuse.length) return reuse.pop()!;
    const a = top;
    top += chunk;
    return a;
  };
  while (out.length < events - 1) {
    const r = rnd();
    const task = rnd() < 0.9 ? 0 : 1 + Math.floor(rnd() * 3);
    if (r < 0.05) {
      out.push({ t: 'output', stream: 'stdout', text: `step ${out.length}\n` });
    } else if (r < 0.15) {
      const size = 8 + Math.floor(rnd() * 120);
      if (bump + size > ARENA_CAP) {
        out.push({ t: 'arena', op: 'reset', base: arenaBase, capacity: ARENA_CAP, site: sites[1], task });
        bump = 0;
      }
      out.push({ t: 'alloc', addr: arenaBase + bump, size, align: 8, allocator: 'arena', site: site(), task });
      bump += Math.ceil(size / 8) * 8;
    } else if (r < 0.55 || live.length < 100) {
      const size = rnd() < 0.7 ? 8 : 16 << Math.floor(rnd() * 8);
      const allocator = rnd() < 0.8 ? 'system' : rnd() < 0.5 ? 'gc' : 'Pool';
      const addr = place(size);
      live.push({ addr, size, allocator });
      out.push({ t: 'alloc', addr, size, align: 8, allocator, site: site(), task });
    } else if (r < 0.62) {
      const b = live[Math.floor(rnd() * live.length)];
      const size = b.size * 2;
      const to = place(size);
      release(b.addr, b.size);
      out.push({ t: 'realloc', from: b.addr, to, oldSize: b.size, size, site: site(), task });
      b.addr = to; b.size = size;
    } else {
      const j = Math.floor(rnd() * live.length);
      const b = live[j];
      live[j] = live[live.length - 1];
      live.pop();
      release(b.addr, b.size);
      out.push({ t: 'free', addr: b.addr, size: b.size, allocator: b.allocator, site: site(), task });
    }
  }
  out.push({ t: 'exit', outcome: { kind: 'exited', code: 0 }, steps: events });
  return out;
}

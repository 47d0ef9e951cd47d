// The checkpointed heapAt (nearest checkpoint + replay) must give exactly the heap the
// straightforward full scan gives, at any position: many random positions on a large synthetic
// trace (arenas reset again and again, reallocs, a Vex allocator, leaks) and on a real run.
import { describe, expect, it } from 'vitest';
import { execute } from '../../pipeline/execute';
import { heapAt, heapAtFull, indexHeap, syntheticHeapTrace } from './heap-model';
import { SPACING } from './heap-checkpoints';

function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x / 4294967296; };
}

describe('heap checkpoints', () => {
  it('equal the full computation at 300 random positions, checkpoint edges and the ends', () => {
    const trace = syntheticHeapTrace(120_000, 7);
    const h = indexHeap(trace);
    expect(h.evPos.length).toBeGreaterThan(10 * SPACING); // many checkpoints are crossed
    expect(h.arenas.length).toBeGreaterThan(0);
    const rnd = rng(42);
    const positions = [0, 1, trace.length - 1, trace.length];
    for (let i = 0; i < 300; i++) positions.push(Math.floor(rnd() * (trace.length + 1)));
    // right at, before and after where checkpoints fall (every SPACING heap events or more)
    for (let e = SPACING; e < h.evPos.length; e += SPACING) positions.push(h.evPos[e], h.evPos[e] + 1, h.evPos[e] + 2);
    for (const r of h.arenas[0].resets.slice(0, 20)) positions.push(r, r + 1);
    for (const p of positions) {
      const fast = heapAt(h, p, 500), full = heapAtFull(h, p, 500);
      expect(fast, `position ${p}`).toEqual(full);
    }
  });

  it('equal the full computation on a real run with an arena, frees and reallocs', () => {
    const x = execute([{ name: 'main.vx', text: `
fn main() {
    let! v: Vec<i32> = Vec.new();
    for i in 0..3000 { v.push(i); }
    let! arena = ArenaAllocator.new(4096);
    for r in 0..5 {
        set_allocator(&arena!);
        for i in 0..20 { let b = alloc(16 + i); }
        reset_allocator();
        arena.reset();
    }
    for i in 0..500 { let b = alloc(8 + i % 64); if i % 3 == 0 { free(b); } }
    println("{}", v.len());
}
` }]);
    expect(x.result).not.toBeNull();
    const trace = x.result!.trace;
    const h = indexHeap(trace);
    expect(h.count).toBeGreaterThan(500);
    for (let p = 0; p <= trace.length; p += Math.max(1, Math.floor(trace.length / 400))) {
      expect(heapAt(h, p), `position ${p}`).toEqual(heapAtFull(h, p));
    }
  });
});

// Micro-benchmark of the runtime's system allocator and checked memory: a binary-trees style
// workload (allocate a complete tree of 24-byte nodes, link children through checked pointer
// stores, walk it with checked loads, free it). Reports allocations+frees per second.
// Run: npx tsx bench/alloc.ts [maxDepth]
import { Memory } from '../src/runtime/memory/memory';
import { SystemAllocator } from '../src/runtime/alloc/system';

const NODE = 24; // { left: *Node, right: *Node, value: i64 } with 32-bit addresses stored as u64

function build(mem: Memory, sys: SystemAllocator, depth: number): number {
  const n = sys.alloc(NODE, 8, 1, 0);
  if (depth > 0) {
    const l = build(mem, sys, depth - 1);
    const r = build(mem, sys, depth - 1);
    mem.storeU32Checked(n, l, 2);
    mem.storeU32Checked(n + 8, r, 2);
  } else {
    mem.storeU32Checked(n, 0, 2);
    mem.storeU32Checked(n + 8, 0, 2);
  }
  mem.storeF64Checked(n + 16, depth, 2);
  return n;
}

function check(mem: Memory, n: number): number {
  const l = mem.loadU32Checked(n, 3);
  if (l === 0) return 1;
  return 1 + check(mem, l) + check(mem, mem.loadU32Checked(n + 8, 3));
}

function release(mem: Memory, sys: SystemAllocator, n: number): void {
  const l = mem.loadU32Checked(n, 4);
  if (l !== 0) {
    release(mem, sys, l);
    release(mem, sys, mem.loadU32Checked(n + 8, 4));
  }
  sys.free(n, 5, 0);
}

function run(maxDepth: number): { ops: number; ms: number; nodes: number } {
  const mem = new Memory({ limit: 256 << 20 });
  const sys = new SystemAllocator(mem);
  const t0 = performance.now();
  let nodes = 0;
  const longLived = build(mem, sys, maxDepth);
  for (let d = 4; d <= maxDepth; d += 2) {
    const iters = 1 << (maxDepth - d + 4);
    for (let i = 0; i < iters; i++) {
      const t = build(mem, sys, d);
      nodes += check(mem, t);
      release(mem, sys, t);
    }
  }
  nodes += check(mem, longLived);
  release(mem, sys, longLived);
  const ms = performance.now() - t0;
  return { ops: sys.stats.allocs + sys.stats.frees, ms, nodes };
}

const depth = Number(process.argv[2] ?? 14);
run(10); // warm up the JIT
const r = run(depth);
const perSec = (r.ops / r.ms) * 1000;
console.log(`binary-trees depth ${depth}: ${r.nodes} nodes checked, ${r.ops} allocs+frees in ${r.ms.toFixed(0)} ms`);
console.log(`  ${(perSec / 1e6).toFixed(2)} M allocs+frees per second (with checked loads/stores)`);

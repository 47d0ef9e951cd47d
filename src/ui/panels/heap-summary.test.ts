// The Memory panel's figures read off the heap index equal the straightforward per-event summary
// (summarizeMemory) on every lesson, on hand-made traces with reallocs and arena resets, and on a
// large synthetic heap trace.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execute } from '../../pipeline/execute';
import type { TraceEvent } from '../../runtime/api';
import { EXAMPLES } from '../examples/catalog';
import { indexHeap } from './heap-model';
import { summarizeMemory } from './memory-model';
import { summaryOfHeap } from './heap-summary';
import { syntheticHeapTrace } from './heap-synthetic';

const at = (line: number, col = 5) => ({ file: 'main.vx', line, col });
const same = (trace: TraceEvent[], label = '') => expect(summaryOfHeap(indexHeap(trace)), label).toEqual(summarizeMemory(trace));

describe('summaryOfHeap', () => {
  it('equals summarizeMemory on every lesson (real runs: system, arena, Vex allocators, Gc)', () => {
    for (const e of EXAMPLES) {
      const ex = execute([{ name: 'main.vx', text: readFileSync(join(__dirname, '../examples', `${e.id}.vx`), 'utf8') }]);
      if (!ex.result) throw new Error(`${e.id} did not compile`);
      same(ex.result.trace, e.id);
    }
  });

  it('equals it with reallocs, arena resets and one line holding sites in two columns', () => {
    same([
      { t: 'arena', op: 'new', base: 1000, capacity: 64, site: at(1), task: 0 },
      { t: 'alloc', addr: 1000, size: 16, align: 8, allocator: 'arena', site: at(2), task: 0 },
      { t: 'alloc', addr: 5000, size: 8, align: 8, allocator: 'system', site: at(3), task: 0 },
      { t: 'alloc', addr: 6000, size: 24, align: 8, allocator: 'system', site: at(3, 20), task: 0 },
      { t: 'realloc', from: 5000, to: 7000, oldSize: 8, size: 40, site: at(4), task: 0 },
      { t: 'arena', op: 'reset', base: 1000, capacity: 64, site: at(5), task: 0 },
      { t: 'alloc', addr: 1000, size: 8, align: 8, allocator: 'arena', site: at(6), task: 0 },
      { t: 'free', addr: 6000, size: 24, allocator: 'system', site: at(7), task: 0 },
      { t: 'alloc', addr: 8000, size: 4, align: 4, allocator: 'system', site: null, task: 0 },
    ]);
    same([]);
  });

  it('equals it on a 100,000-event synthetic heap trace (bursts, reallocs, Gc, arena resets, leaks)', () => {
    same(syntheticHeapTrace(100_000, 3));
  });
});

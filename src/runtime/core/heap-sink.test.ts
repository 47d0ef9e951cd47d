// A heap sink beside a kept trace: the sink gets every heap event, the kept trace the first
// HEAP_TRACE_EVENTS of them (rt.heapBox hands Box events to the sink alone once the kept trace
// is full: the same events as before it was).
import { describe, it, expect } from 'vitest';
import { compile } from '../../lang/compile';
import { run } from '../run';
import { HEAP_TRACE_EVENTS } from '../../common/limits';
import type { HeapSink, SourceLoc, TraceEvent } from '../api';

const TREE = `enum Tree { Leaf, Node(Box<Tree>, Box<Tree>) }
fn build(d: i32): Tree { if d == 0 { return Tree.Leaf; } return Tree.Node(Box(build(d - 1)), Box(build(d - 1))); }
fn check(t: Tree): i32 { return match t { Tree.Leaf => 1, Tree.Node(l, r) => 1 + check(*l) + check(*r) }; }
fn main() { println("{}", check(build(15))); }`;

/** Records the events as the TraceEvent fields they stand for (Box events as alloc/free). */
class Recorder implements HeapSink {
  locate: ((site: number) => SourceLoc | null) | null = null;
  events: string[] = [];
  alloc(addr: number, size: number, align: number, allocator: string) { this.events.push(`alloc ${addr} ${size} ${align} ${allocator}`); }
  free(addr: number, size: number, allocator: string) { this.events.push(`free ${addr} ${size} ${allocator}`); }
  realloc(from: number, to: number, oldSize: number, size: number) { this.events.push(`realloc ${from} ${to} ${oldSize} ${size}`); }
  tmp(addr: number, size: number, align: number, allocator: string) { this.alloc(addr, size, align, allocator); this.free(addr, size, allocator); }
  box(freed: 0 | 1, addr: number) { if (freed === 0) this.alloc(addr, 8, 8, 'system'); else this.free(addr, 8, 'system'); }
}
const text = (e: TraceEvent) => (e.t === 'alloc' ? `alloc ${e.addr} ${e.size} ${e.align} ${e.allocator}` : e.t === 'free' ? `free ${e.addr} ${e.size} ${e.allocator}` : e.t === 'realloc' ? `realloc ${e.from} ${e.to} ${e.oldSize} ${e.size}` : '');

describe('heap sink with a kept trace', () => {
  it('the sink gets every Box event past the kept trace cap; the trace keeps the first ones', () => {
    const c = compile([{ name: 'main.vx', text: TREE }]);
    const sink = new Recorder();
    const r = run(c.program!, { heapSink: sink, onEvent: () => {} });
    expect(r.outcome.kind).toBe('exited');
    // 2^15 - 1 nodes: two Boxes each, each allocated and freed
    const boxes = sink.events.filter((e) => e.endsWith(' system') && e.includes(' 8 '));
    expect(boxes.length).toBe(4 * (2 ** 15 - 1));
    expect(boxes.length).toBeGreaterThan(HEAP_TRACE_EVENTS);
    const kept = r.trace.filter((e) => e.t === 'alloc' || e.t === 'free' || e.t === 'realloc').map(text);
    expect(kept.length).toBe(HEAP_TRACE_EVENTS);
    expect(kept).toEqual(sink.events.slice(0, HEAP_TRACE_EVENTS));
  });
});

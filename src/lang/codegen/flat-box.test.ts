// Boxes in enum fields are stored flat (content + block slot in the enum object, DESIGN.md
// "Boxes in enum fields"), and heap events reach the kept trace through the heap log. These tests
// pin the behaviour a VBox per box had: one block per box, freed once, in the same trace order.
import { describe, it, expect } from 'vitest';
import { runVex } from './run-helpers.test-util';
import type { TraceEvent } from '../../runtime/api';

type HeapEv = Extract<TraceEvent, { t: 'alloc' | 'free' | 'realloc' }>;
const heapEvents = (trace: TraceEvent[]) => trace.filter((e): e is HeapEv => e.t === 'alloc' || e.t === 'free' || e.t === 'realloc');
const addrOf = (e: HeapEv) => (e.t === 'realloc' ? e.to : e.addr);

const LIST = `enum List {
    Nil,
    Cons(i32, Box<List>),
}
`;

describe('boxes in enum fields', () => {
  it('Box(x) written into a variant allocates a block but no VBox; *l frees it through the field', () => {
    const r = runVex(LIST + `fn sum(l: List): i32 {
    return match l {
        List.Nil => 0,
        List.Cons(v, next) => v + sum(*next),
    };
}
fn main() {
    let l = List.Cons(1, Box(List.Cons(2, Box(List.Nil))));
    println("{}", sum(l));
}
`);
    expect(r.stdout).toBe('3\n');
    expect(r.js).toContain('$bnew(');
    expect(r.js).not.toContain('$box(');
    expect(r.js).toContain('$takeAt(');
    const ev = heapEvents(r.trace);
    expect(ev.map((e) => e.t)).toEqual(['alloc', 'alloc', 'free', 'free']);
    // each block is freed exactly once
    expect(new Set(ev.filter((e) => e.t === 'free').map(addrOf))).toEqual(new Set(ev.filter((e) => e.t === 'alloc').map(addrOf)));
    expect(r.stats).toMatchObject({ allocs: 2, frees: 2, liveBytes: 0 });
  });

  it('a field binding used as a Box value is a view: taking through it frees the block once', () => {
    const r = runVex(LIST + `fn open(b: Box<List>): List { return *b; }
fn count(l: List): i32 {
    return match l {
        List.Nil => 0,
        List.Cons(_, next) => 1 + count(open(next)),
    };
}
fn main() {
    let l = List.Cons(1, Box(List.Cons(2, Box(List.Cons(3, Box(List.Nil))))));
    println("{}", count(l));
}
`);
    expect(r.outcome).toEqual({ kind: 'exited', code: 0 });
    expect(r.stdout).toBe('3\n');
    expect(r.js).toContain('new $BV(');
    expect(r.stats).toMatchObject({ allocs: 3, frees: 3, liveBytes: 0 });
  });

  it('a Box value moved into a field leaves its VBox empty: the block is freed once, with the enum', () => {
    const r = runVex(LIST + `fn main() {
    let b = Box(List.Nil);
    let l = List.Cons(1, b);
    println("{}", l);
}
`);
    expect(r.outcome).toEqual({ kind: 'exited', code: 0 });
    expect(r.stdout).toBe('List.Cons(1, List.Nil)\n');
    expect(r.js).toContain('$bslot(');
    expect(r.stats).toMatchObject({ allocs: 1, frees: 1, liveBytes: 0 });
  });

  it('dropping an enum frees its boxes content first, then the block, depth first', () => {
    const r = runVex(LIST + `fn main() {
    let l = List.Cons(1, Box(List.Cons(2, Box(List.Nil))));
}
`);
    const ev = heapEvents(r.trace);
    // Box(List.Nil) is allocated first (the outer box's content is built before it), and the
    // outer box's drop drops its content (freeing that block) before freeing its own block
    const [nilBox, outerBox] = ev.filter((e) => e.t === 'alloc').map(addrOf);
    expect(nilBox).not.toBe(outerBox);
    expect(ev.filter((e) => e.t === 'free').map(addrOf)).toEqual([nilBox, outerBox]);
    expect(r.stats.liveBytes).toBe(0);
  });

  it('enums holding boxes compare and hash by contents, not by block addresses', () => {
    const r = runVex(LIST + `fn two(): List { return List.Cons(1, Box(List.Cons(2, Box(List.Nil)))); }
fn main() {
    println("{} {}", two() == two(), two() == List.Cons(1, Box(List.Nil)));
    println("{}", Box(5) == Box(5));
    let! m = Map<List, i32>.new();
    m.insert(two(), 7);
    println("{}", m.contains_key(two()));
}
`);
    expect(r.stdout).toBe('true false\ntrue\ntrue\n');
  });
});

describe('heap events in the kept trace', () => {
  it('sit between the output events where they happened', () => {
    const r = runVex(`fn main() {
    println("a");
    let b = Box(1);
    println("b");
}
`);
    const kinds = r.trace.filter((e) => e.t === 'output' || e.t === 'alloc' || e.t === 'free').map((e) => (e.t === 'output' ? e.text.trim() : e.t));
    expect(kinds).toEqual(['a', 'alloc', 'b', 'free']);
    const alloc = r.trace.find((e) => e.t === 'alloc') as Extract<TraceEvent, { t: 'alloc' }>;
    expect(alloc).toMatchObject({ size: 8, align: 8, allocator: 'system', task: 0, site: { file: 'test.vx', line: 3 } });
  });

  it('keeps the first 100,000; a listener sees every one; keepTrace false keeps none', () => {
    const src = `fn main() {
    for i in 0..60000 { let b = Box(i); }
    println("done");
}
`;
    const kept = runVex(src);
    expect(heapEvents(kept.trace).length).toBe(100_000);
    expect(kept.trace[kept.trace.length - 1].t).toBe('exit');
    expect(kept.trace.some((e) => e.t === 'output' && e.text === 'done\n')).toBe(true);
    let seen = 0;
    runVex(src, { onEvent: (e) => { if (e.t === 'alloc' || e.t === 'free') seen++; } });
    expect(seen).toBe(120_000);
    const none = runVex(src, { keepTrace: false });
    expect(heapEvents(none.trace).length).toBe(0);
  });
});

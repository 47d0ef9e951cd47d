// Collection buffers are real blocks of the system allocator (issue #3): addresses in the heap,
// Vec growth 4 -> 8 -> 16 as reallocs, frees on drop, and the heap limit as a clean abort.
import { describe, it, expect } from 'vitest';
import { runVex } from './run-helpers.test-util';
import type { TraceEvent } from '../../runtime/api';

type HeapEv = Extract<TraceEvent, { t: 'alloc' | 'free' | 'realloc' }>;
const heapEvents = (trace: TraceEvent[]) => trace.filter((e): e is HeapEv => e.t === 'alloc' || e.t === 'free' || e.t === 'realloc');

describe('collection buffers on the real heap', () => {
  it('Vec grows by realloc (capacity 4 then doubling) and frees its block at scope end', () => {
    const r = runVex(`fn main() {
    let! v: Vec<i32> = Vec();
    for i in 0..9 { v.push(i); }
    println("{}", v.len());
}
`);
    expect(r.stdout).toBe('9\n');
    const ev = heapEvents(r.trace);
    expect(ev.map((e) => e.t)).toEqual(['alloc', 'realloc', 'realloc', 'free']);
    const a = ev[0] as Extract<HeapEv, { t: 'alloc' }>;
    expect(a.size).toBe(16);
    expect(a.allocator).toBe('system');
    expect(a.addr).toBeGreaterThan(4096);
    expect(a.addr).toBeLessThan(64 << 20); // a simulated address, not a virtual one
    const sizes = ev.filter((e) => e.t === 'realloc').map((e) => (e as Extract<HeapEv, { t: 'realloc' }>).size);
    expect(sizes).toEqual([32, 64]);
    const last = ev[2] as Extract<HeapEv, { t: 'realloc' }>;
    expect((ev[3] as Extract<HeapEv, { t: 'free' }>).addr).toBe(last.to);
    expect(r.stats.liveBytes).toBe(0);
  });

  it('distinct live Boxes get distinct, non-overlapping blocks; a freed Box block is reused', () => {
    const r = runVex(`fn main() {
    let a = Box(1);
    let b = Box(2);
    println("{}", *a + *b);
}
`);
    expect(r.stdout).toBe('3\n');
    const allocs = heapEvents(r.trace).filter((e) => e.t === 'alloc') as Extract<HeapEv, { t: 'alloc' }>[];
    expect(allocs.length).toBe(2);
    expect(Math.abs(allocs[0].addr - allocs[1].addr)).toBeGreaterThanOrEqual(16);
    expect(r.stats.allocs).toBe(2);
    expect(r.stats.frees).toBe(2);
  });

  it('an endless Vec push ends at the heap limit; the failed allocation is not in peak_bytes', () => {
    const r = runVex(`fn main() {
    let! v: Vec<i64> = Vec();
    let! i: i64 = 0;
    while true { v.push(i); i += 1; }
}
`, { heapLimit: 4 << 20, keepTrace: false });
    expect(r.outcome.kind).toBe('limit');
    expect(r.stderr).toMatch(/^memory allocation of \d+ bytes failed\n/);
    expect(r.stats.peakBytes).toBeLessThanOrEqual(4 << 20);
    expect(r.stats.peakBytes).toBeGreaterThan(0);
  });
});

describe('moving out of a Box', () => {
  it('`*b` moves the content out: its Drop runs once (by the new owner), the box block is freed once', () => {
    const r = runVex(`struct Tag impl Drop {
    name: str,
    fn drop()! { println("drop {}", self.name); }
}
fn consume(t: Tag) { println("got {}", t.name); }
fn main() {
    let b = Box(Tag { name: "a" });
    consume(*b);
    println("after");
    let c = Box(Tag { name: "c" });
    println("end");
}
`);
    expect(r.stdout).toBe('got a\ndrop a\nafter\nend\ndrop c\n');
    const ev = heapEvents(r.trace);
    expect(ev.filter((e) => e.t === 'alloc').length).toBe(2);
    expect(ev.filter((e) => e.t === 'free').length).toBe(2);
    expect(r.stats.liveBytes).toBe(0);
  });
});

describe('a Box under a Vex allocator', () => {
  it('is allocated and freed through that allocator (sizes 8), also when freed after reset_allocator', () => {
    const r = runVex(`struct Counting impl Allocator {
    allocs: i32,
    frees: i32,
    fn allocate(size: usize, align: usize)!: *u8! { self.allocs += 1; println("alloc {}", size); return sys_alloc(size, align); }
    fn deallocate(ptr: *u8!, size: usize, align: usize)! { self.frees += 1; println("free {}", size); sys_free(ptr, size, align); }
}
fn main() {
    let! c = Counting { allocs: 0, frees: 0 };
    set_allocator(&c!);
    let a = Box(5);
    let b = Box(6);
    println("{}", *a + *b);
    reset_allocator();
    let d = Box(7);
    println("{} {}", *d, c.allocs);
}
`);
    expect(r.stdout).toBe('alloc 8\nalloc 8\n11\n7 2\nfree 8\nfree 8\n');
    expect(r.stats.liveBytes).toBe(0);
  });
});

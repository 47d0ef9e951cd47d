// Dropping an ArenaAllocator value gives its region back to the system allocator (§6.4: a bump
// allocator frees no single block, so it frees them all at once). Before, the region stayed
// allocated for the run: a loop making arenas ran out of heap.
import { describe, it, expect } from 'vitest';
import { runVex } from './run-helpers.test-util';
import { Memory } from '../../runtime/memory/memory';
import { SystemAllocator } from '../../runtime/alloc/system';
import { ArenaAllocator } from '../../runtime/alloc/arena';
import { VexFault } from '../../runtime/memory/fault';

describe('ArenaAllocator drop', () => {
  it('a loop making 200 arenas of 1 MB runs in a 64 MB heap: each region is given back at scope end', () => {
    const r = runVex(`fn work(i: i32): i32 {
    let! arena = ArenaAllocator.new(1000000);
    set_allocator(&arena!);
    let! v = Vec<i32>();
    for j in 0..100 { v.push(j + i); }
    reset_allocator();
    return v[99];
}
fn main() {
    let before = runtime_stats().live_bytes;
    let! t = 0;
    for i in 0..200 { t += work(i); }
    println(t, runtime_stats().live_bytes - before);
}`, { heapLimit: 64 << 20 });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${200 * 99 + (199 * 200) / 2} 0\n`);
  });

  it('a Vec declared before the arena outlives its drop: the region stays until that buffer is freed, and the Vec may grow there', () => {
    const r = runVex(`fn main() {
    let! v = Vec<i64>.new();
    {
        let! arena = ArenaAllocator.new(1024);
        set_allocator(&arena!);
        for i in 0..5 { v.push(i); }
        reset_allocator();
    }
    println(v[3]);
    for i in 0..20 { v.push(i); }
    println(v.len());
}`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('3\n25\n');
    const ev = r.trace.filter((e) => e.t === 'arena' || ((e.t === 'free' || e.t === 'alloc') && e.allocator === 'arena')).map((e) => (e.t === 'arena' ? e.op : e.t));
    expect(ev).toEqual(['new', 'alloc', 'free', 'release']);
  });

  it('blocks alloc() took do not keep a dropped arena: 200 arenas with a block left in each run in a 64 MB heap', () => {
    const r = runVex(`fn work() {
    let! arena = ArenaAllocator.new(1000000);
    set_allocator(&arena!);
    let p = alloc(64);
    reset_allocator();
}
fn main() { for i in 0..200 { work(); } println("ok"); }`, { heapLimit: 64 << 20 });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('ok\n');
  });

  it('an arena dropped while installed: the task goes back to the system allocator', () => {
    const r = runVex(`fn install() {
    let! arena = ArenaAllocator.new(64);
    set_allocator(&arena!);
    let p = alloc(8);
}
fn main() {
    install();
    let! v = Vec<i64>();
    for i in 0..100 { v.push(i); } // 800+ bytes: more than the arena had
    println(v.len());
}`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('100\n');
  });

  it('an allocation from a released arena is a use-after-free, not memory of a freed region', () => {
    const sys = new SystemAllocator(new Memory({ limit: 1 << 20 }));
    const a = new ArenaAllocator(sys, 256, -1, 0);
    expect(a.allocate(16, 8, -1, 0)).toBe(a.base);
    a.release(-1, 0);
    let f: unknown;
    try { a.allocate(16, 8, -1, 0); } catch (e) { f = e; }
    expect(f).toBeInstanceOf(VexFault);
    expect((f as VexFault).kind).toBe('use-after-free');
    expect((f as VexFault).panics).toBe(false);
    expect((f as VexFault).message).toMatch(/ArenaAllocator that was dropped/);
  });

  it('the trace has the release after the last block of the arena', () => {
    const r = runVex(`fn main() {
    let! arena = ArenaAllocator.new(128);
    set_allocator(&arena!);
    let! v = Vec<i32>();
    v.push(1);
    reset_allocator();
}`);
    const ev = r.trace.filter((e) => e.t === 'arena' || (e.t === 'free' && e.allocator === 'arena')).map((e) => (e.t === 'arena' ? e.op : e.t));
    expect(ev).toEqual(['new', 'free', 'release']);
  });
});

import { describe, expect, it } from 'vitest';
import { Memory } from './memory';
import { SystemAllocator } from '../alloc/system';
import { StackRegions } from './stacks';
import { catchFault } from './fault.test-util';


const h = (n: number) => '0x' + n.toString(16);

describe('Memory: typed access', () => {
  it('is little-endian and round-trips every width', () => {
    const m = new Memory();
    const a = m.heapBase;
    m.storeU32(a, 0x01020304);
    expect([m.loadU8(a), m.loadU8(a + 1), m.loadU8(a + 2), m.loadU8(a + 3)]).toEqual([4, 3, 2, 1]);
    m.storeU16(a, 0xfffe);
    expect(m.loadI16(a)).toBe(-2);
    expect(m.loadU16(a)).toBe(0xfffe);
    m.storeU8(a, 0x80);
    expect(m.loadI8(a)).toBe(-128);
    // 64/128-bit loads give the canonical form (runtime/core/wide.ts): a number while safe
    m.storeU64(a, -5n);
    expect(m.loadI64(a)).toBe(-5);
    expect(m.loadU64(a)).toBe(2n ** 64n - 5n);
    m.storeU64(a, 2 ** 53 - 1);
    expect(m.loadI64(a)).toBe(2 ** 53 - 1);
    m.storeI64(a, -(2 ** 53));
    expect(m.loadI64(a)).toBe(-(2n ** 53n));
    m.storeU128(a, -3n);
    expect(m.loadI128(a)).toBe(-3);
    expect(m.loadU128(a)).toBe(2n ** 128n - 3n);
    m.storeI32(a, -2);
    expect(m.loadU32(a)).toBe(0xfffffffe);
    m.storeI64(a, -1n);
    expect(m.loadU64(a)).toBe(2n ** 64n - 1n);
    m.storeI8(a, -1);
    expect(m.loadU8(a)).toBe(255);
    m.storeF32(a, 0.1);
    expect(m.loadF32(a)).toBe(Math.fround(0.1));
    m.storeF64(a, -2.5);
    expect(m.loadF64(a)).toBe(-2.5);
  });

  it('grows by doubling up to the limit, keeping contents', () => {
    const m = new Memory({ limit: 1 << 20, staticCapacity: 4096 });
    const s0 = m.size;
    m.storeU32(m.heapBase, 77);
    expect(m.ensure(s0 + 1)).toBe(true);
    expect(m.size).toBe(s0 * 2);
    expect(m.loadU32(m.heapBase)).toBe(77);
    expect(m.ensure((1 << 20) + 1)).toBe(false);
  });

  it('interns literals once, read-only, NUL-terminated', () => {
    const m = new Memory();
    const a = m.internCString('hello');
    expect(m.internCString('hello')).toBe(a);
    expect(m.internCString('world')).not.toBe(a);
    expect(m.readCString(a)).toBe('hello');
    expect(m.cstringLengthChecked(a, 0)).toBe(5);
    expect(m.loadU8Checked(a + 5, 0)).toBe(0);
    const f = catchFault(() => m.storeU8Checked(a, 1, 3));
    expect(f.kind).toBe('read-only');
    expect(f.message).toBe(`write of 1 bytes to read-only memory at ${h(a)} (static data)`);
    const s = m.internString('héllo');
    expect(s.len).toBe(6);
  });
});

describe('Memory: checked access faults (Miri-style)', () => {
  function setup() {
    const mem = new Memory();
    const sys = new SystemAllocator(mem);
    return { mem, sys };
  }

  it('allows in-bounds accesses and reports out-of-bounds with the block and sites', () => {
    const { mem, sys } = setup();
    const p = sys.alloc(16, 8, 11, 0);
    mem.storeI32Checked(p + 12, -9, 1);
    expect(mem.loadI32Checked(p + 12, 1)).toBe(-9);
    const f = catchFault(() => mem.loadI32Checked(p + 16, 42));
    expect(f.kind).toBe('out-of-bounds');
    expect(f.message).toBe(`out-of-bounds read of 4 bytes at ${h(p + 16)}: offset 16 of block ${h(p)}..${h(p + 16)} (16 bytes, heap)`);
    expect(f.accessSite).toBe(42);
    expect(f.allocSite).toBe(11);
    expect(f.blockStart).toBe(p);
    expect(f.notes((s) => `site${s}`)).toEqual([
      `note: heap block ${h(p)}..${h(p + 16)} (16 bytes) by the system allocator`,
      'note: accessed at site42',
      'note: allocated at site11',
    ]);
    // A straddling access is caught too.
    expect(catchFault(() => mem.loadU64Checked(p + 8 + 8, 1)).kind).toBe('out-of-bounds');
    expect(catchFault(() => mem.check(p + 10, 7, true, 1)).message).toBe(`out-of-bounds write of 7 bytes at ${h(p + 10)}: offset 10 of block ${h(p)}..${h(p + 16)} (16 bytes, heap)`);
  });

  it('catches an overrun into the next heap block (redzone between chunks)', () => {
    const { mem, sys } = setup();
    const p = sys.alloc(16, 8, 1, 0);
    const q = sys.alloc(16, 8, 2, 0);
    expect(q).toBeGreaterThan(p + 16);
    const f = catchFault(() => mem.storeU32Checked(p + 16, 1, 3));
    expect(f.kind).toBe('out-of-bounds');
    expect(f.blockStart).toBe(p);
  });

  it('forgets cached bounds when realloc shrinks or grows a block in place', () => {
    const { mem, sys } = setup();
    const p = sys.alloc(64, 8, 1, 0);
    mem.storeU32Checked(p + 60, 1, 2); // caches [p, p+64) for writes
    mem.loadU32Checked(p + 60, 2); // and for reads
    expect(sys.realloc(p, 16, 3, 0)).toBe(p);
    expect(catchFault(() => mem.storeU32Checked(p + 60, 1, 4)).kind).toBe('out-of-bounds');
    expect(catchFault(() => mem.loadU32Checked(p + 16, 4)).kind).toBe('out-of-bounds');
    expect(sys.realloc(p, 200, 3, 0)).toBe(p); // grows into the wilderness
    mem.storeU32Checked(p + 196, 9, 5);
    expect(mem.loadU32Checked(p + 196, 5)).toBe(9);
    expect(catchFault(() => mem.loadU32Checked(p + 200, 4)).kind).toBe('out-of-bounds');
  });

  it('catches a 10-byte block overrun inside its 16-byte granule', () => {
    const { mem, sys } = setup();
    const p = sys.alloc(10, 1, 1, 0);
    mem.storeU8Checked(p + 9, 1, 1);
    expect(catchFault(() => mem.storeU8Checked(p + 10, 1, 1)).kind).toBe('out-of-bounds');
  });

  it('detects use-after-free with alloc and free sites, even after later allocations', () => {
    const { mem, sys } = setup();
    const p = sys.alloc(32, 8, 5, 1);
    mem.loadI32Checked(p, 1); // cache it
    sys.free(p, 6, 1);
    for (let i = 0; i < 100; i++) sys.alloc(32, 8, 1, 0);
    const f = catchFault(() => mem.loadI32Checked(p, 7));
    expect(f.kind).toBe('use-after-free');
    expect(f.message).toBe(`use-after-free: read of 4 bytes at ${h(p)} in freed block ${h(p)}..${h(p + 32)} (32 bytes, heap)`);
    expect([f.allocSite, f.freeSite, f.accessSite, f.allocTask, f.freeTask]).toEqual([5, 6, 7, 1, 1]);
  });

  it('reports misaligned typed accesses, null, and wild pointers', () => {
    const { mem, sys } = setup();
    const p = sys.alloc(32, 8, 1, 0);
    const f = catchFault(() => mem.loadF64Checked(p + 4, 2));
    expect(f.kind).toBe('misaligned');
    expect(f.message).toBe(`misaligned read of 8 bytes at ${h(p + 4)} (alignment 8)`);
    expect(mem.loadU8Checked(p + 3, 1)).toBe(0); // bytes never misalign
    expect(catchFault(() => mem.storeU16Checked(p + 1, 0, 1)).kind).toBe('misaligned');
    const n = catchFault(() => mem.loadI32Checked(0, 9));
    expect(n.kind).toBe('null-deref');
    expect(n.message).toBe('null pointer read of 4 bytes at 0x0');
    expect(catchFault(() => mem.loadI32Checked(-4, 9)).kind).toBe('out-of-bounds');
    expect(catchFault(() => mem.loadI32Checked(NaN, 9)).kind).toBe('out-of-bounds');
    expect(catchFault(() => mem.loadI32Checked(1 << 30, 9)).message).toContain('outside the address space');
    const far = mem.heapBase + 60000;
    mem.ensure(far + 16);
    expect(catchFault(() => mem.storeU32Checked(far, 1, 9)).message).toBe(`out-of-bounds write of 4 bytes at ${h(far)}: no live block at this address`);
  });
});

describe('StackRegions', () => {
  it('runs 200k calls with an address-taken local in constant memory', () => {
    const mem = new Memory({ limit: 1 << 20, staticCapacity: 4096 });
    const sys = new SystemAllocator(mem);
    const st = new StackRegions(mem, sys);
    const s = st.reserve(0, 1 << 20);
    let top = -1;
    for (let i = 0; i < 200_000; i++) {
      const m = st.pushFrame(s);
      const x = st.slot(s, 4, 4, 1);
      mem.storeI32Checked(x, i, 1);
      if (mem.loadI32Checked(x, 1) !== i) throw new Error('lost a store');
      st.popFrame(s, m);
      if (i === 0) top = sys.top;
    }
    expect(sys.top).toBe(top);
    expect(mem.blocks.liveCount()).toBeLessThan(10);
  });

  it('gives each address-taken local its own block and poisons popped frames', () => {
    const mem = new Memory();
    const sys = new SystemAllocator(mem);
    const st = new StackRegions(mem, sys);
    const s = st.reserve(1, 1 << 20);
    const m0 = st.pushFrame(s);
    const a = st.slot(s, 16, 4, 3); // [i32; 4]
    const b = st.slot(s, 8, 8, 4);
    expect(b).toBeGreaterThanOrEqual(a + 16);
    mem.storeI32Checked(a + 12, 5, 1);
    expect(catchFault(() => mem.loadI32Checked(a + 16, 1)).kind).toBe('out-of-bounds');
    const m1 = st.pushFrame(s);
    const c = st.slot(s, 4, 4, 5);
    st.popFrame(s, m1);
    const f = catchFault(() => mem.loadI32Checked(c, 6));
    expect(f.kind).toBe('use-after-free');
    expect(f.message).toContain('use of a dead stack slot');
    const c2 = st.slot(s, 4, 4, 7);
    expect(c2).toBe(c); // space reused
    mem.storeI32Checked(c2, 1, 1);
    st.popFrame(s, m0);
    expect(st.used(s)).toBe(0);
    // Big frames get their own chunk.
    const big = st.slot(s, 200_000, 16, 8);
    mem.storeU8Checked(big + 199_999, 1, 1);
    st.release(s);
    expect(sys.stats.liveBytes).toBe(0); // stack chunks are not user allocations
  });
});

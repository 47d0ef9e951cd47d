// The simulated machine's linear memory: one little-endian address space over an ArrayBuffer that
// grows by doubling up to a limit. Layout: [0, 4096) null page (never handed out) | static segment
// (interned literals, read-only) | heap (grows up; stacks are carved from it by StackRegions).
//
// A shadow map (one Int32 per 16-byte granule) names the block owning each granule: +id live,
// -id freed (still in quarantine), 0 nothing. Blocks start on granule boundaries and never share a
// granule, so a checked access needs one shadow read plus a bounds compare, and the last block hit
// is cached so loops over one array stay on the fast path.

import { BlockTable, BLOCK_KIND_NAMES, KIND_STATIC, STATE_FREED, STATE_LIVE } from './blocks';
import { VexFault, hex } from './fault';
import { canon } from '../core/wide';
import { f16FromBits, f16ToBits } from '../../common/f16';

export const NULL_PAGE = 4096;
export const GRANULE_SHIFT = 4;
export const GRANULE = 1 << GRANULE_SHIFT;

export interface MemoryOptions {
  /** Total address-space limit in bytes (default 64 MiB). */
  limit?: number;
  /** Bytes reserved for interned literals (default 256 KiB). */
  staticCapacity?: number;
}

const utf8 = new TextEncoder();
const utf8dec = new TextDecoder();

/** The last finished run's memory, zeroed, for the next run to grow into without allocating and
 *  copying (on a VM every fresh page costs a fault): see Memory.release(). At most this big. */
const SPARE_MAX = 64 << 20;
let spare: { buffer: ArrayBuffer; shadow: Int32Array } | null = null;

export class Memory {
  buffer: ArrayBuffer;
  u8: Uint8Array;
  dv: DataView;
  shadow: Int32Array;
  readonly blocks = new BlockTable();
  readonly limit: number;
  readonly staticBase = NULL_PAGE;
  readonly staticEnd: number;
  /** First heap address; the allocator owns [heapBase, size). */
  readonly heapBase: number;
  private staticTop: number;
  private readonly interned = new Map<string, number>();
  /** The addressable size: [0, end). The buffer may be larger (a reused one): bytes beyond `end`
   *  are zero and not part of the address space until ensure() moves `end`. */
  private end: number;
  /** The highest end ever asked of ensure(): nothing at or above it was ever written (every write
   *  lands in a block or chunk the allocator carved below it), so release() zeroes only below it. */
  private used = 0;

  // Last-hit caches for checked accesses: [lo, hi) of a live block. Writes have their own cache
  // because static blocks are readable but not writable.
  private rdLo = 0;
  private rdHi = 0;
  private rdId = 0;
  private wrLo = 0;
  private wrHi = 0;
  private wrId = 0;

  constructor(opts: MemoryOptions = {}) {
    // A whole number of granules, at least 64 KiB, at most 2 GiB (addresses stay below 2^31).
    const lim = Number.isFinite(opts.limit) ? (opts.limit as number) : 64 << 20;
    this.limit = Math.min(Math.max(Math.floor(lim / GRANULE) * GRANULE, 1 << 16), 2 ** 31 - GRANULE);
    const sc = Math.max(opts.staticCapacity ?? 256 << 10, GRANULE);
    this.staticTop = this.staticBase;
    this.staticEnd = this.staticBase + roundUp(sc, NULL_PAGE);
    this.heapBase = this.staticEnd;
    let initial = 1 << 16;
    while (initial < this.heapBase + (64 << 10)) initial *= 2;
    initial = Math.min(initial, this.limit);
    this.end = initial;
    const s = spare;
    if (s !== null && s.buffer.byteLength >= initial && s.buffer.byteLength <= this.limit) {
      spare = null;
      this.buffer = s.buffer;
      this.shadow = s.shadow;
    } else {
      this.buffer = new ArrayBuffer(initial);
      this.shadow = new Int32Array(initial >>> GRANULE_SHIFT);
    }
    this.u8 = new Uint8Array(this.buffer);
    this.dv = new DataView(this.buffer);
  }

  get size(): number {
    return this.end;
  }

  /** The run is over and nothing will touch this memory again: zero what it used and keep it for
   *  the next Memory (same semantics as a fresh buffer; only allocation and copying are saved). */
  release(): void {
    this.blocks.recycle();
    if (this.buffer.byteLength > SPARE_MAX || (spare !== null && spare.buffer.byteLength >= this.buffer.byteLength)) return;
    const used = Math.min(this.used, this.end);
    this.u8.fill(0, 0, used);
    this.shadow.fill(0, 0, (used + GRANULE - 1) >>> GRANULE_SHIFT);
    spare = { buffer: this.buffer, shadow: this.shadow };
    this.end = 0; // any later access faults rather than reading the next run's memory
  }

  /** Makes [0, end) addressable, growing by doubling (copying); false when over the limit. */
  ensure(end: number): boolean {
    if (end > this.used) this.used = end;
    const cur = this.end;
    if (end <= cur) return true;
    if (end > this.limit) return false;
    let n = cur;
    while (n < end) n *= 2;
    n = Math.min(n, this.limit);
    if (n <= this.buffer.byteLength) {
      this.end = n; // a reused buffer: already there, and zero
      return true;
    }
    let buf: ArrayBuffer;
    try {
      buf = new ArrayBuffer(n);
    } catch {
      return false; // the host cannot give us that much: the caller reports out-of-memory
    }
    const u8 = new Uint8Array(buf);
    u8.set(this.u8);
    const sh = new Int32Array(n >>> GRANULE_SHIFT);
    sh.set(this.shadow);
    this.end = n;
    this.buffer = buf;
    this.u8 = u8;
    this.dv = new DataView(buf);
    this.shadow = sh;
    return true;
  }

  // ---- unchecked access (engine-internal) ----
  loadU8(a: number): number { return this.u8[a]; }
  loadI8(a: number): number { return (this.u8[a] << 24) >> 24; }
  loadU16(a: number): number { return this.dv.getUint16(a, true); }
  loadI16(a: number): number { return this.dv.getInt16(a, true); }
  loadU32(a: number): number { return this.dv.getUint32(a, true); }
  loadI32(a: number): number { return this.dv.getInt32(a, true); }
  loadF16(a: number): number { return f16FromBits(this.dv.getUint16(a, true)); }
  loadF32(a: number): number { return this.dv.getFloat32(a, true); }
  loadF64(a: number): number { return this.dv.getFloat64(a, true); }
  // 64/128-bit values load in their canonical form (a number while safe: runtime/core/wide.ts)
  // and store from either form
  loadU64(a: number): number | bigint { return canon(this.dv.getBigUint64(a, true)); }
  loadI64(a: number): number | bigint { return canon(this.dv.getBigInt64(a, true)); }
  loadU128(a: number): number | bigint { return canon((this.dv.getBigUint64(a + 8, true) << 64n) | this.dv.getBigUint64(a, true)); }
  loadI128(a: number): number | bigint { return canon((this.dv.getBigInt64(a + 8, true) << 64n) | this.dv.getBigUint64(a, true)); }
  // Stores wrap to the width (DataView converts modulo 2^N), so signed and unsigned share them.
  storeU8(a: number, v: number): void { this.u8[a] = v; }
  storeU16(a: number, v: number): void { this.dv.setUint16(a, v, true); }
  storeU32(a: number, v: number): void { this.dv.setUint32(a, v, true); }
  storeI8(a: number, v: number): void { this.u8[a] = v; }
  storeI16(a: number, v: number): void { this.dv.setUint16(a, v, true); }
  storeI32(a: number, v: number): void { this.dv.setUint32(a, v, true); }
  storeF16(a: number, v: number): void { this.dv.setUint16(a, f16ToBits(v), true); }
  storeF32(a: number, v: number): void { this.dv.setFloat32(a, v, true); }
  storeF64(a: number, v: number): void { this.dv.setFloat64(a, v, true); }
  storeU64(a: number, v: number | bigint): void { this.dv.setBigUint64(a, BigInt(v), true); }
  storeI64(a: number, v: number | bigint): void { this.dv.setBigUint64(a, BigInt(v), true); }
  storeU128(a: number, w: number | bigint): void {
    const v = BigInt(w);
    this.dv.setBigUint64(a, v, true);
    this.dv.setBigUint64(a + 8, v >> 64n, true);
  }
  storeI128(a: number, v: number | bigint): void { this.storeU128(a, v); }

  copy(dst: number, src: number, n: number): void { this.u8.copyWithin(dst, src, src + n); }
  fill(a: number, byte: number, n: number): void { this.u8.fill(byte, a, a + n); }
  bytes(a: number, n: number): Uint8Array { return this.u8.subarray(a, Math.min(a + n, this.end)); }
  writeBytes(a: number, b: Uint8Array): void { this.u8.set(b, a); }
  cstringLength(a: number): number {
    const u8 = this.u8;
    let e = a;
    const end = this.end;
    while (e < end && u8[e] !== 0) e++;
    return e - a;
  }
  readCString(a: number): string { return utf8dec.decode(this.u8.subarray(a, a + this.cstringLength(a))); }
  /** n bytes at a decoded as UTF-8 (e.g. a str's buffer). */
  readString(a: number, n: number): string { return utf8dec.decode(this.bytes(a, n)); }

  // ---- checked access (raw pointers from Vex code) ----
  loadU8Checked(a: number, site: number): number {
    if (!(a >= this.rdLo && a + 1 <= this.rdHi)) this.slowCheck(a, 1, false, site);
    return this.u8[a];
  }
  loadI8Checked(a: number, site: number): number {
    if (!(a >= this.rdLo && a + 1 <= this.rdHi)) this.slowCheck(a, 1, false, site);
    return (this.u8[a] << 24) >> 24;
  }
  loadU16Checked(a: number, site: number): number { this.rd(a, 2, site); return this.dv.getUint16(a, true); }
  loadI16Checked(a: number, site: number): number { this.rd(a, 2, site); return this.dv.getInt16(a, true); }
  loadU32Checked(a: number, site: number): number { this.rd(a, 4, site); return this.dv.getUint32(a, true); }
  loadI32Checked(a: number, site: number): number { this.rd(a, 4, site); return this.dv.getInt32(a, true); }
  loadF16Checked(a: number, site: number): number { this.rd(a, 2, site); return this.loadF16(a); }
  loadF32Checked(a: number, site: number): number { this.rd(a, 4, site); return this.dv.getFloat32(a, true); }
  loadF64Checked(a: number, site: number): number { this.rd(a, 8, site); return this.dv.getFloat64(a, true); }
  loadU64Checked(a: number, site: number): number | bigint { this.rd(a, 8, site); return this.loadU64(a); }
  loadI64Checked(a: number, site: number): number | bigint { this.rd(a, 8, site); return this.loadI64(a); }
  loadU128Checked(a: number, site: number): number | bigint { this.rd(a, 16, site); return this.loadU128(a); }
  loadI128Checked(a: number, site: number): number | bigint { this.rd(a, 16, site); return this.loadI128(a); }
  storeU8Checked(a: number, v: number, site: number): void {
    if (!(a >= this.wrLo && a + 1 <= this.wrHi)) this.slowCheck(a, 1, true, site);
    this.u8[a] = v;
  }
  storeI8Checked(a: number, v: number, site: number): void { this.storeU8Checked(a, v, site); }
  storeU16Checked(a: number, v: number, site: number): void { this.wr(a, 2, site); this.dv.setUint16(a, v, true); }
  storeI16Checked(a: number, v: number, site: number): void { this.wr(a, 2, site); this.dv.setUint16(a, v, true); }
  storeU32Checked(a: number, v: number, site: number): void { this.wr(a, 4, site); this.dv.setUint32(a, v, true); }
  storeI32Checked(a: number, v: number, site: number): void { this.wr(a, 4, site); this.dv.setUint32(a, v, true); }
  storeF16Checked(a: number, v: number, site: number): void { this.wr(a, 2, site); this.storeF16(a, v); }
  storeF32Checked(a: number, v: number, site: number): void { this.wr(a, 4, site); this.dv.setFloat32(a, v, true); }
  storeF64Checked(a: number, v: number, site: number): void { this.wr(a, 8, site); this.dv.setFloat64(a, v, true); }
  storeU64Checked(a: number, v: number | bigint, site: number): void { this.wr(a, 8, site); this.storeU64(a, v); }
  storeI64Checked(a: number, v: number | bigint, site: number): void { this.wr(a, 8, site); this.storeU64(a, v); }
  storeU128Checked(a: number, v: number | bigint, site: number): void { this.wr(a, 16, site); this.storeU128(a, v); }
  storeI128Checked(a: number, v: number | bigint, site: number): void { this.wr(a, 16, site); this.storeU128(a, v); }

  /** Checks a byte range (no alignment requirement), e.g. for memcpy/strlen in shims. */
  check(a: number, n: number, isWrite: boolean, site: number): void {
    if (n <= 0) return;
    if (isWrite) {
      if (!(a >= this.wrLo && a + n <= this.wrHi)) this.slowCheck(a, n, true, site);
    } else if (!(a >= this.rdLo && a + n <= this.rdHi)) this.slowCheck(a, n, false, site);
  }

  /** Checked strlen: every byte up to and including the NUL must be inside one live block. */
  cstringLengthChecked(a: number, site: number): number {
    this.check(a, 1, false, site);
    const id = this.shadow[a >>> GRANULE_SHIFT];
    const end = this.blocks.start[id] + this.blocks.size[id];
    const u8 = this.u8;
    let e = a;
    while (e < end && u8[e] !== 0) e++;
    if (e >= end) this.slowCheck(e, 1, false, site); // ran off the block: report it
    return e - a;
  }

  private rd(a: number, n: number, site: number): void {
    if (!(a >= this.rdLo && a + n <= this.rdHi)) this.slowCheck(a, n, false, site);
    if ((a & (n - 1)) !== 0) throw this.misaligned(a, n, false, site);
  }

  private wr(a: number, n: number, site: number): void {
    if (!(a >= this.wrLo && a + n <= this.wrHi)) this.slowCheck(a, n, true, site);
    if ((a & (n - 1)) !== 0) throw this.misaligned(a, n, true, site);
  }

  /** Cache miss: find the block, fault if the access is not inside a live one, else cache it. */
  private slowCheck(a: number, n: number, isWrite: boolean, site: number): void {
    // Common case first: a live block that the cache did not hold (NaN fails the compare).
    if (a >= NULL_PAGE && a + n <= this.end) {
      const id = this.shadow[a >>> GRANULE_SHIFT];
      if (id > 0) {
        const b = this.blocks;
        const lo = b.start[id];
        const hi = lo + b.size[id];
        if (a + n <= hi) {
          if (!isWrite) {
            this.rdLo = lo; this.rdHi = hi; this.rdId = id;
            return;
          }
          if (b.kind[id] !== KIND_STATIC) {
            this.wrLo = lo; this.wrHi = hi; this.wrId = id;
            return;
          }
        }
      }
    }
    this.accessFault(a, n, isWrite, site);
  }

  /** The access is bad: build the precise report and throw it. */
  private accessFault(a: number, n: number, isWrite: boolean, site: number): never {
    const what = isWrite ? 'write' : 'read';
    if (!Number.isInteger(a) || a < 0 || a + n > this.end) {
      if (Number.isInteger(a) && a >= 0 && a < NULL_PAGE) throw this.nullFault(a, n, what, site);
      const f = new VexFault('out-of-bounds', `out-of-bounds ${what} of ${n} bytes at ${Number.isFinite(a) ? hex(a) : String(a)}: outside the address space`, false);
      f.addr = a; f.size = n; f.accessSite = site;
      throw f;
    }
    if (a < NULL_PAGE) throw this.nullFault(a, n, what, site);
    const sid = this.shadow[a >>> GRANULE_SHIFT];
    const b = this.blocks;
    if (sid > 0) {
      const lo = b.start[sid];
      const hi = lo + b.size[sid];
      if (a + n <= hi) {
        // Only a write to static data is left here.
        throw this.blockFault('read-only', `write of ${n} bytes to read-only memory at ${hex(a)} (static data)`, sid, a, n, site);
      }
      throw this.blockFault('out-of-bounds', `out-of-bounds ${what} of ${n} bytes at ${hex(a)}: offset ${a - lo} of ${this.describe(sid)}`, sid, a, n, site);
    }
    if (sid < 0) {
      const id = -sid;
      const stack = BLOCK_KIND_NAMES[b.kind[id]] === 'stack';
      const head = stack ? 'use of a dead stack slot' : 'use-after-free';
      throw this.blockFault('use-after-free', `${head}: ${what} of ${n} bytes at ${hex(a)} in freed ${this.describe(id)}`, id, a, n, site);
    }
    // No block here: name the nearest block below, if any, to make the report useful.
    const near = this.nearestBelow(a);
    if (near > 0) {
      const state = b.state[near] === STATE_FREED ? 'freed ' : '';
      throw this.blockFault('out-of-bounds', `out-of-bounds ${what} of ${n} bytes at ${hex(a)}: offset ${a - b.start[near]} of ${state}${this.describe(near)}`, near, a, n, site);
    }
    const f = new VexFault('out-of-bounds', `out-of-bounds ${what} of ${n} bytes at ${hex(a)}: no live block at this address`, false);
    f.addr = a; f.size = n; f.accessSite = site;
    throw f;
  }

  private nearestBelow(a: number): number {
    const sh = this.shadow;
    const g = a >>> GRANULE_SHIFT;
    const stop = Math.max(0, g - 256);
    for (let i = g; i >= stop; i--) {
      const s = sh[i];
      if (s !== 0) return s > 0 ? s : -s;
    }
    return 0;
  }

  describe(id: number): string {
    const b = this.blocks;
    const lo = b.start[id];
    return `block ${hex(lo)}..${hex(lo + b.size[id])} (${b.size[id]} bytes, ${BLOCK_KIND_NAMES[b.kind[id]]})`;
  }

  private nullFault(a: number, n: number, what: string, site: number): VexFault {
    const f = new VexFault('null-deref', `null pointer ${what} of ${n} bytes at ${hex(a)}`, false);
    f.addr = a; f.size = n; f.accessSite = site;
    return f;
  }

  private misaligned(a: number, n: number, isWrite: boolean, site: number): VexFault {
    const sid = this.shadow[a >>> GRANULE_SHIFT];
    const id = sid > 0 ? sid : 0;
    const msg = `misaligned ${isWrite ? 'write' : 'read'} of ${n} bytes at ${hex(a)} (alignment ${n})`;
    return id > 0 ? this.blockFault('misaligned', msg, id, a, n, site) : Object.assign(new VexFault('misaligned', msg, false), { addr: a, size: n, accessSite: site });
  }

  /** A fault about block `id`, filled with its bounds and sites. */
  blockFault(kind: VexFault['kind'], msg: string, id: number, a: number, n: number, site: number): VexFault {
    const b = this.blocks;
    const f = new VexFault(kind, msg, false);
    f.addr = a;
    f.size = n;
    f.accessSite = site;
    f.blockStart = b.start[id];
    f.blockSize = b.size[id];
    f.blockKind = BLOCK_KIND_NAMES[b.kind[id]];
    f.allocator = b.allocatorNames[b.allocator[id]];
    f.allocSite = b.allocSite[id];
    f.allocTask = b.allocTask[id];
    if (b.state[id] === STATE_FREED) {
      f.freeSite = b.freeSite[id];
      f.freeTask = b.freeTask[id];
    }
    return f;
  }

  // ---- shadow map / blocks (for the allocators) ----
  registerBlock(addr: number, size: number, align: number, kind: number, allocator: number, site: number, task: number): number {
    const id = this.blocks.create(addr, size, align, kind, allocator, site, task);
    const g0 = addr >>> GRANULE_SHIFT;
    const g1 = (addr + Math.max(size, 1) + GRANULE - 1) >>> GRANULE_SHIFT;
    const sh = this.shadow;
    if (g1 - g0 <= 8) for (let g = g0; g < g1; g++) sh[g] = id;
    else sh.fill(id, g0, g1);
    return id;
  }

  /** Drops the load/store bounds caches if they name block `id` (it is being freed). */
  forgetAccess(id: number): void {
    if (this.rdId === id) { this.rdLo = 0; this.rdHi = 0; this.rdId = 0; }
    if (this.wrId === id) { this.wrLo = 0; this.wrHi = 0; this.wrId = 0; }
  }

  /** The block becomes freed: accesses report use-after-free until it is retired. */
  markFreed(id: number, site: number, task: number): void {
    const b = this.blocks;
    b.state[id] = STATE_FREED;
    b.freeSite[id] = site;
    b.freeTask[id] = task;
    const a = b.start[id];
    const g0 = a >>> GRANULE_SHIFT;
    const g1 = (a + Math.max(b.size[id], 1) + GRANULE - 1) >>> GRANULE_SHIFT;
    const sh = this.shadow;
    if (g1 - g0 <= 8) for (let g = g0; g < g1; g++) sh[g] = -id;
    else sh.fill(-id, g0, g1);
    if (this.rdId === id) { this.rdLo = 0; this.rdHi = 0; this.rdId = 0; }
    if (this.wrId === id) { this.wrLo = 0; this.wrHi = 0; this.wrId = 0; }
  }

  /**
   * Changes a live block's size in place (realloc): its granules are re-owned and the access
   * caches forgotten, so the old bounds can never be used again. `span` = bytes the block's space
   * covered before (its granules beyond the new size are cleared).
   */
  resizeBlock(id: number, newSize: number, span: number): void {
    const b = this.blocks;
    const a = b.start[id];
    const sh = this.shadow;
    const g0 = a >>> GRANULE_SHIFT;
    const gNew = (a + Math.max(newSize, 1) + GRANULE - 1) >>> GRANULE_SHIFT;
    const gOld = Math.max(gNew, (a + span) >>> GRANULE_SHIFT);
    sh.fill(id, g0, gNew);
    sh.fill(0, gNew, gOld);
    b.size[id] = newSize;
    if (this.rdId === id) { this.rdLo = 0; this.rdHi = 0; this.rdId = 0; }
    if (this.wrId === id) { this.wrLo = 0; this.wrHi = 0; this.wrId = 0; }
  }

  /**
   * A freed block's record comes back to life for a new allocation of the same chunk (the system
   * allocator's quick lists): same start and granule count, new size, sites and task.
   */
  reviveBlock(id: number, size: number, align: number, allocator: number, site: number, task: number): void {
    const b = this.blocks;
    b.setLive(id, size, align, allocator, site, task);
    const a = b.start[id];
    const g0 = a >>> GRANULE_SHIFT;
    const g1 = (a + Math.max(size, 1) + GRANULE - 1) >>> GRANULE_SHIFT;
    const sh = this.shadow;
    for (let g = g0; g < g1; g++) sh[g] = id;
  }

  /** Forgets a block (its granules become "no block", its id is recycled). */
  retireBlock(id: number): void {
    const b = this.blocks;
    const a = b.start[id];
    const g0 = a >>> GRANULE_SHIFT;
    const g1 = (a + Math.max(b.size[id], 1) + GRANULE - 1) >>> GRANULE_SHIFT;
    const sh = this.shadow;
    // Clear only granules still naming this block (a newer block may own them already).
    for (let g = g0; g < g1; g++) if (sh[g] === id || sh[g] === -id) sh[g] = 0;
    if (this.rdId === id) { this.rdLo = 0; this.rdHi = 0; this.rdId = 0; }
    if (this.wrId === id) { this.wrLo = 0; this.wrHi = 0; this.wrId = 0; }
    b.release(id);
  }

  /** Live block containing addr, else 0. */
  blockAt(addr: number): number {
    if (!(addr >= 0 && addr < this.end)) return 0;
    const s = this.shadow[addr >>> GRANULE_SHIFT];
    if (s <= 0) return 0;
    const lo = this.blocks.start[s];
    return addr < lo + Math.max(this.blocks.size[s], 1) ? s : 0;
  }

  /** Block (live or freed) whose start is addr, else 0. */
  blockStartingAt(addr: number): number {
    if (!(addr >= 0 && addr < this.end) || (addr & (GRANULE - 1)) !== 0) return 0;
    const s = this.shadow[addr >>> GRANULE_SHIFT];
    const id = s < 0 ? -s : s;
    return id > 0 && this.blocks.start[id] === addr ? id : 0;
  }

  isLive(id: number): boolean {
    return this.blocks.state[id] === STATE_LIVE;
  }

  // ---- static segment ----
  /** Interns bytes as a read-only static block; identical contents share one address. */
  internBytes(bytes: Uint8Array): number {
    const a = this.tryInternBytes(bytes);
    if (a < 0) {
      const f = new VexFault('oom', `static segment exhausted (${this.staticEnd - this.staticBase} bytes)`, false);
      f.size = bytes.length;
      throw f;
    }
    return a;
  }
  /** internBytes, or -1 when the static segment has no room for them. */
  tryInternBytes(bytes: Uint8Array): number {
    let key = 'b';
    for (let i = 0; i < bytes.length; i++) key += String.fromCharCode(bytes[i]);
    const hit = this.interned.get(key);
    if (hit !== undefined) return hit;
    const a = this.staticTop;
    const end = roundUp(a + Math.max(bytes.length, 1), GRANULE) + GRANULE; // + a redzone granule
    if (end > this.staticEnd || !this.ensure(end)) return -1;
    this.u8.set(bytes, a);
    this.staticTop = end;
    this.registerBlock(a, bytes.length, 1, KIND_STATIC, 0, -1, -1);
    this.interned.set(key, a);
    return a;
  }

  /** A NUL-terminated UTF-8 copy of s in the static segment. */
  internCString(s: string): number {
    const a = this.tryInternCString(s);
    return a >= 0 ? a : this.internBytes(cBytes(s)); // (no room: its fault)
  }
  /** internCString, or -1 when the static segment has no room (Machine.cstr places it then). */
  tryInternCString(s: string): number {
    const hit = this.interned.get('c' + s);
    if (hit !== undefined) return hit;
    const a = this.tryInternBytes(cBytes(s));
    if (a >= 0) this.interned.set('c' + s, a);
    return a;
  }

  /** s's UTF-8 bytes (no NUL) in the static segment, with the byte length. */
  internString(s: string): { addr: number; len: number } {
    const enc = utf8.encode(s);
    return { addr: this.internBytes(enc), len: enc.length };
  }
}

/** s as C reads it: its UTF-8 bytes and a NUL. */
export function cBytes(s: string): Uint8Array {
  const enc = utf8.encode(s);
  const withNul = new Uint8Array(enc.length + 1);
  withNul.set(enc);
  return withNul;
}

export function roundUp(n: number, a: number): number {
  return Math.ceil(n / a) * a;
}

// Runtime representations of the prelude library types (§4.5). Generated code calls these methods
// directly (the checker resolved the receiver type). Buffers are accounted in the simulated heap
// through `HeapHooks` so allocation statistics and the heap profile see what a C runtime would.
import { Channel } from './scheduler';

/** How collections report their buffers to the allocator (set by the runtime at start). */
export interface HeapHooks {
  /** Allocate `size` bytes for a collection buffer; returns an address (0 when not accounted). */
  alloc(size: number, align: number, site: number): number;
  free(addr: number, size: number, align: number, site: number): void;
  /** alloc then free at once (a temporary's buffer: an f-string handed to a call). */
  tmp(size: number, align: number, site: number): void;
  /** realloc = one allocate plus one deallocate (§6.4). */
  realloc(addr: number, oldSize: number, size: number, align: number, site: number): number;
  /** A buffer of `size` bytes that cannot be had (beyond what the host can hold): fails like a
   *  native allocation of that size. */
  fail(size: number | bigint, site: number): never;
}

export const noHeap: HeapHooks = {
  alloc: () => 0,
  free: () => {},
  tmp: () => {},
  realloc: () => 0,
  fail: (size) => { throw new RangeError(`memory allocation of ${size} bytes failed`); },
};

export let heap: HeapHooks = noHeap;
export function setHeapHooks(h: HeapHooks): void {
  heap = h;
}

/** The largest Vec buffer, in elements (2^24): the host holds every element as a JS value (a
 *  BigInt i64 costs ~24 bytes), so a buffer that would double past it fails like an allocation of
 *  that buffer whatever the heap limit (a 4 GiB setting included), before the host runs out. A
 *  zero-sized element counts as one byte. */
export const MAX_VEC_ELEMS = 1 << 24;

/** Typed array constructors by element kind (common/vec-kinds.ts; 0: a plain JS array for good). */
export const VEC_KINDS = [null, Int8Array, Uint8Array, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array] as const;
type Typed = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;
/** Capacity from which a Vec of a typed kind moves its elements into a typed array. Measured
 *  (CPU, 2 cores, loaded): 20,000 short-lived Vecs of 8-100 i32 took ~120 ms as plain arrays and
 *  ~190 ms with this at 64 (each typed array costs an allocation); 40 Vecs of 60,000 took ~230 ms
 *  plain and ~25-45 ms typed; Vecs of 5,000 cost the same either way (bench/programs/vecprim.vx:
 *  ~160 ms plain, ~22 ms typed). */
export const VEC_TYPED_AT = 1024;

/** Vec<T>: `b` holds the elements (`n` of them) and `cap` tracks the simulated buffer, which grows
 *  0 -> 4 -> 8 -> 16 ... (§4.5). `b` is a plain JS array of exactly `n` elements, or, for a Vec of
 *  a primitive kind (`kind` > 0: i8..u32, f32, f64) once its capacity reaches VEC_TYPED_AT, a typed
 *  array of `cap` elements (past `n` unused). Hot generated code reads `b`/`n`; everything else
 *  reads `a`, the elements as an array-like of exactly `n` (a view sharing the typed storage). */
export class VVec<T = unknown> {
  b: T[] | Typed;
  n: number;
  cap = 0;
  addr = 0;
  /** The typed storage's cached view of `n` elements (`a`). */
  private vw: Typed | null = null;
  /** `site`: where a Vec made with its elements is allocated (the heap profile's line). */
  constructor(readonly esize: number, readonly ealign: number, items?: T[], public kind = 0, site = -1) {
    this.b = items ?? [];
    this.n = this.b.length;
    if (items && items.length) {
      this.cap = items.length;
      this.addr = heap.alloc(this.cap * esize, ealign, site);
      this.store(this.cap);
    }
  }
  /** The elements, exactly `n` of them (writes through it reach the Vec). */
  get a(): ArrayLike<T> & Iterable<T> {
    const b = this.b;
    if (Array.isArray(b)) return b;
    let v = this.vw;
    if (v === null || v.length !== this.n || v.buffer !== b.buffer) v = this.vw = b.subarray(0, this.n);
    return v as unknown as ArrayLike<T> & Iterable<T>;
  }
  /** The elements as a new plain array. */
  toArray(): T[] {
    return Array.from(this.a);
  }
  push(x: T, site = -1): void {
    if (this.n === this.cap) this.grow(site);
    const b = this.b;
    if (Array.isArray(b)) b.push(x);
    else b[this.n] = x as number;
    this.n++;
  }
  /** The last element, removed (the caller checked `n > 0`). */
  pop(): T {
    const b = this.b;
    this.n--;
    return (Array.isArray(b) ? b.pop() : b[this.n]) as T;
  }
  /** Remove every element; returns them (to be dropped) when `take`. */
  clear(take = false): T[] {
    const out = take ? this.toArray() : [];
    if (Array.isArray(this.b)) this.b.length = 0;
    this.n = 0;
    return out;
  }
  /** `insert`/`remove` at index i (checked by the caller). */
  splice(i: number, del: number, x?: T): T {
    const b = this.b;
    if (Array.isArray(b)) {
      this.n += del ? -1 : 1;
      return (del ? b.splice(i, 1)[0] : (b.splice(i, 0, x as T), undefined)) as T;
    }
    if (del) {
      const r = b[i] as T;
      b.copyWithin(i, i + 1, this.n);
      this.n--;
      return r;
    }
    b.copyWithin(i + 1, i, this.n);
    b[i] = x as number;
    this.n++;
    return undefined as T;
  }
  /** Write the elements back from a plain array of `n` elements (after a sort). */
  setAll(xs: T[]): void {
    const b = this.b;
    if (Array.isArray(b)) { for (let i = 0; i < xs.length; i++) b[i] = xs[i]; }
    else b.set(xs as unknown as number[]);
  }
  grow(site: number): void {
    const nc = this.cap === 0 ? 4 : this.cap * 2;
    if (nc > MAX_VEC_ELEMS) heap.fail(nc * Math.max(1, this.esize), site);
    if (this.cap === 0) this.addr = heap.alloc(nc * this.esize, this.ealign, site);
    else this.addr = heap.realloc(this.addr, this.cap * this.esize, nc * this.esize, this.ealign, site);
    this.cap = nc;
    this.store(nc);
  }
  /** Storage for `cap` elements: a typed kind moves to (or grows) its typed array. */
  private store(cap: number): void {
    if (this.kind === 0 || cap < VEC_TYPED_AT) return;
    const b = this.b;
    if (!Array.isArray(b) && b.length >= cap) return;
    let t: Typed;
    try {
      t = new VEC_KINDS[this.kind]!(cap);
    } catch {
      // the host cannot give that much at once (a big reserve): stay, or go back to, a plain array
      if (!Array.isArray(b)) { this.b = Array.from(b.subarray(0, this.n)) as T[]; this.vw = null; }
      this.kind = 0;
      return;
    }
    if (Array.isArray(b)) { for (let i = 0; i < this.n; i++) t[i] = b[i] as number; }
    else t.set(b.subarray(0, this.n));
    this.b = t;
    this.vw = null;
  }
  /** `reserve(n)`: room for n more elements (at least double, like push growth). A request no
   *  heap can hold fails with its exact size. */
  reserve(n: number | bigint, site = -1): undefined {
    if (n <= 0) return undefined;
    const need = BigInt(this.n) + BigInt(n);
    if (need <= BigInt(this.cap)) return undefined;
    const bytes = need * BigInt(this.esize);
    if (bytes > BigInt(Number.MAX_SAFE_INTEGER)) heap.fail(bytes, site);
    const nc = Math.max(this.cap * 2, Number(need));
    if (nc > MAX_VEC_ELEMS) heap.fail(nc * Math.max(1, this.esize), site);
    if (this.cap === 0) this.addr = heap.alloc(nc * this.esize, this.ealign, site);
    else this.addr = heap.realloc(this.addr, this.cap * this.esize, nc * this.esize, this.ealign, site);
    this.cap = nc;
    this.store(nc);
    return undefined;
  }
  /** Free the buffer (the Vec was dropped or went out of scope for good). */
  release(site = -1): void {
    // accounting only: the elements stay readable if a missed move keeps using the Vec
    if (this.cap) heap.free(this.addr, this.cap * this.esize, this.ealign, site);
    this.cap = 0;
    this.addr = 0;
  }
}

/** The longest string, in UTF-8 bytes (2^27): a host string holds at most ~2^29 UTF-16 units,
 *  so a longer one (or the concatenation of two) fails like the allocation of its buffer whatever
 *  the heap limit, before the host refuses it. */
export const MAX_STRING_BYTES = 1 << 27;

/** `head + parts.join(sep) + tail`, built only when the result fits a string (MAX_STRING_BYTES
 *  UTF-8 bytes): a longer one fails like the allocation of its buffer, with its exact size, before
 *  the host refuses it. Every string the program's sizes decide (f-strings, `+`, formatting, join)
 *  is built here, so the host's own "Invalid string length" never happens. */
export function catStr(parts: readonly string[], site = -1, sep = '', head = '', tail = ''): string {
  let units = head.length + tail.length + sep.length * Math.max(0, parts.length - 1);
  for (const p of parts) units += p.length;
  // a UTF-16 unit is 1 to 3 bytes of UTF-8, so the exact size is needed only near the limit
  if (units * 3 > MAX_STRING_BYTES) {
    let bytes = utf8Len(head) + utf8Len(tail) + utf8Len(sep) * Math.max(0, parts.length - 1);
    for (const p of parts) bytes += utf8Len(p);
    if (bytes > MAX_STRING_BYTES) heap.fail(bytes, site);
  }
  // an f-string's few pieces: `+` costs a fraction of Array.prototype.join (strbuild: most of an
  // f-string's time went to join)
  if (sep === '' && parts.length <= 8) {
    let s = head;
    for (let i = 0; i < parts.length; i++) s += parts[i];
    return s + tail;
  }
  return head + parts.join(sep) + tail;
}

/** The last temporary string the host sized (an f-string's text, host.tmpStr) and its UTF-8
 *  length: `s.push(f"{i},")` appends it without scanning it a second time. A string equal to it
 *  has the same length, so an equal one (not the same object) is right too. Short ones only: the
 *  note keeps the text alive. */
let lastTmp = '';
let lastTmpLen = 0;
export function noteTmpLen(s: string, n: number): void {
  if (s.length <= 256) { lastTmp = s; lastTmpLen = n; }
}

/** String: growable UTF-8 text. The JS string holds the text; `cap` tracks the simulated buffer. */
export class VString {
  cap = 0;
  addr = 0;
  /** Length in UTF-8 bytes, kept incrementally (appends are O(appended)). */
  blen: number;
  constructor(public s: string, site = -1) {
    const n = utf8Len(s);
    this.blen = n;
    if (n > MAX_STRING_BYTES) heap.fail(n, site);
    if (n > 0) {
      this.cap = n;
      this.addr = heap.alloc(n, 1, site);
    }
  }
  append(t: string, site = -1): void {
    this.appendSized(t, t === lastTmp ? lastTmpLen : utf8Len(t), site);
  }
  /** append(t) when t's UTF-8 length `tn` is known. */
  appendSized(t: string, tn: number, site = -1): void {
    const n = this.blen + tn;
    if (n > MAX_STRING_BYTES) heap.fail(Math.max(n, this.cap * 2), site);
    this.s += t;
    this.blen = n;
    if (n > this.cap) {
      const nc = Math.max(n, this.cap * 2, 8);
      this.addr = this.cap === 0 ? heap.alloc(nc, 1, site) : heap.realloc(this.addr, this.cap, nc, 1, site);
      this.cap = nc;
    }
  }
  /** `String.withCapacity(n)`: the buffer holds at least n bytes before the next growth. */
  reserve(n: number | bigint, site = -1): this {
    if (n > MAX_STRING_BYTES) heap.fail(n, site); // (a 64-bit request fails with its exact size)
    n = Number(n);
    if (n > this.cap) {
      this.addr = this.cap === 0 ? heap.alloc(n, 1, site) : heap.realloc(this.addr, this.cap, n, 1, site);
      this.cap = n;
    }
    return this;
  }
  release(site = -1): void {
    if (this.cap) heap.free(this.addr, this.cap, 1, site);
    this.cap = 0;
  }
  toString(): string {
    return this.s;
  }
}

/** The largest Map/Set table, in entries. A host Map/Set holds at most 2^24 (V8) and the entry is
 *  stored before the table grows, so a table that would double past 2^23 fails like an allocation
 *  of that table, whatever the heap limit: the host's own limit is never reached. */
export const MAX_TABLE_ENTRIES = 1 << 23;

/** Map and Set tables are accounted like a Vec's buffer (§6.18): `cap` entries of `esize` bytes,
 *  allocated at the first insert (4 entries), doubled (one realloc) when an insert overflows it. */
class Table {
  cap = 0;
  addr = 0;
  constructor(readonly esize = 8, readonly ealign = 8) {}
  protected fitSize(size: number, site: number): void {
    if (size <= this.cap) return;
    let nc = this.cap === 0 ? 4 : this.cap * 2;
    while (nc < size) nc *= 2;
    if (nc > MAX_TABLE_ENTRIES) heap.fail(nc * this.esize, site);
    this.addr = this.cap === 0 ? heap.alloc(nc * this.esize, this.ealign, site) : heap.realloc(this.addr, this.cap * this.esize, nc * this.esize, this.ealign, site);
    this.cap = nc;
  }
  release(site = -1): void {
    if (this.cap) heap.free(this.addr, this.cap * this.esize, this.ealign, site);
    this.cap = 0;
    this.addr = 0;
  }
}

/** Map<K, V> in insertion order. Primitive keys (integers, BigInts, strs, booleans, unit enum
 *  values) are used as-is; compound keys (String, structs, tuples..., and floats for NaN) are
 *  stored under a canonical string `canonKey(k)`, with the original key kept in `ok` for
 *  iteration and printing (codegen/keys.ts compoundKey decides). */
export class VMap<K = unknown, V = unknown> extends Table {
  m = new Map<K, V>();
  ok: Map<unknown, unknown> | null = null;
  /** Keys compared by a user `op==` (classKey): stored keys by the canonical form of their hash. */
  byHash: Map<string, string[]> | null = null;
  /** The key operations byHash was built with (a REPL cell that defines hash() again has others). */
  byOps: KeyOps | null = null;
  /** Ids classKey has added to byHash (a search run by op== adding one is seen), and how many
   *  byHash holds (removed keys' included, until swept). */
  keyAdds = 0;
  bucketIds = 0;
  /** After an insert: grow the table if the entries no longer fit. */
  fit(site = -1): undefined { this.fitSize(this.m.size, site); return undefined; }
  /** Original keys in insertion order. */
  keys(): unknown[] {
    return this.ok ? [...this.m.keys()].map((k) => this.ok!.get(k)) : [...this.m.keys()];
  }
}

export class VSet<T = unknown> extends Table {
  m = new Set<T>();
  ok: Map<unknown, unknown> | null = null;
  byHash: Map<string, string[]> | null = null;
  byOps: KeyOps | null = null;
  keyAdds = 0;
  bucketIds = 0;
  fit(site = -1): undefined { this.fitSize(this.m.size, site); return undefined; }
  values(): unknown[] {
    return this.ok ? [...this.m].map((k) => this.ok!.get(k)) : [...this.m];
  }
}

/** The value's own fields, wherever it lives: a memory-backed struct (address taken, membacked.ts)
 *  has them as accessors listed in `$fields`; other objects as own properties. `$`-named ones are
 *  the machine's (an enum's flat box addresses) and are left out. */
export function fieldKeys(o: object): string[] {
  const f = (o as { $fields?: string[] }).$fields;
  return f ?? Object.keys(o).filter((k) => k[0] !== '$');
}

/** Keys made for NaN so far: each is new, so no key holding a NaN equals another. Their mark
 *  \x01 appears in no other canonical text (JSON escapes control characters), so a map holding
 *  one is found unequal to every map, its clone included (`$eq`). */
let nanKeys = 0;
export const holdsNaN = (c: unknown): boolean => typeof c === 'string' && c.includes('\x01');

/** A canonical string for a compound value used as a map/set key: equal as `==` says exactly when
 *  their strings are equal. `==` says NaN ≠ NaN, so a key holding a NaN is a string never made
 *  before: inserting it adds an entry, looking it up finds none (Go's maps do the same); `0.0`
 *  and `-0.0` are one key. */
export function canonKey(v: unknown): string {
  switch (typeof v) {
    case 'number': return v !== v ? '\x01' + nanKeys++ : 'n' + (Object.is(v, -0) ? '0' : String(v));
    case 'bigint': return 'b' + v;
    case 'string': return 's' + JSON.stringify(v);
    case 'boolean': return v ? 'T' : 'F';
    case 'undefined': return 'u';
  }
  if (v === null) return 'u';
  if (v instanceof VString) return 's' + JSON.stringify(v.s);
  if (v instanceof VVec) return 'V' + canonKey(v.toArray());
  if (isBox(v)) return 'B' + canonKey(v.v);
  // a Gc handle is a key by identity (its block address), like `==` (§6.16: a shared handle)
  if (v instanceof VGc) return 'G' + v.addr;
  if (v instanceof Channel) return 'C' + v.seq; // so is a Channel handle (never printed)
  if (Array.isArray(v)) return '[' + v.map(canonKey).join(',') + ']';
  // a map or set key is its entries in any order (its table's fields are a block address)
  if (v instanceof VMap) return 'M{' + [...v.m].map(([k, x]) => canonKey(k) + ':' + canonKey(x)).sort().join(',') + '}';
  if (v instanceof VSet) return 'S{' + [...v.m].map((k) => canonKey(k)).sort().join(',') + '}';
  const o = v as Record<string, unknown>;
  // the keys of one map have one type: field names and values identify a value wherever it lives
  return '{' + fieldKeys(o).map((k) => k + ':' + canonKey(o[k])).join(',') + '}';
}

/** How a key type holding a user `op==` is found (codegen/keys.ts): its `==`, and its own `hash()`
 *  when it has one (without one every key is in one bucket: found by `==` alone, in linear time). */
export interface KeyOps { eq(a: unknown, b: unknown): boolean; hash: ((k: unknown) => unknown) | null }
let classIds = 0;

/** The stored key of k in m (a key type with a user `op==`, Eq §3.7): the id of the stored key
 *  that `==` k among those with k's hash, else a new id (kept in its bucket when `add`: the caller
 *  stores it). A bucket forgets ids no longer in m as it is searched; a clone of m rebuilds its
 *  buckets from its keys on first use. op== and hash() are the program's code and may change m
 *  itself (a thread_local map): a search compares a snapshot of the bucket, skips keys removed
 *  meanwhile (it read a missing key: an internal error), and when keys were added meanwhile, one
 *  of which may `==` k, an insert searches again (it stored a second equal key). */
export function classKey(m: VMap | VSet, k: unknown, ops: KeyOps, add: boolean): string {
  const hashOf = (x: unknown) => (ops.hash ? canonKey(ops.hash(x)) : '');
  const h = hashOf(k);
  // (built on first use, for a clone too; built again under other operations: each REPL cell
  // has its own, so a map used from a new cell calls hash() on its keys again, and one that
  // defined hash() again found no key stored under the old one)
  if (!m.byHash || m.byOps !== ops) {
    const built = new Map<string, string[]>();
    let n = 0;
    if (m.ok) for (const [id, x] of [...m.ok]) { bucket(built, hashOf(x)).push(id as string); n++; }
    // (a hash() that used m meanwhile built them, and may have added since)
    if (!m.byHash || m.byOps !== ops) { m.byHash = built; m.byOps = ops; m.bucketIds = n; }
  }
  const byHash = m.byHash;
  for (;;) {
    const ids = byHash.get(h);
    if (!ids) break;
    const w = keepLive(m, ids);
    if (w === 0) byHash.delete(h);
    const adds = m.keyAdds;
    for (const id of ids.slice()) if (m.m.has(id as never) && ops.eq(m.ok!.get(id), k)) return id;
    if (!add || m.keyAdds === adds) break;
  }
  const id = '\x02' + classIds++;
  if (add) {
    // ids of removed keys wait in their buckets until searched: when they are most of them, all
    // buckets are swept (keys removed under hashes never looked up again held host memory: a loop
    // inserting and removing distinct keys grew without bound); before the new id goes in, which
    // the caller has yet to store
    if (m.bucketIds >= 2 * m.m.size + 64) for (const [b, xs] of byHash) if (keepLive(m, xs) === 0) byHash.delete(b);
    bucket(byHash, h).push(id);
    m.keyAdds++;
    m.bucketIds++;
  }
  return id;
}
/** Drops the ids no longer in m from a bucket (in place): how many are left. */
function keepLive(m: VMap | VSet, ids: string[]): number {
  let w = 0;
  for (const id of ids) if (m.m.has(id as never)) ids[w++] = id;
  m.bucketIds -= ids.length - w;
  ids.length = w;
  return w;
}
function bucket(byHash: Map<string, string[]>, h: string): string[] {
  let b = byHash.get(h);
  if (!b) byHash.set(h, (b = []));
  return b;
}

/** Box<T>: the value plus the address of its 8-byte system heap block. Two fields: a tree of boxes
 *  keeps one VBox per node alive, so its size matters to the GC (the free finds the block id in the
 *  shadow entry it rewrites anyway). */
export class VBox<T = unknown> {
  constructor(public v: T, public addr = 0) {}
  /** A Box's block is always 8 bytes. */
  get size(): number { return 8; }
  /** Served by another allocator (a prototype getter: a constant where the site sees one class). */
  get foreign(): boolean { return false; }
}
/** A Box whose block another allocator (arena, Vex allocator) serves: freed through it. */
export class VBoxForeign<T = unknown> extends VBox<T> {
  override get foreign(): boolean { return true; }
}

/**
 * A Box held in an enum variant's field is stored flat in the enum object: the content in `aJ`,
 * the block in `$bJ` (its address, negated when another allocator serves it, 0 once freed or
 * moved out). Binding that field in a pattern makes a view, which reads and writes those two
 * fields as a VBox's `v` and `addr`: the binding and the enum share one box, as they would share
 * a VBox. Why: a tree then costs one JS object per node instead of one per node plus one per box
 * (codegen DESIGN.md, "Boxes in enum fields"). One class for every field keeps the sites that
 * take or drop boxes monomorphic; the switch covers the usual arities without a computed key.
 */
export class VBoxView {
  constructor(readonly o: Record<string, unknown>, readonly j: number) {}
  get v(): unknown {
    const o = this.o;
    switch (this.j) {
      case 0: return o.a0;
      case 1: return o.a1;
      case 2: return o.a2;
      default: return o['a' + this.j];
    }
  }
  set v(x: unknown) {
    const o = this.o;
    switch (this.j) {
      case 0: o.a0 = x; break;
      case 1: o.a1 = x; break;
      case 2: o.a2 = x; break;
      default: o['a' + this.j] = x;
    }
  }
  private get slot(): number {
    const o = this.o;
    switch (this.j) {
      case 0: return o.$b0 as number;
      case 1: return o.$b1 as number;
      case 2: return o.$b2 as number;
      default: return o['$b' + this.j] as number;
    }
  }
  get addr(): number {
    const s = this.slot;
    return s < 0 ? -s : s;
  }
  /** Only ever set to 0 (freed or moved out): the field then holds no block. */
  set addr(a: number) {
    const o = this.o;
    const s = this.slot < 0 ? -a : a;
    switch (this.j) {
      case 0: o.$b0 = s; break;
      case 1: o.$b1 = s; break;
      case 2: o.$b2 = s; break;
      default: o['$b' + this.j] = s;
    }
  }
  get foreign(): boolean { return this.slot < 0; }
  get size(): number { return 8; }
}

/**
 * What a pattern binding leaves in its owner's field when it is moved out (`match o { Some(s) =>
 * s }`, the owner still to be dropped): drop functions skip it, so the value is dropped once, by
 * its new owner. Printing a partly moved value shows `<moved>`.
 */
export const MOVED_OUT: object = Object.freeze({ movedOut: true });

/** A Box value of either representation (a VBox, or a view on an enum field). */
export function isBox(v: unknown): v is VBox | VBoxView {
  return v instanceof VBox || v instanceof VBoxView;
}

/** A view `&a[lo..hi]` on an array or a Vec's elements. */
export class VSlice<T = unknown> {
  constructor(public a: T[], public off: number, public len: number) {}
}

/** `&x!` on a place that is not an object: get/set closures over the place. */
export class Cell<T = unknown> {
  constructor(readonly get: () => T, readonly set: (v: T) => void) {}
}

const enc = new TextEncoder();
/** A byte slice of a str that cuts a UTF-8 sequence keeps each stray byte B as the lone surrogate
 *  U+DC00+B ("surrogate escape"), so its byte length and bytes stay exact (host.ts `strSlice`). */
const isEscape = (c: number) => c >= 0xdc80 && c <= 0xdcff;
/** Byte length of a JS string in UTF-8 (fast path for ASCII). */
export function utf8Len(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 127) return utf8LenSlow(s);
  }
  return n;
}
function utf8LenSlow(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { n += 4; i++; }
    else if (isEscape(c)) n += 1;
    else n += 3;
  }
  return n;
}
export function utf8Bytes(s: string): Uint8Array {
  let escaped = false;
  for (let i = 0; i < s.length && !escaped; i++) escaped = isEscape(s.charCodeAt(i));
  if (!escaped) return enc.encode(s);
  const out: number[] = [];
  let run = '';
  const flush = () => { if (run) { for (const b of enc.encode(run)) out.push(b); run = ''; } };
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isEscape(c)) { flush(); out.push(c - 0xdc00); } else run += s[i];
  }
  flush();
  return Uint8Array.from(out);
}
/** Bytes -> str, exactly: valid UTF-8 sequences decode, each stray byte becomes its escape. */
export function strFromBytes(b: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < b.length) {
    const x = b[i];
    const len = x < 0x80 ? 1 : x >= 0xc2 && x <= 0xdf ? 2 : x >= 0xe0 && x <= 0xef ? 3 : x >= 0xf0 && x <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= b.length;
    for (let k = 1; ok && k < len; k++) ok = (b[i + k] & 0xc0) === 0x80;
    if (ok && len > 1) {
      const t = dec.decode(b.subarray(i, i + len));
      ok = !t.includes('\ufffd');
      if (ok) { out += t; i += len; continue; }
    }
    if (ok) { out += String.fromCharCode(x); i++; continue; }
    out += String.fromCharCode(0xdc00 + x);
    i++;
  }
  return out;
}
const dec = new TextDecoder();

/** Gc<T>: a shared handle (§6.16); gc.ts finds its roots. */
export class VGc<T = unknown> {
  freed = false;
  constructor(public v: T, readonly drop: ((v: T) => void) | null, public addr = 0) {}
}

// Small helpers generated code binds once as locals (`rt.jsBuiltins`, `rt.helpers`): JS builtins it may use
// (generated code never names a global) and checked operations that are too big to inline.
import type { Runtime } from './rt';
import { VMap, VSet, VSlice, VVec, VString, VGc, canonKey, classKey, holdsNaN, isBox, fieldKeys, type KeyOps } from './collections';
import { formatG } from './format-value';
import { Channel } from './scheduler';
import { oomFault } from '../memory/fault';
import { castToInt, ipow as ipowRaw } from './ints';
import * as W from './wide';
import { type IntName, wideToFloat } from '../../common/ints';
import { f16round } from '../../common/f16';

export const jsBuiltins = {
  $BigInt: BigInt,
  $Number: Number,
  $imul: Math.imul,
  $fround: Math.fround,
  // 64/128-bit integers: numbers while safe, BigInts beyond (wide.ts); `$asI`/`$asU` accept both
  $asI: W.asI,
  $asU: W.asU,
  $f16round: f16round,
  $floor: Math.floor,
  $g: formatG,
  $wadd: W.add,
  $wsub: W.sub,
  $wmul: W.mul,
  $wneg: W.neg,
  $wnot: W.not,
  $wand: W.and,
  $wor: W.or,
  $wxor: W.xor,
  $wshl: W.shl,
  $wshr: W.shr,
  $wnum: W.fromNum,
  $wcnt: W.shiftCount,
  $winc: W.inc,
};

const GenProto = Object.getPrototypeOf(function* () { /* probe */ }).prototype;
const isGen = (x: unknown) => x != null && typeof x === 'object' && Object.getPrototypeOf(x) !== null && GenProto.isPrototypeOf(x);

type Drop = (v: unknown) => void;
/** The Option class of the program (`new opt(0, v)` is `Some(v)`). */
type Opt = new (t: number, v: unknown) => unknown;

/** One pair of `==` (§2.2 structural): false when they differ here; their parts go on `todo`. */
function eqStep(a: unknown, b: unknown, todo: unknown[]): boolean {
  // one object is equal to itself only field by field: a NaN in it is unequal to itself (§5.2
  // `==` is structural), so `t == t` and `t == copy_of_t` agree; a Gc or Channel handle is its
  // identity
  if (a === b && (typeof a !== 'object' || a === null || a instanceof VGc || a instanceof Channel)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof VString && b instanceof VString) return a.s === b.s;
  if (a instanceof VVec && b instanceof VVec) {
    if (a.n !== b.n) return false;
    const x = a.a, y = b.a;
    for (let i = 0; i < x.length; i++) todo.push(x[i], y[i]);
    return true;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) todo.push(a[i], b[i]);
    return true;
  }
  if (a instanceof VSlice && b instanceof VSlice) {
    if (a.len !== b.len) return false;
    for (let i = 0; i < a.len; i++) todo.push(a.a[a.off + i], b.a[b.off + i]);
    return true;
  }
  if (isBox(a) && isBox(b)) { todo.push(a.v, b.v); return true; } // contents, not block addresses
  // maps and sets: the same keys (their canonical forms), each with equal values, in any order
  // (they compared their tables' fields: block addresses, so two equal maps were unequal); a key
  // holding a NaN is found by no lookup, so a map holding one equals no map, its clone included
  // (Rust's HashMap == looks each key up the same way); keys are canonical text only in a map
  // with `ok` (a `str` key is its own text and may hold any character)
  if (a instanceof VMap && b instanceof VMap) {
    if (a.m.size !== b.m.size) return false;
    for (const [k, v] of a.m) { if ((a.ok && holdsNaN(k)) || !b.m.has(k)) return false; todo.push(v, b.m.get(k)); }
    return true;
  }
  if (a instanceof VSet && b instanceof VSet) {
    if (a.m.size !== b.m.size) return false;
    for (const k of a.m) if ((a.ok && holdsNaN(k)) || !b.m.has(k)) return false;
    return true;
  }
  if (a instanceof VGc || b instanceof VGc || a instanceof Channel || b instanceof Channel) return false; // handles: equal when the same object
  // one class per declaration; a REPL session has one module per cell, each with its own class of
  // the same declaration under the same name (codegen context.ts names them); a memory-backed
  // struct (address taken) equals a plain one with the same fields
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b) && a.constructor.name !== b.constructor.name && !('$fields' in (a as object)) && !('$fields' in (b as object))) return false;
  for (const k of fieldKeys(a as object)) todo.push((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]);
  return true;
}

/** A bound as the program wrote it (a 64-bit index is printed exactly, never as a double). */
export function exact(v: number | bigint | undefined, n: number): string {
  return typeof v === 'bigint' ? String(v) : String(n);
}
export function exactEnd(v: number | bigint | undefined, n: number, inc: boolean): string {
  return typeof v === 'bigint' ? String(inc ? v + 1n : v) : String(n);
}

/** How a Map/Set finds its keys (codegen/keys.ts keyArg): false, the JS value itself; true, its
 *  canonical text (canonKey); a KeyOps, by the key type's user `op==` (classKey). */
export type KeyMode = boolean | KeyOps;

export function makeHelpers(rt: Runtime) {
  const num = (i: number | bigint) => (typeof i === 'bigint' ? Number(i) : i);
  /** Run the drops `fs[i](xs[i])` (a null drop is skipped) in order, going on past one that panics
   *  (while that panic unwinds, so a second aborts), then rethrow it: as Rust's drop glue. */
  const dropEach = (n: number, f: (i: number) => void): void => {
    let u: unknown;
    for (let i = 0; i < n; i++) {
      try { for (; i < n; i++) f(i); } catch (e) { u = rt.dropFault(u, e); }
    }
    if (u !== undefined) throw u;
  };
  /** The stored key of k in m. A key type's own op== and hash() are the program's code: while
   *  they run, what the operation holds in flight (m, k, a value v being inserted) is a GC root
   *  (one calling gc_collect() freed the value an insert was given, and the map then held it). */
  const keyOf = (m: VMap | VSet, k: unknown, mode: KeyMode, add: boolean, v?: unknown): unknown => {
    if (typeof mode !== 'object') return mode ? canonKey(k) : k;
    const held = () => [m, k, v];
    rt.gc.enter(held);
    try { return classKey(m, k, mode, add); } finally { rt.gc.leave(held); }
  };
  /** keyOf for an operation that was given k (and v) to keep or consume: a key type's own op==
   *  may panic, and then `give` drops what the operation was given (nothing else would). */
  const keyTaking = (m: VMap | VSet, k: unknown, mode: KeyMode, add: boolean, give: () => void, v?: unknown): unknown => {
    if (typeof mode !== 'object') return keyOf(m, k, mode, add);
    try {
      return keyOf(m, k, mode, add, v);
    } catch (e) {
      let u = e;
      try { give(); } catch (e2) { u = rt.dropFault(u, e2); }
      throw u;
    }
  };
  /** Drops a key and a value an operation was given (either drop may be null). */
  const dropGiven = (dk: Drop | null, dv: Drop | null, k: unknown, v: unknown) => () => dropEach(2, (j) => { if (j === 0) { if (dk) dk(k); } else if (dv) dv(v); });
  /** Stores v under stored key c (given key k): replacing a value drops it and the given key (the
   *  map keeps its first key, as Rust's does); whether the entry is new. */
  const putAt = (m: VMap<unknown, unknown>, c: unknown, k: unknown, v: unknown, compound: KeyMode, dk: Drop | null, dv: Drop | null): boolean => {
    if (m.m.has(c)) {
      const old = m.m.get(c);
      m.m.set(c, v);
      dropEach(2, (j) => { if (j === 0) { if (dv) dv(old); } else if (dk) dk(k); });
      return false;
    }
    m.m.set(c, v);
    if (compound) (m.ok ??= new Map()).set(c, k);
    return true;
  };
  const h = {
    $div(a: number, b: number, s: number): number {
      if (b === 0) rt.divz(s);
      return Math.trunc(a / b);
    },
    $rem(a: number, b: number, s: number): number {
      if (b === 0) rt.divz(s);
      return a % b + 0; // (+ 0: an integer has no -0; JS's -4 % 2 is -0)
    },
    $bdiv(a: W.Wide, b: W.Wide, s: number, k: number): W.Wide {
      if (b === 0 || b === 0n) rt.divz(s);
      return W.div(a, b, k);
    },
    $brem(a: W.Wide, b: W.Wide, s: number): W.Wide {
      if (b === 0 || b === 0n) rt.divz(s);
      return W.rem(a, b);
    },
    $ipow(a: number | bigint, e: number | bigint, n: IntName, s: number): number | bigint {
      if (e < 0) rt.negExp(s);
      return ipowRaw(a, e, n);
    },
    $f2i(x: number, n: IntName) {
      return castToInt(x, n, true);
    },
    /** A 64/128-bit integer `as f32`/`as f16`: rounded once (a safe number is exact in an f64). */
    $i2f(x: number | bigint, bits: number): number {
      const r = bits === 32 ? Math.fround : f16round;
      return typeof x === 'bigint' ? wideToFloat(x, bits, r) : r(x);
    },
    $aget<T>(a: T[], i: number | bigint, s: number): T {
      const k = num(i);
      if (k >= 0 && k < a.length) return a[k];
      return rt.outOfBounds(i, a.length, s);
    },
    /** Number-indexed fast paths (the index type is <= 32 bits). */
    $agetn<T>(a: T[], i: number, s: number): T {
      return (i >>> 0) < a.length && i >= 0 ? a[i] : rt.outOfBounds(i, a.length, s);
    },
    $asetn<T>(a: T[], i: number, v: T, s: number): void {
      if ((i >>> 0) < a.length && i >= 0) a[i] = v;
      else rt.outOfBounds(i, a.length, s);
    },
    $aset<T>(a: T[], i: number | bigint, v: T, s: number): void {
      const k = num(i);
      if (k >= 0 && k < a.length) a[k] = v;
      else rt.outOfBounds(i, a.length, s);
    },
    $sget<T>(sl: VSlice<T>, i: number | bigint, s: number): T {
      const k = num(i);
      if (k >= 0 && k < sl.len) return sl.a[sl.off + k];
      return rt.outOfBounds(i, sl.len, s);
    },
    $sset<T>(sl: VSlice<T>, i: number | bigint, v: T, s: number): void {
      const k = num(i);
      if (k >= 0 && k < sl.len) sl.a[sl.off + k] = v;
      else rt.outOfBounds(i, sl.len, s);
    },
    $mget<K, V>(m: VMap<K, V>, k: K, s: number): V {
      if (!m.m.has(k)) rt.panic('key not found', s);
      return m.m.get(k) as V;
    },
    /** Value copy of arrays/tuples (nested arrays copied too). A copy of `bytes` >= 256 at `site`
     *  is held by the current frame (rt.frameArray). */
    $copy<T>(a: T, site = -1, bytes = 0): T {
      if (!Array.isArray(a)) return a;
      if (bytes) rt.frameArray(site, bytes);
      rt.charge(a.length >>> 4); // copying a big by-value array is work, not one step
      const out = a.slice();
      for (let i = 0; i < out.length; i++) if (Array.isArray(out[i])) out[i] = h.$copy(out[i]);
      return out as T;
    },
    /** `[v; n]`: a by-value array of n elements of `esize` bytes. One bigger than the heap room
     *  left (or than a host array can be) fails like a native allocation; the fill charges fuel. */
    $repeat<T>(v: T, n: number, esize = 8, site = -1, count: number | bigint = n): T[] {
      const bytes = n * Math.max(1, esize);
      const sys = rt.machine?.sys;
      if (n > 1 << 24 || (sys && bytes > sys.freeBytes())) {
        if (!sys) throw new RangeError('Invalid array length');
        // the size as the program asked for it: a 64-bit count above 2^53 stays exact
        const exactBytes = Number.isSafeInteger(bytes) ? bytes : BigInt(count) * BigInt(Math.max(1, esize));
        rt.machine.fault(oomFault(exactBytes), site);
      }
      if (bytes >= 256) rt.frameArray(site, bytes); // it lives in this frame (stack model)
      rt.charge(n >>> 4);
      const out = new Array<T>(n);
      for (let i = 0; i < n; i++) out[i] = Array.isArray(v) ? h.$copy(v) : v;
      return out;
    },
    /** A map literal. With drops (`dk`/`dv`), a repeated key is dropped and the value it replaces
     *  too, as insert does; a key's op== that panics drops the map so far and the entries left. */
    $mapOf<K, V>(entries: [K, V][], compound: KeyMode = false, esize = 8, ealign = 8, site = -1, dk: Drop | null = null, dv: Drop | null = null): VMap<K, V> {
      const m = new VMap<K, V>(esize, ealign);
      const fill = () => {
        if (dk || dv) {
          let i = 0;
          const rest = () => dropEach(2 + (entries.length - i - 1) * 2, (j) => {
            const [k, v] = entries[i + (j >> 1)];
            if (j & 1) { if (dv) dv(v); } else if (dk) dk(k);
          });
          for (; i < entries.length; i++) {
            const [k, v] = entries[i];
            const c = keyTaking(m as VMap, k, compound, true, () => { try { rest(); } finally { h.$mclear(m as VMap, dk, dv); } });
            putAt(m as VMap, c, k, v, compound, dk, dv);
          }
        } else {
          for (const [k, v] of entries) {
            if (compound) h.$mset(m, k, v, compound);
            else m.m.set(k, v);
          }
        }
      };
      if (typeof compound !== 'object') fill();
      else {
        // the map so far and the entries left are GC roots while a key's op== or hash() runs
        const held = () => [m, entries];
        rt.gc.enter(held);
        try { fill(); } finally { rt.gc.leave(held); }
      }
      m.fit(site);
      return m;
    },
    $ck: canonKey,
    /** The stored key of a lookup in m whose key type holds a user `op==` (classKey). */
    $ckm: (m: VMap | VSet, k: unknown, ops: KeyOps): string => keyOf(m, k, ops, false) as string,
    /** Insert/remove with a compound key (see VMap); `ops` for a key type with a user `op==`. */
    $mset(m: VMap<unknown, unknown>, k: unknown, v: unknown, ops: KeyMode = true): void {
      const c = keyOf(m, k, ops, true, v);
      m.m.set(c, v);
      const ok = (m.ok ??= new Map());
      if (!ok.has(c)) ok.set(c, k); // an equal key is there: the map keeps its first (0.0, not -0.0)
    },
    $mdel(m: VMap<unknown, unknown>, k: unknown, ops: KeyMode = true): void {
      const c = keyOf(m, k, ops, false);
      m.m.delete(c);
      m.ok?.delete(c);
    },
    $sadd(m: VSet<unknown>, k: unknown, ops: KeyMode = true): void {
      const c = keyOf(m, k, ops, true);
      m.m.add(c);
      const ok = (m.ok ??= new Map());
      if (!ok.has(c)) ok.set(c, k);
    },
    $sdel(m: VSet<unknown>, k: unknown, ops: KeyMode = true): void {
      const c = keyOf(m, k, ops, false);
      m.m.delete(c);
      m.ok?.delete(c);
    },
    /** `m.insert(k, v)` whose key or value needs a drop: a replaced value is dropped, and the new
     *  key too when an equal one is already there (the map keeps its first key, as Rust's does). */
    $mput(m: VMap<unknown, unknown>, k: unknown, v: unknown, compound: KeyMode, dk: Drop | null, dv: Drop | null, site = -1): void {
      const c = keyTaking(m, k, compound, true, dropGiven(dk, dv, k, v), v);
      if (putAt(m, c, k, v, compound, dk, dv)) m.fit(site); // a new entry: the table is charged like any other Map's
    },
    /** `m.remove(k)` whose key or value needs a drop: the stored key and value are dropped. */
    $mtake(m: VMap<unknown, unknown>, k: unknown, compound: KeyMode, dk: Drop | null, dv: Drop | null): void {
      const c = keyOf(m, k, compound, false);
      if (!m.m.has(c)) return;
      const old = m.m.get(c);
      const key = compound ? m.ok!.get(c) : c;
      m.m.delete(c);
      m.ok?.delete(c);
      dropEach(2, (j) => { if (j === 0) { if (dv) dv(old); } else if (dk) dk(key); });
    },
    /** `s.insert(x)` of an element that needs a drop: x is dropped when an equal one is there. */
    $sput(m: VSet<unknown>, k: unknown, compound: KeyMode, dk: Drop, site = -1): void {
      const c = keyTaking(m, k, compound, true, () => dk(k));
      if (m.m.has(c)) { dk(k); return; }
      m.m.add(c);
      if (compound) (m.ok ??= new Map()).set(c, k);
      m.fit(site);
    },
    /** `s.remove(x)` of an element that needs a drop: the stored element is dropped. */
    $stake(m: VSet<unknown>, k: unknown, compound: KeyMode, dk: Drop): void {
      const c = keyOf(m, k, compound, false);
      if (!m.m.has(c)) return;
      const key = compound ? m.ok!.get(c) : c;
      m.m.delete(c);
      m.ok?.delete(c);
      dk(key);
    },
    // The standard module collections' own operations (HashMap/HashSet, sema/std-sandbox.ts): each
    // consumes the key it is given (dropped with `dk` when the map does not keep it) and moves or
    // clones a value out, never copies one. `opt(v)` makes `Some(v)`, `none` is `None`.
    /** `insert` that moves the replaced value out (`Some(old)`) instead of dropping it. */
    $mswap(m: VMap<unknown, unknown>, k: unknown, v: unknown, compound: KeyMode, dk: Drop | null, dv: Drop | null, opt: Opt, none: unknown, site = -1): unknown {
      const c = keyTaking(m, k, compound, true, dropGiven(dk, dv, k, v), v);
      if (m.m.has(c)) {
        const old = m.m.get(c);
        m.m.set(c, v);
        if (dk) dk(k); // the map keeps its first key
        return new opt(0, old);
      }
      m.m.set(c, v);
      if (compound) (m.ok ??= new Map()).set(c, k);
      m.fit(site);
      return none;
    },
    /** `remove` that moves the value out (`Some(v)`); the stored key and the given one are dropped. */
    $mpull(m: VMap<unknown, unknown>, k: unknown, compound: KeyMode, dk: Drop | null, opt: Opt, none: unknown): unknown {
      const c = keyTaking(m, k, compound, false, dropGiven(dk, null, k, undefined));
      if (dk) dk(k);
      if (!m.m.has(c)) return none;
      const old = m.m.get(c);
      const key = compound ? m.ok!.get(c) : c;
      m.m.delete(c);
      m.ok?.delete(c);
      if (dk) dk(key);
      return new opt(0, old);
    },
    /** `get`: a clone of the value (`clone` null: the value is Copy), the given key dropped. */
    $mclone(m: VMap<unknown, unknown>, k: unknown, compound: KeyMode, dk: Drop | null, clone: ((v: unknown, s: number) => unknown) | null, opt: Opt, none: unknown, site = -1): unknown {
      const c = keyTaking(m, k, compound, false, dropGiven(dk, null, k, undefined));
      if (dk) dk(k);
      if (!m.m.has(c)) return none;
      const v = m.m.get(c);
      return new opt(0, clone ? clone(v, site) : v);
    },
    /** `contains_key` / `contains` that consumes the key it is given. */
    $mhas(m: VMap<unknown, unknown> | VSet<unknown>, k: unknown, compound: KeyMode, dk: Drop | null): boolean {
      const had = m.m.has(keyTaking(m, k, compound, false, dropGiven(dk, null, k, undefined)));
      if (dk) dk(k);
      return had;
    },
    /** Set `insert` reporting whether the element was new (an equal one there: the given one is dropped). */
    $sswap(m: VSet<unknown>, k: unknown, compound: KeyMode, dk: Drop | null, site = -1): boolean {
      const c = keyTaking(m, k, compound, true, dropGiven(dk, null, k, undefined));
      if (m.m.has(c)) { if (dk) dk(k); return false; }
      m.m.add(c);
      if (compound) (m.ok ??= new Map()).set(c, k);
      m.fit(site);
      return true;
    },
    /** Set `remove` reporting whether it was there; the stored element and the given one are dropped. */
    $spull(m: VSet<unknown>, k: unknown, compound: KeyMode, dk: Drop | null): boolean {
      const c = keyTaking(m, k, compound, false, dropGiven(dk, null, k, undefined));
      if (dk) dk(k);
      if (!m.m.has(c)) return false;
      const key = compound ? m.ok!.get(c) : c;
      m.m.delete(c);
      m.ok?.delete(c);
      if (dk) dk(key);
      return true;
    },
    /** `clear()` of a Map/Set: every stored key (and value) dropped once, in insertion order. */
    $mclear(m: VMap<unknown, unknown> | VSet<unknown>, dk: Drop | null, dv: Drop | null): undefined {
      const keys = m instanceof VMap ? m.keys() : m.values();
      const vals = m instanceof VMap && dv ? [...m.m.values()] : [];
      m.m.clear();
      m.ok = null;
      dropEach(keys.length * 2, (j) => {
        const i = j >> 1;
        if (j & 1) { if (dk) dk(keys[i]); } else if (dv && i < vals.length) dv(vals[i]);
      });
      return undefined;
    },
    /** Drop every element of xs (a cleared Vec's), going on past one whose drop panics. */
    $dropAll(xs: unknown[], d: Drop): undefined {
      dropEach(xs.length, (i) => d(xs[i]));
      return undefined;
    },
    $range(lo: unknown, hi: unknown, inc: boolean) {
      return { lo, hi, inc };
    },
    $slice<T>(a: T[], lo: number | bigint | undefined, hi: number | bigint | undefined, inc: boolean, s: number): VSlice<T> {
      const l = lo === undefined ? 0 : num(lo);
      let e = hi === undefined ? a.length : num(hi);
      if (inc) e++;
      if (l < 0 || e > a.length || l > e) rt.panic(`slice index out of bounds: ${exact(lo, l)}..${exactEnd(hi, e, inc)}, len ${a.length}`, s);
      return new VSlice(a, l, e - l);
    },
    $subslice<T>(sl: VSlice<T>, lo: number | bigint | undefined, hi: number | bigint | undefined, inc: boolean, s: number): VSlice<T> {
      const l = lo === undefined ? 0 : num(lo);
      let e = hi === undefined ? sl.len : num(hi);
      if (inc) e++;
      if (l < 0 || e > sl.len || l > e) rt.panic(`slice index out of bounds: ${exact(lo, l)}..${exactEnd(hi, e, inc)}, len ${sl.len}`, s);
      return new VSlice(sl.a, sl.off + l, e - l);
    },
    $sliceAll<T>(a: T[]): VSlice<T> {
      return new VSlice(a, 0, a.length);
    },
    /** Structural equality of compound values. */
    $eq(a: unknown, b: unknown): boolean {
      if (typeof a !== 'object' || a === null) return a === b;
      // compound values pair by pair from an explicit stack: a 100,000-link list compares without
      // host recursion, as its clone and drop do (it overflowed the host stack at a few thousand)
      const todo: unknown[] = [a, b];
      while (todo.length) {
        const y = todo.pop(), x = todo.pop();
        if (!eqStep(x, y, todo)) return false;
      }
      return true;
    },
    /** Keep the low `w` bits of a bitfield write (sign-extended for signed fields). */
    $bits(v: number, w: number, signed: boolean): number {
      // a field wider than 32 bits, or a 64/128-bit value: the same truncation on BigInts, exactly
      if (typeof v === 'bigint' || w > 32) {
        const b = BigInt(v);
        return W.canon(signed ? BigInt.asIntN(w, b) : BigInt.asUintN(w, b)) as number;
      }
      // powers of two, not shifts: `1 << 31` is negative in JS (a 31-bit signed field read back unsigned)
      const x = w >= 32 ? v >>> 0 : (v >>> 0) % 2 ** w;
      return signed && x >= 2 ** (Math.min(w, 32) - 1) ? x - 2 ** Math.min(w, 32) : x;
    },
    /** `*r = v` through a reference to an object-like value: replace its contents in place. */
    $assignInto(dst: unknown, src: unknown): void {
      if (Array.isArray(dst) && Array.isArray(src)) { dst.length = 0; dst.push(...src); return; }
      const d = dst as Record<string, unknown>, v = src as Record<string, unknown>;
      if ('$fields' in v) { for (const k of fieldKeys(v)) d[k] = v[k]; return; } // memory-backed: accessors
      Object.assign(d, v);
    },
    /** `a as T` of an `any` (chapter 2 §7.5): its content when it holds a T, else a panic. */
    $anyAs(a: { t: number; v: unknown }, td: number, s: number): unknown {
      if (a.t === td) return a.v;
      return rt.panic(`any holds ${rt.meta.typeNames[a.t] ?? '?'}, not ${rt.meta.typeNames[td] ?? '?'}`, s);
    },
    $unwrapO(o: { t: number; a0: unknown }, s: number): unknown {
      if (o.t === 0) return o.a0;
      return rt.panic('called unwrap on None', s);
    },
    /** `a == b` through generated glue (codegen eq-glue.ts): each step compares a pair and may
     *  push more (glue, x, y) triples; they are taken in order until one differs. */
    $eqWith(f: (a: unknown, b: unknown, q: unknown[]) => boolean, a: unknown, b: unknown, gc = false): boolean {
      const q: unknown[] = [f, a, b];
      const run = () => {
        while (q.length) {
          const y = q.pop(), x = q.pop(), g = q.pop() as typeof f;
          if (!g(x, y, q)) return false;
        }
        return true;
      };
      if (!gc) return run();
      // an op== is the program's code: one calling gc_collect() freed the parts of an operand
      // not yet compared when it was a temporary (`mk() == v`: the next element's Gc was read freed)
      const held = () => [a, b];
      rt.gc.enter(held);
      try { return run(); } finally { rt.gc.leave(held); }
    },
    /** `eq`: the element type's own `==` (element on the left, as Rust's `contains`). */
    $contains(a: unknown[], x: unknown, eq?: (x: unknown, y: unknown) => boolean): boolean {
      rt.charge(a.length >>> 4);
      if (eq) { for (const y of a) if (eq(y, x)) return true; return false; }
      for (const y of a) if (h.$eq(x, y)) return true;
      return false;
    },
    /** Calling a fn value from suspendable code: a generator-function result is delegated to. */
    *$callv(r: unknown): Generator<unknown, unknown, unknown> {
      if (isGen(r)) return yield* r as Generator<unknown, unknown, unknown>;
      return r;
    },
  };
  return h;
}
export type Helpers = ReturnType<typeof makeHelpers>;

// Library methods of the built-in types (chapter 2 §5): strings, Vec, Map/Set and numbers. Pure
// functions over the runtime's value representation (str = JS string, String = VString with `.s`,
// Vec = VVec with `.a`, Map/Set = VMap/VSet with `.m`). Options come back as `undefined` (None) or
// the value, and parse results as { ok } / { err }: the generated code wraps them in the program's
// own Option/Result classes. Closures are called directly (a closure that blocks is not supported
// inside these methods).
import { VVec, VMap, VSet, catStr } from './collections';
import { canon } from './wide';
import { VexPanic } from './errors';

/** A panic out of `f` first drops what `drop` names (values the call owned: made results, the
 *  element being inserted), while it unwinds; aborts and limits skip cleanup. */
function dropping<R>(f: () => R, drop: () => void): R {
  try { return f(); } catch (e) { if (e instanceof VexPanic) drop(); throw e; }
}

type Fn = (...a: unknown[]) => unknown;
type Cmp = (a: unknown, b: unknown) => number;
type Clone = ((v: unknown, s: number) => unknown) | null;
/** Each item cloned by `clone` (none: the items are Copy and stand for themselves); a clone that
 *  panics drops the clones already made (`drop`, for a type that needs one: they leaked). */
export function cloned(items: unknown[], clone: Clone | undefined, site: number, drop?: ((v: unknown) => void) | null): unknown[] {
  if (!clone) return items;
  const out: unknown[] = [];
  return dropping(() => { for (const x of items) out.push(clone(x, site)); return out; }, () => { if (drop) for (const y of out) drop(y); });
}

const enc = new TextEncoder();
const utf8Len = (s: string) => enc.encode(s).length;

/** Byte offset <-> UTF-16 index (strings index by bytes, base §4.5). */
function byteToIndex(s: string, b: number): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    if (bytes >= b) return i;
    const c = s.codePointAt(i)!;
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (c >= 0x10000) i++;
  }
  return s.length;
}

/** Strings in code point order, which is UTF-8 byte order (C's strcmp): JS's `<` compares UTF-16
 *  units, which puts a character past U+FFFF (a surrogate pair) before U+E000..U+FFFF. */
export function strCmp(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i), y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) { // surrogates above U+E000..U+FFFF
      x = x < 0xe000 ? x + 0x2000 : x - 0x800;
      y = y < 0xe000 ? y + 0x2000 : y - 0x800;
    }
    return x < y ? -1 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

/** Default ordering of numbers, BigInts and strings (stable sort, `Ord` of the built-ins). */
export const natural: Cmp = (a, b) => (typeof a === 'string' && typeof b === 'string' ? strCmp(a, b) :
  (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0);

export function makeLib(eq: (a: unknown, b: unknown) => boolean) {
  // (`site`: the call's, so the heap profile names the line that made the Vec)
  const vec = <T>(items: T[], esize: number, ealign: number, kind = 0, site = -1) => new VVec<T>(esize, ealign, items, kind, site);
  return {
    // ---- strings
    chars: (s: string) => [...s].length,
    split: (s: string, sep: string, esize: number, ealign: number, site = -1) => vec(sep === '' ? [...s] : s.split(sep), esize, ealign, 0, site),
    /** The pieces `replace(old, new)` joins with `new`: an empty `old` matches before and after
     *  every code point (`"ab".replace("", "-")` is `-a-b-`), never inside a UTF-8 sequence. */
    replaceParts: (s: string, old: string): string[] => (old === '' ? ['', ...s, ''] : s.split(old)),
    find(s: string, sub: string): number | undefined {
      const i = s.indexOf(sub);
      return i < 0 ? undefined : utf8Len(s.slice(0, i));
    },
    substr(s: string, start: bigint | number, len: bigint | number): string {
      const a = byteToIndex(s, Number(start));
      const b = byteToIndex(s, Number(start) + Number(len));
      return s.slice(a, b);
    },
    bytes: (s: string, site = -1) => vec([...enc.encode(s)], 1, 1, 0, site),
    /** `parse<T>`: integer (exact, range-checked), float or bool; { err } names the input and type. */
    parse(s: string, kind: string, min: bigint | null, max: bigint | null): { ok?: unknown; err?: string } {
      const bad = { err: `cannot parse ${JSON.stringify(s)} as ${kind}` };
      const t = s.trim();
      if (kind === 'bool') return t === 'true' ? { ok: true } : t === 'false' ? { ok: false } : bad;
      if (kind === 'f32' || kind === 'f64') {
        if (!/^[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?|inf|infinity|nan)$/i.test(t)) return bad;
        const v = /^[+-]?inf/i.test(t) ? (t.startsWith('-') ? -Infinity : Infinity) : /nan/i.test(t) ? NaN : Number(t);
        return { ok: kind === 'f32' ? Math.fround(v) : v };
      }
      if (!/^[+-]?\d+$/.test(t)) return bad;
      const v = BigInt(t);
      if ((min !== null && v < min) || (max !== null && v > max)) return bad;
      return { ok: Number(kind.slice(1)) >= 64 ? canon(v) : Number(v) };
    },
    // ---- Vec
    insert(v: VVec, i: bigint | number, x: unknown, site: number, panic: (m: string, s: number) => never, drop?: (x: unknown) => void): void {
      const n = Number(i);
      if (n < 0 || n > v.n) dropping(() => panic(`insertion index (is ${i}) should be <= len (is ${v.n})`, site), () => drop?.(x));
      if (v.n === v.cap) v.grow(site);
      v.splice(n, 0, x);
    },
    remove(v: VVec, i: bigint | number, site: number, panic: (m: string, s: number) => never): unknown {
      const n = Number(i);
      if (n < 0 || n >= v.n) panic(`removal index (is ${i}) should be < len (is ${v.n})`, site);
      return v.splice(n, 1);
    },
    /** `userEq`: the element type's own `==` (codegen userEq). */
    indexOf(v: VVec, x: unknown, userEq?: (x: unknown, y: unknown) => boolean): number | undefined {
      const a = v.a;
      for (let i = 0; i < a.length; i++) if (userEq ? userEq(a[i], x) : eq(a[i], x)) return i;
      return undefined;
    },
    findIn(v: VVec, f: Fn): unknown {
      for (const x of v.a) if (f(x)) return x;
      return undefined;
    },
    // (a typed Vec's `a` is a typed array, whose map/filter would keep its element type)
    /** `drop`: of a result that needs one (a closure that panics midway: those made are dropped) */
    map: (v: VVec, f: Fn, esize: number, ealign: number, drop?: (x: unknown) => void, site = -1) => {
      const out: unknown[] = [];
      return dropping(() => { for (const x of v.toArray()) out.push(f(x)); return vec(out, esize, ealign, 0, site); }, () => { if (drop) for (const y of out) drop(y); });
    },
    /** `copy`: the kept elements are cloned (the receiver keeps its own, codegen calls.ts) */
    cloned,
    filter: (v: VVec, f: Fn, copy?: Fn, site = -1, drop?: (x: unknown) => void) => { const kept = v.toArray().filter((x) => f(x)); return vec(copy ? cloned(kept, copy, site, drop) : kept, v.esize, v.ealign, v.kind, site); },
    any: (v: VVec, f: Fn) => { for (const x of v.a) if (f(x)) return true; return false; },
    all: (v: VVec, f: Fn) => { for (const x of v.a) if (!f(x)) return false; return true; },
    forEach(v: VVec, f: Fn): void { for (const x of v.a) f(x); },
    reduce(v: VVec, init: unknown, f: Fn): unknown {
      let acc = init;
      for (const x of v.a) acc = f(acc, x);
      return acc;
    },
    // sorted as a plain array whatever the storage: Array.prototype.sort's comparator calls (a
    // closure may print) and its stability are what the program sees
    sort(v: VVec, cmp: Cmp): void { v.setAll(v.toArray().sort(cmp)); },
    sortBy(v: VVec, f: Fn): void { v.setAll(v.toArray().sort((a, b) => Number(f(a, b)))); },
    reverse(v: VVec): void { v.setAll(v.toArray().reverse()); },
    join: (v: VVec, sep: string, show: (x: unknown) => string, site = -1) => catStr(v.toArray().map(show), site, sep),
    natural,
    strCmp,
    // ---- floats (§5.5): round half away from zero, like C's round()
    sqrt: Math.sqrt, floor: Math.floor, ceil: Math.ceil, trunc: Math.trunc,
    round: (x: number) => (x < 0 ? -Math.round(-x) : Math.round(x)),
    // ---- Map / Set (keys in insertion order)
    // the keys as the program gave them (a compound key is stored under its canonical text), and
    // each one cloned when the type is not Copy (`clone`): the Vec and the map own their own
    keys: (m: VMap, esize: number, ealign: number, clone?: Clone, site = -1, drop?: (x: unknown) => void) => vec(cloned(m.keys(), clone, site, drop), esize, ealign, 0, site),
    values: (m: VMap | VSet, esize: number, ealign: number, clone?: Clone, site = -1, drop?: (x: unknown) => void) =>
      vec(cloned(m instanceof VSet ? m.values() : [...m.m.values()], clone, site, drop), esize, ealign, 0, site),
  };
}
export type Lib = ReturnType<typeof makeLib>;

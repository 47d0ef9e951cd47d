// `rt.host`: builtins that are not hot — strings, boxes, stats, format specs, foreign calls and the
// runtime-library entry points (alloc/free, signals, heap profile...).
import type { Runtime } from './rt';
import { exact, exactEnd } from './helpers';
import { VString, VBox, VBoxForeign, type VBoxView, utf8Len, utf8Bytes, strFromBytes, heap, MAX_STRING_BYTES, catStr, noteTmpLen } from './collections';
import { formatSpec, type ScalarKind } from '../format/spec';
import { ArenaAllocator } from '../alloc/arena';
import { LIBM_FNS } from '../ffi/libm';
import { callShim, openLibrary, lookup, symbolMatches, mismatchError, SHIM_SIGS, type VirtualLib } from '../ffi/shims';
import type { FfiTypes } from '../api';
import type { CType } from '../ffi/types';
import type { ShimContext } from '../ffi/types';
import type { CArg } from '../format/printf';
import { oomFault } from '../memory/fault';
import { VexExit } from './errors';
import { Sandbox } from './sandbox';
import { canon } from './wide';

const U64_MAX = (1n << 64n) - 1n;


/** Pure libm functions called directly by generated code: the hot path of numeric code. The first
 *  64 calls of each symbol are recorded as ffi events for the FFI panel; later calls go to
 *  `lmPure` and are counted by the generated code's counters (rt.ffiFastCounts → ffi-count). */
const PURE = LIBM_FNS as Readonly<Record<string, (x: number, y: number) => number>>;
function makeLibmFast(rt: Runtime): Record<string, (x: number, y: number) => number> {
  const out: Record<string, (x: number, y: number) => number> = {};
  for (const name of Object.keys(PURE)) {
    const fn = PURE[name];
    let calls = 0;
    const two = fn.length > 1;
    const types = { vex: two ? ['f64', 'f64'] : ['f64'], c: two ? ['f64', 'f64'] : ['f64'], retVex: 'f64', retC: 'f64' };
    const record = (x: number, y: number, r: number) => {
      rt.ffiRecorded.set(name, (rt.ffiRecorded.get(name) ?? 0) + 1);
      rt.emit({ t: 'ffi', fn: name, args: two ? [String(x), String(y)] : [String(x)], ret: String(r), task: rt.taskId, id: ++rt.ffiSeq, types });
    };
    out[name] = (x: number, y: number) => {
      const r = fn(x, y);
      if (calls < 64) { calls++; record(x, y, r); }
      return r;
    };
  }
  return out;
}

/** a + b, or the failure a string past the limit gives (catStr). */
function cat2(a: string, b: string, site: number): string {
  return (a.length + b.length) * 3 > MAX_STRING_BYTES ? catStr([a, b], site) : a + b;
}
/** A temporary string's heap buffer, allocated and freed at once (§6.18): its UTF-8 length. */
function tmpBuffer(s: string, site: number): number {
  const n = utf8Len(s);
  if (n > MAX_STRING_BYTES) heap.fail(n, site);
  if (n > 0) heap.tmp(n, 1, site);
  return n;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
/** Linux signal numbers (1..64); SIGKILL (9) and SIGSTOP (19) cannot be caught or ignored. */
const validSignal = (sig: number): boolean => Number.isInteger(sig) && sig >= 1 && sig <= 64;
const catchable = (sig: number): boolean => validSignal(sig) && sig !== 9 && sig !== 19;

export function makeHost(rt: Runtime) {
  let sandbox: Sandbox | null = null; // env and files of this run (std modules env/fs/path)
  const dec = new TextDecoder();
  /** Captured arrays already charged by `env` (per run: makeHost is called once per Runtime). */
  const escaped = new WeakSet<object>();
  return {
    lm: makeLibmFast(rt),
    /** The same functions unwrapped: generated code calls these after a symbol's first 64 calls. */
    lmPure: PURE,
    utf8Len,
    trim: (s: string) => s.replace(/^[ \t\n\r\f\v]+|[ \t\n\r\f\v]+$/g, ''),
    newString: (s: string, site: number) => new VString(s, site),
    // Box: one 8-byte system block per box, straight to the machine (no hook indirection).
    box: (v: unknown, site: number) => rt.machine.newBox(v, site),
    // Boxes stored flat in enum fields (collections.ts VBoxView): the field holds a signed slot,
    // the address (negative: another allocator's block; 0: none).
    /** `Box(x)` written straight into an enum field: allocate the block, return its slot. */
    bnew: (site: number): number => rt.machine.newBoxSlot(site),
    /** A Box value moved into an enum field: its slot; the VBox is left empty (addr 0). */
    bslot(b: VBox | VBoxView): number {
      const a = b.addr;
      const slot = b.foreign ? -a : a;
      b.addr = 0;
      return slot;
    },
    /** A flat box binding moved out of its (owned) enum: a VBox now owns the block; the field
     *  keeps its content for display but no block (the enum's drop skips it). */
    detach(o: Record<string, unknown>, j: number): VBox {
      const key = '$b' + j;
      const slot = o[key] as number;
      o[key] = 0;
      const v = o['a' + j];
      return slot < 0 ? new VBoxForeign(v, -slot) : new VBox(v, slot);
    },
    /** Free the block of a flat field's slot (its content was dropped first). */
    bfree: (slot: number): void => rt.machine.freeBoxSlot(slot, -1),
    /** `*b = v` (and `b.set(v)`): drop the old content, or give a box emptied by a move a new
     *  block, then store v. */
    boxSet(b: VBox | VBoxView, v: unknown, site: number, drop: ((x: unknown) => void) | null): void {
      if (b.addr === 0) b.addr = rt.machine.reboxAddr(b.foreign, site);
      else if (drop !== null) {
        // a drop that panics (caught) still leaves v in the box: the old content is dropped once
        try { drop(b.v); } finally { b.v = v; }
        return;
      }
      b.v = v;
    },
    unbox(b: VBox | VBoxView): void {
      if (b.addr) rt.machine.freeBox(b, -1);
      b.addr = 0;
    },
    /** `*b` moving the content out: the block is freed now, so the box's drop stops at `addr === 0`. */
    take(b: VBox | VBoxView): unknown {
      if (b.addr) rt.machine.freeBox(b, -1);
      b.addr = 0;
      return b.v;
    },
    gc: (v: unknown, site: number, drop: ((v: unknown) => void) | null = null) => rt.gc.make(v, drop, site),
    /** A Duration (exact u64 nanoseconds) of `n` units of `unit` ns; past u64 it panics, as an
     *  integer conversion that cannot be represented does (Rust's `overflow in Duration::new`). */
    dur(n: number | bigint, unit: number, what: string, site: number): number | bigint {
      if (typeof n === 'number' && n >= 0 && n * unit <= Number.MAX_SAFE_INTEGER) return n * unit;
      const ns = BigInt(n) * BigInt(unit);
      if (ns < 0n || ns > U64_MAX) rt.panic(`overflow in Duration.${what}`, site);
      return canon(ns);
    },
    /** A Duration in whole `unit`s (as_secs, as_millis): exact. */
    durAs: (d: number | bigint, unit: number): number | bigint => (typeof d === 'number' ? Math.floor(d / unit) : canon(d / BigInt(unit))),
    /** DynamicLib.open(path): Ok(lib) or Err(message) (§6.8). */
    dlopen(path: string, mk: (t: number, v: unknown) => unknown): unknown {
      const r = openLibrary(path);
      return r.ok ? mk(0, { lib: r.lib, open: true }) : mk(1, r.error);
    },
    dlsym(h: { lib: VirtualLib; open: boolean }, name: string, params: CType[], ret: CType, site: number, mk: (t: number, v: unknown) => unknown): unknown {
      if (!h.open) return mk(1, `library is closed: ${h.lib.name}`);
      const r = lookup(h.lib, name);
      if (!r.ok) return mk(1, r.error);
      if (!symbolMatches(r.sig, params, ret)) return mk(1, mismatchError(name));
      const self = this;
      // a symbol outlives nothing: calling it after lib.close() is C's use-after-dlclose, a panic here
      return mk(0, (...a: unknown[]) => h.open ? self.ffi(name, a, [], site) : rt.panic(`call through symbol \`${name}\` (looked up here) after its library was closed`, site));
    },
    /** lib.close(): later symbol lookups fail and calls through its symbols panic; closing twice panics. */
    dlclose(h: { lib: VirtualLib; open: boolean }, site: number): void {
      if (!h.open) rt.panic(`library closed twice: ${h.lib.name}`, site);
      h.open = false;
    },
    /** `{:spec}` text; a refused spec (`{:.N}` past the precision limit) panics at the argument's
     *  site, in the frame that prints (catchable, unwinding its defers and drops). */
    spec: (spec: string, kind: ScalarKind, v: unknown, site: number) => rt.machine.guard(site, () => formatSpec(spec, kind, v)),
    stats(): number[] { // u64 counts: numbers, the canonical form of a safe integer (wide.ts)
      const s = rt.machine.stats;
      s.sync();
      return [s.allocs, s.frees, s.liveBytes, s.peakBytes, s.tasksSpawned, s.gcCollections];
    },
    /** An ArenaAllocator value's drop (codegen drop glue): its region is given back. */
    dropArena(a: unknown): void {
      if (a instanceof ArenaAllocator) rt.machine.releaseArena(a, -1);
    },
    strByte(s: string, i: number | bigint, site: number): number {
      const b = utf8Bytes(s);
      const k = Number(i);
      if (k < 0 || k >= b.length) return rt.outOfBounds(i, b.length, site);
      return b[k];
    },
    strSlice(s: string, lo: number | bigint | undefined, hi: number | bigint | undefined, inc: boolean, site: number): string {
      const b = utf8Bytes(s);
      const l = lo === undefined ? 0 : Number(lo);
      let e = hi === undefined ? b.length : Number(hi);
      if (inc) e++;
      if (l < 0 || e > b.length || l > e) rt.panic(`slice index out of bounds: ${exact(lo, l)}..${exactEnd(hi, e, inc)}, len ${b.length}`, site);
      return this.tmpStr(strFromBytes(b.subarray(l, e)), site);
    },
    /** A string produced at run time (an f-string, a slice): one heap buffer of its UTF-8 length
     *  (§6.18). `str` values have no owner that frees them, so the buffer is a temporary: allocated
     *  and freed at once — counted in allocs, frees and the peak, never in the live bytes. */
    /** A closure value that captured by-value arrays (`caps`, of `bytes` each) and may outlive
     *  their frame: each captured array escapes its frame's stack model onto the heap, charged
     *  to the heap limit once per array (a second closure over the same one shares it). A
     *  function value has no owner, so the charge stays for the run (no collector follows
     *  function values): a program making such closures without end fails cleanly with
     *  'memory allocation of N bytes failed' instead of growing the host. */
    env<F>(f: F, caps: unknown[], bytes: number[], site: number): F {
      const m = rt.machine;
      if (!m) return f;
      for (let i = 0; i < caps.length; i++) {
        const a = caps[i];
        if (a === null || typeof a !== 'object' || escaped.has(a)) continue;
        m.guard(site, () => m.sys.chargeHost(bytes[i]));
        escaped.add(a);
      }
      return f;
    },
    /** Text built from program-sized pieces (f-string holes, `+`, print arguments): a result past
     *  the longest string fails as an allocation of its size (collections.ts catStr). */
    cat(parts: string[], site: number, sep = ''): string {
      return catStr(parts, site, sep);
    },
    /** tmpStr(cat([a, b], site), site) without the array (an f-string of two pieces, `str + str`):
     *  most f-strings are one hole and one text, and the array doubled strbuild's young garbage. */
    tmpCat2(a: string, b: string, site: number): string {
      return this.tmpStr(cat2(a, b, site), site);
    },
    /** `str.push(tmpCat2(a, b, site), pushSite)` without noting the temporary's length for append
     *  (a store of the string into a long-lived slot, a write barrier each push): the same
     *  temporary, events and append. */
    pushCat2(str: VString, a: string, b: string, site: number, pushSite: number): void {
      const s = cat2(a, b, site);
      str.appendSized(s, tmpBuffer(s, site), pushSite);
    },
    tmpStr(s: string, site: number): string {
      noteTmpLen(s, tmpBuffer(s, site));
      return s;
    },
    cstr(s: string): number {
      return rt.machine.cstr(s, -1);
    },
    addrOf(v: unknown, site: number): number {
      const a = v != null && typeof v === 'object' ? (v as { $addr?: number }).$addr : undefined;
      if (a === undefined) return rt.panic('taking the address of this value is not supported yet', site);
      return a;
    },
    toMem: (td: number, v: unknown, site = -1) => rt.memValues.toMem(td, v, site),
    memCell: (td: number, v: unknown, site = -1) => rt.memValues.cell(td, v, site),
    /** `&s.field as *T`: the field's address inside a memory-backed struct. */
    fieldAddr(o: unknown, offset: number, site: number): number {
      return this.addrOf(o, site) + offset;
    },
    /** `&a[i] as *T`: the element's address inside a memory-backed array (index checked). */
    elemAddr(a: unknown, i: number | bigint, esize: number, site: number): number {
      const base = this.addrOf(a, site);
      const len = (a as unknown[]).length;
      const k = typeof i === 'bigint' ? Number(i) : i;
      if (!(k >= 0 && k < len)) rt.outOfBounds(i, len, site);
      return base + k * esize;
    },
    load(p: number, k: string, site: number): unknown {
      const mem = rt.machine.mem as unknown as Record<string, (a: number, s: number) => unknown>;
      return rt.machine.guard(site, () => (k === 'ptr' ? Number(mem.loadU64Checked(p, site)) : mem[LOADS[k]](p, site)));
    },
    store(p: number, k: string, v: unknown, site: number): void {
      const mem = rt.machine.mem as unknown as Record<string, (a: number, v: unknown, s: number) => void>;
      rt.machine.guard(site, () => {
        if (k === 'ptr') mem.storeU64Checked(p, v as number, site);
        else mem[STORES[k]](p, typeof v === 'boolean' ? (v ? 1 : 0) : v, site);
      });
    },
    unionGet(o: Record<string, unknown>, f: string): unknown {
      return o['f_' + f];
    },
    unionNew: (td: number, f: string, v: unknown) => rt.memValues.union(td, f, v),
    /** `*p` / `p.f` where p: *S to a C struct or union: a checked view of the bytes at p. */
    view: (td: number, p: number, site: number) => rt.memValues.checkedView(td, p, site),
    /** `*p = v` where p: *S!: writes the whole struct/union at p. */
    storeView: (td: number, p: number, v: unknown, site: number) => rt.memValues.storeAt(td, p, v, site),
    /** `let v = *p` / passing `*p` by value: a detached copy of the struct at p. */
    copyOut: (td: number, p: number, site: number) => rt.memValues.copyOut(td, p, site),
    /** A reference argument to a C pointer parameter: the referent's address (see MemValues.addrFor). */
    refAddr: (td: number, v: unknown, site: number) => rt.memValues.addrFor(td, v, site),
    writeBack: (td: number, v: unknown, a: number) => rt.memValues.writeBack(td, v, a),
    setAllocator(obj: unknown, alloc?: (o: unknown, s: number, a: number) => number, dealloc?: (o: unknown, p: number, s: number, a: number) => void, name = 'allocator'): void {
      const m = rt.machine;
      if (obj instanceof ArenaAllocator) m.current = obj;
      else if (alloc && dealloc) m.current = m.vexAllocator(name, obj, alloc, dealloc);
    },
    /** A foreign call through the shim table (vex-language §6): fixed args plus promoted varargs. */
    ffi(name: string, args: unknown[], varargs: [CArg['kind'], unknown][], site: number): unknown {
      const m = rt.machine;
      // every crossing is recorded (with its id, so callbacks C makes inside it nest under it)
      const id = ++rt.ffiSeq, task = rt.taskId;
      let callbacks = 0; // all of them, even when the kept trace dropped some callback events
      rt.ffiCalls.set(name, (rt.ffiCalls.get(name) ?? 0) + 1);
      const ctx: ShimContext = {
        mem: m.mem, sys: m.sys, site, task,
        write: (t) => rt.out(t),
        callback: (f, a) => {
          // a C value crosses into Vex in the canonical 64-bit form (number while safe)
          const r = rt.noUnwind(() => (f as (...x: unknown[]) => number | bigint)(...a.map((x) => (typeof x === 'bigint' ? canon(x) : x))));
          callbacks++;
          const fnName = (typeof f === 'function' && rt.meta.ffi?.fns[f.name]) || 'fn';
          rt.emit({ t: 'ffi-callback', call: id, fn: fnName, args: a.map(String), ret: String(r), task });
          return r;
        },
        onCall: (fn, as, ret) => {
          rt.ffiRecorded.set(fn, (rt.ffiRecorded.get(fn) ?? 0) + 1);
          const types = ffiTypes(rt, fn, site, varargs.length);
          // a str argument crossed as a NUL-terminated copy: name its Vex type as the program wrote it
          args.forEach((a, i) => { if (typeof a === 'string') types.vex[i] = 'str'; });
          // a Vex function passed as a C function pointer: show its Vex name
          args.forEach((a, i) => { if (typeof a === 'function') as[i] = `fn ${rt.meta.ffi?.fns[a.name] ?? 'fn'}`; });
          rt.emit({ t: 'ffi', fn, args: as, ret, task, id, types, loc: rt.loc(site), ...(callbacks ? { callbacks } : {}) });
        },
      };
      const fixed = args.map((a) => (typeof a === 'string' ? m.cstr(a, site) : typeof a === 'boolean' ? (a ? 1 : 0) : a));
      const va: CArg[] = varargs.map(([kind, v]) => ({ kind, value: typeof v === 'string' ? m.cstr(v, site) : typeof v === 'boolean' ? (v ? 1 : 0) : (v as number | bigint) }));
      const r = m.guard(site, () => callShim(ctx, name, fixed, va));
      return typeof r === 'bigint' ? canon(r) : r;
    },
    call(name: string, args: unknown[], site: number): unknown {
      const m = rt.machine;
      const n = (i: number) => Number(args[i]);
      // a size no simulated heap can hold (above 2^53) fails at once, its message exact
      const size = (i: number) => (typeof args[i] === 'bigint' && !Number.isSafeInteger(Number(args[i])) ? m.fault(oomFault(args[i] as bigint), site) : n(i));
      switch (name) {
        case 'alloc': return m.allocate(size(0), 16, site);
        case 'free': m.free(n(0), site); return undefined;
        case 'realloc': return m.realloc(n(0), size(1), site);
        case 'sys_alloc': return m.sysAlloc(n(0), n(1) || 16, site);
        case 'sys_free': m.sysFree(n(0), site); return undefined;
        case 'reset_allocator': m.current = m.sys; return undefined;
        case 'heap_profile_start': m.prof.start(); return undefined;
        case 'heap_profile_stop': m.prof.stop(); return undefined;
        case 'heap_profile_report': rt.out(m.prof.report((s) => rt.meta.sites[s]?.line ?? 0)); return undefined;
        // (a REPL session's variables live in replSlots between cells, values in blocked sends
        // and awaits in their ops: roots too)
        case 'gc_collect': return rt.gc.collect([...(rt.sched ? [...rt.sched.allTls(), rt.sched.inFlight()] : [rt.threadLocals]), rt.replSlots], site);
        // C's rules (§6.7): raise of a number that is no signal fails (-1, errno EINVAL) and 0
        // (the null signal) does nothing; SIGKILL and SIGSTOP keep their default action
        case 'raise': {
          const sig = n(0);
          if (sig === 0) return 0;
          if (!validSignal(sig)) return -1;
          rt.raiseSignal(sig, site);
          return 0;
        }
        case 'signal_ignore': if (catchable(n(0))) rt.signals.set(n(0), 'ignore'); return undefined;
        case 'signal_default': rt.signals.delete(n(0)); return undefined;
        case 'signal': if (catchable(n(0))) rt.signals.set(n(0), args[1] as (s: number) => void); return undefined;
        case 'vex_eprint': rt.err(String(args[0])); return undefined;
        // string.from_cstr / from_utf8 (chapter 2 §4.7): the bytes read checked (a live block),
        // up to the NUL or `len` of them
        case 'vex_mem_text': case 'vex_mem_utf8': {
          const mem = m.mem, p = n(0);
          return m.guard(site, () => {
            const len = name === 'vex_mem_text' && args[2] ? mem.cstringLengthChecked(p, site) : size(1);
            mem.check(p, len, false, site);
            if (name === 'vex_mem_text') return mem.readString(p, len);
            try { strictUtf8.decode(mem.bytes(p, len)); return true; } catch { return false; }
          });
        }
        case 'assume': return rt.panic('assumption violated', site);
        case 'ctlz': case 'cttz': case 'ctpop': case 'bswap': case 'bitreverse': return bitIntrinsic(name, args[0] as number | bigint, n(1), !!args[2]);
        case 'vex_exit': throw new VexExit(n(0)); // process.exit: no defers, no drops (§4.7)
        case 'vex_sandbox': return (sandbox ??= new Sandbox()).op(String(args[0]), String(args[1]), String(args[2]));
        default: return rt.panic(`builtin ${name} is not supported yet`, site);
      }
    },
    callStatic(name: string, args: unknown[], site: number): unknown {
      if (name === 'ArenaAllocator.new') return rt.machine.newArena(Number(args[0]), site);
      return rt.panic(`${name} is not supported yet`, site);
    },
    method(name: string, o: unknown, _args: unknown[], site: number): unknown {
      if (o instanceof ArenaAllocator) {
        const m = rt.machine;
        if (name === 'ArenaAllocator.used') return o.used;
        if (name === 'ArenaAllocator.allocate') return m.arenaAllocate(o, Number(_args[0]), Number(_args[1]), site);
        if (name === 'ArenaAllocator.reset') { m.resetArena(o, site); return undefined; }
        if (name === 'ArenaAllocator.deallocate') return undefined;
      }
      return rt.panic(`${name} is not supported yet`, site);
    },
  };
}

/** Vex types at the call site (from codegen) beside the C types of the shim's signature. */
function ffiTypes(rt: Runtime, fn: string, site: number, nVarargs: number): FfiTypes {
  const at = rt.meta.ffi?.sites[site];
  const sig = SHIM_SIGS.get(fn);
  const c: string[] = sig ? [...sig.params] : [];
  const vex = at ? at.args.slice() : [];
  // varargs cross as their promoted C kinds: the Vex type names the promotion
  for (let i = 0; i < nVarargs; i++) c.push(varargC(vex[c.length] ?? ''));
  return { vex, c, retVex: at?.ret ?? '?', retC: sig?.ret ?? '?' };
}
/** C's default argument promotions (printf's view of a vararg). */
function varargC(vex: string): string {
  if (vex === 'f32' || vex === 'f64') return 'f64';
  if (/^[iu](8|16|32)$/.test(vex) || vex === 'bool') return vex === 'u32' ? 'u32' : 'i32';
  if (/^[iu](64|128)$|^[iu]size$/.test(vex)) return vex.startsWith('u') ? 'u64' : 'i64';
  return 'ptr';
}

const LOADS: Record<string, string> = {
  i8: 'loadI8Checked', u8: 'loadU8Checked', i16: 'loadI16Checked', u16: 'loadU16Checked', i32: 'loadI32Checked', u32: 'loadU32Checked',
  i64: 'loadI64Checked', u64: 'loadU64Checked', i128: 'loadI128Checked', u128: 'loadU128Checked', f16: 'loadF16Checked', f32: 'loadF32Checked', f64: 'loadF64Checked',
};
const STORES: Record<string, string> = {
  i8: 'storeU8Checked', u8: 'storeU8Checked', i16: 'storeU16Checked', u16: 'storeU16Checked', i32: 'storeI32Checked', u32: 'storeU32Checked',
  i64: 'storeU64Checked', u64: 'storeU64Checked', i128: 'storeU128Checked', u128: 'storeU128Checked', f16: 'storeF16Checked', f32: 'storeF32Checked', f64: 'storeF64Checked',
};

/** Real's bit intrinsics on a `bits`-wide integer (chapter 2 §7.11); the result as a BigInt of the
 *  operand's type (counts are small non-negative numbers). */
export function bitIntrinsic(name: string, v: number | bigint, bits: number, signed: boolean): number | bigint {
  return canon(bitIntrinsicBig(name, v, bits, signed));
}
function bitIntrinsicBig(name: string, v: number | bigint, bits: number, signed: boolean): bigint {
  const u = BigInt.asUintN(bits, BigInt(v));
  const bin = u.toString(2).padStart(bits, '0');
  const back = (x: bigint) => (signed ? BigInt.asIntN(bits, x) : x);
  switch (name) {
    case 'ctlz': return BigInt(u === 0n ? bits : bits - u.toString(2).length);
    case 'cttz': return BigInt(u === 0n ? bits : bin.length - 1 - bin.lastIndexOf('1'));
    case 'ctpop': return BigInt([...bin].filter((c) => c === '1').length);
    case 'bitreverse': return back(BigInt('0b' + [...bin].reverse().join('')));
    default: { // bswap
      let r = 0n;
      for (let i = 0; i < bits / 8; i++) r = (r << 8n) | ((u >> BigInt(8 * i)) & 0xffn);
      return back(r);
    }
  }
}

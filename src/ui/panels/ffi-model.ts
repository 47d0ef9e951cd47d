// Trace → FFI boundary picture: each recorded foreign call with its arguments as Vex and C types
// and the conversion applied at the boundary, the result coming back, the callbacks C made into
// Vex nested under it, and the true per-symbol totals (the libm fast path records only a symbol's
// first 64 calls: lists are labelled as samples then).
import type { SourceLoc, TraceEvent } from '../../runtime/api';

type FfiEvent = Extract<TraceEvent, { t: 'ffi' }>;

export interface Crossing {
  value: string;
  vex: string; // Vex type ('' when unknown: a symbol looked up at run time)
  c: string; // C spelling: int, double, const char *, size_t…
  conversion: string;
}

export interface CallbackView {
  fn: string;
  args: Crossing[];
  ret: string;
}

export interface CallView {
  id: number;
  fn: string;
  task: number;
  args: Crossing[];
  ret: Crossing;
  callbacks: CallbackView[]; // the first `maxCallbacks`
  callbackCount: number;
  index: number; // trace index of the call's event
  loc: SourceLoc | null; // the call in the source (null: the libm fast path)
}

export interface SymbolTotal {
  fn: string;
  calls: number;
  recorded: number;
  sampled: boolean; // fewer recorded than made
}

export interface FfiPicture {
  calls: CallView[]; // the first `maxCalls` recorded
  recordedCalls: number;
  totals: SymbolTotal[]; // most called first
  totalCalls: number;
  sampled: boolean;
  final: boolean; // totals are the run's (ffi-count events) rather than the records so far
}

const C_NAMES: Record<string, string> = {
  i8: 'signed char', u8: 'unsigned char', i16: 'short', u16: 'unsigned short', i32: 'int', u32: 'unsigned int',
  i64: 'long', u64: 'size_t', f32: 'float', f64: 'double', void: 'void', fnptr: 'int (*)(…)',
};

/** The C spelling of a shim's C kind (a pointer shown with text is a C string). */
export function cSpelling(c: string, value = ''): string {
  if (c === 'ptr') return /^0x[0-9a-f]+ "/.test(value) ? 'const char *' : 'void *';
  return C_NAMES[c] ?? (c || '?');
}

/** What happens to a value crossing from its Vex type to its C kind. */
export function conversion(vex: string, c: string): string {
  if (!vex || vex === '?') return 'C type only (symbol looked up at run time)';
  if (c === 'fnptr') return 'Vex extern "C" fn passed as a C function pointer';
  if (c === 'ptr') {
    if (vex === 'str' || vex === 'string') return 'str copied to NUL-terminated bytes; C gets their address';
    return 'the address is passed as is';
  }
  if (vex === 'bool') return 'bool widened to int (1 or 0)';
  if (vex === 'f32' && c === 'f64') return 'float promoted to double (variadic)';
  if (/^[iu](8|16)$/.test(vex) && c === 'i32') return `${vex} promoted to int (variadic)`;
  if (vex === 'usize' || vex === 'isize') return `${vex} is ${vex === 'usize' ? 'size_t' : 'ssize_t'}: the same 64 bits`;
  if (vex === 'nil' || vex === '()') return c === 'void' ? 'nothing comes back' : 'result ignored';
  if (vex === c || (vex === 'u64' && c === 'u64')) return 'same bits, no conversion';
  return `${vex} → ${cSpelling(c)}`;
}

const cross = (value: string, vex: string, c: string): Crossing =>
  ({ value, vex, c: c === 'ptr' && (vex === 'str' || vex === 'string') ? 'const char *' : cSpelling(c, value), conversion: conversion(vex, c) });

/** Parameter types of a Vex fn type written `fn(A, B): R` (top-level commas only). */
export function fnParams(t: string): string[] {
  const m = /^fn\((.*)\)(?::.*)?$/.exec(t.trim());
  if (!m || !m[1].trim()) return [];
  const out: string[] = [];
  let depth = 0, cur = '';
  for (const ch of m[1]) {
    if ('(<['.includes(ch)) depth++;
    if (')>]'.includes(ch)) depth--;
    if (ch === ',' && depth === 0) { out.push(cur.trim()); cur = ''; } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

const isPtrType = (t: string) => t.startsWith('*') || t.startsWith('&');
const hex = (v: string) => (/^\d+$/.test(v) ? '0x' + Number(v).toString(16) : v);

/** The trace's FFI events, indexed once per trace so that a scrub move or a scrolled window costs
 *  only what it shows: the calls in order, each one's callbacks, per-symbol call lists, the
 *  ffi-count events, and each call's drawn height in lines (for the windowed list). */
export interface FfiIndex {
  calls: Int32Array; // trace indexes of the recorded calls ('ffi' events), in order
  callbacks: Map<number, number[]>; // call id -> trace indexes of its ffi-callback events
  symbols: string[];
  bySymbol: Int32Array[]; // per symbol: trace indexes of its calls
  counts: number[]; // trace indexes of the ffi-count events
  /** lineTop[k]: drawn lines before call k (k = calls.length: all of them); a call's own lines are
   *  its head, one per argument, its result, and its callbacks (at most maxCallbacks, plus a line
   *  for the rest, plus one for the list's rule). */
  lineTop: Float64Array;
}

export function ffiIndex(trace: readonly TraceEvent[], maxCallbacks = 40): FfiIndex {
  const calls: number[] = [], counts: number[] = [];
  const callbacks = new Map<number, number[]>();
  const symIdx = new Map<string, number>(), bySym: number[][] = [], symbols: string[] = [];
  for (let i = 0; i < trace.length; i++) {
    const e = trace[i];
    if (e.t === 'ffi') {
      calls.push(i);
      let s = symIdx.get(e.fn);
      if (s === undefined) { s = symbols.length; symIdx.set(e.fn, s); symbols.push(e.fn); bySym.push([]); }
      bySym[s].push(i);
    } else if (e.t === 'ffi-callback') {
      const l = callbacks.get(e.call);
      if (l) l.push(i); else callbacks.set(e.call, [i]);
    } else if (e.t === 'ffi-count') counts.push(i);
  }
  const lineTop = new Float64Array(calls.length + 1);
  for (let k = 0; k < calls.length; k++) {
    const e = trace[calls[k]] as FfiEvent;
    const cb = Math.max(e.callbacks ?? 0, callbacks.get(e.id ?? -1)?.length ?? 0);
    lineTop[k + 1] = lineTop[k] + callLines(e.args.length, cb, maxCallbacks);
  }
  return { calls: Int32Array.from(calls), callbacks, symbols, bySymbol: bySym.map((l) => Int32Array.from(l)), counts, lineTop };
}

/** Lines a call is drawn in (see FfiIndex.lineTop). */
export function callLines(args: number, callbacks: number, maxCallbacks: number): number {
  return 2 + args + (callbacks > 0 ? 1 + Math.min(callbacks, maxCallbacks) + (callbacks > maxCallbacks ? 1 : 0) : 0);
}

/** The calls of a windowed list in view (with `overscan` more each side): call k spans
 *  [offsets[k], offsets[k + 1]) px; the first `count` calls are listed. */
export function windowOf(offsets: ArrayLike<number>, count: number, top: number, height: number, overscan = 3): { start: number; end: number } {
  let lo = 0, hi = count; // first call ending below `top`
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (offsets[m + 1] <= top) lo = m + 1; else hi = m;
  }
  let e = lo;
  while (e < count && offsets[e] < top + height) e++;
  return { start: Math.max(0, lo - overscan), end: Math.min(count, e + overscan) };
}

/** How many of the sorted trace indexes `xs` are before position `end`. */
function before(xs: ArrayLike<number>, end: number): number {
  let lo = 0, hi = xs.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (xs[m] < end) lo = m + 1; else hi = m;
  }
  return lo;
}

/** Recorded calls before position `end` (the list shows calls 0 .. this - 1). */
export const callsBefore = (ix: FfiIndex, end: number) => before(ix.calls, end);

/** Recorded call k (its ordinal) as drawn: arguments, result, its first callbacks. */
export function ffiCallAt(trace: readonly TraceEvent[], ix: FfiIndex, k: number, maxCallbacks = 40): CallView {
  const i = ix.calls[k];
  const e = trace[i] as FfiEvent;
  const cbIdx = ix.callbacks.get(e.id ?? -1) ?? [];
  const cbs = cbIdx.slice(0, maxCallbacks).map((j) => {
    const c = trace[j] as Extract<TraceEvent, { t: 'ffi-callback' }>;
    return { fn: c.fn, args: c.args, ret: c.ret };
  });
  return callView(e, i, cbs, Math.max(e.callbacks ?? 0, cbIdx.length));
}

export function ffiPicture(trace: readonly TraceEvent[], position: number | null, maxCalls = 500, maxCallbacks = 40, index: FfiIndex = ffiIndex(trace, maxCallbacks)): FfiPicture {
  const end = position === null ? trace.length : Math.max(0, Math.min(position, trace.length));
  const recorded = callsBefore(index, end);
  const calls: CallView[] = [];
  for (let k = 0; k < Math.min(recorded, maxCalls); k++) calls.push(ffiCallAt(trace, index, k, maxCallbacks));
  // the run's totals once its ffi-count events are reached, else the records so far
  const counts = new Map<string, { calls: number; recorded: number }>();
  for (let c = 0; c < index.counts.length && index.counts[c] < end; c++) {
    const e = trace[index.counts[c]] as Extract<TraceEvent, { t: 'ffi-count' }>;
    counts.set(e.fn, { calls: e.calls, recorded: e.recorded });
  }
  const final = counts.size > 0;
  const source = final ? counts : new Map(index.symbols.map((fn, s) => [fn, before(index.bySymbol[s], end)] as const)
    .filter(([, n]) => n > 0).map(([fn, n]) => [fn, { calls: n, recorded: n }]));
  const totals = [...source].map(([fn, c]) => ({ fn, calls: c.calls, recorded: c.recorded, sampled: c.recorded < c.calls }))
    .sort((a, b) => b.calls - a.calls || (a.fn < b.fn ? -1 : 1));
  return {
    calls, recordedCalls: recorded, totals,
    totalCalls: totals.reduce((n, t) => n + t.calls, 0),
    sampled: totals.some((t) => t.sampled),
    final,
  };
}

/** The straightforward picture (every FFI event up to the position walked): the reference the
 *  indexed one is tested against. */
export function ffiPictureFull(trace: readonly TraceEvent[], position: number | null, maxCalls = 500, maxCallbacks = 40): FfiPicture {
  const end = position === null ? trace.length : Math.max(0, Math.min(position, trace.length));
  const pendingCb = new Map<number, { fn: string; args: string[]; ret: string }[]>();
  const cbCount = new Map<number, number>();
  const calls: CallView[] = [];
  const recordedBy = new Map<string, number>();
  const counts = new Map<string, { calls: number; recorded: number }>();
  let recorded = 0;
  for (let i = 0; i < end; i++) {
    const e = trace[i];
    if (e.t === 'ffi-callback') {
      cbCount.set(e.call, (cbCount.get(e.call) ?? 0) + 1);
      const list = pendingCb.get(e.call) ?? [];
      if (list.length < maxCallbacks) list.push({ fn: e.fn, args: e.args, ret: e.ret });
      pendingCb.set(e.call, list);
    } else if (e.t === 'ffi') {
      recorded++;
      recordedBy.set(e.fn, (recordedBy.get(e.fn) ?? 0) + 1);
      if (calls.length < maxCalls) calls.push(callView(e, i, pendingCb.get(e.id ?? -1) ?? [], Math.max(e.callbacks ?? 0, cbCount.get(e.id ?? -1) ?? 0)));
    } else if (e.t === 'ffi-count') {
      counts.set(e.fn, { calls: e.calls, recorded: e.recorded });
    }
  }
  const final = counts.size > 0;
  const source = final ? counts : new Map([...recordedBy].map(([fn, n]) => [fn, { calls: n, recorded: n }]));
  const totals = [...source].map(([fn, c]) => ({ fn, calls: c.calls, recorded: c.recorded, sampled: c.recorded < c.calls }))
    .sort((a, b) => b.calls - a.calls || (a.fn < b.fn ? -1 : 1));
  return { calls, recordedCalls: recorded, totals, totalCalls: totals.reduce((n, t) => n + t.calls, 0), sampled: totals.some((t) => t.sampled), final };
}

function callView(e: FfiEvent, index: number, cbs: { fn: string; args: string[]; ret: string }[], cbTotal: number): CallView {
  const t = e.types;
  const args = e.args.map((v, i) => cross(v, t?.vex[i] ?? '', t?.c[i] ?? ''));
  const callbacks = cbs.map((cb) => {
    // the callback's Vex parameter types come from the fn-pointer argument C was given
    const ptrArg = args.find((a) => a.value === `fn ${cb.fn}`);
    const params = ptrArg ? fnParams(ptrArg.vex) : [];
    return {
      fn: cb.fn,
      args: cb.args.map((v, i) => {
        const vt = params[i] ?? '';
        return { value: isPtrType(vt) ? hex(v) : v, vex: vt, c: isPtrType(vt) ? 'const void *' : '', conversion: isPtrType(vt) ? 'C passes an address into the array' : '' };
      }),
      ret: cb.ret,
    };
  });
  return {
    id: e.id ?? index, fn: e.fn, task: e.task, args,
    ret: cross(e.ret, t?.retVex ?? '', t?.retC ?? ''),
    callbacks, callbackCount: cbTotal, index, loc: e.loc ?? null,
  };
}

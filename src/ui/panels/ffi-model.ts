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

/** Trace indices of the FFI events (built once per trace: a scrub move then walks only these). */
export function ffiIndex(trace: readonly TraceEvent[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < trace.length; i++) {
    const t = trace[i].t;
    if (t === 'ffi' || t === 'ffi-callback' || t === 'ffi-count') out.push(i);
  }
  return out;
}

export function ffiPicture(trace: readonly TraceEvent[], position: number | null, maxCalls = 500, maxCallbacks = 40, index: readonly number[] = ffiIndex(trace)): FfiPicture {
  const end = position === null ? trace.length : Math.max(0, Math.min(position, trace.length));
  const byId = new Map<number, CallView>();
  const pendingCb = new Map<number, { fn: string; args: string[]; ret: string }[]>();
  const cbCount = new Map<number, number>();
  const calls: CallView[] = [];
  const recordedBy = new Map<string, number>();
  const counts = new Map<string, { calls: number; recorded: number }>();
  let recorded = 0;
  for (let k = 0; k < index.length && index[k] < end; k++) {
    const i = index[k];
    const e = trace[i];
    if (e.t === 'ffi-callback') {
      // callbacks happen inside their call, which is recorded when it returns
      cbCount.set(e.call, (cbCount.get(e.call) ?? 0) + 1);
      const list = pendingCb.get(e.call) ?? [];
      if (list.length < maxCallbacks) list.push({ fn: e.fn, args: e.args, ret: e.ret });
      pendingCb.set(e.call, list);
    } else if (e.t === 'ffi') {
      recorded++;
      recordedBy.set(e.fn, (recordedBy.get(e.fn) ?? 0) + 1);
      if (calls.length < maxCalls) {
        const v = callView(e, i, pendingCb.get(e.id ?? -1) ?? [], Math.max(e.callbacks ?? 0, cbCount.get(e.id ?? -1) ?? 0));
        calls.push(v);
        if (e.id !== undefined) byId.set(e.id, v);
      }
    } else if (e.t === 'ffi-count') {
      counts.set(e.fn, { calls: e.calls, recorded: e.recorded });
    }
  }
  // a call still running at this position (its callbacks so far, no result yet) is not drawn
  const final = counts.size > 0;
  const source = final ? counts : new Map([...recordedBy].map(([fn, n]) => [fn, { calls: n, recorded: n }]));
  const totals = [...source].map(([fn, c]) => ({ fn, calls: c.calls, recorded: c.recorded, sampled: c.recorded < c.calls }))
    .sort((a, b) => b.calls - a.calls || (a.fn < b.fn ? -1 : 1));
  return {
    calls, recordedCalls: recorded, totals,
    totalCalls: totals.reduce((n, t) => n + t.calls, 0),
    sampled: totals.some((t) => t.sampled),
    final,
  };
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

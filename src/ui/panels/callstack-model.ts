// Panic → call-stack picture ("Call stack" view): one box per frame, innermost first, with its
// parameters and locals at the panic, the values it drops and the defers it runs while unwinding, at a given unwinding step (-1: the
// moment of the panic, nothing unwound yet). Stack overflow → depth gauge and folded frames.
// Pure: built from the PanicInfo / StackOverflowInfo the runtime records.
import type { PanicInfo, SourceLoc, StackOverflowInfo } from '../../runtime/api';

export interface StackValue {
  name: string;
  type: string;
  shown: string; // the value's {:?} text ('' when unknown)
  loc: SourceLoc | null;
  dropped: boolean; // at this step
  current: boolean; // this step drops it
  /** A local or parameter in scope at the panic (not only a value the frame drops): moved out,
   *  or hidden by a later local of the same name. */
  local?: 'live' | 'moved' | 'shadowed';
}

export interface StackDefer {
  loc: SourceLoc | null;
  ran: boolean;
  current: boolean;
}

export type FrameState = 'live' | 'unwinding' | 'popped' | 'kept';

export interface StackBox {
  fn: string;
  loc: SourceLoc | null;
  state: FrameState; // kept: below catch_panic (or an abort): never unwound
  values: StackValue[];
  defers: StackDefer[];
  current: boolean; // this step enters or leaves this frame
}

export interface StackPicture {
  boxes: StackBox[]; // innermost first
  /** Where catch_panic stopped the unwinding: the boxes before `index` were unwound, the rest kept. */
  catchAt: { loc: SourceLoc | null; index: number; reached: boolean } | null;
  aborted: { reason: string; reached: boolean } | null;
  popped: number; // frames popped at this step
}

interface Pending { fn: string; loc: SourceLoc | null; enter: number; leave: number; values: (Omit<StackValue, 'dropped' | 'current'> & { at: number })[]; defers: { loc: SourceLoc | null; at: number }[] }

const sameLoc = (a: SourceLoc | null, b: SourceLoc | null) => a === b || (!!a && !!b && a.file === b.file && a.line === b.line && a.col === b.col);

/** The stack at unwinding step `step` (index into info.unwind; -1 before the first). */
export function stackPicture(info: PanicInfo, step: number): StackPicture {
  const frames: Pending[] = [];
  let catchAt: StackPicture['catchAt'] = null;
  let aborted: StackPicture['aborted'] = null;
  info.unwind.forEach((s, i) => {
    const cur = frames[frames.length - 1];
    switch (s.kind) {
      case 'frame': {
        const bt = info.backtrace[frames.length];
        // its locals at the panic, never dropped unless a drop step below names them
        const values = (s.locals ?? []).map((l) => ({ name: l.name, type: l.type, shown: l.shown, loc: l.loc, at: Infinity, local: l.state ?? 'live' as const }));
        frames.push({ fn: s.fn, loc: bt?.loc ?? s.loc, enter: i, leave: Infinity, values, defers: [] });
        return;
      }
      case 'defer': if (cur) cur.defers.push({ loc: s.loc, at: i }); return;
      case 'drop': {
        if (!cur) return;
        // a live local dropped now: the same row is crossed out (same name, same declaration)
        const own = cur.values.find((v) => v.local && v.local !== 'moved' && v.at === Infinity && v.name === s.value && sameLoc(v.loc, s.loc));
        if (own) own.at = i;
        else cur.values.push({ name: s.value, type: s.type, shown: s.shown ?? '', loc: s.loc, at: i });
        return;
      }
      case 'leave': if (cur) cur.leave = i; return;
      case 'caught': catchAt = { loc: s.loc, index: frames.length, reached: i <= step }; return;
      case 'aborted': aborted = { reason: s.reason, reached: i <= step }; return;
    }
  });
  const boxes: StackBox[] = frames.map((f) => ({
    fn: f.fn,
    loc: f.loc,
    state: f.leave <= step ? 'popped' : f.enter <= step ? 'unwinding' : 'live',
    values: f.values.map((v) => ({ name: v.name, type: v.type, shown: v.shown, loc: v.loc, dropped: v.at <= step, current: v.at === step, ...(v.local ? { local: v.local } : {}) })),
    defers: f.defers.map((d) => ({ loc: d.loc, ran: d.at <= step, current: d.at === step })),
    current: f.enter === step || f.leave === step,
  }));
  // frames the unwinding never reached: catch_panic's caller and below, or all of them on abort
  for (let j = frames.length; j < info.backtrace.length; j++) {
    const f = info.backtrace[j];
    boxes.push({ fn: f.fn, loc: f.loc, state: 'kept', values: [], defers: [], current: false });
  }
  return { boxes, catchAt, aborted, popped: boxes.filter((b) => b.state === 'popped').length };
}

export interface FoldedRow {
  fn: string;
  loc: SourceLoc | null;
  times: number; // the cycle repeats this often (1: a single frame)
  cycle: number; // frames in the repeated cycle
  label: string; // "depth × 4,093", "even → odd × 2,000"
}

export interface OverflowPicture {
  /** The innermost frames with their parameters and locals (`n: i32 = 38`), innermost first. */
  top: { fn: string; loc: SourceLoc | null; locals: string[] }[];
  used: number;
  capacity: number;
  fraction: number; // used / capacity, at most 1
  rows: FoldedRow[]; // innermost first
  gauge: string; // "64 of 64 frames (16,384 bytes at 256 bytes a frame)"
  note: string | null;
}

const int = (n: number) => n.toLocaleString('en-US');

export function overflowPicture(o: StackOverflowInfo): OverflowPicture {
  const rows: FoldedRow[] = o.frames.map((g) => {
    const names = g.frames.map((f) => f.fn).join(' → ');
    return { fn: g.frames[0]?.fn ?? '?', loc: g.frames[0]?.loc ?? null, times: g.times, cycle: g.frames.length, label: g.times > 1 ? `${names} × ${int(g.times)}` : names };
  });
  // the call-site stack records the outermost frames: what it could not hold is the innermost
  if (o.unrecorded > 0) rows.unshift({ fn: '…', loc: null, times: o.unrecorded, cycle: 1, label: `${int(o.unrecorded)} innermost frames (not recorded)` });
  const capacity = Math.max(o.capacity, 1);
  return {
    top: (o.top ?? []).map((f) => ({ fn: f.fn, loc: f.loc, locals: f.locals.map((l) => `${l.name}: ${l.type}${l.state === 'moved' ? ' (moved)' : l.shown ? ` = ${l.shown}` : ''}`) })),
    used: o.depth,
    capacity: o.capacity,
    fraction: Math.min(1, o.depth / capacity),
    rows,
    gauge: `${int(o.depth)} of ${int(o.capacity)} frames (${int(o.stackBytes)} bytes at ${o.frameBytes} bytes a frame)`,
    note: o.host ? `The host JavaScript stack ran out at depth ${int(o.depth)}, before the configured stack of ${int(o.stackBytes)} bytes was full.` : null,
  };
}

// The panics of a run, from the trace (caught ones too) and the final state (the uncaught one).
import type { PanicInfo, StackOverflowInfo, TraceEvent } from '../../runtime/api';

export interface RunPanic {
  info: PanicInfo;
  caught: boolean;
}

const same = (a: PanicInfo, b: PanicInfo) =>
  a.message === b.message && a.task === b.task && JSON.stringify(a.location) === JSON.stringify(b.location);

export function collectPanics(trace: readonly TraceEvent[], final: PanicInfo | null): RunPanic[] {
  const out: RunPanic[] = [];
  for (const e of trace) if (e.t === 'panic') out.push({ info: e.info, caught: e.caught });
  if (final) {
    const i = out.findIndex((p) => !p.caught && same(p.info, final));
    // the final state is authoritative (complete unwind log)
    if (i >= 0) out[i] = { info: final, caught: false };
    else out.push({ info: final, caught: false });
  }
  return out;
}

/** Where the panics and stack overflows are in the trace (built once per trace, so a scrub move
 *  only walks these few indices). */
export interface PanicMarks {
  panics: number[];
  overflows: { index: number; info: StackOverflowInfo }[];
}

/** The marks of the last trace seen: the run store only appends to a trace while a run streams
 *  in (publishing a longer copy), so the next trace usually extends it and only its new events
 *  are scanned. The Panic panel and the Panic tab's badge share one scan. */
let lastMarks: { trace: readonly TraceEvent[]; marks: PanicMarks } | null = null;

export function panicMarks(trace: readonly TraceEvent[]): PanicMarks {
  const prev = lastMarks;
  if (prev && prev.trace === trace) return prev.marks;
  const extends_ = prev !== null && prev.trace.length > 0 && prev.trace.length <= trace.length
    && prev.trace[0] === trace[0] && prev.trace[prev.trace.length - 1] === trace[prev.trace.length - 1];
  const marks: PanicMarks = extends_ ? { panics: prev.marks.panics.slice(), overflows: prev.marks.overflows.slice() } : { panics: [], overflows: [] };
  for (let i = extends_ ? prev.trace.length : 0; i < trace.length; i++) {
    const e = trace[i];
    if (e.t === 'panic') marks.panics.push(i);
    else if (e.t === 'stack-overflow') marks.overflows.push({ index: i, info: e.info });
  }
  lastMarks = { trace, marks };
  return marks;
}

/** The Panic tab's badge: '!' for an uncaught panic or a stack overflow, "N caught" when every
 *  panic was caught, null when none. */
export function panicBadge(trace: readonly TraceEvent[], finalPanic: boolean): string | null {
  const marks = panicMarks(trace);
  let caught = 0;
  for (const i of marks.panics) { const e = trace[i]; if (e.t === 'panic' && e.caught) caught++; }
  if (finalPanic || marks.overflows.length) return '!';
  return caught ? `${caught} caught` : null;
}

/** The panics that happened before trace position `position` (null: the end of the run). */
export function panicsUpTo(all: RunPanic[], marks: PanicMarks, length: number, position: number | null): RunPanic[] {
  if (position === null || position >= length) return all;
  return all.slice(0, marks.panics.filter((i) => i < position).length);
}

/** The stack overflows recorded before trace position `position` (null: the end). */
export function overflowsUpTo(marks: PanicMarks, position: number | null): StackOverflowInfo[] {
  return marks.overflows.filter((o) => position === null || o.index < position).map((o) => o.info);
}

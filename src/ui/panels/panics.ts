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

export function panicMarks(trace: readonly TraceEvent[]): PanicMarks {
  const marks: PanicMarks = { panics: [], overflows: [] };
  for (let i = 0; i < trace.length; i++) {
    const e = trace[i];
    if (e.t === 'panic') marks.panics.push(i);
    else if (e.t === 'stack-overflow') marks.overflows.push({ index: i, info: e.info });
  }
  return marks;
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

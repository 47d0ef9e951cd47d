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

/** The panics that happened before trace position `position` (null: the end of the run). */
export function panicsUpTo(all: RunPanic[], trace: readonly TraceEvent[], position: number | null): RunPanic[] {
  if (position === null || position >= trace.length) return all;
  let k = 0;
  for (let i = 0; i < position; i++) if (trace[i].t === 'panic') k++;
  return all.slice(0, k);
}

/** The stack overflows recorded before trace position `position` (null: the end). */
export function overflowsUpTo(trace: readonly TraceEvent[], position: number | null): StackOverflowInfo[] {
  const end = position === null ? trace.length : Math.min(position, trace.length);
  const out: StackOverflowInfo[] = [];
  for (let i = 0; i < end; i++) {
    const e = trace[i];
    if (e.t === 'stack-overflow') out.push(e.info);
  }
  return out;
}

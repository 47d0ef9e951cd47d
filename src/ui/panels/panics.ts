// The panics of a run, from the trace (caught ones too) and the final state (the uncaught one).
import type { PanicInfo, TraceEvent } from '../../runtime/api';

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

// How much host (JavaScript) stack this context has, relative to the one the deep-recursion
// thresholds were sized for (deep.ts DEEP_AT, DEEP_LIGHT_AT: a Chromium dedicated worker, where
// Blink gives V8 500 KiB). Node's main thread has 984 KiB, Node worker threads 4 MiB: there plain
// recursion can run deeper before the (much slower) generator heap frames take over. Where the
// switch happens is not observable (output, trace and steps are the same either way), so sizing
// it from the host is safe for determinism.
import { DEEP_AT, DEEP_LIGHT_AT } from './deep';

/** probeHostStack's count in the context the thresholds were sized for: a Chromium 156 dedicated
 *  worker gives 559-562 at its first probe, 595 once the probe is optimized (the worst mix of
 *  e2e/deep-light.spec.ts fits there with about a fifth of the stack to spare). A little less
 *  here, so that such a worker keeps the thresholds exactly. */
export const PROBE_REF = 550;

/** The thresholds grow by a fifth less than the stack did (margin for runs that start deeper in
 *  the host stack than the probe, and for engines whose frames compare differently with the
 *  probe's), never past MAX_SCALE, and never shrink: they were validated where the stack is
 *  smallest (a context probing less is some other engine, whose frames compare differently). */
const MARGIN = 0.8;
const MAX_SCALE = 4;

// Frames whose size is the same in every tier: V8 passes arguments on the machine stack, and a
// spread call pushes all of the array's elements whether the caller is interpreted or optimized.
// Frames shaped like emitted code would not do: a recursion that gets optimized while it
// descends counts up to twice as many (Chromium compiles concurrently, at no fixed point).
const probe = { reached: 0, pad: Array.from({ length: 100 }, (_, i) => i) };
function probeFrame(n: number): number {
  probe.reached = n;
  // @ts-expect-error: the extra arguments are the frame's bulk, not parameters
  return probeFrame(n + 1, ...probe.pad) + 1;
}

/** Probe frames that fit on the host stack from here (about 900 bytes each in V8). */
function probeHostStack(): number {
  probe.reached = 0;
  try { probeFrame(1); } catch { /* the host stack ran out (RangeError; InternalError in Firefox) */ }
  return probe.reached;
}

/** The factor for the thresholds given a probe count (see MARGIN). */
export function scaleFor(count: number): number {
  return Math.min(MAX_SCALE, Math.max(1, MARGIN * count / PROBE_REF));
}

let probed = 0;
/** probeHostStack's count in this context (worker, thread or process), measured at its first run:
 *  near the bottom of the host stack, where runs start. */
export function hostStackProbe(): number {
  return probed || (probed = probeHostStack());
}
/** The thresholds' factor in this context. */
export const hostStackScale = (): number => scaleFor(hostStackProbe());

/** DEEP_AT and DEEP_LIGHT_AT scaled to this context's host stack: what a run uses by default. */
export function deepThresholds(): { at: number; lightAt: number } {
  const k = hostStackScale();
  return { at: Math.round(DEEP_AT * k), lightAt: Math.round(DEEP_LIGHT_AT * k) };
}

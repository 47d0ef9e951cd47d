// How much host (JavaScript) stack this context has, relative to the one the deep-recursion
// thresholds were sized for (deep.ts DEEP_AT, DEEP_LIGHT_AT: a Chromium dedicated worker, where
// Blink gives V8 500 KiB). Node's main thread has 984 KiB, Node worker threads 4 MiB: there plain
// recursion can run deeper before the (much slower) generator heap frames take over. Where the
// switch happens is not observable (output, trace and steps are the same either way), so sizing
// it from the host is safe for determinism.
import { DEEP_AT, DEEP_LIGHT_AT } from './deep';

/** probeHostStack's count in the context the thresholds were sized for: a Chromium 156 dedicated
 *  worker gives 2,265-2,273 at its first run (where the worst mix of e2e/deep-light.spec.ts fits
 *  with about a fifth of the stack to spare); a little less here, so that it keeps them exactly. */
export const PROBE_REF = 2220;

/** Below the reference the thresholds shrink in proportion; above it they grow by a fifth less
 *  than the stack did (margin for a first run deeper in the host stack than the probe, and for
 *  frames an engine makes larger than the probe's), never past MAX_SCALE nor below MIN_SCALE. */
const MARGIN = 0.8;
const MIN_SCALE = 0.5;
const MAX_SCALE = 4;

// A probe frame shaped like the emitted light frame of MIXED's `light` (codegen/deep-mixed.test-util.ts):
// the same entry checks, locals, try/catch and nested helper calls in the recursive call's
// arguments, so it counts frames of that size on whatever engine runs it.
const probe = { depth: 0, deepFrom: Infinity, gate: Infinity, fuel: Infinity, sites: [0] };
const add = (x: number, y: number, _s: number) => x + y;
const mul = (x: number, y: number, _s: number) => x * y;
const rem = (x: number, y: number, _s: number) => x % y;
function probeFrame(n: number, a: number, b: number): number {
  if (probe.depth >= probe.deepFrom) return 0;
  const $f = probe.depth++, $FS = probe.sites; if ($f >= probe.gate) return 0; else if (--probe.fuel < 0) return 0;
  let $r;
  try {
    if (n === 0) return ($r = 0, probe.depth = $f, $r);
    return ($r = add(probeFrame((n - 1) | 0, rem(add(a, add(mul(b, 3, 0), mul(a, b, 0), 0), 0), 1000, 9), ($FS[0] = 13, rem(add(mul(add(b, 7, 0), add(a, 3, 0), 0), b, 0), 1000, 12))), 1, 0), probe.depth = $f, $r);
  } catch (e) { if (e === probe) probe.sites.push(n, a, b); throw e; }
}

/** Probe frames that fit on the host stack from here. Only a first call measures interpreted
 *  frames: the engine optimizes probeFrame after it (Chromium's second probe counts twice as many). */
function probeHostStack(): number {
  probe.depth = 0;
  try { probeFrame(1e9, 1, 2); } catch { /* the host stack ran out (RangeError; InternalError in Firefox) */ }
  return probe.depth;
}

/** The factor for the thresholds given a probe count (see MARGIN). */
export function scaleFor(count: number): number {
  const r = count / PROBE_REF;
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, Math.min(r, Math.max(1, MARGIN * r))));
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

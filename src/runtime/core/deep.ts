// The deep-recursion trampoline (codegen/DESIGN.md "Deep recursion"). Past a Vex depth threshold a
// recursive function hands its call to its generator twin; here the frames of the recursion are
// generator objects on an explicit heap stack, so the host JavaScript stack stays flat however
// deep the Vex stack model goes. A twin calls another twin by yielding the callee's (not yet
// started) generator object; it gets the callee's return value back as the yield's result, or the
// callee's exception thrown in at the yield, so try/finally cleanup (defers, drops, unwind steps,
// rt.depth restoring) runs frame by frame exactly as in plain code.

import { VexAbort, VexExit, VexLimit } from './errors';

/** Vex depth (rt.depth) from which recursive functions run as heap frames. Low enough that the
 *  plain frames below it (heavy ones: locals, defer, Drop, f-strings) fit a browser worker's
 *  host stack with plenty to spare; high enough that ordinary recursion never pays for it.
 *  This and DEEP_LIGHT_AT are sized for a Chromium worker's host stack; a run scales both by the
 *  host stack it finds (host-stack.ts hostStackScale). */
export const DEEP_AT = 400;

/** The same threshold for recursive functions whose host frames are small (few locals, no cleanup
 *  block, no closures: codegen/deep.ts frameIsLight), outside any trampoline. The worst host stack
 *  is DEEP_AT of the heaviest frames, then light frames up to here, then inside the trampoline
 *  another DEEP_AT of the heaviest (rt.deep lowers this threshold to DEEP_AT's there). */
export const DEEP_LIGHT_AT = 1500;

/** Nested clone-glue calls of recursive types on the host stack before the rest of a clone runs as
 *  heap frames (codegen clone-glue.ts; a link of a list through other types is a few calls). */
export const CLONE_DEEP = 400;

/** Heap frames one trampoline holds at most (64 MiB of the stack model): beyond it the run ends
 *  as a host stack overflow would, before heavy frames could exhaust a worker's memory. */
export const DEEP_MAX = 1 << 18;

/** A stack overflow reports the parameters and locals of this many innermost frames. */
export const OVERFLOW_LOCALS = 3;

/** Thrown into the deepest heap frame when DEEP_MAX is reached. Its message is the host's stack
 *  overflow text, so it takes exactly the host-overflow path (report, backtrace, note). */
export class DeepLimit extends RangeError {
  constructor() {
    super(`Maximum call stack size exceeded (${DEEP_MAX} heap frames of deep recursion)`);
  }
}

/** Heap frames of a clone (rt.cloneDeep) past DEEP_MAX charged to the heap limit at a time, and
 *  the bytes each is charged: a clone's frames are not Vex calls, so no stack size bounds them
 *  (the first DEEP_MAX are free, as a stack of the UI's largest size is; a suspended generator
 *  holds ~150-200 bytes of host memory, 256 is a frame of the stack model). */
export const CLONE_FRAMES_CHUNK = 1024;
export const CLONE_FRAME_BYTES = 256;

/** Drive a twin generator and everything it calls to completion; its return value, or its
 *  exception (Vex panics and aborts, host errors) as if it had been a plain call. `grow`, when
 *  given, replaces the DEEP_MAX limit: it is called each time the heap frames reach DEEP_MAX and
 *  then another CLONE_FRAMES_CHUNK (it may throw, as DeepLimit is, into the frame making the call). */
export function runDeep(first: Generator<unknown, unknown, unknown>, seen?: (e: unknown) => void, grow?: () => void): unknown {
  const stack: Generator<unknown, unknown, unknown>[] = [first];
  let value: unknown = undefined;
  let error: unknown = undefined;
  let failed = false;
  let peak = DEEP_MAX; // frames from which the next are charged (grow)
  for (;;) {
    const top = stack[stack.length - 1];
    let r: IteratorResult<unknown, unknown>;
    try {
      if (failed) {
        failed = false;
        r = top.throw(error);
      } else r = top.next(value);
    } catch (e) {
      // A run-ending exception skips every frame's cleanup (rt.leave is false for it), so the
      // frames' finally blocks would only reset rt.depth; throwing it into each generator costs tens
      // of microseconds a frame in Chromium (minutes at 262,144 frames): drop the frames at once.
      if (e instanceof VexAbort || e instanceof VexLimit || e instanceof VexExit) {
        // a stack overflow: the few innermost frames still see it, to record their locals (rt.recordLocals)
        if (e instanceof VexAbort && e.overflow) {
          stack.pop();
          for (let k = 0; k < OVERFLOW_LOCALS && stack.length; k++) { try { stack.pop()!.throw(e); } catch { /* it rethrows */ } }
        }
        throw e;
      }
      // the frame ended with an exception (its finally already ran): the caller gets it
      stack.pop();
      if (!stack.length) throw e;
      error = e;
      failed = true;
      continue;
    }
    if (r.done) {
      stack.pop();
      if (!stack.length) return r.value;
      value = r.value;
    } else {
      if (grow !== undefined) {
        if (stack.length >= peak) {
          peak += CLONE_FRAMES_CHUNK;
          try {
            grow();
          } catch (e) {
            error = e; // the callee never starts: its caller gets the failure at the call
            failed = true;
            continue;
          }
        }
      } else if (stack.length >= DEEP_MAX) {
        // the callee never starts: its caller gets the overflow at the call, as with the host stack
        error = new DeepLimit();
        seen?.(error); // the report's depth and frames are those of this moment
        failed = true;
        continue;
      }
      // a call request: the callee's generator, started on the next turn
      stack.push(r.value as Generator<unknown, unknown, unknown>);
      value = undefined;
    }
  }
}

// The runtime's control-flow exceptions. Only these classes are Vex outcomes; any other JS error
// that escapes generated code is an internal error (our bug), never dressed as a Vex panic.
import type { FrameLocal, PanicInfo, StackOverflowInfo } from '../api';

/** A Vex panic in flight (unwinding). */
export class VexPanic {
  /** Frame count when raised (frame j is info.backtrace[depth - 1 - j]). */
  depth = 0;
  /** Deepest frame not yet logged in info.unwind (frames without cleanup are logged late). */
  next = -1;
  /** Locals recorded by the generated catches (rt.recordLocals) per frame index, until its `frame` step. */
  locals: Map<number, FrameLocal[]> | null = null;
  constructor(readonly message: string, readonly info: PanicInfo) {}
}

/** The run ends at once, nothing else runs: double panic, stack overflow, deadlock, panic=abort, signal. */
export class VexAbort {
  /** A stack overflow (rt.overflow): its report, emitted once the top frames' catches recorded
   *  their locals (rt.recordLocals) for the frames from index `from` up. */
  overflow?: { info: StackOverflowInfo; from: number; locals: Map<number, FrameLocal[]> };
  constructor(
    readonly code: number,
    readonly reason: string,
    readonly kind: 'aborted' | 'panicked' | 'stopped' = 'aborted',
  ) {}
}

/** A resource limit of the run (fuel, heap, output) was reached. */
export class VexLimit {
  constructor(readonly limit: 'fuel' | 'heap' | 'output', readonly message: string) {}
}

/** `exit(n)`-style end of the whole program. */
export class VexExit {
  constructor(readonly code: number) {}
}

export const isVexControl = (e: unknown): boolean =>
  e instanceof VexPanic || e instanceof VexAbort || e instanceof VexLimit || e instanceof VexExit;

/** V8 (and SpiderMonkey) report host stack exhaustion as a RangeError / InternalError with this text. */
export function isHostStackOverflow(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  // No RegExp here: this runs at the deepest point of an exhausted stack, where V8 compiling a
  // regexp for the first time can fail fatally ("RegExpCompiler Allocation failed").
  const m = e.message;
  return typeof m === 'string' && (m.includes('call stack size exceeded') || m.includes('too much recursion'));
}

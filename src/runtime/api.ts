// The run API's plain data: options, outcome, output chunks and the trace. Shared by the worker,
// the CLI and the UI (which imports only these types). Versioned: bump TRACE_VERSION when an
// event's shape changes.
export const TRACE_VERSION = 2;

export interface RunOptions {
  stackSize: number; // main task's stack in bytes (default 1 MiB)
  heapLimit: number; // bytes (default 64 MiB)
  panic: 'unwind' | 'abort';
  fuel: number; // max steps (back-edges + calls); 0 = unlimited
  traceCalls: boolean; // emit call/return events (off by default: costly)
  /** Polled at statement boundaries via the fuel counter: returns a signal number to deliver (SIGINT=2) or 0. */
  pollSignal?: () => number;
  /** Receives trace events as they happen (the worker batches them); the result also holds them unless `keepTrace` is false. */
  onEvent?: (e: TraceEvent) => void;
  keepTrace?: boolean;
  /** false: RunResult.output stays empty (`onEvent` gets every output event; the worker streams
   *  them, and the run need not hold a second copy of everything printed). */
  keepOutput?: boolean;
  /** Receives the heap events (alloc, free, realloc) as numbers instead of `onEvent` getting
   *  objects (the worker packs them for the UI: src/worker/heap-pack.ts), in the same order
   *  relative to the events `onEvent` gets. */
  heapSink?: HeapSink;
  /** Vex depth from which recursive functions run as heap frames (tests; default core/deep.ts
   *  DEEP_AT, and DEEP_LIGHT_AT for light frames, scaled to the host stack by core/host-stack.ts). */
  deepAt?: number;
  /** Nested task loops from which async calls in suspendable code are started by the innermost
   *  loop (tests; default core/scheduler.ts ASYNC_NEST). */
  asyncNest?: number;
}

/** See RunOptions.heapSink. `site` is a site id: the run sets `locate` to turn one into a SourceLoc. */
export interface HeapSink {
  locate: ((site: number) => SourceLoc | null) | null;
  alloc(addr: number, size: number, align: number, allocator: string, site: number, task: number): void;
  free(addr: number, size: number, allocator: string, site: number, task: number): void;
  realloc(from: number, to: number, oldSize: number, size: number, site: number, task: number): void;
  /** alloc, then free of the same block (a temporary's buffer): the same two events. */
  tmp(addr: number, size: number, align: number, allocator: string, site: number, task: number): void;
  /** A system Box block's event: alloc(addr, 8, 8, 'system', …) when `freed` is 0, else
   *  free(addr, 8, 'system', …) (the hottest events: a tree of Boxes makes millions). */
  box(freed: 0 | 1, addr: number, site: number, task: number): void;
}

export const DEFAULT_RUN_OPTIONS: RunOptions = {
  stackSize: 1 << 20,
  heapLimit: 64 << 20,
  panic: 'unwind',
  fuel: 2_000_000_000,
  traceCalls: false,
};

export type Outcome =
  | { kind: 'exited'; code: number }
  | { kind: 'panicked'; code: 134 }
  | { kind: 'aborted'; code: number; reason: string } // stack overflow, deadlock, double panic, signal, OOM
  | { kind: 'stopped'; code: number } // Stop button / SIGINT default action
  | { kind: 'limit'; code: number; limit: 'fuel' | 'heap' | 'output' }
  | { kind: 'internal-error'; message: string; stack: string };

export interface OutputChunk {
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface SourceLoc {
  file: string;
  line: number;
  col: number;
}

export interface Frame {
  fn: string; // Vex name: main, Point.new, closure in main, task#2
  loc: SourceLoc | null;
}

/** A parameter or local in scope in an unwound frame when the panic passed it (declaration order;
 *  shown: its {:?} text, short; moved: its value was moved out; shadowed: a later local took its name). */
export interface FrameLocal { name: string; type: string; shown: string; loc: SourceLoc | null; state?: 'moved' | 'shadowed' }

export type UnwindStep =
  | { kind: 'frame'; fn: string; loc: SourceLoc | null; locals?: FrameLocal[] } // unwinding entered this frame
  | { kind: 'defer'; fn: string; loc: SourceLoc | null } // a defer ran
  | { kind: 'drop'; fn: string; value: string; type: string; loc: SourceLoc | null; shown?: string } // a value was dropped (shown: its {:?} text, short)
  | { kind: 'leave'; fn: string } // frame left
  | { kind: 'caught'; loc: SourceLoc | null } // stopped by catch_panic at loc
  | { kind: 'aborted'; reason: string };

export interface PanicInfo {
  message: string;
  location: SourceLoc | null;
  backtrace: Frame[]; // innermost first
  unwind: UnwindStep[];
  task: number;
}

/** Frames repeated `times` times in a row (innermost first): direct recursion is one frame ×N,
 *  mutual recursion a short cycle ×N. */
export interface FrameGroup {
  frames: Frame[];
  times: number;
}

/** A stack overflow (§6.14): how deep the task was, against its stack's capacity in frames. */
export interface StackOverflowInfo {
  task: number;
  depth: number; // frames in use when the next call did not fit
  capacity: number; // frames the stack holds: floor(stackBytes / frameBytes)
  stackBytes: number;
  frameBytes: number;
  frames: FrameGroup[]; // innermost first, repeats folded
  unrecorded: number; // innermost frames beyond the recorded call-site stack (it holds the outermost)
  host: boolean; // the host JavaScript stack ran out before the model's limit
  /** The innermost few frames with their parameters and locals (innermost first). */
  top?: { fn: string; loc: SourceLoc | null; locals: FrameLocal[] }[];
}

/** The Vex types of a foreign call's arguments and result, and the C types they cross as. */
export interface FfiTypes {
  vex: string[];
  c: string[];
  retVex: string;
  retC: string;
}

/** Why a task blocked: awaiting a future, a channel receive/send, a timer (`await sleep`), block_on. */
export type BlockKind = 'await' | 'recv' | 'send' | 'sleep' | 'join' | 'lock';
/** What woke a task: a send (→ receiver), a receive (→ blocked sender), a timer, a finished future/task. */
export type WakeCause = 'send' | 'recv' | 'timer' | 'complete';

/** The trace: one stream of plain-data events; every panel is a view of it. */
export type TraceEvent =
  | { t: 'start'; version: number; options: Omit<RunOptions, 'pollSignal' | 'onEvent' | 'heapSink' | 'keepOutput'> }
  | { t: 'output'; stream: 'stdout' | 'stderr'; text: string }
  | { t: 'call'; fn: string; task: number; depth: number }
  | { t: 'return'; fn: string; task: number; depth: number }
  | { t: 'alloc'; addr: number; size: number; align: number; allocator: string; site: SourceLoc | null; task: number }
  | { t: 'free'; addr: number; size: number; allocator: string; site: SourceLoc | null; task: number }
  | { t: 'realloc'; from: number; to: number; oldSize: number; size: number; site: SourceLoc | null; task: number }
  // An arena's region [base, base + capacity): 'new' when ArenaAllocator.new made it, 'reset' when
  // its bump pointer went back to base (its blocks are gone), 'release' when the arena value was
  // dropped (the region and its blocks are gone). Its blocks are the 'alloc' events with
  // allocator 'arena' inside the region; the bump pointer is the end of the last one.
  | { t: 'arena'; op: 'new' | 'reset' | 'release'; base: number; capacity: number; site: SourceLoc | null; task: number }
  | { t: 'panic'; info: PanicInfo; caught: boolean }
  // Tasks (v2): `name` is the spawned/async fn (`go block`, `async block` otherwise) and `site`
  // where it was spawned; `task-run` marks the task that now holds the CPU (the one it took it
  // from is ready unless it blocked or ended); a block says why and where; a wake says who woke it
  // (-1: the clock) and through what. Main (task 0) ends with `task-end` when the program ends;
  // tasks still alive then are abandoned.
  | { t: 'task-spawn'; task: number; parent: number; name: string; stackSize: number; clock: number; site?: SourceLoc | null }
  | { t: 'task-run'; task: number; clock: number }
  | { t: 'task-block'; task: number; on: BlockKind; clock: number; site?: SourceLoc | null }
  | { t: 'task-wake'; task: number; clock: number; by?: number; cause?: WakeCause }
  | { t: 'task-end'; task: number; clock: number }
  | { t: 'task-abandon'; task: number; clock: number }
  | { t: 'ffi'; fn: string; args: string[]; ret: string; task: number; id?: number; types?: FfiTypes; loc?: SourceLoc | null; callbacks?: number }
  | { t: 'ffi-callback'; call: number; fn: string; args: string[]; ret: string; task: number } // C called Vex back inside foreign call `call` (its ffi id)
  | { t: 'ffi-count'; fn: string; calls: number; recorded: number } // at exit: every call of a symbol, recorded or not
  | { t: 'stack-overflow'; info: StackOverflowInfo }
  | { t: 'signal'; sig: number; action: 'handler' | 'ignored' | 'default' }
  | { t: 'exit'; outcome: Outcome; steps: number };

/** What run() needs of a compiled program: lang/compile.ts's CompiledProgram has this shape
 *  (the compiler and the runtime never import each other; src/pipeline joins them). */
export interface RunnableProgram {
  js: string; // the module body: `new Function(js)()` returns `$bind(rt)` -> entry points
  isLibrary: boolean; // #[no_main]: nothing runs
  meta: unknown; // the compiler's tables for the runtime (common/program-meta.ts ProgramMeta)
}

export interface RunResult {
  outcome: Outcome;
  exitCode: number; // process exit status as vex-language §2.2 says (134 abnormal, 128+N signals)
  output: OutputChunk[]; // stdout and stderr in the order written (adjacent same-stream chunks merged)
  panic: PanicInfo | null; // the uncaught panic, if any
  trace: TraceEvent[];
  steps: number;
  stats: { allocs: number; frees: number; peakBytes: number; liveBytes: number };
}

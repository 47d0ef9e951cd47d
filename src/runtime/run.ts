// run(program, options): executes a compiled program on the simulated machine and returns the
// outcome, output and trace. Synchronous: the worker runs it off the UI thread; Stop terminates
// the worker.
import { DEFAULT_RUN_OPTIONS, TRACE_VERSION, type Outcome, type RunOptions, type RunResult, type RunnableProgram } from './api';
import { Runtime } from './core/rt';
import { Scheduler } from './core/scheduler';
import { VexAbort, VexExit, VexLimit, VexPanic, isHostStackOverflow } from './core/errors';
import { isVexFault } from './memory/fault';
import type { ProgramMeta } from '../common/program-meta';
import { installLibrary } from './core/machine';

/** What the generated module returns when instantiated. */
export interface ProgramModule {
  main: (() => unknown) | null;
  mainIsGen: boolean;
  inits: (() => unknown)[];
  tlsInit: () => unknown[];
}

export function run(program: RunnableProgram, options: Partial<RunOptions> = {}): RunResult {
  const opts: RunOptions = sanitize({ ...DEFAULT_RUN_OPTIONS, ...options });
  const meta = program.meta as ProgramMeta;
  const rt = new Runtime(meta, opts);
  // (how the events and the output are delivered is not a setting of the run)
  const { pollSignal: _p, onEvent: _o, heapSink: _h, keepOutput: _k, ...shown } = opts;
  void _p; void _o; void _h; void _k;
  rt.emit({ t: 'start', version: TRACE_VERSION, options: shown });
  let outcome: Outcome;
  let lib: ReturnType<typeof installLibrary> | null = null;
  try {
    lib = installLibrary(rt, opts);
    if (program.isLibrary) {
      outcome = { kind: 'exited', code: 0 };
    } else {
      const S = new Scheduler(rt);
      rt.sched = S;
      const mod = instantiate(program)(rt);
      S.tlsInit = mod.tlsInit;
      rt.threadLocals = mod.tlsInit();
      for (const init of mod.inits) init();
      lib.resetStats(); // runtime_stats() counters are all zero when main starts (§6.18)
      const ret = mod.main ? S.runMain(mod.main, mod.mainIsGen) : 0;
      S.dropBuffered();
      outcome = { kind: 'exited', code: typeof ret === 'number' ? ret : 0 };
    }
  } catch (e) {
    outcome = classify(rt, e);
  }
  if (rt.traceCalls) rt.closeCalls();
  rt.sched?.endRun();
  rt.emitFfiCounts();
  const steps = rt.totalSteps();
  rt.emit({ t: 'exit', outcome, steps });
  const exitCode = outcome.kind === 'internal-error' ? 70 : outcome.code;
  const trace = rt.keptTrace();
  const stats = lib ? lib.stats() : { allocs: 0, frees: 0, peakBytes: 0, liveBytes: 0 };
  lib?.machine.release();
  return { outcome, exitCode, output: rt.output, panic: rt.uncaught, get trace() { return trace(); }, steps, stats };
}

// The generated module is instantiated once per compiled program (and per module text, for copies
// posted to a worker) and bound to each run's fresh runtime: V8 keeps its feedback and optimized
// code across runs. Module state lives in `rt`, so nothing leaks from one run into the next.
type Bind = (rt: Runtime) => ProgramModule;
const byProgram = new WeakMap<RunnableProgram, Bind>();
let lastText = '';
let lastBind: Bind | null = null;
function instantiate(program: RunnableProgram): Bind {
  let b = byProgram.get(program);
  if (b) return b;
  b = program.js === lastText && lastBind ? lastBind : (new Function(program.js)() as Bind);
  byProgram.set(program, b);
  lastText = program.js;
  lastBind = b;
  return b;
}

/** Bad settings never crash a run: clamp them to what the machine can do. */
function sanitize(o: RunOptions): RunOptions {
  const num = (x: unknown, d: number) => (typeof x === 'number' && Number.isFinite(x) ? x : d);
  return {
    ...o,
    stackSize: Math.max(0, Math.floor(num(o.stackSize, DEFAULT_RUN_OPTIONS.stackSize))),
    heapLimit: Math.min(2 ** 32, Math.max(1 << 20, Math.floor(num(o.heapLimit, DEFAULT_RUN_OPTIONS.heapLimit)))),
    fuel: Math.max(0, Math.floor(num(o.fuel, DEFAULT_RUN_OPTIONS.fuel))),
    panic: o.panic === 'abort' ? 'abort' : 'unwind',
  };
}

export function classify(rt: Runtime, e: unknown): Outcome {
  if (isVexFault(e)) {
    try { rt.machine.fault(e, -1); } catch (e2) { return classify(rt, e2); }
  }
  if (e instanceof VexExit) return { kind: 'exited', code: e.code };
  if (e instanceof VexPanic) {
    rt.finishUncaught(e, 'panic not caught: the program exits with status 134');
    rt.uncaught = e.info;
    rt.emit({ t: 'panic', info: e.info, caught: false });
    return { kind: 'panicked', code: 134 };
  }
  if (e instanceof VexAbort) {
    rt.emitOverflowAbort(e);
    if (e.kind === 'panicked') return { kind: 'panicked', code: 134 };
    if (e.kind === 'stopped') return { kind: 'stopped', code: e.code };
    return { kind: 'aborted', code: e.code, reason: e.reason };
  }
  // A failed allocation aborts like a native runtime's allocation-error handler (134, §2.2);
  // fuel and output limits are the playground stopping the program (137).
  if (e instanceof VexLimit) return { kind: 'limit', code: e.limit === 'heap' ? 134 : 137, limit: e.limit };
  if (isHostStackOverflow(e)) {
    try {
      const a = rt.hostOverflow();
      return { kind: 'aborted', code: a.code, reason: a.reason };
    } catch {
      return { kind: 'aborted', code: 134, reason: 'stack overflow (host stack limit)' };
    }
  }
  // The host refused to grow a string/array/buffer: the program outgrew memory, not our bug.
  if (e instanceof RangeError && /Invalid (string|array|typed array) length|allocation failed|out of memory/i.test(e.message)) {
    // never the host's text: program-sized strings fail earlier with their size (catStr), so this
    // is a last resort for a host buffer we do not size ourselves
    rt.err('fatal: out of memory (a value larger than the host can hold)\n');
    return { kind: 'limit', code: 134, limit: 'heap' };
  }
  const err = e instanceof Error ? e : new Error(String(e));
  return { kind: 'internal-error', message: err.message, stack: err.stack ?? '' };
}

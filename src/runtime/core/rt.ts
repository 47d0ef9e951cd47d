// The `rt` object handed to generated code: output, trace, the call-site stack and stack model,
// fuel and signals, panics with unwinding and catch_panic, and the checked helpers generated code
// calls on rare paths. Hot paths (arithmetic, field access, plain calls) never come here.
import type { HeapSink, OutputChunk, PanicInfo, RunOptions, SourceLoc, TraceEvent, UnwindStep, Frame, FrameLocal, StackOverflowInfo } from '../api';
import { foldSites } from './fold-frames';
import { VexAbort, VexLimit, VexPanic, isHostStackOverflow } from './errors';
import type { ProgramMeta, Site } from '../../common/program-meta';
import { ValueFormatter } from './format-value';
import { Cell, VVec, VMap, VSet, VSlice, VBoxView, MOVED_OUT } from './collections';
import { jsBuiltins, makeHelpers } from './helpers';
import { makeHost } from './host';
import type { Scheduler } from './scheduler';
import type { Machine } from './machine';
import { MemValues } from './membacked';
import { GcHeap } from './gc';
import { CLONE_DEEP, CLONE_FRAME_BYTES, CLONE_FRAMES_CHUNK, DEEP_MAX, DeepLimit, OVERFLOW_LOCALS, runDeep } from './deep';
import { deepThresholds } from './host-stack';
import { HeapLog } from './heap-log';
import { FrameArrays } from './frame-arrays';
import { makeLib } from './lib-methods';
import { NO_GUARDS, type Guard } from './guards';
import { HEAP_TRACE_EVENTS, RUN_OUTPUT_BYTES, TRACE_EVENTS } from '../../common/limits';
import type { HelperFn, HostFn, JsBuiltin, LibFn, RtMember, RtMemberCalls, SchedFn } from '../../common/rt-contract';

// The runtime provides every name generated code may emit (common/rt-contract.ts): a name missing
// here fails tsc with `{ missing: "name" }`. The helper tables hold nothing else (`{ unused: … }`):
// a helper generated code cannot name is dead.
type Provides<T, K extends string> = [K] extends [keyof T] ? true : { missing: Exclude<K, keyof T> };
type Exactly<T, K extends string> = [Exclude<keyof T, K>] extends [never] ? Provides<T, K> : { unused: Exclude<keyof T, K> };
type ProvidesEach<T, C extends Record<string, readonly string[]>> = { [M in keyof C & string]: M extends keyof T ? Provides<T[M], C[M][number]> : { missing: M } }[keyof C & string];
type ProvidesCalls<T, C extends Record<string, readonly string[]>> = [Exclude<ProvidesEach<T, C>, true>] extends [never] ? true : Exclude<ProvidesEach<T, C>, true>;
export const RT_CONTRACT: [
  Exactly<ReturnType<typeof makeHost>, HostFn>, Exactly<ReturnType<typeof makeLib>, LibFn>,
  Provides<Scheduler, SchedFn>, Exactly<ReturnType<typeof makeHelpers>, HelperFn>, Exactly<typeof jsBuiltins, JsBuiltin>,
  Provides<Runtime, RtMember>, ProvidesCalls<Runtime, RtMemberCalls>,
] = [true, true, true, true, true, true, true];

const FUEL_CHUNK = 1 << 16;
const FRAME_BYTES = 256;
/** Longest call-site stack kept for backtraces (frames deeper than that are still counted). */
const CS_MAX = 1 << 16;

/** Bytes a pending `defer` holds against the heap limit (Go's `_defer` record is about this size). */
const DEFER_RECORD_BYTES = 48;

/** What rt.panic throws while a value is only being shown (shortDebug): caught there. */
const UNREADABLE = { unreadable: true };

export class Runtime {
  // The members generated code touches are listed, with what each is for, in
  // common/rt-contract.ts RT_MEMBERS (RT_CONTRACT above checks this class provides them).
  // ---- call-site stack: one for every task (the scheduler copies a switched-out task's frames)
  /** The call site each active frame is at (frame index -> site id), for backtraces. Made once at
   *  its full length and never replaced: generated code reads it once per call (`$FS`). -1: none
   *  recorded (a backtrace shows `?`; 0 is a real site, the first one the program has). */
  readonly frameSites = new Int32Array(CS_MAX).fill(-1);
  /** The next free frame index: a function entry takes one (`$f = rt.depth++`), its exit resets it. */
  depth = 0;
  /** The model's limit on frames (the current task's `stackLim`). */
  get depthLimit(): number { return this.stackLim; }
  /** What function entries compare their frame index with: `depthLimit`, or 0 while call events
   *  are traced (every entry then goes through enter()). */
  callGate = 0;
  /** A function entry at or past `callGate`: what every entry did before (overflow check, the
   *  entry's step, its call event), in that order. */
  enter(f: number, site: number): void {
    if (f >= this.depthLimit) this.overflow();
    if (--this.fuel < 0) this.tick();
    if (this.traceCalls) this.callEvent(site, f);
  }
  /** A recursive function's entry at or past its gate (`gate`/`gateLight`: the lower of callGate
   *  and the heap-frame threshold; codegen/entry.ts). True: past the threshold, the frame index is
   *  given back and the caller runs its twin as heap frames (`deep`); else the entry as below the
   *  threshold: enter(), or only its step. */
  enterDeep(f: number, site: number, light: boolean): boolean {
    if (f >= (light ? this.deepFromLight : this.deepFrom)) { this.depth = f; return true; }
    if (f >= this.callGate) this.enter(f, site);
    else if (--this.fuel < 0) this.tick();
    return false;
  }
  /** An entry whose step spent the chunk (frame f taken, fuel below 0): the tick, as at any step;
   *  then the entry is undone and the generated code calls the function again (entry.ts), so the
   *  step is spent once, from the new chunk. */
  tickAt(f: number): void {
    this.tick();
    this.fuel++;
    this.depth = f;
  }
  /** min(callGate, deepFrom) and min(callGate, deepFromLight): one compare at a recursive entry. */
  gate = 0;
  gateLight = 0;
  private fitGates(): void {
    this.gate = Math.min(this.callGate, this.deepFrom);
    this.gateLight = Math.min(this.callGate, this.deepFromLight);
  }
  stackLim: number;
  /** Depth from which recursive functions run as heap frames, and their trampoline (deep.ts). */
  deepFrom: number;
  /** The same for recursive functions with small host frames (codegen/deep.ts frameIsLight): they
   *  run plain further before the first trampoline, but inside one no further than the others. */
  deepFromLight: number;
  deep(g: Generator<unknown, unknown, unknown>): unknown {
    // Recursion that re-enters plain code from heap frames (through a closure or a non-recursive
    // function) stays plain for another threshold's worth of frames before the next trampoline:
    // a trampoline per frame would cost more host stack than plain frames do.
    // A trampoline that starts far past the threshold (light frames ran plain up to
    // DEEP_LIGHT_AT, or trampolines nest) has that many plain frames below it: a quarter step.
    const from = this.deepFrom, light = this.deepFromLight;
    this.deepFrom = this.deepFromLight = this.depth + (this.depth < 2 * this.deepStep ? this.deepStep : this.deepStep >> 2);
    this.fitGates();
    try { return runDeep(g, this.seenDeep); } finally { this.deepFrom = from; this.deepFromLight = light; this.fitGates(); }
  }
  /** The threshold (RunOptions.deepAt): frames per stretch of plain recursion. */
  private readonly deepStep: number;
  private readonly seenDeep = (e: unknown) => this.seen(e);
  stackBytes: number;
  // ---- fuel: `fuel` counts down a chunk; `fuelLeft` is the rest of the budget
  fuel = FUEL_CHUNK;
  /** What `fuel` was set to when the current chunk began (a budget smaller than a chunk starts smaller). */
  private chunk = FUEL_CHUNK;
  private fuelLeft: number;
  private unlimited: boolean;
  steps = 0;
  // ---- output and trace
  readonly output: OutputChunk[] = [];
  readonly trace: TraceEvent[] = [];
  private outBytes = 0;
  // ---- panics
  /** Active catch_panic / no-unwind boundaries, innermost last. */
  guards: readonly Guard[] = NO_GUARDS;
  /** The panic being unwound, and the guard depth at which it started (double-panic detection). */
  unwinding: VexPanic | null = null;
  private unwindDepth = -1;
  uncaught: PanicInfo | null = null;
  readonly fmt: ValueFormatter;
  taskId = 0;
  // ---- what generated code binds (`$bind`, codegen/module.ts BIND) or constructs
  readonly jsBuiltins = jsBuiltins;
  readonly helpers = makeHelpers(this);
  readonly host = makeHost(this);
  readonly lib = makeLib((a, b) => this.helpers.$eq(a, b)); // library methods of built-in types (lib-methods.ts)
  readonly VVec = VVec;
  readonly VMap = VMap;
  readonly VSet = VSet;
  readonly VSlice = VSlice;
  readonly VBoxView = VBoxView;
  readonly MOVED_OUT = MOVED_OUT;
  sched!: Scheduler;
  machine!: Machine;
  readonly memValues = new MemValues(this);
  readonly gc = new GcHeap(this);
  /** REPL session variables between cells (codegen ReplGen; pipeline/repl.ts). */
  readonly replSlots: unknown[] = [];
  /** A REPL slot's drop flag when its cell ended (true: the value is live and owned, so `:reset`
   *  drops it; a maybe-moved binding is decided by what the cell's run did). */
  readonly replLive: boolean[] = [];
  /** The current task's thread-locals (swapped by the scheduler). */
  threadLocals: unknown[] = [];

  constructor(readonly meta: ProgramMeta, readonly opts: RunOptions) {
    this.stackBytes = opts.stackSize;
    this.keepOutput = opts.keepOutput !== false;
    const deepAt = opts.deepAt !== undefined && opts.deepAt >= 0 ? opts.deepAt : -1;
    const t = deepAt >= 0 ? { at: deepAt, lightAt: deepAt } : deepThresholds();
    this.deepFrom = this.deepStep = t.at;
    this.cloneFrom = deepAt >= 0 ? deepAt : CLONE_DEEP;
    this.deepFromLight = t.lightAt;
    this.stackLim = Math.floor(opts.stackSize / FRAME_BYTES);
    this.traceCalls = !!opts.traceCalls;
    this.fitLim();
    this.unlimited = !opts.fuel;
    this.fuelLeft = opts.fuel || Infinity;
    this.fuel = this.chunk = Math.min(FUEL_CHUNK, this.fuelLeft);
    this.fmt = new ValueFormatter(meta.types);
    this.sink = opts.heapSink ?? null;
    if (this.sink !== null) this.sink.locate = (site) => this.loc(site);
    this.logRoom = opts.keepTrace === false ? 0 : HEAP_TRACE_EVENTS;
    this.boxSink = this.logRoom === 0 ? this.sink : null;
    this.heapRoom = opts.onEvent || this.sink !== null ? Infinity : opts.keepTrace === false ? -Infinity : HEAP_TRACE_EVENTS;
  }

  // ------------------------------------------------------------------ output and trace
  /** Heap events still wanted, read before every heap event is built: Infinity with a listener or
   *  a heap sink, -Infinity when nothing is kept, else the room left under the kept-trace cap (a
   *  plain field compare: it sits on the hottest allocation paths). */
  heapRoom: number;
  /** RunOptions.heapSink: gets the heap events as numbers (onEvent then gets none). */
  private readonly sink: HeapSink | null;
  /** Heap events the kept trace may still take (its cap). */
  private logRoom: number;
  /** The heap sink once the kept trace takes no more events (logRoom 0): heapBox's one call. */
  private boxSink: HeapSink | null;
  /** Heap events pushed as objects into the kept trace of a run with a listener (capped too). */
  private heapEvents = 0;
  /** Events beyond the caps are not kept in RunResult.trace (a listener still sees them all). */
  traceDropped = 0;
  emit(e: TraceEvent): void {
    if (this.opts.keepTrace !== false) {
      if (e.t === 'alloc' || e.t === 'free' || e.t === 'realloc') {
        if (++this.heapEvents <= HEAP_TRACE_EVENTS) this.trace.push(e);
      // past the cap only the run's frame is kept: a caught panic is an ordinary event (a loop of
      // caught panics must not keep one record each without bound)
      } else if (this.trace.length + this.heapLog.count < TRACE_EVENTS || e.t === 'exit' || (e.t === 'panic' && !e.caught) || e.t === 'start' || e.t === 'ffi-count' || e.t === 'stack-overflow') this.trace.push(e);
      else this.traceDropped++;
    }
    this.opts.onEvent?.(e);
  }

  // Heap events: a heap sink gets them as numbers; a listener without one gets objects at once
  // (and keeps them in the trace through emit); the kept trace otherwise gets them as numbers in
  // the heap log, made into objects when the run ends (keptTrace). Either way they count against
  // the cap.
  private readonly heapLog = new HeapLog();
  heapAlloc(addr: number, size: number, align: number, allocator: string, site: number, task: number): void {
    if (this.sink !== null) this.sink.alloc(addr, size, align, allocator, site, task);
    else if (this.opts.onEvent) return this.emit({ t: 'alloc', addr, size, align, allocator, site: this.loc(site), task });
    if (this.keepHeapEvent()) this.heapLog.alloc(this.trace.length, addr, size, align, allocator, site, task);
  }
  heapFree(addr: number, size: number, allocator: string, site: number, task: number): void {
    if (this.sink !== null) this.sink.free(addr, size, allocator, site, task);
    else if (this.opts.onEvent) return this.emit({ t: 'free', addr, size, allocator, site: this.loc(site), task });
    if (this.keepHeapEvent()) this.heapLog.free(this.trace.length, addr, size, allocator, site, task);
  }
  /** heapAlloc(addr, 8, 8, 'system', …) (freed 0) or heapFree(addr, 8, 'system', …) (freed 1)
   *  of a system Box block, straight to a heap sink's box(). */
  heapBox(freed: 0 | 1, addr: number, site: number, task: number): void {
    // the worker's case alone first: a call this small is inlined where a Box is made or freed
    if (this.boxSink !== null) return this.boxSink.box(freed, addr, site, task);
    this.heapBoxKept(freed, addr, site, task);
  }
  /** heapBox with a kept trace still taking events, or without a heap sink. */
  private heapBoxKept(freed: 0 | 1, addr: number, site: number, task: number): void {
    if (this.sink !== null) this.sink.box(freed, addr, site, task);
    else if (this.opts.onEvent) {
      if (freed === 0) this.heapAlloc(addr, 8, 8, 'system', site, task);
      else this.heapFree(addr, 8, 'system', site, task);
      return;
    }
    if (this.keepHeapEvent()) this.heapLog.box(this.trace.length, freed, addr, site, task);
  }
  heapRealloc(from: number, to: number, oldSize: number, size: number, site: number, task: number): void {
    if (this.sink !== null) this.sink.realloc(from, to, oldSize, size, site, task);
    else if (this.opts.onEvent) return this.emit({ t: 'realloc', from, to, oldSize, size, site: this.loc(site), task });
    if (this.keepHeapEvent()) this.heapLog.realloc(this.trace.length, from, to, oldSize, size, site, task);
  }
  /** heapAlloc then heapFree of the same block (a temporary's buffer: allocator and site shared),
   *  handed to a heap sink in one call. */
  heapTmp(addr: number, size: number, align: number, allocator: string, site: number, task: number): void {
    if (this.sink !== null) this.sink.tmp(addr, size, align, allocator, site, task);
    else if (this.opts.onEvent) {
      const loc = this.loc(site);
      this.emit({ t: 'alloc', addr, size, align, allocator, site: loc, task });
      return this.emit({ t: 'free', addr, size, allocator, site: loc, task });
    }
    if (this.keepHeapEvent()) {
      this.heapLog.alloc(this.trace.length, addr, size, align, allocator, site, task);
      if (this.keepHeapEvent()) this.heapLog.free(this.trace.length, addr, size, allocator, site, task);
    }
  }
  private keepHeapEvent(): boolean {
    if (this.logRoom <= 0) return false;
    if (--this.logRoom === 0) this.boxSink = this.sink;
    if (this.sink === null) this.heapRoom--;
    return true;
  }
  /**
   * The kept trace, heap events in their places, made when first asked for (once the run has
   * ended): a caller that never reads RunResult.trace (`vex run` without --trace, the benchmark)
   * never builds the ~10^5 heap event objects. The closure holds the log, not the runtime.
   */
  keptTrace(): () => TraceEvent[] {
    const log = this.heapLog, trace = this.trace, locs = this.locs, sites = this.meta.sites;
    let done: TraceEvent[] | null = null;
    return () => (done ??= log.mergeInto(trace, (site) => siteLoc(locs, sites, site)));
  }

  /** RunOptions.keepOutput: a listener that streams the output needs no copy of it here. */
  private readonly keepOutput: boolean;
  write(stream: 'stdout' | 'stderr', text: string): void {
    if (!text) return;
    this.outBytes += text.length;
    if (this.outBytes > RUN_OUTPUT_BYTES) {
      const msg = `fatal: output limit of ${RUN_OUTPUT_BYTES} bytes reached\n`;
      this.output.push({ stream: 'stderr', text: msg });
      this.emit({ t: 'output', stream: 'stderr', text: msg });
      throw new VexLimit('output', msg.trim());
    }
    if (this.keepOutput) {
      const last = this.output[this.output.length - 1];
      if (last && last.stream === stream) last.text += text;
      else this.output.push({ stream, text });
    }
    this.emit({ t: 'output', stream, text });
  }
  out(text: string): void { this.write('stdout', text); }
  err(text: string): void { this.write('stderr', text); }

  // ------------------------------------------------------------------ sites and frames
  private readonly locs: (SourceLoc | null)[] = [];
  /** Source location of a site (one shared frozen object per site: trace events reuse it). */
  loc(site: number): SourceLoc | null {
    return siteLoc(this.locs, this.meta.sites, site);
  }
  siteFn(site: number): string {
    return this.meta.sites[site]?.fn ?? '?';
  }
  /** Innermost first: the raising site, then the call sites recorded in each outer frame. */
  backtrace(site: number): Frame[] {
    const frames: Frame[] = [{ fn: this.siteFn(site), loc: this.loc(site) }];
    const top = Math.min(this.depth - 2, this.frameSites.length - 1);
    for (let i = top; i >= 0; i--) frames.push({ fn: this.siteFn(this.frameSites[i]), loc: this.loc(this.frameSites[i]) });
    return frames;
  }
  printBacktrace(frames: Frame[], max = 64): void {
    const shown = frames.slice(0, max);
    let s = '';
    for (const f of shown) s += `  at ${f.fn}${f.loc ? ` (${f.loc.file}:${f.loc.line}:${f.loc.col})` : ''}\n`;
    if (frames.length > max) s += `  ... ${frames.length - max} more frames\n`;
    this.err(s);
  }

  // ------------------------------------------------------------------ call/return events (traceCalls)
  /** Emit call/return events (RunOptions.traceCalls). Returns are inferred: a call at depth d
   *  first closes every open frame at depth >= d, and the run's end closes the rest. */
  readonly traceCalls: boolean;
  private open = new Map<number, { fn: string; depth: number }[]>();
  callEvent(site: number, depth: number): void {
    let st = this.open.get(this.taskId);
    if (!st) this.open.set(this.taskId, (st = []));
    while (st.length && st[st.length - 1].depth >= depth) {
      const f = st.pop()!;
      this.emit({ t: 'return', fn: f.fn, task: this.taskId, depth: f.depth });
    }
    const fn = this.siteFn(site);
    st.push({ fn, depth });
    this.emit({ t: 'call', fn, task: this.taskId, depth });
  }
  closeCalls(): void {
    for (const [task, st] of this.open) {
      while (st.length) {
        const f = st.pop()!;
        this.emit({ t: 'return', fn: f.fn, task, depth: f.depth });
      }
    }
  }

  // ------------------------------------------------------------------ stack model and fuel
  /** Called by a function entry when its frame index reached the task's limit (§6.14). */
  overflow(): void {
    const freed = this.arrays.release(this.taskId, this.depth - 1);
    if (freed) { this.stackLim += freed; this.fitLim(); if (this.depth - 1 < this.depthLimit) return; }
    this.depth--;
    const frames = this.backtrace(this.frameSites[Math.max(0, Math.min(this.depth - 1, this.frameSites.length - 1))]);
    this.err(`fatal: stack overflow (stack ${this.stackBytes} bytes)\n`);
    this.printBacktrace(frames.slice(1), 10);
    // the report waits for the innermost frames' locals: run.ts classify emits it
    const a = new VexAbort(134, 'stack overflow');
    a.overflow = { info: this.overflowInfo(this.depth, this.callSites(this.depth), false), from: this.depth - OVERFLOW_LOCALS, locals: new Map() };
    throw a;
  }
  /** By-value arrays held by frames (frame-arrays.ts): their bytes count against the stack. */
  readonly arrays = new FrameArrays();
  private readonly fnOfSite = (site: number) => this.siteFn(site);
  /** An array of `bytes` made (or copied) at `site` in the current frame: it takes its share of
   *  the task's stack until the frame returns; past the stack size, a stack overflow there. */
  frameArray(site: number, bytes: number): void {
    const { take, freed } = this.arrays.reserve(this.taskId, this.depth - 1, site, bytes, this.fnOfSite);
    if (take === freed) return;
    this.stackLim += freed - take;
    this.fitLim();
    if (this.depth <= this.stackLim) return;
    this.err(`fatal: stack overflow (stack ${this.stackBytes} bytes)\n`);
    this.printBacktrace(this.backtrace(site), 10);
    const a = new VexAbort(134, 'stack overflow');
    a.overflow = { info: this.overflowInfo(this.depth, [site, ...this.callSites(this.depth - 1)], false), from: this.depth - OVERFLOW_LOCALS, locals: new Map() };
    throw a;
  }
  /** The stack-overflow event of an abort from `overflow()`, with the top frames' locals. */
  emitOverflowAbort(a: VexAbort): void {
    const o = a.overflow;
    if (!o) return;
    a.overflow = undefined;
    const top: NonNullable<StackOverflowInfo['top']> = [];
    for (let j = o.info.depth - 1; j >= Math.max(0, o.from); j--) {
      const site = j < this.frameSites.length ? this.frameSites[j] : -1;
      top.push({ fn: this.siteFn(site), loc: this.loc(site), locals: this.markShadowed(o.locals.get(j) ?? []) });
    }
    o.info.top = top;
    this.emit({ t: 'stack-overflow', info: o.info });
  }
  /** The call sites of the frames below `depth`, innermost first (as far as `frameSites` recorded them). */
  private callSites(depth: number): number[] {
    const sites: number[] = [];
    for (let i = Math.min(depth - 1, this.frameSites.length - 1); i >= 0; i--) sites.push(this.frameSites[i]);
    return sites;
  }
  /** The stack-overflow event: depth against capacity, the frames folded (only on overflow). */
  private emitOverflow(depth: number, sites: number[], host: boolean): void {
    this.emit({ t: 'stack-overflow', info: this.overflowInfo(depth, sites, host) });
  }
  private overflowInfo(depth: number, sites: number[], host: boolean): StackOverflowInfo {
    return {
      task: this.taskId, depth, capacity: this.depthLimit, stackBytes: this.stackBytes, frameBytes: FRAME_BYTES,
      frames: foldSites(sites).map((g) => ({ frames: g.sites.map((s) => ({ fn: this.siteFn(s), loc: this.loc(s) })), times: g.times })),
      unrecorded: Math.max(0, depth - sites.length), host,
    };
  }
  /** Depth and frames when a host stack overflow was first seen (before cleanup unwound `depth`). */
  private hostSnap: { depth: number; frames: number[]; sites: number[]; heap?: boolean } | null = null;
  /** Generated catch blocks report the exception passing through (cheap; only on throw paths). */
  seen(e: unknown): void {
    if (this.hostSnap || e instanceof VexPanic || e instanceof VexAbort || e instanceof VexLimit) return;
    if (!isHostStackOverflow(e)) return;
    const frames: number[] = [];
    for (let i = Math.min(this.depth - 1, this.frameSites.length - 1); i >= 0 && frames.length < 10; i--) frames.push(this.frameSites[i]);
    this.hostSnap = { depth: this.depth, frames, sites: this.callSites(this.depth), heap: e instanceof DeepLimit };
  }
  /** The host JS stack ran out before the model's limit (a very large stack setting). */
  hostOverflow(): VexAbort {
    this.err(`fatal: stack overflow (stack ${this.stackBytes} bytes)\n`);
    if (!this.hostSnap) this.seen(new RangeError('Maximum call stack size exceeded'));
    const snap = this.hostSnap!;
    this.printBacktrace(snap.frames.map((s) => ({ fn: this.siteFn(s), loc: this.loc(s) })), 10);
    if (snap.heap) this.err(`note: the host JavaScript stack and its extension for deep recursion (${DEEP_MAX} heap frames) ran out at depth ${snap.depth} (${snap.depth * FRAME_BYTES} bytes of the model) before the configured stack size was reached\n`);
    else this.err(`note: the host JavaScript stack ran out at depth ${snap.depth} (${snap.depth * FRAME_BYTES} bytes of the model) before the configured stack size was reached\n`);
    this.emitOverflow(snap.depth, snap.sites, true);
    return new VexAbort(134, 'stack overflow (host stack limit)');
  }
  setStack(bytes: number): void {
    this.stackBytes = bytes;
    this.stackLim = Math.floor(bytes / FRAME_BYTES);
    this.fitLim();
  }
  /** `callGate` again after `stackLim` changed. (Frames deeper than CS_MAX are counted by the model
   *  but not recorded for backtraces: `frameSites` ignores the writes past its end.) */
  fitLim(): void {
    this.callGate = this.traceCalls ? 0 : this.stackLim;
    this.fitGates();
  }

  /** Fuel chunk spent: account, poll Stop/SIGINT, end the run when the budget is gone. */
  /** Exact: the chunk never exceeds the budget left, so a run stops at the step after the N-th
   *  (that step does not happen) and reports exactly N steps. */
  tick(): void {
    const used = this.chunk - this.fuel;
    if (!this.unlimited && used > this.fuelLeft) {
      this.steps += this.fuelLeft;
      this.fuelLeft = 0;
      this.fuel = this.chunk = 0;
      this.err(`fatal: fuel limit of ${this.opts.fuel} steps reached\n`);
      throw new VexLimit('fuel', 'fuel limit reached');
    }
    this.steps += used;
    if (!this.unlimited) this.fuelLeft -= used;
    this.fuel = this.chunk = this.unlimited ? FUEL_CHUNK : Math.min(FUEL_CHUNK, this.fuelLeft);
    const sig = this.opts.pollSignal?.() ?? 0;
    if (sig) this.onSignal(sig);
  }
  /** Charges `n` steps of runtime work (scheduler switches, built-in calls that loop). */
  charge(n: number): void {
    this.fuel -= n;
    if (this.fuel < 0) this.tick();
  }
  /** A REPL cell starts with the whole fuel budget again (pipeline/repl.ts). */
  refuel(): void {
    this.steps += Math.max(0, this.chunk - this.fuel); // steps of the current chunk stay counted
    this.fuelLeft = this.opts.fuel || Infinity;
    this.fuel = this.chunk = this.unlimited ? FUEL_CHUNK : Math.min(FUEL_CHUNK, this.fuelLeft);
  }
  totalSteps(): number {
    return this.steps + Math.max(0, this.chunk - this.fuel);
  }
  /** Installed handlers (§6.7): an extern "C" fn(i32), or 'ignore'. */
  readonly signals = new Map<number, 'ignore' | ((sig: number) => void)>();
  /** A signal arrives (Stop/SIGINT at a statement boundary, or raise()). */
  onSignal(sig: number, site = -1): void {
    const h = this.signals.get(sig);
    if (h === 'ignore') { this.emit({ t: 'signal', sig, action: 'ignored' }); return; }
    if (h) {
      this.emit({ t: 'signal', sig, action: 'handler' });
      this.noUnwind(() => h(sig));
      return;
    }
    void site;
    this.emit({ t: 'signal', sig, action: 'default' });
    this.err(`terminated by signal ${sig}\n`);
    throw new VexAbort(128 + sig, `signal ${sig}`, 'stopped');
  }
  raiseSignal(sig: number, site: number): void { this.onSignal(sig, site); }

  // ------------------------------------------------------------------ panics
  panic(msg: string, site: number): never {
    // a value shown for the Panic panel (shortDebug) read a place that panics (a reference to an
    // element no longer there): no panic of the program's, nothing printed (it printed a second
    // `panic:` line and, while unwinding, aborted)
    if (this.quietReads > 0) throw UNREADABLE;
    const backtrace = this.backtrace(site);
    const info: PanicInfo = { message: msg, location: this.loc(site), backtrace, unwind: [], task: this.taskId };
    const p = new VexPanic(msg, info);
    p.depth = this.depth;
    p.next = this.depth - 1;
    // A panic raised by a defer/drop while unwinding, with no catch_panic in between: abort at once.
    if (this.unwinding && this.guards.length <= this.unwindDepth) {
      this.err(`panic: ${msg}\n`);
      this.unwinding.info.unwind.push({ kind: 'aborted', reason: 'panic during unwinding' });
      this.uncaught = this.unwinding.info;
      this.emit({ t: 'panic', info, caught: false });
      throw new VexAbort(134, 'panic during unwinding');
    }
    return this.deliver(p);
  }
  /** A panic that ended an async fn's task, re-raised where its Future is awaited (`block_on(f)`,
   *  `await f`), so a `catch_panic` around the awaiting code catches it. The backtrace continues
   *  from the async frames into the awaiter's. */
  repanic(p: VexPanic, site: number): never {
    this.passFrames(p, 0); // the async task's frames, unwound in its own task, get their steps
    const innerFrames = p.info.backtrace.length;
    p.locals = null; // the async task's frames are logged: indexes now count the awaiter's
    p.info.backtrace.push(...this.backtrace(site));
    p.depth = this.depth + innerFrames;
    p.next = this.depth - 1;
    return this.deliver(p);
  }
  /** The panic being unwound has stopped (its async task ended): later panics are not double. */
  endUnwind(): void { this.unwinding = null; this.unwindDepth = -1; }
  private deliver(p: VexPanic): never {
    const info = p.info, msg = p.message, backtrace = info.backtrace;
    const g = this.guards[this.guards.length - 1];
    // panic=abort: nothing unwinds, so nothing can catch — not even catch_panic. In an async fn
    // the panic unwinds its task and travels to whoever awaits the Future ('async' guard).
    if ((g === 'catch' || g === 'async') && this.opts.panic !== 'abort') return this.raise(p);
    this.err(`panic: ${msg}\n`);
    this.printBacktrace(backtrace);
    if (g === 'nounwind') {
      this.err('panic in a function that cannot unwind\n');
      this.uncaught = info;
      this.emit({ t: 'panic', info, caught: false });
      throw new VexAbort(134, 'panic in a function that cannot unwind');
    }
    this.uncaught = info;
    if (this.opts.panic === 'abort') {
      info.unwind.push({ kind: 'aborted', reason: 'panic=abort' });
      this.emit({ t: 'panic', info, caught: false });
      throw new VexAbort(134, 'panic=abort', 'panicked');
    }
    return this.raise(p);
  }
  private raise(p: VexPanic): never {
    this.unwinding = p;
    this.unwindDepth = this.guards.length;
    throw p;
  }

  /**
   * Start of a frame's cleanup (generated `finally`). Returns true when defers/drops must run:
   * normal exit, or unwinding a Vex panic. Aborts, limits and internal errors skip cleanup.
   */
  leave(u: unknown, site: number): boolean {
    if (u === undefined) return true;
    if (u instanceof VexPanic) {
      const d = this.depth - 1; // the generated finally set sp = $f + 1
      this.passFrames(u, d + 1);
      // where this frame was when the panic passed through it (its backtrace entry)
      const at = u.info.backtrace[u.depth - 1 - d];
      u.info.unwind.push(this.frameStep(u, d, this.siteFn(site), at ? at.loc : this.loc(site)));
      u.next = d - 1;
      return true;
    }
    return false;
  }
  /**
   * Log `frame` + `leave` for every frame the panic passed through without cleanup code, from the
   * deepest unlogged one down to frame index `downTo` (their names and positions come from the
   * panic's backtrace), so the Panic panel can step through every frame in order.
   */
  passFrames(p: VexPanic, downTo: number): void {
    const bt = p.info.backtrace;
    for (let j = p.next; j >= downTo; j--) {
      const f = bt[p.depth - 1 - j];
      if (!f) continue;
      p.info.unwind.push(this.frameStep(p, j, f.fn, f.loc), { kind: 'leave', fn: f.fn });
    }
    if (p.next >= downTo) p.next = downTo - 1;
  }
  /** The `frame` step of frame index `j`, with the locals its catches recorded (rt.recordLocals). */
  private frameStep(p: VexPanic, j: number, fn: string, loc: SourceLoc | null): UnwindStep {
    const locals = p.locals?.get(j);
    if (!locals) return { kind: 'frame', fn, loc };
    p.locals!.delete(j);
    return { kind: 'frame', fn, loc, locals: this.markShadowed(locals) };
  }
  /** The innermost local of a name is the one in scope: the earlier ones are shadowed. */
  private markShadowed(locals: FrameLocal[]): FrameLocal[] {
    const seen = new Set<string>();
    for (let i = locals.length - 1; i >= 0; i--) {
      if (seen.has(locals[i].name)) locals[i].state = 'shadowed';
      seen.add(locals[i].name);
    }
    return locals;
  }

  /** A moved-out local (its drop flag is down) as the generated catches pass it to `recordLocals`. */
  readonly movedLocal: unknown = Object.freeze({ moved: true });
  /**
   * A generated catch: a panic passes a block of frame `f` whose locals `l` (site of the
   * declaration, type descriptor, name, value; repeated) are in scope once bound. Blocks report innermost
   * first, so each block's locals go before those already recorded (declaration order).
   */
  wantsLocals(e: unknown): boolean {
    return e instanceof VexPanic || (e instanceof VexAbort && e.overflow !== undefined);
  }
  recordLocals(e: unknown, f: number, l: unknown[]): void {
    let m: Map<number, FrameLocal[]>;
    if (e instanceof VexPanic) m = e.locals ??= new Map();
    else if (e instanceof VexAbort && e.overflow && f >= e.overflow.from) m = e.overflow.locals;
    else return;
    const rec: FrameLocal[] = [];
    for (let i = 0; i < l.length; i += 4) {
      const site = l[i] as number, td = l[i + 1] as number, v = l[i + 3];
      if (v === undefined) continue; // its `let` has not run yet
      const moved = v === this.movedLocal;
      const x: FrameLocal = { name: l[i + 2] as string, type: this.meta.typeNames[td] ?? '?', shown: moved ? '' : this.shortDebug(v, td, true), loc: this.loc(site) };
      if (moved) x.state = 'moved';
      rec.push(x);
    }
    const prev = m.get(f);
    m.set(f, prev ? rec.concat(prev) : rec);
  }
  /** A panic nobody caught: every remaining frame is passed, then the run aborts. */
  finishUncaught(p: VexPanic, reason: string): void {
    const steps = p.info.unwind;
    if (steps.length && (steps[steps.length - 1].kind === 'aborted' || steps[steps.length - 1].kind === 'caught')) return;
    this.passFrames(p, 0);
    steps.push({ kind: 'aborted', reason });
  }
  /**
   * Run a frame's defers LIFO (logging them when unwinding). `d` holds pairs: the deferred closure
   * and the call-site id of its `defer` statement (the line the Panic panel highlights).
   */
  runDefers(d: (number | (() => void))[], u: unknown, site: number): void {
    for (let i = d.length - 2; i >= 0; i -= 2) {
      const f = d[i] as () => void, at = d[i + 1] as number;
      if (u instanceof VexPanic) u.info.unwind.push({ kind: 'defer', fn: this.siteFn(site), loc: this.loc(at) });
      d.length = i;
      this.machine.sys.releaseHost(DEFER_RECORD_BYTES);
      f();
    }
  }
  /** A `defer` registers its closure with the frame (`d`, made on the first): a pending defer is a
   *  record on the heap, as Go's are, charged to the heap limit until it runs, so `loop { defer … }`
   *  ends with `memory allocation of N bytes failed` (it grew the host heap until Node crashed). */
  addDefer(d: (number | (() => void))[] | null, f: () => void, at: number): (number | (() => void))[] {
    this.machine.guard(at, () => this.machine.sys.chargeHost(DEFER_RECORD_BYTES));
    (d ??= []).push(f, at);
    return d;
  }
  // ---- deep clones: nesting of the clone glue of recursive types (codegen clone-glue.ts)
  /** Nested clone-glue calls of recursive types on the host stack, and its limit (RunOptions.deepAt
   *  in tests). */
  cloneDepth = 0;
  readonly cloneFrom: number;
  /** Past the limit, a clone goes on as the glue's generator twin, its nested clones heap frames
   *  (deep.ts runDeep); plain glue called inside (through a user clone()) starts counting again. */
  cloneDeep(g: Generator<unknown, unknown, unknown>): unknown {
    const d = this.cloneDepth;
    this.cloneDepth = 0;
    // its frames are charged to the heap limit as they grow (no stack size bounds a clone's
    // nesting), released when it ends: a clone too deep for the heap fails as an allocation does
    const m = this.machine as Machine | undefined;
    let held = 0;
    const grow = m && (() => {
      m.guard(-1, () => m.sys.chargeHost(CLONE_FRAMES_CHUNK * CLONE_FRAME_BYTES));
      held += CLONE_FRAMES_CHUNK * CLONE_FRAME_BYTES;
    });
    try { return runDeep(g, this.seenDeep, grow); } finally { this.cloneDepth = d; if (held) m!.sys.releaseHost(held); }
  }
  /** `site` is the dropped local's declaration; `frameSite` names the function. */
  // ---- deep drops: nesting of the drops of recursive types, and what waits past the limit
  dropDepth = 0;
  readonly dropQueue: unknown[] = [];
  private draining = false;
  /** Run the queued drops (pairs: function, value) in order; they may queue more. The drops it
   *  runs end at depth 0 too: only the outermost call drains. */
  drainDrops(): void {
    if (this.draining) return;
    this.draining = true;
    const q = this.dropQueue;
    // a queued drop that panics does not stop the rest (drop glue goes on: codegen context.ts)
    let u: unknown;
    try {
      for (let i = 0; i < q.length; i += 2) {
        try {
          for (; i < q.length; i += 2) (q[i] as (v: unknown) => void)(q[i + 1]);
        } catch (e) { u = this.dropFault(u, e); }
      }
    } finally {
      q.length = 0;
      this.draining = false;
    }
    if (u !== undefined) throw u;
  }
  /**
   * A drop among several panicked (drop glue, a container's operation): the panic is held while
   * the others still run, so each value is dropped once; it goes on after the last (another
   * panic among them aborts: a panic while unwinding). Anything else — an abort, a limit, an
   * internal error — goes on at once.
   */
  dropFault(held: unknown, e: unknown): unknown {
    if (!(e instanceof VexPanic)) throw e;
    return held === undefined ? e : held;
  }

  logDrop(u: unknown, site: number, td: number, name = '', v?: unknown): void {
    if (u instanceof VexPanic) u.info.unwind.push({ kind: 'drop', fn: this.siteFn(site), value: name, type: this.meta.typeNames[td] ?? '?', loc: this.loc(site), shown: this.shortDebug(v, td) });
  }
  /** `{:?}` of a value being dropped, cut to 60 characters ('' when it cannot be shown). */
  private shortDebug(v: unknown, td: number, typed = false): string {
    if (v === undefined) return '';
    this.quietReads++;
    try {
      // beside its type (typed), an integer reads as `10`, not `{:?}`'s `i32(10)`
      // (formatted only as far as shown: the rest of a long list in every frame was quadratic)
      const s = typed && this.meta.types[td]?.k === 'int' ? this.fmt.fmt(v, td) : this.fmt.debug(v, td, 60);
      return s.length > 60 ? s.slice(0, 59) + '…' : s;
    } catch {
      return '';
    } finally {
      this.quietReads--;
    }
  }
  /** Inside shortDebug: a panic is the value's being unreadable, not the program's. */
  private quietReads = 0;

  // ---- foreign calls: ids for recorded crossings, open calls (for callbacks), true counts
  ffiSeq = 0;
  readonly ffiCalls = new Map<string, number>();
  /** Recorded ffi events per symbol (the libm fast path records only the first 64 calls). */
  readonly ffiRecorded = new Map<string, number>();
  /** Per-symbol totals of the libm fast path's counters, read at exit (set when bound). */
  readonly ffiFastCounts: Record<string, () => number> = {};
  /** At exit: one ffi-count event per symbol called, with its true total. */
  emitFfiCounts(): void {
    const totals = new Map(this.ffiCalls);
    for (const [fn, get] of Object.entries(this.ffiFastCounts)) {
      const n = get();
      if (n > 0) totals.set(fn, (totals.get(fn) ?? 0) + n);
    }
    for (const fn of [...totals.keys()].sort()) this.emit({ t: 'ffi-count', fn, calls: totals.get(fn)!, recorded: this.ffiRecorded.get(fn) ?? 0 });
  }
  endFrame(u: unknown, site: number): void {
    if (u instanceof VexPanic) u.info.unwind.push({ kind: 'leave', fn: this.siteFn(site) });
  }

  /** catch_panic(f): Ok(f()) or Err(msg). `mk(tag, payload)` builds the Result (0 = Ok, 1 = Err). */
  catchPanic<R>(f: () => unknown, site: number, mk: (tag: number, v: unknown) => R): R {
    const sp = this.depth;
    // a catch_panic inside a drop or defer run by an unwind: catching its own panic leaves that
    // unwind going on (a later panic of the same cleanup still aborts)
    const outer = this.unwinding, outerDepth = this.unwindDepth;
    this.guards = [...this.guards, 'catch'];
    try {
      return mk(0, f());
    } catch (e) {
      if (e instanceof VexPanic) {
        this.caught(e, site, sp);
        this.unwinding = outer;
        this.unwindDepth = outerDepth;
        return mk(1, e.message);
      }
      throw e;
    } finally {
      this.guards = this.guards.slice(0, -1);
    }
  }
  caught(e: VexPanic, site: number, sp: number): void {
    this.depth = sp; // the frames below sp are intact in `frameSites`
    this.unwinding = null;
    this.unwindDepth = -1;
    this.passFrames(e, sp);
    e.info.unwind.push({ kind: 'caught', loc: this.loc(site) });
    this.emit({ t: 'panic', info: e.info, caught: true });
  }
  /** A call into C that calls back into Vex: a panic there cannot unwind through C. */
  noUnwind<R>(f: () => R): R {
    this.guards = [...this.guards, 'nounwind'];
    try { return f(); } finally { this.guards = this.guards.slice(0, -1); }
  }

  /** Classify a JS exception that escaped into a host stack overflow when it is one. */
  hostStack(e: unknown): unknown {
    return isHostStackOverflow(e) ? this.hostOverflow() : e;
  }

  // ------------------------------------------------------------------ checked helpers
  divz(site: number): never { return this.panic('division by zero', site); }
  outOfBounds(i: number | bigint, len: number | bigint, site: number): never {
    return this.panic(`index out of bounds: index ${i}, len ${len}`, site);
  }
  /** Index check for JS-array-backed sequences; returns the numeric index. */
  ix(i: number | bigint, len: number, site: number): number {
    const n = typeof i === 'bigint' ? Number(i) : i;
    if (n < 0 || n >= len || n !== n) this.outOfBounds(i, len, site);
    return n;
  }
  negExp(site: number): never { return this.panic('negative exponent in integer power', site); }

  // ------------------------------------------------------------------ formatting
  /** `{}` of a value with type descriptor td. */
  show(v: unknown, td: number): string { return this.fmt.fmt(v, td); }
  /** A REPL cell's echo, at the end of its main (before the cell's temporaries are dropped): the
   *  borrowed value (a borrowed scalar arrives as a cell over its place) formatted, printed, and
   *  its text left in the echo's slot for the session. */
  replEcho(v: unknown, td: number, slot: number): void {
    const s = this.fmt.fmt(v instanceof Cell ? v.get() : v, td);
    this.replSlots[slot] = s;
    this.out(s + '\n');
  }
  debug(v: unknown, td: number): string { return this.fmt.debug(v, td); }

  cell<T>(get: () => T, set: (v: T) => void): Cell<T> { return new Cell(get, set); }
}

export type { UnwindStep };

/** Source location of a site, one shared frozen object per site (cached in `locs`). */
function siteLoc(locs: (SourceLoc | null)[], sites: readonly (Site | undefined)[], site: number): SourceLoc | null {
  const hit = locs[site];
  if (hit !== undefined) return hit;
  const s = sites[site];
  const l = s ? Object.freeze({ file: s.file, line: s.line, col: s.col }) : null;
  if (site >= 0) locs[site] = l;
  return l;
}

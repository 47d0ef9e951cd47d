// The deterministic cooperative scheduler (§4.6, §6.2): `main`, `go` tasks and async tasks share
// one FIFO run queue and a virtual clock. Blocking operations are generator helpers: generated
// suspendable code does `yield* S.recv(ch)`; plain (non-generator) code calls `S.drive(...)`, which
// runs the other tasks in a nested loop until the caller is woken.
import type { Runtime } from './rt';
import type { BlockKind, WakeCause } from '../api';
import { VexAbort, VexExit, VexLimit, VexPanic } from './errors';
import { DEEP_MAX, DeepLimit, OVERFLOW_LOCALS } from './deep';
import { Fifo, MinHeap } from './queue';
import { ASYNC_GUARDS, NO_GUARDS, type Guard } from './guards';

type Gen = Generator<unknown, unknown, unknown>;
/** What suspendable code `yield*`s and plain code drive()s: a generator or a blocking op below. */
export type Op = Iterator<unknown, unknown, unknown>;
/** Heap bytes a live task holds (its control block and first frames: the host keeps ~1-2 KB). */
export const TASK_BYTES = 512;
/** Fuel a spawn costs: an endless spawning loop ends at the fuel limit like any other loop. */
const TASK_STEPS = 16;
/** Nested async starts (Scheduler.async: a task's resume inside its caller's) from which async
 *  calls in suspendable code are started by the loop running the caller instead (resume/chain):
 *  shallow ones, the common case, take the cheaper nested path (a yield to the loop and back costs
 *  a generator switch per call). */
export const ASYNC_NEST = 8;
/** Fuel a context switch costs (an async loop that only awaits still burns fuel). */
const SWITCH_STEPS = 1;
const NO_TLS: unknown[] = [];

export class Task {
  state: 'ready' | 'running' | 'blocked' | 'done' = 'running';
  gen: Gen | null = null;
  value: unknown = undefined;
  /** Tasks awaiting this future (made on first use: most futures have none or one). */
  waiters: Task[] | null = null;
  // saved runtime context. Every task runs on the runtime's one call-site stack (`rt.frameSites`): a task
  // that is switched out keeps a copy of its own frames (most tasks block a few calls deep, so a
  // small array per task instead of a call-site stack of its own each).
  frames: number[] | number | null = null; // one frame (the usual depth of a blocked task) needs no array
  depth = 0;
  stackLim: number;
  guards: readonly Guard[] = NO_GUARDS;
  threadLocals: unknown[];
  /** An async fn's task that panicked: the panic waits in its Future for an awaiter. */
  panicked: VexPanic | null = null;
  awaited = false;
  /** Set when its Future was dropped before the task ended: the value is dropped when it comes. */
  dropValue: ((v: unknown) => void) | null = null;
  /** Heap-limit bytes this task holds (0 once released). */
  charged = 0;
  /** Neighbours in the scheduler's list of unfinished tasks (spawn order). */
  prevLive: Task | null = null;
  nextLive: Task | null = null;
  constructor(readonly id: number, readonly name: string, public stackBytes: number, tls: unknown[]) {
    this.stackLim = Math.floor(stackBytes / 256);
    this.threadLocals = tls;
  }
  get done(): boolean { return this.state === 'done'; }
  /** Its Future's drop (generated, for a value that needs one): nobody will take the value, so it
   *  is dropped now, or when the task ends (it was never dropped). */
  dropWith(d: (v: unknown) => void): void {
    if (!this.done) { this.dropValue = d; return; }
    if (this.panicked !== null) return;
    const v = this.value;
    this.value = undefined;
    d(v);
  }
  /** A task awaiting this one (block() puts it on the future's wait list). */
  push(t: Task): void { addWaiter(this, t); }
}

/** A timer future (`sleep`) or any future that is not a task. */
export class TimerFuture {
  done = false;
  /** When it fires (virtual ms; timers set for the same time fire in the order they were set:
   *  Scheduler.timersAt). */
  constructor(readonly at: number) {}
  value: unknown = undefined;
  /** Tasks awaiting this future (made on first use: most futures have none or one). */
  waiters: Task[] | null = null;
  push(t: Task): void { addWaiter(this, t); }
}
export type Future = Task | TimerFuture;

/** Most futures get one waiter, so the list starts exactly one long (an empty array's first push
 *  would reserve 17 slots). */
function addWaiter(f: Future, t: Task): void {
  if (f.waiters === null) f.waiters = [t];
  else f.waiters.push(t);
}

export class Channel {
  readonly buf = new Fifo<unknown>();
  readonly recvq = new Fifo<Task>();
  /** Senders waiting for room in the buffer (one slot for a rendezvous channel). */
  readonly sendq = new Fifo<Task>();
  /** Rendezvous senders whose value is in the slot, waiting for a receiver to take it. Kept apart
   *  from `sendq`: a receiver frees the slot for one sender AND releases the one it took from. */
  readonly takenq = new Fifo<Task>();
  /** Values taken so far (rendezvous senders wait for their value to be taken). */
  taken = 0;
  sent = 0;
  /** The element type's drop glue, for a type that needs drop (Scheduler.channel): what is still
   *  buffered when the run ends is dropped (dropBuffered). */
  drop: ((v: unknown) => void) | null = null;
  /** Its creation number in the run (Scheduler.channel): dropBuffered's order, and its identity as
   *  a Map/Set key (canonKey: a Channel handle compares by identity, as a Gc's). */
  seq = 0;
  /** Buffer slots made so far (grow): past FREE_SLOTS they are charged to the heap limit. */
  room = 0;
  /** `roots`: its values may hold Gc handles, so one waiting in a blocked send is a GC root
   *  (codegen knows the element type; a channel of numbers skips that bookkeeping per send). */
  constructor(readonly cap: number, readonly esize = 8, readonly roots = true) {}
}
/** Buffer slots of a channel that cost nothing (part of the channel, as its handle is). */
const FREE_SLOTS = 4;

export class Scheduler {
  readonly ready = new Fifo<Task>();
  current: Task;
  clock = 0; // virtual milliseconds
  private nextId = 1;
  /** Pending timers: per time, in the order they were set (one list per distinct time, so a
   *  timer costs O(1) and only a new time O(log n)); the times earliest first. */
  private readonly timersAt = new Map<number, TimerFuture[]>();
  private readonly timerTimes = new MinHeap<number>((x, y) => x < y);
  spawned = 0;
  /** Unfinished tasks in spawn order (their thread-locals are GC roots); a task leaves the list
   *  when it ends. A list through the tasks, not a Set: hashing 100,000 tasks cost more. */
  private liveFirst: Task | null = null;
  private liveLast: Task | null = null;
  /** Async tasks whose panic waits in their Future (released tasks included): checked after main. */
  private readonly panickedTasks: Task[] = [];
  tlsInit: () => unknown[] = () => [];

  constructor(private readonly rt: Runtime) {
    this.current = new Task(0, 'main', rt.stackBytes, []);
    this.nestAt = rt.opts.asyncNest ?? ASYNC_NEST;
    this.deep = this.nestAt <= 0;
  }

  // ---------------------------------------------------------------- context switching
  private save(t: Task): void {
    const rt = this.rt;
    t.depth = rt.depth; t.stackLim = rt.stackLim; t.stackBytes = rt.stackBytes; t.guards = rt.guards; t.threadLocals = rt.threadLocals;
    // the frames below sp (as far as `cs` records them); an array of exactly that length (growing
    // an empty one would reserve 17 slots), reused while the depth stays the same
    const cs = rt.frameSites, n = Math.min(rt.depth, cs.length);
    if (n <= 1) { t.frames = n === 0 ? null : cs[0]; return; }
    let f = t.frames;
    if (typeof f !== 'object' || !f || f.length !== n) f = t.frames = new Array<number>(n);
    for (let i = 0; i < n; i++) f[i] = cs[i];
  }
  private load(t: Task): void {
    const rt = this.rt;
    rt.depth = t.depth; rt.stackLim = t.stackLim; rt.stackBytes = t.stackBytes; rt.guards = t.guards; rt.threadLocals = t.threadLocals; rt.taskId = t.id;
    rt.fitLim();
    const f = t.frames;
    if (typeof f === 'number') rt.frameSites[0] = f;
    else if (f) { const cs = rt.frameSites; for (let i = 0; i < f.length; i++) cs[i] = f[i]; }
    else rt.frameSites[0] = -1; // a task that has made no call yet: not the last task's first frame
  }

  /** Nested starts of async calls on the host stack (`async` inside a task's resume). */
  private nest = 0;
  private readonly nestAt: number;
  /** Set past ASYNC_NEST nested starts: suspendable code then yields the Task of an async call
   *  (`spawn`) for the loop running it to start, instead of a nested start (`async`). */
  deep = false;

  /**
   * Run task `t` until it finishes or blocks, then come back to the current task. An async fn
   * called in a running task starts at once (eager, §6.2): in a nested resume (`async`), or, once
   * ASYNC_NEST starts are nested, in this one: suspendable code yields the callee's new Task
   * (`spawn`) and `chain` runs it, then resumes the caller with it, so a chain of async calls
   * (deep async recursion) takes no host frames per level. The order of switches, trace events
   * and exceptions is the same either way.
   */
  private resume(t: Task): void {
    const prev = this.current;
    this.switchIn(t, prev);
    let r: IteratorResult<unknown, unknown>;
    try {
      r = t.gen!.next();
    } catch (e) {
      this.ended(t, prev, e);
      return;
    }
    if (!r.done && typeof r.value === 'object' && r.value !== null) return this.chain(t, prev, r.value);
    this.save(t);
    this.load(prev);
    this.current = prev;
    if (r.done) this.finish(t, r.value);
    // control is back with a task that was running when it handed over (go, an async call)
    if (prev.state === 'running') this.rt.emit({ t: 'task-run', task: prev.id, clock: this.clock });
  }
  /** `t` (switched in from `prev`) ended with exception `e`: back to `prev`. An async fn's panic
   *  completes its Future (returns); anything else goes on (thrown) where `t` was started. */
  private ended(t: Task, prev: Task, e: unknown): void {
    this.save(t);
    this.load(prev);
    this.current = prev;
    // An async fn's panic completes its Future with the panic: re-raised where it is awaited.
    if (e instanceof VexPanic && t.guards[0] === 'async') {
      this.rt.endUnwind();
      t.panicked = e;
      this.panickedTasks.push(t);
      this.finish(t, undefined);
      return;
    }
    // An uncaught panic in a task ends the whole program (its message was printed when raised).
    if (e instanceof VexPanic) {
      this.rt.finishUncaught(e, `panic not caught in task ${t.id}: the program exits with status 134`);
      throw new VexAbort(134, `panic in task ${t.id}`, 'panicked');
    }
    throw e;
  }
  /** resume's loop once `t0` (switched in from `base`) yielded `y`: the Task of an async call
   *  (`spawn`) or a StartFrame to start, or the generator of a deep twin (codegen deep.ts: a call of
   *  a recursive plain function from suspendable code), which runs here as a heap frame of the task
   *  that called it. `gens` are the frames, innermost last, `owners` the task each belongs to (a
   *  task's own generator, then the twin frames it called, then the next task it started...); the
   *  innermost one's owner is the current task. Only a task's own generator can block: twin frames
   *  run plain code, whose blocking operations nest (drive). */
  private chain(t0: Task, base: Task, y: object | null): void {
    const gens: Op[] = [t0.gen!];
    const owners: Task[] = [t0];
    let input: unknown = undefined;
    let failed = false;
    let twins = 0; // twin frames in `gens`: at most DEEP_MAX, as on deep.ts runDeep's stack
    for (;;) {
      if (y !== null) {
        const v = y, o = owners[owners.length - 1];
        y = null;
        input = undefined;
        const c = v instanceof Task ? v : v instanceof StartFrame ? v.task : null;
        if (c === null && twins >= DEEP_MAX) {
          input = new DeepLimit(); // the callee never starts: the overflow is its caller's
          this.rt.seen(input);
          failed = true;
        } else if (c === null) {
          gens.push(v as Op); // a twin frame: a call in the same task
          owners.push(o);
          twins++;
        } else {
          try {
            this.switchIn(c, o);
            gens.push(c.gen!);
            owners.push(c);
          } catch (e) {
            input = e; // (the switch's fuel charge, before any switching: raised in `o`)
            failed = true;
          }
        }
      }
      const g = gens[gens.length - 1], t = owners[owners.length - 1];
      const root = g === t.gen;
      let r: IteratorResult<unknown, unknown>;
      try {
        r = failed ? g.throw!(input) : g.next(input);
      } catch (e) {
        failed = false;
        gens.pop();
        owners.pop();
        if (!root) {
          twins--;
          // a twin frame ended with an exception (its finally already ran): its caller gets it
          if (e instanceof VexAbort || e instanceof VexLimit || e instanceof VexExit) this.leave(gens, owners, base, e);
          input = e;
          failed = true;
          continue;
        }
        const prev = owners.length ? owners[owners.length - 1] : base;
        let raised = true;
        try {
          this.ended(t, prev, e);
          raised = false;
        } catch (x) {
          input = x;
        }
        if (!gens.length) {
          if (raised) throw input;
          return;
        }
        if (!raised) input = t; // its Future holds the panic: the caller goes on with it
        else if (input instanceof VexAbort || input instanceof VexLimit || input instanceof VexExit) this.leave(gens, owners, base, input);
        else failed = true; // the caller's async call raises it, as a nested resume's would
        continue;
      }
      failed = false;
      if (!r.done && typeof r.value === 'object' && r.value !== null) {
        y = r.value;
        continue;
      }
      gens.pop();
      owners.pop();
      if (!root) {
        twins--;
        input = r.value; // a twin frame returned (twin frames never block)
        continue;
      }
      const prev = owners.length ? owners[owners.length - 1] : base;
      this.save(t);
      this.load(prev);
      this.current = prev;
      if (r.done) this.finish(t, r.value);
      if (prev.state === 'running') this.rt.emit({ t: 'task-run', task: prev.id, clock: this.clock });
      if (!gens.length) return;
      input = t; // the caller goes on with the Future its async call made
    }
  }
  /** A run-ending exception `e` (no cleanup runs for it) raised in chain's frames: leave them at
   *  once, as deep.ts runDeep does (a stack overflow is still seen by the innermost few, to record
   *  their locals); the current task is the innermost frame's owner. */
  private leave(gens: Op[], owners: Task[], base: Task, e: VexAbort | VexLimit | VexExit): never {
    for (let k = 0; e instanceof VexAbort && e.overflow && k < OVERFLOW_LOCALS && gens.length; k++) {
      const g = gens.pop()!, o = owners.pop()!;
      try { g.throw!(e); } catch { /* it rethrows */ }
      const below = owners.length ? owners[owners.length - 1] : base;
      if (below !== o) {
        this.current = below;
        this.load(below);
      }
    }
    this.load(base);
    this.current = base;
    throw e;
  }
  /** Switch from the running task `prev` to `t`. */
  private switchIn(t: Task, prev: Task): void {
    this.rt.charge(SWITCH_STEPS);
    this.save(prev);
    this.load(t);
    this.current = t;
    t.state = 'running';
    this.rt.emit({ t: 'task-run', task: t.id, clock: this.clock });
  }

  private finish(t: Task, v: unknown): void {
    t.state = 'done';
    this.rt.memValues.endTask(t.id);
    this.rt.arrays.endTask(t.id);
    t.value = v;
    this.rt.emit({ t: 'task-end', task: t.id, clock: this.clock });
    this.wakeAll(t, t.id, 'complete');
    this.release(t);
    const d = t.dropValue;
    if (d !== null) { t.dropValue = null; t.value = undefined; d(v); } // its Future is gone
  }

  /** A finished task keeps only its result (it is the Future others await): its generator,
   *  call-site stack, thread-locals and its share of the heap limit go at once. */
  private release(t: Task): void {
    if (t.charged) { this.rt.machine?.sys.releaseHost(t.charged); t.charged = 0; }
    t.gen = null;
    t.frames = null;
    t.guards = NO_GUARDS;
    t.threadLocals = NO_TLS;
    this.unlink(t);
  }
  private unlink(t: Task): void {
    const p = t.prevLive, n = t.nextLive;
    if (p === null && this.liveFirst !== t) return; // not in the list
    if (p) p.nextLive = n; else this.liveFirst = n;
    if (n) n.prevLive = p; else this.liveLast = p;
    t.prevLive = t.nextLive = null;
  }
  /** The unfinished tasks, in spawn order. */
  private *live(): Generator<Task> {
    for (let t = this.liveFirst; t !== null; t = t.nextLive) yield t;
  }

  private newTask(name: string, stackBytes: number, body: Gen, site: number): Task {
    // A task costs memory like a native one: its control block is charged to the heap limit, so
    // spawning without end stops with `memory allocation of N bytes failed`, not a host crash.
    const m = this.rt.machine;
    if (m) m.guard(site, this.chargeTask);
    this.rt.charge(TASK_STEPS);
    const tls = this.tlsInit();
    // Without thread-locals every task shares one empty slot array (no per-task garbage).
    const t = new Task(this.nextId++, name, stackBytes, tls.length ? tls : NO_TLS);
    t.gen = body;
    t.charged = m ? TASK_BYTES : 0;
    this.spawned++;
    t.prevLive = this.liveLast;
    if (this.liveLast) this.liveLast.nextLive = t; else this.liveFirst = t;
    this.liveLast = t;
    this.rt.machine?.stats.taskSpawned();
    this.rt.emit({ t: 'task-spawn', task: t.id, parent: this.current.id, name, stackSize: stackBytes, clock: this.clock, site: this.rt.loc(site) });
    return t;
  }

  private readonly chargeTask = () => this.rt.machine.sys.chargeHost(TASK_BYTES);

  /** Values of sends waiting for room in a full channel (GC roots: in no buffer or frame yet). */
  readonly pendingSends = new Set<{ readonly v: unknown }>();
  /** Awaits of futures not yet done (GC roots: the value of one whose task has ended). */
  readonly pendingAwaits = new Set<{ readonly f: { value: unknown } }>();
  /** Values in flight in blocked operations: GC roots (host.ts gc_collect). */
  inFlight(): unknown[] {
    const out: unknown[] = [];
    for (const o of this.pendingSends) out.push(o.v);
    for (const o of this.pendingAwaits) out.push(o.f.value);
    return out;
  }
  /** Thread-locals of every live task (GC roots). */
  allTls(): unknown[] {
    const out: unknown[] = [this.rt.threadLocals];
    for (const t of this.live()) if (t.state !== 'done') out.push(t.threadLocals);
    return out;
  }

  // ---------------------------------------------------------------- blocking and waking
  private block(q: { push(t: Task): void } | null, on: BlockKind, site: number): void {
    if (this.closing) this.blockAfterMain(on, site); // (kept out of line: block is hot and inlined)
    const me = this.current;
    me.state = 'blocked';
    if (q) q.push(me);
    this.rt.emit({ t: 'task-block', task: me.id, on, clock: this.clock, site: this.rt.loc(site) });
  }
  private wakeAll(f: Future, by: number, cause: WakeCause): void {
    const ws = f.waiters;
    if (!ws) return;
    f.waiters = null;
    for (const w of ws) this.wake(w, by, cause);
  }
  /** `by`: the waking task, -1 for the clock. */
  private wake(t: Task, by: number, cause: WakeCause): void {
    if (t.state !== 'blocked') return;
    t.state = 'ready';
    this.ready.push(t);
    this.rt.emit({ t: 'task-wake', task: t.id, clock: this.clock, by, cause });
  }

  /** Fire the earliest timers; false when none is pending. */
  private advance(): boolean {
    const at = this.timerTimes.pop();
    if (at === undefined) return false;
    const due = this.timersAt.get(at)!;
    this.timersAt.delete(at);
    this.clock = Math.max(this.clock, at);
    for (const fut of due) {
      fut.done = true;
      this.wakeAll(fut, -1, 'timer');
    }
    return true;
  }

  private deadlock(): never {
    this.rt.err('fatal: deadlock (all tasks blocked)\n');
    throw new VexAbort(134, 'deadlock');
  }

  /** Run other tasks until `me` (blocked in plain code) is woken and its turn comes: once woken it
   *  waits in the run queue behind the tasks woken before it (§4.6: FIFO in the order of waking). */
  private waitInPlace(me: Task): void {
    for (;;) {
      const t = this.nextReady();
      if (!t) {
        if (me.state === 'blocked' && this.advance()) continue;
        if (me.state === 'blocked') this.deadlock();
        break; // not queued (woken outside the queue): nothing else to run first
      }
      if (t === me) break;
      this.resume(t);
    }
    me.state = 'running';
    this.rt.emit({ t: 'task-run', task: me.id, clock: this.clock });
  }

  /** The next runnable task (a task is queued once per wake: none continues out of turn). */
  private nextReady(): Task | undefined {
    return this.ready.shift();
  }

  /** Drive a suspendable computation from plain code (a blocking call outside a generator). */
  drive<R>(g: Op): R {
    const me = this.current;
    let r = g.next();
    for (;;) {
      if (r.done) return r.value as R;
      if (r.value instanceof Task) {
        // an async fn called in `g` (spawn): it starts now, then `g` goes on with its Future
        const c = r.value;
        try {
          this.resume(c);
        } catch (e) {
          r = g.throw!(e);
          continue;
        }
        r = g.next(c);
        continue;
      }
      if (typeof r.value === 'object' && r.value !== null) {
        // a deep twin's frame or a StartFrame (see chain): run on a trampoline of its own
        let v: unknown;
        try {
          v = this.rt.deep(r.value as Gen);
        } catch (e) {
          r = g.throw!(e);
          continue;
        }
        r = g.next(v);
        continue;
      }
      this.waitInPlace(me);
      r = g.next();
    }
  }

  // ---------------------------------------------------------------- entry points
  /** Run main (a plain function or a generator function), then drain the run queue. */
  runMain(main: () => unknown, isGen: boolean): unknown {
    const me = this.current;
    me.threadLocals = this.rt.threadLocals;
    let ret: unknown;
    if (isGen) ret = this.drive(main() as Gen);
    else ret = main();
    me.state = 'done';
    this.mainEnded = true;
    this.rt.emit({ t: 'task-end', task: 0, clock: this.clock });
    this.drain();
    this.unobservedPanic();
    return ret;
  }
  /** The program ends (normally or not): main ends with it; tasks still alive are abandoned. */
  endRun(): void {
    for (const t of this.live()) {
      if (t.state === 'done') continue;
      t.state = 'done';
      this.rt.emit({ t: 'task-abandon', task: t.id, clock: this.clock });
    }
    if (!this.mainEnded) this.rt.emit({ t: 'task-end', task: 0, clock: this.clock });
    this.mainEnded = true;
  }
  private mainEnded = false;
  drain(): void {
    for (;;) {
      const t = this.nextReady();
      if (t) { this.resume(t); continue; }
      if (!this.advance()) return;
    }
  }

  /** `go`: start a task now and run it until it finishes or blocks (§4.6). */
  go(body: () => unknown, isGen: boolean, stackBytes: number, site: number, name = 'go block'): Task {
    const gen: Gen = isGen ? (body() as Gen) : (function* () { return body(); })();
    const t = this.newTask(name, stackBytes, gen, site);
    this.resume(t);
    return t;
  }

  /** Calling an async fn: run its body until the first await that must wait; the task is the Future. */
  async(gen: Gen, name: string, site: number): Task {
    return this.startNested(this.spawn(gen, name, site));
  }
  /** `async` of a Task already spawned (a StartFrame run as a frame by deep.ts runDeep). */
  startNested(t: Task): Task {
    this.deep = ++this.nest >= this.nestAt;
    try {
      this.resume(t);
    } finally {
      this.deep = --this.nest >= this.nestAt;
    }
    return t;
  }
  /** The same call in a deep twin (or through an async fn value), which yields this for whatever
   *  runs its frames to start: chain starts it in its loop, runDeep by running it (`startNested`). */
  startFrame(gen: Gen, name: string, site: number): StartFrame {
    return new StartFrame(this, this.spawn(gen, name, site));
  }
  /** An async fn as a value (`g(...args)` is its generator): calling it starts its task as a
   *  direct call does; its `$d` (what a call through a value in a deep twin or, past ASYNC_NEST,
   *  in suspendable code yields, as it yields a recursive plain function's twin) makes the
   *  StartFrame instead. `site` is where the value was taken (the call's is not known to it). */
  asyncFn(g: (...a: unknown[]) => Gen, name: string, site: number): (...a: unknown[]) => Task {
    const f = (...a: unknown[]) => this.async(g(...a), name, site);
    (f as { $d?: unknown }).$d = (...a: unknown[]) => this.startFrame(g(...a), name, site);
    return f;
  }
  /** The same call in suspendable code, which yields the Task for its driver (resume or drive) to
   *  start: `(yield S.spawn(gen, name, site))` is the Future. */
  spawn(gen: Gen, name: string, site: number): Task {
    const t = this.newTask(name, 256 * 1024, gen, site);
    t.guards = ASYNC_GUARDS;
    return t;
  }

  /** `await f` (or `block_on(f)` with join): a timer future is a sleep. `roots`: the value may
   *  hold Gc handles (codegen knows its type), so it is a GC root between the task's end and the
   *  awaiter's resuming. */
  await(f: Future, site = -1, join = false, roots = true): Op {
    if (f instanceof Task) f.awaited = true;
    return new AwaitOp(this, f, site, join, roots);
  }
  /** The end of an await at `site`: the awaited task's panic goes on in the awaiter (its backtrace
   *  goes on at the await), else its value. */
  awaited(f: Future, site: number): unknown {
    if (f instanceof Task && f.panicked) this.rt.repanic(f.panicked, site >= 0 ? site : this.rt.frameSites[this.rt.depth - 1] ?? -1);
    return f.value;
  }

  /** After main: an async fn that panicked and was never awaited is an uncaught panic. */
  unobservedPanic(): void {
    const t = this.panickedTasks.find((x) => !x.awaited);
    if (!t) return;
    const p = t.panicked!;
    this.rt.err(`panic: ${p.message}\n`);
    this.rt.printBacktrace(p.info.backtrace);
    this.rt.finishUncaught(p, `panic not caught in task ${t.id}: the program exits with status 134`);
    this.rt.uncaught = p.info;
    throw new VexAbort(134, `panic in task ${t.id}`, 'panicked');
  }

  sleep(ms: number): TimerFuture {
    const fut = new TimerFuture(this.clock + Math.max(0, ms));
    const due = this.timersAt.get(fut.at);
    if (due) due.push(fut);
    else { this.timersAt.set(fut.at, [fut]); this.timerTimes.push(fut.at); }
    return fut;
  }

  /** An operation that would wait after main returned (dropBuffered): no task is left to wake it. */
  private blockAfterMain(on: BlockKind, site: number): never {
    return this.rt.panic(on === 'send' ? 'send on a channel nobody receives from any more: main has returned' : on === 'recv' ? 'receive from an empty channel nobody sends to any more: main has returned' : 'blocking after main returned: no task is left to wake it', site);
  }

  // ---------------------------------------------------------------- channels
  private chanSeq = 0;
  /** Channels with drop glue holding buffered values (put adds one, taking its last removes it). */
  private readonly buffered = new Set<Channel>();
  /** While dropBuffered runs: an operation that would wait panics instead. */
  private closing = false;
  /** `Channel(cap)`: numbered in the run; `drop`, the element type's drop glue when it needs one. */
  channel(cap: number, drop: ((v: unknown) => void) | null, esize = 8, roots = true): Channel {
    const ch = new Channel(cap, esize, roots);
    ch.drop = drop;
    ch.seq = ++this.chanSeq;
    return ch;
  }
  /**
   * When main has returned normally and the tasks are drained (run.ts; not after a panic or
   * `exit()`): the values still buffered in channels are dropped, channel by channel in creation
   * order, FIFO within one (after main's own locals: our choice, README "Drops"). Channel handles are
   * shared, so no handle owns the buffer; Rust drops it with the last handle, which at main's end
   * is this order for the channels main made. A drop that sends buffers its value as usual (it is
   * dropped in its channel's turn; a channel already done gets another); a `recv` takes a value
   * still buffered; an operation that would wait panics (block), since no task is left to wake it.
   * A panic in a drop is held while the rest still run (another aborts: §6.3), then goes on.
   */
  dropBuffered(): void {
    if (this.buffered.size === 0) return;
    this.closing = true;
    let held: unknown;
    while (this.buffered.size) {
      for (const ch of [...this.buffered].sort((a, b) => a.seq - b.seq)) {
        while (ch.buf.length) {
          const v = ch.buf.shift();
          if (ch.buf.length === 0) this.buffered.delete(ch);
          try { ch.drop!(v); } catch (e) { held = this.rt.dropFault(held, e); }
        }
      }
    }
    if (held !== undefined) throw held;
  }
  send(ch: Channel, v: unknown, site = -1): Op {
    return new SendOp(this, ch, v, site);
  }
  recv(ch: Channel, site = -1): Op {
    return new RecvOp(this, ch, site);
  }
  /** A sender's or receiver's wait (the ops below). */
  wait(q: { push(t: Task): void } | null, on: BlockKind, site: number): IteratorResult<unknown, unknown> {
    this.block(q, on, site);
    return SUSPEND;
  }
  /** A channel's buffer is memory as a Vec's is: its slots past FREE_SLOTS are charged to the
   *  heap limit as it grows (doubling, up to its capacity) and released when it drains, so a
   *  `Channel(2_000_000_000)` filled without end fails as an allocation does (it ended in a host
   *  out-of-memory). */
  grow(ch: Channel, site: number): void {
    const room = Math.max(ch.buf.length + 1, Math.min(ch.room ? ch.room * 2 : FREE_SLOTS, Math.max(ch.cap, 1)));
    const add = (Math.max(room, FREE_SLOTS) - Math.max(ch.room, FREE_SLOTS)) * ch.esize;
    const m = this.rt.machine;
    if (add > 0 && m) m.guard(site, () => m.sys.chargeHost(add));
    ch.room = room;
  }
  private drained(ch: Channel): void {
    const m = this.rt.machine;
    if (m) m.sys.releaseHost((ch.room - FREE_SLOTS) * ch.esize);
    ch.room = FREE_SLOTS;
  }
  /** A receiver took `ch`'s first value: wake a sender waiting for room and the rendezvous sender
   *  it served (values are taken in FIFO order, so the first waiting one is the one just served). */
  taken(ch: Channel): unknown {
    const v = ch.buf.shift();
    if (ch.room > FREE_SLOTS && ch.buf.length === 0) this.drained(ch);
    if (ch.drop !== null && ch.buf.length === 0) this.buffered.delete(ch);
    ch.taken++;
    const s = ch.sendq.shift();
    if (s) this.wake(s, this.current.id, 'recv');
    const t = ch.takenq.shift();
    if (t) this.wake(t, this.current.id, 'recv');
    return v;
  }
  /** A sender's value went into `ch`: wake the first waiting receiver; the send's ticket. */
  put(ch: Channel, v: unknown): number {
    ch.buf.push(v);
    if (ch.drop !== null && ch.buf.length === 1) this.buffered.add(ch);
    const ticket = ++ch.sent;
    const r = ch.recvq.shift();
    if (r) this.wake(r, this.current.id, 'send');
    return ticket;
  }
}

/** An async call whose Task is spawned, to be started by what runs the frame that yields it
 *  (Scheduler.startFrame). To a trampoline that knows no tasks (deep.ts runDeep) it is a frame
 *  whose one step is the nested start. */
export class StartFrame implements Iterator<unknown, unknown, unknown> {
  constructor(private readonly s: Scheduler, readonly task: Task) {}
  next(): IteratorResult<unknown, unknown> { return { value: this.s.startNested(this.task), done: true }; }
  throw(e: unknown): IteratorResult<unknown, unknown> { throw e; }
  return(value?: unknown): IteratorResult<unknown, unknown> { return { value, done: true }; }
}

// The blocking operations as small hand-written iterators rather than generator methods: suspended
// code does `yield* S.recv(ch)`, and a task blocked in one holds this object instead of a generator
// and its register file (100,000 blocked tasks), and an operation that need not wait makes no
// generator. Each step is the loop of the generator it replaces: wait (yield 0) while the condition
// holds, then finish. `throw` and `return` behave as at a generator's plain `yield` (no cleanup).
const SUSPEND: IteratorResult<unknown, unknown> = Object.freeze({ value: 0, done: false });
abstract class BlockingOp implements Iterator<unknown, unknown, unknown>, Iterable<unknown, unknown, unknown> {
  private over = false;
  abstract step(): IteratorResult<unknown, unknown>;
  next(): IteratorResult<unknown, unknown> {
    if (this.over) return { value: undefined, done: true };
    const r = this.step();
    if (r.done) this.over = true;
    return r;
  }
  throw(e: unknown): IteratorResult<unknown, unknown> {
    this.over = true;
    throw e;
  }
  return(value?: unknown): IteratorResult<unknown, unknown> {
    this.over = true;
    return { value, done: true };
  }
  [Symbol.iterator](): this { return this; }
}
class RecvOp extends BlockingOp {
  constructor(private readonly s: Scheduler, private readonly ch: Channel, private readonly site: number) { super(); }
  step(): IteratorResult<unknown, unknown> {
    if (this.ch.buf.length === 0) return this.s.wait(this.ch.recvq, 'recv', this.site);
    return { value: this.s.taken(this.ch), done: true };
  }
}
class SendOp extends BlockingOp {
  private ticket = -1; // set once the value is in the buffer
  private pending = false; // in Scheduler.pendingSends
  constructor(private readonly s: Scheduler, private readonly ch: Channel, readonly v: unknown, private readonly site: number) { super(); }
  step(): IteratorResult<unknown, unknown> {
    const ch = this.ch;
    if (this.ticket < 0) {
      if (ch.buf.length >= Math.max(ch.cap, 1)) {
        // the value waits with this op only: a GC root meanwhile (gc_collect freed it)
        if (!this.pending && ch.roots) { this.pending = true; this.s.pendingSends.add(this); }
        return this.s.wait(ch.sendq, 'send', this.site);
      }
      if (this.pending) { this.pending = false; this.s.pendingSends.delete(this); }
      if (ch.buf.length >= ch.room) this.s.grow(ch, this.site);
      this.ticket = this.s.put(ch, this.v);
    }
    // rendezvous: wait until a receiver took our value
    if (ch.cap === 0 && ch.taken < this.ticket) return this.s.wait(ch.takenq, 'send', this.site);
    return { value: undefined, done: true };
  }
}
class AwaitOp extends BlockingOp {
  private pending = false; // in Scheduler.pendingAwaits
  constructor(private readonly s: Scheduler, readonly f: Future, private readonly site: number, private readonly join: boolean, private readonly roots: boolean) { super(); }
  step(): IteratorResult<unknown, unknown> {
    const f = this.f;
    if (!f.done) {
      // the future may be held by this op only (`block_on(start())`): once its task ends, its
      // value is a GC root until the awaiter resumes (a task running meanwhile collected it)
      if (f instanceof TimerFuture) return this.s.wait(f, 'sleep', this.site);
      if (!this.pending && this.roots) { this.pending = true; this.s.pendingAwaits.add(this); }
      return this.s.wait(f, this.join ? 'join' : 'await', this.site);
    }
    if (this.pending) { this.pending = false; this.s.pendingAwaits.delete(this); }
    return { value: this.s.awaited(f, this.site), done: true };
  }
}

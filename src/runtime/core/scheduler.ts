// The deterministic cooperative scheduler (§4.6, §6.2): `main`, `go` tasks and async tasks share
// one FIFO run queue and a virtual clock. Blocking operations are generator helpers: generated
// suspendable code does `yield* S.recv(ch)`; plain (non-generator) code calls `S.drive(...)`, which
// runs the other tasks in a nested loop until the caller is woken.
import type { Runtime } from './rt';
import type { BlockKind, WakeCause } from '../api';
import { VexAbort, VexPanic } from './errors';

type Gen = Generator<unknown, unknown, unknown>;

export class Task {
  state: 'ready' | 'running' | 'blocked' | 'done' = 'running';
  gen: Gen | null = null;
  value: unknown = undefined;
  readonly waiters: Task[] = [];
  // saved runtime context
  cs: Int32Array;
  sp = 0;
  lim: number;
  guards: ('catch' | 'nounwind')[] = [];
  tls: unknown[];
  constructor(readonly id: number, readonly name: string, public stackBytes: number, tls: unknown[]) {
    this.lim = Math.floor(stackBytes / 256);
    this.cs = new Int32Array(Math.min(this.lim + 1, 1 << 16));
    this.tls = tls;
  }
  get done(): boolean { return this.state === 'done'; }
}

/** A timer future (`sleep`) or any future that is not a task. */
export class TimerFuture {
  done = false;
  value: unknown = undefined;
  readonly waiters: Task[] = [];
}
export type Future = Task | TimerFuture;

export class Channel {
  readonly buf: unknown[] = [];
  readonly recvq: Task[] = [];
  readonly sendq: Task[] = [];
  /** Values taken so far (rendezvous senders wait for their value to be taken). */
  taken = 0;
  sent = 0;
  constructor(readonly cap: number) {}
}

export class Scheduler {
  readonly ready: Task[] = [];
  current: Task;
  clock = 0; // virtual milliseconds
  private nextId = 1;
  private timers: { at: number; seq: number; fut: TimerFuture }[] = [];
  private timerSeq = 0;
  spawned = 0;
  private readonly live: Task[] = [];
  tlsInit: () => unknown[] = () => [];

  constructor(private readonly rt: Runtime) {
    this.current = new Task(0, 'main', rt.stackBytes, []);
    this.current.cs = rt.cs;
  }

  // ---------------------------------------------------------------- context switching
  private save(t: Task): void {
    const rt = this.rt;
    t.cs = rt.cs; t.sp = rt.sp; t.lim = rt.lim; t.stackBytes = rt.stackBytes; t.guards = rt.guards; t.tls = rt.tls;
  }
  private load(t: Task): void {
    const rt = this.rt;
    rt.cs = t.cs; rt.sp = t.sp; rt.lim = t.lim; rt.stackBytes = t.stackBytes; rt.guards = t.guards; rt.tls = t.tls; rt.taskId = t.id;
  }

  /** Run task `t` until it finishes or blocks, then come back to the current task. */
  private resume(t: Task): void {
    const prev = this.current;
    this.save(prev);
    this.load(t);
    this.current = t;
    t.state = 'running';
    this.rt.emit({ t: 'task-run', task: t.id, clock: this.clock });
    let r: IteratorResult<unknown, unknown>;
    try {
      r = t.gen!.next();
    } catch (e) {
      this.save(t);
      this.load(prev);
      this.current = prev;
      // An uncaught panic in a task ends the whole program (its message was printed when raised).
      if (e instanceof VexPanic) {
        this.rt.finishUncaught(e, `panic not caught in task ${t.id}: the program exits with status 134`);
        throw new VexAbort(134, `panic in task ${t.id}`, 'panicked');
      }
      throw e;
    }
    this.save(t);
    this.load(prev);
    this.current = prev;
    if (r.done) this.finish(t, r.value);
    // control is back with a task that was running when it handed over (go, an async call)
    if (prev.state === 'running') this.rt.emit({ t: 'task-run', task: prev.id, clock: this.clock });
  }

  private finish(t: Task, v: unknown): void {
    t.state = 'done';
    this.rt.mv.endTask(t.id);
    t.value = v;
    this.rt.emit({ t: 'task-end', task: t.id, clock: this.clock });
    for (const w of t.waiters.splice(0)) this.wake(w, t.id, 'complete');
  }

  private newTask(name: string, stackBytes: number, body: Gen, site: number): Task {
    const t = new Task(this.nextId++, name, stackBytes, this.tlsInit());
    t.gen = body;
    this.spawned++;
    this.live.push(t);
    this.rt.machine?.stats.taskSpawned();
    this.rt.emit({ t: 'task-spawn', task: t.id, parent: this.current.id, name, stackSize: stackBytes, clock: this.clock, site: this.rt.loc(site) });
    return t;
  }

  /** Thread-locals of every live task (GC roots). */
  allTls(): unknown[] {
    const out: unknown[] = [this.rt.tls];
    for (const t of this.live) if (t.state !== 'done') out.push(t.tls);
    return out;
  }

  // ---------------------------------------------------------------- blocking and waking
  private block(q: Task[] | null, on: BlockKind, site: number): void {
    const me = this.current;
    me.state = 'blocked';
    if (q) q.push(me);
    this.rt.emit({ t: 'task-block', task: me.id, on, clock: this.clock, site: this.rt.loc(site) });
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
    if (!this.timers.length) return false;
    const at = this.timers[0].at;
    this.clock = Math.max(this.clock, at);
    while (this.timers.length && this.timers[0].at === at) {
      const { fut } = this.timers.shift()!;
      fut.done = true;
      for (const w of fut.waiters.splice(0)) this.wake(w, -1, 'timer');
    }
    return true;
  }

  private deadlock(): never {
    this.rt.err('fatal: deadlock (all tasks blocked)\n');
    throw new VexAbort(134, 'deadlock');
  }

  /** Run other tasks until `me` (blocked in plain code) is woken. */
  private waitInPlace(me: Task): void {
    while (me.state === 'blocked') {
      const t = this.ready.shift();
      if (!t) {
        if (this.advance()) continue;
        this.deadlock();
      }
      if (t === me) break;
      this.resume(t);
    }
    const i = this.ready.indexOf(me);
    if (i >= 0) this.ready.splice(i, 1);
    me.state = 'running';
    this.rt.emit({ t: 'task-run', task: me.id, clock: this.clock });
  }

  /** Drive a suspendable computation from plain code (a blocking call outside a generator). */
  drive<R>(g: Gen): R {
    const me = this.current;
    for (;;) {
      const r = g.next();
      if (r.done) return r.value as R;
      this.waitInPlace(me);
    }
  }

  // ---------------------------------------------------------------- entry points
  /** Run main (a plain function or a generator function), then drain the run queue. */
  runMain(main: () => unknown, isGen: boolean): unknown {
    const me = this.current;
    me.tls = this.rt.tls;
    let ret: unknown;
    if (isGen) ret = this.drive(main() as Gen);
    else ret = main();
    me.state = 'done';
    this.mainEnded = true;
    this.rt.emit({ t: 'task-end', task: 0, clock: this.clock });
    this.drain();
    return ret;
  }
  /** The program ends (normally or not): main ends with it; tasks still alive are abandoned. */
  endRun(): void {
    for (const t of this.live) {
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
      const t = this.ready.shift();
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
    const t = this.newTask(name, 256 * 1024, gen, site);
    this.resume(t);
    return t;
  }

  /** `await f` (or `block_on(f)` with join): a timer future is a sleep. */
  *await(f: Future, site = -1, join = false): Gen {
    while (!f.done) {
      this.block(f.waiters, f instanceof TimerFuture ? 'sleep' : join ? 'join' : 'await', site);
      yield 0;
    }
    return f.value;
  }

  sleep(ms: number): TimerFuture {
    const fut = new TimerFuture();
    const at = this.clock + Math.max(0, ms);
    const e = { at, seq: this.timerSeq++, fut };
    let i = this.timers.length;
    while (i > 0 && this.timers[i - 1].at > at) i--;
    this.timers.splice(i, 0, e);
    return fut;
  }

  // ---------------------------------------------------------------- channels
  *send(ch: Channel, v: unknown, site = -1): Gen {
    while (ch.buf.length >= Math.max(ch.cap, 1)) {
      this.block(ch.sendq, 'send', site);
      yield 0;
    }
    ch.buf.push(v);
    const ticket = ++ch.sent;
    const r = ch.recvq.shift();
    if (r) this.wake(r, this.current.id, 'send');
    // rendezvous: wait until a receiver took our value
    while (ch.cap === 0 && ch.taken < ticket) {
      this.block(ch.sendq, 'send', site);
      yield 0;
    }
    return undefined;
  }
  *recv(ch: Channel, site = -1): Gen {
    while (!ch.buf.length) {
      this.block(ch.recvq, 'recv', site);
      yield 0;
    }
    const v = ch.buf.shift();
    ch.taken++;
    const s = ch.sendq.shift();
    if (s) this.wake(s, this.current.id, 'recv');
    return v;
  }
}

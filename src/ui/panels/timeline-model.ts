// The Task timeline's model: trace -> one lane per task (readable, numbered names), state
// segments (running, ready, blocked by kind, ended, abandoned), wake arrows and an x axis in run
// order. Pure and DOM-free; the view (TaskTimeline.tsx) only draws it.
//
// The x axis: every task event is one scheduling step (one unit), so events at the same virtual
// time still come one after another; where the virtual clock advances, a gap that grows with the
// jump (compressed: 2 + 3·log10(1+Δms) units) is inserted and a time mark placed.
import type { BlockKind, SourceLoc, TraceEvent, WakeCause } from '../../runtime/api';

export type SegKind = 'running' | 'ready' | BlockKind | 'ended' | 'abandoned';
export const SEG_KINDS: readonly SegKind[] = ['running', 'ready', 'await', 'recv', 'send', 'sleep', 'join', 'lock', 'ended', 'abandoned'];
export const BLOCK_KINDS: readonly BlockKind[] = ['await', 'recv', 'send', 'sleep', 'join', 'lock'];

export type TaskEventKind = 'spawn' | 'run' | 'block' | 'wake' | 'end' | 'abandon';

/** One task event of the trace, placed on the axis. */
export interface TEvent {
  index: number; // position in the trace
  step: number; // ordinal among task events (the scheduling step)
  x: number;
  task: number;
  kind: TaskEventKind;
  clock: number;
  site: SourceLoc | null;
  /** spawn: the task's name; block: the kind; wake: the cause. */
  detail: string;
  /** wake: the waking task (-1: the clock). */
  by: number;
}

export interface Segment {
  kind: SegKind;
  x0: number;
  x1: number;
  site: SourceLoc | null; // where it blocked / was spawned
  from: number; // trace index of the event that began it (-1: the run's start)
}

export interface Lane {
  task: number;
  name: string;
  label: string; // `step#1 (main.vx:13)`
  parent: number;
  site: SourceLoc | null;
  /** This lane's segments (sorted, disjoint) and events, as objects: made on first read from the
   *  compact arrays and kept (drawing reads the arrays, never these). */
  readonly segments: Segment[];
  readonly events: TEvent[];
}

export interface WakeArrow {
  from: number; // task that woke it (or the parent for a spawn); -1 = the clock (timer)
  to: number;
  x: number;
  cause: WakeCause | 'spawn';
  index: number;
  /** Lane indices of `from` (-1: the clock) and `to`, so drawing needs no map lookups. */
  fromLane: number;
  toLane: number;
}

export interface TimeMark { x: number; clock: number }

/** Task events in trace order, one column per field (a 500,000-event trace makes no objects). */
export interface EventColumns {
  count: number;
  index: Int32Array; // trace index
  x: Float64Array;
  kind: Uint8Array; // into EVENT_KINDS
  // an event's task, waker, site and detail are read from its trace event and its virtual time
  // from the axis marks (eventAt): on a 500,000-event trace every column is megabytes of fresh
  // memory to fill, the main cost of a first paint on a loaded machine
}

/** One lane's segments (sorted by x, disjoint), one column per field. Made on the lane's first
 *  read (drawing a visible lane, a tooltip): a first paint builds only the lanes it shows. */
export interface SegmentColumns {
  count: number;
  kind: Uint8Array; // into SEG_KINDS
  x0: Float64Array;
  x1: Float64Array;
  from: Int32Array; // trace index of the event that began it (its site is that event's)
}

/** Wake arrows in x order, one column per field. */
export interface ArrowColumns {
  count: number;
  x: Float64Array;
  from: Int32Array;
  to: Int32Array;
  fromLane: Int32Array;
  toLane: Int32Array;
  cause: Uint8Array; // into ARROW_CAUSES
  index: Int32Array;
  /** The arrows into lane li (in x order): laneHead[li], then next[a] until -1. */
  laneHead: Int32Array;
  next: Int32Array;
}

export interface Timeline {
  lanes: Lane[];
  laneOf: Map<number, number>; // task id -> lane index
  /** Wake arrows as objects (made on first read; drawing reads `arrowCols`). */
  readonly arrows: WakeArrow[];
  marks: TimeMark[];
  width: number; // axis length in units (ended/abandoned tails included)
  /** Every task event in trace order as objects (made on first read; queries read `ev`). */
  readonly events: TEvent[];
  /** True when the trace has a task other than main. */
  hasTasks: boolean;
  ev: EventColumns;
  /** Lane li's events (ordinals into `ev`, in trace order): laneHead[li], then nextInLane[k]
   *  until -1; laneCount[li] of them. */
  laneHead: Int32Array;
  laneCount: Int32Array;
  nextInLane: Int32Array;
  /** How each lane begins (its segments are replayed from these and its events on first read). */
  laneStart: LaneStarts;
  /** preempt[k] (k: a run event): 1 + the ordinal of the next other task's run event that found
   *  this task still running (it turns ready there), or 0. */
  preempt: Int32Array;
  /** The axis position just after the last task event (where open segments end). */
  lastX: number;
  arrowCols: ArrowColumns;
  /** The trace it was built from (events' sites and details are read from it). */
  trace: readonly TraceEvent[];
}

/** A lane's first segment: its kind, where it begins, the trace index that began it; main's
 *  first running segment may be ended by a run event before main's own first one. */
export interface LaneStarts {
  kind: Uint8Array;
  x0: Float64Array;
  from: Int32Array;
  mainPreempt: number; // ordinal of the run event that found main still running from the start, -1
}

/** Width of the ended/abandoned tail drawn after the last event. */
export const TAIL = 3;
export function clockGap(delta: number): number {
  return 2 + 3 * Math.log10(1 + delta);
}

const baseName = (f: string) => f.slice(f.lastIndexOf('/') + 1);
export function siteText(s: SourceLoc | null): string {
  return s ? `${baseName(s.file)}:${s.line}` : '';
}

export const EVENT_KINDS: readonly TaskEventKind[] = ['spawn', 'run', 'block', 'wake', 'end', 'abandon'];
const EK_SPAWN = 0, EK_RUN = 1, EK_BLOCK = 2, EK_WAKE = 3, EK_END = 4, EK_ABANDON = 5;
export const ARROW_CAUSES: readonly (WakeCause | 'spawn')[] = ['spawn', 'send', 'recv', 'timer', 'complete'];
const SK: Record<string, number> = Object.fromEntries(SEG_KINDS.map((k, i) => [k, i]));
const CAUSE_SPAWN = 0, CAUSE_SEND = 1, CAUSE_RECV = 2, CAUSE_TIMER = 3, CAUSE_COMPLETE = 4; // ARROW_CAUSES
const SK_RUNNING = SK.running, SK_READY = SK.ready, SK_ENDED = SK.ended, SK_ABANDONED = SK.abandoned;

function grow<A extends Int32Array | Uint8Array | Float64Array>(a: A, cap: number): A {
  const b = new (a.constructor as new (n: number) => A)(cap);
  b.set(a);
  return b;
}

export function buildTimeline(trace: readonly TraceEvent[]): Timeline {
  const laneInfo: { task: number; name: string; parent: number; site: SourceLoc | null }[] = [];
  const laneOf = new Map<number, number>();
  // task id -> lane in the hot loop: an array for the usual small ids, the map for any other
  const byTask: number[] = [];
  // per lane: how it begins, its last run event (to mark where it is preempted), its events and
  // the arrows into it as lists (through nextInLane / aNext: first, last, count); grown
  let cap = 1024;
  let lKind = new Uint8Array(cap), lX0 = new Float64Array(cap), lFrom = new Int32Array(cap), lastRun = new Int32Array(cap);
  let head = new Int32Array(cap), tail = new Int32Array(cap), count = new Int32Array(cap), aHead = new Int32Array(cap), aTail = new Int32Array(cap);
  // events: at most one per trace event (no counting pass: it would walk the trace twice, cold)
  const nMax = trace.length;
  const eIndex = new Int32Array(nMax), eX = new Float64Array(nMax), eKind = new Uint8Array(nMax);
  const nextInLane = new Int32Array(nMax);
  const preempt = new Int32Array(nMax); // the ordinal + 1 of the preempting run event, 0: none
  let ne = 0;
  // arrows (spawns and wakes): grown by half
  let aCap = (nMax >> 3) + 16;
  let aX = new Float64Array(aCap), aFrom = new Int32Array(aCap), aTo = new Int32Array(aCap), aFromLane = new Int32Array(aCap), aToLane = new Int32Array(aCap), aCause = new Uint8Array(aCap), aIndex = new Int32Array(aCap), aNext = new Int32Array(aCap);
  let na = 0;
  const growArrows = () => {
    aCap += (aCap >> 1) + 16;
    aX = grow(aX, aCap); aFrom = grow(aFrom, aCap); aTo = grow(aTo, aCap); aFromLane = grow(aFromLane, aCap); aToLane = grow(aToLane, aCap); aCause = grow(aCause, aCap); aIndex = grow(aIndex, aCap); aNext = grow(aNext, aCap);
  };
  const marks: TimeMark[] = [{ x: 0, clock: 0 }];
  let x = 0;
  let clock = 0;
  let running = 0; // the running task (-1: none)
  let mainPreempt = -1;
  let ended = false;

  // The one pass places every task event on the axis and notes, per lane, only how it begins,
  // its events and where another task's run found it running: its segments are replayed from
  // these on first read (laneSegments), so a first paint does that for the lanes it shows only.
  // It runs cold on a first paint: few calls (a new lane only), typed columns, no objects.
  const addLane = (x: number, task: number, name: string, parent: number, site: SourceLoc | null, kind: number, from: number): number => {
    const li = laneInfo.length;
    if (li === cap) {
      cap = cap * 2 + 8;
      lKind = grow(lKind, cap); lX0 = grow(lX0, cap); lFrom = grow(lFrom, cap); lastRun = grow(lastRun, cap);
      head = grow(head, cap); tail = grow(tail, cap); count = grow(count, cap); aHead = grow(aHead, cap); aTail = grow(aTail, cap);
    }
    laneOf.set(task, li);
    if (task >= 0 && task < 1 << 20) { while (byTask.length < task) byTask.push(-1); byTask[task] = li; }
    laneInfo.push({ task, name, parent, site });
    lKind[li] = kind; lX0[li] = x; lFrom[li] = from; lastRun[li] = -1; head[li] = -1; tail[li] = -1; count[li] = 0; aHead[li] = -1; aTail[li] = -1;
    return li;
  };
  const implicitLane = (x: number, task: number) => addLane(x, task, task === 0 ? 'main' : `task#${task}`, -1, null, SK_READY, -1);
  const linkArrow = (li: number) => {
    aNext[na] = -1;
    if (aTail[li] >= 0) aNext[aTail[li]] = na; else aHead[li] = na;
    aTail[li] = na;
    na++;
  };

  addLane(0, 0, 'main', -1, null, SK_RUNNING, -1);
  for (let i = 0; i < trace.length; i++) {
    const e = trace[i];
    let kind: number;
    switch (e.t) {
      case 'task-run': kind = EK_RUN; break;
      case 'task-block': kind = EK_BLOCK; break;
      case 'task-wake': kind = EK_WAKE; break;
      case 'task-spawn': kind = EK_SPAWN; break;
      case 'task-end': kind = EK_END; break;
      case 'task-abandon': kind = EK_ABANDON; break;
      case 'exit': ended = true; continue;
      case 'start': x += 1; continue; // main's first step
      default: continue;
    }
    const te = e as TaskEvent;
    if (te.clock > clock) {
      x += clockGap(te.clock - clock);
      clock = te.clock;
      marks.push({ x, clock });
    }
    const task = te.task;
    let li: number;
    if (kind === EK_SPAWN) {
      const s = e as Extract<TraceEvent, { t: 'task-spawn' }>;
      li = addLane(x, task, s.name || `task#${task}`, s.parent, s.site ?? null, SK_READY, i);
      const pl = s.parent >= 0 && s.parent < 1 << 20 ? byTask[s.parent] : laneOf.get(s.parent);
      if (na === aCap) growArrows();
      aX[na] = x; aFrom[na] = s.parent; aTo[na] = task; aCause[na] = CAUSE_SPAWN; aIndex[na] = i;
      aFromLane[na] = pl ?? -1; aToLane[na] = li;
      linkArrow(li);
    } else {
      const found = task >= 0 && task < 1 << 20 ? byTask[task] : laneOf.get(task);
      li = found !== undefined && found >= 0 ? found : implicitLane(x, task);
      if (kind === EK_RUN) {
        if (running !== task && running >= 0) {
          // the task running so far turns ready here, if it still runs (its replay knows)
          const ri = running < 1 << 20 ? byTask[running] : laneOf.get(running);
          if (ri !== undefined && ri >= 0) {
            if (lastRun[ri] >= 0) preempt[lastRun[ri]] = ne + 1;
            else if (ri === 0) mainPreempt = ne;
          }
        }
        lastRun[li] = ne;
        running = task;
      } else if (kind === EK_WAKE) {
        const w = e as Extract<TraceEvent, { t: 'task-wake' }>;
        const by = w.by ?? -1;
        const bl = by >= 0 ? (by < 1 << 20 ? byTask[by] : laneOf.get(by)) : -1;
        if (na === aCap) growArrows();
        aX[na] = x; aFrom[na] = by; aTo[na] = task; aCause[na] = causeIndex(w.cause); aIndex[na] = i;
        aFromLane[na] = bl ?? -1; aToLane[na] = li;
        linkArrow(li);
      } else if ((kind === EK_BLOCK || kind === EK_END) && running === task) running = -1;
    }
    eIndex[ne] = i; eX[ne] = x; eKind[ne] = kind;
    nextInLane[ne] = -1;
    if (tail[li] >= 0) nextInLane[tail[li]] = ne; else head[li] = ne;
    tail[li] = ne;
    count[li]++;
    ne++;
    x += 1;
  }
  // ended/abandoned lanes keep a tail visible after the last event
  const width = x + (ended ? TAIL : 0);
  const L = laneInfo.length;

  const ev: EventColumns = { count: ne, index: eIndex.subarray(0, ne), x: eX.subarray(0, ne), kind: eKind.subarray(0, ne) };
  const arrowCols: ArrowColumns = { count: na, x: aX.subarray(0, na), from: aFrom.subarray(0, na), to: aTo.subarray(0, na), fromLane: aFromLane.subarray(0, na), toLane: aToLane.subarray(0, na), cause: aCause.subarray(0, na), index: aIndex.subarray(0, na), laneHead: aHead.subarray(0, L), next: aNext.subarray(0, na) };
  const laneStart: LaneStarts = { kind: lKind.subarray(0, L), x0: lX0.subarray(0, L), from: lFrom.subarray(0, L), mainPreempt };

  const tl = {
    laneOf, marks, width: Math.max(width, 1), hasTasks: L > 1,
    ev, laneHead: head.subarray(0, L), laneCount: count.subarray(0, L), nextInLane: nextInLane.subarray(0, ne),
    laneStart, preempt: preempt.subarray(0, ne), lastX: x, arrowCols, trace,
  } as Omit<Timeline, 'lanes' | 'events' | 'arrows'> as Timeline;
  let events: TEvent[] | null = null, arrows: WakeArrow[] | null = null;
  Object.defineProperty(tl, 'events', { enumerable: true, get: () => (events ??= Array.from({ length: ne }, (_, k) => eventAt(tl, k))) });
  Object.defineProperty(tl, 'arrows', { enumerable: true, get: () => (arrows ??= Array.from({ length: na }, (_, k) => arrowAt(arrowCols, k))) });
  tl.lanes = laneInfo.map((info, li) => new LaneView(tl, info, li));
  labelLanes(tl.lanes);
  return tl;
}
type TaskEvent = Extract<TraceEvent, { t: 'task-run' | 'task-block' | 'task-wake' | 'task-spawn' | 'task-end' | 'task-abandon' }>;

function causeIndex(cause: WakeCause | undefined): number {
  switch (cause) {
    case 'send': return CAUSE_SEND;
    case 'recv': return CAUSE_RECV;
    case 'timer': return CAUSE_TIMER;
    default: return CAUSE_COMPLETE;
  }
}

/**
 * Lane li's segments: its states replayed from how it begins, its own events and the run events
 * of other tasks that found it running (tl.preempt), in trace order; a state change closes the
 * open segment (a block on another site too), and the last one ends at the tail when the task
 * ended or was abandoned, else after the last event. Made once per lane and kept.
 */
export function laneSegments(tl: Timeline, li: number): SegmentColumns {
  let cache = segCaches.get(tl);
  if (!cache) { cache = []; segCaches.set(tl, cache); }
  const hit = cache[li];
  if (hit) return hit;
  const { nextInLane, trace, preempt } = tl;
  const evX = tl.ev.x, evIndex = tl.ev.index, evKind = tl.ev.kind;
  // each event and each preemption closes at most one segment, plus the last one
  const cap = 2 * tl.laneCount[li] + 2;
  const kind = new Uint8Array(cap), x0 = new Float64Array(cap), x1 = new Float64Array(cap), from = new Int32Array(cap);
  let n = 0;
  // the open segment; a state change closes it when it has a length
  let oKind = tl.laneStart.kind[li], oX0 = tl.laneStart.x0[li], oFrom = tl.laneStart.from[li];
  let oSite: SourceLoc | null = oFrom >= 0 ? eventSiteOf(trace[oFrom]) : null;
  let pending = li === 0 ? tl.laneStart.mainPreempt : -1; // a run event that finds this lane running
  // (one loop, no helper calls: a first paint runs it cold over main's ~10^5 events)
  let k = tl.laneHead[li];
  for (;;) {
    let x: number, nk: number, site: SourceLoc | null = null, f: number;
    if (pending >= 0 && (k < 0 || pending < k)) {
      // another task's run finds this lane running: it turns ready there (this lane's k is next)
      x = evX[pending]; nk = SK_READY; f = evIndex[pending];
      pending = -1;
      if (oKind !== SK_RUNNING) continue; // (woken or abandoned since it ran)
    } else {
      if (k < 0) break;
      x = evX[k]; f = evIndex[k];
      const ek = evKind[k];
      if (ek === EK_RUN) { nk = SK_RUNNING; pending = preempt[k] - 1; }
      else if (ek === EK_BLOCK) {
        const e = trace[f] as Extract<TraceEvent, { t: 'task-block' }>;
        nk = BLOCK_KINDS.includes(e.on) ? SK[e.on] : SK.await;
        site = e.site ?? null;
      } else if (ek === EK_WAKE) nk = SK_READY;
      else if (ek === EK_END) nk = SK_ENDED;
      else if (ek === EK_ABANDON) nk = SK_ABANDONED;
      else nk = -1; // a spawn: the lane's beginning (laneStart)
      k = nextInLane[k];
      if (nk < 0) continue;
    }
    if (oKind === nk && oSite === site) continue;
    if (x > oX0) { kind[n] = oKind; x0[n] = oX0; x1[n] = x; from[n] = oFrom; n++; }
    oKind = nk; oX0 = x; oSite = site; oFrom = f;
  }
  const end = oKind === SK_ENDED || oKind === SK_ABANDONED ? tl.width : tl.lastX;
  if (end > oX0) { kind[n] = oKind; x0[n] = oX0; x1[n] = end; from[n] = oFrom; n++; }
  return (cache[li] = { count: n, kind: kind.subarray(0, n), x0: x0.subarray(0, n), x1: x1.subarray(0, n), from: from.subarray(0, n) });
}
const segCaches = new WeakMap<Timeline, SegmentColumns[]>();

/** The site a task event carries (a spawn's or a block's; the segment it begins shows it too). */
function eventSiteOf(t: TraceEvent): SourceLoc | null {
  return t.t === 'task-spawn' || t.t === 'task-block' ? t.site ?? null : null;
}

/** Task event `k` (its ordinal in trace order) as an object; the same object on every call. */
export function eventAt(tl: Timeline, k: number): TEvent {
  const cache = eventCache(tl);
  let e = cache.get(k);
  if (!e) {
    const c = tl.ev;
    const t = tl.trace[c.index[k]];
    const detail = t.t === 'task-spawn' ? t.name : t.t === 'task-block' ? t.on : t.t === 'task-wake' ? t.cause ?? '' : '';
    const task = 'task' in t ? t.task : 0, by = t.t === 'task-wake' ? t.by ?? -1 : -1;
    e = { index: c.index[k], step: k, x: c.x[k], task, kind: EVENT_KINDS[c.kind[k]], clock: clockAt(tl, c.x[k]), site: eventSiteOf(t), detail, by };
    cache.set(k, e);
  }
  return e;
}
const eventCaches = new WeakMap<Timeline, Map<number, TEvent>>();
function eventCache(tl: Timeline): Map<number, TEvent> {
  let m = eventCaches.get(tl);
  if (!m) { m = new Map(); eventCaches.set(tl, m); }
  return m;
}

function arrowAt(a: ArrowColumns, k: number): WakeArrow {
  return { from: a.from[k], to: a.to[k], x: a.x[k], cause: ARROW_CAUSES[a.cause[k]], index: a.index[k], fromLane: a.fromLane[k], toLane: a.toLane[k] };
}

/** A lane whose segment and event objects are made on first read (getters on the prototype: a
 *  plain, fast object per lane even for 10,000 lanes). */
class LaneView implements Lane {
  task: number; name: string; label: string; parent: number; site: SourceLoc | null;
  private segs: Segment[] | null = null;
  private evs: TEvent[] | null = null;
  constructor(private tl: Timeline, info: { task: number; name: string; parent: number; site: SourceLoc | null }, private li: number) {
    this.task = info.task; this.name = info.name; this.label = info.name; this.parent = info.parent; this.site = info.site;
  }
  get segments(): Segment[] {
    if (this.segs) return this.segs;
    const { tl, li } = this, s = laneSegments(tl, li), out: Segment[] = [];
    for (let j = 0; j < s.count; j++) out.push({ kind: SEG_KINDS[s.kind[j]], x0: s.x0[j], x1: s.x1[j], site: s.from[j] >= 0 ? eventSiteOf(tl.trace[s.from[j]]) : null, from: s.from[j] });
    return (this.segs = out);
  }
  get events(): TEvent[] {
    if (this.evs) return this.evs;
    const { tl, li } = this, out: TEvent[] = [];
    for (let k = tl.laneHead[li]; k >= 0; k = tl.nextInLane[k]) out.push(eventAt(tl, k));
    return (this.evs = out);
  }
}

/** How many events lane li has. */
export const laneEventCount = (tl: Timeline, li: number) => tl.laneCount[li];

/** The kind of lane li's last segment (its state at the end), or null. */
export function lastSegmentKind(tl: Timeline, li: number): SegKind | null {
  const s = laneSegments(tl, li);
  return s.count ? SEG_KINDS[s.kind[s.count - 1]] : null;
}

/** `name (file:line)`, numbered `name#k` in spawn order when several tasks share a name. */
function labelLanes(lanes: Lane[]): void {
  const count = new Map<string, number>();
  for (const l of lanes) count.set(l.name, (count.get(l.name) ?? 0) + 1);
  const seen = new Map<string, number>();
  for (const l of lanes) {
    if (l.task === 0) { l.label = 'main'; continue; }
    const k = (seen.get(l.name) ?? 0) + 1;
    seen.set(l.name, k);
    const num = (count.get(l.name) ?? 0) > 1 ? `#${k}` : '';
    const at = siteText(l.site);
    l.label = `${l.name}${num}${at ? ` (${at})` : ''}`;
  }
}

// ------------------------------------------------------------------ queries (binary searches)

/** Ordinal of the last task event before trace position `position` (events [0, position)), -1. */
export function eventOrdinalBefore(tl: Timeline, position: number): number {
  const ix = tl.ev.index;
  let lo = 0, hi = tl.ev.count; // first event with index >= position
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (ix[m] < position) lo = m + 1; else hi = m;
  }
  return lo - 1;
}

/** The last task event that happened before trace position `position` (events [0, position)). */
export function eventBefore(tl: Timeline, position: number): TEvent | null {
  const k = eventOrdinalBefore(tl, position);
  return k >= 0 ? eventAt(tl, k) : null;
}

/** The cursor's x for a trace position: just after the last task event that happened. */
export function cursorX(tl: Timeline, position: number, traceLength: number): number {
  if (position >= traceLength) return tl.width;
  const k = eventOrdinalBefore(tl, position);
  return k >= 0 ? tl.ev.x[k] + 0.5 : 0;
}

/** Index (into laneSegments(tl, li)) of lane li's first segment that ends after x. */
export function firstLaneSegmentAfter(tl: Timeline, li: number, x: number): number {
  const x1 = laneSegments(tl, li).x1;
  let lo = 0, hi = x1.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (x1[m] <= x) lo = m + 1; else hi = m;
  }
  return lo;
}

/** Index of the first segment of `segs` that ends after x (segments are sorted and disjoint). */
export function firstSegmentAfter(segs: readonly Segment[], x: number): number {
  let lo = 0, hi = segs.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (segs[m].x1 <= x) lo = m + 1; else hi = m;
  }
  return lo;
}

export function segmentAt(lane: Lane, x: number): Segment | null {
  const i = firstSegmentAfter(lane.segments, x);
  const s = lane.segments[i];
  return s && s.x0 <= x ? s : null;
}

/** The lane's event nearest to x (null when it has none). */
export function nearestEvent(lane: Lane, x: number): TEvent | null {
  const ev = lane.events;
  if (!ev.length) return null;
  let lo = 0, hi = ev.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (ev[m].x < x) lo = m + 1; else hi = m;
  }
  if (lo === 0) return ev[0];
  if (lo === ev.length) return ev[ev.length - 1];
  return x - ev[lo - 1].x <= ev[lo].x - x ? ev[lo - 1] : ev[lo];
}

/** The virtual time at x (the last mark at or before it). */
export function clockAt(tl: Timeline, x: number): number {
  const ms = tl.marks;
  let lo = 0, hi = ms.length; // first mark after x
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (ms[m].x <= x) lo = m + 1; else hi = m;
  }
  return lo > 0 ? ms[lo - 1].clock : 0;
}

export const KIND_LABEL: Record<SegKind, string> = {
  running: 'running', ready: 'ready', await: 'blocked: await', recv: 'blocked: recv', send: 'blocked: send',
  sleep: 'blocked: sleep', join: 'blocked: join', lock: 'blocked: lock', ended: 'ended', abandoned: 'abandoned at exit',
};

/** What a task event was, in words (tooltips and the screen-reader line). */
export function describeEvent(tl: Timeline, e: TEvent): string {
  const who = tl.lanes[tl.laneOf.get(e.task) ?? 0]?.label ?? `task ${e.task}`;
  const at = e.site ? ` at line ${e.site.line}` : '';
  switch (e.kind) {
    case 'spawn': return `${who} spawned${at}`;
    case 'run': return `${who} runs`;
    case 'block': return `${who} blocked on ${e.detail}${at}`;
    case 'wake': return `${who} woken${e.detail ? ` (${e.detail}${e.by >= 0 ? ` by task ${e.by}` : ''})` : ''}`;
    case 'end': return `${who} ended`;
    case 'abandon': return `${who} abandoned at exit`;
  }
}

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
  segments: Segment[];
  events: TEvent[];
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

export interface Timeline {
  lanes: Lane[];
  laneOf: Map<number, number>; // task id -> lane index
  arrows: WakeArrow[];
  marks: TimeMark[];
  width: number; // axis length in units (ended/abandoned tails included)
  /** Every task event in trace order (the ← → keys and the cursor walk these). */
  events: TEvent[];
  /** True when the trace has a task other than main. */
  hasTasks: boolean;
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

export function buildTimeline(trace: readonly TraceEvent[]): Timeline {
  const lanes: Lane[] = [];
  const laneOf = new Map<number, number>();
  // each lane's open segment, as parallel arrays (one pass over up to 10^6 events: no garbage)
  const oKind: SegKind[] = [], oX0: number[] = [], oSite: (SourceLoc | null)[] = [], oFrom: number[] = [];
  const arrows: WakeArrow[] = [];
  const marks: TimeMark[] = [{ x: 0, clock: 0 }];
  const events: TEvent[] = [];
  let x = 0;
  let clock = 0;
  let running = 0;
  let ended = false;

  const addLane = (task: number, name: string, parent: number, site: SourceLoc | null, kind: SegKind, from: number) => {
    laneOf.set(task, lanes.length);
    lanes.push({ task, name, label: name, parent, site, segments: [], events: [] });
    oKind.push(kind); oX0.push(x); oSite.push(site); oFrom.push(from);
  };
  const lane = (task: number): number => {
    const i = laneOf.get(task);
    if (i !== undefined) return i;
    addLane(task, task === 0 ? 'main' : `task#${task}`, -1, null, 'ready', -1);
    return lanes.length - 1;
  };
  const setState = (li: number, kind: SegKind, site: SourceLoc | null, from: number) => {
    if (oKind[li] === kind && oSite[li] === site) return;
    if (x > oX0[li]) lanes[li].segments.push({ kind: oKind[li], x0: oX0[li], x1: x, site: oSite[li], from: oFrom[li] });
    oKind[li] = kind; oX0[li] = x; oSite[li] = site; oFrom[li] = from;
  };

  addLane(0, 'main', -1, null, 'running', -1);
  for (let i = 0; i < trace.length; i++) {
    const e = trace[i];
    const t = e.t;
    if (t === 'exit') { ended = true; continue; }
    if (t === 'start') { x += 1; continue; } // main's first step
    if (t !== 'task-run' && t !== 'task-block' && t !== 'task-wake' && t !== 'task-spawn' && t !== 'task-end' && t !== 'task-abandon') continue;
    if (e.clock > clock) {
      x += clockGap(e.clock - clock);
      clock = e.clock;
      marks.push({ x, clock });
    }
    let site: SourceLoc | null = null;
    let detail = '';
    let by = -1;
    let kind: TaskEventKind;
    switch (e.t) {
      case 'task-spawn': {
        kind = 'spawn';
        site = e.site ?? null;
        detail = e.name;
        addLane(e.task, e.name || `task#${e.task}`, e.parent, site, 'ready', i);
        arrows.push({ from: e.parent, to: e.task, x, cause: 'spawn', index: i, fromLane: laneOf.get(e.parent) ?? -1, toLane: lanes.length - 1 });
        break;
      }
      case 'task-run': {
        kind = 'run';
        const li = lane(e.task);
        const ri = running !== e.task ? laneOf.get(running) : undefined;
        if (ri !== undefined && oKind[ri] === 'running') setState(ri, 'ready', null, i);
        setState(li, 'running', null, i);
        running = e.task;
        break;
      }
      case 'task-block': {
        kind = 'block';
        site = e.site ?? null;
        detail = e.on;
        setState(lane(e.task), BLOCK_KINDS.includes(e.on) ? e.on : 'await', site, i);
        if (running === e.task) running = -1;
        break;
      }
      case 'task-wake': {
        kind = 'wake';
        detail = e.cause ?? '';
        by = e.by ?? -1;
        const li = lane(e.task);
        setState(li, 'ready', null, i);
        arrows.push({ from: by, to: e.task, x, cause: e.cause ?? 'complete', index: i, fromLane: by >= 0 ? laneOf.get(by) ?? -1 : -1, toLane: li });
        break;
      }
      case 'task-end':
        kind = 'end';
        setState(lane(e.task), 'ended', null, i);
        if (running === e.task) running = -1;
        break;
      case 'task-abandon':
        kind = 'abandon';
        setState(lane(e.task), 'abandoned', null, i);
        break;
      default:
        continue;
    }
    const ev: TEvent = { index: i, step: events.length, x, task: e.task, kind, clock, site, detail, by };
    events.push(ev);
    lanes[laneOf.get(e.task)!].events.push(ev);
    x += 1;
  }
  // Close every lane: the tails of ended/abandoned lanes stay visible after the last event.
  const width = x + (ended ? TAIL : 0);
  for (let li = 0; li < lanes.length; li++) {
    const end = oKind[li] === 'ended' || oKind[li] === 'abandoned' ? width : x;
    if (end > oX0[li]) lanes[li].segments.push({ kind: oKind[li], x0: oX0[li], x1: end, site: oSite[li], from: oFrom[li] });
  }
  labelLanes(lanes);
  return { lanes, laneOf, arrows, marks, width: Math.max(width, 1), events, hasTasks: lanes.length > 1 };
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

/** The last task event that happened before trace position `position` (events [0, position)). */
export function eventBefore(tl: Timeline, position: number): TEvent | null {
  const ev = tl.events;
  let lo = 0, hi = ev.length; // first event with index >= position
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (ev[m].index < position) lo = m + 1; else hi = m;
  }
  return lo > 0 ? ev[lo - 1] : null;
}

/** The cursor's x for a trace position: just after the last task event that happened. */
export function cursorX(tl: Timeline, position: number, traceLength: number): number {
  if (position >= traceLength) return tl.width;
  const e = eventBefore(tl, position);
  return e ? e.x + 0.5 : 0;
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

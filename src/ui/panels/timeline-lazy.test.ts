// The timeline builds a lane's segments on first read (laneSegments: replayed from the lane's own
// events and the run events that found it running). These tests check that this equals the
// straightforward computation: one replay of the whole trace keeping every lane's open segment
// (what buildTimeline did before), on lessons, on random traces and whatever order lanes are read in.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execute } from '../../pipeline/execute';
import type { BlockKind, SourceLoc, TraceEvent, WakeCause } from '../../runtime/api';
import { buildTimeline, clockGap, laneSegments, lastSegmentKind, SEG_KINDS, TAIL, BLOCK_KINDS, type SegKind } from './timeline-model';

interface RefSeg { kind: SegKind; x0: number; x1: number; from: number; site: SourceLoc | null }

/** Every lane's segments by one replay of the trace, each lane's open segment kept as an object. */
function reference(trace: readonly TraceEvent[]): { task: number; segs: RefSeg[] }[] {
  const lanes: { task: number; segs: RefSeg[]; open: RefSeg }[] = [];
  const laneOf = new Map<number, number>();
  let x = 0, clock = 0, running = 0, ended = false;
  const add = (task: number, kind: SegKind, site: SourceLoc | null, from: number) => {
    laneOf.set(task, lanes.length);
    lanes.push({ task, segs: [], open: { kind, x0: x, x1: x, from, site } });
  };
  const lane = (task: number) => {
    if (!laneOf.has(task)) add(task, 'ready', null, -1);
    return lanes[laneOf.get(task)!];
  };
  const set = (l: (typeof lanes)[number], kind: SegKind, site: SourceLoc | null, from: number) => {
    if (l.open.kind === kind && l.open.site === site) return;
    if (x > l.open.x0) l.segs.push({ ...l.open, x1: x });
    l.open = { kind, x0: x, x1: x, from, site };
  };
  add(0, 'running', null, -1);
  trace.forEach((e, i) => {
    if (e.t === 'exit') { ended = true; return; }
    if (e.t === 'start') { x += 1; return; }
    if (!e.t.startsWith('task-')) return;
    const c = (e as { clock: number }).clock;
    if (c > clock) { x += clockGap(c - clock); clock = c; }
    switch (e.t) {
      case 'task-spawn': add(e.task, 'ready', e.site ?? null, i); break;
      case 'task-run': {
        const l = lane(e.task);
        if (running !== e.task && laneOf.has(running) && lanes[laneOf.get(running)!].open.kind === 'running') set(lanes[laneOf.get(running)!], 'ready', null, i);
        set(l, 'running', null, i);
        running = e.task;
        break;
      }
      case 'task-block':
        set(lane(e.task), BLOCK_KINDS.includes(e.on) ? e.on : 'await', e.site ?? null, i);
        if (running === e.task) running = -1;
        break;
      case 'task-wake': set(lane(e.task), 'ready', null, i); break;
      case 'task-end':
        set(lane(e.task), 'ended', null, i);
        if (running === e.task) running = -1;
        break;
      case 'task-abandon': set(lane(e.task), 'abandoned', null, i); break;
    }
    x += 1;
  });
  const width = x + (ended ? TAIL : 0);
  return lanes.map((l) => {
    const end = l.open.kind === 'ended' || l.open.kind === 'abandoned' ? width : x;
    return { task: l.task, segs: end > l.open.x0 ? [...l.segs, { ...l.open, x1: end }] : l.segs };
  });
}

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random traces with what real ones rarely have too: tasks never spawned, a task id spawned
 *  twice, runs of the running task, wakes of running tasks, blocks of another kind or site, ends
 *  and abandons anywhere, huge task ids, clocks that stand still or go back, no exit. */
function randomTrace(seed: number, n: number): TraceEvent[] {
  const r = rng(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const sites: (SourceLoc | null | undefined)[] = [null, undefined, { file: 'main.vx', line: 3, col: 1 }, { file: 'main.vx', line: 7, col: 2 }];
  const ids = [0, 1, 2, 3, 4, 5, 2 ** 21];
  const kinds: BlockKind[] = ['await', 'recv', 'send', 'sleep', 'join', 'lock', 'bogus' as BlockKind];
  const causes: (WakeCause | undefined)[] = ['send', 'recv', 'timer', 'complete', undefined];
  const tr: TraceEvent[] = r() < 0.5 ? [{ t: 'start', version: 2, options: {} } as unknown as TraceEvent] : [];
  let clock = 0;
  for (let k = 0; k < n; k++) {
    if (r() < 0.2) clock += Math.floor(r() * 50);
    else if (r() < 0.05) clock = Math.max(0, clock - 5);
    const task = pick(ids);
    switch (Math.floor(r() * 8)) {
      case 0: tr.push({ t: 'task-spawn', task, parent: pick(ids), name: pick(['a', 'b', '']), stackSize: 1, clock, site: pick(sites) }); break;
      case 1: case 2: tr.push({ t: 'task-run', task, clock }); break;
      case 3: tr.push({ t: 'task-block', task, on: pick(kinds), clock, site: pick(sites) }); break;
      case 4: tr.push({ t: 'task-wake', task, clock, by: pick([-1, undefined, ...ids]), cause: pick(causes) }); break;
      case 5: tr.push({ t: r() < 0.5 ? 'task-end' : 'task-abandon', task, clock }); break;
      case 6: tr.push({ t: 'output', stream: 'stdout', text: 'x' }); break;
      default: tr.push({ t: 'task-run', task: pick([0, task]), clock });
    }
  }
  if (r() < 0.7) tr.push({ t: 'exit', outcome: { kind: 'exited', code: 0 }, steps: n });
  return tr;
}

function expectSameAsReference(trace: readonly TraceEvent[], order: 'forward' | 'backward' = 'forward') {
  const tl = buildTimeline(trace);
  const want = reference(trace);
  expect(tl.lanes.map((l) => l.task)).toEqual(want.map((l) => l.task));
  // each event's lane, straightforwardly: a spawn begins a lane, so does a task's first event
  const eventLanes: number[] = [];
  const cur = new Map<number, number>([[0, 0]]);
  let lanes = 1;
  for (const e of tl.events) {
    if (e.kind === 'spawn' || !cur.has(e.task)) cur.set(e.task, lanes++);
    eventLanes.push(cur.get(e.task)!);
  }
  expect(lanes).toBe(tl.lanes.length);
  const lis = want.map((_, li) => li);
  if (order === 'backward') lis.reverse();
  for (const li of lis) {
    const got = tl.lanes[li].segments.map((s) => ({ kind: s.kind, x0: s.x0, x1: s.x1, from: s.from, site: s.site }));
    expect(got, `lane ${li} (task ${want[li].task})`).toEqual(want[li].segs);
    expect(lastSegmentKind(tl, li)).toBe(want[li].segs.at(-1)?.kind ?? null);
    // the lane's event and arrow lists: the run's events and arrows of this lane, in order
    expect(tl.lanes[li].events).toEqual(tl.events.filter((_, k) => eventLanes[k] === li));
    const arrows: number[] = [];
    for (let k = tl.arrowCols.laneHead[li]; k >= 0; k = tl.arrowCols.next[k]) arrows.push(k);
    expect(arrows).toEqual(tl.arrows.flatMap((a, k) => (a.toLane === li ? [k] : [])));
  }
  // arrows are in x order (drawing sorts the visible ones by index)
  tl.arrows.forEach((a, k) => { if (k) expect(a.x).toBeGreaterThanOrEqual(tl.arrows[k - 1].x); });
  return tl;
}

const lesson = (id: string) => readFileSync(join(__dirname, '../examples', `${id}.vx`), 'utf8');

describe('timeline lanes built on first read', () => {
  it('equal the whole-trace replay on the task lessons', () => {
    for (const id of ['tasks', 'async']) {
      const ex = execute([{ name: 'main.vx', text: lesson(id) }]);
      expect(ex.result).toBeTruthy();
      expectSameAsReference(ex.result!.trace);
    }
  });

  it('equal the whole-trace replay on 400 random traces, lanes read in either order', () => {
    for (let seed = 1; seed <= 400; seed++) expectSameAsReference(randomTrace(seed, 5 + (seed % 120)), seed % 2 ? 'forward' : 'backward');
  });

  it('equal it on a busy trace: preemptions, 2,000 tasks, 40,000 events', () => {
    const trace: TraceEvent[] = [];
    const T = 2000;
    for (let k = 1; k <= T; k++) trace.push({ t: 'task-spawn', task: k, parent: 0, name: k % 2 ? 'worker' : 'producer', stackSize: 1, clock: 0 }, { t: 'task-run', task: k, clock: 0 }, { t: 'task-block', task: k, on: k % 3 ? 'recv' : 'sleep', clock: 0 }, { t: 'task-run', task: 0, clock: 0 });
    let clock = 0;
    for (let i = 0; trace.length < 40_000; i++) {
      const k = 1 + ((i * 7919) % T);
      if (i % 50 === 0) clock += 1 + (i % 13);
      trace.push({ t: 'task-wake', task: k, clock, by: i % 4 ? 0 : -1, cause: i % 4 ? 'send' : 'timer' }, { t: 'task-run', task: k, clock });
      if (i % 7 === 0) trace.push({ t: 'task-run', task: 0, clock }); // main preempts it
      trace.push({ t: 'task-block', task: k, on: (['recv', 'send', 'sleep', 'await'] as const)[i % 4], clock }, { t: 'task-run', task: 0, clock });
    }
    trace.push({ t: 'task-end', task: 0, clock }, { t: 'exit', outcome: { kind: 'exited', code: 0 }, steps: 1 });
    expectSameAsReference(trace, 'backward');
  });

  it('are made once per lane and kept', () => {
    const tl = buildTimeline(randomTrace(7, 200));
    const a = laneSegments(tl, 0);
    expect(laneSegments(tl, 0)).toBe(a);
    expect(tl.lanes[0].segments).toBe(tl.lanes[0].segments);
    expect([...a.kind].every((k) => k < SEG_KINDS.length)).toBe(true);
  });
});

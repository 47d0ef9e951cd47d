// The Task timeline's model on real runs (compile + run, as the worker does) and on hand-made
// traces: lanes and their names, segments, wake arrows, the run-order axis, cursor queries.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execute } from '../../pipeline/execute';
import type { TraceEvent } from '../../runtime/api';
import { buildTimeline, cursorX, eventBefore, nearestEvent, segmentAt, describeEvent, clockAt, TAIL, type Lane } from './timeline-model';

const lesson = (id: string) => readFileSync(join(__dirname, '../examples', `${id}.vx`), 'utf8');
function traceOf(src: string): TraceEvent[] {
  const ex = execute([{ name: 'main.vx', text: src }]);
  if (!ex.result) throw new Error('compile failed');
  return ex.result.trace;
}
const kinds = (l: Lane) => l.segments.map((s) => s.kind);
/** 1-based line of the first line containing `needle` (lessons' comments may move code). */
const lineOf = (src: string, needle: string) => src.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('timeline model', () => {
  it('go + channels at one virtual time: every event its own step, never collapsed', () => {
    const src = lesson('tasks');
    const tl = buildTimeline(traceOf(src));
    expect(tl.lanes.map((l) => l.label)).toEqual(['main', `go block (main.vx:${lineOf(src, 'go {')})`]);
    const clocks = new Set(tl.events.map((e) => e.clock));
    expect([...clocks]).toEqual([0]); // all at t=0 ...
    const xs = tl.events.map((e) => e.x);
    for (let i = 1; i < xs.length; i++) expect(xs[i]).toBe(xs[i - 1] + 1); // ... one step apart
    expect(tl.marks).toEqual([{ x: 0, clock: 0 }]);
    const [main, worker] = tl.lanes;
    // main runs, is ready while the worker runs, blocks on send/recv, and ends
    expect(kinds(main)[0]).toBe('running');
    expect(kinds(main)).toContain('ready');
    expect(kinds(main)).toContain('recv');
    expect(kinds(main).at(-1)).toBe('ended');
    expect(main.segments.at(-1)!.x1).toBe(tl.width);
    expect(kinds(worker)).toContain('recv');
    expect(kinds(worker).at(-1)).toBe('ended');
    // the worker blocks at `let n = <-jobs;`
    expect(worker.segments.find((s) => s.kind === 'recv')!.site!.line).toBe(lineOf(src, '<-jobs'));
    // wake arrows: main's send wakes the worker's recv, and the other way round
    expect(tl.arrows.some((a) => a.from === 0 && a.to === 1 && a.cause === 'send')).toBe(true);
    expect(tl.arrows.some((a) => a.from === 1 && a.to === 0 && a.cause === 'send')).toBe(true);
    expect(tl.arrows[0]).toMatchObject({ from: 0, to: 1, cause: 'spawn' });
    // segments of a lane are sorted and disjoint; a task is running in at most one lane at a time
    for (const l of tl.lanes) for (let i = 1; i < l.segments.length; i++) expect(l.segments[i].x0).toBeGreaterThanOrEqual(l.segments[i - 1].x1);
    for (let x = 0.5; x < tl.width; x += 1) {
      const running = tl.lanes.filter((l) => segmentAt(l, x)?.kind === 'running');
      expect(running.length).toBeLessThanOrEqual(1);
    }
  });

  it('async lesson: numbered repeated names, sleep/await/join kinds, timer and completion arrows, time marks', () => {
    const src = lesson('async');
    const tl = buildTimeline(traceOf(src));
    const [b, s1, s2] = [lineOf(src, 'let f = both()'), lineOf(src, 'step("slow"'), lineOf(src, 'step("fast"')];
    expect(tl.lanes.map((l) => l.label)).toEqual(['main', `both (main.vx:${b})`, `step#1 (main.vx:${s1})`, `step#2 (main.vx:${s2})`]);
    const [main, both, slow, fast] = tl.lanes;
    expect(kinds(slow)).toContain('sleep');
    expect(kinds(both)).toContain('await');
    expect(kinds(main)).toContain('join');
    expect(tl.arrows.filter((a) => a.cause === 'timer').map((a) => a.to)).toEqual([fast.task, slow.task]);
    expect(tl.arrows.some((a) => a.cause === 'complete' && a.from === slow.task && a.to === both.task)).toBe(true);
    expect(tl.marks.map((m) => m.clock)).toEqual([0, 10, 30]);
    // virtual time advances: a wider gap for 20 ms than for 10 ms, and x grows monotonically
    const [m0, m1, m2] = tl.marks;
    expect(m2.x - m1.x).toBeGreaterThan(0);
    expect(m1.x).toBeGreaterThan(m0.x);
    expect(clockAt(tl, m2.x + 0.1)).toBe(30);
    expect(kinds(main).at(-1)).toBe('ended');
    expect(describeEvent(tl, slow.events.find((e) => e.kind === 'block')!)).toBe(`step#1 (main.vx:${s1}) blocked on sleep at line ${lineOf(src, 'await sleep')}`);
  });

  it('abandoned tasks get their own tail; the cursor follows the trace position', () => {
    const trace = traceOf(`fn main() {
    let! ch: Channel<i32> = Channel(0);
    go { let z = <-ch; };
    println("bye");
}
`);
    const tl = buildTimeline(trace);
    const task = tl.lanes[1];
    expect(kinds(task)).toEqual(['ready', 'running', 'recv', 'abandoned']);
    expect(task.segments.at(-1)!.x1).toBe(tl.width);
    expect(tl.width - tl.events.at(-1)!.x).toBe(TAIL + 1);
    // cursor: before any task event, after the block, at the end
    const blockIdx = trace.findIndex((e) => e.t === 'task-block');
    expect(cursorX(tl, 0, trace.length)).toBe(0);
    expect(eventBefore(tl, blockIdx + 1)!.kind).toBe('block');
    expect(cursorX(tl, blockIdx + 1, trace.length)).toBe(eventBefore(tl, blockIdx + 1)!.x + 0.5);
    expect(cursorX(tl, trace.length, trace.length)).toBe(tl.width);
    const run = task.events.find((e) => e.kind === 'run')!;
    expect(nearestEvent(task, run.x + 0.2)).toBe(run);
  });

  it('a trace without task events is main alone, running then ended', () => {
    const tl = buildTimeline([
      { t: 'start', version: 2, options: { stackSize: 1, heapLimit: 1, panic: 'unwind', fuel: 0, traceCalls: false } },
      { t: 'task-end', task: 0, clock: 0 },
      { t: 'exit', outcome: { kind: 'exited', code: 0 }, steps: 1 },
    ]);
    expect(tl.hasTasks).toBe(false);
    expect(kinds(tl.lanes[0])).toEqual(['running', 'ended']);
  });

  it('10,000 tasks and 150,000 events: one lane each, every event placed', () => {
    const trace: TraceEvent[] = [];
    for (let t = 1; t <= 10_000; t++) trace.push({ t: 'task-spawn', task: t, parent: 0, name: 'w', stackSize: 1, clock: 0 }, { t: 'task-run', task: t, clock: 0 }, { t: 'task-block', task: t, on: 'sleep', clock: 0 });
    let c = 0;
    while (trace.length < 150_000) {
      const t = 1 + (trace.length % 10_000);
      c += trace.length % 7 === 0 ? 1 : 0;
      trace.push({ t: 'task-wake', task: t, clock: c, by: -1, cause: 'timer' }, { t: 'task-run', task: t, clock: c }, { t: 'task-block', task: t, on: 'sleep', clock: c });
    }
    const tl = buildTimeline(trace);
    expect(tl.lanes).toHaveLength(10_001);
    expect(tl.events.length).toBe(trace.length);
    expect(tl.lanes[7].label).toBe('w#7');
  });

  it('more segments than task events (each switch closes two): the columns grow, nothing lost', () => {
    // main and one task take turns: every task-run closes the runner's segment and the other
    // lane's, so the segment columns (sized from the count of task events) must grow
    const trace: TraceEvent[] = [{ t: 'task-spawn', task: 1, parent: 0, name: 'w', stackSize: 1, clock: 0 }];
    const RUNS = 5000;
    for (let k = 0; k < RUNS; k++) trace.push({ t: 'task-run', task: k % 2 ? 0 : 1, clock: 0 });
    const tl = buildTimeline(trace);
    const [main, w] = tl.lanes;
    // the straightforward picture: main runs until the first switch, then the two alternate
    // one step each; the task is ready from its spawn (x = 0) to its first run (x = 1)
    const expectLane = (l: Lane, first: 'running' | 'ready') => {
      expect(l.segments).toHaveLength(RUNS + 1);
      l.segments.forEach((s, k) => {
        expect(s.kind).toBe(k % 2 ? (first === 'running' ? 'ready' : 'running') : first);
        expect([s.x0, s.x1]).toEqual([k === 0 ? 0 : k, k + 1]);
      });
    };
    expectLane(main, 'running');
    expectLane(w, 'ready');
    expect(tl.events).toHaveLength(RUNS + 1);
  });

  it('event objects (task, virtual time, waker) read back from the trace and the axis equal a direct replay', () => {
    const trace = traceOf(lesson('async'));
    const tl = buildTimeline(trace);
    // the straightforward computation: the run's clock is the largest task-event clock so far
    let clock = 0;
    const want: { index: number; task: number; clock: number; by: number }[] = [];
    trace.forEach((e, index) => {
      if (!e.t.startsWith('task-')) return;
      const ev = e as Extract<TraceEvent, { t: 'task-run' }>;
      clock = Math.max(clock, ev.clock);
      want.push({ index, task: ev.task, clock, by: e.t === 'task-wake' ? e.by ?? -1 : -1 });
    });
    expect(new Set(want.map((w) => w.clock)).size).toBeGreaterThan(1); // the lesson's clock advances
    expect(tl.events.map((e) => ({ index: e.index, task: e.task, clock: e.clock, by: e.by }))).toEqual(want);
  });
});

import { describe, expect, it } from 'vitest';
import { collectPanics, panicBadge, panicMarks } from './panics';
import type { PanicInfo, TraceEvent } from '../../runtime/api';

const p = (message: string, unwind: PanicInfo['unwind'] = []): PanicInfo => ({ message, location: { file: 'main.vx', line: 3, col: 5 }, backtrace: [], unwind, task: 0 });

describe('collectPanics', () => {
  it('lists caught panics from the trace and the final one once', () => {
    const final = p('boom', [{ kind: 'leave', fn: 'main' }]);
    const r = collectPanics([{ t: 'panic', info: p('first'), caught: true }, { t: 'panic', info: p('boom'), caught: false }], final);
    expect(r.map((x) => [x.info.message, x.caught])).toEqual([['first', true], ['boom', false]]);
    expect(r[1].info.unwind).toHaveLength(1);
  });
  it('adds the final panic when the trace lacks it', () => {
    expect(collectPanics([], p('x'))).toHaveLength(1);
    expect(collectPanics([], null)).toHaveLength(0);
  });
});

describe('panicMarks and the badge, extended as a trace streams in', () => {
  // the straightforward computation, to compare the incremental one with
  const reference = (trace: TraceEvent[]) => ({
    panics: trace.flatMap((e, i) => (e.t === 'panic' ? [i] : [])),
    overflows: trace.flatMap((e, i) => (e.t === 'stack-overflow' ? [{ index: i, info: e.info }] : [])),
  });
  const badge = (trace: TraceEvent[], final: boolean) => {
    const caught = trace.filter((e) => e.t === 'panic' && e.caught).length;
    return final || trace.some((e) => e.t === 'stack-overflow') ? '!' : caught ? `${caught} caught` : null;
  };
  const overflow: TraceEvent = { t: 'stack-overflow', info: { task: 0, depth: 3, capacity: 4, stackBytes: 1024, frameBytes: 256, frames: [], unrecorded: 0, host: false } };
  const run = (seed: number): TraceEvent[] => Array.from({ length: 400 }, (_, i): TraceEvent =>
    (i * seed) % 37 === 0 ? { t: 'panic', info: p(`p${i}`), caught: (i + seed) % 3 !== 0 }
      : (i * seed) % 101 === 50 ? overflow
        : { t: 'output', stream: 'stdout', text: `${i}\n` });

  it('every published prefix (copies, as the run store publishes them) matches a fresh scan', () => {
    const all = run(7);
    for (let n = 0; n <= all.length; n += 1 + (n % 23)) {
      const shown = all.slice(0, n); // a new array each time, sharing the event objects
      expect(panicMarks(shown)).toEqual(reference(shown));
      expect(panicBadge(shown, false)).toBe(badge(shown, false));
    }
    expect(panicBadge(all, true)).toBe('!');
  });

  it('a new run, a trimmed trace or an edited one is scanned afresh', () => {
    const a = run(7), b = run(11);
    panicMarks(a);
    expect(panicMarks(b)).toEqual(reference(b)); // another run of the same length
    const trimmed = b.slice(50); // the store dropped the oldest events
    expect(panicMarks(trimmed)).toEqual(reference(trimmed));
    const shorter = trimmed.slice(0, 100);
    panicMarks(trimmed);
    expect(panicMarks(shorter)).toEqual(reference(shorter)); // shorter: not an extension
    expect(panicBadge([], false)).toBeNull();
  });
});

import { describe, it, expect } from 'vitest';
import { HeapLog } from './heap-log';
import type { TraceEvent } from '../api';

const out = (text: string): TraceEvent => ({ t: 'output', stream: 'stdout', text });
const loc = (site: number) => (site < 0 ? null : { file: 'f.vx', line: site, col: 1 });

describe('HeapLog', () => {
  it('puts each event before the trace entry that was next when it happened, in order', () => {
    const log = new HeapLog();
    log.alloc(0, 100, 8, 8, 'system', 3, 0); // before anything
    log.free(1, 100, 8, 'system', -1, 0); // between entries 0 and 1
    log.realloc(1, 200, 300, 16, 32, 4, 1); // same place: after the free
    log.alloc(2, 400, 24, 8, 'arena', 5, 2); // after the last entry
    const merged = log.mergeInto([out('a'), out('b')], loc);
    expect(merged).toEqual([
      { t: 'alloc', addr: 100, size: 8, align: 8, allocator: 'system', site: { file: 'f.vx', line: 3, col: 1 }, task: 0 },
      out('a'),
      { t: 'free', addr: 100, size: 8, allocator: 'system', site: null, task: 0 },
      { t: 'realloc', from: 200, to: 300, oldSize: 16, size: 32, site: { file: 'f.vx', line: 4, col: 1 }, task: 1 },
      out('b'),
      { t: 'alloc', addr: 400, size: 24, align: 8, allocator: 'arena', site: { file: 'f.vx', line: 5, col: 1 }, task: 2 },
    ]);
  });

  it('grows past its first capacity and keeps every event', () => {
    const log = new HeapLog();
    for (let i = 0; i < 5000; i++) log.alloc(i, 16 * i, 8, 8, 'system', i, 0);
    const trace = Array.from({ length: 5000 }, (_, i) => out(String(i)));
    const merged = log.mergeInto(trace, loc);
    expect(merged.length).toBe(10_000);
    expect(merged[8000]).toMatchObject({ t: 'alloc', addr: 16 * 4000 });
    expect(merged[8001]).toEqual(out('4000'));
  });

  it('returns the trace itself when nothing was logged', () => {
    const t = [out('x')];
    expect(new HeapLog().mergeInto(t, loc)).toBe(t);
  });

  it('keeps addresses above 2^31 (a Vex Allocator may return any pointer)', () => {
    const log = new HeapLog();
    log.alloc(0, 3_000_004_096, 16, 16, 'Fake', 1, 0);
    log.realloc(0, 3_000_004_096, 2 ** 40, 16, 32, 1, 0);
    expect(log.mergeInto([], loc)).toEqual([
      expect.objectContaining({ t: 'alloc', addr: 3_000_004_096 }),
      expect.objectContaining({ t: 'realloc', from: 3_000_004_096, to: 2 ** 40 }),
    ]);
  });
});

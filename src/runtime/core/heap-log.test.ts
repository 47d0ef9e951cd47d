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

  it('box() gives back what alloc/free of an 8-byte system block give (same fields, same order), across chunks', () => {
    // two logs with the same events, Boxes by box() on one, by alloc/free on the other, with other
    // allocators' events and the trace entries between them
    const a = new HeapLog(), b = new HeapLog();
    let pos = 0;
    for (let i = 0; i < 20_000; i++) {
      if (i % 7 === 3) pos++;
      const addr = 16 * (i + 1) + (i % 1000 === 0 ? 2 ** 33 : 0), site = i % 5 === 0 ? -1 : i % 11, task = i % 97 === 0 ? 2 : 0;
      if (i % 13 === 0) { a.alloc(pos, 64, 24, 8, 'arena', site, task); b.alloc(pos, 64, 24, 8, 'arena', site, task); continue; }
      if (i % 2 === 0) { a.alloc(pos, addr, 8, 8, 'system', site, task); b.box(pos, 0, addr, site, task); }
      else { a.free(pos, addr, 8, 'system', site, task); b.box(pos, 1, addr, site, task); }
    }
    const trace = Array.from({ length: pos + 1 }, (_, i) => out(String(i)));
    const want = a.mergeInto(trace, loc);
    expect(JSON.stringify(b.mergeInto(trace, loc))).toBe(JSON.stringify(want)); // (keys in order too)
    expect(want.filter((e) => e.t === 'free').length).toBeGreaterThan(9000);
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

  it('keeps every event across its chunks (8,192 events each), in order and in place', () => {
    const log = new HeapLog();
    const n = 3 * 8192 + 5;
    for (let i = 0; i < n; i++) {
      if (i % 3 === 0) log.alloc(i >> 4, 16 * i, 8, 8, i % 2 ? 'arena' : 'system', i, i & 3);
      else if (i % 3 === 1) log.free(i >> 4, 16 * i, 8, 'system', -1, 0);
      else log.realloc(i >> 4, 16 * i, 32 * i, 8, 24, i, 1);
    }
    const trace = Array.from({ length: (n >> 4) + 2 }, (_, i) => out(String(i)));
    const merged = log.mergeInto(trace, loc);
    expect(merged.length).toBe(n + trace.length);
    // every logged event is there once, in log order, right before trace entry (i >> 4)
    let seen = 0, objects = 0;
    for (const e of merged) {
      if (e.t === 'output') { objects++; continue; }
      const i = seen++;
      expect(objects).toBe(i >> 4);
      if (i % 3 === 0) expect(e).toEqual({ t: 'alloc', addr: 16 * i, size: 8, align: 8, allocator: i % 2 ? 'arena' : 'system', site: loc(i), task: i & 3 });
      else if (i % 3 === 1) expect(e).toEqual({ t: 'free', addr: 16 * i, size: 8, allocator: 'system', site: null, task: 0 });
      else expect(e).toEqual({ t: 'realloc', from: 16 * i, to: 32 * i, oldSize: 8, size: 24, site: loc(i), task: 1 });
    }
    expect(seen).toBe(n);
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

import { describe, it, expect } from 'vitest';
import type { TraceEvent } from '../../runtime/api';
import { buildOutputIndex, outputAt, lineAt, eventSite } from './scrub-model';

const out = (text: string, stream: 'stdout' | 'stderr' = 'stdout'): TraceEvent => ({ t: 'output', stream, text });
const run: TraceEvent = { t: 'task-run', task: 1, clock: 0 };

describe('scrub model', () => {
  const trace = [run, out('a\nb'), run, out('c\n'), out('oops\n', 'stderr'), run];
  const ix = buildOutputIndex(trace);
  const text = (p: number) => {
    const at = outputAt(ix, p);
    return Array.from({ length: at.count }, (_, r) => lineAt(ix, at, r).text);
  };
  it('replays the output up to a position, cutting a line that was still being written', () => {
    expect(text(0)).toEqual([]);
    expect(text(1)).toEqual([]);
    expect(text(2)).toEqual(['a', 'b']);
    expect(text(4)).toEqual(['a', 'bc']);
    expect(text(6)).toEqual(['a', 'bc', 'oops']);
    expect(lineAt(ix, outputAt(ix, 6), 2).stream).toBe('stderr');
  });
  it('finds the source line of events that have one', () => {
    const site = { file: 'main.vx', line: 3, col: 1 };
    expect(eventSite({ t: 'task-block', task: 1, on: 'recv', clock: 0, site })).toBe(site);
    expect(eventSite({ t: 'alloc', addr: 8, size: 4, align: 4, allocator: 'system', site, task: 0 })).toBe(site);
    expect(eventSite(run)).toBeNull();
    expect(eventSite(undefined)).toBeNull();
  });
});

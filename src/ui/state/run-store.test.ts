// The run store keeps what the program printed when the run ends in an internal error: that
// output is real and comes before the report (issue: internal errors kept the output).
import { describe, it, expect } from 'vitest';
import { useRun } from './run-store';
import { outputText } from './output-model';

describe('run store', () => {
  it('an internal error after output keeps the output and records the error', () => {
    const s = useRun.getState();
    s.begin(1, 0);
    s.compiled(true, [], 1, []);
    s.events([{ stream: 'stdout', text: 'before\n' }, { stream: 'stderr', text: 'warn\n' }], [], 0);
    s.finish({ kind: 'internal-error', message: 'x.get is not a function', stack: 'TypeError' });
    const after = useRun.getState();
    expect(after.status).toBe('done');
    expect(after.end).toEqual({ kind: 'internal-error', message: 'x.get is not a function', stack: 'TypeError' });
    expect(outputText(after.output, false)).toContain('before');
    expect(after.output.lines.map((l) => l.text)).toEqual(['before', 'warn']);
  });

  it('streams a trace in batches without a copy per batch: every event kept in order at the end', () => {
    const s = useRun.getState();
    s.begin(2, 0);
    s.compiled(true, [], 1, []);
    const ev = (i: number) => ({ t: 'output', stream: 'stdout', text: String(i) }) as const;
    const shown = new Set<unknown>();
    let n = 0;
    for (let b = 0; b < 2000; b++) {
      const batch = Array.from({ length: 50 }, () => ev(n++));
      useRun.getState().events([], batch, 0);
      const t = useRun.getState().trace;
      shown.add(t);
      // whatever is shown while running is a prefix of the trace, in order
      if (t.length) expect((t[t.length - 1] as { text: string }).text).toBe(String(t.length - 1));
    }
    // 2,000 batches, but the trace was copied for the views far fewer times (growth by a quarter,
    // or PUBLISH_MS passed: this loop takes well under a second per few hundred batches)
    expect(shown.size).toBeLessThan(200);
    useRun.getState().finish({ kind: 'outcome', outcome: { kind: 'exited', code: 0 }, exitCode: 0 });
    const t = useRun.getState().trace;
    expect(t).toHaveLength(100_000);
    expect(t.every((e, i) => (e as { text: string }).text === String(i))).toBe(true);
  });

  it('a trace set from outside (the Console, the views benchmark) is appended to, not lost', () => {
    const s = useRun.getState();
    s.begin(3, 0);
    useRun.setState({ trace: [{ t: 'output', stream: 'stdout', text: 'a' }] });
    useRun.getState().events([], [{ t: 'output', stream: 'stdout', text: 'b' }], 0);
    useRun.getState().finish({ kind: 'outcome', outcome: { kind: 'exited', code: 0 }, exitCode: 0 });
    expect(useRun.getState().trace.map((e) => (e as { text: string }).text)).toEqual(['a', 'b']);
  });
});

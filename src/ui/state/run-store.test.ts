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
});

import { describe, expect, it } from 'vitest';
import { describeEnd, describeStats, describeUnwindStep } from './outcome-text';

const limits = { fuel: 1000, heapLimit: 64 << 20 };

describe('outcome wording', () => {
  it('describes exits, panics, aborts and limits', () => {
    expect(describeEnd({ kind: 'outcome', outcome: { kind: 'exited', code: 0 }, exitCode: 0 }, limits)).toEqual({ text: 'Exited with code 0', tone: 'ok' });
    expect(describeEnd({ kind: 'outcome', outcome: { kind: 'exited', code: 3 }, exitCode: 3 }, limits).tone).toBe('error');
    expect(describeEnd({ kind: 'outcome', outcome: { kind: 'panicked', code: 134 }, exitCode: 134 }, limits).text).toContain('Panicked (exit code 134)');
    expect(describeEnd({ kind: 'outcome', outcome: { kind: 'aborted', code: 134, reason: 'stack overflow' }, exitCode: 134 }, limits).text).toBe('Aborted: stack overflow (exit code 134)');
    expect(describeEnd({ kind: 'outcome', outcome: { kind: 'limit', code: 1, limit: 'fuel' }, exitCode: 1 }, limits).text).toContain('step limit reached (1,000 steps)');
    expect(describeEnd({ kind: 'outcome', outcome: { kind: 'limit', code: 1, limit: 'heap' }, exitCode: 1 }, limits).text).toContain('heap limit reached (64 MiB)');
    expect(describeEnd({ kind: 'outcome', outcome: { kind: 'limit', code: 1, limit: 'output' }, exitCode: 1 }, limits).text).toContain('output limit');
  });

  it('keeps internal errors distinct from program results', () => {
    const r = describeEnd({ kind: 'internal-error', message: 'boom', stack: '' }, limits);
    expect(r.tone).toBe('internal');
    expect(r.text).toContain('not a result of your program');
    expect(describeEnd({ kind: 'stopped' }, limits).text).toBe('Stopped by you');
    expect(describeEnd({ kind: 'compile-error', count: 2 }, limits).text).toBe('Compilation failed: 2 errors (see Problems)');
    // embeds and bug reports name no panel
    expect(describeEnd({ kind: 'compile-error', count: 1 }, limits, 'plain').text).toBe('Compilation failed: 1 error');
    expect(describeEnd({ kind: 'outcome', outcome: { kind: 'panicked', code: 134 }, exitCode: 134 }, limits, 'plain').text).toBe('Panicked (exit code 134)');
    expect(describeEnd({ kind: 'outcome', outcome: { kind: 'limit', code: 1, limit: 'fuel' }, exitCode: 1 }, limits, 'plain').text).not.toContain('Settings');
  });

  it('describes stats and unwind steps', () => {
    expect(describeStats(1234567, 12.4)).toBe('1,234,567 steps · 12 ms');
    expect(describeStats(1, 0.25)).toBe('1 step · 0.3 ms');
    const loc = { file: 'main.vx', line: 4, col: 5 };
    expect(describeUnwindStep({ kind: 'drop', fn: 'risky', value: 'g', type: 'Guard', loc })).toBe('dropped g: Guard in risky (main.vx:4:5)');
    expect(describeUnwindStep({ kind: 'drop', fn: 'main', value: '', type: 'Guard', loc: null })).toBe('dropped a Guard in main');
    expect(describeUnwindStep({ kind: 'caught', loc })).toBe('caught by catch_panic at main.vx:4:5');
    expect(describeUnwindStep({ kind: 'aborted', reason: 'panic=abort' })).toBe('aborted because panic=abort');
    expect(describeUnwindStep({ kind: 'leave', fn: 'main' })).toBe('left frame main');
  });
});

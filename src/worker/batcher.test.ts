import { describe, expect, it } from 'vitest';
import { EventBatcher } from './batcher';

const caps = { maxChunks: 3, maxLines: 5, maxTrace: 4, runOutputLineLimit: 20 };

describe('EventBatcher', () => {
  it('merges adjacent chunks of the same stream and keeps order across streams', () => {
    const b = new EventBatcher();
    b.addOutput('stdout', 'a\n');
    b.addOutput('stdout', 'b\n');
    b.addOutput('stderr', 'e\n');
    b.addTrace({ t: 'output', stream: 'stdout', text: 'c\n' });
    const batch = b.take();
    expect(batch.output).toEqual([
      { stream: 'stdout', text: 'a\nb\n' },
      { stream: 'stderr', text: 'e\n' },
      { stream: 'stdout', text: 'c\n' },
    ]);
    expect(batch.dropped).toBe(0);
    expect(b.isEmpty).toBe(true);
  });

  it('keeps the latest lines and counts the dropped ones', () => {
    const b = new EventBatcher(caps);
    for (let i = 0; i < 8; i++) b.addOutput('stdout', `${i}\n`);
    const batch = b.take();
    expect(batch.output.map((c) => c.text).join('')).toBe('3\n4\n5\n6\n7\n');
    expect(batch.dropped).toBe(3);
  });

  it('caps the number of chunks', () => {
    const b = new EventBatcher({ ...caps, maxLines: 100 });
    for (let i = 0; i < 6; i++) b.addOutput(i % 2 ? 'stderr' : 'stdout', `x${i}`);
    const batch = b.take();
    expect(batch.output.length).toBe(3);
    expect(batch.output[2].text).toBe('x5');
    expect(batch.dropped).toBe(3);
  });

  it('caps trace events, keeping the latest', () => {
    const b = new EventBatcher(caps);
    for (let i = 0; i < 10; i++) b.addTrace({ t: 'task-wake', task: i, clock: 0 });
    const batch = b.take();
    expect(batch.trace.length).toBe(4);
    expect(batch.trace[0]).toMatchObject({ task: 6 });
    expect(batch.dropped).toBe(6);
  });

  it('reports when the run printed past its limit', () => {
    const b = new EventBatcher(caps);
    for (let i = 0; i < 20; i++) b.addOutput('stdout', 'l\n');
    expect(b.overOutputLimit).toBe(false);
    b.addOutput('stdout', 'l\n');
    expect(b.overOutputLimit).toBe(true);
  });
  it('keeps output events in the trace (for the scrubber) without counting them as dropped', () => {
    const b = new EventBatcher(caps);
    b.addTrace({ t: 'task-run', task: 1, clock: 0 });
    for (let i = 0; i < 5; i++) b.addTrace({ t: 'output', stream: 'stdout', text: `${i}\n` });
    const batch = b.take();
    expect(batch.trace.map((e) => e.t)).toEqual(['output', 'output', 'output', 'output']);
    expect(batch.dropped).toBe(1); // the task event, not the output lines (all 5 are in batch.output)
    expect(batch.output.map((c) => c.text).join('')).toBe('0\n1\n2\n3\n4\n');
  });
});

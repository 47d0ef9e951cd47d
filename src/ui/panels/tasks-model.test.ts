import { describe, expect, it } from 'vitest';
import { describeSched, summarizeTasks } from './tasks-model';

describe('summarizeTasks', () => {
  it('builds one row per task with blocks and end time, keeping event order', () => {
    const { tasks, events } = summarizeTasks([
      { t: 'task-spawn', task: 1, parent: 0, name: 'go', stackSize: 262144, clock: 0 },
      { t: 'task-block', task: 1, on: 'recv', clock: 0, site: { file: 'main.vx', line: 4, col: 9 } },
      { t: 'output', stream: 'stdout', text: 'x' },
      { t: 'task-block', task: 0, on: 'recv', clock: 0 },
      { t: 'task-wake', task: 1, clock: 5, by: -1, cause: 'timer' },
      { t: 'task-end', task: 1, clock: 5 },
    ]);
    expect(tasks.map((t) => [t.id, t.name, t.blocks, t.ended])).toEqual([[0, 'main', 1, null], [1, 'go', 1, 5]]);
    expect(tasks[1].lastBlockedOn).toBe('recv');
    expect(describeSched(events[1])).toBe('t=0: task 1 blocked on recv at line 4');
    expect(describeSched(events[3])).toBe('t=5: task 1 woke (timer)');
    expect(events.map((e) => e.t)).toEqual(['task-spawn', 'task-block', 'task-block', 'task-wake', 'task-end']);
    expect(describeSched(events[0])).toBe('t=0: task 1 (go) spawned by task 0, stack 262144 bytes');
  });
});

// The Tasks panel's view of the trace: every task with its parent, stack, spawn/end clock, how
// often it blocked and on what; plus the scheduling events in order. Pure.
import type { TraceEvent } from '../../runtime/api';

export interface TaskRow {
  id: number;
  name: string;
  parent: number;
  stackSize: number;
  spawned: number; // virtual clock
  ended: number | null;
  blocks: number;
  lastBlockedOn: string | null;
}

export type SchedEvent = Extract<TraceEvent, { t: 'task-spawn' | 'task-block' | 'task-wake' | 'task-end' }>;

export function summarizeTasks(trace: readonly TraceEvent[]): { tasks: TaskRow[]; events: SchedEvent[] } {
  const tasks = new Map<number, TaskRow>();
  const events: SchedEvent[] = [];
  const row = (id: number) => {
    let r = tasks.get(id);
    if (!r) {
      r = { id, name: id === 0 ? 'main' : `task#${id}`, parent: -1, stackSize: 0, spawned: 0, ended: null, blocks: 0, lastBlockedOn: null };
      tasks.set(id, r);
    }
    return r;
  };
  for (const e of trace) {
    switch (e.t) {
      case 'task-spawn': {
        const r = row(e.task);
        Object.assign(r, { name: e.name || r.name, parent: e.parent, stackSize: e.stackSize, spawned: e.clock });
        events.push(e);
        break;
      }
      case 'task-block': {
        const r = row(e.task);
        r.blocks++;
        r.lastBlockedOn = e.on;
        events.push(e);
        break;
      }
      case 'task-wake':
        row(e.task);
        events.push(e);
        break;
      case 'task-end':
        row(e.task).ended = e.clock;
        events.push(e);
        break;
    }
  }
  return { tasks: [...tasks.values()].sort((a, b) => a.id - b.id), events };
}

export function describeSched(e: SchedEvent): string {
  switch (e.t) {
    case 'task-spawn': return `t=${e.clock}: task ${e.task} (${e.name}) spawned by task ${e.parent}, stack ${e.stackSize} bytes`;
    case 'task-block': return `t=${e.clock}: task ${e.task} blocked on ${e.on}`;
    case 'task-wake': return `t=${e.clock}: task ${e.task} woke`;
    case 'task-end': return `t=${e.clock}: task ${e.task} ended`;
  }
}

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
  abandoned: boolean; // still alive when the program ended
  blocks: number;
  lastBlockedOn: string | null;
}

export type SchedEvent = Extract<TraceEvent, { t: 'task-spawn' | 'task-block' | 'task-wake' | 'task-end' | 'task-abandon' }>;

export function summarizeTasks(trace: readonly TraceEvent[]): { tasks: TaskRow[]; events: SchedEvent[] } {
  const tasks = new Map<number, TaskRow>();
  const events: SchedEvent[] = [];
  const row = (id: number) => {
    let r = tasks.get(id);
    if (!r) {
      r = { id, name: id === 0 ? 'main' : `task#${id}`, parent: -1, stackSize: 0, spawned: 0, ended: null, abandoned: false, blocks: 0, lastBlockedOn: null };
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
      case 'task-abandon': {
        const r = row(e.task);
        r.ended = e.clock;
        r.abandoned = true;
        events.push(e);
        break;
      }
    }
  }
  return { tasks: [...tasks.values()].sort((a, b) => a.id - b.id), events };
}

export function describeSched(e: SchedEvent): string {
  switch (e.t) {
    case 'task-spawn': return `t=${e.clock}: task ${e.task} (${e.name}) spawned by task ${e.parent}, stack ${e.stackSize} bytes`;
    case 'task-block': return `t=${e.clock}: task ${e.task} blocked on ${e.on}${e.site ? ` at line ${e.site.line}` : ''}`;
    case 'task-wake': return `t=${e.clock}: task ${e.task} woke${e.cause ? ` (${e.cause}${e.by !== undefined && e.by >= 0 ? ` by task ${e.by}` : ''})` : ''}`;
    case 'task-end': return `t=${e.clock}: task ${e.task} ended`;
    case 'task-abandon': return `t=${e.clock}: task ${e.task} abandoned at exit`;
  }
}

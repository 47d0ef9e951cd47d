// Tasks: the Task timeline (one swimlane per task), and behind a toggle the table of every task
// (parent, stack, spawn/end on the virtual clock, blocking) and the scheduling events in order.
// Pure views of the trace's task-* events.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useRun } from '../state/run-store';
import { describeSched, summarizeTasks } from './tasks-model';
import { TaskTimeline } from './TaskTimeline';
import { buildTimeline } from './timeline-model';
import type { TraceEvent } from '../../runtime/api';

export function TasksPanel() {
  const status = useRun((s) => s.status);
  const trace = useSettledTrace(useRun((s) => s.trace), status === 'running');
  const [table, setTable] = useState(false);
  const tl = useMemo(() => buildTimeline(trace), [trace]);
  if (status === 'idle') return <div className="empty">Run a program to see its tasks.</div>;
  if (!tl.hasTasks) return <div className="empty">This run used only the main task.</div>;
  return (
    <div className="tasks-panel" data-testid="tasks-panel">
      <TaskTimeline tl={tl} />
      <div className="tasks-table-toggle">
        <button type="button" aria-expanded={table} onClick={() => setTable(!table)}>{table ? 'Hide' : 'Show'} the task table and event log</button>
      </div>
      {table && <TaskTable trace={trace} />}
    </div>
  );
}

/** The table and the event log (built only when shown: a 500,000-event trace is long to list). */
function TaskTable({ trace }: { trace: readonly TraceEvent[] }) {
  const { tasks, events } = useMemo(() => summarizeTasks(trace), [trace]);
  return (
        <div className="trace-panel">
          <table className="grid">
            <thead><tr><th>task</th><th>name</th><th>parent</th><th>stack</th><th>spawned</th><th>ended</th><th>blocked</th></tr></thead>
            <tbody>
              {tasks.map((t) => (
                <tr key={t.id}>
                  <td>{t.id}</td>
                  <td>{t.name}</td>
                  <td>{t.parent >= 0 ? t.parent : '—'}</td>
                  <td>{t.stackSize ? t.stackSize.toLocaleString('en-US') : '—'}</td>
                  <td>{t.spawned}</td>
                  <td>{t.ended === null ? 'not ended' : t.abandoned ? `abandoned at ${t.ended}` : t.ended}</td>
                  <td>{t.blocks ? `${t.blocks}× (last: ${t.lastBlockedOn})` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Scheduling events</h3>
          <ol className="events">
            {events.slice(0, 2000).map((e, i) => <li key={i}>{describeSched(e)}</li>)}
          </ol>
        </div>
  );
}

/** While a run streams in, the trace the panel shows is refreshed at most every REFRESH_MS (each
 *  refresh rebuilds the timeline over the whole trace); when the run ends, at once. */
const REFRESH_MS = 400;
function useSettledTrace(trace: TraceEvent[], running: boolean): TraceEvent[] {
  const [shown, setShown] = useState(trace);
  const last = useRef(0);
  useEffect(() => {
    if (!running) { setShown(trace); return; }
    const wait = last.current + REFRESH_MS - performance.now();
    if (wait <= 0) { last.current = performance.now(); setShown(trace); return; }
    const id = setTimeout(() => { last.current = performance.now(); setShown(trace); }, wait);
    return () => clearTimeout(id);
  }, [trace, running]);
  return running ? shown : trace;
}

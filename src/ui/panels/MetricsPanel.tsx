// Metrics: the run's numbers at a glance — compile and run time, steps and speed, output size,
// heap figures, tasks and foreign calls. A pure view of the run store and its trace.
import { useMemo } from 'react';
import { useRun } from '../state/run-store';
import { summarizeMemory } from './memory-model';

const fmt = (n: number) => n.toLocaleString('en-US');

export function MetricsPanel() {
  const run = useRun();
  const mem = useMemo(() => summarizeMemory(run.trace), [run.trace]);
  const tasks = useMemo(() => run.trace.filter((e) => e.t === 'task-spawn').length, [run.trace]);
  const ffi = useMemo(() => run.trace.filter((e) => e.t === 'ffi').length, [run.trace]);
  if (run.status === 'idle') return <div className="empty">Run a program to see its metrics.</div>;
  const stepsPerSec = run.runMs > 0 ? Math.round((run.steps / run.runMs) * 1000) : 0;
  const rows: [string, string][] = [
    ['compile time', `${run.compileMs.toFixed(1)} ms`],
    ['run time', `${run.runMs.toFixed(1)} ms`],
    ['steps', fmt(run.steps)],
    ['steps per second', stepsPerSec ? fmt(stepsPerSec) : '—'],
    ['output lines kept', fmt(run.output.lines.length)],
    ['output lines dropped', fmt(run.output.dropped)],
    ['trace events', `${fmt(run.trace.length)}${run.traceDropped ? ` (+${fmt(run.traceDropped)} dropped)` : ''}`],
    ['heap allocations / frees', `${fmt(mem.allocs)} / ${fmt(mem.frees)}`],
    ['peak / live heap bytes', `${fmt(mem.peakBytes)} / ${fmt(mem.liveBytes)}`],
    ['tasks spawned', fmt(tasks)],
    ['foreign calls', fmt(ffi)],
  ];
  return (
    <div className="trace-panel" data-testid="metrics-panel">
      <table className="grid">
        <tbody>{rows.map(([k, v]) => <tr key={k}><th scope="row">{k}</th><td>{v}</td></tr>)}</tbody>
      </table>
    </div>
  );
}

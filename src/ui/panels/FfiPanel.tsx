// FFI: every crossing into the C shims (function, arguments, result, task) in order, with a count
// per function. A pure view of the trace's ffi events.
import { useMemo } from 'react';
import { useRun } from '../state/run-store';
import type { TraceEvent } from '../../runtime/api';

type FfiEvent = Extract<TraceEvent, { t: 'ffi' }>;

export function FfiPanel() {
  const trace = useRun((s) => s.trace);
  const status = useRun((s) => s.status);
  const calls = useMemo(() => trace.filter((e): e is FfiEvent => e.t === 'ffi'), [trace]);
  const counts = useMemo(() => {
    const m = new Map<string, number>();
    for (const c of calls) m.set(c.fn, (m.get(c.fn) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  }, [calls]);
  if (status === 'idle') return <div className="empty">Run a program to see its foreign calls.</div>;
  if (calls.length === 0) return <div className="empty">No foreign (extern "C") calls in this run.</div>;
  return (
    <div className="trace-panel" data-testid="ffi-panel">
      <p className="counts">{counts.map(([fn, n]) => `${fn} ×${n}`).join(' · ')}</p>
      <table className="grid">
        <thead><tr><th>#</th><th>call</th><th>result</th><th>task</th></tr></thead>
        <tbody>
          {calls.slice(0, 2000).map((c, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              <td><code>{c.fn}({c.args.join(', ')})</code></td>
              <td><code>{c.ret}</code></td>
              <td>{c.task}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

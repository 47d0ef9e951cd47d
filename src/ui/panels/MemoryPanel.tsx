// Memory: allocation totals, peak, per-site table (click a site to see its line) and blocks still
// live at exit. A pure view of the trace's alloc/free/realloc events.
import { useMemo } from 'react';
import { useRun } from '../state/run-store';
import { useUi } from '../state/ui-store';
import { summarizeMemory } from './memory-model';

const fmt = (n: number) => n.toLocaleString('en-US');

export function MemoryPanel() {
  const trace = useRun((s) => s.trace);
  const dropped = useRun((s) => s.traceDropped);
  const status = useRun((s) => s.status);
  const m = useMemo(() => summarizeMemory(trace), [trace]);
  if (status === 'idle') return <div className="empty">Run a program to see its heap.</div>;
  if (m.allocs === 0) return <div className="empty">No heap allocations in this run.</div>;
  const reveal = (site: string) => {
    const mt = /^(.*):(\d+)$/.exec(site);
    if (mt) useUi.getState().reveal(mt[1], Number(mt[2]), 1, true);
  };
  return (
    <div className="trace-panel" data-testid="memory-panel">
      <dl className="figures">
        <div><dt>allocations</dt><dd>{fmt(m.allocs)}</dd></div>
        <div><dt>frees</dt><dd>{fmt(m.frees)}</dd></div>
        <div><dt>bytes allocated</dt><dd>{fmt(m.bytesAllocated)}</dd></div>
        <div><dt>peak live</dt><dd>{fmt(m.peakBytes)}</dd></div>
        <div><dt>live at exit</dt><dd>{fmt(m.liveBytes)}</dd></div>
      </dl>
      {dropped > 0 && <p className="dropped">{fmt(dropped)} trace events were dropped: figures cover the kept ones.</p>}
      <h3>Allocation sites</h3>
      <table className="grid">
        <thead><tr><th>site</th><th>allocs</th><th>bytes</th></tr></thead>
        <tbody>
          {m.sites.slice(0, 200).map((s) => (
            <tr key={s.site}>
              <td><button type="button" className="link" onClick={() => reveal(s.site)}>{s.site}</button></td>
              <td>{fmt(s.allocs)}</td>
              <td>{fmt(s.bytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Live at exit {m.live.length > 0 && <small>({m.live.length} blocks — leaks unless intended)</small>}</h3>
      {m.live.length === 0 ? <p className="empty">Everything was freed.</p> : (
        <table className="grid">
          <thead><tr><th>address</th><th>size</th><th>allocator</th><th>site</th></tr></thead>
          <tbody>
            {m.live.slice(0, 200).map((b) => (
              <tr key={b.addr}>
                <td>0x{b.addr.toString(16)}</td>
                <td>{fmt(b.size)}</td>
                <td>{b.allocator}</td>
                <td>{b.site ? `${b.site.file}:${b.site.line}` : '(runtime)'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

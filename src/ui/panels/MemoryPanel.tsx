// Memory: allocation totals, the heap map and the live-heap chart at the scrubber's position, the
// per-site table (click a site to see its line) and the leaks at exit. A pure view of the trace's
// alloc/free/realloc/arena events.
import { memo, useMemo, useState } from 'react';
import { useRun } from '../state/run-store';
import { useUi } from '../state/ui-store';
import { effectivePosition, useScrub } from '../state/scrub-store';
import { resolveTheme, useSettings } from '../state/settings-store';
import { summaryOfHeap } from './heap-summary';
import { bytesText, heapAt, hex, indexHeap, leaksAtExit, siteText, type HeapIndex } from './heap-model';
import { PALETTES, type HeapPalette } from './heap-colors';
import { HeapMap, revealSite } from './HeapMap';
import { LiveHeapChart } from './LiveHeapChart';

// one formatter (toLocaleString builds one per call: slow on every scrubber move)
const NUM = new Intl.NumberFormat('en-US');
const fmt = (n: number) => NUM.format(n);

export function MemoryPanel() {
  const trace = useRun((s) => s.trace);
  const dropped = useRun((s) => s.traceDropped);
  const status = useRun((s) => s.status);
  // one pass over the trace for the whole panel: figures, map, chart and leaks read this index
  const h = useMemo(() => indexHeap(trace), [trace]);
  const m = useMemo(() => summaryOfHeap(h), [h]);
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
      <HeapViews h={h} />
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
    </div>
  );
}

/** The pictures: heap map and live-heap chart at the shared trace position, and the leaks list. */
function HeapViews({ h }: { h: HeapIndex }) {
  const scrub = useScrub((s) => s.position);
  const position = effectivePosition(scrub, h.length);
  const state = useMemo(() => heapAt(h, position), [h, position]);
  const themeChoice = useSettings((s) => s.theme);
  const palette = PALETTES[resolveTheme(themeChoice)];
  const [focusAddr, setFocusAddr] = useState<number | null>(null);
  return (
    <>
      <h3>Heap map <small>at event {fmt(position)} of {fmt(h.length)}: {fmt(state.liveBlocks)} live blocks, {bytesText(state.liveBytes)}</small></h3>
      <HeapMap h={h} state={state} palette={palette} focusAddr={focusAddr} />
      <h3>Live heap over time</h3>
      <LiveHeapChart h={h} position={position} palette={palette} />
      <Leaks h={h} palette={palette} onFocus={setFocusAddr} />
    </>
  );
}

/** Depends on the trace only (not the position): memoized so a scrubber move skips it. */
const Leaks = memo(function Leaks({ h, palette, onFocus }: { h: HeapIndex; palette: HeapPalette; onFocus: (a: number | null) => void }) {
  const leaks = useMemo(() => leaksAtExit(h), [h]);
  if (!h.ended) return null;
  const bytes = leaks.reduce((t, l) => t + l.size, 0);
  return (
    <>
      <h3>Leaks at exit {leaks.length > 0 && <small>({leaks.length} blocks, {bytesText(bytes)} never freed — outlined in <span style={{ color: palette.leak }}>red</span> on the map)</small>}</h3>
      {leaks.length === 0 ? <p className="empty">Everything was freed.</p> : (
        <table className="grid" aria-label="Leaks at exit">
          <thead><tr><th>address</th><th>size</th><th>allocator</th><th>site</th><th>task</th></tr></thead>
          <tbody>
            {leaks.slice(0, 200).map((b) => (
              <tr key={b.alloc} onMouseEnter={() => onFocus(b.addr)} onMouseLeave={() => onFocus(null)}>
                <td>{hex(b.addr)}</td>
                <td>{fmt(b.size)}</td>
                <td>{b.allocator}</td>
                <td>
                  <button type="button" className="link" onFocus={() => onFocus(b.addr)} onBlur={() => onFocus(null)} onClick={() => revealSite(b.site)} disabled={!b.site}>
                    {siteText(b.site)}
                  </button>
                </td>
                <td>{b.task}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
});

// The one time scrubber under the panels: a slider over the run's trace positions plus step
// buttons (the slider's own keys: ←/→ one event, PageUp/PageDown, Home/End). It writes
// useScrub's position; every view reads it. It also keeps the editor's highlighted line on the
// source line of the latest event at the position that has one.
import { useEffect } from 'react';
import { useRun } from '../state/run-store';
import { useScrub, effectivePosition } from '../state/scrub-store';
import { useUi } from '../state/ui-store';
import { eventSite } from '../state/scrub-model';
import type { TraceEvent } from '../../runtime/api';

// one formatter (toLocaleString builds one per call, on every move)
const NUM = new Intl.NumberFormat('en-US');
const fmt = (n: number) => NUM.format(n);

/** How far back the editor-follow looks for an event with a source line. */
const SITE_LOOKBACK = 256;

export function Scrubber() {
  const length = useRun((s) => s.trace.length);
  const status = useRun((s) => s.status);
  const position = useScrub((s) => s.position);
  const setPosition = useScrub((s) => s.setPosition);
  const pos = effectivePosition(position, length);
  useEditorFollow(position);
  if (status === 'idle' || length === 0) return null;
  const go = (p: number) => setPosition(p >= length ? null : Math.max(0, p));
  return (
    <div className="scrubber" role="group" aria-label="Time scrubber">
      <button type="button" onClick={() => go(0)} aria-label="Go to the start" title="Start of the run">Start</button>
      <button type="button" onClick={() => go(pos - 1)} aria-label="Step back" title="Step back one event">◀</button>
      <input
        type="range"
        min={0}
        max={length}
        step={1}
        value={pos}
        aria-label="Trace position"
        aria-valuetext={`${fmt(pos)} of ${fmt(length)} events`}
        onChange={(e) => go(Number(e.currentTarget.value))}
      />
      <button type="button" onClick={() => go(pos + 1)} aria-label="Step forward" title="Step forward one event">▶</button>
      <button type="button" onClick={() => setPosition(null)} aria-label="Follow the end" aria-pressed={position === null} title="Follow the end of the run">End</button>
      <span className="scrub-label" data-testid="scrub-label">
        {position === null ? 'end' : `event ${fmt(pos)}`} / {fmt(length)}
        {position !== null && <VirtualTime position={pos} />}
      </span>
    </div>
  );
}

/** While scrubbing, highlight the line of the latest event (at most SITE_LOOKBACK back) with one. */
function useEditorFollow(position: number | null): void {
  useEffect(() => {
    if (position === null) return;
    const id = requestAnimationFrame(() => {
      const trace = useRun.getState().trace;
      const site = lastSite(trace, Math.min(position, trace.length));
      if (site) useUi.getState().reveal(site.file, site.line, site.col, true);
    });
    return () => cancelAnimationFrame(id);
  }, [position]);
}

function lastSite(trace: readonly TraceEvent[], position: number) {
  for (let i = position - 1; i >= 0 && i >= position - SITE_LOOKBACK; i--) {
    const s = eventSite(trace[i]);
    if (s) return s;
  }
  return null;
}

/** The virtual clock at the position (from the latest task event before it, when near). */
function VirtualTime({ position }: { position: number }) {
  const trace = useRun.getState().trace;
  for (let i = Math.min(position, trace.length) - 1; i >= 0 && i >= position - SITE_LOOKBACK * 4; i--) {
    const e = trace[i];
    if ('clock' in e) return <> · t={e.clock} ms</>;
  }
  return null;
}

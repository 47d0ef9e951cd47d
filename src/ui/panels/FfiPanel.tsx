// FFI: every foreign call drawn across the Vex | C boundary — arguments with their Vex type, C type
// and the conversion at the boundary, the result coming back, and the callbacks C made into Vex
// nested under their call — with the true per-symbol totals. A pure view of the trace up to the
// shared trace position (scrub-store).
import { useEffect, useMemo, useRef, useState } from 'react';
import { useRun } from '../state/run-store';
import { effectivePosition, useScrub } from '../state/scrub-store';
import { useUi } from '../state/ui-store';
import type { SourceLoc } from '../../runtime/api';
import { ffiCallAt, ffiIndex, ffiPicture, windowOf, type CallView, type Crossing, type FfiIndex } from './ffi-model';
import { useSettings } from '../state/settings-store';
import type { TraceEvent } from '../../runtime/api';
import './teaching-views.css';

const MAX_CALLBACKS = 40;
const int = (n: number) => n.toLocaleString('en-US');
const reveal = (loc: SourceLoc | null) => {
  if (loc) useUi.getState().reveal(loc.file, loc.line, loc.col, true);
};
/** A call's box around its lines (padding and border) and the gap to the next: teaching-views.css. */
const CALL_BOX = 10, CALL_GAP = 8;

export function FfiPanel() {
  const trace = useRun((s) => s.trace);
  const status = useRun((s) => s.status);
  const position = useScrub((s) => s.position);
  const presentation = useSettings((s) => s.presentation);
  const index = useMemo(() => ffiIndex(trace, MAX_CALLBACKS), [trace]);
  // totals only: the list draws the calls in view itself (every recorded call is reachable)
  const p = useMemo(() => ffiPicture(trace, position, 0, MAX_CALLBACKS, index), [trace, position, index]);
  if (status === 'idle') return <div className="empty">Run a program to see its foreign calls. (C layouts of its structs are in the C layout tab.)</div>;
  if (p.recordedCalls === 0 && p.totalCalls === 0) return <div className="empty" data-position={effectivePosition(position, trace.length)}>No foreign (extern "C") calls {position === null ? 'in this run' : 'up to this point of the run'}.</div>;
  return (
    <div className="ffi-view" data-testid="ffi-panel" data-position={effectivePosition(position, trace.length)} aria-label="FFI boundary" role="region">
      <ul className="ffi-counts" aria-label="Calls per foreign function">
        {p.totals.map((t) => (
          <li key={t.fn} data-testid="ffi-count">
            {t.fn} × {int(t.calls)}{t.sampled && <span className="ffi-sampled"> ({int(t.recorded)} recorded)</span>}
          </li>
        ))}
      </ul>
      <p className="counts">
        {int(p.totalCalls)} call{p.totalCalls === 1 ? '' : 's'} {p.final ? 'in this run' : 'so far'}
        {p.sampled && <> · <span className="ffi-sampled">sampled list</span>: the libm fast path records the first 64 calls of a symbol; the totals count every call</>}
        {p.recordedCalls > 1 && <> · {int(p.recordedCalls)} recorded calls, all in the list below</>}
      </p>
      <div className="ffi-boundary-head" aria-hidden="true"><span>Vex</span><span /><span>C</span></div>
      <CallList trace={trace} index={index} count={p.recordedCalls} line={presentation ? 30 : 20} label={p.sampled ? 'Foreign calls (sampled)' : 'Foreign calls'} />
    </div>
  );
}

/** The recorded calls, windowed: only those in view are in the DOM. Each call's height is known
 *  from its line count (FfiIndex.lineTop), so any call of a 100,000-call run is a scroll away. */
function CallList({ trace, index, count, line, label }: { trace: readonly TraceEvent[]; index: FfiIndex; count: number; line: number; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 600 });
  // call k's box: from offsets[k], its lines plus CALL_BOX (padding, border), then CALL_GAP
  const offsets = useMemo(() => {
    const o = new Float64Array(index.calls.length + 1);
    for (let k = 0; k < index.calls.length; k++) o[k + 1] = index.lineTop[k + 1] * line + (k + 1) * (CALL_BOX + CALL_GAP);
    return o;
  }, [index, line]);
  useEffect(() => {
    // the scroll container is the panel (.ffi-view): the window is where it shows this list
    const list = ref.current, scroller = list?.closest('.ffi-view') as HTMLElement | null;
    if (!list || !scroller) return;
    const update = () => {
      const l = list.getBoundingClientRect(), s = scroller.getBoundingClientRect();
      setView({ top: Math.max(0, s.top - l.top), height: scroller.clientHeight });
    };
    update();
    scroller.addEventListener('scroll', update, { passive: true });
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
    ro?.observe(scroller);
    return () => { scroller.removeEventListener('scroll', update); ro?.disconnect(); };
  }, []);
  const { start, end } = windowOf(offsets, count, view.top, view.height);
  const rows = [];
  for (let k = start; k < end; k++) {
    rows.push(<CallRow key={index.calls[k]} call={ffiCallAt(trace, index, k, MAX_CALLBACKS)} top={offsets[k]} height={offsets[k + 1] - offsets[k] - CALL_GAP} line={line} />);
  }
  return (
    <div ref={ref} className="ffi-calls-window" style={{ height: offsets[count] }}>
      <ol className="ffi-calls" aria-label={label} data-calls={count}>{rows}</ol>
    </div>
  );
}

function Arg({ a, side }: { a: Crossing; side: 'vex' | 'c' }) {
  return side === 'vex'
    ? <span className="ffi-arg"><code>{a.value}</code> <span className="ffi-type">: {a.vex || '—'}</span></span>
    : <span className="ffi-arg"><span className="ffi-type">({a.c})</span> <span className="ffi-conv" title={a.conversion}>{a.conversion}</span></span>;
}

function CallRow({ call, top, height, line }: { call: CallView; top: number; height: number; line: number }) {
  return (
    <li className="ffi-call" data-testid="ffi-call" data-index={call.index} style={{ top, height, lineHeight: `${line}px` }} aria-label={`${call.fn}: ${call.args.length} argument${call.args.length === 1 ? '' : 's'}, returns ${call.ret.value}${call.callbackCount ? `, ${call.callbackCount} callbacks into Vex` : ''}`}>
      <div className="ffi-wall" aria-hidden="true" />
      <div className="ffi-side-vex ffi-head">
        {call.loc
          ? <button type="button" className="plain" onClick={() => reveal(call.loc)} title="Show the call in the editor">{call.fn}(…) <span className="ffi-dir">calls C →</span></button>
          : <span title="libm fast path: no source position recorded">{call.fn}(…) <span className="ffi-dir">calls C →</span></span>}
      </div>
      <div className="ffi-side-c ffi-head">{call.fn} <span className="ffi-dir">{call.task ? `task ${call.task}` : ''}</span></div>
      {call.args.map((a, i) => (
        <div key={i} style={{ display: 'contents' }}>
          <div className="ffi-side-vex"><Arg a={a} side="vex" /></div>
          <div className="ffi-side-c"><Arg a={a} side="c" /></div>
        </div>
      ))}
      <div className="ffi-side-vex"><span className="ffi-dir">← returns</span> <code>{call.ret.value}</code> <span className="ffi-type">: {call.ret.vex || '—'}</span></div>
      <div className="ffi-side-c"><span className="ffi-type">({call.ret.c})</span> <span className="ffi-conv" title={call.ret.conversion}>{call.ret.conversion}</span></div>
      {call.callbackCount > 0 && (
        <ol className="ffi-callbacks" aria-label={`Callbacks from C into Vex (${call.callbackCount})`}>
          {call.callbacks.map((cb, i) => (
            <li key={i} className="ffi-callback" data-testid="ffi-callback">
              <div className="ffi-side-vex">↳ {cb.fn}({cb.args.map((a) => a.value).join(', ')}) <span className="ffi-dir">returns {cb.ret}</span></div>
              <div className="ffi-wall" aria-hidden="true" />
              <div className="ffi-side-c"><span className="ffi-dir">← C calls back</span> <span className="ffi-type">({cb.args.map((a) => a.c || '?').join(', ')})</span></div>
            </li>
          ))}
          {call.callbackCount > call.callbacks.length && <li className="ffi-dir">… {int(call.callbackCount - call.callbacks.length)} more callbacks</li>}
        </ol>
      )}
    </li>
  );
}

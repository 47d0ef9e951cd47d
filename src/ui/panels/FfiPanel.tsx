// FFI: every foreign call drawn across the Vex | C boundary — arguments with their Vex type, C type
// and the conversion at the boundary, the result coming back, and the callbacks C made into Vex
// nested under their call — with the true per-symbol totals. A pure view of the trace up to the
// shared trace position (scrub-store).
import { useMemo } from 'react';
import { useRun } from '../state/run-store';
import { effectivePosition, useScrub } from '../state/scrub-store';
import { useUi } from '../state/ui-store';
import type { SourceLoc } from '../../runtime/api';
import { ffiIndex, ffiPicture, type CallView, type Crossing } from './ffi-model';
import './teaching-views.css';

const MAX_DRAWN = 300;
const int = (n: number) => n.toLocaleString('en-US');
const reveal = (loc: SourceLoc | null) => {
  if (loc) useUi.getState().reveal(loc.file, loc.line, loc.col, true);
};

export function FfiPanel() {
  const trace = useRun((s) => s.trace);
  const status = useRun((s) => s.status);
  const position = useScrub((s) => s.position);
  const index = useMemo(() => ffiIndex(trace), [trace]);
  const p = useMemo(() => ffiPicture(trace, position, MAX_DRAWN, 40, index), [trace, position, index]);
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
        {p.recordedCalls > p.calls.length && <> · the first {int(p.calls.length)} of {int(p.recordedCalls)} recorded calls are drawn</>}
      </p>
      <div className="ffi-boundary-head" aria-hidden="true"><span>Vex</span><span /><span>C</span></div>
      <ol className="ffi-calls" aria-label={p.sampled ? 'Foreign calls (sampled)' : 'Foreign calls'}>
        {p.calls.map((c) => <CallRow key={c.index} call={c} />)}
      </ol>
    </div>
  );
}

function Arg({ a, side }: { a: Crossing; side: 'vex' | 'c' }) {
  return side === 'vex'
    ? <span className="ffi-arg"><code>{a.value}</code> <span className="ffi-type">: {a.vex || '—'}</span></span>
    : <span className="ffi-arg"><span className="ffi-type">({a.c})</span> <span className="ffi-conv">{a.conversion}</span></span>;
}

function CallRow({ call }: { call: CallView }) {
  return (
    <li className="ffi-call" data-testid="ffi-call" aria-label={`${call.fn}: ${call.args.length} argument${call.args.length === 1 ? '' : 's'}, returns ${call.ret.value}${call.callbackCount ? `, ${call.callbackCount} callbacks into Vex` : ''}`}>
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
      <div className="ffi-side-c"><span className="ffi-type">({call.ret.c})</span> <span className="ffi-conv">{call.ret.conversion}</span></div>
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

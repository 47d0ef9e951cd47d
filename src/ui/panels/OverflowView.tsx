// A stack overflow in the Panic panel: the depth gauge (frames used against the stack's capacity
// in the 256-bytes-a-frame model) and the frames, repeats folded ("depth × 4,093").
import type { SourceLoc, StackOverflowInfo } from '../../runtime/api';
import { overflowPicture } from './callstack-model';
import { locText } from './outcome-text';

export function OverflowView({ info, reveal }: { info: StackOverflowInfo; reveal: (l: SourceLoc | null) => void }) {
  const p = overflowPicture(info);
  const pct = Math.round(p.fraction * 1000) / 10;
  return (
    <section className="overflow-view" aria-label="Stack overflow" data-testid="stack-overflow">
      <div className="panic-head">
        <strong className="panic-msg">fatal: stack overflow</strong>
        <span className="panic-kind">{info.task ? ` · task ${info.task}` : ' · main task'}</span>
      </div>
      <h3>Stack depth</h3>
      <div
        className="depth-gauge"
        role="meter"
        aria-label="Stack depth"
        aria-valuemin={0}
        aria-valuemax={p.capacity}
        aria-valuenow={p.used}
        aria-valuetext={p.gauge}
        data-testid="depth-gauge"
      >
        <div className="depth-fill" style={{ width: `${pct}%` }} />
        <span className="depth-text">{p.gauge}</span>
      </div>
      {p.note && <p className="overflow-note">{p.note}</p>}
      {p.top.length > 0 && (
        <>
          <h3>Innermost frames <small>(their values when the stack ran out)</small></h3>
          <ol className="overflow-top" aria-label="Innermost frames">
            {p.top.map((f, i) => (
              <li key={i} data-testid="overflow-top-frame">
                <button type="button" className="plain" onClick={() => reveal(f.loc)}>
                  <span className="fold-label">{f.fn}</span> <span className="stack-where">{locText(f.loc)}</span>
                </button>
                {f.locals.length > 0 && <span className="overflow-locals">{f.locals.join(', ')}</span>}
              </li>
            ))}
          </ol>
        </>
      )}
      <h3>Frames <small>(innermost first, repeats folded)</small></h3>
      <ol className="folded-frames" aria-label="Frames at the overflow">
        {p.rows.map((r, i) => (
          <li key={i} data-testid="folded-frame">
            {r.loc
              ? <button type="button" className="plain" onClick={() => reveal(r.loc)}><span className="fold-label">{r.label}</span> <span className="stack-where">{locText(r.loc)}</span></button>
              : <span className="fold-label">{r.label}</span>}
            {r.times > 1 && <span className="fold-bar" aria-hidden="true" style={{ width: `${Math.max(4, Math.round((r.times * r.cycle / Math.max(1, p.used)) * 100))}%` }} />}
          </li>
        ))}
      </ol>
    </section>
  );
}

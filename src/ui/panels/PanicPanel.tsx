// Panic: the message and location, the call-stack picture, the backtrace (click reveals and
// highlights the line), and the unwinding steps a teacher can walk through one at a time
// (Prev/Next or the arrow keys) while the picture pops frames and the editor highlights each
// step's line. A stack overflow shows its depth gauge and folded frames here too. Panics and
// overflows after the shared trace position (scrub-store) are not shown yet.
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useRun } from '../state/run-store';
import { useUi } from '../state/ui-store';
import { effectivePosition, useScrub } from '../state/scrub-store';
import type { SourceLoc } from '../../runtime/api';
import { collectPanics, overflowsUpTo, panicBadge, panicMarks, panicsUpTo } from './panics';
import { describeUnwindStep, locText, stepLoc } from './outcome-text';
import { stackPicture } from './callstack-model';
import { CallStackView } from './CallStackView';
import { OverflowView } from './OverflowView';
import './teaching-views.css';

const reveal = (loc: SourceLoc | null) => {
  if (loc) useUi.getState().reveal(loc.file, loc.line, loc.col, true);
};

export function PanicPanel() {
  const trace = useRun((s) => s.trace);
  const final = useRun((s) => s.panic);
  const position = useScrub((s) => s.position);
  const all = useMemo(() => collectPanics(trace, final), [trace, final]);
  const marks = useMemo(() => panicMarks(trace), [trace]);
  const panics = useMemo(() => panicsUpTo(all, marks, trace.length, position), [all, marks, trace.length, position]);
  const overflows = useMemo(() => overflowsUpTo(marks, position), [marks, position]);
  const [which, setWhich] = useState(0);
  const [step, setStep] = useState(-1);
  const index = Math.min(which, Math.max(0, panics.length - 1));

  // a new run: show its last (usually the uncaught) panic from the start
  useEffect(() => { setWhich(Math.max(0, panics.length - 1)); setStep(-1); }, [panics.length, final]);
  const current = panics[index];
  const picture = useMemo(() => (current ? stackPicture(current.info, step) : null), [current, step]);

  const overflowViews = overflows.map((o, i) => <OverflowView key={i} info={o} reveal={reveal} />);
  if (panics.length === 0 || !picture) {
    if (overflows.length) return <div className="panic-panel" data-position={effectivePosition(position, trace.length)}>{overflowViews}</div>;
    return <div className="empty" data-position={effectivePosition(position, trace.length)}>{all.length && position !== null ? 'No panic up to this point of the run.' : 'No panic in the last run.'}</div>;
  }
  const { info, caught } = current;
  const steps = info.unwind;

  const go = (k: number) => {
    const next = Math.max(0, Math.min(steps.length - 1, k));
    setStep(next);
    reveal(stepLoc(steps[next]));
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowRight') { e.preventDefault(); go(step + 1); }
    if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') { e.preventDefault(); go(step - 1); }
    if (e.key === 'Home') { e.preventDefault(); go(0); }
    if (e.key === 'End') { e.preventDefault(); go(steps.length - 1); }
  };

  return (
    <div className="panic-panel" onKeyDown={onKey} data-position={effectivePosition(position, trace.length)}>
      {overflowViews}
      {panics.length > 1 && (
        <div className="panic-picker" role="group" aria-label="Panics in this run">
          {panics.map((p, i) => (
            <button type="button" key={i} aria-pressed={i === index} onClick={() => { setWhich(i); setStep(-1); }}>
              {i + 1}. {p.caught ? 'caught' : 'uncaught'}: {p.info.message}
            </button>
          ))}
        </div>
      )}
      <div className="panic-head">
        <strong className="panic-msg" data-testid="panic-message">panic: {info.message}</strong>
        {' '}
        <button type="button" className="link" onClick={() => reveal(info.location)}>{locText(info.location)}</button>
        <span className="panic-kind">{caught ? ' (caught by catch_panic)' : ''}{info.task ? ` · task ${info.task}` : ''}</span>
      </div>
      <div className="panic-cols">
        <section aria-label="Call stack picture" className="callstack-col">
          <h3>Call stack <small>{picture.popped ? `${picture.popped} frame${picture.popped === 1 ? '' : 's'} popped` : 'at the panic'}</small></h3>
          <CallStackView picture={picture} reveal={reveal} />
        </section>
        <div>
        <section aria-label="Backtrace">
          <h3>Backtrace <small>(innermost first)</small></h3>
          <ol className="frames">
            {info.backtrace.map((f, i) => (
              <li key={i}>
                <button type="button" data-testid="frame" onClick={() => reveal(f.loc)}>
                  <span className="fn">{f.fn}</span> <span className="where">{locText(f.loc)}</span>
                </button>
              </li>
            ))}
          </ol>
        </section>
        <section aria-label="Unwinding steps">
          <h3>Unwinding <small>(step through with ← →)</small></h3>
          <div className="stepper">
            <button type="button" onClick={() => go(step - 1)} disabled={step <= 0}>Prev</button>
            <span aria-live="polite">{step >= 0 ? `step ${step + 1} of ${steps.length}` : `${steps.length} steps`}</span>
            <button type="button" onClick={() => go(step + 1)} disabled={step >= steps.length - 1}>Next</button>
          </div>
          <ol className="unwind" tabIndex={0} aria-label="Unwinding steps (arrow keys step through)" aria-activedescendant={step >= 0 ? `unwind-${step}` : undefined}>
            {steps.map((s, i) => (
              <li
                key={i}
                id={`unwind-${i}`}
                data-testid="unwind-step"
                className={`step-${s.kind}${i === step ? ' current' : ''}`}
                aria-current={i === step ? 'step' : undefined}
                onClick={() => go(i)}
              >
                {describeUnwindStep(s)}
              </li>
            ))}
          </ol>
        </section>
        </div>
      </div>
    </div>
  );
}

/** '!' for an uncaught panic or a stack overflow; "N caught" when every panic was caught. */
export function usePanicBadge(): string | null {
  const panic = useRun((s) => s.panic);
  const trace = useRun((s) => s.trace);
  return useMemo(() => panicBadge(trace, panic !== null), [trace, panic]);
}

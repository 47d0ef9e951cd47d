// The "Call stack" picture of a panic: frames as stacked boxes (innermost on top) with their
// parameters and locals at the panic (name: type = value), the values they drop and the defers
// they run; the unwinding step decides what is popped, crossed out and ticked. Every state has
// a word and a pattern besides its colour.
import type { SourceLoc } from '../../runtime/api';
import type { StackPicture, StackBox } from './callstack-model';
import { locText } from './outcome-text';

const STATE_WORD: Record<StackBox['state'], string> = {
  live: 'live', unwinding: 'unwinding', popped: 'popped', kept: 'kept',
};

export function CallStackView({ picture, reveal }: { picture: StackPicture; reveal: (l: SourceLoc | null) => void }) {
  const { boxes, catchAt, aborted } = picture;
  return (
    // the catch and abort lines sit between the frames: no role, a list may only own list items
    <div className="callstack" role="list" aria-label="Call stack">
      <div className="callstack-top" aria-hidden="true">top of stack ↑</div>
      {boxes.map((b, i) => (
        <div key={i} role="presentation">
          {catchAt && catchAt.index === i && (
            <div className={`catch-line${catchAt.reached ? ' reached' : ''}`} data-testid="catch-line">
              <span className="catch-mark" aria-hidden="true">■</span>{' '}
              catch_panic {catchAt.reached ? 'stopped' : 'will stop'} the unwinding here{' '}
              <button type="button" className="link" onClick={() => reveal(catchAt.loc)}>{locText(catchAt.loc)}</button>
            </div>
          )}
          <FrameBox box={b} reveal={reveal} />
        </div>
      ))}
      {aborted && (
        <div className={`abort-line${aborted.reached ? ' reached' : ''}`}>
          ✖ {aborted.reason === 'panic=abort'
            ? 'panic=abort: the program stops without unwinding'
            : aborted.reached ? `aborted: ${aborted.reason}` : 'no catch_panic below: once unwound, the run aborts'}
        </div>
      )}
    </div>
  );
}

function FrameBox({ box, reveal }: { box: StackBox; reveal: (l: SourceLoc | null) => void }) {
  const label = `${box.fn}, ${STATE_WORD[box.state]}${box.values.length ? `, ${box.values.length} value${box.values.length === 1 ? '' : 's'}` : ''}${box.defers.length ? `, ${box.defers.length} defer${box.defers.length === 1 ? '' : 's'}` : ''}`;
  return (
    <div
      role="listitem"
      aria-label={label}
      aria-current={box.current ? 'step' : undefined}
      data-testid="stack-frame"
      data-state={box.state}
      className={`stack-box state-${box.state}${box.current ? ' current' : ''}`}
    >
      <div className="stack-head">
        <button type="button" className="stack-fn" onClick={() => reveal(box.loc)} title="Show in the editor">
          {box.fn}
        </button>
        <span className="stack-where">{locText(box.loc)}</span>
        <span className="stack-state">{STATE_WORD[box.state]}</span>
      </div>
      {(box.values.length > 0 || box.defers.length > 0) && (
        <ul className="stack-items">
          {box.values.map((v, j) => (
            <li key={`v${j}`} className={`stack-value${v.dropped ? ' is-dropped' : ''}${v.current ? ' current' : ''}${v.local && v.local !== 'live' ? ` is-${v.local}` : ''}`} data-testid="stack-value" data-dropped={v.dropped} data-local={v.local}>
              <button type="button" className="plain" onClick={() => reveal(v.loc)}>
                <span className="v-name">{v.name || '(temporary)'}</span>: <span className="v-type">{v.type}</span>
                {v.shown && v.local !== 'moved' && <span className="v-shown"> = {v.shown}</span>}
              </button>
              {v.dropped && <span className="tag">dropped</span>}
              {!v.dropped && v.local === 'moved' && <span className="tag">moved</span>}
              {!v.dropped && v.local === 'shadowed' && <span className="tag">shadowed</span>}
            </li>
          ))}
          {box.defers.map((d, j) => (
            <li key={`d${j}`} className={`stack-defer${d.ran ? ' ran' : ''}${d.current ? ' current' : ''}`} data-testid="stack-defer" data-ran={d.ran}>
              <button type="button" className="plain" onClick={() => reveal(d.loc)}>
                <span aria-hidden="true">{d.ran ? '☑' : '☐'}</span> defer at line {d.loc?.line ?? '?'}
              </button>
              <span className="tag">{d.ran ? 'ran' : 'pending'}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

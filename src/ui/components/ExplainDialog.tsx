// The Explain dialog: one diagnostics-table entry (lang/codes.ts) — title, explanation, its message
// templates, the failing example and its fix — each example loadable into the editor as a new session (like Examples:
// work of one's own goes to Recent sessions first).
import { useEffect, useRef } from 'react';
import { codeInfo } from '../../lang/codes';
import { useExplain } from '../state/explain-store';
import { loadProgram } from './ExamplesMenu';
import { useUi } from '../state/ui-store';

function Example({ heading, text, which }: { heading: string; text: string; which: 'failing' | 'fixed' }) {
  const close = useExplain((s) => s.close);
  return (
    <section className="explain-example" data-testid={`explain-${which}`}>
      <div className="explain-example-head">
        <h3>{heading}</h3>
        <button type="button" aria-label={`Open the ${which} example in the editor`} onClick={() => {
          loadProgram(text);
          // the failing example is about its diagnostic: show Problems; the fix is to be run
          useUi.getState().setActivePanel(which === 'failing' ? 'problems' : 'output');
          close();
        }}>Open in editor</button>
      </div>
      <pre>{text}</pre>
    </section>
  );
}

export function ExplainDialog() {
  const ref = useRef<HTMLDialogElement>(null);
  const code = useExplain((s) => s.code);
  const close = useExplain((s) => s.close);
  const info = code ? codeInfo(code) : undefined;
  useEffect(() => {
    const d = ref.current!;
    if (code && !d.open) d.showModal();
    if (!code && d.open) d.close();
  }, [code]);
  return (
    <dialog ref={ref} className="settings explain-dialog" aria-labelledby="explain-title" onClose={close} onCancel={close} data-testid="explain-dialog">
      {code && (
        <div className="explain-body">
          <h2 id="explain-title">{info ? `${info.code}: ${info.title}` : `Unknown code ${code}`}</h2>
          {info && <p className="explain-severity">{info.severity}</p>}
          <p className="explain-text">{info ? info.explain : 'This code is not in the diagnostics table.'}</p>
          {info && Object.keys(info.messages).length > 0 && (
            <section className="explain-messages" data-testid="explain-messages">
              <h3>Messages</h3>
              <ul>{Object.entries(info.messages).map(([name, t]) => <li key={name}><code>{name}</code>: {t}</li>)}</ul>
              {Object.keys(info.notes).length > 0 && <>
                <h3>Notes it may add</h3>
                <ul>{Object.entries(info.notes).map(([name, t]) => <li key={name}><code>{name}</code>: {t}</li>)}</ul>
              </>}
            </section>
          )}
          {info?.bad != null && <Example heading="Example that gets it" text={info.bad} which="failing" />}
          {info?.good != null && <Example heading="Fixed" text={info.good} which="fixed" />}
          <p className="explain-cli">Also on the command line: <code>vex explain {info?.code ?? code}</code></p>
          <div className="dialog-buttons"><span className="spacer" /><button type="button" className="primary" onClick={close}>Close</button></div>
        </div>
      )}
    </dialog>
  );
}

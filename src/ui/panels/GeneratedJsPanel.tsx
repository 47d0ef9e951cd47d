// Generated JS: the JavaScript the compiler emits for the current program, read-only, for the
// curious. Asked from the language worker whenever the files change (debounced like the checker),
// so it needs no run and always matches what Run would execute.
import { useEffect, useState } from 'react';
import { useFiles } from '../state/files-store';
import { generatedJs } from '../run/controller';

const DEBOUNCE_MS = 400;

type View = { state: 'loading' } | { state: 'ok'; js: string } | { state: 'errors'; errors: number };

export function GeneratedJsPanel() {
  const files = useFiles((s) => s.files);
  const [view, setView] = useState<View>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      generatedJs().then((r) => {
        if (!live) return;
        setView(r.js !== null ? { state: 'ok', js: r.js } : { state: 'errors', errors: r.errors });
      });
    }, DEBOUNCE_MS);
    return () => { live = false; clearTimeout(timer); };
  }, [files]);

  if (view.state === 'loading') return <div className="empty">Compiling…</div>;
  if (view.state === 'errors') {
    return <div className="empty" data-testid="generated-js-empty">
      {view.errors > 0
        ? `The program does not compile (${view.errors} error${view.errors === 1 ? '' : 's'}), so there is no JavaScript to show. Fix it (see Problems) and the code appears here.`
        : 'No JavaScript could be generated for this program.'}
    </div>;
  }
  return (
    <pre className="generated-js" role="region" aria-label="Generated JavaScript (read-only)" tabIndex={0}
      data-testid="generated-js" style={{ margin: 0, padding: '6px 8px', overflow: 'auto', height: '100%', boxSizing: 'border-box', fontSize: '12px' }}>
      {view.js}
    </pre>
  );
}

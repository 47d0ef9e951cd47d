// What an embed shows below its output instead of pointing at panels it does not have: the compile
// diagnostics as the terminal renders them (each with a link to its line) and the uncaught panic's
// message and backtrace (each frame reveals its line).
import { renderDiagnostic } from '../../lang/diagnostics';
import type { SourceLoc } from '../../runtime/api';
import { useRun } from '../state/run-store';
import { useFiles } from '../state/files-store';
import { useUi } from '../state/ui-store';
import { locText } from '../panels/outcome-text';

const reveal = (l: SourceLoc | null) => { if (l) useUi.getState().reveal(l.file, l.line, l.col, true); };

export function InlineRunDetails() {
  const diagnostics = useRun((s) => s.compileDiagnostics);
  const panic = useRun((s) => s.panic);
  const files = useFiles((s) => s.files);
  const shown = diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
  if (shown.length === 0 && !panic) return null;
  return (
    <div className="inline-details" data-testid="inline-details">
      {shown.map((d, i) => (
        <div key={i} className={`inline-diag sev-${d.severity}`} data-testid="inline-diagnostic">
          <button type="button" className="link" onClick={() => useUi.getState().reveal(d.span.file, d.span.line, d.span.col)}>
            {d.span.file}:{d.span.line}:{d.span.col}
          </button>
          <pre>{renderDiagnostic(d, files.find((f) => f.name === d.span.file)?.text ?? '')}</pre>
        </div>
      ))}
      {panic && (
        <div className="inline-panic" data-testid="inline-panic">
          <div><strong>panic: {panic.message}</strong> <button type="button" className="link" onClick={() => reveal(panic.location)}>{locText(panic.location)}</button></div>
          <ol className="frames" aria-label="Backtrace (innermost first)">
            {panic.backtrace.map((f, i) => (
              <li key={i}>
                <button type="button" data-testid="inline-frame" onClick={() => reveal(f.loc)}>
                  <span className="fn">{f.fn}</span> <span className="where">{locText(f.loc)}</span>
                </button>
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}

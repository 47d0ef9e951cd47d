// Problems: every diagnostic with code, message and file:line:col; clicking moves the cursor there
// (opening that file's tab); "Explain" opens the code's entry of the diagnostics table. With
// problems in several tabs they are grouped under each file's name.
import { useProblems } from '../state/problems';
import { useUi } from '../state/ui-store';
import { useExplain } from '../state/explain-store';

export function ProblemsPanel() {
  const problems = useProblems();
  if (problems.length === 0) return <div className="empty">No problems.</div>;
  const files = new Set(problems.map((d) => d.span.file));
  const count = (f: string) => problems.filter((d) => d.span.file === f).length;
  return (
    <ul className="problems" aria-label="Problems">
      {problems.map((d, i) => [
        files.size > 1 && (i === 0 || problems[i - 1].span.file !== d.span.file) && (
          <li key={`file-${d.span.file}`} className="problem-file" data-testid="problem-file">{d.span.file} ({count(d.span.file)})</li>
        ),
        <li key={`${d.code}-${d.span.file}-${d.span.start}-${i}`}>
          <button
            type="button"
            className={`problem sev-${d.severity}`}
            data-testid="problem"
            onClick={() => useUi.getState().reveal(d.span.file, d.span.line, d.span.col)}
          >
            <span className="sev">{d.severity}</span>
            <span className="code">{d.code}</span>
            <span className="msg">{d.message}</span>
            <span className="where">{d.span.file}:{d.span.line}:{d.span.col}</span>
          </button>
          {d.code && (
            <button type="button" className="explain-code" data-testid="explain-problem" aria-label={`Explain ${d.code}`} onClick={() => useExplain.getState().explain(d.code)}>
              Explain
            </button>
          )}
          {d.notes.length > 0 && <div className="notes">{d.notes.map((n) => <div key={n}>{n}</div>)}</div>}
        </li>,
      ])}
    </ul>
  );
}

export function useProblemsBadge(): string | null {
  const n = useProblems().filter((d) => d.severity === 'error').length;
  return n ? String(n) : null;
}

// Console: the REPL (§6.17) in the browser. Each cell is run once in the worker's live session;
// the panel shows every cell with its output and echo, errors as diagnostics marked in the cell's
// text, a panic with its backtrace (a frame in another cell jumps to that cell). The input takes
// several lines: Enter runs it once its brackets balance, Shift+Enter always adds a line, ↑/↓
// walk the history.
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useConsole, type ConsoleEntry } from '../console/console-store';
import { submitCell, resetConsole, stopConsole } from '../console/console-controller';
import { isCellComplete, historyMove, type HistoryState } from '../console/cell-input';
import type { Diagnostic } from '../../lang/diagnostics';
import type { SourceLoc } from '../../runtime/api';
import { useUi } from '../state/ui-store';

const CELL_FILE = /^cell(\d+)$/;

function goTo(loc: SourceLoc | null): void {
  if (!loc) return;
  const m = CELL_FILE.exec(loc.file);
  if (m) useConsole.getState().focusCell(Number(m[1]));
  else useUi.getState().reveal(loc.file, loc.line, loc.col, true);
}

/** The cell's text with the primary spans of its diagnostics marked. */
function MarkedInput({ text, diags }: { text: string; diags: Diagnostic[] }) {
  const spans = diags.filter((d) => d.span.end > d.span.start && d.span.end <= text.length).map((d) => d.span).sort((a, b) => a.start - b.start);
  const parts: ReactNode[] = [];
  let at = 0;
  spans.forEach((s, i) => {
    if (s.start < at) return;
    parts.push(<span key={`t${i}`}>{text.slice(at, s.start)}</span>);
    parts.push(<mark key={`m${i}`} className="console-span">{text.slice(s.start, s.end)}</mark>);
    at = s.end;
  });
  parts.push(<span key="rest">{text.slice(at)}</span>);
  return <>{parts}</>;
}

function Entry({ entry, flash }: { entry: ConsoleEntry; flash: boolean }) {
  const r = entry.result;
  const lines = entry.input.split('\n');
  const prompt = lines.map((_, i) => (i === 0 ? 'vex> ' : '...> ')).join('\n');
  return (
    <li className={`console-cell${flash ? ' flash' : ''}`} data-testid="console-cell" data-cell={r?.cell ?? ''}>
      <pre className="console-in"><span className="console-prompt" aria-hidden="true">{prompt}</span><code><MarkedInput text={entry.input} diags={r?.diagnostics ?? []} /></code></pre>
      {entry.state === 'running' && <div className="console-note">running…</div>}
      {entry.state === 'lost' && <div className="console-note" data-testid="console-stopped">stopped: the session goes on as it was before this cell</div>}
      {r && (
        <div className="console-out">
          {r.diagnostics.map((d, i) => (
            <div key={`d${i}`} className={`console-diag ${d.severity}`} data-testid="console-diag">
              {d.severity}[{d.code}]: {d.message} <span className="where">({d.span.line}:{d.span.col})</span>
              {d.notes.map((n, j) => <div key={j} className="console-note">{n}</div>)}
            </div>
          ))}
          {r.output.map((c, i) => (
            <pre key={`o${i}`} className={`console-${c.stream}`} data-testid={c.stream === 'stdout' ? 'console-stdout' : 'console-stderr'}>{c.text.replace(/\n$/, '')}</pre>
          ))}
          {(r.kind === 'type' || r.kind === 'help') && r.text !== null && <pre className="console-stdout" data-testid="console-stdout">{r.text}</pre>}
          {r.kind === 'unknown-command' && <div className="console-diag error">{r.text}</div>}
          {r.outcome?.kind === 'internal-error' && <div className="console-diag internal">internal error (a playground bug, not your code): {r.outcome.message}</div>}
          {r.outcome && r.outcome.kind !== 'exited' && r.outcome.kind !== 'panicked' && r.outcome.kind !== 'internal-error' && (
            <div className="console-diag error">cell ended: {r.outcome.kind}{'reason' in r.outcome ? ` (${r.outcome.reason})` : ''}{'limit' in r.outcome ? ` (${r.outcome.limit} limit)` : ''}</div>
          )}
          {r.panic && (
            <div className="console-panic" data-testid="console-panic">
              <strong>panic: {r.panic.message}</strong>
              <ol className="frames">
                {r.panic.backtrace.map((f, i) => (
                  <li key={i}>
                    <button type="button" className="link" data-testid="console-frame" onClick={() => goTo(f.loc)}>
                      {f.fn} <span className="where">{f.loc ? `${f.loc.file}:${f.loc.line}:${f.loc.col}` : '?'}</span>
                    </button>
                  </li>
                ))}
              </ol>
            </div>
          )}
        </div>
      )}
    </li>
  );
}

export function ConsolePanel() {
  const entries = useConsole((s) => s.entries);
  const history = useConsole((s) => s.history);
  const focus = useConsole((s) => s.focus);
  const restore = useConsole((s) => s.restore);
  const [text, setText] = useState('');
  const [hist, setHist] = useState<HistoryState>({ items: history, at: history.length, draft: '' });
  const list = useRef<HTMLOListElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const busy = entries.some((e) => e.state === 'running');

  useEffect(() => { setHist({ items: history, at: history.length, draft: '' }); }, [history]);
  useEffect(() => { list.current?.lastElementChild?.scrollIntoView?.({ block: 'nearest' }); }, [entries.length]);
  useEffect(() => {
    if (!focus || !list.current) return;
    const el = list.current.querySelector(`[data-cell="${focus.cell}"]`);
    el?.scrollIntoView?.({ block: 'nearest' });
  }, [focus]);

  const run = () => {
    if (!text.trim()) return;
    submitCell(text);
    setText('');
  };
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    const ta = e.currentTarget;
    if (e.key === 'Enter' && !e.shiftKey) {
      if (isCellComplete(text)) { e.preventDefault(); run(); }
      return; // an unfinished cell: Enter adds a line
    }
    const onFirst = !text.slice(0, ta.selectionStart).includes('\n');
    const onLast = !text.slice(ta.selectionEnd).includes('\n');
    if ((e.key === 'ArrowUp' && onFirst) || (e.key === 'ArrowDown' && onLast)) {
      const mv = historyMove(hist, e.key === 'ArrowUp' ? -1 : 1, text);
      if (!mv) return;
      e.preventDefault();
      setHist(mv.state);
      setText(mv.text);
    }
  };

  return (
    <div className="console-panel">
      <div className="console-bar">
        <span className="muted">Cells run once in a live session · <code>:type EXPR</code> · <code>:reset</code> · <code>:help</code></span>
        <button type="button" onClick={() => stopConsole()} disabled={!busy}>Stop cell</button>
        <button type="button" onClick={() => resetConsole()} data-testid="console-reset">Reset session</button>
      </div>
      <ol className="console-cells" ref={list} aria-label="Console cells" aria-live="polite">
        {entries.map((e) => <Entry key={e.key} entry={e} flash={!!focus && e.result?.cell === focus.cell} />)}
      </ol>
      {restore && (
        <div className="console-note" data-testid="console-restore" role="status">
          {restore.state === 'restoring' ? 'Restoring the session (running the earlier cells again)…' : `Session restored (${restore.cells} cell${restore.cells === 1 ? '' : 's'} re-run).`}
        </div>
      )}
      <div className="console-input">
        <span className="console-prompt" aria-hidden="true">vex&gt;</span>
        <textarea
          ref={input}
          data-testid="console-input"
          aria-label="Console input (Enter runs a complete cell, Shift+Enter adds a line, arrows walk the history)"
          rows={Math.min(8, text.split('\n').length)}
          value={text}
          spellCheck={false}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKey}
        />
        <button type="button" onClick={run} data-testid="console-run">Run cell</button>
      </div>
    </div>
  );
}

// Embed mode (?embed=1) for tutorials: a compact editor, Run, the Output, and a link that opens
// the same code in the full playground.
import { useEffect, useState } from 'react';
import { LazyEditor } from '../editor/LazyEditor';
import { OutputPanel } from '../panels/OutputPanel';
import { NoticeBar } from '../components/NoticeBar';
import { runProgram, stopProgram } from '../run/controller';
import { useRun } from '../state/run-store';
import { useFiles } from '../state/files-store';
import { useSettings } from '../state/settings-store';
import { hashForSession } from '../share/session';
import { currentSession } from '../state/persistence';

function playgroundLink(): string {
  return `${location.origin}${location.pathname}${hashForSession(currentSession())}`;
}

export function EmbedApp() {
  const status = useRun((s) => s.status);
  const files = useFiles((s) => s.files);
  const settings = useSettings((s) => s.settings);
  const [href, setHref] = useState(playgroundLink);
  useEffect(() => setHref(playgroundLink()), [files, settings]);
  const busy = status === 'compiling' || status === 'running';
  return (
    <div className="embed">
      <div className="embed-bar">
        <button type="button" className="primary run" onClick={runProgram} data-testid="run">▶ Run</button>
        <button type="button" onClick={stopProgram} disabled={!busy} data-testid="stop">■ Stop</button>
        <span className="spacer" />
        <a href={href} target="_blank" rel="noopener" data-testid="open-in-playground">Open in playground ↗</a>
      </div>
      <NoticeBar />
      <div className="embed-editor"><LazyEditor compact /></div>
      <div className="embed-output" data-testid="panel-output"><OutputPanel /></div>
    </div>
  );
}

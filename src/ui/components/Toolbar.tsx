// The toolbar: Run (Ctrl/Cmd+Enter), Stop, Examples, Share, bug report, Settings, theme and
// presentation mode.
import { useState } from 'react';
import { useRun } from '../state/run-store';
import { useSettings, type ThemeChoice } from '../state/settings-store';
import { useUi } from '../state/ui-store';
import { useFiles } from '../state/files-store';
import { runProgram, stopProgram, sendInterrupt, canSendSignals } from '../run/controller';
import { shareUrl } from '../state/persistence';
import { copyText } from '../share/clipboard';
import { bugReport } from '../share/bug-report';
import { outputText } from '../state/output-model';
import { describeEnd } from '../panels/outcome-text';
import { ExamplesMenu } from './ExamplesMenu';
import { SettingsDialog } from './SettingsDialog';
import { useConsole } from '../console/console-store';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const RUN_SHORTCUT = isMac ? '⌘+Enter' : 'Ctrl+Enter';

async function copyBugReport() {
  const run = useRun.getState();
  const settings = useSettings.getState().settings;
  const md = bugReport({
    files: useFiles.getState().files,
    settings,
    version: __VEX_VERSION__,
    build: __VEX_BUILD__,
    outcome: run.end ? describeEnd(run.end, settings).text : 'not run',
    output: outputText(run.output, true),
    link: shareUrl(),
    cells: useConsole.getState().cells,
  });
  await copyText(md);
  useUi.getState().notify('info', 'Bug report copied to the clipboard as Markdown.');
}

export function Toolbar() {
  const status = useRun((s) => s.status);
  const theme = useSettings((s) => s.theme);
  const presentation = useSettings((s) => s.presentation);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const busy = status === 'compiling' || status === 'running';

  return (
    <header className="toolbar" role="toolbar" aria-label="Playground">
      <span className="brand">Vex Playground</span>
      <button type="button" className="primary run" onClick={runProgram} title={`Run (${RUN_SHORTCUT})`} data-testid="run">
        ▶ Run <kbd>{RUN_SHORTCUT}</kbd>
      </button>
      <button type="button" className="stop" onClick={stopProgram} disabled={!busy} title="Stop the running program" data-testid="stop">
        ■ Stop
      </button>
      {canSendSignals() && (
        <button type="button" onClick={sendInterrupt} disabled={!busy} title="Deliver SIGINT at the next statement (the program may handle it)" data-testid="sigint">
          SIGINT
        </button>
      )}
      <ExamplesMenu />
      <button type="button" data-testid="share" onClick={async () => {
        await copyText(shareUrl());
        useUi.getState().notify('info', 'Share link copied: it reproduces these files and settings.');
      }}>Share</button>
      <button type="button" onClick={copyBugReport}>Copy bug report</button>
      <span className="spacer" />
      <button type="button" onClick={() => setSettingsOpen(true)} data-testid="settings">Settings</button>
      <label className="theme-pick">
        <span className="sr-only">Theme</span>
        <select aria-label="Theme" value={theme} onChange={(e) => useSettings.getState().setTheme(e.target.value as ThemeChoice)}>
          <option value="system">System</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </label>
      <button type="button" aria-pressed={presentation} onClick={() => useSettings.getState().setPresentation(!presentation)} title="Large fonts for a projector">
        Presentation
      </button>
      <SettingsDialog open={settingsOpen} onClose={() => setSettingsOpen(false)} />
    </header>
  );
}

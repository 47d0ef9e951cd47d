// The toolbar: Run (Ctrl/Cmd+Enter), Stop, Examples, Share, bug report, Settings, theme and
// presentation mode. Below 800 px wide the less-used buttons fold into a "More" menu; Run, Stop
// and Examples stay visible.
import { useState } from 'react';
import { useRun } from '../state/run-store';
import { useSettings, type ThemeChoice } from '../state/settings-store';
import { useUi } from '../state/ui-store';
import { runProgram, stopProgram, sendInterrupt, canSendSignals } from '../run/controller';
import { shareUrl } from '../state/persistence';
import { copyText } from '../share/clipboard';
import { copyBugReport } from '../share/copy-bug-report';
import { ExamplesMenu } from './ExamplesMenu';
import { RecentMenu } from './RecentMenu';
import { LONG_LINK_BYTES } from '../share/recent-sessions';
import { SettingsDialog } from './SettingsDialog';
import { EmbedDialog } from './EmbedDialog';
import { MenuButton, type MenuItem } from './MenuButton';
import { useNarrow } from './use-media-query';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const RUN_SHORTCUT = isMac ? '⌘+Enter' : 'Ctrl+Enter';

async function share() {
  const url = shareUrl();
  await copyText(url);
  if (url.length > LONG_LINK_BYTES)
    useUi.getState().notify('warning', `Share link copied, but it is ${(url.length / 1024).toFixed(1)} KB: chat apps, mail clients and some servers cut links over ${LONG_LINK_BYTES / 1024} KB. For long programs, paste the bug report (it holds the files) instead.`);
  else useUi.getState().notify('info', 'Share link copied: it reproduces these files and settings.');
}

const togglePresentation = () => useSettings.getState().setPresentation(!useSettings.getState().presentation);

export function Toolbar() {
  const status = useRun((s) => s.status);
  const theme = useSettings((s) => s.theme);
  const presentation = useSettings((s) => s.presentation);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [embedOpen, setEmbedOpen] = useState(false);
  const busy = status === 'compiling' || status === 'running';
  const narrow = useNarrow();

  const more: MenuItem[] = [
    { id: 'share', label: 'Copy share link' },
    { id: 'embed', label: 'Copy embed…' },
    { id: 'bug', label: 'Copy bug report' },
    { id: 'settings', label: 'Settings…' },
    ...(['light', 'dark', 'system'] as const).filter((t) => t !== theme).map((t) => ({ id: `theme-${t}`, label: `${t === 'system' ? 'System' : t === 'light' ? 'Light' : 'Dark'} theme` })),
    { id: 'presentation', label: presentation ? 'Leave presentation mode' : 'Presentation mode' },
  ];
  const onMore = (id: string) => {
    if (id === 'share') void share();
    else if (id === 'embed') setEmbedOpen(true);
    else if (id === 'bug') void copyBugReport();
    else if (id === 'settings') setSettingsOpen(true);
    else if (id === 'presentation') togglePresentation();
    else if (id.startsWith('theme-')) useSettings.getState().setTheme(id.slice(6) as ThemeChoice);
  };

  return (
    <header>
    <div className="toolbar" role="toolbar" aria-label="Playground">
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
      {narrow ? (
        <>
          <RecentMenu />
          <MenuButton label="More" items={more} onChoose={onMore} testId="more" className="more-menu" />
        </>
      ) : (
        <>
          <RecentMenu />
          <button type="button" data-testid="share" onClick={() => void share()}>Share</button>
          <button type="button" onClick={() => setEmbedOpen(true)} data-testid="copy-embed">Copy embed</button>
          <button type="button" onClick={() => void copyBugReport()} data-testid="bug-report">Copy bug report</button>
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
          <button type="button" aria-pressed={presentation} onClick={togglePresentation} title="Large fonts for a projector">
            Presentation
          </button>
        </>
      )}
      <SettingsDialog open={settingsOpen} onClose={() => setSettingsOpen(false)} />
      <EmbedDialog open={embedOpen} onClose={() => setEmbedOpen(false)} />
    </div>
    </header>
  );
}

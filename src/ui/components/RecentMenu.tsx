// Recent sessions: work kept when a link, an example or another recent session replaced it.
// Choosing one restores it (the current work is kept in turn).
import { useState } from 'react';
import { readRecent, type RecentEntry } from '../share/recent-sessions';
import { switchSession } from '../state/persistence';
import { useUi } from '../state/ui-store';
import { MenuButton } from './MenuButton';

const when = (t: number) => new Date(t).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function load(): RecentEntry[] {
  try { return readRecent(localStorage); } catch { return []; }
}

export function RecentMenu() {
  // read on every open: another tab may have added entries
  const [entries, setEntries] = useState<RecentEntry[]>(load);
  const items = entries.map((e) => ({ id: String(e.savedAt), label: e.title, detail: when(e.savedAt) }));
  return (
    <span onFocusCapture={() => setEntries(load())} onMouseDownCapture={() => setEntries(load())}>
      <MenuButton
        label="Recent"
        items={items}
        testId="recent"
        emptyText="No earlier sessions yet"
        onChoose={(id) => {
          const e = load().find((x) => String(x.savedAt) === id);
          if (!e) return;
          switchSession(e.session);
          useUi.getState().notify('info', `Restored the session from ${when(e.savedAt)}. The work it replaced is under Recent sessions.`);
        }}
      />
    </span>
  );
}

// Where a session comes from at startup (the link wins, then autosave, then the default
// program) and how it is kept: autosave to localStorage on every change, and the URL hash
// updated with history.replaceState (no history spam). Whatever would overwrite the autosaved work
// (a link, an example, another recent session) first keeps it in the Recent sessions list.
import { decodeSession, hashForSession, sessionFromData, sessionParamFromHash, sessionToData, type Session } from '../share/session';
import { useFiles } from './files-store';
import { useSettings } from './settings-store';
import { useUi } from './ui-store';
import { DEFAULT_SETTINGS } from './settings-model';
import { DEFAULT_PROGRAM } from '../examples';
import { rememberSession, sameSession } from '../share/recent-sessions';
import { useConsole } from '../console/console-store';
import { replayCells } from '../console/console-controller';

export const STORAGE_KEY = 'vex-playground:session';
const HASH_DELAY_MS = 150;

export const defaultSession = (): Session => ({
  files: [{ name: 'main.vx', text: DEFAULT_PROGRAM }],
  active: 'main.vx',
  settings: DEFAULT_SETTINGS,
});

export function currentSession(): Session {
  const { files, active } = useFiles.getState();
  const cells = useConsole.getState().cells;
  return { files, active, settings: useSettings.getState().settings, ...(cells.length ? { cells } : {}) };
}

function readAutosave(): Session | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (raw) {
      const r = sessionFromData(JSON.parse(raw));
      if (r.ok) return r.session;
    }
  } catch { /* unreadable autosave */ }
  return null;
}

/** Keeps `s` in Recent sessions unless it is the untouched default program. */
export function archiveSession(s: Session, now = Date.now()): void {
  if (sameSession(s, defaultSession())) return;
  try { rememberSession(localStorage, s, now); } catch { /* no storage */ }
}

/** Decides the startup session; reports a damaged link as a notice. A link never silently replaces
 *  the autosaved work: that goes to Recent sessions first (and a notice says where it is). */
export function loadInitialSession(hash: string, useAutosave = true): Session {
  const param = sessionParamFromHash(hash);
  const saved = useAutosave ? readAutosave() : null;
  if (param !== null) {
    const r = decodeSession(param);
    if (r.ok) {
      if (saved && !sameSession(saved, r.session) && !sameSession(saved, defaultSession())) {
        archiveSession(saved);
        useUi.getState().notify('info', 'Opened the shared session. Your previous work is kept under Recent sessions.');
      }
      return r.session;
    }
    useUi.getState().notify('error', `This share link could not be opened: ${r.reason}. Showing the default program instead.`);
    if (saved) archiveSession(saved);
    return defaultSession();
  }
  return saved ?? defaultSession();
}

/** Replaces the current session by `next` (a recent session, an example), keeping the current one
 *  in Recent sessions when it differs. */
export function switchSession(next: Session): void {
  const cur = currentSession();
  if (!sameSession(cur, next)) archiveSession(cur);
  applySession(next);
}

export function applySession(s: Session): void {
  useSettings.getState().setSettings(s.settings);
  useFiles.getState().replaceAll(s.files, s.active);
  if (s.cells?.length) replayCells(s.cells); // the Console's session, run again on a fresh machine
}

/** Starts autosave and hash updates; returns an unsubscribe function. */
export function startPersistence(opts: { autosave: boolean; updateHash: boolean }): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = () => {
    const s = currentSession();
    if (opts.autosave) {
      try { localStorage.setItem(STORAGE_KEY, JSON.stringify(sessionToData(s))); } catch { /* quota */ }
    }
    if (opts.updateHash) {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        const url = `${location.pathname}${location.search}${hashForSession(currentSession())}`;
        history.replaceState(history.state, '', url);
      }, HASH_DELAY_MS);
    }
  };
  const a = useFiles.subscribe((s, prev) => { if (s.files !== prev.files || s.active !== prev.active) save(); });
  const b = useSettings.subscribe((s, prev) => { if (s.settings !== prev.settings) save(); });
  const c = useConsole.subscribe((s, prev) => { if (s.cells !== prev.cells) save(); });
  save();
  return () => { a(); b(); c(); if (timer) clearTimeout(timer); };
}

/** The link that reproduces the current session (for Share and bug reports). */
export function shareUrl(embed = false): string {
  const base = `${location.origin}${location.pathname}`;
  return `${base}${embed ? '?embed=1' : ''}${hashForSession(currentSession())}`;
}

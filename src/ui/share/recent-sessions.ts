// Recent sessions: the autosaved work that opening a link, loading an example or restoring another
// session would otherwise overwrite. Kept in localStorage as a short list (newest first, bounded,
// no duplicates), so nothing a person typed is silently lost. Pure apart from the Storage handed in.
import { sessionFromData, sessionToData, type Session } from './session';

export const RECENT_KEY = 'vex-playground:recent';
export const MAX_RECENT = 10;

export interface RecentEntry {
  savedAt: number; // ms since the epoch (shown as a local time)
  title: string; // first meaningful line of main.vx, and the file count
  session: Session;
}

type Store = Pick<Storage, 'getItem' | 'setItem'>;

/** Same files, active tab and settings: the same session for the purpose of de-duplication. */
export function sameSession(a: Session, b: Session): boolean {
  return canonical(a) === canonical(b);
}

function canonical(s: Session): string {
  const settings = Object.fromEntries(Object.entries(s.settings).sort(([x], [y]) => (x < y ? -1 : 1)));
  return JSON.stringify([s.files.map((f) => [f.name, f.text]), s.active, settings, s.cells ?? []]);
}

/** A one-line description: the first non-blank, non-comment-marker line of main.vx. */
export function sessionTitle(s: Session): string {
  const main = s.files.find((f) => f.name === 'main.vx') ?? s.files[0];
  const line = main.text.split('\n').map((l) => l.replace(/^\s*\/\/\s?/, '').trim()).find((l) => l !== '') ?? '(empty)';
  const short = line.length > 60 ? `${line.slice(0, 59)}…` : line;
  return s.files.length > 1 ? `${short} (+${s.files.length - 1} file${s.files.length > 2 ? 's' : ''})` : short;
}

export function readRecent(store: Store): RecentEntry[] {
  let raw: string | null = null;
  try { raw = store.getItem(RECENT_KEY); } catch { return []; }
  if (!raw) return [];
  let data: unknown;
  try { data = JSON.parse(raw); } catch { return []; }
  if (!Array.isArray(data)) return [];
  const out: RecentEntry[] = [];
  for (const d of data) {
    if (!d || typeof d !== 'object') continue;
    const e = d as { t?: unknown; s?: unknown };
    const r = sessionFromData(e.s);
    if (typeof e.t === 'number' && r.ok) out.push({ savedAt: e.t, title: sessionTitle(r.session), session: r.session });
  }
  return out;
}

function write(store: Store, list: RecentEntry[]): void {
  const data = list.map((e) => ({ t: e.savedAt, s: sessionToData(e.session) }));
  // a full quota drops the oldest entries until the list fits
  for (let n = data.length; n >= 0; n--) {
    try { store.setItem(RECENT_KEY, JSON.stringify(data.slice(0, n))); return; } catch { /* quota: try fewer */ }
  }
}

/** Keeps `s` as the newest recent session (an equal older entry moves to the front). */
export function rememberSession(store: Store, s: Session, now: number): RecentEntry[] {
  const list = readRecent(store).filter((e) => !sameSession(e.session, s));
  list.unshift({ savedAt: now, title: sessionTitle(s), session: s });
  const kept = list.slice(0, MAX_RECENT);
  write(store, kept);
  return kept;
}

export function forgetSession(store: Store, savedAt: number): RecentEntry[] {
  const list = readRecent(store).filter((e) => e.savedAt !== savedAt);
  write(store, list);
  return list;
}

/** Links longer than this are cut by some chat apps, mail clients and servers. */
export const LONG_LINK_BYTES = 8 * 1024;

// Startup session choice (link > autosave > default) and the file-tab rules, in Node with a
// stub localStorage.
import { beforeEach, describe, expect, it } from 'vitest';

const store = new Map<string, string>();
(globalThis as unknown as { localStorage: Storage }).localStorage = {
  getItem: (k: string) => store.get(k) ?? null,
  setItem: (k: string, v: string) => void store.set(k, v),
  removeItem: (k: string) => void store.delete(k),
  clear: () => store.clear(),
  key: () => null,
  length: 0,
} as Storage;

const { loadInitialSession, STORAGE_KEY, defaultSession } = await import('./persistence');
const { hashForSession, sessionToData } = await import('../share/session');
const { useUi } = await import('./ui-store');
const { useFiles } = await import('./files-store');
const { DEFAULT_PROGRAM } = await import('../examples');

const saved = { files: [{ name: 'main.vx', text: 'fn main() { println("saved"); }' }], active: 'main.vx', settings: defaultSession().settings };
const linked = { ...saved, files: [{ name: 'main.vx', text: 'fn main() { println("linked"); }' }] };

beforeEach(() => {
  store.clear();
  useUi.setState({ notices: [] });
});

describe('startup session', () => {
  it('uses the link when present, even with an autosave', () => {
    store.set(STORAGE_KEY, JSON.stringify(sessionToData(saved)));
    expect(loadInitialSession(hashForSession(linked))).toEqual(linked);
  });
  it('keeps the autosaved work in Recent sessions when a link replaces it, and says so', async () => {
    const { readRecent } = await import('../share/recent-sessions');
    store.set(STORAGE_KEY, JSON.stringify(sessionToData(saved)));
    expect(loadInitialSession(hashForSession(linked))).toEqual(linked);
    expect(readRecent(localStorage).map((e) => e.session)).toEqual([saved]);
    expect(useUi.getState().notices.map((n) => n.text).join()).toContain('Recent sessions');
  });
  it('opening the same link again does not archive a copy of it', async () => {
    const { readRecent } = await import('../share/recent-sessions');
    store.set(STORAGE_KEY, JSON.stringify(sessionToData(linked)));
    loadInitialSession(hashForSession(linked));
    expect(readRecent(localStorage)).toEqual([]);
    expect(useUi.getState().notices).toEqual([]);
  });
  it('switching sessions keeps the current one', async () => {
    const { readRecent } = await import('../share/recent-sessions');
    const { switchSession, applySession, currentSession } = await import('./persistence');
    applySession(saved);
    switchSession(linked);
    expect(currentSession()).toEqual(linked);
    expect(readRecent(localStorage).map((e) => e.session)).toEqual([saved]);
  });
  it('uses the autosave without a link', () => {
    store.set(STORAGE_KEY, JSON.stringify(sessionToData(saved)));
    expect(loadInitialSession('')).toEqual(saved);
  });
  it('a damaged link gives a notice and the default program', () => {
    store.set(STORAGE_KEY, JSON.stringify(sessionToData(saved)));
    const s = loadInitialSession('#code=garbage!!');
    expect(s.files[0].text).toBe(DEFAULT_PROGRAM);
    expect(DEFAULT_PROGRAM).toContain('fn main()');
    expect(useUi.getState().notices.map((n) => n.kind)).toEqual(['error']);
  });
  it('embeds ignore the autosave', () => {
    store.set(STORAGE_KEY, JSON.stringify(sessionToData(saved)));
    expect(loadInitialSession('', false).files[0].text).toBe(DEFAULT_PROGRAM);
  });
  it('a corrupted autosave falls back to the default program quietly', () => {
    store.set(STORAGE_KEY, '{not json');
    expect(loadInitialSession('').files[0].text).toBe(DEFAULT_PROGRAM);
    expect(useUi.getState().notices).toEqual([]);
  });
});

describe('file tabs', () => {
  beforeEach(() => useFiles.getState().replaceAll([{ name: 'main.vx', text: 'x' }]));
  it('adds fresh names, refuses duplicates and bad names', () => {
    expect(useFiles.getState().addFile()).toEqual({ ok: true, name: 'file1.vx' });
    expect(useFiles.getState().addFile()).toEqual({ ok: true, name: 'file2.vx' });
    expect(useFiles.getState().addFile('file1.vx').ok).toBe(false);
    expect(useFiles.getState().addFile('../evil.vx').ok).toBe(false);
    expect(useFiles.getState().active).toBe('file2.vx');
  });
  it('renames except main.vx, keeping text and the active tab', () => {
    useFiles.getState().addFile();
    useFiles.getState().setText('file1.vx', 'helper');
    expect(useFiles.getState().renameFile('main.vx', 'other.vx').ok).toBe(false);
    expect(useFiles.getState().renameFile('file1.vx', 'util.vx')).toEqual({ ok: true });
    expect(useFiles.getState().files).toEqual([{ name: 'main.vx', text: 'x' }, { name: 'util.vx', text: 'helper' }]);
    expect(useFiles.getState().active).toBe('util.vx');
  });
  it('closes files but never main.vx, moving to a neighbour', () => {
    useFiles.getState().addFile();
    useFiles.getState().closeFile('main.vx');
    useFiles.getState().closeFile('file1.vx');
    expect(useFiles.getState().files.map((f) => f.name)).toEqual(['main.vx']);
    expect(useFiles.getState().active).toBe('main.vx');
  });
});

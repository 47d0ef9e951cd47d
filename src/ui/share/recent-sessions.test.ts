// Recent sessions: newest first, bounded, de-duplicated, robust to damaged storage and quota.
import { describe, expect, it } from 'vitest';
import { MAX_RECENT, RECENT_KEY, forgetSession, readRecent, rememberSession, sessionTitle } from './recent-sessions';
import { DEFAULT_SETTINGS } from '../state/settings-model';
import type { Session } from './session';

function memStore(limit = Infinity) {
  const m = new Map<string, string>();
  return {
    m,
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (v.length > limit) throw new Error('QuotaExceededError');
      m.set(k, v);
    },
  };
}
const sess = (text: string, extra: { name: string; text: string }[] = []): Session => ({
  files: [{ name: 'main.vx', text }, ...extra],
  active: 'main.vx',
  settings: DEFAULT_SETTINGS,
});

describe('recent sessions', () => {
  it('keeps the newest first and restores the exact session', () => {
    const st = memStore();
    rememberSession(st, sess('// one\nfn main() {}'), 1000);
    rememberSession(st, sess('// two\nfn main() {}'), 2000);
    const list = readRecent(st);
    expect(list.map((e) => [e.savedAt, e.title])).toEqual([[2000, 'two'], [1000, 'one']]);
    expect(list[1].session).toEqual(sess('// one\nfn main() {}'));
  });
  it('moves an equal session to the front instead of duplicating it', () => {
    const st = memStore();
    rememberSession(st, sess('a'), 1);
    rememberSession(st, sess('b'), 2);
    rememberSession(st, sess('a'), 3);
    expect(readRecent(st).map((e) => e.savedAt)).toEqual([3, 2]);
  });
  it(`keeps at most ${MAX_RECENT}`, () => {
    const st = memStore();
    for (let i = 0; i < MAX_RECENT + 5; i++) rememberSession(st, sess(`fn main() { println("${i}"); }`), i);
    const list = readRecent(st);
    expect(list.length).toBe(MAX_RECENT);
    expect(list[0].savedAt).toBe(MAX_RECENT + 4);
  });
  it('drops the oldest entries when the storage quota is full', () => {
    const one = JSON.stringify([{ t: 0, s: { v: 1, f: [['main.vx', 'x'.repeat(300)]], a: 'main.vx', s: DEFAULT_SETTINGS } }]).length;
    const st = memStore(one * 2 + 10);
    for (let i = 0; i < 5; i++) rememberSession(st, sess(`${i}`.repeat(300)), i);
    const list = readRecent(st);
    expect(list.length).toBeGreaterThan(0);
    expect(list.length).toBeLessThan(5);
    expect(list[0].savedAt).toBe(4);
  });
  it('ignores damaged storage and damaged entries', () => {
    const st = memStore();
    st.m.set(RECENT_KEY, '{nope');
    expect(readRecent(st)).toEqual([]);
    st.m.set(RECENT_KEY, JSON.stringify([{ t: 5, s: { v: 99 } }, { t: 'x' }, null, { t: 6, s: { v: 1, f: [['main.vx', 'ok']], a: 'main.vx' } }]));
    expect(readRecent(st).map((e) => e.savedAt)).toEqual([6]);
  });
  it('forgets one entry', () => {
    const st = memStore();
    rememberSession(st, sess('a'), 1);
    rememberSession(st, sess('b'), 2);
    expect(forgetSession(st, 1).map((e) => e.savedAt)).toEqual([2]);
  });
  it('titles a session by its first meaningful line and its file count', () => {
    expect(sessionTitle(sess('\n\n// Lesson 4: closures.\nfn main() {}'))).toBe('Lesson 4: closures.');
    expect(sessionTitle(sess('fn main() {}', [{ name: 'util.vx', text: '' }]))).toBe('fn main() {} (+1 file)');
    expect(sessionTitle(sess('   '))).toBe('(empty)');
  });
});

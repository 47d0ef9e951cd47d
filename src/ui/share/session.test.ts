import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeSession, encodeSession, hashForSession, sessionFromData, sessionParamFromHash, sessionToData, type Session } from './session';
import { DEFAULT_SETTINGS } from '../state/settings-model';

const session: Session = {
  files: [
    { name: 'main.vx', text: 'fn main() {\n    println("héllo {}", 1);\n}\n' },
    { name: 'util.vx', text: '// helper\n' },
  ],
  active: 'util.vx',
  settings: { stackSize: 65536, heapLimit: 1 << 20, panic: 'abort', fuel: 1000 },
};

describe('session links', () => {
  it('round-trips files, the active tab and settings', () => {
    const r = decodeSession(encodeSession(session));
    expect(r).toEqual({ ok: true, session });
  });

  it('carries the Console\'s cells (multi-line ones too) and leaves links without them unchanged', () => {
    const withCells: Session = { ...session, cells: ['let! n = 5;', 'fn sq(x: i32): i32 {\n    return x * x;\n}', 'sq(n)'] };
    expect(decodeSession(encodeSession(withCells))).toEqual({ ok: true, session: withCells });
    expect(sessionToData(session)).not.toHaveProperty('c');
    expect(sessionFromData({ v: 1, f: [['main.vx', '']], c: [1, 2] })).toMatchObject({ ok: false, reason: 'the Console cells are damaged' });
  });

  it('round-trips arbitrary file text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => {
      const s = { ...session, files: [{ name: 'main.vx', text }] , active: 'main.vx' };
      expect(decodeSession(encodeSession(s))).toEqual({ ok: true, session: s });
    }), { numRuns: 200 });
  });

  it('rejects truncated and garbage links without throwing', () => {
    const enc = encodeSession(session);
    for (const bad of [enc.slice(0, enc.length / 2), 'not-a-session', '%%%', '', enc.slice(0, 5)]) {
      const r = decodeSession(bad);
      expect(r.ok).toBe(false);
    }
  });

  it('rejects data with missing main.vx, bad names or bad settings', () => {
    expect(sessionFromData({ v: 1, f: [['other.vx', '']] })).toMatchObject({ ok: false });
    expect(sessionFromData({ v: 1, f: [['main.vx', ''], ['../x.vx', '']] })).toMatchObject({ ok: false });
    expect(sessionFromData({ v: 1, f: [['main.vx', '']], s: { stackSize: -1 } })).toMatchObject({ ok: false });
    expect(sessionFromData({ v: 2, f: [['main.vx', '']] })).toMatchObject({ ok: false });
    expect(sessionFromData({ v: 1, f: [['main.vx', '']] })).toEqual({
      ok: true, session: { files: [{ name: 'main.vx', text: '' }], active: 'main.vx', settings: DEFAULT_SETTINGS },
    });
  });

  it('finds the session in a hash and builds one', () => {
    const h = hashForSession(session);
    expect(sessionParamFromHash(h)).toBe(encodeSession(session));
    expect(sessionParamFromHash('#x=1&code=abc')).toBe('abc');
    expect(sessionParamFromHash('')).toBeNull();
    expect(sessionParamFromHash('#other')).toBeNull();
  });

  it('stores the same shape in localStorage', () => {
    expect(sessionFromData(JSON.parse(JSON.stringify(sessionToData(session))))).toEqual({ ok: true, session });
  });
});

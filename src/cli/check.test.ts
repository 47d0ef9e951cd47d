import { describe, it, expect, vi, afterEach } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCheck } from './check';

const dir = mkdtempSync(join(tmpdir(), 'vexcheck-'));
const file = (name: string, text: string) => { const p = join(dir, name); writeFileSync(p, text); return p; };

function capture(fn: () => number) {
  let out = '', err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => { out += String(s); return true; });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => { err += String(s); return true; });
  try { return { code: fn(), out, err }; } finally { o.mockRestore(); e.mockRestore(); }
}
afterEach(() => vi.restoreAllMocks());

describe('vex check', () => {
  const bad = file('bad.vx', 'fn main() {\n    let total = 1;\n    total = 2;\n}\n');
  const good = file('good.vx', 'fn main() { println("ok"); }\n');
  it('returns 0 and prints nothing for a clean file', () => {
    expect(capture(() => runCheck([good]))).toEqual({ code: 0, out: '', err: '' });
  });
  it('renders errors to stderr and returns 1', () => {
    const r = capture(() => runCheck([good, bad]));
    expect(r.code).toBe(1);
    expect(r.err).toContain('error[E0110]: cannot assign to immutable binding `total`');
    expect(r.err).toContain(`--> ${bad}:3:5`);
    expect(r.err).toContain('1 error, 0 warnings');
  });
  it('--json prints the diagnostics as JSON on stdout', () => {
    const r = capture(() => runCheck(['--json', bad]));
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.diagnostics[0]).toMatchObject({ code: 'E0110', severity: 'error', file: bad, line: 3, col: 5, endLine: 3, endCol: 10 });
    expect(j.diagnostics[0].notes.some((n: string) => n.includes('let! total'))).toBe(true);
  });
  it('usage errors and unreadable files return 2', () => {
    expect(capture(() => runCheck([])).code).toBe(2);
    expect(capture(() => runCheck([join(dir, 'nope.vx')])).code).toBe(2);
  });
});

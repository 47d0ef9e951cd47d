import { describe, it, expect, vi, afterEach } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runFmt } from './fmt';

const dir = mkdtempSync(join(tmpdir(), 'vexfmt-'));
const file = (name: string, text: string) => { const p = join(dir, name); writeFileSync(p, text); return p; };

function capture(fn: () => number) {
  let out = '', err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => { out += String(s); return true; });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => { err += String(s); return true; });
  try { return { code: fn(), out, err }; } finally { o.mockRestore(); e.mockRestore(); }
}
afterEach(() => vi.restoreAllMocks());

const UGLY = 'fn main(){\n  let x=1 ;\n      println("{}",x);\n}';
const PRETTY = 'fn main(){\n    let x=1;\n    println("{}", x);\n}\n';

describe('vex fmt', () => {
  it('prints the formatted program and leaves the file alone', () => {
    const p = file('a.vx', UGLY);
    expect(capture(() => runFmt([p]))).toEqual({ code: 0, out: PRETTY, err: '' });
    expect(readFileSync(p, 'utf8')).toBe(UGLY);
  });
  it('--write rewrites the file', () => {
    const p = file('b.vx', UGLY);
    expect(capture(() => runFmt([p, '--write']))).toEqual({ code: 0, out: '', err: '' });
    expect(readFileSync(p, 'utf8')).toBe(PRETTY);
  });
  it('a syntax error prints diagnostics, exits 1 and never writes', () => {
    const src = 'fn main() {\n  let x = ;\n}\n';
    const p = file('c.vx', src);
    const r = capture(() => runFmt([p, '--write']));
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/error\[E\d+\]/);
    expect(r.err).toContain('not formatted');
    expect(readFileSync(p, 'utf8')).toBe(src);
  });
  it('usage errors and unreadable files return 2', () => {
    expect(capture(() => runFmt([])).code).toBe(2);
    expect(capture(() => runFmt(['--bogus', 'x.vx'])).code).toBe(2);
    expect(capture(() => runFmt([join(dir, 'missing.vx')])).code).toBe(2);
  });
});

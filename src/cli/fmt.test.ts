import { describe, it, expect, vi, afterEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runFmt } from './fmt';
import { capture, tempFiles } from './capture.test-util';

const { dir, file } = tempFiles('vexfmt-');
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

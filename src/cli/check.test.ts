import { describe, it, expect, vi, afterEach } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runCheck } from './check';
import { capture, tempFiles } from './capture.test-util';

const { dir, file } = tempFiles('vexcheck-');
afterEach(() => vi.restoreAllMocks());

const bad = file('bad.vx', 'fn main() {\n    let total = 1;\n    total = 2;\n}\n');
const good = file('good.vx', 'fn main() { println("ok"); }\n');

describe('vex check', () => {
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

// The installed command: `npx vex` runs package.json's `bin` entry, bin/vex.mjs.
describe('bin/vex.mjs check (spawned)', () => {
  const root = join(__dirname, '../..');
  const vex = (...args: string[]) => {
    const r = spawnSync(process.execPath, [join(root, 'bin/vex.mjs'), ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  it('package.json names bin/vex.mjs as the `vex` command, an executable node script', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.bin).toEqual({ vex: 'bin/vex.mjs' });
    expect(readFileSync(join(root, 'bin/vex.mjs'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(join(root, 'bin/vex.mjs')).mode & 0o111).not.toBe(0);
  });
  it('exit 0 on clean files, 1 with rustc-style errors on stderr', () => {
    expect(vex('check', good)).toEqual({ code: 0, out: '', err: '' });
    const r = vex('check', good, bad);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain(`error[E0110]: cannot assign to immutable binding \`total\`\n --> ${bad}:3:5\n  |\n2 |     let total = 1;\n  |         ----- \`total\` declared here\n3 |     total = 2;\n  |     ^^^^^\n  = help: consider \`let! total\` to make the binding mutable\n`);
    expect(r.err.trimEnd().split('\n').at(-1)).toBe('1 error, 0 warnings');
  }, 90_000);
  it('--json prints exactly { diagnostics: [{ code, severity, message, file, line, col, endLine, endCol, notes }] }', () => {
    const r = vex('check', '--json', good, bad);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['diagnostics']);
    expect(j.diagnostics).toHaveLength(1);
    expect(Object.keys(j.diagnostics[0]).sort()).toEqual(['code', 'col', 'endCol', 'endLine', 'file', 'line', 'message', 'notes', 'severity'].sort());
    expect(j.diagnostics[0]).toMatchObject({ code: 'E0110', severity: 'error', file: bad, line: 3, col: 5, endLine: 3, endCol: 10 });
    expect(j.diagnostics[0].notes.every((n: unknown) => typeof n === 'string')).toBe(true);
    const clean = vex('check', '--json', good);
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.out)).toEqual({ diagnostics: [] });
  }, 90_000);
});

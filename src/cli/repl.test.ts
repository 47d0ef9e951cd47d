// `vex repl` as a user pipes into it: cells from stdin (multi-line ones included), echoes and
// :type on stdout, diagnostics and panics on stderr, exit 0 at the end of input.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');

function repl(input: string): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [join(root, 'bin/vex.mjs'), 'repl'], { input, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('vex repl (piped stdin)', () => {
  it('runs a session: multi-line cells, echo without moving, a panic and an error abort only their cell', () => {
    const r = repl([
      'fn sq(x: i32): i32 {',
      '    return x * x;',
      '}',
      'let! xs = Vec<i32>.new();',
      'xs.push(sq(3));',
      'xs',
      'xs.len()',
      'xs[5]',
      'let bad: bool = 1;',
      ':type sq(2)',
      'xs.len() + 1',
      '',
    ].join('\n'));
    expect(r.code).toBe(0);
    expect(r.out).toBe('[9]\n1\ni32\n2\n');
    expect(r.err).toContain('panic: index out of bounds: index 5, len 1');
    expect(r.err).toContain('error[E0103]: mismatched types: expected `bool`, found `i32`');
    expect(r.err).toContain(' --> cell7:1:17');
  }, 90_000);

  it('an unfinished cell at the end of input is reported by the parser', () => {
    const r = repl('fn f() {\n');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/error\[E\d+\]/);
  }, 90_000);
});

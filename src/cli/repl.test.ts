import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { replTranscript } from './repl';

const conf = `${__dirname}/../../../shared/conformance/repl_01_session`; // shared/ sits beside the repo

describe('vex repl', () => {
  it.runIf(existsSync(conf + '.repl'))('reproduces the conformance session repl_01 exactly', () => {
    const lines = readFileSync(conf + '.repl', 'utf8').split('\n');
    const r = replTranscript(lines);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(readFileSync(conf + '.out', 'utf8'));
  });
  it('reports errors on stderr and keeps going; a panic aborts only its cell', () => {
    const r = replTranscript(['let! n = 1;', 'n = "x";', 'n += 1; panic("boom");', 'n', ':nope']);
    expect(r.stdout).toBe('1\n');
    expect(r.stderr).toContain('error[E0103]');
    expect(r.stderr).toContain('panic: boom');
    expect(r.stderr).toContain('unknown command :nope');
  });
});

// The REPL session end to end: cells -> programs -> compile + run, judged like the conformance
// runner judges .repl files (stdout of the whole session).
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { ReplSession } from './repl';
import { compile } from '../compile';
import { run } from '../../runtime/run';

/** Feed lines to a session the way a REPL front end would; returns everything printed. */
function drive(lines: string[]): { out: string; errors: string[] } {
  const s = new ReplSession();
  let out = '';
  const errors: string[] = [];
  for (const line of lines) {
    const step = s.line(line);
    if (step.kind === 'type') { if (step.text !== null) out += step.text + '\n'; else errors.push(...step.diagnostics.map((d) => d.message)); continue; }
    if (step.kind === 'error') { errors.push(...step.diagnostics.map((d) => d.message)); continue; }
    if (step.kind !== 'run') continue;
    const c = compile([{ name: 'repl.vx', text: step.source }]);
    if (!c.program) { errors.push(...c.diagnostics.map((d) => d.message)); continue; }
    const r = run(c.program);
    const stdout = r.output.filter((o) => o.stream === 'stdout').map((o) => o.text).join('');
    const stderr = r.output.filter((o) => o.stream === 'stderr').map((o) => o.text).join('');
    out += stdout.slice(step.skipStdout);
    if (r.exitCode === 0) step.accept(stdout.length, stderr.length);
  }
  return { out, errors };
}

describe('ReplSession', () => {
  const conf = `${__dirname}/../../../../shared/conformance/repl_01_session`; // shared/ sits beside the repo
  it.runIf(existsSync(conf + '.repl'))('runs the conformance session repl_01', () => {
    const lines = readFileSync(conf + '.repl', 'utf8').split('\n').filter((l) => l.trim() !== '');
    const r = drive(lines);
    expect(r.errors).toEqual([]);
    expect(r.out).toBe(readFileSync(conf + '.out', 'utf8'));
  });
  it('echoes non-unit tails only, persists bindings, replaces redefined items', () => {
    const r = drive(['let! n = 5;', 'fn sq(x: i32): i32 { return x * x; }', 'n += 1;', 'sq(n)', 'println("hi")', 'fn sq(x: i32): i32 { return 0; }', 'sq(3)', ':type sq(n) > 30']);
    expect(r).toEqual({ out: '36\nhi\n0\nbool\n', errors: [] });
  });
  it('a cell with an error is rejected and does not change the session; diagnostics point into the cell', () => {
    const s = new ReplSession();
    const step = s.line('let x: i32 = "no";');
    expect(step.kind).toBe('error');
    const d = (step as { diagnostics: { message: string; span: { col: number } }[] }).diagnostics[0];
    expect(d.message).toContain('expected `i32`');
    expect(d.span.col).toBe(14);
    const ok = drive(['let y = 2;', 'let z: bool = y;', 'y + 1']);
    expect(ok.out).toBe('3\n');
    expect(ok.errors[0]).toContain('expected `bool`');
  });
  it('a panicking cell is not kept', () => {
    const r = drive(['let! k = 1;', 'k = 50; panic("boom");', 'k']);
    expect(r.out).toBe('1\n');
  });
  it(':reset clears everything; unknown commands are reported', () => {
    const s = new ReplSession();
    expect(s.line(':reset').kind).toBe('reset');
    expect(s.line(':frobnicate')).toEqual({ kind: 'unknown-command', name: 'frobnicate' });
    const r = drive(['let a = 1;', ':reset', 'a']);
    expect(r.errors[0]).toContain('cannot find value `a`');
  });
});

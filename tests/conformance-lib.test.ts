import { describe, it, expect } from 'vitest';
import { mkdtempSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linesInOrder, listCases, runFlags, judge, OWN_DIR, SHARED_DIR } from './conformance-lib';
import { parseSize, parseArgs } from '../src/cli/args';

describe('conformance judging helpers', () => {
  it('finds expected stderr lines as whole lines, in order', () => {
    const err = 'panic: first\n  at run (a.vx:3:5)\npanic: second\n';
    expect(linesInOrder(['panic: first', 'panic: second'], err)).toBeNull();
    expect(linesInOrder(['panic: second', 'panic: first'], err)).toBe('panic: first');
    expect(linesInOrder(['panic: fir'], err)).toBe('panic: fir'); // substring is not a whole line
  });
  it('lists the shared conformance programs with their areas', () => {
    const cases = listCases(SHARED_DIR);
    expect(cases.length).toBeGreaterThan(40);
    expect(cases.find((c) => c.name === 'core_01_int_arith')?.area).toBe('core');
    expect(cases.find((c) => c.name === 'repl_01_session')?.kind).toBe('repl');
  });
});

describe('conformance .flags (run settings of a test)', () => {
  it('reads vex run settings and rejects anything else', () => {
    expect(runFlags(null)).toEqual({});
    expect(runFlags('--panic abort\n')).toEqual({ panic: 'abort' });
    expect(runFlags('--stack 16K --fuel 100')).toEqual({ stackSize: 16384, fuel: 100 });
    expect(runFlags('--panic never')).toMatch(/--panic/);
    expect(runFlags('--trace x.jsonl')).toMatch(/only/);
    expect(runFlags('other.vx')).toMatch(/only/);
  });
  it('runs a test with its flags: the abort tests pass with them and fail without', () => {
    const c = listCases(OWN_DIR).find((x) => x.name === 'panic_abort_catch_not_caught')!;
    expect(judge(c)).toEqual({ pass: true, reason: '' });
    // the same files without the .flags: unwinding catches the panic, so the expectations fail
    const dir = mkdtempSync(join(tmpdir(), 'conf-'));
    for (const ext of ['.vx', '.out', '.exit', '.stderr']) copyFileSync(join(OWN_DIR, c.name + ext), join(dir, c.name + ext));
    expect(judge({ ...c, dir }).pass).toBe(false);
  });
});

describe('CLI argument parsing', () => {
  it('parses sizes with suffixes and rejects junk', () => {
    expect(parseSize('16384')).toBe(16384);
    expect(parseSize('64K')).toBe(65536);
    expect(parseSize('1M')).toBe(1 << 20);
    expect(parseSize('2MiB')).toBe(2 << 20);
    expect(parseSize('0')).toBeNull();
    expect(parseSize('12x')).toBeNull();
  });
  it('separates valued flags, boolean flags and positionals', () => {
    const p = parseArgs(['--stack', '8K', 'a.vx', '--json', '--heap=1M'], new Set(['stack', 'heap']));
    expect(typeof p).toBe('object');
    if (typeof p === 'string') return;
    expect(p.positional).toEqual(['a.vx']);
    expect(p.flags.get('stack')).toBe('8K');
    expect(p.flags.get('heap')).toBe('1M');
    expect(p.flags.get('json')).toBe(true);
    expect(parseArgs(['--stack'], new Set(['stack']))).toMatch(/needs a value/);
  });
});

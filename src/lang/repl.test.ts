// The REPL session's toolchain side: cells checked against the session's scope, diagnostics with
// spans into the cell, commands. Running cells is pipeline/repl.test.ts's business.
import { describe, it, expect } from 'vitest';
import { ReplSession, cellFile } from './repl';
import type { ProgramMeta } from '../common/program-meta';

const base = (): ProgramMeta => ({ sites: [], types: [], typeNames: [] });

describe('ReplSession', () => {
  it('a cell with a type error is rejected with a span into the cell', () => {
    const s = new ReplSession();
    const step = s.line('let x: i32 = "no";', base());
    expect(step.kind).toBe('error');
    const d = (step as { diagnostics: { message: string; span: { file: string; line: number; col: number } }[] }).diagnostics[0];
    expect(d.message).toContain('expected `i32`');
    expect(d.span).toMatchObject({ file: cellFile(1), line: 1, col: 14 });
  });

  it('spans of a multi-line cell point at the right line', () => {
    const s = new ReplSession();
    const step = s.line('let a = 1;\nlet b: bool =\n    a;', base());
    expect(step.kind).toBe('error');
    const d = (step as { diagnostics: { span: { line: number; col: number } }[] }).diagnostics[0];
    expect(d.span).toMatchObject({ line: 3, col: 5 });
  });

  it('committed variables are in scope for later cells; an errored cell changes nothing', () => {
    const s = new ReplSession();
    const c = s.line('let! n = 5;', base());
    expect(c.kind).toBe('cell');
    if (c.kind === 'cell') c.commit('ok');
    expect(s.variables()).toEqual([{ name: 'n', type: 'i32', moved: false }]);
    expect(s.line('let m: bool = n;', base()).kind).toBe('error');
    expect(s.variables().map((v) => v.name)).toEqual(['n']);
    expect(s.line(':type n > 3', base())).toMatchObject({ kind: 'type', text: 'bool' });
  });

  it('a move in a committed cell is remembered: the next use is E0113', () => {
    const s = new ReplSession();
    for (const t of ['let v = Vec<i32>.new();', 'let w = v;']) {
      const c = s.line(t, base());
      if (c.kind === 'cell') c.commit('ok');
    }
    expect(s.variables()).toContainEqual({ name: 'v', type: 'Vec<i32>', moved: true });
    const e = s.line('v.len()', base());
    expect(e.kind).toBe('error');
    expect((e as { diagnostics: { code: string }[] }).diagnostics[0].code).toBe('E0113');
  });

  it('an echo borrows: echoing a Vec does not move it', () => {
    const s = new ReplSession();
    const a = s.line('let v = Vec<i32>.new();', base());
    if (a.kind === 'cell') a.commit('ok');
    const b = s.line('v', base());
    expect(b.kind).toBe('cell');
    if (b.kind === 'cell') { expect(b.echo).not.toBeNull(); b.commit('ok'); }
    expect(s.variables()).toContainEqual({ name: 'v', type: 'Vec<i32>', moved: false });
  });

  it('rejects fn main and top-level return; knows :help, :reset and unknown commands', () => {
    const s = new ReplSession();
    expect(s.line('fn main() {}', base()).kind).toBe('error');
    expect(s.line('return;', base()).kind).toBe('error');
    expect(s.line('let f = || { return 1; };', base()).kind).toBe('cell');
    expect(s.line(':help', base()).kind).toBe('help');
    expect(s.line(':reset', base()).kind).toBe('reset');
    expect(s.line(':frobnicate', base())).toEqual({ kind: 'unknown-command', name: 'frobnicate' });
    expect(s.line(':type', base())).toMatchObject({ kind: 'type', text: null });
  });
});

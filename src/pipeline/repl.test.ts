// The incremental engine: one live machine, cells run once (never replayed), a panic or an error
// aborts only its cell, trace events of the session flow to the listener like a run's.
import { describe, it, expect } from 'vitest';
import { ReplEngine, isCellComplete } from './repl';
import type { TraceEvent } from '../runtime/api';

const stdout = (r: { output: { stream: string; text: string }[] }) => r.output.filter((c) => c.stream === 'stdout').map((c) => c.text).join('');

describe('ReplEngine', () => {
  it('runs each cell once: earlier output is never printed again', () => {
    const e = new ReplEngine();
    expect(stdout(e.eval('println("once");'))).toBe('once\n');
    expect(stdout(e.eval('let x = 2;'))).toBe('');
    const r = e.eval('x * 21');
    expect(r).toMatchObject({ kind: 'ran', ok: true, echo: '42' });
    expect(stdout(r)).toBe('42\n');
    expect(e.runtime.output.map((c) => c.text).join('')).toBe('once\n42\n');
  });

  it('a side effect in an earlier cell is not repeated by later cells (no replay)', () => {
    const e = new ReplEngine();
    e.eval('let! v = Vec<i32>.new();');
    e.eval('v.push(1);');
    e.eval('v.push(2);');
    expect(e.eval('v.len()').echo).toBe('2');
  });

  it('a panic aborts its cell with a backtrace into the cells; the session goes on', () => {
    const e = new ReplEngine();
    e.eval('fn boom(n: i32) {\n    if n > 1 { panic("too big"); }\n}');
    const r = e.eval('let! k = 3;\nboom(k);');
    expect(r.ok).toBe(false);
    expect(r.outcome).toEqual({ kind: 'panicked', code: 134 });
    expect(r.panic?.message).toBe('too big');
    expect(r.panic?.backtrace.map((f) => [f.fn, f.loc?.file, f.loc?.line, f.loc?.col])).toEqual([
      ['boom', 'cell1', 2, 16],
      ['main', 'cell2', 2, 1],
    ]);
    expect(r.panic?.unwind.at(-1)).toMatchObject({ kind: 'aborted' });
    expect(e.eval('k').ok).toBe(false); // the panicking cell's bindings are gone
    expect(e.eval('1 + 1').echo).toBe('2');
  });

  it('a runaway cell stops at the fuel limit and the next cell gets the whole budget again', () => {
    const e = new ReplEngine({ fuel: 200_000 });
    const r = e.eval('let! i = 0;\nwhile true { i += 1; }');
    expect(r.outcome).toMatchObject({ kind: 'limit', limit: 'fuel' });
    e.eval('let! j = 0;');
    const again = e.eval('for n in 0..1000 { j += n; }\nj');
    expect(again.echo).toBe('499500');
  });

  it('the session\'s trace events reach the listener like a run\'s (allocations of live values)', () => {
    const events: TraceEvent[] = [];
    const e = new ReplEngine({ onEvent: (ev) => events.push(ev) });
    e.eval('let! v = Vec<i32>.new();');
    e.eval('v.push(7);');
    expect(events[0]).toMatchObject({ t: 'start' });
    expect(events.some((ev) => ev.t === 'alloc')).toBe(true);
    expect(events.filter((ev) => ev.t === 'free')).toEqual([]); // v lives on in the session
  });

  it(':reset starts a fresh machine', () => {
    const e = new ReplEngine();
    e.eval('let a = 1;');
    expect(e.eval(':reset').kind).toBe('reset');
    expect(e.eval('a').kind).toBe('error');
    expect(e.runtime.output).toEqual([]);
  });

  it('is deterministic: the same cells give the same output and trace', () => {
    const cells = ['let! v = Vec<i32>.new();', 'for i in 0..5 { v.push(i * i); }', 'v', 'let s = f"{v.len()} items";', 's'];
    const go = () => {
      const ev: TraceEvent[] = [];
      const e = new ReplEngine({ onEvent: (x) => ev.push(x) });
      const outs = cells.map((c) => stdout(e.eval(c)));
      return JSON.stringify({ outs, ev });
    };
    expect(go()).toBe(go());
  });
});

describe('isCellComplete', () => {
  it('completes when brackets balance outside strings and comments', () => {
    expect(isCellComplete('let a = 1;')).toBe(true);
    expect(isCellComplete('fn f() {')).toBe(false);
    expect(isCellComplete('fn f() {\n    return;\n}')).toBe(true);
    expect(isCellComplete('println("{");')).toBe(true);
    expect(isCellComplete('let s = "unterminated')).toBe(false);
    expect(isCellComplete('let a = [1, // ]\n')).toBe(false);
    expect(isCellComplete('/* open')).toBe(false);
    expect(isCellComplete('x)')).toBe(true);
  });
});

describe('a session variable holding a reference inside a value keeps its borrow (§6.17, issue #14)', () => {
  const session = (...cells: string[]) => {
    const e = new ReplEngine();
    e.eval('struct N { n: i32 }');
    e.eval('let! v = Vec<N>(); v.push(N { n: 1 }); let w = N { n: 3 };');
    for (const c of cells) expect(e.eval(c).ok).toBe(true);
    return e.eval('v.clear();');
  };
  it('a tuple, destructured, or an element read out of it: v.clear() in a later cell is E0161', () => {
    for (const cells of [['let t = (1, &v[0]);'], ['let (n, r) = (1, &v[0]);'], ['let t = (1, &v[0]);', 'let (n, r) = t;', 'let t = 0;'], ['let t = (1, &v[0]);', 'let r = t.1;', 'let t = 0;']]) {
      const r = session(...cells);
      expect(r.ok).toBe(false);
      expect(r.diagnostics.map((d) => d.code)).toEqual(['E0161']);
    }
  });
  it('a borrow stored into a session holder, also in a nested block: E0161 in a later cell', () => {
    for (const cells of [['let! vs = Vec<&N>();', 'vs.push(&v[0]);'], ['let! vs = Vec<&N>();', 'if true { vs.push(&v[0]); }'], ['let! t = (1, &w);', 't.1 = &v[0];'], ['let! r = &w;', 'if true { r = &v[0]; }']]) {
      const r = session(...cells);
      expect(r.ok).toBe(false);
      expect(r.diagnostics.map((d) => d.code)).toEqual(['E0161']);
    }
    // (accepted: what it stores borrows something else, or the holder was given a new value)
    expect(session('let! vs = Vec<&N>();', 'vs.push(&w);').ok).toBe(true);
    expect(session('let! vs = Vec<&N>();', 'vs.push(&v[0]);', 'vs = Vec<&N>();').ok).toBe(true);
  });
  it('accepted: given a new value, or only a part holding no reference kept', () => {
    expect(session('let! t = (1, &v[0]);', 't = (2, &w);').ok).toBe(true);
    expect(session('let t = (1, &v[0]);', 'let n = t.0;', 'let t = 0;').ok).toBe(true);
  });
});

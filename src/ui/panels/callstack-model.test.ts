// The call-stack and stack-overflow pictures of real programs run through the compile+run path.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { execute } from '../../pipeline/execute';
import type { PanicInfo, RunOptions, StackOverflowInfo, TraceEvent } from '../../runtime/api';
import { overflowPicture, stackPicture } from './callstack-model';
import { collectPanics, overflowsUpTo, panicMarks, panicsUpTo } from './panics';

const runText = (text: string, opts: Partial<RunOptions> = {}) => {
  const r = execute([{ name: 'main.vx', text }], opts).result;
  if (!r) throw new Error('did not compile');
  return r;
};
const lesson = (n: string) => readFileSync(new URL(`../examples/${n}.vx`, import.meta.url), 'utf8');
const overflowOf = (trace: TraceEvent[]): StackOverflowInfo => {
  const e = trace.find((x): x is Extract<TraceEvent, { t: 'stack-overflow' }> => x.t === 'stack-overflow');
  if (!e) throw new Error('no stack-overflow event');
  return e.info;
};

describe('stackPicture', () => {
  const r = runText(lesson('panics'));
  const panics = collectPanics(r.trace, r.panic);
  const uncaught = panics.find((p) => !p.caught)!.info;

  it('shows every frame live with its values and pending defers before unwinding', () => {
    const p = stackPicture(uncaught, -1);
    expect(p.boxes.map((b) => [b.fn, b.state])).toEqual([['check', 'live'], ['main', 'live']]);
    // the parameter and the locals in scope at the panic, with their values
    expect(p.boxes[0].values).toEqual([
      expect.objectContaining({ name: 'n', type: 'i32', shown: '5', local: 'live', dropped: false }),
      expect.objectContaining({ name: 'g', type: 'Guard', local: 'live', dropped: false }),
    ]);
    expect(p.boxes[0].values[1].shown).toContain('check');
    expect(p.boxes[0].defers).toEqual([expect.objectContaining({ ran: false })]);
    expect(p.boxes[0].defers[0].loc?.line).toBe(16);
    expect(p.boxes[1].values.map((v) => `${v.name} = ${v.shown}`)).toEqual(['ok = Ok(4)', 'bad = Err("9 is too big")', 'm = Guard { tag: "main" }']);
    expect(p.popped).toBe(0);
  });

  it('ticks the defer, crosses out the value, then pops the frame as the steps advance', () => {
    const steps = uncaught.unwind.map((s) => s.kind);
    const di = steps.indexOf('defer'), dr = steps.indexOf('drop'), lv = steps.indexOf('leave');
    expect(stackPicture(uncaught, di).boxes[0]).toMatchObject({ state: 'unwinding', defers: [{ ran: true, current: true }], values: [{ dropped: false }, { dropped: false }] });
    // the drop crosses out the local's own row (no second row for it); the i32 is never dropped
    const atDrop = stackPicture(uncaught, dr).boxes[0].values;
    expect(atDrop).toHaveLength(2);
    expect(atDrop[1]).toMatchObject({ name: 'g', dropped: true, current: true });
    expect(atDrop[0]).toMatchObject({ name: 'n', dropped: false });
    const after = stackPicture(uncaught, lv);
    expect(after.boxes[0].state).toBe('popped');
    expect(after.boxes[1].state).toBe('live');
    expect(after.popped).toBe(1);
    const end = stackPicture(uncaught, uncaught.unwind.length - 1);
    expect(end.boxes.every((b) => b.state === 'popped')).toBe(true);
    expect(end.aborted).toMatchObject({ reached: true });
  });

  it('shows where catch_panic stopped the unwinding and keeps the frames below it', () => {
    const caught = panics.find((p) => p.caught)!.info;
    const start = stackPicture(caught, -1);
    expect(start.boxes.map((b) => b.fn)).toEqual(['check', 'closure in main', 'main']);
    expect(start.catchAt).toMatchObject({ index: 2, reached: false });
    expect(start.catchAt!.loc?.line).toBe(24);
    const end = stackPicture(caught, caught.unwind.length - 1);
    expect(end.boxes.map((b) => b.state)).toEqual(['popped', 'popped', 'kept']);
    expect(end.catchAt!.reached).toBe(true);
  });

  it('shows moved and shadowed locals, and a dropped temporary as its own row', () => {
    const info: PanicInfo = {
      message: 'm', location: null, task: 0,
      backtrace: [{ fn: 'f', loc: null }],
      unwind: [
        { kind: 'frame', fn: 'f', loc: null, locals: [
          { name: 's', type: 'String', shown: '', loc: { file: 'a', line: 2, col: 5 }, state: 'moved' },
          { name: 'x', type: 'i32', shown: '1', loc: { file: 'a', line: 3, col: 5 }, state: 'shadowed' },
          { name: 'x', type: 'String', shown: '"b"', loc: { file: 'a', line: 4, col: 5 } },
        ] },
        { kind: 'drop', fn: 'f', value: 'x', type: 'String', loc: { file: 'a', line: 4, col: 5 }, shown: '"b"' },
        { kind: 'drop', fn: 'f', value: '', type: 'Vec<i32>', loc: { file: 'a', line: 5, col: 9 }, shown: '[1]' },
        { kind: 'leave', fn: 'f' },
      ],
    };
    const v = stackPicture(info, 1).boxes[0].values;
    expect(v.map((x) => [x.name, x.local, x.dropped])).toEqual([['s', 'moved', false], ['x', 'shadowed', false], ['x', 'live', true], ['', undefined, false]]);
    expect(stackPicture(info, 2).boxes[0].values[3]).toMatchObject({ type: 'Vec<i32>', dropped: true });
  });

  it('keeps every frame under panic=abort (nothing unwinds)', () => {
    const a = runText('fn f() { panic("x"); }\nfn main() { f(); }\n', { panic: 'abort' });
    const p = stackPicture(a.panic as PanicInfo, 0);
    expect(p.boxes.map((b) => [b.fn, b.state])).toEqual([['f', 'kept'], ['main', 'kept']]);
    expect(p.aborted).toMatchObject({ reason: 'panic=abort', reached: true });
  });
});

describe('overflowPicture', () => {
  it('gauges the lesson\'s 16 KiB task stack and folds the recursion', () => {
    const r = runText(lesson('stack_overflow'));
    const o = overflowPicture(overflowOf(r.trace));
    expect(o.used).toBe(64);
    expect(o.capacity).toBe(64);
    expect(o.fraction).toBe(1);
    expect(o.rows.map((x) => x.label)).toEqual(['depth × 63', 'closure in main']);
    expect(o.rows[0].loc?.line).toBe(9);
    expect(o.gauge).toBe('64 of 64 frames (16,384 bytes at 256 bytes a frame)');
    // the innermost frames with their parameter's value: depth(100) from n = 100 down to 38
    expect(o.top.map((f) => `${f.fn} ${f.locals.join(', ')}`)).toEqual(['depth n: i32 = 38', 'depth n: i32 = 39', 'depth n: i32 = 40']);
    expect(o.top[0].loc?.line).toBe(9);
  });
  it('folds main\'s 1 MiB stack into one row of thousands', () => {
    const r = runText('fn f(n: i32): i32 { return f(n + 1) + 1; }\nfn main() { println("{}", f(0)); }\n');
    const o = overflowPicture(overflowOf(r.trace));
    expect(o.capacity).toBe(4096);
    expect(o.rows[0].label).toBe('f × 4,095');
    expect(o.rows[1].label).toBe('main');
  });
  it('says when the host JavaScript stack ran out before the configured stack', () => {
    const r = runText('fn f(n: i32): i32 { return f(n + 1) + 1; }\nfn main() { println("{}", f(0)); }\n', { stackSize: 64 << 20, deepAt: 1e9 });
    const info = overflowOf(r.trace);
    expect(info.host).toBe(true);
    const o = overflowPicture(info);
    expect(o.capacity).toBe(262144);
    expect(o.used).toBeLessThan(o.capacity);
    expect(o.note).toMatch(/host JavaScript stack ran out/);
    expect(o.rows[0].fn).toBe('f');
    expect(o.rows[0].times).toBe(o.used - 1);
  });
  it('folds mutual recursion as a cycle', () => {
    const r = runText('fn even(n: i32): bool { return odd(n + 1); }\nfn odd(n: i32): bool { return even(n + 1); }\nfn main() { println("{}", even(0)); }\n', { stackSize: 64 * 256 });
    const o = overflowPicture(overflowOf(r.trace));
    expect(o.rows[0].cycle).toBe(2);
    expect(o.rows[0].label).toMatch(/^(odd → even|even → odd) × 3\d$/);
  });
});

describe('trace position (scrubber)', () => {
  it('shows only the panics and overflows that happened before the position', () => {
    const r = runText(lesson('panics'));
    const all = collectPanics(r.trace, r.panic);
    const marks = panicMarks(r.trace);
    expect(marks.panics).toHaveLength(2);
    expect(panicsUpTo(all, marks, r.trace.length, null)).toHaveLength(2);
    expect(panicsUpTo(all, marks, r.trace.length, marks.panics[0])).toHaveLength(0);
    expect(panicsUpTo(all, marks, r.trace.length, marks.panics[0] + 1).map((p) => p.caught)).toEqual([true]);
    const o = runText(lesson('stack_overflow'));
    const om = panicMarks(o.trace);
    expect(overflowsUpTo(om, null)).toHaveLength(1);
    expect(overflowsUpTo(om, om.overflows[0].index)).toHaveLength(0);
  });
});

import { describe, expect, it } from 'vitest';
import { collectPanics } from './panics';
import type { PanicInfo } from '../../runtime/api';

const p = (message: string, unwind: PanicInfo['unwind'] = []): PanicInfo => ({ message, location: { file: 'main.vx', line: 3, col: 5 }, backtrace: [], unwind, task: 0 });

describe('collectPanics', () => {
  it('lists caught panics from the trace and the final one once', () => {
    const final = p('boom', [{ kind: 'leave', fn: 'main' }]);
    const r = collectPanics([{ t: 'panic', info: p('first'), caught: true }, { t: 'panic', info: p('boom'), caught: false }], final);
    expect(r.map((x) => [x.info.message, x.caught])).toEqual([['first', true], ['boom', false]]);
    expect(r[1].info.unwind).toHaveLength(1);
  });
  it('adds the final panic when the trace lacks it', () => {
    expect(collectPanics([], p('x'))).toHaveLength(1);
    expect(collectPanics([], null)).toHaveLength(0);
  });
});

import { describe, expect, it } from 'vitest';
import { pickProblems } from './problems';
import type { Diagnostic } from '../../lang/diagnostics';

const d = (file: string, start: number, code = 'E0001'): Diagnostic => ({
  code, severity: 'error', message: 'm', labels: [], notes: [],
  span: { file, start, end: start + 1, line: 1, col: start + 1, endLine: 1, endCol: start + 2 },
});

describe('pickProblems', () => {
  it('prefers the live check, even when it found nothing (the code was fixed)', () => {
    expect(pickProblems([], [d('main.vx', 3)])).toEqual([]);
    expect(pickProblems([d('main.vx', 1)], [d('main.vx', 3)])).toEqual([d('main.vx', 1)]);
  });
  it('falls back to the run’s diagnostics while no live check succeeded', () => {
    expect(pickProblems(null, [d('main.vx', 3)])).toEqual([d('main.vx', 3)]);
  });
  it('orders main.vx first, then by file and position', () => {
    const r = pickProblems([d('b.vx', 0), d('main.vx', 9), d('a.vx', 2), d('main.vx', 1)], []);
    expect(r.map((x) => `${x.span.file}@${x.span.start}`)).toEqual(['main.vx@1', 'main.vx@9', 'a.vx@2', 'b.vx@0']);
  });
});

import { describe, it, expect } from 'vitest';
import { isCellComplete, historyMove, type HistoryState } from './cell-input';
import { isCellComplete as engineComplete } from '../../pipeline/repl';

const CASES: [string, boolean][] = [
  ['let a = 1;', true],
  ['fn f() {', false],
  ['fn f() {\n    return;\n}', true],
  ['println("{");', true],
  ['let s = "unterminated', false],
  ['let a = [1, // ]\n', false],
  ['/* open', false],
  ['x)', true],
  ['let s = "esc \\" {";', true],
];

describe('Console cell input', () => {
  it('completes a cell when brackets balance, exactly like the engine', () => {
    for (const [text, want] of CASES) {
      expect(isCellComplete(text), text).toBe(want);
      expect(engineComplete(text), text).toBe(want);
    }
  });
  it('walks the history with ↑/↓ and keeps the draft', () => {
    let h: HistoryState = { items: ['a', 'b'], at: 2, draft: '' };
    const up = historyMove(h, -1, 'typing')!;
    expect(up.text).toBe('b');
    h = up.state;
    const up2 = historyMove(h, -1, 'b')!;
    expect(up2.text).toBe('a');
    expect(historyMove(up2.state, -1, 'a')).toBeNull();
    const down = historyMove(up2.state, 1, 'a')!;
    const back = historyMove(down.state, 1, 'b')!;
    expect(back.text).toBe('typing');
  });
});

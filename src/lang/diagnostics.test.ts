import { describe, it, expect } from 'vitest';
import { renderDiagnostic, diag } from './diagnostics';
import { LineMap } from './span';
import type { Message } from './msg';

/** A message made up for the renderer (real ones come from the table through `MSG`). */
const m = (code: string, text: string) => ({ code, text }) as unknown as Message;

describe('renderDiagnostic', () => {
  const text = 'fn main() {\n    let items = Vec<i32>.new();\n    items.push(1);\n}\n';
  const lm = new LineMap('main.vx', text);
  const s = (needle: string, len = needle.length) => lm.span(text.indexOf(needle), text.indexOf(needle) + len);
  it('renders like rustc: header, location, source lines, carets, labels, notes', () => {
    const d = diag(m('E0111', 'cannot call mutating method `push` on immutable binding `items`'), s('items.push'), {
      labels: [{ span: s('items ='.slice(0, 5)), message: '`items` declared here' }],
      notes: ['help: consider `let! items`', 'plain note'],
    });
    expect(renderDiagnostic(d, text)).toBe([
      'error[E0111]: cannot call mutating method `push` on immutable binding `items`',
      ' --> main.vx:3:5',
      '  |',
      '2 |     let items = Vec<i32>.new();',
      '  |         ----- `items` declared here',
      '3 |     items.push(1);',
      '  |     ^^^^^^^^^^',
      '  = help: consider `let! items`',
      '  = note: plain note',
    ].join('\n'));
  });
  it('a line longer than 120 columns is shown as a window around its marks, the caret under its token', () => {
    const long = `let x = ${'a + '.repeat(100)}oops + 1;`;
    const src = `fn main() {\n    ${long}\n}\n`;
    const lm2 = new LineMap('long.vx', src);
    const at = src.indexOf('oops');
    const out = renderDiagnostic(diag(m('E0100', 'cannot find value `oops`'), lm2.span(at, at + 4)), src).split('\n');
    expect(out[3].startsWith('2 | ...')).toBe(true); // cut on the left
    expect(out[3].length).toBeLessThanOrEqual(4 + 3 + 120 + 3);
    const shown = out[3].slice(4), caret = out[4].slice(4);
    expect(shown.slice(caret.indexOf('^'), caret.indexOf('^') + 4)).toBe('oops');
    expect(caret.trim()).toBe('^^^^');
    // a short line is whole
    expect(renderDiagnostic(diag(m('E0100', 'x'), s('items.push')), text)).toContain('3 |     items.push(1);');
  });
  it('warnings and empty spans get one caret', () => {
    const d = diag(m('W0100', 'truncated'), lm.span(text.length - 2, text.length - 2));
    const out = renderDiagnostic(d, text);
    expect(out.startsWith('warning[W0100]: truncated')).toBe(true);
    expect(out).toContain('^');
  });
});

// print/println format strings (§5.1), checked at compile time: placeholder count and specs.
import type * as ast from '../syntax/ast';
import type { Ctx } from './context';
import { MSG, NOTE, type Message } from '../msg';

export type Placeholder = { spec: string; offset: number };

/** Parse `{}` `{:?}` `{:x}` `{:X}` `{:b}` `{:o}` `{:.N}` `{:e}`; `{{`/`}}` are literal braces.
 *  Returns the placeholders, or an error message with the offset inside the string. */
export function parseFormat(s: string): { holes: Placeholder[]; error: { message: Message<'E0124'>; offset: number } | null } {
  const holes: Placeholder[] = [];
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '{') {
      if (s[i + 1] === '{') { i++; continue; }
      const close = s.indexOf('}', i);
      if (close < 0) return { holes, error: { message: MSG.E0124.unclosedBrace(), offset: i } };
      const inner = s.slice(i + 1, close);
      if (inner !== '' && !/^:(\?|x|X|b|o|e|\.\d+)$/.test(inner)) {
        return { holes, error: { message: MSG.E0124.unknownSpec({ spec: inner }), offset: i } };
      }
      holes.push({ spec: inner.slice(1), offset: i });
      i = close;
    } else if (ch === '}' && s[i + 1] === '}') i++;
  }
  return { holes, error: null };
}

export function checkFormat(cx: Ctx, lit: ast.ExprOf<'string'>, args: ast.Expr[]): void {
  const { holes, error } = parseFormat(lit.value);
  if (error) {
    cx.error(error.message, lit.span);
    return;
  }
  if (holes.length !== args.length) {
    cx.error(MSG.E0124.formatStringPlaceholderBut({ holesLength: holes.length, choice: holes.length === 1 ? '' : 's', argsLength: args.length, choice2: args.length === 1 ? ' was' : 's were' }), lit.span, {
      labels: args.slice(holes.length).map((a) => ({ span: a.span, message: NOTE.E0124.labelArgumentWithoutPlaceholder() })),
      notes: [NOTE.E0124.notePrintLiteralBraces()],
    });
  }
}

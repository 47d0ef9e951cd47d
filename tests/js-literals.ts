// A small lexer for our own TypeScript sources: which parts of a file are code, comments, string
// and template literal text, or regular expressions. The tidy test reads the text codegen emits
// (its string and template literals) with it; the installed `typescript` package has no JS API
// (the native compiler), and a full parser is more than this needs.
export type RangeKind = 'code' | 'comment' | 'string' | 'template' | 'regex';
/** [start, end) of the source; a 'string' includes its quotes, a 'template' piece its delimiters
 *  (it starts with '`' or '}' and ends with '`' or '${'); the ranges cover the whole text. */
export interface Range { kind: RangeKind; start: number; end: number }

const REGEX_AFTER = new Set(['', '(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^']);
const REGEX_AFTER_WORD = new Set(['return', 'typeof', 'case', 'in', 'of', 'delete', 'void', 'throw', 'new', 'yield', 'await']);

export function lexRanges(text: string): Range[] {
  const out: Range[] = [];
  const n = text.length;
  let i = 0, codeStart = 0, depth = 0;
  const templates: number[] = []; // brace depth at each open `${`
  let prev = ''; // last significant code character, or the last word
  const push = (kind: RangeKind, start: number, end: number) => {
    if (codeStart < start) out.push({ kind: 'code', start: codeStart, end: start });
    out.push({ kind, start, end });
    i = codeStart = end;
  };
  /** From just after '`' or '}': the end of the template piece and whether a `${` opened. */
  const templateEnd = (j: number): [number, boolean] => {
    while (j < n) {
      const c = text[j];
      if (c === '\\') j += 2;
      else if (c === '`') return [j + 1, false];
      else if (c === '$' && text[j + 1] === '{') return [j + 2, true];
      else j++;
    }
    return [n, false];
  };
  while (i < n) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      const e = text.indexOf('\n', i);
      push('comment', i, e < 0 ? n : e);
    } else if (c === '/' && text[i + 1] === '*') {
      const e = text.indexOf('*/', i + 2);
      push('comment', i, e < 0 ? n : e + 2);
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      push('string', i, Math.min(n, j + 1));
      prev = 'a';
    } else if (c === '`' || (c === '}' && depth === 0 && templates.length)) {
      if (c === '}') depth = templates.pop()!;
      const [e, open] = templateEnd(i + 1);
      push('template', i, e);
      if (open) { templates.push(depth); depth = 0; prev = '{'; } else prev = 'a';
    } else if (c === '/' && (REGEX_AFTER.has(prev) || REGEX_AFTER_WORD.has(prev))) {
      let j = i + 1, cls = false;
      while (j < n && text[j] !== '\n' && (cls || text[j] !== '/')) {
        if (text[j] === '\\') j++;
        else if (text[j] === '[') cls = true;
        else if (text[j] === ']') cls = false;
        j++;
      }
      j++;
      while (j < n && /[a-z]/.test(text[j])) j++;
      push('regex', i, j);
      prev = 'a';
    } else {
      if (c === '{') depth++;
      else if (c === '}') depth--;
      if (/[\w$]/.test(c)) {
        let j = i;
        while (j < n && /[\w$]/.test(text[j])) j++;
        prev = text.slice(i, j);
        i = j;
        continue;
      }
      if (!/\s/.test(c)) prev = c;
      i++;
    }
  }
  if (codeStart < n) out.push({ kind: 'code', start: codeStart, end: n });
  return out;
}

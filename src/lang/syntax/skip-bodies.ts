// A token filter for the editor's partial check (sema/analysis.ts analyzeAt): a hover checks every
// declaration but only the bodies of the functions holding its position, so the bodies of the
// other functions need not be parsed at all. Each such body reaches the parser as `{` `}` (the real
// brace tokens: the block keeps its span, so the function's declaration span is unchanged).
//
// Conservative by construction: a body is kept whole when the position may be in it or in its
// declaration (from the end of the previous item boundary to its closing brace), when it contains
// a token that could start an item or a function type (`fn`, `struct`, … — an unclosed body runs
// into the next item, and the parser's recovery must see that), or when it runs to the end of the
// file. Lexing is unchanged, so lexer diagnostics and token positions are the same. A skipped
// body's syntax errors are not reported and its braces alone delimit it (the full parse's recovery
// may end such a function elsewhere): a partial check's diagnostics are never shown, and the
// declarations and the body at the position are the full parse's.
import type { Token } from './tokens';

/** Tokens that make a body be kept as written (see above). */
const KEEP = new Set(['fn', 'struct', 'enum', 'contract', 'extern', 'import', 'export', '#', 'impl']);
/** Where a `fn` without a body ends (an extern or contract signature, a function type). */
const NO_BODY = new Set([';', ',', '}', '=', 'eof']);

/** `next` with the bodies of the functions that cannot hold `offset` reduced to `{` `}`. */
export function skipOtherBodies(next: () => Token, offset: number): () => Token {
  const queue: Token[] = []; // tokens decided, to hand out
  let boundary = 0; // end of the last `;` `,` `{` `}` outside a skipped or kept body
  let sigStart = -1; // in a `fn` signature: where its declaration may start; else -1
  let depth = 0; // ( and [ depth in the signature
  let inside = 0; // brace depth still open in a body handed out as written (passed through unseen)
  const pull = (): Token => {
    const t = next();
    if (inside > 0) {
      if (t.kind === '{') inside++;
      else if (t.kind === '}' && --inside === 0) boundary = t.end;
      return t;
    }
    if (sigStart < 0) {
      if (t.kind === 'fn') { sigStart = boundary; depth = 0; }
      else if (t.kind === ';' || t.kind === ',' || t.kind === '{' || t.kind === '}') boundary = t.end;
      return t;
    }
    if (t.kind === '(' || t.kind === '[') depth++;
    else if (t.kind === ')' || t.kind === ']') depth--;
    else if (depth <= 0 && NO_BODY.has(t.kind)) { sigStart = -1; boundary = t.end; return t; }
    else if (depth <= 0 && t.kind === '{') { const from = sigStart; sigStart = -1; return body(t, from); }
    return t;
  };
  /** The body opened by `open`: buffered until the decision. */
  const body = (open: Token, from: number): Token => {
    const held: Token[] = [];
    let d = 1, keep = false, last = open;
    while (d > 0) {
      const t = next();
      held.push(t);
      last = t;
      if (t.kind === 'eof' || KEEP.has(t.kind)) { keep = true; break; }
      if (t.kind === '{') d++;
      else if (t.kind === '}') d--;
    }
    if (offset >= from && offset <= last.end) keep = true; // the position may be in this declaration
    if (d === 0) boundary = last.end;
    else if (last.kind === 'eof') d = 0;
    if (keep) { for (const t of held) queue.push(t); inside = d; return open; }
    queue.push(last); // the closing brace
    return open;
  };
  let head = 0;
  return () => {
    if (head < queue.length) {
      const t = queue[head++];
      if (head === queue.length) { queue.length = 0; head = 0; }
      return t;
    }
    return pull();
  };
}

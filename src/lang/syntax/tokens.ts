// Token kinds and the token record the lexer produces. A token's `kind` is its own text for
// keywords and punctuation (`fn`, `let!`, `(`, `<<=`) and a class name otherwise (`ident`, `int`,
// ...). Kinds are interned strings, so comparing them is a pointer check in V8.

/** Reserved words of vex-language.md §1 (never identifiers). `let!` is one token. */
export const KEYWORDS: ReadonlySet<string> = new Set([
  'fn', 'let', 'let!', 'struct', 'enum', 'contract', 'impl', 'policy', 'with', 'async', 'await', 'go',
  'gpu', 'launch', 'try', 'return', 'defer', 'break', 'continue', 'if', 'else', 'elif', 'for', 'while',
  'loop', 'in', 'import', 'export', 'from', 'as', 'true', 'false', 'nil', 'type', 'extends', 'infer',
  'where', 'const', 'typeof', 'unsafe', 'new', 'make', 'switch', 'case', 'default', 'match', 'select',
  'extern',
  'i8', 'i16', 'i32', 'i64', 'i128', 'u8', 'u16', 'u32', 'u64', 'u128', 'f16', 'f32', 'f64', 'bool',
  'string', 'any', 'byte', 'error', 'Map', 'Set',
]);

/** Reserved words that name types: accepted as type names and as value paths (`Map()`, `i32`). */
export const TYPE_WORDS: ReadonlySet<string> = new Set([
  'i8', 'i16', 'i32', 'i64', 'i128', 'u8', 'u16', 'u32', 'u64', 'u128', 'f16', 'f32', 'f64', 'bool',
  'string', 'any', 'byte', 'error', 'Map', 'Set',
]);

/** Integer literal suffixes. */
export const INT_SUFFIXES: ReadonlySet<string> = new Set([
  'i8', 'i16', 'i32', 'i64', 'i128', 'u8', 'u16', 'u32', 'u64', 'u128',
]);

/** Punctuation, longest first within each leading character (the lexer tries 3, 2, then 1 chars). */
export const PUNCT3: ReadonlySet<string> = new Set(['..=', '...', '<<=', '>>=']);
export const PUNCT2: ReadonlySet<string> = new Set([
  '::', '..', '=>', '??', '&&', '||', '**', '++', '--', '==', '!=', '<=', '>=', '<<', '>>', '+=', '-=',
  '*=', '/=', '%=', '&=', '|=', '^=', '<-', '->',
]);
export const PUNCT1: ReadonlySet<string> = new Set([
  '(', ')', '{', '}', '[', ']', ',', ';', ':', '.', '?', '!', '~', '&', '|', '^', '+', '-', '*', '/',
  '%', '=', '<', '>', '#',
]);

/**
 * Operators that may follow `op` to form an operator-method name (`op+`, `op[]=`), longest first.
 * Not `()`, `!` or `~`: `op()` and `&op!` must stay a call of / reference to a variable `op`.
 */
export const OP_METHOD_OPS: readonly string[] = [
  '[]=', '[]', '..=', '..', '??', '<<', '>>', '==', '!=', '<=', '>=', '**',
  '+', '-', '*', '/', '%', '<', '>', '&', '|', '^',
];

/** Operator-method names that are only one when `(` follows directly (`op+=(`, `op!(`, `op++(`),
 *  so `op += 1` and `&op!` on a variable named `op` keep their meaning. Longest first. */
export const OP_METHOD_CALL_OPS: readonly string[] = [
  '<<=', '>>=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '++', '--', '!', '~',
];

export type TokenClass =
  | 'ident' // identifiers (incl. self, Self, str, usize, union, thread_local ...)
  | 'int'
  | 'float'
  | 'strlit' // "..." (not `string`, which is a type keyword)
  | 'fstring'
  | 'tag' // `json:"id"` struct tag
  | 'opmethod' // op+ (text holds the whole name)
  | 'badtok' // a malformed token already diagnosed by the lexer (char literal ...)
  | 'eof';

export type FStringTokPart =
  | { kind: 'text'; text: string }
  | { kind: 'hole'; tokens: Token[]; start: number; end: number };

export interface Token {
  /** Keyword / punctuation text, or a TokenClass. */
  kind: string;
  start: number;
  end: number;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  /** ident: the name; int/float: the raw text; string/tag: the decoded value; keyword/punct: the text. */
  text: string;
  /** int: bigint value; float: number value. */
  value: bigint | number | null;
  /** int/float suffix (`u8`, `f32`). */
  suffix: string | null;
  /** fstring: literal text and lexed holes. */
  parts: FStringTokPart[] | null;
}

/** How a token is named in diagnostics: `fn`, `;`, identifier `x`, end of file. */
export function describeToken(t: Token): string {
  switch (t.kind) {
    case 'ident': return `identifier \`${t.text}\``;
    case 'int': return `integer \`${t.text}\``;
    case 'float': return `float \`${t.text}\``;
    case 'strlit': case 'fstring': return 'string literal';
    case 'tag': return 'struct tag';
    case 'opmethod': return `\`${t.text}\``;
    case 'badtok': return 'invalid token';
    case 'eof': return 'end of file';
    default: return KEYWORDS.has(t.kind) ? `keyword \`${t.kind}\`` : `\`${t.kind}\``;
  }
}

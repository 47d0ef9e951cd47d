// Stable diagnostic codes of the lexer (E0001–E0009) and the parser (E0010–E0099), by name. A code
// keeps its meaning forever; titles, explanations and examples are in ../codes.ts (a test holds the two together).
export const SyntaxCode = {
  // ---- lexer
  UnexpectedChar: 'E0001', // a character that starts no token (`@`, `$`, binary garbage)
  UnterminatedComment: 'E0002', // `/*` without `*/`
  UnterminatedString: 'E0003', // `"` (or f-string) without closing quote
  BadEscape: 'E0004', // unknown escape like `\q`, or malformed `\uXXXX`
  CharLiteral: 'E0005', // `'a'`: Vex has no char literals
  UnterminatedTag: 'E0006', // struct tag backtick without its closing backtick
  BadNumber: 'E0007', // `0x` without digits, digit not valid in its base
  FStringHole: 'E0008', // f-string: empty `{}`, unterminated hole, stray `}`
  // ---- parser
  Expected: 'E0010', // expected X, found Y (generic)
  MissingSemi: 'E0011', // expected `;`
  Unclosed: 'E0012', // unclosed delimiter: expected `}`/`)`/`]`
  ExpectedExpr: 'E0013', // expected expression
  ExpectedType: 'E0014', // expected type
  ExpectedPattern: 'E0015', // expected pattern
  ExpectedItem: 'E0016', // expected item at top level
  UnexpectedCloser: 'E0017', // a `}`/`)`/`]` that closes nothing
  TooDeep: 'E0018', // nesting deeper than the parser's limit
  TailInFnBody: 'E0019', // trailing expression where no tail value is allowed (missing `;`)
  PathSep: 'E0020', // `Type::X` — Vex paths use `.`
  BadAttribute: 'E0021', // any attribute but #[repr(C)] / #[no_main], or misplaced
  Unsupported: 'E0022', // policy, with, gpu, launch, select, make, try, new(e), impl blocks
  LetNoInit: 'E0023', // `let x: T;` — let needs an initializer
  LetBangSpace: 'E0024', // `let !x` — write `let!`
  TopLevelStmt: 'E0025', // statements / let at top level
  EnumForm: 'E0026', // enum discriminants (`A = 1`) and struct-like variants
  GoSemi: 'E0027', // `go { ... }` without the required `;`
  ParamForm: 'E0028', // grouped params with defaults, variadic not last, trailing comma
  PostfixAwait: 'E0029', // `e.await` — await is prefix
  IfExprElse: 'E0030', // if-expression without `else`
  FieldComma: 'E0031', // struct member after a field without `,`
  RangeChain: 'E0032', // `a..b..c` — ranges do not associate
  MutKeyword: 'E0033', // `let mut x` — mut is not Vex; use `let!`
  ThreadLocalForm: 'E0034', // thread_local without type / initializer
  Internal: 'E0099', // a parser bug caught by the safety net in parser.ts (never expected)
} as const;

export type SyntaxCodeName = keyof typeof SyntaxCode;

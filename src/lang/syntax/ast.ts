// The Vex abstract syntax tree: the contract between the parser (which builds it), the checker
// (which resolves names and types it into side tables keyed by node, sema/tables.ts) and codegen
// (which reads both). Every node has a span. Immutable once parsed: nothing writes to a node
// after the parser (and the module linker) are done with it.
import type { Span } from '../span';
import type { Type } from '../sema/types';

export type { Span };

// ---------------------------------------------------------------- type expressions

export type TypeExpr =
  | { kind: 'named'; span: Span; name: string; args: TypeExpr[]; member?: string } // i32, Vec<T>, Self.Item (member = 'Item')
  | { kind: 'ref'; span: Span; mut: boolean; inner: TypeExpr } // &T, &T!
  | { kind: 'ptr'; span: Span; mut: boolean; inner: TypeExpr } // *T, *T!, *const T
  | { kind: 'array'; span: Span; elem: TypeExpr; size: Expr } // [T; N]
  | { kind: 'slice'; span: Span; elem: TypeExpr; mut: boolean } // &[T], &[T]!
  | { kind: 'tuple'; span: Span; elems: TypeExpr[] } // (A, B); () is unit
  | { kind: 'fn'; span: Span; params: TypeExpr[]; ret: TypeExpr | null } // fn(A): R, fn(A) -> R
  | { kind: 'never'; span: Span } // !
  | { kind: 'error'; span: Span }; // produced by error recovery

// ---------------------------------------------------------------- items

export interface Program {
  file: string;
  items: Item[];
  noMain: boolean; // #[no_main] before the first item
  noMainSpan?: Span;
  span: Span;
  /** Set by parse() when the text never spells `_to_string`, `strlen`, `strcmp`, `map_` or `set_`:
   *  no prelude free function (`i32_to_string`, `map_len`…) can be named, so the checker skips looking for one. */
  noConversions?: true;
  /** Set by parse() when the text never spells `.iter` or `VecIter`: the std VecIter is not linked (std-veciter.ts). */
  noVecIter?: true;
}

export type Item =
  | FnDecl
  | StructDecl
  | EnumDecl
  | ContractDecl
  | TypeAliasDecl
  | ConstDecl
  | ImportDecl
  | ExportListDecl
  | ExternBlock
  | ThreadLocalDecl
  | PolicyDecl
  | ExtendsDecl;

/** `i32 extends Show, Clone;` (chapter 2 §7.7): a primitive type declared to satisfy contracts. */
export interface ExtendsDecl {
  kind: 'extends';
  span: Span;
  typeName: string;
  typeSpan: Span;
  contracts: { name: string; span: Span }[];
}

/** `policy Name [with P1, P2] { field `tag`, … }` (chapter 2 §7.6): field tags for structs that
 *  name it with `struct S with Name`. Metadata only, no runtime effect. */
export interface PolicyDecl {
  kind: 'policy';
  span: Span;
  name: string;
  nameSpan: Span;
  isExport: boolean;
  parents: { name: string; span: Span }[];
  fields: { name: string; nameSpan: Span; tag: string }[];
}

export interface GenericParam {
  span: Span;
  name: string;
  isConst: boolean; // const N: usize
  constType?: TypeExpr;
  bounds: Bound[];
  default?: TypeExpr;
}

export interface Bound {
  span: Span;
  name: string; // contract name, or Callable-style bound name
  typeArgs?: TypeExpr[]; // generic contract bound `Into<T>` (parser addition)
  args?: TypeExpr[]; // Callable(i32): i32 -> args [i32]
  ret?: TypeExpr | null;
}

export interface WhereClause {
  span: Span;
  param: string;
  member?: string; // where T.Item: Bound
  bounds: Bound[];
}

/** Grouped parameters `a, b: i32` become one Param each, sharing the same `type` object. */
export interface Param {
  span: Span;
  name: string;
  nameSpan: Span;
  type: TypeExpr;
  default?: Expr;
  variadic: boolean; // xs: ...i32
}

/** Receiver of a Go-style method `fn (p: &Point!) shift()` or implicit `self` of inline methods. */
export interface Receiver {
  span: Span;
  name: string; // 'self' for inline methods
  type: TypeExpr; // &T, &T!, or T (by value)
}

export interface FnDecl {
  kind: 'fn';
  span: Span;
  name: string; // may be 'new'
  nameSpan: Span;
  isExport: boolean;
  isAsync: boolean;
  /** `extern "C" fn name(...) { body }`: a C-ABI Vex function (callback-capable). */
  isExternC: boolean;
  receiver: Receiver | null; // Go-style method, or inline method's implicit self
  owner: { name: string; generics: GenericParam[]; span: Span } | null; // static method `fn Vec<T>.new()`
  generics: GenericParam[];
  params: Param[];
  mutating: boolean; // trailing `!` after `)`, or a leading `self!`
  ret: TypeExpr | null; // null = unit
  where: WhereClause[];
  body: Block | null; // null for contract signatures without a default body
}

export interface FieldDecl {
  span: Span;
  name: string;
  nameSpan: Span;
  type: TypeExpr;
  bitWidth: Expr | null; // `name: u8 : 3`
  tag: string | null; // `json:"id"`
}

export interface StructDecl {
  kind: 'struct';
  span: Span;
  name: string;
  nameSpan: Span;
  isUnion: boolean; // `union Name { ... }`
  reprC: boolean; // #[repr(C)] (a no-op: layout is always C)
  isExport: boolean;
  generics: GenericParam[];
  impls: { name: string; args: TypeExpr[]; span: Span }[];
  /** `struct S with P1, P2` (chapter 2 §7.6): the policies whose field tags it takes */
  policies?: { name: string; span: Span }[];
  where: WhereClause[];
  fields: FieldDecl[];
  methods: FnDecl[]; // inline methods: receiver = { name: 'self', type: &Name or &Name! }
  assocTypes: { name: string; type: TypeExpr; span: Span }[];
}

export interface VariantDecl {
  span: Span;
  name: string;
  fields: TypeExpr[]; // empty = unit variant
}

export interface EnumDecl {
  kind: 'enum';
  span: Span;
  name: string;
  nameSpan: Span;
  isExport: boolean;
  generics: GenericParam[];
  variants: VariantDecl[];
}

export interface ContractDecl {
  kind: 'contract';
  span: Span;
  name: string;
  nameSpan: Span;
  isExport: boolean;
  generics: GenericParam[];
  supers: string[]; // `contract Ord: Eq` or supercontracts listed inside the braces
  methods: FnDecl[]; // receiver = self; body null unless a default body is given
  assocTypes: { name: string; default: TypeExpr | null; span: Span }[];
}

export interface TypeAliasDecl {
  kind: 'type';
  span: Span;
  name: string;
  nameSpan: Span;
  isExport: boolean;
  generics: GenericParam[];
  type: TypeExpr;
  /** `type V<T> where T: C = Vec<T>;` (also after the type): bounds checked where the alias is used */
  where?: WhereClause[];
}

export interface ConstDecl {
  kind: 'const';
  span: Span;
  name: string;
  nameSpan: Span;
  isExport: boolean;
  type: TypeExpr | null; // `const X = 10;` infers
  value: Expr;
}

export interface ImportDecl {
  kind: 'import';
  span: Span;
  module: string;
  moduleSpan: Span;
  names: { name: string; alias: string | null; span: Span }[]; // empty for `import "m";`
  star: string | null; // import * as NAME
}

export interface ExportListDecl {
  kind: 'export-list';
  span: Span;
  names: { name: string; alias: string | null; span: Span }[];
  from: string | null;
  star: boolean; // export * from "m"
}

export interface ExternFn {
  span: Span;
  name: string;
  nameSpan: Span;
  params: { name: string; type: TypeExpr; span: Span }[];
  variadic: boolean; // C `...`
  ret: TypeExpr | null;
  isExport: boolean;
}

export interface ExternBlock {
  kind: 'extern';
  span: Span;
  abi: string; // "C" by default
  fns: ExternFn[]; // `extern "C" fn f(...);` is a one-entry block
  types: { name: string; type: TypeExpr | null; span: Span }[];
}

export interface ThreadLocalDecl {
  kind: 'thread-local';
  span: Span;
  name: string;
  nameSpan: Span;
  mut: boolean; // both forms are mutable by the reference; kept for diagnostics
  type: TypeExpr;
  init: Expr;
}

// ---------------------------------------------------------------- statements

export interface Block {
  kind: 'block';
  span: Span;
  stmts: Stmt[];
  /**
   * A tail expression without `;` (match arms, closures, async/go blocks, if-expressions). Blocks of
   * statement-level `if`/`else`, bare `{}` and `unsafe {}` nested inside such a block may also carry
   * a tail; where the block's value is unused, evaluate the tail and discard it. Function bodies
   * and loop bodies never have one (the parser reports the missing `;`).
   */
  tail: Expr | null;
}

export type LetPattern =
  | { kind: 'name'; span: Span; name: string }
  | { kind: 'tuple'; span: Span; elems: LetPattern[] }
  | { kind: 'wild'; span: Span };

export type AssignOp = '=' | '+=' | '-=' | '*=' | '/=' | '%=' | '&=' | '|=' | '^=' | '<<=' | '>>=';

export type Stmt =
  | { kind: 'let'; span: Span; mut: boolean; pattern: LetPattern; type: TypeExpr | null; init: Expr }
  | { kind: 'assign'; span: Span; op: AssignOp; target: Expr; value: Expr }
  | { kind: 'if'; span: Span; branches: { cond: Expr; body: Block; span: Span }[]; else: Block | null }
  | { kind: 'while'; span: Span; cond: Expr; body: Block }
  | { kind: 'loop'; span: Span; body: Block }
  | { kind: 'for-in'; span: Span; name: string; nameSpan: Span; iter: Expr; body: Block }
  | { kind: 'for-c'; span: Span; init: Stmt | null; cond: Expr | null; post: Stmt | null; body: Block }
  | {
      kind: 'switch';
      span: Span;
      subject: Expr;
      cases: { values: Expr[]; body: Stmt[]; span: Span }[];
      default: { body: Stmt[]; span: Span } | null;
    }
  | { kind: 'break'; span: Span }
  | { kind: 'continue'; span: Span }
  | { kind: 'return'; span: Span; value: Expr | null }
  | { kind: 'defer'; span: Span; body: Block | Stmt } // defer { ... } | defer expr; | defer x = e;
  | { kind: 'go'; span: Span; body: Block | Expr } // go { ... }; | go f(x);
  | { kind: 'unsafe'; span: Span; body: Block }
  | { kind: 'expr'; span: Span; expr: Expr }
  | Block
  | { kind: 'error'; span: Span }; // produced by error recovery

// ---------------------------------------------------------------- expressions

export type UnaryOp = '-' | '!' | '~' | '++' | '--';
export type BinaryOp =
  | '||' | '&&' | '??' | '|' | '^' | '&' | '<<' | '>>'
  | '==' | '!=' | '<' | '<=' | '>' | '>='
  | '+' | '-' | '*' | '/' | '%' | '**';

/** Fields every expression carries. */
interface ExprBase {
  span: Span;
}

export type FStringPart = { kind: 'text'; text: string } | { kind: 'hole'; expr: Expr };

export interface MatchArm {
  span: Span;
  pattern: Pattern;
  guard: Expr | null;
  body: Expr | Block | { kind: 'return'; span: Span; value: Expr | null } | { kind: 'break'; span: Span } | { kind: 'continue'; span: Span };
}

export interface ClosureParam {
  span: Span;
  name: string;
  type: TypeExpr | null;
}

export type Expr = ExprBase &
  (
    | { kind: 'int'; value: bigint; suffix: string | null; raw: string }
    | { kind: 'float'; value: number; suffix: string | null; raw: string }
    | { kind: 'string'; value: string }
    | { kind: 'fstring'; parts: FStringPart[] }
    | { kind: 'bool'; value: boolean }
    | { kind: 'nil' }
    | { kind: 'ident'; name: string; typeArgs: TypeExpr[] | null } // x, Vec<i32>, id<i32>
    | { kind: 'tuple'; elems: Expr[] }
    | { kind: 'array'; elems: Expr[] }
    | { kind: 'array-repeat'; value: Expr; count: Expr }
    | { kind: 'map'; entries: { key: Expr; value: Expr }[] }
    | { kind: 'unary'; op: UnaryOp; operand: Expr } // prefix; ++/-- prefix
    | { kind: 'postfix'; op: '++' | '--'; operand: Expr }
    | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr }
    | { kind: 'range'; lo: Expr | null; hi: Expr | null; inclusive: boolean }
    | { kind: 'cast'; expr: Expr; type: TypeExpr }
    | { kind: 'ref'; mut: boolean; operand: Expr } // &x, &x!
    | { kind: 'deref'; operand: Expr } // *p
    | { kind: 'recv'; operand: Expr } // <-ch
    | { kind: 'await'; operand: Expr }
    | { kind: 'try'; operand: Expr } // e?
    | { kind: 'member'; object: Expr; name: string; nameSpan: Span } // a.b, Color.Red, Vec<i32>.new
    | { kind: 'tuple-index'; object: Expr; index: number } // t.0
    | { kind: 'index'; object: Expr; index: Expr } // a[i], s[1..3]
    | {
        kind: 'call';
        callee: Expr; // ident, member (method/static call), or any expression of fn type
        typeArgs: TypeExpr[] | null; // only after a member: lib.symbol<F>(...), Vec.new<T>(); `id<i32>(5)` puts them on the ident callee
        args: Expr[];
        bang: boolean; // obj.m()! marker
      }
    | { kind: 'struct-lit'; name: string; nameSpan: Span; typeArgs: TypeExpr[] | null; fields: { name: string; value: Expr; span: Span }[] }
    | { kind: 'closure'; params: ClosureParam[]; ret: TypeExpr | null; body: Expr | Block }
    | { kind: 'match'; subject: Expr; arms: MatchArm[] }
    | { kind: 'if'; branches: { cond: Expr; body: Block; span: Span }[]; else: Block } // if-expression
    | { kind: 'async'; body: Block }
    | { kind: 'block'; block: Block } // block in expression position (not produced by the parser today: match arms, closures use Block directly)
    | { kind: 'typeof'; operand: Expr }
    | { kind: 'error' } // produced by error recovery
  );

export type ExprKind = Expr['kind'];
export type ExprOf<K extends ExprKind> = Extract<Expr, { kind: K }>;

// ---------------------------------------------------------------- patterns

export type Pattern =
  | { kind: 'wild'; span: Span }
  | { kind: 'literal'; span: Span; value: Expr } // int/float (a `-1` pattern is an int Expr with value -1n, raw "-1"), string, bool, nil
  | { kind: 'binding'; span: Span; name: string }
  | { kind: 'variant'; span: Span; path: string[]; args: Pattern[] | null } // Shape.Circle(r), Some(x), Color.Red
  | { kind: 'struct'; span: Span; name: string; fields: { name: string; pattern: Pattern | null; span: Span }[] } // Point { x, y: 0 }; a shorthand `x` has pattern null (its binding is in the checker's tables)
  | { kind: 'tuple'; span: Span; elems: Pattern[] }
  | { kind: 'array'; span: Span; elems: Pattern[]; rest: { name: string | null; span: Span } | null }
  | { kind: 'or'; span: Span; alts: Pattern[] };

export type { Type };

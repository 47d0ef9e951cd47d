// The typed program: what the checker records about the AST (in side tables, tables.ts) and codegen consumes. This file is the
// contract between sema/ and codegen/. Add fields when a need appears; never change the meaning of
// an existing one without updating both sides.
import type { Type, StructInfo, EnumInfo } from './types';
import type * as ast from '../syntax/ast';
import type { Span } from '../span';
import type { Diagnostic } from '../diagnostics';
import type { Layout } from './layout';
import type { SemaTables } from './tables';

/** A local variable, parameter, closure parameter, pattern binding or for-loop variable. */
export interface LocalInfo {
  id: number; // unique in the program: codegen mangles it as v_<name>_<id> when needed
  name: string;
  type: Type;
  mut: boolean; // let!
  span: Span; // declaration site
  /** Captured by a closure, go block or async block (closures capture by reference). */
  captured: boolean;
  /** `&x`/`&x!` is cast to a raw pointer somewhere, or the value is handed to C: must live in simulated memory. */
  addressTaken: boolean;
  /** The type implements Drop (directly or through fields): dropped at scope exit unless moved. */
  needsDrop: boolean;
  /** A match binding of (part of) an owned local's value: moving the binding moves that part out
   *  of the owner (which is then moved for later uses, and no longer drops that part). */
  partOf?: LocalInfo;
  /** The owner's `revived` count when this binding was made: a move after the owner got a new
   *  value moves nothing out of that new value. */
  partOfRevived?: number;
  /** How many times the local was given a new value (assignment). */
  revived?: number;
  /** A REPL session variable a closure captures, of a type that is neither memory-backed nor an
   *  object: it lives in a box `{ v }` shared by every cell (codegen reads and writes `.v`). */
  replBoxed?: boolean;
  /** Moved by value somewhere outside closures (codegen gives such a match binding its own drop). */
  movedOut?: boolean;
}

/** What an identifier names. */
export type NameRes =
  | { k: 'local'; local: LocalInfo }
  | { k: 'fn'; fn: FnInfo; typeArgs: Type[] } // a function used as a value or callee
  | { k: 'const'; decl: ast.ConstDecl; value: ConstValue; type: Type }
  | { k: 'tls'; decl: ast.ThreadLocalDecl; type: Type; index: number }
  | { k: 'variant'; enumType: Type; variant: number } // unit variant `None`, `Color.Red`, or ctor
  | { k: 'extern'; fn: ExternInfo }
  | { k: 'builtin-fn'; name: string } // println, alloc, catch_panic, ...
  | { k: 'builtin-const'; name: string; value: number } // SIGINT...
  | { k: 'type'; type: Type }; // a type used as a value path: `Vec<i32>` in `Vec<i32>.new()`

export type ConstValue = bigint | number | boolean | string | null;

export interface FnInfo {
  id: number;
  name: string; // display name for backtraces: `main`, `Point.new`, `Counter.bump`
  decl: ast.FnDecl | null; // null for prelude functions implemented by the runtime
  /** Declared parameters (the receiver is NOT included). A variadic `xs: ...i32` has
   *  `variadic: true` and type `&[i32]` (a read-only slice built from the trailing args). */
  params: { name: string; type: Type; hasDefault: boolean; variadic?: boolean; local?: LocalInfo }[];
  ret: Type; // for async fns: the awaited type T (calls produce Future<T>)
  generics: string[]; // type parameter names (owner generics first for methods)
  /** The `param` types matching `generics` (same order): substitute `CallTarget.typeArgs[i]` for
   *  `typeParams[i]` (key `owner.name`) when monomorphizing. Inline methods of a generic struct use
   *  the struct's params (owner = struct name); receiver-introduced/fn generics use owner = `name`. */
  typeParams: Type[];
  /** Receiver local (`self` or the Go-style receiver name) of methods. */
  receiverLocal?: LocalInfo | null;
  /** Method's receiver type as declared (&T, &T!, or T). */
  receiverType?: Type | null;
  isAsync: boolean;
  isExternC: boolean;
  /** May suspend (await, channel op, sleep, join, block_on in a task): emitted as a generator. */
  mayBlock: boolean;
  /** Method owner (struct/enum/builtin) for methods and static methods. */
  owner: Type | null;
  receiver: 'ref' | 'mut-ref' | 'value' | null;
  locals: LocalInfo[]; // every local declared in the body (for frames, drops, memory slots)
}

/** Closures, `go` bodies and `async` blocks: what codegen needs to emit them. */
export interface ClosureInfo {
  params: LocalInfo[];
  ret: Type; // closure return type (for async blocks: the block's value type T)
  locals: LocalInfo[]; // locals declared inside (also listed in the enclosing FnInfo.locals)
  captures: LocalInfo[]; // outer locals used inside (captured by reference)
  mayBlock: boolean; // body may suspend: emit as a generator
  inferred?: { note: string; span: import('../span').Span }[]; // notes on inferred parameter types (closures only; for later mismatches)
}

export interface ExternInfo {
  name: string;
  decl: ast.ExternFn;
  params: Type[];
  variadic: boolean;
  ret: Type;
}

/** How a call is dispatched. */
export type CallTarget =
  | { k: 'fn'; fn: FnInfo; typeArgs: Type[] } // free function or static method `Point.new`
  | { k: 'method'; fn: FnInfo; typeArgs: Type[]; autoRef: 'none' | 'ref' | 'deref' } // user method
  | { k: 'contract-method'; contract: string; method: string; isStatic?: true; sig?: Type[] } // on a generic param: resolved at mono time (`T.default()`: isStatic)
  | { k: 'builtin'; name: string } // println, alloc, sizeof, catch_panic ...
  | { k: 'builtin-method'; owner: string; method: string } // Vec.push, str.len, Option.unwrap ...
  | { k: 'builtin-static'; owner: string; method: string } // Vec<i32>.new, String.from, Duration.from_millis
  | { k: 'variant'; enumType: Type; variant: number } // Some(x), Shape.Circle(1.0)
  | { k: 'extern'; fn: ExternInfo; varargTypes: Type[] } // C call through the shim table (promoted vararg types)
  | { k: 'value' }; // calling a value of fn type (closure, fn pointer, dynlib symbol)

export interface ExprInfo {
  type: Type; // after substitution of literal defaults; never 'error' in a program with no errors
  /** An implicit conversion to apply to this value (widening, &T!->&T, str->*u8, &T->*T ...). */
  coerce?: Type;
  /** An overloaded operator (`a + b` -> `a.op+(b)`, `a[i]` -> `a.op[](i)`): codegen emits this
   *  checked expression instead of the node (sema/operators.ts). */
  lowered?: import('../syntax/ast').Expr;
  /** `++a`/`a++` on a user type: the checked call `a.op++()` whose result is stored back into `a`. */
  step?: import('../syntax/ast').Expr;
  /** `{}`/`{:?}` of a user type with `to_string()`/`debug()`: the checked call that gives its text. */
  display?: import('../syntax/ast').Expr;
  /** A constant value the checker folded (literals, consts): codegen may emit it directly. */
  constValue?: ConstValue;
  /** The value is moved out of its place here (struct/String/Vec ... by value). */
  moves?: boolean;
  /** Set on `closure` and `async` expressions. */
  closure?: ClosureInfo;
  /** Calls with explicit type arguments to builtins (`sizeof<T>()`, `vec_new<T>()`,
   *  `lib.symbol<F>(…)`, `Vec.new<T>()`): the resolved types, in order. */
  typeArgs?: Type[];
}

/* What the checker records, per node, in its tables (tables.ts; accessors in parentheses), besides
 * exprInfo (ExprInfo) of every checked expression:
 * - ident `res` (nameRes: NameRes). A type used as a path (`Vec<i32>` in `Vec<i32>.new()`, `Color` in
 *   `Color.Red`) has res { k: 'type' } and info.type = that type.
 * - `Color.Red` (member on a type path): info.type is the enum type; the variant is found by name.
 * - call `target` (callTarget: CallTarget). `Point(1, 2)` targets `Point.new` (k 'fn'); `Vec<i32>()`,
 *   `Box(5)`, `Channel(4)`, `String()` target { k: 'builtin-static', method: 'new' }.
 *   Array/slice `len` is { k: 'builtin-method', owner: 'array' | 'slice' }; pointer `is_null` /
 *   `offset` use owner 'ptr'.
 * - `sizeof`/`alignof`: info.constValue is the size (bigint) when the type is concrete.
 * - array type sizes (`[T; N]` TypeExpr size expressions): info.constValue = N (bigint).
 * - let patterns / closure params / for-in / match bindings: `local` (localOf: LocalInfo).
 * - match patterns: bindingVariant(binding) and resolvedOf(variant) = { enumType; variant }.
 *   A struct-pattern shorthand `Point { x }` stands for a binding the checker makes
 *   (fieldPattern(f)); an array pattern's `...rest` binding is localOf(rest) (a read-only slice).
 *   A unit variant matched against an i32 is checked as its index literal (checkedPattern).
 * - `&x` where `&T!` is expected is read as `&x!` (refIsMut).
 * - Contract default methods: each implementing struct gets its own FnInfo whose decl is a private
 *   copy of the contract's FnDecl (checked for that struct, fnInfoOf); it is in CheckedProgram.fns.
 * - `go` statements: goInfoOf (ClosureInfo). closures and `async` blocks: exprInfo(e).closure.
 * - info.coerce is also set on: binary operands widened to the common type; scalar references
 *   used as operands (`x > 5` with x: &i32 -> coerce i32, an auto-deref); String -> str;
 *   &[T; N] -> &[T]; fixed extern-call arguments converted to the C parameter type.
 * - extern calls: target.varargTypes are the C-promoted types of the variadic arguments
 *   (bool/i8/i16/u8/u16 -> i32, f32 -> f64, str -> *u8); no `coerce` is set on those args.
 * - FnInfo.params[i].local / receiverLocal: the parameter locals of a checked body.
 */

/** Everything codegen needs: the AST (never written after parsing) and the checker's tables. */
export interface CheckedProgram {
  ast: ast.Program;
  /** The checker's results on `ast`'s nodes (codegen reads them with withTables). */
  tables: SemaTables;
  fns: FnInfo[]; // every user function, method and closure-free function; main first if present
  main: FnInfo | null;
  inits: FnInfo[]; // `fn init()` in source order
  structs: StructInfo[];
  enums: EnumInfo[];
  externs: ExternInfo[];
  threadLocals: { decl: ast.ThreadLocalDecl; type: Type; index: number }[];
  consts: { decl: ast.ConstDecl; type: Type; value: ConstValue }[];
  layoutOf(t: Type): Layout; // C layout for sizeof/alignof, unions, bitfields, memory-backed values
  /** `library: add(i32, i32): i32` lines for #[no_main] files. */
  exports: string[];
}

export interface CheckResult {
  diagnostics: Diagnostic[];
  program: CheckedProgram | null; // null when there are errors
}

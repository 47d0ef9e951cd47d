// The checker's shared state: declaration tables filled by collect.ts, the per-function state used
// while checking bodies, and diagnostic helpers. Everything else in sema/ is functions over a Ctx.
import type * as ast from '../syntax/ast';
import type { Span } from '../span';
import { diag, type Diagnostic, type Label } from '../diagnostics';
import type { Type, StructInfo, EnumInfo } from './types';
import type { FnInfo, ExternInfo, LocalInfo, ConstValue, ClosureInfo } from './typed';
import type { Code } from './codes';
import type { Message } from '../msg';
import { Scope } from './scope';
import { SemaTables } from './tables';

export interface ContractMethod {
  name: string;
  params: Type[];
  ret: Type;
  mutating: boolean;
  hasDefault: boolean;
  decl: ast.FnDecl | null;
}

export interface ContractInfo {
  name: string;
  methods: Map<string, ContractMethod>;
  assocTypes: string[];
  supers: string[];
  decl: ast.ContractDecl | null;
  /** Static methods `fn Self.name(…)` (chapter 2 §3.1), called `T.name(…)` on a bounded `T`. */
  statics?: Map<string, ContractMethod>;
}

export interface ConstEntry {
  decl: ast.ConstDecl;
  type: Type;
  value: ConstValue;
  state: 'todo' | 'busy' | 'done';
}

export interface TlsEntry {
  decl: ast.ThreadLocalDecl;
  type: Type;
  index: number;
}

/** A generic parameter in scope while checking a signature or body. */
export interface GenericEntry {
  type: Type; // the `param` type
  bounds: ast.Bound[];
}

/** State of the function (or closure / go body / async block) being checked. */
export interface FnState {
  info: FnInfo; // the enclosing named function (closures share it)
  ret: Type | null; // null: closure return type still being inferred
  isAsync: boolean;
  closure: ClosureInfo | null; // set inside closures, go bodies and async blocks
  loopDepth: number;
  /** Per enclosing loop (innermost last): the moves made before a `break`/`continue` of it. Those
   *  paths leave the statement they are in, so they join at the loop's end, not after an `if`. */
  loopExits?: { break: Map<LocalInfo, Span>; continue: Map<LocalInfo, Span> }[];
  unsafeDepth: number;
  /** Blocking operations seen directly in this body (await, channel ops, sleep, block_on). */
  blocks: boolean;
  /** User functions called directly (for the mayBlock call graph). */
  calls: Set<FnInfo>;
  /** Calls through fn values (closures, fn pointers) were made. */
  callsValues: boolean;
  /** Contract methods called on generic params (method names). */
  contractCalls: Set<string>;
}

export class Ctx {
  readonly diags: Diagnostic[] = [];
  /** This check's results (sema/tables.ts): the AST itself is never written. */
  readonly tables = new SemaTables();
  readonly structs = new Map<string, StructInfo>();
  readonly structDecls = new Map<StructInfo, ast.StructDecl>();
  readonly enums = new Map<string, EnumInfo>();
  readonly contracts = new Map<string, ContractInfo>();
  readonly aliases = new Map<string, ast.TypeAliasDecl>();
  readonly fns = new Map<string, FnInfo>(); // free functions
  readonly inits: FnInfo[] = [];
  /** Instance methods by owner type name (struct/enum/builtin name) then method name. */
  readonly methods = new Map<string, Map<string, FnInfo>>();
  /** Static methods `fn Type.name()` by owner then name. */
  readonly statics = new Map<string, Map<string, FnInfo>>();
  readonly assocTypes = new Map<string, Map<string, Type>>(); // struct name -> Item -> type
  /** `struct S impl C` missing required methods of C (chapter 2 §3.2: a warning at the struct, an
   *  error where S must satisfy a bound on C): "S:C" -> the missing method names. */
  readonly incomplete = new Map<string, string[]>();
  readonly consts = new Map<string, ConstEntry>();
  readonly tls = new Map<string, TlsEntry>();
  readonly externs = new Map<string, ExternInfo>();
  readonly allFns: FnInfo[] = [];
  /** Generic parameters and Self type of each function's signature (used again for its body). */
  readonly fnEnv = new Map<FnInfo, { generics: Map<string, GenericEntry>; selfType: Type | null }>();
  /** Every fn body state, for the call-graph pass; closures keyed by their ClosureInfo. */
  readonly fnStates: FnState[] = [];
  readonly closureStates = new Map<ClosureInfo, FnState>();
  /** Closure expressions (callable values), as opposed to go bodies and async blocks. */
  readonly closureValues = new Set<ClosureInfo>();
  /** Functions whose name is used as a value (passed as a callback etc.). */
  readonly fnValues = new Set<FnInfo>();
  /** Every local, for editor queries (hover). */
  readonly allLocals: LocalInfo[] = [];
  suggestions = 0; // "did you mean" lookups done (capped)
  nextLocal = 1;
  nextFn = 1;

  // ---- per-body state
  fn: FnState | null = null;
  scope = new Scope(null);
  level = 0; // closure nesting level
  closureStack: ClosureInfo[] = [];
  generics = new Map<string, GenericEntry>();
  selfType: Type | null = null;
  moved = new Map<LocalInfo, Span>();
  /** The `let NAME = |…| …` being checked, for closure inference from later uses. */
  /** Some operator method (`op+`, `op[]=`, …) is declared: assignments may be overloaded. */
  userOperators = false;
  /** §7.7 `i32 extends C;`: contracts each primitive (`primKey`) was extended with, and the
   *  functions their default bodies became (`i32.show`). */
  readonly primExtends = new Map<string, Set<string>>();
  readonly primMethods = new Map<string, { fn: FnInfo; contract: string }>();
  /** `let r = &x…;`, `let r = pick(&a, &b);`, `let h = H{r: &e};`: the places a binding holding
   *  borrows borrows (for `return r`, §6.5, and what a reference local stands for). */
  readonly heldBorrows = new Map<LocalInfo, ast.Expr[]>();
  /** Closure probes in progress: nested closures then keep their holes (no probe of their own). */
  probing = 0;
  closureBinding: import('./closure-infer').ClosureBinding | null = null;
  /** Closure locals whose parameter types were inferred: `name` -> the inference notes. */
  readonly inferredClosures = new Map<LocalInfo, { note: string; span: Span }[]>();
  /** Set while checking the operand of `&`/`&!`, an assignment target or a method receiver. */
  constCtx = false;

  /** Source text of the file when known (diagnostics quote the declaration's own spelling). */
  text: string | null = null;
  /** A REPL cell: the session's variables, declared in `main` before its body (check.ts). */
  replScope: import('./check').ReplScope | null = null;
  borrowCheck = true;
  /** `let!` locals some place mutates (mutability.ts), for the never-mutated warning (lints.ts). */
  readonly mutNeeded = new Set<LocalInfo>();

  constructor(readonly program: ast.Program) {}

  error(message: Message<Code>, span: Span, extra: { labels?: Label[]; notes?: string[] } = {}): void {
    this.diags.push(diag(message, span, extra));
  }
  warn(message: Message<Code>, span: Span, extra: { labels?: Label[]; notes?: string[] } = {}): void {
    this.diags.push(diag(message, span, { ...extra, severity: 'warning' }));
  }

  pushScope(): void { this.scope = new Scope(this.scope); }
  popScope(): void { this.scope = this.scope.parent ?? new Scope(null); }

  newLocal(name: string, type: Type, mut: boolean, span: Span): LocalInfo {
    const l: LocalInfo = { id: this.nextLocal++, name, type, mut, span, captured: false, addressTaken: false, needsDrop: false };
    this.allLocals.push(l);
    if (this.fn) {
      this.fn.info.locals.push(l);
      this.closureStack[this.closureStack.length - 1]?.locals.push(l);
    }
    return l;
  }

  declare(l: LocalInfo): void { this.scope.declare(l, this.level); }

  /** Look a local up and record captures for the closures between its declaration and here. */
  lookupLocal(name: string): LocalInfo | null {
    const e = this.scope.lookup(name);
    if (!e) return null;
    if (e.level < this.level) {
      e.local.captured = true;
      for (let i = e.level; i < this.closureStack.length; i++) {
        const c = this.closureStack[i];
        if (!c.captures.includes(e.local)) c.captures.push(e.local);
      }
    }
    return e.local;
  }

  methodsOf(owner: string): Map<string, FnInfo> {
    let m = this.methods.get(owner);
    if (!m) this.methods.set(owner, (m = new Map()));
    return m;
  }
  staticsOf(owner: string): Map<string, FnInfo> {
    let m = this.statics.get(owner);
    if (!m) this.statics.set(owner, (m = new Map()));
    return m;
  }
}

// The checker's front door: collect items, check every body, then the whole-program passes
// (entry point, mayBlock call graph, exports). Never throws on bad input: an internal failure is
// reported as a diagnostic.
import type * as ast from '../syntax/ast';
import { expandStdImports } from './std-modules';
import { parse } from '../syntax/parser';
import type { Diagnostic } from '../diagnostics';
import { T, typeName, type Type, type StructInfo } from './types';
import type { CheckResult, CheckedProgram, FnInfo, LocalInfo } from './typed';
import { Ctx } from './context';
import { withTables } from './tables';
import type { SessionBorrow } from './borrows';
import { collect, checkImpls } from './collect';
import { checkPolicies } from './policies';
import { checkOperatorDecls } from './operators';
import { checkTypeCycles } from './cycles';
import { checkFnBody } from './stmt';
import { expectType } from './expr';
import { nonConstPart } from './tls-const';
import { evalConst } from './consts';
import { computeScopedParams } from './scoped-params';
import { computeMayBlock } from './callgraph';
import { propagateAddressTaken } from './address-through';
import { checkBlockingTasks, checkLentClosures } from './escaping-closures';
import { checkExternDecls } from './ffi-check';
import { resolveBitfields } from './layout-check';
import { computeLayout } from './layout';
import { lintProgram } from './lints';
import { internalError, isHostStackOverflow, tooDeep } from '../diagnostics';
import { MSG, NOTE } from '../msg';

export interface CheckOptions {
  /** REPL cells: no entry point is required. */
  repl?: boolean;
  /** The file's source text (lets diagnostics quote declarations exactly, e.g. `*const u8`). */
  text?: string;
  /** A REPL cell compiled as `main`: the session's variables, in scope before its body. */
  replScope?: ReplScope;
  /** Borrow conflicts within blocks (sema/borrows.ts); default on. */
  borrowCheck?: boolean;
  /** The W0103–W0107 warnings (sema/lints.ts): the editor and `vex check` ask for them; compile
   *  (and so `vex run`, the REPL and the conformance runner) does not. Default off. */
  lints?: boolean;
  /** A tab other than the entry (chapter 2 §4.1): only checked, so `main` is not required. */
  module?: boolean;
  /** An editor query's check (sema/analysis.ts analyzeAt): every declaration, but only the bodies
   *  of the functions whose declaration holds this position (none when it is outside every
   *  function); no entry, export-list or lint checks. The result is not a program to run. */
  bodiesAt?: { file: string; offset: number };
}

/** The session's variables as a REPL cell's `main` sees them (lang/repl.ts). */
export interface ReplScope {
  vars: { name: string; type: (cx: Ctx) => Type | null; mut: boolean; moved: boolean; addressTaken: boolean; boxed: boolean }[];
  /** Filled by the checker: the locals declared for `vars` (null where the type is gone), the
   *  locals visible at the end of the body and the ones moved by then. */
  declared?: (LocalInfo | null)[];
  visibleAtEnd?: LocalInfo[];
  movedAtEnd?: Set<LocalInfo>;
  /** Borrows session variables hold from earlier cells (indices into vars: `r` borrows `of`),
   *  and, filled by the checker, the ones they hold at the cell's end (borrows.ts
   *  replSessionBorrows). */
  borrows?: { r: number; of: number; mut: boolean }[];
  borrowsAtEnd?: SessionBorrow[];
}

/** Check a parsed program; returns the checker's own diagnostics and, if none is an error, the
 *  checked program (the AST with the checker's tables, see typed.ts and tables.ts). */
export function check(program: ast.Program, opts: CheckOptions = {}): CheckResult {
  return checkWithCtx(program, opts).result;
}

/** `check` that also hands back the checker state (editor queries read its tables). */
export function checkWithCtx(parsed: ast.Program, opts: CheckOptions = {}): { result: CheckResult; cx: Ctx } {
  // The checker's program: the parsed one with the standard imports resolved (a new program; the
  // parsed one is not changed). Walkers of the checked program read cx.program.
  const { program, diagnostics: stdDiags } = expandStdImports(parsed);
  const cx = new Ctx(program);
  cx.diags.push(...stdDiags);
  cx.text = opts.text ?? null;
  cx.replScope = opts.replScope ?? null;
  cx.borrowCheck = opts.borrowCheck ?? true;
  try {
    withTables(cx.tables, () => runChecks(cx, opts));
  } catch (err) {
    if (isHostStackOverflow(err)) {
      cx.diags.push(tooDeep('check', program.span));
    } else {
      cx.diags.push(internalError('checker', err, program.span));
    }
  }
  const errors = cx.diags.some((d) => d.severity === 'error');
  // Source order reads best (passes report in their own order); the sort is stable.
  const diagnostics = [...cx.diags].sort((a, b) => a.span.start - b.span.start);
  return { result: { diagnostics, program: errors || opts.bodiesAt ? null : buildProgram(cx) }, cx };
}

/** Parse and check one file; diagnostics of both stages, parser's first. */
export function checkSource(file: string, text: string, opts: Omit<CheckOptions, 'text'> = {}): CheckResult & { ast: ast.Program; structs: StructInfo[] } {
  const parsed = parse(file, text);
  const parseErrors = parsed.diagnostics.some((d) => d.severity === 'error');
  const { result: res, cx } = checkWithCtx(parsed.program, { ...opts, text, lints: opts.lints && !parseErrors });
  const diagnostics: Diagnostic[] = [...parsed.diagnostics, ...res.diagnostics];
  // the declared structs even when there are errors (the C layout view works on broken code too)
  return { diagnostics, program: parseErrors ? null : res.program, ast: cx.program, structs: [...cx.structs.values()] };
}

function runChecks(cx: Ctx, opts: CheckOptions): void {
  collect(cx);
  resolveBitfields(cx);
  checkImpls(cx);
  checkPolicies(cx, cx.program);
  checkOperatorDecls(cx);
  checkTypeCycles(cx);
  checkExternDecls(cx);
  for (const c of cx.consts.values()) evalConst(cx, c);
  for (const tl of cx.tls.values()) {
    cx.fn = null;
    cx.constCtx = true;
    const before = cx.diags.length;
    expectType(cx, tl.decl.init, tl.type);
    cx.constCtx = false;
    const bad = cx.diags.length > before ? null : nonConstPart(tl.decl.init);
    if (bad) {
      cx.error(MSG.E0123.initializerThreadLocalNot({ declName: tl.decl.name }), bad.span, {
        labels: [{ span: tl.decl.init.span, message: NOTE.E0123.labelEvaluatedEachTask() }],
        notes: [NOTE.E0123.noteThreadLocalInitializer(), NOTE.E0123.helpInitializeConstantAssign({ declName: tl.decl.name })],
      });
    }
  }
  const at = opts.bodiesAt;
  if (at) {
    for (const f of cx.allFns) {
      const sp = f.decl?.span;
      if (sp && sp.file === at.file && sp.start <= at.offset && at.offset <= sp.end) checkFnBody(cx, f);
    }
    return;
  }
  for (const f of cx.allFns) checkFnBody(cx, f);
  checkExportLists(cx);
  checkEntry(cx, opts);
  computeMayBlock(cx);
  propagateAddressTaken(cx);
  checkBlockingTasks(cx);
  checkLentClosures(cx);
  computeScopedParams(cx);
  // Warnings only for programs without errors: they would be noise beside a real problem.
  if (opts.lints && !opts.repl && !cx.replScope && !cx.diags.some((d) => d.severity === 'error')) lintProgram(cx);
}

/** `export { a, b as c };` must name items of this file; `export … from "m"` needs a builtin module. */
function checkExportLists(cx: Ctx): void {
  for (const it of cx.program.items) {
    if (it.kind !== 'export-list') continue;
    if (it.from !== null || it.star) {
      cx.error(MSG.E0140.reExportsOtherModules({ from: it.from ?? '' }), it.span);
      continue;
    }
    for (const n of it.names) {
      const known = cx.fns.has(n.name) || cx.consts.has(n.name) || cx.tls.has(n.name) || cx.structs.has(n.name) || cx.enums.has(n.name) || cx.contracts.has(n.name) || cx.aliases.has(n.name) || cx.externs.has(n.name);
      if (!known) cx.error(MSG.E0100.cannotExportNoItem({ nName: n.name }), n.span);
    }
  }
}

function checkEntry(cx: Ctx, opts: CheckOptions): void {
  const main = cx.fns.get('main');
  for (const init of cx.inits) {
    if (init.params.length || init.ret.k !== 'unit' || init.isAsync) {
      cx.error(MSG.E0121.fnInitMustTake(), init.decl!.nameSpan);
    }
  }
  if (cx.program.noMain || opts.repl || (opts.module && !main)) return;
  if (!main) {
    const p = cx.program.span; // the start of the file (the whole file is the culprit)
    const one = p.end > p.start ? 1 : 0; // one character, so editors can show a marker
    cx.error(MSG.E0120.defineFnMain(), { ...p, end: p.start + one, endLine: p.line, endCol: p.col + one }, {
      notes: [NOTE.E0120.helpAddFnMain()],
    });
    return;
  }
  if (main.params.length || (main.ret.k !== 'unit' && !(main.ret.k === 'int' && main.ret.name === 'i32')) || main.generics.length) {
    cx.error(MSG.E0121.mainMustTakeNo(), main.decl!.nameSpan);
  }
}

function buildProgram(cx: Ctx): CheckedProgram {
  const main = cx.program.noMain ? null : cx.fns.get('main') ?? null;
  const fns: FnInfo[] = main ? [main, ...cx.allFns.filter((f) => f !== main)] : [...cx.allFns];
  return {
    ast: cx.program,
    tables: cx.tables,
    fns,
    main,
    inits: cx.inits,
    structs: [...cx.structs.values()],
    enums: [...cx.enums.values()],
    externs: [...cx.externs.values()],
    threadLocals: [...cx.tls.values()].map((t) => ({ decl: t.decl, type: t.type, index: t.index })),
    consts: [...cx.consts.values()].map((c) => ({ decl: c.decl, type: c.type, value: c.value })),
    layoutOf: (t: Type) => computeLayout(t),
    exports: cx.program.noMain ? exportLines(cx) : [],
  };
}

/** `library: add(i32, i32): i32` for each `export fn` of a #[no_main] file. */
export function exportLines(cx: Ctx): string[] {
  const out: string[] = [];
  const line = (f: FnInfo, as: string) => {
    const ret = f.ret.k === 'unit' ? '' : `: ${typeName(f.isAsync ? { k: 'builtin', name: 'Future', args: [f.ret] } : f.ret)}`;
    out.push(`library: ${as}(${f.params.map((p) => typeName(p.type)).join(', ')})${ret}`);
  };
  for (const it of cx.program.items) {
    if (it.kind === 'fn' && it.isExport && !it.receiver && !it.owner) {
      const f = cx.fns.get(it.name);
      if (f) line(f, f.name);
    } else if (it.kind === 'export-list' && !it.from) {
      for (const n of it.names) {
        const f = cx.fns.get(n.name);
        if (f) line(f, n.alias ?? n.name);
      }
    }
  }
  return out;
}

export { T };

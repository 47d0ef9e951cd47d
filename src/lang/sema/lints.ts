// Warnings of a program that checks without errors (chapter "editor intelligence"): unused
// variables, imports and functions, unused `Result`s, unreachable statements and `let!` bindings that are
// never mutated. Each `help:` note holds the concrete edit, so the editor can offer it as a fix.
// A walk over the annotated AST after every body is checked; it never changes the program.
import type * as ast from '../syntax/ast';
import type { Ctx } from './context';
import type { FnInfo, LocalInfo } from './typed';
import { dropRunsUser, typeName } from './types';
import { keptByEscapingClosures } from './frame-local-closures';
import { placeRoot } from './place-roots';
import { stdImportBindings } from './std-modules';
import { MSG, NOTE } from '../msg';
import { type ResOf, exprInfo, fnInfoOf, localOf, nameRes, refIsMut } from './tables';

/** Annotation keys that point back into the program (or at checker records): not children. */
const SKIP = new Set(['res', 'local', 'info', 'decl', 'resolved', 'span', 'nameSpan', 'partOf', 'type', 'ret', 'typeArgs', 'coerce']);

function walk(node: unknown, visit: (n: { kind?: string }) => void, seen = new Set<object>()): void {
  if (node === null || typeof node !== 'object' || seen.has(node)) return;
  seen.add(node);
  if (Array.isArray(node)) { for (const x of node) walk(x, visit, seen); return; }
  visit(node as { kind?: string });
  for (const [k, v] of Object.entries(node)) if (!SKIP.has(k) && v && typeof v === 'object') walk(v, visit, seen);
}

const ENDS_FLOW = new Set(['return', 'break', 'continue']);
const isPanicCall = (s: ast.Stmt) =>
  s.kind === 'expr' && s.expr.kind === 'call' && s.expr.callee.kind === 'ident' && s.expr.callee.name === 'panic';

export function lintProgram(cx: Ctx): void {
  const lets: { local: LocalInfo; pat: ast.LetPattern; stmt: Extract<ast.Stmt, { kind: 'let' }> }[] = [];
  const usedLocals = new Set<LocalInfo>();
  const usedFns = new Set<FnInfo>();
  const mutated = new Set<LocalInfo>();
  const fnBodies = cx.program.items.filter((it): it is ast.FnDecl => it.kind === 'fn');
  walk(cx.program.items, (n) => {
    const node = n as ast.Expr | ast.Stmt | ast.Block;
    switch (node.kind) {
      case 'ident':
        if (nameRes(node)?.k === 'local') usedLocals.add((nameRes(node) as ResOf<'local'>).local);
        if (nameRes(node)?.k === 'fn') usedFns.add((nameRes(node) as ResOf<'fn'>).fn);
        break;
      case 'let': {
        const names = (p: ast.LetPattern): void => {
          if (p.kind === 'name' && localOf(p)) lets.push({ local: localOf(p)!, pat: p, stmt: node });
          if (p.kind === 'tuple') p.elems.forEach(names);
        };
        names(node.pattern);
        break;
      }
      case 'assign': { const l = placeRoot(node.target, true); if (l) mutated.add(l); break; }
      case 'postfix': case 'unary': { const l = placeRoot(node.operand, true); if (l) mutated.add(l); break; }
      case 'ref': if (refIsMut(node)) { const l = placeRoot(node.operand, true); if (l) mutated.add(l); } break;
      case 'block': if ('stmts' in node) lintUnreachable(cx, node.stmts); break;
      case 'expr': lintUnusedResult(cx, node); break;
    }
  });
  lintUnusedImports(cx);
  for (const l of cx.mutNeeded) mutated.add(l);
  for (const { local, pat, stmt } of lets) {
    // `_x` opts out; a value with a destructor is usually held for its drop (a guard).
    if (local.name.startsWith('_') || local.needsDrop) continue;
    if (!usedLocals.has(local)) {
      cx.warn(MSG.W0103.unusedVariable({ localName: local.name }), pat.span, {
        notes: [NOTE.W0103.helpIfIntentionalPrefix({ localName: local.name })],
      });
    } else if (stmt.mut && !mutated.has(local) && !local.addressTaken && !local.captured) {
      cx.warn(MSG.W0105.variableDeclaredLetBut({ localName: local.name }), pat.span, {
        notes: [NOTE.W0105.helpChangeLetLet()],
      });
    }
  }
  for (const d of fnBodies) {
    const info = fnInfoOf(d) as FnInfo | undefined;
    if (!info || d.receiver || d.owner || d.isExport || d.isExternC || cx.program.noMain) continue;
    if (d.name === 'main' || d.name === 'init' || d.name.startsWith('_') || usedFns.has(info)) continue;
    if (/^op[^A-Za-z0-9_]/.test(d.name)) continue; // operator functions are called through operators
    cx.warn(MSG.W0107.functionNeverCalled({ dName: d.name }), d.nameSpan, {
      notes: [NOTE.W0107.helpIfIntentionalPrefix({ dName: d.name })],
    });
  }
  lintKeptDrops(cx);
}

/** A local whose drop runs user code, captured by a closure that may outlive its frame (W0113):
 *  the value is kept for the closure and its `drop()` never runs (frame-local-closures.ts). */
function lintKeptDrops(cx: Ctx): void {
  for (const f of cx.allFns) {
    const body = f.decl?.body;
    if (!body || f.decl!.span.file !== cx.program.file) continue;
    for (const l of keptByEscapingClosures(body)) {
      if (l.partOf || !dropRunsUser(l.type)) continue;
      cx.warn(MSG.W0113.keptByClosure({ name: l.name }), l.span, {
        notes: [NOTE.W0113.noteFunctionValuesCopy(), NOTE.W0113.helpCallHere({ name: l.name })],
      });
    }
  }
}

/** Imports of standard modules whose names are never used (W0108). An import none of whose names
 *  is used is one warning whose help removes the whole statement; otherwise each unused name is
 *  one warning whose help removes that name from the list. */
function lintUnusedImports(cx: Ctx): void {
  const byItem = new Map<ast.ImportDecl, ReturnType<typeof stdImportBindings>>();
  for (const b of stdImportBindings(cx.program)) {
    if (b.item.span.file !== cx.program.file) continue;
    const list = byItem.get(b.item) ?? [];
    list.push(b);
    byItem.set(b.item, list);
  }
  for (const [item, bs] of byItem) {
    const unused = bs.filter((b) => !b.used);
    if (!unused.length) continue;
    const lines = item.span.line === item.span.endLine ? `line ${item.span.line}` : `lines ${item.span.line}–${item.span.endLine}`;
    if (unused.length === bs.length) {
      const what = item.star ? `\`${item.star}\`` : item.names.length ? item.names.map((n) => `\`${n.alias ?? n.name}\``).join(', ') : `"${item.module}"`;
      cx.warn(MSG.W0108.unusedImport({ what }), item.names.length === 1 ? item.names[0].span : item.span, {
        notes: [NOTE.W0108.helpRemoveUnusedImport({ lines })],
      });
      continue;
    }
    for (const b of unused) {
      const n = b.name!;
      cx.warn(MSG.W0108.unusedImport2({ alias: n.alias ?? n.name }), n.span, { notes: [NOTE.W0108.helpRemoveImportList({ alias: n.alias ?? n.name })] });
    }
  }
}

/** Statements after `return`, `break`, `continue` or `panic(...)` in the same block. */
function lintUnreachable(cx: Ctx, stmts: ast.Stmt[]): void {
  for (let i = 0; i + 1 < stmts.length; i++) {
    const s = stmts[i];
    if (!ENDS_FLOW.has(s.kind) && !isPanicCall(s)) continue;
    const what = isPanicCall(s) ? 'panic' : `\`${s.kind}\``;
    const first = stmts[i + 1], last = stmts[stmts.length - 1];
    cx.warn(MSG.W0104.unreachableCode(), first.span, {
      labels: [{ span: s.span, message: NOTE.W0104.labelCodeFollowingUnreachable({ what }) }],
      notes: [NOTE.W0104.helpRemoveUnreachableCode({ line: first.span.line, endLine: last.span.endLine })],
    });
    return;
  }
}

/** An expression statement whose `Result` is dropped: its error would go unnoticed. */
function lintUnusedResult(cx: Ctx, s: Extract<ast.Stmt, { kind: 'expr' }>): void {
  const t = exprInfo(s.expr)?.type;
  if (!t || !typeName(t).startsWith('Result<')) return;
  cx.warn(MSG.W0106.mustUsed(), s.expr.span, {
    notes: [NOTE.W0106.noteIgnoredResultHides(), NOTE.W0106.helpHandleMatchDiscard()],
  });
}

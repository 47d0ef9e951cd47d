// REPL sessions (§6.17), toolchain side: the session's persistent scope and the compilation of one
// cell against it. A cell becomes one program — the session's current items, then `fn main` holding
// the cell's statements — checked with the session's variables already in main's scope (their
// types, mutability and moved state carried over from the cells that made them), then generated as
// a module sharing the live runtime's tables (codegen ReplGen): variables travel between cells in
// the runtime's `rt.replSlots` slots, so nothing is ever replayed. pipeline/repl.ts runs the result once and
// reports back with `commit`. A cell ending in an expression without `;` is compiled as
// `let __repl_echo = &(EXPR);`: the echo borrows, so echoing `xs` does not move it.
import { parseCell, parse } from './syntax/parser';
import type * as ast from './syntax/ast';
import { diag, hasErrors, type Diagnostic } from './diagnostics';
import { LineMap, type Span } from './span';
import { checkWithCtx, type ReplScope } from './sema/check';
import type { Ctx } from './sema/context';
import type { LocalInfo } from './sema/typed';
import { typeName, type Type } from './sema/types';
import { displayName } from './sema/module-names';
import { generate } from './codegen/module';
import type { ReplGen } from './codegen/context';
import { memBacked } from './codegen/typedesc';
import { isCellRef, isObjectLike } from './codegen/names';
import type { ProgramMeta } from '../common/program-meta';
import { codegenFailure } from './codegen/failure';
import { MSG, NOTE } from './msg';
import { exprInfo, localOf, nameRes, withTables } from './sema/tables';

const ECHO = '__repl_echo';

interface Segment { at: number; from: number; len: number; cell: number } // program offset, offset in that cell, length
interface ItemEntry {
  key: string | null;
  text: string;
  structName: string | null;
  origin: { cell: number; from: number; text: string }; // the cell that defined it (backtraces point there)
}
/** The file name of cell N in diagnostics and backtraces. */
export const cellFile = (n: number) => `cell${n}`;

/** A variable of the session: its value is in `rt.replSlots[slot]` of the live runtime. */
interface SessionVar {
  name: string;
  type: Type; // as the checker of the cell that last stored it saw it
  mut: boolean;
  moved: boolean;
  mem: boolean; // the stored value is memory-backed (address taken, or a captured scalar)
  boxed: boolean; // the stored value is a box `{ v }` (a captured variable of another type)
  slot: number;
  deps: Map<string, string>; // user types it mentions -> their item text when it was stored
  /** Hidden by a later binding of the same name: no cell can name it, but its value lives on
   *  until `:reset` (the session is one block: a shadowed binding is dropped at its end). */
  shadowed: boolean;
  /** The session variables (by slot) it holds a borrow of: later cells may not leave it dangling
   *  (sema/borrows.ts replSessionBorrows). */
  borrows?: { slot: number; mut: boolean }[];
}

/** A cell compiled and ready to run once; `commit` tells the session how the run ended. */
export interface CompiledCell {
  kind: 'cell';
  js: string;
  meta: ProgramMeta;
  /** The slot where the echo's text is left (rt.replEcho), or null when nothing is echoed. */
  echo: { slot: number } | null;
  diagnostics: Diagnostic[]; // warnings, mapped into the cell
  commit(outcome: 'ok' | 'panic'): void;
}

/** `:reset`: the session's block ends. `end` drops the values it still owns (every live
 *  binding, shadowed ones included, in reverse declaration order, as at a block's end); run once
 *  on the old machine before the fresh one replaces it. null when there is nothing to drop. */
export interface ResetStep {
  kind: 'reset';
  end: { js: string; meta: ProgramMeta } | null;
  /** What kept `end` from compiling (an internal error of the toolchain: reported, not hidden). */
  diagnostics: Diagnostic[];
}

export type ReplStep =
  | CompiledCell
  | { kind: 'error'; diagnostics: Diagnostic[] }
  | { kind: 'type'; text: string | null; diagnostics: Diagnostic[] }
  | ResetStep
  | { kind: 'help'; text: string }
  | { kind: 'unknown-command'; name: string };

export const REPL_HELP = [
  'Enter items (fn, struct, enum, ...) and statements; they run at once in one persistent scope.',
  'A cell ending in an expression without `;` echoes its value. A cell may span several lines:',
  'it is complete when its brackets balance.',
  '  :type EXPR   print the type of EXPR (nothing runs)',
  '  :reset       end the session: its values are dropped, every item and variable forgotten (a fresh machine)',
  '  :help        this text',
].join('\n');

function itemKey(it: ast.Item): string | null {
  switch (it.kind) {
    case 'fn':
      if (it.receiver && it.receiver.type.kind !== 'error') {
        const t = it.receiver.type.kind === 'ref' || it.receiver.type.kind === 'ptr' ? it.receiver.type.inner : it.receiver.type;
        return `method ${t.kind === 'named' ? t.name : '?'}.${it.name}`;
      }
      return it.owner ? `static ${it.owner.name}.${it.name}` : `value ${it.name}`;
    case 'struct': case 'enum': case 'contract': case 'type': return `type ${it.name}`;
    case 'const': case 'thread-local': return `value ${it.name}`;
    case 'extern': return `extern ${it.fns.map((f) => f.name).join(',')}`;
    default: return null; // imports and export lists have no name to replace
  }
}

/** User struct/enum names a type mentions (prelude types have no declaration). */
function userTypes(t: Type, out = new Set<string>()): Set<string> {
  switch (t.k) {
    case 'struct': case 'enum':
      // a standard module's type (`vec·VecIter`) is no cell's item: it cannot be redefined
      if (t.info.decl && !t.info.name.includes('·') && !out.has(t.info.name)) out.add(t.info.name);
      for (const a of t.args) userTypes(a, out);
      break;
    case 'tuple': for (const e of t.elems) userTypes(e, out); break;
    case 'array': case 'slice': userTypes(t.elem, out); break;
    case 'ref': case 'ptr': userTypes(t.inner, out); break;
    case 'fn': for (const p of t.params) userTypes(p, out); userTypes(t.ret, out); break;
    case 'builtin': for (const a of t.args) userTypes(a, out); break;
    case 'range': userTypes(t.elem, out); break;
    default: break;
  }
  return out;
}

/** The same type in another cell's checker: user structs and enums by name; null if gone. */
function retype(cx: Ctx, t: Type): Type | null {
  const all = (ts: Type[]): Type[] | null => {
    const r = ts.map((x) => retype(cx, x));
    return r.every((x) => x) ? (r as Type[]) : null;
  };
  switch (t.k) {
    case 'struct': {
      const info = t.info.decl ? cx.structs.get(t.info.name) : t.info;
      const args = all(t.args);
      return info && args ? { k: 'struct', info, args } : null;
    }
    case 'enum': {
      const info = t.info.decl ? cx.enums.get(t.info.name) : t.info;
      const args = all(t.args);
      return info && args ? { k: 'enum', info, args } : null;
    }
    case 'tuple': { const e = all(t.elems); return e ? { k: 'tuple', elems: e } : null; }
    case 'array': { const e = retype(cx, t.elem); return e ? { ...t, elem: e } : null; }
    case 'slice': { const e = retype(cx, t.elem); return e ? { ...t, elem: e } : null; }
    case 'range': { const e = retype(cx, t.elem); return e ? { ...t, elem: e } : null; }
    case 'ref': case 'ptr': { const i = retype(cx, t.inner); return i ? { ...t, inner: i } : null; }
    case 'fn': { const p = all(t.params), r = retype(cx, t.ret); return p && r ? { ...t, params: p, ret: r } : null; }
    case 'builtin': { const a = all(t.args); return a ? { ...t, args: a } : null; }
    case 'param': case 'error': return null;
    default: return t;
  }
}

/** Does a value own heap blocks or run a drop (codegen drops it)? Such values are not boxed. */
function needsDropType(t: Type, seen = new Set<unknown>()): boolean {
  switch (t.k) {
    case 'builtin': return t.name !== 'Duration';
    case 'struct':
      if (t.info.implsDrop) return true;
      if (seen.has(t.info)) return false;
      seen.add(t.info);
      return t.info.fields.some((f) => needsDropType(f.type, seen)) || t.args.some((a) => needsDropType(a, seen));
    case 'enum':
      if (seen.has(t.info)) return false;
      seen.add(t.info);
      return t.info.variants.some((v) => v.fields.some((f) => needsDropType(f, seen))) || t.args.some((a) => needsDropType(a, seen));
    case 'tuple': return t.elems.some((e) => needsDropType(e, seen));
    case 'array': return needsDropType(t.elem, seen);
    default: return false;
  }
}

/** Does the cell's own code `return` from main (outside closures, tasks and async blocks)? */
function topLevelReturn(node: unknown): Span | null {
  if (!node || typeof node !== 'object') return null;
  if (Array.isArray(node)) { for (const x of node) { const r = topLevelReturn(x); if (r) return r; } return null; }
  const o = node as { kind?: string; span?: Span };
  if (o.kind === 'closure' || o.kind === 'go' || o.kind === 'async-block' || o.kind === 'async') return null;
  if (o.kind === 'return' && o.span) return o.span;
  for (const k in o) {
    if (k === 'span' || k === 'nameSpan') continue;
    const r = topLevelReturn((o as Record<string, unknown>)[k]);
    if (r) return r;
  }
  return null;
}

/** The session's user types by name: their item texts. */
const typeTexts = (items: readonly ItemEntry[]): Map<string, string> =>
  new Map(items.filter((i) => i.key?.startsWith('type ')).map((i) => [i.key!.slice(5), i.text]));
/** Is every user type v's type mentions still defined as it was when v was stored? */
const typesKept = (v: SessionVar, itemText: Map<string, string>): boolean => [...v.deps].every(([n, t]) => itemText.get(n) === t);

/** The locals the `let` statements directly in a cell's `main` bind (nested blocks' end there). */
function topLets(program: ast.Program): LocalInfo[] {
  const main = program.items.find((it): it is ast.FnDecl => it.kind === 'fn' && it.name === 'main' && !it.receiver && !it.owner);
  const out: LocalInfo[] = [];
  const bind = (p: ast.LetPattern): void => {
    if (p.kind === 'tuple') p.elems.forEach(bind);
    else if (p.kind === 'name') { const l = localOf(p); if (l) out.push(l); }
  };
  for (const st of main?.body?.stmts ?? []) if (st.kind === 'let') bind(st.pattern);
  return out;
}

/** Locals of the cell's main that a reference which is a cell points into (`&n!`, `&o`): in a
 *  session they live in memory or a box, as captured ones do, so such a reference kept by a
 *  session variable reaches the value later cells see (it wrote the cell's own copy: `let m =
 *  &n!;` then `*m += 1;` in a later cell left n as it was). */
function cellRefRoots(program: ast.Program): Set<LocalInfo> {
  const main = program.items.find((it): it is ast.FnDecl => it.kind === 'fn' && it.name === 'main' && !it.receiver && !it.owner);
  const out = new Set<LocalInfo>();
  const seen = new Set<object>();
  const visit = (x: unknown): void => {
    if (!x || typeof x !== 'object' || seen.has(x)) return;
    seen.add(x);
    if (Array.isArray(x)) { x.forEach(visit); return; }
    const o = x as { kind?: string };
    // (an expression's, not a type's: `Vec<&N>()` holds the type `&N`, also of kind 'ref')
    if (o.kind === 'ref' && 'operand' in o) {
      const e = o as ast.ExprOf<'ref'>, t = exprInfo(e)?.type;
      let b: ast.Expr = e.operand;
      while (b.kind === 'member' || b.kind === 'tuple-index') b = b.object;
      const r = b.kind === 'ident' ? nameRes(b) : null;
      if (t && isCellRef(t) && r?.k === 'local' && !isObjectLike(r.local.type)) out.add(r.local);
    }
    for (const [k, v] of Object.entries(o)) if (k !== 'span') visit(v);
  };
  visit(main?.body);
  return out;
}

/** A cell's program text: the session's items (each from the cell that defined it), then what
 *  the caller puts; `segs` remember where each cell's text went. */
class Layout {
  readonly segs: Segment[] = [];
  src = '\n'; // offset 0 (where earlier cells' moves are placed) is no cell text
  readonly cellTexts: Map<number, string>;
  constructor(private readonly cell: number, text: string, items: readonly ItemEntry[]) {
    this.cellTexts = new Map([[cell, text]]);
    // an item that ended its cell may lack its `;` (parseCell allows it there): restore it
    for (const it of items) { this.cellTexts.set(it.origin.cell, it.origin.text); this.put(it.text, it.origin.from, it.origin.cell); this.put(/[;}]\s*$/.test(it.text) ? '\n' : ';\n'); }
  }
  readonly put = (s: string, from?: number, cell = this.cell): void => {
    if (from !== undefined) this.segs.push({ at: this.src.length, from, len: s.length, cell });
    this.src += s;
  };
}

/** Call sites the cell's module added (ids from `from`) point at the program text: move them to
 *  the cell (or earlier cell, for items) their code came from. */
function mapSites(sites: ProgramMeta['sites'], from: number, src: string, segs: Segment[], texts: Map<number, string>): void {
  const starts = [0];
  for (let i = 0; i < src.length; i++) if (src.charCodeAt(i) === 10) starts.push(i + 1);
  const maps = new Map<number, LineMap>();
  for (let i = from; i < sites.length; i++) {
    const s = sites[i];
    if (!s.line) continue;
    const off = (starts[s.line - 1] ?? src.length) + s.col - 1;
    // (a site at the `(` of the echo's `&(` belongs to the echoed expression)
    const g = segs.find((x) => off >= x.at && off <= x.at + x.len) ?? segs.find((x) => off < x.at && x.at - off <= 2);
    if (!g) continue;
    let lm = maps.get(g.cell);
    if (!lm) maps.set(g.cell, (lm = new LineMap(cellFile(g.cell), texts.get(g.cell) ?? '')));
    const at = g.from + Math.max(0, off - g.at);
    const sp = lm.span(at, at);
    sites[i] = { ...s, file: sp.file, line: sp.line, col: sp.col };
  }
}

export class ReplSession {
  private file = cellFile(0);
  private items: ItemEntry[] = [];
  private vars: SessionVar[] = [];
  private nextSlot = 0;
  /** Inputs so far (every `line`, across resets): input N is `cellN` in spans and backtraces. */
  private inputs = 0;

  /** The number the next input gets. */
  get nextCell(): number { return this.inputs + 1; }

  reset(): void {
    this.items = [];
    this.vars = [];
    this.nextSlot = 0;
  }

  /** Names of the variables in scope, for front ends (completion, tests). */
  variables(): { name: string; type: string; moved: boolean }[] {
    return this.visibleVars().map((v) => ({ name: v.name, type: displayName(typeName(v.type)), moved: v.moved }));
  }

  /** One input (a complete cell): `:type EXPR`, `:reset`, `:help`, another `:command`, or a cell.
   *  `base` is the live runtime's tables (compiled cells number their sites and types after them). */
  line(text: string, base: ProgramMeta): ReplStep {
    this.file = cellFile(++this.inputs);
    const m = /^\s*:([A-Za-z]+)\s*([\s\S]*)$/.exec(text);
    if (m) {
      if (m[1] === 'reset') {
        const step = this.endSession(base);
        this.reset();
        return step;
      }
      if (m[1] === 'help') return { kind: 'help', text: REPL_HELP };
      if (m[1] === 'type') return this.typeOf(m[2], text.length - m[2].length, text);
      return { kind: 'unknown-command', name: m[1] };
    }
    return this.cell(text, base);
  }

  /** `:type EXPR`: the static type name of EXPR in the session's scope (typeof rules). */
  typeOf(expr: string, exprAt = 0, lineText = expr): ReplStep {
    if (!expr.trim()) return { kind: 'type', text: null, diagnostics: [diag(MSG.E0142.usageTypeExpr(), new LineMap(this.file, lineText).span(0, lineText.length))] };
    const head = this.itemsText() + 'fn main() {\n    let __repl_type = typeof((';
    const source = head + expr + '));\n}\n';
    const scope = this.scope();
    const { cx, program, parseDiags } = this.checkText(source, scope);
    const diagnostics = this.mapBack([...parseDiags, ...cx.diags], [{ at: head.length, from: exprAt, len: expr.length, cell: this.inputs }], lineText);
    if (hasErrors(diagnostics)) return { kind: 'type', text: null, diagnostics };
    const main = program.items.find((it): it is ast.FnDecl => it.kind === 'fn' && it.name === 'main');
    const last = main?.body?.stmts[main.body.stmts.length - 1];
    const e = last?.kind === 'let' ? last.init : null;
    const value = e?.kind === 'typeof' ? withTables(cx.tables, () => exprInfo(e))?.constValue : null;
    return { kind: 'type', text: typeof value === 'string' ? value : null, diagnostics };
  }

  /** A cell of items and/or statements, optionally ending in an expression without `;`. */
  cell(text: string, base: ProgramMeta): ReplStep {
    const known = this.items.map((i) => i.structName).filter((n): n is string => !!n);
    const parsed = parseCell(this.file, text, known);
    if (hasErrors(parsed.diagnostics)) return { kind: 'error', diagnostics: parsed.diagnostics };
    const bad = parsed.items.find((it) => it.kind === 'fn' && it.name === 'main' && !it.receiver && !it.owner);
    if (bad) return { kind: 'error', diagnostics: [diag(MSG.E0142.fnMainCannotDefined(), (bad as ast.FnDecl).nameSpan)] };
    const ret = topLevelReturn([parsed.stmts, parsed.tail]);
    if (ret) return { kind: 'error', diagnostics: [diag(MSG.E0142.returnOutsideFunctionRepl(), ret)] };

    // The new item list: a redefinition replaces the earlier item (later cells see the new one).
    const items: ItemEntry[] = this.items.map((i) => ({ ...i }));
    for (const it of parsed.items) {
      const entry = { key: itemKey(it), text: text.slice(it.span.start, it.span.end), structName: it.kind === 'struct' ? it.name : null, origin: { cell: this.inputs, from: it.span.start, text } };
      const i = entry.key ? items.findIndex((x) => x.key === entry.key) : -1;
      if (i >= 0) items.splice(i, 1);
      items.push(entry);
    }

    // Lay the program out, remembering where the cell's own text went.
    const layout = new Layout(this.inputs, text, items);
    const { segs, cellTexts } = layout;
    const put = layout.put;
    put('fn main() {\n');
    for (const s of parsed.stmts) { const st = text.slice(s.span.start, s.span.end); put('    '); put(st, s.span.start); put(/[;}]\s*$/.test(st) ? '\n' : ';\n'); }
    const tail = parsed.tail;
    if (tail) { put(`    let ${ECHO} = &(`); put(text.slice(tail.span.start, tail.span.end), tail.span.start); put(');\n'); }
    put('}\n');
    const src = layout.src;

    const itemText = typeTexts(items);
    const vars = this.visibleVars(itemText);
    const scope = this.scope(vars);
    const { cx, program, parseDiags, result } = this.checkText(src, scope);
    const diagnostics = this.mapBack([...parseDiags, ...cx.diags], segs, text).map((d) => this.explainHidden(d, vars));
    if (hasErrors(diagnostics) || !result.program) return { kind: 'error', diagnostics };

    // What the cell's main loads and stores.
    const declared = scope.declared ?? [];
    const visible = new Set(scope.visibleAtEnd ?? []);
    const movedAtEnd = scope.movedAtEnd ?? new Set<LocalInfo>();
    const load: ReplGen['load'] = [];
    declared.forEach((l, i) => { if (l) load.push({ local: l, slot: vars[i].slot, moved: vars[i].moved, wasMem: vars[i].mem, wasBoxed: vars[i].boxed }); });
    const loadedIds = new Set(load.map((e) => e.local.id));
    let nextSlot = this.nextSlot;
    let echoLocal: LocalInfo | null = null;
    const store: ReplGen['store'] = [];
    // the cell's own top-level bindings: the visible ones, and those a later `let` of the cell
    // shadows (kept by the session, unnamed, for `:reset`, as one from an earlier cell is: the
    // session is one block; they were dropped when the cell ended)
    const shadowedHere = new Set(withTables(cx.tables, () => topLets(program)).filter((l) => !visible.has(l)));
    // slots in declaration order (local ids grow as locals are declared): `:reset` drops in
    // reverse slot order
    for (const l of [...visible, ...shadowedHere].sort((a, b) => a.id - b.id)) {
      if (loadedIds.has(l.id)) continue;
      if (l.name === ECHO) echoLocal = l;
      store.push({ local: l, slot: nextSlot++ });
    }
    // A scalar a closure captures is shared by reference with later cells: it lives in memory
    // (a cell), so every cell reads and writes the same place.
    // Every other captured value that a later cell may reassign (str, enums, tuples, String, Vec,
    // structs, ...) lives in a box for the same reason: a closure captures by reference (there is
    // no `move`), so after `name = String.from("new")` in a later cell it sees the new value —
    // and so does a reference variable, which `r = &y;` re-points.
    const refRoots = withTables(cx.tables, () => cellRefRoots(program));
    for (const e of [...load, ...store]) {
      const l = e.local;
      if ((!l.captured && !refRoots.has(l)) || l.name === ECHO) continue;
      if (memBacked(l.type)) l.addressTaken = true;
      else l.replBoxed = true;
    }
    const echoType = !echoLocal ? null : echoLocal.type.k === 'ref' ? echoLocal.type.inner : echoLocal.type; // `&str` is `str`
    const echoes = !!echoType && echoType.k !== 'unit' && echoType.k !== 'never' && echoType.k !== 'error';
    let gen: ReturnType<typeof generate>;
    try {
      gen = generate(result.program, { base, repl: { load, store, echo: echoes ? echoLocal : null } });
    } catch (e) {
      return { kind: 'error', diagnostics: [codegenFailure(e, new LineMap(this.file, text).span(0, 0))] };
    }
    mapSites(gen.meta.sites, base.sites.length, src, segs, cellTexts);
    const echoSlot = store.find((e) => e.local === echoLocal)?.slot ?? -1;
    return {
      kind: 'cell', js: gen.js, meta: gen.meta, diagnostics,
      echo: echoes ? { slot: echoSlot } : null,
      commit: (outcome) => {
        this.nextSlot = nextSlot;
        if (outcome === 'panic') {
          // the cell is aborted: its items and bindings are gone; what it did to the session's
          // values happened (a live machine), and a value it may have moved stays moved
          declared.forEach((l, i) => { if (l && movedAtEnd.has(l)) vars[i].moved = true; });
          return;
        }
        this.items = items;
        const deps = (t: Type) => new Map([...userTypes(t)].map((n) => [n, itemText.get(n) ?? '']));
        // the borrows the session's variables hold now, by slot
        const slotOf = new Map<LocalInfo, number>();
        declared.forEach((l, i) => { if (l) slotOf.set(l, vars[i].slot); });
        for (const e of store) slotOf.set(e.local, e.slot);
        const borrowsOf = new Map<number, { slot: number; mut: boolean }[]>();
        for (const b of scope.borrowsAtEnd ?? []) {
          const r = slotOf.get(b.r), of = slotOf.get(b.of);
          if (r === undefined || of === undefined) continue;
          borrowsOf.set(r, [...(borrowsOf.get(r) ?? []), { slot: of, mut: b.mut }]);
        }
        // variables hidden by a redefined type stay (for explainHidden), still hidden
        const next: SessionVar[] = this.vars.filter((v) => !vars.includes(v));
        declared.forEach((l, i) => {
          if (!l) return;
          // shadowed by a new binding of the cell: kept (unnamed) for `:reset` to drop
          if (!visible.has(l)) { next.push({ ...vars[i], moved: movedAtEnd.has(l), shadowed: true, borrows: [] }); return; }
          next.push({ ...vars[i], moved: movedAtEnd.has(l), mem: vars[i].mem || l.addressTaken && memBacked(l.type), boxed: vars[i].boxed || !!l.replBoxed, borrows: borrowsOf.get(vars[i].slot) ?? [] });
        });
        for (const e of store) {
          if (e.local === echoLocal) continue;
          const l = e.local;
          next.push({ name: l.name, type: l.type, mut: l.mut, moved: movedAtEnd.has(l), mem: l.addressTaken && memBacked(l.type), boxed: !!l.replBoxed, slot: e.slot, deps: deps(l.type), shadowed: shadowedHere.has(l), borrows: shadowedHere.has(l) ? [] : borrowsOf.get(e.slot) ?? [] });
        }
        this.vars = next;
      },
    };
  }

  /** `cannot find value `p`` for a variable whose type was redefined says so. */
  private explainHidden(d: Diagnostic, visible: SessionVar[]): Diagnostic {
    const m = d.code === 'E0100' ? /`([^`]+)`/.exec(d.message) : null;
    if (!m || visible.some((v) => v.name === m[1])) return d;
    const v = [...this.vars].reverse().find((x) => x.name === m[1]);
    if (!v) return d;
    return { ...d, notes: [...d.notes, NOTE.E0100.noteVariableGoneRedefined({ name: v.name, type: typeName(v.type) })] };
  }

  /** Variables still usable: a redefined struct or enum hides the variables of its old type. */
  private visibleVars(itemText = typeTexts(this.items)): SessionVar[] {
    return this.vars.filter((v) => !v.shadowed && typesKept(v, itemText));
  }

  /** The end of the session's block (`:reset`): a program whose `main` loads every value the
   *  session may still own — visible or shadowed — and drops the live ones at its end in reverse
   *  declaration order (slot order is declaration order). A value whose type was redefined is
   *  left alone: its `drop()` is the old definition's, no longer in the program. */
  private endSession(base: ProgramMeta): ResetStep {
    const itemText = typeTexts(this.items);
    // (moved ones too: their drop flags, kept by the runtime, say what they still own)
    const vars = this.vars.filter((v) => typesKept(v, itemText)).sort((a, b) => a.slot - b.slot);
    if (vars.length === 0) return { kind: 'reset', end: null, diagnostics: [] };
    const scope = this.scope(vars);
    const layout = new Layout(this.inputs, ':reset', this.items);
    // the session's variables are declared at offset 0: their drops are the `:reset` input's
    layout.segs.unshift({ at: 0, from: 0, len: 0, cell: this.inputs });
    layout.put('fn main() {\n}\n');
    const { result } = this.checkText(layout.src, scope);
    const declared = scope.declared ?? [];
    const span = new LineMap(this.file, ':reset').span(0, 0);
    if (!result.program || declared.some((l) => !l)) return { kind: 'reset', end: null, diagnostics: [codegenFailure(new Error('the session\'s values could not be dropped'), span)] };
    const load: ReplGen['load'] = vars.map((v, i) => ({ local: declared[i]!, slot: v.slot, moved: false, wasMem: v.mem, wasBoxed: v.boxed }));
    try {
      const gen = generate(result.program, { base, repl: { load, store: [], end: true } });
      mapSites(gen.meta.sites, base.sites.length, layout.src, layout.segs, layout.cellTexts);
      return { kind: 'reset', end: { js: gen.js, meta: gen.meta }, diagnostics: [] };
    } catch (e) {
      return { kind: 'reset', end: null, diagnostics: [codegenFailure(e, span)] };
    }
  }

  private scope(vars = this.visibleVars()): ReplScope {
    const borrows: NonNullable<ReplScope['borrows']> = [];
    vars.forEach((v, r) => {
      for (const b of v.borrows ?? []) { const of = vars.findIndex((x) => x.slot === b.slot); if (of >= 0) borrows.push({ r, of, mut: b.mut }); }
    });
    return { vars: vars.map((v) => ({ name: v.name, type: (cx: Ctx) => retype(cx, v.type), mut: v.mut, moved: v.moved, addressTaken: v.mem, boxed: v.boxed })), borrows };
  }

  private itemsText(): string {
    return this.items.map((i) => i.text + '\n').join('');
  }

  private checkText(source: string, replScope: ReplScope) {
    const parsed = parse(this.file, source);
    // an earlier cell's VecIter (`let! it = v.iter();`) stays a type of the session: always linked
    const program = parsed.program.noVecIter ? { ...parsed.program, noVecIter: undefined } : parsed.program;
    const { cx, result } = checkWithCtx(program, { text: source, replScope });
    return { cx, program: cx.program, parseDiags: parsed.diagnostics, result };
  }

  /** Diagnostics on the synthesized program -> spans in the cell text. Anything outside the
   *  cell's own text (earlier cells) is shown at the start of the cell with a note. */
  private mapBack(ds: Diagnostic[], all: Segment[], cellText: string): Diagnostic[] {
    const lm = new LineMap(this.file, cellText);
    const segs = all.filter((g) => g.cell === this.inputs);
    const map = (s: Span): Span | null => {
      // a span starting just before the cell's text (`&(` of the echo) is clamped to it
      const seg = segs.find((g) => s.start >= g.at && s.start <= g.at + g.len) ?? segs.find((g) => s.start < g.at && s.end > g.at);
      if (!seg) return null;
      const a = seg.from + Math.max(0, s.start - seg.at);
      const b = seg.from + Math.min(seg.len, Math.max(s.start, s.end) - seg.at);
      return lm.span(a, Math.max(a, b));
    };
    return ds.map((d) => {
      const span = map(d.span);
      const mapped = d.labels.map((l) => ({ ...l, span: map(l.span) }));
      const labels = mapped.filter((l): l is { span: Span; message: string } => !!l.span);
      // a label about earlier code (`value moved here`) becomes a note
      const elsewhere = mapped.filter((l) => !l.span).map((l) => `note: ${l.message} (in an earlier cell)`);
      if (span) return { ...d, span, labels, notes: [...d.notes, ...elsewhere] };
      return { ...d, span: lm.span(0, 0), labels, notes: [...d.notes, 'note: this is about code from an earlier cell'] };
    });
  }
}

// Module-wide state of one code generation: call sites, type descriptors, monomorphic instances,
// classes for structs/enums and generated drop functions.
import { displayName } from '../sema/module-names';
import type { CheckedProgram, FnInfo, LocalInfo } from '../sema/typed';
import type { Type, StructInfo, EnumInfo } from '../sema/types';
import { subst, typeName, typeSome } from '../sema/types';
import type { Span } from '../span';
import { MSG, NOTE, type Message } from '../msg';
import { copyNeeds } from '../sema/copy-needs';
import { isCopy } from '../sema/infer';
import type { Site } from '../../common/program-meta';
import { TypeTable, typeKey, isFlatBoxField } from './typedesc';
import { envOf, dropRunsUser } from '../sema/types';
import { dropSteps, HELD, type DropStep } from './drop-steps';
import { uncloneable } from './clone-glue';
import { RT, rtH, rtS } from './rt-names';
import { somePartHas, memberTypes } from './part-search';
import { typeChildren } from '../sema/type-size';
import { ARENA } from '../sema/prelude';

/** Nested drops of a recursive type before the rest is queued (codegen/DESIGN.md). */
const DROP_DEEP = 200;

/** Raised when monomorphization does not terminate. */
/** A limit of code generation the program itself ran into (a Vex diagnostic, not our bug). */
export class CodegenLimit extends Error {
  constructor(readonly msg: Message, readonly span: Span | null = null, readonly notes: string[] = []) { super(msg.text); }
}

/** A generic body that copies a value of a type parameter (sema/copy-needs.ts) instantiated with
 *  a moving type for it: the copy would alias the value (a use after free, a double drop). */
function copiesMovers(m: ModuleCtx, fn: FnInfo, env: ReadonlyMap<string, Type>, at: Span | null): void {
  for (const [key, need] of copyNeeds.get(fn) ?? []) {
    const t = env.get(key.replace(/#clone$/, ''));
    // a standard module's body is not the program's text: the error is where the program calls it
    const span = need.span.file.startsWith('<std>') && at ? at : need.span;
    if (need.kind === 'clone') {
      const bad = t && uncloneable(m, t, new Set());
      if (!t || !bad) continue;
      const msg = MSG.E0163.genericClonesOut({ fnName: fn.name, what: need.what, param: need.param, t: typeName(t), uncloneable: typeName(bad) });
      throw new CodegenLimit(msg, span, [NOTE.E0163.noteParamCloned({ param: need.param })]);
    }
    if (!t || isCopy(t)) continue;
    const args = { fnName: fn.name, what: need.what, param: need.param, t: typeName(t) };
    const msg = need.kind === 'twice' ? MSG.E0113.genericUsesMoved(args) : MSG.E0163.genericCopiesOut(args);
    throw new CodegenLimit(msg, span, [NOTE.E0113.noteParamMoves({ param: need.param })]);
  }
}

/** Type arguments nested deeper than this come only from polymorphic recursion. */
const MAX_TYPE_DEPTH = 48;
/** Distinct instances of one generic function (a fan-out of polymorphic recursion). */
const MAX_INSTANCES_PER_FN = 20_000;

/** Kinds that are one level deep even with no children (`Vec` with no arguments yet, `()`). */
const COMPOUND = new Set<Type['k']>(['struct', 'enum', 'builtin', 'tuple', 'array', 'slice', 'range', 'ref', 'ptr', 'fn']);
/** Nesting depth of a type, counting stops once it passes `limit` (huge types stay cheap). */
export function typeDepth(t: Type, limit: number): number {
  if (limit < 0) return 1;
  const inner = typeChildren(t);
  if (!inner.length && !COMPOUND.has(t.k)) return 0;
  let d = 0;
  for (const x of inner) {
    d = Math.max(d, typeDepth(x, limit - 1));
    if (d > limit) break;
  }
  return d + 1;
}

/** Whether a type has more than `limit` nodes (counted with a budget: a type that doubles at each
 *  level, like f<T> calling f<(T, T)>, is shared in memory but exponential to walk or to key). */
export function typeSizeOver(t: Type, limit: number): boolean {
  let budget = limit;
  return typeSome(t, () => --budget < 0);
}
const MAX_TYPE_SIZE = 4096;

export interface Instance {
  name: string;
  fn: FnInfo;
  typeArgs: Type[];
  env: Map<string, Type>;
  isGen: boolean;
  /** The call that first asked for this instance (where its instantiation errors point when the
   *  body is a standard module's, not the program's text). */
  at: Span | null;
}

/** A REPL cell compiled as `main` (lang/repl.ts, pipeline/repl.ts): the session's variables live
 *  in `rt.replSlots` slots between cells. Loaded ones are read on entry and written back on exit (also
 *  when the cell panics); the cell's own top-level locals are written on normal completion and
 *  are owned by the session from then on (not dropped at the cell's end). */
export interface ReplGen {
  load: { local: LocalInfo; slot: number; moved: boolean; wasMem: boolean; wasBoxed: boolean }[];
  store: { local: LocalInfo; slot: number }[];
  /** The session's end (`:reset`): the loaded values are main's own, dropped at its end in
   *  reverse load order, and nothing is written back. */
  end?: boolean;
  /** The echo's local (`let __repl_echo = &(EXPR);`), when the cell echoes: formatted and printed
   *  at the end of main (rt.replEcho), so the temporaries EXPR borrowed are dropped after it. */
  echo?: LocalInfo | null;
}

/** Fields from which a struct's class takes one array of them rather than a parameter each: a JS
 *  call passes its arguments on the host stack (a struct of 40,000 fields overflowed it when made). */
export const WIDE_STRUCT = 1000;

export class ModuleCtx {
  readonly sites: Site[] = [];
  repl: ReplGen | null = null;
  private readonly siteIds = new Map<string, number>();
  readonly tt: TypeTable;
  readonly instances = new Map<string, Instance>();
  /** The instance whose body is being emitted (module.ts), for errors of that instantiation. */
  emitting: Instance | null = null;
  private readonly instancesOf = new Map<number, number>();
  readonly queue: Instance[] = [];
  readonly classes: string[] = [];
  private readonly structNames = new Map<StructInfo, string>();
  private readonly enumNames = new Map<EnumInfo, string>();
  readonly dropFns = new Map<string, string>();
  readonly dropDefs: string[] = [];
  /** Methods by owner declaration and name (for contract dispatch, iterators, Drop). */
  readonly methods = new Map<unknown, Map<string, FnInfo>>();
  /** Every instance method of a type by short name, overloads included (`methods` keeps the last). */
  readonly methodSets = new Map<unknown, Map<string, FnInfo[]>>();
  private n = 0;
  /** libm functions called through the direct fast path (bound once in the prelude). */
  readonly libm = new Set<string>();
  /** Vex types of the arguments and result at each extern call site (FFI panel). */
  readonly ffiSites: Record<number, { args: string[]; ret: string }> = {};

  constructor(readonly prog: CheckedProgram) {
    this.tt = new TypeTable((t) => prog.layoutOf(t));
    for (const f of prog.fns) {
      const o = f.owner;
      if (!o || (o.k !== 'struct' && o.k !== 'enum')) continue;
      const key = o.info;
      if (!this.methods.has(key)) this.methods.set(key, new Map());
      const short = f.decl?.name ?? f.name.slice(f.name.lastIndexOf('.') + 1);
      if (f.receiver) {
        this.methods.get(key)!.set(short, f);
        if (!this.methodSets.has(key)) this.methodSets.set(key, new Map());
        const sets = this.methodSets.get(key)!;
        sets.set(short, [...(sets.get(short) ?? []), f]);
      }
      else if (!this.methods.get(key)!.has('static:' + short)) this.methods.get(key)!.set('static:' + short, f);
    }
  }

  uid(prefix: string): string {
    return `${prefix}${++this.n}`;
  }
  /** The uid counter, and setting it back: a function body emitted again (stmts.ts emitFunction)
   *  gets the labels its first emission had. Everything else a body registers here is keyed
   *  (sites, types, instances, glue), so the first emission left it as one emission would. */
  get uidMark(): number { return this.n; }
  rewindUids(mark: number): void { this.n = mark; }

  site(span: Span | null | undefined, fn: string): number {
    const file = span?.file ?? '?', line = span?.line ?? 0, col = span?.col ?? 0;
    const key = `${fn}\0${file}:${line}:${col}`;
    let id = this.siteIds.get(key);
    if (id === undefined) {
      id = this.sites.length;
      this.sites.push({ fn: displayName(fn), file, line, col }); // `utilːboom` is shown as `boom`
      this.siteIds.set(key, id);
    }
    return id;
  }

  td(t: Type): number {
    return this.tt.id(t);
  }

  /** The monomorphic instance of `fn` for `typeArgs` (already concrete), queued for emission. */
  instance(fn: FnInfo, typeArgs: Type[], at: Span | null = null): Instance {
    // Polymorphic recursion (f<T> calling f<Option<T>> or f<(T, T)>) would instantiate forever
    // with ever bigger types: stop at once, before any key or layout of a huge type is built.
    if (typeArgs.some((t) => typeSizeOver(t, MAX_TYPE_SIZE))) {
      // recursion only when fn's own body asks (`dup(dup(…(1)))` nested makes instances of dup
      // from main: a chain of generic calls grew the type, which the other text says)
      const msg = this.emitting?.fn === fn ? MSG.E0901.polymorphicRecursionSize : MSG.E0901.typeArgumentTooBig;
      throw new CodegenLimit(msg({ name: fn.name, max: MAX_TYPE_SIZE }), fn.decl?.span ?? null);
    }
    const key = `${fn.id}<${typeArgs.map(typeKey).join(',')}>`;
    let inst = this.instances.get(key);
    if (!inst) {
      if (typeArgs.some((t) => typeDepth(t, MAX_TYPE_DEPTH) > MAX_TYPE_DEPTH)) {
        throw new CodegenLimit(MSG.E0901.polymorphicRecursionDepth({ name: fn.name, max: MAX_TYPE_DEPTH }), fn.decl?.span ?? null);
      }
      const perFn = (this.instancesOf.get(fn.id) ?? 0) + 1;
      if (perFn > MAX_INSTANCES_PER_FN) throw new CodegenLimit(MSG.E0901.tooManyInstances({ name: fn.name, max: MAX_INSTANCES_PER_FN }), fn.decl?.span ?? null);
      this.instancesOf.set(fn.id, perFn);
      const env = new Map<string, Type>();
      const params = fn.typeParams ?? [];
      fn.generics.forEach((g, i) => {
        const p = params[i];
        const a = typeArgs[i];
        if (!a) return;
        if (p && p.k === 'param') env.set(p.owner + '.' + p.name, a);
        else env.set(g, a);
      });
      copiesMovers(this, fn, env, at);
      const safe = fn.name.replace(/[^A-Za-z0-9_]/g, '_');
      inst = { name: `f${fn.id}_${safe}${this.instances.size}`, fn, typeArgs, env, isGen: fn.mayBlock || fn.isAsync, at };
      this.instances.set(key, inst);
      this.queue.push(inst);
    }
    return inst;
  }

  structClass(info: StructInfo): string {
    let n = this.structNames.get(info);
    if (!n) {
      n = `S_${info.name}_${this.structNames.size}`;
      this.structNames.set(info, n);
      const fs = info.fields.map((f) => 'f_' + f.name);
      // (a wide struct's constructor takes one array of its fields: newStruct)
      const wide = fs.length > WIDE_STRUCT;
      this.classes.push(`class ${n} { constructor(${wide ? '$' : fs.map((_, i) => '$' + i).join(', ')}) { ${fs.map((f, i) => `this.${f} = $${wide ? `[${i}]` : i};`).join(' ')} } }`);
    }
    return n;
  }
  /** A new struct value from its fields' JS, in declaration order. */
  newStruct(info: StructInfo, fields: string[]): string {
    const n = this.structClass(info);
    return fields.length > WIDE_STRUCT ? `new ${n}([${fields.join(', ')}])` : `new ${n}(${fields.join(', ')})`;
  }

  enumClass(info: EnumInfo): string {
    let n = this.enumNames.get(info);
    if (!n) {
      n = `E_${info.name}_${this.enumNames.size}`;
      this.enumNames.set(info, n);
      const { arity, slots } = this.shape(info);
      // field J is `aJ`; a field holding a flat Box in some variant also has its slot `$bJ`
      const ps: string[] = [];
      const body: string[] = ['this.t = t;'];
      for (let j = 0; j < arity; j++) {
        ps.push('a' + j);
        body.push(`this.a${j} = a${j};`);
        if (slots.has(j)) { ps.push('b' + j); body.push(`this.$b${j} = b${j};`); }
      }
      this.classes.push(`class ${n} { constructor(t${ps.map((p) => ', ' + p).join('')}) { ${body.join(' ')} } }`);
    }
    return n;
  }
  /** The shared value of a unit variant, a module constant made when first used: each constant
   *  is a register of the module's function, so one per variant of an enum of 150,000 variants
   *  overflowed the host stack before main. */
  unitVariant(info: EnumInfo, i: number): string {
    const n = this.enumClass(info), name = `${n}_u${i}`;
    if (!this.unitsMade.has(name)) {
      this.unitsMade.add(name);
      this.classes.push(`const ${name} = Object.freeze(new ${n}(${this.enumArgs(info, i, [])}));`);
    }
    return name;
  }
  private readonly unitsMade = new Set<string>();

  /**
   * Per variant and field: is the field declared `Box<…>`? Such a field is stored flat: the
   * content in `aJ`, the block's slot in `$bJ` (runtime collections.ts VBoxView says why).
   */
  flatBoxes(info: EnumInfo): boolean[][] {
    let f = this.flat.get(info);
    if (!f) {
      f = info.variants.map((v) => v.fields.map(isFlatBoxField));
      this.flat.set(info, f);
    }
    return f;
  }
  private readonly flat = new Map<EnumInfo, boolean[][]>();
  /** The fields with a slot in some variant, and the class's arity (memoized: asked per variant). */
  flatSlots(info: EnumInfo): Set<number> { return this.shape(info).slots; }
  private shape(info: EnumInfo): { arity: number; slots: Set<number> } {
    let sh = this.shapes.get(info);
    if (!sh) {
      const slots = new Set<number>();
      for (const v of this.flatBoxes(info)) v.forEach((b, j) => { if (b) slots.add(j); });
      let arity = 0;
      for (const v of info.variants) arity = Math.max(arity, v.fields.length);
      sh = { arity, slots };
      this.shapes.set(info, sh);
    }
    return sh;
  }
  private readonly shapes = new Map<EnumInfo, { arity: number; slots: Set<number> }>();
  /** Constructor arguments after the tag: each field's value and, where the class has one, its
   *  slot (0 when this variant keeps no box there). */
  enumArgs(info: EnumInfo, variant: number, fields: { a: string; b?: string }[]): string {
    const { arity, slots } = this.shape(info);
    if (slots.size === 0) return [String(variant), ...fields.map((f) => f.a)].join(', ');
    const out = [String(variant)];
    for (let j = 0; j < arity; j++) {
      out.push(fields[j]?.a ?? 'undefined');
      if (slots.has(j)) out.push(fields[j]?.b ?? '0');
    }
    return out.join(', ');
  }

  /** Does a value of type t need dropping (Drop impl directly or through fields/elements)? */
  /** `gc`: a Gc handle counts (its drop is a no-op, but a local with a drop is a GC root of its
   *  frame); without it, whether the drop releases anything. */
  needsDrop(t: Type, seen = new Set<unknown>(), gc = true): boolean {
    switch (t.k) {
      case 'struct': {
        if (t.info.implsDrop) return true;
        if (seen.has(t.info)) return false;
        seen.add(t.info);
        const env = envOf(t.info.generics, t.args, t.info.name);
        return t.info.fields.some((f) => this.needsDrop(subst(f.type, env), seen, gc));
      }
      case 'enum': {
        if (seen.has(t.info)) return false;
        seen.add(t.info);
        const env = envOf(t.info.generics, t.args, t.info.name);
        return t.info.variants.some((v) => v.fields.some((f) => this.needsDrop(subst(f, env), seen, gc)));
      }
      case 'tuple': return t.elems.some((e) => this.needsDrop(e, seen, gc));
      case 'array': return this.needsDrop(t.elem, seen, gc);
      // Vec/String/Box buffers live in the simulated heap: dropping frees them (stats, profile)
      // Map/Set tables too (their entries are accounted like a Vec buffer)
      // a Future owns the value its task gives, until an await takes it
      case 'builtin': return t.name === 'Future' ? !!t.args[0] && this.needsDrop(t.args[0], seen, gc) : (gc && t.name === 'Gc') || t.name === 'Vec' || t.name === 'String' || t.name === 'Box' || t.name === 'Map' || t.name === 'Set';
      case 'any': return true; // the box drops its content with the drop it carries
      default: return false;
    }
  }

  private readonly gcHolders = new Map<string, boolean>();
  private gcUsedMemo: boolean | null = null;
  /** Does the program name `Gc` anywhere? Only then can a fn value capture a Gc handle. */
  private get gcUsed(): boolean {
    if (this.gcUsedMemo === null) {
      const seen = new Set<unknown>();
      const stack: unknown[] = [this.prog.ast];
      let found = false;
      while (stack.length && !found) {
        const x = stack.pop();
        if (x === null || typeof x !== 'object' || seen.has(x)) continue;
        seen.add(x);
        if (Array.isArray(x)) { for (const y of x) stack.push(y); continue; }
        const o = x as Record<string, unknown>;
        if (o.name === 'Gc' && typeof o.kind === 'string') found = true;
        for (const k in o) if (k !== 'span' && k !== 'info' && k !== 'res' && k !== 'local') stack.push(o[k]);
      }
      this.gcUsedMemo = found;
    }
    return this.gcUsedMemo;
  }
  /** Can a value of type t hold a Gc handle (directly or inside fields, elements, boxes)? Locals of
   *  such types are the collector's roots (runtime/core/gc.ts). */
  mayHoldGc(t: Type): boolean {
    return somePartHas(t, this.gcHolders, (x) => {
      switch (x.k) {
        case 'struct': case 'enum': return memberTypes(x);
        case 'tuple': return x.elems;
        case 'array': return [x.elem];
        case 'builtin': return x.name === 'Gc' || x.args;
        case 'fn': return this.gcUsed || []; // a closure's captures (gc.ts follows `$gc`)
        case 'any': return this.gcUsed || []; // whatever it boxed (it was no root: its Gc was collected)
        default: return [];
      }
    });
  }

  /**
   * The drop of an enum whose variants end in a box of the same enum (a list, a tree's last child)
   * as a loop: a long chain must not need one host frame per link. Each link's other fields are
   * dropped on the way down; the boxes' blocks are freed on the way back, innermost first: the
   * order the recursive drop has. Null when no variant ends in such a box.
   */
  private enumDropChain(t: Extract<Type, { k: 'enum' }>): string | null {
    const env = envOf(t.info.generics, t.args, t.info.name);
    const flat = this.flatBoxes(t.info);
    const key = typeKey(t);
    const tails = t.info.variants.map((vr, i) => {
      for (let j = vr.fields.length - 1; j >= 0; j--) {
        const ft = subst(vr.fields[j], env);
        if (flat[i][j]) return ft.k === 'builtin' && ft.args[0] && typeKey(ft.args[0]) === key ? j : -1;
        if (this.needsDrop(ft)) return -1;
      }
      return -1;
    });
    if (tails.every((j) => j < 0)) return null;
    const slots = new Set(tails.filter((j) => j >= 0));
    const { arms, guarded: held } = this.enumDropArms(t, tails);
    const free = [...slots].map((j) => `case ${j}: $bfree(o.$b${j}); o.$b${j} = 0; break;`).join(' ');
    return `${held ? `let ${HELD}; ` : ''}let $s = null; for (;;) { let next = null; ${arms.join(' ')} if (next === null || next === $MV) break; v = next; } ` +
      `if ($s !== null) for (let k = $s.length - 2; k >= 0; k -= 2) { const o = $s[k]; switch ($s[k + 1]) { ${free} } }` +
      (held ? ` if (${HELD} !== undefined) throw ${HELD};` : '');
  }

  /**
   * `if (…) return;` for the values of a recursive enum whose drop does nothing — a variant with
   * nothing to drop (a leaf), or whose droppable fields are all flat boxes already emptied (a tree
   * node whose children were moved out by `*l`): they skip the deep-drop bookkeeping (depth count,
   * try/finally). Empty when every variant may own something else.
   */
  private enumOwnsNothing(t: Extract<Type, { k: 'enum' }>): string {
    const env = envOf(t.info.generics, t.args, t.info.name);
    const flat = this.flatBoxes(t.info);
    const conds: string[] = [];
    t.info.variants.forEach((vr, i) => {
      const empty: string[] = [];
      for (let j = 0; j < vr.fields.length; j++) {
        if (flat[i][j]) empty.push(`v.$b${j} === 0`);
        else if (this.needsDrop(subst(vr.fields[j], env))) return;
      }
      conds.push(empty.length ? `(v.t === ${i} && ${empty.join(' && ')})` : `v.t === ${i}`);
    });
    return conds.length ? `if (${conds.join(' || ')}) return; ` : '';
  }

  /**
   * Per variant, `if (v.t === i) { … }` dropping its fields in order: a flat box's content, then its
   * block (as a VBox's drop would). The field tails[i] (the chain link, enumDropChain) is pushed on
   * `$s` and followed instead.
   */
  private enumDropArms(t: Extract<Type, { k: 'enum' }>, tails: number[]): { arms: string[]; guarded: boolean } {
    const env = envOf(t.info.generics, t.args, t.info.name);
    const flat = this.flatBoxes(t.info);
    const chained = tails.some((j) => j >= 0);
    let guarded = false;
    const arms = t.info.variants.map((vr, i) => {
      const steps: DropStep[] = [];
      vr.fields.forEach((f, j) => {
        const ft = subst(f, env);
        if (j === tails[i]) steps.push({ js: `if (v.$b${j} !== 0) { ($s || ($s = [])).push(v, ${j}); next = v.a${j}; }`, user: false });
        else if (flat[i][j]) {
          // a flat box: its content, then its block (freed even when the content's drop panics)
          const ct = ft.k === 'builtin' ? ft.args[0] : undefined;
          if (!(ct && this.needsDrop(ct))) steps.push({ js: `if (v.$b${j} !== 0) { $bfree(v.$b${j}); v.$b${j} = 0; }`, user: false });
          else if (!dropRunsUser(ct)) steps.push({ js: `if (v.$b${j} !== 0) { ${this.dropFn(ct)}(v.a${j}); $bfree(v.$b${j}); v.$b${j} = 0; }`, user: false });
          else {
            steps.push({ js: `if (v.$b${j} !== 0) { try { ${this.dropFn(ct)}(v.a${j}); } finally { $bfree(v.$b${j}); v.$b${j} = 0; } }`, user: true });
          }
        } else if (this.needsDrop(ft)) steps.push({ js: `${this.dropFn(ft)}(v.a${j});`, user: dropRunsUser(ft) });
      });
      // in a chain the held panic waits for the rest of the chain (enumDropChain throws it)
      const parts = dropSteps(steps, !chained);
      if (chained && steps.some((x) => x.user)) guarded = true;
      return parts.trim() ? `if (v.t === ${i}) { ${parts} }` : '';
    }).filter(Boolean);
    return { arms, guarded };
  }

  /** Can a value of type t contain another value of type t (through fields, boxes, collections)? */
  private recursiveType(t: Type): boolean {
    const key = typeKey(t);
    const seen = new Set<string>();
    const reaches = (u: Type): boolean => {
      const k = typeKey(u);
      if (seen.has(k)) return false;
      seen.add(k);
      switch (u.k) {
        case 'struct': {
          const env = envOf(u.info.generics, u.args, u.info.name);
          return u.info.fields.some((f) => { const ft = subst(f.type, env); return typeKey(ft) === key || reaches(ft); });
        }
        case 'enum': {
          const env = envOf(u.info.generics, u.args, u.info.name);
          return u.info.variants.some((v) => v.fields.some((f) => { const ft = subst(f, env); return typeKey(ft) === key || reaches(ft); }));
        }
        case 'tuple': return u.elems.some((e) => typeKey(e) === key || reaches(e));
        case 'array': return typeKey(u.elem) === key || reaches(u.elem);
        case 'builtin': return u.args.some((a) => typeKey(a) === key || reaches(a));
        default: return false;
      }
    };
    return reaches(t);
  }

  /** Name of a generated JS function `(v) => void` dropping a value of type t. */
  dropFn(t: Type): string {
    const key = typeKey(t);
    const hit = this.dropFns.get(key);
    if (hit) return hit;
    const name = `$drop${this.dropFns.size}`;
    this.dropFns.set(key, name);
    const steps: DropStep[] = [];
    const step = (js: string, user: boolean, each?: string) => steps.push({ js, user, each });
    const dropOf = (x: Type, v: string, each?: string) => step(`${this.dropFn(x)}(${v});`, dropRunsUser(x), each);
    switch (t.k) {
      case 'struct': {
        if (t.info.implsDrop) {
          const m = this.methods.get(t.info)?.get('drop');
          // a drop() that blocks (a channel operation) is a generator: plain glue drives it
          const inst = m ? this.instance(m, t.args) : null;
          if (inst) step(inst.isGen ? `${rtS('drive')}(${inst.name}(v));` : `${inst.name}(v);`, true);
          if (t.info === ARENA) step(`${rtH('dropArena')}(v);`, false);
        }
        const env = envOf(t.info.generics, t.args, t.info.name);
        for (const f of t.info.fields) {
          const ft = subst(f.type, env);
          if (this.needsDrop(ft)) dropOf(ft, `v.f_${f.name}`);
        }
        break;
      }
      case 'enum': {
        const chain = this.enumDropChain(t);
        step(chain ?? this.enumDropArms(t, t.info.variants.map(() => -1)).arms.join(' '), false);
        break;
      }
      case 'tuple':
        t.elems.forEach((e, i) => { if (this.needsDrop(e)) dropOf(e, `v[${i}]`); });
        break;
      case 'array':
        dropOf(t.elem, 'v[i]', 'for (let i = 0; i < v.length; i++)');
        break;
      case 'builtin':
        // a released buffer means this value was already dropped (moved-out contents are dropped
        // by their new owner): stop, so nested drops stay linear
        if (t.name === 'Vec') {
          step('if (v.cap === 0) return;', false);
          if (this.needsDrop(t.args[0])) dropOf(t.args[0], 'v.a[i]', 'for (let i = 0; i < v.a.length; i++)');
          step('v.release();', false);
        } else if (t.name === 'String') step('v.release();', false);
        // a Gc handle owns nothing: the collector finds its roots (runtime/core/gc.ts)
        else if (t.name === 'Box') {
          step('if (v.addr === 0) return;', false);
          if (this.needsDrop(t.args[0])) dropOf(t.args[0], 'v.v');
          step('$unbox(v);', false);
        }
        // (a Future's drop runs its value's when its task has ended, or when it ends)
        // (not when the value's drop releases nothing: a Future of Gc handles is Copy, and dropping
        // one copy discarded the value another was to await)
        else if (t.name === 'Future' && t.args[0] && this.needsDrop(t.args[0], new Set(), false)) step(`v.dropWith(${this.dropFn(t.args[0])});`, dropRunsUser(t.args[0]));
        else if (t.name === 'Map') {
          step('if (v.cap === 0 && v.m.size === 0) return;', false);
          if (this.needsDrop(t.args[1])) dropOf(t.args[1], 'x', 'for (const x of v.m.values())');
          if (this.needsDrop(t.args[0])) dropOf(t.args[0], 'k', 'for (const k of v.keys())');
          step('v.release();', false);
        } else if (t.name === 'Set') {
          if (this.needsDrop(t.args[0])) dropOf(t.args[0], 'k', 'for (const k of v.values())');
          step('v.release();', false);
        }
        break;
      case 'any':
        step('if (v.d !== null) v.d(v.v);', true);
        break;
      default:
        break;
    }
    const glue = dropSteps(steps);
    // a value moved out of its owner by a pattern binding leaves MOVED_OUT there (stmts.ts pattern)
    // a type that can contain itself (a list as a struct, a tree) may be deep: past DROP_DEEP nested
    // drops the rest waits on rt.dropQueue and the outermost drop runs it (host stack stays bounded)
    const deep = this.recursiveType(t)
      ? `${t.k === 'enum' ? this.enumOwnsNothing(t) : ''}if (${RT.dropDepth} > ${DROP_DEEP}) { ${RT.dropQueue}.push(${name}, v); return; } ${RT.dropDepth}++; try { ${glue} } finally { if (--${RT.dropDepth} === 0 && ${RT.dropQueue}.length !== 0) ${RT.drainDrops}(); }`
      : glue;
    this.dropDefs.push(`function ${name}(v) { if (v === $MV) return; ${deep} } // drop ${typeName(t)}`);
    return name;
  }
}

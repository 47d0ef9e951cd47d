// Statement and function-body emission: frames, fuel, defers and drops (try/finally), loops,
// switch, match with patterns, closures and `go` tasks.
import type * as ast from '../syntax/ast';
import type { Type } from '../sema/types';
import type { LocalInfo, FnInfo } from '../sema/typed';
import { CallEmitter } from './calls';
import { unsupported, holdsRef, givesDefault, freshValue, tempRoot, isPlace, type E } from './expr';
import type { ModuleCtx } from './context';
import { localName, derefAll, isWide, jsStr, isCellRef } from './names';
import { scalarKind, memBacked } from './typedesc';
import { taskName } from './task-name';
import { hasOwnDefer } from './own-defer';
import { type Bound, pattern } from './match-patterns';
import { armTakesAll, copiesOnly, holdsNewValue, isArmLocal, ownedLocalFlag, ownedResult, takesPartsInPlace } from './match-subject';
import { displayName } from '../sema/module-names';
import { keyArg } from './keys';
import { lentClosures, lentOwnedParams } from '../sema/moves';
import { lentForCall } from '../sema/scoped-params';
import { fieldPathOwner } from '../sema/patterns';
import { undecidedMatches } from '../sema/exhaustive';
import { letLocals } from '../sema/borrows';
import { frameLocalClosures, keptByEscapingClosures } from '../sema/frame-local-closures';
import { type ResOf, exprInfo, goInfoOf, localOf, loweredOf, nameRes } from '../sema/tables';

/** Captured arrays at least this big are charged when a closure keeps them (the size from which
 *  a by-value array takes a share of the frame's stack model: runtime frame-arrays.ts). */
const ESCAPE_BYTES = 256;

type StmtOf<K extends ast.Stmt['kind']> = Extract<ast.Stmt, { kind: K }>;
interface Scope {
  /** hidden: a temporary a kept reference borrows (`local.name` is its JS variable; logged unnamed).
   *  at: how many temporaries (unwindTemps) were registered before it: a panic drops locals and
   *  temporaries together in the reverse of that order, innermost first (body, see unwinding). */
  drops: { local: LocalInfo; flag: string; fn: string; td: number; param?: boolean; hidden?: boolean; at?: number; live?: string }[];
  /** Stack mark taken before this block's first address-taken local (released at block end). */
  mem?: string;
  /** postOuter's length when the scope began: the temporaries pending at that index and below are
   *  of statements enclosing it (dropped after its locals when a jump leaves both), those above
   *  of statements inside it. */
  post?: number;
}
interface Loop { scopeDepth: number; contLabel: string | null; postDepth: number }

/** The label a plain function's body is left by when it has cleanup (returnJs, body). */
const EXIT = '$x';

// `$FS`: the call-site stack, read once per call (it is never replaced during a run; the
// module's own `$FS` serves code outside a function frame). Below `callGate` an entry only spends
// its step; at or past it (a stack overflow, or every entry while call events are traced) enter()
// does the overflow check, the step and the call event in that order (entry.ts).

export class FnEmitter extends CallEmitter {
  private scopes: Scope[] = [];
  private loops: Loop[] = [];
  private allDrops: Scope['drops'] = [];
  /** The body has a `defer` of its own (own-defer.ts: found before the body is emitted). */
  private usesDefer = false;
  /** `defer` statements emitted (body() checks the scan found the same). */
  private defersEmitted = 0;
  /** Stack marks of inner blocks with address-taken locals (Scope.mem). */
  private readonly blockMarks: string[] = [];
  /** Captured outer locals able to hold a Gc handle (a closure or task body roots them). */
  gcCaps: string[] = [];
  /** Memory-backed locals (address-taken) were created: their slots are released on exit. */
  usesMem = false;
  private labelN = 0;
  /** Set on a REPL cell's `main` (context.ts ReplGen). */
  replMain: ModuleCtx['repl'] = null;
  /** Parameters (receiver first) recorded with the frame's locals when a panic unwinds it. */
  paramLocals: LocalInfo[] = [];
  /** The function's body (closures' emitters share it): which closures stay in the frame. */
  root: object | null = null;
  /** A plain function instance's call of itself (entry.ts: a spent fuel chunk restarts the call). */
  restart: string | null = null;
  /** Whether a plain function instance's returns leave by `break $x` to the cleanup after the
   *  body (inlineExit, body()): so exactly when the finished frame has cleanup. null while that
   *  is not known (the body's first emission): each return then takes the form the cleanup found
   *  so far asks for, and body() sets `exitRedo` when the finished frame asks for the other one
   *  (emitFunction emits the body again, decided). */
  inlineExit: boolean | null = null;
  /** The forms returns took while inlineExit was undecided (true: `break $x`). */
  private readonly exitGuesses = new Set<boolean>();
  /** Set by body(): the inlineExit a return guessed wrong, to emit the body again with. */
  exitRedo: boolean | null = null;
  /** Defer bodies being emitted (arrows: their returns stay `return`s, see returnJs). */
  private inDefer = 0;
  /** The result may hold a Gc handle: `$r` is a root while the exit's defers and drops run. */
  retGc = false;

  constructor(m: ModuleCtx, env: Map<string, Type>, fnName: string, isGen: boolean, private readonly frameSite: number) {
    super(m, env, fnName, isGen, '$f');
  }

  // ------------------------------------------------------------ function bodies
  /** The JS body (inside `{}`) of a function or closure. */
  body(block: ast.Block | null, exprBody: E | null, prologue = ''): string {
    return `${entryLine(this.frameSite, this.restart)}\n${this.bodyAfterEntry(block, exprBody, prologue)}`;
  }
  /** The body after its entry line (a function instance's entry is rendered later: FnJs). */
  bodyAfterEntry(block: ast.Block | null, exprBody: E | null, prologue = ''): string {
    this.scopes.push({ drops: [], post: this.postOuter.length });
    this.usesDefer = hasOwnDefer(block ?? exprBody!);
    const decls: string[] = ['$r'];
    const R = this.replMain;
    const session = this.replSession(R, decls); // before the statements: they use its drop flags
    let inner: string = prologue ? prologue + '\n' : '';
    const top = { decls: [] as string[], rec: '' };
    if (block) inner += this.stmts(block.stmts, () => block.tail ? this.withPre(() => this.returnJs(this.copyVal(block.tail!))) : '', top);
    else inner += this.withPre(() => this.returnJs(this.copyVal(exprBody!)));
    this.scopes.pop();
    if (this.usesDefer !== this.defersEmitted > 0) throw new Error(`internal: the defer scan of ${this.fnName} disagrees with its emission`);
    decls.push(...top.decls);
    decls.push(...this.temps, ...this.blockMarks.map((n) => `${n} = -1`));
    if (R) inner += '\n' + R.store.filter((e) => !session.loaded.has(e.local.id)).map((e) => {
      if (e.local === R.echo) {
        const t = this.ty(e.local.type);
        return `${RT.replEcho}(${localName(e.local.name, e.local.id)}, ${this.m.td(t.k === 'ref' ? t.inner : t)}, ${e.slot});`;
      }
      const flag = this.dropFlags.get(e.local.id);
      return `${RT.replSlots}[${e.slot}] = ${localName(e.local.name, e.local.id)};${flag ? ` ${RT.replLive}[${e.slot}] = ${flag};` : ''}`;
    }).join('\n');
    // locals able to hold a Gc handle (and captured ones) are the collector's roots while this
    // frame is active, suspended tasks included (runtime/core/gc.ts)
    const gcRoots = [...this.gcCaps, ...this.gcTemps, ...session.gc, ...this.allDrops.filter((d) => this.m.mayHoldGc(this.ty(d.local.type)))
      .map((d) => `${d.flag} && ${localValue(d.local, this.boxedLocals)}`)];
    let code: string;
    const temps = this.unwindTemps.length > 0;
    // the value being returned is in flight while the exit's defers, drops and temporaries' drops
    // run: one of them calling gc_collect() freed it (`let c = C {…}; return Gc(…);`)
    if (this.retGc && (this.usesDefer || this.allDrops.length || temps)) gcRoots.push('$r');
    // the body's locals first, then the parameters: each rt.recordLocals goes before what was recorded
    const params = [top.rec, this.recordLocals(this.paramLocals, true)].filter(Boolean).join(' ');
    const cleanup = this.hasCleanup();
    const inline = !!this.restart && !R && cleanup;
    if (this.inlineExit === null && this.exitGuesses.has(!inline)) this.exitRedo = inline;
    if (cleanup) {
      // `$d`: the frame's defers (a frame without `defer` has none to run)
      decls.push(...(this.usesDefer ? ['$d = null'] : []), '$u');
      if (this.usesMem) decls.push(`$mk = ${rtIn('memValues', 'mark')}()`);
      for (const d of this.allDrops) {
        if (d.param) decls.push(`${d.flag} = ${d.live ?? 'true'}`);
        else decls.push(`${d.flag} = false`, d.hidden ? d.local.name : localName(d.local.name, d.local.id));
      }
      const site = this.frameSite;
      const rev = this.allDrops.slice().reverse();
      const n = (d: Scope['drops'][number]) => localValue(d.local, this.boxedLocals);
      // normal exit: no logging calls; unwinding: every step is logged for the Panic panel
      // a drop that can run user code gets its local's declaration as the call site (as a block's
      // drops do): a panic in it names this frame there, not at the frame's last call
      const at = (d: Scope['drops'][number]) => (dropRunsUser(this.ty(d.local.type)) ? `${RT.frameSites}[$f] = ${this.m.site(d.local.span, this.fnName)}; ` : '');
      const plain = rev.filter((d) => !session.owned.has(d.local.id)).map((d) => `if (${d.flag}) { ${d.flag} = false; ${at(d)}${d.fn}(${n(d)}); }`).join('\n');
      // each logged drop points at the local's declaration
      const logDrop = (d: Scope['drops'][number]) => `if (${d.flag}) { ${d.flag} = false; ${RT.logDrop}($u, ${this.m.site(d.local.span, this.fnName)}, ${d.td}, ${d.hidden ? '""' : jsStr(d.local.name)}, ${n(d)}); ${d.fn}(${n(d)}); }`;
      // unwinding drops locals and temporaries (each clears itself) in the reverse order of their
      // registration, which follows nesting: a loop body's locals, then the loop variable, then
      // the temporary it iterates (`for d in make()`), then what was bound before the loop
      const steps: string[] = [];
      let ti = 0;
      for (const d of this.allDrops) {
        while (ti < (d.at ?? 0)) steps.push(this.unwindTemps[ti++] + ';');
        steps.push(logDrop(d));
      }
      while (ti < this.unwindTemps.length) steps.push(this.unwindTemps[ti++] + ';');
      const logged = steps.reverse().join('\n');
      // a REPL cell's stack slots hold session variables: they outlive the cell
      const release = (this.usesMem && !R ? `${rtIn('memValues', 'release')}($mk);\n` : '') + (gcRoots.length ? `${rtIn('gc', 'leave')}($gr);\n` : '');
      if (gcRoots.length) decls.push(`$gr = () => [${gcRoots.join(', ')}]`);
      // A panic in a defer or drop on the normal exit path turns the rest of the cleanup into
      // unwinding (§6.3): the remaining defers and drops still run (logged; a further panic is a
      // double panic), then the panic propagates — rethrown at the end of `finally`. Its catch
      // puts the depth back to this frame's once `seen` has looked at it (the drop or defer that
      // threw left its own), so the unwinding logs this frame under its own name.
      const enter = gcRoots.length ? `${rtIn('gc', 'enter')}($gr);\n` : '';
      const defers = (u: string) => (this.usesDefer ? `if ($d) ${RT.runDefers}($d, ${u}, ${site});\n` : '');
      const normal = `${defers('undefined')}${plain}`;
      const unwind = `if (${RT.leave}($u, ${site})) {\n${defers('$u')}${logged}\n${RT.endFrame}($u, ${site});\n}`;
      if (inline) {
        // inlineExit: a plain function leaves its body by `break` (returnJs) and runs the
        // cleanup after it, with no `finally` (cachegrind: bintree's check -2.5% instructions).
        // Every path is the finally's: a secondary exception in the catch is dropped as the
        // finally's rethrow of $u dropped it; falling off the end returns undefined (an `if`
        // statement may have written $r).
        // The normal exit returns from inside its own branch: the unwinding code after it is
        // only reached with $u set (no test of $u left on the way out).
        const cleanup = normal ? `try {\n${normal}\n} catch ($e) { $u = $e; ${RT.seen}($e); ${RT.depth} = $f + 1; }\nif ($u === undefined) {\n${release}${RT.depth} = $f;\nreturn $r;\n}\n` : `${release}${RT.depth} = $f;\nreturn $r;\n`;
        code = `${enter}try {\n${EXIT}: {\n${inner}\n$r = undefined;\n}\n} catch ($e) { $u = $e; try { ${RT.seen}($e); ${params} } catch {} }\n` +
          `${RT.depth} = $f + 1;\nif ($u === undefined) {\n${cleanup}}\n` +
          `${unwind}\n${release}${RT.depth} = $f;\nthrow $u;`;
      } else {
        code = `${enter}try {\n${inner}\n} catch ($e) { $u = $e; ${RT.seen}($e); ${params ? params + ' ' : ''}throw $e; } finally {\n${session.save}${RT.depth} = $f + 1;\n` +
          `if ($u === undefined) {\ntry {\n${normal}\n} catch ($e) { $u = $e; ${RT.seen}($e); ${RT.depth} = $f + 1; }\n}` +
          `\nif ($u !== undefined && ${unwind.slice(4)}\n${release}${RT.depth} = $f;\nif ($u !== undefined) throw $u;\n}`;
      }
    } else code = `${params ? this.lvTry(params, inner) : inner}\n${RT.depth} = $f;`;
    return `let ${decls.join(', ')};\n${code}`;
  }

  /** A REPL cell's session variables: loaded into their locals with the other declarations (so
   *  the finally block can write them back), with their drop flag when they need dropping (an
   *  assignment drops the old value; written back too) but never dropped by the cell — except
   *  by the session's end (`:reset`), whose main owns them all. */
  private replSession(R: ModuleCtx['repl'], decls: string[]): { loaded: Set<number>; owned: Set<number>; save: string; gc: string[] } {
    const loaded = new Set<number>(), owned = new Set<number>(), gc: string[] = [];
    if (!R) return { loaded, owned, save: '', gc };
    let save = '';
    for (const e of R.load) {
      const l = e.local, n = localName(l.name, l.id), t = this.ty(l.type);
      loaded.add(l.id);
      let v = `${RT.replSlots}[${e.slot}]`;
      if (l.addressTaken && memBacked(t) && !e.wasMem) {
        this.usesMem = true;
        v = `${scalarKind(t) ? rtH('memCell') : rtH('toMem')}(${this.m.td(t)}, ${v}, ${this.site(l.span)})`;
      }
      if (l.replBoxed && !e.wasBoxed) v = `{ v: ${v} }`;
      decls.push(`${n} = ${v}`);
      // a GC root while the cell runs (its slot, a root between cells, is emptied until the cell
      // writes it back: the value it held is no root once the cell assigns another)
      if (this.m.mayHoldGc(t)) {
        gc.push(localValue(l, this.boxedLocals));
        if (!R.end) decls.push(`$gs${e.slot} = ${RT.replSlots}[${e.slot}] = undefined`);
      }
      // its drop flag as the last cell left it (a binding the checker calls moved may still own
      // parts: `let (a, _) = t;` leaves t its `_` part)
      const live = `${RT.replLive}[${e.slot}] === true`;
      if (R.end) {
        // owned by this main, like a parameter, and dropped at its end when live
        if (this.m.needsDrop(t)) this.dropParam(l, t, live);
        continue;
      }
      save += `${RT.replSlots}[${e.slot}] = ${n};\n`;
      if (this.m.needsDrop(t)) {
        decls.push(`$l${l.id} = ${live}`);
        this.dropFlags.set(l.id, `$l${l.id}`);
        save += `${RT.replLive}[${e.slot}] = $l${l.id};\n`;
      }
    }
    for (const e of R.store) owned.add(e.local.id);
    return { loaded, owned, save, gc };
  }

  /** Registers a droppable local of the frame (after the temporaries registered so far). */
  private addDrop(d: Scope['drops'][number]): void {
    d.at = this.unwindTemps.length;
    this.allDrops.push(d);
  }

  /** A by-value parameter (of a function or closure) of type t is the frame's to drop at return,
   *  unless it is a reference, memory-backed, or kept by a closure that may outlive the frame. */
  ownParam(l: LocalInfo, t: Type): void {
    // (one that may hold a Gc handle is a root of the frame too, its drop a no-op if nothing else)
    if (t.k !== 'ref' && t.k !== 'ptr' && !l.addressTaken && (this.m.needsDrop(t) || this.m.mayHoldGc(t)) && !this.keptByClosure(l, t)) this.dropParam(l, t);
  }
  /** A by-value parameter that needs dropping: owned by this call, dropped at exit unless moved. */
  private dropParam(l: LocalInfo, t: Type, live?: string): void {
    const d = { local: l, flag: `$l${l.id}`, fn: this.m.dropFn(t), td: this.m.td(t), param: true, live };
    this.addDrop(d);
    this.dropFlags.set(l.id, d.flag);
  }

  returnJs(value: string | null): string {
    // a return from scopes nested in statements with pending temporaries (a match arm's bindings
    // and the rest of the matched temporary): the scopes' locals go first, as the block ends
    // would drop them, then the temporaries, then the function's exit does the rest
    const order = this.inDefer > 0 ? null : this.nestedOrder(this.nestedFrom(), 0);
    if (order) {
      const unit = value === null || value === 'undefined';
      // in a function with a `defer` (§3.5): its defers first (run here, once: runDefers empties
      // the list), then the same order; the locals outside the statement are the exit's
      const drops = (this.usesDefer ? `if ($d) ${RT.runDefers}($d, undefined, ${this.frameSite});\n` : '') + order.join('\n');
      if (this.restart && this.leavesByBreak()) return `{\n${unit ? '' : `$r = ${value};\n`}${drops}\nbreak ${EXIT};\n}`;
      return `{\n${unit ? `${drops}\n${RT.depth} = $f; return;` : `$r = ${value};\n${drops}\n${RT.depth} = $f; return $r;`}\n}`;
    }
    return this.plainReturn(value);
  }
  /** Whether a return of a plain function instance leaves by `break $x` (see inlineExit). */
  private leavesByBreak(): boolean {
    if (this.inlineExit !== null) return this.inlineExit;
    const guess = !this.replMain && this.hasCleanup();
    this.exitGuesses.add(guess);
    return guess;
  }
  /** The frame has cleanup to run after its body: defers, drops, stack slots to release, a REPL
   *  session to write back, GC roots, temporaries to drop when unwinding. */
  private hasCleanup(): boolean {
    return this.usesDefer || this.allDrops.length > 0 || this.usesMem || !!this.replMain || this.gcCaps.length > 0 || this.gcTemps.length > 0 || this.unwindTemps.length > 0;
  }
  /** The outermost scope nested in a statement with pending temporaries (nestedOrder's depth for
   *  a return: the scopes outside every such statement are left to the function's exit). */
  private nestedFrom(): number {
    let lmin = -1;
    for (let j = 0; j <= this.postOuter.length && lmin < 0; j++) if ((j === this.postOuter.length ? this.post : this.postOuter[j]).length) lmin = j;
    if (lmin < 0) return this.scopes.length;
    let i = this.scopes.length;
    while (i > 0 && (this.scopes[i - 1].post ?? 0) >= lmin) i--;
    return i;
  }
  private plainReturn(value: string | null): string {
    // borrowed temporaries pending in the statements being left are dropped once the value is
    // taken (they stay pending for the path that does not return, e.g. past a `?`)
    const post = this.pendingDrops(0).map((d) => d + ', ').join('');
    const unit = value === null || value === 'undefined';
    const ret = unit ? `${post ? post.slice(0, -2) + '; ' : ''}${RT.depth} = $f; return;` : `return ($r = ${value}, ${post}${RT.depth} = $f, $r);`;
    if (!this.restart || this.inDefer > 0 || !this.leavesByBreak()) return ret;
    return unit ? `{ ${post ? post.slice(0, -2) + '; ' : ''}break ${EXIT}; }` : `{ $r = ${value}${post ? ', ' + post.slice(0, -2) : ''}; break ${EXIT}; }`;
  }

  withPre(f: () => string): string {
    this.beginPost();
    try {
      const [pre, js] = this.capture(f);
      const post = this.post.length ? '\n' + this.postJs() : '';
      return (pre.length ? pre.join('\n') + '\n' + js : js) + post;
    } finally {
      this.endPost();
    }
  }
  /** Statements running the temporaries' drops pending from postOuter[from] inwards. */
  private tempDrops(from: number): string {
    const d = this.pendingDrops(from);
    return d.length ? d.map((x) => x + ';').join('\n') + '\n' : '';
  }
  /** Emit with keepTemps set (a value that may hold a reference to a temporary). */
  private keepingTemps(keep: boolean, f: () => string): string {
    const was = this.keepTemps;
    this.keepTemps = was || keep;
    try { return f(); } finally { this.keepTemps = was; }
  }

  // ------------------------------------------------------------ blocks
  /** Plain locals of the block being emitted: declared at its top (`let a, b;`) so the block's
   *  catch can read them; undefined until their `let` runs (null: declare in place). */
  private hoist: LocalInfo[] | null = null;
  /** The locals of the function body's own block (declared with the function's, not per block). */
  private topHoist: LocalInfo[] | null = null;

  /** `fnTop`: the function body's own block: its locals join the function's declarations and
   *  its record joins the function's catch (one handler a frame, not two). */
  stmts(list: ast.Stmt[], tail: () => string = () => '', fnTop?: { decls: string[]; rec: string }): string {
    // The block runs in one try whose catch records the locals it bound when a panic passes
    // (their values at that moment; one not yet bound is still undefined): the happy path pays
    // only the try. Its plain locals are declared at the top, where the catch sees them.
    const was = this.hoist;
    const hoisted: LocalInfo[] = this.hoist = [];
    if (fnTop) this.topHoist = hoisted;
    let js: string;
    try {
      js = list.map((st) => this.stmt(st)).join('\n');
      const t = tail();
      if (t) js += '\n' + t;
    } finally {
      this.hoist = was;
    }
    const locals = list.flatMap((st) => (st.kind === 'let' ? letLocals(st.pattern) : []));
    const rec = this.recordLocals(locals);
    if (fnTop) {
      fnTop.decls.push(...hoisted.map((l) => localName(l.name, l.id)));
      fnTop.rec = rec;
      return js;
    }
    const decl = hoisted.length ? `let ${hoisted.map((l) => localName(l.name, l.id)).join(', ')};\n` : '';
    // a droppable local is declared with the function's: back to undefined on each entry (a
    // loop's next iteration), so the catch tells "not bound yet" from "moved out"
    const reset = locals.filter((l) => this.dropFlags.has(l.id)).map((l) => `${localName(l.name, l.id)} = undefined;\n`).join('');
    return decl + (rec ? reset + this.lvTry(rec, js) : js);
  }

  /** `rt.recordLocals(...)` reading these locals (declaration site, type, name, value; undefined while not
   *  bound yet, `rt.movedLocal` once moved out), or ''. Unit-typed locals have nothing to show.
   *  A float local is left out: V8 keeps a float the handler reads boxed wherever the block may
   *  throw, which made float loops (bench nbody) 1.5-2x slower; a parameter arrives boxed. */
  private recordLocals(locals: LocalInfo[], params = false): string {
    const parts: string[] = [];
    for (const l of locals) {
      if (l.name.startsWith('$') || l.name === '_') continue;
      const t = this.ty(l.type);
      if (t.k === 'unit') continue;
      const boxed = (l.addressTaken && memBacked(t) && scalarKind(t)) || l.replBoxed || this.boxedLocals.has(l.id);
      if (t.k === 'float' && !params && !boxed) continue;
      const n = localName(l.name, l.id);
      let v = n;
      if (boxed) v = `${n} && ${n}.v`;
      const flag = this.dropFlags.get(l.id);
      if (flag) v = `${flag} ? ${n} : ${n} === undefined ? undefined : ${RT.movedLocal}`;
      parts.push(`${this.m.site(l.span, this.fnName)}, ${this.m.td(t)}, ${jsStr(l.name)}, ${v}`);
    }
    // the list is built only for a panic or a stack overflow (not for a host stack overflow)
    return parts.length ? `if (${RT.wantsLocals}($e)) ${RT.recordLocals}($e, $f, [${parts.join(', ')}]);` : '';
  }
  private lvCatch(rec: string): string { return `\n} catch ($e) { ${rec} throw $e; }`; }
  private lvTry(rec: string, js: string): string { return `try {\n${js}${this.lvCatch(rec)}`; }

  /** A nested block `{ ... }` with its own drop scope; `target` receives the tail value;
   *  `locals` (a loop variable) are recorded like the block's own when a panic passes. */
  /** `owned`: drops of values bound just before the block that belong to it (a `for` variable
   *  that owns each item a user iterator gives: dropped at the end of every iteration). */
  blockValue(b: ast.Block, target: string | null, locals: LocalInfo[] = [], owned: Scope['drops'] = []): string {
    this.scopes.push({ drops: [...owned], post: this.postOuter.length });
    let js = this.stmts(b.stmts, () => b.tail ? this.withPre(() => (target ? `${target} = ${this.copyVal(b.tail!)};` : `${this.expr(b.tail!)};`)) : '');
    const rec = this.recordLocals(locals);
    if (rec) js = this.lvTry(rec, js);
    js += '\n' + this.dropScope(this.scopes[this.scopes.length - 1]);
    this.scopes.pop();
    return `{\n${js}\n}`;
  }

  private dropScope(sc: Scope): string {
    // the call site is the local's declaration: a panicking drop's backtrace names this frame there
    const drops = sc.drops.slice().reverse().map((d) => `if (${d.flag}) { ${d.flag} = false; ${RT.frameSites}[$f] = ${this.m.site(d.local.span, this.fnName)}; ${d.fn}(${localValue(d.local, this.boxedLocals)}); }`).join('\n');
    return sc.mem ? `${drops}\nif (${sc.mem} >= 0) { ${rtIn('memValues', 'release')}(${sc.mem}); ${sc.mem} = -1; }` : drops;
  }
  /** The drops of a jump leaving the scopes down to `depth` and the statements' temporaries
   *  pending from postOuter[from] inwards: innermost first, a scope's locals before the
   *  temporaries of the statement it is nested in (a match arm's bindings before what remains of
   *  the matched temporary). */
  private leaving(depth: number, from: number): string {
    const order = this.nestedOrder(depth, from);
    return order ? order.map((x) => x + '\n').join('') : this.tempDrops(from) + this.dropsUntil(depth);
  }
  /** The leaving order as statements (see leaving), or null when it is the plain one (every
   *  temporary first, then the scopes' locals: no scope with drops inside a pending statement). */
  private nestedOrder(depth: number, from: number): string[] | null {
    const level = (i: number) => (i === this.postOuter.length ? this.post : this.postOuter[i]);
    let needed = false;
    for (let i = depth; i < this.scopes.length && !needed; i++) {
      const sc = this.scopes[i];
      if (!sc.drops.length) continue;
      for (let j = from; j <= Math.min(sc.post ?? -1, this.postOuter.length); j++) if (level(j).length) { needed = true; break; }
    }
    if (!needed) return null;
    const out: string[] = [];
    let lv = this.postOuter.length;
    const temps = (downTo: number) => { for (; lv >= downTo; lv--) out.push(...level(lv).slice().reverse().map((d) => d + ';')); };
    for (let i = this.scopes.length - 1; i >= depth; i--) {
      temps(Math.max(from, (this.scopes[i].post ?? 0) + 1));
      const d = this.dropScope(this.scopes[i]);
      if (d) out.push(d);
    }
    temps(from);
    return out;
  }
  /** Drops for every scope being left by break/continue (inner scopes down to the loop's). */
  private dropsUntil(depth: number): string {
    let js = '';
    for (let i = this.scopes.length - 1; i >= depth; i--) js += this.dropScope(this.scopes[i]) + '\n';
    return js;
  }

  // ------------------------------------------------------------ statements
  /** A statement, then the drops of temporaries it borrowed that nothing inside it ran. */
  stmt(s: ast.Stmt): string {
    this.beginPost();
    try {
      const js = this.stmtJs(s);
      return this.post.length ? js + '\n' + this.postJs() : js;
    } finally {
      this.endPost();
    }
  }
  /** A condition, and the drops of the temporaries it borrowed (to run once it is decided). */
  private condJs(cond: E): [string[], string, string] {
    this.beginPost();
    try {
      const [pre, c] = this.capture(() => this.val(cond));
      return [pre, c, this.postJs()];
    } finally {
      this.endPost();
    }
  }

  private stmtJs(s: ast.Stmt): string {
    switch (s.kind) {
      case 'let': return this.withPre(() => this.letKeepingRest(s) ?? this.letStmt(s));
      case 'assign':
        if (loweredOf(s)) return this.compoundThroughOp(s, loweredOf(s)!); // an overloaded operator (sema/operators.ts)
        return this.keepingTemps(holdsRef(this.typeOf(s.value)), () => this.extending(0, () => this.withPre(() => this.assign(s))));
      case 'expr': return this.withPre(() => this.exprStmt(s.expr));
      case 'block': return this.blockValue(s, null);
      case 'unsafe': return this.blockValue(s.body, null);
      case 'if': return this.ifStmt(s);
      case 'while': return this.loop(s.cond, s.body);
      case 'loop': return this.loop(null, s.body);
      case 'for-in': return this.forIn(s);
      case 'for-c': return this.forC(s);
      case 'switch': return this.switchStmt(s);
      case 'break': {
        const l = this.loops[this.loops.length - 1];
        return `${l ? this.leaving(l.scopeDepth, l.postDepth) : ''}break;`;
      }
      case 'continue': {
        const l = this.loops[this.loops.length - 1];
        return `${l ? this.leaving(l.scopeDepth, l.postDepth) : ''}${l?.contLabel ? `break ${l.contLabel};` : 'continue;'}`;
      }
      case 'return': {
        const v = s.value;
        return this.keepingTemps(!!v && holdsRef(this.typeOf(v)), () => this.withPre(() => this.returnJs(v ? this.copyVal(v) : null)));
      }
      case 'defer': {
        this.defersEmitted++;
        // a defer body is an arrow function: no `yield` in it, even in a deep twin
        const twins = this.deepTwins;
        this.deepTwins = null;
        this.inDefer++;
        const body = s.body.kind === 'block' ? this.blockValue(s.body, null) : this.stmt(s.body);
        this.inDefer--;
        this.deepTwins = twins;
        const at = this.m.site(s.span, this.fnName);
        return `$d = ${RT.addDefer}($d, () => ${body.startsWith('{') ? body : `{ ${body} }`}, ${at});`;
      }
      case 'go': return this.withPre(() => this.goStmt(s));
      case 'error': return unsupported('error statement');
    }
  }

  private exprStmt(e: E): string {
    if (e.kind === 'match') return this.matchValue(e, null);
    if (e.kind === 'if') return this.ifValue(e, '$r');
    // `o.unwrap_or(d);`: read in place, so the default (or a temporary receiver) is dropped
    if (e.kind === 'call' && givesDefault(e)) return `${this.tempVal(e)};`;
    // `(mk(1), mk(2)).1;`, `mk_pair().a;`: a part of a temporary, read in place; the whole
    // temporary is dropped with the statement
    if ((e.kind === 'member' || e.kind === 'tuple-index' || e.kind === 'index') && tempRoot(e, false)) return `${this.tempVal(e)};`;
    return `${this.discard(e, this.expr(e))};`;
  }

  /** A value nobody takes (`make();`, `v.pop();`, `let _ = make();`, `Some(make()).unwrap();`)
   *  is dropped at once. */
  private discard(e: E, js: string): string {
    const t = this.ty(this.typeOf(e));
    if (t.k === 'ref' || !this.m.needsDrop(t) || !(ownedResult(e) || freshValue(e))) return js;
    return `${this.m.dropFn(t)}(${js})`;
  }

  private discardInit: E | null = null;
  private discardLet(js: string): string {
    return this.discardInit ? this.discard(this.discardInit, js) : js;
  }

  /** Emitting a REPL cell's echo `let` (its borrowed temporaries are main's: dropped at its end). */
  private echoLet = false;
  private letStmt(s: StmtOf<'let'>): string {
    // `let r = &make();`, `let r = id(&make());`: a value that may hold a reference keeps the
    // temporaries it borrowed (they are not dropped with the statement)
    this.echoLet = !!this.replMain?.echo && s.pattern.kind === 'name' && localOf(s.pattern) === this.replMain.echo;
    let init: string;
    try {
      init = this.keepingTemps(holdsRef(this.typeOf(s.init)), () => this.extending(this.scopes.length - 1, () => this.copyVal(s.init)));
    } finally { this.echoLet = false; }
    this.discardInit = s.pattern.kind === 'wild' ? s.init : null;
    try { return this.bindPattern(s.pattern, init, true, this.ty(this.effType(s.init))); } finally { this.discardInit = null; }
  }

  /** `let (a, (_, b)) = t;` of an owned local t (or of a field path of one, `w.pair`) of a type
   *  that needs drop: the bindings take their parts out of t (MOVED_OUT left in their places) and
   *  t keeps the rest until its own scope ends (§3.5, Rust's partial move; also when nothing is
   *  left, `let (a, b) = t;`: the checker lets a moved part be given a new value, `t.0 = …;`, which
   *  t then owns, sema/moves.ts partMoveByLet); null when the init is not such a place (a
   *  temporary's unbound parts go with the statement: bindPattern). */
  private letKeepingRest(s: StmtOf<'let'>): string | null {
    const vt = this.ty(this.effType(s.init));
    if (s.pattern.kind !== 'tuple' || vt.k !== 'tuple' || !this.m.needsDrop(vt)) return null;
    // (a local a closure keeps has no drop flag: its parts are taken out alike)
    const place = this.ownedPlace(s.init, true);
    if (place === null) return null;
    const tmp = this.tmp();
    const bytes = this.m.prog.layoutOf(vt).size;
    const out = [`${tmp} = ${bytes >= 256 ? `$copy(${place}, ${this.site(s.init.span)}, ${bytes})` : `$copy(${place})`};`];
    const walk = (p: ast.LetPattern, from: string, at: string, t: Type): void => {
      if (p.kind === 'wild') return;
      if (p.kind === 'tuple') { if (t.k === 'tuple') p.elems.forEach((el, i) => walk(el, `${from}[${i}]`, `${at}[${i}]`, t.elems[i])); return; }
      out.push(this.bindPattern(p, from, true, t, true));
      if (this.m.needsDrop(t)) out.push(`${at} = $MV;`);
    };
    walk(s.pattern, tmp, place, vt);
    return out.join('\n');
  }

  /** The JS place of an owned local (one with a drop flag) or of a plain field path of one
   *  (struct fields and tuple elements, no Box, cell or memory-backed value on the way); null
   *  otherwise. Reading it moves nothing. */
  private ownedPlace(e: E, flagless = false): string | null {
    if (e.kind === 'member' || e.kind === 'tuple-index') {
      const ot = this.ty(this.effType(e.object));
      if (ot.k !== 'tuple' && ot.k !== 'struct') return null;
      const o = this.ownedPlace(e.object, flagless);
      return o === null ? null : e.kind === 'member' ? `${o}.f_${e.name}` : `${o}[${e.index}]`;
    }
    if (e.kind !== 'ident' || nameRes(e)?.k !== 'local') return null;
    const l = (nameRes(e) as ResOf<'local'>).local;
    const t = this.ty(l.type);
    if (t.k === 'ref' || l.addressTaken || (!flagless && !this.dropFlags.has(l.id))) return null;
    return localValue(l, this.boxedLocals);
  }

  /** Emit f collecting the temporaries a kept reference borrows (ownTemp's `extend`); each
   *  becomes a hidden local of scope `depth` (declared before the binding, so dropped after
   *  it, in reverse order; logged as a temporary when unwinding). Not in a REPL cell, whose
   *  variables outlive it: there they are kept — but for the echo's, done with at the cell's end. */
  private extending<R>(depth: number, f: () => R): R {
    const was = this.extended;
    const list: NonNullable<typeof was> = [];
    this.extended = this.replMain && !this.echoLet ? null : list;
    try { return f(); } finally {
      this.extended = was;
      for (const x of list) {
        const local: LocalInfo = { id: -1, name: x.name, type: x.t, mut: false, span: x.span, captured: false, addressTaken: false, needsDrop: true };
        const d = { local, flag: x.flag, fn: this.m.dropFn(x.t), td: this.m.td(x.t), hidden: true };
        this.addDrop(d);
        this.scopes[depth].drops.push(d);
      }
    }
  }

  /** `vt`: the type of the value bound (of this part of it, in a tuple pattern). */
  private bindPattern(p: ast.LetPattern, init: string, isLet: boolean, vt: Type | null = null, part = false): string {
    // a part of a tuple the pattern does not bind (`let (_, c) = pair();`) is the statement's:
    // dropped now (it leaked; the whole value moved into the pattern)
    if (p.kind === 'wild' && part) return vt && vt.k !== 'ref' && this.m.needsDrop(vt) ? `${this.m.dropFn(vt)}(${init});` : `${init};`;
    if (p.kind === 'wild') return `${this.discardLet(init)};`;
    if (p.kind === 'tuple') {
      const t = this.tmp();
      return `${t} = ${init};\n` + p.elems.map((el, i) => this.bindPattern(el, `${t}[${i}]`, isLet, vt?.k === 'tuple' ? vt.elems[i] : null, true)).join('\n');
    }
    const l = localOf(p);
    if (!l) return unsupported(`binding ${p.name} without local info`);
    const name = localName(l.name, l.id);
    const t = this.ty(l.type);
    if (l.addressTaken && memBacked(t)) {
      this.usesMem = true;
      const td = this.m.td(t);
      // an inner block's address-taken locals die with the block: a pointer to one is dangling
      // after it (`use of a dead stack slot`), as in C
      let mark = '';
      const sc = this.scopes[this.scopes.length - 1];
      if (this.scopes.length > 1) {
        if (!sc.mem) { sc.mem = `$mb${++this.labelN}`; this.blockMarks.push(sc.mem); }
        mark = `if (${sc.mem} < 0) ${sc.mem} = ${rtIn('memValues', 'mark')}();\n`;
      }
      const mem = `${scalarKind(t) ? rtH('memCell') : rtH('toMem')}(${td}, ${init}, ${this.site(l.span)})`;
      if (!this.m.needsDrop(t)) return `${mark}${this.letKw(l, isLet)}${name} = ${mem};`;
      // a Drop struct in memory is dropped like any droppable local (declared with them)
      const flag = `$l${l.id}`;
      const d = { local: l, flag, fn: this.m.dropFn(t), td };
      this.addDrop(d);
      this.scopes[this.scopes.length - 1].drops.push(d);
      this.dropFlags.set(l.id, flag);
      if (this.scopes.length > 1 && l.captured) this.pinned.add(l.id); // assigned in place: no box
      return `${mark}${name} = ${mem}; ${flag} = true;`;
    }
    // a value that may hold a Gc handle is a root like a droppable local (a no-op drop): a fn
    // value capturing one, and a struct, tuple or Option holding such fn values (they were not
    // roots: the Gc was collected while the closure could still reach it); a value a closure
    // that may outlive the frame captures is kept (keptByEscapingClosures)
    if ((l.needsDrop || this.m.needsDrop(t) || this.m.mayHoldGc(t)) && !this.keptByClosure(l, t)) {
      const flag = `$l${l.id}`;
      const d = { local: l, flag, fn: this.m.dropFn(t), td: this.m.td(t) };
      this.addDrop(d);
      this.scopes[this.scopes.length - 1].drops.push(d);
      this.dropFlags.set(l.id, flag);
      const boxed = this.pin(l, this.scopes.length > 1);
      return `${name} = ${l.replBoxed || boxed ? `{ v: ${init} }` : init}; ${flag} = true;`;
    }
    if (l.replBoxed) return `${this.letKw(l, isLet)}${name} = { v: ${init} };`; // shared with later cells (typed.ts)
    return `${this.letKw(l, isLet)}${name} = ${init};`;
  }
  /** A local whose value a closure that may outlive the frame captures: never dropped by the
   *  frame (Gc-holding values stay roots with their drop, as before). */
  keptByClosure(l: LocalInfo, t: Type): boolean {
    return this.root !== null && !this.m.mayHoldGc(t) && keptByEscapingClosures(this.root).has(l);
  }
  /** `let ` in place, or nothing when the block declares the local at its top (stmts). */
  private letKw(l: LocalInfo, isLet: boolean): string {
    if (!isLet || !this.hoist) return 'let ';
    this.hoist.push(l);
    return '';
  }

  /** An assignment sema lowered to operator methods: `a[i] OP= v` to `a.op[]=(i, a[i] OP v)`,
   *  `a OP= b` to `a = a OP b` (its read side a copy of the target). Each evaluates the target's
   *  parts once (a call in the index or the object ran twice): the shared index is made first,
   *  the copy reads the place the assignment writes. */
  private compoundThroughOp(s: StmtOf<'assign'>, low: ast.Stmt): string {
    if (s.op === '=') return this.stmt(low);
    if (low.kind === 'expr' && s.target.kind === 'index') {
      const index = s.target.index;
      return this.withPre(() => {
        const pins = this.pinExpr(index);
        try { return this.exprStmt(low.expr); } finally { this.unpin(pins); }
      });
    }
    if (low.kind !== 'assign' || low.value.kind !== 'binary' || low.target.kind === 'ident') return this.stmt(low);
    const read = low.value.left, target = low.target;
    const tt = this.ty(this.typeOf(target));
    // (a Map entry is read first, so its key is there: the place's set replaces it)
    return this.withPre(() => {
      const p = this.place(target);
      const pins = this.pinRaw(read, p.get);
      try {
        const v = this.copyVal(low.value);
        if (!this.m.needsDrop(tt)) return `${p.set(v)};`;
        const t = this.tmp(), old = this.tmp();
        return `${t} = ${v};\n${old} = ${p.get};\ntry { ${this.m.dropFn(tt)}(${old}); } finally { ${p.set(t)}; }`;
      } finally { this.unpin(pins); }
    });
  }

  private assign(s: StmtOf<'assign'>): string {
    // an old value whose drop runs user code: this line is the frame's site while it runs (a
    // panic in that drop named the frame's previous call)
    const js = this.assignValue(s);
    return s.op === '=' && dropRunsUser(this.ty(this.typeOf(s.target))) ? `${this.at(s.span)};\n${js}` : js;
  }
  private assignValue(s: StmtOf<'assign'>): string {
    const tt = derefAll(this.typeOf(s.target));
    if (s.op === '=') {
      const v = this.copyVal(s.value);
      // Reassigning a live Drop local drops the old value first; the store is in a `finally`, so a
      // drop that panics (caught) leaves the new value owned and the old one dropped once (Rust's).
      if (s.target.kind === 'ident' && nameRes(s.target)?.k === 'local' && this.dropFlags.has((nameRes(s.target) as ResOf<'local'>).local.id)) {
        const l = (nameRes(s.target) as ResOf<'local'>).local;
        const flag = this.dropFlags.get(l.id)!;
        const n = localValue(l, this.boxedLocals);
        const tmp = this.tmp();
        return `${tmp} = ${v};\ntry { if (${flag}) ${this.m.dropFn(this.ty(l.type))}(${n}); } finally { ${this.place(s.target).set(tmp)}; ${flag} = true; }`;
      }
      // `r = &y;` rebinds a reference variable (a cell flows as the cell); it never writes `*r`
      if (s.target.kind === 'ident' && nameRes(s.target)?.k === 'local' && (nameRes(s.target) as ResOf<'local'>).local.type.k === 'ref' && this.typeOf(s.value).k === 'ref') {
        return `${localValue((nameRes(s.target) as ResOf<'local'>).local, this.boxedLocals)} = ${v};`;
      }
      return this.assignDropping(s.target, v);
    }
    const p = this.place(s.target);
    const op = s.op.slice(0, -1);
    const vt = derefAll(this.effType(s.value));
    if (s.op === '+=' && (vt.k === 'str' || (vt.k === 'builtin' && vt.name === 'String'))) {
      // text: a String operand is read as its text (a temporary one dropped with the statement);
      // a String target appends in place (it was made a JS string: an internal error)
      const text = vt.k === 'str' ? this.val(s.value) : `${this.tempVal(s.value)}.s`;
      if (tt.k === 'builtin' && tt.name === 'String') return `${p.get}.append(${text}, ${this.site(s.span)});`;
      return `${p.set(this.binop(op, p.get, text, tt, s.span))};`;
    }
    const rv = this.val(s.value);
    return `${p.set(this.binop(op, p.get, rv, tt, s.span))};`;
  }

  /** `place = v` where the place's old value needs a drop (a field, an element, a map entry,
   *  `*r` of a reference): v is evaluated first, then the old value is read (an index out of range
   *  panics here), dropped exactly once and v stored (in a `finally`: a drop that panics leaves v in
   *  the place, as Rust's assignment; storing first would not do: a struct behind a reference is
   *  written in place, so its old value must be dropped before). */
  private assignDropping(target: E, v: string): string {
    const tt = this.ty(this.typeOf(target));
    const drop = this.m.needsDrop(tt) ? this.m.dropFn(tt) : null;
    const tgtType = target.kind === 'index' || target.kind === 'deref' ? derefAll(this.effType(target.kind === 'index' ? target.object : target.operand)) : null;
    // (a key that needs drop too: the map keeps its own key and the one given is dropped)
    const kd = tgtType?.k === 'builtin' && tgtType.name === 'Map' && tgtType.args[0] && this.m.needsDrop(tgtType.args[0]) ? this.m.dropFn(tgtType.args[0]) : null;
    if ((drop || kd) && target.kind === 'index' && tgtType?.k === 'builtin' && tgtType.name === 'Map') {
      const o = this.simple(this.val(target.object));
      const ck = keyArg(this.m, tgtType.args[0]);
      return `${rtX('$mput')}(${o}, ${this.val(target.index)}, ${v}, ${ck}, ${kd}, ${drop}, ${this.site(target.span)});`;
    }
    const p = this.place(target);
    const droppable = drop && (target.kind === 'member' || target.kind === 'tuple-index' || target.kind === 'index' ||
      (target.kind === 'deref' && this.effType(target.operand).k === 'ref'));
    if (!droppable) return `${p.set(v)};`;
    // while the old value is read (an index out of range panics) the new one is held: dropped then
    const t = this.tmp(), old = this.tmp(), h = this.heldTemp(tt, target.span);
    return `${h} = ${t} = ${v};\n${old} = ${p.get};\n${h} = undefined;\ntry { ${drop}(${old}); } finally { ${p.set(t)}; }`;
  }

  private ifStmt(s: StmtOf<'if'>): string {
    if (s.branches.length > 1) {
      // if/elif chains stay flat (a labelled block the taken branch leaves): nested `else {}`
      // per elif made thousands of arms too deep for the JavaScript parser.
      const label = this.m.uid('$if');
      const arms = s.branches.map((b) => {
        let [pre, c, drops] = this.condJs(b.cond);
        if (drops) { const t = this.tmp(); pre = [...pre, `${t} = ${c};`, drops]; c = t; }
        return `{\n${pre.join('\n')}\nif (${c}) {\n${this.blockValue(b.body, null)}\nbreak ${label};\n}\n}`;
      });
      return `${label}: {\n${arms.join('\n')}${s.else ? `\n${this.blockValue(s.else, null)}` : ''}\n}`;
    }
    let js = '';
    s.branches.forEach((b, i) => {
      let [pre, c, drops] = this.condJs(b.cond);
      if (drops) { const t = this.tmp(); pre = [...pre, `${t} = ${c};`, drops]; c = t; }
      const body = this.blockValue(b.body, null);
      if (i === 0) js += `${pre.join('\n')}\nif (${c}) ${body}`;
      else js += ` else {\n${pre.join('\n')}\nif (${c}) ${body}`;
    });
    if (s.else) js += ` else ${this.blockValue(s.else, null)}`;
    js += '}'.repeat(s.branches.length - 1);
    return js;
  }

  private loopBody(body: ast.Block, contLabel: string | null, locals: LocalInfo[] = [], owned: Scope['drops'] = []): string {
    // the loop statement's own temporaries (`for x in make()`: the iterated one) are pending at
    // postOuter[length] inside the body: they live across iterations, so `break`/`continue` drop
    // only those of the body's statements (the loop's are dropped after it)
    this.loops.push({ scopeDepth: this.scopes.length, contLabel, postDepth: this.postOuter.length + 1 });
    const js = this.blockValue(body, null, locals, owned);
    this.loops.pop();
    return js;
  }

  private loop(cond: E | null, body: ast.Block): string {
    if (!cond) {
      const b = this.loopBody(body, null);
      return batchedWhile('true', b, ++this.labelN) ?? `for (;;) {\n${FUEL}\n${b}\n}`;
    }
    let [pre, c, drops] = this.condJs(cond);
    if (drops) { const t = this.tmp(); pre = [...pre, `${t} = ${c};`, drops]; c = t; }
    if (!pre.length) {
      const b = this.loopBody(body, null);
      return batchedWhile(c, b, ++this.labelN) ?? `while (${c}) {\n${FUEL}\n${b}\n}`;
    }
    return `for (;;) {\n${pre.join('\n')}\nif (!(${c})) break;\n${FUEL}\n${this.loopBody(body, null)}\n}`;
  }

  private forC(s: StmtOf<'for-c'>): string {
    const was = this.hoist;
    this.hoist = null; // the init's local lives in the loop's own `{ }`
    let init: string;
    try { init = s.init ? this.stmt(s.init) : ''; } finally { this.hoist = was; }
    const label = `$c${++this.labelN}`;
    let [pre, c, drops] = s.cond ? this.condJs(s.cond) : [[], 'true', ''];
    if (drops) { const t = this.tmp(); pre = [...pre, `${t} = ${c};`, drops]; c = t; }
    const post = s.post ? this.stmt(s.post) : '';
    const body = this.loopBody(s.body, label);
    const loop = `for (;;) {\n${pre.join('\n')}\nif (!(${c})) break;\n${FUEL}\n${label}: ${body}\n${post}\n}`;
    const rec = s.init?.kind === 'let' ? this.recordLocals(letLocals(s.init.pattern)) : '';
    return `{\n${init}\n${rec ? this.lvTry(rec, loop) : loop}\n}`;
  }

  private forIn(s: StmtOf<'for-in'>): string {
    const l = localOf(s);
    if (!l) return unsupported('for-in without local info');
    const v = localName(l.name, l.id);
    const it = s.iter;
    return this.withPre(() => {
      if (it.kind === 'range' && it.lo && it.hi) {
        const t = derefAll(this.effType(it.lo));
        const lo = this.val(it.lo);
        const hi = this.simple(this.val(it.hi));
        const step = isWide(t) && t.k === 'int' ? `$winc(${v})` : `${v} + 1`;
        const body = this.loopBody(s.body, null, [l]);
        const batched = isWide(t) ? null : batchedRange(v, lo, hi, !!it.inclusive, body, ++this.labelN);
        return batched ?? `for (let ${v} = ${lo}; ${v} ${it.inclusive ? '<=' : '<'} ${hi}; ${v} = ${step}) {\n${FUEL}\n${body}\n}`;
      }
      const tt = derefAll(this.effType(it));
      // `for x in make()`: the iterated temporary is dropped (with its elements) after the loop.
      // When the body may move the loop variable out (of a temporary: a named Vec keeps its
      // elements, E0163), a Vec or array hands each element over: its slot is left MOVED_OUT, the
      // element is the loop variable's own (dropped at the end of its iteration unless moved),
      // and the rest (the buffer, elements a `break` left) is dropped after the loop.
      const lt = this.ty(l.type);
      const seq = tt.k === 'array' || (tt.k === 'builtin' && tt.name === 'Vec');
      // a loop variable a closure that may outlive the frame captures (keptByClosure) is never
      // dropped, nor the temporary whose element it views (a named one is kept: frame-local-closures.ts)
      const kept = this.keptByClosure(l, lt);
      // (a user iterator hands each item over: a temporary one is dropped after the loop even
      // when the body moves the items out)
      const owns = seq || tt.k === 'struct' || tt.k === 'enum';
      const o = this.simple((!l.movedOut || owns) && !kept ? this.tempVal(it) : this.val(it));
      // a temporary iterated that may hold Gc handles is a GC root while the loop runs: a
      // collection in the body freed the elements not yet visited (`for g in make() { … }`)
      const gcIt = !isPlace(it) && this.m.mayHoldGc(tt) ? this.tmp() : null;
      if (gcIt) this.gcTemps.push(gcIt);
      const rooted = (js: string) => (gcIt ? `${gcIt} = ${o};\n${js}\n${gcIt} = undefined;` : js);
      const i = this.tmp();
      if (l.movedOut && seq && this.m.needsDrop(lt) && !kept) {
        const arr = tt.k === 'array' ? o : `${o}.b`;
        const d = { local: l, flag: `$l${l.id}`, fn: this.m.dropFn(lt), td: this.m.td(lt) };
        this.addDrop(d);
        this.dropFlags.set(l.id, d.flag);
        const boxed = this.pin(l, true);
        const take = this.tmp();
        return rooted(`for (${i} = 0; ${i} < ${tt.k === 'array' ? `${o}.length` : `${o}.n`}; ${i}++) {\n${FUEL}\n${take} = ${arr}[${i}]; ${arr}[${i}] = $MV; ` +
          `${v} = ${boxed ? `{ v: ${take} }` : take}; ${d.flag} = true;\n${this.loopBody(s.body, null, [l], [d])}\n}`);
      }
      const idx = (arr: string, off: string, len: string) =>
        `for (${i} = 0; ${i} < ${len}; ${i}++) {\n${FUEL}\nconst ${v} = ${arr}[${off}${i}];\n${this.loopBody(s.body, null, [l])}\n}`;
      if (tt.k === 'array') return rooted(idx(o, '', `${o}.length`));
      if (tt.k === 'slice') return rooted(idx(`${o}.a`, `${o}.off + `, `${o}.len`));
      if (tt.k === 'builtin' && tt.name === 'Vec') return rooted(idx(`${o}.b`, '', `${o}.n`));
      if (tt.k === 'builtin' && (tt.name === 'Map' || tt.name === 'Set')) {
        const ks = this.tmp();
        return rooted(`${ks} = ${o}.${tt.name === 'Map' ? 'keys' : 'values'}();\n` + idx(ks, '', `${ks}.length`));
      }
      if (tt.k === 'range') {
        return `for (let ${v} = ${o}.lo; ${o}.inc ? ${v} <= ${o}.hi : ${v} < ${o}.hi; ${v} = ${tt.elem.k === 'int' && isWide(tt.elem) ? `$winc(${v})` : `${v} + 1`}) {\n${FUEL}\n${this.loopBody(s.body, null, [l])}\n}`;
      }
      if (tt.k === 'struct' || tt.k === 'enum') {
        const next = this.m.methods.get(tt.info)?.get('next');
        if (!next) return unsupported(`for-in over ${tt.info.name}`);
        const inst = this.m.instance(next, tt.args);
        const opt = this.tmp();
        // (the item it handed over, held in opt while the body runs, is a root too)
        if (this.m.mayHoldGc(this.ty(l.type)) && !l.addressTaken) this.gcTemps.push(opt);
        const call = inst.isGen ? (this.isGen ? `(yield* ${inst.name}(${o}))` : `${rtS('drive')}(${inst.name}(${o}))`) : `${inst.name}(${o})`;
        const head = `for (;;) {\n${FUEL}\n${opt} = (${this.at(s.span)}, ${call});\nif (${opt}.t !== 0) break;\n`;
        const lt = this.ty(l.type);
        if (this.m.needsDrop(lt) && !kept) {
          // each item is the loop variable's own (the iterator handed it over): dropped at the end
          // of its iteration unless the body moves it, like a `let` in the body
          const d = { local: l, flag: `$l${l.id}`, fn: this.m.dropFn(lt), td: this.m.td(lt) };
          this.addDrop(d);
          this.dropFlags.set(l.id, d.flag);
          const boxed = this.pin(l, true);
          return rooted(`${head}${v} = ${boxed ? `{ v: ${opt}.a0 }` : `${opt}.a0`}; ${d.flag} = true;\n${this.loopBody(s.body, null, [l], [d])}\n}`);
        }
        return rooted(`${head}const ${v} = ${opt}.a0;\n${this.loopBody(s.body, null, [l])}\n}`);
      }
      return unsupported(`for-in over this value`);
    });
  }

  private switchStmt(s: StmtOf<'switch'>): string {
    return this.withPre(() => {
      const st = derefAll(this.effType(s.subject));
      // cases compare with `==`, which lends its operands: a temporary subject or case value is
      // dropped with the statement (they leaked)
      const subj = this.simple(this.tempVal(s.subject));
      // cases are tried in order: a value's hoisted statements (`case g()?`) run only when the
      // values before it did not match (they all ran before the switch)
      const label = this.m.uid('$sw');
      let js = '';
      for (const c of s.cases) {
        const hit = this.tmp();
        let test = `${hit} = false;\n`;
        c.values.forEach((v, j) => {
          const [pre, eq] = this.capture(() => this.eq(subj, this.tempVal(v), st));
          const step = `${pre.length ? pre.join('\n') + '\n' : ''}${hit} = ${eq};`;
          test += j ? `if (!${hit}) {\n${step}\n}\n` : step + '\n';
        });
        js += `${test}if (${hit}) {\n${this.scoped(c.body)}\nbreak ${label};\n}\n`;
      }
      if (s.default) js += `{\n${this.scoped(s.default.body)}\n}\n`;
      return `${label}: {\n${js}}`;
    });
  }
  private scoped(list: ast.Stmt[]): string {
    return this.blockValue({ kind: 'block', span: list[0]?.span ?? ({} as ast.Span), stmts: list, tail: null }, null);
  }

  private goStmt(s: StmtOf<'go'>): string {
    const site = this.site(s.span);
    let fnJs: string;
    if (s.body.kind === 'block') {
      fnJs = this.nested(`task in ${this.fnName}`, true, (em) => em.body(s.body as ast.Block, null), [], this.gcCapsOf(goInfoOf(s)?.captures));
    } else {
      const call = s.body;
      fnJs = this.nested(`task in ${this.fnName}`, true, (em) => em.body(null, call), [], this.gcCapsOf(goInfoOf(s)?.captures));
    }
    // In a loop, a generator function made per spawn costs each task a prototype object and two
    // hidden classes (~300 bytes): made once per call of the enclosing function instead, when all
    // it captures is declared at function level (the same bindings on every iteration).
    if (this.loops.length && (goInfoOf(s)?.captures ?? []).every((l) => this.fnLevel(l))) {
      const memo = `$go${this.temps.length}`;
      this.temps.push(memo);
      fnJs = `(${memo} ??= ${fnJs})`;
    } else fnJs = this.pinCaptures(fnJs, goInfoOf(s)?.captures);
    return `${this.at(s.span)};\n${rtS('go')}(${fnJs}, true, 262144, ${site}, ${jsStr(taskName(s.body))});`;
  }
  /** Declared at the JS function's level: a parameter, a local of the body's own block, or a
   *  droppable local (declared with the function's). Locals of inner blocks are per block. */
  private fnLevel(l: LocalInfo): boolean {
    return this.paramLocals.includes(l) || (this.dropFlags.has(l.id) && !this.pinned.has(l.id)) || !!this.topHoist?.includes(l);
  }
  /** Locals declared with the function's (they have a drop flag, or are a fn value rooting Gc
   *  handles) that belong to an inner block: a closure, go or async block capturing one binds
   *  the binding of its own creation (pinCaptures), else every closure made in a loop would
   *  share the last iteration's. */
  private readonly pinned = new Set<number>();
  /** Registers l as pinned when it is captured and `inner`; a `let!` one is boxed (true). */
  private pin(l: LocalInfo, inner: boolean): boolean {
    if (!inner || !l.captured || l.replBoxed) return false;
    this.pinned.add(l.id);
    if (l.mut) this.boxedLocals.add(l.id);
    return l.mut;
  }
  /** `js` (a function value capturing `captures`) made inside a function binding the pinned
   *  captures' current variables (or boxes): writes through a box are still seen both ways. */
  private pinCaptures(js: string, captures: LocalInfo[] | undefined): string {
    const ns = (captures ?? []).filter((l) => this.pinned.has(l.id)).map((l) => localName(l.name, l.id));
    return ns.length ? `((${ns.join(', ')}) => ${js})(${ns.join(', ')})` : js;
  }

  // ------------------------------------------------------------ closures
  closure(e: E, forceGen = false): string {
    const ci = exprInfo(e)?.closure;
    if (e.kind === 'async') {
      const fut = this.ty(this.effType(e));
      const retGc = fut.k === 'builtin' && fut.args.length > 0 && this.m.mayHoldGc(fut.args[0]);
      return this.pinCaptures(this.nested(`async block in ${this.fnName}`, true, (em) => { em.retGc = retGc; return em.body(e.body, null); }, [], this.gcCapsOf(ci?.captures)), ci?.captures);
    }
    if (e.kind !== 'closure') return unsupported('closure');
    const params = ci ? ci.params : (e.params.map((p) => localOf(p)).filter(Boolean) as LocalInfo[]);
    const isGen = forceGen || !!ci?.mayBlock;
    const body = e.body;
    const caps = this.gcCapsOf(ci?.captures);
    // a closure owns its by-value parameters as a function does (drops them at return unless
    // moved), except the elements or payload a builtin it is lent to hands it in place
    const lent = lentClosures.has(e), owned = lentOwnedParams.get(e) ?? [];
    const ft = this.ty(this.effType(e));
    const fn = this.nested(`closure in ${this.fnName}`, isGen, (em) => {
      em.retGc = ft.k === 'fn' && this.m.mayHoldGc(ft.ret);
      params.forEach((l, i) => { if (!lent || owned.includes(i)) em.ownParam(l, em.ty(l.type)); });
      // an element or payload lent in place is a GC root of the closure's frame all the same, as
      // is what a reference parameter points to (emitFunction)
      params.forEach((l, i) => {
        const t = em.ty(l.type);
        const view = lent && !owned.includes(i) ? t : t.k === 'ref' ? t.inner : null;
        if (view && !l.addressTaken && this.m.mayHoldGc(view)) em.gcCaps.push(localName(l.name, l.id));
      });
      em.paramLocals = params;
      return body.kind === 'block' && 'stmts' in body ? em.body(body as ast.Block, null) : em.body(null, body as E);
    }, params.map((p) => localName(p.name, p.id)), caps);
    // a closure value that outlives its frame keeps what it captured reachable (gc.ts `$gc`)
    const js = caps.length ? `${rtIn('gc', 'caps')}(${fn}, () => [${caps.join(', ')}])` : fn;
    // and keeps its captured by-value arrays alive past the frame's stack model: heap-charged
    const stays = lentForCall(e) || (this.root !== null && frameLocalClosures(this.root).has(e));
    const arrays = stays ? [] : (ci?.captures ?? []).map((l) => [l, this.escapedBytes(this.ty(l.type))] as const).filter(([, b]) => b >= ESCAPE_BYTES);
    if (!arrays.length) return this.pinCaptures(js, ci?.captures);
    return this.pinCaptures(`${rtH('env')}(${js}, [${arrays.map(([l]) => localName(l.name, l.id)).join(', ')}], [${arrays.map(([, b]) => b).join(', ')}], ${this.site(e.span)})`, ci?.captures);
  }

  /** Bytes of by-value array data in a value of type t (its whole C size when it holds one), 0
   *  when it holds none: only arrays live in the frame's stack model (rt.frameArray). */
  private escapedBytes(t: Type): number {
    const holds = (x: Type, depth: number): boolean => depth < 8 && (x.k === 'array' ||
      (x.k === 'tuple' && x.elems.some((y) => holds(y, depth + 1))) ||
      (x.k === 'struct' && !x.info.isUnion && x.info.fields.some((f) => holds(f.type, depth + 1))));
    if (!holds(t, 0)) return 0;
    try { return this.m.prog.layoutOf(t).size; } catch { return 0; }
  }

  /** Root expressions for the captured locals able to hold a Gc handle. */
  private gcCapsOf(captures: LocalInfo[] | undefined): string[] {
    // the variable itself, not `flag && v`: the owner's scope may have ended while the closure
    // (captures by reference) still reads it
    return (captures ?? []).filter((l) => this.m.mayHoldGc(this.ty(l.type))).map((l) => localName(l.name, l.id));
  }

  private nested(name: string, isGen: boolean, f: (em: FnEmitter) => string, params: string[], gcCaps: string[] = []): string {
    const em = new FnEmitter(this.m, this.env, name, isGen, this.m.site(null, name));
    em.gcCaps = [...gcCaps]; // (its own: the closure value's getter reads the captures only)
    em.root = this.root;
    for (const [k, v] of this.dropFlags) em.dropFlags.set(k, v);
    for (const [k, v] of this.flatLocals) em.flatLocals.set(k, v);
    for (const k of this.boxedLocals) em.boxedLocals.add(k);
    const body = f(em);
    return isGen ? `function* (${params.join(', ')}) {\n${body}\n}` : `((${params.join(', ')}) => {\n${body}\n})`;
  }

  // ------------------------------------------------------------ match
  /** A match (match-subject.ts decides how it holds the subject and which bindings are locals
   *  of their arm): each arm an `if` in a labelled block it leaves by `break`. */
  matchValue(e: ast.ExprOf<'match'>, target: string | null): string {
    const subject = this.matchSubject(e);
    const label = `$m${++this.labelN}`;
    const binds = new Set<string>();
    let js = '';
    for (const arm of e.arms) js += this.matchArm(arm, subject, binds, label, target);
    const decl = binds.size ? `let ${[...binds].join(', ')};\n` : '';
    // (a match too large to check for exhaustiveness: a value no arm matches is a panic)
    if (undecidedMatches.has(e)) js += `${RT.panic}("no arm of this match matches the value (the match was too large to check that its arms cover every value)", ${this.site(e.span)});\n`;
    return `${label}: {\n${decl}${js}}${subject.gcTemp ? `\n${subject.js} = undefined;` : ''}`;
  }

  /** The subject's JS and who owns its parts while the arms run (match-subject.ts). */
  private matchSubject(e: ast.ExprOf<'match'>): MatchedSubject {
    const s = e.subject;
    const st = derefAll(this.effType(s));
    const copies = copiesOnly(this, e);
    let owner = ownedLocalFlag(this, s);
    // a field path of an owned local (`match w.e`; sema fieldPathOwner): a binding moved out takes
    // its part out of that place, and a binding of the whole subject moves the field out (the
    // owner's drop skips what holds MOVED_OUT)
    // (only when an arm moves something out; the place must be a plain property chain, not a
    // cell or view val() reads through)
    let fieldPlace: string | null = null;
    if (owner === null && !copies && this.effType(s).k !== 'ref') {
      const fo = fieldPathOwner(s);
      const place = fo && this.dropFlags.has(fo.id) ? this.val(s) : null;
      if (place !== null && /^[\w$]+(\.[\w$]+|\[\d+\])+$/.test(place)) { owner = this.dropFlags.get(fo!.id)!; fieldPlace = place; }
    }
    const holder = owner === null && holdsNewValue(this, e, st, copies);
    const inPlace = !holder && owner === null && takesPartsInPlace(this, e, st);
    let subjJs: string;
    // what a binding of the whole subject does to its owner: it takes all of it
    let clear = fieldPlace !== null ? `${fieldPlace} = $MV;` : `${owner} = false;`;
    if (holder) {
      const tmp = this.tmp(), fn = this.m.dropFn(st);
      this.post.push(this.postDrop(tmp, fn));
      this.unwindTemps.push(this.unwindDrop(tmp, st, s.span));
      subjJs = `(${tmp} = ${this.val(s)})`;
      owner = tmp;
      clear = `${tmp} = undefined;`;
    } else subjJs = fieldPlace ?? (copies || inPlace ? this.tempVal(s) : this.val(s));
    const js = this.simple(subjJs);
    // a matched temporary that may hold a Gc handle is a root while the arms run (a binding of
    // it, a closure capturing a Gc, was no root: gc_collect() in the arm dropped what it reached)
    const gcTemp = /^\$t\d+$/.test(js) && this.m.mayHoldGc(st);
    if (gcTemp) this.gcTemps.push(js);
    return { js, st, owned: owner !== null || inPlace, tempOwned: holder || inPlace, clear, gcTemp };
  }

  /** One arm: its test, guard, the bindings it takes out of the subject (its own locals, dropped
   *  at its end) and its body. */
  private matchArm(arm: ast.MatchArm, subject: MatchedSubject, binds: Set<string>, label: string, target: string | null): string {
    const bound: Bound[] = [];
    const test = pattern(this, arm.pattern, subject.js, subject.st, binds, subject.owned ? bound : null, true);
    // the guard sees the bindings as the test made them; its temporaries go once it is decided
    let guard: [string[], string] | null = null;
    if (arm.guard) {
      const [gpre, g, gdrops] = this.condJs(arm.guard);
      if (gdrops) { const t = this.tmp(); guard = [[...gpre, `${t} = ${g};`, gdrops], t]; } else guard = [gpre, g];
    }
    const entry: string[] = [];
    const sc: Scope = { drops: [], post: this.postOuter.length };
    const takesAll = armTakesAll(this, subject.tempOwned, bound);
    for (const bd of bound) {
      const l = bd.local;
      if (!isArmLocal(this, l, takesAll, subject.tempOwned)) continue;
      const lt = this.ty(l.type);
      const n = localName(l.name, l.id);
      entry.push(this.takeOut(bd, subject.clear));
      const d = { local: l, flag: `$l${l.id}`, fn: this.m.dropFn(lt), td: this.m.td(lt) };
      entry.push(`${d.flag} = true;`);
      this.addDrop(d);
      sc.drops.push(d);
      this.dropFlags.set(l.id, d.flag);
      if (l.captured && !l.mut) this.pinned.add(l.id); // (a captured `mut` one is left shared)
      binds.delete(n); // declared with the function's droppable locals
    }
    this.scopes.push(sc);
    let body: string;
    const b = arm.body;
    if (b.kind === 'return') body = this.withPre(() => this.returnJs(b.value ? this.copyVal(b.value) : null));
    else if (b.kind === 'break' || b.kind === 'continue') body = this.stmt(b as ast.Stmt);
    else if (b.kind === 'block' && 'stmts' in b) body = this.blockValue(b as ast.Block, target);
    else body = this.withPre(() => (target ? `${target} = ${this.copyVal(b as E)};` : this.exprStmt(b as E)));
    const armDrops = this.dropScope(sc);
    this.scopes.pop();
    let inner = `${entry.length ? entry.join(' ') + '\n' : ''}${body}\n${armDrops ? armDrops + '\n' : ''}break ${label};`;
    if (guard) inner = `${guard[0].join('\n')}\nif (${guard[1]}) {\n${inner}\n}`;
    return `if (${test}) {\n${inner}\n}\n`;
  }

  /** Takes a binding's part out of the subject's owner (`clear`: a binding of the whole subject
   *  takes all of it); an or-pattern's variable from the alternative that matched. */
  private takeOut(bd: Bound, clear: string): string {
    if (bd.how === 'whole') return clear;
    if (bd.how === 'place') return `${bd.place} = $MV;`;
    const n = localName(bd.local.name, bd.local.id);
    if (bd.how === 'flat') { this.flatLocals.delete(bd.local.id); return `${n} = $detach(${n}, ${bd.j});`; }
    if (bd.how === 'view') return `${n} = $detach(${n}.o, ${n}.j);`;
    return bd.alts.map((a, i) => `if (${bd.sel} === ${i}) { ${a ? this.takeOut(a, clear) : clear} }`).join(' else ');
  }
}

import { dropRunsUser, subst } from '../sema/types';
import { RT, rtH, rtIn, rtS, rtX } from './rt-names';
import { FUEL, batchedRange, batchedWhile } from './fuel-loops';
import { entryLine, type DeepGate } from './entry';

/** A match's subject as its arms see it (matchSubject). */
interface MatchedSubject {
  js: string;
  st: Type;
  /** Someone owns its parts (a local, a field path's local, a temporary): arms collect bindings. */
  owned: boolean;
  /** The statement owns it (a new value held, or the temporary it is part of, read in place). */
  tempOwned: boolean;
  /** What a binding of the whole subject does to its owner. */
  clear: string;
  /** It is a temporary that may hold a Gc handle: a GC root while the arms run. */
  gcTemp: boolean;
}

/** A function instance's JS, its entry line rendered last: the call graph, known once every
 *  instance is emitted, tells whether it is recursive (deep.ts gives those a heap-frame gate). */
export interface FnJs {
  name: string;
  params: string[];
  /** The function's text; `deep`: with the heap-frame gate; `noRestart`: with the entry's plain
   *  fuel tick (what deep.ts frameIsLight measures). */
  text(opts?: { deep?: DeepGate; noRestart?: boolean }): string;
}

/** Emit one monomorphic function instance. */
export function emitFunction(m: ModuleCtx, fn: FnInfo, env: Map<string, Type>, name: string, isGen: boolean, deepTwins?: ReadonlySet<string>): FnJs {
  const site = m.site(fn.decl?.span ?? null, fn.name);
  const decl = fn.decl;
  if (!decl || !decl.body) return { name, params: [], text: () => `function ${name}() { ${RT.panic}(${jsStr(`${displayName(fn.name)} has no body`)}, ${site}); }` };
  const params: string[] = [];
  if (fn.receiver && fn.receiverLocal) params.push(localName(fn.receiverLocal.name, fn.receiverLocal.id));
  else if (fn.receiver) params.push('$self');
  for (const p of fn.params) params.push(p.local ? localName(p.local.name, p.local.id) : `$p_${p.name}`);
  const restart = !isGen && !deepTwins ? `${name}(${params.join(', ')})` : null;
  const mark = m.uidMark;
  const emit = (inlineExit: boolean | null): { em: FnEmitter; body: string } => {
    const { em, prologue } = instanceEmitter(m, fn, env, site, isGen, deepTwins);
    em.restart = restart;
    em.inlineExit = inlineExit;
    return { em, body: em.bodyAfterEntry(decl.body!, null, prologue) };
  };
  const first = emit(null);
  let body = first.body;
  // a return before the frame's first cleanup guessed its exit form wrong (FnEmitter.inlineExit):
  // rare (7 of 1,973 instances with a return over the conformance corpus), so emit again, decided
  if (first.em.exitRedo !== null) {
    m.rewindUids(mark);
    body = emit(first.em.exitRedo).body;
  }
  const head = `function${isGen || deepTwins ? '*' : ''} ${name}(${params.join(', ')}) {`;
  return { name, params, text: (o = {}) => `${head}\n${entryLine(site, o.noRestart ? null : restart, o.deep ?? null)}\n${body}\n}` };
}

/** The emitter of a function instance's body, its parameters set up: owned ones dropped at exit,
 *  GC roots, and the prologue moving address-taken ones into simulated memory. */
function instanceEmitter(m: ModuleCtx, fn: FnInfo, env: Map<string, Type>, site: number, isGen: boolean, deepTwins?: ReadonlySet<string>): { em: FnEmitter; prologue: string } {
  const em = new FnEmitter(m, env, fn.name, isGen, site);
  if (fn.decl?.body) em.root = fn.decl.body;
  // a deep twin (deep.ts): a generator whose calls into recursive instances yield their twins
  if (deepTwins) em.deepTwins = deepTwins;
  // address-taken parameters move into simulated memory on entry
  const prologue = fn.params
    .filter((p) => p.local?.addressTaken && memBacked(subst(p.local.type, env)))
    .map((p) => {
      const n = localName(p.local!.name, p.local!.id);
      const t = subst(p.local!.type, env);
      return `${n} = ${scalarKind(t) ? rtH('memCell') : rtH('toMem')}(${m.td(t)}, ${n}, ${em.site(p.local!.span)});`;
    })
    .join('\n');
  if (prologue) em.usesMem = true;
  const owned = fn.params.map((p) => p.local).filter((l): l is LocalInfo => !!l);
  if (fn.receiver === 'value' && fn.receiverLocal) owned.unshift(fn.receiverLocal);
  for (const l of owned) em.ownParam(l, subst(l.type, env));
  // a reference parameter is a GC root of the frame too: what it points to may have no other
  // root now (a drop()'s self, which its owner let go before dropping it: a gc_collect() in the
  // drop freed the Gc objects self held, and the drop then read them)
  const refs = [...(fn.receiverLocal ? [fn.receiverLocal] : []), ...fn.params.map((p) => p.local).filter((l): l is LocalInfo => !!l)];
  for (const l of refs) {
    const t = subst(l.type, env);
    if (t.k === 'ref' && !(l.addressTaken && memBacked(t)) && m.mayHoldGc(t.inner)) em.gcCaps.push(localName(l.name, l.id));
  }
  if (m.repl && fn === m.prog.main) em.replMain = m.repl;
  em.retGc = m.mayHoldGc(subst(fn.ret, env));
  em.paramLocals = fn.receiverLocal ? [fn.receiverLocal, ...owned.filter((l) => l !== fn.receiverLocal)] : owned;
  return { em, prologue };
}

/** A local's value: through its box for a REPL session variable a closure captures (typed.ts). */
function localValue(l: LocalInfo, boxed: ReadonlySet<number>): string {
  if (l.id < 0) return l.name; // a hidden local: a kept temporary (ExprEmitter.extended)
  return localName(l.name, l.id) + (l.replBoxed || boxed.has(l.id) ? '.v' : '');
}

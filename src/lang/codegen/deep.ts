// Deep recursion without the host stack (DESIGN.md "Deep recursion"): the call graph between
// function instances, its recursive strongly connected components, and the generator "deep twin"
// every (non-suspendable) member of such a component gets. The plain version stays the hot path
// with one compare at entry (shared with the call gate: entry.ts); past the threshold it hands over to the twin run by rt.deep.
import type { ModuleCtx, Instance } from './context';
import type { FnJs } from './stmts';

interface Graph {
  current: string | null;
  edges: Map<string, Set<string>>;
  /** Instances used as values (`let g = step;`): an indirect call may reach any of them. */
  asValues: Set<string>;
  /** Instances that call through a function value. */
  indirect: Set<string>;
  /** Calls from suspendable code that may be calls of twins (markCall): the callee, the JS if it is. */
  marked: { callee: string; deep: string }[];
}
const graphs = new WeakMap<ModuleCtx, Graph>();
function graph(m: ModuleCtx): Graph {
  let g = graphs.get(m);
  if (!g) graphs.set(m, (g = { current: null, edges: new Map(), asValues: new Set(), indirect: new Set(), marked: [] }));
  return g;
}

/** A function instance used as a value (its calls through that value are indirect). */
export function noteValueUse(m: ModuleCtx, inst: Instance): void {
  graph(m).asValues.add(inst.name);
}
/** A call through a function value in the instance being emitted: it may reach any instance used
 *  as a value, so recursion through `fn` values is found like direct recursion. */
export function noteIndirectCall(m: ModuleCtx): void {
  const g = graph(m);
  if (g.current) g.indirect.add(g.current);
}

/** The instance whose body is being emitted (calls found from now on are its edges). */
export function enterInstance(m: ModuleCtx, inst: Instance): void {
  graph(m).current = inst.name;
}
/** A direct call of `callee` from the instance being emitted (closures inside it included). */
export function noteCall(m: ModuleCtx, callee: Instance): void {
  const g = graph(m);
  if (!g.current) return;
  let s = g.edges.get(g.current);
  if (!s) g.edges.set(g.current, (s = new Set()));
  s.add(callee.name);
}

/** Marks around a call whose JS depends on whether its callee gets a twin (known once every
 *  instance is emitted): a comment, so the text between them is the plain call to any reader. */
const MARK = '\u0001';
const MARKED = new RegExp(`/\\*${MARK}<(\\d+)\\*/([\\s\\S]*?)/\\*${MARK}\\1>\\*/`, 'g');

/**
 * A direct call of the plain instance `callee` from suspendable code (`plain`, its JS): if the
 * callee gets a twin, past ASYNC_NEST nested async starts (rt.sched.deep) the call yields the twin's
 * generator for the scheduler to run as a heap frame of the task (scheduler.ts chain), so a
 * recursion through async fns and plain functions stays off the host stack; `deep` is that JS.
 * Returns `plain` between marks; resolveMarked picks one of the two.
 */
export function markCall(m: ModuleCtx, callee: string, plain: string, deep: string): string {
  const g = graph(m);
  g.marked.push({ callee, deep });
  const id = g.marked.length - 1;
  return `/*${MARK}<${id}*/${plain}/*${MARK}${id}>*/`;
}
/** `js` with its marked calls plain. */
const MARKS = new RegExp(`/\\*${MARK}(?:<\\d+|\\d+>)\\*/`, 'g');
export const unmarked = (js: string): string => (js.includes(MARK) ? js.replace(MARKS, '') : js);
/** `js` with each marked call resolved: the twin's call where its callee has one (`twins`). */
export function resolveMarked(m: ModuleCtx, js: string, twins: ReadonlySet<string>): string {
  if (!js.includes(MARK)) return js;
  const { marked } = graph(m);
  return js.replace(MARKED, (_, id: string, plain: string) => {
    const c = marked[Number(id)];
    return resolveMarked(m, twins.has(c.callee) ? c.deep : plain, twins);
  });
}

export const twinName = (plain: string): string => `${plain}$deep`;

/** Names of the instances on a call-graph cycle (Tarjan's SCCs, iteratively: the graph of a
 *  big program must not need a deep host stack either). */
export function recursiveInstances(m: ModuleCtx): Set<string> {
  const { edges, asValues, indirect } = graph(m);
  for (const caller of indirect) {
    let s = edges.get(caller);
    if (!s) edges.set(caller, (s = new Set()));
    for (const callee of asValues) s.add(callee);
  }
  const index = new Map<string, number>(), low = new Map<string, number>();
  const onStack = new Set<string>(), stack: string[] = [], out = new Set<string>();
  let n = 0;
  const succ = (v: string) => [...(edges.get(v) ?? [])];
  for (const root of edges.keys()) {
    if (index.has(root)) continue;
    const work: { v: string; next: string[]; i: number }[] = [];
    const open = (v: string) => {
      index.set(v, n); low.set(v, n); n++;
      stack.push(v); onStack.add(v);
      work.push({ v, next: succ(v), i: 0 });
    };
    open(root);
    while (work.length) {
      const w = work[work.length - 1];
      if (w.i < w.next.length) {
        const u = w.next[w.i++];
        if (!index.has(u)) open(u);
        else if (onStack.has(u)) low.set(w.v, Math.min(low.get(w.v)!, index.get(u)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const p = work[work.length - 1].v;
        low.set(p, Math.min(low.get(p)!, low.get(w.v)!));
      }
      if (low.get(w.v) !== index.get(w.v)) continue;
      const comp: string[] = [];
      let x: string;
      do { x = stack.pop()!; onStack.delete(x); comp.push(x); } while (x !== w.v);
      const selfLoop = edges.get(w.v)?.has(w.v);
      if (comp.length > 1 || selfLoop) for (const c of comp) out.add(c);
    }
  }
  return out;
}

/** Longest plain body (JS characters) and deepest bracket nesting of a light frame. */
const LIGHT_CHARS = 700;
const LIGHT_NESTING = 8;
/** Most parameters and declared JS locals (`$f`, `$r` and the Vex locals) of a light frame. */
const LIGHT_NAMES = 5;

/**
 * Whether a plain function's host frame is small enough for the later threshold (runtime deep.ts
 * DEEP_LIGHT_AT). An interpreted V8 frame holds a register per parameter, local and temporary
 * (measured in Node: 156 bytes for one parameter, 8 more per local or parameter), so the estimate
 * bounds each: few declared names, a short body (temporaries need text), shallow nesting (the
 * arguments of nested calls are live at once), no defer or Drop cleanup (it keeps completion
 * registers, or `$u` and the flags when it runs after the body), no closures (a context, and their frames sit on top)
 * and no clone glue calls (a recursive clone() through Option/Box: a few glue frames a level).
 */
export function frameIsLight(text: string, params: number): boolean {
  const body = text.slice(text.indexOf('{') + 1);
  // ($u: cleanup without finally, stmts.ts inlineExit; $cloneN: clone glue, whose calls of a user
  // clone() add host frames to each level of a recursion through it)
  if (body.length > LIGHT_CHARS || /\bfinally\b|\$u\b|=>|\bfunction\b|\$clone\d/.test(body)) return false;
  let names = params;
  for (const m of body.matchAll(/\b(?:let|const) ([^;=]*)/g)) names += m[1].split(',').length;
  if (names > LIGHT_NAMES) return false;
  let depth = 0, deepest = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 40 || c === 91) deepest = Math.max(deepest, ++depth); // ( [
    else if (c === 41 || c === 93) depth--;
  }
  return deepest <= LIGHT_NESTING;
}

/**
 * After every instance was emitted: each instance's text, a recursive, non-suspendable one with
 * the heap-frame gate at its entry, followed by the twins. `fns[i]` is the JS of `emitted[i]`;
 * `emitTwin` emits the generator twin (calls to instances in the set as `yield twin(...)`).
 */
export function withDeepTwins(
  m: ModuleCtx,
  emitted: Instance[],
  fns: FnJs[],
  emitTwin: (inst: Instance, twins: ReadonlySet<string>) => string,
): { twins: ReadonlySet<string>; js: string[] } {
  const rec = recursiveInstances(m);
  const twins = new Set<string>();
  for (const inst of emitted) if (rec.has(inst.name) && !inst.isGen && !inst.fn.isAsync && inst.fn.decl?.body) twins.add(inst.name);
  const texts: string[] = [];
  const out: string[] = [];
  graph(m).current = null;
  emitted.forEach((inst, i) => {
    const f = fns[i];
    if (!twins.has(inst.name)) return void texts.push(f.text());
    // (measured without the fuel restart, as before the restart existed)
    const light = frameIsLight(f.text({ noRestart: true }), f.params.length);
    texts.push(f.text({ deep: { twinCall: `${twinName(inst.name)}(${f.params.join(', ')})`, light } }));
    out.push(emitTwin(inst, twins));
    // a twin's call through a function value finds the callee's twin here
    out.push(`${inst.name}.$d = ${twinName(inst.name)};`);
  });
  return { twins, js: [...texts, ...out] };
}

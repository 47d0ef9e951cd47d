// `clone()` of any Clone type (chapter 2 §3.7): one generated JS function per type, `$cloneN(v, s)`
// (s: the call site, charged with the allocations), made on demand like the drop glue
// (context.ts dropFn) and emitted with it. Every path that clones — `x.clone()` on a collection,
// Option/Result, tuple, array, Box, enum or a struct without its own `clone()`, and `T.clone()` in
// generic code — goes through `cloneJs`, so each clone owns its heap blocks:
// - Copy types (numbers, bool, str, references, pointers, fn values, Gc/Channel handles, unit-only
//   enums without a user `clone()`) are the value itself;
// - a struct or enum with a user-written `clone()` calls it (once per value);
// - otherwise field by field / element by element, each part with its own clone.
// If a part's clone panics, the parts already cloned are dropped before the panic goes on, so a
// failed clone leaks nothing.
import type { Type } from '../sema/types';
import { subst, typeName } from '../sema/types';
import { notCloneWith } from '../sema/clone-check';
import { WIDE_STRUCT, type Instance, type ModuleCtx } from './context';
import { glueNames } from './glue-names';
import { twinName } from './deep';
import { typeKey } from './typedesc';
import { envOf } from '../sema/types';
import { isCellRef, cellOverPlace } from './names';
import { memberTypes } from './part-search';
import { RT, rtS } from './rt-names';
import { OPTION } from '../sema/prelude';


/** The user-written `clone()` of a struct or enum, if it has one (`&self`, no parameters). */
function userClone(m: ModuleCtx, t: Type) {
  if (t.k !== 'struct' && t.k !== 'enum') return null;
  const f = m.methods.get(t.info)?.get('clone');
  // a by-value or mutating `clone` is not Clone's `clone(&self)`: the default clone is used then
  return f && f.receiver === 'ref' && f.params.length === 0 ? f : null;
}

/** Is a clone of t the value itself (a Copy type, §6.3, with no user `clone()` to run)? */
export function cloneIsCopy(m: ModuleCtx, t: Type): boolean {
  switch (t.k) {
    case 'struct': case 'tuple': case 'array': return false;
    case 'enum': return !userClone(m, t) && t.info.variants.every((v) => v.fields.length === 0);
    case 'builtin': return t.name === 'Gc' || t.name === 'Channel' || t.name === 'Duration' || t.name === 'Future' || t.name === 'DynamicLib';
    default: return true; // numbers, bool, str, unit, references, slices, pointers, fn values
  }
}

/** The part of t that cannot be cloned (a resource handle, a union), or null: the checker's rule
 *  (sema/clone-check.ts), for a type known only at an instantiation. */
export function uncloneable(m: ModuleCtx, t: Type, seen: Set<unknown>): Type | null {
  return notCloneWith(t, (s) => !!userClone(m, s), seen);
}

/** JS for a clone of the value `v` (evaluated once) of type t, allocating at site `s`. */
export function cloneJs(m: ModuleCtx, v: string, t: Type, s: number | string): string {
  return cloneIsCopy(m, t) ? v : `${cloneFn(m, t)}(${v}, ${s})`;
}

function cloneFn(m: ModuleCtx, t: Type): string {
  return cloneNames(m, t, (name) => defineClone(m, t, name));
}
const cloneNames = glueNames('$clone');

function defineClone(m: ModuleCtx, t: Type, name: string): void {
  if (!glueRecursive(m, t)) {
    m.dropDefs.push(`function ${name}(v, s) { ${cloneBody(m, t)} } // clone ${typeName(t)}`);
    return;
  }
  // A type whose glue calls itself (a list or tree, through any types): past rt.cloneFrom nested
  // calls (runtime/core/deep.ts CLONE_DEEP) a clone goes on in its generator twin `${name}$g`,
  // the same body with its clones of recursive parts yielded as heap frames (deep.ts runDeep):
  // the same order of clones and allocations, and a failure midway drops what was made as here.
  const twin = (x: string, et: Type) => (glueRecursive(m, et) ? `(yield ${cloneFn(m, et)}$g(${x}, s))` : cloneJs(m, x, et, 's'));
  m.dropDefs.push(`function ${name}(v, s) { if (${RT.cloneDepth} >= ${RT.cloneFrom}) return ${RT.cloneDeep}(${name}$g(v, s)); ${RT.cloneDepth}++; try { ${cloneBody(m, t)} } finally { ${RT.cloneDepth}--; } } // clone ${typeName(t)}`);
  m.dropDefs.push(`function* ${name}$g(v, s) { ${cloneBody(m, t, twin)} } // clone ${typeName(t)}, heap frames`);
}

/** The user clone() instances t's glue calls, through any glue (not through user code): the
 *  calls a `.clone()` of t makes, for the call graph (deep.ts noteCall). */
export function glueUserClones(m: ModuleCtx, t: Type): Instance[] {
  const out = new Map<string, Instance>();
  const seen = new Set<string>();
  const walk = (u: Type): void => {
    const k = typeKey(u);
    if (seen.has(k)) return;
    seen.add(k);
    const user = userClone(m, u);
    if (user && (u.k === 'struct' || u.k === 'enum')) {
      const inst = m.instance(user, u.args);
      out.set(inst.name, inst);
      return;
    }
    for (const p of glueParts(m, u)) walk(p);
  };
  walk(t);
  return [...out.values()];
}

const userTwinGlue = new WeakMap<ModuleCtx, Set<string>>();
/** In a deep twin (deep.ts): the clone of `v` when t's glue reaches a user clone() that has a twin
 *  (a recursive clone() cloning its own kind through Option/Box/Vec…): a yield of the glue's
 *  generator `$cloneN$u`, whose calls of such clones yield their twins, so the recursion runs as
 *  heap frames throughout (its Vex frames, and so its stack overflow, as plain calls'). Else null. */
export function cloneInTwin(m: ModuleCtx, v: string, t: Type, s: number | string, twins: ReadonlySet<string>): string | null {
  if (!glueUserClones(m, t).some((i) => twins.has(i.name))) return null;
  const name = `${cloneFn(m, t)}$u`;
  let made = userTwinGlue.get(m);
  if (!made) userTwinGlue.set(m, (made = new Set()));
  if (!made.has(name)) {
    made.add(name);
    const c = (x: string, et: Type) => cloneInTwin(m, x, et, 's', twins) ?? cloneJs(m, x, et, 's');
    m.dropDefs.push(`function* ${name}(v, s) { ${cloneBody(m, t, c, twins)} } // clone ${typeName(t)}, heap frames of user clone()s`);
  }
  return `(yield ${name}(${v}, ${s}))`;
}

/** The types whose glue t's glue calls (none for a Copy type or one with its own clone()). */
function glueParts(m: ModuleCtx, t: Type): Type[] {
  if (cloneIsCopy(m, t) || userClone(m, t)) return [];
  switch (t.k) {
    case 'struct': case 'enum': return memberTypes(t);
    case 'tuple': return t.elems;
    case 'array': return [t.elem];
    case 'builtin': return t.name === 'Box' || t.name === 'Vec' || t.name === 'Map' || t.name === 'Set' ? t.args : [];
    default: return [];
  }
}
const recursive = new WeakMap<ModuleCtx, Map<string, boolean>>();
/** Does t's clone glue reach its own again (through other types' glue, not through user code)? */
function glueRecursive(m: ModuleCtx, t: Type): boolean {
  let memo = recursive.get(m);
  if (!memo) recursive.set(m, (memo = new Map()));
  const key = typeKey(t);
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  const seen = new Set<string>();
  const reaches = (u: Type): boolean => glueParts(m, u).some((p) => {
    const k = typeKey(p);
    if (k === key) return true;
    if (seen.has(k)) return false;
    seen.add(k);
    return reaches(p);
  });
  const r = reaches(t);
  memo.set(key, r);
  return r;
}

/** `out` filled by `fill`; if a part's clone throws, the parts already in `out` are dropped. */
function guarded(m: ModuleCtx, elem: Type, fill: string, dropOut: string, onFail = ''): string {
  if (!m.needsDrop(elem)) return fill;
  return `try { ${fill} } catch (e) { ${dropOut} ${onFail} throw e; }`;
}

/** `c`: the JS cloning a part (the twin's yields its recursive parts); `twins`: in a deep twin's
 *  glue (cloneInTwin), the user clone()s with twins, called as heap frames. */
function cloneBody(m: ModuleCtx, t: Type, c = (x: string, et: Type) => cloneJs(m, x, et, 's'), twins?: ReadonlySet<string>): string {
  const drop = (et: Type) => m.dropFn(et);
  const user = userClone(m, t);
  if (user && (t.k === 'struct' || t.k === 'enum')) {
    const inst = m.instance(user, t.args);
    const rtype = user.receiverType ? subst(user.receiverType, envOf(t.info.generics, t.args, t.info.name)) : null;
    // a shared receiver of a scalar-like type (an enum) is a cell of its own, as methodCall makes
    const recv = rtype && isCellRef(rtype) ? cellOverPlace('v') : 'v';
    if (twins?.has(inst.name)) return `return (yield ${twinName(inst.name)}(${recv}));`;
    const call = `${inst.name}(${recv})`;
    return `return ${inst.isGen ? `${rtS('drive')}(${call})` : call};`;
  }
  switch (t.k) {
    case 'struct': {
      const env = envOf(t.info.generics, t.args, t.info.name);
      const fs = t.info.fields.map((f) => ({ js: `v.f_${f.name}`, t: subst(f.type, env) }));
      const chain = structChain(m, t, fs.map((f) => f.t));
      if (chain >= 0) {
        // a list of structs (`next: Option<Box<Self>>`) is cloned link by link in a loop, as an
        // enum list is: a long chain needs no host frames (a 50,000-link list overflowed them)
        const opt = m.enumClass(OPTION);
        const parts = fs.map((f, i) => (i === chain ? m.unitVariant(OPTION, 1) : c(f.js, f.t)));
        const link = `v.f_${t.info.fields[chain].name}`;
        return 'let head = null, prev = null; for (;;) { ' +
          `const node = ${m.newStruct(t.info, parts)}; ` +
          `if (prev === null) head = node; else prev.f_${t.info.fields[chain].name} = new ${opt}(${m.enumArgs(OPTION, 0, [{ a: '$box(node, s)' }])}); ` +
          `const nx = ${link}; if (nx.t !== 0) return head; prev = node; v = nx.a0.v; }`;
      }
      // fields in declaration order; a failure drops the fields already cloned
      const names = fs.map((_, i) => `f${i}`);
      const parts = fs.map((f) => c(f.js, f.t));
      const steps = parts.map((x, i) => `const f${i} = ${x};`);
      if (fs.length > WIDE_STRUCT) {
        // into the one array a wide struct's class takes (context.ts newStruct), in one `try`
        const fill = parts.map((x) => `$fs.push(${x});`).join(' ');
        const undo = fs.map((f, i) => (m.needsDrop(f.t) ? `if ($fs.length > ${i}) ${drop(f.t)}($fs[${i}]);` : '')).filter((x) => x).join(' ');
        return `const $fs = []; ${undo ? `try { ${fill} } catch (e) { ${undo} throw e; }` : fill} return new ${m.structClass(t.info)}($fs);`;
      }
      const body: string[] = [];
      const earlier: string[] = [];
      fs.forEach((f, i) => {
        if (i > 0 && m.needsDrop(fs[i - 1].t)) earlier.push(`${drop(fs[i - 1].t)}(f${i - 1});`);
        body.push(earlier.length && !cloneIsCopy(m, f.t) ? `let f${i}; try { f${i} = ${c(f.js, f.t)}; } catch (e) { ${earlier.join(' ')} throw e; }` : steps[i]);
      });
      return `${body.join(' ')} return ${m.newStruct(t.info, names)};`;
    }
    case 'enum': {
      const env = envOf(t.info.generics, t.args, t.info.name);
      const cls = m.enumClass(t.info);
      const flat = m.flatBoxes(t.info);
      // a list (a variant ending in a box of the same enum) is cloned link by link in a loop, so a
      // long chain needs no host frame per link; only when no user clone() can fail midway
      const key = typeKey(t);
      const tails = t.info.variants.map((vr, i) => {
        const j = vr.fields.length - 1, ft = j >= 0 ? subst(vr.fields[j], env) : null;
        return ft && flat[i][j] && ft.k === 'builtin' && ft.args[0] && typeKey(ft.args[0]) === key ? j : -1;
      });
      const loop = tails.some((j) => j >= 0) && !t.info.variants.some((vr) => vr.fields.some((f) => runsUser(m, subst(f, env), new Set([key]))));
      const arms = t.info.variants.map((vr, i) => {
        if (!vr.fields.length) return '';
        const fts = vr.fields.map((f) => subst(f, env));
        if (loop) {
          const steps: string[] = [];
          const fields = fts.map((ft, j) => {
            const ct = flat[i][j] && ft.k === 'builtin' ? ft.args[0] : null;
            if (j !== tails[i]) steps.push(`const a${j} = ${c(`v.a${j}`, ct ?? ft)};`);
            if (ct) steps.push(`const b${j} = $bnew(s);`);
            const a = j === tails[i] ? 'undefined' : `a${j}`;
            return ct ? { a, b: `b${j}` } : { a };
          });
          const link = tails[i] >= 0 ? ` next = v.a${tails[i]}; nj = ${tails[i]};` : '';
          return `case ${i}: { ${steps.join(' ')} node = new ${cls}(${m.enumArgs(t.info, i, fields)});${link} break; }`;
        }
        const steps: string[] = [];
        const fields = fts.map((ft, j) => {
          // a flat box field (DESIGN.md "Boxes in enum fields"): its content cloned, a block of its own
          const ct = flat[i][j] && ft.k === 'builtin' ? ft.args[0] : null;
          const et = ct ?? ft;
          const earlier = steps.length ? fts.slice(0, j).map((g, k) => {
            const gc = flat[i][k] && g.k === 'builtin' ? g.args[0] : null;
            const parts = [gc ? (m.needsDrop(gc) ? `${drop(gc)}(a${k});` : '') : m.needsDrop(g) ? `${drop(g)}(a${k});` : '', gc ? `$bfree(b${k});` : ''];
            return parts.join(' ');
          }).join(' ').trim() : '';
          const js = c(`v.a${j}`, et);
          steps.push(earlier && !cloneIsCopy(m, et) ? `let a${j}; try { a${j} = ${js}; } catch (e) { ${earlier} throw e; }` : `const a${j} = ${js};`);
          if (ct) steps.push(`const b${j} = $bnew(s);`);
          return ct ? { a: `a${j}`, b: `b${j}` } : { a: `a${j}` };
        });
        return `case ${i}: { ${steps.join(' ')} return new ${cls}(${m.enumArgs(t.info, i, fields)}); }`;
      }).filter(Boolean);
      if (loop) {
        return 'let head = null, prev = null, pj = 0; for (;;) { let node = v, next = null, nj = 0; ' +
          `switch (v.t) { ${arms.join(' ')} } ` +
          "if (prev === null) head = node; else prev['a' + pj] = node; if (next === null) return head; prev = node; pj = nj; v = next; }";
      }
      return `switch (v.t) { ${arms.join(' ')} } return v;`;
    }
    case 'tuple': {
      if (t.elems.every((e) => cloneIsCopy(m, e))) return 'return v.slice();';
      const steps: string[] = [];
      t.elems.forEach((e, i) => {
        const earlier = t.elems.slice(0, i).map((g, k) => (m.needsDrop(g) ? `${drop(g)}(e${k});` : '')).join(' ').trim();
        steps.push(earlier && !cloneIsCopy(m, e) ? `let e${i}; try { e${i} = ${c(`v[${i}]`, e)}; } catch (x) { ${earlier} throw x; }` : `const e${i} = ${c(`v[${i}]`, e)};`);
      });
      return `${steps.join(' ')} return [${t.elems.map((_, i) => `e${i}`).join(', ')}];`;
    }
    case 'array': {
      // a big by-value array is work, not one step (as $copy charges)
      const fill = `for (let i = 0; i < n; i++) out[i] = ${c('v[i]', t.elem)};`;
      return `const n = v.length; ${RT.charge}(n >>> 4); const out = new Array(n); ` +
        `${guarded(m, t.elem, fill, `for (const x of out) if (x !== undefined) ${m.needsDrop(t.elem) ? drop(t.elem) : ''}(x);`)} return out;`;
    }
    case 'builtin': {
      const [a0, a1] = t.args;
      switch (t.name) {
        case 'String': return 'return $newString(v.s, s);';
        case 'Box': return `return $box(${c('v.v', a0)}, s);`;
        case 'Vec': {
          // the buffer first (capacity = length, none when empty), then each element
          // (a Vec of primitives keeps its element kind, so a big clone is typed storage too)
          const fill = `const src = v.a; for (let i = 0; i < n; i++) out.push(${c('src[i]', a0)}, s);`;
          return `const n = v.n; ${RT.charge}(n >>> 4); const out = new ${RT.VVec}(v.esize, v.ealign, undefined, v.kind); out.reserve(n, s); ` +
            `${guarded(m, a0, fill, `for (const x of out.a) ${m.needsDrop(a0) ? drop(a0) : ''}(x);`, 'out.release(s);')} return out;`;
        }
        case 'Map': {
          // compound keys are stored under their canonical string (VMap): it stays, the key is cloned
          const fill = `for (const [k, x] of v.m) out.m.set(k, ${c('x', a1)}); if (v.ok) { out.ok = new Map(); for (const [k, x] of v.ok) out.ok.set(k, ${c('x', a0)}); }`;
          const dropOut = [m.needsDrop(a1) ? `for (const x of out.m.values()) ${drop(a1)}(x);` : '', m.needsDrop(a0) ? `if (out.ok) for (const x of out.ok.values()) ${drop(a0)}(x);` : ''].join(' ');
          const body = m.needsDrop(a0) || m.needsDrop(a1) ? `try { ${fill} } catch (e) { ${dropOut} throw e; }` : fill;
          return `${RT.charge}(v.m.size >>> 4); const out = new ${RT.VMap}(v.esize, v.ealign); ${body} out.fit(s); return out;`;
        }
        case 'Set': {
          const fill = `for (const k of v.m) out.m.add(k); if (v.ok) { out.ok = new Map(); for (const [k, x] of v.ok) out.ok.set(k, ${c('x', a0)}); }`;
          const body = m.needsDrop(a0) ? `try { ${fill} } catch (e) { if (out.ok) for (const x of out.ok.values()) ${drop(a0)}(x); throw e; }` : fill;
          return `${RT.charge}(v.m.size >>> 4); const out = new ${RT.VSet}(v.esize, v.ealign); ${body} out.fit(s); return out;`;
        }
      }
      return 'return v;';
    }
    default: return 'return v;';
  }
}

/** The field of struct t holding the rest of a list (`next: Option<Box<T>>`, the only one), when
 *  cloning no other part can run user code (a failure midway would leave a half-linked clone),
 *  else -1. */
function structChain(m: ModuleCtx, t: Extract<Type, { k: 'struct' }>, fields: Type[]): number {
  const key = typeKey(t);
  const links = fields.map((f, i) => (f.k === 'enum' && f.info === OPTION && f.args[0]?.k === 'builtin' && f.args[0].name === 'Box' && f.args[0].args[0] && typeKey(f.args[0].args[0]) === key ? i : -1)).filter((i) => i >= 0);
  if (links.length !== 1) return -1;
  return fields.some((f, i) => i !== links[0] && runsUser(m, f, new Set([key]))) ? -1 : links[0];
}

/** Can cloning a value of t run a user-written clone() (which may panic)? `seen`: types on the way. */
function runsUser(m: ModuleCtx, t: Type, seen: Set<string>): boolean {
  const key = typeKey(t);
  if (seen.has(key)) return false;
  seen.add(key);
  switch (t.k) {
    case 'struct': case 'enum': {
      if (userClone(m, t)) return true;
      const env = envOf(t.info.generics, t.args, t.info.name);
      const parts = t.k === 'struct' ? t.info.fields.map((f) => f.type) : t.info.variants.flatMap((v) => v.fields);
      return parts.some((p) => runsUser(m, subst(p, env), seen));
    }
    case 'tuple': return t.elems.some((e) => runsUser(m, e, seen));
    case 'array': return runsUser(m, t.elem, seen);
    case 'builtin': return t.name !== 'Gc' && t.name !== 'Channel' && t.args.some((a) => runsUser(m, a, seen));
    default: return false;
  }
}

// `==` of a value whose type holds a struct or enum with its own `op==` (chapter 2 §2.2, §3.7
// Eq): a Vec, array, slice, tuple, Option/Result, Box, Map, Set, or a struct or enum without
// its own `==`, compares such parts through their `op==`, as Rust's derived and std PartialEq
// do — the runtime's structural `$eq` compared their fields (`vs == ws` was false while every
// `vs[i] == ws[i]`). One generated JS function per type, `$eqgN(a, b, q)`, made on demand like
// the drop and clone glue: it compares what it can at once and pushes the other parts onto q as
// (glue, a, b) triples that `$eqWith` takes in order, so a long list compares in a loop, without
// a host frame per link. Types with no such part keep `$eq`.
import type { Type } from '../sema/types';
import { subst, typeName, envOf } from '../sema/types';
import type { FnInfo } from '../sema/typed';
import { glueNames } from './glue-names';
import type { ModuleCtx } from './context';
import { somePartHas, memberTypes } from './part-search';
import { isCellRef, cellOverPlace } from './names';
import { rtS, rtX } from './rt-names';
import { keyArg, lookupKeyJs } from './keys';
import { CodegenLimit } from './context';
import { plainData } from '../sema/operators';
import { displayName } from '../sema/module-names';
import { MSG, NOTE } from '../msg';

const holding = new WeakMap<ModuleCtx, Map<string, boolean>>();

/** The type's own `op==` (one parameter), if it has one. */
function ownEq(m: ModuleCtx, t: Type): FnInfo | null {
  if (t.k !== 'struct' && t.k !== 'enum') return null;
  const f = m.methods.get(t.info)?.get('op==');
  return f && f.params.length === 1 ? f : null;
}

/** Does a value of type t hold (or is it) a value compared by its type's own `op==`? */
export function holdsUserEq(m: ModuleCtx, t: Type): boolean {
  let memo = holding.get(m);
  if (!memo) holding.set(m, (memo = new Map()));
  return somePartHas(t, memo, (x) => (ownEq(m, x) ? true : eqParts(x)));
}

/** The part types `==` of a t compares. */
function eqParts(t: Type): readonly Type[] {
  switch (t.k) {
    case 'struct': return t.info.isUnion ? [] : memberTypes(t);
    case 'enum': return memberTypes(t);
    case 'tuple': return t.elems;
    case 'array': case 'slice': return [t.elem];
    case 'builtin':
      if ((t.name === 'Vec' || t.name === 'Box' || t.name === 'Set') && t.args[0]) return [t.args[0]];
      return t.name === 'Map' && t.args[0] && t.args[1] ? [t.args[0], t.args[1]] : [];
    default: return [];
  }
}

/** JS for `l == r` of type t through the glue, or null when t holds no user `op==`. */
export function eqGlueJs(m: ModuleCtx, l: string, r: string, t: Type): string | null {
  // (operands that may hold a Gc handle are GC roots while the comparison runs op== methods)
  return holdsUserEq(m, t) ? `${rtX('$eqWith')}(${eqFn(m, t)}, ${l}, ${r}${m.mayHoldGc(t) ? ', true' : ''})` : null;
}

const eqNames = glueNames('$eqg');
function eqFn(m: ModuleCtx, t: Type): string {
  return eqNames(m, t, (name) => m.dropDefs.push(`function ${name}(a, b, q) { ${eqBody(m, t)} } // == ${typeName(t)}`));
}

/** Statements comparing parts x and y of type pt: at once (`$eq`) or pushed onto q. Parts are
 *  listed first to last; the pushes are emitted last to first, so q gives them back in order. */
function parts(m: ModuleCtx, ps: { x: string; y: string; t: Type }[]): string {
  const now = ps.filter((p) => !holdsUserEq(m, p.t)).map((p) => `if (!$eq(${p.x}, ${p.y})) return false;`);
  const later = ps.filter((p) => holdsUserEq(m, p.t)).reverse().map((p) => `q.push(${eqFn(m, p.t)}, ${p.x}, ${p.y});`);
  return [...now, ...later].join(' ');
}

/** A comparison or hash in a generic instance reaching `f` (`op==` or `hash()`) of t that takes
 *  an owning value by value: it would drop a value the container keeps (a double drop). The
 *  checker rejects such a call where it sees the type (E0125, operators.ts checkEqLends); a
 *  generic body sees only `T`, so each instance is checked here, as copies are (context.ts). */
export function lendsByValue(m: ModuleCtx, t: Type, f: FnInfo): void {
  const byValue = f.receiver === 'value' ? 'self' : f.params[0] && f.params[0].type.k !== 'ref' ? f.params[0].name : null;
  if (!byValue || plainData(t)) return;
  const inst = m.emitting;
  const fnName = displayName(inst?.fn.decl?.name ?? inst?.fn.name ?? 'this function');
  const tn = displayName(typeName(t));
  const param = inst ? [...inst.env.keys()].find((k) => typeName(inst.env.get(k)!) === typeName(t)) : undefined;
  // (at the call that first asked for the instance: main's, or one inside another generic body)
  throw new CodegenLimit(MSG.E0125.genericEqWouldDrop({ fnName, method: f.decl?.name ?? f.name, t: tn }), inst?.at ?? f.decl?.span ?? null, [
    ...(param ? [NOTE.E0125.noteGenericInstanceChecked({ param: param.replace(/^.*\./, ''), t: tn })] : []),
    NOTE.E0125.helpTakeByReference({ what: byValue, t: tn }),
  ]);
}

function eqBody(m: ModuleCtx, t: Type): string {
  const own = ownEq(m, t);
  if (own && (t.k === 'struct' || t.k === 'enum')) {
    lendsByValue(m, t, own);
    const inst = m.instance(own, t.args);
    const env = envOf(t.info.generics, t.args, t.info.name);
    // a shared reference to an enum is a cell (as methodCall passes it)
    const pass = (x: string, pt: Type | null | undefined) => (pt && isCellRef(subst(pt, env)) ? cellOverPlace(x) : x);
    const call = `${inst.name}(${pass('a', own.receiverType)}, ${pass('b', own.params[0].type)})`;
    return `return ${inst.isGen ? `${rtS('drive')}(${call})` : call};`;
  }
  switch (t.k) {
    case 'struct': {
      const env = envOf(t.info.generics, t.args, t.info.name);
      return `${parts(m, t.info.fields.map((f) => ({ x: `a.f_${f.name}`, y: `b.f_${f.name}`, t: subst(f.type, env) })))} return true;`;
    }
    case 'enum': {
      const env = envOf(t.info.generics, t.args, t.info.name);
      const flat = m.flatBoxes(t.info);
      const arms = t.info.variants.map((v, i) => {
        if (!v.fields.length) return '';
        // a box stored flat in the enum holds its content in the payload slot
        const ps = v.fields.map((f, j) => {
          const ft = subst(f, env);
          return { x: `a.a${j}`, y: `b.a${j}`, t: flat[i][j] && ft.k === 'builtin' && ft.args[0] ? ft.args[0] : ft };
        });
        return `case ${i}: { ${parts(m, ps)} return true; }`;
      }).join(' ');
      return `if (a.t !== b.t) return false; switch (a.t) { ${arms} } return true;`;
    }
    case 'tuple': return `${parts(m, t.elems.map((e, i) => ({ x: `a[${i}]`, y: `b[${i}]`, t: e })))} return true;`;
    case 'array': return `if (a.length !== b.length) return false; for (let i = a.length - 1; i >= 0; i--) q.push(${eqFn(m, t.elem)}, a[i], b[i]); return true;`;
    case 'slice': return `if (a.len !== b.len) return false; for (let i = a.len - 1; i >= 0; i--) q.push(${eqFn(m, t.elem)}, a.a[a.off + i], b.a[b.off + i]); return true;`;
    case 'builtin':
      if (t.name === 'Vec') return `if (a.n !== b.n) return false; for (let i = a.n - 1; i >= 0; i--) q.push(${eqFn(m, t.args[0])}, a.a[i], b.a[i]); return true;`;
      if (t.name === 'Box') return `q.push(${eqFn(m, t.args[0])}, a.v, b.v); return true;`;
      // (its values in insertion order, as a Vec's elements); each of a's keys is looked up in b as
      // the program would (keys.ts: a key holding a NaN is found in no map, one with a user op== by it)
      if (t.name === 'Map' || t.name === 'Set') {
        const stored = keyArg(m, t.args[0]) === 'false' ? 'c' : 'a.ok.get(c)';
        const k = lookupKeyJs(m, 'b', stored, t.args[0]);
        if (t.name === 'Set') return `if (a.m.size !== b.m.size) return false; for (const c of a.m) if (!b.m.has(${k})) return false; return true;`;
        return `if (a.m.size !== b.m.size) return false; const e = [...a.m]; for (let i = e.length - 1; i >= 0; i--) { const c = e[i][0], k = ${k}; if (!b.m.has(k)) return false; ${parts(m, [{ x: 'e[i][1]', y: 'b.m.get(k)', t: t.args[1] }])} } return true;`;
      }
      return 'return $eq(a, b);';
    default: return 'return $eq(a, b);';
  }
}

// How Map keys and Set elements are found at run time (JS Maps compare objects by identity):
// the JS value itself, its canonical text (runtime canonKey), or, for a key type holding a user
// `op==`, that `==` (Eq is what keys use, §3.7; runtime classKey), bucketed by the type's own
// `hash()` when it has one.
import type { Type } from '../sema/types';
import { envOf, subst, typeName } from '../sema/types';
import { glueNames } from './glue-names';
import type { ModuleCtx } from './context';
import { eqGlueJs, holdsUserEq, lendsByValue } from './eq-glue';
import { isCellRef, cellOverPlace } from './names';
import { rtS } from './rt-names';

/** Map/Set keys that are not JS primitives (String, structs, tuples, data enums, arrays), and
 *  floats: a JS Map finds NaN under NaN, where a key must match as `==` does (canonKey). */
export function compoundKey(t: Type): boolean {
  switch (t.k) {
    case 'int': case 'bool': case 'str': case 'ptr': case 'unit': return false;
    case 'enum': return t.info.variants.some((v) => v.fields.length > 0);
    default: return true;
  }
}

const opsNames = glueNames('$kops');

/** The runtime's key mode for key type t (helpers.ts KeyMode): `false`, `true` or a KeyOps const. */
export function keyArg(m: ModuleCtx, t: Type | undefined): string {
  if (!t || !compoundKey(t)) return 'false';
  if (!holdsUserEq(m, t)) return 'true';
  return opsNames(m, t, (name) => m.dropDefs.push(`const ${name} = { eq: (a, b) => ${eqGlueJs(m, 'a', 'b', t)}, hash: ${hashJs(m, t)} }; // keys ${typeName(t)}`));
}

/** JS for the stored key a lookup of key `k` in map or set `o` uses. */
export function lookupKeyJs(m: ModuleCtx, o: string, k: string, t: Type | undefined): string {
  const mode = keyArg(m, t);
  return mode === 'false' ? k : mode === 'true' ? `$ck(${k})` : `$ckm(${o}, ${k}, ${mode})`;
}

/** The key type's own `hash(): u64` as a JS function, else null (one bucket: `==` alone). */
function hashJs(m: ModuleCtx, t: Type): string {
  if (t.k !== 'struct' && t.k !== 'enum') return 'null';
  const f = m.methods.get(t.info)?.get('hash');
  if (!f || f.params.length !== 0) return 'null';
  lendsByValue(m, t, f);
  const inst = m.instance(f, t.args);
  const env = envOf(t.info.generics, t.args, t.info.name);
  // a shared reference to an enum is a cell (as methodCall passes it)
  const self = f.receiverType && isCellRef(subst(f.receiverType, env)) ? cellOverPlace('k') : 'k';
  return `(k) => ${inst.isGen ? `${rtS('drive')}(${inst.name}(${self}))` : `${inst.name}(${self})`}`;
}

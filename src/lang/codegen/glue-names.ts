// Generated JS definitions made once per module and type — clone glue, `==` glue, Map key
// operations — each under a numbered name (`$clone3`, `$eqg0`, `$kops1`), made on first use.
import type { Type } from '../sema/types';
import type { ModuleCtx } from './context';
import { typeKey } from './typedesc';

/** A namer for definitions `${prefix}N`: the name of t's, made with `define(name)` the first time
 *  (the name is registered first: a definition may name its own type's, a list's clone its tail's). */
export function glueNames(prefix: string): (m: ModuleCtx, t: Type, define: (name: string) => void) => string {
  const made = new WeakMap<ModuleCtx, Map<string, string>>();
  return (m, t, define) => {
    let names = made.get(m);
    if (!names) made.set(m, (names = new Map()));
    const key = typeKey(t);
    const hit = names.get(key);
    if (hit) return hit;
    const name = `${prefix}${names.size}`;
    names.set(key, name);
    define(name);
    return name;
  };
}

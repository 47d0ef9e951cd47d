// A struct's field by name. `fields.find` at every field of a literal or every access is
// quadratic in the number of fields (a 24,000-field struct literal took 7 s to check and emit),
// so a long field list gets an index, made once per list (keyed by the array: a generic
// instance's list is another array) and remade if the list grew while it was being declared.

interface Named { readonly name: string }
const MIN_INDEXED = 16;
const indexes = new WeakMap<readonly Named[], { n: number; byName: Map<string, Named> }>();

/** The first field called `name`, as `fields.find` would give. */
export function fieldNamed<F extends Named>(fields: readonly F[], name: string): F | undefined {
  if (fields.length < MIN_INDEXED) return fields.find((x) => x.name === name);
  let ix = indexes.get(fields);
  if (!ix || ix.n !== fields.length) {
    const byName = new Map<string, Named>();
    for (const f of fields) if (!byName.has(f.name)) byName.set(f.name, f);
    ix = { n: fields.length, byName };
    indexes.set(fields, ix);
  }
  return ix.byName.get(name) as F | undefined;
}

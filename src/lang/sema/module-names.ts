// Program-wide names of module items (modules.ts): `utilːtriple` is `triple` of the tab util.vx.
// `ː` is a letter no Vex identifier contains, so the name never collides with one a user wrote.

/** The separator between a module's prefix and an item's name. */
export const MODULE_SEP = 'ː';

/** The separator of a standard module's item names (std-modules.ts): `collections·HashMap`. */
export const STD_SEP = '·';

/** A program-wide name as the user wrote it, also inside longer text: `utilːtriple` -> `triple`,
 *  `collections·HashMap.insert` -> `HashMap.insert`, `conv·map_len` -> `map_len` (a program names
 *  a standard item as it imported it or as the prelude binds it, never by its module). */
export const displayName = (s: string): string =>
  s.includes(MODULE_SEP) || s.includes(STD_SEP) ? s.replace(/[A-Za-z0-9_·]*ː/g, '').replace(/[A-Za-z0-9_]+·/g, '') : s;

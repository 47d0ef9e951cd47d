// Program-wide names of module items (modules.ts): `utilːtriple` is `triple` of the tab util.vx.
// `ː` is a letter no Vex identifier contains, so the name never collides with one a user wrote.

/** The separator between a module's prefix and an item's name. */
export const MODULE_SEP = 'ː';

/** A program-wide name as the user wrote it: `utilːtriple` -> `triple` (also inside longer text). */
export const displayName = (s: string): string => (s.includes(MODULE_SEP) ? s.replace(/[A-Za-z0-9_·]*ː/g, '') : s);

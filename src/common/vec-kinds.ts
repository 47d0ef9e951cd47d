// Element kinds of a Vec of primitives that the runtime may keep in a typed array (codegen passes
// the code to `new VVec`; runtime/core/collections.ts maps it to the typed array constructor).
// 0: a plain JS array for good (bool reads back as a number from a Uint8Array, 64/128-bit ints
// may be BigInts beyond ±2^53, everything else is an object).
export const VEC_KIND = { i8: 1, u8: 2, i16: 3, u16: 4, i32: 5, u32: 6, f32: 7, f64: 8 } as const;

/** The kind code of an element type given as an int name ('i32') or a float width ('f64'). */
export function vecKindOf(name: string): number {
  return (VEC_KIND as Record<string, number>)[name] ?? 0;
}

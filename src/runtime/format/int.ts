// Integer formatting for `{}` `{:x}` `{:X}` `{:o}` `{:b}` (vex-language §5.1). Values are numbers
// (<= 32-bit types) or bigints (64/128-bit). Radix forms print the two's-complement bits of the
// value at its type's width, like C and Rust do for negative numbers.

export function formatInt(v: number | bigint): string {
  return typeof v === 'bigint' ? v.toString() : String(v);
}

function unsignedBits(v: number | bigint, bits: number): number | bigint {
  if (typeof v === 'bigint') return BigInt.asUintN(bits, v);
  if (bits >= 32) return bits === 32 ? v >>> 0 : v < 0 ? BigInt.asUintN(bits, BigInt(v)) : v;
  return v & ((1 << bits) - 1);
}

/** `{:x}` and `{:X}`: both lowercase, no prefix (vex-language §5.1). */
export function formatHex(v: number | bigint, bits: number): string {
  return unsignedBits(v, bits).toString(16);
}

/** `{:o}`: '0' followed by the octal digits (0 prints as '00'). */
export function formatOct(v: number | bigint, bits: number): string {
  return '0' + unsignedBits(v, bits).toString(8);
}

/**
 * `{:b}`: '0b' plus 32 digits for integers up to 32 bits. Decision for wider types: the full
 * width (64 digits for i64/u64, 128 for i128/u128), so no bits are ever hidden.
 */
export function formatBin(v: number | bigint, bits: number): string {
  const width = bits <= 32 ? 32 : bits;
  return '0b' + unsignedBits(v, bits).toString(2).padStart(width, '0');
}

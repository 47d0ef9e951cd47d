// Independent models the generated programs are judged against: C's %g (Vex's `{}` for floats),
// exact IEEE bits of a C hex float, and the x86-64 System V layout of plain C structs.

/** C `%g` with 6 significant digits, as vex-language §5.2 specifies `{}` for f32/f64: rounded from
 *  the exact binary value, ties to even (as glibc; JS toExponential/toFixed round ties up). */
export function formatG(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x < 0 ? '-inf' : 'inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const P = 6;
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, Math.abs(x));
  const bits = dv.getBigUint64(0);
  const ef = Number(bits >> 52n), mant = bits & ((1n << 52n) - 1n);
  const M = ef === 0 ? mant : mant | (1n << 52n), E = ef === 0 ? -1074 : ef - 1075;
  // |x| = D * 10^-k exactly
  const D = E >= 0 ? M << BigInt(E) : M * 5n ** BigInt(-E), k = E >= 0 ? 0 : -E;
  const s = D.toString();
  let X = s.length - 1 - k;
  let keep = s.slice(0, P).padEnd(P, '0');
  const rest = s.slice(P);
  if (rest && (rest[0] > '5' || (rest[0] === '5' && (/[1-9]/.test(rest.slice(1)) || Number(keep[P - 1]) % 2 === 1)))) {
    keep = (BigInt(keep) + 1n).toString();
    if (keep.length > P) { keep = keep.slice(0, P); X++; }
  }
  const strip = (f: string) => f.replace(/0+$/, '');
  let out: string;
  if (X < -4 || X >= P) {
    const f = strip(keep.slice(1));
    out = `${keep[0]}${f ? '.' + f : ''}e${X < 0 ? '-' : '+'}${Math.abs(X) < 10 ? '0' : ''}${Math.abs(X)}`;
  } else {
    const ip = X >= 0 ? keep.slice(0, X + 1) : '0';
    const f = strip(X >= 0 ? keep.slice(X + 1) : '0'.repeat(-X - 1) + keep);
    out = f ? `${ip}.${f}` : ip;
  }
  return x < 0 ? '-' + out : out;
}

/** The IEEE-754 bits (as a hex BigInt literal) of C's %a text: `-0x1.8p+1`, `0x0.0001p-1022`, `0x0p+0`. */
export function hexFloatBits(s: string): bigint {
  const m = /^(-?)0x([01])(?:\.([0-9a-f]+))?p([+-]\d+)$/.exec(s);
  if (!m) throw new Error('bad hex float ' + s);
  const sign = m[1] ? 1n << 63n : 0n;
  const frac = BigInt('0x' + ((m[3] ?? '') + '0'.repeat(13)).slice(0, 13));
  const lead = m[2] === '1';
  if (!lead) return sign | frac; // zero or subnormal (exponent -1022 by %a's convention)
  return sign | (BigInt(Number(m[4]) + 1023) << 52n) | frac;
}

export interface CType { name: string; size: number; align: number }
export const C_PRIMS: CType[] = [
  { name: 'u8', size: 1, align: 1 }, { name: 'i8', size: 1, align: 1 }, { name: 'bool', size: 1, align: 1 },
  { name: 'i16', size: 2, align: 2 }, { name: 'u16', size: 2, align: 2 },
  { name: 'i32', size: 4, align: 4 }, { name: 'u32', size: 4, align: 4 }, { name: 'f32', size: 4, align: 4 },
  { name: 'i64', size: 8, align: 8 }, { name: 'u64', size: 8, align: 8 }, { name: 'f64', size: 8, align: 8 },
];

/** System V x86-64: each field at the next multiple of its alignment; size rounded up to the struct's alignment. */
export function sysvStruct(fields: CType[], union = false): { size: number; align: number } {
  let off = 0, align = 1, size = 0;
  for (const f of fields) {
    align = Math.max(align, f.align);
    if (union) size = Math.max(size, f.size);
    else { off = Math.ceil(off / f.align) * f.align + f.size; size = off; }
  }
  return { size: Math.ceil(size / align) * align, align };
}

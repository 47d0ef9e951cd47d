// Small pure helpers shared by the emitters: name mangling, JS literals, type predicates.
import type { Type, IntName } from '../sema/types';
import { isWideInt } from '../sema/types';
import { f16round } from '../../common/f16';
import { wideToFloat } from '../../common/ints';
import { RT } from './rt-names';

/** JS identifier for a Vex local: never collides with JS globals or our own `$` names. */
export const localName = (name: string, id: number) => `v_${name}_${id}`;

/** A JS string literal (JSON is a subset of JS string syntax). */
export const jsStr = (s: string) => JSON.stringify(s);

export const isWide = (t: Type) => t.k === 'int' && isWideInt(t.name);
export const intName = (t: Type): IntName | null => (t.k === 'int' ? t.name : null);

/** Literal of an integer value for type t. */
export function intLit(v: bigint | number, t: Type): string {
  if (t.k === 'float') return numLit(typeof v === 'bigint' ? wideToFloat(v, t.bits, (n) => roundFloatValue(n, t.bits)) : roundFloatValue(v, t.bits));
  const n = Number(v);
  // 64/128-bit: a number while safe, a BigInt beyond (runtime/core/wide.ts, the canonical form)
  if (isWide(t) && !Number.isSafeInteger(n)) return `${BigInt(v)}n`;
  return n < 0 ? `(${n})` : String(n);
}
/** A float constant rounded to its type (an integer literal typed `f32` is rounded as at run time). */
export function roundFloatValue(n: number, bits: number): number {
  return bits === 32 ? Math.fround(n) : bits === 16 ? f16round(n) : n;
}
export function numLit(n: number): string {
  if (Number.isNaN(n)) return '(0/0)';
  if (n === Infinity) return '(1/0)';
  if (n === -Infinity) return '(-1/0)';
  if (Object.is(n, -0)) return '(-0)';
  return n < 0 ? `(${n})` : String(n);
}

/** Values whose mutable references are the JS object itself (mutation in place). */
export function isObjectLike(t: Type): boolean {
  switch (t.k) {
    case 'struct': case 'array': return true;
    case 'builtin': return t.name !== 'Duration';
    default: return false;
  }
}
/** Shared references to these are cells too: a read through one sees later writes to the place. */
const sharesByCell = (t: Type): boolean => t.k === 'int' || t.k === 'float' || t.k === 'bool' || t.k === 'enum' || t.k === 'tuple';
/** `&T!` to a non-object T, and `&T` to a scalar, an enum (Option...) or a tuple, is a Cell
 *  (get/set closures over the place): the reference aliases its place (codegen/DESIGN.md "Places
 *  and references"). A shared `&str` stays the string (the checker identifies `&str` with `str`,
 *  §4.1, so it flows into any `str` position unconverted); `&c[a..b]` is a slice view. */
export const isCellRef = (t: Type): boolean => t.k === 'ref' && !isObjectLike(t.inner) && (t.mut || sharesByCell(t.inner));

/** A float result rounded to its type: f32 through Math.fround, f16 to the nearest half. */
export function roundFloat(js: string, bits: number): string {
  return bits === 32 ? `$fround(${js})` : bits === 16 ? `$f16round(${js})` : js;
}

/** Strip references: the type a read auto-derefs to. */
export function derefAll(t: Type): Type {
  while (t.k === 'ref') t = t.inner;
  return t;
}

/** Expression wrapping a JS number to a <= 32-bit integer type. */
export function wrapSmall(js: string, n: IntName): string {
  switch (n) {
    case 'i8': return `((${js}) << 24 >> 24)`;
    case 'u8': return `((${js}) & 255)`;
    case 'i16': return `((${js}) << 16 >> 16)`;
    case 'u16': return `((${js}) & 65535)`;
    case 'i32': return `((${js}) | 0)`;
    case 'u32': return `((${js}) >>> 0)`;
    default: return js;
  }
}
/** The kind code of a 64/128-bit type the wide helpers take (runtime/core/wide.ts). */
export const wideK = (n: IntName): number => (n === 'i64' ? 0 : n === 'u64' ? 1 : n === 'i128' ? 2 : 3);
/** Expression wrapping an exact integer (number or BigInt) to a 64/128-bit type, canonically. */
export function wrapWide(js: string, n: IntName): string {
  const bits = Number(n.slice(1));
  return n[0] === 'i' ? `$asI(${bits}, ${js})` : `$asU(${bits}, ${js})`;
}
export const wrapInt = (js: string, n: IntName) => (isWideInt(n) ? wrapWide(js, n) : wrapSmall(js, n));

/** JS of a cell (a shared reference to a scalar-like value) over the assignable JS place `place`:
 *  reads and writes go to it. */
export const cellOverPlace = (place: string): string => `${RT.cell}(() => ${place}, ($v) => { ${place} = $v; })`;
/** JS of a cell of its own holding the value of `js` (a value that is no place, or a copy). */
export const cellOfValue = (js: string): string => `(($c) => ${RT.cell}(() => $c, ($v) => { $c = $v; }))(${js})`;

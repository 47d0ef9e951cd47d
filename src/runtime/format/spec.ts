// `{}` and `{:spec}` for scalar values (vex-language §5.1-5.2). The engine can call the
// specialised functions directly when the type is known at compile time; formatSpec is the
// generic dispatcher with the "a spec that doesn't fit the type falls back to {}" rule.

import { formatExp, formatFixed, formatG } from './float';
import { formatBin, formatHex, formatInt, formatOct } from './int';

export type ScalarKind =
  | 'i8' | 'i16' | 'i32' | 'i64' | 'i128'
  | 'u8' | 'u16' | 'u32' | 'u64' | 'u128'
  | 'f32' | 'f64' | 'bool' | 'str' | 'string' | 'unit' | 'ptr';

const INT_BITS: Partial<Record<ScalarKind, number>> = {
  i8: 8, i16: 16, i32: 32, i64: 64, i128: 128, u8: 8, u16: 16, u32: 32, u64: 64, u128: 128,
};

export function intBits(kind: ScalarKind): number {
  return INT_BITS[kind] ?? 0;
}

export function isFloatKind(kind: ScalarKind): boolean {
  return kind === 'f32' || kind === 'f64';
}

/** `{}` of a scalar. */
export function formatDisplay(kind: ScalarKind, v: unknown): string {
  switch (kind) {
    case 'f32':
    case 'f64':
      return formatG(v as number);
    case 'bool':
      return v ? 'true' : 'false';
    case 'str':
    case 'string':
      return v as string;
    case 'unit':
      return 'nil';
    case 'ptr':
      return formatPointer(v as number);
    default:
      return formatInt(v as number | bigint);
  }
}

/** Pointers print as 0x… lowercase hex (0x0 for null). */
export function formatPointer(addr: number | bigint): string {
  return '0x' + addr.toString(16);
}

/**
 * One placeholder: spec is the text after ':' ('' for `{}`): '?', 'x', 'X', 'o', 'b', 'e', '.N'.
 * A spec that doesn't fit the type (or is unknown) falls back to `{}`.
 */
export function formatSpec(spec: string, kind: ScalarKind, v: unknown): string {
  if (spec === '') return formatDisplay(kind, v);
  const bits = intBits(kind);
  switch (spec) {
    case '?':
      return formatDebug(kind, v);
    case 'x':
    case 'X':
      return bits ? formatHex(v as number | bigint, bits) : formatDisplay(kind, v);
    case 'o':
      return bits ? formatOct(v as number | bigint, bits) : formatDisplay(kind, v);
    case 'b':
      return bits ? formatBin(v as number | bigint, bits) : formatDisplay(kind, v);
    case 'e':
      return isFloatKind(kind) ? formatExp(v as number) : formatDisplay(kind, v);
  }
  if (spec.charCodeAt(0) === 46 /* . */ && /^\.\d+$/.test(spec) && isFloatKind(kind)) {
    return formatFixed(v as number, +spec.slice(1));
  }
  return formatDisplay(kind, v);
}

/** `{:?}`: i8/i16/i32 print as `i32(42)`; `string` values quoted; the rest like `{}`. */
export function formatDebug(kind: ScalarKind, v: unknown): string {
  if (kind === 'i8' || kind === 'i16' || kind === 'i32') return `i32(${v as number})`;
  if (kind === 'string') return formatDebugString(v as string);
  return formatDisplay(kind, v);
}

/** A quoted string with escapes: \" \\ \n \r \t \0 and \u{..} for other control characters. */
export function formatDebugString(s: string): string {
  let out = '"';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc: string | null = null;
    if (c === 34) esc = '\\"';
    else if (c === 92) esc = '\\\\';
    else if (c === 10) esc = '\\n';
    else if (c === 13) esc = '\\r';
    else if (c === 9) esc = '\\t';
    else if (c === 0) esc = '\\0';
    else if (c < 32 || c === 127) esc = `\\u{${c.toString(16)}}`;
    if (esc !== null) {
      out += s.slice(from, i) + esc;
      from = i + 1;
    }
  }
  return out + s.slice(from) + '"';
}

// The shim table: every foreign function the playground provides, with its C signature as data
// (the engine uses it to marshal arguments and results; DynamicLib.symbol<F> uses it to check F),
// and the one entry point the engine calls, which also records the crossing for the FFI panel.

import { VexFault } from '../memory/fault';
import type { CArg } from '../format/printf';
import { LIBC_SHIMS } from './libc';
import { LIBM_FNS, LIBM_SHIMS } from './libm';
import type { CType, Shim, ShimContext, ShimSig } from './types';

function sig(lib: string, name: string, params: CType[], ret: CType, variadic = false): ShimSig {
  return { name, lib, params, ret, variadic };
}

const P: CType = 'ptr';
const SIGS: ShimSig[] = [
  sig('libc', 'strlen', [P], 'u64'),
  sig('libc', 'strcmp', [P, P], 'i32'),
  sig('libc', 'strncmp', [P, P, 'u64'], 'i32'),
  sig('libc', 'strcpy', [P, P], P),
  sig('libc', 'strncpy', [P, P, 'u64'], P),
  sig('libc', 'strcat', [P, P], P),
  sig('libc', 'memcpy', [P, P, 'u64'], P),
  sig('libc', 'memmove', [P, P, 'u64'], P),
  sig('libc', 'memset', [P, 'i32', 'u64'], P),
  sig('libc', 'memcmp', [P, P, 'u64'], 'i32'),
  sig('libc', 'abs', ['i32'], 'i32'),
  sig('libc', 'labs', ['i64'], 'i64'),
  sig('libc', 'llabs', ['i64'], 'i64'),
  sig('libc', 'atoi', [P], 'i32'),
  sig('libc', 'puts', [P], 'i32'),
  sig('libc', 'putchar', ['i32'], 'i32'),
  sig('libc', 'printf', [P], 'i32', true),
  sig('libc', 'sprintf', [P, P], 'i32', true),
  sig('libc', 'snprintf', [P, 'u64', P], 'i32', true),
  sig('libc', 'qsort', [P, 'u64', 'u64', 'fnptr'], 'void'),
  sig('libc', 'malloc', ['u64'], P),
  sig('libc', 'calloc', ['u64', 'u64'], P),
  sig('libc', 'realloc', [P, 'u64'], P),
  sig('libc', 'free', [P], 'void'),
  sig('libc', 'toupper', ['i32'], 'i32'),
  sig('libc', 'tolower', ['i32'], 'i32'),
  sig('libc', 'isdigit', ['i32'], 'i32'),
  sig('libc', 'isalpha', ['i32'], 'i32'),
  sig('libc', 'isspace', ['i32'], 'i32'),
  ...Object.entries(LIBM_FNS).map(([n, fn]) => sig('libm', n, fn.length > 1 ? ['f64', 'f64'] : ['f64'], 'f64')),
];

export const SHIM_SIGS: ReadonlyMap<string, ShimSig> = new Map(SIGS.map((s) => [s.name, s]));

const SHIMS: ReadonlyMap<string, Shim> = new Map(Object.entries({ ...LIBC_SHIMS, ...LIBM_SHIMS }));

export function hasShim(name: string): boolean {
  return SHIMS.has(name);
}

export function shimFor(name: string): Shim | undefined {
  return SHIMS.get(name);
}

/** The panic for calling an extern function the table lacks (vex-language §6). */
export function unresolvedSymbolFault(name: string): VexFault {
  return new VexFault('invalid-arg', `unresolved foreign symbol: ${name}`, true);
}

/** Parameters that are C strings, shown with their text in the FFI panel. */
const STRING_PARAMS: Readonly<Record<string, readonly number[]>> = {
  strlen: [0], strcmp: [0, 1], strncmp: [0, 1], strcpy: [1], strncpy: [1], strcat: [1], atoi: [0],
  puts: [0], printf: [0], sprintf: [1], snprintf: [2],
};

/** `0x1040 "text"` for a readable C string (at most 40 bytes shown), else just the address. */
function showCString(mem: ShimContext['mem'], p: number): string {
  const id = mem.blockAt(p);
  if (id === 0) return '0x' + p.toString(16);
  const end = mem.blocks.start[id] + mem.blocks.size[id];
  let e = p;
  while (e < end && e - p < 40 && mem.u8[e] !== 0) e++;
  const more = e < end && mem.u8[e] !== 0 ? '…' : '';
  return `0x${p.toString(16)} ${JSON.stringify(mem.readString(p, e - p))}${more}`;
}

function display(v: unknown, t: CType | 'vararg'): string {
  if (v === undefined) return 'void';
  if (t === 'ptr') return '0x' + Number(v).toString(16);
  if (t === 'fnptr') return typeof v === 'function' && v.name ? `fn ${v.name}` : 'fn';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  return String(v);
}

/**
 * Calls shim `name`: fixed args + promoted varargs. Records the call through ctx.onCall (when
 * set). Throws the unresolved-symbol panic for unknown names; VexFaults from memory checks
 * propagate unchanged.
 */
export function callShim(ctx: ShimContext, name: string, args: readonly unknown[], varargs: readonly CArg[] = []): number | bigint | undefined {
  const shim = SHIMS.get(name);
  if (!shim) throw unresolvedSymbolFault(name);
  const r = shim(ctx, args, varargs);
  if (ctx.onCall) {
    const s = SHIM_SIGS.get(name);
    const strs = STRING_PARAMS[name];
    const shown = args.map((a, i) => (strs && strs.includes(i) && typeof a === 'number' ? showCString(ctx.mem, a) : display(a, s?.params[i] ?? 'vararg')));
    for (const v of varargs) shown.push(v.kind === 'ptr' ? display(v.value, 'ptr') : String(v.value));
    ctx.onCall(name, shown, display(r, s?.ret ?? 'i32'));
  }
  return r;
}

// ---- dynamic libraries (§6.8) ----

export interface VirtualLib {
  name: string; // 'libc', 'libm', or a user library's name
  symbols: ReadonlyMap<string, ShimSig>;
}

function libOf(lib: string): VirtualLib {
  return { name: lib, symbols: new Map(SIGS.filter((s) => s.lib === lib).map((s) => [s.name, s])) };
}

export const LIBC: VirtualLib = libOf('libc');
export const LIBM: VirtualLib = libOf('libm');

export type OpenResult = { ok: true; lib: VirtualLib } | { ok: false; error: string };
export type LookupResult = { ok: true; sig: ShimSig } | { ok: false; error: string };

/**
 * Opens a virtual library by file-name prefix: `libm.so.6`, `/lib/x86_64-linux-gnu/libc.so.6`,
 * `libm` … Only these two exist: a user `#[no_main]` file is not loadable as a library.
 */
export function openLibrary(path: string): OpenResult {
  const base = path.slice(path.lastIndexOf('/') + 1);
  for (const lib of [LIBC, LIBM]) {
    if (base === lib.name || base.startsWith(lib.name + '.')) return { ok: true, lib };
  }
  return { ok: false, error: `cannot open library: ${path}` };
}

export function lookup(lib: VirtualLib, name: string): LookupResult {
  const s = lib.symbols.get(name);
  return s ? { ok: true, sig: s } : { ok: false, error: `undefined symbol: ${name}` };
}

/**
 * Does the Vex function type F = fn(params): ret match the symbol? Kinds must be equal (the
 * engine maps usize/isize to u64/i64, *T/&T/str to 'ptr', unit to 'void'). For a variadic
 * symbol F must list exactly its fixed parameters.
 */
export function symbolMatches(s: ShimSig, params: readonly CType[], ret: CType): boolean {
  if (s.ret !== ret || s.params.length !== params.length) return false;
  for (let i = 0; i < params.length; i++) if (s.params[i] !== params[i]) return false;
  return true;
}

/** The error text DynamicLib.symbol<F> returns on a signature mismatch. */
export function mismatchError(name: string): string {
  return `symbol type mismatch: ${name}`;
}

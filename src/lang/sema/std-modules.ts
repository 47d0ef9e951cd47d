// Standard modules (chapter 2 §4.7) written in Vex: `import { sqrt, PI } from "math"`,
// `import * as m from "math"`, `import "math"` (namespace `math`). Before checking, each imported
// module is parsed once, its top-level items are renamed `math·sqrt` (a name no user can write)
// and appended to the program; the user's references are rewritten to those names: `sqrt` for a
// named import, `m.sqrt` / `math.PI` for a namespace. Unknown modules and names are E0140.
import type * as ast from '../syntax/ast';
import { parse } from '../syntax/parser';
import { diag, type Diagnostic } from '../diagnostics';
import { SANDBOX_SOURCES, STD_PRELUDE_EXPORTS } from './std-sandbox';
import { MSG, NOTE } from '../msg';
import { TIME, TIME_HIDDEN_FIELDS } from './std-time';
import { VEC_ITER_MODULE, VEC_ITER_SOURCE, vecIterItems, wantsVecIter } from './std-veciter';

const MATH = `
export const PI: f64 = 3.141592653589793;
export const E: f64 = 2.718281828459045;
export const TAU: f64 = 6.283185307179586;
export const PHI: f64 = 1.618033988749895;
export const SQRT2: f64 = 1.4142135623730951;
extern "C" {
    fn sin(x: f64): f64; fn cos(x: f64): f64; fn tan(x: f64): f64; fn asin(x: f64): f64; fn acos(x: f64): f64;
    fn atan(x: f64): f64; fn atan2(y: f64, x: f64): f64; fn sinh(x: f64): f64; fn cosh(x: f64): f64; fn tanh(x: f64): f64;
    fn exp(x: f64): f64; fn exp2(x: f64): f64; fn log(x: f64): f64; fn log2(x: f64): f64; fn log10(x: f64): f64;
    fn pow(x: f64, y: f64): f64; fn cbrt(x: f64): f64; fn hypot(x: f64, y: f64): f64; fn fmod(x: f64, y: f64): f64;
    fn asinh(x: f64): f64; fn acosh(x: f64): f64; fn atanh(x: f64): f64; fn copysign(x: f64, y: f64): f64;
    fn erf(x: f64): f64; fn erfc(x: f64): f64; fn tgamma(x: f64): f64; fn lgamma(x: f64): f64;
}
export fn abs<T>(x: T): T { let z = x - x; if x < z { return z - x; } return x; }
export fn min<T>(a: T, b: T): T { if b < a { return b; } return a; }
export fn max<T>(a: T, b: T): T { if a < b { return b; } return a; }
export fn clamp<T>(x: T, lo: T, hi: T): T { if x < lo { return lo; } if hi < x { return hi; } return x; }
export fn sign<T>(x: T): i32 { let z = x - x; if x < z { return -1; } if z < x { return 1; } return 0; }
// floats on their own: \`x - x\` is NaN for an infinity, so the generic forms took abs(-inf) = -inf
// and sign(inf) = 0; fabs also clears the sign of -0.0
export fn abs(x: f64): f64 { return x.abs(); }
export fn abs(x: f32): f32 { return x.abs(); }
export fn sign(x: f64): i32 { if x < 0.0 { return -1; } if x > 0.0 { return 1; } return 0; }
export fn sign(x: f32): i32 { if x < 0.0 { return -1; } if x > 0.0 { return 1; } return 0; }
export fn gcd(a: i64, b: i64): i64 { let! x = a.abs(); let! y = b.abs(); while y != 0 { let t = x % y; x = y; y = t; } return x; }
export fn lcm(a: i64, b: i64): i64 { if a == 0 || b == 0 { return 0; } return (a / gcd(a, b) * b).abs(); }
// (by squaring: the same wrapping product in O(log n) steps; n <= 0 gives 1, as before)
export fn pow_int(base: i64, n: i64): i64 {
    let! r: i64 = 1;
    let! b = base;
    let! k = n;
    while k > 0 { if k % 2 == 1 { r = r * b; } b = b * b; k = k / 2; }
    return r;
}
export fn factorial(n: i32): i64 { let! r: i64 = 1; for i in 2..(n + 1) { r = r * (i as i64); } return r; }
export fn sin_f64(x: f64): f64 { return sin(x); }
export fn cos_f64(x: f64): f64 { return cos(x); }
export fn tan_f64(x: f64): f64 { return tan(x); }
export fn asin_f64(x: f64): f64 { return asin(x); }
export fn acos_f64(x: f64): f64 { return acos(x); }
export fn atan_f64(x: f64): f64 { return atan(x); }
export fn atan2_f64(y: f64, x: f64): f64 { return atan2(y, x); }
export fn sinh_f64(x: f64): f64 { return sinh(x); }
export fn cosh_f64(x: f64): f64 { return cosh(x); }
export fn tanh_f64(x: f64): f64 { return tanh(x); }
export fn exp_f64(x: f64): f64 { return exp(x); }
export fn exp2_f64(x: f64): f64 { return exp2(x); }
export fn log_f64(x: f64): f64 { return log(x); }
export fn log2_f64(x: f64): f64 { return log2(x); }
export fn log10_f64(x: f64): f64 { return log10(x); }
export fn pow_f64(x: f64, y: f64): f64 { return pow(x, y); }
export fn sqrt_f64(x: f64): f64 { return x.sqrt(); }
export fn cbrt_f64(x: f64): f64 { return cbrt(x); }
export fn ceil_f64(x: f64): f64 { return x.ceil(); }
export fn floor_f64(x: f64): f64 { return x.floor(); }
export fn round_f64(x: f64): f64 { return x.round(); }
export fn trunc_f64(x: f64): f64 { return x.trunc(); }
export fn hypot_f64(x: f64, y: f64): f64 { return hypot(x, y); }
export fn fmod_f64(x: f64, y: f64): f64 { return fmod(x, y); }
export fn asinh_f64(x: f64): f64 { return asinh(x); }
export fn acosh_f64(x: f64): f64 { return acosh(x); }
export fn atanh_f64(x: f64): f64 { return atanh(x); }
export fn copysign_f64(x: f64, y: f64): f64 { return copysign(x, y); }
export fn erf_f64(x: f64): f64 { return erf(x); }
export fn erfc_f64(x: f64): f64 { return erfc(x); }
export fn gamma_f64(x: f64): f64 { return tgamma(x); }
export fn lgamma_f64(x: f64): f64 { return lgamma(x); }
// f32 forms: computed in f64, rounded once to f32 (as C's sinf etc. are, to within their error)
export fn sin_f32(x: f32): f32 { return sin(x as f64) as f32; }
export fn cos_f32(x: f32): f32 { return cos(x as f64) as f32; }
export fn tan_f32(x: f32): f32 { return tan(x as f64) as f32; }
export fn sqrt_f32(x: f32): f32 { return x.sqrt(); }
export fn pow_f32(x: f32, y: f32): f32 { return pow(x as f64, y as f64) as f32; }
export fn ceil_f32(x: f32): f32 { return x.ceil(); }
export fn floor_f32(x: f32): f32 { return x.floor(); }
export fn round_f32(x: f32): f32 { return x.round(); }
export fn abs_i32(x: i32): i32 { return x.abs(); }
export fn abs_i64(x: i64): i64 { return x.abs(); }
export fn abs_f32(x: f32): f32 { return x.abs(); }
export fn abs_f64(x: f64): f64 { return x.abs(); }
export fn is_nan(x: f64): bool { return x.is_nan(); }
export fn is_inf(x: f64): bool { return !x.is_nan() && (x - x).is_nan(); }
export fn is_finite(x: f64): bool { return !(x - x).is_nan(); }
export fn lerp(a: f64, b: f64, t: f64): f64 { return a + (b - a) * t; }
export fn lerp(a: f32, b: f32, t: f32): f32 { return a + (b - a) * t; }
export fn degrees(r: f64): f64 { return r * 180.0 / PI; }
export fn radians(d: f64): f64 { return d * PI / 180.0; }
export fn sqrt(x: f64): f64 { return x.sqrt(); }
export fn floor(x: f64): f64 { return x.floor(); }
export fn ceil(x: f64): f64 { return x.ceil(); }
export fn round(x: f64): f64 { return x.round(); }
export fn trunc(x: f64): f64 { return x.trunc(); }
`;

// The unsuffixed libm names are exported too (chapter: "Unsuffixed f64 aliases").
const MATH_ALIASES = ['sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'atan2', 'cbrt', 'pow', 'exp', 'log', 'log2', 'log10', 'hypot'];
/** The C functions a module exports under their own names (its other extern functions stay private). */
const EXTERN_EXPORTS: Record<string, string[]> = { math: MATH_ALIASES, conv: ['strlen', 'strcmp'] };

const STRING = `
export fn len(s: str): u64 { return s.len() as u64; }
export fn compare(a: str, b: str): i32 { if a < b { return -1; } if b < a { return 1; } return 0; }
export fn is_valid_utf8(s: str): bool { return true; }
export fn char_count(s: str): u64 { return s.chars() as u64; }
export fn contains(s: str, sub: str): bool { return s.contains(sub); }
export fn has_prefix(s: str, p: str): bool { return s.starts_with(p); }
export fn has_suffix(s: str, p: str): bool { return s.ends_with(p); }
export fn to_upper(s: str): String { return String.from(s.to_upper()); }
export fn to_lower(s: str): String { return String.from(s.to_lower()); }
export fn trim(s: str): String { return String.from(s.trim()); }
export fn replace(s: str, old: str, new_: str): String { return String.from(s.replace(old, new_)); }
export fn from_cstr(p: *u8): str { return vex_mem_text(p, 0, true); }
export fn from_utf8(p: *u8, n: u64): Result<str, str> {
    if !vex_mem_utf8(p, n) { return Err("invalid UTF-8"); }
    return Ok(vex_mem_text(p, n, false));
}
`;

const SOURCES: Record<string, string> = { math: MATH, string: STRING, strings: STRING, time: TIME, ...SANDBOX_SOURCES };
/** Std sources linked when a program uses them, never imported (std-veciter.ts). */
const LINKED_ONLY: Record<string, string> = { [VEC_ITER_MODULE]: VEC_ITER_SOURCE };
/** Modules whose import is a no-op (the prelude). */
const NO_OP = new Set(['core', 'contracts', 'os', 'mem']);
const SANDBOXED = new Set(['http', 'net', 'db', 'crypto', 'compress', 'regex', 'json', 'encoding', 'sync', 'cmd', 'memory']);

/** `std/math`, `vex-libs/std/math` and `math` name the same module. */
export function stdModuleName(path: string): string {
  return path.replace(/^vex-libs\/std\//, '').replace(/^std\//, '');
}

/** Items whose source name is not the documented one: time's `sleep(ns)` is `sleep_ns` in its
 *  source (there `sleep` is the builtin); its inner name `time·sleep` is what users see. */
const SHOWN_AS: Record<string, Record<string, string>> = { time: { sleep_ns: 'sleep' } };

interface Loaded { items: ast.Item[]; exports: Map<string, string> } // export name -> mangled name
const cache = new Map<string, Loaded>();

/** The text of a standard module's file (`<std>/time.vx`), so its diagnostics quote their lines. */
export function stdSourceText(file: string): string | undefined {
  const m = /^<std>\/(.+)\.vx$/.exec(file);
  return m ? SOURCES[m[1]] ?? LINKED_ONLY[m[1]] : undefined;
}

function load(name: string): Loaded {
  const hit = cache.get(name);
  if (hit) return structuredClone(hit); // each program gets its own nodes (side tables are keyed by node)
  const { program } = parse(`<std>/${name}.vx`, SOURCES[name] ?? LINKED_ONLY[name]);
  const top = new Set<string>();
  for (const it of program.items) {
    if (it.kind === 'extern') for (const f of it.fns) top.add(f.name);
    else if (it.kind === 'fn' && (it.receiver || it.owner)) continue; // methods are not top-level names
    else if ('name' in it && typeof it.name === 'string') top.add(it.name);
  }
  const mangle = (n: string) => `${name}·${SHOWN_AS[name]?.[n] ?? n}`;
  const exports = new Map<string, string>();
  for (const it of program.items) {
    if (it.kind === 'extern') { for (const f of it.fns) { if (EXTERN_EXPORTS[name]?.includes(f.name)) exports.set(f.name, mangle(f.name)); f.name = mangle(f.name); } continue; }
    if (it.kind === 'fn' && (it.receiver || it.owner)) { if (it.owner && top.has(it.owner.name)) it.owner.name = mangle(it.owner.name); continue; } // a method keeps its name
    if ('name' in it && typeof it.name === 'string') {
      if ((it as { isExport?: boolean }).isExport) exports.set(it.name, mangle(it.name));
      (it as { name: string }).name = mangle(it.name);
    }
  }
  renameRefs(program.items, (n) => (top.has(n) ? mangle(n) : null));
  if (name === 'time') hideFields(program.items, TIME_HIDDEN_FIELDS);
  if (name === 'time') exports.set('sleep', mangle('sleep_ns')); // `sleep` inside the module is the builtin
  for (const p of STD_PRELUDE_EXPORTS[name] ?? []) exports.set(p, p); // `import { println } from "io"`: the builtin itself
  const loaded = { items: program.items, exports };
  cache.set(name, loaded);
  return structuredClone(loaded);
}

/** Rename identifier references (values and callees) with `to`; locals are never top-level names in our sources. */
function renameRefs(n: unknown, to: (name: string) => string | null): void {
  if (!n || typeof n !== 'object') return;
  if (Array.isArray(n)) { for (const x of n) renameRefs(x, to); return; }
  const o = n as Record<string, unknown>;
  if ((o.kind === 'ident' || o.kind === 'named' || o.kind === 'struct-lit') && typeof o.name === 'string') {
    const r = to(o.name);
    if (r) o.name = r;
  }
  for (const k in o) if (k !== 'span' && k !== 'info' && k !== 'res') renameRefs(o[k], to);
}

/** Fields no user can name (`·clock_ns`): those of the module's value types (std-time.ts). */
function hideFields(n: unknown, hidden: ReadonlySet<string>): void {
  if (!n || typeof n !== 'object') return;
  if (Array.isArray(n)) { for (const x of n) hideFields(x, hidden); return; }
  const o = n as Record<string, unknown>;
  if (o.kind === 'struct' && Array.isArray(o.fields)) for (const f of o.fields as { name: string }[]) if (hidden.has(f.name)) f.name = `·${f.name}`;
  if (o.kind === 'struct-lit') for (const f of o.fields as { name: string }[]) if (hidden.has(f.name)) f.name = `·${f.name}`;
  if (o.kind === 'member' && hidden.has(o.name as string)) o.name = `·${o.name}`;
  for (const k in o) if (k !== 'span' && k !== 'info' && k !== 'res') hideFields(o[k], hidden);
}

/** Marks a name two whole-module imports bind to different items: `\0"math"\0time`. */
const AMBIGUOUS = '\0';

const expanded = new WeakMap<ast.Program, Expanded>();
/** The module linker (modules.ts) expands each module's standard imports itself. */
export const markStdExpanded = (program: ast.Program): void => { expanded.set(program, { program, diagnostics: [] }); };

/** What a standard-module import binds, for the unused-import warning (W0108, lints.ts). */
export interface StdImportBinding { item: ast.ImportDecl; name: ast.ImportDecl['names'][number] | null; used: boolean }
const importBindings = new WeakMap<ast.Program, StdImportBinding[]>();

/** The program's standard-module imports (one entry per named import, one per namespace or bare
 *  import) and whether the program uses what each binds (the parsed or the expanded program). */
export function stdImportBindings(program: ast.Program): StdImportBinding[] {
  return importBindings.get(program) ?? [];
}

/** The program with its standard imports resolved, and the diagnostics for bad imports. */
export interface Expanded { program: ast.Program; diagnostics: Diagnostic[] }

/** Resolve the program's imports of standard modules. The parsed program is left as it is (the
 *  AST is immutable after parsing): the result is a new program that shares every node the
 *  expansion does not change, with the standard items appended and the user's references renamed
 *  on copies. The same parsed program always gives the same expanded one. */
export function expandStdImports(program: ast.Program): Expanded {
  const hit = expanded.get(program);
  if (hit) return hit;
  const diags: Diagnostic[] = [];
  const named = new Map<string, string>(); // local name -> mangled
  const spaces = new Map<string, Map<string, string>>(); // namespace -> export -> mangled
  const added = new Set<string>();
  const stdItems: ast.Item[] = [];
  const bindings: StdImportBinding[] = [];
  const byName = new Map<string, StdImportBinding>(); // local name -> its import
  const bySpace = new Map<string, StdImportBinding>(); // namespace -> its import
  importBindings.set(program, bindings);
  // `import "time"` binds every export unqualified, but not over the program's own items, and two
  // such imports binding one name to different items make its use E0102 (AMBIGUOUS)
  const user = program.items.filter((i) => !(i as { span: ast.Span }).span.file.startsWith('<std>') && !(i.kind === 'fn' && (i.receiver || i.owner)));
  const own = new Set(user.flatMap((i) => (i.kind === 'extern' ? i.fns.map((f) => f.name) : 'name' in i && typeof i.name === 'string' ? [i.name] : [])));
  const bareFrom = new Map<string, string>(); // a name a whole-module import bound -> that module's path
  for (const it of program.items) {
    if (it.kind !== 'import') continue;
    const name = stdModuleName(it.module);
    if (it.module.startsWith('.')) continue; // modules across tabs are resolved elsewhere
    if (NO_OP.has(name)) continue;
    if (!SOURCES[name]) {
      const msg = SANDBOXED.has(name) ? MSG.E0140.moduleNotAvailablePlayground({ name }) : MSG.E0140.moduleNotFound({ module: it.module });
      diags.push(diag(msg, it.moduleSpan, { notes: [NOTE.E0140.noteAvailable({ keys: [...Object.keys(SOURCES), ...NO_OP].join(', ') })] }));
      continue;
    }
    const mod = load(name);
    if (!added.has(name)) { added.add(name); stdItems.push(...mod.items); }
    const whole: StdImportBinding | null = it.names.length ? null : { item: it, name: null, used: false };
    if (whole) bindings.push(whole);
    exportsPath.set(mod.exports, it.module);
    if (it.star) { spaces.set(it.star, mod.exports); bySpace.set(it.star, whole!); }
    else if (!it.names.length) { const ns = name.split('/').pop()!; spaces.set(ns, mod.exports); bySpace.set(ns, whole!); }
    for (const n of it.names) {
      const m = mod.exports.get(n.name);
      if (!m) { diags.push(diag(MSG.E0140.notExported({ name: n.name, path: it.module }), n.span, { notes: [NOTE.E0140.noteExports2({ name, keys: [...mod.exports.keys()].slice(0, 12).join(', ') })] })); continue; }
      named.set(n.alias ?? n.name, m);
      bareFrom.delete(n.alias ?? n.name);
      const b: StdImportBinding = { item: it, name: n, used: false };
      bindings.push(b);
      byName.set(n.alias ?? n.name, b);
    }
    if (!it.names.length && !it.star) for (const [k, v] of mod.exports) { // `import "math"` binds every export too
      const prev = named.get(k);
      if (own.has(k) || (prev !== undefined && !bareFrom.has(k))) continue; // the program's item or a named import wins
      if (prev !== undefined && prev !== v) { named.set(k, AMBIGUOUS + bareFrom.get(k) + AMBIGUOUS + it.module); continue; }
      named.set(k, v); bareFrom.set(k, it.module); byName.set(k, whole!);
    }
  }
  bindPreludeConversions(program, named, added, stdItems);
  if (wantsVecIter(program)) { // §5.2 `v.iter()`: the std VecIter and Vec's `iter` method
    const mod = load(VEC_ITER_MODULE);
    if (!added.has(VEC_ITER_MODULE)) { added.add(VEC_ITER_MODULE); stdItems.push(...vecIterItems(mod.items, program)); }
    if (!named.has('VecIter')) named.set('VecIter', mod.exports.get('VecIter')!);
  }
  let items = program.items;
  if (named.size || spaces.size) {
    const use = (local: string, space: boolean) => {
      const b = space ? bySpace.get(local) : byName.get(local);
      if (b) b.used = true;
    };
    items = items.map((i) => ((i as { span: ast.Span }).span.file.startsWith('<std>') ? i : rewriteUser(i, named, spaces, diags, use) as ast.Item));
  }
  const out: Expanded = { program: items === program.items && !stdItems.length ? program : { ...program, items: [...items, ...stdItems] }, diagnostics: diags };
  importBindings.set(out.program, bindings);
  if (out.program !== program) expanded.set(out.program, { program: out.program, diagnostics: [] }); // already expanded
  expanded.set(program, out);
  return out;
}

/** `o` with the keys `keys` replaced by `f` of their values: `o` itself when none changes, else a copy. */
function mapKeys(o: Record<string, unknown>, keys: Iterable<string>, f: (x: unknown) => unknown): Record<string, unknown> {
  let copy: Record<string, unknown> | null = null;
  for (const k of keys) {
    const v = f(o[k]);
    if (v !== o[k]) (copy ??= { ...o })[k] = v;
  }
  return copy ?? o;
}
const WALKED = (o: Record<string, unknown>) => Object.keys(o).filter((k) => k !== 'span' && k !== 'info' && k !== 'res');

/** Uses of imported names rewritten to the std items they stand for, on copies (the nodes on the
 *  path to a rewritten one are copied, the rest shared). Scope-aware: a parameter, `let`, loop
 *  variable, closure parameter or match binding of the same name shadows the import from its
 *  declaration to the end of its scope, and its uses are left alone. */
/** A standard module's exports -> the path the program imported it by (for messages). */
const exportsPath = new WeakMap<Map<string, string>, string>();

function rewriteUser(n: unknown, named: Map<string, string>, spaces: Map<string, Map<string, string>>, diags: Diagnostic[], use: (local: string, space: boolean) => void, scopes: Set<string>[] = []): unknown {
  if (!n || typeof n !== 'object') return n;
  const walk = (x: unknown) => rewriteUser(x, named, spaces, diags, use, scopes);
  if (Array.isArray(n)) {
    let copy: unknown[] | null = null;
    n.forEach((x, i) => { const v = walk(x); if (v !== x) (copy ??= [...n])[i] = v; });
    return copy ?? n;
  }
  const o = n as Record<string, unknown>;
  const shadowed = (name: string) => scopes.some((sc) => sc.has(name));
  const relevant = (name: unknown): name is string => typeof name === 'string' && (named.has(name) || spaces.has(name));
  const scoped = <R>(names: unknown[], body: () => R): R => {
    scopes.push(new Set(names.filter(relevant)));
    try { return body(); } finally { scopes.pop(); }
  };
  // a function or closure: its receiver and parameters are in scope in its body
  if (Array.isArray(o.params) && o.params.every((p) => p && typeof p === 'object' && typeof (p as { name?: unknown }).name === 'string')) {
    const names = (o.params as { name: string }[]).map((p) => p.name);
    const recv = o.receiver as { name?: string } | null | undefined;
    if (recv?.name) names.push(recv.name);
    return scoped(names, () => mapKeys(o, WALKED(o), walk));
  }
  if (o.kind === 'block' && Array.isArray(o.stmts)) {
    return scoped([], () => {
      const stmts = o.stmts as Record<string, unknown>[];
      let copy: Record<string, unknown>[] | null = null;
      stmts.forEach((st, i) => {
        let v: Record<string, unknown>;
        if (st?.kind === 'let') {
          v = mapKeys(st, ['init', 'type'], walk);
          for (const name of letNames(st.pattern as ast.LetPattern)) if (relevant(name)) scopes[scopes.length - 1].add(name);
        } else v = walk(st) as Record<string, unknown>;
        if (v !== st) (copy ??= [...stmts])[i] = v;
      });
      const tail = walk(o.tail);
      return copy || tail !== o.tail ? { ...o, stmts: copy ?? stmts, tail } : o;
    });
  }
  if (o.kind === 'for-in' && typeof o.name === 'string') {
    const iter = walk(o.iter);
    const body = scoped([o.name], () => walk(o.body));
    return iter !== o.iter || body !== o.body ? { ...o, iter, body } : o;
  }
  if (o.kind === 'for-c') return scoped([], () => mapKeys(o, ['init', 'cond', 'post', 'body'], walk));
  if (o.pattern && typeof o.pattern === 'object' && 'guard' in o && 'body' in o) { // a match arm
    const pattern = walk(o.pattern);
    return scoped(patternNames(o.pattern), () => mapKeys(pattern === o.pattern ? o : { ...o, pattern }, ['guard', 'body'], walk));
  }
  if (o.kind === 'member') {
    const obj = o.object as ast.Expr;
    const space = obj.kind === 'ident' && !shadowed(obj.name) ? spaces.get(obj.name) : undefined;
    if (space) {
      const m = space.get(o.name as string);
      use((obj as ast.ExprOf<'ident'>).name, true);
      // (not exported: an error expression, so the checker does not go on to look `st` up as a value)
      if (!m) {
        diags.push(diag(MSG.E0140.notExported({ name: o.name as string, path: exportsPath.get(space) ?? (obj as ast.ExprOf<'ident'>).name }), o.nameSpan as ast.Span));
        return { span: o.span, kind: 'error' };
      }
      return { span: o.span, kind: 'ident', name: m, typeArgs: null };
    }
  }
  let r = o;
  if (o.kind === 'ident' && typeof o.name === 'string' && named.get(o.name)?.startsWith(AMBIGUOUS) && !shadowed(o.name)) {
    const [, was, from] = named.get(o.name)!.split(AMBIGUOUS);
    diags.push(diag(MSG.E0102.imported({ local: o.name, was: `"${was}"`, from }), o.span as ast.Span, { notes: [NOTE.E0102.helpRenameOneThem({ local: o.name, from })] }));
    return { span: o.span, kind: 'error' };
  }
  if (o.kind === 'ident' && typeof o.name === 'string' && named.has(o.name) && !shadowed(o.name)) { use(o.name, false); r = { ...o, name: named.get(o.name)! }; }
  // a type or struct literal naming an imported type (`let m: HashMap<K, V>`, `HashMap { … }`); types are never shadowed by locals
  if ((o.kind === 'named' || o.kind === 'struct-lit') && typeof o.name === 'string' && named.has(o.name) && !named.get(o.name)!.startsWith(AMBIGUOUS)) { use(o.name, false); r = { ...o, name: named.get(o.name)! }; }
  return mapKeys(r, WALKED(r), walk);
}

function letNames(p: ast.LetPattern): string[] {
  if (p.kind === 'name') return [p.name];
  if (p.kind === 'tuple') return p.elems.flatMap(letNames);
  return [];
}
/** Names a match pattern binds (`binding` nodes and an array pattern's `...rest`). */
function patternNames(p: unknown, out: string[] = []): string[] {
  if (!p || typeof p !== 'object') return out;
  if (Array.isArray(p)) { for (const x of p) patternNames(x, out); return out; }
  const o = p as Record<string, unknown>;
  if (o.kind === 'binding' && typeof o.name === 'string') out.push(o.name);
  if (o.kind === 'struct' && Array.isArray(o.fields)) for (const f of o.fields as { name: string; pattern: unknown }[]) if (!f.pattern) out.push(f.name); // `P { x }`
  const rest = o.kind === 'array' ? (o.rest as { name: string | null } | null) : null;
  if (rest?.name) out.push(rest.name);
  for (const k in o) if (k !== 'span' && k !== 'info' && k !== 'local') patternNames(o[k], out);
  return out;
}

/** The standard module a namespace name stands for in this program (`m` of `import * as m from "math"`). */
export function stdNamespace(program: ast.Program, alias: string): string | null {
  for (const it of program.items) {
    if (it.kind !== 'import' || it.module.startsWith('.')) continue;
    const name = stdModuleName(it.module);
    if (!SOURCES[name]) continue;
    if (it.star === alias || (!it.star && !it.names.length && name.split('/').pop() === alias)) return name;
  }
  return null;
}

/** §5.5: real's free builtins `i32_to_string(v)`, `f64_to_string(v)`, `bool_to_string(v)`… are in
 *  scope without an import: a program that calls one and defines no item of that name gets the
 *  `conv` module's function. So do `strlen`/`strcmp` (§7.11) and `map_new`… `set_len` (§5.3). */
const PRELUDE_FREE = /^(?:[a-z0-9]+_to_string|strlen|strcmp|map_(?:new|insert|get|len)|set_(?:new|insert|contains|remove|len))$/;
function bindPreludeConversions(program: ast.Program, named: Map<string, string>, added: Set<string>, stdItems: ast.Item[]): void {
  if (program.noConversions) return; // (the walk below is a tenth of a hover's check)
  const wanted = new Set<string>();
  const own = new Set(program.items.flatMap((i) => (i.kind === 'extern' ? i.fns.map((f) => f.name) : 'name' in i && typeof i.name === 'string' ? [i.name] : [])));
  // an explicit stack: a program may nest deeper than the JS stack (E0902 is reported later)
  const stack: unknown[] = [program.items.filter((i) => !(i as { span: ast.Span }).span.file.startsWith('<std>'))];
  while (stack.length) {
    const n = stack.pop();
    if (!n || typeof n !== 'object') continue;
    if (Array.isArray(n)) { for (const x of n) stack.push(x); continue; }
    const o = n as Record<string, unknown>;
    if (o.kind === 'ident' && typeof o.name === 'string' && PRELUDE_FREE.test(o.name) && !own.has(o.name) && !named.has(o.name)) wanted.add(o.name);
    for (const k in o) if (k !== 'span' && k !== 'info' && k !== 'res') stack.push(o[k]);
  }
  if (!wanted.size) return;
  const mod = load('conv');
  let used = false;
  for (const w of wanted) { const m = mod.exports.get(w); if (m) { named.set(w, m); used = true; } }
  if (used && !added.has('conv')) { added.add('conv'); stdItems.push(...mod.items); }
}

/** The standard modules that have a source (the no-op prelude modules have none). */
export const stdModuleList = (): string[] => Object.keys(SOURCES);
/** A standard module's Vex source (tests read its declarations). */
export const stdModuleSource = (name: string): string | undefined => SOURCES[name];

/** What a standard module exports: export name -> the checker's name for it (`math·sqrt`, or a
 *  prelude item's own name such as `println`). Empty for an unknown module. */
export function stdModuleExports(name: string): ReadonlyMap<string, string> {
  return SOURCES[name] ? load(name).exports : new Map();
}

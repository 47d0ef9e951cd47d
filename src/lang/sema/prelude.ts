// The prelude: builtin generic types and their methods, Option/Result, RuntimeStats,
// ArenaAllocator, the Allocator and Drop contracts, builtin functions and constants (§4.4–4.5,
// §5.3, §6). Signatures are written as small type strings parsed once at load time.
import type { Type, StructInfo, EnumInfo, BuiltinName } from './types';
import { T } from './types';

const param = (name: string, owner: string): Type => ({ k: 'param', name, owner });

/** Pseudo type for builtin parameters that accept any integer type (indices, sizes). */
export const ANY_INT: Type = { k: 'param', name: 'int', owner: '$any' };
export const isAnyInt = (t: Type) => t.k === 'param' && t.owner === '$any';
/** Pseudo type for byte counts and durations: any integer argument, converted to u64 (like C's
 *  implicit conversion to size_t), so `alloc(n)` works with an i32 `n`. */
export const SIZE: Type = { k: 'param', name: 'size', owner: '$size' };
export const isSize = (t: Type) => t.k === 'param' && t.owner === '$size';

export const OPTION: EnumInfo = {
  name: 'Option', generics: ['T'], decl: null,
  variants: [{ name: 'Some', fields: [param('T', 'Option')] }, { name: 'None', fields: [] }],
};
export const RESULT: EnumInfo = {
  name: 'Result', generics: ['T', 'E'], decl: null,
  variants: [{ name: 'Ok', fields: [param('T', 'Result')] }, { name: 'Err', fields: [param('E', 'Result')] }],
};
export const optionOf = (t: Type): Type => ({ k: 'enum', info: OPTION, args: [t] });
export const resultOf = (t: Type, e: Type): Type => ({ k: 'enum', info: RESULT, args: [t, e] });

const u64 = T.u64;
export const RUNTIME_STATS: StructInfo = {
  name: 'RuntimeStats', isUnion: false, generics: [], implsDrop: false, contracts: [], decl: null,
  fields: ['allocs', 'frees', 'live_bytes', 'peak_bytes', 'tasks_spawned', 'gc_collections'].map((name) => ({ name, type: u64, bitWidth: null })),
};
export const ARENA: StructInfo = {
  // dropping it gives its region back (runtime machine.releaseArena)
  name: 'ArenaAllocator', isUnion: false, generics: [], implsDrop: true, contracts: ['Allocator'], decl: null, fields: [],
};

export const BUILTIN_GENERICS: Record<BuiltinName, string[]> = {
  Vec: ['T'], String: [], Map: ['K', 'V'], Set: ['T'], Box: ['T'], Channel: ['T'], Future: ['T'], Gc: ['T'],
  Duration: [], DynamicLib: [],
};
export const isBuiltinName = (n: string): n is BuiltinName => Object.prototype.hasOwnProperty.call(BUILTIN_GENERICS, n);

// ------------------------------------------------------------------ type-string parser

/** Parse a prelude type string. Names in `generics` become params owned by `owner`. */
export function ty(text: string, owner = '', generics: string[] = []): Type {
  const toks = text.match(/[A-Za-z_][A-Za-z0-9_]*|\d+|[<>()[\];,&*!:]/g) ?? [];
  let i = 0;
  const peek = () => toks[i];
  const eat = (t: string) => (toks[i] === t ? (i++, true) : false);
  const list = (close: string): Type[] => {
    const out: Type[] = [];
    while (peek() !== undefined && peek() !== close) { out.push(one()); eat(','); }
    eat(close);
    return out;
  };
  const one = (): Type => {
    const t = toks[i++];
    if (t === '&' && peek() === '[') { i++; const elem = one(); eat(']'); return { k: 'slice', elem, mut: eat('!') }; } // `&[T]`
    if (t === '&') { const inner = one(); return inner.k === 'str' ? inner : { k: 'ref', inner, mut: eat('!') }; }
    if (t === '*') { const inner = one(); return { k: 'ptr', inner, mut: eat('!') }; }
    if (t === '(') { const el = list(')'); return el.length === 0 ? T.unit : el.length === 1 ? el[0] : { k: 'tuple', elems: el }; }
    if (t === '[') { const elem = one(); eat(';'); const n = Number(toks[i++]); eat(']'); return { k: 'array', elem, len: n }; }
    if (t === 'fn') { eat('('); const params = list(')'); const ret = eat(':') ? one() : T.unit; return { k: 'fn', params, ret, externC: false }; }
    if (generics.includes(t)) return param(t, owner);
    const args = eat('<') ? list('>') : [];
    switch (t) {
      case 'i8': case 'i16': case 'i32': case 'i64': case 'i128':
      case 'u8': case 'u16': case 'u32': case 'u64': case 'u128': return { k: 'int', name: t };
      case 'f32': return T.f32;
      case 'f64': return T.f64;
      case 'bool': return T.bool;
      case 'str': return T.str;
      case 'string': return T.string;
      case 'unit': return T.unit;
      case 'never': return T.never;
      case 'int': return ANY_INT;
      case 'size': return SIZE;
      case 'Option': return optionOf(args[0]);
      case 'Result': return resultOf(args[0], args[1]);
      case 'RuntimeStats': return { k: 'struct', info: RUNTIME_STATS, args: [] };
      case 'ArenaAllocator': return { k: 'struct', info: ARENA, args: [] };
    }
    if (isBuiltinName(t)) return { k: 'builtin', name: t, args };
    throw new Error(`prelude: bad type ${text}`);
  };
  return one();
}

// ------------------------------------------------------------------ builtin type members

export interface BuiltinSig {
  params: Type[];
  ret: Type;
  mutating: boolean;
  /** Method-level generics (e.g. DynamicLib.symbol<F>, Vec.new<T>) owned by `Owner.method`. */
  generics: string[];
  minArgs: number; // trailing params may be optional (Channel(cap = 0))
  blocks?: boolean; // may suspend the calling task
}

/** Vec methods arrays and slices have too (§5.2), those that make no new Vec. */
export const SEQ_READ_ONLY: ReadonlySet<string> = new Set(['is_empty', 'first', 'last', 'contains', 'index_of', 'find', 'any', 'all', 'forEach', 'for_each', 'reduce', 'fold', 'join']);

/** Vec methods arrays and slices have too (§5.2) that make a new Vec (map: of a closure's results, filter: of clones of the kept non-Copy elements). */
export const SEQ_TO_VEC: ReadonlySet<string> = new Set(['map', 'filter']);

/** `name(params)!: ret` tables; `!` marks a mutating method; `?` after a param makes it optional. */
const MEMBERS: Record<string, { statics: Record<string, string>; methods: Record<string, string> }> = {
  Vec: {
    statics: { new: '(): Vec<T>' },
    methods: {
      push: '(T)!', get: '(int): T', len: '(): i64', is_empty: '(): bool', capacity: '(): i64', clear: '()!',
      pop: '()!: Option<T>', contains: '(T): bool',
      // chapter 2 §5.2 (eager; closures are called in order)
      set: '(int, T)!', insert: '(int, T)!', remove: '(int)!: T', reserve: '(int)!', first: '(): Option<T>', last: '(): Option<T>',
      find: '(fn(T): bool): Option<T>', index_of: '(T): Option<i64>', any: '(fn(T): bool): bool', all: '(fn(T): bool): bool',
      'map<U>': '(fn(T): U): Vec<U>', filter: '(fn(T): bool): Vec<T>', forEach: '(fn(T))', for_each: '(fn(T))',
      'reduce<U>': '(U, fn(U, T): U): U', 'fold<U>': '(U, fn(U, T): U): U', sort: '()!', sort_by: '(fn(T, T): i32)!',
      reverse: '()!', join: '(str): string', clone: '(): Vec<T>', as_slice: '(): &[T]',
    },
  },
  String: {
    statics: { new: '(str?): String', from: '(str): String', withCapacity: '(int): String', with_capacity: '(int): String' },
    methods: {
      len: '(): i64', push: '(str)!', text: '(): str', contains: '(str): bool', startsWith: '(str): bool',
      endsWith: '(str): bool', upper: '(): String', lower: '(): String', trim: '(): String',
      replace: '(str, str): String', clone: '(): String', is_empty: '(): bool', as_ptr: '(): *u8',
      chars: '(): i64', char_count: '(): i64', empty: '(): bool', starts_with: '(str): bool', ends_with: '(str): bool',
      split: '(str): Vec<string>', find: '(str): Option<i64>', substr: '(int, int): string', bytes: '(): Vec<u8>',
      'parse<P>': '(): Result<P, string>', to_string: '(): string',
      to_upper: '(): String', to_lower: '(): String', push_str: '(str)!', clear: '()!', capacity: '(): i64',
      pushChar: '(u32)!', // chapter 2 §5.1 [real]: appends a code point's UTF-8
    },
  },
  str: {
    statics: {},
    methods: {
      len: '(): i64', as_ptr: '(): *u8', contains: '(str): bool', startsWith: '(str): bool', endsWith: '(str): bool',
      upper: '(): String', lower: '(): String', trim: '(): String', replace: '(str, str): String', is_empty: '(): bool',
      chars: '(): i64', char_count: '(): i64', empty: '(): bool', starts_with: '(str): bool', ends_with: '(str): bool',
      split: '(str): Vec<string>', find: '(str): Option<i64>', substr: '(int, int): string', bytes: '(): Vec<u8>',
      'parse<P>': '(): Result<P, string>', to_string: '(): string',
      to_upper: '(): String', to_lower: '(): String', text: '(): str', clone: '(): str',
    },
  },
  Map: {
    statics: { new: '(): Map<K, V>' },
    methods: {
      insert: '(K, V)!', get: '(K): V', contains_key: '(K): bool', remove: '(K)!', len: '(): i64', is_empty: '(): bool',
      keys: '(): Vec<K>', values: '(): Vec<V>', get_or: '(K, V): V', clear: '()!',
      // the standard module collections' own operations (std-sandbox.ts; not callable elsewhere):
      // each consumes its key, and moves or clones a value out instead of copying it
      vex_put: '(K, V)!: Option<V>', vex_take: '(K)!: Option<V>', vex_cloned: '(K): Option<V>', vex_has: '(K): bool',
    },
  },
  Set: {
    statics: { new: '(): Set<T>' },
    methods: {
      insert: '(T)!', contains: '(T): bool', remove: '(T)!', len: '(): i64', is_empty: '(): bool', values: '(): Vec<T>', clear: '()!',
      vex_add: '(T)!: bool', vex_del: '(T)!: bool', vex_has: '(T): bool', // collections' own (see Map)
    },
  },
  Box: { statics: { new: '(T): Box<T>' }, methods: { get: '(): T', set: '(T)!' } },
  Channel: { statics: { new: '(int?): Channel<T>' }, methods: { send: '(T)~', recv: '()~: T' } },
  Future: { statics: {}, methods: {} },
  Gc: { statics: { new: '(T): Gc<T>' }, methods: { get: '(): T', set: '(T)' } },
  Duration: {
    statics: { from_secs: '(size): Duration', from_millis: '(size): Duration' },
    methods: { as_millis: '(): u64', as_secs: '(): u64' },
  },
  DynamicLib: {
    statics: { open: '(str): Result<DynamicLib, string>' },
    methods: { 'symbol<F>': '(str): Result<F, string>', close: '()' },
  },
  Option: {
    statics: {},
    methods: {
      is_some: '(): bool', is_none: '(): bool', unwrap: '(): T', unwrap_or: '(T): T', expect: '(str): T',
      'map<U>': '(fn(T): U): Option<U>', 'and_then<U>': '(fn(T): Option<U>): Option<U>', or: '(Option<T>): Option<T>',
      or_else: '(fn(): Option<T>): Option<T>', unwrap_or_else: '(fn(): T): T', filter: '(fn(T): bool): Option<T>',
      'ok_or<F>': '(F): Result<T, F>',
    },
  },
  Result: {
    statics: {},
    methods: {
      is_ok: '(): bool', is_err: '(): bool', unwrap: '(): T', unwrap_err: '(): E', unwrap_or: '(T): T', expect: '(str): T',
      'map<U>': '(fn(T): U): Result<U, E>', 'map_err<F>': '(fn(E): F): Result<T, F>', ok: '(): Option<T>', err: '(): Option<E>',
      'and_then<U>': '(fn(T): Result<U, E>): Result<U, E>', unwrap_or_else: '(fn(E): T): T',
    },
  },
  // Numbers (chapter 2 §5.5): N is the receiver's own type.
  int: {
    statics: {},
    methods: { to_string: '(): string', clone: '(): N', abs: '(): N', min: '(N): N', max: '(N): N', clamp: '(N, N): N', pow: '(u32): N' },
  },
  float: {
    statics: {},
    methods: {
      to_string: '(): string', clone: '(): N', abs: '(): N', min: '(N): N', max: '(N): N', clamp: '(N, N): N', pow: '(N): N',
      sqrt: '(): N', floor: '(): N', ceil: '(): N', round: '(): N', trunc: '(): N', is_nan: '(): bool',
    },
  },
  bool: { statics: {}, methods: { to_string: '(): string', clone: '(): bool' } }, // Clone/Display (§3.7)
  ArenaAllocator: {
    statics: { new: '(size): ArenaAllocator' },
    methods: { allocate: '(u64, u64)!: *u8!', deallocate: '(*u8!, u64, u64)!', used: '(): u64', reset: '()!' },
  },
};

// Looked up by user-chosen names: no prototype, so `constructor` or `toString` are not found here.
const OWNER_GENERICS: Record<string, string[]> = Object.assign(Object.create(null), { ...BUILTIN_GENERICS, str: [], Option: ['T'], Result: ['T', 'E'], ArenaAllocator: [], int: ['N'], float: ['N'] });

/** Split a parameter list at its top-level commas (not inside `<…>` or `(…)`). */
function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0, start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '<' || c === '(') depth++;
    else if (c === '>' || c === ')') depth--;
    else if (c === ',' && depth === 0) { out.push(s.slice(start, i)); start = i + 1; }
  }
  out.push(s.slice(start));
  return out;
}

function parseSig(owner: string, rawName: string, text: string): [string, BuiltinSig] {
  const [name, gen] = rawName.includes('<') ? [rawName.slice(0, rawName.indexOf('<')), rawName.slice(rawName.indexOf('<') + 1, -1).split(',')] : [rawName, []];
  const m = /^\((.*)\)([!~]?)(?::\s*(.*))?$/.exec(text)!;
  const ownerGen = OWNER_GENERICS[owner] ?? [];
  const parts = m[1].trim() ? splitTop(m[1]).map((s) => s.trim()) : [];
  const params: Type[] = [];
  let minArgs = 0;
  for (const p of parts) {
    const opt = p.endsWith('?');
    const tt = opt ? p.slice(0, -1) : p;
    params.push(gen.includes(tt) ? param(tt, `${owner}.${name}`) : retType(tt, owner, name, ownerGen, gen));
    if (!opt) minArgs++;
  }
  let ret: Type = T.unit;
  if (m[3]) ret = retType(m[3], owner, name, ownerGen, gen);
  return [name, { params, ret, mutating: m[2] === '!', generics: gen, minArgs, blocks: m[2] === '~' }];
}
function retType(text: string, owner: string, name: string, ownerGen: string[], gen: string[]): Type {
  // Method generics (symbol<F>) are owned by `Owner.method`; owner generics by `Owner`.
  const t = ty(text, owner, [...ownerGen, ...gen]);
  if (!gen.length) return t;
  const fix = (x: Type): Type => {
    if (x.k === 'param' && gen.includes(x.name)) return param(x.name, `${owner}.${name}`);
    if (x.k === 'enum' || x.k === 'builtin' || x.k === 'struct') return { ...x, args: x.args.map(fix) } as Type;
    if (x.k === 'fn') return { ...x, params: x.params.map(fix), ret: fix(x.ret) };
    return x;
  };
  return fix(t);
}

const TABLE = new Map<string, { statics: Map<string, BuiltinSig>; methods: Map<string, BuiltinSig> }>();
for (const [owner, def] of Object.entries(MEMBERS)) {
  TABLE.set(owner, {
    statics: new Map(Object.entries(def.statics).map(([n, s]) => parseSig(owner, n, s))),
    methods: new Map(Object.entries(def.methods).map(([n, s]) => parseSig(owner, n, s))),
  });
}

/** Owner key for a type's builtin members: Vec, String, str, Option, Result, ... */
export function builtinOwner(t: Type): string | null {
  if (t.k === 'builtin') return t.name;
  if (t.k === 'str') return 'str';
  if (t.k === 'enum' && (t.info === OPTION || t.info === RESULT)) return t.info.name;
  if (t.k === 'struct' && t.info === ARENA) return 'ArenaAllocator';
  if (t.k === 'int') return 'int';
  if (t.k === 'float') return 'float';
  if (t.k === 'bool') return 'bool';
  return null;
}
export const builtinMethod = (owner: string, name: string) => TABLE.get(owner)?.methods.get(name) ?? null;
export const builtinStatic = (owner: string, name: string) => TABLE.get(owner)?.statics.get(name) ?? null;
/** The methods a program may call (the standard modules' own `vex_` ones are left out). */
export const builtinMethodNames = (owner: string) => [...(TABLE.get(owner)?.methods.keys() ?? [])].filter((n) => !n.startsWith('vex_'));
export const builtinStaticNames = (owner: string) => [...(TABLE.get(owner)?.statics.keys() ?? [])];
export const ownerGenerics = (owner: string) => OWNER_GENERICS[owner] ?? [];

// ------------------------------------------------------------------ builtin functions

/** Builtin free functions with a plain signature; the special ones are checked in builtins.ts. */
export const BUILTIN_FNS: Record<string, string> = {
  alloc: '(size): *u8!', free: '(*u8)', realloc: '(*u8, size): *u8!',
  sys_alloc: '(size, size): *u8!', sys_free: '(*u8, size, size)',
  reset_allocator: '()', signal_ignore: '(i32)', signal_default: '(i32)', raise: '(i32): i32',
  stack_size: '(): u64', sleep: '(Duration): Future<unit>',
  heap_profile_start: '()', heap_profile_stop: '()', heap_profile_report: '()',
  gc_collect: '(): u64', runtime_stats: '(): RuntimeStats', string_from: '(str): String',
  string_with_capacity: '(int): String',
  panic: '(str): never', unreachable: '(): never',
  vex_clock_ns: '(): u64', // the virtual clock in ns (used by the standard module "time")
  vex_duration_ns: '(i64): Duration', // time.sleep's Duration of a (positive) count of ns
  // the sandbox behind the standard modules io/fmt/env/fs/process (chapter 2 §4.7), one run's state
  vex_eprint: '(str)', vex_exit: '(i32): never', vex_sandbox: '(str, str, str): str',
  // bytes in simulated memory as text (string.from_cstr / from_utf8): up to a NUL, or len of them
  vex_mem_text: '(*u8, u64, bool): str', vex_mem_utf8: '(*u8, u64): bool',
};
/** Builtins checked by hand in builtins.ts (formats, generics, callbacks, value-or-type args). */
export const SPECIAL_FNS = [
  'println', 'print', 'assert', 'assert_eq', 'sizeof', 'alignof', 'catch_panic', 'set_allocator',
  'set_global_allocator', 'signal', 'go_with_stack', 'block_on', 'vec_new',
  // real's bit intrinsics and hints (chapter 2 §7.11): integer in, same type out; bool identity
  'ctlz', 'cttz', 'ctpop', 'bswap', 'bitreverse', 'likely', 'unlikely', 'assume',
] as const;

export const PLAIN_FN_SIGS = new Map(Object.entries(BUILTIN_FNS).map(([n, s]) => parseSig('$fn', n, s)));
const ALL_BUILTIN_FNS = new Set<string>([...PLAIN_FN_SIGS.keys(), ...SPECIAL_FNS]);
export const isBuiltinFn = (n: string) => ALL_BUILTIN_FNS.has(n);

// Looked up by user-chosen names: no prototype (a function named `constructor` is not a constant).
export const BUILTIN_CONSTS: Record<string, number> = Object.assign(Object.create(null), { SIGINT: 2, SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGTERM: 15 });

/** Names always in scope as types. */
export const PRELUDE_TYPE_NAMES = ['Option', 'Result', 'RuntimeStats', 'ArenaAllocator', 'Allocator', 'Drop', ...Object.keys(BUILTIN_GENERICS)];

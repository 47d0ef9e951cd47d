// The contract between generated code and the runtime: every name the code generator may emit on
// the runtime's helper objects. Codegen takes names only through these lists (codegen/rt-names.ts)
// and the runtime checks that it provides each one (core/rt.ts, `satisfies`), so a typo or a
// missing helper fails `tsc`, not a run. tests/tidy.test.ts checks codegen writes no raw `rt.H.`.

/** rt.H: builtins that are not hot (core/host.ts). */
export const HOST_FNS = [
  'addrOf', 'bfree', 'bnew', 'box', 'boxSet', 'bslot', 'call', 'callStatic', 'cat', 'copyOut', 'cstr',
  'detach', 'dlclose', 'dlopen', 'dlsym', 'elemAddr', 'env', 'ffi', 'fieldAddr', 'gc', 'lm', 'lmPure',
  'load', 'memCell', 'method', 'newString', 'refAddr', 'setAllocator', 'spec', 'stats', 'store',
  'storeView', 'strByte', 'strSlice', 'take', 'takeAt', 'tmpStr', 'toMem', 'trim', 'unbox',
  'unionGet', 'unionNew', 'utf8Len', 'view', 'writeBack',
] as const;
/** rt.L: library methods of built-in types (core/lib-methods.ts). */
export const LIB_FNS = [
  'all', 'any', 'bytes', 'ceil', 'chars', 'filter', 'find', 'findIn', 'floor',
  'forEach', 'indexOf', 'insert', 'join', 'keys', 'map', 'natural', 'parse', 'reduce', 'remove',
  'reverse', 'round', 'sort', 'sortBy', 'split', 'sqrt', 'substr', 'trunc', 'values',
] as const;
/** rt.S: the scheduler (core/scheduler.ts). */
export const SCHED_FNS = [
  'async', 'await', 'clock', 'drive', 'go', 'recv', 'send', 'sleep',
] as const;
/** rt.X: checked helpers (core/helpers.ts). */
export const HELPER_FNS = [
  '$aget', '$agetn', '$aset', '$asetn', '$assignInto', '$bdiv', '$bits', '$brem', '$callv', '$ck',
  '$contains', '$copy', '$div', '$eq', '$f2i', '$ipow', '$mapOf', '$mdel', '$mget', '$mput',
  '$mset', '$mtake', '$range', '$rem', '$repeat', '$sadd', '$sdel', '$sget', '$slice', '$sliceAll',
  '$sput', '$sset', '$stake', '$subslice', '$unwrapO', '$anyAs',
] as const;
/** rt.g: JS builtins bound once per run (core/helpers.ts jsBuiltins). */
export const JS_BUILTINS = [
  '$BigInt', '$Number', '$asI', '$asU', '$f16round', '$floor', '$fround', '$g', '$imul',
  '$wadd', '$wsub', '$wmul', '$wneg', '$wnot', '$wand', '$wor', '$wxor', '$wshl', '$wshr', '$wnum', '$wcnt', '$winc',
] as const;

export type HostFn = (typeof HOST_FNS)[number];
export type LibFn = (typeof LIB_FNS)[number];
export type SchedFn = (typeof SCHED_FNS)[number];
export type HelperFn = (typeof HELPER_FNS)[number];
export type JsBuiltin = (typeof JS_BUILTINS)[number];

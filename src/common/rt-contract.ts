// The contract between generated code and the runtime: every name the code generator may emit on
// the `rt` object (core/rt.ts Runtime) and on its helper namespaces. Codegen takes names only
// through these lists (codegen/rt-names.ts: `${RT.depth}`, `rtH('cat')`) and the runtime checks
// that it provides each one (core/rt.ts RT_CONTRACT), so a typo or a renamed runtime field fails
// `tsc`, not a run. tests/tidy.test.ts checks codegen's strings hold no raw `rt.` text.
// Emitted code uses these readable names as they are: a property's name length costs V8 nothing
// once the code is parsed. Measured when the members `sp`/`cs`/… became `depth`/`frameSites`/…:
// generated JS +5% characters, run time unchanged within noise (fib, deeprec, bintree, sieve,
// nbody, interleaved A/B in one process), so short names would not pay.

/** The Runtime's own members generated code reads, writes or calls. */
export const RT_MEMBERS = [
  // helper namespaces: the lists below
  'host', 'lib', 'sched', 'helpers', 'jsBuiltins',
  // the call-site stack: `frameSites[i]` is the site frame i is at; `depth` the next free frame
  // index (a function entry takes one); from `callGate` (the depth limit, 0 when call events are
  // traced) an entry calls `enter()`: the overflow check, its step and its call event
  'frameSites', 'depth', 'callGate', 'enter', 'stackBytes', 'frameArray',
  // recursion deeper than the host stack: from depth `deepFrom` (`deepFromLight` for functions with
  // small frames), `deep(twin())` runs heap frames; a recursive entry compares with `gate`
  // (`gateLight`), the lower of the call gate and that depth, and from there calls `enterDeep()`
  'deepFrom', 'deepFromLight', 'deep', 'gate', 'gateLight', 'enterDeep',
  // fuel and call/return events; `tickAt`: the tick of an entry that restarts its call (entry.ts)
  'fuel', 'tick', 'tickAt', 'charge', 'traceCalls', 'callEvent',
  // panics and unwinding: what the generated catch/finally blocks report
  'panic', 'outOfBounds', 'catchPanic', 'seen', 'leave', 'endFrame', 'runDefers', 'addDefer', 'logDrop',
  'recordLocals', 'wantsLocals', 'movedLocal',
  // drops of recursive types nested past a limit wait in `dropQueue` (`dropDepth`: the nesting)
  'dropDepth', 'dropQueue', 'drainDrops',
  // clones of recursive types nested past `cloneFrom` run as heap frames (`cloneDepth`: the nesting)
  'cloneDepth', 'cloneFrom', 'cloneDeep',
  // a panic of one drop in a sequence (a struct's fields, a Vec's elements) is held while the
  // rest still run: each value is dropped once (context.ts dropSteps, helpers' dropEach)
  'dropFault',
  // values: memory-backed values, GC roots, reference cells, thread-locals, REPL variables
  'memValues', 'gc', 'cell', 'threadLocals', 'replSlots', 'replLive', 'replEcho',
  // output, formatting, the libm fast path's counters
  'out', 'show', 'debug', 'ffiFastCounts',
  // value classes generated code constructs or compares with
  'VVec', 'VMap', 'VSet', 'VSlice', 'VBoxView', 'MOVED_OUT',
] as const;
/** Methods generated code calls on Runtime members: `rt.memValues.mark()` (codegen rtIn). */
export const RT_MEMBER_CALLS = {
  memValues: ['mark', 'release'],
  gc: ['enter', 'leave', 'caps'],
} as const;

/** rt.host: builtins that are not hot (core/host.ts). */
export const HOST_FNS = [
  'addrOf', 'bfree', 'bnew', 'box', 'boxSet', 'bslot', 'call', 'callStatic', 'cat', 'copyOut', 'cstr',
  'detach', 'dlclose', 'dlopen', 'dropArena', 'dur', 'durAs', 'dlsym', 'elemAddr', 'env', 'ffi', 'fieldAddr', 'gc', 'lm', 'lmPure',
  'load', 'memCell', 'method', 'newString', 'pushCat2', 'refAddr', 'setAllocator', 'spec', 'stats', 'store',
  'storeView', 'strByte', 'strSlice', 'take', 'tmpCat2', 'tmpStr', 'toMem', 'trim', 'unbox',
  'unionGet', 'unionNew', 'utf8Len', 'view', 'writeBack',
] as const;
/** rt.lib: library methods of built-in types (core/lib-methods.ts). */
export const LIB_FNS = [
  'all', 'any', 'bytes', 'ceil', 'chars', 'cloned', 'filter', 'find', 'findIn', 'floor',
  'forEach', 'indexOf', 'insert', 'join', 'keys', 'map', 'natural', 'parse', 'reduce', 'remove',
  'replaceParts', 'reverse', 'round', 'sort', 'sortBy', 'split', 'sqrt', 'strCmp', 'substr', 'trunc', 'values',
] as const;
/** rt.sched: the scheduler (core/scheduler.ts). */
export const SCHED_FNS = [
  'async', 'asyncFn', 'await', 'channel', 'clock', 'deep', 'drive', 'go', 'recv', 'send', 'sleep', 'spawn',
  'startFrame',
] as const;
/** rt.helpers: checked helpers (core/helpers.ts). */
export const HELPER_FNS = [
  '$aget', '$agetn', '$aset', '$asetn', '$assignInto', '$bdiv', '$bits', '$brem', '$callv', '$ck', '$ckm',
  '$contains', '$copy', '$div', '$eq', '$f2i', '$ipow', '$mapOf', '$mdel', '$mget', '$mput',
  '$mset', '$mtake', '$range', '$rem', '$repeat', '$sadd', '$sdel', '$sget', '$slice', '$sliceAll',
  '$sput', '$sset', '$stake', '$subslice', '$unwrapO', '$anyAs',
  '$mswap', '$mpull', '$mclone', '$mhas', '$sswap', '$spull', '$mclear', '$dropAll', '$i2f', '$eqWith',
] as const;
/** rt.jsBuiltins: JS builtins bound once per run (core/helpers.ts jsBuiltins). */
export const JS_BUILTINS = [
  '$BigInt', '$Number', '$asI', '$asU', '$f16round', '$floor', '$fround', '$g', '$imul',
  '$wadd', '$wsub', '$wmul', '$wneg', '$wnot', '$wand', '$wor', '$wxor', '$wshl', '$wshr', '$wnum', '$wcnt', '$winc',
] as const;

export type HostFn = (typeof HOST_FNS)[number];
export type LibFn = (typeof LIB_FNS)[number];
export type SchedFn = (typeof SCHED_FNS)[number];
export type HelperFn = (typeof HELPER_FNS)[number];
export type JsBuiltin = (typeof JS_BUILTINS)[number];
export type RtMember = (typeof RT_MEMBERS)[number];
export type RtMemberCalls = typeof RT_MEMBER_CALLS;

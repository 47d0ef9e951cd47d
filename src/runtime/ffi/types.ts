// Shared FFI types: C signatures as data, the context a shim runs in, and the shim function type.

import type { SystemAllocator } from '../alloc/system';
import type { CArg } from '../format/printf';
import type { Memory } from '../memory/memory';

/** C scalar kinds on x86-64 System V (usize/size_t is u64; every pointer is 'ptr'). */
export type CType = 'void' | 'i8' | 'u8' | 'i16' | 'u16' | 'i32' | 'u32' | 'i64' | 'u64' | 'f32' | 'f64' | 'ptr' | 'fnptr';

export interface ShimSig {
  name: string;
  lib: 'libc' | 'libm' | string;
  params: readonly CType[];
  ret: CType;
  variadic: boolean;
}

/** What a shim may touch. The engine builds one per call (or reuses one, updating site/task). */
export interface ShimContext {
  mem: Memory;
  sys: SystemAllocator;
  /** The Vex call site (for fault reports and allocation records). */
  site: number;
  task: number;
  /** Appends text to stdout (shared with println). */
  write(text: string): void;
  /** Calls a Vex `extern "C" fn` passed as a function pointer (qsort's comparator). */
  callback(fnRef: unknown, args: (number | bigint)[]): number | bigint;
  /** Records a crossing for the FFI panel: name, arguments and result as display strings. */
  onCall?: (name: string, args: string[], ret: string) => void;
}

/**
 * A shim: fixed arguments (integers as number or bigint, pointers as numbers, fn pointers as the
 * engine's opaque reference) and the promoted variadic arguments. Returns per its ShimSig.ret:
 * i64/u64 as bigint (or a number; the engine makes either canonical, runtime/core/wide.ts), other
 * scalars and pointers as number, void as undefined.
 */
export type Shim = (ctx: ShimContext, args: readonly unknown[], varargs: readonly CArg[]) => number | bigint | undefined;

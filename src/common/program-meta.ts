// Type descriptors: plain data codegen puts in `meta.types` so the runtime can format (§5.2), drop
// and size values without knowing the checker's types. Descriptors refer to each other by index.
import type { IntName } from './ints';

/** Where a value of this type lives in simulated memory (memory-backed values: address-taken locals, unions). */
export interface MemInfo {
  size: number;
  align: number;
  kind?: string; // scalar load/store kind: i8..u128, f32, f64, bool, ptr
  fields?: { name: string; offset: number; td: number; bitOffset?: number; bitWidth?: number; unitSize?: number; signed?: boolean }[];
  elem?: number; // arrays: element descriptor
  elemSize?: number;
  len?: number;
}

export type TD = (
  | { k: 'int'; name: IntName }
  | { k: 'float'; bits: 16 | 32 | 64 }
  | { k: 'bool' }
  | { k: 'str'; spelled: 'str' | 'string' }
  | { k: 'unit' }
  | { k: 'never' }
  | { k: 'struct'; name: string; fields: { name: string; td: number }[]; drop: boolean; isUnion: boolean; size: number }
  | { k: 'enum'; name: string; variants: { name: string; fields: number[] }[]; prelude: boolean; drop: boolean }
  | { k: 'tuple'; elems: number[] }
  | { k: 'array'; elem: number; len: number }
  | { k: 'slice'; elem: number }
  | { k: 'vec'; elem: number }
  | { k: 'string' }
  | { k: 'map'; key: number; val: number }
  | { k: 'set'; elem: number }
  | { k: 'box'; elem: number }
  | { k: 'gc'; elem: number }
  | { k: 'ref'; inner: number; cell: boolean }
  | { k: 'ptr' }
  | { k: 'fn' }
  | { k: 'any' } // a value `{ t, v, d }`: its content's descriptor, the content, its drop or null
  | { k: 'other'; name: string }) & { m?: MemInfo };

/** A call site: which Vex function it is in and where (for backtraces and allocation sites). */
export interface Site {
  fn: string;
  file: string;
  line: number;
  col: number;
}

/** What codegen hands the runtime besides the JS text (CompiledProgram.meta). */
export interface ProgramMeta {
  sites: Site[];
  types: TD[];
  /** Display name of each type (typeof / drop log), parallel to `types`. */
  typeNames: string[];
  /** For the FFI panel: the Vex types at each extern call site, and Vex names of emitted functions
   *  (a function pointer C calls back is known by its JS name). */
  ffi?: { sites: Record<number, { args: string[]; ret: string }>; fns: Record<string, string> };
}

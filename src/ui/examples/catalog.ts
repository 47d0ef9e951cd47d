// The examples menu: id (= file stem of `ID.vx` and its expected stdout `ID.out`), title, and
// the expected end of the run. Plain data so the e2e test can read it in Node.
export interface ExampleMeta {
  id: string;
  title: string;
  exit: number;
  /** Lines that must appear on stderr, in order (runtime messages). */
  stderr?: string[];
}

export const EXAMPLES: readonly ExampleMeta[] = [
  { id: 'hello', title: 'Hello and formatting', exit: 0 },
  { id: 'structs_enums', title: 'Structs, enums and match', exit: 0 },
  { id: 'generics_contracts', title: 'Generics and contracts', exit: 0 },
  { id: 'closures', title: 'Closures', exit: 0 },
  { id: 'collections', title: 'Vec, Map and String', exit: 0 },
  { id: 'option_result', title: 'Option and Result', exit: 0 },
  { id: 'defer_drop', title: 'defer and Drop', exit: 0 },
  { id: 'panics', title: 'Panics and catch_panic', exit: 134, stderr: ['panic: 5 is too big'] },
  { id: 'stack_overflow', title: 'Stack overflow', exit: 134, stderr: ['fatal: stack overflow (stack 16384 bytes)'] },
  { id: 'raw_pointers', title: 'Raw pointers and unsafe', exit: 0 },
  { id: 'c_layout', title: 'C layout and sizeof', exit: 0 },
  { id: 'ffi', title: 'FFI: strlen, libm, printf, qsort', exit: 0 },
  { id: 'tasks', title: 'Tasks with go and channels', exit: 0 },
  { id: 'allocators', title: 'Allocators and the heap profiler', exit: 0 },
  { id: 'async', title: 'async/await and the virtual clock', exit: 0 },
  { id: 'borrows_operators', title: 'Borrows, operators and contracts', exit: 0 },
];

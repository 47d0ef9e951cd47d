// What a generator produces: a program (or REPL cells), the limits to run it with, and what an
// oracle says it must print, when one exists.
export interface FuzzCase {
  category: string;
  /** The program (main.vx); for `cells`, the cells joined by blank lines (for saving). */
  text: string;
  /** REPL cells run in order on one live session (instead of `text` as a program). */
  cells?: string[];
  options?: { fuel?: number; heapLimit?: number; stackSize?: number };
  expect?: Expectation;
}

export interface Expectation {
  /** Exact stdout. */
  stdout?: string;
  exit?: number;
  /** The outcome kinds that are acceptable (e.g. ['limit'] for an endless loop). */
  outcomes?: string[];
  /** Every `drop N` line in stdout names a distinct id, and every id in `dropIds` is dropped. */
  dropIds?: number[];
  /** The program is valid: a compile error is a finding (default true for generated programs). */
  compiles?: boolean;
}

export type Generator = (r: import('./rng').Rng) => FuzzCase;

// Typed messages between the UI and the compile/run worker. Plain data only.
import type { Diagnostic } from '../lang/diagnostics';
import type { CLayout } from '../lang/sema/layout-report';
import type { DefinitionLocation } from '../lang/sema/definition';
export type { DefinitionLocation };
import type { Outcome, OutputChunk, PanicInfo, TraceEvent, RunOptions } from '../runtime/api';
import type { CellResult } from '../pipeline/repl';
import type { IntelAnswer, IntelQuery } from './intel';
import type { PackedHeap } from './heap-pack';
export type { CellResult };

export interface SourceFile {
  name: string; // main.vx
  text: string;
}

export type { CLayout, CLayoutField } from '../lang/sema/layout-report';

export type RunSettings = Pick<RunOptions, 'stackSize' | 'heapLimit' | 'panic' | 'fuel'>;

export type ToWorker =
  | { type: 'check'; id: number; files: SourceFile[] } // diagnostics only (live markers)
  /** `signalBuffer` (cross-origin-isolated pages only): Int32Array slot 0 holds a pending signal
   *  number the UI stores with Atomics; the worker polls and clears it at statement boundaries. */
  /** `fault` is a test hook (the page's `?testFault=after-run`, never set by a Vex program): the
   *  toolchain fails once the program has run, so the internal-error path can be seen end to end. */
  | { type: 'run'; id: number; files: SourceFile[]; entry: string; settings: RunSettings; signalBuffer?: SharedArrayBuffer; fault?: 'after-run' }
  | { type: 'hover'; id: number; files: SourceFile[]; file: string; offset: number }
  | { type: 'complete'; id: number; files: SourceFile[]; file: string; offset: number }
  /** Find references, document symbols, signature help (worker/intel.ts; answered by `intel`). */
  | { type: 'intel'; id: number; files: SourceFile[]; query: IntelQuery }
  /** Go to definition across tabs (answered by `definition`; sema/definition.ts). */
  | { type: 'definition'; id: number; files: SourceFile[]; file: string; offset: number }
  /** Format Document: `text` formatted by `vex fmt` rules (answered by `formatted`). */
  | { type: 'format'; id: number; file: string; text: string }
  /** The Generated JS view: the JavaScript the compiler emits for `entry` (answered by `js`). */
  | { type: 'generated-js'; id: number; files: SourceFile[]; entry: string }
  /** The Console: one cell of the worker's long-lived REPL session (its trace flows as `events`
   *  with the same id), or a fresh session. `settings` apply when the session starts. */
  | { type: 'repl'; id: number; cell: string; settings: RunSettings }
  | { type: 'repl-reset'; id: number; settings: RunSettings };

import type { CompletionItem } from '../lang/sema/query';
export type { CompletionItem };

export type FromWorker =
  | { type: 'ready' }
  /** `layouts`: the C layouts of the #[repr(C)] structs, unions and bitfield structs (C layout view). */
  | { type: 'diagnostics'; id: number; diagnostics: Diagnostic[]; exports: string[]; layouts?: CLayout[] }
  /** `exports`: the `library: …` lines of a #[no_main] file (empty otherwise). */
  | { type: 'compiled'; id: number; ok: boolean; diagnostics: Diagnostic[]; compileMs: number; exports?: string[] }
  /** Batched run events (~every 30 ms); `dropped` counts output/trace items elided by the caps.
   *  The heap events come packed in `heap`: withHeapEvents(trace, heap) (heap-pack.ts) is the
   *  batch's whole trace. */
  | { type: 'events'; id: number; output: OutputChunk[]; trace: TraceEvent[]; heap?: PackedHeap; dropped: number }
  | { type: 'done'; id: number; outcome: Outcome; exitCode: number; steps: number; runMs: number; panic: PanicInfo | null }
  | { type: 'hover'; id: number; text: string | null }
  | { type: 'completions'; id: number; items: CompletionItem[] }
  | { type: 'intel'; id: number; answer: IntelAnswer | null }
  | { type: 'definition'; id: number; loc: DefinitionLocation | null }
  /** `text`: null when the file has syntax errors (it is never formatted then). */
  | { type: 'formatted'; id: number; text: string | null }
  /** `js`: null when the program does not compile; `errors` counts its error diagnostics. */
  | { type: 'js'; id: number; js: string | null; errors: number }
  | { type: 'internal-error'; id: number; message: string; stack: string }
  /** A Console cell is done (after its `events`); `fresh`: a new session (machine) began with it. */
  | { type: 'repl-result'; id: number; result: CellResult; fresh: boolean };

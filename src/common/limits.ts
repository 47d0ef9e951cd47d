// Every output and trace limit of a run, in one table with its unit in its name, so the layers
// that enforce them (runtime, worker, UI) cannot drift apart. tests/tidy.test.ts checks their order.

/** The runtime ends a run that printed more than this many bytes (`fatal: output limit…`). */
export const RUN_OUTPUT_BYTES = 16 << 20;
/** The worker ends a run that printed more than this many lines (outcome limit 'output'). */
export const RUN_OUTPUT_LINES = 1_000_000;
/** Output lines the worker sends per batch, and the Output panel keeps (the latest ones). */
export const SHOWN_OUTPUT_LINES = 100_000;
/** Trace events a run keeps in RunResult.trace (exit, panics and counts are always kept). */
export const TRACE_EVENTS = 500_000;
/** Of those, heap events (alloc/free/realloc) kept. */
export const HEAP_TRACE_EVENTS = 100_000;
/** Trace events the worker sends per batch. */
export const TRACE_EVENTS_PER_BATCH = 100_000;
/** Trace events the browser keeps for the panels (a run streams at most TRACE_EVENTS plus the always-kept ones). */
export const UI_TRACE_EVENTS = 1_000_000;

// What the benchmark loads: the toolchain as the worker ships it (bundled into one ES module by
// bench/run.ts, as Vite bundles it for the browser) rather than module-by-module through tsx.
export { compile } from '../src/lang/compile';
export { run } from '../src/runtime/run';
export { DEFAULT_RUN_OPTIONS } from '../src/runtime/api';
export { lex } from '../src/lang/syntax/lexer';
export { parse } from '../src/lang/syntax/parser';
export { checkSource } from '../src/lang/sema/check';
// The worker's own message handler (compile + run with its event listener and batching).
export { handleMessage } from '../src/worker/handlers';
// What the UI does with each batch: the packed heap events back into TraceEvents.
export { withHeapEvents, packedBuffers } from '../src/worker/heap-pack';
// What crosses postMessage (worker.ts posts toWire's message; the UI's worker client reads it back).
export { toWire, fromWire } from '../src/worker/wire';

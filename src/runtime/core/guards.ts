// What a panic meets on its way out of a task: catch_panic, a C frame that cannot be unwound,
// an async fn's Future. A task's guard list is never changed in place (push and pop make a new
// one), so every task without guards shares NO_GUARDS and every async task ASYNC_GUARDS.
export type Guard = 'catch' | 'nounwind' | 'async';
export const NO_GUARDS: readonly Guard[] = Object.freeze([]);
export const ASYNC_GUARDS: readonly Guard[] = Object.freeze(['async'] as Guard[]);

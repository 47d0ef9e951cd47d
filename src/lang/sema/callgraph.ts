// mayBlock (§ architecture "Suspendable code"): a function, closure, go body or async block may
// suspend if it awaits, does a channel operation, sleeps or calls block_on, or calls a function
// that may suspend. Calls through fn values count as suspending when any function used as a value
// (or any closure) may suspend; contract-method calls when any method of that name may.
import type { Ctx, FnState } from './context';

export function computeMayBlock(cx: Ctx): void {
  const states: FnState[] = [...cx.fnStates, ...cx.closureStates.values()];
  const blocking = new Set<FnState>(states.filter((s) => s.blocks));
  const fnBlocks = (s: FnState) => blocking.has(s);
  let changed = true;
  while (changed) {
    changed = false;
    const blockingFns = new Set(cx.fnStates.filter(fnBlocks).map((s) => s.info));
    const valueBlocks = [...cx.fnValues].some((f) => blockingFns.has(f)) || [...cx.closureValues].some((c) => fnBlocks(cx.closureStates.get(c)!));
    const blockingMethods = new Set([...blockingFns].filter((f) => f.receiver).map((f) => f.decl?.name ?? ''));
    for (const s of states) {
      if (blocking.has(s)) continue;
      const viaCall = [...s.calls].some((f) => !f.isAsync && blockingFns.has(f));
      const viaValue = s.callsValues && valueBlocks;
      const viaContract = [...s.contractCalls].some((m) => blockingMethods.has(m));
      if (viaCall || viaValue || viaContract) {
        blocking.add(s);
        changed = true;
      }
    }
  }
  for (const s of cx.fnStates) s.info.mayBlock = blocking.has(s) || s.info.isAsync;
  for (const [info, s] of cx.closureStates) info.mayBlock = blocking.has(s) || s.isAsync;
  // A named function containing a blocking closure body inline (go bodies run as tasks, so they
  // do not make the spawner block) is unaffected.
}

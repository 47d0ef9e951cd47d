// A function entry's first line (DESIGN.md "Calls, frames, backtraces"): take a frame index, then
// either spend the entry's step (below the gate) or go through the runtime's slow entry.
// Measured on fib and deeprec (cachegrind, instructions per call): what costs is not the compares
// but a runtime call on a path that joins the body again — past such a join V8 reloads `rt`,
// checks its map and spills what is live. So the slow paths leave instead of joining:
//  - a spent fuel chunk (`tickAt`: the tick with the frame as it was, then the entry undone)
//    returns the function's own call again, which redoes the entry with the new chunk;
//  - a recursive function's depth check for heap frames (deep.ts) shares the compare with the
//    call gate (`gate`/`gateLight` = the lower of the two), and the twin returns from inside.
// fib -12% instructions per run, deeprec -6%: var bindings (module.ts) and these two together.
import { RT } from './rt-names';
import { FUEL } from './fuel-loops';

/** The heap-frame gate of a recursive instance with a generator twin (deep.ts): from the lower
 *  of the call gate and the heap-frame threshold (`gateLight` for a light frame), `enterDeep`
 *  decides; past the threshold the call runs as heap frames (`rt.deep(twin(...))`) before
 *  anything of the entry happened. */
export interface DeepGate { twinCall: string; light: boolean }

/** `restart`: the function's own call with its parameters (a plain, non-generator function
 *  instance), or null (closures, generators, deep twins: the tick joins the body). */
export function entryLine(site: number, restart: string | null, deep: DeepGate | null = null): string {
  const fuel = restart ? `if (--${RT.fuel} < 0) return (${RT.tickAt}($f), ${restart});` : FUEL;
  const gate = deep
    ? `if ($f >= ${deep.light ? RT.gateLight : RT.gate}) { if (${RT.enterDeep}($f, ${site}, ${deep.light})) return ${RT.deep}(${deep.twinCall}); }`
    : `if ($f >= ${RT.callGate}) ${RT.enter}($f, ${site});`;
  return `const $f = ${RT.depth}++, $FS = ${RT.frameSites}; ${gate} else ${fuel}`;
}

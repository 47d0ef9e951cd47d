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

/** `restart`: the function's own call with its parameters (a plain, non-generator function
 *  instance), or null (closures, generators, deep twins: the tick joins the body). */
export function entryLine(site: number, restart: string | null): string {
  const fuel = restart ? `if (--${RT.fuel} < 0) return (${RT.tickAt}($f), ${restart});` : FUEL;
  return `const $f = ${RT.depth}++, $FS = ${RT.frameSites}; if ($f >= ${RT.callGate}) ${RT.enter}($f, ${site}); else ${fuel}`;
}

/** The same entry of a recursive function with a generator twin (deep.ts): from the lower of the
 *  call gate and the heap-frame threshold, `enterDeep` decides; past the threshold the call runs
 *  as heap frames (`rt.deep(twin(...))`) before anything of the entry happened. */
export function deepEntryLine(text: string, twinCall: string, light: boolean): string {
  const gate = new RegExp(`if \\(\\$f >= ${RT.callGate.replace('.', '\\.')}\\) ${RT.enter.replace('.', '\\.')}\\(\\$f, (\\d+)\\); else `);
  const m = gate.exec(text);
  if (!m) throw new Error('deepEntryLine: no entry gate');
  const deep = `if ($f >= ${light ? RT.gateLight : RT.gate}) { if (${RT.enterDeep}($f, ${m[1]}, ${light})) return ${RT.deep}(${twinCall}); } else `;
  return text.slice(0, m.index) + deep + text.slice(m.index + m[0].length);
}

/** The text without the fuel restart (what deep.ts frameIsLight measured before it existed). */
export function withoutRestart(text: string): string {
  const i = text.indexOf(`return (${RT.tickAt}($f), `);
  if (i < 0) return text;
  const end = text.indexOf(');', i);
  return text.slice(0, i) + `${RT.tick}();` + text.slice(end + 2);
}

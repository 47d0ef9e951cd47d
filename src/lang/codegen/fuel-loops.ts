// Fuel paid in advance by counted loops. Every loop iteration charges one step
// (`if (--rt.fuel < 0) rt.tick();`): a read and a write of the runtime's field and a call on the
// back edge (without them vecprim ran 11% fewer instructions, cachegrind; keeping the counter in a
// local but still calling tick() from the loop saved nothing, nor did a local countdown breaking
// out to an outer loop that ticks). An innermost `for i in lo..hi` whose code can spend fuel in no
// other way — no call into Vex code or into a runtime function that charges or runs Vex code, no
// `yield`, no closure, no nested loop — instead pays for as many iterations as are left and the
// chunk holds, runs them without a check, and gives back what it did not use when it is left
// early (break, return, a panic). No tick can happen inside a batch (the counter never goes
// below 0 there), so the ticks (signal polls, the exact fuel stop) come at the same steps and
// every step count is the same as when each iteration paid for itself.
import { RT } from './rt-names';

let batching = true;
/** Turns batching off (tests compare step counts with and without it); returns the old setting. */
export function setFuelBatching(on: boolean): boolean {
  const was = batching;
  batching = on;
  return was;
}

/** The per-iteration charge of a loop. */
export const FUEL = `if (--${RT.fuel} < 0) ${RT.tick}();`;

const STRINGS = /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g;
// Calls loop code may make: they never charge fuel nor run Vex code (bounds panics, the recorded
// locals of a panic, the JS builtins and 64-bit arithmetic bound once per program, pure libm, a
// Vec's push, a struct or enum value's constructor). Not the helpers each run binds anew ($div,
// $rem, $brem, $aget...: rt.helpers): pure too, but a batched loop calling them ran i64arith at
// 95-100 ms instead of 65 once other programs had run in the process (its main deoptimized
// every run: `wrong call target`).
const PURE_CALLS = new Set<string>([
  RT.outOfBounds, RT.wantsLocals, RT.recordLocals,
  '$imul', '$fround', '$f16round', '$asI', '$asU', '$floor', '$Number', '$BigInt',
  '$wadd', '$wsub', '$wmul', '$wneg', '$wnot', '$wand', '$wor', '$wxor', '$wshl', '$wshr', '$wnum', '$wcnt', '$winc',
]);
const NOT_CALLS = new Set(['if', 'catch', 'return', 'typeof', 'void', 'in', 'of', 'instanceof', 'case', 'throw', 'else', 'delete']);
const CALL = /(\bnew\s+)?([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*)\s*\(/g;

/** Whether loop code spends no fuel and holds no loop of its own (nor anything a `break` could
 *  mean other than the loop: a JS loop or switch). */
export function fuelFree(js: string): boolean {
  const t = js.replace(STRINGS, '""');
  if (/\b(?:yield|await|function|class|for|while|do|switch)\b|=>|`|[)\]]\s*\(|\?\.\(/.test(t) || t.includes(RT.fuel) || t.includes(RT.tick)) return false;
  for (const m of t.matchAll(CALL)) {
    const name = m[2].replace(/\s+/g, '');
    if (m[1]) { if (!/^[SE]_[\w$]+$/.test(name)) return false; continue; }
    if (NOT_CALLS.has(name) || PURE_CALLS.has(name) || name.startsWith('$lm_') || name.startsWith('Math.')) continue;
    if (/^(?:v_[\w$]+|\$t\d+)\.push$/.test(name)) continue; // VVec.push: no Vex code
    return false;
  }
  return true;
}

/**
 * `for (let v = lo; cond; v = v + 1) { charge; body }` as batches of prepaid iterations, or null
 * when the body may spend fuel (then each iteration pays). `cond` is `v < hi` or `v <= hi` (hi a
 * name or a literal, read again each iteration as before: the body may change it); `k` makes the
 * loop's own names unique in its function. `body` has no loop of its own, so each `break;` in it
 * is this loop's and leaves the batches too.
 */
export function batchedRange(v: string, lo: string, hi: string, inclusive: boolean, body: string, k: number): string | null {
  const cond = `${v} ${inclusive ? '<=' : '<'} ${hi}`;
  if (!batching || !fuelFree(body) || !fuelFree(hi)) return null; // (lo is evaluated once, before any payment)
  const label = `$b${k}`, e = `$e${k}`, n = `$n${k}`;
  // outside string literals (a `"break;"` in the program's text stays)
  const b = body.replace(new RegExp(`${STRINGS.source}|\\bbreak;`, 'g'), (m) => (m === 'break;' ? `break ${label};` : m));
  const F = RT.fuel;
  // per batch: pay for what is left, as much as the chunk holds (none left: the step that ticks,
  // as the plain loop takes it); after a batch nothing is unused unless the condition ended it
  // early; a loop left during iteration v gives back the iterations after v.
  return `{\nlet ${v} = ${lo}, ${e} = ${v}, ${n};\ntry {\n${label}: for (;;) {\nif (!(${cond})) break;\n` +
    `${n} = ${hi} - ${v}${inclusive ? ' + 1' : ''};\n` +
    `if (${F} > 0) { if (${n} > ${F}) ${n} = ${F}; ${F} -= ${n}; } else { ${FUEL} ${n} = 1; }\n` +
    `${e} = ${v} + ${n};\nfor (; ${v} < ${e} && ${cond}; ${v} = ${v} + 1) {\n${b}\n}\n` +
    `${F} += ${e} - ${v}; ${e} = ${v};\n}\n} finally { if (${e} > ${v}) ${F} += ${e} - ${v} - 1; }\n}`;
}

/** Whether a loop condition may be read again at the same state with nothing to see, and cannot
 *  throw (a panic in the condition, before the iteration's step, would be given back one step
 *  short): no assignment, increment, call (a bounds check's panic included), `new`,
 *  `yield`/`await`, closure or template. Comparisons of locals, fields and literals are. */
export function pureCond(js: string): boolean {
  const t = js.replace(STRINGS, '""');
  return !/(?:^|[^=!<>])=(?!=)|\+\+|--|\b(?:new|delete|yield|await|function|class)\b|`|[\w$\])]\s*\(/.test(t) && !t.includes(RT.fuel);
}

/**
 * `while (cond) { charge; body }` (`cond` 'true' for `loop`) as batches of prepaid iterations, or
 * null when the body may spend fuel or `cond` is not pure (it is read once more per batch). The
 * count is not known: a batch pays for all the chunk holds, counts the paid iterations down in
 * `$m`, and gives back what it did not use when the loop ends (the condition fails, break,
 * return, a panic in the body). As in batchedRange, no tick can happen inside a batch: each comes
 * at the step it comes at when each iteration pays (after the condition read true). `body` has
 * no loop of its own.
 */
export function batchedWhile(cond: string, body: string, k: number): string | null {
  if (!batching || !fuelFree(body) || !pureCond(cond)) return null;
  const label = `$b${k}`, m = `$m${k}`;
  const b = body.replace(new RegExp(`${STRINGS.source}|\\bbreak;`, 'g'), (x) => (x === 'break;' ? `break ${label};` : x));
  const F = RT.fuel;
  return `{\nlet ${m} = 0;\ntry {\n${label}: for (;;) {\nif (!(${cond})) break;\n` +
    `if (${F} > 0) { ${m} = ${F}; ${F} = 0; } else { ${FUEL} ${m} = 1; }\n` +
    `for (; ${m} > 0 && (${cond}); ${m}--) {\n${b}\n}\n` +
    `${F} += ${m}; ${m} = 0;\n}\n} finally { if (${m} > 0) ${F} += ${m} - 1; }\n}`;
}

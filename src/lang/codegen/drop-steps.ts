// Drop glue runs a value's drops in order: a struct's own drop() and then its fields, a Vec's
// elements and then its buffer. When one of them panics the rest still run, so each value is
// dropped exactly once (§6.3: an unwind drops what is live); another panic among them aborts, as
// any panic during an unwind does (rt.panic). The held panic goes on after the last step.
import { RT } from './rt-names';

export interface DropStep {
  /** A statement; with `each`, the body run per element. */
  js: string;
  /** A `for (…)` head: `js` runs per element, each guarded on its own. */
  each?: string;
  /** It may run a drop() of the program, so it may panic. */
  user: boolean;
}

/** The name of the held panic (`let $e` is declared by dropSteps, or by the caller: `own` false). */
export const HELD = '$e';
const guard = (js: string) => `try { ${js} } catch ($x) { ${HELD} = ${RT.dropFault}(${HELD}, $x); }`;
const plain = (s: DropStep) => (s.each !== undefined ? `${s.each} ${s.js}` : s.js);

/**
 * The steps as JS. A step that may panic is guarded when its panic would skip something: a later
 * step, a later element, or (`own` false: an enum chain's link, the caller declares `$e` and throws
 * it after the chain) whatever the caller runs next. Glue whose drops run no user code is unchanged.
 */
export function dropSteps(steps: readonly DropStep[], own = true): string {
  const needs = steps.some((s, i) => s.user && (!own || s.each !== undefined || i < steps.length - 1));
  if (!needs) return steps.map(plain).join(' ');
  const body = steps.map((s) => (!s.user ? plain(s) : s.each !== undefined ? `${s.each} { ${guard(s.js)} }` : guard(s.js))).join(' ');
  return own ? `let ${HELD}; ${body} if (${HELD} !== undefined) throw ${HELD};` : body;
}

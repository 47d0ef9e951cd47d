// The Console's input helpers: whether the input is a whole cell (the rule `vex repl` uses, shared
// from lang/syntax/cell-complete.ts) and the ↑/↓ history.
export { isCellComplete } from '../../lang/syntax/cell-complete';

/** Input history of the Console (↑/↓): `at` is the index being shown, history.length = the draft. */
export interface HistoryState { items: string[]; at: number; draft: string }

export function historyMove(h: HistoryState, dir: -1 | 1, current: string): { state: HistoryState; text: string } | null {
  const at = h.at + dir;
  if (at < 0 || at > h.items.length) return null;
  const draft = h.at === h.items.length ? current : h.draft;
  return { state: { items: h.items, at, draft }, text: at === h.items.length ? draft : h.items[at] };
}

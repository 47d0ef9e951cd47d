// When is the Console's input a whole cell? Its brackets balance outside strings and comments —
// the rule `vex repl` uses (runtime/repl.ts isCellComplete; the UI may not import runtime code, so
// this is its twin, and cell-input.test.ts checks both on the same cases).
export function isCellComplete(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') { while (i < text.length && text[i] !== '\n') i++; continue; }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return false;
      i = end + 1;
      continue;
    }
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') { if (text[i] === '\\') i++; i++; }
      if (i >= text.length) return false;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
  }
  return depth <= 0;
}

/** Input history of the Console (↑/↓): `at` is the index being shown, history.length = the draft. */
export interface HistoryState { items: string[]; at: number; draft: string }

export function historyMove(h: HistoryState, dir: -1 | 1, current: string): { state: HistoryState; text: string } | null {
  const at = h.at + dir;
  if (at < 0 || at > h.items.length) return null;
  const draft = h.at === h.items.length ? current : h.draft;
  return { state: { items: h.items, at, draft }, text: at === h.items.length ? draft : h.items[at] };
}

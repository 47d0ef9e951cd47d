// Which diagnostic code the Explain dialog shows (null: closed). Opened from a marker's code link
// in the editor and from the Explain button in Problems.
import { create } from 'zustand';

interface ExplainState {
  code: string | null;
  explain(code: string): void;
  close(): void;
}

export const useExplain = create<ExplainState>((set) => ({
  code: null,
  explain: (code) => set({ code }),
  close: () => set({ code: null }),
}));

/** The link a marker's code carries; the editor's link opener turns it back into a code. */
export const EXPLAIN_SCHEME = 'vex-explain';
export const explainLink = (code: string) => `${EXPLAIN_SCHEME}:${code}`;
export function codeOfExplainLink(link: string): string | null {
  const m = new RegExp(`^${EXPLAIN_SCHEME}:/*([EW]\\d{4})$`, 'i').exec(link);
  return m ? m[1].toUpperCase() : null;
}

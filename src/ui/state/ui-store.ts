// UI-only state: the active panel, notices, and requests to the editor (reveal a location,
// highlight a line) that panels make without knowing about Monaco.
import { create } from 'zustand';
import type { Diagnostic } from '../../lang/diagnostics';

export interface Notice {
  id: number;
  kind: 'info' | 'warning' | 'error';
  text: string;
}

export interface EditorTarget {
  file: string;
  line: number;
  col: number;
  /** Highlight the whole line (panic frames, unwind steps) rather than just placing the cursor. */
  highlight: boolean;
  seq: number; // makes repeated requests for the same place distinct
}

interface UiState {
  activePanel: string;
  notices: Notice[];
  target: EditorTarget | null;
  /** The last live check's diagnostics; null until one succeeds (or after it failed). */
  liveDiagnostics: Diagnostic[] | null;
  setActivePanel(id: string): void;
  notify(kind: Notice['kind'], text: string): void;
  dismiss(id: number): void;
  reveal(file: string, line: number, col: number, highlight?: boolean): void;
  clearHighlight(): void;
  setLiveDiagnostics(d: Diagnostic[] | null): void;
}

let noticeSeq = 0;
let targetSeq = 0;

export const useUi = create<UiState>((set) => ({
  activePanel: 'output',
  notices: [],
  target: null,
  liveDiagnostics: null,
  setActivePanel: (activePanel) => set({ activePanel }),
  notify: (kind, text) => set((s) => ({ notices: [...s.notices.filter((n) => n.text !== text), { id: ++noticeSeq, kind, text }] })),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  reveal: (file, line, col, highlight = false) => set({ target: { file, line, col, highlight, seq: ++targetSeq } }),
  clearHighlight: () => set((s) => (s.target?.highlight ? { target: { ...s.target, highlight: false, seq: ++targetSeq } } : s)),
  setLiveDiagnostics: (liveDiagnostics) => set({ liveDiagnostics }),
}));

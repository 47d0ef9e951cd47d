// The Console's state: the session as a list of cells (what share links carry), each with what
// its run in the worker's live session returned. Pure data; console-controller.ts fills it.
import { create } from 'zustand';
import type { CellResult } from '../../worker/protocol';

export interface ConsoleEntry {
  key: number;
  input: string;
  state: 'running' | 'done' | 'lost';
  result: CellResult | null;
}

interface ConsoleState {
  entries: ConsoleEntry[];
  /** Inputs in order (↑/↓ history; the session's cells since the last reset are `cells`). */
  history: string[];
  /** The session as it travels in links: the inputs since the last reset. */
  cells: string[];
  /** Bumped to ask the Console to show (and flash) the entry of cell N. */
  focus: { cell: number; seq: number } | null;
  add(key: number, input: string): void;
  settle(key: number, result: CellResult): void;
  /** The session's machine is gone (stopped, crashed): cells still running never finish. */
  lose(): void;
  /** The session's cells (what links carry), e.g. without the cells a stop discarded. */
  setCells(cells: string[]): void;
  /** After a stop: null while the earlier cells are run again, then how many were (the notice). */
  restore: { state: 'restoring' } | { state: 'restored'; cells: number } | null;
  restored(cells: number): void;
  clear(): void;
  resetCells(): void;
  focusCell(cell: number): void;
}

let focusSeq = 0;

export const useConsole = create<ConsoleState>((set) => ({
  entries: [],
  history: [],
  cells: [],
  focus: null,
  add: (key, input) => set((s) => ({
    entries: [...s.entries, { key, input, state: 'running', result: null }],
    history: s.history[s.history.length - 1] === input ? s.history : [...s.history, input],
    cells: /^\s*:reset\s*$/.test(input) ? [] : [...s.cells, input],
  })),
  settle: (key, result) => set((s) => ({ entries: s.entries.map((e) => (e.key === key ? { ...e, state: 'done', result } : e)) })),
  lose: () => set((s) => ({ entries: s.entries.map((e) => (e.state === 'running' ? { ...e, state: 'lost' } : e)) })),
  setCells: (cells) => set({ cells }),
  restore: null,
  restored: (cells) => set({ restore: { state: 'restored', cells } }),
  clear: () => set({ entries: [] }),
  resetCells: () => set({ cells: [] }),
  focusCell: (cell) => set({ focus: { cell, seq: ++focusSeq } }),
}));

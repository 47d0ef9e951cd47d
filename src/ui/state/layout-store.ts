// The C layouts of the program in the editor, from the live check (no run needed): the C layout
// view draws them. Replaced on every check answer.
import { create } from 'zustand';
import type { CLayout } from '../../worker/protocol';

interface LayoutState {
  layouts: CLayout[];
  setLayouts(l: CLayout[]): void;
}

export const useLayouts = create<LayoutState>((set) => ({
  layouts: [],
  setLayouts: (layouts) => set({ layouts }),
}));

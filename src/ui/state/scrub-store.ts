// The one trace position every view shows (the time scrubber). `position` counts the trace events
// that have happened: a view draws the state after events [0, position). `null` follows the end of
// the run (the default, and what a new run resets to). Views read it with `useScrub`; only the
// scrubber and the step keys write it.
import { create } from 'zustand';

interface ScrubState {
  position: number | null;
  setPosition(p: number | null): void;
}

export const useScrub = create<ScrubState>((set) => ({
  position: null,
  setPosition: (position) => set({ position }),
}));

/** The effective position for a trace of `length` events. */
export function effectivePosition(position: number | null, length: number): number {
  if (position === null) return length;
  return Math.max(0, Math.min(length, position));
}

// A CSS media query as React state (re-renders when it starts or stops matching).
import { useSyncExternalStore } from 'react';

export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (notify) => {
      const mq = window.matchMedia(query);
      mq.addEventListener('change', notify);
      return () => mq.removeEventListener('change', notify);
    },
    () => window.matchMedia(query).matches,
  );
}

/** Below 800 px wide the playground stacks editor and panels and folds the toolbar into "More". */
export const NARROW_QUERY = '(max-width: 799px)';
export const useNarrow = () => useMediaQuery(NARROW_QUERY);

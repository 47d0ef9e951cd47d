// The diagnostics shown as markers and in Problems: the live check's once it has answered (it
// follows every edit); the last run's compile diagnostics only while no live check succeeded.
import { useMemo } from 'react';
import type { Diagnostic } from '../../lang/diagnostics';
import { useRun } from './run-store';
import { useUi } from './ui-store';

export function pickProblems(live: Diagnostic[] | null, compiled: Diagnostic[]): Diagnostic[] {
  const all = live ?? compiled;
  return [...all].sort((a, b) =>
    a.span.file === b.span.file ? a.span.start - b.span.start : a.span.file === 'main.vx' ? -1 : b.span.file === 'main.vx' ? 1 : a.span.file.localeCompare(b.span.file),
  );
}

export function useProblems(): Diagnostic[] {
  const live = useUi((s) => s.liveDiagnostics);
  const compiled = useRun((s) => s.compileDiagnostics);
  return useMemo(() => pickProblems(live, compiled), [live, compiled]);
}

// Diagnostics: what is wrong, where, why, how to fix. Plain data (the worker sends them to the
// editor as-is); `renderDiagnostic` prints them like rustc for the CLI.
import type { Span } from './span';

export type Severity = 'error' | 'warning' | 'note';

export interface Label {
  span: Span;
  message: string; // "first borrowed here", "declared here"
}

export interface Diagnostic {
  code: string; // stable: E0001..., W0001...
  severity: Severity;
  message: string;
  span: Span; // primary
  labels: Label[]; // secondary spans
  notes: string[]; // "note: ...", "help: consider `let!`"
}

export function diag(
  code: string,
  message: string,
  span: Span,
  extra: { labels?: Label[]; notes?: string[]; severity?: Severity } = {},
): Diagnostic {
  return { code, severity: extra.severity ?? (code.startsWith('W') ? 'warning' : 'error'), message, span, labels: extra.labels ?? [], notes: extra.notes ?? [] };
}

export const hasErrors = (ds: readonly Diagnostic[]) => ds.some((d) => d.severity === 'error');

// Stable diagnostic codes of the checker: errors E01xx, warnings W01xx (parser codes live below
// E0100). Titles, explanations and examples are in the one table, ../codes.ts; this is its
// checker slice, so `cx.error` accepts only codes that table defines.
import { DIAGNOSTICS, type DiagnosticCode } from '../codes';

type CheckerCode = Extract<DiagnosticCode, `E01${string}` | `W01${string}`>;

export const CODES = Object.fromEntries(
  Object.entries(DIAGNOSTICS).filter(([c]) => /^[EW]01\d\d$/.test(c)).map(([c, info]) => [c, info.title]),
) as { readonly [K in CheckerCode]: string };

export type Code = keyof typeof CODES;

// Shared by the checker's tests: the error codes a program gets, and one `it` per named list of
// programs with the codes each must get (an empty list: none).
import { it, expect } from 'vitest';
import { checkSource } from './check';

export const errorCodes = (src: string) => checkSource('t.vx', src).diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);

export function itReports(cases: Record<string, [src: string, codes: string[]][]>): void {
  for (const [name, programs] of Object.entries(cases)) {
    it(name, () => { for (const [src, codes] of programs) expect(errorCodes(src), src).toEqual(codes); });
  }
}

// The AST is immutable after parsing (src/lang/sema/tables.ts). Tests hold the toolchain to it by
// deep-freezing what the parser returns: in strict mode any later write to a node throws.
import { parse } from '../src/lang/syntax/parser';

export function deepFreeze(n: unknown, seen = new Set<unknown>()): void {
  if (!n || typeof n !== 'object' || seen.has(n)) return;
  seen.add(n);
  for (const k of Object.keys(n)) deepFreeze((n as Record<string, unknown>)[k], seen);
  Object.freeze(n);
}

/** The tabs, each with its parse deep-frozen, so linking (sema/modules.ts) and checking use the
 *  frozen nodes instead of parsing the text again. */
export function frozenTabs<F extends { name: string; text: string }>(files: readonly F[]): (F & { parsed: ReturnType<typeof parse> })[] {
  return files.map((f) => {
    const parsed = parse(f.name, f.text);
    deepFreeze(parsed.program);
    return { ...f, parsed };
  });
}

// Shared by the checker's tests: the `typeof(...)` results of a program, in source order (the
// program must check without errors).
import { expect } from 'vitest';
import { checkSource } from './check';
import { exprInfo, withTables } from './tables';
import type * as ast from '../syntax/ast';

export function checkMain(body: string, items = '') {
  return checkSource('t.vx', `${items}\nfn main() {\n${body}\n}\n`);
}

export function typeofs(body: string, items = ''): string[] {
  const r = checkMain(body, items);
  expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
  const out: string[] = [];
  const walk = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) { n.forEach(walk); return; }
    const o = n as Record<string, unknown>;
    if (o.kind === 'typeof') out.push(String(exprInfo(o as unknown as ast.Expr)!.constValue));
    for (const k of Object.keys(o)) if (!['info', 'res', 'local', 'span', 'nameSpan', 'target'].includes(k)) walk(o[k]);
  };
  withTables(r.program!.tables, () => walk(r.program!.ast.items));
  return out;
}

// The checker against the shared conformance suite: programs expected to fail compilation yield an
// error containing the `.err` text; every other program checks without errors.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { checkSource } from '../src/lang/sema/check';
import { sharedPath } from './shared-suite';
import { exprInfo, withTables } from '../src/lang/sema/tables';
import type * as ast from '../src/lang/syntax/ast';

const DIR = sharedPath('conformance') + '/';
const files = readdirSync(DIR).filter((f) => f.endsWith('.vx')).sort();

describe('checker on ../shared/conformance', () => {
  it('finds the suite', () => expect(files.length).toBeGreaterThan(0));
  for (const f of files) {
    const name = f.slice(0, -3);
    const exit = readFileSync(DIR + name + '.exit', 'utf8').trim();
    it(name, () => {
      const r = checkSource(f, readFileSync(DIR + f, 'utf8'));
      const errors = r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
      if (exit === 'compile-error') {
        const want = readFileSync(DIR + name + '.err', 'utf8').trim().toLowerCase();
        expect(errors.some((m) => m.toLowerCase().includes(want)), `no error mentions "${want}": ${JSON.stringify(errors)}`).toBe(true);
        expect(r.program).toBeNull();
      } else {
        expect(errors).toEqual([]);
        expect(r.program).not.toBeNull();
      }
    });
  }
});

// The contract codegen relies on (sema/typed.ts): in a program without errors every expression in
// a function body has an ExprInfo (sema/tables.ts) with a type that is not `error`.
describe('annotations of checked conformance programs', () => {
  const EXPR = new Set(['int', 'float', 'string', 'fstring', 'bool', 'nil', 'ident', 'tuple', 'array', 'array-repeat', 'map', 'unary', 'postfix', 'binary', 'range', 'cast', 'ref', 'deref', 'recv', 'await', 'try', 'member', 'tuple-index', 'index', 'call', 'struct-lit', 'closure', 'match', 'if', 'async', 'block', 'typeof']);
  const SKIP = new Set(['info', 'res', 'target', 'local', 'span', 'nameSpan', 'variant', 'resolved', 'decl', 'type', 'ret', 'typeArgs']);
  for (const f of files) {
    const name = f.slice(0, -3);
    if (readFileSync(DIR + name + '.exit', 'utf8').trim() === 'compile-error') continue;
    it(name, () => {
      const r = checkSource(f, readFileSync(DIR + f, 'utf8'));
      const bad: string[] = [];
      const walk = (n: unknown, key: string, inPattern: boolean): void => {
        if (!n || typeof n !== 'object') return;
        if (Array.isArray(n)) { for (const x of n) walk(x, key, inPattern); return; }
        const o = n as Record<string, unknown> & { kind?: string; span?: { line: number } };
        const pat = inPattern || key === 'pattern' || key === 'alts';
        const isExpr = !!o.kind && EXPR.has(o.kind) && !('stmts' in o) && !(o.kind === 'if' && key === 'stmts') && key !== 'callee';
        const info = isExpr ? exprInfo(o as unknown as ast.Expr) : undefined;
        if (isExpr && !pat && (!info || info.type.k === 'error')) bad.push(`${o.kind}@${o.span?.line}`);
        for (const k of Object.keys(o)) if (!SKIP.has(k)) walk(o[k], k, pat && !(o.kind === 'literal' && k === 'value'));
      };
      withTables(r.program!.tables, () => { for (const fn of r.program!.fns) walk(fn.decl?.body, 'body', false); });
      expect(bad).toEqual([]);
    });
  }
});

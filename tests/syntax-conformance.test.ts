// Every conformance program, and every line of the REPL session, must parse with no error
// diagnostic (compile-error tests fail in the checker, never in the parser).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, parseReplLine } from '../src/lang/syntax/parser';
import { LineMap, type Span } from '../src/lang/span';
import { sharedPath } from './shared-suite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = sharedPath('conformance');
const files = readdirSync(dir).filter((f) => f.endsWith('.vx')).sort();
const describeDiag = (d: { code: string; message: string; span: { line: number; col: number } }) =>
  `${d.code} ${d.message} @${d.span.line}:${d.span.col}`;

describe('conformance programs parse cleanly', () => {
  it('finds the conformance suite', () => expect(files.length).toBeGreaterThan(40));
  for (const f of files) {
    it(f, () => {
      const text = readFileSync(join(dir, f), 'utf8');
      const r = parse(f, text);
      expect(r.diagnostics.filter((d) => d.severity === 'error').map(describeDiag)).toEqual([]);
      expect(r.program.items.length).toBeGreaterThan(0);
    });
  }
});

/** Every object in the tree that has a span: the span lies in the file and agrees with LineMap. */
function checkSpans(file: string, text: string, node: unknown): number {
  const lm = new LineMap(file, text);
  const seen = new Set<unknown>();
  let count = 0;
  const walk = (n: unknown): void => {
    if (n === null || typeof n !== 'object' || seen.has(n)) return;
    seen.add(n);
    const o = n as Record<string, unknown>;
    const sp = o.span as Span | undefined;
    if (sp && typeof sp.start === 'number') {
      count++;
      expect(sp.file).toBe(file);
      expect(sp.start).toBeGreaterThanOrEqual(0);
      expect(sp.end).toBeGreaterThanOrEqual(sp.start);
      expect(sp.end).toBeLessThanOrEqual(text.length);
      const want = lm.span(sp.start, sp.end);
      expect([sp.line, sp.col, sp.endLine, sp.endCol]).toEqual([want.line, want.col, want.endLine, want.endCol]);
    }
    for (const v of Object.values(o)) walk(v);
  };
  walk(node);
  return count;
}

describe('every AST node carries a consistent span', () => {
  for (const f of files) {
    it(f, () => {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(checkSpans(f, text, parse(f, text).program.items)).toBeGreaterThan(5);
    });
  }
});

describe('REPL session lines parse cleanly', () => {
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.repl'))) {
    const lines = readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => l.trim() !== '');
    lines.forEach((line, i) => {
      it(`${f}:${i + 1} ${line}`, () => {
        const r = parseReplLine(f, line);
        const diags = r.kind === 'cell' ? r.cell.diagnostics : r.kind === 'type' ? r.diagnostics : [];
        expect(r.kind).not.toBe('unknown-command');
        expect(diags.map(describeDiag)).toEqual([]);
      });
    });
  }
});

describe('every ```vex example of the language reference parses cleanly', () => {
  const md = readFileSync(sharedPath('docs', 'vex-language.md'), 'utf8');
  const blocks = [...md.matchAll(/```vex\n([\s\S]*?)```/g)].map((m) => ({ code: m[1], line: md.slice(0, m.index).split('\n').length }));
  it('finds the examples', () => expect(blocks.length).toBeGreaterThan(10));
  for (const b of blocks) {
    it(`vex-language.md line ${b.line}`, () => {
      expect(parse('doc.vx', b.code).diagnostics.filter((d) => d.severity === 'error').map(describeDiag)).toEqual([]);
    });
  }
});

// Every conformance program, and every line of the REPL session, must parse with no error
// diagnostic (compile-error tests fail in the checker, never in the parser).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, parseReplLine } from '../src/lang/syntax/parser';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = resolve(root, '../shared/conformance');
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

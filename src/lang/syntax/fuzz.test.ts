// Property tests: for random token streams and random mutations of the conformance programs,
// the lexer+parser never throw, finish quickly, and report diagnostics whose spans lie in the file.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extendsAliasProgramArb, mutatedProgramArb, tokenStreamArb } from './fuzz-gen';
import { parse, parseCell } from './parser';
import type { Diagnostic } from '../diagnostics';
import { sharedPath } from '../../../tests/shared-suite';

const confDir = sharedPath('conformance');
export const conformanceSources: string[] = readdirSync(confDir).filter((f) => f.endsWith('.vx')).sort()
  .map((f) => readFileSync(join(confDir, f), 'utf8'));

function checkDiagnostics(text: string, diags: Diagnostic[]): void {
  for (const d of diags) {
    expect(d.code).not.toBe('E0099'); // internal parser error: a bug
    expect(d.span.start).toBeGreaterThanOrEqual(0);
    expect(d.span.end).toBeGreaterThanOrEqual(d.span.start);
    expect(d.span.end).toBeLessThanOrEqual(text.length);
    expect(d.span.line).toBeGreaterThanOrEqual(1);
    expect(d.span.col).toBeGreaterThanOrEqual(1);
  }
}

function parseChecked(text: string): void {
  const t0 = performance.now();
  const r = parse('fuzz.vx', text);
  const c = parseCell('fuzz.vx', text);
  expect(performance.now() - t0).toBeLessThan(2000);
  checkDiagnostics(text, r.diagnostics);
  checkDiagnostics(text, c.diagnostics);
}

describe('front-end fuzzing', () => {
  it('loads the seed programs', () => expect(conformanceSources.length).toBeGreaterThan(40));

  it('random token streams never break the parser', () => {
    fc.assert(fc.property(tokenStreamArb(300), parseChecked), { numRuns: 400, seed: 1234 });
  });

  it('random mutations of conformance programs never break the parser', () => {
    fc.assert(fc.property(mutatedProgramArb(conformanceSources), parseChecked), { numRuns: 400, seed: 5678 });
  });

  // Our own programs carry chapter 2's syntax: closures without annotations, operator methods,
  // contracts with default bodies, associated types and `fn Self.name`, imports and exports.
  const ownDir = join(__dirname, '../../../tests/conformance');
  const chapter2 = readdirSync(ownDir).filter((f) => f.endsWith('.vx') && /closure|op_|oper|contract|assoc|module|import|iter|static|extends|alias|shadow|late/.test(f)).sort()
    .map((f) => readFileSync(join(ownDir, f), 'utf8'));
  it('random mutations of programs in chapter 2 syntax never break the parser', () => {
    expect(chapter2.length).toBeGreaterThan(20);
    fc.assert(fc.property(mutatedProgramArb(chapter2), parseChecked), { numRuns: 300, seed: 91 });
    for (const src of chapter2.slice(0, 8)) for (let i = 0; i <= src.length; i += 11) parseChecked(src.slice(0, i));
  });

  it('`T extends C;`, aliases with where clauses and their near-misses never break the parser', () => {
    fc.assert(fc.property(extendsAliasProgramArb(), parseChecked), { numRuns: 300, seed: 77 });
  });

  it('every prefix of a program parses (truncation at any point)', () => {
    const src = conformanceSources[0];
    for (let i = 0; i <= src.length; i += 7) parseChecked(src.slice(0, i));
  });
});

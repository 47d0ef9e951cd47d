// The REPL test format: tests/repl/NAME.repl holds the input lines a person types (a cell may
// span lines: it ends where its brackets balance), NAME.transcript the exact terminal transcript —
// prompts, inputs, echoes, output, diagnostics and panics in order. Each session runs on one live
// machine, cell by cell, through the engine `vex repl` and the Console use.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { replTranscriptText } from '../src/pipeline/repl-transcript';

const dir = join(__dirname, 'repl');
const cases = readdirSync(dir).filter((f) => f.endsWith('.repl')).map((f) => f.slice(0, -5)).sort();

describe('REPL transcripts (tests/repl)', () => {
  it('has the cases the REPL must cover', () => {
    expect(cases).toEqual(expect.arrayContaining(['redefinition', 'echo', 'multiline', 'panic', 'compile-error', 'type-reset', 'closures']));
  });
  for (const name of cases) {
    it(name, () => {
      const input = readFileSync(join(dir, `${name}.repl`), 'utf8');
      const want = readFileSync(join(dir, `${name}.transcript`), 'utf8');
      const got = replTranscriptText(input);
      expect(got).toBe(want);
      expect(replTranscriptText(input)).toBe(got); // deterministic
    });
  }
});

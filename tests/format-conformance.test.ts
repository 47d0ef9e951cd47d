// `vex fmt` against every conformance program: formatting is idempotent and never changes what a
// program does (same stdout, exit status and stderr, line numbers aside; same compile verdict).
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { formatSource } from '../src/lang/syntax/format';
import { execute } from '../src/pipeline/execute';
import { sharedPath } from './shared-suite';

const DIRS = [sharedPath('conformance') + '/', `${__dirname}/conformance/`];
const files = DIRS.flatMap((d) => (readdirSync(d).filter((f) => f.endsWith('.vx')).sort().map((f) => d + f)));

function outcome(name: string, text: string): string {
  const exec = execute([{ name, text }]);
  if (exec.internalError) return `internal: ${exec.internalError.message}`;
  const errors = exec.compile.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) return `compile-error: ${errors.map((d) => `${d.code} ${d.message}`).join(' | ')}`;
  const r = exec.result!;
  const stream = (s: string) => r.output.filter((o) => o.stream === s).map((o) => o.text).join('');
  // Blank-line capping may move lines, so positions in stderr backtraces are masked.
  return JSON.stringify({ stdout: stream('stdout'), exit: r.exitCode, stderr: stream('stderr').replace(/:\d+(:\d+)?/g, ':N') });
}

describe('vex fmt on every conformance program', () => {
  it('finds the suites', () => expect(files.length).toBeGreaterThan(100));
  for (const path of files) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    it(name, () => {
      const src = readFileSync(path, 'utf8');
      const once = formatSource(name, src);
      if (once.text === null) {
        // Only programs with syntax errors are refused; they must be compile-error tests.
        expect(readFileSync(path.slice(0, -3) + '.exit', 'utf8').trim()).toBe('compile-error');
        return;
      }
      expect(formatSource(name, once.text).text, 'second format is a no-op').toBe(once.text);
      if (once.text !== src) expect(outcome(name, once.text)).toBe(outcome(name, src));
    });
  }
});

// `vex fmt FILE [--write]`: print the formatted program (or rewrite FILE with --write). A file with
// syntax errors is never formatted: its diagnostics go to stderr and the exit status is 1.
import { readFileSync, writeFileSync } from 'node:fs';
import { formatSource } from '../lang/syntax/format';
import { renderDiagnostic } from '../lang/diagnostics';
import { ioError } from './run';

export function runFmt(args: string[]): number {
  const write = args.includes('--write');
  const files = args.filter((a) => a !== '--write');
  const unknown = files.find((f) => f.startsWith('--'));
  if (unknown || files.length !== 1) {
    process.stderr.write(unknown ? `vex fmt: unknown option '${unknown}'\n` : 'usage: vex fmt FILE [--write]\n');
    return 2;
  }
  const file = files[0];
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    ioError(`cannot read ${file}`, e);
    return 2;
  }
  const r = formatSource(file, text);
  if (r.text === null) {
    for (const d of r.diagnostics) process.stderr.write(renderDiagnostic(d, text) + '\n\n');
    process.stderr.write(`vex fmt: ${file} has syntax errors; not formatted\n`);
    return 1;
  }
  if (!write) {
    process.stdout.write(r.text);
    return 0;
  }
  if (r.text === text) return 0;
  try {
    writeFileSync(file, r.text);
  } catch (e) {
    ioError(`cannot write ${file}`, e);
    return 2;
  }
  return 0;
}

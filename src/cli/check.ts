// `vex check [--json] FILE...`: parse + check, print diagnostics (rendered like rustc on stderr,
// or JSON on stdout with --json). Exit status 1 if any error, else 0; 2 for usage/IO problems.
import { readFileSync } from 'node:fs';
import { checkRoot } from '../lang/sema/check-files';
import { stdSourceText } from '../lang/sema/std-modules';
import { readModuleFiles } from './module-files';
import { renderDiagnostic, type Diagnostic } from '../lang/diagnostics';
import { ioError } from './run';

export interface JsonDiagnostic {
  code: string;
  severity: string;
  message: string;
  file: string;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  notes: string[];
}

export function toJson(d: Diagnostic): JsonDiagnostic {
  return {
    code: d.code, severity: d.severity, message: d.message, file: d.span.file,
    line: d.span.line, col: d.span.col, endLine: d.span.endLine, endCol: d.span.endCol,
    notes: [...d.labels.map((l) => `${l.span.file}:${l.span.line}:${l.span.col}: ${l.message}`), ...d.notes],
  };
}

export function runCheck(args: string[]): number {
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  const unknown = files.find((f) => f.startsWith('--'));
  if (unknown || files.length === 0) {
    process.stderr.write(unknown ? `vex check: unknown option '${unknown}'\n` : 'usage: vex check [--json] FILE...\n');
    return 2;
  }
  const all: Diagnostic[] = [];
  const covered = new Set<string>();
  let failed = false;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      ioError(`cannot read ${file}`, e);
      failed = true;
      continue;
    }
    // The file with the tabs it imports (read from beside it); each file reported once.
    if (covered.has(file)) continue;
    const sources = readModuleFiles(file, text);
    const r = checkRoot(sources, file, true);
    const diagnostics = r.diagnostics.filter((d) => !covered.has(d.span.file));
    for (const f of r.files) covered.add(f);
    all.push(...diagnostics);
    const textOf = new Map(sources.map((f) => [f.name, f.text]));
    if (!json) for (const d of diagnostics) process.stderr.write(renderDiagnostic(d, textOf.get(d.span.file) ?? stdSourceText(d.span.file) ?? text) + '\n\n');
  }
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.filter((d) => d.severity === 'warning').length;
  if (json) process.stdout.write(JSON.stringify({ diagnostics: all.map(toJson) }, null, 2) + '\n');
  else if (errors || warnings) process.stderr.write(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
  if (failed) return 2;
  return errors ? 1 : 0;
}

// `vex run FILE`: compile and run like a native program — stdout/stderr as written, exit status as
// vex-language §2.2 says; diagnostics on stderr and exit 1 when compilation fails.
import { readFileSync, writeFileSync } from 'node:fs';
import * as diagnostics from '../lang/diagnostics';
import type { Diagnostic } from '../lang/diagnostics';
import { execute } from '../runtime/execute';
import type { RunOptions } from '../runtime/api';
import { parseArgs, parseSize } from './args';

const VALUED = new Set(['stack', 'heap', 'fuel', 'panic', 'trace']);

export function renderAll(ds: readonly Diagnostic[], sources: Map<string, string>): string {
  const render = (diagnostics as { renderDiagnostic?: (d: Diagnostic, text: string) => string }).renderDiagnostic;
  return ds
    .map((d) => (render ? render(d, sources.get(d.span.file) ?? '') : `${d.severity}[${d.code}]: ${d.message}\n --> ${d.span.file}:${d.span.line}:${d.span.col}`))
    .join('\n') + (ds.length ? '\n' : '');
}

export function runRun(args: string[]): number {
  const parsed = parseArgs(args, VALUED);
  if (typeof parsed === 'string') return usage(parsed);
  const [file, ...extra] = parsed.positional;
  if (!file || extra.length) return usage('vex run takes exactly one FILE');
  const options: Partial<RunOptions> = {};
  for (const [flag, key] of [['stack', 'stackSize'], ['heap', 'heapLimit']] as const) {
    const v = parsed.flags.get(flag);
    if (v === undefined) continue;
    const n = typeof v === 'string' ? parseSize(v) : null;
    if (n === null) return usage(`--${flag}: expected a size like 16384, 64K or 1M, got '${v}'`);
    options[key] = n;
  }
  const fuel = parsed.flags.get('fuel');
  if (fuel !== undefined) {
    if (typeof fuel !== 'string' || !/^\d+$/.test(fuel)) return usage(`--fuel: expected a number of steps`);
    options.fuel = Number(fuel);
  }
  const panic = parsed.flags.get('panic');
  if (panic !== undefined) {
    if (panic !== 'abort' && panic !== 'unwind') return usage(`--panic: expected 'abort' or 'unwind'`);
    options.panic = panic;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(`vex: cannot read ${file}: ${(e as Error).message}\n`);
    return 1;
  }
  const name = file; // as given, like `vex check` and native compilers
  const json = parsed.flags.has('json');
  const exec = execute([{ name, text }], options);
  const sources = new Map([[name, text]]);
  const diags = exec.compile.diagnostics;
  const r = exec.result;

  if (json) {
    const out = {
      outcome: exec.internalError ? 'internal-error' : r ? r.outcome.kind : diags.some((d) => d.severity === 'error') ? 'compile-error' : 'library',
      exitCode: osStatus(exec.internalError ? 70 : r ? r.exitCode : diags.some((d) => d.severity === 'error') ? 1 : 0),
      stdout: r ? r.output.filter((c) => c.stream === 'stdout').map((c) => c.text).join('') : '',
      stderr: r ? r.output.filter((c) => c.stream === 'stderr').map((c) => c.text).join('') : '',
      diagnostics: diags,
      panic: r?.panic ? { message: r.panic.message, location: r.panic.location, backtrace: r.panic.backtrace, unwind: r.panic.unwind } : null,
      ...(exec.internalError ? { internalError: exec.internalError } : {}),
    };
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
    return out.exitCode;
  }

  if (diags.length) process.stderr.write(renderAll(diags, sources));
  if (exec.internalError) {
    process.stderr.write(`internal error: ${exec.internalError.message}\n${exec.internalError.stack}\n`);
    return 70;
  }
  if (!r) {
    if (exec.compile.program?.isLibrary) for (const line of exec.compile.program.exports) process.stderr.write(line + '\n');
    return diags.some((d) => d.severity === 'error') ? 1 : 0;
  }
  for (const chunk of r.output) (chunk.stream === 'stdout' ? process.stdout : process.stderr).write(chunk.text);
  const traceFile = parsed.flags.get('trace');
  if (typeof traceFile === 'string') writeFileSync(traceFile, r.trace.map((e) => JSON.stringify(e)).join('\n') + '\n');
  if (parsed.flags.has('stats')) {
    process.stderr.write(
      `stats: compile_ms=${Math.round(exec.compileMs)} run_ms=${Math.round(exec.runMs)} steps=${r.steps} allocs=${r.stats.allocs} peak_bytes=${r.stats.peakBytes}\n`,
    );
  }
  return osStatus(r.exitCode);
}

/** The status the process really exits with: the low 8 bits, as on POSIX (`main` returning 256
 *  exits 0, -1 exits 255); `--json` reports the same number. */
export function osStatus(code: number): number {
  return code & 0xff;
}

function usage(msg: string): number {
  process.stderr.write(`vex run: ${msg}\n`);
  return 2;
}

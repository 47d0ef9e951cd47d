// `vex run FILE`: compile and run like a native program — stdout/stderr as written, exit status as
// vex-language §2.2 says; diagnostics on stderr and exit 1 when compilation fails.
import { readFileSync, openSync, writeSync, closeSync } from 'node:fs';
import * as diagnostics from '../lang/diagnostics';
import type { Diagnostic } from '../lang/diagnostics';
import { execute, type Execution } from '../pipeline/execute';
import type { RunOptions } from '../runtime/api';
import { stdSourceText } from '../lang/sema/std-modules';
import { parseArgs, parseSize } from './args';
import { readModuleFiles } from './module-files';

export const RUN_VALUED_FLAGS: ReadonlySet<string> = new Set(['stack', 'heap', 'fuel', 'panic', 'trace']);
const VALUED = RUN_VALUED_FLAGS;

export function renderAll(ds: readonly Diagnostic[], sources: Map<string, string>): string {
  const render = (diagnostics as { renderDiagnostic?: (d: Diagnostic, text: string) => string }).renderDiagnostic;
  return ds
    .map((d) => (render ? render(d, sources.get(d.span.file) ?? stdSourceText(d.span.file) ?? '') : `${d.severity}[${d.code}]: ${d.message}\n --> ${d.span.file}:${d.span.line}:${d.span.col}`))
    .join('\n') + (ds.length ? '\n' : '');
}

/** The run settings given by `--stack`, `--heap`, `--fuel` and `--panic` (also read by the
 *  conformance runner from a test's `.flags` file), or what is wrong with them. */
export function runOptionsOf(flags: Map<string, string | true>): Partial<RunOptions> | string {
  const options: Partial<RunOptions> = {};
  for (const [flag, key] of [['stack', 'stackSize'], ['heap', 'heapLimit']] as const) {
    const v = flags.get(flag);
    if (v === undefined) continue;
    const n = typeof v === 'string' ? parseSize(v) : null;
    if (n === null) return `--${flag}: expected a size like 16384, 64K or 1M, got '${v}'`;
    options[key] = n;
  }
  const fuel = flags.get('fuel');
  if (fuel !== undefined) {
    if (typeof fuel !== 'string' || !/^\d+$/.test(fuel)) return `--fuel: expected a number of steps`;
    options.fuel = Number(fuel);
  }
  const panic = flags.get('panic');
  if (panic !== undefined) {
    if (panic !== 'abort' && panic !== 'unwind') return `--panic: expected 'abort' or 'unwind'`;
    options.panic = panic;
  }
  return options;
}

export function runRun(args: string[]): number {
  const parsed = parseArgs(args, VALUED);
  if (typeof parsed === 'string') return usage(parsed);
  const [file, ...extra] = parsed.positional;
  if (!file || extra.length) return usage('vex run takes exactly one FILE');
  const options = runOptionsOf(parsed.flags);
  if (typeof options === 'string') return usage(options);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return ioError(`cannot read ${file}`, e);
  }
  // Open the trace file before running: an unwritable path fails at once, not after a long run.
  const traceFile = parsed.flags.get('trace');
  let traceFd: number | null = null;
  if (traceFile !== undefined) {
    if (typeof traceFile !== 'string' || traceFile === '') return usage('--trace: expected a file name');
    try {
      traceFd = openSync(traceFile, 'w');
    } catch (e) {
      return ioError(`cannot write trace file ${traceFile}`, e);
    }
  }
  try {
    return runOpened(file, text, parsed.flags, options, traceFile as string | undefined, traceFd);
  } finally {
    if (traceFd !== null) try { closeSync(traceFd); } catch { /* already reported or closed */ }
  }
}

function runOpened(
  file: string, text: string, flags: Map<string, string | true>, options: Partial<RunOptions>,
  traceFile: string | undefined, traceFd: number | null,
): number {
  const parsed = { flags };
  const name = file; // as given, like `vex check` and native compilers
  const json = parsed.flags.has('json');
  // The trace is only kept when it is written out: a run of many events stays small otherwise.
  const files = readModuleFiles(name, text); // the entry first, then the tabs it imports
  const exec = execute(files, { ...options, keepTrace: traceFd !== null });
  const report = runReport(exec, new Map(files.map((f) => [f.name, f.text])), json, parsed.flags.has('stats'));
  for (const w of report.writes) (w.stream === 'stdout' ? process.stdout : process.stderr).write(w.text);
  if (traceFd !== null && exec.result && !json) {
    try {
      // One event at a time: a trace of millions of events never becomes one giant string.
      let buf = '';
      for (const e of exec.result.trace) {
        buf += JSON.stringify(e) + '\n';
        if (buf.length > 1 << 16) { writeAll(traceFd, buf); buf = ''; }
      }
      writeAll(traceFd, buf);
    } catch (e) {
      return ioError(`cannot write trace file ${traceFile}`, e);
    }
  }
  return report.code;
}

export interface RunReport {
  writes: { stream: 'stdout' | 'stderr'; text: string }[];
  code: number;
}

/** What `vex run` prints for an execution, in order, and its exit status. An internal error is
 *  reported after whatever the program printed before the toolchain failed: that output is real. */
export function runReport(exec: Execution, sources: Map<string, string>, json: boolean, stats = false): RunReport {
  const diags = exec.compile.diagnostics;
  const r = exec.result;
  const hasErr = diags.some((d) => d.severity === 'error');
  const ie = exec.internalError;
  const writes: RunReport['writes'] = [];
  const code = osStatus(ie ? 70 : r ? r.exitCode : hasErr ? 1 : 0);

  if (json) {
    const out = {
      outcome: ie ? 'internal-error' : r ? r.outcome.kind : hasErr ? 'compile-error' : 'library',
      exitCode: code,
      stdout: r ? r.output.filter((c) => c.stream === 'stdout').map((c) => c.text).join('') : '',
      stderr: r ? r.output.filter((c) => c.stream === 'stderr').map((c) => c.text).join('') : '',
      diagnostics: diags,
      panic: r?.panic ? { message: r.panic.message, location: r.panic.location, backtrace: r.panic.backtrace, unwind: r.panic.unwind } : null,
      ...(ie ? { internalError: ie } : {}),
    };
    writes.push({ stream: 'stdout', text: JSON.stringify(out, null, 2) + '\n' });
    return { writes, code };
  }

  if (diags.length) writes.push({ stream: 'stderr', text: renderAll(diags, sources) });
  if (r) for (const chunk of r.output) writes.push({ stream: chunk.stream, text: chunk.text });
  if (ie) {
    const lastOut = r?.output[r.output.length - 1]?.text ?? '';
    const sep = lastOut && !lastOut.endsWith('\n') ? '\n' : '';
    writes.push({ stream: 'stderr', text: `${sep}internal error (a bug in the Vex toolchain, not in your program): ${ie.message}\n${ie.stack}\n` });
    return { writes, code };
  }
  if (!r) {
    if (exec.compile.program?.isLibrary) for (const line of exec.compile.program.exports) writes.push({ stream: 'stderr', text: line + '\n' });
    return { writes, code };
  }
  if (stats) {
    writes.push({
      stream: 'stderr',
      text: `stats: compile_ms=${Math.round(exec.compileMs)} run_ms=${Math.round(exec.runMs)} steps=${r.steps} allocs=${r.stats.allocs} peak_bytes=${r.stats.peakBytes}\n`,
    });
  }
  return { writes, code };
}

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off);
}

/** An I/O problem: one `vex: …` line (the OS reason without Node's call details), exit 2. */
export function ioError(what: string, e: unknown): number {
  process.stderr.write(`vex: ${what}: ${describeIoError(e)}\n`);
  return 2;
}

export function describeIoError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const reasons: Record<string, string> = {
    ENOENT: 'no such file or directory', EACCES: 'permission denied', EPERM: 'operation not permitted',
    EISDIR: 'is a directory', ENOTDIR: 'a path component is not a directory', EROFS: 'read-only file system',
    ENOSPC: 'no space left on device', EMFILE: 'too many open files', EEXIST: 'file exists',
    EPIPE: 'broken pipe', ENAMETOOLONG: 'file name too long', ELOOP: 'too many symbolic links',
  };
  if (err && typeof err.code === 'string') return reasons[err.code] ?? err.code.toLowerCase();
  return err && typeof err.message === 'string' ? err.message : String(e);
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

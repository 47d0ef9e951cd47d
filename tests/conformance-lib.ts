// Conformance judging (../shared/conformance/README.md), shared by the runner and its unit test.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execute } from '../src/runtime/execute';
import type { RunOptions } from '../src/runtime/api';
import { replTranscript } from '../src/cli/repl';

const here = dirname(fileURLToPath(import.meta.url));
export const SHARED_DIR = resolve(here, '../../shared/conformance');
export const OWN_DIR = resolve(here, 'conformance');

export interface ConformanceCase {
  name: string;
  dir: string;
  area: string; // prefix before the first '_'
  kind: 'program' | 'repl';
}

export interface Verdict {
  pass: boolean;
  reason: string; // empty when passing
}

/** Areas whose engines exist. Tests of other areas are listed as "not yet enabled", never as passed. */
export const ENABLED_AREAS = new Set<string>([
  'core', 'panic', 'stack', 'ptr', 'layout', 'union', 'ffi', 'variadic', 'dylib', 'nomain', 'init',
  'alloc', 'heapprof', 'metrics', 'gc', 'task', 'tls', 'async', 'signal', 'repl',
]);

export function listCases(dir: string): ConformanceCase[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.vx') || f.endsWith('.repl'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.(vx|repl)$/, '');
      return { name, dir, area: name.split('_')[0], kind: f.endsWith('.repl') ? 'repl' : 'program' } as ConformanceCase;
    });
}

const read = (c: ConformanceCase, ext: string): string | null => {
  const p = join(c.dir, c.name + ext);
  return existsSync(p) ? readFileSync(p, 'utf8') : null;
};

/** Each expected line must appear as a whole line of `actual`, in order. */
export function linesInOrder(expected: string[], actual: string): string | null {
  const lines = actual.split('\n');
  let at = 0;
  for (const want of expected) {
    const i = lines.indexOf(want, at);
    if (i < 0) return want;
    at = i + 1;
  }
  return null;
}

const show = (s: string) => JSON.stringify(s.length > 400 ? s.slice(0, 400) + '…' : s);

export function judge(c: ConformanceCase): Verdict {
  if (c.kind === 'repl') {
    // The lines are fed to a fresh session (a cell ends where its brackets balance); .out holds
    // everything the session printed on stdout, .err (optional) text its stderr must contain.
    const lines = read(c, '.repl')!.split('\n').filter((l) => l.length > 0);
    const { stdout, stderr } = replTranscript(lines);
    const wantOut = read(c, '.out') ?? '';
    if (stdout !== wantOut) return { pass: false, reason: `REPL output differs: expected ${show(wantOut)}, got ${show(stdout)}${stderr ? `; stderr ${show(stderr)}` : ''}` };
    const wantErr = read(c, '.err');
    if (wantErr && !stderr.includes(wantErr.trim())) return { pass: false, reason: `REPL stderr lacks ${show(wantErr.trim())}: got ${show(stderr)}` };
    return { pass: true, reason: '' };
  }
  const source = read(c, '.vx')!;
  const exitSpec = (read(c, '.exit') ?? '').trim();
  // Own tests only: NAME.settings holds run settings as JSON (e.g. {"heapLimit": 1048576}).
  const settings = JSON.parse(read(c, '.settings') ?? '{}') as Partial<RunOptions>;
  const exec = execute([{ name: c.name + '.vx', text: source }], settings);
  if (exec.internalError) return { pass: false, reason: `internal error: ${exec.internalError.message}` };
  const errors = exec.compile.diagnostics.filter((d) => d.severity === 'error');

  if (exitSpec === 'compile-error') {
    const want = (read(c, '.err') ?? '').trim().toLowerCase();
    if (!errors.length) return { pass: false, reason: `expected a compile error containing ${show(want)}, but it compiled` };
    const texts = errors.map((d) => [d.message, ...d.notes, ...d.labels.map((l) => l.message)].join('\n').toLowerCase());
    if (!texts.some((t) => t.includes(want))) {
      return { pass: false, reason: `no diagnostic contains ${show(want)}; got: ${errors.map((d) => d.message).join(' | ')}` };
    }
    return { pass: true, reason: '' };
  }
  if (errors.length) return { pass: false, reason: `unexpected compile error: ${errors[0].code} ${errors[0].message} at ${errors[0].span.line}:${errors[0].span.col}` };
  const r = exec.result;
  const wantExit = Number(exitSpec);
  const stdout = r ? r.output.filter((o) => o.stream === 'stdout').map((o) => o.text).join('') : '';
  const stderr = r ? r.output.filter((o) => o.stream === 'stderr').map((o) => o.text).join('') : '';
  const exit = r ? r.exitCode : 0;
  const wantOut = read(c, '.out') ?? '';
  if (stdout !== wantOut) return { pass: false, reason: `stdout differs: expected ${show(wantOut)}, got ${show(stdout)}${stderr ? `; stderr ${show(stderr)}` : ''}` };
  if (exit !== wantExit) return { pass: false, reason: `exit status ${exit}, expected ${wantExit}${stderr ? `; stderr ${show(stderr)}` : ''}` };
  const wantErr = read(c, '.stderr');
  if (wantErr !== null) {
    const missing = linesInOrder(wantErr.split('\n').filter((l) => l.length > 0), stderr);
    if (missing !== null) return { pass: false, reason: `stderr lacks the line ${show(missing)} (in order); got ${show(stderr)}` };
  }
  return { pass: true, reason: '' };
}

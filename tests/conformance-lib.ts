// Conformance judging (../shared/conformance/README.md), shared by the runner and its unit test.
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execute } from '../src/pipeline/execute';
import { replTranscript } from '../src/cli/repl';
import { sharedPath } from './shared-suite';
import { linesInOrder } from './lines-in-order';
import { parseArgs } from '../src/cli/args';
import { runOptionsOf, RUN_VALUED_FLAGS } from '../src/cli/run';
import type { RunOptions } from '../src/runtime/api';

const here = dirname(fileURLToPath(import.meta.url));
export const SHARED_DIR = sharedPath('conformance');
export const OWN_DIR = resolve(here, 'conformance');

export interface ConformanceCase {
  name: string;
  dir: string;
  area: string; // prefix before the first '_'
  kind: 'program' | 'repl';
  /** A program of several tabs: the directory NAME/ holds main.vx (the entry) and the modules it
   *  imports; NAME.out, NAME.exit, NAME.err and NAME.stderr sit beside it as for one file. */
  tabs?: boolean;
}

export interface Verdict {
  pass: boolean;
  reason: string; // empty when passing
}

/** Areas whose engines exist. Tests of other areas are listed as "not yet enabled", never as passed. */
export const ENABLED_AREAS = new Set<string>([
  'core', 'panic', 'stack', 'ptr', 'layout', 'union', 'ffi', 'variadic', 'dylib', 'nomain', 'init',
  'alloc', 'heapprof', 'metrics', 'gc', 'task', 'tls', 'async', 'signal', 'repl', 'module', 'clone', 'redteam', 'std', 'lang',
]);

export function listCases(dir: string): ConformanceCase[] {
  if (!existsSync(dir)) return [];
  const isTabs = (f: string) => !f.includes('.') && existsSync(join(dir, f, 'main.vx')) && statSync(join(dir, f)).isDirectory();
  return readdirSync(dir)
    .filter((f) => f.endsWith('.vx') || f.endsWith('.repl') || isTabs(f))
    .sort()
    .map((f) => {
      const name = f.replace(/\.(vx|repl)$/, '');
      return { name, dir, area: name.split('_')[0], kind: f.endsWith('.repl') ? 'repl' : 'program', ...(isTabs(f) ? { tabs: true } : {}) } as ConformanceCase;
    });
}

const read = (c: ConformanceCase, ext: string): string | null => {
  const p = join(c.dir, c.name + ext);
  return existsSync(p) ? readFileSync(p, 'utf8') : null;
};

export { linesInOrder };

/** The tabs of a multi-file case: every .vx file under `root`, named by its path inside it. */
export function tabsOf(root: string, sub = ''): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const f of readdirSync(join(root, sub)).sort()) {
    const rel = sub ? `${sub}/${f}` : f;
    if (statSync(join(root, rel)).isDirectory()) out.push(...tabsOf(root, rel));
    else if (f.endsWith('.vx')) out.push({ name: rel, text: readFileSync(join(root, rel), 'utf8') });
  }
  return out;
}

const show = (s: string) => JSON.stringify(s.length > 400 ? s.slice(0, 400) + '…' : s);

/** Our extension of the format (tests/conformance only): an optional `NAME.flags` holds `vex run`
 *  settings on one line (`--panic abort`, `--stack 16K`, `--heap 1M`, `--fuel N`); the program is
 *  run with them, as `vex run FLAGS NAME.vx` would. Without it, the default Run settings. */
export function runFlags(text: string | null): Partial<RunOptions> | string {
  if (text === null) return {};
  const parsed = parseArgs(text.trim().split(/\s+/).filter(Boolean), RUN_VALUED_FLAGS);
  if (typeof parsed === 'string') return parsed;
  if (parsed.positional.length || parsed.flags.has('trace')) return 'only --stack, --heap, --fuel and --panic are allowed';
  return runOptionsOf(parsed.flags);
}

/** The run settings of the program at `vxPath` (its sibling `NAME.flags`, or the defaults). Every
 *  test that runs conformance programs outside the runner must use them: a `*_forever` case
 *  relies on its `--fuel`/`--heap` to end, and without them runs until the host gives out. */
export function flagsFor(vxPath: string): Partial<RunOptions> {
  const flags = vxPath.replace(/\.vx$/, '.flags');
  const options = runFlags(existsSync(flags) ? readFileSync(flags, 'utf8') : null);
  if (typeof options === 'string') throw new Error(`${flags}: ${options}`);
  return options;
}

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
  const exitSpec = (read(c, '.exit') ?? '').trim();
  const options = runFlags(read(c, '.flags'));
  if (typeof options === 'string') return { pass: false, reason: `bad .flags: ${options}` };
  const exec = c.tabs ? execute(tabsOf(join(c.dir, c.name)), options, 'main.vx') : execute([{ name: c.name + '.vx', text: read(c, '.vx')! }], options);
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

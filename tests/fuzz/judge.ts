// The judge of a fuzz case: given its two runs (or a hang/crash of the child), the first failure
// class that applies, or null when the run is clean. Failure classes, most severe first:
//   crash            the child process died (e.g. JavaScript heap exhaustion)
//   hang             no answer within the wall timeout although fuel is limited
//   internal         a JS exception escaped the toolchain, or an internal-error diagnostic
//   js-text          JS exception text / undefined / NaN / [object Object] leaked into the output
//   nondeterministic the two runs differ (stdout, stderr, exit, outcome, trace hash)
//   rejected         a generated (valid) program did not compile
//   wrong-exit / wrong-output / wrong-outcome / drop-count   an oracle disagrees
import type { FuzzCase } from './gen/types';
import type { RunSummary } from './exec';

export type Answer = { runs: [RunSummary, RunSummary] } | { hang: true } | { crash: string };
export interface Verdict { cls: string; detail: string }

/** The compiler's own failures (lang/diagnostics.ts): unsupported construct, parser bug, internal compiler error. */
const INTERNAL_DIAG = (d: { code: string; message: string }) => d.code === 'E0900' || d.code === 'E0099' || d.code === 'E0999';

const JS_TEXT = [/is not a function/, /Cannot read propert/, /Cannot set propert/, /RangeError/, /TypeError/, /ReferenceError/,
  /[\w$] is not defined/, /Maximum call stack/, /\[object Object\]/, /\bundefined\b(?! symbol)/, /\bNaN\b/, /is not iterable/, /Invalid array length/,
  /Cannot convert a BigInt/, /Cannot mix BigInt/, /BigInt/];

const clip = (s: string) => (s.length > 300 ? s.slice(0, 300) + '…' : s);

export function judge(c: FuzzCase, a: Answer): Verdict | null {
  if ('crash' in a) return { cls: 'crash', detail: clip(a.crash) };
  if ('hang' in a) return { cls: 'hang', detail: `no answer within the wall timeout (fuel ${c.options?.fuel ?? 'default'})` };
  const [x, y] = a.runs;
  for (const r of [x, y]) {
    if (r.internal !== null) return { cls: 'internal', detail: clip(r.internal) };
    const d = r.diagnostics.find(INTERNAL_DIAG);
    if (d) return { cls: 'internal', detail: clip(`${d.code} ${d.message}`) };
  }
  const source = c.cells ? c.cells.join('\n') : c.text;
  for (const re of JS_TEXT) {
    if (re.test(source)) continue; // the program itself spells it
    const where = [x.stdout, x.stderr, ...x.diagnostics.map((d) => d.message)].find((s) => re.test(s));
    if (where !== undefined) return { cls: 'js-text', detail: clip(`${re.source} in: ${where.split('\n').find((l) => re.test(l))}`) };
  }
  const keys: (keyof RunSummary)[] = ['stdout', 'stderr', 'exit', 'outcome', 'traceHash', 'steps'];
  for (const k of keys) if (JSON.stringify(x[k]) !== JSON.stringify(y[k])) return { cls: 'nondeterministic', detail: clip(`${k}: ${JSON.stringify(x[k])} vs ${JSON.stringify(y[k])}`) };
  const e = c.expect;
  if (!e) return null;
  if (e.compiles !== false && x.diagnostics.some((d) => d.severity === 'error')) {
    return { cls: 'rejected', detail: clip(x.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`).join('; ')) };
  }
  if (e.outcomes && !e.outcomes.includes(x.outcome)) return { cls: 'wrong-outcome', detail: clip(`${x.outcome} (exit ${x.exit}), expected one of ${e.outcomes.join(', ')}; stderr: ${x.stderr}`) };
  if (e.exit !== undefined && x.exit !== e.exit) return { cls: 'wrong-exit', detail: clip(`exit ${x.exit} (${x.outcome}), expected ${e.exit}; stderr: ${x.stderr}`) };
  if (e.stdout !== undefined && x.stdout !== e.stdout) return { cls: 'wrong-output', detail: clip(firstDiff(x.stdout, e.stdout)) };
  if (e.dropIds) {
    const seen = new Map<number, number>();
    for (const m of x.stdout.matchAll(/^drop (\d+)$/gm)) seen.set(Number(m[1]), (seen.get(Number(m[1])) ?? 0) + 1);
    const twice = [...seen].filter(([, n]) => n > 1).map(([id]) => id);
    const never = e.dropIds.filter((id) => !seen.has(id));
    if (twice.length || never.length) return { cls: 'drop-count', detail: `dropped twice: [${twice}] never dropped: [${never}]` };
  }
  return null;
}

function firstDiff(got: string, want: string): string {
  const g = got.split('\n'), w = want.split('\n');
  for (let i = 0; i < Math.max(g.length, w.length); i++) if (g[i] !== w[i]) return `line ${i + 1}: got ${JSON.stringify(g[i])}, expected ${JSON.stringify(w[i])}`;
  return 'same lines';
}

/** A failure's signature for de-duplication: its class and its detail without numbers. */
export const signature = (category: string, v: Verdict): string => `${category}|${v.cls}|${v.detail.replace(/\d+/g, 'N').slice(0, 120)}`;

// How much of the Vex people write does the playground accept? (not a test; needs no network)
//   1. get a snapshot of github:meftunca/vex as a git directory (the agent `fetch` tool, or
//      `git clone --bare https://github.com/meftunca/vex`)
//   2. npx tsx scripts/measure-real-vex.ts GIT_DIR [--list] [--causes N] [--show CODE]
// Judges every examples/**/*.vx the way the repository's own runner (test_all.sh) does: the same
// skips, "error tests" (borrow/diagnostic/circular names) must give a compile error, every other
// program must compile (here: check + codegen of `compile()`, nothing is run). Prints the pass
// rate and the most common first errors of the failures, grouped by code and message shape.
import { execFileSync } from 'node:child_process';
import { compile } from '../src/lang/compile';
import { moduleClosure } from '../src/cli/module-files';

type Verdict = 'skip' | 'error' | 'compile';

/** test_all.sh's classification, in its order. */
export function classify(path: string, text: string): Verdict {
  const has = (s: string) => path.includes(s);
  if (has('interfaces.vx') || has('test_lsp_diagnostics.vx')) return 'skip';
  if (!text.includes('fn main()')) return 'skip';
  if (has('bench') || has('comprehensive_type_system_test.vx') || has('test_collect.vx')) return 'skip';
  if (['invalid', 'stdlib_integration', 'test_stdlib_simple.vx', 'native_demo', 'crypto_self_signed_cert.vx'].some(has)) return 'skip';
  if (['circular_dependency.vx', 'circular_self.vx', '04_circular.vx'].some(has)) return 'error';
  if (['_error.vx', 'return_local.vx', '_violation.vx', 'literal_vs_variable'].some(has)) return 'error';
  const diagnosticTests = ['test_diagnostic', 'test_typo', 'test_function_typo', 'test_undefined', 'test_fuzzy', 'test_if_condition',
    'test_parse_error', 'test_borrow_diagnostic', 'test_immutable_violation', 'test_error_recovery', 'test_struct_field_downcast',
    'test_func_downcast', 'test_downcast_errors'];
  if (diagnosticTests.some(has)) return 'error';
  if (has('error_handling_try.vx') || has('test_move_diagnostic.vx')) return 'skip';
  return 'compile';
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['--git-dir', dir, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
}

/** A message with names, numbers and types blanked, so one cause groups many programs. */
function shape(message: string): string {
  return message.replace(/`[^`]*`/g, '`_`').replace(/"[^"]*"/g, '"_"').replace(/\b\d+\b/g, 'N').slice(0, 90);
}

function main() {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  if (!dir) { console.error('usage: measure-real-vex.ts GIT_DIR [--list] [--causes N] [--show CODE]'); process.exit(2); }
  const list = args.includes('--list');
  const nCauses = Number(args[args.indexOf('--causes') + 1]) || 25;
  const show = args.includes('--show') ? args[args.indexOf('--show') + 1] : null;
  const rev = git(dir, 'rev-parse', 'HEAD').trim();
  const tree = new Set(git(dir, 'ls-tree', '-r', '--name-only', 'HEAD').split('\n').filter(Boolean));
  const cache = new Map<string, string>();
  const read = (p: string) => cache.get(p) ?? (cache.set(p, git(dir, 'show', `HEAD:${p}`)), cache.get(p)!);
  const examples = [...tree].filter((p) => p.startsWith('examples/') && p.endsWith('.vx')).sort();

  let pass = 0, total = 0, skipped = 0;
  const causes = new Map<string, string[]>();
  const t0 = performance.now();
  for (const path of examples) {
    const verdict = classify(path, read(path));
    if (verdict === 'skip') { skipped++; continue; }
    total++;
    let cause: string | null;
    try {
      const r = compile(moduleClosure(path, read(path), (p) => tree.has(p), read), { entry: path });
      const first = r.diagnostics.find((d) => d.severity === 'error');
      if (verdict === 'error') cause = first ? null : 'accepted an error test';
      else cause = first ? `${first.code} ${shape(first.message)}` : null;
      if (cause && first && (show === 'all' || show === first.code)) console.log(`${path}:${first.span.line}: ${first.code} ${first.message}`);
    } catch (e) {
      cause = `CRASH ${shape(String((e as Error).message ?? e))}`;
    }
    if (cause === null) pass++;
    else (causes.get(cause) ?? causes.set(cause, []).get(cause)!).push(path);
    if (list) console.log(`${cause === null ? 'PASS' : 'FAIL'} ${path}${cause ? `  ${cause}` : ''}`);
  }
  const ms = performance.now() - t0;
  console.log(`meftunca/vex ${rev.slice(0, 12)}: ${pass} of ${total} pass (${((pass * 100) / total).toFixed(1)}%), ${skipped} skipped, ${ms.toFixed(0)} ms`);
  console.log(`top failure causes (first error of each failing program):`);
  for (const [c, ps] of [...causes].sort((a, b) => b[1].length - a[1].length).slice(0, nCauses)) {
    console.log(`${String(ps.length).padStart(4)}  ${c}   e.g. ${ps[0]}`);
  }
}

main();

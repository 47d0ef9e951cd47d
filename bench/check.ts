// Front-end benchmark including the checker: lex+parse+check of the generated 10,000-line program
// (target < 300 ms). Reuses the parser's generator and stages.
//   npx tsx bench/check.ts [lines]
import { report, generateProgram } from './frontend';
import { checkSource, check } from '../src/lang/sema/check';
import { parse } from '../src/lang/syntax/parser';

const lines = Number(process.argv[2] ?? 10_000);
const res = checkSource('bench.vx', generateProgram(lines));
const kinds = new Map<string, number>();
for (const d of res.diagnostics) kinds.set(d.message, (kinds.get(d.message) ?? 0) + 1);
console.log('checker diagnostics on the generated program:', [...kinds].map(([m, n]) => `${n}x ${m}`));
// The checker alone: parse once, re-check the same AST (annotations are overwritten).
let parsed: { src: string; program: ReturnType<typeof parse>['program'] } | null = null;
const checkOnly = (f: string, s: string) => {
  if (parsed?.src !== s) parsed = { src: s, program: parse(f, s).program };
  return check(parsed.program, { text: s });
};
report(lines, [{ name: 'check only', run: checkOnly }, { name: 'lex+parse+check', run: (f, s) => checkSource(f, s) }]);

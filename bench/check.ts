// Front-end benchmark with the checker alone as an extra stage (parse once, re-check the AST).
// The main figures (lex, lex+parse, lex+parse+check) come from bench/frontend.ts.
//   npx tsx bench/check.ts [lines]
import { report } from './frontend';
import { check } from '../src/lang/sema/check';
import { parse } from '../src/lang/syntax/parser';

const lines = Number(process.argv[2] ?? 10_000);
let parsed: { src: string; program: ReturnType<typeof parse>['program'] } | null = null;
const checkOnly = (f: string, s: string) => {
  if (parsed?.src !== s) parsed = { src: s, program: parse(f, s).program };
  return check(parsed.program, { text: s });
};
report(lines, [{ name: 'check only', run: checkOnly }]);

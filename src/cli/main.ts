// `vex` — the command-line toolchain: run / check / repl. Node only.
import { runCheck } from './check';
import { runRun } from './run';
import { runRepl } from './repl';

const USAGE = `usage:
  vex run FILE [--stack SIZE] [--heap SIZE] [--fuel N] [--panic abort] [--trace OUT.jsonl] [--stats] [--json]
  vex check [--json] FILE...
  vex repl                 (cells of items/statements, multi-line until brackets balance; :type EXPR, :reset, :help)
  vex help

SIZE accepts bytes or K/M/G suffixes (16384, 64K, 1M).`;

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case 'run': return runRun(rest);
    case 'check': return runCheck(rest);
    case 'repl': return runRepl(rest);
    case undefined: case 'help': case '--help': case '-h':
      process.stdout.write(USAGE + '\n');
      return cmd === undefined ? 2 : 0;
    default:
      process.stderr.write(`vex: unknown command '${cmd}'\n${USAGE}\n`);
      return 2;
  }
}

// Allow `tsx src/cli/main.ts ...` (npm run vex) as well as bin/vex.mjs.
if (process.argv[1] && /src[\\/]cli[\\/]main\.ts$/.test(process.argv[1])) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}

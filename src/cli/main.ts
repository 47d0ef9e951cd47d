// `vex` — the command-line toolchain: run / check / fmt / repl / explain. Node only.
import { runCheck } from './check';
import { runRun } from './run';
import { runRepl } from './repl';
import { runFmt } from './fmt';
import { runExplain } from './explain';
import { describeIoError } from './run';

const USAGE = `usage:
  vex run FILE [--stack SIZE] [--heap SIZE] [--fuel N] [--panic abort] [--trace OUT.jsonl] [--stats] [--json]
  vex check [--json] FILE...
  vex fmt FILE [--write]   (print the formatted program; --write rewrites FILE)
  vex explain [CODE]       (what a diagnostic code means, with a failing and a fixed example; no CODE lists all)
  vex repl                 (cells of items/statements, multi-line until brackets balance; :type EXPR, :reset, :help)
  vex help

SIZE accepts bytes or K/M/G suffixes (16384, 64K, 1M).`;

/** A failed write to stdout/stderr (closed pipe, full disk) is reported once, exit 2, instead of an
 *  uncaught Node 'error' event with a stack trace. */
let streamsGuarded = false;
function guardStreams(): void {
  if (streamsGuarded) return;
  streamsGuarded = true;
  process.stdout.on('error', (e) => {
    try { process.stderr.write(`vex: cannot write to stdout: ${describeIoError(e)}\n`); } catch { /* nowhere left to report */ }
    process.exit(2);
  });
  process.stderr.on('error', () => process.exit(2));
}

export async function main(argv: string[]): Promise<number> {
  guardStreams();
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case 'run': return runRun(rest);
    case 'check': return runCheck(rest);
    case 'repl': return runRepl(rest);
    case 'fmt': return runFmt(rest);
    case 'explain': return runExplain(rest);
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

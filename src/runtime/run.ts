// run(program, options): executes a compiled program on the simulated machine and returns the
// outcome, output and trace. Synchronous: the worker runs it off the UI thread; Stop terminates
// the worker. STUB: the engine replaces the body; the signature is the contract.
import type { CompiledProgram } from '../lang/compile';
import type { RunOptions, RunResult } from './api';

export function run(_program: CompiledProgram, _options: Partial<RunOptions> = {}): RunResult {
  throw new Error('run: not implemented yet');
}

// The incremental REPL engine (§6.17): one live simulated machine per session. Each cell is
// compiled against the session's scope (lang/repl.ts) and run once on that machine; values
// stay in the runtime between cells, nothing is replayed. A compile error or a panic aborts only
// its cell. Used by `vex repl` (cli/repl.ts) and the browser's Console (through the worker).
// Pure TS: no DOM, no Node.
import { Cell } from '../runtime/core/collections';
import { ReplSession } from '../lang/repl';
import type { Diagnostic } from '../lang/diagnostics';
import { DEFAULT_RUN_OPTIONS, TRACE_VERSION, type OutputChunk, type Outcome, type PanicInfo, type RunOptions } from '../runtime/api';
import { Runtime } from '../runtime/core/rt';
import { Scheduler } from '../runtime/core/scheduler';
import { VexPanic } from '../runtime/core/errors';
import type { ProgramMeta } from '../common/program-meta';
import { installLibrary } from '../runtime/core/machine';
import { classify, type ProgramModule } from '../runtime/run';

/** What one cell did. `output` is what it printed (its echo last, on stdout). */
export interface CellResult {
  /** The input's number in the session (`cellN` in spans and backtraces); 0 for blank input. */
  cell: number;
  kind: 'ran' | 'error' | 'type' | 'reset' | 'help' | 'unknown-command' | 'empty';
  ok: boolean;
  output: OutputChunk[];
  /** The echoed value (also the last stdout of `output`), or null. */
  echo: string | null;
  /** Errors and warnings with spans into the cell's text. */
  diagnostics: Diagnostic[];
  /** How the cell's code ended (null when nothing ran). */
  outcome: Outcome | null;
  panic: PanicInfo | null;
  /** `:type`'s answer, `:help`'s text, or an unknown command's message. */
  text: string | null;
}

const result = (kind: CellResult['kind'], ok: boolean, extra: Partial<CellResult> = {}): CellResult =>
  ({ cell: 0, kind, ok, output: [], echo: null, diagnostics: [], outcome: null, panic: null, text: null, ...extra });

export class ReplEngine {
  private readonly session: ReplSession;
  private readonly opts: RunOptions;
  private meta!: ProgramMeta;
  private rt!: Runtime;
  private S!: Scheduler;

  constructor(options: Partial<RunOptions> = {}) {
    this.opts = { ...DEFAULT_RUN_OPTIONS, ...options, panic: options.panic === 'abort' ? 'abort' : 'unwind' };
    this.session = new ReplSession();
    this.boot();
  }

  /** A fresh machine (start, and `:reset`). */
  private boot(): void {
    this.meta = { sites: [], types: [], typeNames: [] };
    const rt = new Runtime(this.meta, this.opts);
    const { pollSignal: _p, onEvent: _o, ...shown } = this.opts;
    void _p; void _o;
    rt.emit({ t: 'start', version: TRACE_VERSION, options: shown });
    const lib = installLibrary(rt, this.opts);
    this.S = new Scheduler(rt);
    rt.sched = this.S;
    lib.resetStats();
    this.rt = rt;
  }

  /** The live machine's runtime (trace, output so far): for tests and the worker. */
  get runtime(): Runtime { return this.rt; }

  variables(): { name: string; type: string; moved: boolean }[] {
    return this.session.variables();
  }

  /** Evaluate one complete cell (see `isCellComplete` for multi-line input). */
  eval(input: string): CellResult {
    if (input.trim() === '') return result('empty', true);
    const cell = this.session.nextCell;
    const r = this.evalStep(input);
    r.cell = cell;
    return r;
  }

  private evalStep(input: string): CellResult {
    let step;
    try {
      step = this.session.line(input, this.meta);
    } catch (e) {
      return this.internal(e);
    }
    switch (step.kind) {
      case 'reset': {
        // the session's block ends: what it still owns is dropped on the old machine first
        if (!step.end) {
          this.boot();
          const bad = step.diagnostics.length !== 0;
          return result('reset', !bad, { diagnostics: step.diagnostics });
        }
        const r = this.runCell(step.end.js, step.end.meta, null);
        this.boot();
        return result('reset', r.outcome.kind === 'exited', { output: r.output, outcome: r.outcome, panic: r.panic });
      }
      case 'help': return result('help', true, { text: step.text });
      case 'unknown-command': return result('unknown-command', false, { text: `unknown command :${step.name} (try :help)` });
      case 'type': return result('type', step.text !== null, { text: step.text, diagnostics: step.diagnostics });
      case 'error': return result('error', false, { diagnostics: step.diagnostics });
      case 'cell': break;
    }
    const r = this.runCell(step.js, step.meta, step.echo);
    const ok = r.outcome.kind === 'exited';
    step.commit(ok ? 'ok' : 'panic');
    return result('ran', ok, { output: r.output, echo: r.echo, diagnostics: step.diagnostics, outcome: r.outcome, panic: r.panic });
  }

  /** Runs a compiled cell's module once on the live machine. */
  private runCell(js: string, meta: ProgramMeta, echoAt: { slot: number } | null): { output: OutputChunk[]; echo: string | null; outcome: Outcome; panic: PanicInfo | null } {
    // the cell's tables extend the session's (ids of earlier cells stay valid)
    this.meta.sites.push(...meta.sites.slice(this.meta.sites.length));
    this.meta.types.push(...meta.types.slice(this.meta.types.length));
    this.meta.typeNames.push(...meta.typeNames.slice(this.meta.typeNames.length));
    const rt = this.rt;
    const mark = this.outputMark();
    rt.uncaught = null;
    rt.refuel();
    let outcome: Outcome;
    let echo: string | null = null;
    try {
      const mod = (new Function(js)() as (rt: Runtime) => ProgramModule)(rt);
      const fresh = mod.tlsInit(); // thread-locals declared by this cell start with their initializer
      for (let i = rt.threadLocals.length; i < fresh.length; i++) rt.threadLocals.push(fresh[i]);
      this.S.current.state = 'running';
      this.S.runMain(mod.main!, mod.mainIsGen);
      if (echoAt) {
        // printed by the cell itself (rt.replEcho), before its temporaries were dropped
        echo = rt.replSlots[echoAt.slot] as string;
        rt.replSlots[echoAt.slot] = undefined;
      }
      outcome = { kind: 'exited', code: 0 };
    } catch (e) {
      outcome = this.classify(e);
    }
    this.settle();
    const ok = outcome.kind === 'exited';
    return { output: this.outputSince(mark), echo, outcome, panic: ok ? null : rt.uncaught };
  }

  /** A panic ends its cell, not the session; anything else is classified as a run would be. */
  private classify(e: unknown): Outcome {
    const rt = this.rt;
    if (e instanceof VexPanic) {
      rt.finishUncaught(e, 'panic not caught: the cell is aborted (the session goes on)');
      rt.uncaught = e.info;
      rt.emit({ t: 'panic', info: e.info, caught: false });
      return { kind: 'panicked', code: 134 };
    }
    return classify(rt, e);
  }

  /** After a cell, the machine is back at the session's top level, whatever happened. */
  private settle(): void {
    const rt = this.rt;
    rt.depth = 0;
    rt.guards = [];
    rt.unwinding = null;
  }

  private internal(e: unknown): CellResult {
    const err = e instanceof Error ? e : new Error(String(e));
    return result('error', false, { outcome: { kind: 'internal-error', message: err.message, stack: err.stack ?? '' } });
  }

  private outputMark(): { i: number; len: number } {
    const out = this.rt.output;
    return { i: out.length, len: out.length ? out[out.length - 1].text.length : 0 };
  }

  private outputSince(m: { i: number; len: number }): OutputChunk[] {
    const out = this.rt.output;
    const chunks: OutputChunk[] = [];
    if (m.i > 0 && out[m.i - 1].text.length > m.len) chunks.push({ stream: out[m.i - 1].stream, text: out[m.i - 1].text.slice(m.len) });
    for (let i = m.i; i < out.length; i++) chunks.push({ ...out[i] });
    return chunks;
  }
}

/** Is this multi-line input a whole cell? (shared with the Console) */
export { isCellComplete } from '../lang/syntax/cell-complete';

// Human wording for how a run ended and for unwinding steps. Pure, so it is unit-tested.
import type { SourceLoc, UnwindStep } from '../../runtime/api';
import type { RunEnd } from '../state/run-store';

const fmtInt = (n: number) => n.toLocaleString('en-US');
const bytes = (n: number) => (n >= 1 << 20 && n % (1 << 20) === 0 ? `${n >> 20} MiB` : n >= 1024 && n % 1024 === 0 ? `${n >> 10} KiB` : `${n} bytes`);

export type EndTone = 'ok' | 'error' | 'warn' | 'internal';

/** `where`: 'playground' points at the panels that hold the details; 'plain' (embeds, bug reports)
 *  names no panel, because the details are shown beside it or are not part of the text. */
export function describeEnd(end: RunEnd, limits: { fuel: number; heapLimit: number }, where: 'playground' | 'plain' = 'playground'): { text: string; tone: EndTone } {
  const panels = where === 'playground';
  switch (end.kind) {
    case 'compile-error':
      return { text: `Compilation failed: ${end.count} error${end.count === 1 ? '' : 's'}${panels ? ' (see Problems)' : ''}`, tone: 'error' };
    case 'stopped':
      return { text: 'Stopped by you', tone: 'warn' };
    case 'internal-error':
      return { text: `Internal error in the playground (not a result of your program): ${end.message}`, tone: 'internal' };
    case 'worker-crash':
      return { text: `The run worker crashed and was restarted: ${end.message}`, tone: 'internal' };
    case 'outcome': {
      const o = end.outcome;
      switch (o.kind) {
        case 'exited':
          return { text: `Exited with code ${o.code}`, tone: o.code === 0 ? 'ok' : 'error' };
        case 'panicked':
          return { text: `Panicked (exit code ${end.exitCode})${panels ? ' — see the Panic panel' : ''}`, tone: 'error' };
        case 'aborted':
          return { text: `Aborted: ${o.reason} (exit code ${end.exitCode})`, tone: 'error' };
        case 'stopped':
          return { text: `Stopped (exit code ${end.exitCode})`, tone: 'warn' };
        case 'limit':
          if (o.limit === 'fuel')
            return { text: `Stopped: step limit reached (${fmtInt(limits.fuel)} steps). The program may loop forever${panels ? '; raise the limit in Settings' : ''}.`, tone: 'warn' };
          if (o.limit === 'heap')
            return { text: `Stopped: heap limit reached (${bytes(limits.heapLimit)}).${panels ? ' Raise the limit in Settings.' : ''}`, tone: 'warn' };
          return { text: 'Stopped: output limit reached (the program printed too much).', tone: 'warn' };
        case 'internal-error':
          return { text: `Internal error in the playground (not a result of your program): ${o.message}`, tone: 'internal' };
      }
    }
  }
}

export function describeStats(steps: number, runMs: number): string {
  return `${fmtInt(steps)} step${steps === 1 ? '' : 's'} · ${runMs < 10 ? runMs.toFixed(1) : Math.round(runMs)} ms`;
}

export const locText = (l: SourceLoc | null) => (l ? `${l.file}:${l.line}:${l.col}` : 'unknown location');

export function describeUnwindStep(s: UnwindStep): string {
  switch (s.kind) {
    case 'frame': return `entered frame ${s.fn}${s.loc ? ` at ${locText(s.loc)}` : ''}`;
    case 'defer': return `ran a defer in ${s.fn}${s.loc ? ` (${locText(s.loc)})` : ''}`;
    case 'drop': return `dropped ${s.value ? `${s.value}: ${s.type}` : `a ${s.type}`} in ${s.fn}${s.loc ? ` (${locText(s.loc)})` : ''}`;
    case 'leave': return `left frame ${s.fn}`;
    case 'caught': return `caught by catch_panic at ${locText(s.loc)}`;
    case 'aborted': return `aborted because ${s.reason}`;
  }
}

export function stepLoc(s: UnwindStep): SourceLoc | null {
  return 'loc' in s ? s.loc : null;
}

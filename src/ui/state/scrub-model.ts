// What the time scrubber derives from the trace, cheaply per move: the output up to a trace
// position (an index built once per trace, then a binary search per move) and the source line of
// the event at a position. Pure.
import type { SourceLoc, TraceEvent } from '../../runtime/api';
import { appendChunk, emptyOutput, type OutputLine } from './output-model';

export interface OutputIndex {
  /** Every output line of the trace's output events, in order. */
  lines: OutputLine[];
  /** Per output event k (in order): its trace index, the line count after it, and the length of
   *  the last line then (a later event may extend that line). */
  at: Int32Array;
  lineCount: Int32Array;
  lastLen: Int32Array;
}

export function buildOutputIndex(trace: readonly TraceEvent[]): OutputIndex {
  let m = emptyOutput();
  const at: number[] = [], lineCount: number[] = [], lastLen: number[] = [];
  for (let i = 0; i < trace.length; i++) {
    const e = trace[i];
    if (e.t !== 'output') continue;
    m = appendChunk(m, e.stream, e.text, Infinity);
    at.push(i);
    lineCount.push(m.lines.length);
    lastLen.push(m.lines.length ? m.lines[m.lines.length - 1].text.length : 0);
  }
  return { lines: m.lines, at: Int32Array.from(at), lineCount: Int32Array.from(lineCount), lastLen: Int32Array.from(lastLen) };
}

/** The output after trace events [0, position): how many lines, and the last one's length. */
export function outputAt(ix: OutputIndex, position: number): { count: number; lastLen: number } {
  let lo = 0, hi = ix.at.length; // output events before position
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (ix.at[m] < position) lo = m + 1; else hi = m;
  }
  if (lo === 0) return { count: 0, lastLen: 0 };
  return { count: ix.lineCount[lo - 1], lastLen: ix.lastLen[lo - 1] };
}

/** Line `row` of the output at that moment (the last line cut to what was printed then). */
export function lineAt(ix: OutputIndex, at: { count: number; lastLen: number }, row: number): OutputLine {
  const l = ix.lines[row];
  return row === at.count - 1 && l.text.length !== at.lastLen ? { stream: l.stream, text: l.text.slice(0, at.lastLen) } : l;
}

/** The source location an event points at, when it has one. */
export function eventSite(e: TraceEvent | undefined): SourceLoc | null {
  if (!e) return null;
  switch (e.t) {
    case 'task-spawn': case 'task-block': return e.site ?? null;
    case 'alloc': case 'free': case 'realloc': return e.site;
    case 'panic': return e.info.location;
    default: return null;
  }
}

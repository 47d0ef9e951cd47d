// The Output panel's data: stdout/stderr chunks split into lines (one stream per line), keeping
// the latest `maxLines` and counting what was dropped. Pure and immutable-friendly: `append`
// returns a new object so zustand subscribers re-render, while sharing the line array.
import { SHOWN_OUTPUT_LINES } from '../../common/limits';

export type Stream = 'stdout' | 'stderr' | 'note';

export interface OutputLine {
  stream: Stream;
  text: string;
}

export interface OutputModel {
  lines: OutputLine[];
  /** Whether the last line is still open (no newline yet). */
  open: boolean;
  dropped: number; // lines elided by the worker's batch caps or evicted here
  version: number; // bumps on every change (cheap change detection)
}

export const MAX_OUTPUT_LINES = SHOWN_OUTPUT_LINES;

export const emptyOutput = (): OutputModel => ({ lines: [], open: false, dropped: 0, version: 0 });

export function appendChunk(m: OutputModel, stream: Stream, text: string, maxLines = MAX_OUTPUT_LINES): OutputModel {
  if (!text) return m;
  const lines = m.lines;
  let open = m.open;
  const parts = text.split('\n');
  for (let i = 0; i < parts.length; i++) {
    const piece = parts[i];
    const last = lines[lines.length - 1];
    const endsLine = i < parts.length - 1;
    if (open && last && last.stream === stream) {
      last.text += piece;
    } else if (piece.length > 0 || endsLine) {
      lines.push({ stream, text: piece });
    } else {
      continue; // trailing empty piece after a newline: nothing open
    }
    open = !endsLine;
  }
  let dropped = m.dropped;
  if (lines.length > maxLines) {
    const excess = lines.length - maxLines;
    lines.splice(0, excess);
    dropped += excess;
  }
  return { lines, open, dropped, version: m.version + 1 };
}

/** A notice line from the playground itself (not program output), e.g. "… 12 lines dropped". */
export function appendNote(m: OutputModel, text: string): OutputModel {
  m.lines.push({ stream: 'note', text });
  return { ...m, open: false, version: m.version + 1 };
}

export function addDropped(m: OutputModel, n: number): OutputModel {
  if (n <= 0) return m;
  return { ...m, dropped: m.dropped + n, version: m.version + 1 };
}

/** Plain text of the output (for copy and bug reports), stderr lines marked. */
export function outputText(m: OutputModel, markStderr = false): string {
  return m.lines
    .filter((l) => l.stream !== 'note')
    .map((l) => (markStderr && l.stream === 'stderr' ? `[stderr] ${l.text}` : l.text))
    .join('\n');
}

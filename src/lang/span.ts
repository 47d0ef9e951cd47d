// Source positions. Offsets are UTF-16 code-unit offsets into the file text (what JS strings and
// Monaco use); lines and columns are 1-based.
export interface Span {
  file: string;
  start: number;
  end: number;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

/** Maps offsets to line/column for one file; built once per file (binary search on line starts). */
export class LineMap {
  private readonly starts: number[] = [0];
  constructor(readonly file: string, readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  /** 1-based line and column of an offset. */
  pos(offset: number): { line: number; col: number } {
    const s = this.starts;
    let lo = 0, hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - s[lo] + 1 };
  }
  span(start: number, end: number): Span {
    const a = this.pos(start), b = this.pos(end);
    return { file: this.file, start, end, line: a.line, col: a.col, endLine: b.line, endCol: b.col };
  }
  lineText(line: number): string {
    const from = this.starts[line - 1] ?? this.text.length;
    const to = line < this.starts.length ? this.starts[line] - 1 : this.text.length;
    return this.text.slice(from, to).replace(/\r$/, '');
  }
  get lineCount(): number { return this.starts.length; }
}

/** Span covering a and b (a before b). */
export function joinSpans(a: Span, b: Span): Span {
  return { file: a.file, start: a.start, end: b.end, line: a.line, col: a.col, endLine: b.endLine, endCol: b.endCol };
}

// The heap profiler of vex-language §6.15. While active it counts allocations per source line
// (the engine's site ids, mapped to lines only when the report is made), counts frees, and tracks
// which blocks allocated while active are still live. A realloc counts as one allocation (of the
// new size, at the realloc's site) plus one free.

export interface HeapProfileSummary {
  allocs: number;
  bytes: number;
  frees: number;
  liveBytes: number;
  lines: { line: number; allocs: number; bytes: number }[];
}

export class HeapProfiler {
  active = false;
  allocs = 0;
  bytes = 0;
  frees = 0;
  private readonly siteAllocs = new Map<number, number>();
  private readonly siteBytes = new Map<number, number>();
  /** Blocks allocated while active and not freed since: addr -> size. */
  private readonly live = new Map<number, number>();

  start(): void {
    this.active = true;
  }

  stop(): void {
    this.active = false;
  }

  alloc(addr: number, size: number, site: number): void {
    if (!this.active) return;
    this.allocs++;
    this.bytes += size;
    this.siteAllocs.set(site, (this.siteAllocs.get(site) ?? 0) + 1);
    this.siteBytes.set(site, (this.siteBytes.get(site) ?? 0) + size);
    this.live.set(addr, size);
  }

  free(addr: number, _size: number, _site: number): void {
    if (!this.active) return;
    this.frees++;
    this.live.delete(addr);
  }

  realloc(from: number, to: number, oldSize: number, newSize: number, site: number): void {
    if (!this.active) return;
    this.free(from, oldSize, site);
    this.alloc(to, newSize, site);
  }

  liveBytes(): number {
    let n = 0;
    for (const s of this.live.values()) n += s;
    return n;
  }

  /** The report as plain data (for the Metrics panel): lines sorted by bytes desc, then line. */
  summary(lineOf: (site: number) => number): HeapProfileSummary {
    const byLine = new Map<number, { allocs: number; bytes: number }>();
    for (const [site, n] of this.siteAllocs) {
      const line = lineOf(site);
      const e = byLine.get(line) ?? { allocs: 0, bytes: 0 };
      e.allocs += n;
      e.bytes += this.siteBytes.get(site) ?? 0;
      byLine.set(line, e);
    }
    const lines = [...byLine]
      .map(([line, e]) => ({ line, allocs: e.allocs, bytes: e.bytes }))
      .sort((a, b) => b.bytes - a.bytes || a.line - b.line);
    return { allocs: this.allocs, bytes: this.bytes, frees: this.frees, liveBytes: this.liveBytes(), lines };
  }

  /**
   * The report text (ends with a newline):
   *   heap profile: A allocs (B bytes), F frees, L bytes live
   *     line N: A allocs, B bytes          (sorted by bytes desc, then line)
   * `lineOf` maps a site id to its source line; sites on the same line are merged.
   */
  report(lineOf: (site: number) => number): string {
    const s = this.summary(lineOf);
    let out = `heap profile: ${s.allocs} allocs (${s.bytes} bytes), ${s.frees} frees, ${s.liveBytes} bytes live\n`;
    for (const l of s.lines) out += `  line ${l.line}: ${l.allocs} allocs, ${l.bytes} bytes\n`;
    return out;
  }

  reset(): void {
    this.active = false;
    this.allocs = 0;
    this.bytes = 0;
    this.frees = 0;
    this.siteAllocs.clear();
    this.siteBytes.clear();
    this.live.clear();
  }
}

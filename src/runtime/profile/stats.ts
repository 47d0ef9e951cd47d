// The counters behind `runtime_stats()` (vex-language §6.18). The engine calls these for
// user-visible heap operations only (alloc/realloc, collection and String buffers, Box, Gc,
// f-string results), whichever allocator serves them; literals and printing never count.
// reset() right before main runs, so every counter is zero when main starts.

export class RuntimeStats {
  allocs = 0;
  frees = 0;
  liveBytes = 0;
  peakBytes = 0;
  tasksSpawned = 0;
  gcCollections = 0;

  /** Takes in what is counted elsewhere first (the system allocator's Box counters, see
   *  addBoxes): every method that reads or moves a counter calls it, so the figures are exact. */
  sync: () => void = () => {};

  /** `allocs` Box blocks (8 bytes) allocated and `frees` freed since the last call, at most `high`
   *  more live at once than at that call: the counts and the peak as counting each would give. */
  addBoxes(allocs: number, frees: number, high: number): void {
    if (high > 0 && this.liveBytes + 8 * high > this.peakBytes) this.peakBytes = this.liveBytes + 8 * high;
    this.allocs += allocs;
    this.frees += frees;
    this.liveBytes += 8 * (allocs - frees);
  }

  alloc(size: number): void {
    this.sync();
    this.allocs++;
    this.liveBytes += size;
    if (this.liveBytes > this.peakBytes) this.peakBytes = this.liveBytes;
  }

  free(size: number): void {
    this.sync();
    this.frees++;
    this.liveBytes -= size;
  }

  /** alloc(size) then free(size): a temporary's buffer. */
  tmp(size: number): void {
    this.sync();
    this.allocs++;
    this.frees++;
    if (this.liveBytes + size > this.peakBytes) this.peakBytes = this.liveBytes + size;
  }

  /** A realloc counts as one allocation plus one free. */
  realloc(oldSize: number, newSize: number): void {
    this.sync();
    this.allocs++;
    this.frees++;
    this.liveBytes += newSize - oldSize;
    if (this.liveBytes > this.peakBytes) this.peakBytes = this.liveBytes;
  }

  taskSpawned(): void {
    this.tasksSpawned++;
  }

  gcCollected(): void {
    this.gcCollections++;
  }

  reset(): void {
    this.sync();
    this.allocs = 0;
    this.frees = 0;
    this.liveBytes = 0;
    this.peakBytes = 0;
    this.tasksSpawned = 0;
    this.gcCollections = 0;
  }

  /** Plain-data copy (for the Metrics panel / trace). */
  snapshot(): { allocs: number; frees: number; liveBytes: number; peakBytes: number; tasksSpawned: number; gcCollections: number } {
    this.sync();
    const { allocs, frees, liveBytes, peakBytes, tasksSpawned, gcCollections } = this;
    return { allocs, frees, liveBytes, peakBytes, tasksSpawned, gcCollections };
  }
}

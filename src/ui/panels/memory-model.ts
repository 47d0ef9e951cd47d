// The Memory panel's view of the trace: allocation totals, peak, per-site figures and the blocks
// still live at exit (leaks). Pure; realloc counts as one allocation plus one free (§6.15).
import type { SourceLoc, TraceEvent } from '../../runtime/api';

export interface SiteStats {
  site: string; // file:line, or "(runtime)"
  allocs: number;
  bytes: number;
}

export interface LiveBlock {
  addr: number;
  size: number;
  allocator: string;
  site: SourceLoc | null;
}

export interface MemorySummary {
  allocs: number;
  frees: number;
  bytesAllocated: number;
  liveBytes: number;
  peakBytes: number;
  sites: SiteStats[]; // by bytes descending, then site
  live: LiveBlock[]; // by address
  allocators: string[];
}

const siteKey = (s: SourceLoc | null) => (s ? `${s.file}:${s.line}` : '(runtime)');

export function summarizeMemory(trace: readonly TraceEvent[]): MemorySummary {
  const live = new Map<number, LiveBlock>();
  const sites = new Map<string, SiteStats>();
  const allocators = new Set<string>();
  let allocs = 0, frees = 0, bytesAllocated = 0, liveBytes = 0, peakBytes = 0;
  const alloc = (addr: number, size: number, allocator: string, site: SourceLoc | null) => {
    allocs++;
    bytesAllocated += size;
    liveBytes += size;
    peakBytes = Math.max(peakBytes, liveBytes);
    live.set(addr, { addr, size, allocator, site });
    allocators.add(allocator);
    const k = siteKey(site);
    const st = sites.get(k) ?? { site: k, allocs: 0, bytes: 0 };
    st.allocs++;
    st.bytes += size;
    sites.set(k, st);
  };
  const free = (addr: number, size: number) => {
    frees++;
    const b = live.get(addr);
    liveBytes -= b ? b.size : size;
    live.delete(addr);
  };
  for (const e of trace) {
    if (e.t === 'arena') {
      if (e.op !== 'new') for (const b of [...live.values()]) {
        // a reset ends every block of that arena (its bytes are handed out again), as its drop does
        if (b.allocator === 'arena' && b.addr >= e.base && b.addr < e.base + e.capacity) { liveBytes -= b.size; live.delete(b.addr); }
      }
    } else if (e.t === 'alloc') alloc(e.addr, e.size, e.allocator, e.site);
    else if (e.t === 'free') free(e.addr, e.size);
    else if (e.t === 'realloc') {
      const allocator = live.get(e.from)?.allocator ?? 'system';
      free(e.from, e.oldSize);
      alloc(e.to, e.size, allocator, e.site);
    }
  }
  return {
    allocs, frees, bytesAllocated, liveBytes, peakBytes,
    sites: [...sites.values()].sort((a, b) => b.bytes - a.bytes || a.site.localeCompare(b.site)),
    live: [...live.values()].sort((a, b) => a.addr - b.addr),
    allocators: [...allocators].sort(),
  };
}

// The Memory panel's figures (allocations, frees, bytes, live and peak, per-site table, blocks live
// at exit) read off the heap index the map and chart are drawn from: one pass over the trace for
// the whole panel instead of a second one (summarizeMemory) that made an object and a string per
// allocation. Equal to summarizeMemory on every trace whose frees name blocks the trace allocated
// (all a run records); a free of a block from before a trimmed trace's window lowers nothing here.
import { EV_FREE, EV_REALLOC, NEVER, type HeapIndex } from './heap-model';
import type { LiveBlock, MemorySummary, SiteStats } from './memory-model';

export function summaryOfHeap(h: HeapIndex): MemorySummary {
  let bytesAllocated = 0;
  const n = h.count;
  // per site index first (typed, no strings), then merged by `file:line` (sites differ by column)
  const siteAllocs = new Float64Array(h.sites.length), siteBytes = new Float64Array(h.sites.length);
  for (let k = 0; k < n; k++) {
    bytesAllocated += h.size[k];
    siteAllocs[h.site[k]]++;
    siteBytes[h.site[k]] += h.size[k];
  }
  const sites = new Map<string, SiteStats>();
  h.sites.forEach((s, i) => {
    if (!siteAllocs[i]) return;
    const key = s ? `${s.file}:${s.line}` : '(runtime)';
    const st = sites.get(key) ?? { site: key, allocs: 0, bytes: 0 };
    st.allocs += siteAllocs[i];
    st.bytes += siteBytes[i];
    sites.set(key, st);
  });
  let frees = 0;
  for (let j = 0; j < h.evKind.length; j++) if (h.evKind[j] === EV_FREE || h.evKind[j] === EV_REALLOC) frees++;
  const live: LiveBlock[] = [];
  for (let j = 0; j < n; j++) {
    const k = h.byAddr[j];
    if (h.to[k] === NEVER) live.push({ addr: h.addr[k], size: h.size[k], allocator: h.allocators[h.allocator[k]], site: h.sites[h.site[k]] });
  }
  const used = new Set<string>();
  for (let k = 0; k < n; k++) used.add(h.allocators[h.allocator[k]]);
  return {
    allocs: n, frees, bytesAllocated,
    liveBytes: h.evLive.length ? h.evLive[h.evLive.length - 1] : 0,
    peakBytes: h.peak.bytes,
    sites: [...sites.values()].sort((a, b) => b.bytes - a.bytes || a.site.localeCompare(b.site)),
    live, allocators: [...used].sort(),
  };
}

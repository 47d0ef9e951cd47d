// Checkpoints of the heap's live set, so that the heap at any trace position (heapAt) is the
// nearest checkpoint before it plus the allocations made since — not a scan of every allocation
// of the trace on each scrubber move. A checkpoint holds the live blocks as ranks in address order
// (HeapIndex.byAddr); checkpoints are spaced max(SPACING, live/4) heap events apart, so a move
// costs O(live + SPACING·log SPACING) and all checkpoints together hold O(heap events) ranks.
// Built on the first heapAt of a trace, in one pass of the same step a move uses. Pure.
import { snapshotFromLive, type HeapIndex, type Snapshot } from './heap-model';

export const SPACING = 1024;

interface Checkpoints {
  pos: number[]; // positions, increasing; pos[0] = 0
  live: Int32Array[]; // live blocks at pos[j], as ranks into byAddr (ascending = address order)
  rank: Int32Array; // rank[k]: where allocation k is in byAddr
  prefLo: Float64Array; // lowest address among the non-arena blocks of allocations [0..k]
  prefHi: Float64Array; // highest end among them
  arenaBlocks: Int32Array[]; // per arena: its allocations in time order
  arenaBump: Float64Array[]; // per arena, after each of its blocks: the bump pointer (offset from base)
}

const built = new WeakMap<HeapIndex, Checkpoints>();

/** How many allocations happened before position p (h.from is non-decreasing). */
function allocsBefore(h: HeapIndex, p: number): number {
  let lo = 0, hi = h.count;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (h.from[m] < p) lo = m + 1; else hi = m;
  }
  return lo;
}

/** The live set at p (ranks, ascending) from the live set `base` at position c <= p: the blocks of
 *  `base` not ended by p, merged with the allocations made in [c, p) still live at p. */
function advance(h: HeapIndex, rank: Int32Array, base: Int32Array, c: number, p: number): Int32Array {
  const { to, byAddr } = h;
  const k0 = allocsBefore(h, c), k1 = allocsBefore(h, p);
  const added = new Int32Array(k1 - k0);
  let na = 0;
  for (let k = k0; k < k1; k++) if (to[k] >= p) added[na++] = rank[k];
  const add = added.subarray(0, na).sort();
  const out = new Int32Array(base.length + na);
  let n = 0, i = 0, j = 0;
  while (i < base.length || j < na) {
    if (j >= na || (i < base.length && base[i] < add[j])) {
      const r = base[i++];
      if (to[byAddr[r]] >= p) out[n++] = r;
    } else out[n++] = add[j++];
  }
  return out.subarray(0, n);
}

function build(h: HeapIndex): Checkpoints {
  const n = h.count;
  const rank = new Int32Array(n);
  for (let j = 0; j < n; j++) rank[h.byAddr[j]] = j;
  const prefLo = new Float64Array(n), prefHi = new Float64Array(n);
  let lo = Infinity, hi = -Infinity;
  for (let k = 0; k < n; k++) {
    if (h.arena[k] < 0) {
      if (h.addr[k] < lo) lo = h.addr[k];
      if (h.addr[k] + h.size[k] > hi) hi = h.addr[k] + h.size[k];
    }
    prefLo[k] = lo; prefHi[k] = hi;
  }
  // each arena's blocks in time order, and its bump pointer after each (reset by a reset)
  const lists: number[][] = h.arenas.map(() => []);
  for (let k = 0; k < n; k++) if (h.arena[k] >= 0) lists[h.arena[k]].push(k);
  const arenaBlocks = lists.map((l) => Int32Array.from(l));
  const arenaBump = arenaBlocks.map((blocks, a) => {
    const info = h.arenas[a];
    const out = new Float64Array(blocks.length);
    let ri = 0, top = 0;
    for (let m = 0; m < blocks.length; m++) {
      const k = blocks[m];
      let reset = false;
      while (ri < info.resets.length && info.resets[ri] < h.from[k]) { ri++; reset = true; }
      if (reset) top = 0;
      top = Math.max(top, h.addr[k] + h.size[k] - info.base);
      out[m] = top;
    }
    return out;
  });
  const pos = [0], live: Int32Array[] = [new Int32Array(0)];
  let cur: Int32Array = live[0], c = 0, e = 0;
  for (;;) {
    e += Math.max(SPACING, cur.length >> 2);
    if (e >= h.evPos.length) break;
    const p = h.evPos[e] + 1;
    cur = advance(h, rank, cur, c, p);
    c = p;
    pos.push(p);
    live.push(cur);
  }
  return { pos, live, rank, prefLo, prefHi, arenaBlocks, arenaBump };
}

/** The heap after events [0, position): live blocks in address order, extent, arenas. */
export function snapshotAt(h: HeapIndex, position: number): Snapshot {
  const p = Math.max(0, Math.min(h.length, position));
  let cp = built.get(h);
  if (!cp) { cp = build(h); built.set(h, cp); }
  let lo = 0, hi = cp.pos.length - 1; // the last checkpoint at or before p
  while (lo < hi) {
    const m = (lo + hi + 1) >> 1;
    if (cp.pos[m] <= p) lo = m; else hi = m - 1;
  }
  const ranks = advance(h, cp.rank, cp.live[lo], cp.pos[lo], p);
  const liveIdx = new Int32Array(ranks.length);
  for (let j = 0; j < ranks.length; j++) liveIdx[j] = h.byAddr[ranks[j]];
  const kk = allocsBefore(h, p);
  const { arenaBlocks, arenaBump } = cp;
  const used = (a: number): number => {
    const blocks = arenaBlocks[a];
    let l = 0, r = blocks.length; // blocks handed out before p
    while (l < r) {
      const m = (l + r) >> 1;
      if (h.from[blocks[m]] < p) l = m + 1; else r = m;
    }
    if (l === 0) return 0;
    let since = h.arenas[a].createdAt;
    for (const x of h.arenas[a].resets) if (x < p) since = x;
    return h.from[blocks[l - 1]] > since ? arenaBump[a][l - 1] : 0;
  };
  return snapshotFromLive(h, p, liveIdx, liveIdx.length, kk ? cp.prefLo[kk - 1] : Infinity, kk ? cp.prefHi[kk - 1] : -Infinity, used);
}

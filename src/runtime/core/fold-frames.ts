// Folding repeated frames of a deep stack (stack overflow view): a run of one call site repeated
// is direct recursion, a repeated short cycle of sites is mutual recursion. Greedy from the
// innermost frame: at each position take the period (1..MAX_PERIOD) whose repetition covers the
// most frames (the shortest on ties).

const MAX_PERIOD = 4;

export interface SiteGroup {
  sites: number[];
  times: number;
}

/** `sites` innermost first; returns groups innermost first that expand back to `sites`. */
export function foldSites(sites: ArrayLike<number>): SiteGroup[] {
  const out: SiteGroup[] = [];
  const n = sites.length;
  let i = 0;
  while (i < n) {
    let bestP = 1, bestTimes = 1;
    for (let p = 1; p <= MAX_PERIOD && i + 2 * p <= n; p++) {
      let times = 1;
      while (i + (times + 1) * p <= n && same(sites, i, i + times * p, p)) times++;
      if (times >= 2 && times * p > bestTimes * bestP) { bestP = p; bestTimes = times; }
    }
    const group: number[] = [];
    for (let k = 0; k < bestP; k++) group.push(sites[i + k]);
    out.push({ sites: group, times: bestTimes });
    i += bestP * bestTimes;
  }
  return out;
}

function same(a: ArrayLike<number>, x: number, y: number, p: number): boolean {
  for (let k = 0; k < p; k++) if (a[x + k] !== a[y + k]) return false;
  return true;
}

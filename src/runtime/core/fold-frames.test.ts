import { describe, expect, it } from 'vitest';
import { foldSites } from './fold-frames';

const expand = (gs: { sites: number[]; times: number }[]) => gs.flatMap((g) => Array.from({ length: g.times }, () => g.sites).flat());

describe('foldSites', () => {
  it('folds direct recursion into one frame ×N and keeps the outer frames', () => {
    const sites = [...Array(4093).fill(7), 3, 1];
    const g = foldSites(sites);
    expect(g).toEqual([{ sites: [7], times: 4093 }, { sites: [3], times: 1 }, { sites: [1], times: 1 }]);
    expect(expand(g)).toEqual(sites);
  });
  it('folds mutual recursion as a cycle', () => {
    const sites = [5, ...Array(100).fill([4, 5]).flat(), 9];
    const g = foldSites(sites);
    expect(g[0].times * g[0].sites.length + (g[1]?.times ?? 0) * (g[1]?.sites.length ?? 0)).toBeGreaterThanOrEqual(200);
    expect(g.some((x) => x.sites.length === 2 && x.times >= 100)).toBe(true);
    expect(expand(g)).toEqual(sites);
  });
  it('leaves a stack without repeats as it is', () => {
    expect(foldSites([1, 2, 3])).toEqual([{ sites: [1], times: 1 }, { sites: [2], times: 1 }, { sites: [3], times: 1 }]);
    expect(foldSites([])).toEqual([]);
  });
});

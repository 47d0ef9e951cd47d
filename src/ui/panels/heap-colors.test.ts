import { describe, expect, it } from 'vitest';
import { allocatorStyle, contrast, PALETTES } from './heap-colors';

describe('heap map colours', () => {
  for (const theme of ['light', 'dark'] as const) {
    const p = PALETTES[theme];
    it(`${theme}: every mark has at least 3:1 contrast with the background, text 4.5:1`, () => {
      const marks = [p.allocators.system, p.allocators.arena, p.allocators.gc, ...p.allocators.vex, p.leak, p.cursor, p.peak, p.reset, p.muted];
      for (const c of marks) expect(contrast(c, p.bg), c).toBeGreaterThanOrEqual(3);
      expect(contrast(p.fg, p.bg)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(p.muted, p.bg)).toBeGreaterThanOrEqual(4.5);
      // the free-space fill differs from the background but is outlined, never confused with a block
      expect(contrast(p.muted, p.free)).toBeGreaterThanOrEqual(3);
    });
  }
  it('gives each allocator kind its own pattern', () => {
    const p = PALETTES.light;
    const styles = ['system', 'arena', 'gc', 'Counting', 'Pool'].map((n, i) => allocatorStyle(p, n, i - 3).pattern);
    expect(new Set(styles).size).toBe(5);
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });
});

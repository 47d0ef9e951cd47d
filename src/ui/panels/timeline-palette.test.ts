import { describe, it, expect } from 'vitest';
import { TIMELINE_THEMES, contrast } from './timeline-palette';
import { SEG_KINDS } from './timeline-model';

describe('timeline palette', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#777777')).toBe(1);
  });
  for (const [name, th] of Object.entries(TIMELINE_THEMES)) {
    it(`${name}: every kind has a fill (>= 3:1 on the background), a label (>= 4.5:1 on its fill) and its own pattern`, () => {
      for (const k of SEG_KINDS) {
        const s = th.kinds[k];
        expect(contrast(s.fill, th.bg), `${k} fill`).toBeGreaterThanOrEqual(3);
        if (k !== 'ended' && k !== 'abandoned') expect(contrast(th.ink, s.fill), `${k} label`).toBeGreaterThanOrEqual(4.5);
      }
      expect(new Set(SEG_KINDS.map((k) => th.kinds[k].pattern)).size).toBe(SEG_KINDS.length);
      expect(new Set(SEG_KINDS.map((k) => th.kinds[k].fill)).size).toBe(SEG_KINDS.length);
      expect(contrast(th.fg, th.bg)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(th.muted, th.bg)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(th.cursor, th.bg)).toBeGreaterThanOrEqual(3);
    });
  }
});

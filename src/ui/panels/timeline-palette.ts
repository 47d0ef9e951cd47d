// Colours, patterns and short labels of the Task timeline's segment kinds, per theme. Colour is
// never the only signal: every kind has its own pattern and a text label (drawn when it fits).
// timeline-palette.test.ts checks WCAG AA: fills >= 3:1 against the panel background (graphics),
// labels >= 4.5:1 against their fill (text), in both themes.
import type { SegKind } from './timeline-model';

export type ThemeName = 'light' | 'dark';
export type Pattern = 'solid' | 'stripes' | 'dots' | 'hlines' | 'vlines' | 'zigzag' | 'backslash' | 'grid' | 'thin' | 'crosses';

export interface KindStyle { fill: string; pattern: Pattern; short: string }
export interface TimelineTheme {
  bg: string; // panel background (--bg)
  fg: string; // text
  muted: string; // axis, grid lines
  ink: string; // labels and patterns drawn on a fill
  cursor: string;
  arrow: string;
  focus: string;
  kinds: Record<SegKind, KindStyle>;
}

const PATTERNS: Record<SegKind, Pattern> = {
  running: 'solid', ready: 'stripes', await: 'dots', recv: 'hlines', send: 'vlines', sleep: 'zigzag',
  join: 'backslash', lock: 'grid', ended: 'thin', abandoned: 'crosses',
};
const SHORT: Record<SegKind, string> = {
  running: 'run', ready: 'ready', await: 'await', recv: 'recv', send: 'send', sleep: 'sleep',
  join: 'join', lock: 'lock', ended: 'ended', abandoned: 'abandoned',
};

function kinds(fills: Record<SegKind, string>): Record<SegKind, KindStyle> {
  const out = {} as Record<SegKind, KindStyle>;
  for (const k of Object.keys(fills) as SegKind[]) out[k] = { fill: fills[k], pattern: PATTERNS[k], short: SHORT[k] };
  return out;
}

export const TIMELINE_THEMES: Record<ThemeName, TimelineTheme> = {
  light: {
    bg: '#ffffff', fg: '#1f2328', muted: '#57606a', ink: '#ffffff', cursor: '#cf222e', arrow: '#1f2328', focus: '#0b63c5',
    kinds: kinds({
      running: '#1a7f37', ready: '#8a5a00', await: '#0b63c5', recv: '#6f42c1', send: '#b42318', sleep: '#57606a',
      join: '#0e6f7e', lock: '#9c3d00', ended: '#6e7781', abandoned: '#a40e26',
    }),
  },
  dark: {
    bg: '#1e1e1e', fg: '#e6edf3', muted: '#9da7b3', ink: '#111111', cursor: '#ff7b72', arrow: '#e6edf3', focus: '#3b8eea',
    kinds: kinds({
      running: '#3fb950', ready: '#d29922', await: '#58a6ff', recv: '#bc8cff', send: '#ff7b72', sleep: '#9da7b3',
      join: '#39c5cf', lock: '#f0883e', ended: '#8b949e', abandoned: '#ffa198',
    }),
  },
};

// ------------------------------------------------------------------ WCAG contrast
function channel(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}
function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}
export function contrast(a: string, b: string): number {
  const la = luminance(a), lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

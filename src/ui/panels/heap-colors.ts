// Colours and patterns of the heap map and the live-heap chart, per theme. Every allocator has a
// colour with at least 3:1 contrast against the panel background (WCAG 1.4.11, checked in
// heap-colors.test.ts) and its own pattern, so colour is never the only signal.

export type Theme = 'light' | 'dark';
export type Pattern = 'solid' | 'stripes' | 'dots' | 'cross' | 'hlines' | 'vlines';

export interface HeapPalette {
  bg: string; // the panel background the colours are checked against
  fg: string;
  muted: string;
  free: string; // fill of free space (outlined dashed in `muted`)
  leak: string;
  cursor: string;
  peak: string;
  reset: string;
  allocators: { system: string; arena: string; gc: string; vex: string[] };
}

export const PALETTES: Record<Theme, HeapPalette> = {
  light: {
    bg: '#ffffff', fg: '#1f2328', muted: '#57606a', free: '#f3f4f6', leak: '#b42318', cursor: '#1f2328', peak: '#b42318', reset: '#9a6700',
    allocators: { system: '#0b63c5', arena: '#a35200', gc: '#1a7f37', vex: ['#8250df', '#a0336b', '#4d5a66'] },
  },
  dark: {
    bg: '#1e1e1e', fg: '#e6edf3', muted: '#9da7b3', free: '#2b2b30', leak: '#ff7b72', cursor: '#e6edf3', peak: '#ff7b72', reset: '#d29922',
    allocators: { system: '#58a6ff', arena: '#e3a24a', gc: '#56d364', vex: ['#d2a8ff', '#ff7eb6', '#9db1c5'] },
  },
};

const VEX_PATTERNS: Pattern[] = ['cross', 'hlines', 'vlines'];

/** Colour and pattern of an allocator; `vexRank` numbers the Vex-written allocators (0, 1, …). */
export function allocatorStyle(p: HeapPalette, name: string, vexRank: number): { color: string; pattern: Pattern } {
  if (name === 'system') return { color: p.allocators.system, pattern: 'solid' };
  if (name === 'arena') return { color: p.allocators.arena, pattern: 'stripes' };
  if (name === 'gc') return { color: p.allocators.gc, pattern: 'dots' };
  const i = Math.max(0, vexRank);
  return { color: p.allocators.vex[i % p.allocators.vex.length], pattern: VEX_PATTERNS[i % VEX_PATTERNS.length] };
}

/** WCAG relative-luminance contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const [x, y] = [lum(a), lum(b)].sort((m, n) => n - m);
  return (x + 0.05) / (y + 0.05);
}

/** Draws a rectangle in an allocator's colour with its pattern (marks in the background colour). */
export function paintPattern(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, color: string, pattern: Pattern, bg: string): void {
  ctx.fillStyle = color;
  ctx.fillRect(x, y, w, h);
  if (pattern === 'solid' || w < 3) return;
  ctx.save();
  ctx.beginPath();
  ctx.rect(x, y, w, h);
  ctx.clip();
  ctx.strokeStyle = bg;
  ctx.fillStyle = bg;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  if (pattern === 'stripes' || pattern === 'cross') {
    for (let d = -h; d < w; d += 6) { ctx.moveTo(x + d, y + h); ctx.lineTo(x + d + h, y); }
    if (pattern === 'cross') for (let d = 0; d < w + h; d += 6) { ctx.moveTo(x + d, y + h); ctx.lineTo(x + d - h, y); }
    ctx.stroke();
  } else if (pattern === 'hlines') {
    for (let yy = y + 3; yy < y + h; yy += 5) { ctx.moveTo(x, yy); ctx.lineTo(x + w, yy); }
    ctx.stroke();
  } else if (pattern === 'vlines') {
    for (let xx = x + 3; xx < x + w; xx += 5) { ctx.moveTo(xx, y); ctx.lineTo(xx, y + h); }
    ctx.stroke();
  } else {
    for (let yy = y + 3; yy < y + h; yy += 5) for (let xx = x + 3; xx < x + w; xx += 5) ctx.rect(xx - 1, yy - 1, 2, 2);
    ctx.fill();
  }
  ctx.restore();
}

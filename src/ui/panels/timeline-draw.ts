// Canvas drawing of the Task timeline (no React): the lanes layer, redrawn on scroll/zoom/resize,
// and the cursor layer, redrawn on every scrubber move. Windowed: only the visible lanes, their
// segments in the visible x range (binary search) and the arrows into them are visited, and at
// most about one shape per pixel column is drawn when zoomed out, so 10,000 lanes and 500,000
// events stay cheap.
import { ARROW_CAUSES, firstLaneSegmentAfter, laneSegments, SEG_KINDS, type SegKind, type TEvent, type Timeline } from './timeline-model';
import type { Pattern, TimelineTheme } from './timeline-palette';

export interface Geometry {
  labelW: number; // lane-label column
  laneH: number;
  axisH: number;
  font: number; // px
}
export const GEOMETRY: Geometry = { labelW: 190, laneH: 26, axisH: 24, font: 12 };
export const PRESENTATION_GEOMETRY: Geometry = { labelW: 260, laneH: 36, axisH: 32, font: 17 };

/** The visible window: scroll offsets in px, size in CSS px, zoom in px per axis unit. */
export interface View { sx: number; sy: number; w: number; h: number; ppu: number }

export const unitToPx = (g: Geometry, v: View, u: number) => g.labelW + u * v.ppu - v.sx;
export const pxToUnit = (g: Geometry, v: View, px: number) => (px - g.labelW + v.sx) / v.ppu;
export const laneTop = (g: Geometry, v: View, li: number) => g.axisH + li * g.laneH - v.sy;
export function laneAtY(g: Geometry, v: View, y: number, count: number): number {
  if (y < g.axisH) return -1;
  const li = Math.floor((y - g.axisH + v.sy) / g.laneH);
  return li >= 0 && li < count ? li : -1;
}

/** A tile of each kind's pattern in the theme's ink, cached per theme. */
const tiles = new Map<string, CanvasPattern | null>();
function patternFor(ctx: CanvasRenderingContext2D, p: Pattern, ink: string): CanvasPattern | null {
  const key = `${p}${ink}`;
  if (tiles.has(key)) return tiles.get(key)!;
  let pat: CanvasPattern | null = null;
  if (p !== 'solid' && p !== 'thin' && typeof document !== 'undefined') {
    const c = document.createElement('canvas');
    c.width = c.height = 8;
    const t = c.getContext('2d')!;
    t.strokeStyle = t.fillStyle = ink;
    t.globalAlpha = 0.55;
    t.lineWidth = 1.5;
    t.beginPath();
    switch (p) {
      case 'stripes': t.moveTo(0, 8); t.lineTo(8, 0); t.moveTo(-2, 2); t.lineTo(2, -2); t.moveTo(6, 10); t.lineTo(10, 6); break;
      case 'backslash': t.moveTo(0, 0); t.lineTo(8, 8); t.moveTo(6, -2); t.lineTo(10, 2); t.moveTo(-2, 6); t.lineTo(2, 10); break;
      case 'hlines': t.moveTo(0, 4); t.lineTo(8, 4); break;
      case 'vlines': t.moveTo(4, 0); t.lineTo(4, 8); break;
      case 'grid': t.moveTo(0, 4); t.lineTo(8, 4); t.moveTo(4, 0); t.lineTo(4, 8); break;
      case 'zigzag': t.moveTo(0, 6); t.lineTo(2, 2); t.lineTo(4, 6); t.lineTo(6, 2); t.lineTo(8, 6); break;
      case 'crosses': t.moveTo(1, 1); t.lineTo(7, 7); t.moveTo(7, 1); t.lineTo(1, 7); break;
      case 'dots': t.arc(4, 4, 1.6, 0, Math.PI * 2); t.fill(); break;
    }
    t.stroke();
    pat = ctx.createPattern(c, 'repeat');
  }
  tiles.set(key, pat);
  return pat;
}

/** One segment-kind swatch (legend), the same fill, pattern and bar shape as in the lanes. */
export function drawSwatch(c: HTMLCanvasElement, kind: SegKind, theme: TimelineTheme): void {
  const ctx = c.getContext('2d');
  if (!ctx) return;
  ctx.clearRect(0, 0, c.width, c.height);
  fillSegment(ctx, theme, kind, 0, 0, c.width, c.height);
}

function fillSegment(ctx: CanvasRenderingContext2D, th: TimelineTheme, kind: SegKind, x: number, y: number, w: number, h: number): void {
  const st = th.kinds[kind];
  const thin = kind === 'ended' || kind === 'abandoned';
  const by = thin ? y + h * 0.35 : y, bh = thin ? h * 0.3 : h;
  ctx.fillStyle = st.fill;
  ctx.fillRect(x, by, w, bh);
  if (w < 3) return;
  if (kind === 'abandoned') {
    ctx.strokeStyle = st.fill;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    for (let cx = x + 4; cx < x + w - 2; cx += 10) { ctx.moveTo(cx - 3, y + 3); ctx.lineTo(cx + 3, y + h - 3); ctx.moveTo(cx + 3, y + 3); ctx.lineTo(cx - 3, y + h - 3); }
    ctx.stroke();
    return;
  }
  const pat = patternFor(ctx, st.pattern, th.ink);
  if (pat) { ctx.fillStyle = pat; ctx.fillRect(x, by, w, bh); }
}

export interface DrawState { focusLane: number; focusEvent: TEvent | null }

/** The lanes layer: axis with time marks, segments, wake arrows, the label column. */
export function drawLanes(ctx: CanvasRenderingContext2D, tl: Timeline, g: Geometry, v: View, th: TimelineTheme, st: DrawState): void {
  ctx.fillStyle = th.bg;
  ctx.fillRect(0, 0, v.w, v.h);
  ctx.font = `${g.font}px system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  const first = Math.max(0, Math.floor(v.sy / g.laneH));
  const last = Math.min(tl.lanes.length - 1, Math.floor((v.sy + v.h - g.axisH) / g.laneH));
  const u0 = pxToUnit(g, v, g.labelW), u1 = pxToUnit(g, v, v.w);
  const pad = Math.max(2, Math.round(g.laneH * 0.15));

  ctx.save();
  ctx.beginPath();
  ctx.rect(g.labelW, g.axisH, v.w - g.labelW, v.h - g.axisH);
  ctx.clip();
  for (let li = first; li <= last; li++) {
    const y = laneTop(g, v, li);
    if (li === st.focusLane) { ctx.fillStyle = th.focus; ctx.globalAlpha = 0.12; ctx.fillRect(g.labelW, y, v.w, g.laneH); ctx.globalAlpha = 1; }
    drawSegments(ctx, tl, li, g, v, th, u0, u1, y + pad, g.laneH - 2 * pad);
  }
  drawArrows(ctx, tl, g, v, th, u0, u1, first, last);
  ctx.restore();

  // axis: time marks (virtual clock) where it advances
  ctx.fillStyle = th.bg;
  ctx.fillRect(0, 0, v.w, g.axisH);
  ctx.strokeStyle = th.muted;
  ctx.fillStyle = th.muted;
  ctx.beginPath();
  ctx.moveTo(g.labelW, g.axisH - 0.5);
  ctx.lineTo(v.w, g.axisH - 0.5);
  let lastLabel = -Infinity;
  for (const m of marksIn(tl, u0, u1)) {
    const px = Math.round(unitToPx(g, v, m.x)) + 0.5;
    ctx.moveTo(px, g.axisH - 6);
    ctx.lineTo(px, g.axisH);
    if (px - lastLabel < 48) continue; // too close to the last label (and no text to measure)
    const text = `t=${m.clock} ms`;
    if (px - lastLabel > textWidth(ctx, text) + 12) {
      ctx.fillText(text, px + 3, g.axisH / 2 - 2);
      lastLabel = px;
    }
  }
  ctx.stroke();

  // label column
  ctx.fillStyle = th.bg;
  ctx.fillRect(0, 0, g.labelW, v.h);
  ctx.fillStyle = th.muted;
  ctx.fillText('virtual time →', 6, g.axisH / 2 - 2);
  for (let li = first; li <= last; li++) {
    const y = laneTop(g, v, li);
    if (y + g.laneH < g.axisH) continue;
    const focused = li === st.focusLane;
    ctx.fillStyle = focused ? th.focus : th.fg;
    ctx.font = `${focused ? '600 ' : ''}${g.font}px system-ui, sans-serif`;
    ctx.fillText(fit(ctx, tl.lanes[li].label, g.labelW - 10), 6, y + g.laneH / 2);
  }
  ctx.strokeStyle = th.muted;
  ctx.beginPath();
  ctx.moveTo(g.labelW - 0.5, 0);
  ctx.lineTo(g.labelW - 0.5, v.h);
  ctx.stroke();
}

/** Text widths per font, kept: a lane's segments repeat the same few labels, and measuring text
 *  (shaping it) stood out in first-paint profiles. Bounded: cleared when it grows large. */
const widths = new Map<string, number>();
function textWidth(ctx: CanvasRenderingContext2D, s: string): number {
  const key = `${ctx.font}\u0000${s}`;
  let w = widths.get(key);
  if (w === undefined) {
    if (widths.size > 4096) widths.clear();
    w = ctx.measureText(s).width;
    widths.set(key, w);
  }
  return w;
}

function fit(ctx: CanvasRenderingContext2D, s: string, w: number): string {
  if (textWidth(ctx, s) <= w) return s;
  let lo = 0, hi = s.length;
  while (lo < hi) { const m = (lo + hi + 1) >> 1; if (textWidth(ctx, s.slice(0, m) + '…') <= w) lo = m; else hi = m - 1; }
  return s.slice(0, lo) + '…';
}

function drawSegments(ctx: CanvasRenderingContext2D, tl: Timeline, li: number, g: Geometry, v: View, th: TimelineTheme, u0: number, u1: number, y: number, h: number): void {
  const { x0, x1, kind: kinds, count: stop } = laneSegments(tl, li);
  let lastPx = -Infinity;
  for (let i = firstLaneSegmentAfter(tl, li, u0); i < stop; i++) {
    if (x0[i] > u1) break;
    const px0 = unitToPx(g, v, x0[i]), px1 = unitToPx(g, v, x1[i]);
    if (px1 - px0 < 1 && px1 < lastPx + 1) continue; // this pixel column is drawn already
    const kind = SEG_KINDS[kinds[i]];
    const x = Math.max(px0, g.labelW - 2), w = Math.max(1, Math.min(px1, v.w + 2) - x);
    fillSegment(ctx, th, kind, x, y, w - (w > 3 ? 1 : 0), h);
    lastPx = px1;
    const label = th.kinds[kind].short;
    if (w > 44 && kind !== 'ended' && kind !== 'abandoned') {
      const tw = textWidth(ctx, label);
      if (tw + 8 < w) {
        ctx.fillStyle = th.kinds[kind].fill;
        ctx.fillRect(x + 3, y + h / 2 - g.font / 2 - 1, tw + 4, g.font + 2);
        ctx.fillStyle = th.ink;
        ctx.fillText(label, x + 5, y + h / 2);
      }
    } else if (w > 60) {
      ctx.fillStyle = th.fg;
      ctx.fillText(label, x + 5, y + h / 2);
    }
  }
}

function drawArrows(ctx: CanvasRenderingContext2D, tl: Timeline, g: Geometry, v: View, th: TimelineTheme, u0: number, u1: number, first: number, last: number): void {
  const a = tl.arrowCols;
  // the arrows into the visible lanes in the visible x range, in x order (an arrow's index is its
  // x order): gathered from those lanes' lists, not found among every arrow of the run
  const shown: number[] = [];
  for (let li = first; li <= last; li++) {
    for (let k = a.laneHead[li]; k >= 0 && a.x[k] <= u1; k = a.next[k]) if (a.x[k] >= u0) shown.push(k);
  }
  const order = Int32Array.from(shown).sort();
  ctx.strokeStyle = th.arrow;
  ctx.fillStyle = th.arrow;
  ctx.lineWidth = 1.25;
  let lastPx = -Infinity;
  const spawn = ARROW_CAUSES.indexOf('spawn'), timer = ARROW_CAUSES.indexOf('timer');
  for (let j = 0; j < order.length; j++) {
    const i = order[j];
    const to = a.toLane[i], from = a.fromLane[i]; // an arrow belongs to the task it wakes
    const px = Math.round(unitToPx(g, v, a.x[i])) + 0.5;
    if (px - lastPx < 5) continue; // zoomed out: at most one arrow per 5 px
    lastPx = px;
    const yTo = laneTop(g, v, to) + g.laneH / 2;
    // a timer comes from the clock axis; a waker off screen gets a stub from the lane's edge
    const yFrom = from >= first && from <= last ? laneTop(g, v, from) + g.laneH / 2
      : from < 0 ? g.axisH : yTo + (from < to ? -1 : 1) * g.laneH * 0.9;
    const dir = yTo > yFrom ? 1 : -1;
    ctx.setLineDash(a.cause[i] === spawn ? [3, 3] : a.cause[i] === timer ? [1, 2] : []);
    ctx.beginPath();
    ctx.moveTo(px, yFrom);
    ctx.lineTo(px, yTo - dir * 5);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.beginPath();
    ctx.moveTo(px, yTo);
    ctx.lineTo(px - 4, yTo - dir * 6);
    ctx.lineTo(px + 4, yTo - dir * 6);
    ctx.closePath();
    ctx.fill();
  }
}

function* marksIn(tl: Timeline, u0: number, u1: number) {
  for (const m of tl.marks) {
    if (m.x > u1) return;
    if (m.x >= u0) yield m;
  }
}

/** The cursor layer: the scrubber's position, the focused event's ring. */
export function drawCursor(ctx: CanvasRenderingContext2D, tl: Timeline, g: Geometry, v: View, th: TimelineTheme, cursorX: number, st: DrawState): void {
  ctx.clearRect(0, 0, v.w, v.h);
  const px = Math.round(unitToPx(g, v, cursorX)) + 0.5;
  if (px >= g.labelW && px <= v.w) {
    ctx.strokeStyle = th.cursor;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(px, 0);
    ctx.lineTo(px, v.h);
    ctx.stroke();
    ctx.fillStyle = th.cursor;
    ctx.beginPath();
    ctx.moveTo(px - 5, 0);
    ctx.lineTo(px + 5, 0);
    ctx.lineTo(px, 7);
    ctx.fill();
  }
  const e = st.focusEvent;
  if (e) {
    const li = tl.laneOf.get(e.task) ?? -1;
    const x = unitToPx(g, v, e.x), y = laneTop(g, v, li);
    if (x >= g.labelW - 4 && y >= g.axisH - g.laneH) {
      ctx.strokeStyle = th.focus;
      ctx.lineWidth = 2.5;
      ctx.strokeRect(x - 4, y + 1, 8, g.laneH - 2);
    }
  }
}

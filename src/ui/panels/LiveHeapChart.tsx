// Live heap over time: live bytes across the run's trace positions (bucketed min/max, so a
// 500,000-event trace is as many points as the chart has pixels), allocations and frees as ticks
// under it, the peak marked, arena resets as dashed lines, and a cursor at the scrubber's position.
// Hand-written SVG: the paths depend only on the trace; a scrubber move only moves the cursor.
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { bytesText, liveAt, liveSeries, type HeapIndex } from './heap-model';
import type { HeapPalette } from './heap-colors';

const H = 180, TOP = 18, PLOT = 100, BAND = 28, LEFT = 64, RIGHT = 12, BAND_TOP = TOP + PLOT + 8;

export function LiveHeapChart({ h, position, palette }: { h: HeapIndex; position: number; palette: HeapPalette }) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(640);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => setWidth(Math.max(320, Math.floor(el.clientWidth))));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const plotW = width - LEFT - RIGHT;
  const len = Math.max(1, h.length);
  const x = (p: number) => LEFT + (p / len) * plotW;
  const now = liveAt(h, position);
  const cx = x(position);
  const label = `Live heap over time: peak ${bytesText(h.peak.bytes)} at event ${h.peak.at}; ${bytesText(now)} live at event ${position} of ${h.length}`;
  return (
    <div ref={ref} className="live-chart">
      <svg width={width} height={H} role="img" aria-label="Live heap over time" data-position={position}>
        <desc>{label}</desc>
        <Series h={h} width={width} palette={palette} />
        <line x1={cx} x2={cx} y1={4} y2={BAND_TOP + BAND} stroke={palette.cursor} strokeWidth="2" data-testid="chart-cursor" />
        <text x={cx > width - 170 ? cx - 4 : cx + 4} y={12} fontSize="11" fill={palette.fg} textAnchor={cx > width - 170 ? 'end' : 'start'}>
          now: {bytesText(now)} live
        </text>
      </svg>
    </div>
  );
}

/** Everything but the cursor: recomputed only when the trace or the width changes. */
const Series = memo(function Series({ h, width, palette }: { h: HeapIndex; width: number; palette: HeapPalette }) {
  const plotW = width - LEFT - RIGHT;
  const s = useMemo(() => liveSeries(h, Math.max(1, Math.floor(plotW / 2))), [h, plotW]);
  const len = Math.max(1, h.length);
  const x = (p: number) => LEFT + (p / len) * plotW;
  const top = Math.max(1, s.max);
  const y = (b: number) => TOP + PLOT - (b / top) * PLOT;
  const { area, line, ticks } = useMemo(() => {
    let area = `M${x(0)},${y(0)}`, line = '';
    const maxCount = Math.max(1, ...s.buckets.map((b) => Math.max(b.allocs, b.frees)));
    let ticks = '', fticks = '';
    const mid = BAND_TOP + BAND / 2;
    s.buckets.forEach((b, i) => {
      const x0 = x(b.start), x1 = i + 1 < s.buckets.length ? x(s.buckets[i + 1].start) : x(len);
      area += `L${x0},${y(b.max)}L${x1},${y(b.max)}`;
      line += `${i ? 'L' : 'M'}${x0},${y(b.max)}L${x1},${y(b.max)}`;
      const xm = (x0 + x1) / 2;
      if (b.allocs) ticks += `M${xm},${mid - 1}V${mid - 1 - Math.max(2, (b.allocs / maxCount) * (BAND / 2 - 2))}`;
      if (b.frees) fticks += `M${xm},${mid + 1}V${mid + 1 + Math.max(2, (b.frees / maxCount) * (BAND / 2 - 2))}`;
    });
    area += `L${x(len)},${y(0)}Z`;
    return { area, line, ticks: { up: ticks, down: fticks } };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [s, plotW, len]);
  const sys = palette.allocators.system;
  const px = x(s.peak.at), py = y(s.peak.bytes);
  const resets = s.resets;
  return (
    <g>
      <line x1={LEFT} x2={LEFT + plotW} y1={y(0)} y2={y(0)} stroke={palette.muted} />
      <line x1={LEFT} x2={LEFT} y1={TOP} y2={y(0)} stroke={palette.muted} />
      <text x={LEFT - 4} y={y(0)} fontSize="11" fill={palette.muted} textAnchor="end" dominantBaseline="middle">0</text>
      <text x={LEFT - 4} y={TOP} fontSize="11" fill={palette.muted} textAnchor="end" dominantBaseline="middle">{bytesText(s.max)}</text>
      <path d={area} fill={sys} fillOpacity="0.18" />
      <path d={line} fill="none" stroke={sys} strokeWidth="1.5" />
      <path d={ticks.up} stroke={sys} strokeWidth="1.5" />
      <path d={ticks.down} stroke={palette.muted} strokeWidth="1.5" />
      <text x={LEFT - 4} y={BAND_TOP + 9} fontSize="10" fill={palette.muted} textAnchor="end">▲ allocs</text>
      <text x={LEFT - 4} y={BAND_TOP + BAND - 1} fontSize="10" fill={palette.muted} textAnchor="end">▼ frees</text>
      {resets.slice(0, 200).map((r, i) => (
        <g key={i} data-testid="chart-reset">
          <line x1={x(r)} x2={x(r)} y1={TOP} y2={y(0)} stroke={palette.reset} strokeDasharray="4 3" strokeWidth="1.5" />
          {(resets.length <= 8 || i === 0) && (
            <text x={x(r) + 3} y={TOP + 10} fontSize="10" fill={palette.reset}>{resets.length <= 8 ? 'reset' : `${resets.length} resets`}</text>
          )}
        </g>
      ))}
      {s.peak.bytes > 0 && (
        <g data-testid="chart-peak">
          <circle cx={px} cy={py} r="4" fill={palette.peak} />
          <text x={px > width - 160 ? px - 6 : px + 6} y={py + 4} fontSize="11" fill={palette.peak} textAnchor={px > width - 160 ? 'end' : 'start'}>
            peak {bytesText(s.peak.bytes)}
          </text>
        </g>
      )}
      <text x={LEFT + plotW} y={H - 2} fontSize="10" fill={palette.muted} textAnchor="end">event {len} →</text>
    </g>
  );
});

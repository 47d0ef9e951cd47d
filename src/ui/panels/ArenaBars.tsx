// One bar per arena, to scale: its capacity, the blocks handed out, the bump pointer (everything
// left of it is used, everything right of it is still free), and how many resets it has had.
import { bytesText, hex, siteText, taskName, type HeapIndex, type HeapState } from './heap-model';
import type { HeapPalette } from './heap-colors';
import type { AllocatorStyles } from './HeapMap';
import { revealSite } from './HeapMap';

const W = 600, H = 26, MAX_SHOWN = 6, MAX_RECTS = 300;

export function ArenaBars({ h, state, palette, styles }: { h: HeapIndex; state: HeapState; palette: HeapPalette; styles: AllocatorStyles }) {
  const arenaIdx = h.allocators.indexOf('arena');
  const st = styles.style(arenaIdx);
  const shown = state.arenas.slice(0, MAX_SHOWN);
  return (
    <div className="arena-bars">
      {shown.map((a) => {
        const { info } = a;
        const scale = (n: number) => (n / info.capacity) * W;
        // many blocks: neighbours that share a pixel column are merged into one rect
        const rects: { x: number; w: number; k: number; n: number }[] = [];
        for (const k of a.blocks) {
          const x = scale(h.addr[k] - info.base), w = Math.max(1.5, scale(h.size[k]));
          const last = rects[rects.length - 1];
          if (last && (a.blocks.length > MAX_RECTS ? x - (last.x + last.w) < 1 : false)) { last.w = x + w - last.x; last.n++; } else rects.push({ x, w, k, n: 1 });
        }
        const bump = Math.min(W, scale(a.used));
        const label = `arena #${info.id} at ${hex(info.base)}: ${bytesText(a.used)} of ${bytesText(info.capacity)} used, ${a.blocks.length} live blocks, ${a.resets} resets`;
        return (
          <div key={info.id} className="arena-bar">
            <div className="arena-caption">
              <strong>arena #{info.id}</strong>{' '}
              <button type="button" className="link" onClick={() => revealSite(info.site)}>{siteText(info.site)}</button>{' '}
              — bump pointer at {bytesText(a.used)} of {bytesText(info.capacity)}
              {a.resets > 0 && <> · reset {a.resets}×</>}
            </div>
            <svg viewBox={`-2 -2 ${W + 4} ${H + 16}`} width="100%" role="img" aria-label={label} preserveAspectRatio="xMinYMin meet" className="arena-svg">
              <defs>
                <pattern id={`arena-hatch-${info.id}`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                  <rect width="6" height="6" fill={st.color} />
                  <line x1="0" y1="0" x2="0" y2="6" stroke={palette.bg} strokeWidth="2" />
                </pattern>
              </defs>
              <rect x="0" y="0" width={W} height={H} fill={palette.free} stroke={st.color} strokeWidth="2" />
              {rects.map((r, i) => (
                <rect key={i} x={r.x} y="3" width={r.w} height={H - 6} fill={`url(#arena-hatch-${info.id})`} style={{ cursor: 'pointer' }}
                  onClick={() => revealSite(h.sites[h.site[r.k]])}>
                  <title>{r.n > 1 ? `${r.n} blocks` : `arena block at ${hex(h.addr[r.k])}, ${bytesText(h.size[r.k])}, allocated at ${siteText(h.sites[h.site[r.k]])} by ${taskName(h, h.task[r.k])}`}</title>
                </rect>
              ))}
              <line x1={bump} y1="-2" x2={bump} y2={H + 2} stroke={palette.fg} strokeWidth="2.5" />
              <text x={bump > W - 120 ? bump - 3 : bump + 3} y={H + 12} fontSize="11" fill={palette.fg} textAnchor={bump > W - 120 ? 'end' : 'start'}>bump {bytesText(a.used)}</text>
            </svg>
          </div>
        );
      })}
      {state.arenas.length > MAX_SHOWN && <p className="note">…and {state.arenas.length - MAX_SHOWN} more arenas.</p>}
    </div>
  );
}

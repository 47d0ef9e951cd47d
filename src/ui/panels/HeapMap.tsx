// The heap map: the simulated heap at the scrubber's position as an address-ordered strip of
// blocks (coloured and patterned by allocator), free chunks dashed, arenas as regions with their
// bump pointer, leaks outlined. Drawn on a canvas (a big heap is thousands of cells; a scrubber
// move redraws it in one pass); hover or arrow keys show a block's address, size, site, task and
// age; click or Enter reveals its allocation site.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useUi } from '../state/ui-store';
import { arenaBlockAt, CELL_ARENA, CELL_BLOCK, CELL_FREE, cellSite, describeCell, type HeapCell, type HeapIndex, type HeapState } from './heap-model';
import { hitTest, layoutStrip } from './heap-layout';
import { allocatorStyle, paintPattern, type HeapPalette, type Pattern } from './heap-colors';
import { ArenaBars } from './ArenaBars';

export interface AllocatorStyles {
  style(allocator: number): { color: string; pattern: Pattern };
  names: string[];
}

export function useAllocatorStyles(h: HeapIndex, p: HeapPalette): AllocatorStyles {
  return useMemo(() => {
    const fixed = new Set(['system', 'arena', 'gc']);
    const vex = h.allocators.filter((n) => !fixed.has(n)).sort();
    const styles = h.allocators.map((n) => allocatorStyle(p, n, vex.indexOf(n)));
    return { style: (a: number) => styles[a] ?? { color: p.muted, pattern: 'solid' as Pattern }, names: h.allocators };
  }, [h, p]);
}

export function revealSite(s: { file: string; line: number; col: number } | null): void {
  if (s) useUi.getState().reveal(s.file, s.line, s.col, true);
}

interface Props {
  h: HeapIndex;
  state: HeapState;
  palette: HeapPalette;
  /** An address to point at (a leak row hovered in the list). */
  focusAddr: number | null;
}

export function HeapMap({ h, state, palette, focusAddr }: Props) {
  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(600);
  const [hover, setHover] = useState<{ i: number; x: number; y: number } | null>(null);
  const [sel, setSel] = useState(-1);
  const styles = useAllocatorStyles(h, palette);
  const { cells } = state;
  const layout = useMemo(() => layoutStrip(cells, width), [cells, width]);

  useEffect(() => {
    const el = wrap.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => setWidth(Math.max(200, Math.floor(el.clientWidth) - 4)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  useEffect(() => { if (sel >= cells.length) setSel(-1); }, [cells, sel]);

  const focusIdx = useMemo(() => {
    if (focusAddr === null) return -1;
    return cells.findIndex((c) => c.addr <= focusAddr && focusAddr < c.addr + Math.max(1, c.size));
  }, [cells, focusAddr]);

  useEffect(() => {
    const cv = canvas.current;
    if (!cv) return;
    const dpr = typeof devicePixelRatio === 'number' ? devicePixelRatio : 1;
    const height = Math.max(layout.rowH, layout.height);
    // resizing reallocates the canvas: only when the size really changed
    if (cv.width !== Math.ceil(width * dpr)) { cv.width = Math.ceil(width * dpr); cv.style.width = `${width}px`; }
    if (cv.height !== Math.ceil(height * dpr)) { cv.height = Math.ceil(height * dpr); cv.style.height = `${height}px`; }
    const ctx = cv.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    cv.dataset.position = String(state.position); // the position drawn (bench:views waits for it)
    ctx.clearRect(0, 0, width, height);
    for (let i = 0; i < cells.length; i++) drawCell(ctx, h, state, cells[i], layout.x[i], layout.y[i], layout.w[i], layout.rowH, palette, styles);
    for (const i of [focusIdx, sel, hover?.i ?? -1]) {
      if (i < 0 || i >= cells.length) continue;
      ctx.strokeStyle = palette.fg;
      ctx.lineWidth = 2;
      ctx.setLineDash([]);
      ctx.strokeRect(layout.x[i] - 1, layout.y[i] - 1, layout.w[i] + 2, layout.rowH + 2);
    }
  }, [h, state, cells, layout, width, palette, styles, focusIdx, sel, hover]);

  const at = (e: MouseEvent) => {
    const r = canvas.current!.getBoundingClientRect();
    return { i: hitTest(layout, e.clientX - r.left, e.clientY - r.top), x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const onKey = (e: KeyboardEvent) => {
    if (!cells.length) return;
    let i = sel;
    if (e.key === 'ArrowRight') i = Math.min(cells.length - 1, sel + 1);
    else if (e.key === 'ArrowLeft') i = Math.max(0, sel - 1);
    else if (e.key === 'Home') i = 0;
    else if (e.key === 'End') i = cells.length - 1;
    else if (e.key === 'Enter' && sel >= 0) { revealSite(cellSite(h, cells[sel])); e.preventDefault(); return; }
    else return;
    e.preventDefault();
    setSel(i);
    setHover(null);
  };
  // inside an arena's box the mouse points at one of its blocks (2 px of slack for tiny ones)
  const target = (i: number, x: number): HeapCell => {
    const c = cells[i];
    if (c.kind !== CELL_ARENA) return c;
    return arenaBlockAt(h, state, c, (x - layout.x[i]) / layout.w[i], 2 / layout.w[i]) ?? c;
  };
  const shown = hover && hover.i >= 0 ? hover : sel >= 0 && sel < cells.length ? { i: sel, x: layout.x[sel] + layout.w[sel] / 2, y: layout.y[sel] } : null;
  const lines = shown ? describeCell(h, hover && hover.i >= 0 ? target(hover.i, hover.x) : cells[shown.i], state.position) : null;

  return (
    <div className="heap-map-wrap" ref={wrap}>
      <Legend h={h} state={state} palette={palette} styles={styles} />
      <div
        className="heap-map"
        role="group"
        aria-label="Heap map"
        aria-describedby="heap-map-summary"
        tabIndex={0}
        onKeyDown={onKey}
        onBlur={() => setSel(-1)}
      >
        <p id="heap-map-summary" className="sr-only">
          {state.liveBlocks} live blocks, {state.liveBytes} bytes, {state.arenas.length} arenas at event {state.position}.
          Arrow keys move from block to block; Enter shows the allocation site.
        </p>
        <canvas
          ref={canvas}
          aria-hidden="true"
          data-cells={cells.length}
          onMouseMove={(e) => setHover(at(e))}
          onMouseLeave={() => setHover(null)}
          onClick={(e) => { const { i, x } = at(e); if (i >= 0) { setSel(i); revealSite(cellSite(h, target(i, x))); } }}
          style={{ cursor: hover && hover.i >= 0 ? 'pointer' : 'default' }}
        />
        {lines && shown && (
          <div role="tooltip" className="heap-tip" style={{ left: Math.min(shown.x + 12, Math.max(0, width - 300)), top: shown.y + layout.rowH + 6 }}>
            {lines.map((l) => <div key={l}>{l}</div>)}
          </div>
        )}
        <div className="sr-only" aria-live="polite">{hover === null && lines ? lines.join('. ') : ''}</div>
      </div>
      {state.grouped > 1 && <p className="note">Each cell holds {state.grouped} neighbouring blocks or gaps (a large heap); hover for its contents.</p>}
      {state.arenas.length > 0 && <ArenaBars h={h} state={state} palette={palette} styles={styles} />}
    </div>
  );
}

function drawCell(ctx: CanvasRenderingContext2D, h: HeapIndex, state: HeapState, c: HeapCell, x: number, y: number, w: number, rowH: number, p: HeapPalette, styles: AllocatorStyles) {
  if (c.kind === CELL_FREE) {
    ctx.fillStyle = p.free;
    ctx.fillRect(x, y, w, rowH);
    ctx.strokeStyle = p.muted;
    ctx.lineWidth = 1;
    ctx.setLineDash([3, 2]);
    ctx.strokeRect(x + 0.5, y + 0.5, w - 1, rowH - 1);
    ctx.setLineDash([]);
    return;
  }
  if (c.kind === CELL_ARENA) {
    const a = state.arenas.find((s) => s.index === c.ref);
    const arenaStyle = allocatorStyle(p, 'arena', 0);
    ctx.fillStyle = p.free;
    ctx.fillRect(x, y, w, rowH);
    if (a) {
      for (const k of a.blocks) {
        const bx = x + ((h.addr[k] - a.info.base) / a.info.capacity) * w;
        const bw = Math.max(2, (h.size[k] / a.info.capacity) * w);
        paintPattern(ctx, bx, y + 3, Math.min(bw, x + w - bx), rowH - 6, arenaStyle.color, arenaStyle.pattern, p.bg);
      }
      const bump = x + Math.min(1, a.used / a.info.capacity) * w;
      ctx.fillStyle = p.fg;
      ctx.fillRect(Math.min(bump, x + w - 2), y, 2, rowH);
    }
    ctx.strokeStyle = c.leak ? p.leak : arenaStyle.color;
    ctx.lineWidth = 2;
    ctx.strokeRect(x + 1, y + 1, w - 2, rowH - 2);
    return;
  }
  const st = styles.style(c.allocator);
  if (c.kind === CELL_BLOCK) {
    paintPattern(ctx, x, y, w, rowH, st.color, st.pattern, p.bg);
  } else {
    // a group: the live share of its bytes filled from the bottom, the rest free
    ctx.fillStyle = p.free;
    ctx.fillRect(x, y, w, rowH);
    const share = c.liveBytes + c.freeBytes > 0 ? c.liveBytes / (c.liveBytes + c.freeBytes) : 0;
    const fh = Math.max(c.blocks > 0 ? 3 : 0, Math.round(share * rowH));
    if (fh > 0 && c.allocator >= 0) paintPattern(ctx, x, y + rowH - fh, w, fh, st.color, st.pattern, p.bg);
  }
  if (c.leak) {
    ctx.strokeStyle = p.leak;
    ctx.lineWidth = 2;
    ctx.setLineDash([]);
    ctx.strokeRect(x + 1, y + 1, w - 2, rowH - 2);
    if (w >= 10) {
      ctx.fillStyle = p.leak;
      ctx.beginPath();
      ctx.moveTo(x, y); ctx.lineTo(x + 8, y); ctx.lineTo(x, y + 8);
      ctx.fill();
    }
  }
}

function Legend({ h, state, palette, styles }: { h: HeapIndex; state: HeapState; palette: HeapPalette; styles: AllocatorStyles }) {
  const items = h.allocators.map((name, i) => ({ name, i, live: state.byAllocator.find((b) => b.name === name) }));
  return (
    <ul className="heap-legend" aria-label="Heap map legend">
      {items.map(({ name, i, live }) => (
        <li key={name}>
          <Swatch draw={(ctx) => paintPattern(ctx, 0, 0, 18, 14, styles.style(i).color, styles.style(i).pattern, palette.bg)} />
          {name === 'gc' ? 'Gc heap' : name === 'system' ? 'system allocator' : name === 'arena' ? 'arena' : `${name} (Vex allocator)`}
          <small> {live ? `${live.blocks} live, ${live.bytes} B` : 'none live'}</small>
        </li>
      ))}
      <li>
        <Swatch draw={(ctx) => { ctx.fillStyle = palette.free; ctx.fillRect(0, 0, 18, 14); ctx.strokeStyle = palette.muted; ctx.setLineDash([3, 2]); ctx.strokeRect(0.5, 0.5, 17, 13); }} />
        free space
      </li>
      <li>
        <Swatch draw={(ctx) => { ctx.strokeStyle = palette.leak; ctx.lineWidth = 2; ctx.strokeRect(1, 1, 16, 12); ctx.fillStyle = palette.leak; ctx.beginPath(); ctx.moveTo(0, 0); ctx.lineTo(8, 0); ctx.lineTo(0, 8); ctx.fill(); }} />
        never freed (leak)
      </li>
      {state.arenas.length > 0 && (
        <li>
          <Swatch draw={(ctx) => { ctx.fillStyle = palette.free; ctx.fillRect(0, 0, 18, 14); ctx.fillStyle = palette.fg; ctx.fillRect(8, 0, 2, 14); }} />
          bump pointer
        </li>
      )}
    </ul>
  );
}

function Swatch({ draw }: { draw: (ctx: CanvasRenderingContext2D) => void }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, 18, 14);
    draw(ctx);
  });
  return <canvas ref={ref} width={18} height={14} className="swatch" aria-hidden="true" />;
}

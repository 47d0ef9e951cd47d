// The Task timeline: one swimlane per task on two canvases (lanes; cursor), windowed, over a
// native scroll area. Hover shows what happened there; click reveals the line in the editor;
// ↑/↓ move focus lane to lane, ←/→ event to event, Enter reveals and scrubs to the event.
// A scrubber move redraws only the cursor canvas (no React render).
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useRun } from '../state/run-store';
import { useScrub, effectivePosition } from '../state/scrub-store';
import { useSettings, resolveTheme } from '../state/settings-store';
import { useUi } from '../state/ui-store';
import { cursorX, describeEvent, nearestEvent, segmentAt, clockAt, KIND_LABEL, SEG_KINDS, siteText, laneEventCount, lastSegmentKind, type TEvent, type Timeline, type SegKind } from './timeline-model';
import { TIMELINE_THEMES, type TimelineTheme } from './timeline-palette';
import { GEOMETRY, PRESENTATION_GEOMETRY, drawCursor, drawLanes, drawSwatch, laneAtY, laneTop, pxToUnit, unitToPx, type DrawState, type Geometry, type View } from './timeline-draw';

interface Tip { x: number; y: number; text: string[] }

export function TaskTimeline({ tl }: { tl: Timeline }) {
  const themeChoice = useSettings((s) => s.theme);
  const presentation = useSettings((s) => s.presentation);
  const theme = TIMELINE_THEMES[resolveTheme(themeChoice)];
  const g = presentation ? PRESENTATION_GEOMETRY : GEOMETRY;

  const scroller = useRef<HTMLDivElement>(null);
  const base = useRef<HTMLCanvasElement>(null);
  const over = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState({ w: 600, h: 200 });
  const [zoom, setZoom] = useState(1); // 1 = the whole run fits the width
  const [focus, setFocus] = useState<{ lane: number; event: TEvent | null }>({ lane: 0, event: null });
  const [tip, setTip] = useState<Tip | null>(null);
  const [announce, setAnnounce] = useState('');

  const fitPpu = Math.max(1e-6, (size.w - g.labelW - 12) / tl.width);
  const ppu = fitPpu * zoom;
  const contentW = g.labelW + tl.width * ppu + 12;
  const contentH = g.axisH + tl.lanes.length * g.laneH + 4;
  const viewRef = useRef<View>({ sx: 0, sy: 0, w: size.w, h: size.h, ppu });
  const drawState: DrawState = { focusLane: focus.lane, focusEvent: focus.event };
  const stateRef = useRef(drawState);
  stateRef.current = drawState;

  // measured before the first paint (a layout effect, declared before the painting one): the
  // first paint then draws once, at the measured size, not once at the default and again
  useLayoutEffect(() => {
    const el = scroller.current!;
    // the same size again keeps the state object: no second render and full redraw
    const measure = () => setSize((s) => (s.w === el.clientWidth && s.h === el.clientHeight ? s : { w: el.clientWidth, h: el.clientHeight }));
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    measure();
    return () => ro.disconnect();
  }, []);

  const paintCursor = useCallback(() => {
    const c = over.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const v = viewRef.current;
    const len = useRun.getState().trace.length;
    const p = effectivePosition(useScrub.getState().position, len);
    ctx.setTransform(devicePixelRatio, 0, 0, devicePixelRatio, 0, 0);
    const cx = cursorX(tl, p, len);
    drawCursor(ctx, tl, g, v, theme, cx, stateRef.current);
    if (scroller.current) {
      scroller.current.dataset.cursor = String(cx); // the cursor's axis unit (tests read it)
      scroller.current.dataset.position = String(p); // the position drawn (bench:views waits for it)
    }
  }, [tl, g, theme]);

  const paint = useCallback(() => {
    const el = scroller.current, c = base.current;
    const ctx = c?.getContext('2d');
    if (!el || !c || !ctx) return;
    const v: View = { sx: el.scrollLeft, sy: el.scrollTop, w: el.clientWidth, h: el.clientHeight, ppu };
    viewRef.current = v;
    for (const cv of [c, over.current!]) {
      const W = Math.round(v.w * devicePixelRatio), H = Math.round(v.h * devicePixelRatio);
      if (cv.width !== W || cv.height !== H) { cv.width = W; cv.height = H; cv.style.width = `${v.w}px`; cv.style.height = `${v.h}px`; }
    }
    ctx.setTransform(devicePixelRatio, 0, 0, devicePixelRatio, 0, 0);
    drawLanes(ctx, tl, g, v, theme, stateRef.current);
    paintCursor();
  }, [tl, g, theme, ppu, paintCursor]);

  // lanes layer: on data, size, zoom, theme, focus; cursor layer: on every scrubber move
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && (el.clientWidth !== size.w || el.clientHeight !== size.h)) return; // a render at the measured size follows
    paint();
  }, [paint, size, focus]);
  useEffect(() => useScrub.subscribe(paintCursor), [paintCursor]);
  const frame = useRef(0);
  const onScroll = () => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(paint);
  };

  // ---------------------------------------------------------------- pointer
  const hit = (ev: MouseEvent) => {
    const r = scroller.current!.getBoundingClientRect();
    const px = ev.clientX - r.left, py = ev.clientY - r.top;
    const v = viewRef.current;
    const li = laneAtY(g, v, py, tl.lanes.length);
    if (li < 0 || px < g.labelW) return { px, py, li, lane: li >= 0 ? tl.lanes[li] : null, event: null, x: 0 };
    const x = pxToUnit(g, v, px);
    const lane = tl.lanes[li];
    const near = nearestEvent(lane, x);
    const event = near && Math.abs(unitToPx(g, v, near.x) - px) <= 6 ? near : null;
    return { px, py, li, lane, event, x };
  };
  const onMove = (ev: MouseEvent) => {
    const h = hit(ev);
    if (!h.lane) { setTip(null); return; }
    const text = h.px < g.labelW
      ? [h.lane.label, h.lane.site ? `spawned at line ${h.lane.site.line}` : 'the program\'s main task', `${laneEventCount(tl, h.li)} events`]
      : tipText(tl, h.lane.task, h.event, h.x);
    setTip({ x: h.px, y: h.py, text });
  };
  const onClick = (ev: MouseEvent) => {
    const h = hit(ev);
    if (!h.lane) return;
    setFocus({ lane: h.li, event: h.event });
    const site = h.event?.site ?? (h.x ? segmentAt(h.lane, h.x)?.site : null) ?? (h.px < g.labelW ? h.lane.site : null);
    if (site) useUi.getState().reveal(site.file, site.line, site.col, true);
    if (h.event) useScrub.getState().setPosition(h.event.index + 1);
  };

  // ---------------------------------------------------------------- keyboard
  const moveTo = (lane: number, event: TEvent | null) => {
    setFocus({ lane, event });
    const l = tl.lanes[lane];
    setAnnounce(event ? `${describeEvent(tl, event)}, t=${event.clock} ms, step ${event.step}` : `${l.label}: ${laneEventCount(tl, lane)} events`);
    const el = scroller.current!, v = viewRef.current;
    const top = laneTop(g, { ...v, sy: 0 }, lane);
    if (top - g.axisH < el.scrollTop) el.scrollTop = top - g.axisH;
    else if (top + g.laneH > el.scrollTop + el.clientHeight) el.scrollTop = top + g.laneH - el.clientHeight;
    if (event) {
      const px = g.labelW + event.x * ppu;
      if (px - g.labelW < el.scrollLeft || px > el.scrollLeft + el.clientWidth - 20) el.scrollLeft = Math.max(0, px - g.labelW - (el.clientWidth - g.labelW) / 2);
    }
  };
  const onKey = (e: KeyboardEvent) => {
    const lane = tl.lanes[focus.lane];
    const evs = lane?.events ?? [];
    const i = focus.event ? evs.indexOf(focus.event) : -1;
    let handled = true;
    switch (e.key) {
      case 'ArrowDown': moveTo(Math.min(tl.lanes.length - 1, focus.lane + 1), null); break;
      case 'ArrowUp': moveTo(Math.max(0, focus.lane - 1), null); break;
      case 'ArrowRight': if (evs.length) moveTo(focus.lane, evs[Math.min(evs.length - 1, i + 1)]); break;
      case 'ArrowLeft': if (evs.length) moveTo(focus.lane, evs[i < 0 ? 0 : Math.max(0, i - 1)]); break;
      case 'Home': if (evs.length) moveTo(focus.lane, evs[0]); break;
      case 'End': if (evs.length) moveTo(focus.lane, evs[evs.length - 1]); break;
      case 'Enter': {
        const site = focus.event?.site ?? lane?.site;
        if (site) useUi.getState().reveal(site.file, site.line, site.col, true);
        if (focus.event) useScrub.getState().setPosition(focus.event.index + 1);
        break;
      }
      default: handled = false;
    }
    if (handled) e.preventDefault();
  };

  return (
    <div className="timeline" data-testid="task-timeline">
      <div className="timeline-bar">
        <Legend theme={theme} />
        <span className="spacer" />
        <button type="button" onClick={() => setZoom((z) => Math.max(1, z / 2))} aria-label="Zoom out" disabled={zoom <= 1}>−</button>
        <button type="button" onClick={() => setZoom(1)} aria-label="Fit the whole run">Fit</button>
        <button type="button" onClick={() => setZoom((z) => Math.min(1 << 16, z * 2))} aria-label="Zoom in">+</button>
      </div>
      <div className="timeline-stage">
        <div
          ref={scroller}
          className="timeline-scroll"
          role="application"
          aria-label="Task timeline"
          aria-roledescription="task timeline"
          aria-describedby="timeline-help"
          tabIndex={0}
          onScroll={onScroll}
          onMouseMove={onMove}
          onMouseLeave={() => setTip(null)}
          onClick={onClick}
          onKeyDown={onKey}
          onFocus={() => { if (!focus.event && !announce) setAnnounce(`${tl.lanes[focus.lane]?.label ?? ''}: ${tl.lanes.length} lanes`); }}
          data-lanes={tl.lanes.length}
          data-focus-lane={focus.lane}
          data-focus-event={focus.event ? focus.event.index : ''}
        >
          <div style={{ width: contentW, height: contentH }} />
        </div>
        <canvas ref={base} className="timeline-canvas" aria-hidden="true" />
        <canvas ref={over} className="timeline-canvas" aria-hidden="true" />
        {tip && (
          <div className="timeline-tip" role="tooltip" data-testid="timeline-tooltip" style={{ left: Math.min(tip.x + 14, size.w - 260), top: tip.y + 16 }}>
            {tip.text.map((t, i) => <div key={i}>{t}</div>)}
          </div>
        )}
      </div>
      <p id="timeline-help" className="sr-only">Arrow up and down move between tasks, left and right between a task's events; Enter shows the event's line and moves the time scrubber there.</p>
      <div className="sr-only" aria-live="polite" data-testid="timeline-announce">{announce}</div>
      <ul className="sr-only" aria-label="Tasks">
        {tl.lanes.slice(0, 200).map((l, li) => <li key={l.task}>{l.label}: {laneSummary(lastSegmentKind(tl, li) ?? undefined)}</li>)}
      </ul>
    </div>
  );
}

function laneSummary(k: SegKind | undefined): string {
  return k ? KIND_LABEL[k] : 'no events';
}

function tipText(tl: Timeline, task: number, e: TEvent | null, x: number): string[] {
  const lane = tl.lanes[tl.laneOf.get(task) ?? 0];
  if (e) {
    return [
      describeEvent(tl, e),
      `t=${e.clock} ms · step ${e.step} · event #${e.index}`,
      e.site ? `line ${e.site.line} (${siteText(e.site)})` : 'no source line',
    ];
  }
  const s = segmentAt(lane, x);
  if (!s) return [lane.label];
  return [
    `${lane.label}: ${KIND_LABEL[s.kind]}`,
    `t=${clockAt(tl, x)} ms`,
    s.site ? `line ${s.site.line} (${siteText(s.site)})` : 'no source line',
  ];
}

function Legend({ theme }: { theme: TimelineTheme }) {
  return (
    <ul className="timeline-legend" aria-label="Legend">
      {SEG_KINDS.filter((k) => k !== 'lock').map((k) => (
        <li key={k}>
          <Swatch kind={k} theme={theme} />
          {KIND_LABEL[k]}
        </li>
      ))}
      <li><span className="legend-arrow" aria-hidden="true">↓</span>woke / spawned</li>
    </ul>
  );
}

function Swatch({ kind, theme }: { kind: SegKind; theme: TimelineTheme }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => { if (ref.current) drawSwatch(ref.current, kind, theme); }, [kind, theme]);
  return <canvas ref={ref} width={28} height={14} className="legend-swatch" aria-hidden="true" />;
}

export type { Geometry };

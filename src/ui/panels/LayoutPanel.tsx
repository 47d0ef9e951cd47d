// C layout: every #[repr(C)] struct, union and bitfield struct of the program as a byte grid —
// each field at its offset with its size, padding hatched, bitfields bit by bit, a union's
// members overlaid from byte 0. From the live check (the checker's GCC layouts): no run needed.
import { useMemo } from 'react';
import { useLayouts } from '../state/layout-store';
import { useUi } from '../state/ui-store';
import type { CLayout } from '../../worker/protocol';
import { layoutPicture, rowPieces, type Piece, type Segment } from './c-layout-model';
import './teaching-views.css';

const PER_ROW = 8;

export function LayoutPanel() {
  const layouts = useLayouts((s) => s.layouts);
  if (layouts.length === 0) {
    return <div className="empty">No #[repr(C)] struct, union or bitfield struct in this program. Declare one and its C layout appears here (no run needed).</div>;
  }
  return (
    <div className="ffi-view" role="region" aria-label="C layout" data-testid="c-layout">
      <p className="layout-legend">
        <span>Each cell is one byte ({PER_ROW} a row): row offset on the left, +byte above.</span>
        <span><span className="cell pad">pad</span> padding (no field)</span>
        <span><span className="cell c0">field</span> name, type, offset+size</span>
      </p>
      <div className="layouts">
        {layouts.map((l) => <LayoutView key={`${l.loc.file}:${l.name}`} layout={l} />)}
      </div>
    </div>
  );
}

function LayoutView({ layout }: { layout: CLayout }) {
  const pic = useMemo(() => layoutPicture(layout), [layout]);
  const reveal = () => useUi.getState().reveal(layout.loc.file, layout.loc.line, layout.loc.col, true);
  const rows = Math.max(1, Math.ceil(pic.size / PER_ROW));
  const perRow = Math.min(PER_ROW, Math.max(1, pic.size));
  // colour per field name (cycled) besides its label; the same field keeps its colour in every lane
  const names = [...new Set(pic.lanes.flatMap((l) => l.segments.filter((s) => s.kind !== 'padding').map((s) => s.name ?? '')))];
  const colour = (s: Segment) => (s.kind === 'padding' ? 'pad' : `c${names.indexOf(s.name ?? '') % 4}`);
  return (
    <section className="layout" aria-label={pic.summary} data-testid="layout">
      <h4>
        <button type="button" className="plain" onClick={reveal} title="Show the declaration">
          {layout.reprC ? '#[repr(C)] ' : ''}{pic.kind} {pic.name}
        </button>{' '}
        <small className="ffi-type">size {pic.size} · align {pic.align}{pic.paddingBytes ? ` · ${pic.paddingBytes} padding byte${pic.paddingBytes === 1 ? '' : 's'}` : ''}{pic.kind === 'union' ? ' · members overlaid' : ''}</small>
      </h4>
      {pic.lanes.map((lane, li) => (
        <div key={li} className="layout-grid" role="table" aria-label={pic.kind === 'union' ? `member ${lane.label}` : 'fields'}
          style={{ gridTemplateColumns: `5em repeat(${perRow}, minmax(52px, 1fr))` }}>
          {li === 0 && (
            <>
              <span className="layout-lane-label" aria-hidden="true">{pic.kind === 'union' ? 'member' : 'offset'}</span>
              {Array.from({ length: perRow }, (_, i) => <span key={i} className="byte-ruler" aria-hidden="true">+{i}</span>)}
            </>
          )}
          {Array.from({ length: rows }, (_, r) => (
            <RowCells key={r} pieces={rowPieces(lane.segments, perRow).filter((p) => p.row === r)} colour={colour}
              label={pic.kind === 'union' ? (r === 0 ? lane.label : '') : String(r * perRow)} />
          ))}
        </div>
      ))}
    </section>
  );
}

function RowCells({ pieces, colour, label }: { pieces: Piece[]; colour: (s: Segment) => string; label: string }) {
  return (
    <>
      <span className="layout-lane-label">{label}</span>
      {pieces.map((p, i) => {
        const s = p.segment;
        const text = s.kind === 'padding' ? `padding, bytes ${s.offset}–${s.offset + s.size - 1}` : `${s.name}: ${s.type}, offset ${s.offset}, ${s.size} byte${s.size === 1 ? '' : 's'}`;
        return (
          <div key={i} role="cell" className={`cell ${colour(s)}${p.first ? '' : ' cont'}`} style={{ gridColumn: `${p.col + 2} / span ${p.span}` }}
            title={text} aria-label={p.first ? text : `${text} (continued)`} data-testid={s.kind === 'padding' ? 'layout-pad' : 'layout-field'}>
            {s.kind === 'padding' ? (p.first ? `pad ${s.size}` : '') : p.first ? (
              <>
                <strong>{s.kind === 'bits' ? 'bits' : s.name}</strong>
                <small>{s.kind === 'bits' ? `${s.type} unit @${s.offset}` : `${s.type} @${s.offset}+${s.size}`}</small>
                {s.kind === 'bits' && <BitRow segment={s} />}
              </>
            ) : <small>{s.name} …</small>}
          </div>
        );
      })}
    </>
  );
}

/** The bits of a bitfield unit, most significant first (as a C programmer writes a byte). */
function BitRow({ segment }: { segment: Segment }) {
  const total = segment.size * 8;
  const runs = [...(segment.bits ?? [])].reverse();
  return (
    <div className="bits" style={{ gridTemplateColumns: `repeat(${total}, 1fr)` }} aria-label={`bits of ${segment.name}`} data-testid="layout-bits">
      {runs.map((b, i) => (
        <span key={i} className={`bit${b.name ? '' : ' unused'}`} style={{ gridColumn: `span ${b.bitWidth}` }}
          title={`${b.name ?? 'unused'}: bits ${b.bitOffset}–${b.bitOffset + b.bitWidth - 1}`} data-testid={b.name ? 'layout-bit' : 'layout-bit-unused'}>
          {b.name ? `${b.name}:${b.bitWidth}` : '·'}
        </span>
      ))}
    </div>
  );
}

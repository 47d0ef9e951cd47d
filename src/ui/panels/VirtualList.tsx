// A small fixed-row-height virtual list: only the rows in view are in the DOM, so 100,000 lines
// scroll smoothly. Sticks to the bottom while new rows arrive if the user was at the bottom.
import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { visibleRange } from './virtual-range';

interface Props {
  count: number;
  rowHeight: number;
  renderRow: (index: number) => ReactNode;
  version: number; // changes when rows change
  className?: string;
  label: string;
  stickToBottom?: boolean;
  style?: CSSProperties;
}

export function VirtualList({ count, rowHeight, renderRow, version, className, label, stickToBottom = true, style }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(300);
  const atBottom = useRef(true);

  useEffect(() => {
    const el = ref.current!;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    setHeight(el.clientHeight);
    return () => ro.disconnect();
  }, []);

  useLayoutEffect(() => {
    const el = ref.current!;
    if (stickToBottom && atBottom.current) {
      el.scrollTop = el.scrollHeight;
      setScrollTop(el.scrollTop);
    }
  }, [version, count, stickToBottom, rowHeight]);

  const { start, end } = visibleRange(scrollTop, height, rowHeight, count);
  const rows: ReactNode[] = [];
  for (let i = start; i < end; i++) {
    rows.push(
      <div key={i} className="vrow" style={{ top: i * rowHeight, height: rowHeight, lineHeight: `${rowHeight}px` }}>
        {renderRow(i)}
      </div>,
    );
  }
  return (
    <div
      ref={ref}
      className={`vlist ${className ?? ''}`}
      style={style}
      role="log"
      aria-label={label}
      tabIndex={0}
      onScroll={(e) => {
        const el = e.currentTarget;
        atBottom.current = el.scrollTop + el.clientHeight >= el.scrollHeight - rowHeight;
        setScrollTop(el.scrollTop);
      }}
    >
      <div className="vlist-inner" style={{ height: count * rowHeight }}>{rows}</div>
    </div>
  );
}

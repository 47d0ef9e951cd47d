// A menu button (WAI-ARIA menu pattern): the button opens a list of items; ↑/↓/Home/End move the
// focus without choosing, Enter/Space or a click chooses, Esc or a click outside closes and gives
// the focus back to the button. Moving through the items never acts on them (a native <select>
// fires "change" on every arrow press, which loaded an example per key).
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface MenuItem {
  id: string;
  label: ReactNode;
  /** Spoken/visible text when `label` is not a string. */
  text?: string;
  detail?: string;
}

interface Props {
  label: string; // the button's text and accessible name
  items: readonly MenuItem[];
  onChoose(id: string): void;
  testId?: string;
  emptyText?: string;
  className?: string;
}

export function MenuButton({ label, items, onChoose, testId, emptyText = 'Nothing here yet', className }: Props) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const refs = useRef<(HTMLLIElement | null)[]>([]);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    refs.current[active]?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      const t = e.target as Node;
      if (!list.current?.contains(t) && !button.current?.contains(t)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const close = (focusButton: boolean) => {
    setOpen(false);
    if (focusButton) button.current?.focus();
  };
  const choose = (id: string) => {
    close(true);
    onChoose(id);
  };
  const openAt = (i: number) => {
    setActive(Math.max(0, Math.min(items.length - 1, i)));
    setOpen(true);
  };

  const onButtonKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') { e.preventDefault(); openAt(0); }
    if (e.key === 'ArrowUp') { e.preventDefault(); openAt(items.length - 1); }
  };
  const onItemKey = (e: KeyboardEvent, i: number) => {
    const n = items.length;
    let j = -1;
    if (e.key === 'ArrowDown') j = (i + 1) % n;
    else if (e.key === 'ArrowUp') j = (i - 1 + n) % n;
    else if (e.key === 'Home') j = 0;
    else if (e.key === 'End') j = n - 1;
    else if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); choose(items[i].id); return; }
    else if (e.key === 'Escape') { e.preventDefault(); close(true); return; }
    else if (e.key === 'Tab') { close(false); return; }
    if (j >= 0) { e.preventDefault(); setActive(j); }
  };

  return (
    <span className={`menu-button ${className ?? ''}`}>
      <button
        type="button"
        ref={button}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        data-testid={testId}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={onButtonKey}
      >
        {label} ▾
      </button>
      {open && (
        <ul role="menu" id={menuId} aria-label={label} className="menu" ref={list}>
          {items.length === 0 && <li role="none" className="menu-empty">{emptyText}</li>}
          {items.map((it, i) => (
            <li
              key={it.id}
              role="menuitem"
              tabIndex={i === active ? 0 : -1}
              ref={(el) => { refs.current[i] = el; }}
              data-id={it.id}
              onClick={() => choose(it.id)}
              onKeyDown={(e) => onItemKey(e, i)}
              onMouseEnter={() => setActive(i)}
            >
              <span className="menu-label">{it.label}</span>
              {it.detail && <span className="menu-detail">{it.detail}</span>}
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}

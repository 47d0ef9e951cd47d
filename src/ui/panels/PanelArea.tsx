// The tab strip and the active panel (ARIA tablist/tab/tabpanel; arrows, Home and End move).
import { useRef, type ComponentProps, type KeyboardEvent } from 'react';
import { PANELS, type PanelDef } from './registry';
import { useUi } from '../state/ui-store';
import { Scrubber } from '../components/Scrubber';

// The badge is drawn but spoken apart from the name: "Problems, 7 errors", never "Problems7".
function Tab({ panel, ...props }: { panel: PanelDef } & ComponentProps<'button'>) {
  const badge = panel.useBadge ? panel.useBadge() : null;
  const spoken = badge ? `${panel.title}, ${panel.badgeLabel ? panel.badgeLabel(badge) : badge}` : undefined;
  return (
    <button type="button" role="tab" aria-label={spoken} {...props}>
      {panel.title}
      {badge && <span className="badge">{badge}</span>}
    </button>
  );
}

export function PanelArea({ panels = PANELS }: { panels?: readonly PanelDef[] }) {
  const active = useUi((s) => s.activePanel);
  const setActive = useUi((s) => s.setActivePanel);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const current = panels.find((p) => p.id === active) ?? panels[0];
  const Active = current.component;

  const onKey = (e: KeyboardEvent, i: number) => {
    let j = -1;
    if (e.key === 'ArrowRight') j = (i + 1) % panels.length;
    if (e.key === 'ArrowLeft') j = (i - 1 + panels.length) % panels.length;
    if (e.key === 'Home') j = 0;
    if (e.key === 'End') j = panels.length - 1;
    if (j >= 0) {
      e.preventDefault();
      setActive(panels[j].id);
      tabs.current[j]?.focus();
    }
  };

  return (
    <div className="panel-area">
      <div role="tablist" aria-label="Panels" className="tablist">
        {panels.map((p, i) => (
          <Tab
            key={p.id}
            panel={p}
            ref={(el) => { tabs.current[i] = el; }}
            id={`tab-${p.id}`}
            aria-selected={p.id === current.id}
            aria-controls={`tabpanel-${p.id}`}
            tabIndex={p.id === current.id ? 0 : -1}
            onClick={() => setActive(p.id)}
            onKeyDown={(e) => onKey(e, i)}
          />
        ))}
      </div>
      <div role="tabpanel" id={`tabpanel-${current.id}`} aria-labelledby={`tab-${current.id}`} className="tabpanel" data-testid={`panel-${current.id}`}>
        <h2 className="sr-only">{current.title}</h2>
        <Active />
      </div>
      <Scrubber />
    </div>
  );
}

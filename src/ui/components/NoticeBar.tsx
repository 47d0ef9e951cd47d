// Notices (damaged link, worker restarted, copied): dismissible, announced to screen readers.
import { useEffect } from 'react';
import { useUi } from '../state/ui-store';

export function NoticeBar() {
  const notices = useUi((s) => s.notices);
  const dismiss = useUi((s) => s.dismiss);
  // info notices fade by themselves; warnings and errors stay until dismissed
  useEffect(() => {
    const timers = notices.filter((n) => n.kind === 'info').map((n) => setTimeout(() => dismiss(n.id), 4000));
    return () => timers.forEach(clearTimeout);
  }, [notices, dismiss]);
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`} data-testid={`notice-${n.kind}`}>
          <span>{n.text}</span>
          <button type="button" aria-label="Dismiss" onClick={() => dismiss(n.id)}>×</button>
        </div>
      ))}
    </div>
  );
}

// "Copy embed": an <iframe> snippet for a tutorial page, with the current program and the chosen
// embed options (see embed/embed-options.ts), previewed as text before copying.
import { useEffect, useRef, useState } from 'react';
import { copyText } from '../share/clipboard';
import { hashForSession } from '../share/session';
import { currentSession } from '../state/persistence';
import { useUi } from '../state/ui-store';
import { DEFAULT_EMBED, EMBED_PANELS, embedQuery, type EmbedOptions } from '../embed/embed-options';

export function embedSnippet(base: string, o: EmbedOptions, hash: string, heightPx: number): string {
  const src = `${base}${embedQuery(o)}${hash}`.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<iframe src="${src}" title="Vex example" width="100%" height="${heightPx}" style="border:1px solid #d0d7de;border-radius:6px" loading="lazy"></iframe>`;
}

export function EmbedDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [o, setO] = useState<EmbedOptions>({ ...DEFAULT_EMBED, autorun: true });
  useEffect(() => {
    const d = ref.current!;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  const base = `${location.origin}${location.pathname}`;
  const snippet = open ? embedSnippet(base, o, hashForSession(currentSession()), 360) : '';
  const set = (p: Partial<EmbedOptions>) => setO((x) => ({ ...x, ...p }));
  return (
    <dialog ref={ref} className="settings embed-dialog" aria-labelledby="embed-title" onClose={onClose}>
      <form method="dialog" onSubmit={(e) => e.preventDefault()}>
        <h2 id="embed-title">Embed this program</h2>
        <label className="check"><input type="checkbox" checked={o.autorun} onChange={(e) => set({ autorun: e.target.checked })} /> Run when shown</label>
        <label className="check"><input type="checkbox" checked={o.readonly} onChange={(e) => set({ readonly: e.target.checked })} /> Read-only</label>
        <label>Panel beside the output
          <select value={o.panel} onChange={(e) => set({ panel: e.target.value as EmbedOptions['panel'] })}>
            {EMBED_PANELS.map((p) => <option key={p} value={p}>{p}</option>)}
          </select>
        </label>
        <label>Colour scheme
          <select value={o.theme ?? ''} onChange={(e) => set({ theme: (e.target.value || null) as EmbedOptions['theme'] })}>
            <option value="">the visitor's</option><option value="light">light</option><option value="dark">dark</option>
          </select>
        </label>
        <label>Editor lines (empty: fit the program)
          <input type="number" min={1} max={200} value={o.lines === 'auto' ? '' : o.lines} onChange={(e) => set({ lines: e.target.value ? Math.max(1, Math.min(200, Number(e.target.value) | 0)) : 'auto' })} />
        </label>
        <label>Snippet
          <textarea readOnly rows={5} value={snippet} data-testid="embed-snippet" onFocus={(e) => e.currentTarget.select()} />
        </label>
        <div className="dialog-buttons">
          <button type="button" className="primary" data-testid="copy-embed-snippet" onClick={async () => {
            await copyText(snippet);
            useUi.getState().notify('info', 'Embed snippet copied: paste it into your tutorial page.');
            onClose();
          }}>Copy snippet</button>
          <button type="button" onClick={onClose}>Close</button>
        </div>
      </form>
    </dialog>
  );
}

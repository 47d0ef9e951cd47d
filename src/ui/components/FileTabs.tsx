// File tabs: main.vx plus more; add, rename (double-click or F2), close (with confirmation).
import { useState, type KeyboardEvent } from 'react';
import { useFiles, ENTRY_FILE } from '../state/files-store';
import { useUi } from '../state/ui-store';

export function FileTabs() {
  const files = useFiles((s) => s.files);
  const active = useFiles((s) => s.active);
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState('');

  const startRename = (name: string) => {
    if (name === ENTRY_FILE) return;
    setEditing(name);
    setDraft(name);
  };
  const commit = () => {
    if (!editing) return;
    const r = useFiles.getState().renameFile(editing, draft.trim());
    if (!r.ok) useUi.getState().notify('warning', r.error);
    setEditing(null);
  };
  const close = (name: string) => {
    const f = files.find((x) => x.name === name);
    const empty = !f || f.text.trim() === '';
    if (empty || window.confirm(`Close ${name}? Its contents will be lost.`)) useFiles.getState().closeFile(name);
  };
  const onTabKey = (e: KeyboardEvent, name: string) => {
    if (e.key === 'F2') { e.preventDefault(); startRename(name); }
    if (e.key === 'Delete' && name !== ENTRY_FILE) { e.preventDefault(); close(name); }
  };

  return (
    <div className="file-tabs">
      <div className="file-tablist" role="tablist" aria-label="Files">
      {files.map((f) => (
        <div key={f.name} className={`file-tab${f.name === active ? ' active' : ''}`}>
          {editing === f.name ? (
            <input
              className="rename"
              aria-label={`New name for ${f.name}`}
              autoFocus
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              onBlur={commit}
              onKeyDown={(e) => {
                if (e.key === 'Enter') commit();
                if (e.key === 'Escape') setEditing(null);
              }}
            />
          ) : (
            <button
              type="button"
              role="tab"
              aria-selected={f.name === active}
              title={f.name === ENTRY_FILE ? 'The entry file (holds main)' : 'Double-click or F2 to rename'}
              onClick={() => useFiles.getState().setActive(f.name)}
              onDoubleClick={() => startRename(f.name)}
              onKeyDown={(e) => onTabKey(e, f.name)}
            >
              {f.name}
            </button>
          )}
          {f.name !== ENTRY_FILE && editing !== f.name && (
            <button type="button" className="close" aria-label={`Close ${f.name}`} onClick={() => close(f.name)}>×</button>
          )}
        </div>
      ))}
      </div>
      <button
        type="button"
        className="add-file"
        aria-label="Add file"
        title="Add file"
        onClick={() => {
          const r = useFiles.getState().addFile();
          if (!r.ok) useUi.getState().notify('warning', r.error);
        }}
      >
        +
      </button>
    </div>
  );
}

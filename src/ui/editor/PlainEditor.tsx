// A plain textarea shown while Monaco's chunk loads, so the page accepts typing at once. Edits go
// to the same store; when Monaco arrives it takes over the text, focus and cursor (see handoff).
import { useRef } from 'react';
import { useFiles } from '../state/files-store';
import { scheduleCheck } from '../run/controller';

/** Where the person was typing when Monaco replaced the textarea. */
export const handoff = { focused: false, offset: 0 };

export function PlainEditor({ readOnly = false }: { readOnly?: boolean }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const active = useFiles((s) => s.active);
  const text = useFiles((s) => s.files.find((f) => f.name === s.active)?.text ?? '');
  // tracked as it happens: when the textarea is replaced it is already out of the document
  const track = () => { handoff.offset = ref.current?.selectionStart ?? 0; };
  return (
    <textarea
      ref={ref}
      className="plain-editor"
      aria-label="Vex source editor (loading the full editor…)"
      spellCheck={false}
      readOnly={readOnly}
      value={text}
      onFocus={() => { handoff.focused = true; track(); }}
      onBlur={() => { handoff.focused = false; }}
      onSelect={track}
      onKeyUp={track}
      onChange={(e) => {
        useFiles.getState().setText(active, e.target.value);
        track();
        scheduleCheck();
      }}
    />
  );
}

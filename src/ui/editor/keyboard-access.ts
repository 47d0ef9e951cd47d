// Keyboard access to and from the editor. Monaco keeps Tab for indentation, which traps a
// keyboard user inside it; like CodeMirror's "Esc then Tab", Escape arms the next Tab (or
// Shift+Tab) to move the focus out instead (Ctrl+M, Monaco's own tab-focus toggle, still works).
// F1 opens Monaco's command palette from anywhere on the page, not only inside the editor.
import type { monaco } from './monaco';

const TABBABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The element the focus goes to when it leaves `from` forwards (or backwards), in page order. */
export function nextTabbable(from: HTMLElement, backwards: boolean): HTMLElement | null {
  const all = [...document.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (el) => !from.contains(el) && el.getClientRects().length > 0 && !el.closest('[inert], [aria-hidden="true"]'),
  );
  if (backwards) {
    const before = all.filter((el) => from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING);
    return before[before.length - 1] ?? null;
  }
  return all.find((el) => from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) ?? null;
}

export function installKeyboardAccess(ed: monaco.editor.IStandaloneCodeEditor, host: HTMLElement): () => void {
  let armed = false;
  // capture phase on the host: runs before Monaco's own key handling inside it
  const onHostKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') { armed = true; return; }
    if (e.key === 'Tab' && armed && !e.ctrlKey && !e.altKey && !e.metaKey) {
      const next = nextTabbable(host, e.shiftKey);
      if (next) {
        e.preventDefault();
        e.stopPropagation();
        next.focus();
      }
    }
    if (e.key !== 'Shift') armed = false;
  };
  const disarm = ed.onDidBlurEditorText(() => { armed = false; });
  const onWindowKey = (e: KeyboardEvent) => {
    if (e.key !== 'F1' || e.defaultPrevented || host.contains(e.target as Node)) return;
    e.preventDefault();
    ed.focus();
    ed.trigger('keyboard', 'editor.action.quickCommand', null);
  };
  host.addEventListener('keydown', onHostKey, true);
  window.addEventListener('keydown', onWindowKey);
  return () => {
    host.removeEventListener('keydown', onHostKey, true);
    window.removeEventListener('keydown', onWindowKey);
    disarm.dispose();
  };
}

// Examples menu: a native select (keyboard and screen-reader friendly). Loading an example
// replaces the files; the previous session stays in the browser history only via its link.
import { EXAMPLE_LIST } from '../examples';
import { useFiles } from '../state/files-store';
import { useRun } from '../state/run-store';
import { useUi } from '../state/ui-store';

export function loadExample(id: string): boolean {
  const ex = EXAMPLE_LIST.find((e) => e.id === id);
  if (!ex) return false;
  useFiles.getState().replaceAll([{ name: 'main.vx', text: ex.source }], 'main.vx');
  useRun.setState({ status: 'idle', end: null, panic: null, compileDiagnostics: [] });
  useRun.getState().clearOutput();
  useUi.getState().setActivePanel('output');
  return true;
}

/** True when the files are more than one untouched example (or empty): worth a confirmation. */
function hasOwnWork(): boolean {
  const files = useFiles.getState().files;
  if (files.length > 1) return true;
  const text = files[0].text;
  return text.trim() !== '' && !EXAMPLE_LIST.some((e) => e.source === text);
}

export function ExamplesMenu() {
  return (
    <select
      aria-label="Examples"
      className="examples"
      data-testid="examples"
      value=""
      onChange={(e) => {
        const id = e.target.value;
        if (id && (!hasOwnWork() || window.confirm('Replace your files with this example? Your current code will be lost unless you copied its share link.'))) loadExample(id);
        e.target.value = '';
      }}
    >
      <option value="">Examples…</option>
      {EXAMPLE_LIST.map((e, i) => (
        <option key={e.id} value={e.id}>{i + 1}. {e.title}</option>
      ))}
    </select>
  );
}

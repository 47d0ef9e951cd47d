// The Examples menu: the lessons in catalog order, numbered as their sources number them. Loading
// an example replaces the files; work of one's own goes to Recent sessions first (never lost).
import { EXAMPLE_LIST } from '../examples';
import { DIAGNOSTICS } from '../../lang/codes';
import { useFiles } from '../state/files-store';
import { useRun } from '../state/run-store';
import { useUi } from '../state/ui-store';
import { archiveSession, currentSession } from '../state/persistence';
import { MenuButton } from './MenuButton';

/** The programs one can load unchanged: the examples and the Explain dialog's example pairs. */
const isPristine = (text: string) =>
  EXAMPLE_LIST.some((e) => e.source === text) || Object.values(DIAGNOSTICS).some((d) => d.bad === text || d.good === text);

/** True when the files are more than one untouched example (or empty): worth keeping. */
function hasOwnWork(): boolean {
  const files = useFiles.getState().files;
  if (files.length > 1) return true;
  const text = files[0].text;
  return text.trim() !== '' && !isPristine(text);
}

export function loadExample(id: string): boolean {
  const ex = EXAMPLE_LIST.find((e) => e.id === id);
  if (!ex) return false;
  loadProgram(ex.source);
  return true;
}

/** Replaces the files with one program as main.vx, keeping one's own work under Recent sessions. */
export function loadProgram(source: string): void {
  if (hasOwnWork()) {
    archiveSession(currentSession());
    useUi.getState().notify('info', 'Your previous code is kept under Recent sessions.');
  }
  useFiles.getState().replaceAll([{ name: 'main.vx', text: source }], 'main.vx');
  useRun.setState({ status: 'idle', end: null, panic: null, compileDiagnostics: [] });
  useRun.getState().clearOutput();
  useUi.getState().setActivePanel('output');
}

export function ExamplesMenu() {
  const items = EXAMPLE_LIST.map((e, i) => ({ id: e.id, label: `${i + 1}. ${e.title}` }));
  return <MenuButton label="Examples" items={items} onChoose={loadExample} testId="examples" className="examples" />;
}

// The full playground: toolbar, file tabs + editor, and the panels, in resizable panes.
import { Group, Panel, Separator } from 'react-resizable-panels';
import { Toolbar } from './components/Toolbar';
import { FileTabs } from './components/FileTabs';
import { NoticeBar } from './components/NoticeBar';
import { LazyEditor } from './editor/LazyEditor';
import { PanelArea } from './panels/PanelArea';
import { useSettings } from './state/settings-store';

export function App() {
  const presentation = useSettings((s) => s.presentation);
  return (
    <div className="app">
      <Toolbar />
      <NoticeBar />
      <Group orientation="horizontal" className="main-split" id={presentation ? 'split-present' : 'split'}>
        <Panel id="editor" defaultSize={presentation ? '50%' : '58%'} minSize="20%">
          <div className="editor-column">
            <FileTabs />
            <LazyEditor />
          </div>
        </Panel>
        <Separator className="separator" />
        <Panel id="panels" defaultSize={presentation ? '50%' : '42%'} minSize="20%">
          <PanelArea />
        </Panel>
      </Group>
    </div>
  );
}

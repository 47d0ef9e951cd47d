// The full playground: toolbar, file tabs + editor, and the panels, in resizable panes (side by
// side; stacked below 800 px wide, where side by side leaves neither a usable width).
import { Group, Panel, Separator } from 'react-resizable-panels';
import { Toolbar } from './components/Toolbar';
import { FileTabs } from './components/FileTabs';
import { NoticeBar } from './components/NoticeBar';
import { ExplainDialog } from './components/ExplainDialog';
import { LazyEditor } from './editor/LazyEditor';
import { PanelArea } from './panels/PanelArea';
import { useSettings } from './state/settings-store';
import { useNarrow } from './components/use-media-query';

export function App() {
  const presentation = useSettings((s) => s.presentation);
  const narrow = useNarrow();
  // a distinct id per arrangement: each keeps its own remembered sizes
  const id = `split${presentation ? '-present' : ''}${narrow ? '-stacked' : ''}`;
  return (
    <div className={`app${narrow ? ' narrow' : ''}`}>
      <Toolbar />
      <main className="main-area" aria-labelledby="playground-title">
        <h1 id="playground-title" className="sr-only">Vex Playground</h1>
        <NoticeBar />
        <Group key={id} orientation={narrow ? 'vertical' : 'horizontal'} className="main-split" id={id}>
          <Panel id="editor" defaultSize={narrow ? '50%' : presentation ? '50%' : '58%'} minSize={narrow ? '30%' : '20%'}>
            <div className="editor-column">
              <FileTabs />
              <LazyEditor />
            </div>
          </Panel>
          <Separator className="separator" />
          <Panel id="panels" defaultSize={narrow ? '50%' : presentation ? '50%' : '42%'} minSize={narrow ? '30%' : '20%'}>
            <PanelArea />
          </Panel>
        </Group>
      </main>
      <ExplainDialog />
    </div>
  );
}

// Embed mode (?embed=1, options in embed-options.ts) for tutorials: the editor sized to the
// program, Run / Stop / Reset, the output with diagnostics and panics shown inline, an optional
// panel, and "Open in playground". The host page sizes the iframe from our height messages and may
// send "run" / "set code" (see README: embedding).
import { useEffect, useMemo, useRef, useState } from 'react';
import { LazyEditor } from '../editor/LazyEditor';
import { OutputPanel } from '../panels/OutputPanel';
import { PANELS } from '../panels/registry';
import { NoticeBar } from '../components/NoticeBar';
import { runProgram, stopProgram } from '../run/controller';
import { useRun } from '../state/run-store';
import { useFiles } from '../state/files-store';
import { useSettings } from '../state/settings-store';
import { useUi } from '../state/ui-store';
import { hashForSession } from '../share/session';
import { currentSession } from '../state/persistence';
import { describeEnd } from '../panels/outcome-text';
import { InlineRunDetails } from './InlineRunDetails';
import { editorLines, isHostMessage, type EmbedOptions, type EmbedToHost } from './embed-options';

const EDITOR_LINE_PX = 20;

function playgroundLink(): string {
  return `${location.origin}${location.pathname}${hashForSession(currentSession())}`;
}

function tellHost(m: EmbedToHost) {
  if (window.parent !== window) window.parent.postMessage(m, '*');
}

/** The panel shown below the output (`panel=`), when it is another one. */
function extraPanel(o: EmbedOptions) {
  return o.panel === 'output' ? null : PANELS.find((p) => p.id === o.panel) ?? null;
}

function InlineOutput() {
  return (
    <div className="embed-output-stack">
      <OutputPanel plain />
      <InlineRunDetails />
    </div>
  );
}

export function EmbedApp({ options }: { options: EmbedOptions }) {
  const status = useRun((s) => s.status);
  const end = useRun((s) => s.end);
  const files = useFiles((s) => s.files);
  const settings = useSettings((s) => s.settings);
  const [href, setHref] = useState(playgroundLink);
  const original = useRef(files);
  const root = useRef<HTMLDivElement>(null);
  const extra = useMemo(() => extraPanel(options), [options]);
  useEffect(() => setHref(playgroundLink()), [files, settings]);

  // the host page sizes the iframe to our content
  useEffect(() => {
    const el = root.current!;
    let last = -1;
    const report = () => {
      const h = Math.ceil(el.scrollHeight);
      if (h !== last) { last = h; tellHost({ type: 'vex-embed:height', id: options.id, height: h }); }
    };
    const ro = new ResizeObserver(report);
    ro.observe(el);
    for (const c of Array.from(el.children)) ro.observe(c);
    tellHost({ type: 'vex-embed:ready', id: options.id });
    report();
    return () => ro.disconnect();
  }, [options.id]);

  // "run" and "set code" from the host page (only from our parent window)
  useEffect(() => {
    const onMessage = (e: MessageEvent) => {
      if (e.source !== window.parent || !isHostMessage(e.data)) return;
      if (e.data.type === 'vex-embed:run') runProgram();
      else {
        useFiles.getState().replaceAll([{ name: 'main.vx', text: e.data.code }], 'main.vx');
        if (e.data.run) runProgram();
      }
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);

  useEffect(() => {
    if (status !== 'done' || !end) return;
    tellHost({ type: 'vex-embed:done', id: options.id, exitCode: end.kind === 'outcome' ? end.exitCode : null, outcome: describeEnd(end, settings, 'plain').text });
  }, [status, end, settings, options.id]);

  const busy = status === 'compiling' || status === 'running';
  const show = (part: string) => !options.hide.includes(part as never);
  const main = files.find((f) => f.name === 'main.vx')?.text ?? '';
  const lines = editorLines(options, main);
  const edited = files !== original.current && JSON.stringify(files) !== JSON.stringify(original.current);
  return (
    <main className="embed" ref={root} aria-label="Vex example">
      <h1 className="sr-only">Runnable Vex example</h1>
      <div className="embed-bar" role="toolbar" aria-label="Example">
        {show('run') && <button type="button" className="primary run" onClick={runProgram} data-testid="run">▶ Run</button>}
        {show('stop') && <button type="button" onClick={stopProgram} disabled={!busy} data-testid="stop">■ Stop</button>}
        {show('reset') && !options.readonly && (
          <button type="button" onClick={() => useFiles.getState().replaceAll(original.current, 'main.vx')} disabled={!edited} data-testid="reset" title="Back to the example's code">
            ↺ Reset
          </button>
        )}
        <span className="spacer" />
        {show('open') && <a href={href} target="_blank" rel="noopener" data-testid="open-in-playground">Open in playground ↗</a>}
      </div>
      <NoticeBar />
      <div className="embed-editor" style={{ height: lines * EDITOR_LINE_PX + 8 }}>
        <LazyEditor compact readOnly={options.readonly} hiddenLines={options.hidden} />
      </div>
      <div className={`embed-results ${status === 'idle' ? 'idle' : ''}`} data-testid="embed-results">
        <div data-testid="panel-output" className="embed-single"><InlineOutput /></div>
        {extra && (
          <section className="embed-panel" aria-labelledby="embed-panel-title" data-testid={`panel-${extra.id}`}>
            <h2 id="embed-panel-title" className="embed-panel-title">{extra.title}</h2>
            <extra.component />
          </section>
        )}
      </div>
    </main>
  );
}

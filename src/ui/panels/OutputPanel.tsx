// Output: stdout and stderr interleaved in order (colour + a screen-reader label for stderr), the
// outcome line with steps and time, copy and clear.
import { useRun } from '../state/run-store';
import { useSettings } from '../state/settings-store';
import { useUi } from '../state/ui-store';
import { outputText, type Stream } from '../state/output-model';
import { VirtualList } from './VirtualList';
import { describeEnd, describeStats } from './outcome-text';
import { copyText } from '../share/clipboard';
import { useScrub } from '../state/scrub-store';
import { buildOutputIndex, lineAt, outputAt } from '../state/scrub-model';
import { useMemo } from 'react';

/** `plain`: embeds, which show diagnostics and panics inline: the outcome names no panel, and the
 *  list is as tall as its lines (up to a limit) so the embed can size itself to its content. */
export function OutputPanel({ plain = false }: { plain?: boolean }) {
  const position = useScrub((s) => s.position);
  return position === null || plain ? <LiveOutput plain={plain} /> : <ScrubbedOutput position={position} />;
}

/** The output up to the scrubber's position, replayed from the trace's output events. */
function ScrubbedOutput({ position }: { position: number }) {
  const trace = useRun((s) => s.trace);
  const presentation = useSettings((s) => s.presentation);
  const ix = useMemo(() => buildOutputIndex(trace), [trace]);
  const at = outputAt(ix, position);
  return (
    <div className="output-panel" data-position={position}>
      <div className="panel-toolbar">
        <span className="output-status" data-testid="run-status">
          Output up to event {position.toLocaleString('en-US')} of {trace.length.toLocaleString('en-US')} (time scrubber)
        </span>
        <span className="spacer" />
        <button type="button" onClick={() => useScrub.getState().setPosition(null)}>Show all</button>
      </div>
      <VirtualList
        className="output-lines"
        label="Program output"
        count={at.count}
        version={position}
        rowHeight={presentation ? 30 : 20}
        renderRow={(row) => {
          const l = lineAt(ix, at, row);
          return <OutLine stream={l.stream} text={l.text} />;
        }}
      />
    </div>
  );
}

function LiveOutput({ plain }: { plain: boolean }) {
  const output = useRun((s) => s.output);
  const status = useRun((s) => s.status);
  const end = useRun((s) => s.end);
  const steps = useRun((s) => s.steps);
  const runMs = useRun((s) => s.runMs);
  const exports = useRun((s) => s.exports);
  const settings = useSettings((s) => s.settings);
  const presentation = useSettings((s) => s.presentation);
  const rowHeight = presentation ? 30 : 20;
  const endInfo = end ? describeEnd(end, settings, plain ? 'plain' : 'playground') : null;
  const lead = output.dropped > 0 ? 1 : 0; // a first row saying that older lines were dropped

  return (
    <div className={`output-panel${plain ? ' plain' : ''}`}>
      <div className="panel-toolbar">
        <span className="output-status" data-testid="run-status" aria-live="polite">
          {status === 'compiling' && 'Compiling…'}
          {status === 'running' && 'Running…'}
          {status === 'idle' && 'Press Run (Ctrl+Enter) to compile and run main.vx.'}
          {status === 'done' && endInfo && (
            <span className={`outcome tone-${endInfo.tone}`} data-testid="outcome">
              {endInfo.text}
              {end?.kind === 'outcome' && <span className="stats"> · {describeStats(steps, runMs)}</span>}
            </span>
          )}
        </span>
        <span className="spacer" />
        {output.dropped > 0 && <span className="dropped" data-testid="dropped">{output.dropped.toLocaleString('en-US')} lines dropped</span>}
        <button type="button" onClick={() => copyText(outputText(output, true)).then(() => useUi.getState().notify('info', 'Output copied.'))}>
          Copy
        </button>
        <button type="button" onClick={() => useRun.getState().clearOutput()}>Clear</button>
      </div>
      {exports.length > 0 && (
        <div className="exports" data-testid="exports">{exports.map((e) => <div key={e}>{e}</div>)}</div>
      )}
      {end?.kind === 'internal-error' && end.stack && (
        <details className="internal-stack"><summary>Details for a bug report</summary><pre>{end.stack}</pre></details>
      )}
      <VirtualList
        style={plain ? { flex: 'none', height: Math.min(Math.max(output.lines.length + lead, 2), 14) * rowHeight + 8 } : undefined}
        className="output-lines"
        label="Program output"
        count={output.lines.length + lead}
        version={output.version}
        rowHeight={rowHeight}
        renderRow={(row) => {
          if (row < lead) return <div className="out-line note">… {output.dropped.toLocaleString('en-US')} earlier lines were dropped (output cap) …</div>;
          const l = output.lines[row - lead];
          return <OutLine stream={l.stream} text={l.text} />;
        }}
      />
    </div>
  );
}

/** One output line: stderr in its colour and announced as such to screen readers. */
function OutLine({ stream, text }: { stream: Stream; text: string }) {
  return (
    <div className={`out-line ${stream}`} data-stream={stream}>
      {stream === 'stderr' && <span className="sr-only">stderr: </span>}
      {text === '' ? '\u200b' : text}
    </div>
  );
}

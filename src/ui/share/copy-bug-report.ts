// Assembles and copies the bug report from the stores. A report always describes the files it
// shows: if the program was never run, or edited since its last run, it is run first.
import { renderDiagnostic } from '../../lang/diagnostics';
import { useRun } from '../state/run-store';
import { useSettings } from '../state/settings-store';
import { useFiles } from '../state/files-store';
import { useUi } from '../state/ui-store';
import { outputText } from '../state/output-model';
import { describeEnd } from '../panels/outcome-text';
import { filesChangedSinceRun, isRunning, runProgram, whenRunEnds } from '../run/controller';
import { shareUrl } from '../state/persistence';
import { copyText } from './clipboard';
import { bugReport, platformLine } from './bug-report';
import { useConsole } from '../console/console-store';

export async function copyBugReport(): Promise<void> {
  if (isRunning()) await whenRunEnds();
  if (useRun.getState().status === 'idle' || filesChangedSinceRun()) {
    useUi.getState().notify('info', 'Running the program first, so the report shows its real output…');
    runProgram();
    await whenRunEnds();
  }
  const run = useRun.getState();
  const settings = useSettings.getState().settings;
  const files = useFiles.getState().files;
  const diagnostics = run.compileDiagnostics
    .map((d) => renderDiagnostic(d, files.find((f) => f.name === d.span.file)?.text ?? ''))
    .join('\n\n');
  const exitCode = run.end?.kind === 'outcome' ? run.end.exitCode : null;
  const md = bugReport({
    files,
    settings,
    version: __VEX_VERSION__,
    build: __VEX_BUILD__,
    platform: platformLine(navigator.userAgent, navigator.platform),
    outcome: run.end ? describeEnd(run.end, settings, 'plain').text : 'not run',
    exitCode,
    diagnostics,
    output: outputText(run.output, true),
    link: shareUrl(),
    cells: useConsole.getState().cells,
  });
  await copyText(md);
  useUi.getState().notify('info', 'Bug report copied to the clipboard as Markdown: fill in "What happened" and "Expected".');
}

// Diagnostics -> Monaco markers (1-based lines/cols on both sides). A marker's code is a link that
// opens the Explain dialog (the opener is registered once, in register-vex.ts).
import type { Diagnostic } from '../../lang/diagnostics';
import { monaco } from './monaco';
import { codeOfExplainLink, explainLink, useExplain } from '../state/explain-store';

/** Opens `vex-explain:CODE` links (marker codes in hovers and the problems list) in the Explain dialog. */
export function registerExplainLinks(): void {
  monaco.editor.registerLinkOpener({
    open(resource) {
      const code = codeOfExplainLink(resource.toString(true));
      if (!code) return false;
      useExplain.getState().explain(code);
      return true;
    },
  });
}

export function toMarker(d: Diagnostic): monaco.editor.IMarkerData {
  const S = monaco.MarkerSeverity;
  const sameSpot = d.span.endLine === d.span.line && d.span.endCol <= d.span.col;
  const notes = d.notes.length ? '\n' + d.notes.join('\n') : '';
  return {
    severity: d.severity === 'error' ? S.Error : d.severity === 'warning' ? S.Warning : S.Info,
    message: d.message + notes,
    code: d.code ? { value: d.code, target: monaco.Uri.parse(explainLink(d.code)) } : d.code,
    source: 'vex',
    startLineNumber: d.span.line,
    startColumn: d.span.col,
    endLineNumber: d.span.endLine,
    endColumn: sameSpot ? d.span.col + 1 : d.span.endCol,
    relatedInformation: d.labels.map((l) => ({
      resource: monaco.Uri.parse(`file:///${l.span.file}`),
      message: l.message,
      startLineNumber: l.span.line,
      startColumn: l.span.col,
      endLineNumber: l.span.endLine,
      endColumn: l.span.endCol,
    })),
  };
}

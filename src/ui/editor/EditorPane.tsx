// The Monaco editor: one model per file tab, markers from diagnostics, Ctrl/Cmd+Enter to run,
// and reveal/highlight requests from the panels.
import { useEffect, useLayoutEffect, useRef } from 'react';
import { monaco } from './monaco';
import { registerVex, VEX_LANGUAGE_ID, fileOfModel } from './register-vex';
import { toMarker } from './markers';
import { useFiles } from '../state/files-store';
import { useSettings, followTheme } from '../state/settings-store';
import { useUi } from '../state/ui-store';
import { useProblems } from '../state/problems';
import { runProgram, scheduleCheck } from '../run/controller';
import { handoff } from './PlainEditor';
import { sendToConsole } from '../console/console-controller';
import { installKeyboardAccess } from './keyboard-access';

const uriOf = (name: string) => monaco.Uri.parse(`file:///${name}`);

export interface EditorOptions {
  compact?: boolean;
  readOnly?: boolean;
  /** 1-based lines of main.vx compiled but not shown (embeds: mdBook-style setup lines). */
  hiddenLines?: readonly number[];
}

/** The models (text, undo history) and view states (cursor, scroll) of the tabs outlive the editor
 *  widget: a layout change that remounts the pane (crossing the 800 px breakpoint, presentation
 *  mode) gets a new widget over the same models, so nothing typed or undoable is lost. */
const models = new Map<string, monaco.editor.ITextModel>();
const viewStates = new Map<string, monaco.editor.ICodeEditorViewState | null>();
let seenGeneration = -1;
/** The editor had the keyboard focus when its widget was replaced: the new one takes it. */
let refocus = false;

/** Monaco's hidden areas (not in its public typings; used by its own folding and diff views). */
type WithHiddenAreas = { setHiddenAreas?(ranges: monaco.IRange[]): void };

export function EditorPane({ compact = false, readOnly = false, hiddenLines }: EditorOptions) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const highlight = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);

  const files = useFiles((s) => s.files);
  const active = useFiles((s) => s.active);
  const generation = useFiles((s) => s.generation);
  const theme = useSettings((s) => s.theme);
  const presentation = useSettings((s) => s.presentation);
  const target = useUi((s) => s.target);
  const problems = useProblems();

  // create the editor once. Layout effects: the editor is created, filled and focused in the same
  // task that removes the stand-in textarea, so no keystroke can fall between the two.
  useLayoutEffect(() => {
    registerVex();
    const ed = monaco.editor.create(host.current!, {
      language: VEX_LANGUAGE_ID,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 14,
      scrollBeyondLastLine: false,
      tabSize: 4,
      insertSpaces: true,
      renderWhitespace: 'none',
      fixedOverflowWidgets: true,
      ariaLabel: 'Vex source editor',
      lineNumbersMinChars: compact ? 2 : 4,
      readOnly,
      domReadOnly: readOnly,
    });
    editorRef.current = ed;
    highlight.current = ed.createDecorationsCollection();
    ed.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => runProgram());
    // "Send to console": the selection, or the current line, runs as a Console cell
    ed.addAction({
      id: 'vex.sendToConsole',
      label: 'Send to Console',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.Enter],
      contextMenuGroupId: 'navigation',
      run: (e) => {
        const model = e.getModel();
        const sel = e.getSelection();
        if (!model || !sel) return;
        const text = sel.isEmpty() ? model.getLineContent(sel.positionLineNumber) : model.getValueInRange(sel);
        sendToConsole(text);
      },
    });
    const sub = ed.onDidChangeModelContent(() => {
      const model = ed.getModel();
      if (!model) return;
      useFiles.getState().setText(fileOfModel(model), model.getValue());
      highlight.current?.clear();
      scheduleCheck();
    });
    const keyboard = installKeyboardAccess(ed, host.current!);
    (window as unknown as { __vexEditor?: unknown }).__vexEditor = ed; // for e2e and measure-site
    return () => {
      keyboard();
      sub.dispose();
      const m = ed.getModel();
      if (m && !m.isDisposed()) viewStates.set(fileOfModel(m), ed.saveViewState());
      refocus = ed.hasTextFocus();
      ed.dispose(); // the models stay (see `models`)
    };
  }, [compact, readOnly]);

  // hidden setup lines (embeds): recomputed when the session is replaced (set code, reset)
  useEffect(() => {
    const ed = editorRef.current as (monaco.editor.IStandaloneCodeEditor & WithHiddenAreas) | null;
    if (!ed?.setHiddenAreas || !hiddenLines) return;
    const ranges: monaco.IRange[] = [];
    for (let i = 0; i < hiddenLines.length; ) {
      let j = i;
      while (j + 1 < hiddenLines.length && hiddenLines[j + 1] === hiddenLines[j] + 1) j++;
      ranges.push(new monaco.Range(hiddenLines[i], 1, hiddenLines[j], 1));
      i = j + 1;
    }
    ed.setHiddenAreas(ranges);
  }, [hiddenLines, generation]);

  // keep one model per file; replace texts when the whole session changes (example, link)
  useLayoutEffect(() => {
    const ed = editorRef.current;
    if (!ed) return;
    const reload = seenGeneration !== generation;
    seenGeneration = generation;
    const names = new Set(files.map((f) => f.name));
    for (const [name, model] of models) {
      if (!names.has(name)) {
        model.dispose();
        models.delete(name);
        viewStates.delete(name);
      }
    }
    for (const f of files) {
      const existing = models.get(f.name);
      if (!existing) {
        models.set(f.name, monaco.editor.createModel(f.text, VEX_LANGUAGE_ID, uriOf(f.name)));
      } else if (reload && existing.getValue() !== f.text) {
        existing.setValue(f.text);
      }
    }
    const model = models.get(active);
    if (model && ed.getModel() !== model) {
      const prev = ed.getModel();
      if (prev && !prev.isDisposed()) viewStates.set(fileOfModel(prev), ed.saveViewState());
      ed.setModel(model);
      const vs = viewStates.get(active);
      if (vs) ed.restoreViewState(vs);
    }
    if (reload) scheduleCheck();
    if (refocus) { refocus = false; ed.focus(); }
    if (handoff.focused && model) {
      // the person was typing in the placeholder textarea: continue where they were
      handoff.focused = false;
      ed.setPosition(model.getPositionAt(handoff.offset));
      ed.focus();
    }
  }, [files, active, generation]);

  // markers
  useEffect(() => {
    for (const [name, model] of models) {
      monaco.editor.setModelMarkers(model, 'vex', problems.filter((d) => d.span.file === name).map(toMarker));
    }
  }, [problems, files]);

  // theme and presentation font size
  useEffect(() => followTheme(theme, (t) => monaco.editor.setTheme(t === 'dark' ? 'vex-dark' : 'vex-light')), [theme]);
  useEffect(() => {
    editorRef.current?.updateOptions({ fontSize: presentation ? 22 : 14, lineHeight: presentation ? 32 : 20 });
  }, [presentation]);

  // reveal a location (Problems, Panic frames, unwind steps)
  useEffect(() => {
    const ed = editorRef.current;
    if (!ed || !target) return;
    if (!models.has(target.file)) return; // e.g. a runtime frame with no source file
    if (target.file !== useFiles.getState().active) {
      useFiles.getState().setActive(target.file);
      const model = models.get(target.file)!;
      ed.setModel(model);
    }
    const line = Math.max(1, target.line);
    if (target.highlight) {
      highlight.current?.set([{
        range: new monaco.Range(line, 1, line, 1),
        options: { isWholeLine: true, className: 'vex-line-highlight', linesDecorationsClassName: 'vex-line-highlight-gutter' },
      }]);
      ed.revealLineInCenterIfOutsideViewport(line);
    } else {
      highlight.current?.clear();
      ed.setPosition({ lineNumber: line, column: Math.max(1, target.col) });
      ed.revealPositionInCenterIfOutsideViewport({ lineNumber: line, column: target.col });
      ed.focus();
    }
  }, [target]);

  return <div className="editor-host" ref={host} data-testid="editor" />;
}

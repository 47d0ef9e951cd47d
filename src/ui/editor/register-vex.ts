// Registers the `vex` language in Monaco: tokens, configuration, themes, and the hover and
// completion providers answered by the checker in the language worker.
import { monaco } from './monaco';
import { registerExplainLinks } from './markers';
import { vexLanguageConfiguration, vexMonarch, VEX_BUILTINS, VEX_KEYWORDS, VEX_TYPE_KEYWORDS } from './vex-monarch';
import { completionsAt, formatText, hoverAt } from '../run/controller';
import { quickFixes, type Range as FixRange } from './quick-fixes';
import type { CompletionItem } from '../../worker/protocol';
import { registerIntelProviders } from './intel-providers';
import { registerDefinition } from './definition';

export const VEX_LANGUAGE_ID = 'vex';
let registered = false;

export const fileOfModel = (model: monaco.editor.ITextModel) => model.uri.path.replace(/^\//, '');

function kindOf(k: CompletionItem['kind']): monaco.languages.CompletionItemKind {
  const K = monaco.languages.CompletionItemKind;
  switch (k) {
    case 'keyword': return K.Keyword;
    case 'function': return K.Function;
    case 'variable': return K.Variable;
    case 'type': return K.Struct;
    case 'field': return K.Field;
    case 'method': return K.Method;
    case 'constant': return K.Constant;
    case 'builtin': return K.Function;
  }
}

/** Words offered when the checker has nothing to say (it is not loaded, or the code is empty). */
function fallbackItems(): CompletionItem[] {
  return [
    ...VEX_KEYWORDS.map((label) => ({ label, kind: 'keyword' as const })),
    { label: 'let!', kind: 'keyword' as const },
    ...VEX_TYPE_KEYWORDS.map((label) => ({ label, kind: 'type' as const })),
    ...VEX_BUILTINS.map((label) => ({ label, kind: 'builtin' as const })),
  ];
}

export function registerVex(): void {
  if (registered) return;
  registered = true;
  monaco.languages.register({ id: VEX_LANGUAGE_ID, extensions: ['.vx'], aliases: ['Vex', 'vex'] });
  monaco.languages.setMonarchTokensProvider(VEX_LANGUAGE_ID, vexMonarch);
  monaco.languages.setLanguageConfiguration(VEX_LANGUAGE_ID, vexLanguageConfiguration);
  registerExplainLinks();

  const rules = (dark: boolean): monaco.editor.ITokenThemeRule[] => [
    { token: 'keyword', foreground: dark ? 'c586c0' : 'af00db' },
    { token: 'type.keyword', foreground: dark ? '4ec9b0' : '267f99' },
    { token: 'type.identifier', foreground: dark ? '4ec9b0' : '267f99' },
    { token: 'constant', foreground: dark ? '569cd6' : '0000ff' },
    { token: 'predefined', foreground: dark ? 'dcdcaa' : '795e26' },
    { token: 'annotation', foreground: dark ? 'd7ba7d' : '808000' },
    { token: 'string.escape', foreground: dark ? 'd7ba7d' : 'ee0000' },
    { token: 'string.tag', foreground: dark ? '9cdcfe' : '001080' },
    { token: 'delimiter.bracket.interpolation', foreground: dark ? '569cd6' : '0000ff' },
    { token: 'invalid', foreground: 'f44747' },
    ...(dark ? [{ token: 'comment', foreground: '6a9955' }] : []), // vs-dark's #608b4e is 4.2:1, under AA
  ];
  // the dimmed last line number keeps the AA contrast of the others (axe checks it)
  monaco.editor.defineTheme('vex-light', { base: 'vs', inherit: true, rules: rules(false), colors: { 'editorLineNumber.dimmedForeground': '#237893' } });
  monaco.editor.defineTheme('vex-dark', { base: 'vs-dark', inherit: true, rules: rules(true), colors: { 'editorLineNumber.dimmedForeground': '#858585' } });

  monaco.languages.registerHoverProvider(VEX_LANGUAGE_ID, {
    provideHover: async (model, position) => {
      const text = await hoverAt(fileOfModel(model), model.getOffsetAt(position));
      if (!text) return null;
      const word = model.getWordAtPosition(position);
      const range = word
        ? new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn)
        : undefined;
      return { range, contents: [{ value: '```vex\n' + text + '\n```' }] };
    },
  });

  registerDefinition(VEX_LANGUAGE_ID); // F12 / Ctrl+click across tabs (definition.ts)

  monaco.languages.registerCompletionItemProvider(VEX_LANGUAGE_ID, {
    triggerCharacters: ['.'],
    provideCompletionItems: async (model, position) => {
      const offset = model.getOffsetAt(position);
      let items = await completionsAt(fileOfModel(model), offset);
      const before = model.getValueInRange(new monaco.Range(position.lineNumber, 1, position.lineNumber, position.column));
      const afterDot = /\.\s*[A-Za-z0-9_]*$/.test(before);
      if (items.length === 0 && !afterDot) items = fallbackItems();
      const word = model.getWordUntilPosition(position);
      const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
      return {
        suggestions: items.map((it) => ({
          label: it.label,
          kind: kindOf(it.kind),
          detail: it.detail,
          insertText: it.label,
          range,
        })),
      };
    },
  });

  // Format Document (Shift+Alt+F, or the context menu): the worker's `vex fmt`. A file with syntax
  // errors gets no edit, so Problems keeps pointing at the error.
  monaco.languages.registerDocumentFormattingEditProvider(VEX_LANGUAGE_ID, {
    provideDocumentFormattingEdits: async (model) => {
      const before = model.getValue();
      const text = await formatText(fileOfModel(model), before);
      if (text === null || text === before || model.getValue() !== before) return [];
      return [{ range: model.getFullModelRange(), text }];
    },
  });

  // Quick fixes (Ctrl+. or the light bulb) from the markers' `help:` edits (quick-fixes.ts).
  monaco.languages.registerCodeActionProvider(VEX_LANGUAGE_ID, {
    provideCodeActions: (model, _range, context) => {
      const toFix = (r: monaco.IRange): FixRange => ({ startLine: r.startLineNumber, startCol: r.startColumn, endLine: r.endLineNumber, endCol: r.endColumn });
      const toMonaco = (r: FixRange) => new monaco.Range(r.startLine, r.startCol, r.endLine, r.endCol);
      const actions: monaco.languages.CodeAction[] = [];
      for (const marker of context.markers) {
        const fixes = quickFixes(
          { message: marker.message, range: toFix(marker), related: (marker.relatedInformation ?? []).map(toFix) },
          (n) => (n >= 1 && n <= model.getLineCount() ? model.getLineContent(n) : ''),
        );
        for (const f of fixes) {
          actions.push({
            title: f.title, kind: 'quickfix', diagnostics: [marker], isPreferred: fixes.length === 1,
            edit: { edits: f.edits.map((e) => ({ resource: model.uri, versionId: model.getVersionId(), textEdit: { range: toMonaco(e.range), text: e.text } })) },
          });
        }
      }
      return { actions, dispose: () => {} };
    },
  }, { providedCodeActionKinds: ['quickfix'] });

  registerIntelProviders(VEX_LANGUAGE_ID); // find references, document symbols, signature help
}

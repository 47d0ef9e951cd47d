// Go to definition (F12, Ctrl/Cmd+click, "Peek Definition") across tabs: the language worker
// answers where a name is declared (sema/definition.ts); a location in another tab opens that
// tab through the same reveal the Problems and Panic panels use.
import { monaco } from './monaco';
import { definitionAt } from '../run/controller';
import { useUi } from '../state/ui-store';

const uriOf = (name: string) => monaco.Uri.parse(`file:///${name}`);
const fileOfUri = (uri: monaco.Uri) => uri.path.replace(/^\//, '');

export function registerDefinition(languageId: string): void {
  monaco.languages.registerDefinitionProvider(languageId, {
    provideDefinition: async (model, position) => {
      const loc = await definitionAt(fileOfUri(model.uri), model.getOffsetAt(position));
      if (!loc || !monaco.editor.getModel(uriOf(loc.file))) return null;
      return { uri: uriOf(loc.file), range: new monaco.Range(loc.line, loc.col, loc.endLine, loc.endCol) };
    },
  });
  // Monaco opens a location in the same model itself; one in another tab comes here.
  monaco.editor.registerEditorOpener({
    openCodeEditor: (_source, resource, selectionOrPosition) => {
      const file = fileOfUri(resource);
      if (!monaco.editor.getModel(resource)) return false;
      const pos = selectionOrPosition && 'startLineNumber' in selectionOrPosition
        ? { line: selectionOrPosition.startLineNumber, col: selectionOrPosition.startColumn }
        : selectionOrPosition ? { line: selectionOrPosition.lineNumber, col: selectionOrPosition.column } : { line: 1, col: 1 };
      useUi.getState().reveal(file, pos.line, pos.col);
      return true;
    },
  });
}

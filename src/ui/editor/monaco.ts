// Monaco from the local package: the core API plus only the editor features we use. No language
// services (TS/CSS/HTML/JSON) are imported, so their workers are not in the build; the only
// Monaco worker is the core editor worker.
import * as monaco from 'monaco-editor/editor/editor.api';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import 'monaco-editor/editor/browser/coreCommands.js';
import 'monaco-editor/editor/common/standaloneStrings.js';
import 'monaco-editor/features/codicon/register.js';
import 'monaco-editor/features/bracketMatching/register.js';
import 'monaco-editor/features/clipboard/register.js';
import 'monaco-editor/features/codeAction/register.js';
import 'monaco-editor/features/comment/register.js';
import 'monaco-editor/features/contextmenu/register.js';
import 'monaco-editor/features/cursorUndo/register.js';
import 'monaco-editor/features/find/register.js';
import 'monaco-editor/features/folding/register.js';
import 'monaco-editor/features/format/register.js';
import 'monaco-editor/features/gotoSymbol/register.js'; // go to definition (F12, Ctrl+click; editor/definition.ts)
import 'monaco-editor/features/gotoError/register.js';
import 'monaco-editor/editor/contrib/gotoError/browser/markerSelectionStatus.js';
import 'monaco-editor/features/hover/register.js';
import 'monaco-editor/features/indentation/register.js';
import 'monaco-editor/features/linesOperations/register.js';
import 'monaco-editor/features/multicursor/register.js';
import 'monaco-editor/features/snippet/register.js';
import 'monaco-editor/features/suggest/register.js';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController.js';
import 'monaco-editor/features/wordOperations/register.js';
import 'monaco-editor/features/wordHighlighter/register.js';
// keyboard access: F1 command palette, Ctrl+M (Tab moves focus)
import 'monaco-editor/features/quickCommand/register.js';
import 'monaco-editor/features/toggleTabFocusMode/register.js';
// find references (Shift+F12, peek), quick outline (Ctrl+Shift+O), parameter hints
import 'monaco-editor/editor/contrib/gotoSymbol/browser/goToCommands.js';
import 'monaco-editor/features/referenceSearch/register.js';
import 'monaco-editor/features/documentSymbols/register.js';
import 'monaco-editor/features/quickOutline/register.js';
import 'monaco-editor/features/parameterHints/register.js';

(self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

export { monaco };

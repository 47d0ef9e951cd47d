// Monaco providers for find references (Shift+F12, context menu), document symbols (the quick
// outline, Ctrl+Shift+O) and signature help (parameter hints while typing a call), all answered
// by the checker in the language worker (worker/intel.ts). A reference in another tab opens that
// tab (the editor opener below).
import { monaco } from './monaco';
import { intelQuery } from '../run/controller';
import { useFiles } from '../state/files-store';
import type { DocSymbol } from '../../worker/intel';
import type { Span } from '../../lang/span';

const fileOf = (uri: monaco.Uri) => uri.path.replace(/^\//, '');
const uriOf = (name: string) => monaco.Uri.parse(`file:///${name}`);
const rangeOf = (s: Span) => new monaco.Range(s.line, s.col, s.endLine, s.endCol);

function symbolKind(k: DocSymbol['kind']): monaco.languages.SymbolKind {
  const K = monaco.languages.SymbolKind;
  switch (k) {
    case 'function': return K.Function;
    case 'method': return K.Method;
    case 'struct': return K.Struct;
    case 'enum': return K.Enum;
    case 'contract': return K.Interface;
    case 'field': return K.Field;
    case 'variant': return K.EnumMember;
    case 'constant': return K.Constant;
    case 'type': return K.TypeParameter;
    case 'variable': return K.Variable;
  }
}

function toMonacoSymbol(s: DocSymbol): monaco.languages.DocumentSymbol {
  return {
    name: s.name, detail: s.detail, kind: symbolKind(s.kind), tags: [],
    range: rangeOf(s.range), selectionRange: rangeOf(s.selection),
    children: s.children.map(toMonacoSymbol),
  };
}

export function registerIntelProviders(language: string): void {
  monaco.languages.registerReferenceProvider(language, {
    provideReferences: async (model, position, context) => {
      const a = await intelQuery({ k: 'references', file: fileOf(model.uri), offset: model.getOffsetAt(position), includeDeclaration: context.includeDeclaration });
      if (a?.k !== 'references') return [];
      // only tabs that still exist (the answer may be for a moment-old set of files)
      return a.locations.filter((l) => monaco.editor.getModel(uriOf(l.file))).map((l) => ({ uri: uriOf(l.file), range: rangeOf(l) }));
    },
  });

  monaco.languages.registerDocumentSymbolProvider(language, {
    displayName: 'Vex',
    provideDocumentSymbols: async (model) => {
      const a = await intelQuery({ k: 'symbols', file: fileOf(model.uri) });
      return a?.k === 'symbols' ? a.symbols.map(toMonacoSymbol) : [];
    },
  });

  monaco.languages.registerSignatureHelpProvider(language, {
    signatureHelpTriggerCharacters: ['(', ','],
    signatureHelpRetriggerCharacters: [')'],
    provideSignatureHelp: async (model, position) => {
      const a = await intelQuery({ k: 'signature', file: fileOf(model.uri), offset: model.getOffsetAt(position) });
      if (a?.k !== 'signature' || !a.help) return null;
      const h = a.help;
      return {
        value: {
          // every member of an overload set; the one the call picks (or the most plausible) active
          signatures: h.signatures.map((x) => ({ label: x.label, parameters: x.params.map((p) => ({ label: p })) })),
          activeSignature: h.activeSignature,
          activeParameter: h.active,
        },
        dispose: () => {},
      };
    },
  });

  // A location in another tab (a reference, later a definition): switch to that tab, then select.
  monaco.editor.registerEditorOpener({
    openCodeEditor: (source, resource, selectionOrPosition) => {
      const model = monaco.editor.getModel(resource);
      const name = fileOf(resource);
      if (!model || !useFiles.getState().files.some((f) => f.name === name)) return false;
      useFiles.getState().setActive(name);
      if (source.getModel() !== model) source.setModel(model);
      if (selectionOrPosition) {
        const r = 'startLineNumber' in selectionOrPosition
          ? monaco.Range.lift(selectionOrPosition)
          : monaco.Range.fromPositions(selectionOrPosition);
        source.setSelection(r);
        source.revealRangeInCenterIfOutsideViewport(r);
      }
      source.focus();
      return true;
    },
  });
}

// Editor intelligence answered by the language worker: find references, document symbols and
// signature help (the checker queries in lang/sema/references.ts, symbols.ts, signature.ts).
// One message pair (`intel`) carries them all, so adding a query does not touch the protocol.
import type { Span } from '../lang/span';
import { referencesAt } from '../lang/sema/references';
import { documentSymbols, type DocSymbol } from '../lang/sema/symbols';
import { signatureAt, type SignatureHelp } from '../lang/sema/signature';
import type { SourceFile } from './protocol';

export type { DocSymbol, SignatureHelp };

export type IntelQuery =
  | { k: 'references'; file: string; offset: number; includeDeclaration: boolean }
  | { k: 'symbols'; file: string }
  | { k: 'signature'; file: string; offset: number };

export type IntelAnswer =
  | { k: 'references'; locations: (Span & { decl: boolean })[] }
  | { k: 'symbols'; symbols: DocSymbol[] }
  | { k: 'signature'; help: SignatureHelp | null };

/** Never throws: a query the toolchain cannot answer has an empty answer. */
export function answerIntel(files: SourceFile[], q: IntelQuery): IntelAnswer {
  const text = files.find((f) => f.name === q.file)?.text;
  switch (q.k) {
    case 'references':
      return { k: 'references', locations: referencesAt(files, q.file, q.offset, q.includeDeclaration)?.locations ?? [] };
    case 'symbols':
      return { k: 'symbols', symbols: text === undefined ? [] : documentSymbols(q.file, text) };
    case 'signature':
      return { k: 'signature', help: text === undefined ? null : signatureAt(q.file, text, q.offset) };
  }
}

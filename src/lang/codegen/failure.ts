// A code generator exception as a diagnostic: a known unsupported construct (E0900), nesting too
// deep for the host stack (E0902), or our bug (E0999; see lang/diagnostics.ts).
import { diag, internalError, isHostStackOverflow, tooDeep, type Diagnostic } from '../diagnostics';
import type { Span } from '../span';
import { CodegenError } from './expr';
import { MSG } from '../msg';

export function codegenFailure(e: unknown, span: Span): Diagnostic {
  if (e instanceof CodegenError) return diag(MSG.E0900.constructNotSupportedCode({ eMessage: e.message.replace(/^codegen: unsupported /, '') }), span);
  if (isHostStackOverflow(e)) return tooDeep('compile', span);
  return internalError('code generator', e, span);
}

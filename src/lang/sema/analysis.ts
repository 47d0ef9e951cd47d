// Checker results for the editor queries (hover, completion, references, go to definition),
// memoized: a query on a program the worker has already analyzed reuses that parse + check
// instead of redoing it (a 5,000-line file takes ~100 ms to check; a hover must answer in < 50).
// The queries only read the analysis, so sharing one between them is safe.
import type * as ast from '../syntax/ast';
import type { Ctx } from './context';
import { parse } from '../syntax/parser';
import { checkWithCtx } from './check';
import { linkProgram, type ModuleFile, type ModuleScope } from './modules';

export interface Analysis {
  file: string;
  text: string;
  /** The other tabs the analysis saw (names and texts), so a change in any tab is a miss. */
  others: string;
  program: ast.Program;
  cx: Ctx;
  /** This tab's module scope when it was linked with the tabs it imports, else null. */
  scope: ModuleScope | null;
}

// A few entries: the text being edited, and the variant completion checks (without the member
// being typed); more would only hold large ASTs alive.
const MAX_ENTRIES = 4;
const cache: Analysis[] = [];

const othersKey = (file: string, files?: readonly ModuleFile[]) =>
  files && files.length > 1 ? files.filter((f) => f.name !== file).map((f) => `${f.name}\u0000${f.text}`).join('\u0001') : '';

function remember(a: Analysis): Analysis {
  cache.unshift(a);
  if (cache.length > MAX_ENTRIES) cache.length = MAX_ENTRIES;
  return a;
}

function touch(i: number): Analysis {
  const [a] = cache.splice(i, 1);
  cache.unshift(a);
  return a;
}

/** Parse and check `text` as tab `file` (linked with the other tabs it imports), or the cached
 *  result of the same inputs. Works on code with errors (the recovered AST). */
export function analyzeText(file: string, text: string, files?: readonly ModuleFile[]): Analysis {
  const others = othersKey(file, files);
  const hit = cache.findIndex((a) => a.file === file && a.text === text && a.others === others);
  if (hit >= 0) return touch(hit);
  if (files && files.length > 1) {
    const linked = linkProgram(files.map((f) => (f.name === file ? { name: file, text } : f)), file);
    if (linked.linked) {
      const { cx } = checkWithCtx(linked.program, {});
      return remember({ file, text, others, program: linked.program, cx, scope: linked.scopes.get(file) ?? null });
    }
  }
  const { program } = parse(file, text);
  const { cx } = checkWithCtx(program, { text });
  return remember({ file, text, others, program, cx, scope: null });
}

// What the cached text may hold where the texts differ: a partial name, or the `;` completion puts
// in place of the member being typed. Anything else (a `.`, a brace) can change how the code
// around it was recovered and checked.
const SAFE_GAP = /^[A-Za-z0-9_\s;]*$/;

/** Keep a check made elsewhere (the editor's live diagnostics of the entry tab) for the queries
 *  that follow it: the first hover after an edit then finds the program already checked. */
export function rememberAnalysis(a: Omit<Analysis, 'others'>, files?: readonly ModuleFile[]): void {
  const others = othersKey(a.file, files);
  const i = cache.findIndex((x) => x.file === a.file && x.text === a.text && x.others === others);
  if (i >= 0) cache.splice(i, 1);
  remember({ ...a, others });
}

/** A cached analysis of a text that differs from `text` only between offsets `from` and `to`
 *  (what is being typed there), or null. Positions before `from` are the same in both, so scope
 *  and type lookups there are exact; completion uses it instead of checking the text again. */
export function analysisAround(file: string, text: string, from: number, to: number, files?: readonly ModuleFile[]): Analysis | null {
  const others = othersKey(file, files);
  const head = text.slice(0, from), tail = text.slice(to);
  const hit = cache.findIndex((a) => a.file === file && a.others === others && a.text.length >= head.length + tail.length &&
    a.text.startsWith(head) && a.text.endsWith(tail) && SAFE_GAP.test(a.text.slice(from, a.text.length - tail.length)));
  return hit >= 0 ? touch(hit) : null;
}

/** Forget every analysis (tests that measure the uncached path). */
export function clearAnalyses(): void {
  cache.length = 0;
}

// Checker results for the editor queries (hover, completion, references, go to definition),
// memoized: a query on a program the worker has already analyzed reuses that parse + check
// instead of redoing it (a 5,000-line file takes ~100 ms to check; a hover must answer in < 50).
// The queries only read the analysis, so sharing one between them is safe.
import type * as ast from '../syntax/ast';
import type { Ctx } from './context';
import { parse } from '../syntax/parser';
import { checkWithCtx } from './check';
import { isRelative, linkProgram, type ModuleFile, type ModuleScope } from './modules';

export interface Analysis {
  file: string;
  text: string;
  /** The other tabs this tab's program linked (its imports, transitively), or null when it has no
   *  relative import: an edit in a tab it does not import keeps the analysis. */
  depNames: readonly string[] | null;
  /** depsKey(depNames) when analyzed: every tab's name and the linked tabs' texts. */
  deps: string;
  program: ast.Program;
  cx: Ctx;
  /** This tab's module scope when it was linked with the tabs it imports, else null. */
  scope: ModuleScope | null;
  /** null: every body was checked. Else a hover's check (analyzeAt): only the bodies of the
   *  functions holding one position were, and this names them (bodiesKey): it answers for any
   *  position held by exactly those functions. */
  partial: string | null;
}

// A few entries: the text being edited, and the variant completion checks (without the member
// being typed); more would only hold large ASTs alive.
const MAX_ENTRIES = 4;
const cache: Analysis[] = [];

/** What a linked analysis depends on besides its own text: which tabs exist (an import may now
 *  resolve, or no longer) and the texts of the tabs it linked. */
function depsKey(depNames: readonly string[] | null, files?: readonly ModuleFile[]): string {
  if (depNames === null) return '';
  const tabs = files ?? [];
  return tabs.map((f) => f.name).join('\u0000') + '\u0001' + depNames.map((n) => `${n}\u0000${tabs.find((f) => f.name === n)?.text ?? '\u0002'}`).join('\u0001');
}

const fresh = (a: Analysis, files?: readonly ModuleFile[]) => a.depNames === null || depsKey(a.depNames, files) === a.deps;

const hasRelativeImport = (program: ast.Program) =>
  program.items.some((i) => (i.kind === 'import' && isRelative(i.module)) || (i.kind === 'export-list' && i.from !== null && isRelative(i.from)));

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
  const hit = cache.findIndex((a) => a.partial === null && a.file === file && a.text === text && fresh(a, files));
  if (hit >= 0) return touch(hit);
  return remember(check(file, text, files, null));
}

/** For a hover at `offset`: the full analysis when there is one, else a check of every
 *  declaration but only the bodies of the functions holding `offset` (a 5,000-line file's hover
 *  then costs a parse and one function, not the whole file; the live check that follows an edit
 *  replaces it with the full one). The answers at `offset` are the full check's. */
export function analyzeAt(file: string, text: string, offset: number, files?: readonly ModuleFile[]): Analysis {
  const full = cache.findIndex((a) => a.partial === null && a.file === file && a.text === text && fresh(a, files));
  if (full >= 0) return touch(full);
  const part = cache.findIndex((a) => a.partial !== null && a.file === file && a.text === text && fresh(a, files) && bodiesKey(a.cx, file, offset) === a.partial);
  if (part >= 0) return touch(part);
  return remember(check(file, text, files, offset));
}

/** Which functions of `file` hold `offset` (their declarations' starts). */
function bodiesKey(cx: Ctx, file: string, offset: number): string {
  let key = '';
  for (const f of cx.allFns) {
    const sp = f.decl?.span;
    if (sp && sp.file === file && sp.start <= offset && offset <= sp.end) key += sp.start + ',';
  }
  return key;
}

function check(file: string, text: string, files: readonly ModuleFile[] | undefined, at: number | null): Analysis {
  const bodiesAt = at === null ? undefined : { file, offset: at };
  const done = (program: ast.Program, cx: Ctx, depNames: readonly string[] | null, scope: ModuleScope | null): Analysis =>
    ({ file, text, depNames, deps: depsKey(depNames, files), program, cx, scope, partial: at === null ? null : bodiesKey(cx, file, at) });
  if (files && files.length > 1) {
    const linked = linkProgram(files.map((f) => (f.name === file ? { name: file, text } : f)), file);
    if (linked.linked) {
      const { cx } = checkWithCtx(linked.program, { bodiesAt });
      return done(cx.program, cx, linked.files.filter((n) => n !== file), linked.scopes.get(file) ?? null);
    }
  }
  // A partial check parses only the bodies it checks (the others are empty blocks).
  const { program } = parse(file, text, at ?? undefined);
  const { cx } = checkWithCtx(program, { text, bodiesAt });
  // (one tab importing another: the missing module is an error until that tab exists)
  return done(cx.program, cx, hasRelativeImport(program) ? [] : null, null);
}

// What the cached text may hold where the texts differ: a partial name, or the `;` completion puts
// in place of the member being typed. Anything else (a `.`, a brace) can change how the code
// around it was recovered and checked.
const SAFE_GAP = /^[A-Za-z0-9_\s;]*$/;

/** Keep a check made elsewhere (the editor's live diagnostics of the entry tab) for the queries
 *  that follow it: the first hover after an edit then finds the program already checked. */
export function rememberAnalysis(a: Omit<Analysis, 'deps' | 'partial'>, files?: readonly ModuleFile[]): void {
  // (a hover's partial check of the same text is superseded too)
  for (let i = cache.length - 1; i >= 0; i--) { const x = cache[i]; if (x.file === a.file && x.text === a.text && fresh(x, files)) cache.splice(i, 1); }
  remember({ ...a, deps: depsKey(a.depNames, files), partial: null });
}

/** A cached analysis of a text that differs from `text` only between offsets `from` and `to`
 *  (what is being typed there), or null. Positions before `from` are the same in both, so scope
 *  and type lookups there are exact; completion uses it instead of checking the text again. */
export function analysisAround(file: string, text: string, from: number, to: number, files?: readonly ModuleFile[]): Analysis | null {
  const head = text.slice(0, from), tail = text.slice(to);
  const hit = cache.findIndex((a) => a.partial === null && a.file === file && fresh(a, files) && a.text.length >= head.length + tail.length &&
    a.text.startsWith(head) && a.text.endsWith(tail) && SAFE_GAP.test(a.text.slice(from, a.text.length - tail.length)));
  return hit >= 0 ? touch(hit) : null;
}

/** Forget every analysis (tests that measure the uncached path). */
export function clearAnalyses(): void {
  cache.length = 0;
}

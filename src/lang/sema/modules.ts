// Modules across file tabs (chapter 2 §4): each tab is a module; `import … from "./util"` names
// another tab. The linker parses the modules reachable from the entry, resolves every relative
// import (tab paths, real's candidate order), computes what each module exports (§4.3), reports
// unknown modules and names, name conflicts and import cycles (naming the cycle), then renames
// each dependency's top-level items to program-wide names `utilːtriple` (a name no user can
// write; `displayName` strips the prefix again) on copies (module-rename.ts: the tabs' parsed
// ASTs are never written) and returns ONE new program — dependencies first, in
// depth-first post-order, which is also the order their `init` functions run (§4.6). Spans keep
// their own file, so diagnostics, backtraces and trace events name the right tab.
// A program without relative imports is returned exactly as parsed (the single-file path).
import type * as ast from '../syntax/ast';
import { parse, type ParseResult } from '../syntax/parser';
import { diag, type Diagnostic } from '../diagnostics';
import { expandStdImports, markStdExpanded } from './std-modules';
import { renameModule, type ModuleScope } from './module-rename';
export type { ModuleScope } from './module-rename';
import { MODULE_SEP } from './module-names';
import { PRELUDE_CONTRACT_NAMES } from './std-contracts';
import { MSG, NOTE } from '../msg';

export { displayName, MODULE_SEP } from './module-names';

export interface ModuleFile {
  name: string;
  text: string;
  /** The tab already parsed (`parse(name, text)`'s result), used as it is: linking never writes it. */
  parsed?: ParseResult;
}

export interface LinkResult {
  program: ast.Program;
  /** Parse and link diagnostics of every module reached (each in its own file). */
  diagnostics: Diagnostic[];
  /** The tabs that are part of this program, entry first. */
  files: string[];
  linked: boolean; // false: a single-file program, returned as parsed
  /** What each module's names mean (editor queries: `u.` completion, go-to-definition of imports). */
  scopes: Map<string, ModuleScope>;
  /** W0108 for imported names and namespaces never used (the editor and `vex check` show them). */
  unusedImports: Diagnostic[];
}

/** §4.2: `import … from "util"` when a tab util.vx exists: suggest the relative path. */
export function suggestTabs(diags: Diagnostic[], files: readonly ModuleFile[]): Diagnostic[] {
  for (const d of diags) {
    const m = d.code === 'E0140' ? /^module not found: "([^".][^"]*)"$/.exec(d.message) : null;
    if (!m) continue;
    const tab = files.find((f) => f.name === `${m[1].replace(/\.vx$/, '')}.vx`);
    if (tab) d.notes.push(NOTE.E0140.helpDidYouMeanTab({ name: m[1].replace(/\.vx$/, '') }));
  }
  return diags;
}

export const isRelative = (p: string) => p.startsWith('./') || p.startsWith('../') || p === '.' || p === '..';

/** The tab a relative module path names from `from` (real's candidate order), or null. */
export function resolveModulePath(from: string, path: string, tabs: { has(name: string): boolean }): string | null {
  const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/')).split('/') : [];
  const parts = [...dir];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') { if (!parts.length) return null; parts.pop(); } else parts.push(seg);
  }
  const base = parts.join('/');
  if (!base) return null;
  const candidates = base.endsWith('.vx') ? [base] : [`${base}/src/lib.vx`, `${base}/mod.vx`, `${base}/lib.vx`, `${base}/index.vx`, `${base}/main.vx`, `${base}.vx`];
  return candidates.find((c) => tabs.has(c)) ?? null;
}

interface Mod {
  file: string;
  prefix: string; // '' for the entry
  program: ast.Program;
  exports: Map<string, string>; // exported name -> program-wide name
  own: Set<string>; // its top-level item names
  done: boolean;
}

/** Names of a module's top-level items (`init` keeps its name: every module's `init` runs). */
function topNames(items: ast.Item[]): { name: string; exported: boolean }[] {
  const out: { name: string; exported: boolean }[] = [];
  for (const it of items) {
    switch (it.kind) {
      case 'fn': if (!it.receiver && !it.owner) out.push({ name: it.name, exported: it.isExport }); break;
      case 'struct': case 'enum': case 'contract': case 'type': case 'const':
        out.push({ name: it.name, exported: it.isExport }); break;
      case 'thread-local': out.push({ name: it.name, exported: false }); break;
      case 'extern': for (const f of it.fns) out.push({ name: f.name, exported: f.isExport }); break;
      default: break;
    }
  }
  return out;
}

export function linkProgram(files: readonly ModuleFile[], entry: string): LinkResult {
  const byName = new Map(files.map((f) => [f.name, f]));
  const first = byName.get(entry) ?? files[0];
  const parseTab = (f: ModuleFile) => f.parsed ?? parse(f.name, f.text);
  const parsedEntry = parseTab(first);
  const hasRelative = parsedEntry.program.items.some((i) => (i.kind === 'import' && isRelative(i.module)) || (i.kind === 'export-list' && i.from !== null && isRelative(i.from)));
  if (!hasRelative) return { program: parsedEntry.program, diagnostics: parsedEntry.diagnostics, files: [first.name], linked: false, scopes: new Map(), unusedImports: [] };

  const tabs = new Set(byName.keys());
  const diagnostics: Diagnostic[] = [...parsedEntry.diagnostics];
  const mods = new Map<string, Mod>();
  const order: Mod[] = []; // post-order: dependencies first
  const stack: string[] = [];
  const prefixes = new Set<string>();
  const scopes = new Map<string, ModuleScope>();
  const unusedImports: Diagnostic[] = [];
  const prefixOf = (file: string) => {
    let p = file.replace(/\.vx$/, '').replace(/[^A-Za-z0-9_]/g, '_') || 'm';
    while (prefixes.has(p)) p += '_';
    prefixes.add(p);
    return p;
  };

  const load = (file: string): Mod => {
    const parsed = file === first.name ? parsedEntry : parseTab(byName.get(file)!);
    if (file !== first.name) diagnostics.push(...parsed.diagnostics);
    const mod: Mod = { file, prefix: file === first.name ? '' : prefixOf(file), program: parsed.program, exports: new Map(), own: new Set(), done: false };
    mods.set(file, mod);
    stack.push(file);
    const scope: ModuleScope = { names: new Map(), spaces: new Map() };
    scopes.set(file, scope);
    const where = new Map<string, string>(); // local name -> where it comes from (for E0102)
    const items = parsed.program.items;
    const own = topNames(items);
    // §3.7: the entry's own contract with a prelude name (its own `contract Display`) shadows the
    // prelude one in the entry only: it gets a program-wide name, so the other modules' `Display`
    // stays the prelude's
    const shadows = new Set(file === first.name ? items.filter((i) => i.kind === 'contract' && PRELUDE_CONTRACT_NAMES.has(i.name)).map((i) => (i as { name: string }).name) : []);
    const entryPrefix = shadows.size ? prefixOf(file) : '';
    const g = (n: string) => (mod.prefix && n !== 'init' ? `${mod.prefix}${MODULE_SEP}${n}` : shadows.has(n) ? `${entryPrefix}${MODULE_SEP}${n}` : n);
    for (const o of own) { scope.names.set(o.name, g(o.name)); where.set(o.name, 'this module'); mod.own.add(o.name); }

    // Dependencies first (post-order), so their exports are known here.
    const dep = (path: string, span: ast.Span): Mod | null => {
      const target = resolveModulePath(file, path, tabs);
      if (!target) {
        diagnostics.push(diag(MSG.E0140.moduleNotFound({ module: path }), span, { notes: [NOTE.E0140.noteTabs({ tabs: [...tabs].join(', ') })] }));
        return null;
      }
      if (stack.includes(target)) {
        const cycle = [...stack.slice(stack.indexOf(target)), target];
        const chain = [...stack.slice(0, stack.indexOf(target)), ...cycle].join(' → ');
        diagnostics.push(diag(MSG.E0140.circularImport({ chain }), span, { notes: [NOTE.E0140.noteModulesMayNot()] }));
        return null;
      }
      return mods.get(target) ?? load(target);
    };
    const bind = (local: string, global: string, from: string, span: ast.Span) => {
      const prev = scope.names.get(local);
      if (prev !== undefined && prev !== global) {
        const was = where.get(local)!;
        const msg = was === 'this module' ? MSG.E0102.importedAlsoDefinedModule({ local, from }) : MSG.E0102.imported({ local, was, from });
        diagnostics.push(diag(msg, span, { notes: [NOTE.E0102.helpRenameOneThem({ local, from })] }));
        return;
      }
      scope.names.set(local, global);
      where.set(local, `"${from}"`);
    };

    const reexports: [string, string][] = [];
    let explicit = own.some((o) => o.exported);
    for (const it of items) {
      if (it.kind === 'import' && isRelative(it.module)) {
        const m = dep(it.module, it.moduleSpan);
        if (!m) continue;
        if (it.star) scope.spaces.set(it.star, { path: it.module, exports: m.exports });
        for (const n of it.names) {
          const gl = m.exports.get(n.name);
          if (gl === undefined) { if (m.done) diagnostics.push(notExported(n.name, it.module, n.span, m)); continue; }
          bind(n.alias ?? n.name, gl, it.module, n.span);
        }
        if (!it.star && !it.names.length) {
          const ns = it.module.replace(/\.vx$/, '').split('/').pop()!;
          scope.spaces.set(ns, { path: it.module, exports: m.exports });
          for (const [k, v] of m.exports) bind(k, v, it.module, it.moduleSpan);
        }
      } else if (it.kind === 'export-list') {
        explicit = true;
        if (it.from === null) {
          for (const n of it.names) {
            const gl = scope.names.get(n.name);
            if (gl === undefined) diagnostics.push(diag(MSG.E0100.cannotExportNoItem2({ nName: n.name }), n.span));
            else reexports.push([n.alias ?? n.name, gl]);
          }
        } else if (isRelative(it.from)) {
          const m = dep(it.from, it.span);
          if (!m) continue;
          if (it.star) for (const [k, v] of m.exports) reexports.push([k, v]);
          for (const n of it.names) {
            const gl = m.exports.get(n.name);
            if (gl === undefined) { if (m.done) diagnostics.push(notExported(n.name, it.from, n.span, m)); } else reexports.push([n.alias ?? n.name, gl]);
          }
        } else diagnostics.push(diag(MSG.E0140.reExportsStandardModule({ from: it.from }), it.span, { notes: [NOTE.E0140.helpImportWhereUsed()] }));
      }
    }
    // §4.3: no `export` at all exports every top-level item (never `main` or `init`).
    for (const o of own) {
      if (o.name === 'main' || o.name === 'init') continue;
      if (!explicit || o.exported) { mod.exports.set(o.name, g(o.name)); }
    }
    for (const [k, v] of reexports) mod.exports.set(k, v);
    scope.used = new Set();
    let renamed = renameModule(items, scope, diagnostics);
    // Items of an implicitly-exporting module count as exported (no "never called" warnings).
    if (!explicit && mod.prefix) renamed = renamed.map((it) => ('isExport' in it && !it.isExport && !(it.kind === 'fn' && (it.receiver || it.owner)) ? { ...it, isExport: true } : it));
    for (const it of items) {
      if (it.kind !== 'import' || !isRelative(it.module)) continue;
      const unused = (name: string, span: ast.Span) => unusedImports.push(diag(MSG.W0108.unusedImport3({ name }), span, { notes: [NOTE.W0108.helpRemoveUse()] }));
      for (const n of it.names) if (!scope.used.has(n.alias ?? n.name) && scope.names.has(n.alias ?? n.name)) unused(n.alias ?? n.name, n.span);
      if (it.star && !scope.used.has(it.star)) unused(it.star, it.moduleSpan);
    }
    // Standard imports bind names in this module only.
    const own2: ast.Program = { ...parsed.program, items: renamed.filter((i) => !(i.kind === 'import' && isRelative(i.module)) && i.kind !== 'export-list') };
    const std = expandStdImports(own2);
    diagnostics.push(...std.diagnostics);
    mod.program = std.program;
    mod.done = true;
    stack.pop();
    order.push(mod);
    return mod;
  };
  load(first.name);

  // One program: the modules dependencies-first, then each standard module's items once.
  const stdFrom = new Map<string, Mod>();
  const items: ast.Item[] = [], stdItems: ast.Item[] = [];
  for (const m of order) {
    for (const it of m.program.items) {
      const f = (it as { span: ast.Span }).span.file;
      if (!f.startsWith('<std>')) { items.push(it); continue; }
      if (!stdFrom.has(f)) stdFrom.set(f, m);
      if (stdFrom.get(f) === m) stdItems.push(it);
    }
  }
  const program: ast.Program = { ...parsedEntry.program, items: [...items, ...stdItems] };
  markStdExpanded(program);
  return { program, diagnostics, files: order.map((m) => m.file).reverse(), linked: true, scopes, unusedImports };
}

function notExported(name: string, path: string, span: ast.Span, m: Mod): Diagnostic {
  const list = [...m.exports.keys()];
  return diag(MSG.E0140.notExported({ name, path }), span, {
    notes: [
      list.length ? NOTE.E0140.noteExports({ path, list: list.slice(0, 12).join(', '), choice: list.length > 12 ? ', …' : '' }) : NOTE.E0140.noteExportsNothing({ path }),
      ...(m.own.has(name) ? [NOTE.E0140.helpAddExportIn({ name, file: m.file })] : []),
    ],
  });
}

// `vex run main.vx` / `vex check main.vx`: the entry plus the files its relative imports name,
// read from beside it (the same resolution as tabs in the playground, sema/modules.ts).
import { existsSync, readFileSync } from 'node:fs';
import { parse } from '../lang/syntax/parser';
import { isRelative, resolveModulePath } from '../lang/sema/modules';
import type { SourceFile } from '../lang/compile';

export function readModuleFiles(entry: string, text: string): SourceFile[] {
  return moduleClosure(entry, text, (p) => existsSync(p), (p) => { try { return readFileSync(p, 'utf8'); } catch { return null; } });
}

/** The entry plus every file its relative imports (and `export … from`) reach: `exists` says
 *  whether a path is there to resolve against, `read` gives its text (null: reported later as
 *  module not found). */
export function moduleClosure(entry: string, text: string, exists: (p: string) => boolean, read: (p: string) => string | null): SourceFile[] {
  const files = new Map<string, string>([[entry, text]]);
  const todo = [entry];
  const tree = { has: (p: string) => files.has(p) || exists(p) };
  while (todo.length) {
    const name = todo.pop()!;
    for (const it of parse(name, files.get(name)!).program.items) {
      const path = it.kind === 'import' ? it.module : it.kind === 'export-list' ? it.from : null;
      if (path === null || !isRelative(path)) continue;
      const target = resolveModulePath(name, path, tree);
      if (!target || files.has(target)) continue;
      const t = read(target);
      if (t === null) continue;
      files.set(target, t);
      todo.push(target);
    }
  }
  return [...files].map(([name, t]) => ({ name, text: t }));
}

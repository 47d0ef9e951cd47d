// `vex run main.vx` / `vex check main.vx`: the entry plus the files its relative imports name,
// read from beside it (the same resolution as tabs in the playground, sema/modules.ts).
import { existsSync, readFileSync } from 'node:fs';
import { parse } from '../lang/syntax/parser';
import { isRelative, resolveModulePath } from '../lang/sema/modules';
import type { SourceFile } from '../lang/compile';

export function readModuleFiles(entry: string, text: string): SourceFile[] {
  const files = new Map<string, string>([[entry, text]]);
  const todo = [entry];
  const exists = { has: (p: string) => files.has(p) || existsSync(p) };
  while (todo.length) {
    const name = todo.pop()!;
    for (const it of parse(name, files.get(name)!).program.items) {
      const path = it.kind === 'import' ? it.module : it.kind === 'export-list' ? it.from : null;
      if (path === null || !isRelative(path)) continue;
      const target = resolveModulePath(name, path, exists);
      if (!target || files.has(target)) continue;
      try { files.set(target, readFileSync(target, 'utf8')); todo.push(target); } catch { /* reported as module not found */ }
    }
  }
  return [...files].map(([name, t]) => ({ name, text: t }));
}

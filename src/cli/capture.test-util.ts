// Shared by the CLI's in-process tests: a temporary folder for input files, and a command run
// with its stdout/stderr captured.
import { vi } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempFiles(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, file: (name: string, text: string) => { const p = join(dir, name); writeFileSync(p, text); return p; } };
}

export function capture(fn: () => number) {
  let out = '', err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => { out += String(s); return true; });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => { err += String(s); return true; });
  try { return { code: fn(), out, err }; } finally { o.mockRestore(); e.mockRestore(); }
}

// The open files (tabs). main.vx is the entry and always exists; it cannot be closed or renamed.
import { create } from 'zustand';
import { isValidFileName, type SessionFile } from '../share/session';

export const ENTRY_FILE = 'main.vx';

interface FilesState {
  files: SessionFile[];
  active: string;
  /** Bumps when files are replaced wholesale (example, link): the editor reloads its models. */
  generation: number;
  setText(name: string, text: string): void;
  setActive(name: string): void;
  /** Adds a file with a fresh name (or `name`), returns its name or an error. */
  addFile(name?: string): { ok: true; name: string } | { ok: false; error: string };
  renameFile(from: string, to: string): { ok: true } | { ok: false; error: string };
  closeFile(name: string): void;
  replaceAll(files: SessionFile[], active?: string): void;
}

function freshName(files: SessionFile[]): string {
  for (let i = 1; ; i++) {
    const n = `file${i}.vx`;
    if (!files.some((f) => f.name === n)) return n;
  }
}

export const useFiles = create<FilesState>((set, get) => ({
  files: [{ name: ENTRY_FILE, text: '' }],
  active: ENTRY_FILE,
  generation: 0,
  setText: (name, text) =>
    set((s) => ({ files: s.files.map((f) => (f.name === name ? { name, text } : f)) })),
  setActive: (name) => {
    if (get().files.some((f) => f.name === name)) set({ active: name });
  },
  addFile: (name) => {
    const files = get().files;
    const n = name ?? freshName(files);
    if (!isValidFileName(n)) return { ok: false, error: `"${n}" is not a valid file name (letters, digits, _ or -, ending in .vx; folders with /)` };
    if (files.some((f) => f.name === n)) return { ok: false, error: `${n} already exists` };
    set({ files: [...files, { name: n, text: '' }], active: n });
    return { ok: true, name: n };
  },
  renameFile: (from, to) => {
    const files = get().files;
    if (from === ENTRY_FILE) return { ok: false, error: 'main.vx is the entry file and keeps its name' };
    if (from === to) return { ok: true };
    if (!isValidFileName(to)) return { ok: false, error: `"${to}" is not a valid file name (letters, digits, _ or -, ending in .vx; folders with /)` };
    if (files.some((f) => f.name === to)) return { ok: false, error: `${to} already exists` };
    set((s) => ({
      files: s.files.map((f) => (f.name === from ? { name: to, text: f.text } : f)),
      active: s.active === from ? to : s.active,
    }));
    return { ok: true };
  },
  closeFile: (name) => {
    if (name === ENTRY_FILE) return;
    set((s) => {
      const idx = s.files.findIndex((f) => f.name === name);
      if (idx < 0) return s;
      const files = s.files.filter((f) => f.name !== name);
      const active = s.active === name ? files[Math.max(0, idx - 1)].name : s.active;
      return { files, active };
    });
  },
  replaceAll: (files, active) =>
    set((s) => ({ files, active: active && files.some((f) => f.name === active) ? active : ENTRY_FILE, generation: s.generation + 1 })),
}));

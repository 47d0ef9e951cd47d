// Small argument helpers for the `vex` CLI.

/** Parses a size: `16384`, `64K`, `1M`, `1MiB`, `2g`. Returns null when malformed. */
export function parseSize(text: string): number | null {
  const m = /^(\d+)\s*([kmg]?)(i?b)?$/i.exec(text.trim());
  if (!m) return null;
  const unit = { '': 1, k: 1 << 10, m: 1 << 20, g: 1 << 30 }[m[2].toLowerCase() as '' | 'k' | 'm' | 'g'];
  const n = Number(m[1]) * unit;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

export interface Parsed {
  positional: string[];
  flags: Map<string, string | true>;
}

/** `--name value` for flags in `valued`, `--name` alone for the others; `--name=value` too. */
export function parseArgs(args: string[], valued: ReadonlySet<string>): Parsed | string {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) { positional.push(a); continue; }
    const eq = a.indexOf('=');
    const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
    if (valued.has(name)) {
      const v = eq >= 0 ? a.slice(eq + 1) : args[++i];
      if (v === undefined) return `option --${name} needs a value`;
      flags.set(name, v);
    } else {
      if (eq >= 0) return `option --${name} takes no value`;
      flags.set(name, true);
    }
  }
  return { positional, flags };
}

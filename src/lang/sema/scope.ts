// Lexical scopes for locals. Shadowing is allowed: a new `let x` in the same or an inner scope
// hides the previous one from that point on. Each entry remembers the closure nesting level it
// was declared at, so a use from inside a closure can mark the local as captured.
import type { LocalInfo } from './typed';

export interface ScopeEntry {
  local: LocalInfo;
  level: number; // closure nesting level at declaration
}

export class Scope {
  private names: Map<string, ScopeEntry> | null = null; // created on first declaration
  constructor(readonly parent: Scope | null) {}

  declare(local: LocalInfo, level: number): void {
    (this.names ??= new Map()).set(local.name, { local, level });
  }

  lookup(name: string): ScopeEntry | null {
    for (let s: Scope | null = this; s; s = s.parent) {
      const e = s.names?.get(name);
      if (e) return e;
    }
    return null;
  }

  /** Every visible local, innermost first (for completion). */
  visible(): LocalInfo[] {
    const seen = new Set<string>();
    const out: LocalInfo[] = [];
    for (let s: Scope | null = this; s; s = s.parent) {
      for (const [n, e] of s.names ?? []) if (!seen.has(n)) { seen.add(n); out.push(e.local); }
    }
    return out;
  }
}

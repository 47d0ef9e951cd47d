// VexFault: how the machine library reports a Vex-level mistake (bad pointer, OOM, arena out of
// space). It is deliberately not an Error subclass: throwing it captures no JS stack (hot paths),
// and the engine can never mistake it for a runtime bug. The engine turns it into a Vex panic
// (`panics`) or an abort (exit 134).

export type FaultKind =
  | 'out-of-bounds'
  | 'use-after-free'
  | 'double-free'
  | 'invalid-free'
  | 'misaligned'
  | 'null-deref'
  | 'read-only'
  | 'oom'
  | 'arena-exhausted'
  | 'invalid-arg';

export class VexFault {
  addr = -1;
  size = -1;
  accessSite = -1;
  allocSite = -1;
  freeSite = -1;
  blockStart = -1;
  blockSize = -1;
  blockKind = '';
  allocator = '';
  allocTask = -1;
  freeTask = -1;

  constructor(
    readonly kind: FaultKind,
    readonly message: string,
    /** true: a catchable Vex panic; false: the program aborts (134). */
    readonly panics: boolean,
  ) {}

  /** Extra Miri-style lines (for stderr / the Panic panel); `siteText` renders a site id. */
  notes(siteText: (site: number) => string): string[] {
    const out: string[] = [];
    if (this.blockStart >= 0) {
      const kind = this.blockKind || 'block';
      const by = this.allocator ? ` by the ${this.allocator} allocator` : '';
      out.push(`note: ${kind} block ${hex(this.blockStart)}..${hex(this.blockStart + this.blockSize)} (${this.blockSize} bytes)${by}`);
    }
    if (this.accessSite >= 0) {
      const what = this.kind === 'double-free' ? 'freed again at' : this.kind === 'invalid-free' ? 'free called at' : 'accessed at';
      out.push(`note: ${what} ${siteText(this.accessSite)}`);
    }
    if (this.allocSite >= 0) out.push(`note: allocated at ${siteText(this.allocSite)}`);
    if (this.freeSite >= 0) out.push(`note: freed at ${siteText(this.freeSite)}`);
    return out;
  }
}

export function hex(n: number): string {
  return '0x' + n.toString(16);
}

export function isVexFault(e: unknown): e is VexFault {
  return e instanceof VexFault;
}

/** `size` exactly as requested: a 64-bit request above 2^53 is printed from its BigInt. */
export function oomFault(size: number | bigint): VexFault {
  const f = new VexFault('oom', `memory allocation of ${size} bytes failed`, false);
  f.size = Number(size);
  return f;
}

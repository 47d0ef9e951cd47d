// A small seeded PRNG (mulberry32 over a 32-bit state, BigInt draws built from it): every generator
// draws only from here, so (seed, index) names a program exactly.
export class Rng {
  private s: number;
  constructor(seed: number) { this.s = seed >>> 0 || 0x9e3779b9; }
  /** Uniform in [0, 2^32). */
  u32(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number { return lo + (this.u32() % (hi - lo + 1)); }
  bool(p = 0.5): boolean { return this.u32() / 2 ** 32 < p; }
  pick<T>(xs: readonly T[]): T { return xs[this.u32() % xs.length]; }
  /** A uniformly random BigInt of `bits` bits (unsigned). */
  bits(bits: number): bigint {
    let v = 0n;
    for (let i = 0; i < bits; i += 32) v = (v << 32n) | BigInt(this.u32());
    return BigInt.asUintN(bits, v);
  }
  /** A double: mostly "ordinary" magnitudes with fractional bits, sometimes edge values. */
  f64(): number {
    if (this.bool(0.1)) return this.pick([0, -0, 1, -1, 0.5, 1e-300, 1e300, 2 ** 53, 0.1, 1 / 3]);
    const m = (this.u32() / 2 ** 32) + this.u32() / 2 ** 64;
    const e = this.int(-20, 20);
    return (this.bool() ? -1 : 1) * m * 2 ** e;
  }
  /** A fresh seed for a sub-generator. */
  fork(): Rng { return new Rng(this.u32()); }
}

/** The seed of program `i` of a campaign with seed `seed` (so any program can be regenerated alone). */
export const programSeed = (seed: number, i: number): number => (Math.imul(seed ^ 0x5bd1e995, 0x27d4eb2d) + Math.imul(i + 1, 0x165667b1)) >>> 0;

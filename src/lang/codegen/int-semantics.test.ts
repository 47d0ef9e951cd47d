// Integer semantics of §3.5 for every integer type, checked against a BigInt reference:
// wrapping + - *, truncating / and %, shifts masked to width-1, >> arithmetic/logical, casts.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { runVex } from './run-helpers.test-util';

const TYPES = ['i8', 'i16', 'i32', 'i64', 'i128', 'u8', 'u16', 'u32', 'u64', 'u128'] as const;
type IntT = (typeof TYPES)[number];
const bits = (t: IntT) => Number(t.slice(1));
const signed = (t: IntT) => t[0] === 'i';
const wrap = (t: IntT, x: bigint) => (signed(t) ? BigInt.asIntN(bits(t), x) : BigInt.asUintN(bits(t), x));

/** A literal expression of type t for value v (negative values as unary minus of a positive literal). */
const lit = (v: bigint) => (v < 0n ? `(0 - ${-v})` : `${v}`);

function reference(t: IntT, a: bigint, b: bigint): string[] {
  const m = BigInt(bits(t) - 1);
  const out = [wrap(t, a + b), wrap(t, a - b), wrap(t, a * b)];
  if (b !== 0n) out.push(wrap(t, a / b), wrap(t, a % b));
  const k = b & m;
  out.push(wrap(t, a << k), wrap(t, a >> k));
  out.push(BigInt.asIntN(8, a), BigInt.asUintN(16, a), BigInt.asIntN(32, a), BigInt.asUintN(64, a));
  return out.map(String);
}

function program(t: IntT, pairs: [bigint, bigint][]): string {
  const lines = pairs.map(([a, b]) => {
    const div = b !== 0n ? ', a / b, a % b' : '';
    const fmt = Array(b !== 0n ? 11 : 9).fill('{}').join(' ');
    return `    {
        let a: ${t} = ${lit(a)};
        let b: ${t} = ${lit(b)};
        println("${fmt}", a + b, a - b, a * b${div}, a << b, a >> b, a as i8, a as u16, a as i32, a as u64);
    }`;
  });
  return `fn main() {\n${lines.join('\n')}\n}\n`;
}

function arb(t: IntT): fc.Arbitrary<bigint> {
  const b = bits(t);
  // literals stay strictly inside the range; the edges are reached through wrapping results
  const lo = signed(t) ? -(2n ** BigInt(b - 1)) + 1n : 0n;
  const hi = signed(t) ? 2n ** BigInt(b - 1) - 1n : 2n ** BigInt(b) - 1n;
  return fc.oneof(fc.bigInt({ min: lo, max: hi }), fc.constantFrom(lo, hi, 0n, 1n, lo + 1n, hi - 1n, signed(t) ? -1n : 2n));
}

describe('integer arithmetic matches a BigInt reference', () => {
  for (const t of TYPES) {
    it(t, () => {
      const pairs = fc.sample(fc.tuple(arb(t), arb(t)), { numRuns: 40, seed: 42 + bits(t) });
      const r = runVex(program(t, pairs));
      expect(r.outcome).toEqual({ kind: 'exited', code: 0 });
      const lines = r.stdout.trimEnd().split('\n');
      pairs.forEach(([a, b], i) => {
        expect(lines[i], `${t}: a=${a} b=${b}`).toBe(reference(t, a, b).join(' '));
      });
    });
  }

  it('division and remainder by zero panic', () => {
    const r = runVex('fn main() {\n    let! z: i64 = 0;\n    let a: i64 = 7;\n    println("{}", a / z);\n}\n');
    expect(r.exitCode).toBe(134);
    expect(r.stderr).toContain('panic: division by zero\n');
    const r2 = runVex('fn main() {\n    let z = 0;\n    println("{}", 5 % z);\n}\n');
    expect(r2.stderr).toContain('panic: division by zero\n');
  });

  it('integer ** wraps and a negative exponent panics', () => {
    const r = runVex('fn main() {\n    let a: u8 = 3;\n    let e: u8 = 7;\n    println("{}", a ** e);\n    let n = -1;\n    println("{}", 2 ** n);\n}\n');
    expect(r.stdout).toBe(`${3 ** 7 % 256}\n`);
    expect(r.exitCode).toBe(134);
  });

  it('widening casts from every <= 32-bit type to every 64/128-bit type, at the extremes', () => {
    const small = TYPES.filter((t) => bits(t) <= 32), wide = TYPES.filter((t) => bits(t) > 32);
    const lines: string[] = [], want: string[] = [];
    for (const f of small) {
      const vals = signed(f) ? [-(2n ** BigInt(bits(f) - 1)), -1n, 0n, 2n ** BigInt(bits(f) - 1) - 1n] : [0n, 1n, 2n ** BigInt(bits(f)) - 1n];
      for (const x of vals) {
        lines.push(`    let v_${lines.length} = (${x}i64) as ${f};`);
        const v = `v_${lines.length - 1}`;
        lines.push(`    println("${wide.map(() => '{}').join(' ')}", ${wide.map((t) => `${v} as ${t}`).join(', ')});`);
        want.push(wide.map((t) => String(wrap(t, x))).join(' '));
      }
    }
    const r = runVex(`fn main() {\n${lines.join('\n')}\n}\n`);
    expect(r.stdout).toBe(want.join('\n') + '\n');
  });

  it('float -> int casts truncate, saturate and map NaN to 0', () => {
    const r = runVex('fn main() {\n    let big = 1.0e20;\n    let nan = 0.0 / 0.0;\n    println("{} {} {} {}", -2.9 as i32, big as i32, nan as i64, -5.5 as u8);\n}\n');
    expect(r.stdout).toBe('-2 2147483647 0 0\n');
  });
});

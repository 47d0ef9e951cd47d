// 64-bit integers through the whole toolchain, with operands around the places their JS form
// changes (a number within ±(2^53 - 1), a BigInt beyond: runtime/core/wide.ts) and the 64-bit wrap
// boundaries: arithmetic, comparison, `==` and Map keys of values that took the BigInt path and
// came back, a round trip through simulated memory, parse, casts and formatting, all against a
// BigInt reference.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { runVex } from './run-helpers.test-util';

const S = 2n ** 53n;
const TYPES = [{ t: 'i64', signed: true }, { t: 'u64', signed: false }] as const;
type T = (typeof TYPES)[number];
const wrap = (t: T, x: bigint) => (t.signed ? BigInt.asIntN(64, x) : BigInt.asUintN(64, x));
const lit = (v: bigint) => (v < 0n ? `(0 - ${-v})` : `${v}`);

function arb(t: T): fc.Arbitrary<bigint> {
  const lo = t.signed ? -(2n ** 63n) + 1n : 0n, hi = t.signed ? 2n ** 63n - 1n : 2n ** 64n - 1n;
  const near = [S, -S, 0n, 2n ** 32n, hi, lo].filter((c) => c >= lo && c <= hi)
    .map((c) => fc.bigInt({ min: c - 5n < lo ? lo : c - 5n, max: c + 5n > hi ? hi : c + 5n }));
  return fc.oneof(...near, fc.bigInt({ min: lo, max: hi }));
}

function program(t: T, pairs: [bigint, bigint][]): string {
  const body = pairs.map(([a, b]) => `    {
        let a: ${t.t} = ${lit(a)};
        let b: ${t.t} = ${lit(b)};
        let! m = Map<${t.t}, i32>();
        m.insert(a, 1);
        m.insert((a + b) - b, 2);
        m.insert((a * 3 + b) - b - a - a, 3);
        let! cell: ${t.t} = a;
        let p = &cell as *${t.t}!;
        unsafe { *p = *p + b; }
        println("{} {} {} {} {} {}", a + b, a - b, a * b, a & b, a | b, a ^ b);
        println("{} {} {} {} {}", a << (b % 64), a >> (b % 64), ~a, -a, a == b);
        println("{} {} {} {} {}", a < b, m.len(), m[a], cell, cell == a + b);
        println("{} {} {} {:x}", a as i32, a as u64, a as i64, a);
        println("{}", "${a}".parse<${t.t}>().unwrap() == a);
    }`);
  return `fn main() {\n${body.join('\n')}\n}\n`;
}

function reference(t: T, a: bigint, b: bigint): string[] {
  const k = (b < 0n ? ((b % 64n) + 64n) % 64n : b % 64n); // `b % 64` is negative for a negative b; the shift masks it
  const w = (x: bigint) => String(wrap(t, x));
  return [
    [w(a + b), w(a - b), w(a * b), w(a & b), w(a | b), w(a ^ b)].join(' '),
    [w(a << k), w(a >> k), w(~a), w(-a), String(a === b)].join(' '),
    [String(a < b), '1', '3', w(a + b), 'true'].join(' '),
    [String(BigInt.asIntN(32, a)), String(BigInt.asUintN(64, a)), String(BigInt.asIntN(64, a)), BigInt.asUintN(64, a).toString(16)].join(' '),
    'true',
  ];
}

describe('64-bit integers around ±2^53 and the wrap boundaries, end to end', () => {
  for (const t of TYPES) {
    it(t.t, () => {
      const pairs = fc.sample(fc.tuple(arb(t), arb(t)), { numRuns: 60, seed: 53 + (t.signed ? 0 : 1) });
      const r = runVex(program(t, pairs));
      expect(r.stderr).toBe('');
      expect(r.outcome).toEqual({ kind: 'exited', code: 0 });
      const lines = r.stdout.trimEnd().split('\n');
      pairs.forEach(([a, b], i) => {
        expect(lines.slice(i * 5, i * 5 + 5), `${t.t}: a=${a} b=${b}`).toEqual(reference(t, a, b));
      });
    });
  }

  it('a counted loop over a wide range steps across 2^53 exactly and stops at the maximum', () => {
    const r = runVex(`fn main() {
    let! n = 0;
    for x in 9007199254740990i64..9007199254740995 { print("{} ", x); n += 1; }
    println("{}", n);
    let! c = 0;
    for y in 18446744073709551613u64..=18446744073709551615 { print("{} ", y); c += 1; }
    println("{}", c);
}
`);
    expect(r.stdout).toBe('9007199254740990 9007199254740991 9007199254740992 9007199254740993 9007199254740994 5\n18446744073709551613 18446744073709551614 18446744073709551615 3\n');
  });

  it('division and remainder by zero still panic in both forms', () => {
    for (const v of ['0', '9007199254740993 - 9007199254740993']) {
      const r = runVex(`fn main() {\n    let! z: i64 = ${v};\n    let a: i64 = 9007199254740999;\n    println("{}", a % z);\n}\n`);
      expect(r.stderr).toContain('panic: division by zero\n');
    }
  });
});

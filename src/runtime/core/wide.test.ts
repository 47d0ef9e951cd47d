// The canonical 64/128-bit form (wide.ts) against a BigInt reference: every operation is exact,
// wraps like BigInt.asIntN/asUintN, and returns a number exactly when the value is a safe integer.
// Operands are drawn around the places the fast paths switch: ±2^53, ±2^31, 0, and the 64/128-bit
// wrap boundaries, given in both forms (a non-canonical BigInt operand must be accepted too).
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import * as W from './wide';

const KINDS = [
  { k: 0, name: 'i64', bits: 64, signed: true },
  { k: 1, name: 'u64', bits: 64, signed: false },
  { k: 2, name: 'i128', bits: 128, signed: true },
  { k: 3, name: 'u128', bits: 128, signed: false },
] as const;
type Kind = (typeof KINDS)[number];
const MAX = BigInt(Number.MAX_SAFE_INTEGER);
const wrap = (t: Kind, x: bigint) => (t.signed ? BigInt.asIntN(t.bits, x) : BigInt.asUintN(t.bits, x));
const canonOf = (x: bigint): number | bigint => (x >= -MAX && x <= MAX ? Number(x) : x);

/** The value, and that it is in canonical form (number iff safe; never -0). */
function expectCanon(got: number | bigint, want: bigint, what: string) {
  expect(typeof got, what).toBe(typeof canonOf(want));
  expect(BigInt(got), what).toBe(want);
  if (typeof got === 'number') expect(Object.is(got, -0), what + ' (-0)').toBe(false);
}

function arb(t: Kind): fc.Arbitrary<bigint> {
  const lo = t.signed ? -(2n ** BigInt(t.bits - 1)) : 0n;
  const hi = t.signed ? 2n ** BigInt(t.bits - 1) - 1n : 2n ** BigInt(t.bits) - 1n;
  const edges = [0n, 1n, 2n, 3n, 2n ** 31n - 1n, 2n ** 31n, 2n ** 32n, MAX - 1n, MAX, MAX + 1n, MAX + 2n, 2n ** 62n, hi, hi - 1n, lo, lo + 1n];
  const near = (c: bigint) => fc.bigInt({ min: c - 40n, max: c + 40n });
  const inRange = (x: bigint) => x >= lo && x <= hi;
  const signedEdges = t.signed ? edges.flatMap((e) => [e, -e]) : edges;
  return fc.oneof(
    fc.constantFrom(...signedEdges.filter(inRange)),
    fc.oneof(near(MAX), near(-MAX), near(0n), near(2n ** 31n), near(2n ** 53n * 3n)).filter(inRange),
    fc.bigInt({ min: t.signed ? -(2n ** 60n) : 0n, max: 2n ** 60n }).filter(inRange),
    fc.bigInt({ min: lo, max: hi }),
  );
}
/** An operand in canonical form, or (half the time when it is safe) as a non-canonical BigInt. */
const form = (x: bigint, raw: boolean) => (raw ? x : canonOf(x));

describe('wide integers: exact, wrapping, canonical', () => {
  for (const t of KINDS) {
    it(`${t.name}: + - * / % & | ^ << >> neg ~ match BigInt`, () => {
      fc.assert(fc.property(arb(t), arb(t), fc.boolean(), fc.boolean(), (a, b, ra, rb) => {
        const x = form(a, ra), y = form(b, rb);
        const m = BigInt(t.bits - 1);
        expectCanon(W.add(x, y, t.k), wrap(t, a + b), `${a} + ${b}`);
        expectCanon(W.sub(x, y, t.k), wrap(t, a - b), `${a} - ${b}`);
        expectCanon(W.mul(x, y, t.k), wrap(t, a * b), `${a} * ${b}`);
        if (b !== 0n) {
          expectCanon(W.div(x, y, t.k), wrap(t, a / b), `${a} / ${b}`);
          expectCanon(W.rem(x, y), a % b, `${a} % ${b}`);
        }
        expectCanon(W.and(x, y), a & b, `${a} & ${b}`);
        expectCanon(W.or(x, y), a | b, `${a} | ${b}`);
        expectCanon(W.xor(x, y), a ^ b, `${a} ^ ${b}`);
        expectCanon(W.shl(x, y, t.k), wrap(t, a << (b & m)), `${a} << ${b}`);
        expectCanon(W.shr(x, y, t.k), wrap(t, a >> (b & m)), `${a} >> ${b}`);
        expectCanon(W.neg(x, t.k), wrap(t, -a), `-${a}`);
        expectCanon(W.not(x, t.k), wrap(t, ~a), `~${a}`);
        // comparisons the generated code does with JS operators: mixed forms compare by value
        expect(x == y).toBe(a === b);
        expect(x < y).toBe(a < b);
        // equal values have one representation: `===` and Map keys agree with `==`
        expect(canonOf(a) === canonOf(b)).toBe(a === b);
      }), { numRuns: 3000, seed: 7 + t.k });
    });

    it(`${t.name}: asI/asU wrap any exact integer, and narrow to <= 32 bits`, () => {
      fc.assert(fc.property(arb(t), fc.boolean(), fc.bigInt({ min: -(2n ** 130n), max: 2n ** 130n }), (a, ra, big) => {
        const x = form(a, ra);
        for (const b of [8, 16, 32]) {
          expectCanon(W.asI(b, x), BigInt.asIntN(b, a), `asI(${b}, ${a})`);
          expectCanon(W.asU(b, x), BigInt.asUintN(b, a), `asU(${b}, ${a})`);
        }
        expectCanon(W.asI(t.bits, x), BigInt.asIntN(t.bits, a), `asI(${t.bits}, ${a})`);
        expectCanon(W.asU(t.bits, x), BigInt.asUintN(t.bits, a), `asU(${t.bits}, ${a})`);
        expectCanon(W.wrapK(big, t.k), wrap(t, big), `wrap ${big}`);
      }), { numRuns: 1000, seed: 11 + t.k });
    });
  }

  it('the range step goes past the maximum without wrapping', () => {
    expectCanon(W.inc(Number.MAX_SAFE_INTEGER), MAX + 1n, 'inc MAX');
    expectCanon(W.inc(2n ** 64n - 1n), 2n ** 64n, 'inc u64 max');
    expectCanon(W.inc(-MAX - 1n), -MAX, 'inc -2^53');
    expectCanon(W.inc(-1), 0n, 'inc -1');
  });

  it('shift counts of any form are masked', () => {
    expect(W.shiftCount(2n ** 70n + 5n, 63)).toBe(5);
    expect(W.shiftCount(2 ** 40 + 65, 63)).toBe(1);
    expect(W.shiftCount(-1, 127)).toBe(127);
  });

  it('counts and clocks become canonical values', () => {
    expectCanon(W.fromNum(0), 0n, '0');
    expectCanon(W.fromNum(-0), 0n, '-0');
    expectCanon(W.fromNum(2 ** 60), 2n ** 60n, '2^60');
  });
});

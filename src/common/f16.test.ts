import { describe, it, expect } from 'vitest';
import { f16round, f16ToBits, f16FromBits } from './f16';

describe('f16round', () => {
  it('rounds to the nearest half, ties to even', () => {
    expect(f16round(3.14)).toBe(3.140625);
    expect(f16round(2.71)).toBe(2.7109375);
    expect(f16round(1)).toBe(1);
    expect(f16round(1 + 2 ** -11)).toBe(1); // halfway between 1 and 1 + 2^-10: to even
    expect(f16round(1 + 3 * 2 ** -11)).toBe(1 + 2 ** -9);
    expect(f16round(-0.1)).toBe(-0.0999755859375);
  });
  it('overflows to infinity past 65504 and keeps subnormals', () => {
    expect(f16round(65504)).toBe(65504);
    expect(f16round(65519)).toBe(65504);
    expect(f16round(65520)).toBe(Infinity);
    expect(f16round(-1e6)).toBe(-Infinity);
    expect(f16round(2 ** -24)).toBe(2 ** -24);
    expect(f16round(2 ** -26)).toBe(0);
    expect(Object.is(f16round(-0), -0)).toBe(true);
    expect(Number.isNaN(f16round(NaN))).toBe(true);
  });
  it('binary16 bits round-trip exactly for every pattern (NaNs stay NaN)', () => {
    for (let b = 0; b < 0x10000; b++) {
      const v = f16FromBits(b);
      if (Number.isNaN(v)) { expect((b & 0x7c00) === 0x7c00 && (b & 0x3ff) !== 0).toBe(true); continue; }
      expect(f16round(v)).toBe(v);
      expect(f16ToBits(v)).toBe(b);
    }
  });
  it('the bits of a value are those of its nearest half', () => {
    expect(f16ToBits(1)).toBe(0x3c00);
    expect(f16ToBits(65504)).toBe(0x7bff);
    expect(f16ToBits(1e6)).toBe(0x7c00);
    expect(f16ToBits(-2)).toBe(0xc000);
    expect(f16ToBits(0.1)).toBe(0x2e66);
    expect(f16ToBits(2 ** -24)).toBe(1);
    expect(f16ToBits(-0)).toBe(0x8000);
    expect(f16ToBits(NaN)).toBe(0x7e00);
  });
});

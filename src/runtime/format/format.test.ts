import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatExp, formatFixed, formatG, exactDecimal, exactDecimalBig, roundDigits } from './float';
import { formatBin, formatHex, formatInt, formatOct } from './int';
import { formatDebugString, formatSpec } from './spec';

describe('formatG (C %g, vex-language §5.2)', () => {
  it('matches core_02_float_g', () => {
    const cases: [number, string][] = [
      [3.14, '3.14'], [2.0, '2'], [0.1 + 0.2, '0.3'], [1.0 / 3.0, '0.333333'], [100000.0, '100000'],
      [1000000.0, '1e+06'], [1234567.0, '1.23457e+06'], [0.0001, '0.0001'], [0.00001, '1e-05'],
      [0.0000123456789, '1.23457e-05'], [123456.7, '123457'], [-2.5e-3, '-0.0025'], [7.0 / 2.0, '3.5'],
      [Infinity, 'inf'], [-Infinity, '-inf'], [NaN, 'nan'], [Math.fround(0.1), '0.1'], [2.5, '2.5'], [4.0, '4'],
    ];
    for (const [x, s] of cases) expect(formatG(x)).toBe(s);
  });

  it('rounds exact ties to even and carries across powers of ten', () => {
    expect(formatG(1234565)).toBe('1.23456e+06'); // exact tie -> even
    expect(formatG(1234575)).toBe('1.23458e+06');
    expect(formatG(100000.5)).toBe('100000');
    expect(formatG(999999.5)).toBe('1e+06');
    expect(formatG(9.9999995)).toBe('10');
    expect(formatG(0)).toBe('0');
    expect(formatG(-0)).toBe('-0');
    expect(formatG(5e-324)).toBe('4.94066e-324');
    expect(formatG(1.7976931348623157e308)).toBe('1.79769e+308');
    expect(formatG(Math.fround(3.14159))).toBe('3.14159');
    expect(formatG(Math.fround(16777217))).toBe('1.67772e+07');
    expect(formatG(123456)).toBe('123456');
    expect(formatG(0.000123456)).toBe('0.000123456');
  });
});

describe('fixed and exponent forms', () => {
  it('matches core_04_print_specs', () => {
    expect(formatFixed(3.14159, 2)).toBe('3.14');
    expect(formatFixed(2.75, 0)).toBe('3');
    expect(formatFixed(2.0, 3)).toBe('2.000');
    expect(formatExp(1234.5)).toBe('1.234500e+03');
    expect(formatExp(0.00025)).toBe('2.500000e-04');
  });

  it('rounds the exact binary value, half-even on exact ties', () => {
    expect(formatFixed(2.5, 0)).toBe('2');
    expect(formatFixed(3.5, 0)).toBe('4');
    expect(formatFixed(0.125, 2)).toBe('0.12');
    expect(formatFixed(0.375, 2)).toBe('0.38');
    expect(formatFixed(2.675, 2)).toBe('2.67'); // 2.67499999...
    expect(formatFixed(1.005, 2)).toBe('1.00');
    expect(formatFixed(0.1, 54)).toBe('0.100000000000000005551115123125782702118158340454101562');
    expect(formatFixed(0.1, 55)).toBe('0.1000000000000000055511151231257827021181583404541015625');
    expect(formatFixed(1e22, 1)).toBe('10000000000000000000000.0');
    expect(formatFixed(-0.5, 0)).toBe('-0');
    expect(formatFixed(0.5, 0)).toBe('0');
    expect(formatFixed(1.5, 0)).toBe('2');
    expect(formatFixed(9.995, 2)).toBe('9.99');
    expect(formatExp(0)).toBe('0.000000e+00');
    expect(formatExp(9.9999996e10, 2)).toBe('1.00e+11');
    expect(formatExp(-1e-300, 3, true)).toBe('-1.000E-300');
    expect(formatFixed(Infinity, 2)).toBe('inf');
  });

  it('exactDecimal and roundDigits are exact', () => {
    expect(exactDecimal(0.5)).toEqual({ digits: '5', exp10: -1 });
    expect(exactDecimal(1024)).toEqual({ digits: '1024', exp10: 0 });
    expect(roundDigits('125', 2)).toBe('12');
    expect(roundDigits('135', 2)).toBe('14');
    expect(roundDigits('1251', 2)).toBe('13');
    expect(roundDigits('999', 2)).toBe('100');
    expect(roundDigits('5', 0)).toBe('');
    expect(roundDigits('51', 0)).toBe('1');
    expect(roundDigits('12', 4)).toBe('1200');
  });
});

// Reference: C rounding straight from the BigInt expansion (no JS number formatting involved).
function refFixed(x: number, p: number): string {
  if (x === 0) return p > 0 ? '0.' + '0'.repeat(p) : '0';
  const { digits, exp10 } = exactDecimalBig(x);
  let all = roundDigits(digits, digits.length + exp10 + p) || '0';
  if (all.length <= p) all = '0'.repeat(p - all.length + 1) + all;
  return p > 0 ? all.slice(0, all.length - p) + '.' + all.slice(all.length - p) : all;
}
function refExp(x: number, p: number): string {
  const { digits, exp10 } = exactDecimalBig(x);
  let e = digits.length + exp10 - 1;
  let r = roundDigits(digits, p + 1);
  if (r.length > p + 1) {
    r = r.slice(0, p + 1);
    e++;
  }
  const a = Math.abs(e);
  return (p > 0 ? r[0] + '.' + r.slice(1) : r[0]) + 'e' + (e < 0 ? '-' : '+') + (a < 10 ? '0' : '') + a;
}

describe('fast paths agree with exact BigInt rounding', () => {
  const finitePos = fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true });
  const dyadic = fc.tuple(fc.integer({ min: 1, max: 2 ** 30 }), fc.integer({ min: -30, max: 30 })).map(([m, e]) => m * 2 ** e);
  it('for %.Nf', () => {
    fc.assert(fc.property(fc.oneof(finitePos, dyadic), fc.integer({ min: 0, max: 40 }), (x, p) => {
      if (x >= 1e25) return; // keep outputs short; the exact path is the only path there anyway
      expect(formatFixed(x, p)).toBe(refFixed(x, p));
    }), { numRuns: 3000 });
  });
  it('for %.Ne and %g digits', () => {
    fc.assert(fc.property(fc.oneof(finitePos, dyadic), fc.integer({ min: 0, max: 20 }), (x, p) => {
      expect(formatExp(x, p)).toBe(refExp(x, p));
      expect(strip(exactDecimal(x))).toEqual(strip(exactDecimalBig(x)));
    }), { numRuns: 3000 });
  });
});

/** Expansions of the same value may differ only by trailing zeros (1024 vs 1024e0). */
function strip(d: { digits: string; exp10: number }) {
  let s = d.digits;
  let e = d.exp10;
  while (s.length > 1 && s.endsWith('0')) {
    s = s.slice(0, -1);
    e++;
  }
  return { digits: s, exp10: e };
}

describe('integer radix forms', () => {
  it('matches core_04_print_specs and wraps negatives at the type width', () => {
    expect(formatHex(255, 32)).toBe('ff');
    expect(formatHex(3054, 32)).toBe('bee');
    expect(formatOct(8, 32)).toBe('010');
    expect(formatBin(5, 32)).toBe('0b00000000000000000000000000000101');
    expect(formatHex(-1, 32)).toBe('ffffffff');
    expect(formatHex(-1, 8)).toBe('ff');
    expect(formatHex(-2n, 64)).toBe('fffffffffffffffe');
    expect(formatHex(0xffffffff, 32)).toBe('ffffffff');
    expect(formatBin(-1, 8)).toBe('0b' + '0'.repeat(24) + '11111111');
    expect(formatBin(5n, 64)).toBe('0b' + '0'.repeat(61) + '101');
    expect(formatOct(0, 32)).toBe('00');
    expect(formatInt(-7)).toBe('-7');
    expect(formatInt(-(2n ** 127n))).toBe('-170141183460469231731687303715884105728');
  });
});

describe('formatSpec (placeholders of §5.1)', () => {
  it('matches every spec line of core_04_print_specs', () => {
    const line = (parts: string[]) => parts.join(' ');
    expect(line([formatSpec('x', 'i32', 255), formatSpec('X', 'i32', 3054), formatSpec('o', 'i32', 8)])).toBe('ff bee 010');
    expect(formatSpec('b', 'i32', 5)).toBe('0b00000000000000000000000000000101');
    expect(line([formatSpec('.2', 'f64', 3.14159), formatSpec('.0', 'f64', 2.75), formatSpec('.3', 'f64', 2.0)])).toBe('3.14 3 2.000');
    expect(line([formatSpec('e', 'f64', 1234.5), formatSpec('e', 'f64', 0.00025)])).toBe('1.234500e+03 2.500000e-04');
    expect(line([formatSpec('?', 'i32', 42), formatSpec('?', 'i64', 42n), formatSpec('?', 'f64', 2.5)])).toBe('i32(42) 42 2.5');
    expect(line([formatSpec('?', 'string', 'hi'), formatSpec('?', 'str', 'lit'), formatSpec('', 'string', 'hi')])).toBe('"hi" lit hi');
    expect([formatSpec('.2', 'i32', 7), formatSpec('x', 'str', 'zz'), formatSpec('e', 'i32', 12)].join('|')).toBe('7|zz|12');
    expect(formatSpec('', 'unit', undefined)).toBe('nil');
    expect(formatSpec('', 'bool', true)).toBe('true');
    expect(formatSpec('', 'f32', Math.fround(0.1))).toBe('0.1');
    expect(formatSpec('?', 'i8', -3)).toBe('i32(-3)');
    expect(formatSpec('', 'ptr', 4096)).toBe('0x1000');
    expect(formatSpec('x', 'u64', 255n)).toBe('ff');
  });

  it('quotes and escapes debug strings', () => {
    expect(formatDebugString('a"b\\c\n\t\u0001')).toBe('"a\\"b\\\\c\\n\\t\\u{1}"');
  });
});

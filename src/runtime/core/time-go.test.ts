// The host half of the module "time" against an independent calendar (JS Date, proleptic
// Gregorian in UTC) over a wide range of instants, and format/parse as inverses.
import { describe, expect, it } from 'vitest';
import { civil, daysFromCivil, format, parse, parseDuration } from './time-go';
import { Sandbox } from './sandbox';

const RFC3339_NANO = '2006-01-02T15:04:05.999999999Z07:00';
/** Deterministic pseudo-random seconds spread over years -9999…9999. */
function* seconds(n: number): Generator<number> {
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    yield Math.floor((x / 2147483648 - 0.5) * 2 * 3.7e11);
  }
}

describe('time-go', () => {
  it('civil fields and daysFromCivil agree with JS Date', () => {
    for (const s of [0, -1, 86399, 86400, 951782400, -62135596800, 253402300799, ...seconds(2000)]) {
      const d = new Date(s * 1000);
      const c = civil(BigInt(s));
      const want = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCDay()];
      expect([c.year, c.month, c.day, c.hour, c.minute, c.second, c.weekday], `second ${s}`).toEqual(want);
      expect(c.yearday).toBe(Math.round((Date.UTC(c.year, c.month - 1, c.day) - Date.UTC(c.year, 0, 1)) / 864e5) + 1);
      expect(daysFromCivil(c.year, c.month, c.day)).toBe(Math.floor(s / 86400));
    }
  });
  it('format then parse gives the instant back, in any fixed zone', () => {
    let k = 0;
    for (const s of seconds(500)) {
      if (s < -62135596800 + 86400 || s > 253402300799 - 86400) continue; // Go's 2006 reads 4-digit years only
      const nsec = (k * 7919) % 1e9, off = ((k++ % 29) - 14) * 3600 + (k % 4) * 900;
      const text = format(BigInt(s), nsec, off, 'Z', RFC3339_NANO);
      expect(parse(RFC3339_NANO, text, 0, 'UTC'), text).toBe(`${s} ${nsec}`);
    }
  });
  it('a time without zone is read in the location; ops pack their arguments', () => {
    expect(parse('2006-01-02 15:04', '2025-01-01 01:00', 3600, 'CET')).toBe('1735689600 0');
    const sb = new Sandbox();
    expect(sb.op('time.format', '0 5 -3600 A B', 'Jan 2 15:04:05.000000000 MST -07:00')).toBe('Dec 31 23:00:00.000000005 A B -01:00');
    // the zone name is counted in UTF-8 bytes, as Vex's len() does
    expect(sb.op('time.parse', '2006', '7200 4 ÄBC2025')).toBe(`${1735689600 - 7200} 0`);
    expect(sb.op('time.parse', '2006 MST', '7200 3 CET2025 CET')).toBe(`${1735689600 - 7200} 0`);
  });
  it('durations are exact at the ends of the i64 range', () => {
    expect(parseDuration('-2562047h47m16.854775808s')).toBe('-9223372036854775808');
    expect(parseDuration('9223372036854775807ns')).toBe('9223372036854775807');
    expect(parseDuration('1.5h')).toBe('5400000000000');
  });
});

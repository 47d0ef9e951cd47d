// The host half of the standard module "time" (std-time.ts): Go's layouts, ParseDuration and the
// civil calendar, on instants given as Unix seconds (any i64, as decimal text) plus nanoseconds.
// Semantics and error texts are Go's time package's (the chapter says Go layouts); the work is
// here because it is string-heavy. Everything is deterministic: no host clock, no zone database.

const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const short = (names: string[]) => names.map((n) => n.slice(0, 3));
/** Days before each month (1-based index) in a common year. */
const DAYS_BEFORE = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

export const isLeap = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const daysIn = (m: number, y: number): number => (m === 2 && isLeap(y) ? 29 : DAYS_BEFORE[m] - DAYS_BEFORE[m - 1]);

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface Civil { year: number; month: number; day: number; hour: number; minute: number; second: number; weekday: number; yearday: number }

/** The calendar fields of a Unix second (exact for any i64: the day count is a safe integer). */
export function civil(sec: bigint): Civil {
  let days = sec / 86400n, rem = sec % 86400n;
  if (rem < 0n) { rem += 86400n; days -= 1n; }
  const z = Number(days) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const s = Number(rem);
  const yearday = DAYS_BEFORE[month - 1] + day + (month > 2 && isLeap(year) ? 1 : 0);
  return { year, month, day, hour: Math.floor(s / 3600), minute: Math.floor(s / 60) % 60, second: s % 60, weekday: ((Number(days) % 7) + 11) % 7, yearday };
}

/** Go's quote for error messages: bytes that are not printable ASCII become \xNN. */
export function quote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x80 || c < 0x20) for (const b of new TextEncoder().encode(ch)) out += '\\x' + b.toString(16).padStart(2, '0');
    else out += (ch === '"' || ch === '\\' ? '\\' : '') + ch;
  }
  return out + '"';
}

// ---------------------------------------------------------------- durations

const UNITS: Record<string, bigint> = { ns: 1n, us: 1000n, 'µs': 1000n, 'μs': 1000n, ms: 1000000n, s: 1000000000n, m: 60000000000n, h: 3600000000000n };
const TWO63 = 1n << 63n;

/** Go's time.ParseDuration, exact: the nanoseconds as decimal text, or "E" and Go's error text. */
export function parseDuration(orig: string): string {
  const bad = `Etime: invalid duration ${quote(orig)}`;
  let s = orig, neg = false;
  if (s[0] === '-' || s[0] === '+') { neg = s[0] === '-'; s = s.slice(1); }
  if (s === '0') return '0';
  if (s === '') return bad;
  let d = 0n;
  while (s !== '') {
    if (!(s[0] === '.' || (s[0] >= '0' && s[0] <= '9'))) return bad;
    const int = /^[0-9]*/.exec(s)![0];
    s = s.slice(int.length);
    let v = 0n;
    for (const c of int) { v = v * 10n + BigInt(c.charCodeAt(0) - 48); if (v > TWO63) return bad; }
    let frac = '';
    let post = false;
    if (s[0] === '.') { frac = /^[0-9]*/.exec(s.slice(1))![0]; post = frac.length > 0; s = s.slice(1 + frac.length); }
    if (!int.length && !post) return bad;
    const unit = /^[^.0-9]*/.exec(s)![0];
    if (!unit) return `Etime: missing unit in duration ${quote(orig)}`;
    s = s.slice(unit.length);
    const u = UNITS[unit];
    if (u === undefined) return `Etime: unknown unit ${quote(unit)} in duration ${quote(orig)}`;
    if (v > TWO63 / u) return bad;
    v *= u;
    // Go's leadingFraction: digits while they fit, then the rest ignored; scaled in float64
    // (nanosecond-accurate for fractions of the largest unit, the hour)
    let f = 0n, scale = 1;
    for (const c of frac) {
      if (f > (TWO63 - 1n) / 10n) break;
      const y = f * 10n + BigInt(c.charCodeAt(0) - 48);
      if (y > TWO63) break;
      f = y; scale *= 10;
    }
    if (f > 0n) v += BigInt(Math.trunc(Number(f) * (Number(u) / scale)));
    if (v > TWO63) return bad;
    d += v;
    if (d > TWO63) return bad;
  }
  if (neg) return (-d).toString();
  if (d > TWO63 - 1n) return bad;
  return d.toString();
}

// ---------------------------------------------------------------- layouts

type Std =
  | 'Jan' | 'January' | '1' | '01' | 'Mon' | 'Monday' | '2' | '_2' | '02' | '__2' | '002' | '15' | '3' | '03' | '4' | '04' | '5' | '05'
  | '2006' | '06' | 'PM' | 'pm' | 'MST' | 'Z0700' | 'Z070000' | 'Z07' | 'Z07:00' | 'Z07:00:00' | '-0700' | '-070000' | '-07' | '-07:00' | '-07:00:00'
  | 'frac0' | 'frac9';
interface Chunk { prefix: string; std: Std | null; text: string; suffix: string; digits: number; sep: string }

const startsLower = (s: string) => s.length > 0 && s[0] >= 'a' && s[0] <= 'z';
const isDigit = (s: string, i: number) => i < s.length && s[i] >= '0' && s[i] <= '9';

/** Go's nextStdChunk: the text before the first layout element, the element, and the rest. */
function nextChunk(layout: string): Chunk {
  const at = (i: number, std: Std, len: number, pre = i): Chunk => ({ prefix: layout.slice(0, pre), std, text: layout.slice(pre, i + len), suffix: layout.slice(i + len), digits: 0, sep: '' });
  for (let i = 0; i < layout.length; i++) {
    const rest = layout.slice(i);
    switch (layout[i]) {
      case 'J':
        if (rest.startsWith('January')) return at(i, 'January', 7);
        if (rest.startsWith('Jan') && !startsLower(rest.slice(3))) return at(i, 'Jan', 3);
        break;
      case 'M':
        if (rest.startsWith('Monday')) return at(i, 'Monday', 6);
        if (rest.startsWith('Mon') && !startsLower(rest.slice(3))) return at(i, 'Mon', 3);
        if (rest.startsWith('MST')) return at(i, 'MST', 3);
        break;
      case '0':
        if (rest.length >= 2 && rest[1] >= '1' && rest[1] <= '6') return at(i, ('0' + rest[1]) as Std, 2);
        if (rest.startsWith('002')) return at(i, '002', 3);
        break;
      case '1':
        if (rest.startsWith('15')) return at(i, '15', 2);
        return at(i, '1', 1);
      case '2':
        if (rest.startsWith('2006')) return at(i, '2006', 4);
        return at(i, '2', 1);
      case '_':
        if (rest.startsWith('_2')) {
          if (rest.startsWith('_2006')) return at(i + 1, '2006', 4, i + 1); // a literal _ and the year
          return at(i, '_2', 2);
        }
        if (rest.startsWith('__2')) return at(i, '__2', 3);
        break;
      case '3': return at(i, '3', 1);
      case '4': return at(i, '4', 1);
      case '5': return at(i, '5', 1);
      case 'P': if (rest.startsWith('PM')) return at(i, 'PM', 2); break;
      case 'p': if (rest.startsWith('pm')) return at(i, 'pm', 2); break;
      case '-': case 'Z':
        for (const z of ['070000', '07:00:00', '0700', '07:00', '07']) if (rest.startsWith(layout[i] + z)) return at(i, (layout[i] + z) as Std, 1 + z.length);
        break;
      case '.': case ',':
        if (rest[1] === '0' || rest[1] === '9') {
          let j = 1;
          while (rest[j] === rest[1]) j++;
          if (!isDigit(rest, j)) return { ...at(i, rest[1] === '0' ? 'frac0' : 'frac9', j), digits: j - 1, sep: rest[0] };
        }
        break;
    }
  }
  return { prefix: layout, std: null, text: '', suffix: '', digits: 0, sep: '' };
}

const pad = (n: number, w: number) => (n < 0 ? '-' + String(-n).padStart(w, '0') : String(n).padStart(w, '0'));

/** Go's Time.Format of the instant `sec`.`nsec` seen in a zone `offset` seconds east of UTC named `zone`. */
export function format(sec: bigint, nsec: number, offset: number, zone: string, layout: string): string {
  const c = civil(sec + BigInt(offset));
  let out = '';
  for (let l = layout; l !== '';) {
    const k = nextChunk(l);
    out += k.prefix;
    if (!k.std) break;
    l = k.suffix;
    switch (k.std) {
      case '06': out += pad(((c.year % 100) + 100) % 100, 2); break;
      case '2006': out += pad(c.year, 4); break;
      case 'Jan': out += LONG_MONTHS[c.month - 1].slice(0, 3); break;
      case 'January': out += LONG_MONTHS[c.month - 1]; break;
      case '1': out += c.month; break;
      case '01': out += pad(c.month, 2); break;
      case 'Mon': out += LONG_DAYS[c.weekday].slice(0, 3); break;
      case 'Monday': out += LONG_DAYS[c.weekday]; break;
      case '2': out += c.day; break;
      case '_2': out += String(c.day).padStart(2, ' '); break;
      case '02': out += pad(c.day, 2); break;
      case '__2': out += String(c.yearday).padStart(3, ' '); break;
      case '002': out += pad(c.yearday, 3); break;
      case '15': out += pad(c.hour, 2); break;
      case '3': out += c.hour % 12 || 12; break;
      case '03': out += pad(c.hour % 12 || 12, 2); break;
      case '4': out += c.minute; break;
      case '04': out += pad(c.minute, 2); break;
      case '5': out += c.second; break;
      case '05': out += pad(c.second, 2); break;
      case 'PM': out += c.hour >= 12 ? 'PM' : 'AM'; break;
      case 'pm': out += c.hour >= 12 ? 'pm' : 'am'; break;
      case 'MST':
        if (zone) { out += zone; break; }
        out += zoneText(offset, '-0700');
        break;
      case 'frac0': case 'frac9': {
        if (k.std === 'frac9' && nsec === 0) break;
        let digits = pad(nsec, 9).slice(0, k.digits);
        if (k.std === 'frac9') digits = digits.replace(/0+$/, '');
        if (digits) out += k.sep + digits;
        break;
      }
      default: out += offset === 0 && k.std[0] === 'Z' ? 'Z' : zoneText(offset, k.std); break;
    }
  }
  return out;
}

/** A numeric zone as a -07… or Z07… element writes it (never "Z"). */
function zoneText(offset: number, std: string): string {
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = pad(Math.floor(abs / 3600), 2), mm = pad(Math.floor(abs / 60) % 60, 2), ss = pad(abs % 60, 2);
  const colon = std.includes(':') ? ':' : '';
  const body = std.slice(1);
  if (body === '07') return sign + hh;
  if (body === '0700' || body === '07:00') return sign + hh + colon + mm;
  return sign + hh + colon + mm + colon + ss;
}

// ---------------------------------------------------------------- parsing

class Bad extends Error {}
/** Go's getnum: one or two digits (exactly two when `fixed`). */
function getnum(s: string, fixed: boolean): [number, string] {
  if (!isDigit(s, 0)) throw new Bad();
  if (!isDigit(s, 1)) { if (fixed) throw new Bad(); return [s.charCodeAt(0) - 48, s.slice(1)]; }
  return [(s.charCodeAt(0) - 48) * 10 + s.charCodeAt(1) - 48, s.slice(2)];
}
function getnum3(s: string, fixed: boolean): [number, string] {
  let n = 0, i = 0;
  for (; i < 3 && isDigit(s, i); i++) n = n * 10 + s.charCodeAt(i) - 48;
  if (i === 0 || (fixed && i !== 3)) throw new Bad();
  return [n, s.slice(i)];
}
/** A name of `tab` that `s` starts with, ASCII case-insensitively: its index. */
function lookup(tab: string[], s: string): [number, string] {
  for (let i = 0; i < tab.length; i++) if (s.length >= tab[i].length && s.slice(0, tab[i].length).toLowerCase() === tab[i].toLowerCase()) return [i, s.slice(tab[i].length)];
  throw new Bad();
}
/** Go's skip: the layout's literal text must match; a space matches any run of spaces. */
function skip(value: string, prefix: string): string {
  while (prefix.length) {
    if (prefix[0] === ' ') {
      if (value.length && value[0] !== ' ') throw new Bad();
      prefix = prefix.replace(/^ +/, ''); value = value.replace(/^ +/, '');
      continue;
    }
    if (!value.length || value[0] !== prefix[0]) throw new Bad();
    prefix = prefix.slice(1); value = value.slice(1);
  }
  return value;
}
/** `value` starts with a separator and nbytes-1 digits: the nanoseconds. */
function nanos(value: string, nbytes: number): number {
  if (value[0] !== '.' && value[0] !== ',') throw new Bad();
  const digits = value.slice(1, Math.min(nbytes, 10));
  if (!/^[0-9]*$/.test(digits) || !digits) throw new Bad();
  return Number(digits.padEnd(9, '0'));
}
/** Go's parseTimeZone: the length of a zone abbreviation at the start of `v`, or 0. */
function zoneLength(v: string): number {
  if (v.length < 3) return 0;
  if (v.startsWith('ChST') || v.startsWith('MeST')) return 4;
  if (v.startsWith('GMT')) { const m = /^[+-](\d+)/.exec(v.slice(3)); return m && Number(m[1]) <= 23 ? 3 + m[0].length : 3; }
  if (v[0] === '+' || v[0] === '-') { const m = /^[+-](\d+)/.exec(v); return m && Number(m[1]) <= 23 ? m[0].length : 0; }
  const upper = /^[A-Z]{0,6}/.exec(v)![0].length;
  if (upper === 3) return 3;
  if (upper === 4 && (v[3] === 'T' || v.startsWith('WITA'))) return 4;
  if (upper === 5 && v[4] === 'T') return 5;
  return 0;
}

/** Go's time.ParseInLocation for a zone `locOffset` seconds east named `locName`: "SEC NSEC", or "E" and Go's error text. */
export function parse(layout: string, value: string, locOffset: number, locName: string): string {
  const alayout = layout, avalue = value;
  const fail = (elem: string, v: string, msg: string) =>
    'E' + (msg ? `parsing time ${quote(avalue)}${msg}` : `parsing time ${quote(avalue)} as ${quote(alayout)}: cannot parse ${quote(v)} as ${quote(elem)}`);
  let year = 0, month = -1, day = -1, yday = -1, hour = 0, min = 0, sec = 0, nsec = 0;
  let am = false, pm = false, utc = false, zoneOffset: number | null = null, zoneName = '';
  for (;;) {
    const k = nextChunk(layout);
    try { value = skip(value, k.prefix); } catch { return fail(k.prefix, value, ''); }
    if (!k.std) {
      if (value.length) return fail('', value, `: extra text: ${quote(value)}`);
      break;
    }
    layout = k.suffix;
    const hold = value;
    let range = '';
    try {
      switch (k.std) {
        case '06': {
          if (value.length < 2 || !/^\d\d/.test(value)) throw new Bad();
          year = Number(value.slice(0, 2)); value = value.slice(2);
          year += year >= 69 ? 1900 : 2000;
          break;
        }
        case '2006':
          if (value.length < 4 || !/^\d{4}/.test(value)) throw new Bad();
          year = Number(value.slice(0, 4)); value = value.slice(4);
          break;
        case 'Jan': [month, value] = lookup(short(LONG_MONTHS), value); month++; break;
        case 'January': [month, value] = lookup(LONG_MONTHS, value); month++; break;
        case '1': case '01':
          [month, value] = getnum(value, k.std === '01');
          if (month <= 0 || month > 12) range = 'month';
          break;
        case 'Mon': [, value] = lookup(short(LONG_DAYS), value); break;
        case 'Monday': [, value] = lookup(LONG_DAYS, value); break;
        case '2': case '_2': case '02':
          if (k.std === '_2' && value[0] === ' ') value = value.slice(1);
          [day, value] = getnum(value, k.std === '02');
          break;
        case '__2': case '002':
          for (let i = 0; i < 2; i++) if (k.std === '__2' && value[0] === ' ') value = value.slice(1);
          [yday, value] = getnum3(value, k.std === '002');
          break;
        case '15':
          [hour, value] = getnum(value, false);
          if (hour >= 24) range = 'hour';
          break;
        case '3': case '03':
          [hour, value] = getnum(value, k.std === '03');
          if (hour > 12) range = 'hour';
          break;
        case '4': case '04':
          [min, value] = getnum(value, k.std === '04');
          if (min >= 60) range = 'minute';
          break;
        case '5': case '05': {
          [sec, value] = getnum(value, k.std === '05');
          if (sec >= 60) { range = 'second'; break; }
          // a fraction in the value that the layout does not ask for is taken too
          if (value.length >= 2 && (value[0] === '.' || value[0] === ',') && isDigit(value, 1)) {
            const next = nextChunk(layout).std;
            if (next === 'frac0' || next === 'frac9') break;
            let n = 2;
            while (isDigit(value, n)) n++;
            nsec = nanos(value, n); value = value.slice(n);
          }
          break;
        }
        case 'PM': case 'pm': {
          const p = value.slice(0, 2);
          if (value.length < 2) throw new Bad();
          value = value.slice(2);
          const [up, lo] = k.std === 'PM' ? ['PM', 'AM'] : ['pm', 'am'];
          if (p === up) pm = true; else if (p === lo) am = true; else throw new Bad();
          break;
        }
        case 'MST': {
          if (value.startsWith('UTC')) { utc = true; value = value.slice(3); break; }
          const n = zoneLength(value);
          if (!n) throw new Bad();
          zoneName = value.slice(0, n); value = value.slice(n);
          break;
        }
        case 'frac0': {
          const n = 1 + k.digits;
          if (value.length < n) throw new Bad();
          nsec = nanos(value, n); value = value.slice(n);
          break;
        }
        case 'frac9': {
          if (value.length < 2 || (value[0] !== '.' && value[0] !== ',') || !isDigit(value, 1)) break; // omitted
          let i = 0;
          while (isDigit(value, i + 1)) i++;
          nsec = nanos(value, 1 + i); value = value.slice(1 + i);
          break;
        }
        default: { // the numeric zones
          if (k.std[0] === 'Z' && value[0] === 'Z') { value = value.slice(1); utc = true; break; }
          const body = k.std.slice(1);
          const shape: Record<string, RegExp> = { '07:00': /^(.)(\d\d):(\d\d)()/, '07': /^(.)(\d\d)()()/, '07:00:00': /^(.)(\d\d):(\d\d):(\d\d)/, '070000': /^(.)(\d\d)(\d\d)(\d\d)/, '0700': /^(.)(\d\d)(\d\d)()/ };
          const m = shape[body].exec(value);
          if (!m) throw new Bad();
          value = value.slice(m[0].length);
          const hr = Number(m[2]), mm = Number(m[3] || 0), ss = Number(m[4] || 0);
          if (hr > 24) range = 'time zone offset hour';
          if (mm > 60) range = 'time zone offset minute';
          if (ss > 60) range = 'time zone offset second';
          if (m[1] !== '+' && m[1] !== '-' && !range) throw new Bad();
          zoneOffset = (m[1] === '-' ? -1 : 1) * ((hr * 60 + mm) * 60 + ss);
        }
      }
    } catch (e) {
      if (!(e instanceof Bad)) throw e;
      return fail(k.text, hold, '');
    }
    if (range) return fail(k.text, value, `: ${range} out of range`);
  }
  if (pm && hour < 12) hour += 12;
  else if (am && hour === 12) hour = 0;
  if (yday >= 0) {
    let d = 0, m = 0;
    if (isLeap(year)) {
      if (yday === 31 + 29) { m = 2; d = 29; } else if (yday > 31 + 29) yday--;
    }
    if (yday < 1 || yday > 365) return fail('', value, ': day-of-year out of range');
    if (m === 0) {
      m = Math.floor((yday - 1) / 31) + 1;
      if (DAYS_BEFORE[m] < yday) m++;
      d = yday - DAYS_BEFORE[m - 1];
    }
    if (month >= 0 && month !== m) return fail('', value, ': day-of-year does not match month');
    month = m;
    if (day >= 0 && day !== d) return fail('', value, ': day-of-year does not match day');
    day = d;
  } else {
    if (month < 0) month = 1;
    if (day < 0) day = 1;
  }
  if (day < 1 || day > daysIn(month, year)) return fail('', value, ': day out of range');
  let offset = locOffset;
  if (utc) offset = 0;
  else if (zoneOffset !== null) offset = zoneOffset;
  else if (zoneName) offset = zoneName === locName ? locOffset : zoneName.startsWith('GMT') && zoneName.length > 3 ? Number(zoneName.slice(3)) * 3600 : 0;
  const wall = BigInt(daysFromCivil(year, month, day)) * 86400n + BigInt(hour * 3600 + min * 60 + sec);
  return `${wall - BigInt(offset)} ${nsec}`;
}

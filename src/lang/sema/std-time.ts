// The standard module "time" (chapter 2 §4.7), written in Vex like the others (std-modules.ts
// links it). Durations are i64 nanoseconds; a Time is a point on the virtual clock (base §6.2),
// whose wall time is 2025-01-01T00:00:00Z plus the clock; an Instant is a wall-clock point (Unix
// seconds and nanoseconds, as real's VexInstant); a Location is a fixed zone. Go's time package
// is the model: layouts, ParseDuration and their error texts are done by the host
// (runtime/core/time-go.ts) through `vex_sandbox`.

/** Time, Instant and Location are values (as Go's are): copied, never moved, although structs
 *  move (§6.3). A copy out of a place is field by field (codegen copyVal, as for tuples), and
 *  their fields are private: renamed to `·name`, which no user can write. */
export const STD_VALUE_STRUCTS: ReadonlySet<string> = new Set(['time·Time', 'time·Instant', 'time·Location']);
/** A struct whose fields no user can name (they start with `·`); its name as users see it. */
export const hiddenFields = (info: { fields: { name: string }[] }): boolean => info.fields.some((f) => f.name.startsWith('·'));
export const shownName = (name: string): string => name.slice(name.indexOf('·') + 1);
export const TIME_HIDDEN_FIELDS: ReadonlySet<string> = new Set(['clock_ns', 'unix_sec', 'unix_nsec', 'zone_name', 'zone_offset']);

export const TIME = `
export const NANOSECOND: i64 = 1;
export const MICROSECOND: i64 = 1000;
export const MILLISECOND: i64 = 1000000;
export const SECOND: i64 = 1000000000;
export const MINUTE: i64 = 60000000000;
export const HOUR: i64 = 3600000000000;
export const DAY: i64 = 86400000000000;
// Go's layouts (real's names; DATE_TIME and the STAMP_ precisions are Go's too)
export const LAYOUT_ANSIC: str = "Mon Jan _2 15:04:05 2006";
export const LAYOUT_UNIX_DATE: str = "Mon Jan _2 15:04:05 MST 2006";
export const LAYOUT_RUBY_DATE: str = "Mon Jan 02 15:04:05 -0700 2006";
export const LAYOUT_RFC822: str = "02 Jan 06 15:04 MST";
export const LAYOUT_RFC822Z: str = "02 Jan 06 15:04 -0700";
export const LAYOUT_RFC850: str = "Monday, 02-Jan-06 15:04:05 MST";
export const LAYOUT_RFC1123: str = "Mon, 02 Jan 2006 15:04:05 MST";
export const LAYOUT_RFC1123Z: str = "Mon, 02 Jan 2006 15:04:05 -0700";
export const LAYOUT_RFC3339: str = "2006-01-02T15:04:05Z07:00";
export const LAYOUT_RFC3339_NANO: str = "2006-01-02T15:04:05.999999999Z07:00";
export const LAYOUT_KITCHEN: str = "3:04PM";
export const LAYOUT_STAMP: str = "Jan _2 15:04:05";
export const LAYOUT_STAMP_MILLI: str = "Jan _2 15:04:05.000";
export const LAYOUT_STAMP_MICRO: str = "Jan _2 15:04:05.000000";
export const LAYOUT_STAMP_NANO: str = "Jan _2 15:04:05.000000000";
export const LAYOUT_DATE_TIME: str = "2006-01-02 15:04:05";
export const LAYOUT_DATE_ONLY: str = "2006-01-02";
export const LAYOUT_TIME_ONLY: str = "15:04:05";
const EPOCH_2025_SEC: i64 = 1735689600;
// from 0001-01-01 (Go's zero time, what truncate and round count multiples from) to 1970
const ZERO_TO_UNIX_SEC: i128 = 62135596800;

export struct Time impl Display, Debug, Ord { clock_ns: i64 }
export struct Instant impl Display, Debug, Ord { unix_sec: i64, unix_nsec: i32 }
export struct Location impl Display, Debug { zone_name: str, zone_offset: i32 }
export struct Date { year: i32, month: i32, day: i32, hour: i32, minute: i32, second: i32, nanosecond: i32 }

/** An Instant of a count of nanoseconds from 1970 (Go's Unix normalisation). */
fn of_ns(ns: i128): Instant {
    let! s = ns / 1000000000;
    let! n = ns % 1000000000;
    if n < 0 { n += 1000000000; s -= 1; }
    return Instant { unix_sec: s as i64, unix_nsec: n as i32 };
}
fn ns_of(i: Instant): i128 { return (i.unix_sec as i128) * 1000000000 + (i.unix_nsec as i128); }

export fn monotonic_now(): u64 { return vex_clock_ns(); }
export fn now(): Time { return Time { clock_ns: vex_clock_ns() as i64 }; }
fn (self: Time) instant(): Instant { return of_ns((EPOCH_2025_SEC as i128) * 1000000000 + (self.clock_ns as i128)); }
export fn since(t: Time): i64 { return (vex_clock_ns() as i64) - t.clock_ns; }
export fn until(t: Time): i64 { return t.clock_ns - (vex_clock_ns() as i64); }
export fn sub(t: Time, u: Time): i64 { return t.clock_ns - u.clock_ns; }
export fn add(t: Time, d: i64): Time { return Time { clock_ns: t.clock_ns + d }; }
export fn compare(a: Time, b: Time): i32 { if a.clock_ns < b.clock_ns { return -1; } if b.clock_ns < a.clock_ns { return 1; } return 0; }
export fn before(a: Time, b: Time): bool { return a.clock_ns < b.clock_ns; }
export fn after(a: Time, b: Time): bool { return b.clock_ns < a.clock_ns; }
export fn equal(a: Time, b: Time): bool { return a.clock_ns == b.clock_ns; }
export fn unix_milli(t: Time): i64 { return unix_milli(t.instant()); }
export fn unix_micro(t: Time): i64 { return unix_micro(t.instant()); }
fn (self: &Time) compare(other: Time): i32 { return compare(*self, other); }
fn (self: &Time) to_string(): string { return self.instant().to_string(); }
fn (self: &Time) debug(): string { return self.to_string(); }

export fn unix(sec: i64, nsec: i32): Instant { return of_ns((sec as i128) * 1000000000 + (nsec as i128)); }
// Go's Sub: the i64 nanoseconds, saturated at the ends of the range
export fn sub(a: Instant, b: Instant): i64 {
    let d = ns_of(a) - ns_of(b);
    if d > 9223372036854775807 { return 9223372036854775807; }
    if d < -9223372036854775808 { return -9223372036854775808; }
    return d as i64;
}
export fn add(i: Instant, d: i64): Instant { return of_ns(ns_of(i) + (d as i128)); }
export fn compare(a: Instant, b: Instant): i32 { let x = ns_of(a); let y = ns_of(b); if x < y { return -1; } if y < x { return 1; } return 0; }
export fn before(a: Instant, b: Instant): bool { return compare(a, b) < 0; }
export fn after(a: Instant, b: Instant): bool { return compare(a, b) > 0; }
export fn equal(a: Instant, b: Instant): bool { return compare(a, b) == 0; }
export fn unix_milli(i: Instant): i64 { return i.unix_sec * 1000 + (i.unix_nsec / 1000000) as i64; }
export fn unix_micro(i: Instant): i64 { return i.unix_sec * 1000000 + (i.unix_nsec / 1000) as i64; }
// Go's Truncate/Round: multiples of d counted from 0001-01-01 (a no-op for d <= 0); halfway rounds up
fn since_zero(i: Instant): i128 { return ns_of(i) + ZERO_TO_UNIX_SEC * 1000000000; }
fn rem_of(i: Instant, d: i64): i128 { let! r = since_zero(i) % (d as i128); if r < 0 { r += d as i128; } return r; }
export fn truncate(i: Instant, d: i64): Instant { if d <= 0 { return i; } return of_ns(ns_of(i) - rem_of(i, d)); }
export fn round(i: Instant, d: i64): Instant {
    if d <= 0 { return i; }
    let r = rem_of(i, d);
    if r + r < (d as i128) { return of_ns(ns_of(i) - r); }
    return of_ns(ns_of(i) + (d as i128) - r);
}
fn (self: &Instant) compare(other: Instant): i32 { return compare(*self, other); }
fn (self: &Instant) to_string(): string { return format(*self, "2006-01-02 15:04:05.999999999 -0700 MST", utc()).text(); }
fn (self: &Instant) debug(): string { return self.to_string(); }

// The calendar (UTC): "YEAR MONTH DAY HOUR MINUTE SECOND WEEKDAY YEARDAY"
fn civil(i: Instant): Vec<string> { return vex_sandbox("time.civil", i.unix_sec.to_string(), "").split(" "); }
fn field(p: &Vec<string>, k: i64): i32 { return p[k].parse<i32>().unwrap(); }
/** 0 is Sunday. */
export fn weekday(i: Instant): i32 { let p = civil(i); return field(&p, 6); }
export fn yearday(i: Instant): i32 { let p = civil(i); return field(&p, 7); }
export fn date(i: Instant): Date {
    let p = civil(i);
    return Date { year: field(&p, 0), month: field(&p, 1), day: field(&p, 2), hour: field(&p, 3), minute: field(&p, 4), second: field(&p, 5), nanosecond: i.unix_nsec };
}
export fn clock(i: Instant): (i32, i32, i32) { let p = civil(i); return (field(&p, 3), field(&p, 4), field(&p, 5)); }

// Zones: fixed offsets only (there is no zone database); local() is UTC
export fn utc(): Location { return Location { zone_name: "UTC", zone_offset: 0 }; }
export fn local(): Location { return utc(); }
export fn fixed_zone(name: str, offset_sec: i32): Location { return Location { zone_name: name, zone_offset: offset_sec }; }
export fn load_location(name: str): Result<Location, String> {
    if name == "UTC" { return Ok(utc()); }
    return Err(String.from(f"unknown time zone {name}"));
}
fn (self: &Location) to_string(): string { return self.zone_name; }
fn (self: &Location) debug(): string { return self.zone_name; }

export fn format(i: Instant, layout: str, loc: Location): String {
    return String.from(vex_sandbox("time.format", f"{i.unix_sec} {i.unix_nsec} {loc.zone_offset} {loc.zone_name}", layout));
}
export fn parse(layout: str, value: str, loc: Location): Result<Instant, String> {
    let r = vex_sandbox("time.parse", layout, f"{loc.zone_offset} {loc.zone_name.len()} {loc.zone_name}{value}");
    if r.starts_with("E") { return Err(String.from(r.substr(1, r.len() - 1))); }
    let k = r.find(" ").unwrap();
    return Ok(unix(r.substr(0, k).parse<i64>().unwrap(), r.substr(k + 1, r.len() - k - 1).parse<i32>().unwrap()));
}
export fn parse_rfc3339(s: str): Result<Instant, String> { return parse(LAYOUT_RFC3339, s, utc()); }

// Go syntax: a sequence of decimal numbers with units ns us µs ms s m h ("1h2m3.5s", "-1.5h").
export fn parse_duration(s: str): Result<i64, String> {
    let r = vex_sandbox("time.parse_duration", s, "");
    if r.starts_with("E") { return Err(String.from(r.substr(1, r.len() - 1))); }
    return Ok(r.parse<i64>().unwrap());
}
export fn sleep_ns(ns: i64) { if ns > 0 { block_on(sleep(vex_duration_ns(ns))); } }
`;

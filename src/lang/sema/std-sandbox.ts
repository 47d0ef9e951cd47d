// Standard modules of chapter 2 §4.7 beyond math/string/time, written in Vex like those (see
// std-modules.ts for how they are linked): io and fmt (text), strconv and conv (numbers <-> text),
// collections (HashMap/HashSet over the built-in Map/Set), testing, and the sandboxed env, fs,
// path and process. The sandbox is the builtin `vex_sandbox(op, a, b): str` (runtime/core/sandbox.ts):
// an environment table and an in-memory file system that last one run and never touch the host.

/** Names a module exports that are the prelude's own items (`import { println } from "io"`,
 *  `import { Display } from "fmt"`): importing them binds the builtin or contract itself. */
export const STD_PRELUDE_EXPORTS: Record<string, string[]> = {
  io: ['print', 'println'],
  fmt: ['print', 'println', 'Display', 'Debug'],
  testing: ['assert_eq'],
  core: ['Vec', 'Option', 'Result', 'Iterator', 'Display', 'Debug', 'Clone', 'Eq', 'Ord', 'Hash', 'Default', 'Drop', 'Box', 'Map', 'Set', 'String'],
};

const IO = `
export fn eprint(s: str) { vex_eprint(s); }
export fn eprintln(s: str) { vex_eprint(s); vex_eprint("\\n"); }
// There is no stdin in the playground: reading a line always ends the input.
export fn read_line(): Option<string> { return None; }
`;

const FMT = `
export fn eprint(s: str) { vex_eprint(s); }
export fn eprintln(s: str) { vex_eprint(s); vex_eprint("\\n"); }
export fn format_i32(v: i32): String { return String.from(v.to_string()); }
export fn format_i64(v: i64): String { return String.from(v.to_string()); }
export fn format_u32(v: u32): String { return String.from(v.to_string()); }
export fn format_u64(v: u64): String { return String.from(v.to_string()); }
export fn format_f32(v: f32): String { return String.from(v.to_string()); }
export fn format_f64(v: f64): String { return String.from(v.to_string()); }
export fn format_bool(v: bool): String { if v { return String.from("true"); } return String.from("false"); }
export fn format_string(s: str): String { return String.from(s); }
// ({:.p} of the value itself: its bits go to the formatter, as its \`{}\` text keeps 6 digits)
fn f64_bits(v: f64): string { let! x = v; let p = &x! as *u64; unsafe { return (*p).to_string(); } }
export fn format_f32_prec(v: f32, p: i32): String { return String.from(vex_sandbox("fmt.fixed", f64_bits(v as f64), p.to_string())); }
export fn format_f64_prec(v: f64, p: i32): String { return String.from(vex_sandbox("fmt.fixed", f64_bits(v), p.to_string())); }
fn fill_of(fill: u8, n: i64): string {
    let c = vex_sandbox("fmt.chr", fill.to_string(), "");
    let! out = String.new();
    let! i: i64 = 0;
    while i < n { out.push(c); i += 1; }
    return out.to_string();
}
export fn pad_left(s: str, width: i32, fill: u8): String {
    let n = (width as i64) - s.chars();
    if n <= 0 { return String.from(s); }
    return String.from(f"{fill_of(fill, n)}{s}");
}
export fn pad_right(s: str, width: i32, fill: u8): String {
    let n = (width as i64) - s.chars();
    if n <= 0 { return String.from(s); }
    return String.from(f"{s}{fill_of(fill, n)}");
}
export fn pad_center(s: str, width: i32, fill: u8): String {
    let n = (width as i64) - s.chars();
    if n <= 0 { return String.from(s); }
    let left = n / 2;
    return String.from(f"{fill_of(fill, left)}{s}{fill_of(fill, n - left)}");
}
export fn format_string_width(s: str, width: i32, fill: u8): String { return pad_right(s, width, fill); }
fn digits(v: u64, base: u64, upper: bool): string {
    let set = if upper { "0123456789ABCDEF" } else { "0123456789abcdef" };
    if v == 0 { return "0"; }
    let! out = String.new();
    let! x = v;
    while x > 0 { out.push(set.substr((x % base) as i64, 1)); x = x / base; }
    let! rev = String.new();
    let! i = out.len() - 1;
    while i >= 0 { rev.push(out.substr(i, 1)); i -= 1; }
    return rev.to_string();
}
fn signed(v: i64, base: u64, upper: bool): String {
    if v < 0 { return String.from(f"-{digits((0 - (v + 1)) as u64 + 1, base, upper)}"); }
    return String.from(digits(v as u64, base, upper));
}
export fn to_binary(v: i64): String { return signed(v, 2, false); }
export fn to_octal(v: i64): String { return signed(v, 8, false); }
export fn to_hex(v: i64): String { return signed(v, 16, false); }
export fn to_hex_upper(v: i64): String { return signed(v, 16, true); }
export fn u_to_binary(v: u64): String { return String.from(digits(v, 2, false)); }
export fn u_to_octal(v: u64): String { return String.from(digits(v, 8, false)); }
export fn u_to_hex(v: u64): String { return String.from(digits(v, 16, false)); }
export fn u_to_hex_upper(v: u64): String { return String.from(digits(v, 16, true)); }
export fn escape(s: str): String { return String.from(vex_sandbox("fmt.escape", s, "")); }
export fn debug(s: str): String { let e = vex_sandbox("fmt.escape", s, ""); return String.from(f"\\"{e}\\""); }
`;

const STRCONV = `
export fn i64_to_str(v: i64): str { return v.to_string(); }
export fn u64_to_str(v: u64): str { return v.to_string(); }
export fn f64_to_str(v: f64): str { return v.to_string(); }
export fn f32_to_str(v: f32): str { return v.to_string(); }
// Digits of \`s\` in \`base\` (2..36, an optional sign); Err names the input like str.parse does.
// The magnitude is gathered in an i128 and checked against the type's range (Go's ParseInt and
// ParseUint: a value out of range is an error, never wrapped); past 2^64 it stops growing.
fn parse_sign_mag(s: str, base: i32, ty: str): Result<(bool, i128), string> {
    if base < 2 || base > 36 { return Err(f"invalid base {base}"); }
    let t = s.trim();
    let bs = t.bytes();
    let! i: i64 = 0;
    let! neg = false;
    if bs.len() > 0 && (bs[0] == 45 || bs[0] == 43) { neg = bs[0] == 45; i = 1; }
    if i >= bs.len() { return Err(f"cannot parse \\"{s}\\" as {ty}"); }
    let! v: i128 = 0;
    while i < bs.len() {
        let c = bs[i] as i128;
        let! d: i128 = 99;
        if c >= 48 && c <= 57 { d = c - 48; } else if c >= 97 && c <= 122 { d = c - 87; } else if c >= 65 && c <= 90 { d = c - 55; }
        if d >= (base as i128) { return Err(f"cannot parse \\"{s}\\" as {ty}"); }
        v = v * (base as i128) + d;
        if v > 18446744073709551616 { v = 18446744073709551616; }
        i += 1;
    }
    return Ok((neg, v));
}
export fn parse_i64(s: str, base: i32): Result<i64, string> {
    let (neg, v) = parse_sign_mag(s, base, "i64")?;
    if neg && v <= 9223372036854775808 { return Ok((0 - v) as i64); }
    if !neg && v <= 9223372036854775807 { return Ok(v as i64); }
    return Err(f"cannot parse \\"{s}\\" as i64");
}
export fn parse_i32(s: str, base: i32): Result<i32, string> {
    let (neg, v) = parse_sign_mag(s, base, "i32")?;
    if neg && v <= 2147483648 { return Ok((0 - v) as i32); }
    if !neg && v <= 2147483647 { return Ok(v as i32); }
    return Err(f"cannot parse \\"{s}\\" as i32");
}
export fn parse_u64(s: str, base: i32): Result<u64, string> {
    let (neg, v) = parse_sign_mag(s, base, "u64")?;
    if (!neg || v == 0) && v <= 18446744073709551615 { return Ok(v as u64); }
    return Err(f"cannot parse \\"{s}\\" as u64");
}
export fn parse_f64(s: str): Result<f64, string> { return s.trim().parse<f64>(); }
`;

const CONV = `
export fn i32_to_string(v: i32): str { return v.to_string(); }
export fn i64_to_string(v: i64): str { return v.to_string(); }
export fn u32_to_string(v: u32): str { return v.to_string(); }
export fn u64_to_string(v: u64): str { return v.to_string(); }
export fn f32_to_string(v: f32): str { return v.to_string(); }
export fn f64_to_string(v: f64): str { return v.to_string(); }
export fn bool_to_string(v: bool): str { if v { return "true"; } return "false"; }
export fn str_to_string(s: str): String { return String.from(s); }
export fn string_to_str(s: String): str { return s.text(); }
// chapter 2 §7.11: libc strlen/strcmp through the FFI shim table, as if declared extern "C"
extern "C" { fn strlen(s: *const u8): usize; fn strcmp(a: *const u8, b: *const u8): i32; }
// chapter 2 §5.3: real's free functions on Map and Set, the methods under other names
export fn map_new<K, V>(capacity: i64 = 16): Map<K, V> { return Map<K, V>(); }
export fn map_insert<K, V>(map: &Map<K, V>!, key: K, value: V) { map.insert(key, value); }
export fn map_get<K, V>(map: &Map<K, V>, key: K): V { return map.get(key); }
export fn map_len<K, V>(map: &Map<K, V>): i64 { return map.len(); }
export fn set_new<T>(capacity: i64 = 16): Set<T> { return Set<T>(); }
export fn set_insert<T>(set: &Set<T>!, value: T) { set.insert(value); }
export fn set_contains<T>(set: &Set<T>, value: T): bool { return set.contains(value); }
export fn set_remove<T>(set: &Set<T>!, value: T) { set.remove(value); }
export fn set_len<T>(set: &Set<T>): i64 { return set.len(); }
`;

// HashMap/HashSet share the built-in Map/Set (insertion order); insert/remove report the old value.
// No key or value is ever copied (a String, Vec or Drop value would then have two owners): each
// method hands its key to one operation of the built-in (which consumes it), insert and remove
// move the old value out, and get, keys and values give clones (a number's clone is itself).
const COLLECTIONS = `
export struct HashMap<K, V> { inner: Map<K, V> }
export fn HashMap<K, V>.new(): HashMap<K, V> { return HashMap<K, V> { inner: Map<K, V>() }; }
export fn new_hashmap<K, V>(): HashMap<K, V> { return HashMap<K, V> { inner: Map<K, V>() }; }
fn (self: &HashMap<K, V>!) insert(key: K, value: V): Option<V> { return self.inner.vex_put(key, value); }
fn (self: &HashMap<K, V>) get(key: K): Option<V> { return self.inner.vex_cloned(key); }
fn (self: &HashMap<K, V>!) remove(key: K): Option<V> { return self.inner.vex_take(key); }
fn (self: &HashMap<K, V>) contains_key(key: K): bool { return self.inner.vex_has(key); }
fn (self: &HashMap<K, V>) len(): i64 { return self.inner.len(); }
fn (self: &HashMap<K, V>) is_empty(): bool { return self.inner.is_empty(); }
fn (self: &HashMap<K, V>!) clear() { self.inner.clear(); }
fn (self: &HashMap<K, V>) keys(): Vec<K> { return self.inner.keys(); }
fn (self: &HashMap<K, V>) values(): Vec<V> { return self.inner.values(); }
// \`{:?}\` shows the entries, as of a Map (not the struct that holds them)
fn (self: &HashMap<K, V>) debug(): string { return f"{self.inner:?}"; }
export struct HashSet<T> { inner: Set<T> }
export fn HashSet<T>.new(): HashSet<T> { return HashSet<T> { inner: Set<T>() }; }
export fn new_hashset<T>(): HashSet<T> { return HashSet<T> { inner: Set<T>() }; }
fn (self: &HashSet<T>!) insert(v: T): bool { return self.inner.vex_add(v); }
fn (self: &HashSet<T>) contains(v: T): bool { return self.inner.vex_has(v); }
fn (self: &HashSet<T>!) remove(v: T): bool { return self.inner.vex_del(v); }
fn (self: &HashSet<T>) len(): i64 { return self.inner.len(); }
fn (self: &HashSet<T>) is_empty(): bool { return self.inner.is_empty(); }
fn (self: &HashSet<T>!) clear() { self.inner.clear(); }
fn (self: &HashSet<T>) values(): Vec<T> { return self.inner.values(); }
fn (self: &HashSet<T>) debug(): string { return f"{self.inner:?}"; }
`;

const ENV = `
export fn get(name: str): str { return vex_sandbox("env.get", name, ""); }
export fn set(name: str, value: str): bool { return vex_sandbox("env.set", name, value) == "1"; }
export fn unset(name: str): bool { return vex_sandbox("env.unset", name, "") == "1"; }
`;

const FS = `
export fn read_to_string(path: str): str { return vex_sandbox("fs.read", path, ""); }
export fn write_string(path: str, content: str): bool { return vex_sandbox("fs.write", path, content) == "1"; }
export fn exists(path: str): bool { return vex_sandbox("fs.exists", path, "") == "1"; }
export fn remove(path: str): bool { return vex_sandbox("fs.remove", path, "") == "1"; }
export fn rename(old_path: str, new_path: str): bool { return vex_sandbox("fs.rename", old_path, new_path) == "1"; }
export fn copy(src: str, dst: str): bool { return vex_sandbox("fs.copy", src, dst) == "1"; }
export fn move_file(src: str, dst: str): bool { return vex_sandbox("fs.rename", src, dst) == "1"; }
export fn create_dir(path: str): bool { return vex_sandbox("fs.mkdir", path, "") == "1"; }
export fn remove_dir(path: str): bool { return vex_sandbox("fs.rmdir", path, "") == "1"; }
export fn dir_exists(path: str): bool { return vex_sandbox("fs.isdir", path, "") == "1"; }
`;

const PATH = `
export fn normalize(p: str): str { return vex_sandbox("path.normalize", p, ""); }
export fn join(a: str, b: str): str {
    if b.starts_with("/") || a.is_empty() { return normalize(b); }
    if b.is_empty() { return normalize(a); }
    return normalize(f"{a}/{b}");
}
export fn is_absolute(p: str): bool { return p.starts_with("/"); }
export fn exists(p: str): bool { return vex_sandbox("fs.exists", p, "") == "1"; }
export fn dirname(p: str): str { return vex_sandbox("path.dirname", p, ""); }
export fn basename(p: str): str { return vex_sandbox("path.basename", p, ""); }
export fn extension(p: str): str { return vex_sandbox("path.extension", p, ""); }
`;

// pid 1, parent 0; no process can be started (127 is the shell's "command not found").
const PROCESS = `
export fn exit(code: i32) { vex_exit(code); }
export fn exit_success() { vex_exit(0); }
export fn exit_failure() { vex_exit(1); }
export fn abort() { vex_exit(134); }
export fn pid(): i32 { return 1; }
export fn ppid(): i32 { return 0; }
export fn command(cmd: str): i32 { return 127; }
`;

// Real's testing module (vex-libs/std/testing/src/lib.vx): the lines it prints, to stdout, are
// "[PASS] name", "[FAIL] name: msg", "[SKIP] name: msg" and "[LOG] msg". assert_eq is the
// builtin (base §5.3); assert_ne is its counterpart, a panic with the same shape of message.
const TESTING = `
export struct TestContext { name: String, failed: bool, skipped: bool }
export fn run_test(name: String): TestContext { return TestContext { name: name, failed: false, skipped: false }; }
export fn pass_test(name: String) { println(f"[PASS] {name}"); }
export fn fail_test(name: String, msg: String) { println(f"[FAIL] {name}: {msg}"); }
fn (self: &TestContext!) report_error(msg: String) { self.failed = true; println(f"[FAIL] {self.name}: {msg}"); }
fn (self: &TestContext!) skip(msg: String) { self.skipped = true; println(f"[SKIP] {self.name}: {msg}"); }
fn (self: &TestContext) log(msg: String) { println(f"[LOG] {msg}"); }
fn (self: &TestContext) is_failed(): bool { return self.failed; }
export fn assert_ne<T>(left: T, right: T) {
    if left == right { panic(f"assertion failed: left != right (left: {left}, right: {right})"); }
}
`;

export const SANDBOX_SOURCES: Record<string, string> = {
  testing: TESTING, io: IO, fmt: FMT, strconv: STRCONV, conv: CONV, collections: COLLECTIONS, env: ENV, fs: FS, path: PATH, process: PROCESS,
};

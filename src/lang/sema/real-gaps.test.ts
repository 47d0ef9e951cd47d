// Chapter 2 items real Vex programs use, finished late: Ok/Err branches typed by their siblings
// (§7.3), Vec.as_slice/iter (§5.2), strlen/strcmp without `extern` (§7.11), real's map_*/set_*
// free functions (§5.3), `for x in r` over a shared reference to an iterator (§3.7, §6.2).
import { describe, it, expect } from 'vitest';
import { checkSource } from './check';
import { typeAt } from './query';

const errors = (src: string) => checkSource('t.vx', src).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);
const hover = (src: string, needle: string) => typeAt('t.vx', src, src.indexOf(needle) + needle.length - 1);

describe('Ok/Err branches take their Result type from their siblings (§7.3)', () => {
  it('an if expression: Ok fixes T, Err fixes E', () => {
    const src = 'fn main() {\n    let c = true;\n    let r = if c { Ok(3) } else { Err("bad") };\n}\n';
    expect(errors(src)).toEqual([]);
    expect(hover(src, 'let r')).toBe('let r: Result<i32, str>');
  });
  it('match arms, with pattern bindings and block bodies', () => {
    const src = 'fn main() {\n    let r = match Some(2.5) { Some(v) => { let w = v * 2.0; Ok(w) } None => Err(false) };\n}\n';
    expect(errors(src)).toEqual([]);
    expect(hover(src, 'let r')).toBe('let r: Result<f64, bool>');
  });
  it('a complete sibling wins; mismatched siblings are still a mismatch', () => {
    const ok = 'fn mk(): Result<i64, string> { return Ok(1); }\nfn main() {\n    let r = if true { Err("x") } else { mk() };\n}\n';
    expect(hover(ok, 'let r')).toBe('let r: Result<i64, string>');
    const bad = 'fn main() {\n    let r = match 1 { 1 => Ok(1), 2 => Err("a"), _ => Ok("s") };\n}\n';
    expect(errors(bad).map((e) => e.slice(0, 5))).toEqual(['E0103']);
  });
  it('only Ok on every side: nothing decides E, which is i32 (§7.3), and only Err: T is i32', () => {
    const src = 'fn main() {\n    let r = if true { Ok(1.5) } else { Ok(2.5) };\n    let e = if true { Err("a") } else { Err("b") };\n}\n';
    expect(errors(src)).toEqual([]);
    expect(hover(src, 'let r')).toBe('let r: Result<f64, i32>');
    expect(hover(src, 'let e')).toBe('let e: Result<i32, str>');
  });
  it('a program\'s own enum Result keeps its own rules', () => {
    const src = 'enum Result { Ok(i32), Err(i32) }\nfn main() {\n    let r = if true { Ok(1) } else { Err(2) };\n}\n';
    expect(errors(src)).toEqual([]);
    expect(hover(src, 'let r')).toBe('let r: Result');
  });
});

describe('Vec.as_slice() (§5.2): a `&[T]` view of the Vec that borrows it', () => {
  it('is a slice, passable where `&[T]` is expected', () => {
    const src = 'fn sum(xs: &[i32]): i32 { return 0; }\nfn main() {\n    let! v = Vec<i32>();\n    let s = v.as_slice();\n    sum(s);\n    sum(v.as_slice());\n}\n';
    expect(errors(src)).toEqual([]);
    expect(hover(src, 'let s')).toBe('let s: &[i32]');
  });
  it('holds a shared borrow of the Vec while the slice is used', () => {
    const push = 'fn main() {\n    let! v = Vec<i32>();\n    let s = v.as_slice();\n    v.push(1);\n    println("{}", s.len());\n}\n';
    expect(errors(push)).toEqual(['E0161 cannot borrow `v` as mutable because it is also borrowed as immutable']);
    const after = 'fn main() {\n    let! v = Vec<i32>();\n    let s = v.as_slice();\n    println("{}", s.len());\n    v.push(1);\n}\n';
    expect(errors(after)).toEqual([]);
  });
  it('cannot escape a local Vec, directly or through a binding; through a reference parameter it can', () => {
    expect(errors('fn f(): &[i32] { let v = Vec<i32>(); return v.as_slice(); }\nfn main() {}\n')).toEqual(['E0160 cannot return reference to local variable `v`']);
    expect(errors('fn f(): &[i32] { let v = Vec<i32>(); let s = v.as_slice(); return s; }\nfn main() {}\n')).toEqual(['E0160 cannot return reference to local variable `v`']);
    expect(errors('fn f(v: &Vec<i32>): &[i32] { return v.as_slice(); }\nfn main() {}\n')).toEqual([]);
  });
});

describe('real free functions (§7.11, §5.3)', () => {
  const notes = (src: string) => checkSource('t.vx', src).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message} | ${d.notes.join(' | ')}`);
  it('strlen/strcmp need no extern declaration and are checked like declared ones', () => {
    expect(errors('fn main() { let n = strlen("abc"); let c: i32 = strcmp("a", "b"); }\n')).toEqual([]);
    expect(hover('fn main() { let n = strlen("abc"); }\n', 'let n')).toBe('let n: u64');
    expect(errors('fn main() { let x: i32 = 1; strlen(&x); }\n')).toEqual(['E0136 strlen arg 1: expected *const u8, found &i32']);
    expect(errors('fn main() { strcmp("a"); }\n')).toEqual(['E0134 `strcmp` takes 2 arguments but 1 was supplied']);
  });
  it('a program\'s own strlen, map_len or extern declaration is the one called', () => {
    const src = 'fn strlen(s: str): bool { return true; }\nextern "C" { fn strcmp(a: *const u8, b: *const u8): i32; }\nfn map_len(x: i32): i32 { return x; }\nfn main() {\n    let a = strlen("x");\n    let b = map_len(2);\n    let c = strcmp("a", "b");\n}\n';
    expect(errors(src)).toEqual([]);
    expect(hover(src, 'let a')).toBe('let a: bool');
    expect(hover(src, 'let b')).toBe('let b: i32');
  });
  it('map_*/set_* fix a late Map()/Set()/map_new() through their other arguments', () => {
    const src = 'fn main() {\n    let! m = Map();\n    map_insert(&m, "k", 2.5);\n    let! s = set_new();\n    set_insert(&s, true);\n    let n = map_new();\n    let l = map_len(&n) + set_len(&s);\n    let g = map_get(&m, "k");\n    let c = set_contains(&s, false);\n    set_remove(&s, true);\n}\n';
    expect(errors(src)).toEqual([]);
    expect(hover(src, 'let! m')).toBe('let! m: Map<str, f64>');
    expect(hover(src, 'let! s')).toBe('let! s: Set<bool>');
    expect(hover(src, 'let n')).toBe('let n: Map<i32, i32>');
    expect(hover(src, 'let g')).toBe('let g: f64');
  });
  it('a generic function\'s other arguments decide a late Vec too (§7.3)', () => {
    const src = 'fn add<T>(v: &Vec<T>!, x: T) { v.push(x); }\nfn main() {\n    let! v = Vec();\n    add(&v, "s");\n}\n';
    expect(errors(src)).toEqual([]);
    expect(hover(src, 'let! v')).toBe('let! v: Vec<str>');
  });
  it('runtime internals are E0100 with what to use instead', () => {
    for (const n of ['runtime_create', 'runtime_run', 'spawn_async']) expect(notes(`fn main() { ${n}(1); }\n`)[0]).toContain('help: use `async fn` and `block_on(f())` instead');
    expect(notes('fn main() { async_sleep(1); }\n')[0]).toContain('help: use `await sleep(Duration.from_millis(ms))` instead');
    expect(notes('fn main() { vex_i64_to_string(1); }\n')[0]).toContain('help: use `x.to_string()` or `i64_to_string(x)` instead');
    expect(notes('fn main() { vex_map_new(1); }\n')[0]).toMatch(/^E0100 cannot find value `vex_map_new`.*help: use the standard library function or method that does the same instead/);
  });
});

describe('`for x in r` over a shared reference to an iterator with `next()!` (§3.7, §6.2)', () => {
  const iter = 'struct C impl Iterator { n: i32 }\nfn (c: &C!) next(): Option<i32> { if c.n == 0 { return None; } c.n -= 1; return Some(c.n); }\n';
  it('is E0111 for a struct iterator and for a bounded type parameter, naming the reference', () => {
    expect(errors(iter + 'fn f(r: &C) { for x in r { } }\nfn main() {}\n')).toEqual(['E0111 cannot iterate over `r`: its `next()!` advances the iterator, but `r` is a shared reference `&C`']);
    expect(errors(iter + 'fn f<I: Iterator>(r: &I) { for x in r { } }\nfn main() {}\n')).toEqual(['E0111 cannot iterate over `r`: its `next()!` advances the iterator, but `r` is a shared reference `&I`']);
    expect(errors(iter + 'fn main() { let! c = C { n: 1 }; for x in &c { } }\n')).toEqual(['E0111 cannot iterate over `c`: its `next()!` advances the iterator, but `c` is a shared reference `&C`']);
  });
  it('is fine through `&C!`, `&I!` and an owned `let!`; an immutable `let` stays E0110 (as before)', () => {
    expect(errors(iter + 'fn f(r: &C!) { for x in r { } }\nfn g<I: Iterator>(r: &I!) { for x in r { } }\nfn main() { let! c = C { n: 1 }; for x in c { } }\n')).toEqual([]);
    expect(errors(iter + 'fn main() { let c = C { n: 1 }; for x in c { } }\n').map((e) => e.slice(0, 5))).toEqual(['E0110']);
  });
  it('a non-mutating next() may be iterated through `&C`', () => {
    expect(errors('struct K { n: i32 }\nfn (k: &K) next(): Option<i32> { return None; }\nfn f(r: &K) { for x in r { } }\nfn main() {}\n')).toEqual([]);
  });
});

describe('late type arguments decided through an overloaded or generic method (§7.3, §7.2)', () => {
  const P = 'struct P { k: i32 }\nfn (p: &P) take(v: &Vec<i64>) { }\nfn (p: &P) take(v: &Vec<str>, n: i32) { }\nfn (p: &P) put<T>(v: &Vec<T>!, x: T) { v.push(x); }\nfn (p: &P) fill(v: &Vec<f64>!, x: f64) { }\nfn (p: &P) fill(v: &Vec<bool>!, x: bool) { }\n';
  it('the overload of the call\'s arity, and among those the one the other arguments fit', () => {
    const src = P + 'fn main() {\n    let p = P { k: 1 };\n    let! a = Vec();\n    p.take(&a);\n    let! b = Vec();\n    p.take(&b, 2);\n    let! d = Vec();\n    p.fill(&d, true);\n}\n';
    expect(errors(src)).toEqual([]);
    expect(hover(src, 'let! a')).toBe('let! a: Vec<i64>');
    expect(hover(src, 'let! b')).toBe('let! b: Vec<str>');
    expect(hover(src, 'let! d')).toBe('let! d: Vec<bool>');
  });
  it('a generic method: its type parameters fixed by the other arguments', () => {
    const src = P + 'fn main() {\n    let p = P { k: 1 };\n    let! c = Vec();\n    p.put(&c, 2.5);\n}\n';
    expect(errors(src)).toEqual([]);
    expect(hover(src, 'let! c')).toBe('let! c: Vec<f64>');
  });
  it('two overloads that both fit decide nothing: i32, and the call is checked as usual', () => {
    const src = 'struct P { k: i32 }\nfn (p: &P) two(v: &Vec<i64>) { }\nfn (p: &P) two(v: &Vec<bool>) { }\nfn main() {\n    let p = P { k: 1 };\n    let! a = Vec();\n    p.two(&a);\n}\n';
    expect(hover(src, 'let! a')).toBe('let! a: Vec<i32>');
    expect(errors(src).map((e) => e.slice(0, 5))).toEqual(['E0103']);
  });
});

describe('a program\'s own contract with a prelude name (§3.7)', () => {
  it('the names the linker treats as prelude contracts are exactly those the checker declares', async () => {
    const { PRELUDE_CONTRACT_NAMES, addStdContracts } = await import('./std-contracts');
    const cx = { contracts: new Map() } as unknown as Parameters<typeof addStdContracts>[0];
    addStdContracts(cx);
    expect([...(cx as unknown as { contracts: Map<string, unknown> }).contracts.keys()].sort()).toEqual([...PRELUDE_CONTRACT_NAMES].sort());
  });
  it('shadows the prelude one in its own file; primitives do not implement it', () => {
    const src = 'contract Display { label(): string; }\nstruct Q impl Display { y: i32 }\nfn (q: &Q) label(): string { return "Q"; }\nfn lab<T: Display>(t: T): string { return t.label(); }\nfn main() { lab(Q { y: 1 }); lab(3); }\n';
    expect(errors(src)).toEqual(['E0128 the type `i32` does not implement contract `Display`']);
  });
  it('in the entry tab, other tabs keep the prelude contract', async () => {
    const { checkAllFiles } = await import('./check-files');
    const files = [
      { name: 'main.vx', text: 'import { show_any } from "./util";\ncontract Display { label(): string; }\nstruct Q impl Display { y: i32 }\nfn (q: &Q) label(): string { return "Q"; }\nfn main() { show_any(7); show_any(Q { y: 1 }); }\n' },
      { name: 'util.vx', text: 'export fn show_any<T: Display>(t: T): string { return t.to_string(); }\n' },
    ];
    const ds = checkAllFiles(files, 'main.vx').flatMap((r) => r.diagnostics).filter((d) => d.severity === 'error');
    expect(ds.map((d) => `${d.code} ${d.message}`)).toEqual(['E0128 the type `Q` does not implement contract `Display`']);
  });
});

describe('arrays and slices: the read-only Vec methods (§5.2)', () => {
  it('type like the Vec ones, with the element type', () => {
    const src = 'fn main() {\n    let a = [1.5, 2.5];\n    let f = a.first();\n    let s = &a[..];\n    let i = s.index_of(2.5);\n    let t = s.reduce(0.0, |x, y| x + y);\n    let j = a.join(",");\n}\n';
    expect(errors(src)).toEqual([]);
    expect(hover(src, 'let f')).toBe('let f: Option<f64>');
    expect(hover(src, 'let i')).toBe('let i: Option<i64>');
    expect(hover(src, 'let t')).toBe('let t: f64');
    expect(hover(src, 'let j')).toBe('let j: string');
  });
  it('no mutating ones; non-Copy elements have the read-only ones too', () => {
    expect(errors('fn main() { let! a = [1]; a.push(2); }\n')).toEqual(['E0108 no method named `push` found for type `[i32; 1]`']);
    expect(errors('fn main() { let a = [1]; let m = a.map(|x| x); }\n')).toEqual([]); // map/filter came later (std-veciter.test.ts)
    expect(errors('fn main() { let! a = [1]; a.sort(); }\n').map((e) => e.slice(0, 5))).toEqual(['E0108']);
    expect(errors('fn main() { let a = [String.from("x")]; a.contains(String.from("x")); }\n')).toEqual([]); // (codegen/array-noncopy-methods.test.ts)
    expect(errors('fn main() { let a = [1]; a.first()!; }\n').map((e) => e.slice(0, 5))).toEqual(['E0144']);
  });
});

// For each diagnostic code: a program that triggers it and a close variant that does not.
import { describe, it, expect } from 'vitest';
import { checkSource } from './check';
import { CODES } from './codes';
import { checkAllFiles } from './check-files';

const codesOf = (src: string) => checkSource('t.vx', src, { lints: true }).diagnostics.map((d) => d.code);
const main = (body: string, items = '') => `${items}\nfn main() {\n${body}\n}\n`;

// [code, failing program, passing program]
const CASES: [string, string, string][] = [
  ['E0100', main('println("{}", nope);'), main('let nope = 1; println("{}", nope);')],
  ['E0101', main('let x: Widget = 1;'), main('let x: i32 = 1;')],
  ['E0102', 'fn f() {}\nfn f() {}\nfn main() {}', 'fn f() {}\nfn g() {}\nfn main() {}'],
  ['E0103', main('let count: i32 = "seven";'), main('let count: i32 = 7;')],
  ['E0104', main('let b: i8 = 300;'), main('let b: i8 = -128;')],
  ['E0105', main('f(1, 2);', 'fn f(a: i32) {}'), main('f(1);', 'fn f(a: i32) {}')],
  ['E0106', main('let x = 5; x(1);'), main('let x = |a: i32| a; x(1);')],
  ['E0107', main('let p = P { x: 1 }; println("{}", p.y);', 'struct P { x: i32 }'), main('let p = P { x: 1 }; println("{}", p.x);', 'struct P { x: i32 }')],
  ['E0108', main('let p = P { x: 1 }; p.nothing();', 'struct P { x: i32 }'), main('let p = P { x: 1 }; p.get();', 'struct P { x: i32 }\nfn (p: &P) get(): i32 { return p.x; }')],
  ['E0109', main('let p = P { x: 1 };', 'struct P { x: i32, y: i32 }'), main('let p = P { x: 1, y: 2 };', 'struct P { x: i32, y: i32 }')],
  ['E0110', main('let total = 10; total = 15;'), main('let! total = 10; total = 15;')],
  ['E0111', main('let items = Vec<i32>.new(); items.push(1);'), main('let! items = Vec<i32>.new(); items.push(1);')],
  ['E0112', main('let x = 1; let r = &x!;'), main('let! x = 1; let r = &x!;')],
  ['E0113', main('let v = Vec<i32>.new(); let w = v; println("{}", v.len());'), main('let v = Vec<i32>.new(); let w = v; println("{}", w.len());')],
  ['E0114', 'fn f(x: i32): i32 { if x > 0 { return 1; } }\nfn main() {}', 'fn f(x: i32): i32 { if x > 0 { return 1; } return 0; }\nfn main() {}'],
  ['E0115', main('let c = Color.Red; match c { Color.Red => println("r"), Color.Green => println("g"), }', 'enum Color { Red, Green, Blue }'), main('let c = Color.Red; match c { Color.Red => println("r"), _ => println("other"), }', 'enum Color { Red, Green, Blue }')],
  ['E0116', main('let c = Color.Red; match c { Color.Purple => println("p"), _ => println("o"), }', 'enum Color { Red, Green }'), main('let c = Color.Red; match c { Color.Red => println("r"), _ => println("o"), }', 'enum Color { Red, Green }')],
  ['E0117', 'fn g(): Result<i32, string> { return Ok(1); }\nfn f(): i32 { let x = g()?; return x; }\nfn main() {}', 'fn g(): Result<i32, string> { return Ok(1); }\nfn f(): Result<i32, string> { let x = g()?; return Ok(x); }\nfn main() {}'],
  ['E0118', 'async fn a(): i32 { return 1; }\nfn main() { let x = await a(); }', 'async fn a(): i32 { return 1; }\nfn main() { let x = block_on(a()); }'],
  ['E0119', main('let x = 5; let p = &x as *i32; println("{}", *p);'), main('let x = 5; let p = &x as *i32; unsafe { println("{}", *p); }')],
  ['E0120', 'fn helper() {}', '#[no_main]\nfn helper() {}'],
  ['E0121', 'fn main(x: i32) {}', 'fn main(): i32 { return 0; }'],
  ['E0122', 'const A: i32 = B;\nconst B: i32 = A;\nfn main() {}', 'const A: i32 = B;\nconst B: i32 = 2;\nfn main() {}'],
  ['E0123', 'fn f(): i32 { return 1; }\nconst A: i32 = f();\nfn main() {}', 'const A: i32 = 2 * 3;\nfn main() {}'],
  ['E0124', main('println("{} {}", 1);'), main('println("{} {}", 1, 2);')],
  ['E0125', main('let a: i32 = 1; let b: u32 = 2; let c = a + b;'), main('let a: i32 = 1; let b: i64 = 2; let c = a + b;')],
  ['E0126', main('let s = "x"; let n = s as i32;'), main('let f = 2.5; let n = f as i32;')],
  ['E0127', main('break;'), main('loop { break; }')],
  ['E0128', main('show(&P { x: 1 });', 'contract Named { name(): str; }\nstruct P { x: i32 }\nfn show<T: Named>(t: &T) {}'), main('show(&P { x: 1 });', 'contract Named { name(): str; }\nstruct P impl Named { x: i32, name(): str { return "p"; } }\nfn show<T: Named>(t: &T) {}')],
  ['E0129', 'contract Named { name(): str; }\nstruct P impl Named { x: i32 }\nfn main() {}', 'contract Named { name(): str; }\nstruct P impl Named { x: i32, name(): str { return "p"; } }\nfn main() {}'],
  ['E0130', main('let v = vec_new();'), main('let v = vec_new<i32>();')],
  ['E0131', main('1 = 2;'), main('let! x = 1; x = 2;')],
  ['E0132', 'struct F { a: u8 : 9 }\nfn main() {}', 'struct F { a: u8 : 8 }\nfn main() {}'],
  ['E0133', main('let f = F { a: 1 }; let p = &f.a;', 'struct F { a: u8 : 3 }'), main('let f = F { a: 1 }; let p = &f;', 'struct F { a: u8 : 3 }')],
  ['E0134', main('abs(1, 2);', 'extern "C" { fn abs(n: i32): i32; }'), main('abs(1);', 'extern "C" { fn abs(n: i32): i32; }')],
  ['E0135', 'extern "C" { fn f(s: String): i32; }\nfn main() {}', 'extern "C" { fn f(s: *u8): i32; }\nfn main() {}'],
  ['E0136', main('let x: i32 = 1; strlen(&x);', 'extern "C" fn strlen(s: *const u8) -> usize;'), main('strlen("abc");', 'extern "C" fn strlen(s: *const u8) -> usize;')],
  ['E0137', main('let! xs = [3, 1]; qsort(&xs! as *u8!, 2, 4, cmp);', 'extern "C" { fn qsort(b: *u8!, n: usize, s: usize, c: fn(*u8, *u8): i32); }\nfn cmp(a: *u8, b: *u8): i32 { return 0; }'), main('let! xs = [3, 1]; qsort(&xs! as *u8!, 2, 4, cmp);', 'extern "C" { fn qsort(b: *u8!, n: usize, s: usize, c: fn(*u8, *u8): i32); }\nextern "C" fn cmp(a: *u8, b: *u8): i32 { return 0; }')],
  ['E0138', main('let v = Vec<i32>.new(); printf("%d", v);', 'extern "C" { fn printf(f: *u8, ...): i32; }'), main('printf("%d", 5);', 'extern "C" { fn printf(f: *u8, ...): i32; }')],
  ['E0139', 'union U impl Drop { a: i32, fn drop()! {} }\nfn main() {}', 'union U { a: i32, b: f32 }\nfn main() {}'],
  ['E0140', 'import "left-pad";\nfn main() {}', 'import "std/io";\nfn main() {}'],
  ['E0141', main('let v: Vec<i32, i32> = Vec<i32>.new();'), main('let v: Vec<i32> = Vec<i32>.new();')],
  ['E0142', main('let x: any = 1;'), main('let x: i32 = 1;')],
  ['E0143', main('let t = (1, 2); println("{}", t.5);'), main('let t = (1, 2); println("{}", t.1);')],
  ['E0144', main('let! p = P { x: 1 }; p.get()!;', 'struct P { x: i32 }\nfn (p: &P) get(): i32 { return p.x; }'), main('let! p = P { x: 1 }; p.get();', 'struct P { x: i32 }\nfn (p: &P) get(): i32 { return p.x; }')],
  ['E0146', main('let x = 5; for i in x { }'), main('let x = 5; for i in 0..x { }')],
  ['E0161', main('let! x = 1; let w = &x!; let y = x; *w += 1;'), main('let! x = 1; let w = &x!; *w += 1; let y = x;')],
  ['E0163', main('let! v = Vec<D>(); v.push(D { id: 1 }); let d = v.get(0);', 'struct D impl Drop { id: i32, fn drop()! { } }'), main('let! v = Vec<D>(); v.push(D { id: 1 }); let d = &v[0]; println("{}", v.get(0).id);', 'struct D impl Drop { id: i32, fn drop()! { } }')],
  ['E0162', 'struct A { b: B }\nstruct B { a: A }\nfn main() { }\n', 'struct A { b: Box<B> }\nstruct B { a: Option<Box<A>> }\nfn main() { }\n'],
  ['E0160', 'fn f(): &i32 { let x = 5; return &x; }\nfn main() { }\n', 'fn f(p: &i32): &i32 { return p; }\nfn main() { }\n'],
  ['W0100', main('let! f = F { a: 1 }; f.a = 12;', 'struct F { a: u8 : 3 }'), main('let! f = F { a: 1 }; f.a = 7;', 'struct F { a: u8 : 3 }')],
  ['W0102', main('let c = Color.Red; match c { _ => println("any"), Color.Red => println("r"), }', 'enum Color { Red, Green }'), main('let c = Color.Red; match c { Color.Red => println("r"), _ => println("any"), }', 'enum Color { Red, Green }')],
  ['W0103', main('let count = 1;'), main('let count = 1; println("{}", count); let _spare = 2;')],
  ['W0104', main('return; println("x");'), main('println("x"); return;')],
  ['W0105', main('let! n = 1; println("{}", n);'), main('let! n = 1; n += 1; println("{}", n);')],
  ['W0106', main('parse();', 'fn parse(): Result<i32, string> { return Ok(1); }'), main('let _ = parse();', 'fn parse(): Result<i32, string> { return Ok(1); }')],
  ['W0107', 'fn helper() {}\nfn main() {}', 'fn helper() {}\nfn main() { helper(); }'],
  ['W0108', 'import { sqrt } from "math";\nfn main() {}', 'import { sqrt } from "math";\nfn main() { println("{}", sqrt(4.0)); }'],
  ['W0101', main('printf("%d\\n", 2.5);', 'extern "C" { fn printf(f: *u8, ...): i32; }'), main('printf("%f\\n", 2.5);', 'extern "C" { fn printf(f: *u8, ...): i32; }')],
];

const MODULE_CASES: [string, string, string, string][] = [
  ['W0108', 'import { f } from "./m";\nfn main() {}', 'import { f } from "./m";\nfn main() { f(); }', 'export fn f() {}'],
];

describe('diagnostic codes', () => {
  for (const [code, bad, good] of CASES) {
    it(`${code}: ${CODES[code as keyof typeof CODES]}`, () => {
      expect(codesOf(bad)).toContain(code);
      expect(codesOf(good)).not.toContain(code);
      expect(checkSource('t.vx', good, { lints: true }).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    });
  }
  // Codes that need a second tab (modules.ts): [code, bad main.vx, good main.vx, m.vx]
  for (const [code, bad, good, m] of MODULE_CASES) {
    it(`${code}: ${CODES[code as keyof typeof CODES]}`, () => {
      const codesIn = (main: string) => checkAllFiles([{ name: 'main.vx', text: main }, { name: 'm.vx', text: m }], 'main.vx').flatMap((r) => r.diagnostics.map((d) => d.code));
      expect(codesIn(bad)).toContain(code);
      expect(codesIn(good)).not.toContain(code);
    });
  }
  it('every code in the table has a test case', () => {
    const tested = new Set([...CASES, ...MODULE_CASES].map((c) => c[0]));
    const untested = Object.keys(CODES).filter((c) => !tested.has(c));
    expect(untested).toEqual([]);
  });
});

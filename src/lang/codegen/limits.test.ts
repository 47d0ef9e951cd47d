// Compile limits a user must not hit: many functions, long if/elif chains (emitted flat, so the
// JavaScript parser never sees thousands of nested blocks), and polymorphic recursion reported as
// a Vex diagnostic at once instead of instantiating until a fixed cap or a host RangeError.
import { describe, it, expect } from 'vitest';
import { compile } from '../compile';
import { runVex } from './run-helpers.test-util';

describe('compile limits', () => {
  it('a program with 6,000 functions compiles and runs', () => {
    const n = 6000;
    let src = '';
    for (let i = 0; i < n; i++) src += `fn g${i}(x: i32): i32 { return x + ${i % 10}; }\n`;
    src += 'fn main() {\n    let! s = 0;\n';
    for (let i = 0; i < n; i++) src += `    s += g${i}(1);\n`;
    src += '    println("{}", s);\n}\n';
    const r = runVex(src);
    expect(r.stdout).toBe(`${n + 4.5 * n}\n`);
  });

  it('a 2,000-arm if/elif chain (statement and expression) compiles to flat JS and runs', () => {
    const n = 2000;
    let stmt = 'fn classify(x: i32): i32 {\n    if x == 0 { return 0; }\n';
    for (let i = 1; i < n; i++) stmt += `    elif x == ${i} { return ${i * 2}; }\n`;
    stmt += '    else { return -1; }\n}\n';
    let expr = 'fn pick(x: i32): i32 {\n    let v = if x == 0 { 0 }';
    for (let i = 1; i < n; i++) expr += ` elif x == ${i} { ${i * 3} }`;
    expr += ' else { -1 };\n    return v;\n}\n';
    const main = 'fn main() {\n    let! s = 0;\n    let! t = 0;\n    for i in 0..2100 { s += classify(i); t += pick(i); }\n    println("{} {}", s, t);\n}\n';
    const r = runVex(stmt + expr + main);
    const sum = (n * (n - 1)) / 2;
    expect(r.stdout).toBe(`${2 * sum - 100} ${3 * sum - 100}\n`);
    expect(r.outcome).toEqual({ kind: 'exited', code: 0 });
    // flat: no run of hundreds of closing braces
    expect(r.js).not.toMatch(/\}{50}/);
  });

  it('the taken arm leaves the chain; later conditions are not evaluated', () => {
    const r = runVex(`fn check(tag: str, v: bool): bool { println("test {}", tag); return v; }
fn main() {
    let! x = 0;
    if check("a", false) { x = 1; } elif check("b", true) { x = 2; } elif check("c", true) { x = 3; } else { x = 4; }
    let y = if check("d", false) { 10 } elif check("e", false) { 20 } else { 30 };
    println("{} {}", x, y);
}
`);
    expect(r.stdout).toBe('test a\ntest b\ntest d\ntest e\n2 30\n');
  });

  it('polymorphic recursion is a Vex diagnostic (E0901) naming the function', () => {
    const c = compile([{ name: 'poly.vx', text: `fn nest<T>(x: T, n: i32): i32 {
    if n == 0 { return 0; }
    return 1 + nest(Some(x), n - 1);
}
fn main() { println("{}", nest(1, 3)); }
` }]);
    expect(c.program).toBeNull();
    const d = c.diagnostics.find((x) => x.severity === 'error')!;
    expect(d.code).toBe('E0901');
    expect(d.message).toContain('polymorphic recursion');
    expect(d.message).toContain('`nest`');
    expect(d.span.line).toBe(1);
  });

  it('a chain of generic calls growing a type (no recursion) is not called polymorphic recursion', () => {
    const lines: string[] = [];
    for (let i = 0; i < 30; i++) lines.push(`fn g${i}<T>(x: T): i32 { return g${i + 1}((x, x)); }`);
    const c = compile([{ name: 'chain.vx', text: `${lines.join('\n')}\nfn g30<T>(x: T): i32 { return 1; }\nfn main() { println("{}", g0(1)); }\n` }]);
    const d = c.diagnostics.find((x) => x.severity === 'error')!;
    expect(d.code).toBe('E0901');
    expect(d.message).not.toContain('recursion');
    expect(d.message).toContain('`g12` would be instantiated with a type argument of more than 4096 parts');
  });

  it('ordinary generic code with many instances still compiles', () => {
    let src = 'fn id<T>(x: T): T { return x; }\nstruct W<T> { v: T }\nfn main() {\n    let! s = 0;\n';
    // nested but finite: W<W<...<i32>>> 20 deep
    let ty = 'i32', val = '1';
    for (let i = 0; i < 20; i++) { ty = `W<${ty}>`; val = `W { v: ${val} }`; }
    src += `    let w: ${ty} = id(${val});\n    s += 1;\n    println("{}", s);\n}\n`;
    expect(runVex(src).stdout).toBe('1\n');
  });

  // Each operand of a literal or call used to revisit every earlier one (to hold or root it while
  // the next is made): 150,000 numbers took 20 s to compile, 30,000 Strings 8 s. The timeout is a
  // hang guard far above today's 2 s (the scaling itself is measured in bench/scaling.ts).
  it('a 150,000-element array literal and a 30,000-String literal compile and run', { timeout: 20_000 }, () => {
    const nums = Array.from({ length: 150_000 }, (_, i) => String(i % 7)).join(', ');
    const strs = Array.from({ length: 30_000 }, () => 'String.from("ab")').join(', ');
    const r = runVex(`fn main() {
    let a = [${nums}];
    let! s: i64 = 0;
    for x in a { s += x as i64; }
    let b = [${strs}];
    let! n: i64 = 0;
    for t in b { n += t.len(); }
    println("{} {}", s, n);
}
`);
    let sum = 0;
    for (let i = 0; i < 150_000; i++) sum += i % 7;
    expect(r.stdout).toBe(`${sum} 60000\n`);
  });

  // Each variant's constructor arguments recomputed the enum's arity over all variants (32,000
  // variants: 30 s), and a module constant per unit variant overflowed the host stack at 150,000.
  it('an enum of 150,000 variants compiles and runs', { timeout: 20_000 }, () => {
    const n = 150_000;
    const vs = Array.from({ length: n }, (_, i) => `V${i}`).join(', ');
    const r = runVex(`enum E { ${vs}, Data(i32) }
fn main() {
    let e = E.V${n - 1};
    let d = E.Data(4);
    match e { E.V0 => println("first"), E.V${n - 1} => println("last"), _ => println("other") }
    match d { E.Data(x) => println("{}", x), _ => println("other") }
}
`);
    expect(r.stdout).toBe('last\n4\n');
  });

  // A struct this long reads its fields through sema/field-named.ts's index (compile time is
  // measured in bench/scaling.ts: each lookup once searched the whole list).
  it('a struct of 3,000 fields: its literal and every field read give the right values', () => {
    const n = 3_000;
    const decl = Array.from({ length: n }, (_, i) => `g${i}: i64`).join(', ');
    const lit = Array.from({ length: n }, (_, i) => `g${n - 1 - i}: ${n - 1 - i}`).join(', ');
    const reads = Array.from({ length: n }, (_, i) => `    t += s.g${i} * ${i % 3};\n`).join('');
    const r = runVex(`struct S { ${decl} }
fn main() {
    let s = S { ${lit} };
    let! t: i64 = 0;
${reads}    println("{} {}", t, s.g${n >> 1});
}
`);
    let t = 0;
    for (let i = 0; i < n; i++) t += i * (i % 3);
    expect(r.stdout).toBe(`${t} ${n >> 1}\n`);
  });

  // Its class takes one array of fields past WIDE_STRUCT (context.ts newStruct): a parameter each
  // overflowed the host stack at the literal and the clone glue's `new`
  it('a struct of 50,000 fields: made, cloned, compared; a clone failing midway drops what it made', { timeout: 30_000 }, () => {
    const n = 50_000;
    const ty = (i: number) => (i % 10_000 === 0 ? 'Item' : i % 1000 === 0 ? 'String' : 'i64');
    const val = (i: number) => (i % 10_000 === 0 ? `Item { v: ${i} }` : i % 1000 === 0 ? `"s${i}"` : `${i}`);
    const decl = Array.from({ length: n }, (_, i) => `    g${i}: ${ty(i)},\n`).join('');
    const lit = Array.from({ length: n }, (_, i) => `g${i}: ${val(i)}`).join(', ');
    const r = runVex(`struct Item impl Clone, Drop {
    v: i64,
    fn clone(): Item { if self.v == 30000 { panic(f"no clone of {self.v}"); } return Item { v: self.v + 1 }; }
    fn drop()! { println("drop {}", self.v); }
}
struct Big impl Clone {
${decl}}
fn main() {
    let b = Big { ${lit} };
    println("{} {} {}", b.g1, b.g${n - 1}, b.g${n - 1000});
    let r = catch_panic(|| { let c = b.clone(); c.g1 });
    println("{}", r.unwrap_err());
}
`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`1 ${n - 1} s${n - 1000}\ndrop 1\ndrop 10001\ndrop 20001\nno clone of 30000\ndrop 0\ndrop 10000\ndrop 20000\ndrop 30000\ndrop 40000\n`);
  });
});

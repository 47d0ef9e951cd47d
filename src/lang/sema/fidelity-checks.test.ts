// Compile-time rules of the runtime features: TLS constant initializers (§6.5), go_with_stack's
// closure (§6.14), C variadic arguments (§6.9).
import { describe, it, expect } from 'vitest';
import { checkSource } from './check';

const errors = (src: string) => checkSource('t.vx', src).diagnostics.filter((d) => d.severity === 'error');
const codes = (src: string) => errors(src).map((d) => d.code);

describe('thread_local initializers (§6.5)', () => {
  it('accepts literals, constants, operators, casts, aggregates, variants and empty collections', () => {
    const src = 'const K: i32 = 3;\nstruct P { x: i32 }\nenum E { A, B(i32) }\n' +
      'thread_local let! a: i32 = K * 2 + 1;\nthread_local let! b: [i32; 2] = [K, -1];\nthread_local let! c: [u8; 8] = [0; 8];\n' +
      'thread_local let! p: P = P { x: K };\nthread_local let! e: E = E.B(K);\nthread_local let! f: E = E.A;\n' +
      'thread_local let! o: Option<i32> = Some(1);\nthread_local let! v: Vec<i32> = Vec<i32>();\nthread_local let! d: f64 = K as f64 / 2.0;\n' +
      'fn main() {}';
    expect(errors(src)).toEqual([]);
  });
  it('rejects calls, method calls and other thread-locals with E0123 on the offending part', () => {
    const call = errors('fn f(): i32 { return 1; }\nthread_local let! a: i32 = 1 + f();\nfn main() {}');
    expect(call.map((d) => d.code)).toEqual(['E0123']);
    expect(call[0].message).toBe('initializer of thread-local `a` is not a constant expression');
    expect(call[0].span.col).toBe(32); // `f()`, not the whole `1 + f()`
    expect(codes('thread_local let! a: i64 = "ab".len();\nfn main() {}')).toEqual(['E0123']);
    expect(codes('thread_local let! a: i32 = 1;\nthread_local let! b: i32 = a;\nfn main() {}')).toEqual(['E0123']);
    expect(codes('thread_local let! a: Option<i32> = Some(g());\nfn g(): i32 { return 2; }\nfn main() {}')).toEqual(['E0123']);
  });
});

describe('go_with_stack (§6.14)', () => {
  it('rejects an entry function that takes parameters, typed or not, closure or named fn', () => {
    for (const f of ['|n: i32| { println("{}", n); }', '|a, b| {}', 'w']) {
      const es = errors(`fn w(x: i32) {}\nfn main() { go_with_stack(16384, ${f}); }`);
      const e = es.find((d) => d.code === 'E0103');
      expect(e?.message, f).toContain('`go_with_stack` expects a function with no parameters');
    }
  });
  it('accepts a capturing closure and a named fn()', () => {
    expect(errors('fn w() {}\nfn main() { let n = 1; go_with_stack(16384, || println("{}", n)); go_with_stack(4096, w); }')).toEqual([]);
  });
});

describe('C variadic arguments (§6.9)', () => {
  const PF = 'extern "C" { fn printf(fmt: *u8, ...): i32; }\nstruct P { x: i32 }\n';
  it('rejects structs, by-value arrays, closures, fns, String and Vec with E0138 and no format warning', () => {
    const cases: [string, string][] = [
      ['let p = P { x: 1 }; printf("%d", p);', '`P`'],
      ['let a = [1, 2]; printf("%d", a);', '`[i32; 2]`'],
      ['let f = || 1; printf("%p", f);', '`fn(): i32`'],
      ['printf("%p", main);', '`fn()`'],
      ['let s = String.from("a"); printf("%s", s);', '`String`'],
      ['let v = Vec<i32>(); printf("%d", v);', '`Vec<i32>`'],
    ];
    for (const [body, ty] of cases) {
      const ds = checkSource('t.vx', PF + `fn main() { ${body} }`).diagnostics;
      expect(ds.map((d) => d.code), body).toEqual(['E0138']);
      expect(ds[0].message, body).toContain(`variadic argument 2 has type ${ty}`);
      expect(ds[0].notes.some((n) => n.startsWith('help:')), body).toBe(true);
    }
  });
  it('accepts promoted scalars, raw pointers and str', () => {
    const src = PF + 'fn main() { let c: u8 = 1; let h: i16 = 2; let f: f32 = 1.0; let x = 3; let p = &x as *i32; printf("%d %d %f %d %p %s %d", c, h, f, true, p, "s", x); }';
    expect(codes(src)).toEqual([]);
  });
});

describe('&[T; N] and &[T; N]! (references to arrays)', () => {
  it('parse as parameter and variable types and check like references', () => {
    const src = 'fn s(xs: &[i32; 3]): i32 { return xs[0] + xs.len() as i32; }\nfn z(xs: &[i32; 3]!) { xs[1] = 0; }\n' +
      'fn main() { let! a = [1, 2, 3]; let r: &[i32; 3] = &a; let! g: [[u8; 2]; 2] = [[0; 2]; 2]; let w: &[[u8; 2]; 2]! = &g!; s(r); z(&a!); }';
    expect(errors(src).map((d) => d.message)).toEqual([]);
  });
  it('a length mismatch and a write through &[T; N] are errors naming the types', () => {
    expect(errors('fn s(xs: &[i32; 4]) {}\nfn main() { let a = [1, 2, 3]; s(&a); }')[0].message).toContain('`&[i32; 4]`');
    expect(codes('fn z(xs: &[i32; 2]) { xs[0] = 1; }\nfn main() {}')).toEqual(['E0110']);
  });
});

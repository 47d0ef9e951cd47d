// FFI type safety: declarations, argument counts and types, callbacks, variadics, printf formats.
import { describe, it, expect } from 'vitest';
import { checkSource } from './check';
import type * as ast from '../syntax/ast';
import { typeName } from './types';
import { callTarget, useTables } from './tables';

const diags = (src: string) => checkSource('t.vx', src).diagnostics;
const errors = (src: string) => diags(src).filter((d) => d.severity === 'error').map((d) => d.message);
const LIBC = 'extern "C" { fn printf(fmt: *u8, ...): i32; fn abs(n: i32): i32; fn puts(s: *const u8): i32; }\n';

describe('FFI checks', () => {
  it('argument count names the function; variadics need at least the fixed ones', () => {
    expect(errors(LIBC + 'fn main() { abs(1, 2); }')[0]).toContain('`abs` takes 1 argument but 2 were supplied');
    expect(errors(LIBC + 'fn main() { printf(); }')[0]).toContain('`printf` takes at least 1 argument');
    expect(errors(LIBC + 'fn main() { printf("x"); printf("%d %d\\n", 1, 2); }')).toEqual([]);
  });
  it('argument type messages use the declaration spelling', () => {
    expect(errors(LIBC + 'fn main() { let k: i32 = 7; puts(&k); }')).toEqual(['puts arg 1: expected *const u8, found &i32']);
    expect(errors(LIBC + 'fn main() { let f = 1.5; abs(f); }')).toEqual(['abs arg 1: expected i32, found f64']);
  });
  it('allowed implicit conversions: int literal, str -> *u8, &T -> *T, widening, *T! -> *T', () => {
    const src = 'extern "C" { fn f(a: i64, b: *u8, c: *i32, d: i64, e: *u8); }\n' +
      'fn main() { let x: i32 = 1; let n: i16 = 2; let p = alloc(4); f(5, "s", &x, n, p); }';
    expect(errors(src)).toEqual([]);
  });
  it('sign changes and narrowing are not implicit', () => {
    expect(errors('extern "C" { fn f(a: u32); }\nfn main() { let x: i32 = 1; f(x); }')).toEqual(['f arg 1: expected u32, found i32']);
  });
  it('FFI-unsafe declarations name the type', () => {
    for (const t of ['String', 'Vec<i32>', 'Option<i32>', '(i32, i32)', 'i128', 'str']) {
      const es = errors(`extern "C" { fn g(x: ${t}); }\nfn main() {}`);
      expect(es.length, t).toBe(1);
      expect(es[0]).toContain('`' + t + '`');
    }
    expect(errors('extern "C" fn cb(s: String): i32 { return 0; }\nfn main() {}')[0]).toContain('`String`');
    expect(errors('struct P { x: i32, y: f64 }\nextern "C" { fn h(p: *P, q: P): bool; }\nfn main() {}')).toEqual([]);
  });
  it('callbacks must be extern "C" fns with a matching signature', () => {
    const decl = 'extern "C" { fn qsort(b: *u8!, n: usize, s: usize, cmp: fn(*u8, *u8): i32); }\n';
    const call = 'fn main() { let! xs = [1, 2]; qsort(&xs! as *u8!, 2, 4, CB); }';
    expect(errors(decl + 'fn c(a: *u8, b: *u8): i32 { return 0; }\n' + call.replace('CB', 'c'))).toEqual(['callback passed to C must be declared extern "C"']);
    expect(errors(decl + call.replace('CB', '|a: *u8, b: *u8| 0'))).toEqual(['callback passed to C must be declared extern "C"']);
    expect(errors(decl + 'extern "C" fn c(a: *u8): i32 { return 0; }\n' + call.replace('CB', 'c'))[0]).toContain('callback has signature');
    expect(errors(decl + 'extern "C" fn c(a: *u8, b: *u8): i32 { return 0; }\n' + call.replace('CB', 'c'))).toEqual([]);
  });
  it('variadic arguments are promoted like C and recorded in the call target', () => {
    const r = checkSource('t.vx', LIBC + 'fn main() { let c: u8 = 86; let r: f32 = 0.5; printf("%c %f %d %s\\n", c, r, true, "x"); }');
    if (r.program) useTables(r.program.tables);
    expect(r.diagnostics).toEqual([]);
    const main = r.program!.main!.decl!.body!;
    const call = (main.stmts[2] as { expr: ast.ExprOf<'call'> }).expr;
    expect(callTarget(call)!.k).toBe('extern');
    const vt = (callTarget(call) as { varargTypes: import('./types').Type[] }).varargTypes.map(typeName);
    expect(vt).toEqual(['i32', 'f64', 'i32', '*u8']);
  });
  it('non-FFI-safe variadic arguments are errors', () => {
    expect(errors(LIBC + 'fn main() { let s = String.from("x"); printf("%s", s); }')[0]).toContain('not FFI-safe');
  });
  it('literal printf formats are checked like -Wformat (warnings)', () => {
    const ds = diags(LIBC + 'fn main() { let big: i64 = 1; printf("%d %s\\n", big, 3); }');
    expect(ds.map((d) => `${d.severity} ${d.code}`)).toEqual(['warning W0101', 'warning W0101']);
    expect(ds[0].message).toContain('`%d` expects `int`');
    expect(diags(LIBC + 'fn main() { let big: i64 = 1; printf("%ld %x %%\\n", big, 255); }')).toEqual([]);
  });
  it('union rules: exactly one field in a literal, reads need unsafe, no Drop, FFI-safe fields', () => {
    const U = 'union U { a: u32, b: f32 }\n';
    expect(errors(U + 'fn main() { let u = U { a: 1, b: 2.0 }; }')[0]).toContain('exactly one field');
    expect(errors(U + 'fn main() { let u = U { a: 1 }; println("{}", u.b); }')[0]).toContain('unsafe');
    expect(errors(U + 'fn main() { let! u = U { a: 1 }; u.b = 2.0; unsafe { println("{}", u.a); } }')).toEqual([]);
    expect(errors('union V { s: String, a: i32 }\nfn main() {}')[0]).toContain('`String`');
  });
});

describe('dynamic library symbols', () => {
  it('symbol<F> needs an FFI-safe function type', () => {
    const pre = 'fn main() { let m = DynamicLib.open("libm.so.6").unwrap(); ';
    expect(errors(pre + 'let a = m.symbol<i32>("x"); }')[0]).toContain('needs a function type');
    expect(errors(pre + 'let b = m.symbol<fn(String): i32>("y"); }')[0]).toContain('`String` is not FFI-safe');
    expect(errors(pre + 'let c = m.symbol<fn(f64): f64>("cbrt").unwrap(); let x: f64 = c(8.0); }')).toEqual([]);
  });
});

// Values in simulated memory seen through raw pointers (§6.1, §6.11): checked views of C structs
// and unions, copies out of memory, and the `&T` -> `*T` address of a C argument.
import { describe, it, expect } from 'vitest';
import { runVex } from '../../lang/codegen/run-helpers.test-util';

const P = '#[repr(C)]\nstruct P { a: u8, b: i32, c: u16 : 3, d: u16 : 5 }\n';

describe('structs and unions behind raw pointers', () => {
  it('a field write through *S lands at its C offset; bitfields keep their neighbours', () => {
    const r = runVex(P + `fn main() {
    let! s = P { a: 1, b: 2, c: 3, d: 4 };
    let p = &s! as *P!;
    let bytes = &s as *u8;
    unsafe { p.b = 0x01020304; (*p).d = 31; println("{} {} {} {} {}", *bytes.offset(4), *bytes.offset(7), s.c, s.d, p.a); }
}`);
    expect(r.stdout).toBe('4 1 3 31 1\n');
  });
  it('`*p` as a value is a copy; `*p = v` replaces all the bytes', () => {
    const r = runVex(P + `fn main() {
    let! s = P { a: 1, b: 2, c: 3, d: 4 };
    let p = &s! as *P!;
    unsafe { let c = *p; p.b = 9; *p = P { a: 5, b: 6, c: 7, d: 8 }; println("{} {} {} {}", c.b, s.a, s.b, s.d); }
}`);
    expect(r.stdout).toBe('2 5 6 8\n');
  });
  it('a view of freed memory faults at the access, not later', () => {
    const r = runVex(P + 'fn main() {\n    let p = alloc(sizeof<P>()) as *P!;\n    free(p as *u8);\n    unsafe { p.b = 1; }\n}');
    expect(r.exitCode).toBe(134);
    expect(r.stderr).toMatch(/use-after-free/);
  });
  it('a union keeps its initial bytes when its address is taken', () => {
    const r = runVex('union U { f: f64, u: u64 }\nfn main() {\n    let! x = U { f: 2.0 };\n    let p = &x as *U;\n    unsafe { println("{:x} {:x}", x.u, p.u); }\n}');
    expect(r.stdout).toBe('4000000000000000 4000000000000000\n');
  });
  it('&T! held in a parameter reaches C as the referent, and C writes come back', () => {
    const r = runVex('extern "C" { fn memset(d: *u8!, c: i32, n: usize): *u8!; }\nfn zap(b: &[u8; 4]!) { memset(b, 7, 3); }\nfn main() {\n    let! a: [u8; 4] = [1, 1, 1, 1];\n    zap(&a!);\n    println("{:?}", a);\n}');
    expect(r.stdout).toBe('[7, 7, 7, 1]\n');
  });
});

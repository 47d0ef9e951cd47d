// Issue 14.7's smaller wrong results: each case compares with what the reference pins down.
import { describe, it, expect } from 'vitest';
import { compile } from '../compile';
import { runVex } from './run-helpers.test-util';

describe('smaller wrong results (issue 14.7)', () => {
  it('constant evaluation masks shift counts exactly as run time does', () => {
    const types = ['i8', 'u8', 'i16', 'u16', 'i32', 'u32', 'i64', 'u64'];
    for (const t of types) {
      for (const n of [0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100]) {
        const r = runVex(`const A: ${t} = 3 << ${n};
const B: ${t} = 96 >> ${n};
fn main() {
    let! x: ${t} = 3;
    let! y: ${t} = 96;
    let! k = ${n};
    println("{} {}", A, B);
    println("{} {}", x << k, y >> k);
}
`);
        const [c, rt] = r.stdout.trimEnd().split('\n');
        expect(c, `${t} ${n}`).toBe(rt);
      }
    }
  });

  it('64- and 128-bit bitfields are written and read exactly', () => {
    const r = runVex(`#[repr(C)]
struct B { a: u64 : 40, c: i64 : 33, d: u128 : 70 }
fn main() {
    let! x = B { a: 0, c: 0, d: 0 };
    x.a = 1099511627776;
    x.c = -3;
    x.d = 1180591620717411303423;
    println("{} {} {}", x.a, x.c, x.d);
}
`);
    expect(r.stdout).toBe('0 -3 1180591620717411303423\n');
  });

  it('a str byte slice that cuts a UTF-8 sequence keeps its exact byte length', () => {
    const r = runVex(`fn main() {
    let s = "aé€😀";
    for i in 0..s.len() { print("{} ", s[0..i].len()); }
    println("{}", s[1..3]);
}
`);
    expect(r.stdout).toBe('0 1 2 3 4 5 6 7 8 9 é\n');
  });

  it('a pointer to a local of a block that ended is dangling', () => {
    const r = runVex(`fn main() {
    let! p: *i32 = 0 as *i32;
    { let! x = 5; p = &x as *i32; }
    unsafe { println("{}", *p); }
}
`);
    expect(r.exitCode).toBe(134);
    expect(r.stderr).toContain('use of a dead stack slot');
  });

  it('a Vex allocator returning null, a misaligned or a wild pointer is not accepted', () => {
    const prog = (ret: string) => `struct Bad impl Allocator {
    n: i32,
    fn allocate(size: usize, align: usize)!: *u8! { ${ret} }
    fn deallocate(ptr: *u8!, size: usize, align: usize)! { }
}
fn main() {
    let! b = Bad { n: 0 };
    set_allocator(&b!);
    let! v = Vec<i32>.new();
    v.push(1);
    reset_allocator();
    println("reached");
}
`;
    const cases: [string, string][] = [
      ['return 0 as *u8!;', 'memory allocation of 16 bytes failed'],
      ['return (sys_alloc(32, 16) as usize + 2) as *u8!;', 'misaligned'],
      ['return 16777216 as *u8!;', 'not 16 bytes of live writable memory'],
      ['let p = sys_alloc(4, 4); return p;', 'not 16 bytes of live writable memory'],
    ];
    for (const [ret, msg] of cases) {
      const r = runVex(prog(ret));
      expect(r.stdout, ret).toBe('');
      expect(r.exitCode, ret).toBe(134);
      expect(r.stderr, ret).toContain(msg);
    }
    expect(runVex(prog('return sys_alloc(size, align);')).stdout).toBe('reached\n');
  });

  it('taking the address of a tuple, a Vec or a function is a compile error', () => {
    for (const [decl, ty] of [['let! t = (1, 2);', '(i32, i32)'], ['let! t = Vec<i32>.new();', 'Vec<i32>'], ['let t = main;', 'fn()']]) {
      const c = compile([{ name: 'a.vx', text: `fn main() {\n    ${decl}\n    let p = &t as *u8;\n}\n` }]);
      expect(c.program).toBeNull();
      expect(c.diagnostics.map((d) => d.message)).toContain(`cannot take the address of a value of type \`${ty}\` as a raw pointer`);
    }
  });
});

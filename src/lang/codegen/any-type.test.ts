// The `any` type (chapter 2 §7.5): boxing keeps the value's type, `{}`/`{:?}` print the content,
// `as T` takes it back or panics naming both types, and the box drops what it owns exactly once.
import { describe, it, expect } from 'vitest';
import { runVex } from './run-helpers.test-util';
import { checkSource } from '../sema/check';
import { typeAt } from '../sema/query';

const errors = (src: string) => checkSource('t.vx', src).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);
const D = 'struct D impl Drop { id: i32, fn drop()! { println("drop {}", self.id); } }\n';

describe('any', () => {
  it('prints like its content, with {:?} as the content would', () => {
    const r = runVex('fn show(v: any) { println("{} {:?}", v, v); }\nfn main() { show(7); show(2.5); show("s"); show(true); show(String.from("o")); show(Some(3)); }');
    expect(r.stdout).toBe('7 i32(7)\n2.5 2.5\ns s\ntrue true\no "o"\nSome(3) Some(3)\n');
  });
  it('as T gives the content back; a wrong T panics naming both types', () => {
    const ok = runVex('fn main() { let a: any = 40; let n = a as i32; let m = a as i32; println("{}", n + m); let s: any = "x"; println("{}", s as string); }');
    expect(ok.stdout).toBe('80\nx\n');
    const bad = runVex('fn main() { let a: any = 2.5; let n = a as i32; println("{}", n); }');
    expect(bad.stderr).toContain('any holds f64, not i32');
    expect(bad.stdout).toBe('');
  });
  it('a box drops its content once: when dropped, not when moved out with as', () => {
    const r = runVex(D + 'fn main() {\n let a: any = D { id: 1 };\n let d = a as D;\n println("took {}", d.id);\n let! v = Vec<any>();\n v.push(D { id: 2 });\n v.push(5);\n println("end");\n}');
    expect(r.stdout).toBe('took 1\nend\ndrop 2\ndrop 1\n');
  });
  it('heap content is freed: nothing is live at exit', () => {
    // (not through `...any`: trailing variadic arguments that own heap blocks are never freed, for
    // `...String` too — a variadic-slice bug outside `any`)
    const r = runVex('fn keep(v: any) { println("{}", v); }\nfn main() { keep(String.from("a")); let! v = Vec<any>(); v.push(String.from("b")); let a: any = String.from("c"); let s = a as String; let r: any = &s; println("{} {}", s, r); }');
    expect(r.stdout).toBe('a\nc c\n');
    expect(r.stats.liveBytes).toBe(0);
    expect(r.stats.allocs).toBe(r.stats.frees);
  });
  it('a boxed reference stays a reference: as &T aliases the place, as T panics', () => {
    const r = runVex('struct P { x: i32 }\nfn bump(a: any) { let r = a as &i32!; *r += 1; }\nfn main() { let! n = 1; bump(&n!); bump(&n!); let! p = P { x: 1 }; let a: any = &p!; let q = a as &P!; q.x = 7; let s = a as &P; let d: any = &n; println("{} {} {} {}", n, s.x, a, d); let v = d as i32; println("{}", v); }');
    expect(r.stdout).toBe('3 7 P { x: 7 } 3\n');
    expect(r.stderr).toContain('any holds &i32, not i32');
  });
  it('nothing else applies to an any: operators, methods, comparison and clone are errors; it moves', () => {
    const m = (body: string) => `fn main() { let a: any = 1; ${body} }`;
    expect(errors(m('let b = a + 1;'))).toEqual(['E0125 cannot apply `+` to `any` and `i32`']);
    expect(errors(m('let b = a == 1;'))).toEqual(['E0125 cannot compare `any` with `i32`']);
    expect(errors(m('let b = a.len();'))).toEqual(['E0108 no method named `len` found for type `any`']);
    expect(errors(m('let b = a.clone();'))).toEqual(['E0168 the type `any` cannot be cloned']);
    expect(errors(m('let b = a; let c = a;'))[0]).toMatch(/^E0113 use of moved value: `a`/);
    expect(errors(m('let b = a as nil;'))).toEqual(['E0126 cannot cast `any` as `nil`']);
  });
  it('hover names the types any and f16', () => {
    const src = 'fn main() { let a: any = 1; let h: f16 = 0.5; let w = h + 1.0; }';
    expect(typeAt('t.vx', src, src.indexOf('a: any'))).toBe('let a: any');
    expect(typeAt('t.vx', src, src.indexOf('h: f16'))).toBe('let h: f16');
    expect(typeAt('t.vx', src, src.indexOf('w ='))).toBe('let w: f16');
  });
});

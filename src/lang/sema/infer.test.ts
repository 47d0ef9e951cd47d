// Literal typing (§4.1) and implicit conversions (§4.2), observed through typeof and annotations.
import { describe, it, expect } from 'vitest';
import { checkSource } from './check';
import { typeofs } from './typeof.test-util';
import type * as ast from '../syntax/ast';
import { typeName } from './types';
import { exprInfo, useTables } from './tables';


describe('literal typing', () => {
  it('unsuffixed integers are i32, then i64, then i128; floats f64; strings str', () => {
    expect(typeofs('println("{} {} {} {} {}", typeof(5), typeof(3000000000), typeof(10000000000000000000), typeof(2.0), typeof("s"));'))
      .toEqual(['i32', 'i64', 'i128', 'f64', 'str']);
  });
  it('suffixes win; annotations, parameters and the other operand target-type literals', () => {
    expect(typeofs('let a: u8 = 200; let b = a + 1; let c = 60i64; println("{} {} {}", typeof(b), typeof(c), typeof(take(7)));', 'fn take(x: u16): u16 { return x; }'))
      .toEqual(['u8', 'i64', 'u16']);
  });
  it('`as` does not target-type its operand: 300 as u8 is the i32 300 cast', () => {
    const r = checkSource('t.vx', 'fn main() { let x = 300 as u8; }');
    if (r.program) useTables(r.program.tables);
    expect(r.diagnostics).toEqual([]);
    const init = (r.program!.main!.decl!.body!.stmts[0] as Extract<ast.Stmt, { kind: 'let' }>).init as ast.ExprOf<'cast'>;
    expect(typeName(exprInfo(init.expr)!.type)).toBe('i32');
    expect(typeName(exprInfo(init)!.type)).toBe('u8');
  });
  it('a literal out of range for its target is an error; -128 fits i8', () => {
    const codes = (src: string) => checkSource('t.vx', `fn main() { ${src} }`).diagnostics.map((d) => d.code);
    expect(codes('let b: i8 = 300;')).toEqual(['E0104']);
    expect(codes('let b: i8 = -128;')).toEqual([]);
    expect(codes('let b: i8 = -129;')).toEqual(['E0104']);
    expect(codes('let u: u64 = 18446744073709551615;')).toEqual([]);
  });
  it('string spellings: str literal, string annotation; typeof shows the spelling', () => {
    expect(typeofs('let s: string = "x"; let t = s; println("{} {}", typeof(s), typeof(t));')).toEqual(['string', 'string']);
  });
  it('compound types in source form', () => {
    expect(typeofs('let v = Vec<i32>.new(); let a = [1, 2]; let t = (1, true); let m = {"k": 1}; println("{} {} {} {}", typeof(v), typeof(a), typeof(t), typeof(m));'))
      .toEqual(['Vec<i32>', '[i32; 2]', '(i32, bool)', 'Map<str, i32>']);
  });
});

describe('widening', () => {
  it('same-signedness widening is implicit and recorded in info.coerce', () => {
    const r = checkSource('t.vx', 'fn main() { let small: i16 = 1000; let wide: i64 = small; let mixed = small + wide; }');
    if (r.program) useTables(r.program.tables);
    expect(r.diagnostics).toEqual([]);
    const st = r.program!.main!.decl!.body!.stmts as Extract<ast.Stmt, { kind: 'let' }>[];
    expect(typeName(exprInfo(st[1].init)!.coerce!)).toBe('i64');
    const sum = st[2].init as ast.ExprOf<'binary'>;
    expect(typeName(exprInfo(sum)!.type)).toBe('i64');
    expect(typeName(exprInfo(sum.left)!.coerce!)).toBe('i64');
    expect(exprInfo(sum.right)!.coerce).toBeUndefined();
  });
  it('sign changes, narrowing and int<->float need `as`', () => {
    const codes = (src: string) => checkSource('t.vx', `fn main() { ${src} }`).diagnostics.map((d) => d.code);
    expect(codes('let a: i32 = 1; let b: u32 = a;')).toEqual(['E0103']);
    expect(codes('let a: i64 = 1; let b: i32 = a;')).toEqual(['E0103']);
    expect(codes('let a: i32 = 1; let b: f64 = a;')).toEqual(['E0103']);
    expect(codes('let a: i32 = 1; let b: f64 = a as f64;')).toEqual([]);
    expect(codes('let a: f32 = 1.5; let b: f64 = a;')).toEqual([]);
    expect(codes('let a: i32 = 1; let b: u32 = 2; let c = a + b;')).toEqual(['E0125']);
  });
  it('&T! converts to &T and *T! to *T', () => {
    const src = 'fn r(p: &i32): i32 { return *p; }\nfn main() { let! x = 1; let m = &x!; r(m); let p = alloc(4); free(p); }';
    expect(checkSource('t.vx', src).diagnostics).toEqual([]);
  });
});

describe('auto-deref in operators', () => {
  it('scalar references read through in arithmetic and comparisons (coerce to the referent)', () => {
    const r = checkSource('t.vx', 'fn big(x: &i32): bool { return x > 5; }\nfn main() { let k = 7; println("{}", big(&k)); }');
    if (r.program) useTables(r.program.tables);
    expect(r.diagnostics).toEqual([]);
    const ret = (r.program!.fns.find((f) => f.name === 'big')!.decl!.body!.stmts[0] as Extract<ast.Stmt, { kind: 'return' }>).value as ast.ExprOf<'binary'>;
    expect(typeName(exprInfo(ret.left)!.coerce!)).toBe('i32');
  });
});

describe('byte counts', () => {
  it('alloc/realloc/sys_alloc/Duration/ArenaAllocator accept any integer, converted to u64', () => {
    const r = checkSource('t.vx', 'fn main() { let n = 16; let p = alloc(n); let q = realloc(p, n * 2); free(q); let d = Duration.from_millis(n); let a = ArenaAllocator.new(n); }');
    if (r.program) useTables(r.program.tables);
    expect(r.diagnostics).toEqual([]);
    const st = r.program!.main!.decl!.body!.stmts as Extract<ast.Stmt, { kind: 'let' }>[];
    const call = st[1].init as ast.ExprOf<'call'>;
    expect(typeName(exprInfo(call.args[0])!.type)).toBe('i32');
    expect(typeName(exprInfo(call.args[0])!.coerce!)).toBe('u64');
    expect(checkSource('t.vx', 'fn main() { let p = alloc(1.5); }').diagnostics.map((d) => d.code)).toEqual(['E0103']);
  });
});

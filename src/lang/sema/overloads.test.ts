// Overload sets (chapter 2 §7.2): which member a call picks, and the diagnostics when none or
// several fit; the editor's hover and signature help follow the member picked.
import { describe, it, expect } from 'vitest';
import { checkSource } from './check';
import { typeAt, completionsAt } from './query';
import { signatureAt } from './signature';

const diags = (src: string) => checkSource('t.vx', src).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);
const main = (body: string, items = '') => `${items}\nfn main() {\n${body}\n}\n`;
const ABS = 'fn abs(x: i8): i8 { return x; }\nfn abs(x: i16): i16 { return x; }\n';
/** The member a call picked, by the checker's annotation of the call's callee. */
function picked(src: string, needle: string): string {
  const off = src.indexOf(needle);
  return typeAt('t.vx', src, off) ?? '';
}

describe('overload resolution', () => {
  it('the argument type picks the member; an exact type beats a conversion', () => {
    const items = 'fn f(x: i64): str { return "i64"; }\nfn f(x: i32): str { return "i32"; }\nfn f(x: f64): str { return "f64"; }\n';
    const src = main('let a: i64 = 1;\nlet c = f(a);\nlet e = f(2.5);\nlet g = f(3);', items);
    expect(diags(src)).toEqual([]);
    expect(picked(src, 'f(a)')).toBe('fn f(x: i64): str');
    // an i16 widens to both integer members at the same cost: ambiguous
    expect(diags(main('let b: i16 = 2;\nlet d = f(b);', items))).toEqual(['E0185 ambiguous call to `f`: f(i64), f(i32) both match']);
    expect(picked(src, 'f(2.5)')).toBe('fn f(x: f64): str');
    expect(picked(src, 'f(3)')).toBe('fn f(x: i32): str'); // a literal at its default type costs nothing
  });
  it('the expected type decides between literal-typed members, exactly fitting results first', () => {
    const src = main('let a: i8 = abs(5);\nlet b: i16 = abs(5);\nlet c: i16 = abs(500);', ABS);
    expect(diags(src)).toEqual([]);
    expect(picked(src, 'abs(5);\nlet b') ).toBe('fn abs(x: i8): i8');
    expect(picked(src, 'abs(5);\nlet c')).toBe('fn abs(x: i16): i16');
  });
  it('a literal out of range for a member rules that member out', () => {
    expect(diags(main('let c = abs(500);', ABS))).toEqual([]);
    expect(picked(main('let c = abs(500);', ABS), 'abs(500)')).toBe('fn abs(x: i16): i16');
  });
  it('arity and defaults pick too; a non-generic member wins a tie with the generic one', () => {
    const src = main('let a = g(1);\nlet b = g(1, 2);\nlet c = g("s");', 'fn g(x: i32): i32 { return x; }\nfn g(x: i32, y: i32): i32 { return x + y; }\nfn g<T>(x: T): str { return "T"; }\n');
    expect(diags(src)).toEqual([]);
    expect(picked(src, 'g(1);')).toBe('fn g(x: i32): i32');
    expect(picked(src, 'g(1, 2)')).toBe('fn g(x: i32, y: i32): i32');
    expect(picked(src, 'g("s")')).toBe('fn g<T>(x: T): str');
  });
  it('a tie is E0185 naming both members; no member is E0103 listing them', () => {
    expect(diags(main('println("{}", abs(5));', ABS))).toEqual(['E0185 ambiguous call to `abs`: abs(i8), abs(i16) both match']);
    expect(diags(main('let s = abs("x");', ABS))).toEqual(['E0103 mismatched types: no overload of `abs` takes (str)']);
    const d = checkSource('t.vx', main('let s = abs(true);', ABS)).diagnostics[0];
    expect(d.notes[0]).toBe('note: the overloads are abs(i8): i8, abs(i16): i16');
  });
  it('the same parameter types twice is E0102, for functions, methods and static methods alike', () => {
    expect(diags(main('', 'fn f(a: i32) {}\nfn f(b: i32): i32 { return b; }\n'))).toEqual(['E0102 the name `f` is defined more than once']);
    expect(diags(main('', 'struct P { x: i32 }\nfn (p: &P) m(a: i32) {}\nfn (p: &P) m(a: i32) {}\n'))).toEqual(['E0102 `P.m` is defined more than once']);
    expect(diags(main('', 'struct P { x: i32 }\nfn P.mk(a: i32): P { return P { x: a }; }\nfn P.mk(a: i32): P { return P { x: a }; }\n'))).toEqual(['E0102 `P.mk` is defined more than once']);
    expect(diags(main('', 'fn h<T>(a: T) {}\nfn h<U>(a: U, b: i32) {}\n'))).toEqual(['E0102 the name `h` is defined more than once']);
    expect(diags(main('', 'fn main() {}'))).toEqual(['E0102 the name `main` is defined more than once']);
  });
  it('methods and static methods: each call picks its own member', () => {
    const items = 'struct C { v: i32 }\nfn (c: &C) add(x: i32): i32 { return c.v + x; }\nfn (c: &C) add(x: str): i32 { return c.v; }\nfn C.of(x: i32): C { return C { v: x }; }\nfn C.of(x: bool): C { return C { v: 0 }; }\n';
    const src = main('let c = C.of(true);\nlet d = C.of(2);\nlet x = c.add(1) + d.add("a");', items);
    expect(diags(src)).toEqual([]);
    expect(picked(src, 'add("a")')).toBe('fn add(x: str): i32');
    expect(picked(src, 'add(1)')).toBe('fn add(x: i32): i32');
  });
  it('a function value needs a function type to pick a member', () => {
    const items = 'fn neg(x: i32): i32 { return 0 - x; }\nfn neg(x: f64): f64 { return 0.0 - x; }\n';
    expect(diags(main('let f: fn(f64): f64 = neg;\nprintln("{}", f(1.5));', items))).toEqual([]);
    expect(diags(main('let f = neg;', items))).toEqual(['E0185 ambiguous use of `neg` as a value: neg(i32), neg(f64) both match']);
  });
  it('a contract method is matched by the member of its arity (`op-` unary and binary)', () => {
    const items = 'struct V impl Neg, Sub { x: i32 }\nfn (a: &V) op-(): V { return V { x: 0 - a.x }; }\nfn (a: &V) op-(b: V): V { return V { x: a.x - b.x }; }\n';
    expect(diags(main('let a = V { x: 1 };\nlet b = -a;\nlet c = a - V { x: 2 };\nprintln("{} {}", b.x, c.x);', items))).toEqual([]);
  });
  it('messages name a set once: method lists and spelling suggestions never show `f#1`', () => {
    const src = main('let c = C { v: 1 };\nc.nope();\nlet y = abd(1);', 'struct C { v: i32 }\nfn (c: &C) add(x: i32) {}\nfn (c: &C) add(x: str) {}\n' + ABS);
    const ds = checkSource('t.vx', src).diagnostics;
    expect(ds.map((d) => d.notes.join(' '))).toEqual(['note: methods of `C`: `add`', 'help: a name with a similar spelling exists: `abs`']);
  });
  it('an exported overload set is imported whole', async () => {
    const { compile } = await import('../compile');
    const r = compile([
      { name: 'main.vx', text: 'import { abs } from "./m";\nfn main() { let a: i8 = abs(-1); let b = abs(2.5); println("{} {}", a, b); }\n' },
      { name: 'm.vx', text: 'export fn abs(x: i8): i8 { if x < 0 { return 0 - x; } return x; }\nexport fn abs(x: f64): f64 { if x < 0.0 { return 0.0 - x; } return x; }\n' },
    ], { entry: 'main.vx' });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('overloaded contract methods', () => {
  const C = 'contract Scale {\n    fn scale(k: i32): i32;\n    fn scale(k: f64): f64;\n    fn scale<U>(k: U, tag: str): str;\n}\nstruct A impl Scale { n: i32 }\n'
    + 'fn (self: &A) scale(k: i32): i32 { return k; }\nfn (self: &A) scale(k: f64): f64 { return k; }\nfn (self: &A) scale<U>(k: U, tag: str): str { return tag; }\n';
  it('a call through a bound picks the member by the arguments, the generic one inferring its type parameter', () => {
    expect(diags(C + 'fn f<T: Scale>(t: &T): i32 { let x: f64 = t.scale(1.5); let s: str = t.scale(true, "b"); return t.scale(2); }\nfn main() { }\n')).toEqual([]);
    expect(diags(C + 'fn f<T: Scale>(t: &T): i32 { return t.scale(1.5); }\nfn main() { }\n')).toEqual(['E0103 mismatched types: expected `i32`, found `f64`']);
  });
  it('no member, a tie and a repeated member: E0103, E0185, E0102; a missing member warns', () => {
    expect(diags(C + 'fn f<T: Scale>(t: &T): i32 { return t.scale("x"); }\nfn main() { }\n')[0]).toMatch(/^E0103 mismatched types: no overload of `Scale.scale` takes \(str\)/);
    const tie = 'contract S { fn s(k: i16): i32; fn s(k: i64): i32; }\nfn f<T: S>(t: &T): i32 { return t.s(5); }\nfn main() { }\n';
    expect(diags(tie)).toEqual(['E0185 ambiguous call to `S.s`: s(i16), s(i64) both match']);
    expect(diags('contract S { fn s(k: i16): i32; fn s(j: i16): i32; }\nfn main() { }\n')).toEqual(['E0102 method `s` is declared more than once in contract `S` with the same parameter types']);
    const partial = checkSource('t.vx', 'contract S { fn s(k: i16): i32; fn s(k: str): i32; }\nstruct B impl S { n: i32 }\nfn (self: &B) s(k: i16): i32 { return 1; }\nfn main() { }\n').diagnostics;
    expect(partial.map((d) => d.code)).toEqual(['W0112']);
  });
});

describe('editor support', () => {
  const src = main('let r: i16 = abs(7);', ABS);
  it('signature help shows the member the call picked', () => {
    const off = src.indexOf('abs(7') + 4;
    expect(signatureAt('t.vx', src, off)?.label).toBe('fn abs(x: i16): i16');
  });
  it('while a call is unfinished (no member fits yet), signature help shows a member that can take it', () => {
    const items = 'fn area(r: f64): f64 { return r * r; }\nfn area(w: i32, h: i32): i32 { return w * h; }\n';
    const text = main('let a = area(3, ', items);
    expect(signatureAt('t.vx', text, text.indexOf('area(3, ') + 8)?.label).toBe('fn area(w: i32, h: i32): i32');
  });
  it('completion offers the name once, counting the further members', () => {
    const items = completionsAt('t.vx', src, src.indexOf('abs(7')).filter((c) => c.label === 'abs').map((c) => c.detail);
    expect(items).toEqual(['fn abs(x: i8): i8 (+1 overload)']);
    const m = main('let c = C { v: 1 };\nc.', 'struct C { v: i32 }\nfn (c: &C) add(x: i32) {}\nfn (c: &C) add(x: str) {}\nfn (c: &C) add(x: bool) {}\n');
    expect(completionsAt('t.vx', m, m.indexOf('c.\n') + 2).filter((c) => c.label === 'add').map((c) => c.detail)).toEqual(['fn add(x: i32) (+2 overloads)']);
  });
});

describe('default bodies of an overloaded contract method', () => {
  const C = 'contract Sc {\n    sc(k: i32): i32 { return k; }\n    sc(k: f64): f64 { return k * 2.0; }\n    sc(k: bool): i32;\n}\n';
  const all = (src: string) => checkSource('t.vx', src).diagnostics.map((d) => `${d.code} ${d.message}`);
  it('every member with a default is inherited, not only the first', () => {
    const src = main('let p = P { v: 1 };\nlet a: f64 = p.sc(1.5);\nlet b: i32 = p.sc(2);', C + 'struct P impl Sc { v: i32, }\nfn (p: &P) sc(k: bool): i32 { return 0; }\n');
    expect(all(src)).toEqual([]);
  });
  it('a member the struct defines replaces only that member', () => {
    const src = main('let p = P { v: 1 };\nlet a: f64 = p.sc(1.5);\nlet b: i32 = p.sc(2);', C + 'struct P impl Sc { v: i32, }\nfn (p: &P) sc(k: bool): i32 { return 0; }\nfn (p: &P) sc(k: f64): f64 { return k; }\n');
    expect(all(src)).toEqual([]);
  });
  it('W0112 names the missing member by its parameter types', () => {
    const src = main('', C + 'struct P impl Sc { v: i32, }\n');
    expect(all(src)).toEqual(['W0112 `P` does not implement method `sc(bool)` required by contract `Sc`']);
  });
});

// Signature help: the active parameter from the text, the callee from the checker, for finished and
// unfinished calls of functions, methods, generic functions, builtins and variants.
import { describe, it, expect } from 'vitest';
import { signatureAt, argListAt } from './signature';

/** Signature help where `‸` marks the cursor: the label with the active parameter in [brackets]. */
function help(src: string): string | null {
  const off = src.indexOf('‸');
  const s = signatureAt('m.vx', src.slice(0, off) + src.slice(off + 1), off);
  if (!s) return null;
  const p = s.params[s.active];
  return p ? `${s.label.slice(0, p[0])}[${s.label.slice(p[0], p[1])}]${s.label.slice(p[1])}` : s.label;
}
const ADD = 'fn add(a: i32, b: i32): i32 { return a + b; }\n';

describe('signatureAt', () => {
  it('a function: the argument under the cursor is active', () => {
    expect(help(ADD + 'fn main() { let x = add(‸); }')).toBe('fn add([a: i32], b: i32): i32');
    expect(help(ADD + 'fn main() { let x = add(1, ‸); }')).toBe('fn add(a: i32, [b: i32]): i32');
    expect(help(ADD + 'fn main() { let x = add(1‸, 2); }')).toBe('fn add([a: i32], b: i32): i32');
  });
  it('an unfinished call (no closing parenthesis yet)', () => {
    expect(help(ADD + 'fn main() {\n    let x = add(1, ‸\n    let y = 2;\n}')).toBe('fn add(a: i32, [b: i32]): i32');
  });
  it('commas inside strings, nested calls and brackets do not count; the innermost call wins', () => {
    expect(help(ADD + 'fn main() { let x = add(add(1, 2), ‸); }')).toBe('fn add(a: i32, [b: i32]): i32');
    expect(help(ADD + 'fn main() { let x = add(add(1, ‸), 2); }')).toBe('fn add(a: i32, [b: i32]): i32');
    expect(help('fn f(s: str, n: i32) {}\nfn main() { f("a, b (", ‸); }')).toBe('fn f(s: str, [n: i32])');
  });
  it('methods and static methods', () => {
    const src = 'struct P { x: i32 }\nfn P.new(x: i32): P { return P { x }; }\nfn (p: &P!) shift(dx: i32, dy: i32) { p.x += dx + dy; }\n';
    expect(help(src + 'fn main() { let! p = P.new(1); p.shift(1, ‸); }')).toBe('fn shift(dx: i32, [dy: i32])');
    expect(help(src + 'fn main() { let p = P.new(‸); }')).toBe('fn P.new([x: i32]): P');
  });
  it('generic functions show their type parameters and bounds', () => {
    expect(help('fn id<T>(value: T): T { return value; }\nfn main() { println("{}", id(‸)); }')).toBe('fn id<T>([value: T]): T');
    expect(help('contract Named { fn name(): str; }\nfn show<T: Named>(t: &T): str { return t.name(); }\nfn main() { show(‸); }')).toBe('fn show<T: Named>([t: &T]): str');
  });
  it('builtins, builtin methods with the receiver\'s type arguments, variants, fn values', () => {
    expect(help('fn main() { println("{}", ‸); }')).toBe('fn println(format: str, [args: ...])');
    expect(help('fn main() { println("{} {}", 1, ‸); }')).toBe('fn println(format: str, [args: ...])');
    expect(help('fn main() { let! v = Vec<i64>.new(); v.push(‸); }')).toBe('Vec<i64>.push([i64])!');
    expect(help('enum Shape { Dot, Circle(f64) }\nfn main() { let s = Shape.Circle(‸); }')).toBe('Shape.Circle([f64]): Shape');
    expect(help('fn main() { let f = |a: i32, b: i32| a + b; println("{}", f(1, ‸)); }')).toBe('f(i32, [i32]): i32');
  });
  it('standard-module functions', () => {
    expect(help('import * as m from "math";\nfn main() { let s = m.max(1, ‸); }')).toBe('fn max<T>(a: T, [b: T]): T');
  });
  it('an overload set: every member, the picked (or most plausible) one active, the parameter right', () => {
    const ABS = 'fn abs(x: i8): i8 { return x; }\nfn abs(x: f64, scale: f64): f64 { return x * scale; }\nfn abs(s: str): i32 { return 0; }\n';
    const all = (src: string) => {
      const off = src.indexOf('‸');
      return signatureAt('m.vx', src.slice(0, off) + src.slice(off + 1), off);
    };
    const s = all(ABS + 'fn main() { let y = abs(1.5, ‸); }')!;
    expect(s.signatures.map((x) => x.label)).toEqual(['fn abs(x: i8): i8', 'fn abs(x: f64, scale: f64): f64', 'fn abs(s: str): i32']);
    expect([s.activeSignature, s.active]).toEqual([1, 1]);
    expect(help(ABS + 'fn main() { let y = abs(1.5, ‸); }')).toBe('fn abs(x: f64, [scale: f64]): f64');
    // resolved by the finished call's arguments
    expect(all(ABS + 'fn main() { let y = abs("a"‸); }')!.activeSignature).toBe(2);
    expect(all(ABS + 'fn main() { let y = abs(‸); }')!.signatures).toHaveLength(3);
    // unfinished: the first member that takes a second argument
    expect(help(ABS + 'fn main() {\n    let y = abs(2.0, ‸\n}')).toBe('fn abs(x: f64, [scale: f64]): f64');
    // methods and static methods
    const V = 'struct V { x: i32 }\nfn (v: &V) at(i: i32): i32 { return v.x + i; }\nfn (v: &V) at(s: str, d: i32): i32 { return d; }\nfn V.make(): V { return V { x: 0 }; }\nfn V.make(x: i32): V { return V { x: x }; }\n';
    const m = all(V + 'fn main() { let v = V.make(); let n = v.at("k", ‸); }')!;
    expect([m.signatures.length, m.activeSignature, m.active]).toEqual([2, 1, 1]);
    const st = all(V + 'fn main() { let v = V.make(4‸); }')!;
    expect(st.signatures.map((x) => x.label)).toEqual(['fn V.make(): V', 'fn V.make(x: i32): V']);
    expect(st.activeSignature).toBe(1);
    // through a bound: the contract's members, the picked one active
    const C = 'contract Scale {\n    fn scale(k: i32): i32;\n    fn scale(k: f64, by: f64): f64;\n}\n';
    const b = all(C + 'fn f<T: Scale>(t: &T): f64 { return t.scale(1.5, ‸); }\nfn main() { }')!;
    expect(b.signatures.map((x) => x.label)).toEqual(['fn Scale.scale(k: i32): i32', 'fn Scale.scale(k: f64, by: f64): f64']);
    expect([b.activeSignature, b.active]).toEqual([1, 1]);
    // not overloaded: just itself
    expect(all(ADD + 'fn main() { let x = add(1, ‸); }')!.signatures).toHaveLength(1);
  });
  it('not in a call: null', () => {
    expect(help('fn main() { let x = (1 + ‸); }')).toBeNull();
    expect(help('fn main() { if (‸) {} }')).toBeNull();
    expect(help('fn main() { println("(‸"); }')).toBeNull();
  });
});

describe('argListAt', () => {
  it('skips comments and character literals', () => {
    const t = "f(a, // x, y\n  'c', '\\'', |";
    expect(argListAt(t.replace('|', ''), t.indexOf('|'))).toEqual({ paren: 1, active: 3 });
  });
});

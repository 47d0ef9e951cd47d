// Chapter 2 §7.7 `T extends C1, C2;` and §3.6 type aliases with bounds and where clauses: parsing,
// what each declaration makes valid, the diagnostics, and hover.
import { describe, it, expect } from 'vitest';
import { parse } from '../syntax/parser';
import { checkSource } from './check';
import { typeAt } from './query';

const errors = (src: string) => checkSource('t.vx', src).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);
const SHOW = 'contract Show { fn show(): string { return "s"; } }\n';

describe('parsing', () => {
  it('`P extends A, B;` is an item; an alias takes where clauses before `=` and after the type', () => {
    const r = parse('t.vx', 'i32 extends Display, Clone;\nstring extends Show;\ntype V<T> where T: Show = Vec<T>;\ntype W<T: A> = (T, T) where T: B;\nfn main() {}\n');
    expect(r.diagnostics).toEqual([]);
    const [a, b, c, d] = r.program.items as any[];
    expect([a.kind, a.typeName, a.contracts.map((x: any) => x.name)]).toEqual(['extends', 'i32', ['Display', 'Clone']]);
    expect([b.typeName, b.contracts.length]).toEqual(['string', 1]);
    expect(c.where.map((w: any) => [w.param, w.bounds[0].name])).toEqual([['T', 'Show']]);
    expect(d.where.map((w: any) => [w.param, w.bounds[0].name])).toEqual([['T', 'B']]);
  });
  it('a broken declaration is a syntax error, and the next item still parses', () => {
    const r = parse('t.vx', 'i32 extends ;\nfn main() {}\n');
    expect(r.diagnostics.map((d) => d.message)).toEqual(['expected contract name, found `;`']);
    expect(r.program.items.map((i) => i.kind)).toEqual(['extends', 'fn']);
  });
});

describe('T extends C', () => {
  it('a prelude contract the primitive implements is a no-op; one it does not is E0128', () => {
    expect(errors('i32 extends Display, Clone, Eq, Ord, Debug;\nstring extends Display;\nfn main() {}')).toEqual([]);
    expect(errors('bool extends Ord;\nfn main() {}')).toEqual(['E0128 `bool` cannot extend `Ord`: the prelude does not implement it for `bool`']);
  });
  it('a user contract with defaults gives the primitive its methods and satisfies bounds', () => {
    const src = `${SHOW}i32 extends Show;\nfn d<T: Show>(x: T): string { return x.show(); }\nfn main() {\n    let a = 1;\n    let s = a.show();\n    d(2);\n}\n`;
    expect(errors(src)).toEqual([]);
    expect(typeAt('t.vx', src, src.indexOf('let s') + 4)).toBe('let s: string');
    expect(errors(`${SHOW}i32 extends Show;\nfn d<T: Show>(x: T): string { return x.show(); }\nfn main() { d(2.5); }`)).toEqual(['E0128 the type `f64` does not implement contract `Show`']);
    expect(errors(`${SHOW}fn main() { let s = 1.show(); }`).map((e) => e.slice(0, 5))).toEqual(['E0108']);
  });
  it('a method without a default, a non-primitive type, unknown names', () => {
    expect(errors('contract Show { show(): string; }\ni32 extends Show;\nfn main() {}')).toEqual(['E0128 `i32` cannot extend `Show`: `show` has no default']);
    expect(errors(`${SHOW}struct P { x: i32 }\nP extends Show;\nfn main() {}`)).toEqual(['E0174 `P` cannot use `extends`: only primitive types are extended this way']);
    expect(errors('Zed extends Display;\nfn main() {}')).toEqual(['E0101 cannot find type `Zed` in this scope']);
    expect(errors('i32 extends Nope;\nfn main() {}')).toEqual(['E0101 cannot find contract `Nope`']);
  });
});

describe('aliases with where clauses', () => {
  const P = `${SHOW}struct P impl Show { x: i32 }\nstruct Q { x: i32 }\ntype Pair<T> where T: Show = (T, T);\n`;
  it('the bounds are checked where the alias is used', () => {
    expect(errors(`${P}fn main() { let p: Pair<P> = (P { x: 1 }, P { x: 2 }); }`)).toEqual([]);
    expect(errors(`${P}fn main() { let q: Pair<Q> = (Q { x: 1 }, Q { x: 2 }); }`)).toEqual(['E0128 the type `Q` does not implement contract `Show`']);
    expect(errors(`${P}fn f<T: Show>(p: Pair<T>) { }\nfn g<T>(p: Pair<T>) { }\nfn main() { }`)).toEqual(['E0128 the type `T` does not implement contract `Show`']);
    expect(errors('type V<T> = Vec<T> where T: Nope;\nfn main() { let v: V<i32> = Vec(); }')).toEqual(['E0101 cannot find contract `Nope`']);
  });
  it('hover shows what the alias stands for', () => {
    const src = `${P}fn main() {\n    let p: Pair<P> = (P { x: 1 }, P { x: 2 });\n}\n`;
    expect(typeAt('t.vx', src, src.indexOf('let p') + 4)).toBe('let p: (P, P)');
  });
});

// Find references: positions inside names, shadowing, methods, fields, variants, generics, and
// symbols named from several files.
import { describe, it, expect } from 'vitest';
import { referencesAt } from './references';

const SRC = `struct Point { x: i32, y: i32 }
enum Shape { Dot, Circle(f64) }
fn (p: &Point) sum(): i32 { return p.x + p.y; }
fn (p: &Point!) shift(d: i32) { p.x += d; }
struct Other { x: i32, fn sum(): i32 { return self.x; } }
fn id<T>(value: T): T { return value; }
fn main() {
    let! p = Point { x: 1, y: 2 };
    p.shift(3);
    let total = p.sum() + Other { x: 4 }.sum();
    let count = 10;
    {
        let count = 20;
        println("{}", count);
    }
    println("{} {} {}", total, count, id(count) + id<i32>(p.x));
    let s = Shape.Circle(1.0);
    match s { Shape.Circle(r) => println("{}", r), Shape.Dot => {} }
}
`;
const files = [{ name: 'main.vx', text: SRC }];
/** Offset of the n-th (0-based) occurrence of `needle`, plus `delta`. */
function at(needle: string, n = 0, delta = 0): number {
  let i = -1;
  for (let k = 0; k <= n; k++) i = SRC.indexOf(needle, i + 1);
  if (i < 0) throw new Error(`no ${needle}`);
  return i + delta;
}
/** The referenced texts with their line numbers: `line:text`. */
const refs = (offset: number, fs = files, file = 'main.vx', decl = true) =>
  referencesAt(fs, file, offset, decl)?.locations.map((l) => `${l.file === 'main.vx' ? '' : l.file + ':'}${l.line}:${fs.find((f) => f.name === l.file)!.text.slice(l.start, l.end)}`) ?? null;

describe('referencesAt', () => {
  it('a local: from the middle of its name, declaration included', () => {
    expect(refs(at('total =', 0, 2))).toEqual(['10:total', '16:total']);
    expect(refs(at('total =', 0, 2), files, 'main.vx', false)).toEqual(['16:total']);
  });
  it('shadowing: the inner and the outer `count` are different symbols', () => {
    expect(refs(at('count = 20', 0, 1))).toEqual(['13:count', '14:count']);
    expect(refs(at('count = 10', 0, 3))).toEqual(['11:count', '16:count', '16:count']);
  });
  it('methods: same name on two types are distinct; the call and the declaration', () => {
    expect(refs(at('sum(): i32 { return p'))).toEqual(['3:sum', '10:sum']);
    expect(refs(at('sum() +', 0, 1))).toEqual(['3:sum', '10:sum']);
    expect(refs(at('sum(): i32 { return self'))).toEqual(['5:sum', '10:sum']);
    expect(refs(at('shift(3)', 0, 4))).toEqual(['4:shift', '9:shift']);
  });
  it('fields: declaration, member reads and writes, struct literals; per struct', () => {
    expect(refs(at('x: i32, y'))).toEqual(['1:x', '3:x', '4:x', '8:x', '16:x']);
    expect(refs(at('x: i32, fn'))).toEqual(['5:x', '5:x', '10:x']);
  });
  it('types, parameters and the receiver', () => {
    expect(refs(at('Point {'))).toEqual(['1:Point', '3:Point', '4:Point', '8:Point']);
    expect(refs(at('d: i32'))).toEqual(['4:d', '4:d']);
    expect(refs(at('p.x + p.y'))).toEqual(['3:p', '3:p', '3:p']);
  });
  it('generic functions: calls with and without type arguments; the type parameter', () => {
    expect(refs(at('id(count)'))).toEqual(['6:id', '16:id', '16:id']);
    expect(refs(at('T>(value'))).toEqual(['6:T', '6:T', '6:T']);
    expect(refs(at('value;'))).toEqual(['6:value', '6:value']);
  });
  it('enum variants: declaration, construction and patterns', () => {
    expect(refs(at('Circle(f64)', 0, 3))).toEqual(['2:Circle', '17:Circle', '18:Circle']);
    expect(refs(at('Shape {'))).toEqual(['2:Shape', '17:Shape', '18:Shape', '18:Shape']);
  });
  it('nothing resolved under the cursor: null', () => {
    expect(refs(at('"{}"', 0, 1))).toBeNull();
    expect(refs(SRC.length)).toBeNull();
  });
  it('works in a file with an error elsewhere', () => {
    const text = SRC.replace('let count = 10;', 'let count = 10; let broken: i32 = "no";');
    expect(refs(text.indexOf('total =') + 1, [{ name: 'main.vx', text }])).toEqual(['10:total', '16:total']);
  });
  it('across files: a standard-module item named from two tabs, import lines included', () => {
    const a = 'import { sqrt } from "math";\nfn main() { println("{}", sqrt(2.0) + sqrt(4.0)); }\n';
    const b = 'import * as m from "math";\nfn helper(): f64 { return m.sqrt(9.0); }\nfn sqrt2(): f64 { return 1.0; }\n';
    const fs = [{ name: 'main.vx', text: a }, { name: 'util.vx', text: b }];
    expect(refs(a.indexOf('sqrt(2') + 2, fs)).toEqual(['1:sqrt', '2:sqrt', '2:sqrt', 'util.vx:2:sqrt']);
    expect(refs(b.indexOf('sqrt(9'), fs, 'util.vx')).toEqual(['1:sqrt', '2:sqrt', '2:sqrt', 'util.vx:2:sqrt']);
  });
  it('across files: an import that renames the item still finds the other file\'s uses', () => {
    const a = 'import { sqrt as root } from "math";\nfn main() { println("{}", root(2.0)); }\n';
    const b = 'import * as m from "math";\nfn helper(): f64 { return m.sqrt(9.0); }\n';
    const fs = [{ name: 'main.vx', text: a }, { name: 'util.vx', text: b }];
    expect(refs(a.indexOf('root(2'), fs)).toEqual(['1:sqrt', '2:root', 'util.vx:2:sqrt']);
  });
  it('across files: two files\' own items of the same name stay apart', () => {
    const a = 'fn helper(): i32 { return 1; }\nfn main() { println("{}", helper()); }\n';
    const b = 'fn helper(): i32 { return 2; }\nfn main() { println("{}", helper()); }\n';
    const fs = [{ name: 'main.vx', text: a }, { name: 'b.vx', text: b }];
    expect(refs(a.indexOf('helper()'), fs)).toEqual(['1:helper', '2:helper']);
  });
});

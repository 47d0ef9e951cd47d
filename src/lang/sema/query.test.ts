// Hover and completion on programs with and without errors.
import { describe, it, expect } from 'vitest';
import { typeAt, completionsAt } from './query';

const SRC = `struct Point { x: i32, y: i32 }
fn (p: &Point) sum(): i32 { return p.x + p.y; }
fn (p: &Point!) shift(d: i32) { p.x += d; }
fn main() {
    let! p = Point { x: 1, y: 2 };
    let total = p.sum();
    let v = Vec<i64>.new();
    println("{}", total + missing_name);
}
`;
const at = (needle: string, delta = 0) => SRC.indexOf(needle) + delta;

describe('typeAt', () => {
  it('bindings show let/let! and the type', () => {
    expect(typeAt('m.vx', SRC, at('let! p') + 5)).toBe('let! p: Point');
    expect(typeAt('m.vx', SRC, at('total +'))).toBe('let total: i32');
    expect(typeAt('m.vx', SRC, at('let v') + 4)).toBe('let v: Vec<i64>');
  });
  it('functions and methods show their signature', () => {
    expect(typeAt('m.vx', SRC, at('sum()'))).toBe('fn sum(): i32');
    expect(typeAt('m.vx', SRC, at('fn main') + 4)).toBe('fn main()');
    expect(typeAt('m.vx', SRC, at('shift(') + 1)).toBe('fn shift(d: i32)');
  });
  it('builtin methods and type names', () => {
    const text = SRC.replace('let v = Vec<i64>.new();', 'let! v = Vec<i64>.new();\n    v.push(1);');
    expect(typeAt('m.vx', text, text.indexOf('push'))).toBe('Vec<i64>.push(i64)!');
    expect(typeAt('m.vx', SRC, at('&Point)') + 1)).toBe('struct Point { x: i32, y: i32 }');
  });
  it('closure parameters', () => {
    const text = 'fn main() { let f = |a: i32, b| a + b; let g: fn(i32, i64): i64 = |x, y| y; }';
    expect(typeAt('m.vx', text, text.indexOf('a: i32'))).toBe('let a: i32');
    expect(typeAt('m.vx', text, text.indexOf('|x') + 1)).toBe('let x: i32');
  });
  it('fields and parameters', () => {
    expect(typeAt('m.vx', SRC, at('p.x +') + 2)).toBe('x: i32');
    expect(typeAt('m.vx', SRC, at('d: i32'))).toBe('d: i32');
  });
  it('works despite the error in main, and is null on whitespace outside items', () => {
    expect(typeAt('m.vx', SRC, at('missing_name'))).toBeNull();
    expect(typeAt('m.vx', SRC, SRC.length)).toBeNull();
  });
});

describe('completionsAt', () => {
  it("inside a struct's method: its own parameters and locals, not a neighbour method's", () => {
    const src = 'struct Acc impl Drop {\n    total: i32,\n    fn add(amount: i32)! { let extra = amount * 2; self.total += extra; }\n    fn drop()! { let shown = self.total;  }\n}\nfn main() { let! a = Acc { total: 1 }; a.add(2); }\n';
    const names = (o: number) => completionsAt('m.vx', src, o).filter((c) => c.kind === 'variable').map((c) => c.label).sort();
    expect(names(src.indexOf('shown = self') + 'shown = self.total; '.length)).toEqual(['self', 'shown']);
    expect(names(src.indexOf('self.total += extra'))).toEqual(['amount', 'extra', 'self']);
    // between the two methods: nobody's locals
    expect(names(src.indexOf('    fn drop'))).toEqual([]);
  });
  it('after `.` lists fields and methods of the value', () => {
    const text = SRC.replace('let v = ', 'p.\n    let v = ');
    const items = completionsAt('m.vx', text, text.indexOf('p.\n') + 2);
    expect(items.map((i) => i.label).sort()).toEqual(['shift', 'sum', 'x', 'y']);
    expect(items.find((i) => i.label === 'x')).toMatchObject({ kind: 'field', detail: 'i32' });
  });
  it('after `.` on builtin types lists builtin methods, filtered by prefix', () => {
    const text = SRC.replace('let v = Vec<i64>.new();', 'let v = Vec<i64>.new();\n    v.pu');
    const items = completionsAt('m.vx', text, text.indexOf('v.pu') + 4);
    expect(items.map((i) => i.label)).toEqual(['push']);
  });
  it('builtin statics after `Vec.` / `Duration.`', () => {
    const text = 'fn main() { let d = Duration.; }';
    expect(completionsAt('m.vx', text, text.indexOf('Duration.;') + 9).map((i) => i.label)).toEqual(['from_secs', 'from_millis']);
  });
  it('enum variants after `Type.`', () => {
    const text = 'enum Color { Red, Green }\nfn main() { let c = Color.; }';
    expect(completionsAt('m.vx', text, text.indexOf('Color.;') + 6).map((i) => i.label)).toEqual(['Red', 'Green']);
  });
  it('elsewhere: visible locals, functions, builtins and keywords', () => {
    const labels = completionsAt('m.vx', SRC, at('missing_name')).map((i) => i.label);
    for (const l of ['p', 'total', 'v', 'main', 'Point', 'println', 'Vec', 'SIGINT', 'match', 'let!']) expect(labels).toContain(l);
    expect(completionsAt('m.vx', SRC, at('total +') + 2).map((i) => i.label)).toEqual(['total']);
  });
  it('locals of finished blocks, closure parameters and match bindings are not offered later', () => {
    const text = [
      'fn main() {',
      '    let outer = 1;',
      '    if outer > 0 { let inner_only = 2; }',
      '    let f = |closure_param: i32| closure_param + 1;',
      '    match Some(3) { Some(arm_bound) => println("{}", arm_bound), None => {} }',
      '    for loop_var in 0..3 { println("{}", loop_var); }',
      '    println("{}", zz);',
      '}',
    ].join('\n');
    const labels = completionsAt('m.vx', text, text.indexOf('zz);')).map((i) => i.label);
    expect(labels).toContain('outer');
    expect(labels).toContain('f');
    for (const gone of ['inner_only', 'closure_param', 'arm_bound', 'loop_var']) expect(labels).not.toContain(gone);
    // ...but they are offered inside their own scope
    expect(completionsAt('m.vx', text, text.indexOf('closure_param + 1') + 3).map((i) => i.label)).toContain('closure_param');
    expect(completionsAt('m.vx', text, text.indexOf('arm_bound)') + 3).map((i) => i.label)).toContain('arm_bound');
    expect(completionsAt('m.vx', text, text.indexOf('loop_var); }') + 3).map((i) => i.label)).toContain('loop_var');
  });
  it('generic functions show their type parameters and bounds', () => {
    const text = 'contract Named { name(): str; }\nfn show<T: Named>(t: &T): str { return t.name(); }\nfn main() {}\n';
    expect(typeAt('m.vx', text, text.indexOf('show<') + 1)).toBe('fn show<T: Named>(t: &T): str');
  });
});

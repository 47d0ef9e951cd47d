// Document symbols: items with their members, methods under their type, details from the checker.
import { describe, it, expect } from 'vitest';
import { documentSymbols, type DocSymbol } from './symbols';

const SRC = `const LIMIT: i32 = 3;
contract Named { fn name(): str; }
struct Point impl Named { x: i32, y: i32, fn name(): str { return "p"; } }
enum Shape { Dot, Circle(f64) }
fn (p: &Point) sum(): i32 { return p.x + p.y; }
fn Point.new(x: i32): Point { return Point { x, y: 0 }; }
fn Vec<T>.empty_of(): Vec<T> { return Vec<T>.new(); }
fn id<T>(v: T): T { return v; }
thread_local let! COUNTER: i32 = 0;
fn main() {}
`;
const flat = (xs: DocSymbol[], ind = ''): string[] => xs.flatMap((x) => [`${ind}${x.kind} ${x.name}${x.detail ? ' — ' + x.detail : ''}`, ...flat(x.children, ind + '  ')]);

describe('documentSymbols', () => {
  it('items in source order with their members; Go-style and static methods under their type', () => {
    expect(flat(documentSymbols('m.vx', SRC))).toEqual([
      'constant LIMIT — i32',
      'contract Named — contract',
      '  method name — fn name(): str',
      'struct Point — struct',
      '  field x — i32',
      '  field y — i32',
      '  method name — fn name(): str',
      '  method sum — fn sum(): i32',
      '  method new — fn new(x: i32): Point',
      'enum Shape — enum',
      '  variant Dot',
      '  variant Circle — (f64)',
      'method Vec.empty_of — fn empty_of(): Vec<T>',
      'function id — fn id<T>(v: T): T',
      'variable COUNTER — thread_local i32',
      'function main — fn main()',
    ]);
  });
  it('selection ranges are the names', () => {
    const [, , point] = documentSymbols('m.vx', SRC);
    expect(SRC.slice(point.selection.start, point.selection.end)).toBe('Point');
    const circle = documentSymbols('m.vx', SRC)[3].children[1];
    expect(SRC.slice(circle.selection.start, circle.selection.end)).toBe('Circle');
    expect(circle.selection).toMatchObject({ line: 4, col: 19 });
  });
  it('a file with errors still has its outline', () => {
    const text = SRC.replace('return p.x + p.y;', 'return p.x + "no";').replace('fn main() {}', 'fn main() { let = ; }');
    expect(flat(documentSymbols('m.vx', text))).toContain('  method sum — fn sum(): i32');
    expect(flat(documentSymbols('m.vx', text)).at(-1)).toMatch(/^function main/);
  });
});

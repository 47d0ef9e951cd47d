import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FnDecl, Item, Program, StructDecl } from './ast';
import { parse, parseCell, parseReplLine } from './parser';
import { blockToS, exprToS, patternToS, stmtToS, typeToS } from './sexpr';

/** The S-expression of one expression (parsed as a REPL cell's trailing expression). */
function ex(src: string): string {
  const r = parseCell('t.vx', src);
  expect(r.diagnostics.map((d) => d.message)).toEqual([]);
  expect(r.tail).not.toBeNull();
  return exprToS(r.tail!);
}

/** The statements of `fn main() { src }`, one S-expression each. */
function body(src: string): string[] {
  const r = parse('t.vx', `fn main() {\n${src}\n}`);
  expect(r.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
  const f = r.program.items[0] as FnDecl;
  return f.body!.stmts.map(stmtToS);
}

function ok(src: string): Program {
  const r = parse('t.vx', src);
  expect(r.diagnostics.map((d) => `${d.code} ${d.message} @${d.span.line}:${d.span.col}`)).toEqual([]);
  return r.program;
}

const errs = (src: string) => parse('t.vx', src).diagnostics.filter((d) => d.severity === 'error');
const codes = (src: string) => errs(src).map((d) => d.code);
const item = <K extends Item['kind']>(p: Program, i: number, kind: K) => {
  expect(p.items[i].kind).toBe(kind);
  return p.items[i] as Extract<Item, { kind: K }>;
};

describe('precedence table (§3.2), one level against the next', () => {
  const cases: [string, string][] = [
    ['0..n+1', '(.. 0 (+ n 1))'],
    ['a || b..c', '(.. (|| a b) c)'],
    ['..b', '(.. _ b)'],
    ['a..', '(.. a _)'],
    ['a..=b', '(..= a b)'],
    ['a || b && c', '(|| a (&& b c))'],
    ['a || b ?? c', '(|| a (?? b c))'],
    ['a ?? b && c', '(?? a (&& b c))'],
    ['a && b | c', '(&& a (| b c))'],
    ['a | b ^ c', '(| a (^ b c))'],
    ['5 ^ 1 & 3', '(^ 5 (& 1 3))'],
    ['6 & 3 | 8', '(| (& 6 3) 8)'],
    ['a & b << c', '(& a (<< b c))'],
    ['x & 1 == 0', '(& x (== 1 0))'],
    ['1 << n == 8', '(<< 1 (== n 8))'],
    ['1 + 2 << 3', '(<< (+ 1 2) 3)'],
    ['1 << 2 + 1', '(<< 1 (+ 2 1))'],
    ['a < b + c', '(< a (+ b c))'],
    ['a < b < c', '(< (< a b) c)'],
    ['a != b >= c', '(>= (!= a b) c)'],
    ['a + b * c', '(+ a (* b c))'],
    ['a - b - c', '(- (- a b) c)'],
    ['a / b % c', '(% (/ a b) c)'],
    ['a * b ** c', '(* a (** b c))'],
    ['2 ** 3 ** 2', '(** 2 (** 3 2))'],
    ['-2 ** 2', '(** (neg 2) 2)'],
    ['a ** b as f64', '(** a (as b f64))'],
    ['a * b as f64', '(* a (as b f64))'],
    ['x as i64 as f64', '(as (as x i64) f64)'],
    ['-x as u8', '(as (neg x) u8)'],
    ['!a && b', '(&& (! a) b)'],
    ['~x & m', '(& (~ x) m)'],
    ['-a.b[0]()', '(neg (call (index (. a b) 0)))'],
    ['*p.x', '(deref (. p x))'],
    ['&v.items!', '(&! (. v items))'],
    ['&x', '(& x)'],
    ['&&x', '(& (& x))'],
    ['!x?', '(! (? x))'],
    ['<-ch', '(<- ch)'],
    ['await f()', '(await (call f))'],
    ['i++ + ++i', '(+ (post++ i) (pre++ i))'],
    ['--x - x--', '(- (pre-- x) (post-- x))'],
    ['obj.m()!', '(call! (. obj m))'],
    ['t.0.1', '(. (. t 0) 1)'],
    ['x ?? 5', '(?? x 5)'],
  ];
  for (const [src, want] of cases) it(`${src}  =>  ${want}`, () => expect(ex(src)).toBe(want));
});

describe('primary expressions (§3.3)', () => {
  it('literals', () => {
    expect(ex('42')).toBe('42');
    expect(ex('0xFFu8')).toBe('255u8');
    expect(ex('3.5')).toBe('3.5');
    expect(ex('"hi"')).toBe('"hi"');
    expect(ex('true')).toBe('true');
    expect(ex('nil')).toBe('nil');
  });
  it('tuples, unit, parenthesised expressions', () => {
    expect(ex('(a, b)')).toBe('(tuple a b)');
    expect(ex('(a,)')).toBe('(tuple a)');
    expect(ex('()')).toBe('(tuple)');
    expect(ex('(a + b) * c')).toBe('(* (+ a b) c)');
  });
  it('arrays, repeat arrays, map literals', () => {
    expect(ex('[1, 2, 3]')).toBe('(array 1 2 3)');
    expect(ex('[a && b]')).toBe('(array (&& a b))');
    expect(ex('[0; 8]')).toBe('(repeat 0 8)');
    expect(body('let m = {"a": 1, "b": 2};\nlet e = {};')).toEqual(['(let m (map "a":1 "b":2))', '(let e (map))']);
  });
  it('f-strings parse their holes as expressions', () => {
    expect(ex('f"Hi {name}!"')).toBe('(f "Hi " name "!")');
    expect(ex('f"{p.x} {{x}} {a + 1}"')).toBe('(f (. p x) " {x} " (+ a 1))');
  });
  it('struct literals, generic and plain', () => {
    expect(ex('Point { x: 1, y: 2 }')).toBe('(struct Point x:1 y:2)');
    expect(ex('Pair<i32, bool> { a: 1, b: true }')).toBe('(struct Pair<i32, bool> a:1 b:true)');
  });
  it('generic calls and type paths (§2.1 disambiguation)', () => {
    expect(ex('id<i32>(5)')).toBe('(call id<i32> 5)');
    expect(ex('Vec<i32>.new()')).toBe('(call (. Vec<i32> new))');
    expect(ex('Vec<Vec<i32>>()')).toBe('(call Vec<Vec<i32>>)');
    expect(ex('Vec.new<T>()')).toBe('(call<T> (. Vec new))');
    expect(ex('lib.symbol<fn(f64): f64>("cbrt")')).toBe('(call<fn(f64): f64> (. lib symbol) "cbrt")');
    expect(ex('sizeof<*u8>()')).toBe('(call sizeof<*u8>)');
    expect(ex('f<Self>()')).toBe('(call f<Self>)');
    expect(ex('f<(i32, i32)>()')).toBe('(call f<(i32, i32)>)');
    expect(ex('Map<str, i32>.new()')).toBe('(call (. Map<str, i32> new))');
  });
  it('comparisons are not mistaken for generic arguments', () => {
    expect(ex('a < b && c > d')).toBe('(&& (< a b) (> c d))');
    expect(ex('f(a < b, c > d)')).toBe('(call f (< a b) (> c d))');
    expect(ex('a < (b + c)')).toBe('(< a (+ b c))');
    expect(ex('i < n')).toBe('(< i n)');
    expect(ex('x < s.len && y > (z)')).toBe('(&& (< x (. s len)) (> y z))');
    expect(ex('a < b & c > (d)')).toBe('(& (< a b) (> c d))');
    expect(ex('f<&T, *u8>()')).toBe('(call f<&T, *u8>)');
  });
  it('closures: bare, typed, with return type, block bodies with tails', () => {
    expect(ex('|x| x + 1')).toBe('(closure [x] (+ x 1))');
    expect(ex('|a: i32, b: i32| a * b')).toBe('(closure [a:i32 b:i32] (* a b))');
    expect(ex('|| f()')).toBe('(closure [] (call f))');
    expect(ex('|n: i32|: i32 { return n * 2; }')).toBe('(closure [n:i32] :i32 (block (return (* n 2))))');
    expect(ex('|v: i32| { let w = v * 2; w + 1 }')).toBe('(closure [v:i32] (block (let w (* v 2)) (tail (+ w 1))))');
    expect(ex('|| { if c { 1 } else { 2 } }')).toBe('(closure [] (block (tail (if c (block (tail 1)) else (block (tail 2))))))');
    expect(ex('|| count += 1')).toBe('(closure [] (block (+= count 1)))');
  });
  it('if-expressions, async blocks, typeof, casts', () => {
    expect(ex('if c { 1 } elif d { 2 } else { 3 }')).toBe('(if c (block (tail 1)) d (block (tail 2)) else (block (tail 3)))');
    expect(ex('if c { 1 } else if d { 2 } else { 3 }')).toBe('(if c (block (tail 1)) d (block (tail 2)) else (block (tail 3)))');
    expect(ex('async { let x = 1; x }')).toBe('(async (block (let x 1) (tail x)))');
    expect(ex('typeof(x + 1)')).toBe('(typeof (+ x 1))');
    expect(ex('&xs! as *u8!')).toBe('(as (&! xs) *u8!)');
    expect(ex('0 as *i32')).toBe('(as 0 *i32)');
  });
  it('type words in value position', () => {
    expect(ex('Map()')).toBe('(call Map)');
    expect(ex('String.from("x")')).toBe('(call (. String from) "x")');
    expect(ex('x.type')).toBe('(. x type)');
  });
});

describe('match and patterns (§3.4)', () => {
  const arms = (src: string) => {
    const r = parseCell('t.vx', `match s {\n${src}\n}`);
    expect(r.diagnostics.map((d) => d.message)).toEqual([]);
    const m = r.tail!;
    if (m.kind !== 'match') throw new Error('not a match');
    return m.arms.map((a) => patternToS(a.pattern));
  };
  it('parses every pattern form', () => {
    expect(arms(`Shape.Circle(r) => 1, Color.Red => 2, Some(x) => 3, None => 4, Point { x, y: 0 } => 5,
      (a, b) => 6, [first, second, ...rest] => 7, [...] => 8, -1 => 9, "s" => 10, true => 11, 1 | 2 | 3 => 12, _ => 13,
      Ok((a, [b, ...])) => 14, 2.5 => 15`)).toEqual([
      '(Shape.Circle r)', 'Color.Red', '(Some x)', 'None', '(Point x y:0)', '(tuple a b)', '(array first second ...rest)',
      '(array ...)', '-1', '"s"', 'true', '(| 1 2 3)', '_', '(Ok (tuple a (array b ...)))', '2.5',
    ]);
  });
  it('parses guards and every arm body form, commas optional after blocks', () => {
    const r = parseCell('t.vx', 'match n { x if x > 0 => { f(); } 0 => return 1, 1 => return, 2 => break, 3 => continue, _ => g() }');
    expect(r.diagnostics).toEqual([]);
    expect(exprToS(r.tail!)).toBe('(match n (arm x if (> x 0) (block (call f))) (arm 0 (return 1)) (arm 1 (return)) (arm 2 (break)) (arm 3 (continue)) (arm _ (call g)))');
  });
  it('keeps tail values in arm blocks', () => {
    expect(ex('match x { 1 => { let y = 2; y }, _ => 0 }')).toBe('(match x (arm 1 (block (let y 2) (tail y))) (arm _ 0))');
  });
  it('a match statement needs no `;`', () => {
    expect(body('match x { _ => f() }\nlet y = 1;')).toEqual(['(match x (arm _ (call f)))', '(let y 1)']);
  });
});

describe('statements (§3.1)', () => {
  it('let forms', () => {
    expect(body('let x = 1; let! y: i32 = 2; let (q, (r, _)) = f(); let _ = g();')).toEqual([
      '(let x 1)', '(let! y :i32 2)', '(let (tuple q (tuple r _)) (call f))', '(let _ (call g))',
    ]);
  });
  it('all compound assignments', () => {
    const ops = ['=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<=', '>>='];
    expect(body(ops.map((o) => `x ${o} 1;`).join('\n'))).toEqual(ops.map((o) => `(${o} x 1)`));
    expect(body('a.b[i] = 3; *p = 4;')).toEqual(['(= (index (. a b) i) 3)', '(= (deref p) 4)']);
  });
  it('if / elif / else if / else', () => {
    expect(body('if a { f(); } elif b { g(); } else if c { h(); } else { k(); }')).toEqual([
      '(if a (block (call f)) b (block (call g)) c (block (call h)) else (block (call k)))',
    ]);
  });
  it('loops: while, loop, for-in, C-style for', () => {
    expect(body('while busy {}\nfor i in 0..n {}\nloop { break; }\nfor let! k = 10; k > 0; k = k - 4 { continue; }\nfor let! j = 0; j < 6; j += 2 {}\nfor ; ; i++ {}')).toEqual([
      '(while busy (block))', '(for i (.. 0 n) (block))', '(loop (block (break)))',
      '(for-c (let! k 10) (> k 0) (= k (- k 4)) (block (continue)))', '(for-c (let! j 0) (< j 6) (+= j 2) (block))',
      '(for-c _ _ (post++ i) (block))',
    ]);
  });
  it('switch with multi-value cases and default', () => {
    expect(body('switch c { case 1: f(); case 2, 3: g(); h(); default: k(); }')).toEqual([
      '(switch c (case 1 (call f)) (case 2 3 (call g) (call h)) (default (call k)))',
    ]);
  });
  it('return, defer (block, expr, assignment), go (block and call), unsafe, bare blocks', () => {
    expect(body('defer { f(); }\ndefer g();\ndefer x = 5;\ngo { ch.send(1); };\ngo f(x);\nunsafe { *p = 1; }\n{ let s = 1; }\nreturn;')).toEqual([
      '(defer (block (call f)))', '(defer (call g))', '(defer (= x 5))', '(go (block (call (. ch send) 1)))', '(go (call f x))',
      '(unsafe (block (= (deref p) 1)))', '(block (let s 1))', '(return)',
    ]);
  });
  it('go blocks may end in a tail value', () => {
    const r = parse('t.vx', 'fn main() { go { f(); 1 }; }');
    expect(r.diagnostics).toEqual([]);
  });
  it('a known struct name with `{}` is a literal; other `IDENT {}` heads are not', () => {
    expect(body('while busy {}\nif x == y {}\nfor i in 0..n {}')).toEqual(['(while busy (block))', '(if (== x y) (block))', '(for i (.. 0 n) (block))']);
    const p = parse('t.vx', 'struct Empty {}\nfn main() { let e = Empty {}; if ready {} }');
    expect(p.diagnostics).toEqual([]);
  });
});

// `body` prepends nothing: add the struct for the Empty literal test above.
describe('statements with known structs', () => {
  it('parses `Empty {}` only when Empty is declared', () => {
    expect(codes('fn main() { let e = Empty {}; }')).toEqual(['E0011']);
    expect(codes('struct Empty {}\nfn main() { let e = Empty {}; }')).toEqual([]);
  });
});

describe('items (§2)', () => {
  it('functions: receivers, owners, grouped params, defaults, variadics, `!`, both return syntaxes, generics, where', () => {
    const p = ok(`
fn (c: &Counter!) add(k: i32) { c.n += k; }
fn Stack<T>.new(): Stack<T> { return Stack<T> { items: Vec<T>.new() }; }
fn add(a, b: i32, c: i32 = 5) -> i32 { return a + b + c; }
fn sum(xs: ...i32): i32 { return 0; }
fn (p: &P) set(v: i32)!: i32 { return v; }
fn pick<T: Ord + Show = i32, const N: usize>(x: T): T where T: Eq, T.Item: Callable(i32): i32 { return x; }
async fn main() {}
fn fail(): ! { panic("x"); }
fn Point.new(): Point { return Point { x: 0 }; }
fn new(): i32 { return 0; }
`);
    const f = (i: number) => item(p, i, 'fn');
    expect(f(0).receiver?.name).toBe('c');
    expect(typeToS(f(0).receiver!.type)).toBe('&Counter!');
    expect(f(1).owner?.name).toBe('Stack');
    expect(f(1).owner?.generics.map((g) => g.name)).toEqual(['T']);
    expect(f(1).name).toBe('new');
    expect(f(2).params.map((q) => `${q.name}:${typeToS(q.type)}${q.default ? '=' + exprToS(q.default) : ''}`)).toEqual(['a:i32', 'b:i32', 'c:i32=5']);
    expect(typeToS(f(2).ret!)).toBe('i32');
    expect(f(3).params[0].variadic).toBe(true);
    expect(f(4).mutating).toBe(true);
    expect(typeToS(f(4).ret!)).toBe('i32');
    const g = f(5).generics;
    expect(g.map((x) => [x.name, x.isConst, x.bounds.map((b) => b.name), x.default && typeToS(x.default), x.constType && typeToS(x.constType)]))
      .toEqual([['T', false, ['Ord', 'Show'], 'i32', undefined], ['N', true, [], undefined, 'usize']]);
    expect(f(5).where.map((w) => [w.param, w.member, w.bounds.map((b) => b.name)])).toEqual([['T', undefined, ['Eq']], ['T', 'Item', ['Callable']]]);
    expect(f(5).where[1].bounds[0].args?.map(typeToS)).toEqual(['i32']);
    expect(f(6).isAsync).toBe(true);
    expect(f(7).ret?.kind).toBe('never');
    expect(f(8).owner?.name).toBe('Point');
    expect(f(9).name).toBe('new');
  });

  it('structs: commas, bitfields, tags, inline methods with and without fn, impl lists, assoc types', () => {
    const p = ok(`
struct Sq<T> impl Shape, Into<T> {
    side: f64,
    flags: u8 : 3 \`json:"f"\`,
    type Item = i32;
    area(): f64 { return self.side * self.side; }
    fn grow(k: f64)! { self.side = self.side * k; }
}`);
    const s = item(p, 0, 'struct') as StructDecl;
    expect(s.impls.map((i) => i.name + i.args.map(typeToS).join())).toEqual(['Shape', 'IntoT']);
    expect(s.fields.map((f) => [f.name, typeToS(f.type), f.bitWidth && exprToS(f.bitWidth), f.tag])).toEqual([
      ['side', 'f64', null, null], ['flags', 'u8', '3', 'json:"f"'],
    ]);
    expect(s.assocTypes.map((a) => a.name + '=' + typeToS(a.type))).toEqual(['Item=i32']);
    expect(s.methods.map((m) => [m.name, m.mutating, typeToS(m.receiver!.type)])).toEqual([['area', false, '&Sq<T>'], ['grow', true, '&Sq<T>!']]);
  });

  it('#[repr(C)] structs, unions, enums', () => {
    const p = ok('#[repr(C)]\nstruct A { x: i32 }\nunion Bits { f: f32, u: u32, }\nenum Shape<T> { Circle(f64), Rect(f64, T), Empty, }');
    expect(item(p, 0, 'struct').reprC).toBe(true);
    expect(item(p, 1, 'struct').isUnion).toBe(true);
    expect(item(p, 2, 'enum').variants.map((v) => v.name + v.fields.length)).toEqual(['Circle1', 'Rect2', 'Empty0']);
  });

  it('contracts: canonical and design forms, defaults, supercontracts both ways, assoc types', () => {
    const p = ok(`
contract Ord: Eq + Show {
    Hash;
    type Item;
    type Out = i32;
    cmp(other: &Self): i32;
    grow(k: f64)!;
    fn allocate(self!, size: usize, align: usize) -> *u8!;
    fn symbol<T>(self, name: &str) -> Result<T, Error>;
    fn close(self);
    fn twice(): i32 { return 2; }
}`);
    const c = item(p, 0, 'contract');
    expect(c.supers).toEqual(['Eq', 'Show', 'Hash']);
    expect(c.assocTypes.map((a) => a.name + (a.default ? '=' + typeToS(a.default) : ''))).toEqual(['Item', 'Out=i32']);
    expect(c.methods.map((m) => [m.name, m.mutating, m.params.length, m.body !== null])).toEqual([
      ['cmp', false, 1, false], ['grow', true, 1, false], ['allocate', true, 2, false], ['symbol', false, 1, false],
      ['close', false, 0, false], ['twice', false, 0, true],
    ]);
    expect(c.methods[3].generics.map((g) => g.name)).toEqual(['T']);
  });

  it('aliases, consts, thread-locals, imports, exports', () => {
    const p = ok(`type Id = u64;
type Pair<T> = (T, T);
const MAX: i32 = 10;
const Y = 1 << 3;
thread_local let! hits: i32 = 0;
thread_local let calls: i32 = BASE + 2;
import { sqrt as root, pow } from "math";
import * as io from "std/io";
import "fmt";
export { a as b, c };
export * from "x";
export fn add(a: i32, b: i32): i32 { return a + b; }
export struct P { x: i32 }`);
    expect(typeToS(item(p, 1, 'type').type)).toBe('(T, T)');
    expect(item(p, 3, 'const').type).toBeNull();
    expect(item(p, 4, 'thread-local').mut).toBe(true);
    expect(item(p, 5, 'thread-local').mut).toBe(false);
    expect(item(p, 6, 'import').names).toMatchObject([{ name: 'sqrt', alias: 'root' }, { name: 'pow', alias: null }]);
    expect(item(p, 7, 'import').star).toBe('io');
    expect(item(p, 8, 'import').module).toBe('fmt');
    expect(item(p, 9, 'export-list').names.map((n) => n.name)).toEqual(['a', 'c']);
    expect(item(p, 10, 'export-list').star).toBe(true);
    expect(item(p, 11, 'fn').isExport).toBe(true);
    expect(item(p, 12, 'struct').isExport).toBe(true);
  });

  it('extern blocks, single declarations, C variadics and extern "C" definitions', () => {
    const p = ok(`extern "C" { fn puts(s: *u8): i32; fn printf(fmt: *u8, ...): i32; type FILE; }
extern "C" fn strlen(s: *const u8) -> usize;
extern "C" fn by_value(a: *u8, b: *u8): i32 { unsafe { return *(a as *i32) - *(b as *i32); } }
extern { fn qsort(base: *u8!, n: usize, size: usize, cmp: fn(*u8, *u8): i32); }`);
    const b = item(p, 0, 'extern');
    expect(b.abi).toBe('C');
    expect(b.fns.map((f) => [f.name, f.variadic, f.params.length])).toEqual([['puts', false, 1], ['printf', true, 1]]);
    expect(b.types.map((t) => t.name)).toEqual(['FILE']);
    expect(item(p, 1, 'extern').fns[0].name).toBe('strlen');
    expect(typeToS(item(p, 1, 'extern').fns[0].params[0].type)).toBe('*u8');
    const cb = item(p, 2, 'fn');
    expect(cb.isExternC).toBe(true);
    expect(typeToS(item(p, 3, 'extern').fns[0].params[3].type)).toBe('fn(*u8, *u8): i32');
  });

  it('#[no_main] before the first item', () => {
    expect(ok('#[no_main]\nexport fn add(a: i32, b: i32): i32 { return a + b; }').noMain).toBe(true);
    expect(codes('fn f() {}\n#[no_main]')).toEqual(['E0021']);
    expect(codes('#[derive(Debug)]\nstruct A {}')).toEqual(['E0021']);
  });

  it('types: refs, pointers, slices, arrays, tuples, fn types, Self paths', () => {
    const p = ok('fn f(a: &T!, b: *const u8, c: *u8!, d: &[i32]!, e: [u8; 4], g: (i32, bool), h: fn(i32) -> i32, i: Self.Item, j: Map<str, Vec<i32>>, k: &&i32) {}');
    expect(item(p, 0, 'fn').params.map((q) => typeToS(q.type))).toEqual([
      '&T!', '*u8', '*u8!', '&[i32]!', '[u8; 4]', '(i32, bool)', 'fn(i32): i32', 'Self.Item', 'Map<str, Vec<i32>>', '&&i32',
    ]);
  });
});

describe('tail values only where §3.3 allows them', () => {
  it('a trailing expression in a function body is the missing-`;` error', () => {
    const d = errs('fn f(): i32 { 42 }');
    expect(d.map((x) => x.code)).toEqual(['E0019']);
    expect(d[0].message).toBe('expected `;`, found `}`');
    expect(codes('fn f() { while x { g() } }')).toEqual(['E0019']);
  });
  it('closures, match arms, async/go blocks and if-expressions keep tails', () => {
    const p = ok('fn main() { let f = || { 1 }; let m = match x { _ => { 2 } }; let a = async { 3 }; go { 4 }; let v = if c { 5 } else { 6 }; }');
    const stmts = (p.items[0] as FnDecl).body!.stmts.map(stmtToS);
    expect(stmts).toEqual([
      '(let f (closure [] (block (tail 1))))', '(let m (match x (arm _ (block (tail 2)))))', '(let a (async (block (tail 3))))',
      '(go (block (tail 4)))', '(let v (if c (block (tail 5)) else (block (tail 6))))',
    ]);
  });
});

describe('error recovery', () => {
  it('one missing `;` gives one diagnostic at the end of the previous token', () => {
    const r = parse('t.vx', 'fn main() {\n  let x = 1\n  let y = 2;\n}\nfn other() { return; }\n');
    expect(r.diagnostics.map((d) => [d.code, d.message, d.span.line, d.span.col])).toEqual([['E0011', 'expected `;`, found keyword `let`', 2, 12]]);
    expect(r.program.items.map((i) => (i as FnDecl).name)).toEqual(['main', 'other']);
    expect(blockToS((r.program.items[0] as FnDecl).body!)).toBe('(block (let x 1) (let y 2))');
  });
  it('one missing `}` in the middle of a file gives one diagnostic and later items still parse', () => {
    const r = parse('t.vx', 'fn main() {\n  if x {\n    foo();\n\n  bar();\n}\nfn other() { let z = 1; }\nstruct P { x: i32 }\n');
    expect(r.diagnostics.map((d) => [d.code, d.span.line, d.labels[0]?.span.line])).toEqual([['E0012', 7, 1]]);
    expect(r.program.items.map((i) => i.kind)).toEqual(['fn', 'fn', 'struct']);
  });
  it('one missing `}` at end of file gives one diagnostic', () => {
    expect(codes('fn main() {\n  if x {\n    foo();\n  }\n')).toEqual(['E0012']);
  });
  it('one missing `)` gives one diagnostic', () => {
    const r = parse('t.vx', 'fn main() { foo(1, 2; bar(); }');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['E0012']);
    expect(blockToS((r.program.items[0] as FnDecl).body!)).toBe('(block (call foo 1 2) (call bar))');
  });
  it('a bad statement does not hide errors in later functions', () => {
    const d = errs('fn a() { let = 5; }\nfn b() { let y = ; }\nfn c() { x +; }\n');
    expect(d.map((x) => x.span.line)).toEqual([1, 2, 3]);
  });
  it('reports specific errors with stable codes', () => {
    expect(codes('fn main() { let !x = 1; }')).toEqual(['E0024']);
    expect(codes('fn main() { let x: i32; }')).toEqual(['E0023']);
    expect(codes('fn main() { go { f(); } let x = 1; }')).toEqual(['E0027']);
    expect(codes('fn main() { } }\nfn g() {}')).toEqual(['E0017']);
    expect(codes('fn main() { let x = Color::Red; }')).toEqual(['E0020']);
    expect(codes('let x = 5;\nfn main() {}')).toEqual(['E0025']);
    expect(codes('struct P { x: i32 y: i32 }')).toEqual(['E0031']);
    expect(codes('enum E { A = 1, B }')).toEqual(['E0026']);
    expect(codes('impl Foo for Bar { fn x() {} }\nfn main() {}')).toEqual(['E0022']);
    expect(codes('fn main() { let v = if c { 1 }; }')).toEqual(['E0030']);
    expect(codes('async fn main() { let x = f().await; }')).toEqual(['E0029']);
    expect(codes('fn main() { let mut x = 1; }')).toEqual(['E0033']);
    expect(codes('fn f(a: i32,) {}')).toEqual(['E0028']);
    expect(codes('fn main() { let r = a..b..c; }')).toEqual(['E0032']);
    expect(codes('fn main() { let x = ; }')).toEqual(['E0013']);
    expect(codes('fn main() { let x: = 1; }')).toEqual(['E0014']);
    expect(codes('fn main() { match x { => 1 } }')).toEqual(['E0015']);
    expect(codes('42')).toEqual(['E0016']);
    expect(codes('thread_local let! x = 1;')).toEqual(['E0034']);
  });
  it('explains common mistakes from other languages with one diagnostic each', () => {
    const one = (src: string) => { const d = errs(src); expect(d.length).toBe(1); return d[0].message + ' ' + d[0].notes.join(' '); };
    expect(one('fn main() { for (let! i = 0; i < 3; i++) { } }')).toMatch(/no parentheses/);
    expect(one('fn main() { println!("hi"); }')).toMatch(/no macros/);
    expect(one('fn main() { if x { } elif { } }')).toMatch(/expected condition/);
    expect(one('fn add(a: i32, b: i32) i32 { return a + b; }')).toMatch(/fn f\(\): i32/);
    expect(one('fn f(a: &mut i32) {}')).toMatch(/&T!/);
    expect(one('fn f(a: *mut u8) {}')).toMatch(/\*T!/);
    expect(one('struct P { x: i32 }\nfn main() { let p = P { x }; }')).toMatch(/x: x/);
    expect(one('struct P { x: i32 }\nfn main() { let p = P { ..q }; }')).toMatch(/\.\.base/);
  });
  it('explains `<-` when it was meant as `< -`', () => {
    const d = errs('fn main() { let b = a<-1; }');
    expect(d[0].notes.join()).toMatch(/a < -1/);
  });
  it('unterminated strings and comments give one lexer diagnostic and no parser cascade', () => {
    expect(codes('fn main() { let s = "abc; }')).toEqual(['E0003']);
    expect(codes('fn main() { } /* abc')).toEqual(['E0002']);
  });
});

describe('robustness', () => {
  const within = (src: string) => {
    const r = parse('t.vx', src);
    for (const d of r.diagnostics) {
      expect(d.span.start).toBeGreaterThanOrEqual(0);
      expect(d.span.end).toBeLessThanOrEqual(src.length);
      expect(d.code).not.toBe('E0099');
    }
    return r;
  };
  it('10,000 nested parentheses, brackets, blocks, unary operators and types hit the depth limit cleanly', () => {
    const n = 10_000;
    for (const src of [
      `fn main() { let x = ${'('.repeat(n)}1${')'.repeat(n)}; }`,
      `fn main() { let x = ${'['.repeat(n)}; }`,
      `fn main() ${'{'.repeat(n)}${'}'.repeat(n)}`,
      `fn main() { let x = ${'-'.repeat(n)}1; }`,
      `fn main() { let x = ${'2 ** '.repeat(n)}1; }`,
      `fn main() { let x: ${'&'.repeat(n)}i32 = 1; }`,
      `fn main() { match x { ${'('.repeat(n)} } }`,
      `fn f(x: ${'Vec<'.repeat(n)}i32${'>'.repeat(n)}) {}`,
    ]) {
      const r = within(src);
      expect(r.diagnostics.map((d) => d.code)).toContain('E0018');
    }
  });
  it('past the nesting limit only E0018 is reported, not the cascade of the skipped construct', () => {
    const src = `fn main() {\n    let x = 1;\n    ${'if x > 0 { '.repeat(500)}println("deep");${' }'.repeat(500)}\n}\n`;
    expect(within(src).diagnostics.map((d) => d.code)).toEqual(['E0018']);
  });
  it('a 1 MB file parses', () => {
    const unit = 'fn f(a: i32): i32 {\n    let! s = 0;\n    for i in 0..a { s += i * 2; }\n    return s;\n}\n';
    const src = unit.repeat(Math.ceil(1_000_000 / unit.length)).replace(/fn f\(/g, () => 'fn f(');
    const r = within(src);
    expect(r.diagnostics).toEqual([]);
    expect(r.program.items.length).toBe(Math.ceil(1_000_000 / unit.length));
  });
  it('binary garbage never throws', () => {
    let s = '';
    let x = 12345;
    for (let i = 0; i < 200_000; i++) { x = (x * 1103515245 + 12345) & 0x7fffffff; s += String.fromCharCode(x % 256); }
    within(s);
  });
});

describe('REPL cells (§6.17)', () => {
  it('returns items, statements and a trailing expression', () => {
    const r = parseCell('cell', 'let! n = 5;\nfn sq(x: i32): i32 { return x * x; }\nn += 1;\nsq(n)');
    expect(r.diagnostics).toEqual([]);
    expect(r.items.map((i) => (i as FnDecl).name)).toEqual(['sq']);
    expect(r.stmts.map(stmtToS)).toEqual(['(let! n 5)', '(+= n 1)']);
    expect(exprToS(r.tail!)).toBe('(call sq n)');
  });
  it('has no tail when the cell ends with `;`', () => {
    expect(parseCell('cell', 'println("x");').tail).toBeNull();
  });
  it('knows struct names from earlier cells', () => {
    expect(parseCell('cell', 'E {}', ['E']).diagnostics).toEqual([]);
  });
  it('recognises :type and :reset with spans of the original line', () => {
    const t = parseReplLine('cell', ':type sq(n) > 30');
    expect(t.kind).toBe('type');
    if (t.kind !== 'type') return;
    expect(exprToS(t.expr!)).toBe('(> (call sq n) 30)');
    expect(t.expr!.span.col).toBe(7);
    expect(parseReplLine('cell', ':reset').kind).toBe('reset');
    expect(parseReplLine('cell', 'x').kind).toBe('cell');
  });
});

// Property: print a random expression tree with the fewest parentheses the precedence table of
// §3.2 allows (an independent printer), parse it back, and get the same tree.
describe('precedence property', () => {
  type T = { k: 'lit'; v: number } | { k: 'bin'; op: string; l: T; r: T } | { k: 'un'; op: string; e: T } | { k: 'cast'; e: T; ty: string };
  const LEVEL: Record<string, number> = {
    '||': 2, '??': 3, '&&': 4, '|': 5, '^': 6, '&': 7, '<<': 8, '>>': 8, '==': 9, '!=': 9, '<': 9, '<=': 9, '>': 9, '>=': 9,
    '+': 10, '-': 10, '*': 11, '/': 11, '%': 11, '**': 12,
  };
  const prec = (t: T): number => (t.k === 'lit' ? 16 : t.k === 'un' ? 14 : t.k === 'cast' ? 13 : LEVEL[t.op]);
  const wrap = (s: string, yes: boolean) => (yes ? `(${s})` : s);
  const print = (t: T): string => {
    switch (t.k) {
      case 'lit': return String(t.v);
      case 'un': return `${t.op} ${wrap(print(t.e), prec(t.e) < 14)}`;
      case 'cast': return `${wrap(print(t.e), prec(t.e) < 13)} as ${t.ty}`;
      case 'bin': {
        const L = LEVEL[t.op], right = t.op === '**';
        const lp = prec(t.l) < L || (right && prec(t.l) === L);
        const rp = prec(t.r) < L || (!right && prec(t.r) === L);
        return `${wrap(print(t.l), lp)} ${t.op} ${wrap(print(t.r), rp)}`;
      }
    }
  };
  const sx = (t: T): string => {
    switch (t.k) {
      case 'lit': return String(t.v);
      case 'un': return `(${t.op === '-' ? 'neg' : t.op} ${sx(t.e)})`;
      case 'cast': return `(as ${sx(t.e)} ${t.ty})`;
      case 'bin': return `(${t.op} ${sx(t.l)} ${sx(t.r)})`;
    }
  };
  const tree: fc.Arbitrary<T> = fc.letrec<{ t: T }>((tie) => ({
    t: fc.oneof(
      { maxDepth: 6, withCrossShrink: true },
      { arbitrary: fc.integer({ min: 0, max: 9 }).map((v): T => ({ k: 'lit', v })), weight: 2 },
      { arbitrary: fc.record({ k: fc.constant('bin' as const), op: fc.constantFrom(...Object.keys(LEVEL)), l: tie('t'), r: tie('t') }), weight: 6 },
      { arbitrary: fc.record({ k: fc.constant('un' as const), op: fc.constantFrom('-', '!', '~'), e: tie('t') }), weight: 1 },
      { arbitrary: fc.record({ k: fc.constant('cast' as const), e: tie('t'), ty: fc.constantFrom('u8', 'i64', 'f64') }), weight: 1 },
    ),
  })).t;

  it('minimal-parenthesis printing round-trips through the parser', () => {
    fc.assert(fc.property(tree, (t) => {
      const src = print(t);
      const r = parseCell('t.vx', src);
      expect(r.diagnostics.map((d) => d.message)).toEqual([]);
      expect(exprToS(r.tail!)).toBe(sx(t));
    }), { numRuns: 1000, seed: 42 });
  });
});

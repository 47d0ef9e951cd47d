// Match exhaustiveness through nested patterns (exhaustive.ts): valid matches pass, and a missing
// case is reported with a witness pattern.
import { describe, it, expect } from 'vitest';
import { checkSource } from './check';

const M = (b: string, items = '') => `${items}\nfn main() {\n${b}\n}\n`;
const cases: [string, string, string | null][] = [
  ['nested ok', M('let o: Option<Option<i32>> = Some(None); match o { Some(Some(x)) => println("{}", x), Some(None) => println("n"), None => println("nn"), }'), null],
  ['nested missing', M('let o: Option<Option<i32>> = Some(None); match o { Some(Some(x)) => println("{}", x), None => println("nn"), }'), 'Some(None)'],
  ['tuple bools ok', M('let a = true; let b = false; match (a, b) { (true, _) => println("1"), (false, true) => println("2"), (false, false) => println("3"), }'), null],
  ['tuple bools missing', M('let a = true; let b = false; match (a, b) { (true, _) => println("1"), (false, true) => println("2"), }'), '(false, false)'],
  ['enum payload enum', M('let s = Shape.Circle(Color.Red); match s { Shape.Circle(Color.Red) => println("r"), Shape.Circle(Color.Green) => println("g"), Shape.Empty => println("e"), }', 'enum Color { Red, Green }\nenum Shape { Circle(Color), Empty }'), null],
  ['enum payload missing', M('let s = Shape.Circle(Color.Red); match s { Shape.Circle(Color.Red) => println("r"), Shape.Empty => println("e"), }', 'enum Color { Red, Green }\nenum Shape { Circle(Color), Empty }'), 'Shape.Circle(Color.Green)'],
  ['or patterns', M('let o: Option<bool> = None; match o { Some(true) | None => println("a"), Some(false) => println("b"), }'), null],
  ['guard not counted', M('let o: Option<i32> = None; match o { Some(x) if x > 0 => println("a"), None => println("b"), }'), 'Some'],
  ['int payload', M('let o: Option<i32> = None; match o { Some(1) => println("a"), None => println("b"), }'), 'Some(_)'],
  ['result', M('let r: Result<i32, str> = Ok(1); match r { Ok(v) => println("{}", v), Err(e) => println("{}", e), }'), null],
  // a struct is one constructor: its refutable field patterns are covered together
  ['struct fields ok', M('let w = W { inner: Some(1), k: true }; match w { W { inner: Some(x), k } => println("{}", x), W { inner: None, k: _ } => println("n"), }', 'struct W { inner: Option<i32>, k: bool }'), null],
  ['struct fields missing', M('let w = W { inner: Some(1), k: true }; match w { W { inner: Some(x), k: true } => println("{}", x), W { inner: None, k } => println("n"), }', 'struct W { inner: Option<i32>, k: bool }'), 'W { inner: Some(_), k: false }'],
  ['generic struct in a variant', M('let e = E.X(P<i32> { a: None }); match e { E.X(P { a: Some(v) }) => println("{}", v), E.X(P { a: None }) => println("n"), E.Y => println("y"), }', 'struct P<T> { a: Option<T> }\nenum E { X(P<i32>), Y }'), null],
  ['top-level missing variant message', M('let c = Color.Red; match c { Color.Red => println("r"), }', 'enum Color { Red, Green, Blue }'), 'Color.Green'],
];

describe('nested exhaustiveness', () => {
  for (const [name, src, want] of cases) {
    it(name, () => {
      const ds = checkSource('t.vx', src).diagnostics.filter((d) => d.severity === 'error');
      if (want === null) expect(ds).toEqual([]);
      else expect(ds.filter((d) => d.code === 'E0115').map((d) => d.message).join('\n')).toContain('`' + want);
    });
  }
  it('hostile width stays fast (step budget)', () => {
    const n = 14;
    const tuple = '(' + Array(n).fill('b').join(', ') + ')';
    const arms = Array.from({ length: 40 }, (_, i) => '(' + Array.from({ length: n }, (_, j) => ((i >> (j % 6)) & 1 ? 'true' : 'false')).join(', ') + ') => println("x"),').join(' ');
    const t0 = performance.now();
    checkSource('t.vx', M(`let b = true; match ${tuple} { ${arms} }`));
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});

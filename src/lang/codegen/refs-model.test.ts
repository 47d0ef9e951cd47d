// References alias their place (codegen/DESIGN.md "Places and references"). Generated programs
// take shared and mutable references to scalars, bind them, pass and return them through fns, fn
// values and closures, write through them and reassign the variables; a model of places (each
// reference = the variable it names) gives the expected output. Many of these programs break the
// borrow rules on purpose (a write while a reference is live shows whether it aliases), so they
// are compiled with the borrow checker off: this tests the code generator's places, not sema.
import { describe, it, expect } from 'vitest';
import { runVex } from './run-helpers.test-util';

const NO_BORROWCK = { borrowCheck: false };

const HEAD = `fn bump(r: &i32!) { *r += 1; }
fn pick(r: &i32!): &i32! { return r; }
fn look(r: &i32): &i32 { return r; }
fn read(r: &i32): i32 { return *r; }
`;

function rng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return (s >>> 8) % n; };
}

function generate(seed: number): { src: string; out: string } {
  const r = rng(seed);
  const vars = [0, 0, 0];
  const refs: { v: number; mut: boolean }[] = [];
  const lines = ['let! x0 = 0;', 'let! x1 = 0;', 'let! x2 = 0;', 'let f: fn(&i32!) = bump;', 'let inc = |r: &i32!| { *r += 10; };'];
  const out: string[] = [];
  for (let k = 0; k < 30; k++) {
    const c = r(1000);
    const mutRefs = refs.map((x, i) => [x, i] as const).filter(([x]) => x.mut);
    switch (r(9)) {
      case 0: { const i = r(3); vars[i] = c; lines.push(`x${i} = ${c};`); break; }
      case 1: {
        const i = r(3);
        const form = r(4);
        const mut = form === 1 || form === 2;
        lines.push(`let r${refs.length} = ${[`&x${i}`, `&x${i}!`, `pick(&x${i}!)`, `look(&x${i})`][form]};`);
        refs.push({ v: i, mut });
        break;
      }
      case 2: if (mutRefs.length) { const [x, i] = mutRefs[r(mutRefs.length)]; vars[x.v] = c; lines.push(`*r${i} = ${c};`); } break;
      case 3: if (mutRefs.length) {
        const [x, i] = mutRefs[r(mutRefs.length)];
        const how = r(3);
        vars[x.v] += how === 2 ? 10 : 1;
        lines.push([`bump(r${i});`, `f(r${i});`, `inc(r${i});`][how]);
      } break;
      case 4: if (refs.length) { const i = r(refs.length); out.push(String(vars[refs[i].v])); lines.push(`println("{}", *r${i});`); } break;
      case 5: if (refs.length) { const i = r(refs.length); out.push(String(vars[refs[i].v])); lines.push(`println("{}", r${i});`); } break;
      case 6: if (refs.length) { const i = r(refs.length); out.push(String(vars[refs[i].v])); lines.push(`println("{}", read(r${i}));`); } break;
      case 7: { const i = r(3); out.push(String(vars[i])); lines.push(`println("{}", x${i});`); break; }
      default: { const i = r(3); vars[i] += c; lines.push(`{ let t = &x${i}!; *t += ${c}; }`); }
    }
  }
  return { src: `${HEAD}fn main() {\n${lines.map((l) => '    ' + l).join('\n')}\n}\n`, out: out.map((l) => l + '\n').join('') };
}

describe('references alias their place (model of places)', () => {
  it('generated programs over scalar references', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const g = generate(seed);
      const r = runVex(g.src, {}, NO_BORROWCK);
      expect(r.stdout, g.src).toBe(g.out);
    }
  });

  it('&T! to an Option or a tuple is bound, returned and printed as its target', () => {
    const r = runVex(`fn first(t: &(i32, i32)!): &(i32, i32)! { return t; }
fn main() {
    let! o: Option<i32> = Some(1);
    let ro = &o!;
    *ro = None;
    println("{} {}", o, ro);
    *ro = Some(7);
    println("{}", o);
    let! t = (1, 2);
    let rt = first(&t!);
    *rt = (3, 4);
    println("{:?} {:?}", t, rt);
}
`, {}, NO_BORROWCK);
    expect(r.stdout).toBe('None None\nSome(7)\n(3, 4) (3, 4)\n');
  });

  it('&c[a..b]! is a mutable view on the elements', () => {
    const r = runVex(`fn zero(s: &[i32]!) { for i in 0..s.len() { s[i] = 0; } }
fn main() {
    let! c = [1, 2, 3, 4, 5];
    let s = &c[1..3]!;
    s[1] = 30;
    zero(&c[3..5]!);
    println("{:?}", c);
}
`, {}, NO_BORROWCK);
    expect(r.stdout).toBe('[1, 2, 30, 0, 0]\n');
  });

  it('a memory-backed (address-taken) struct compares, hashes and is written like any other', () => {
    const r = runVex(`struct P { x: i32, y: i32 }
fn main() {
    let! a = P { x: 1, y: 2 };
    let pa = &a as *P;
    let! b = P { x: 3, y: 4 };
    let pb = &b as *P;
    println("{}", a == b);
    let ra = &a!;
    *ra = P { x: 3, y: 4 };
    println("{} {}", a == b, a == P { x: 3, y: 4 });
    let! m = Map<P, i32>();
    m.insert(P { x: 3, y: 4 }, 34);
    println("{} {}", m.get(a), m.contains_key(b));
}
`, {}, NO_BORROWCK);
    expect(r.stdout).toBe('false\ntrue true\n34 true\n');
  });
});

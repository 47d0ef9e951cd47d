// Chapter 2 §3.4/§3.7: `for x in it` over a type parameter bounded by `Iterator`, and the
// projection `I.Item` in signatures, where clauses and annotations: inside the generic body it is
// opaque, at each call it is the concrete iterator's item type; hover shows both.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkSource } from './check';
import { typeAt } from './query';
import { typeofs } from './typeof.test-util';

const ITERS = `
struct Countdown impl Iterator { n: i32 }
fn (c: &Countdown!) next(): Option<i32> { if c.n == 0 { return None; } c.n -= 1; return Some(c.n + 1); }
struct Words impl Iterator { i: i32 }
fn (w: &Words!) next(): Option<string> { w.i += 1; if w.i > 2 { return None; } return Some("w"); }
fn first<I: Iterator>(it: I): Option<I.Item> { let! i = it; return i.next(); }
fn outer<J: Iterator>(j: J): Option<J.Item> { return first(j); }
fn pairs<I: Iterator>(it: &I!): Vec<(I.Item, i32)> { let! v = Vec<(I.Item, i32)>(); let! k = 0; for x in it { v.push((x, k)); k += 1; } return v; }
`;
const errors = (src: string) => checkSource('t.vx', src).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);

describe('I.Item at call sites', () => {
  it('is the concrete Item of each call, through nested generic calls too', () => {
    expect(typeofs(`
      typeof(first(Countdown { n: 2 }));
      typeof(first(Words { i: 0 }));
      typeof(outer(Words { i: 0 }));
      let! c = Countdown { n: 2 };
      typeof(pairs(&c!));`, ITERS)).toEqual(['Option<i32>', 'Option<string>', 'Option<string>', 'Vec<(i32, i32)>']);
  });
  it('is opaque inside the generic body: only its bounds apply', () => {
    expect(errors(`${ITERS}\nfn sum<I: Iterator>(it: I): i32 { let! s = 0; let! j = it; for x in j { s += x; } return s; }\nfn main() {}`))
      .toEqual(['E0125 cannot apply `+=` to `i32` and `I.Item`']);
    expect(errors(`${ITERS}\nfn show<I: Iterator>(it: &I!) where I.Item: Display { for x in it { println(x.to_string()); } }\nfn main() {}`)).toEqual([]);
  });
  it('checks `where I.Item: C` at each call', () => {
    const src = `${ITERS}\nstruct B { n: i32 }\nstruct Bs impl Iterator { k: i32 }\nfn (b: &Bs!) next(): Option<B> { return None; }
fn show<I: Iterator>(it: &I!) where I.Item: Display { for x in it { println(x.to_string()); } }
fn main() { let! c = Countdown { n: 1 }; show(&c!); let! b = Bs { k: 0 }; show(&b!); }`;
    expect(errors(src)).toEqual(['E0128 the type `B` does not implement contract `Display`']);
  });
  it('needs a bound to iterate a type parameter, and a mutable place for next()!', () => {
    expect(errors(`fn f<T>(t: T) { for x in t { } }\nfn main() {}`)).toEqual(['E0146 type `T` cannot be iterated with `for … in`']);
    expect(errors(`${ITERS}\nfn f<I: Iterator>(t: I) { let t2 = t; for x in t2 { } }\nfn main() {}`).map((e) => e.slice(0, 5))).toEqual(['E0110']);
  });
});

describe('hover', () => {
  const src = readFileSync(`${__dirname}/../../../tests/conformance/lang_generic_iter_param.vx`, 'utf8');
  it('shows the projection in the body and the concrete type at the call', () => {
    expect(typeAt('t.vx', src, src.indexOf('for x in it') + 4)).toBe('let x: I.Item');
    expect(typeAt('t.vx', src, src.indexOf('let f = first') + 4)).toBe('let f: Option<i32>');
    expect(typeAt('t.vx', src, src.indexOf('let s = outer') + 4)).toBe('let s: Option<string>');
  });
});

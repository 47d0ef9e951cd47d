// Chapter 2's constructs together, against a JS model: a user contract with an associated type
// and a default method, operator methods (`op+ op- op== op[]`; collections, Options and tuples
// of a type with its own op== compared through it, Map keys found by it), a user iterator in `for … in`,
// `T.default()` through a bound, closures without annotations (called, and passed to a
// function) and a standard-module import.
import type { Rng } from './rng';
import type { FuzzCase } from './types';

const L = (v: number) => (v < 0 ? `(0 - ${-v})` : `${v}`);

const DECLS = `import { max } from "math";
contract Shape {
    type Unit;
    area(): Self.Unit;
    twice(): Self.Unit { return self.area() * 2; }
}
struct Sq impl Shape, Default { k: i64 }
fn (s: &Sq) area(): i64 { return s.k * s.k; }
fn Sq.default(): Sq { return Sq { k: 3 }; }
struct V2 { x: i64, y: i64 }
fn (a: &V2) op+(b: V2): V2 { return V2 { x: a.x + b.x, y: a.y + b.y }; }
fn (a: &V2) op-(): V2 { return V2 { x: 0 - a.x, y: 0 - a.y }; }
fn (a: &V2) op==(b: V2): bool { return a.x == b.x && a.y == b.y; }
fn (a: &V2) op[](i: i64): i64 { if i == 0 { return a.x; } return a.y; }
struct Steps impl Iterator { cur: i64, end: i64, step: i64 }
fn (s: &Steps!) peek(): Option<Self.Item> { if s.cur >= s.end { return None; } return Some(s.cur); }
fn (s: &Steps!) next(): Option<i64> {
    if s.cur >= s.end { return None; }
    let v = s.cur;
    s.cur += s.step;
    return Some(v);
}
struct Tag { id: i64, note: i64 }
fn (a: &Tag) op==(b: &Tag): bool { return a.id == b.id; }
fn fresh<T: Default>(): T { return T.default(); }
fn apply(f: fn(i64): i64, x: i64): i64 { return f(x); }`;

export function genContracts(r: Rng): FuzzCase {
  const body: string[] = [];
  const out: string[] = [];
  for (let n = r.int(2, 10); n > 0; n--) {
    const a = r.int(-40, 40), b = r.int(-40, 40), c = r.int(-40, 40), d = r.int(-40, 40);
    switch (r.int(0, 9)) {
      // Map keys with their own op== are found by it: Tag's == reads only its id
      case 9: {
        const ks = Array.from({ length: r.int(1, 5) }, () => ({ id: r.int(0, 3), note: r.int(-9, 9), v: r.int(-40, 40) }));
        const q = r.int(0, 3), q2 = r.int(0, 3);
        const model = new Map<number, { note: number; v: number }>();
        for (const k of ks) { const had = model.get(k.id); model.set(k.id, { note: had ? had.note : k.note, v: k.v }); }
        const ins = ks.map((k) => `m.insert(Tag { id: ${k.id}, note: ${L(k.note)} }, ${L(k.v)});`).join(' ');
        body.push(`    { let! m = Map<Tag, i64>(); ${ins} println("{} {} {} {}", m.len(), m.get_or(Tag { id: ${q}, note: 0 }, 0 - 1), m.contains_key(Tag { id: ${q2}, note: 5 }), m.keys()[0].note); }`);
        out.push(`${model.size} ${model.get(q)?.v ?? -1} ${model.has(q2)} ${[...model.values()][0].note}`);
        break;
      }
      // values holding a type with its own op== compare through it (not field by field)
      case 8: body.push(`    { let! v1 = Vec<Tag>(); v1.push(Tag { id: ${L(a)}, note: ${L(b)} }); let! v2 = Vec<Tag>(); v2.push(Tag { id: ${L(c)}, note: ${L(d)} }); println("{} {} {}", v1 == v2, Some(Tag { id: ${L(a)}, note: 1 }) == Some(Tag { id: ${L(c)}, note: 2 }), (Tag { id: ${L(a)}, note: 0 }, ${L(b)}) == (Tag { id: ${L(c)}, note: 9 }, ${L(b)})); }`); out.push(`${a === c} ${a === c} ${a === c}`); break;
      case 0: body.push(`    println("{}", Sq { k: ${L(a)} }.twice());`); out.push(String(2 * a * a)); break;
      case 1: body.push(`    { let p = V2 { x: ${L(a)}, y: ${L(b)} } + V2 { x: ${L(c)}, y: ${L(d)} }; println("{} {}", p[0], p[1]); }`); out.push(`${a + c} ${b + d}`); break;
      case 2: body.push(`    println("{}", -V2 { x: ${L(a)}, y: ${L(b)} } == V2 { x: ${L(c)}, y: ${L(d)} });`); out.push(String(-a === c && -b === d)); break;
      case 3: {
        const step = r.int(1, 4), end = a + r.int(0, 30);
        body.push(`    { let! it = Steps { cur: ${L(a)}, end: ${L(end)}, step: ${step} }; let! t: i64 = 0; println("{:?}", it.peek()); for v in it { t += v; } println("{}", t); }`);
        let t = 0;
        for (let v = a; v < end; v += step) t += v;
        out.push(a < end ? `Some(${a})` : 'None', String(t));
        break;
      }
      case 4: body.push(`    { let k: i64 = ${L(a)}; let f = |x| x * k + 1; println("{}", f(${L(b)})); }`); out.push(String(a * b + 1)); break;
      case 5: body.push(`    { let s: Sq = fresh(); let z: i64 = fresh(); println("{} {}", s.area() + ${L(a)}, z); }`); out.push(`${9 + a} 0`); break;
      case 6: body.push(`    println("{}", apply(|n| n - ${L(a)}, ${L(b)}));`); out.push(String(b - a)); break;
      default: body.push(`    println("{}", max(${L(a)} as i64, ${L(b)} as i64));`); out.push(String(Math.max(a, b)));
    }
  }
  return { category: 'contracts', text: `${DECLS}\nfn main() {\n${body.join('\n')}\n}\n`, expect: { stdout: out.map((l) => l + '\n').join(''), exit: 0 } };
}

// Moving a value out of a container element (issue 14, references that alias): `let! p = ps[0];
// p.n = 5;` used to change ps[0] too, because the element and the taken value were one object.
// Now every by-value use of a moving element is E0163 (rustc E0507 "cannot move out of index"),
// with `.clone()` / `&` help, and what stays allowed (Copy elements, clones, borrows, reads in
// place, temporaries) gives values that share nothing with the container.
import { describe, it, expect } from 'vitest';
import { checkSource } from '../sema/check';
import { runVex } from './run-helpers.test-util';

const ITEMS = `struct P { n: i64, name: String }
struct C { n: i64 }
struct Q { p: P }
fn (self: &P) label(): String { return f"{self.name}#{self.n}"; }
fn take(p: P): i64 { return p.n; }
fn takes(s: String): i64 { return s.len(); }
fn mk(): Vec<P> { let! v = Vec<P>(); v.push(P { n: 7, name: String.from("t") }); return v; }`;
const SETUP = `let! ps = Vec<P>();
ps.push(P { n: 1, name: String.from("a") });
let! vv = Vec<Vec<i64>>();
vv.push(Vec<i64>());
let! vs = Vec<String>();
vs.push(String.from("x"));
let! arr = [P { n: 1, name: String.from("a") }];
let! m = Map<str, P>();
m.insert("k", P { n: 1, name: String.from("a") });
let! os = Vec<Option<i32>>();
os.push(Some(3));`;

function errors(body: string, items = ITEMS): { code: string; message: string; notes: string[] }[] {
  const src = `${items}\nfn main() {\n${SETUP}\n${body}\n}\n`;
  return checkSource('t.vx', src).diagnostics.filter((d) => d.severity === 'error')
    .map((d) => ({ code: d.code, message: d.message, notes: d.notes ?? [] }));
}

describe('moving out of a container element is E0163', () => {
  const rejected: [string, RegExp][] = [
    ['let! p = ps[0]; p.n = 5;', /cannot move out of index of `Vec<P>`/],
    ['let n = take(ps[0]);', /index of `Vec<P>`/],
    ['let q = Q { p: ps[0] };', /index of `Vec<P>`/],
    ['let! x = P { n: 0, name: String.from("") }; x = ps[0]; println("{}", x.n);', /index of `Vec<P>`/],
    ['let! w = vv[0]; w.push(3);', /index of `Vec<Vec<i64>>`/],
    ['let! s = vs[0]; s.push("y");', /index of `Vec<String>`/],
    ['let n = takes(ps[0].name);', /`ps\[0\].name`, which its container keeps owning/],
    ['let! a = arr[0]; a.n = 9;', /index of `\[P; 1\]`/],
    ['let p = m["k"];', /index of `Map<str, P>`/],
    ['let! g = ps.get(0); g.n = 2;', /`ps.get\(0\)`/],
    ['let f = ps.first().unwrap();', /`ps.first\(\).unwrap\(\)`/],
    ['let t = (ps[0], 1);', /index of `Vec<P>`/],
    ['let names = ps.map(|x| x.name);', /`x`'s part out/],
    ['let same = ps.map(|x| x);', /cannot move `x` out/],
    ['for p in ps { let q = p; }', /cannot move `p` out/],
    ['match ps[0] { P { n, name } => { let s = name; } }', /cannot move `name` out/],
    ['let f = || ps[0];', /index of `Vec<P>`/],
    ['let p = P { n: 1, name: String.from("c") }; let f = || p;', /closure's capture/],
  ];
  for (const [body, msg] of rejected) {
    it(body, () => {
      const es = errors(body);
      expect(es.map((e) => e.code)).toEqual(['E0163']);
      expect(es[0].message).toMatch(msg);
      // the help names the way out: a clone (or, for a place, a borrow)
      expect(es[0].notes.join('\n')).toMatch(/clone/);
    });
  }
  it('gives a borrow help for a place and the element text in it', () => {
    const [e] = errors('let p = ps[0];');
    expect(e.notes).toContain('help: clone it (`ps[0].clone()`) to get an owned copy, or borrow it (`&ps[0]`)');
  });
  it('a function that returns an element of a Vec it borrows', () => {
    expect(errors('', `${ITEMS}\nfn first(v: &Vec<P>): P { return v[0]; }`).map((e) => e.message)).toEqual(['cannot move out of index of `Vec<P>`']);
  });

  const accepted = [
    'let c = ps[0].clone(); let r = &ps[0]; let n = ps[0].n; let l = ps[0].name.len(); let lb = ps[0].label();',
    'let up = ps[0].name.to_upper(); println("{} {}", ps[0].name, up); let same = ps[0].name == "a";',
    'let s = f"{ps[0].name}"; let k = vs[0].clone(); let w = vv[0].len(); let a = arr[0].n; let mp = m["k"].n;',
    'let o = os[0]; let f = os.first(); let fd = os.find(|x| x.is_some()); let ns = ps.map(|x| x.n);',
    'let t = mk()[0]; let tn = takes(mk()[0].name); let x = mk().get(0);',
    'for p in ps { println("{}", p.name); let c = p.clone(); } let names = ps.map(|x| x.name.clone());',
    'let r = &ps[0]; let f = || ps[0].n; let g = || ps[0].name.clone(); println("{} {}", f(), g());',
  ];
  for (const body of accepted) it(`accepts: ${body}`, () => expect(errors(body)).toEqual([]));
});

describe('what stays allowed shares nothing with the container', () => {
  it('clones, filter results and temporaries are separate values', () => {
    const r = runVex(`${ITEMS}
fn main() {
    let! ps = Vec<P>();
    ps.push(P { n: 1, name: String.from("a") });
    ps.push(P { n: 2, name: String.from("b") });
    let! c = ps[0].clone();
    c.n = 5;
    c.name.push("z");
    println("{} {} {} {}", ps[0].n, ps[0].name, c.n, c.name);
    let! kept = ps.filter(|p| p.n > 1);
    kept[0].n = 50;
    kept[0].name.push("q");
    println("{} {} {} {}", ps[1].n, ps[1].name, kept[0].n, kept[0].name);
    let! vv = Vec<Vec<i64>>();
    vv.push(Vec<i64>());
    let! w = vv[0].clone();
    w.push(3);
    println("{} {}", vv[0].len(), w.len());
    let! t = mk()[0];
    t.n = 8;
    println("{} {}", t.n, ps.len());
    // a struct with no heap part: filter clones it too
    let! cs = Vec<C>();
    cs.push(C { n: 1 });
    let! big = cs.filter(|c| c.n > 0);
    big[0].n = 40;
    println("{} {}", cs[0].n, big[0].n);
}
`);
    expect(r.stdout).toBe('1 a 5 az\n2 b 50 bq\n0 1\n8 2\n1 40\n');
    expect(r.outcome.kind).toBe('exited');
  });
});

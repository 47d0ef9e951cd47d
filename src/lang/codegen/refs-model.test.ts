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

// Shared references to enums (Option) and tuples: places are variables, struct fields and Vec
// elements; references are taken directly or through fns, read directly, through fns and from
// closures, after writes (whole values, tuple fields) made later, in loops too.
const HEAD2 = `struct H { o: Option<i32>, t: (i32, i32) }
fn passO(r: &Option<i32>): &Option<i32> { return r; }
fn passT(r: &(i32, i32)): &(i32, i32) { return r; }
fn getO(r: &Option<i32>): i32 { match r { Some(v) => { return v; }, None => { return -1; } } }
fn sumT(t: &(i32, i32)): i32 { return t.0 + t.1; }
`;
type OV = number | null;
const showO = (v: OV) => (v === null ? 'None' : `Some(${v})`);

function generateCompound(seed: number): { src: string; out: string } {
  const r = rng(seed);
  const oPlaces = ['o0', 'o1', 'h.o', 'v[0]', 'v[1]'];
  const tPlaces = ['t0', 'h.t'];
  const ov = new Map<string, OV>([['o0', null], ['o1', 5], ['h.o', null], ['v[0]', null], ['v[1]', 1]]);
  const tv = new Map<string, [number, number]>([['t0', [1, 2]], ['h.t', [3, 4]]]);
  const refs: { p: string; opt: boolean }[] = [];
  const closures: number[] = [];
  const lines = ['let! o0: Option<i32> = None;', 'let! o1: Option<i32> = Some(5);', 'let! t0 = (1, 2);',
    'let! h = H { o: None, t: (3, 4) };', 'let! v = Vec<Option<i32>>();', 'v.push(None);', 'v.push(Some(1));'];
  const out: string[] = [];
  const read = (i: number): string => {
    const x = refs[i];
    if (x.opt) {
      const v = ov.get(x.p)!;
      switch (r(3)) {
        case 0: out.push(showO(v)); return `println("{}", r${i});`;
        case 1: out.push(showO(v)); return `println("{}", *r${i});`;
        default: out.push(String(v === null ? -1 : v)); return `println("{}", getO(r${i}));`;
      }
    }
    const [a, b] = tv.get(x.p)!;
    switch (r(3)) {
      case 0: out.push(`(${a}, ${b})`); return `println("{:?}", r${i});`;
      case 1: out.push(String(b)); return `println("{}", r${i}.1);`;
      default: out.push(String(a + b)); return `println("{}", sumT(r${i}));`;
    }
  };
  const writeO = (p: string, c: number): string => {
    const v = r(3) === 0 ? null : c;
    ov.set(p, v);
    return `${p} = ${showO(v)};`;
  };
  const writeT = (p: string, c: number): string => {
    const cur = tv.get(p)!;
    if (r(2) === 0) { tv.set(p, [c, c + 1]); return `${p} = (${c}, ${c + 1});`; }
    tv.set(p, [cur[0], c]);
    return `${p}.1 = ${c};`;
  };
  for (let k = 0; k < 30; k++) {
    const c = r(1000);
    switch (r(7)) {
      case 0: lines.push(writeO(oPlaces[r(oPlaces.length)], c)); break;
      case 1: lines.push(writeT(tPlaces[r(tPlaces.length)], c)); break;
      case 2: {
        const opt = r(3) > 0;
        const p = opt ? oPlaces[r(oPlaces.length)] : tPlaces[r(tPlaces.length)];
        const i = refs.length;
        lines.push(`let r${i} = ${r(2) ? `&${p}` : `${opt ? 'passO' : 'passT'}(&${p})`};`);
        refs.push({ p, opt });
        if (r(3) === 0) {
          // the closure's read is modelled when it is called, so its line is built then
          closures.push(i);
          lines.push(`let c${i} = || { println("{}", ${opt ? `getO(r${i})` : `sumT(r${i})`}); };`);
        }
        break;
      }
      case 3: case 4: if (refs.length) lines.push(read(r(refs.length))); break;
      case 5: if (closures.length) {
        const i = closures[r(closures.length)];
        const x = refs[i];
        if (x.opt) { const v = ov.get(x.p)!; out.push(String(v === null ? -1 : v)); } else { const [a, b] = tv.get(x.p)!; out.push(String(a + b)); }
        lines.push(`c${i}();`);
      } break;
      default: if (refs.length) {
        // a loop writes the place and reads it back through a reference each time round
        const i = r(refs.length);
        const x = refs[i];
        const body: string[] = [];
        for (let j = 0; j < 2; j++) {
          if (x.opt) { ov.set(x.p, c + j); out.push(showO(c + j)); } else { tv.set(x.p, [c + j, j]); out.push(`(${c + j}, ${j})`); }
        }
        body.push(x.opt ? `${x.p} = Some(${c} + j${k});` : `${x.p} = (${c} + j${k}, j${k});`);
        body.push(x.opt ? `println("{}", r${i});` : `println("{:?}", r${i});`);
        lines.push(`let! j${k}: i32 = 0;`, `while j${k} < 2 { ${body.join(' ')} j${k} += 1; }`);
      }
    }
  }
  return { src: `${HEAD2}fn main() {\n${lines.map((l) => '    ' + l).join('\n')}\n}\n`, out: out.map((l) => l + '\n').join('') };
}

// References to Strings (object-like: the reference is the String itself). Places are String
// variables, a struct field and Vec elements; writes go in place (push_str on the place) and
// through mutable references (push_str, a fn, a fn value, a closure, `*r = String.from(…)`);
// reads go through shared and mutable references, fns and closures made earlier. A whole
// reassignment of a place while a reference to it is live is a borrow error (E0161) and is not
// generated; a shared `&str` is the str itself (§4.1) and cannot see a later write either way.
const HEAD3 = `struct H { s: String }
fn app(r: &String!) { r.push_str("+"); }
fn pickS(r: &String!): &String! { return r; }
fn lookS(r: &String): &String { return r; }
fn show(r: &String) { println("{}", r); }
`;

function generateStrings(seed: number): { src: string; out: string } {
  const r = rng(seed);
  const places = ['s0', 's1', 'h.s', 'v[0]', 'v[1]'];
  const val = new Map<string, string>([['s0', 'a'], ['s1', 'b'], ['h.s', 'c'], ['v[0]', 'd'], ['v[1]', 'e']]);
  const refs: { p: string; mut: boolean }[] = [];
  const closures: number[] = [];
  const lines = ['let! s0 = String.from("a");', 'let! s1 = String.from("b");', 'let! h = H { s: String.from("c") };',
    'let! v = Vec<String>();', 'v.push(String.from("d"));', 'v.push(String.from("e"));',
    'let f: fn(&String!) = app;', 'let inc = |r: &String!| { r.push_str("~"); };'];
  const out: string[] = [];
  const word = (c: number) => String.fromCharCode(102 + (c % 20)) + (c % 7);
  for (let k = 0; k < 30; k++) {
    const c = r(1000);
    const mutRefs = refs.map((x, i) => [x, i] as const).filter(([x]) => x.mut);
    switch (r(8)) {
      case 0: { const p = places[r(places.length)]; val.set(p, val.get(p)! + word(c)); lines.push(`${p}.push_str("${word(c)}");`); break; }
      case 1: {
        const p = places[r(places.length)];
        const form = r(4);
        const mut = form === 1 || form === 2;
        lines.push(`let r${refs.length} = ${[`&${p}`, `&${p}!`, `pickS(&${p}!)`, `lookS(&${p})`][form]};`);
        if (!mut && r(3) === 0) {
          closures.push(refs.length);
          lines.push(`let c${refs.length} = || { println("{}", r${refs.length}); };`);
        }
        refs.push({ p, mut });
        break;
      }
      case 2: if (mutRefs.length) {
        const [x, i] = mutRefs[r(mutRefs.length)];
        const how = r(5);
        const cur = val.get(x.p)!;
        val.set(x.p, how === 4 ? word(c) : cur + ['+', '+', '~', word(c)][how]);
        lines.push([`app(r${i});`, `f(r${i});`, `inc(r${i});`, `r${i}.push_str("${word(c)}");`, `*r${i} = String.from("${word(c)}");`][how]);
      } break;
      case 3: case 4: if (refs.length) {
        const i = r(refs.length);
        const v = val.get(refs[i].p)!;
        switch (r(4)) {
          case 0: out.push(v); lines.push(`println("{}", r${i});`); break;
          case 1: out.push(v); lines.push(`println("{}", *r${i});`); break;
          case 2: out.push(String(v.length)); lines.push(`println("{}", r${i}.len());`); break;
          default: out.push(v); lines.push(`show(r${i});`);
        }
      } break;
      case 5: if (closures.length) { const i = closures[r(closures.length)]; out.push(val.get(refs[i].p)!); lines.push(`c${i}();`); } break;
      case 6: { const p = places[r(places.length)]; out.push(val.get(p)!); lines.push(`println("{}", ${p});`); break; }
      default: if (mutRefs.length) {
        // a loop appends through a mutable reference and reads the place back each time round
        const [x, i] = mutRefs[r(mutRefs.length)];
        for (let j = 0; j < 2; j++) { val.set(x.p, val.get(x.p)! + 'L'); out.push(val.get(x.p)!); }
        lines.push(`let! j${k}: i32 = 0;`, `while j${k} < 2 { r${i}.push_str("L"); println("{}", ${x.p}); j${k} += 1; }`);
      }
    }
  }
  return { src: `${HEAD3}fn main() {\n${lines.map((l) => '    ' + l).join('\n')}\n}\n`, out: out.map((l) => l + '\n').join('') };
}

// Reference variables captured by closures, `go` blocks and `async` blocks are rebound (`q = &x;`)
// in the function and inside closures: every capture then reads (and writes through) the new
// place, and the old one is left alone. The model: each reference variable names a variable.
function generateRebind(seed: number): { src: string; out: string } {
  const r = rng(seed);
  const vars = [0, 10, 20];
  const q = [0, 1]; // shared reference variables q0, q1 -> the x they name
  const m = [2]; // mutable reference variable m0
  const lines = ['let! x0 = 0;', 'let! x1 = 10;', 'let! x2 = 20;', 'let! q0 = &x0;', 'let! q1 = &x1;', 'let! m0 = &x2!;',
    'let c0 = || *q0;', 'let c1 = || *q1;', 'let w0 = |v: i32| { *m0 = v; };'];
  const out: string[] = [];
  for (let k = 0; k < 30; k++) {
    const c = r(1000), i = r(3), j = r(2);
    switch (r(11)) {
      case 0: vars[i] = c; lines.push(`x${i} = ${c};`); break;
      case 1: q[j] = i; lines.push(`q${j} = &x${i};`); break;
      case 2: q[j] = i; lines.push(`{ let! f = || { q${j} = &x${i}; }; f(); }`); break;
      case 3: m[0] = i; lines.push(`m0 = &x${i}!;`); break;
      case 4: m[0] = i; lines.push(`{ let! g = || { m0 = &x${i}!; }; g(); }`); break;
      case 5: out.push(String(vars[q[j]])); lines.push(`println("{}", c${j}());`); break;
      case 6: out.push(String(vars[q[j]])); lines.push(`println("{}", *q${j});`); break;
      case 7: vars[m[0]] = c; lines.push(`w0(${c});`); break;
      case 8: out.push(`go ${vars[q[j]]} ${vars[m[0]]}`); lines.push(`go { println("go {} {}", *q${j}, *m0); };`); break;
      case 9: out.push(`async ${vars[q[j]]}`); lines.push(`{ let a = async { *q${j} }; println("async {}", await a); }`); break;
      default: out.push(String(vars[i])); lines.push(`println("{}", x${i});`);
    }
  }
  return { src: `async fn main() {\n${lines.map((l) => '    ' + l).join('\n')}\n}\n`, out: out.map((l) => l + '\n').join('') };
}

// References to elements and fields whose index is a variable: the model's reference is the place
// as it was when the reference was made (Rust evaluates `&v[k]` once, bounds included); the index
// variable, the other elements and the struct's other fields change afterwards.
function generateIndexed(seed: number): { src: string; out: string } {
  const r = rng(seed);
  const xs = [0, 0, 0, 0], ys = [0, 0, 0];
  const p = { a: 0, b: 0 }, bx = { a: 0, b: 0 };
  let k = 0;
  const refs: { get: () => number; set: ((v: number) => void) | null }[] = [];
  const lines = ['let! xs = Vec<i32>.new();', 'xs.push(0); xs.push(0); xs.push(0); xs.push(0);', 'let! ys = [0, 0, 0];', 'let! p = P { a: 0, b: 0 };', 'let! bx = Box(P { a: 0, b: 0 });', 'let! k = 0;'];
  const out: string[] = [];
  for (let n = 0; n < 30; n++) {
    const c = r(1000);
    switch (r(10)) {
      // a field through a Box: a place in the box's content
      case 8: { const f = r(2) ? 'a' : 'b'; bx[f] = c; lines.push(`bx.${f} = ${c};`); break; }
      case 9: { const f = r(2) ? 'a' : 'b'; lines.push(`let r${refs.length} = &bx.${f}!;`); refs.push({ get: () => bx[f], set: (v) => { bx[f] = v; } }); break; }
      case 0: k = r(3); lines.push(`k = ${k};`); break;
      case 1: { const at = k, mut = r(2) === 1; lines.push(`let r${refs.length} = &xs[k]${mut ? '!' : ''};`); refs.push({ get: () => xs[at], set: mut ? (v) => { xs[at] = v; } : null }); break; }
      case 2: { const at = k, mut = r(2) === 1; lines.push(`let r${refs.length} = &ys[k]${mut ? '!' : ''};`); refs.push({ get: () => ys[at], set: mut ? (v) => { ys[at] = v; } : null }); break; }
      case 3: { const f = r(2) ? 'a' : 'b'; lines.push(`let r${refs.length} = &p.${f}!;`); refs.push({ get: () => p[f], set: (v) => { p[f] = v; } }); break; }
      case 4: { const i = r(4); xs[i] = c; lines.push(`xs[${i}] = ${c};`); break; }
      case 5: { const i = r(3); ys[i] = c; lines.push(`ys[${i}] = ${c};`); break; }
      case 6: { const w = refs.map((x, i) => [x, i] as const).filter(([x]) => x.set); if (w.length) { const [x, i] = w[r(w.length)]; x.set!(c); lines.push(`*r${i} = ${c};`); } break; }
      default: if (refs.length) { const i = r(refs.length); out.push(String(refs[i].get())); lines.push(`println("{}", *r${i});`); }
    }
  }
  // references made in a loop, kept past it: each is its own iteration's element
  lines.push('let! rs = Vec<&i32>.new();', 'for j in 0..4 { rs.push(&xs[j]); }', 'for q in rs { println("{}", *q); }');
  for (const x of xs) out.push(String(x));
  return { src: `struct P { a: i32, b: i32 }\nfn main() {\n${lines.map((l) => '    ' + l).join('\n')}\n}\n`, out: out.map((l) => l + '\n').join('') };
}

describe('references alias their place (model of places)', () => {
  it('generated programs over references to elements, fields and fields through a Box, whose index variable changes afterwards', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const g = generateIndexed(seed);
      const r = runVex(g.src, {}, NO_BORROWCK);
      expect(r.stdout, g.src).toBe(g.out);
    }
  });

  it('a frame local whose value cannot be read (a reference to an element gone) is shown empty in the Panic panel, not panicked on again', () => {
    // (the borrow checker rejects this program: with it off, the read through r panics)
    const r = runVex('fn main() {\n    let! v = Vec<i32>.new();\n    v.push(1);\n    let r = &v[0];\n    v.clear();\n    println("{}", *r);\n}\n', {}, NO_BORROWCK);
    expect(r.stderr.match(/panic:/g)).toHaveLength(1);
    expect(r.exitCode).toBe(134);
  });
  it('&v[i] checks its bounds when the reference is made (Rust), and panics once', () => {
    const r = runVex('fn main() {\n    let v = Vec<i32>.new();\n    let r = &v[3];\n    println("made");\n    println("{}", *r);\n}\n');
    expect(r.stdout).toBe('');
    expect(r.stderr.match(/panic: index out of bounds/g)).toHaveLength(1);
  });

  it('generated programs over references to Strings (variables, fields, Vec elements)', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const g = generateStrings(seed);
      const r = runVex(g.src, {}, NO_BORROWCK);
      expect(r.stdout, g.src).toBe(g.out);
    }
  });

  it('generated programs over shared references to Options and tuples (variables, fields, Vec elements)', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const g = generateCompound(seed);
      const r = runVex(g.src, {}, NO_BORROWCK);
      expect(r.stdout, g.src).toBe(g.out);
    }
  });

  it('generated programs over scalar references', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const g = generate(seed);
      const r = runVex(g.src, {}, NO_BORROWCK);
      expect(r.stdout, g.src).toBe(g.out);
    }
  });

  it('generated programs rebinding reference variables that closures, go and async blocks capture', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const g = generateRebind(seed);
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

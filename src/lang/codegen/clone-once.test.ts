// clone() is deep and each clone owns its heap blocks (issue 14.3): generated values of nested
// types (Vec, Option, Box, tuples, arrays, Map, Set, String, structs, enums with boxed payloads)
// are cloned; the clone prints like the original, makes exactly as many blocks as the original
// holds, and at exit every block was allocated once and freed once (no leak, no double free).
import { describe, it, expect } from 'vitest';
import { runVex } from './run-helpers.test-util';
import { compile } from '../compile';
import type { TraceEvent } from '../../runtime/api';

const HEAD = `struct It impl Clone { s: String, b: Box<i32> }
enum Sh { Dot, Tag(String, Box<Sh>) }
struct D impl Drop {
    id: i32,
    fn drop()! { println("drop {}", self.id); }
}
fn (d: &D) clone(): D { println("clone {}", d.id); return D { id: d.id + 100 }; }
struct Holder impl Clone { ds: Vec<D>, name: String }
fn dup<T: Clone>(x: &T): T { return x.clone(); }
`;

function rng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return (s >>> 8) % n; };
}

/** A random type (as Vex text) and statements + an expression building a value of it. */
function gen(r: (n: number) => number, depth: number, pre: string[], k: { n: number }): { ty: string; js: string } {
  const leaf = depth <= 0 || r(4) === 0;
  const id = k.n++;
  if (leaf) {
    switch (r(4)) {
      case 0: return { ty: 'String', js: `String.from("s${id}")` };
      case 1: return { ty: 'i32', js: String(id) };
      case 2: return { ty: 'It', js: `It { s: String.from("i${id}"), b: Box.new(${id}) }` };
      default: return { ty: 'Sh', js: `Sh.Tag(String.from("t${id}"), Box.new(Sh.Tag(String.from("u${id}"), Box.new(Sh.Dot))))` };
    }
  }
  const a = gen(r, depth - 1, pre, k);
  switch (r(7)) {
    case 0: {
      const c = a.js.replace(/"([a-z])(\d+)"/g, '"$1$2x"'); // a second value of a's type
      pre.push(`let! v${id} = Vec<${a.ty}>.new();`, `v${id}.push(${a.js});`);
      if (!/\b[vm]\d+\b/.test(a.js)) pre.push(`v${id}.push(${c});`); // a local moves once
      return { ty: `Vec<${a.ty}>`, js: `v${id}` };
    }
    case 1: return { ty: `Option<${a.ty}>`, js: `Some(${a.js})` };
    case 2: return { ty: `Box<${a.ty}>`, js: `Box.new(${a.js})` };
    case 3: return { ty: `(${a.ty}, i32)`, js: `(${a.js}, ${id})` };
    case 4: return { ty: `[${a.ty}; 1]`, js: `[${a.js}]` };
    case 5: pre.push(`let! m${id} = Map<i32, ${a.ty}>.new();`, `m${id}.insert(${id}, ${a.js});`); return { ty: `Map<i32, ${a.ty}>`, js: `m${id}` };
    default: return { ty: `Result<${a.ty}, i32>`, js: `Ok(${a.js})` };
  }
}

/** Every block allocated once and freed once: no free of a block that is not live, nothing live at exit. */
function heapBalance(trace: TraceEvent[]): { errors: string[]; allocsBetween: (a: string, b: string) => number } {
  const live = new Map<number, number>();
  const errors: string[] = [];
  const marks: number[] = [];
  let allocs = 0;
  for (const e of trace) {
    if (e.t === 'alloc') { if (live.has(e.addr)) errors.push(`block ${e.addr} allocated twice`); live.set(e.addr, e.size); allocs++; }
    else if (e.t === 'free') { if (!live.delete(e.addr)) errors.push(`block ${e.addr} freed but not live`); }
    else if (e.t === 'realloc') { if (!live.delete(e.from)) errors.push(`block ${e.from} reallocated but not live`); live.set(e.to, e.size); }
    else if (e.t === 'output' && e.stream === 'stdout') marks.push(allocs);
  }
  if (live.size) errors.push(`${live.size} block(s) live at exit`);
  const outputs = trace.filter((e): e is Extract<TraceEvent, { t: 'output' }> => e.t === 'output' && e.stream === 'stdout').map((e) => e.text);
  const at = (text: string) => marks[outputs.findIndex((t) => t === text)];
  return { errors, allocsBetween: (a, b) => at(b) - at(a) };
}

describe('clone() is deep: every clone owns its blocks, each freed exactly once', () => {
  it('on generated nested types', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const r = rng(seed);
      const pre: string[] = [];
      const v = gen(r, 3, pre, { n: 0 });
      // (an enum cannot list `impl Clone`, so a bare Sh is not passed to the generic dup)
      const src = `${HEAD}fn main() {
    {
        ${pre.join('\n        ')}
        let x: ${v.ty} = ${v.js};
        println("a");
        let c = x.clone();
        println("b");
        let g = ${v.ty === 'Sh' ? 'x.clone()' : 'dup(&x)'};
        println("c");
        println("{:?}", x);
        println("{:?}", c);
        println("{:?}", g);
    }
    println("live {}", runtime_stats().live_bytes);
}
`;
      const res = runVex(src);
      expect(res.outcome.kind, src).toBe('exited');
      const lines = res.stdout.split('\n');
      expect(lines[4], src).toBe(lines[3]);
      expect(lines[5], src).toBe(lines[3]);
      expect(lines[6], src).toBe('live 0');
      const h = heapBalance(res.trace);
      expect(h.errors, src).toEqual([]);
      // the clone made at least as many blocks as x holds (x's blocks are all made before "a"; a
      // Map filled by an insert that drops is not charged its table yet), and dup as many as clone
      const own = res.trace.slice(0, res.trace.findIndex((e) => e.t === 'output')).filter((e) => e.t === 'alloc').length;
      expect(h.allocsBetween('a\n', 'b\n'), src).toBeGreaterThanOrEqual(own);
      expect(h.allocsBetween('b\n', 'c\n'), src).toBe(h.allocsBetween('a\n', 'b\n'));
    }
  });

  it('a user clone() runs once per element; Drop values of the clone are dropped once each', () => {
    const r = runVex(`${HEAD}fn main() {
    {
        let! h = Holder { ds: Vec<D>.new(), name: String.from("h") };
        h.ds.push(D { id: 1 });
        h.ds.push(D { id: 2 });
        let h2 = h.clone();
        let h3 = dup(&h2);
        let o = Some(h3.ds.clone());
        println("{} {} {}", h2.ds[1].id, h3.ds[0].id, o.unwrap().len());
    }
    println("live {}", runtime_stats().live_bytes);
}
`);
    expect(r.stdout).toBe(['clone 1', 'clone 2', 'clone 101', 'clone 102', 'clone 201', 'clone 202', '102 201 2',
      'drop 301', 'drop 302', 'drop 201', 'drop 202', 'drop 101', 'drop 102', 'drop 1', 'drop 2', 'live 0', ''].join('\n'));
    expect(heapBalance(r.trace).errors).toEqual([]);
  });

  it('a panic in an element clone drops what was cloned and frees the new buffer', () => {
    const r = runVex(`struct D impl Drop {
    id: i32,
    fn drop()! { println("drop {}", self.id); }
}
fn (d: &D) clone(): D { if d.id == 3 { panic("no"); } return D { id: d.id + 10 }; }
fn main() {
    {
        let! v = Vec<D>.new();
        v.push(D { id: 1 }); v.push(D { id: 2 }); v.push(D { id: 3 });
        let! m = Map<String, D>.new();
        m.insert(String.from("a"), D { id: 4 }); m.insert(String.from("b"), D { id: 3 });
        let t = (String.from("s"), D { id: 5 }, D { id: 3 });
        println("{}", catch_panic(|| { let w = v.clone(); }).is_err());
        println("{}", catch_panic(|| { let w = m.clone(); }).is_err());
        println("{}", catch_panic(|| { let w = t.clone(); }).is_err());
    }
    println("live {}", runtime_stats().live_bytes);
}
`);
    expect(r.stdout).toBe(['drop 11', 'drop 12', 'true', 'drop 14', 'true', 'drop 15', 'true',
      'drop 5', 'drop 3', 'drop 4', 'drop 3', 'drop 1', 'drop 2', 'drop 3', 'live 0', ''].join('\n'));
    expect(heapBalance(r.trace).errors).toEqual([]);
  });
});

describe('what cannot be cloned is a compile error (E0168), never a shallow copy', () => {
  const codes = (src: string) => compile([{ name: 't.vx', text: src }]).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);
  it('a resource handle, a union, or a value holding one', () => {
    expect(codes('struct H { lib: DynamicLib }\nfn f(v: &Vec<H>) { let w = v.clone(); }\nfn main() {}')).toEqual(['E0168 the type `Vec<H>` cannot be cloned because it holds `DynamicLib`']);
    expect(codes('union U { a: i32, b: f32 }\nfn f(u: &Option<U>) { let w = u.clone(); }\nfn main() {}')).toEqual(['E0168 the type `Option<U>` cannot be cloned because it holds `U`']);
    expect(codes('fn main() { let a = (1, ArenaAllocator.new(8)); let b = a.clone(); }')).toEqual(['E0168 the type `(i32, ArenaAllocator)` cannot be cloned because it holds `ArenaAllocator`']);
  });
  it('`impl Clone` without a clone() of its own needs Clone fields; with one it decides', () => {
    expect(codes('struct H impl Clone { lib: DynamicLib }\nfn main() {}')).toEqual(['E0168 `H` cannot implement `Clone` field by field: it holds `DynamicLib`']);
    expect(codes('struct H impl Clone { a: ArenaAllocator }\nfn (h: &H) clone(): H { return H { a: ArenaAllocator.new(8) }; }\nfn main() { let h = H { a: ArenaAllocator.new(8) }; let g = h.clone(); }')).toEqual([]);
  });
});

describe('a long list is cloned link by link (no host frame per link)', () => {
  it('clones a 100,000-link list of Strings; every block freed once', () => {
    const r = runVex(`enum L { C(String, Box<L>), N }
fn main() {
    {
        let! l = L.N;
        let! i = 0;
        while i < 100000 { l = L.C(String.from(f"s{i}"), Box.new(l)); i += 1; }
        println("a");
        let l2 = l.clone();
        println("b");
        match l2 { L.C(s, _) => println("{}", s), L.N => {} }
    }
    println("live {}", runtime_stats().live_bytes);
}
`);
    expect(r.stdout).toBe('a\nb\ns99999\nlive 0\n');
    // 100,000 Strings and 100,000 box blocks in each list (+ the f-string temporaries), each freed
    // once (the kept trace holds only the first 100,000 heap events: the run's counters are checked)
    expect(r.stats.allocs).toBe(500000);
    expect(r.stats.frees).toBe(500000);
  });
});

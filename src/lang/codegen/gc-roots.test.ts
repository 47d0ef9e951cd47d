// §6.16 roots: a Gc handle stored anywhere reachable from a live local is kept; everything else
// (cycles included) is freed exactly once. Generated programs: each wraps a handle in a random
// nesting of containers, keeps some and drops the others, and the expected count is computed here.
import { describe, it, expect } from 'vitest';
import { runVex } from './run-helpers.test-util';

/** Wrappers: a Vex type around T and an expression building it from `x`, and reading it back. */
const WRAPS: { ty: (t: string) => string; mk: (x: string) => string; get: (e: string) => string }[] = [
  { ty: (t) => `Vec<${t}>`, mk: (x) => `vec1(${x})`, get: (e) => `${e}[0]` },
  { ty: (t) => `Option<${t}>`, mk: (x) => `Some(${x})`, get: (e) => `${e}.unwrap()` },
  { ty: (t) => `(${t}, i32)`, mk: (x) => `(${x}, 0)`, get: (e) => `${e}.0` },
  { ty: (t) => `Box<${t}>`, mk: (x) => `Box(${x})`, get: (e) => `(*${e})` },
  { ty: (t) => `[${t}; 1]`, mk: (x) => `[${x}]`, get: (e) => `${e}[0]` },
  { ty: (t) => `Map<i32, ${t}>`, mk: (x) => `map1(${x})`, get: (e) => `${e}.get(1)` },
];

const HELPERS = `fn vec1<T>(x: T): Vec<T> { let! v = Vec<T>(); v.push(x); return v; }
fn map1<T>(x: T): Map<i32, T> { let! m = Map<i32, T>(); m.insert(1, x); return m; }
`;

function rng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s % n; };
}

function program(seed: number): { src: string; out: string } {
  const r = rng(seed);
  const lines: string[] = [];
  const reads: string[] = [];
  const kept: number[] = [];
  let freed = 0;
  for (let i = 0; i < 6; i++) {
    let ty = 'Gc<i32>';
    let ex = `Gc(${i})`;
    let get = (e: string) => e;
    for (let d = r(4); d > 0; d--) {
      const w = WRAPS[r(WRAPS.length)];
      ex = w.mk(ex);
      ty = w.ty(ty);
      const inner = get;
      get = (e) => inner(w.get(e));
    }
    if (r(3) !== 0) {
      lines.push(`    let x${i}: ${ty} = ${ex};`);
      reads.push(`    println("{}", ${get(`x${i}`)}.get());`);
      kept.push(i);
    } else {
      lines.push(`    { let y${i}: ${ty} = ${ex}; }`);
      freed++;
    }
  }
  const src = HELPERS + `fn main() {\n${lines.join('\n')}\n    println("freed {}", gc_collect());\n${reads.join('\n')}\n}\n`;
  return { src, out: `freed ${freed}\n` + kept.map((i) => `${i}\n`).join('') };
}

describe('Gc roots through every kind of value (§6.16)', () => {
  it('keeps handles reachable from live locals, frees the rest (generated programs)', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const p = program(seed);
      const r = runVex(p.src);
      expect(r.stdout, p.src).toBe(p.out);
      expect(r.outcome.kind, p.src).toBe('exited');
    }
  });

  it('a reassigned let! drops its hold on the old object, roots the new one', () => {
    const r = runVex(`fn main() {
    let! g = Gc(1);
    g = Gc(2);
    println("freed {}", gc_collect());
    println("{}", g.get());
}
`);
    expect(r.stdout).toBe('freed 1\n2\n');
  });

  it('a drop that allocates during gc_collect does not make it collect forever', () => {
    const r = runVex(`struct R impl Drop {
    n: i32,
    fn drop()! { let g = Gc(R2 { n: self.n }); println("dropped {}", self.n); }
}
struct R2 { n: i32 }
fn main() {
    { let a = Gc(R { n: 1 }); }
    println("freed {}", gc_collect());
    println("freed {}", gc_collect());
}
`);
    expect(r.stdout).toBe('dropped 1\nfreed 1\nfreed 1\n');
  });

  it('formatting, == and map keys of a cyclic Gc structure end (identity for handles)', () => {
    const r = runVex(`struct N { v: i32, next: Option<Gc<N>> }
fn main() {
    let a = Gc(N { v: 1, next: None });
    a.set(N { v: 1, next: Some(a) });
    println("{}", a);
    let b = N { v: 1, next: Some(a) };
    let c = N { v: 1, next: Some(a) };
    println("{}", b == c);
    let! s = Set<Gc<N>>();
    s.insert(a);
    s.insert(a);
    println("{}", s.len());
}
`);
    expect(r.stdout).toBe('N { v: 1, next: Some(<cycle>) }\ntrue\n1\n');
  });
});

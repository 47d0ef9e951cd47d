// A Vec of i8..u32/f32/f64 moves its elements into a typed array once its capacity reaches
// VEC_TYPED_AT (runtime/core/collections.ts). Each program here runs twice: as compiled, and with
// every Vec kept in a plain array (the kind argument stripped from the generated JS); output,
// outcome, trace and statistics must be byte-identical. A few facts are also pinned directly.
import { describe, it, expect } from 'vitest';
import { compile } from '../compile';
import { run } from '../../runtime/run';
import { VVec, VEC_KINDS, VEC_TYPED_AT, setHeapHooks, noHeap } from '../../runtime/core/collections';
import { VEC_KIND } from '../../common/vec-kinds';

const T = VEC_TYPED_AT;
const KIND_ARG = /new rt\.VVec\((\d+), (\d+), undefined, \d+\)/g;

function both(src: string, traceCalls = false) {
  const c = compile([{ name: 'test.vx', text: src }]);
  if (!c.program) throw new Error('compile failed: ' + c.diagnostics.map((d) => `${d.span.line}:${d.span.col} ${d.message}`).join('; '));
  const typed = c.program;
  const plain = { ...typed, js: typed.js.replace(KIND_ARG, 'new rt.VVec($1, $2)') };
  const opts = { traceCalls };
  const proto = VVec.prototype as unknown as { store(cap: number): void };
  const store = proto.store;
  let typedVecs = 0;
  proto.store = function (this: VVec, cap: number) { const was = Array.isArray(this.b); store.call(this, cap); if (was && !Array.isArray(this.b)) typedVecs++; };
  let t: ReturnType<typeof run>;
  try { t = run(typed, opts); } finally { proto.store = store; }
  const shown = (r: ReturnType<typeof run>) => ({
    out: r.output.filter((o) => o.stream === 'stdout').map((o) => o.text).join('') + '\n--stderr--\n' + r.output.filter((o) => o.stream === 'stderr').map((o) => o.text).join(''),
    outcome: r.outcome,
    trace: JSON.stringify(r.trace),
    stats: JSON.stringify(r.stats),
  });
  return { typedJs: typed.js, plainJs: plain.js, typedVecs, typed: shown(t), plain: shown(run(plain, opts)) };
}

function expectSame(src: string, traceCalls = false) {
  const r = both(src, traceCalls);
  expect(r.typedJs).not.toBe(r.plainJs); // the program does have typed-kind Vecs
  expect(r.typedVecs).toBeGreaterThan(0); // and some of them did move to typed arrays
  expect(r.typed.out).toBe(r.plain.out);
  expect(r.typed.outcome).toEqual(r.plain.outcome);
  expect(r.typed.trace).toBe(r.plain.trace);
  expect(r.typed.stats).toBe(r.plain.stats);
  return r.typed;
}

describe('Vec of primitives in typed arrays', () => {
  it('growth across the threshold, indexing, formatting, pop/insert/remove/clear', () => {
    const r = expectSame(`fn main() {
    let! v = Vec<i32>.new();
    for i in 0..${T + 200} {
        v.push((i * 37) % 101 - 50);
        if v.len() >= ${T - 2} && v.len() <= ${T + 2} { println("len {} cap {} last {}", v.len(), v.capacity(), v[v.len() - 1]); }
    }
    println("{}", v);
    println("{:?}", v);
    v[150] = v[150] + v[(v.len() - 1) as i32] * 2;
    println("{}", v[150]);
    println("{:?} {}", v.pop(), v.len());
    v.insert(3, 4242);
    println("{} {} {} {}", v[2], v[3], v[4], v.len());
    println("{} {}", v.remove(3), v.len());
    println("{} {} {}", v.first(), v.last(), v.contains(-50));
    println("{}", v.get(10));
    v.clear();
    println("{} {} {} {:?}", v.len(), v.is_empty(), v.capacity(), v.pop());
    v.push(5);
    println("{}", v);
}
`);
    expect(r.out).toContain(`len ${T} cap ${T} last `);
    expect(r.out).toContain(`len ${T + 1} cap ${2 * T} last `);
    expect(r.out).toContain(`0 true ${2 * T} None\n[5]\n`);
  });

  it('an index past the length panics even when the typed storage has room there', () => {
    const read = expectSame(`fn main() {
    let! v = Vec<i32>.new();
    for i in 0..${T} { v.push(i); }
    v.clear();
    v.push(1);
    println("{}", v[5]);
}
`);
    expect(read.out).toContain('index out of bounds: index 5, len 1');
    expect(read.outcome.kind).toBe('panicked');
    const write = expectSame(`fn main() {
    let! v = Vec<f64>.new();
    for i in 0..${T + 1} { v.push(i as f64); }
    let k = v.len() as i32;
    v[k] = 1.5;
}
`);
    expect(write.out).toContain(`index out of bounds: index ${T + 1}, len ${T + 1}`);
    const neg = expectSame(`fn main() {
    let! v = Vec<u8>.new();
    for i in 0..${T} { v.push(i as u8); }
    let k = 0 - 1;
    println("{}", v[k + 0]);
}
`);
    expect(neg.out).toContain(`index out of bounds: index -1, len ${T}`);
  });

  it('sort, sort_by with a printing comparator, reverse, map, filter, join, fold, any/all', () => {
    expectSame(`fn main() {
    let! v = Vec<i16>.new();
    for i in 0..${T + 90} { v.push(((i * 7919) % 211 - 105) as i16); }
    v.sort();
    println("{}", v);
    let! calls = 0;
    v.sort_by(|a, b| { calls += 1; if calls < 5 { println("cmp {} {}", a, b); } return (b - a) as i32; });
    println("{} {}", v, calls > 0);
    v.reverse();
    println("{}", v);
    let w = v.map(|x| (x as i32) * 1000);
    println("{}", w);
    let f = v.filter(|x| x % 3 == 0);
    println("{} {}", f, f.len());
    println("{}", v.join("/"));
    println("{} {} {}", v.fold(0, |a, x| a + x as i32), v.any(|x| x > 100), v.all(|x| x > -200));
    println("{:?}", v.index_of(0));
}
`);
  });

  it('clone is independent; slices alias the Vec; == compares elements', () => {
    const r = expectSame(`fn sum(s: &[i32]): i32 {
    let! t = 0;
    for x in s { t += x; }
    return t;
}
fn bump(s: &[i32]!) {
    s[0] = s[0] + 1000;
}
fn main() {
    let! v = Vec<i32>.new();
    for i in 0..${T + 130} { v.push(i); }
    let! c = v.clone();
    c[0] = 7777;
    c.push(1);
    println("{} {} {} {}", v[0], c[0], v.len(), c.len());
    println("{}", v == c);
    c.pop();
    c[0] = 0;
    println("{}", v == c);
    let s = &v[60..70];
    println("{} {} {:?}", s.len(), sum(s), s);
    let! m = &v[100..110]!;
    bump(m);
    println("{} {}", v[100], v[101]);
    for x in v { if x > 1000 { println("seen {}", x); } }
}
`);
    expect(r.out).toContain(`0 7777 ${T + 130} ${T + 131}\nfalse\ntrue\n`);
    expect(r.out).toContain('1100 101\nseen 1100\n');
  });

  it('every typed kind keeps its values exactly (wrapping, -0, NaN, f32 rounding, u32 above 2^31)', () => {
    expectSame(`fn main() {
    let! a = Vec<i8>.new();
    let! b = Vec<u8>.new();
    let! c = Vec<i16>.new();
    let! d = Vec<u16>.new();
    let! e = Vec<u32>.new();
    let! f = Vec<f32>.new();
    let! g = Vec<f64>.new();
    for i in 0..${T + 300} {
        a.push((i % 256 - 128) as i8);
        b.push((i * 3 % 256) as u8);
        c.push((i * 300 - 40000) as i16);
        d.push((i * 250) as u16);
        e.push(4000000000 + i as u32);
        f.push(i as f32 / 3.0);
        g.push(i as f64 / 7.0);
    }
    f.push(-0.0);
    g.push(0.0 / 0.0);
    g.push(-1.0 / 0.0);
    println("{} {} {} {} {}", a[0], a[255], b[1299], c[1299], d[1299]);
    println("{} {} {} {}", e[1299], f[1], f[${T + 300}], f[1299]);
    println("{} {} {} {}", g[1], g[${T + 300}], g[${T + 301}], g.len());
    println("{:?}", f.last());
}
`);
  });

  it('drop accounting and the heap trace are those of the plain representation', () => {
    const r = expectSame(`fn fill(n: i32): Vec<f64> {
    let! v = Vec<f64>.new();
    for i in 0..n { v.push(i as f64); }
    return v;
}
fn main() {
    for k in 0..3 {
        let v = fill(${T - 100} + k * 150);
        println("{} {}", v.len(), v.capacity());
    }
    let! w = Vec<i32>.new();
    w.reserve(${3 * T});
    for i in 0..10 { w.push(i); }
    w.reserve(${5 * T});
    println("{} {}", w.len(), w.capacity());
    println("{}", runtime_stats());
}
`);
    expect(r.trace).toContain('"t":"realloc"');
  });

  it('a Vec of i64, bool, String or structs stays a plain array (no kind argument)', () => {
    const c = compile([{ name: 't.vx', text: 'struct P { x: i32 }\nfn main() { let a = Vec<i64>.new(); let b = Vec<bool>.new(); let s = Vec<String>.new(); let p = Vec<P>.new(); let f = Vec<f32>.new(); }\n' }]);
    const js = c.program!.js;
    expect(js.match(KIND_ARG)?.length).toBe(1); // only Vec<f32>
  });
});

describe('VVec storage', () => {
  it('kind codes name the typed arrays of their element types', () => {
    expect(VEC_KINDS[VEC_KIND.i8]).toBe(Int8Array);
    expect(VEC_KINDS[VEC_KIND.u8]).toBe(Uint8Array);
    expect(VEC_KINDS[VEC_KIND.i16]).toBe(Int16Array);
    expect(VEC_KINDS[VEC_KIND.u16]).toBe(Uint16Array);
    expect(VEC_KINDS[VEC_KIND.i32]).toBe(Int32Array);
    expect(VEC_KINDS[VEC_KIND.u32]).toBe(Uint32Array);
    expect(VEC_KINDS[VEC_KIND.f32]).toBe(Float32Array);
    expect(VEC_KINDS[VEC_KIND.f64]).toBe(Float64Array);
  });

  it('stays a plain array below the threshold, moves to a typed array at it, keeps n and a exact', () => {
    setHeapHooks(noHeap);
    const v = new VVec<number>(4, 4, undefined, VEC_KIND.i32);
    for (let i = 0; i < VEC_TYPED_AT / 2; i++) v.push(i * 3);
    expect(Array.isArray(v.b)).toBe(true); // capacity VEC_TYPED_AT / 2
    v.push(-7); // capacity doubles to the threshold
    expect(v.b).toBeInstanceOf(Int32Array);
    expect(v.b.length).toBe(v.cap);
    for (let i = 0; i < VEC_TYPED_AT / 2; i++) v.push(i); // and past it: the typed array grows
    v.push(-7);
    expect(v.cap).toBe(VEC_TYPED_AT * 2);
    expect(v.b.length).toBe(v.cap);
    expect(v.n).toBe(VEC_TYPED_AT + 2);
    expect(v.a.length).toBe(v.n);
    expect(Array.from(v.a).slice(0, 3)).toEqual([0, 3, 6]);
    expect(v.a[v.n - 1]).toBe(-7);
    // the view shares the storage: writes through it reach the Vec
    (v.a as unknown as number[])[0] = 99;
    expect(v.b[0]).toBe(99);
    expect(v.pop()).toBe(-7);
    expect(v.a.length).toBe(VEC_TYPED_AT + 1);
    v.pop();
    v.splice(1, 0, 5);
    expect(Array.from(v.a).slice(0, 4)).toEqual([99, 5, 3, 6]);
    expect(v.splice(0, 1)).toBe(99);
    expect(v.n).toBe(VEC_TYPED_AT);
    expect(v.clear(true).length).toBe(VEC_TYPED_AT);
    expect(v.n).toBe(0);
    expect(v.a.length).toBe(0);
  });

  it('a kind-0 Vec never leaves its plain array', () => {
    const v = new VVec<number>(8, 8);
    for (let i = 0; i < 1000; i++) v.push(i);
    expect(Array.isArray(v.b)).toBe(true);
    expect(v.a).toBe(v.b);
    expect(v.n).toBe(1000);
  });

  it('a typed array the host cannot allocate leaves the Vec a plain array, elements kept', () => {
    setHeapHooks(noHeap);
    const kinds = VEC_KINDS as unknown as unknown[];
    const real = kinds[VEC_KIND.f64];
    const v = new VVec<number>(8, 8, undefined, VEC_KIND.f64);
    for (let i = 0; i < VEC_TYPED_AT + 1; i++) v.push(i / 2);
    expect(v.b).toBeInstanceOf(Float64Array);
    kinds[VEC_KIND.f64] = class { constructor() { throw new RangeError('Array buffer allocation failed'); } };
    try {
      v.reserve(10 * VEC_TYPED_AT);
    } finally {
      kinds[VEC_KIND.f64] = real;
    }
    expect(Array.isArray(v.b)).toBe(true);
    expect(v.kind).toBe(0);
    expect(v.n).toBe(VEC_TYPED_AT + 1);
    expect(v.a[VEC_TYPED_AT]).toBe(VEC_TYPED_AT / 2);
    v.push(-1);
    expect(v.a.length).toBe(VEC_TYPED_AT + 2);
    expect(v.a[VEC_TYPED_AT + 1]).toBe(-1);
  });
});

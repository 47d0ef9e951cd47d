// References that alias (&T / &T! to scalars, structs, tuples, Option, array elements; through
// bound refs, fn params, fn values and closures), address-taken (memory-backed) values that must
// behave like the others, checked against a small model of the places.
import type { Rng } from './rng';
import type { FuzzCase } from './types';

const w32 = (x: number) => x | 0;
const small = (r: Rng) => r.int(-1000, 1000);
const L = (v: number) => (v < 0 ? `(0 - ${-v})` : `${v}`);

const HEADER = `struct P { a: i32, b: i64 }
fn bump(r: &i32!, k: i32) { *r += k; }
fn read(r: &i32): i32 { return *r; }
fn set_a(p: &P!, v: i32) { p.a = v; }
fn pick(r: &i32!): &i32! { return r; }
fn put_t(r: &(i32, i32)!, a: i32, b: i32) { *r = (a, b); }
`;

export function genRefs(r: Rng): FuzzCase {
  const m = { x: r.int(-50, 50), pa: 1, pb: 2, t0: 3, t1: 4, o: null as number | null, arr: [1, 2, 3, 4] };
  const body: string[] = [`    let! x: i32 = ${L(m.x)};`, '    let! p = P { a: 1, b: 2 };', '    let! t = (3, 4);', '    let! o: Option<i32> = None;', '    let! arr = [1, 2, 3, 4];'];
  if (r.bool(0.4)) body.push('    let _px = &x as *i32;');
  if (r.bool(0.4)) body.push('    let _pp = &p as *P;');
  const out: string[] = [];
  const show = (what: string) => {
    if (what === 'x') { body.push('    println("{}", x);'); out.push(String(m.x)); }
    if (what === 'p') { body.push('    println("{}", p);'); out.push(`P { a: ${m.pa}, b: ${m.pb} }`); }
    if (what === 't') { body.push('    println("{} {}", t.0, t.1);'); out.push(`${m.t0} ${m.t1}`); }
    if (what === 'o') { body.push('    println("{}", o);'); out.push(m.o === null ? 'None' : `Some(${m.o})`); }
    if (what === 'arr') { body.push('    println("{} {} {} {}", arr[0], arr[1], arr[2], arr[3]);'); out.push(m.arr.join(' ')); }
  };
  for (let n = r.int(2, 12); n > 0; n--) {
    const k = small(r), k2 = small(r);
    switch (r.int(0, 17)) {
      case 0: body.push(`    bump(&x!, ${L(k)});`); m.x = w32(m.x + k); show('x'); break;
      case 1: body.push(`    { let rx = &x!; *rx = ${L(k)}; }`); m.x = k; show('x'); break;
      case 2: body.push(`    { let rx = &x!; *rx += ${L(k)}; *rx *= 3; }`); m.x = w32(Math.imul(w32(m.x + k), 3)); show('x'); break;
      case 3: body.push(`    { let rr = &x; println("{} {}", *rr, read(rr)); }`); out.push(`${m.x} ${m.x}`); break;
      case 4: body.push(`    { let f: fn(&i32!, i32) = bump; f(&x!, ${L(k)}); }`); m.x = w32(m.x + k); show('x'); break;
      case 5: body.push(`    { let g = |q: &i32!| { *q *= 2; }; g(&x!); }`); m.x = w32(m.x * 2); show('x'); break;
      case 6: body.push(`    { let rq = pick(&x!); *rq = ${L(k)}; }`); m.x = k; show('x'); break;
      case 7: body.push(`    set_a(&p!, ${L(k)});`); m.pa = k; show('p'); break;
      case 8: body.push(`    { let rp = &p!; rp.b = ${L(k)}; }`); m.pb = k; show('p'); break;
      case 9: body.push(`    { let rp = &p!; *rp = P { a: ${L(k)}, b: ${L(k2)} }; }`); m.pa = k; m.pb = k2; show('p'); break;
      case 10: body.push(`    { let rt_ = &t!; *rt_ = (${L(k)}, ${L(k2)}); }`); m.t0 = k; m.t1 = k2; show('t'); break;
      case 11: body.push(`    put_t(&t!, ${L(k)}, ${L(k2)});`); m.t0 = k; m.t1 = k2; show('t'); break;
      case 12: if (r.bool()) { body.push(`    { let ro = &o!; *ro = Some(${L(k)}); }`); m.o = k; } else { body.push('    { let ro = &o!; *ro = None; }'); m.o = null; } show('o'); break;
      case 13: { const i = r.int(0, 3); body.push(`    { let re = &arr[${i}]!; *re = ${L(k)}; }`); m.arr[i] = k; show('arr'); break; }
      case 15: body.push('    { let rx = &x!; println("{}", rx); println(rx); }'); out.push(String(m.x), String(m.x)); break;
      case 16: { const w = r.pick(['a', 'bc', 'héllo']); body.push(`    { let! s = "${w}"; let rs = &s!; println(rs); let rs2 = &s; println("{} {}", rs2, s.len()); }`); out.push(w, `${w} ${Buffer.byteLength(w)}`); break; }
      default: body.push(`    x = ${L(k)};`); m.x = k; show('x');
    }
  }
  return { category: 'refs', text: `${HEADER}fn main() {\n${body.join('\n')}\n}\n`, expect: { stdout: out.map((l) => l + '\n').join(''), exit: 0 } };
}

/** Equality, hashing (Map/Set keys), formatting and copying must not depend on where a value lives:
 *  the same operations with and without the address taken print the same thing (a model decides it). */
export function genAddr(r: Rng): FuzzCase {
  const n = r.int(2, 5);
  const ks = Array.from({ length: n }, () => [r.int(0, 3), r.int(0, 3)] as [number, number]);
  const body: string[] = ['    let! m = Map<K, i32>();', '    let! s = Set<K>();'];
  const out: string[] = [];
  const model = new Map<string, number>();
  const set = new Set<string>();
  ks.forEach(([a, b], i) => {
    body.push(`    let! k${i} = K { a: ${a}, b: ${b} };`);
    if (r.bool(0.6)) body.push(`    let _p${i} = &k${i} as *K;`);
  });
  for (let j = r.int(2, 10); j > 0; j--) {
    const i = r.int(0, n - 1), i2 = r.int(0, n - 1), key = ks[i].join(',');
    switch (r.int(0, 5)) {
      case 0: body.push(`    println("{}", k${i} == k${i2});`); out.push(String(key === ks[i2].join(','))); break;
      case 1: body.push(`    m.insert(K { a: k${i}.a, b: k${i}.b }, ${j});`); model.set(key, j); body.push('    println("{}", m.len());'); out.push(String(model.size)); break;
      case 2: body.push(`    println("{}", m.contains_key(K { a: k${i}.a, b: k${i}.b }));`); out.push(String(model.has(key))); break;
      case 3: body.push(`    s.insert(K { a: k${i}.a, b: k${i}.b });`, '    println("{}", s.len());'); set.add(key); out.push(String(set.size)); break;
      case 4: body.push(`    println("{}", k${i});`); out.push(`K { a: ${ks[i][0]}, b: ${ks[i][1]} }`); break;
      default: { const v = r.int(0, 3); body.push(`    k${i}.a = ${v};`, `    println("{}", s.contains(K { a: k${i}.a, b: k${i}.b }));`); ks[i][0] = v; out.push(String(set.has(ks[i].join(',')))); }
    }
  }
  return { category: 'addr', text: `struct K { a: i32, b: i32 }\nfn main() {\n${body.join('\n')}\n}\n`, expect: { stdout: out.map((l) => l + '\n').join(''), exit: 0 } };
}

// The core language: structs, enums and match, generics, closures, and Vec/Map/Set/String
// operations, each against a JS model of what they compute.
import type { Rng } from './rng';
import type { FuzzCase } from './types';

const L = (v: number) => (v < 0 ? `(0 - ${-v})` : `${v}`);

export function genCollections(r: Rng): FuzzCase {
  const body = ['    let! v = Vec<i64>();', '    let! m = Map<i64, i64>();', '    let! s: Set<i64> = Set();', '    let! st = String.from("");'];
  const out: string[] = [];
  const v: number[] = [], m = new Map<number, number>(), s = new Set<number>();
  let str = '';
  for (let n = r.int(3, 20); n > 0; n--) {
    const a = r.int(-5, 5), b = r.int(-100, 100);
    switch (r.int(0, 13)) {
      // == on maps and sets: the same entries in another order, or one entry more
      case 12: {
        const extra = r.bool(0.3) && !m.has(a);
        const ins = [...m].reverse().map(([k, x]) => `m2.insert(${L(k)}, ${L(x)});`).concat(extra ? [`m2.insert(${L(a)}, 0);`] : []);
        body.push(`    { let! m2 = Map<i64, i64>(); ${ins.join(' ')} println("{} {}", m == m2, m == m.clone()); }`);
        out.push(`${!extra} true`);
        break;
      }
      case 13: {
        const extra = r.bool(0.3) && !s.has(a);
        const ins = [...s].reverse().map((k) => `s2.insert(${L(k)});`).concat(extra ? [`s2.insert(${L(a)});`] : []);
        body.push(`    { let! s2: Set<i64> = Set(); ${ins.join(' ')} println("{}", s == s2); }`);
        out.push(String(!extra));
        break;
      }
      case 0: body.push(`    v.push(${L(b)});`); v.push(b); break;
      case 1: body.push('    println("{}", v.pop());'); out.push(v.length ? `Some(${v.pop()})` : 'None'); break;
      case 2: body.push('    println("{} {}", v.len(), v);'); out.push(`${v.length} [${v.join(', ')}]`); break;
      case 3: if (v.length) { const i = r.int(0, v.length - 1); body.push(`    v[${i}] = ${L(b)};`); v[i] = b; } break;
      case 4: body.push(`    m.insert(${L(a)}, ${L(b)});`); m.set(a, b); break;
      case 5: if (m.has(a)) { body.push(`    m.remove(${L(a)});`); m.delete(a); } break;
      case 6: body.push(`    println("{} {}", m.len(), m.contains_key(${L(a)}));`); out.push(`${m.size} ${m.has(a)}`); break;
      case 7: if (m.has(a)) { body.push(`    println("{}", m.get(${L(a)}));`); out.push(String(m.get(a))); } break;
      case 8: body.push(`    s.insert(${L(a)});`, `    println("{} {}", s.len(), s.contains(${L(b % 6)}));`); s.add(a); out.push(`${s.size} ${s.has(b % 6)}`); break;
      case 9: { const w = r.pick(['ab', 'x', '', 'héllo', '42']); body.push(`    st.push_str("${w}");`, '    println("{} {}", st.len(), st);'); str += w; out.push(`${Buffer.byteLength(str)} ${str}`); break; }
      case 10: body.push('    { let! t: i64 = 0; for x in v { t += x; } println("{}", t); }'); out.push(String(v.reduce((p, q) => p + q, 0))); break;
      default: body.push('    println("{}", m);'); out.push(`{${[...m].map(([k, x]) => `${k}: ${x}`).join(', ')}}`);
    }
  }
  return { category: 'collections', text: `fn main() {\n${body.join('\n')}\n}\n`, expect: { stdout: out.map((l) => l + '\n').join(''), exit: 0 } };
}

export function genLangCore(r: Rng): FuzzCase {
  const decls = [
    'enum Sh { Sq(i64), Rect(i64, i64), Tri(i64, i64), Dot }',
    'struct Box2<T> { x: T, y: T }',
    'fn area(s: Sh): i64 {',
    '    return match s {',
    '        Sh.Sq(k) if k < 0 => 0,',
    '        Sh.Sq(k) => k * k,',
    '        Sh.Rect(w, h) => w * h,',
    '        Sh.Tri(a, b) => a * b / 2,',
    '        Sh.Dot => 1,',
    '    };',
    '}',
    'fn first<T>(b: Box2<T>): T { return b.x; }',
    'fn apply(f: fn(i64): i64, x: i64): i64 { return f(x); }',
    'fn fold(xs: Vec<i64>, f: fn(i64, i64): i64): i64 { let! acc: i64 = 0; for x in xs { acc = f(acc, x); } return acc; }',
  ];
  const body: string[] = [];
  const out: string[] = [];
  for (let n = r.int(2, 10); n > 0; n--) {
    const a = r.int(-50, 50), b = r.int(-50, 50);
    switch (r.int(0, 6)) {
      case 0: body.push(`    println("{}", area(Sh.Sq(${L(a)})));`); out.push(String(a < 0 ? 0 : a * a)); break;
      case 1: body.push(`    println("{}", area(Sh.Rect(${L(a)}, ${L(b)})));`); out.push(String(a * b)); break;
      case 2: body.push(`    println("{}", area(Sh.Tri(${L(a)}, ${L(b)})));`); out.push(String(Math.trunc((a * b) / 2))); break;
      case 3: body.push(`    println("{} {}", first(Box2 { x: ${L(a)}, y: ${L(b)} }), first(Box2 { x: "s${n}", y: "t" }));`); out.push(`${a} s${n}`); break;
      case 4: body.push(`    { let! k: i64 = ${L(a)}; let add = |x: i64| x + k; println("{}", apply(add, ${L(b)})); }`); out.push(String(a + b)); break;
      case 5: {
        const xs = Array.from({ length: r.int(0, 6) }, () => r.int(-9, 9));
        body.push(`    { let! xs = Vec<i64>(); ${xs.map((x) => `xs.push(${L(x)});`).join(' ')} println("{}", fold(xs, |p: i64, q: i64| p * 2 + q)); }`);
        out.push(String(xs.reduce((p, q) => p * 2 + q, 0)));
        break;
      }
      default: body.push(`    println("{}", area(Sh.Dot) + ${L(a)});`); out.push(String(1 + a));
    }
  }
  return { category: 'lang', text: `${decls.join('\n')}\nfn main() {\n${body.join('\n')}\n}\n`, expect: { stdout: out.map((l) => l + '\n').join(''), exit: 0 } };
}

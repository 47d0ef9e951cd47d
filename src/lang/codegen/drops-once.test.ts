// Drop exactly once, at the right time, through every container operation (issue 14.3, 9.12).
// Generated programs apply random operations to a Map, a Vec, a Set, a Box, a Gc, a struct field,
// a `&T!` reference and owned temporaries; a small model of those places says which values each
// operation must drop, and the run must print exactly those drops between the operation markers.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { runVex } from './run-helpers.test-util';

const HEAD = `struct D impl Drop {
    id: i32,
    fn drop()! { println("drop {}", self.id); }
}
struct P { a: D, n: i32 }
fn mk(id: i32): D { return D { id: id }; }
fn id_of(d: &D): i32 { return d.id; }
`;

function rng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return (s >>> 8) % n; };
}

interface Case { src: string; expected: string[]; final: number[] }

function generate(seed: number): Case {
  const r = rng(seed);
  let next = 100;
  const body: string[] = [];
  const expected: string[] = [];
  // the model: what each place holds
  const map = new Map<number, number>();
  const vec: number[] = [];
  let box = next++, gc = next++, x = next++, pa = next++;
  body.push(`let! m = Map<i32, D>();`, `let! v = Vec<D>();`, `let! s = Set<i32>();`, `let! sd = Map<String, D>();`,
    `let! b = Box(mk(${box}));`, `let g = Gc(mk(${gc}));`, `let! x = mk(${x});`, `let! p = P { a: mk(${pa}), n: 0 };`,
    `let! hm = HashMap<i32, D>.new();`);
  const sdMap = new Map<string, number>();
  const hmap = new Map<number, number>(); // the standard module's HashMap (insert/remove hand the old value out)
  const op = (k: number, code: string, drops: number[], printed: string[] = []) => {
    body.push(`println("op ${k}");`, code);
    expected.push(`op ${k}`, ...printed, ...drops.map((d) => `drop ${d}`));
  };
  for (let k = 0; k < 24; k++) {
    const id = next++;
    switch (r(16)) {
      case 0: { const key = r(3); const old = map.get(key); map.set(key, id); op(k, `m.insert(${key}, mk(${id}));`, old === undefined ? [] : [old]); break; }
      case 1: { const key = r(3); const old = map.get(key); map.delete(key); op(k, `m.remove(${key});`, old === undefined ? [] : [old]); break; }
      case 2: { vec.push(id); op(k, `v.push(mk(${id}));`, []); break; }
      case 3: {
        if (!vec.length) { vec.push(id); op(k, `v.push(mk(${id}));`, []); break; }
        const i = r(vec.length); const old = vec[i]; vec[i] = id; op(k, `v[${i}] = mk(${id});`, [old]); break;
      }
      case 4: { const olds = vec.splice(0); op(k, `v.clear();`, olds); break; }
      case 5: { const old = vec.pop(); op(k, `v.pop();`, old === undefined ? [] : [old]); break; }
      case 6: { const old = box; box = id; op(k, r(2) ? `b.set(mk(${id}));` : `*b = mk(${id});`, [old]); break; }
      case 7: { const old = gc; gc = id; op(k, `g.set(mk(${id}));`, [old]); break; }
      case 8: { const old = x; x = id; op(k, `{ let rr = &x!; *rr = mk(${id}); }`, [old]); break; }
      case 9: { const old = pa; pa = id; op(k, `p.a = mk(${id});`, [old]); break; }
      case 10: {
        // owned temporaries: a call's result, and tuple and array literals holding one
        const form = r(11);
        const code = [`println("{}", mk(${id}).id);`, `println("{}", id_of(&mk(${id})));`, `match mk(${id}) { D { id } => println("{}", id) }`, `mk(${id});`,
          `(mk(${id}), 7);`, `[mk(${id})];`, `println("{}", (mk(${id}), 1).0.id);`, `match (mk(${id}), 2) { (d, n) => println("{}", d.id + n) }`,
          `println("{}", id_of(&(mk(${id}), 3).0));`, `Some(mk(${id})).unwrap();`, `(mk(${id}), 4).1;`][form];
        op(k, code, [id], [3, 4, 5, 9, 10].includes(form) ? [] : [String(form === 7 ? id + 2 : id)]);
        break;
      }
      case 11: {
        // the element adaptors lend the elements to the closure: nothing is dropped
        const forms = [`println("{}", v.any(|d| d.id == ${id}));`, `println("{}", v.all(|d| d.id > 0));`,
          `println("{}", v.map(|d| d.id).len());`, `v.forEach(|d| println("{}", d.id));`,
          `println("{}", v.reduce(0, |a, d| a + d.id));`, `println("{}", v.find(|d| d.id == ${id}).is_some());`,
          `v.sort_by(|a, b| b.id - a.id);`];
        const form = r(forms.length);
        const printed = [
          [String(false)], [String(true)], [String(vec.length)], vec.map(String),
          [String(vec.reduce((a, d) => a + d, 0))], [String(false)], [],
        ][form];
        if (form === 6) vec.sort((a, b) => b - a);
        op(k, forms[form], [], printed);
        break;
      }
      // HashMap: the Option insert/remove return is dropped with the statement; get's clone too
      case 13: { const key = r(3); const old = hmap.get(key); hmap.set(key, id); op(k, `hm.insert(${key}, mk(${id}));`, old === undefined ? [] : [old]); break; }
      case 14: { const key = r(3); const old = hmap.get(key); hmap.delete(key); op(k, `hm.remove(${key});`, old === undefined ? [] : [old]); break; }
      case 15: { const key = r(3); const cur = hmap.get(key); op(k, `println("{}", hm.get(${key}).is_some());`, cur === undefined ? [] : [cur], [String(cur !== undefined)]); break; }
      default: {
        const key = ['a', 'b'][r(2)]; const old = sdMap.get(key); sdMap.set(key, id);
        op(k, `sd.insert(String.from("${key}"), mk(${id}));`, old === undefined ? [] : [old]);
      }
    }
  }
  // everything still held is dropped once when main's block ends (order not modelled here)
  const final = [...map.values(), ...vec, box, x, pa, ...sdMap.values(), ...hmap.values()];
  const src = `import { HashMap } from "collections";\n${HEAD}fn main() {\n    {\n${body.map((l) => '        ' + l).join('\n')}\n        println("end");\n    }\n    gc_collect();\n}\n`;
  return { src, expected: [...expected, 'end'], final: [...final, gc] };
}

describe('drop exactly once through every container operation', () => {
  it('matches the model of places on generated programs', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const c = generate(seed);
      const r = runVex(c.src);
      expect(r.outcome.kind, c.src).toBe('exited');
      const lines = r.stdout.trimEnd().split('\n');
      const end = lines.indexOf('end');
      expect(lines.slice(0, end + 1), c.src).toEqual(c.expected);
      const rest = lines.slice(end + 1).map((l) => Number(l.replace('drop ', ''))).sort((a, b) => a - b);
      expect(rest, c.src).toEqual(c.final.slice().sort((a, b) => a - b));
    }
  });

  it('nothing stays allocated: String keys replaced or removed from a Map are freed', () => {
    const r = runVex(`fn main() {
    {
        let! m = Map<String, String>();
        m.insert(String.from("k"), String.from("v1"));
        m.insert(String.from("k"), String.from("v2"));
        m.remove(String.from("k"));
        m.insert(String.from("j"), String.from("v3"));
        let! s = Set<String>();
        s.insert(String.from("a"));
        s.insert(String.from("a"));
        s.remove(String.from("a"));
        s.insert(String.from("b"));
        let t = String.from("abc");
        println("{} {}", t.upper().len(), t.upper());
    }
    println("live {}", runtime_stats().live_bytes);
}
`);
    expect(r.stdout).toBe('3 ABC\nlive 0\n');
  });

  it('element adaptors lend the elements: moving one (or a part of one) out of the closure is E0163', () => {
    const bad = [
      'let ps = Vec<P>(); let w = ps.map(|p| p.a);',
      'let w = v.map(|d| d);', 'let w = v.map(|d| { return d; });', 'let! k = Vec<D>(); v.forEach(|d| k.push(d));',
      'v.forEach(eat);', 'let w = v.map(|d| P { a: d, n: 0 });', 'let w = two().map(|d| d);',
      'let r = v.reduce(mk(0), |a, d| d);',
    ];
    for (const stmt of bad) {
      const src = `${HEAD}fn eat(d: D) { }\nfn two(): Vec<D> { let! v = Vec<D>(); v.push(mk(1)); v.push(mk(2)); return v; }\nfn main() {\n    let! v = two();\n    ${stmt}\n}\n`;
      expect(() => runVex(src), stmt).toThrow(/E0163|cannot move|keeps owning/);
    }
  });

  it('filter on a named Vec gives the result clones: every object is dropped once', () => {
    const r = runVex(`${HEAD}fn main() {
    let! v = Vec<D>();
    v.push(mk(1)); v.push(mk(2)); v.push(mk(3));
    let odd = v.filter(|d| d.id % 2 == 1);
    println("odd {} v {}", odd.len(), v.len());
    println("one {}", v.filter(|d| d.id == 2).len());
    println("end");
}
`);
    expect(r.stdout).toBe('odd 2 v 3\none 1\ndrop 2\nend\ndrop 1\ndrop 3\ndrop 1\ndrop 2\ndrop 3\n');
    expect(r.stats.liveBytes).toBe(0);
  });

  it('filter on a Vec whose elements cannot be cloned is E0163', () => {
    const src = `struct H impl Drop { a: ArenaAllocator, fn drop()! { } }
fn main() {
    let! v = Vec<H>();
    v.push(H { a: ArenaAllocator.new(64) });
    let w = v.filter(|h| h.a.used() == 0);
}
`;
    expect(() => runVex(src)).toThrow(/cannot be cloned/);
  });

  it('filter and map on a temporary Vec give each element one owner', () => {
    const r = runVex(`${HEAD}fn two(): Vec<D> { let! v = Vec<D>(); v.push(mk(1)); v.push(mk(2)); v.push(mk(3)); return v; }
fn main() {
    let kept = two().filter(|d| d.id != 2);
    println("kept {}", kept.len());
    println("ids {}", two().map(|d| d.id * 10).len());
    println("end");
}
`);
    expect(r.stdout).toBe('drop 2\nkept 2\nids 3\ndrop 1\ndrop 2\ndrop 3\nend\ndrop 1\ndrop 3\n');
  });

  it('a field moved out of an owned struct is dropped by its new owner only', () => {
    const r = runVex(`${HEAD}fn main() {
    let! p = P { a: mk(1), n: 0 };
    let y = p.a;
    p.a = mk(2);
    println("y {}", y.id);
}
`);
    expect(r.stdout).toBe('y 1\ndrop 1\ndrop 2\n');
  });

  it('a Vec temporary iterated by for-in is dropped after the loop', () => {
    const r = runVex(`${HEAD}fn two(): Vec<D> { let! v = Vec<D>(); v.push(mk(1)); v.push(mk(2)); return v; }
fn main() {
    for d in two() { println("see {}", d.id); }
    println("after {}", runtime_stats().live_bytes);
}
`);
    expect(r.stdout).toBe('see 1\nsee 2\ndrop 1\ndrop 2\nafter 0\n');
  });

  it('the "Vec, Map and String" lesson ends with nothing live (no false leak in the Memory panel)', () => {
    const src = readFileSync(new URL('../../ui/examples/collections.vx', import.meta.url), 'utf8');
    const r = runVex(src);
    expect(r.stats.liveBytes).toBe(0);
    expect(r.stats.allocs).toBe(r.stats.frees);
  });
});

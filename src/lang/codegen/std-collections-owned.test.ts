// Issue 14: the standard module collections' HashMap/HashSet never copy a key or a value (a copy
// of a String, Vec or Drop value would give it two owners: a use after free or a double drop).
// insert/remove move the old value out, get/keys/values give clones, every key handed in is
// consumed; the copy rule applies to standard code like any other (sema/copy-needs.ts).
import { describe, it, expect } from 'vitest';
import { compile } from '../compile';
import { completionsAt } from '../sema/query';
import { runVex } from './run-helpers.test-util';

const errors = (src: string) =>
  compile([{ name: 't.vx', text: src }]).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);

const D = `struct D impl Drop {
    id: i32,
    fn drop()! { println("drop {}", self.id); }
}
struct Key impl Drop {
    name: String,
    fn drop()! { println("dropk {}", self.name); }
}
fn mk(id: i32): D { return D { id: id }; }
`;

describe('HashMap<String, Vec<i32>> and HashSet<String>', () => {
  it('insert, replace, get, remove, iterate and clear: exact output, nothing left allocated', () => {
    const r = runVex(`import { HashMap, HashSet } from "collections";
fn v(a: i32, n: i32): Vec<i32> { let! x = Vec<i32>(); for i in 0..n { x.push(a + i); } return x; }
fn main() {
    {
        let! m = HashMap<String, Vec<i32>>.new();
        println("{:?}", m.insert(String.from("a"), v(1, 2)));
        println("{:?}", m.insert(String.from("b"), v(3, 1)));
        println("{:?}", m.insert(String.from("a"), v(4, 3)));
        println("{:?} {:?}", m.get(String.from("a")), m.get(String.from("zz")));
        let! g = m.get(String.from("b")).unwrap();
        g.push(99);
        println("{:?} {:?}", g, m.get(String.from("b")));
        println("{} {}", m.contains_key(String.from("b")), m.len());
        println("{:?} {:?}", m.keys(), m.values());
        for k in m.keys() { println("{} -> {:?}", k, m.get(k.clone())); }
        println("{:?} {:?}", m.remove(String.from("b")), m.remove(String.from("b")));
        let! s = HashSet<String>.new();
        println("{} {} {}", s.insert(String.from("x")), s.insert(String.from("x")), s.insert(String.from("y")));
        println("{} {} {:?}", s.contains(String.from("x")), s.len(), s.values());
        println("{} {} {}", s.remove(String.from("x")), s.remove(String.from("x")), s.len());
        m.clear();
        s.clear();
        println("{} {} {}", m.len(), m.is_empty(), s.is_empty());
        m.insert(String.from("c"), v(7, 1));
        s.insert(String.from("z"));
    }
    println("live {}", runtime_stats().live_bytes);
}
`);
    expect(r.stdout).toBe([
      'None', 'None', 'Some([1, 2])', 'Some([4, 5, 6]) None', '[3, 99] Some([3])', 'true 2',
      '["a", "b"] [[4, 5, 6], [3]]', 'a -> Some([4, 5, 6])', 'b -> Some([3])', 'Some([3]) None',
      'true false true', 'true 2 ["x", "y"]', 'true false 1', '0 true true', 'live 0', '',
    ].join('\n'));
    expect(r.stats.allocs).toBe(r.stats.frees);
  });
});

describe('a Drop type as value or key is dropped exactly once', () => {
  it('values: a replaced one moves out, get gives a clone, clear drops the rest', () => {
    const r = runVex(`import { HashMap } from "collections";
${D}fn main() {
    {
        let! m = HashMap<String, D>.new();
        m.insert(String.from("x"), mk(1));
        println("a");
        m.insert(String.from("x"), mk(2));
        println("b");
        let old = m.insert(String.from("x"), mk(3));
        println("c {}", old.unwrap().id);
        println("d {}", m.get(String.from("x")).unwrap().id);
        let r = m.remove(String.from("x"));
        println("e {} {}", r.is_some(), m.remove(String.from("x")).is_some());
        m.insert(String.from("y"), mk(4));
        m.insert(String.from("z"), mk(5));
        println("f {}", m.values().len());
        m.clear();
        println("g");
        m.insert(String.from("w"), mk(6));
        println("end");
    }
    println("live {}", runtime_stats().live_bytes);
}
`);
    // b: the replaced 1 (the Option insert returned, unused); d: the clone of 3; f: the clones
    // of 4 and 5, then clear drops 4 and 5; at the end: m (6), r (3), old's 2
    expect(r.stdout).toBe('a\ndrop 1\nb\nc 2\nd 3\ndrop 3\ne true false\nf 2\ndrop 4\ndrop 5\ndrop 4\ndrop 5\ng\nend\ndrop 3\ndrop 2\ndrop 6\nlive 0\n');
  });
  it('keys: the map keeps its first key, every key handed to a lookup is consumed', () => {
    const r = runVex(`import { HashMap, HashSet } from "collections";
${D}fn k(n: str): Key { return Key { name: String.from(n) }; }
fn main() {
    {
        let! m = HashMap<Key, i32>.new();
        m.insert(k("k1"), 1);
        println("a {:?}", m.insert(k("k1"), 2));
        println("b {:?}", m.get(k("k1")));
        println("c {}", m.contains_key(k("k1")));
        println("d {:?}", m.remove(k("k1")));
        m.insert(k("k2"), 3);
        let! s = HashSet<Key>.new();
        println("e {}", s.insert(k("s1")));
        println("f {}", s.insert(k("s1")));
        println("g {}", s.remove(k("s1")));
        s.insert(k("s2"));
        println("end");
    }
    println("live {}", runtime_stats().live_bytes);
}
`);
    expect(r.stdout).toBe([
      'dropk k1', 'a Some(1)', 'dropk k1', 'b Some(2)', 'dropk k1', 'c true', 'dropk k1', 'dropk k1', 'd Some(2)',
      'e true', 'dropk s1', 'f false', 'dropk s1', 'dropk s1', 'g true', 'end', 'dropk s2', 'dropk k2', 'live 0', '',
    ].join('\n'));
  });
  it('a value type that cannot be cloned: get and values are E0163 at the call, insert and remove are fine', () => {
    const H = 'struct H impl Drop { a: ArenaAllocator, fn drop()! { } }\n';
    const ok = `import { HashMap } from "collections";\n${H}fn main() { let! m = HashMap<i32, H>.new(); m.insert(1, H { a: ArenaAllocator.new(64) }); let r = m.remove(1); println("{}", m.contains_key(1)); }\n`;
    expect(errors(ok)).toEqual([]);
    for (const call of ['m.get(1)', 'm.values()']) {
      const src = `import { HashMap } from "collections";\n${H}fn main() {\n    let! m = HashMap<i32, H>.new();\n    let x = ${call};\n}\n`;
      const c = compile([{ name: 't.vx', text: src }]);
      const e = c.diagnostics.find((d) => d.severity === 'error')!;
      expect(`${e.code} ${e.message}`).toMatch(/^E0163 `HashMap\.(get|values)` gives out clones of the values of a `Map<K, V>`, but `V` is `H` here, which cannot be cloned \(it holds `ArenaAllocator`\)$/);
      expect(e.span.file).toBe('t.vx');
      expect(e.span.line).toBe(5);
    }
  });
});

describe('the built-in Map and Set', () => {
  it('keys() gives the keys as written (a String key too) and values() clones: each has one owner', () => {
    const r = runVex(`${D}fn main() {
    {
        let! m = Map<String, D>();
        m.insert(String.from("a"), mk(1));
        m.insert(String.from("b"), mk(2));
        println("{:?}", m.keys());
        let vs = m.values();
        println("{}", vs.len());
        let! s = Set<(i32, String)>();
        s.insert((1, String.from("p")));
        println("{:?}", s.values());
        println("end");
    }
    println("live {}", runtime_stats().live_bytes);
}
`);
    expect(r.stdout).toBe('["a", "b"]\n2\n[(1, "p")]\nend\ndrop 1\ndrop 2\ndrop 1\ndrop 2\nlive 0\n');
  });
  it('clear() drops every entry once; keys() afterwards is empty', () => {
    const r = runVex(`${D}fn main() {
    {
        let! m = Map<String, D>();
        m.insert(String.from("a"), mk(1));
        m.insert(String.from("b"), mk(2));
        m.clear();
        println("cleared {} {:?}", m.len(), m.keys());
        let! s = Set<String>();
        s.insert(String.from("x"));
        s.clear();
        println("{}", s.len());
    }
    println("live {}", runtime_stats().live_bytes);
}
`);
    expect(r.stdout).toBe('drop 1\ndrop 2\ncleared 0 []\n0\nlive 0\n');
  });
  it('values() of a type that cannot be cloned is E0163', () => {
    expect(errors('struct H impl Drop { a: ArenaAllocator, fn drop()! { } }\nfn main() { let! m = Map<i32, H>(); let x = m.values(); }\n'))
      .toEqual(['E0163 `values()` gives clones of what `Map<i32, H>` holds, but `H` cannot be cloned (it holds `ArenaAllocator`)']);
  });
  it("collections' own operations are not the program's: not callable, not offered", () => {
    expect(errors('fn main() { let! m = Map<i32, i32>(); let x = m.vex_put(1, 2); }\n')[0]).toMatch(/^E0108 no method named `vex_put`/);
    expect(errors('fn main() { let! s = Set<i32>(); let x = s.vex_add(1); }\n')[0]).toMatch(/^E0108 no method named `vex_add`/);
    const src = 'fn main() {\n    let! m = Map<i32, i32>();\n    m.\n}\n';
    const labels = completionsAt('main.vx', src, src.indexOf('m.\n') + 2).map((c) => c.label);
    expect(labels).toContain('insert');
    expect(labels.filter((l) => l.startsWith('vex_'))).toEqual([]);
  });
});

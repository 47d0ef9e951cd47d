// Issue 14: a comparison lends its operands (never dropped by the operator method), a by-value
// arithmetic operand moves (dropped once, by the method), and a generic body that copies a `T`
// value is rejected exactly for the instantiations where `T` moves (sema/copy-needs.ts).
import { describe, it, expect } from 'vitest';
import { compile } from '../compile';
import { runVex } from './run-helpers.test-util';

const D = `struct P impl Drop {
    name: String,
    fn drop()! { println("drop {}", self.name); }
}
`;
const errors = (src: string) =>
  compile([{ name: 't.vx', text: src }]).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);
const mk = (n: string) => `P { name: String.from("${n}") }`;

describe('comparison operands are lent', () => {
  for (const op of ['==', '!=', '<', '<=', '>', '>=']) {
    const method = op === '==' || op === '!=' ? 'op==' : 'op<';
    it(`\`${op}\` with a by-value ${method} operand that owns memory is E0125`, () => {
      const src = `${D}fn (a: &P) ${method}(o: P): bool { return a.name.len() == o.name.len(); }
fn main() { let a = ${mk('a')}; let b = ${mk('b')}; println("{}", a ${op} b); println("{}", b.name); }`;
      const errs = errors(src);
      expect(errs.length).toBe(1);
      expect(errs[0]).toMatch(/^E0125 `.*` lends its operands, but `op(==|<)` takes `P` by value and would drop it$/);
    });
    it(`\`${op}\` through a by-reference ${method} drops each operand exactly once`, () => {
      const src = `${D}fn (a: &P) ${method}(o: &P): bool { return a.name.len() ${method === 'op==' ? '==' : '<'} o.name.len(); }
fn main() {
    let a = ${mk('a')};
    let b = ${mk('bb')};
    for i in 0..3 { println("{}", a ${op} b); }
    println("{} {}", a.name, b.name);
}`;
      const want = { '==': false, '!=': true, '<': true, '<=': true, '>': false, '>=': false }[op];
      const r = runVex(src);
      expect(r.stdout).toBe(`${want}\n${want}\n${want}\na bb\ndrop bb\ndrop a\n`);
    });
  }
  it('a by-value receiver of a comparison on an owning type is E0125 too', () => {
    expect(errors(`${D}fn (a: P) op==(o: &P): bool { return true; }
fn main() { let a = ${mk('a')}; let b = ${mk('b')}; println("{}", a == b); }`)[0]).toMatch(/^E0125 `==` lends its operands, but `op==` takes `P` by value/);
  });
  it('plain data may still be compared by value (nothing to drop)', () => {
    expect(runVex(`struct Q { x: i32 }
fn (a: Q) op==(o: Q): bool { return a.x == o.x; }
fn main() { let a = Q { x: 1 }; let b = Q { x: 1 }; println("{} {}", a == b, b.x); }`).stdout).toBe('true 1\n');
  });
  it('v.sort() through a by-value op< on an owning element type is E0125', () => {
    expect(errors(`${D}fn (a: &P) op<(o: P): bool { return false; }
fn main() { let! v = Vec<P>(); v.push(${mk('a')}); v.sort(); }`)[0]).toMatch(/^E0125 `<` lends its operands/);
  });
});

describe('parts and keys compared through a by-value op== or hash() are lent too', () => {
  // `==` of a Vec or tuple, contains/index_of, and Map/Set keys call the parts' own op== (and a
  // key type's hash()): one taking an owning value by value dropped the container's value, which
  // was then dropped again at the container's end
  const cases: [string, string, RegExp][] = [
    ['fn (a: P) op==(o: &P): bool { return true; }', 'let! v = Vec<P>(); v.push(MK); let! w = Vec<P>(); println(v == w);', /^E0125 `==` lends its operands, but `op==` takes `P` by value/],
    ['fn (a: &P) op==(o: P): bool { return true; }', 'let t = (MK, 1); let u = (MK, 1); println(t != u);', /^E0125 `==` lends its operands, but `op==` takes `P` by value/],
    ['fn (a: &P) op==(o: P): bool { return true; }', 'let! v = Vec<P>(); println(v.contains(MK));', /^E0125 `==` lends its operands/],
    ['fn (a: &P) op==(o: P): bool { return true; }', 'let! m = Map<P, i32>(); m.insert(MK, 1);', /^E0125 a `Map<P, i32>` lends its keys, but `op==` takes `P` by value/],
    ['fn (a: &P) op==(o: &P): bool { return true; }\nfn (a: P) hash(): u64 { return 1; }', 'let! s = Set<P>(); s.insert(MK);', /^E0125 a `Set<P>` lends its keys, but `hash` takes `P` by value/],
    ['fn (a: &P) op==(o: &P): bool { return true; }\nfn (a: P) hash(): u64 { return 1; }', 'let m = {MK: 1};', /^E0125 a `Map<P, i32>` lends its keys, but `hash`/],
    ['fn (a: &P) op==(o: P): bool { return true; }', 'let! m = Map<Option<P>, i32>(); println(m[None]);', /^E0125 a `Map<Option<P>, i32>` lends its keys, but `op==`/],
  ];
  // (the standard HashMap keeps its keys in a Map from generic code: checked at the program's call)
  cases.push(['fn (a: &P) op==(o: P): bool { return true; }', 'let! h = HashMap<P, i32>.new(); h.insert(MK, 1);', /^E0125 a `HashMap<P, i32>` lends its keys, but `op==`/]);
  for (const [decl, body, want] of cases) {
    it(body, () => {
      const errs = errors(`import { HashMap } from "collections";\n${D}${decl}\nfn main() { ${body.replaceAll('MK', mk('a'))} }`);
      expect(errs).toHaveLength(1);
      expect(errs[0]).toMatch(want);
    });
  }
  it('plain data may still be taken by value, and a Map method that touches no key is no error', () => {
    expect(runVex(`struct Q { x: i32 }
fn (a: Q) op==(o: Q): bool { return a.x == o.x; }
fn (a: Q) hash(): u64 { return a.x as u64; }
fn main() { let! m = Map<Q, i32>(); m.insert(Q { x: 1 }, 1); m[Q { x: 1 }] += 1; let! v = Vec<Q>(); v.push(Q { x: 1 }); println(m[Q { x: 1 }], v.contains(Q { x: 1 }), v == v); }`).stdout).toBe('2 true true\n');
    expect(errors(`${D}fn (a: &P) op==(o: P): bool { return true; }
fn count(m: &Map<P, i32>) { println(m.len(), m.is_empty()); }
fn main() { }`)).toEqual([]);
  });
});

describe('generic code comparing or hashing T through a by-value op== or hash() of an owning T', () => {
  // the checker sees only `T` in a generic body: each instance is checked (eq-glue.ts
  // lendsByValue); `same(&v, &w)` with such a P dropped each compared element twice
  const cases: [string, string, string][] = [
    ['fn (a: &P) op==(o: P): bool { return true; }', 'fn same<T>(a: &Vec<T>, b: &Vec<T>): bool { return a == b; }', 'let! v = Vec<P>(); v.push(MK); let! w = Vec<P>(); w.push(MK); println(same(&v, &w));'],
    ['fn (a: P) op==(o: &P): bool { return true; }', 'fn has<T>(v: &Vec<T>, x: T): bool { return v.contains(x); }', 'let! v = Vec<P>(); v.push(MK); println(has(&v, MK));'],
    ['fn (a: &P) op==(o: P): bool { return true; }', 'fn put<T>(m: &Map<T, i32>!, k: T) { m.insert(k, 1); }', 'let! m = Map<P, i32>(); put(&m!, MK); put(&m!, MK);'],
    ['fn (a: &P) op==(o: &P): bool { return true; }\nfn (a: P) hash(): u64 { return 1; }', 'fn add<T>(s: &Set<T>!, k: T) { s.insert(k); }', 'let! s = Set<P>(); add(&s!, MK);'],
    ['fn (a: &P) op<(o: P): bool { return true; }\nfn (a: &P) op==(o: &P): bool { return true; }', 'fn less<T>(a: &T, b: &T): bool { return a < b; }', 'let! v = Vec<P>(); v.push(MK); v.push(MK); println(less(&v[0], &v[1]));'],
    ['fn (a: &P) op<(o: P): bool { return true; }\nfn (a: &P) op==(o: &P): bool { return true; }', 'fn order<T>(v: &Vec<T>!) { v.sort(); }', 'let! v = Vec<P>(); v.push(MK); order(&v!);'],
    // reached only through another generic function
    ['fn (a: &P) op==(o: P): bool { return true; }', 'fn same<T>(a: &Vec<T>, b: &Vec<T>): bool { return a == b; }\nfn outer<U>(a: &Vec<U>): bool { return same(a, a); }', 'let! v = Vec<P>(); v.push(MK); println(outer(&v));'],
  ];
  for (const [decl, fns, body] of cases) {
    it(fns.split('\n').pop()!, () => {
      const errs = errors(`${D}${decl}\n${fns}\nfn main() { ${body.replaceAll('MK', mk('a'))} }`);
      expect(errs).toHaveLength(1);
      expect(errs[0]).toMatch(/^E0125 `\w+` compares or hashes values of its type parameter, but `(op==|op<|hash)` takes P by value and would drop it/);
    });
  }
  it('plain data, or a by-reference op==, through generic code runs', () => {
    expect(runVex(`struct Q { x: i32 }
fn (a: Q) op==(o: Q): bool { return a.x == o.x; }
${D}fn (a: &P) op==(o: &P): bool { return a.name == o.name; }
fn same<T>(a: &Vec<T>, b: &Vec<T>): bool { return a == b; }
fn main() { let! v = Vec<Q>(); v.push(Q { x: 1 }); let! p = Vec<P>(); p.push(${mk('a')}); println(same(&v, &v), same(&p, &p)); }`).stdout).toBe('true true\ndrop a\n');
  });
});

describe('a by-value arithmetic operand moves', () => {
  it('using it again is E0113 with a note naming the operator method', () => {
    const c = compile([{ name: 't.vx', text: `${D}fn (a: &P) op+(o: P): P { return ${mk('s')}; }
fn main() { let a = ${mk('a')}; let b = ${mk('b')}; let c = a + b; println("{}", b.name); }` }]);
    const e = c.diagnostics.find((d) => d.severity === 'error')!;
    expect(`${e.code} ${e.message}`).toBe('E0113 use of moved value: `b`');
    expect(e.notes).toContain('note: the operator called `op+`, which takes this operand by value and so moved it');
  });
  it('the method drops it exactly once', () => {
    expect(runVex(`${D}fn (a: &P) op+(o: P): P { return P { name: f"{a.name}{o.name}" }; }
fn main() { let a = ${mk('a')}; let c = a + ${mk('b')}; println("{}", c.name); }`).stdout).toBe('drop b\nab\ndrop ab\ndrop a\n');
  });
});

describe('a type parameter moves', () => {
  const bodies: Record<string, { body: string; code: string }> = {
    'used after a move': { body: 'fn f<T>(x: T, v: &Vec<T>): T { let a = x; return x; }', code: 'E0113' },
    'moved in every loop turn': { body: 'fn f<T>(x: T, v: &Vec<T>): T { let! r = Vec<T>(); for i in 0..2 { r.push(x); } return r.pop().unwrap(); }', code: 'E0113' },
    'taken out of a Vec it borrows': { body: 'fn f<T>(x: T, v: &Vec<T>): T { return v[0]; }', code: 'E0163' },
    'read out of a reference': { body: 'fn f<T>(x: T, v: &Vec<T>): T { let r = &v[0]; return *r; }', code: 'E0163' },
  };
  for (const [what, { body, code }] of Object.entries(bodies)) {
    it(`${what}: accepted for i32, ${code} for String and for a struct`, () => {
      const main = (t: string, val: string) => `${body}\nstruct S { n: String }\nfn main() { let! v = Vec<${t}>(); v.push(${val}); let y = f(${val}, &v); }`;
      expect(errors(main('i32', '1'))).toEqual([]);
      for (const [t, val] of [['String', 'String.from("s")'], ['S', 'S { n: String.from("s") }']]) {
        const errs = errors(main(t, val));
        expect(errs.length).toBe(1);
        expect(errs[0].startsWith(`${code} \`f\``)).toBe(true);
        expect(errs[0]).toContain(`but \`T\` is \`${t}\` here, which moves`);
      }
    });
  }
  it('an instantiation only reached through another generic function is seen too', () => {
    const src = `fn f<T>(x: T): (T, T) { return (x, x); }\nfn g<U>(u: U): (U, U) { return f(u); }\nfn main() { let p = g(String.from("s")); }`;
    expect(errors(src)[0]).toMatch(/^E0113 `f` uses `x` after moving it, which copies `T`, but `T` is `String` here/);
    expect(errors(src.replace('String.from("s")', '2'))).toEqual([]);
  });
  it('moving each T value once is fine for any T and drops once', () => {
    expect(runVex(`${D}fn pass<T>(x: T): T { let y = x; return y; }
fn main() { let a = pass(${mk('a')}); let n = pass(3); println("{} {}", a.name, n); }`).stdout).toBe('a 3\ndrop a\n');
  });
});

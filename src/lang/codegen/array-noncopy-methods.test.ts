// Arrays `[T; N]` and slices `&[T]` of non-Copy elements (String, structs owning heap data, Vec,
// Box) have Vec's read-only methods (chapter 2 §5.2) with Vec's rules for the elements: a closure
// reads them in place (moving one out is E0163), `filter` and `iter` clone what the result keeps
// (an uncloneable element is E0163), `get`/`first`/`last`/`find` hand out an element the array
// keeps owning. Every run here must free every block it allocated (no leak, no double free).
import { describe, it, expect } from 'vitest';
import { runVex } from './run-helpers.test-util';
import { compile } from '../compile';
import { completionsAt } from '../sema/query';

/** Output of a run that must end with every allocation freed. */
function balanced(src: string): string {
  const r = runVex(src);
  expect(r.stderr).toBe('');
  expect(r.stats.frees).toBe(r.stats.allocs);
  expect(r.stats.liveBytes).toBe(0);
  return r.stdout;
}
/** `CODE message` of each error compile reports (checker and instantiation alike). */
const errors = (src: string) => compile([{ name: 'test.vx', text: src }]).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);

const WORDS = 'let a = [String.from("a"), String.from("bb"), String.from("ccc")];';
const H = 'struct H { arena: ArenaAllocator, n: i32 }\n';
const NEW_H = 'H { arena: ArenaAllocator.new(64), n: 1 }';

describe('arrays and slices of Strings: the read-only Vec methods', () => {
  it('closures get the elements in place: map, any, all, forEach/for_each, reduce/fold', () => {
    expect(balanced(`fn main() {
    ${WORDS}
    println("{:?}", a.map(|s| s.len()));
    println("{} {}", a.any(|s| s == "bb"), a.all(|s| s.len() < 3));
    a.forEach(|s| print("[{}]", s));
    a.for_each(|s| print("<{}>", s));
    println("");
    println("{} {}", a.fold(0, |n, s| n + s.len()), a.reduce(1, |n, s| n * s.len()));
    let s = &a[1..];
    println("{:?} {}", s.map(|w| w.clone()), s.all(|w| w.len() > 1));
}
`)).toBe('[1, 2, 3]\ntrue false\n[a][bb][ccc]<a><bb><ccc>\n6 6\n["bb", "ccc"] true\n');
  });

  it('get, first, last and find read the element the array keeps', () => {
    expect(balanced(`fn show(s: &[String]) { println("{} {} {} {:?}", s.get(1), s.first().unwrap(), s.last().unwrap().len(), s.find(|w| w.len() == 2)); }
fn main() {
    ${WORDS}
    println("{} {:?} {:?}", a.get(0), a.first(), a.find(|w| w.len() > 5));
    match a.last() { Some(w) => println("last {}", w), None => println("none") }
    show(&a[..]);
    show(&a[1..]);
}
`)).toBe('a Some("a") None\nlast ccc\nbb a 3 Some("bb")\nccc bb 3 Some("bb")\n');
  });

  it('from a temporary array the element is moved out and the rest dropped', () => {
    expect(balanced(`fn words(): [String; 3] { return [String.from("x"), String.from("yy"), String.from("zzz")]; }
fn main() {
    let w = words().get(1);
    let f = words().first();
    let l = words().last().unwrap();
    let d = words().find(|s| s.len() == 2);
    println("{} {:?} {} {:?}", w, f, l, d);
    println("{} {}", words().map(|s| s.len()).len(), words().join(","));
}
`)).toBe('yy Some("x") zzz Some("yy")\n3 x,yy,zzz\n');
  });

  it('filter gives a new Vec of clones: the array keeps its own elements', () => {
    const r = runVex(`fn main() {
    ${WORDS}
    let f = a.filter(|s| s.len() != 2);
    println("{:?} {:?}", f, a);
    let g = (&a[..]).filter(|s| s.len() > 1);
    println("{:?}", g);
}
`);
    expect(r.stdout).toBe('["a", "ccc"] ["a", "bb", "ccc"]\n["bb", "ccc"]\n');
    // 3 Strings, then per filter a buffer and one clone per kept element (2 + 2)
    expect(r.stats.allocs).toBe(3 + 1 + 2 + 1 + 2);
    expect(r.stats.frees).toBe(r.stats.allocs);
  });

  it('filter on a temporary array moves the kept elements into the new Vec and drops the others, as a Vec\'s', () => {
    const r = runVex(`fn words(): [String; 3] { return [String.from("x"), String.from("yy"), String.from("zz")]; }
fn main() { let w = words().filter(|s| s.len() > 1); println("{:?}", w); }
`);
    expect(r.stdout).toBe('["yy", "zz"]\n');
    expect(r.stats.allocs).toBe(3 + 1); // the three Strings and the new Vec's buffer: no clone
    expect(r.stats.frees).toBe(r.stats.allocs);
    // so its elements need not be Clone (as for `make_vec().filter(f)`)
    expect(errors(`${H}fn hs(): [H; 2] { return [${NEW_H}, ${NEW_H}]; }\nfn main() { let k = hs().filter(|h| h.n > 0); println("{}", k.len()); }\n`)).toEqual([]);
  });

  it('contains and index_of take the value by value, as Vec\'s: a moved one is dropped', () => {
    expect(balanced(`fn main() {
    ${WORDS}
    let k = String.from("ccc");
    println("{} {}", a.contains(String.from("bb")), a.contains(String.from("q")));
    println("{:?} {:?}", a.index_of(k), (&a[..]).index_of(String.from("a")));
    let! v = Vec<String>();
    v.push(String.from("z"));
    let j = String.from("z");
    println("{:?}", v.index_of(j));
}
`)).toBe('true false\nSome(2) Some(0)\nSome(0)\n');
  });

  it('join, is_empty and len', () => {
    expect(balanced(`fn main() {
    ${WORDS}
    let s = &a[3..];
    println("{} {} {} {} {}", a.join("-"), a.is_empty(), s.is_empty(), s.len(), (&a[..2]).join(""));
}
`)).toBe('a-bb-ccc false true 0 abb\n');
  });
});

describe('iter() over non-Copy elements', () => {
  it('for x in s.iter() over a slice of Strings gets owned clones', () => {
    expect(balanced(`fn main() {
    ${WORDS}
    let s = &a[..];
    for x in s.iter() { print("{} ", x); }
    println("");
    let! kept = Vec<String>();
    for x in a.iter() { kept.push(x); }
    for x in s.iter() { if x.len() > 1 { kept.push(x); break; } }
    println("{:?} {:?}", kept, a);
    let! it = a.iter();
    println("{:?} {}", it.next(), it.len());
}
`)).toBe('a bb ccc \n["a", "bb", "ccc", "bb"] ["a", "bb", "ccc"]\nSome("a") 2\n');
  });

  it('a Vec\'s find on a temporary moves the element out; its iter whose items leave the loop is freed', () => {
    expect(balanced(`fn main() {
    let! v = Vec<String>();
    v.push(String.from("p")); v.push(String.from("q"));
    let! w = Vec<String>();
    for x in v.iter() { w.push(x); }
    let f = w.clone().find(|s| s == "q");
    println("{:?} {:?}", w, f);
}
`)).toBe('["p", "q"] Some("q")\n');
  });
});

describe('other element types and generic bodies', () => {
  it('structs owning a String and a Vec, Box elements, nested arrays', () => {
    expect(balanced(`struct P { name: String, tags: Vec<i32> }
fn main() {
    let ps = [P { name: String.from("p"), tags: Vec<i32>() }, P { name: String.from("q"), tags: Vec<i32>() }];
    let qs = ps.filter(|p| p.name == "q");
    println("{} {} {:?} {}", qs.len(), qs[0].name, ps.map(|p| p.name.len() + p.tags.len()), ps.first().unwrap().name);
    let bs = [Box.new(String.from("b1")), Box.new(String.from("b22"))];
    println("{:?} {}", bs.filter(|b| (*b).len() > 2), bs.any(|b| (*b).len() == 2));
    let grid = [[String.from("a"), String.from("b")], [String.from("c"), String.from("d")]];
    println("{:?}", grid.map(|r| r.join("")));
    for row in grid.iter() { print("{} ", row.len()); }
    println("");
}
`)).toBe('1 q [1, 1] p\n["b22"] true\n["ab", "cd"]\n2 2 \n');
  });

  it('a generic body over &[T] works for Strings and numbers alike', () => {
    expect(balanced(`fn each<T: Display>(a: &[T]): i32 {
    let! n = 0;
    for x in a.iter() { print("{} ", x); n += 1; }
    println("| {} {}", a.first().unwrap(), a.filter(|x| true).len());
    return n;
}
fn main() {
    let a = [String.from("a"), String.from("bb")];
    let b = [1, 2, 3];
    println("{} {}", each(&a[..]), each(&b[..]));
}
`)).toBe('a bb | a 2\n1 2 3 | 1 3\n2 3\n');
  });
});

describe('what Vec rejects, arrays and slices reject the same way', () => {
  it('moving an element out of get/first/last/find is E0163 (array, slice, a slice a call returns)', () => {
    const errs = errors(`fn pick(a: &[String]): &[String] { return a; }
fn main() {
    ${WORDS}
    let g = a.get(0);
    let f = a.first();
    let s = &a[..];
    let l = s.last();
    let d = s.find(|w| w.len() > 1);
    let p = pick(&a[..]).get(1);
}
`);
    expect(errs.length).toBe(5);
    expect(errs.every((e) => e.startsWith('E0163 cannot move out of'))).toBe(true);
    expect(errs[0]).toBe('E0163 cannot move out of `a.get(0)`, which its container keeps owning');
  });

  it('a closure returning its element, or a function given elements by value, is E0163', () => {
    expect(errors(`fn keep(s: String): bool { return true; }
fn main() {
    ${WORDS}
    let k = a.map(|x| x);
    let g = (&a[..]).filter(keep);
}
`)).toEqual([
      'E0163 cannot move `x` out: it is bound to a part of a container element (`String` is moved, not copied, and the container still owns it)',
      'E0163 `filter` would give a function elements of type `String` that the slice keeps owning: a function that takes them by value shares them with the slice',
    ]);
  });

  it('filter and iter on elements that cannot be cloned are E0163; map and any are not', () => {
    expect(errors(`${H}fn main() {
    let hs = [${NEW_H}];
    let m = hs.map(|h| h.n);
    let y = hs.any(|h| h.n > 0);
    let f = hs.filter(|h| h.n > 1);
    let it = (&hs[..]).iter();
}
`)).toEqual([
      'E0163 `filter` on `hs` would put elements into a new Vec while `hs` keeps owning them, and `H` cannot be cloned (it holds `ArenaAllocator`)',
      'E0163 `iter()` gives clones of what `&[H]` holds, but `H` cannot be cloned (it holds `ArenaAllocator`)',
    ]);
  });

  it('Vec\'s iter on uncloneable elements is the same E0163', () => {
    expect(errors(`${H}fn main() { let! v = Vec<H>(); v.push(${NEW_H}); let it = v.iter(); }\n`))
      .toEqual(['E0163 `iter()` gives clones of what `Vec<H>` holds, but `H` cannot be cloned (it holds `ArenaAllocator`)']);
  });

  it('a generic body that clones elements is checked at each instantiation', () => {
    const iter = `${H}fn count<T>(a: &[T]): i32 { let! n = 0; for x in a.iter() { n += 1; } return n; }
fn main() { let hs = [${NEW_H}]; println("{}", count(&hs[..])); }
`;
    expect(errors(iter)).toEqual(['E0163 `count` gives out clones of the elements of `&[T]`, but `T` is `H` here, which cannot be cloned (it holds `ArenaAllocator`)']);
    const dup = `${H}fn dup<T>(v: &Vec<T>): Vec<T> { return v.clone(); }
fn main() { let! v = Vec<H>(); let c = dup(&v); }
`;
    expect(errors(dup)).toEqual(['E0163 `dup` gives out clones of a value of type `Vec<T>`, but `T` is `H` here, which cannot be cloned (it holds `ArenaAllocator`)']);
  });

  it('these methods do not mutate: `!` is E0144', () => {
    expect(errors(`fn main() { ${WORDS} a.first()!; let n = (&a[..]).get(0)!.len(); }\n`).map((e) => e.slice(0, 5))).toEqual(['E0144', 'E0144']);
  });
});

describe('editor', () => {
  it('completion after `a.` on an array of Strings offers the read-only methods with String in them', () => {
    const src = 'fn main() {\n    let a = [String.from("x")];\n    a.\n}\n';
    const got = completionsAt('main.vx', src, src.indexOf('a.\n') + 2).filter((c) => ['get', 'filter', 'iter', 'push'].includes(c.label)).map((c) => c.detail);
    expect(got).toEqual(['get(int): String', 'fn iter(): VecIter<T>', 'filter(fn(String): bool): Vec<String>']);
  });
});

// Chapter 2 §1.3: captures are by reference and "live as long as the closures holding them". A
// closure that may outlive its frame keeps the values of the locals it captures: they are not
// dropped when their scope ends (the block was freed while the closure still read it, a use after
// free the heap map did not show). A function value is Copy, so no drop sees its last copy go:
// the kept values stay live. Closures that cannot escape (called in their frame, lent to a
// method that only calls them during the call, given to catch_panic) drop as before.
import { describe, it, expect } from 'vitest';
import { runVex } from './run-helpers.test-util';

const stats = 'let st = runtime_stats();\n    println("frees={} live={}", st.frees, st.live_bytes);';

describe('closures that may outlive their frame keep what they capture', () => {
  it('a returned closure reads a Vec that is not freed when the function returns', () => {
    const r = runVex(`fn mk(): fn(): i64 {
    let! v = Vec<i64>();
    v.push(7);
    return || v[0];
}
fn main() {
    let f = mk();
    ${stats}
    println("{}", f());
}
`);
    expect(r.stdout).toBe('frees=0 live=32\n7\n');
  });

  it('a by-value parameter captured by a returned closure is kept too', () => {
    const r = runVex(`fn mk(s: String): fn(): i64 { return || s.len() as i64; }
fn main() {
    let f = mk(String.from("hello"));
    ${stats}
    println("{}", f());
}
`);
    expect(r.stdout).toBe('frees=0 live=5\n5\n');
  });

  it("a closure stored in a Vec in a loop keeps each iteration's value", () => {
    const r = runVex(`fn main() {
    let! fs = Vec<fn(): i64>();
    for i in 0..3 {
        let! v = Vec<i64>();
        v.push(i as i64 * 10);
        fs.push(|| v[0]);
    }
    for f in fs { print("{} ", f()); }
    println("");
}
`);
    expect(r.stdout).toBe('0 10 20 \n');
  });

  it('closures that stay in their frame still drop what they capture', () => {
    const r = runVex(`fn main() {
    let! w = Vec<i64>();
    w.push(1);
    {
        let! v = Vec<i64>();
        v.push(2);
        let g = || v.len() as i64;
        let h = w.map(|x| x + v[0]);
        let p = catch_panic(|| { println("inside {}", v.len()); });
        println("{} {} {}", g(), h[0], p.is_ok());
    }
    ${stats}
}
`);
    expect(r.stdout).toBe('inside 1\n1 3 true\nfrees=2 live=32\n');
  });

  // match-arm bindings, loop variables, go tasks and async blocks keep what they capture too
  const D = `struct D impl Drop { n: i32,
  fn drop()! { println("drop {}", self.n); } }
enum E { A(D), B }
fn mk(): Vec<D> { let! v = Vec<D>(); v.push(D{n: 1}); v.push(D{n: 2}); return v; }
`;

  it('a match-arm binding captured by a closure stored in a loop: kept, one per iteration', () => {
    const r = runVex(`${D}fn main() {
    let! fs = Vec<fn(): i32>();
    for i in 0..3 {
        let e = E.A(D{n: i});
        match e {
            E.A(d) => { fs.push(|| d.n); },
            E.B => {},
        }
    }
    for f in fs { println("{}", f()); }
}
`);
    expect(r.stdout).toBe('0\n1\n2\n');
  });

  it('a `let!` copy of an arm binding mutated by its closure stays per iteration', () => {
    const r = runVex(`${D}fn main() {
    let! fs = Vec<fn(): i32>();
    for i in 0..3 {
        let e = E.A(D{n: i});
        match e {
            E.A(d) => {
                let! x = d;
                fs.push(|| { x.n += 100; x.n });
            },
            E.B => {},
        }
    }
    for f in fs { println("{}", f()); }
    for f in fs { println("{}", f()); }
}
`);
    expect(r.stdout).toBe('100\n101\n102\n200\n201\n202\n');
  });

  it('an arm binding of a parameter or of a temporary subject returned in a closure', () => {
    const r = runVex(`${D}fn of_param(e: E): fn(): i32 {
    match e { E.A(d) => { return || d.n; }, E.B => { return || 0; } }
}
fn of_temp(): fn(): i32 {
    match E.A(D{n: 7}) { E.A(d) => { return || d.n; }, E.B => { return || 0; } }
}
fn main() {
    let f = of_param(E.A(D{n: 5}));
    let g = of_temp();
    println("{} {}", f(), g());
}
`);
    expect(r.stdout).toBe('5 7\n');
  });

  it('loop variables captured by escaping closures: over a temporary, a named Vec, a user iterator', () => {
    const r = runVex(`${D}struct It impl Iterator { i: i32 }
fn (it: &It!) next(): Option<D> { it.i += 1; if it.i > 2 { return None; } return Some(D{n: it.i * 100}); }
fn main() {
    let! fs = Vec<fn(): i32>();
    for d in mk() { fs.push(|| d.n); }
    {
        let! v = Vec<D>(); v.push(D{n: 11}); v.push(D{n: 12});
        for d in v { fs.push(|| d.n); }
    }
    for d in It{i: 0} { fs.push(|| d.n); }
    println("made");
    for f in fs { print("{} ", f()); }
    println("");
}
`);
    expect(r.stdout).toBe('made\n1 2 11 12 100 200 \n');
  });

  it('go tasks and async blocks read the arm bindings and locals they capture, never dropped ones', () => {
    const r = runVex(`${D}fn main() {
    let! ch: Channel<i32> = Channel(10);
    let! fs = Vec<Future<i32>>();
    for i in 0..2 {
        let e = E.A(D{n: i});
        match e {
            E.A(d) => { go { ch.send(d.n + 100); }; },
            E.B => {},
        }
        let x = D{n: i + 10};
        go { ch.send(x.n + 100); };
        let y = D{n: i + 20};
        fs.push(async { y.n + 100 });
    }
    println("spawned");
    for i in 0..4 { print("{} ", <-ch); }
    for f in fs { print("{} ", block_on(f)); }
    println("");
}
`);
    expect(r.stdout).toBe('spawned\n100 110 101 111 120 121 \n');
  });

  it('closures that stay in their frame still drop arm bindings and loop variables', () => {
    const r = runVex(`${D}fn main() {
    for i in 0..2 {
        let e = E.A(D{n: i});
        match e {
            E.A(d) => { let g = || d.n; println("got {}", g()); },
            E.B => {},
        }
    }
    for d in mk() { let g = || d.n + 10; println("got {}", g()); }
    ${stats}
}
`);
    expect(r.stdout).toBe('got 0\ndrop 0\ngot 1\ndrop 1\ngot 11\ngot 12\ndrop 1\ndrop 2\nfrees=1 live=0\n');
  });

  it('an arm binding viewing a field keeps the struct; a copied binding keeps nothing', () => {
    const r = runVex(`${D}enum K { N(i32), M }
struct S { e: E, k: K, tag: D }
fn main() {
    let! fs = Vec<fn(): i32>();
    for i in 0..2 {
        let s = S{e: E.A(D{n: i}), k: K.N(i + 5), tag: D{n: i + 90}};
        match s.e { E.A(d) => { fs.push(|| d.n); }, E.B => {} }
    }
    for i in 0..2 {
        let s = S{e: E.B, k: K.N(i + 5), tag: D{n: i + 80}};
        match s.k { K.N(n) => { fs.push(|| n); }, K.M => {} }
    }
    for f in fs { print("{} ", f()); }
    println("");
}
`);
    expect(r.stdout).toBe('drop 80\ndrop 81\n0 1 5 6 \n');
  });
});

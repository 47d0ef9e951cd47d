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
});

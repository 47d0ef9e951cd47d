// Matching by value moves the parts an arm binds out of the subject; what nobody moved out is
// still dropped, exactly once: the rest of a temporary subject when the statement is done (it
// leaked), and with an or-pattern moving a part out, never twice (the owner was dropped whole).
// The bindings of a temporary are the arm's locals: dropped at its end, in reverse order (§3.5).
import { describe, it, expect } from 'vitest';
import { runVex } from './run-helpers.test-util';

const D = `struct D impl Drop { n: i32,
  fn drop()! { println("drop {}", self.n); } }
enum E { P(D, D), Q(D), B }
fn consume(d: D) { println("consumed {}", d.n); }
`;

describe('a match that moves parts out of its subject', () => {
  it('a temporary subject: the parts not moved out are dropped when the statement is done', () => {
    const r = runVex(`${D}fn mk(): E { return E.P(D{n: 1}, D{n: 2}); }
fn main() {
    match mk() { E.P(a, b) => { consume(a); }, E.Q(q) => { consume(q); }, E.B => {} }
    println("after");
    match mk() { E.P(a, b) => { println("kept {}", a.n); }, E.Q(q) => { consume(q); }, E.B => {} }
    println("after");
    let st = runtime_stats();
    println("live={}", st.live_bytes);
}
`);
    expect(r.stdout).toBe('consumed 1\ndrop 1\ndrop 2\nafter\nkept 1\ndrop 2\ndrop 1\nafter\nlive=0\n');
  });

  it('a whole binding moved out of a temporary takes all of it; in a loop each iteration drops its own', () => {
    const r = runVex(`${D}fn mk(i: i32): E { return E.P(D{n: i}, D{n: i + 10}); }
fn main() {
    match mk(1) { x => { let y = x; println("moved"); } }
    for i in 0..2 {
        match mk(i + 5) { E.P(a, b) => { if i == 0 { consume(a); } }, _ => {} }
        println("iter {}", i);
    }
}
`);
    expect(r.stdout).toBe('moved\ndrop 1\ndrop 11\nconsumed 5\ndrop 5\ndrop 15\niter 0\ndrop 16\ndrop 6\niter 1\n');
  });

  it('a panic in the arm drops the moved-out binding and the rest of the temporary once', () => {
    const r = runVex(`${D}fn mk(): E { return E.P(D{n: 1}, D{n: 2}); }
fn main() {
    match mk() { E.P(a, b) => { let c = D{n: 3}; if a.n == 1 { panic("boom"); } consume(a); }, _ => {} }
}
`);
    expect(r.exitCode).toBe(134);
    expect(r.stdout).toBe('drop 3\ndrop 2\ndrop 1\n');
  });

  it('an or-pattern binding moved out: nothing is dropped twice', () => {
    const r = runVex(`${D}fn mk(): E { return E.Q(D{n: 1}); }
fn main() {
    match mk() { E.P(a, _) | E.Q(a) => { consume(a); }, E.B => {} }
    let e = mk();
    match e { E.P(a, _) | E.Q(a) => { consume(a); }, E.B => {} }
    println("end");
}
`);
    expect(r.stdout).toBe('consumed 1\ndrop 1\nconsumed 1\ndrop 1\nend\n');
  });
});

// Closures that outlive a borrow (issue #14 item 5) and closures returning references (item 4):
// each rule with a program it rejects and the nearest one it must accept.
import { describe, it, expect } from 'vitest';
import { checkSource } from './check';

const errs = (items: string) => checkSource('t.vx', `${items}\nfn main() { }\n`).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);
const N = 'struct N { n: i32 }\nenum E { A(N), B(N) }';

describe('a closure holding a borrow that escapes (E0176)', () => {
  it('stored through a reference parameter: rejected; capturing owned copies: accepted', () => {
    expect(errs(`${N}\nfn f(r: &E, out: &Vec<fn(): i32>!) { match r { E.A(x) => out.push(|| x.n), E.B(x) => {} } }`))
      .toEqual(['E0176 dangling reference: a closure capturing `x` is stored through `out`, and may outlive the data `x` refers to']);
    expect(errs(`${N}\nfn f(r: &E, out: &Vec<fn(): i32>!) { match r { E.A(x) => { let n = x.n; out.push(|| n); }, E.B(x) => {} } }`)).toEqual([]);
  });
  it('through a local holder: a Vec of closures returned, or a field assigned through a reference', () => {
    expect(errs(`${N}\nfn f(r: &N): Vec<fn(): i32> { let! v = Vec<fn(): i32>(); let c = || r.n; v.push(c); return v; }`))
      .toEqual(['E0176 dangling reference: a closure capturing `r` is returned inside a value, and may outlive the data `r` refers to']);
    expect(errs(`${N}\nstruct H { f: fn(): i32 }\nfn f(r: &N, h: &H!) { h.f = || r.n; }`))
      .toEqual(['E0176 dangling reference: a closure capturing `r` is stored through `h.f`, and may outlive the data `r` refers to']);
    expect(errs(`${N}\nstruct H { f: fn(): i32 }\nfn f(r: &N): i32 { let! h = H{f: || 0}; h.f = || r.n; return (h.f)(); }`)).toEqual([]);
  });
  it("an async block: its Future holds what it captures", () => {
    expect(errs(`${N}\nfn f(r: &N, out: &Vec<Future<i32>>!) { out.push(async { r.n }); }`))
      .toEqual(['E0176 dangling reference: an `async` block capturing `r` is stored through `out`, and may outlive the data `r` refers to']);
    expect(errs(`${N}\nfn f(r: &N): Vec<Future<i32>> { let! v = Vec<Future<i32>>(); v.push(async { r.n }); return v; }`))
      .toEqual(['E0176 dangling reference: an `async` block capturing `r` is returned inside a value, and may outlive the data `r` refers to']);
    expect(errs(`${N}\nfn f(r: &N, out: &Vec<Future<i32>>!) { let n = r.n; out.push(async { n }); }`)).toEqual([]);
    // returned as the Future itself: the caller holds the borrow; capturing a local's borrow: E0160
    expect(errs(`${N}\nfn f(r: &N): Future<i32> { return async { r.n }; }`)).toEqual([]);
    expect(errs(`${N}\nfn f(): Future<i32> { let n = N{n: 1}; let r = &n; return async { r.n }; }`)).toEqual(['E0160 cannot return reference to local variable `n`']);
  });
  it('a slice parameter is a reference too', () => {
    expect(errs('fn f(s: &[i32], out: &Vec<fn(): i32>!) { out.push(|| s[0]); }'))
      .toEqual(['E0176 dangling reference: a closure capturing `s` is stored through `out`, and may outlive the data `s` refers to']);
  });
  it('returned as a function value: accepted (the caller keeps the argument borrowed)', () => {
    expect(errs(`${N}\nfn f(r: &E): fn(): i32 { match r { E.A(x) => return || x.n, E.B(x) => return || 0 } }`)).toEqual([]);
    expect(errs(`${N}\nfn f(r: &N): fn(): i32 { let c = || r.n; return c; }`)).toEqual([]);
  });
  it('a go task capturing a reference parameter: rejected; one borrowing its own locals: left alone', () => {
    expect(errs(`${N}\nfn f(r: &N, ch: Channel<i32>) { go { ch.recv(); println("{}", r.n); }; }`))
      .toEqual(['E0176 dangling reference: a `go` task captures `r`, and may outlive the data `r` refers to']);
    expect(errs(`${N}\nfn f() { let n = N{n: 1}; let r = &n; go { println("{}", r.n); }; }`)).toEqual([]);
  });
  it('a task that cannot block finishes when spawned (§4.6): it may read a reference parameter', () => {
    expect(errs(`${N}\nfn f(r: &N) { go { println("{}", r.n); }; }`)).toEqual([]);
    // (it may block through a call, or through a function value it calls)
    expect(errs(`${N}\nfn wait(ch: Channel<i32>) { ch.recv(); }\nfn f(r: &N, ch: Channel<i32>) { go { wait(ch); println("{}", r.n); }; }`))
      .toEqual(['E0176 dangling reference: a `go` task captures `r`, and may outlive the data `r` refers to']);
  });
  it('a go task capturing a closure that captured a reference parameter (`let g = || r.n; go { g(); }`)', () => {
    expect(errs(`${N}\nfn f(r: &N, ch: Channel<i32>) { let g = || r.n; go { ch.recv(); println("{}", g()); }; }`))
      .toEqual(['E0176 dangling reference: a `go` task captures `r`, and may outlive the data `r` refers to']);
    expect(errs(`${N}\nfn f(r: &N, ch: Channel<i32>) { let n = r.n; let g = || n; go { ch.recv(); println("{}", g()); }; }`)).toEqual([]);
  });
});

describe('a closure returning a reference (E0160)', () => {
  it('to its own by-value parameter or local: rejected', () => {
    expect(errs('fn f() { let g = |s: String| &s; }')).toEqual(['E0160 cannot return reference to local variable `s`']);
    expect(errs('fn f() { let g = |k: i32| { let s = String.from("a"); return &s; }; }')).toEqual(['E0160 cannot return reference to local variable `s`']);
  });
  it('to an element of a temporary Vec: rejected; of a Vec that outlives the call or a capture: accepted', () => {
    const mk = 'fn mk(): Vec<String> { return Vec<String>(); }';
    expect(errs(`${mk}\nfn f() { let w = mk().map(|s| &s); }`)).toEqual(['E0160 cannot return reference to `s`, an element of a temporary Vec']);
    expect(errs(`${mk}\nfn f() { let v = mk(); let w = v.map(|s| &s); println("{}", w.len()); }`)).toEqual([]);
    expect(errs('fn f() { let k = String.from("k"); let g = || &k; println("{}", g()); }')).toEqual([]);
  });
});

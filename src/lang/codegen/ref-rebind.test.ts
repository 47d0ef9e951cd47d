// `r = &y;` rebinds a reference variable (it wrote `y`'s cell into x before), and a `&self` method
// whose owned result cannot alias its temporary receiver (E0175) drops the temporary with its
// statement (issue #9 item 12).
import { describe, it, expect } from 'vitest';
import { runVex } from './run-helpers.test-util';

describe('reference variables and temporaries', () => {
  it('`r = &y;` makes r read y and leaves x alone, for numbers, Strings and structs', () => {
    const r = runVex(`struct P { n: i32 }
fn main() {
    let! x = 1;
    let! y = 2;
    let! r = &x;
    println("{}", *r);
    r = &y;
    x = 5;
    println("{} {} {}", *r, x, y);
    let a = String.from("a");
    let b = String.from("bb");
    let! s = &a;
    s = &b;
    println("{} {} {}", s, s.len(), a);
    let p = P { n: 1 };
    let q = P { n: 2 };
    let! rp = &p;
    rp = &q;
    println("{} {}", rp.n, p.n);
}`);
    expect(r.stdout).toBe('1\n2 5 2\nbb 2 a\n2 1\n');
  });
  it('a temporary receiver of a `&self` method returning an owned value is dropped at once', () => {
    const r = runVex(`struct D impl Drop { id: i32, fn drop()! { println("drop {}", self.id); } }
struct P { name: String, d: D }
fn (self: &P) name_opt(): Option<String> { return Some(self.name.clone()); }
fn mk(i: i32): P { return P { name: String.from("ann"), d: D { id: i } }; }
fn main() {
    let before = runtime_stats().live_bytes;
    let n = mk(1).name_opt();
    println("after {}", runtime_stats().live_bytes - before);
    println("{}", n.unwrap());
}`);
    expect(r.stdout).toBe('drop 1\nafter 3\nann\n');
  });
});

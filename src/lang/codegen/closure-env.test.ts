// A closure keeps the by-value arrays it captured alive past their frame: each such array is
// charged to the heap limit once when a closure that may outlive the frame is made (rt.host.env),
// so keeping closures without end ends in a clean allocation failure (issue #14, root cause 5).
import { describe, it, expect } from 'vitest';
import { runVex } from './run-helpers.test-util';

const KEEP = (n: number, size: number) => `fn main() {
    let! fs = Vec<fn(): i64>();
    for i in 0..${n} {
        let a = [1u8; ${size}];
        fs.push(|| a[0] as i64);
    }
    println("kept {}", fs.len());
}
`;

describe('closure environments are charged to the heap', () => {
  it('keeping closures over big arrays without end fails as an allocation of the array', () => {
    const r = runVex(KEEP(1000000, 8192), { heapLimit: 1 << 20 });
    expect(r.stderr).toBe('memory allocation of 8192 bytes failed\n');
    expect(r.outcome).toMatchObject({ code: 134 });
    expect(r.stdout).toBe('');
  });

  it('a bounded number of kept closures fits and runs', () => {
    const r = runVex(KEEP(50, 8192), { heapLimit: 1 << 20 });
    expect(r.stdout).toBe('kept 50\n');
  });

  it('small captured arrays (below the stack model share) are not charged', () => {
    const r = runVex(KEEP(20000, 64), { heapLimit: 1 << 20 });
    expect(r.stdout).toBe('kept 20000\n');
  });

  it('a closure bound by let and only called in its frame charges nothing, a fresh one each iteration', () => {
    const r = runVex(`fn main() {
    let! total: i64 = 0;
    for i in 0..20000 {
        let a = [1u8; 8192];
        let f = || a[0] as i64;
        total += f() + f();
    }
    println("{}", total);
}
`, { heapLimit: 1 << 20 });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('40000\n');
  });

  it('a let-bound closure that is stored, passed on or called from an escaping closure is charged', () => {
    const shapes = [
      'let f = || a[0] as i64; fs.push(f);',
      'let f = || a[0] as i64; fs.push(|| f());',
      'let f = || a[0] as i64; let g = f; fs.push(g);',
    ];
    for (const body of shapes) {
      const r = runVex(`fn main() {
    let! fs = Vec<fn(): i64>();
    for i in 0..1000000 {
        let a = [1u8; 8192];
        ${body}
    }
    println("kept {}", fs.len());
}
`, { heapLimit: 1 << 20 });
      expect(r.stderr, body).toBe('memory allocation of 8192 bytes failed\n');
    }
  });

  it('closures lent to a method for the call charge nothing', () => {
    const r = runVex(`fn main() {
    let! t: i64 = 0;
    let v = Vec<i64>();
    for i in 0..5000 {
        let a = [2u8; 8192];
        t += Some(i).map(|x| x + a[0] as i64).unwrap();
        v.forEach(|x| { t += x + a[1] as i64; });
    }
    println("{}", t);
}
`, { heapLimit: 1 << 20 });
    expect(r.stdout).toBe(`${(4999 * 5000) / 2 + 2 * 5000}\n`);
  });

  it('several closures over the same array charge it once', () => {
    const src = (n: number) => `fn main() {
    let a = [5u8; 262144];
    let! fs = Vec<fn(): i64>();
    for i in 0..${n} { fs.push(|| a[0] as i64); }
    println("{}", fs.len());
}
`;
    // 256 KiB once fits a 1 MiB heap; charged per closure, 100 closures would not
    expect(runVex(src(100), { heapLimit: 1 << 20 }).stdout).toBe('100\n');
  });

  it('a closure given to a parameter that cannot outlive the call charges nothing; one that may escape is charged', () => {
    const src = (callee: string) => `fn apply(f: fn(): i64): i64 { return f() + again(f); }
fn again(g: fn(): i64): i64 { return g(); }
fn later(f: fn(): i64): i64 { go { println("{}", f()); }; return 0; }
fn main() {
    let! t: i64 = 0;
    for i in 0..200000 {
        let a = [1u8; 8192];
        t += ${callee}(|| a[0] as i64);
    }
    println("{}", t);
}
`;
    const lent = runVex(src('apply'), { heapLimit: 1 << 20 });
    expect(lent.stderr).toBe('');
    expect(lent.stdout).toBe('400000\n');
    const escapes = runVex(src('later'), { heapLimit: 1 << 20 });
    expect(escapes.stderr).toBe('memory allocation of 8192 bytes failed\n');
  });
});

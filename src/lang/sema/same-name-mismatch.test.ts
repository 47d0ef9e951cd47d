// `expected T, found T`: two types that print alike (a struct and a type parameter, as rustc's
// "expected struct `T`, found type parameter `T`") get a note saying which is which.
import { describe, it, expect } from 'vitest';
import { checkSource } from './check';

const errors = (src: string) => checkSource('t.vx', src).diagnostics.filter((d) => d.severity === 'error');

describe('a mismatch between types of one name', () => {
  it('names the struct and the type parameter', () => {
    const [d, ...rest] = errors('struct T { x: i32 }\nfn mk(): T { return T { x: 1 }; }\nfn f<T>(v: T): i32 { let t: T = mk(); return 0; }\nfn main() {}\n');
    expect(rest).toEqual([]);
    expect(d.code).toBe('E0103');
    expect(d.message).toBe('mismatched types: expected `T`, found `T`');
    expect(d.notes).toContain('note: both are written `T`: the expected one is the type parameter `T` of `f`, this one is the struct `T`');
  });
  it('says nothing more when the names differ', () => {
    const [d] = errors('struct A { x: i32 }\nfn f(): i32 { let a: A = 5; return 0; }\nfn main() {}\n');
    expect(d.code).toBe('E0103');
    expect(d.notes ?? []).not.toContainEqual(expect.stringContaining('both are written'));
  });
});

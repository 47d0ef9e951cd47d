// chapter 2 §6.2: a by-value receiver of a mutating (`!`) method may assign to its own copy;
// without `!` it may not; a `&T` receiver stays read-only either way.
import { describe, it, expect } from 'vitest';
import { checkSource } from './check';

const codes = (src: string) => checkSource('t.vx', src).diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);

describe('by-value receivers', () => {
  it('with `!`: fields and the whole receiver are assignable', () => {
    expect(codes('struct P { x: i32, }\nfn (p: P) a()! { p.x = 1; p.x += 2; p = P { x: 0 }; }\nfn (self: P) op[]=(i: i32, v: i32)! { self.x = v; }\nfn main() {}\n')).toEqual([]);
  });
  it('without `!`, or through `&P`: E0110', () => {
    expect(codes('struct P { x: i32, }\nfn (p: P) a() { p.x = 1; }\nfn main() {}\n')).toEqual(['E0110']);
    expect(codes('struct P { x: i32, }\nfn (p: &P) a() { p.x = 1; }\nfn main() {}\n')).toEqual(['E0110']);
  });
});

// chapter 2 §6.2: a by-value receiver of a mutating (`!`) method may assign to its own copy;
// without `!` it may not; a `&T` receiver stays read-only either way.
import { describe } from 'vitest';
import { itReports } from './error-codes.test-util';

describe('by-value receivers', () => itReports({
  'with `!`: fields and the whole receiver are assignable': [['struct P { x: i32, }\nfn (p: P) a()! { p.x = 1; p.x += 2; p = P { x: 0 }; }\nfn (self: P) op[]=(i: i32, v: i32)! { self.x = v; }\nfn main() {}\n', []]],
  'without `!`, or through `&P`: E0110': [['struct P { x: i32, }\nfn (p: P) a() { p.x = 1; }\nfn main() {}\n', ['E0110']], ['struct P { x: i32, }\nfn (p: &P) a() { p.x = 1; }\nfn main() {}\n', ['E0110']]],
}));

// Constructs of real Vex programs (chapter 2): op++/op--, associated-type inference, late type
// arguments, restated prelude enums, keyword method names. Each checked for what it must accept
// and for the diagnostic when it cannot.
import { describe, it, expect } from 'vitest';
import { checkSource } from './check';
import { typeAt } from './query';

const diags = (src: string) => checkSource('t.vx', src).diagnostics.map((d) => `${d.code} ${d.message}`);
const errors = (src: string) => diags(src).filter((d) => !d.startsWith('W'));
const main = (body: string, items = '') => `${items}\nfn main() {\n${body}\n}\n`;

describe('op++ / op--', () => {
  const C = 'struct C { n: i32 }\nfn (c: &C) op++(): C { return C { n: c.n + 1 }; }\n';
  it('prefix and postfix lower to the method and keep the operand type', () => {
    expect(errors(main('let! c = C { n: 0 };\nlet a = c++;\nlet b = (++c).n;\nprintln("{} {}", a.n, b);', C))).toEqual([]);
  });
  it('the value `++c` gives is c\'s own: taken by value it is E0163 (two owners of one value)', () => {
    expect(errors(main('let! c = C { n: 0 };\nlet b = ++c;\nprintln("{}", b.n);', C))).toEqual(['E0163 cannot move the value `++c` gives: it is `c`\'s new value, and `c` still owns it (`C` moves)']);
  });
  it('needs a mutable place, and a type without the method names it', () => {
    expect(errors(main('let c = C { n: 0 };\nc++;', C))[0]).toMatch(/^E0110 /);
    expect(errors(main('let! c = C { n: 0 };\nc--;', C))).toEqual(['E0125 cannot apply `--` to `C`']);
  });
});

describe('associated types', () => {
  it('Item is inferred from next(): the one signature that places it', () => {
    // inferred, so no W0109 (a warning would be reported here otherwise, see below)
    const src = 'contract Gen { type Item; produce()!: Option<Item>; }\nstruct G impl Gen { n: i32 }\nfn (g: &G!) produce(): Option<i64> { return None; }\n' + main('let! g = G { n: 1 };\nlet x: Option<i64> = g.produce();');
    expect(diags(src)).toEqual([]);
    const it = 'struct Down impl Iterator { n: i32 }\nfn (d: &Down!) next(): Option<i32> { if d.n == 0 { return None; } d.n -= 1; return Some(d.n); }\n';
    expect(diags(it + main('let! d = Down { n: 2 };\nfor k in d { let y: i32 = k; println("{}", y); }'))).toEqual([]);
  });
  it('unbound and not inferable: a warning at the struct, an error where it is used', () => {
    const src = 'contract Gen { type Item; count(): i32; }\nstruct G impl Gen { n: i32 }\nfn (g: &G) count(): i32 { return g.n; }\n';
    expect(diags(src + main('println("{}", G { n: 1 }.count());'))).toEqual(['W0109 `G` does not define associated type `Item` required by contract `Gen`']);
    expect(errors(src + 'fn (g: &G) x(): Self.Item { return 0; }\n' + main(''))).toEqual(['E0101 `G` has no associated type `Item`']);
  });
  it('two different placements are not an inference: the warning stays', () => {
    const src = 'contract P { type Item; a(): Item; b(): Item; }\nstruct S impl P { n: i32 }\nfn (s: &S) a(): i32 { return 0; }\nfn (s: &S) b(): bool { return true; }\n' + main('');
    expect(diags(src)).toEqual(['W0109 `S` does not define associated type `Item` required by contract `P`']);
  });
});

describe('late type arguments (§7.3)', () => {
  it('the first push/insert fixes them; unused is i32', () => {
    const src = main('let! v = Vec();\nv.push("a");\nlet! m = Map.new();\nm.insert(1, 2.5);\nlet u = Set();\nlet n = None;');
    expect(errors(src)).toEqual([]);
    expect(typeAt('t.vx', src, src.indexOf('v = ') )).toBe('let! v: Vec<str>');
    expect(typeAt('t.vx', src, src.indexOf('m = '))).toBe('let! m: Map<i32, f64>');
    expect(typeAt('t.vx', src, src.indexOf('u = '))).toBe('let u: Set<i32>');
    expect(typeAt('t.vx', src, src.indexOf('n = '))).toBe('let n: Option<i32>');
  });
  it('a written annotation or type argument wins; a conflicting later push is a mismatch', () => {
    expect(errors(main('let! v: Vec<i64> = Vec();\nv.push(1);'))).toEqual([]);
    expect(errors(main('let! v = Vec();\nv.push(1);\nv.push("x");'))[0]).toMatch(/^E0103 mismatched types/);
  });
});

describe('prelude enums restated, keyword method names', () => {
  it('enum Option/Result with the prelude variants are the prelude types; other shapes shadow them (shadow.test.ts)', () => {
    expect(errors('enum Option<T> { Some(T), None }\n' + main('let x = Option.Some(1).unwrap_or(0);'))).toEqual([]);
    expect(errors('enum Result<T, E> { Ok(T), Err(E) }\n' + main('let r: Result<i32, str> = Ok(1);\nlet v = r?;', ''))[0]).toMatch(/E0117|E0103|E0124/);
    expect(errors('enum Option { On, Off }\n' + main(''))).toEqual([]);
    expect(errors('enum Option { On, Off }\nenum Option { A }\n' + main(''))).toEqual(['E0102 the type name `Option` is defined more than once']);
  });
  it('fn T.from / fn T.default parse and are called like any static method', () => {
    expect(errors('struct W { v: i32 }\nfn W.from(x: i32): W { return W { v: x }; }\nfn W.default(): W { return W { v: 0 }; }\n' + main('let w = W.from(2);\nlet d = W.default();'))).toEqual([]);
  });
});

describe('policies (§7.6)', () => {
  it('a struct takes its policies tags: parents first, children override, inline tags last', async () => {
    const { parse } = await import('../syntax/parser');
    const { structTags } = await import('./policies');
    const src = 'policy B { id `db:"id"`, at `db:"at"` }\npolicy A with B { id `json:"id"` }\nstruct S with A { id: i32, at: i64 `x:"1"`, n: i32 }\nfn main() { }\n';
    expect(diags(src)).toEqual([]);
    expect([...structTags(parse('t.vx', src).program, 'S')]).toEqual([['id', 'json:"id"'], ['at', 'x:"1"']]);
  });
  it('errors: unknown, duplicate, circular, clash with a contract; a missing field warns', () => {
    expect(diags('policy A with Z { id `j` }\nfn main() { }\n')).toEqual(['E0101 policy `Z` not found']);
    expect(diags('policy A { id `j` }\npolicy A { id `k` }\nfn main() { }\n')).toEqual(['E0102 the policy `A` is defined more than once']);
    expect(diags('policy A with A { id `j` }\nfn main() { }\n')).toEqual(["E0164 Circular policy dependency detected: 'A'"]);
    expect(diags('contract A { }\npolicy A { id `j` }\nfn main() { }\n')).toEqual(['E0102 `A` is both a policy and a contract']);
    expect(diags('policy P { id `j` }\nstruct S with P { n: i32 }\nfn main() { println("{}", S { n: 1 }.n); }\n')).toEqual(['W0110 policy `P` tags field `id`, which `S` does not have']);
  });
});

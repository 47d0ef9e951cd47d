// Operator overloading (chapter 2 §2): which method an operator lowers to, declaration rules, and
// the lexing of operator-method names that need a `(` after them.
import { describe, it, expect } from 'vitest';
import { checkSource } from './check';
import { lex } from '../syntax/lexer';
import type * as ast from '../syntax/ast';
import { callTarget, exprInfo, withTables } from './tables';

const V = `struct V { x: i32 }
fn (a: &V) op+(b: V): V { return V { x: a.x + b.x }; }
fn (a: &V) op+(k: i32): V { return V { x: a.x + k }; }
fn (a: &V) op-(): V { return V { x: -a.x }; }
fn (a: &V) op<(b: V): bool { return a.x < b.x; }
`;
/** Names of the methods the operators of `main` were lowered to, in source order. */
function lowered(body: string, items = V): string[] {
  const r = checkSource('t.vx', `${items}\nfn main() {\n${body}\n}\n`);
  expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
  const out: string[] = [];
  const walk = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) { n.forEach(walk); return; }
    const o = n as Record<string, any>;
    const info = typeof o.kind === 'string' ? exprInfo(o as ast.Expr) : undefined;
    if (info?.lowered) {
      let l: any = info.lowered;
      const neg = l.kind === 'unary';
      if (neg) l = l.operand;
      out.push((neg ? '!' : '') + ((callTarget(l) as any)?.fn?.name ?? (callTarget(l.left) as any)?.fn?.name));
    }
    for (const k of Object.keys(o)) if (!['info', 'res', 'local', 'span', 'target'].includes(k)) walk(o[k]);
  };
  withTables(r.program!.tables, () => walk(r.program!.ast.items.find((i: any) => i.name === 'main')));
  return out;
}

describe('operator lowering', () => {
  it('picks the overload by the right operand type; unary and binary op- are separate', () => {
    expect(lowered('let a = V { x: 1 }; let b = a + V { x: 2 }; let c = a + 5; let d = -a;')).toEqual(['V.op+', 'V.op+', 'V.op-']);
  });
  it('derives > <= >= from op< (swapped / negated)', () => {
    expect(lowered('let a = V { x: 1 }; let b = V { x: 2 }; let p = a > b; let q = a <= b; let r = a >= b;')).toEqual(['V.op<', '!V.op<', '!V.op<']);
  });
  it('derives all comparisons from compare, and != from op==', () => {
    const items = 'struct W { x: i32 }\nfn (a: &W) compare(b: W): i32 { return a.x - b.x; }\nfn (a: &W) op==(b: W): bool { return a.x == b.x; }\n';
    expect(lowered('let a = W { x: 1 }; let p = a < W { x: 2 }; let q = a != W { x: 3 };', items)).toEqual(['W.compare', '!W.op==']);
  });
  it('comparisons do not move their operands', () => {
    expect(lowered('let a = V { x: 1 }; let b = V { x: 2 }; let p = a < b; let q = b < a; println("{}", b.x);')).toEqual(['V.op<', 'V.op<']);
  });
  it('comparisons auto-deref and auto-borrow the right operand, and lend it without a move', () => {
    const items = 'struct R { x: i32 }\nfn (a: &R) op==(b: &R): bool { return a.x == b.x; }\nfn (a: &R) op<(b: R): bool { return a.x < b.x; }\n';
    // `a == b` borrows b; `a < rb` reads *rb; `rb > a` swaps to `a < rb`; `a` stays usable though `ra` borrows it
    expect(lowered('let a = R { x: 1 }; let b = R { x: 2 }; let rb = &b; let ra = &a; let p = a == b; let q = a < rb; let s = rb > a; let t = rb == a; println("{} {}", ra.x, a.x);', items))
      .toEqual(['R.op==', 'R.op<', 'R.op<', 'R.op==']);
  });
  it('a reference operand is not lent to a by-value parameter of a type that owns memory', () => {
    const items = 'struct S { x: i32, s: String }\nfn (a: &S) op==(b: S): bool { return a.x == b.x; }\n';
    const r = checkSource('t.vx', `${items}\nfn main() { let a = S { x: 1, s: "a".to_string() }; let b = S { x: 1, s: "b".to_string() }; let rb = &b; let p = a == rb; }\n`);
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['E0103']);
  });
  it('generic code compares `T` with `&T` either way round', () => {
    const r = checkSource('t.vx', 'fn f<T: Ord>(a: T, b: &T): bool { return a < b && b >= a && a != b; }\nfn main() { println("{}", f(1, &2)); }\n');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
  it('a free operator function serves a built-in left operand', () => {
    expect(lowered('let a = V { x: 1 }; let b = 2 * a;', V + 'fn op*(k: i32, v: V): V { return V { x: k * v.x }; }\n')).toEqual(['op*']);
  });
  it('compound assignment falls back to op+ when there is no op+=', () => {
    const r = checkSource('t.vx', `${V}\nfn main() { let! a = V { x: 1 }; a += 2; println("{}", a.x); }\n`);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('operator declarations', () => {
  const errs = (src: string) => checkSource('t.vx', src + '\nfn main() {}\n').diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);
  it('fixed parameter counts, bool comparisons, mutating op[]= and op+=', () => {
    expect(errs('struct V { x: i32 }\nfn (a: &V) op*(): V { return V { x: 0 }; }')).toEqual(['E0129 operator method `op*` takes 1 parameter']);
    expect(errs('struct V { x: i32 }\nfn (a: &V) op<(b: V): i32 { return 0; }')).toEqual(['E0129 comparison operator method `op<` must return `bool`, found `i32`']);
    expect(errs('struct V { x: i32 }\nfn (a: &V) op+=(b: V) { }')).toEqual(['E0129 `op+=` must be a mutating method: take `self: &V!` or end the name with `!`']);
    expect(errs('struct V { x: i32 }\nfn (a: &V!) op+=(b: V) { }')).toEqual([]);
  });
});

describe('lexing operator-method names', () => {
  const kinds = (src: string) => lex('t.vx', src).tokens.filter((t: any) => t.kind !== 'eof').map((t: any) => `${t.kind}:${t.text}`);
  it('op+=( op!( op~( op++( are method names; op += 1 and &op! are not', () => {
    expect(kinds('op+=(')[0]).toBe('opmethod:op+=');
    expect(kinds('op!(')[0]).toBe('opmethod:op!');
    expect(kinds('op~(')[0]).toBe('opmethod:op~');
    expect(kinds('op++(')[0]).toBe('opmethod:op++');
    expect(kinds('op += 1')[0]).toBe('ident:op');
    expect(kinds('&op!')[1]).toBe('ident:op');
  });
});

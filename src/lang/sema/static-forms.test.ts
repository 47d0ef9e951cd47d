// Static call forms (chapter 2 §7.10): `T.m(x, args…)` as `x.m(args…)`, and the free-function
// fallbacks `T_m` / `lowercase(T)_m`; the diagnostics when the form cannot apply.
import { describe, it, expect } from 'vitest';
import { checkSource } from './check';
import { typeAt } from './query';
import { definitionAt } from './definition';
import { referencesAt } from './references';
import { signatureAt } from './signature';

const errors = (src: string) => checkSource('t.vx', src).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);
const C = 'struct C { n: i32 }\nfn (c: &C!) bump(by: i32) { c.n += by; }\nfn (c: &C) get(): i32 { return c.n; }\n';
const main = (body: string, items = C) => `${items}fn main() {\n${body}\n}\n`;

describe('T.m(x, args…)', () => {
  it('is the method call on x, for user and builtin methods', () => {
    expect(errors(main('let! c = C { n: 1 };\nC.bump(c, 2);\nlet n: i32 = C.get(&c);'))).toEqual([]);
    expect(errors(main('let! v = Vec<i32>();\nVec.push(v, 1);\nlet n = Vec.len(v);'))).toEqual([]);
  });
  it('keeps the method\'s rules: a mutating method needs a mutable receiver', () => {
    expect(errors(main('let c = C { n: 1 };\nC.bump(c, 2);'))[0]).toMatch(/^E0111 cannot call mutating method `bump` on immutable binding `c`/);
  });
  it('x must be a T; without x the method cannot be called on the type', () => {
    expect(errors(main('C.get(3);'))).toEqual(['E0103 mismatched types: `C.get(x, …)` calls the method on `x`, which must be a `C`, found `i32`']);
    expect(errors(main('C.get();'))).toEqual(['E0108 `get` is an instance method of `C`, not a static method']);
  });
  it('hover on the method name shows the method', () => {
    const src = main('let c = C { n: 1 };\nlet n = C.get(c);');
    expect(typeAt('t.vx', src, src.indexOf('get(c)'))).toBe('fn get(): i32');
  });
});

describe('free-function fallbacks', () => {
  it('T.m finds T_m, then lowercase(T)_m, each may be overloaded', () => {
    const items = 'struct P { x: i32 }\nfn P_new(x: i32): P { return P { x: x }; }\nfn P_new(x: f64): P { return P { x: x as i32 }; }\nfn p_origin(): P { return P { x: 0 }; }\n';
    expect(errors(main('let a = P.new(1);\nlet b = P.new(2.5);\nlet c = P.origin();\nprintln("{}", a.x + b.x + c.x);', items))).toEqual([]);
  });
});

// The checked form lives in the tables (callAs), the written call stays as parsed: every editor
// query reads the call as checked.
describe('editor queries on T.m(x, args…)', () => {
  const src = main('let! c = C { n: 1 };\nC.bump(c, 2);\nlet n = C.get(c);\nlet! v = Vec<i32>();\nVec.push(v, 7);');
  it('go to definition on the method name finds the method', () => {
    const d = definitionAt([{ name: 't.vx', text: src }], 't.vx', src.indexOf('bump(c'));
    expect(d && src.split('\n')[d.line - 1].slice(d.col - 1, d.endCol - 1)).toBe('bump');
    expect(d?.line).toBe(2);
  });
  it('find references lists the static form with the method calls', () => {
    const r = referencesAt([{ name: 't.vx', text: src }], 't.vx', src.indexOf('get(): i32'));
    expect(r?.locations.map((l) => `${l.line}:${src.slice(l.start, l.end)}`)).toEqual(['3:get', '7:get']);
  });
  it('hover on a builtin method and on the method of a user type', () => {
    expect(typeAt('t.vx', src, src.indexOf('push(v'))).toBe('Vec<i32>.push(i32)!');
    expect(typeAt('t.vx', src, src.indexOf('bump(c'))).toBe('fn bump(by: i32)');
  });
  it('signature help shows the method with the written receiver as its first parameter', () => {
    const onRecv = signatureAt('t.vx', src, src.indexOf('c, 2);'));
    expect(onRecv?.label).toBe('fn bump(self: &C!, by: i32)');
    expect(onRecv && onRecv.label.slice(...onRecv.params[onRecv.active])).toBe('self: &C!');
    const onArg = signatureAt('t.vx', src, src.indexOf('2);'));
    expect(onArg && onArg.label.slice(...onArg.params[onArg.active])).toBe('by: i32');
    const builtin = signatureAt('t.vx', src, src.indexOf('7);'));
    expect(builtin?.label).toBe('Vec<i32>.push(self: Vec<i32>, i32)!');
    expect(builtin?.active).toBe(1);
  });
  it('hover on the written receiver and on the owner type', () => {
    expect(typeAt('t.vx', src, src.indexOf('c, 2);'))).toBe('let! c: C');
    expect(typeAt('t.vx', src, src.indexOf('C.bump'))).toMatch(/^struct C \{/);
    expect(typeAt('t.vx', src, src.indexOf('v, 7'))).toBe('let! v: Vec<i32>');
  });
  it('go to definition on the written receiver finds its binding', () => {
    const d = definitionAt([{ name: 't.vx', text: src }], 't.vx', src.indexOf('c, 2);'));
    expect(d && src.split('\n')[d.line - 1].slice(d.col - 1, d.endCol - 1)).toBe('c');
  });
});

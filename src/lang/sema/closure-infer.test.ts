// Closure parameter inference (chapter 2 §1.2): expected type, body, later calls, defaults, and
// the diagnostics when nothing decides. Observed through typeof and diagnostics.
import { describe, it, expect } from 'vitest';
import { checkMain, typeofs } from './typeof.test-util';

const check = checkMain;
const errors = (body: string, items = '') => check(body, items).diagnostics.filter((d) => d.severity === 'error');

describe('closure parameter inference', () => {
  it('literals only mark: integer -> i32, float -> f64; unused parameters default to i32', () => {
    expect(typeofs('let a = |n| n * 2; let b = |x| x / 2.0; let c = |p, q| p + q; let d = |z| 0; println("{} {} {} {}", typeof(a), typeof(b), typeof(c), typeof(d));'))
      .toEqual(['fn(i32): i32', 'fn(f64): f64', 'fn(i32, i32): i32', 'fn(i32): i32']);
  });
  it('a typed operand, argument, assignment target or condition fixes the parameter', () => {
    expect(typeofs('let big: i64 = 1; let! s: u8 = 0; let a = |n| n + big; let b = |k| { s = k; }; let c = |f| if f { 1 } else { 2 }; let d = |t| takes(t); println("{} {} {} {}", typeof(a), typeof(b), typeof(c), typeof(d));', 'fn takes(x: u16): bool { return x > 0; }'))
      .toEqual(['fn(i64): i64', 'fn(u8)', 'fn(bool): i32', 'fn(u16): bool']);
  });
  it('the first later call fixes what the body left open', () => {
    expect(typeofs('let id = |x| x; let s = |v| v; let twice = |n| n * 2; println("{} {} {}", id(2.5), s("a"), twice(3000000000)); println("{} {} {}", typeof(id), typeof(s), typeof(twice));'))
      .toEqual(['fn(f64): f64', 'fn(str): str', 'fn(i64): i64']);
  });
  it('the parameter type of the function it is passed to, and a later annotated let', () => {
    expect(typeofs('let f = |x| x; let r = apply(f); let g = |y| y; let h: fn(u8): u8 = g; println("{} {} {}", r, typeof(f), typeof(g));', 'fn apply(f: fn(i64): i64): i64 { return f(2); }'))
      .toEqual(['fn(i64): i64', 'fn(u8): u8']);
  });
  it('the expected type wins over inference', () => {
    expect(typeofs('let f: fn(u16): u16 = |x| x + 1; println("{}", typeof(f));')).toEqual(['fn(u16): u16']);
  });
  it('a later use of a shadowing binding does not count', () => {
    expect(typeofs('let f = |x| x; let f = 2.5; println("{} {}", f, typeof(f));')).toEqual(['f64']);
  });
  it('an open parameter used where a type is needed is E0130 naming it', () => {
    const es = errors('let f = |p| p.len();');
    expect(es.map((d) => [d.code, d.message])).toEqual([['E0130', 'cannot infer the type of closure parameter `p`; annotate it']]);
    expect(es[0].labels.map((l) => l.message)).toEqual(['its type is needed here']);
  });
  it('the later use fixes a parameter the body needed (method call)', () => {
    expect(errors('let f = |p| p.len(); println("{}", f("abc"));')).toEqual([]);
  });
  it('a later conflicting call is E0103 with a note on the inference', () => {
    const es = errors('let half = |x| x / 2.0; half(true);');
    expect(es.map((d) => d.code)).toEqual(['E0103']);
    expect(es[0].notes).toContain('note: closure parameter `x` was inferred as `f64`');
  });
  it('the probe leaves no trace: one diagnostic for an error in the body, no duplicate locals', () => {
    const es = errors('let f = |x| { let y = x + 1; y + true };');
    expect(es.map((d) => d.code)).toEqual(['E0125']);
    const r = check('let f = |x| { let y = x + 1; y }; println("{}", f(1));');
    const names = r.program!.fns.flatMap((f) => f.locals.map((l) => l.name));
    expect(names.filter((n) => n === 'y')).toHaveLength(1);
  });
  it('deeply nested unannotated closures stay fast', () => {
    const depth = 40;
    const src = 'let f = ' + Array.from({ length: depth }, (_, i) => `|a${i}|`).join(' ') + ' a0 + 1;';
    const t0 = Date.now();
    check(src);
    expect(Date.now() - t0).toBeLessThan(1500);
  });
});

describe('editor queries on inferred closures', () => {
  it('hover shows the inferred parameter and closure types', async () => {
    const { typeAt } = await import('./query');
    const src = 'fn main() {\n    let half = |x| x / 2.0;\n    println("{}", half(3.0));\n}\n';
    expect(typeAt('m.vx', src, src.indexOf('x /'))).toBe('let x: f64');
    expect(typeAt('m.vx', src, src.indexOf('half('))).toBe('let half: fn(f64): f64');
  });
});

describe('standard modules in the editor', () => {
  it('hover names the module item; completion lists a namespace and named imports', async () => {
    const { typeAt, completionsAt } = await import('./query');
    const src = 'import * as m from "math";\nimport { PI } from "math";\nfn main() {\n    let r = m.sqrt(PI);\n    let x = m.sq\n}\n';
    expect(typeAt('main.vx', src, src.indexOf('m.sqrt') + 2)).toBe('fn sqrt(x: f64): f64');
    expect(completionsAt('main.vx', src, src.indexOf('m.sq\n') + 4).map((c) => c.label)).toEqual(['sqrt_f64', 'sqrt_f32', 'sqrt']);
    const src2 = 'import { PI } from "math";\nfn main() {\n    let y = P\n}\n';
    const labels = completionsAt('main.vx', src2, src2.indexOf('= P') + 3).map((c) => c.label);
    expect(labels).toContain('PI');
    expect(labels.some((l) => l.includes('·'))).toBe(false);
  });
});

// The partial parse of an editor query (parse with `bodiesAt`): only the bodies of functions that
// cannot hold the position become empty blocks; every declaration, span and the kept bodies are
// the full parse's.
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from './parser';
import type * as ast from './ast';
import { OWN_DIR } from '../../../tests/conformance-lib';

const fns = (p: ast.Program): ast.FnDecl[] => {
  const out: ast.FnDecl[] = [];
  const walk = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) { for (const x of n) walk(x); return; }
    const o = n as Record<string, unknown>;
    if (o.kind === 'fn' && 'body' in o) { out.push(o as unknown as ast.FnDecl); return; }
    for (const k in o) if (k !== 'span' && k !== 'nameSpan') walk(o[k]);
  };
  walk(p.items);
  return out;
};
const bodyLen = (f: ast.FnDecl) => (f.body ? f.body.stmts.length + (f.body.tail ? 1 : 0) : -1);

const SRC = `struct P { x: i32, f: fn(i32): i32, fn (self: &P) get(): i32 { return self.x; } }
extern "C" { fn sin(x: f64): f64; }
contract Shape { fn area(self): f64; fn twice(self): f64 { return self.area() * 2.0; } }
fn a(p: P = P { x: 1, f: |v| v }): i32 { let q = p.x; return q + 1; }
export fn b() { let g: fn(i32): i32 = |v| v; println("{}", g(2)); }
fn c() { if true { println("{}", f"{1}"); } }
fn main() { a(); b(); c(); }
`;

describe('parse with bodiesAt', () => {
  const full = parse('t.vx', SRC);
  it('empties the other bodies, keeps the one holding the position, with every span unchanged', () => {
    const at = SRC.indexOf('let q');
    const part = parse('t.vx', SRC, at);
    expect(part.diagnostics).toEqual(full.diagnostics);
    const [pf, ff] = [fns(part.program), fns(full.program)];
    expect(pf.map((f) => [f.name, f.span, f.body?.span ?? null])).toEqual(ff.map((f) => [f.name, f.span, f.body?.span ?? null]));
    const lens = Object.fromEntries(pf.map((f) => [f.name, bodyLen(f)]));
    // a: holds the position; b: a function type in its body keeps it; the rest are empty
    expect(lens).toEqual({ get: 0, area: -1, twice: 0, a: 2, b: 2, c: 0, main: 0 });
    expect(pf.find((f) => f.name === 'a')).toEqual(ff.find((f) => f.name === 'a'));
  });
  it('a position in a signature or before the name keeps that body', () => {
    for (const needle of ['fn c', 'c() {']) {
      const part = parse('t.vx', SRC, SRC.indexOf(needle));
      expect(bodyLen(fns(part.program).find((f) => f.name === 'c')!)).toBe(1);
    }
    const part = parse('t.vx', SRC, SRC.indexOf('export fn b')); // the `export` before the `fn`
    expect(fns(part.program).find((f) => f.name === 'b')).toEqual(fns(full.program).find((f) => f.name === 'b'));
  });
  it('an unclosed body is parsed as written (recovery sees the next item)', () => {
    const bad = 'fn a() { let x = 1;\nfn b() { let y = 2; }\nfn main() { }\n';
    const part = parse('t.vx', bad, bad.indexOf('main'));
    expect(part.diagnostics).toEqual(parse('t.vx', bad).diagnostics);
    expect(part.program.items.map((i) => (i as ast.FnDecl).name)).toEqual(parse('t.vx', bad).program.items.map((i) => (i as ast.FnDecl).name));
  });
  it('over the conformance programs: the same declarations and spans, the body at the position as written', () => {
    let kept = 0, emptied = 0;
    for (const f of readdirSync(OWN_DIR).filter((n) => n.endsWith('.vx')).sort()) {
      const text = readFileSync(join(OWN_DIR, f), 'utf8');
      const parsed = parse(f, text);
      if (parsed.diagnostics.length) continue; // a skipped body's own syntax errors are not looked for
      const whole = fns(parsed.program);
      for (let i = 0; i < 6; i++) {
        const at = Math.floor((i * text.length) / 6) + i;
        const part = fns(parse(f, text, at).program);
        expect(part.map((x) => [x.name, x.span]), f).toEqual(whole.map((x) => [x.name, x.span]));
        part.forEach((x, j) => {
          if (x.span.start <= at && at <= x.span.end) { expect(x, `${f} @${at}`).toEqual(whole[j]); kept++; } else if (bodyLen(x) === 0 && bodyLen(whole[j]) > 0) emptied++;
        });
      }
    }
    expect(kept).toBeGreaterThan(500);
    expect(emptied).toBeGreaterThan(2000);
  });
});

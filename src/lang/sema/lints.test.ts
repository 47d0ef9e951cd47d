import { describe, it, expect } from 'vitest';
import { checkSource } from './check';

const warnings = (src: string) => checkSource('t.vx', src, { lints: true }).diagnostics.filter((d) => d.severity === 'warning' && /^W010[3-7]$/.test(d.code));
const main = (body: string, items = '') => `${items}\nfn main() {\n${body}\n}\n`;

describe('checker warnings', () => {
  it('unused variable: help names the `_` edit; `_x` and guards with a destructor are exempt', () => {
    const [w] = warnings(main('let total = 1;'));
    expect(w).toMatchObject({ code: 'W0103', message: 'unused variable `total`' });
    expect(w.span).toMatchObject({ line: 3, col: 5 });
    expect(w.notes).toContain('help: if this is intentional, prefix it with an underscore: `_total`');
    expect(warnings(main('let _total = 1;'))).toEqual([]);
    expect(warnings(main('let g = G { n: 1 };', 'struct G impl Drop { n: i32, fn drop()! { println("bye"); } }'))).toEqual([]);
  });
  it('unreachable code after return, break, continue and panic, once per block', () => {
    for (const body of ['return; println("a"); println("b");', 'loop { break; println("a"); }', 'for i in 0..2 { continue; println("{}", i); }', 'panic("no"); println("a");']) {
      const ws = warnings(main(body));
      expect(ws.map((w) => w.code), body).toEqual(['W0104']);
      expect(ws[0].notes[0]).toMatch(/^help: remove the unreachable code/);
    }
  });
  it('`let!` never mutated: not when assigned, borrowed `&x!` or called with a mutating method', () => {
    const [w] = warnings(main('let! n = 1; println("{}", n);'));
    expect(w).toMatchObject({ code: 'W0105' });
    expect(w.notes).toEqual(['help: change `let!` to `let`']);
    expect(warnings(main('let! n = 1; n += 1; println("{}", n);'))).toEqual([]);
    expect(warnings(main('let! v = Vec<i32>.new(); v.push(1); println("{}", v.len());'))).toEqual([]);
    expect(warnings(main('let! p = P { x: 1 }; p.x = 2; println("{}", p.x);', 'struct P { x: i32 }'))).toEqual([]);
    expect(warnings(main('let! n = 1; bump(&n!); println("{}", n);', 'fn bump(r: &i32!) { *r += 1; }'))).toEqual([]);
  });
  it('unused Result and unused function', () => {
    const item = 'fn parse(): Result<i32, string> { return Ok(1); }';
    expect(warnings(main('parse();', item)).map((w) => w.code)).toEqual(['W0106']);
    expect(warnings(main('println("{}", 1);', 'fn run(): Result<i32, string> { let r = parse()?; return Ok(r); }\n' + item)).map((w) => w.code)).toEqual(['W0107']);
    expect(warnings('fn lonely() {}\nfn main() {}')[0].notes).toContain('help: if this is intentional, prefix it with an underscore: `_lonely`');
  });
  it('only on request: compile and run see none', () => {
    expect(checkSource('t.vx', main('let unused = 1;')).diagnostics).toEqual([]);
  });
  it('no warnings beside errors (they would be noise)', () => {
    const r = checkSource('t.vx', main('let x: i32 = "no"; let unused = 1;'), { lints: true });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['E0103']);
  });
});

describe('unused imports (W0108)', () => {
  const w8 = (src: string) => checkSource('t.vx', src, { lints: true }).diagnostics.filter((d) => d.code === 'W0108');
  const use = (e: string) => `fn main() {\n    println("{}", ${e});\n}\n`;
  it('a named import never used; used names, namespaces and bare imports are not', () => {
    const [w] = w8('import { sqrt } from "math";\n' + use('1'));
    expect(w).toMatchObject({ message: 'unused import `sqrt`', severity: 'warning', span: { line: 1, col: 10 } });
    expect(w.notes).toEqual(['help: remove the unused import (line 1)']);
    expect(w8('import { sqrt } from "math";\n' + use('sqrt(4.0)'))).toEqual([]);
    expect(w8('import * as m from "math";\n' + use('m.PI'))).toEqual([]);
    expect(w8('import "math";\n' + use('math.PI'))).toEqual([]);
    expect(w8('import "math";\n' + use('floor(1.5)'))).toEqual([]);
  });
  it('aliases, namespaces, bare imports and several names', () => {
    expect(w8('import { sqrt as root } from "math";\n' + use('1'))[0].message).toBe('unused import `root`');
    expect(w8('import { sqrt as root } from "math";\n' + use('root(4.0)'))).toEqual([]);
    expect(w8('import * as m from "math";\n' + use('1'))[0].message).toBe('unused import `m`');
    expect(w8('import "math";\n' + use('1'))[0].message).toBe('unused import "math"');
    const some = w8('import { floor, sqrt, ceil } from "math";\n' + use('sqrt(4.0)'));
    expect(some.map((w) => [w.message, w.notes[0]])).toEqual([
      ['unused import `floor`', 'help: remove `floor` from the import list'],
      ['unused import `ceil`', 'help: remove `ceil` from the import list'],
    ]);
    expect(w8('import { floor, ceil } from "math";\n' + use('1')).map((w) => w.message)).toEqual(['unused import `floor`, `ceil`']);
  });
  it('no-op modules (core, io) never warn', () => {
    expect(w8('import "std/io";\n' + use('1'))).toEqual([]);
  });
});

describe('W0113: a value with a drop() kept by a closure that may escape', () => {
  const kept = (src: string) => checkSource('t.vx', src, { lints: true }).diagnostics.filter((d) => d.code === 'W0113').map((d) => `${d.message} @${d.span.line}`);
  const D = 'struct D impl Drop { n: i32, fn drop()! { println("drop {}", self.n); } }\nstruct P { n: i32 }';
  it('warns exactly for the locals the run keeps (stored, copied, returned), not for one only called or lent', () => {
    const src = `${D}
fn keep(f: fn(): i32, fs: &Vec<fn(): i32>!) { fs.push(f); }
fn call(f: fn(): i32): i32 { return f(); }
fn mk(n: i32): fn(): i32 { let r = D { n: n }; return || r.n; }
fn main() {
    let! fs: Vec<fn(): i32> = Vec.new();
    { let a = D { n: 1 }; let f = || a.n; keep(f, &fs!); }
    { let b = D { n: 2 }; let f = || b.n; println("{}", call(f)); }
    { let c = D { n: 3 }; let f = || c.n; let g = f; println("{}", g()); }
    { let e = D { n: 4 }; println("{}", call(|| e.n)); }
    { let p = P { n: 5 }; fs.push(|| p.n); }
    println("{} {}", fs.len(), mk(6)());
}`;
    expect(kept(src)).toEqual([
      '`r` is kept by a closure that may outlive its block: its `drop()` will not run @5',
      '`a` is kept by a closure that may outlive its block: its `drop()` will not run @8',
      '`c` is kept by a closure that may outlive its block: its `drop()` will not run @10',
    ]);
  });
});

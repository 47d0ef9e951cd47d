// Whole programs: valid ones check clean; broken ones report every error once, at the right line,
// without cascades.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSource } from './check';

const load = (name: string) => readFileSync(join(__dirname, 'testdata', name), 'utf8');
const report = (name: string) => checkSource(name, load(name)).diagnostics.map((d) => `${d.code}@${d.span.line}`);

describe('valid programs check clean', () => {
  for (const name of ['mixed.vx', 'generics.vx', 'builtins.vx', 'contract-defaults.vx', 'paths-patterns.vx', 'extern-types.vx']) {
    it(name, () => {
      const r = checkSource(name, load(name));
      expect(r.diagnostics).toEqual([]);
      expect(r.program).not.toBeNull();
    });
  }
});

describe('broken programs', () => {
  it('many independent errors are all reported, one each', () => {
    expect(report('many-errors.vx')).toEqual([
      'E0114@4', 'E0115@6', 'E0110@14', 'E0100@15', 'E0103@17', 'E0103@18', 'E0105@19', 'E0111@21', 'E0103@21',
      'E0115@22', 'E0103@23', 'E0107@24', 'E0126@25', 'E0103@27', 'E0124@28', 'E0124@29', 'E0103@30', 'E0118@31',
      'E0103@31', 'E0143@33', 'E0104@34', 'E0103@36', 'E0127@37',
    ]);
  });
  it('moves: by-value use, conditional move, closure capture and String moves; copies and Gc do not move; diverging paths do not leak moves; moves in loops; if-expression arms are separate paths; a match used by value moves its arm tails; an elif condition moves only after the branches before it; moving a match binding moves part of the matched local', () => {
    expect(report('moves.vx')).toEqual(['E0113@7', 'E0113@10', 'E0113@21', 'E0113@24', 'E0113@43', 'E0113@54', 'E0113@71', 'E0113@80', 'E0113@91', 'E0113@99']);
  });
});

describe('contract default methods', () => {
  it('each implementing struct gets its own checked copy; an own definition wins', () => {
    const r = checkSource('d.vx', load('contract-defaults.vx'));
    const names = r.program!.fns.map((f) => f.name);
    expect(names).toContain('A.hello');
    expect(names).toContain('A.twice');
    expect(names.filter((n) => n === 'B.hello')).toHaveLength(1);
    const aHello = r.program!.fns.find((f) => f.name === 'A.hello')!;
    const bHello = r.program!.fns.find((f) => f.name === 'B.hello')!;
    expect(aHello.decl).not.toBe(bHello.decl);
    expect(r.program!.fns.find((f) => f.name === 'A.twice')!.receiver).toBe('mut-ref');
  });
});

describe('#[no_main] libraries', () => {
  it('lists export fns and export lists (with aliases) in source order', () => {
    const src = '#[no_main]\nfn add(a: i32, b: i32): i32 { return a + b; }\nexport { add as plus };\nexport fn twice(x: f64): f64 { return x * 2.0; }\nexport async fn later(): i32 { return 1; }\n';
    const r = checkSource('lib.vx', src);
    expect(r.diagnostics).toEqual([]);
    expect(r.program!.exports).toEqual(['library: plus(i32, i32): i32', 'library: twice(f64): f64', 'library: later(): Future<i32>']);
    expect(r.program!.main).toBeNull();
  });
  it('exporting an unknown name is an error', () => {
    expect(checkSource('lib.vx', '#[no_main]\nexport { nope };\n').diagnostics.map((d) => d.code)).toEqual(['E0100']);
  });
});

describe('or-patterns', () => {
  it('alternatives must bind the same names', () => {
    const src = 'enum E { A(i32), B(i32), C }\nfn main() { let e = E.A(1);\n match e { E.A(x) | E.B(x) => println("{}", x), E.C => {} }\n match e { E.A(x) | E.C => println("?"), _ => {} } }\n';
    expect(checkSource('t.vx', src).diagnostics.map((d) => `${d.code}@${d.span.line}`)).toEqual(['E0116@4']);
  });
});
